"""Packing full articles: fetch each new item's page, extract it in the process pool, fetch
and keep its pictures, sanitise, store. Re-extraction runs the same steps over kept pages
with no network at all.

A page that cannot be read well (a paywall, a script-only page, something that is not a web
page) leaves the feed's own text in place with a note saying so; a network failure leaves the
item pending, to be tried again on a better line.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

import httpx

from tiffin.articles.extract import ExtractedArticle, extract_article
from tiffin.articles.images import MAX_IMAGE_BYTES, ImageFolder, ImageRefused
from tiffin.config import Paths, Settings
from tiffin.errors import HttpStatusError, RateLimited, ResponseTooLarge, TiffinError
from tiffin.fetch.pool import as_they_finish, run_with_pool
from tiffin.library import articles as stored
from tiffin.library.articles import FEED_TEXT, FULL, ArticleJob, KnownImage, PackedArticle
from tiffin.library.queries import get_item
from tiffin.library.store import Store
from tiffin.markup import LOCAL_IMAGE_SCHEME, html_to_text, sanitize_article
from tiffin.net.client import fetch, make_client
from tiffin.net.limits import ConnectionLimits
from tiffin.progress import CancelToken, Step

logger = logging.getLogger(__name__)

# An extraction shorter than this, and shorter than the feed's own text, is no article.
MIN_ARTICLE_CHARS = 250
MAX_IMAGES_PER_ARTICLE = 40
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class ArticleOutcome:
    """What packing one item did: FULL, FEED_TEXT (with the note), or an error (still pending)."""

    item_id: int
    url: str
    state: str = ""
    note: str = ""
    error: str | None = None
    images: int = 0


@dataclass(frozen=True)
class ArticleReport:
    """Every item's outcome, in the order they finished."""

    outcomes: tuple[ArticleOutcome, ...]

    def count(self, state: str) -> int:
        """How many items ended in `state`."""
        return sum(1 for o in self.outcomes if o.state == state)

    @property
    def failed(self) -> tuple[ArticleOutcome, ...]:
        """Items left pending because the page could not be fetched."""
        return tuple(o for o in self.outcomes if o.error)


def judge(extracted: ExtractedArticle | None, feed_text: str) -> str:
    """Why the extraction is not worth keeping over the feed's text, or "" when it is."""
    if extracted is None:
        return "no article text found on the page (a paywall or a script-only page?)"
    if len(extracted.text) < MIN_ARTICLE_CHARS and len(extracted.text) < len(feed_text):
        return "the page gave less text than the feed (a paywall or a script-only page?)"
    return ""


class _Packer:
    def __init__(
        self,
        store: Store,
        paths: Paths,
        settings: Settings,
        pool: Executor | None,
        cancel: CancelToken,
    ) -> None:
        self.store, self.settings, self.pool, self.cancel = store, settings, pool, cancel
        self.folder = ImageFolder(paths.data_dir / "images")
        self.limits = ConnectionLimits(settings.max_connections, settings.per_host_connections)
        self.image_tasks: dict[str, asyncio.Task[KnownImage | None]] = {}

    async def _get(
        self, client: httpx.AsyncClient, url: str, max_bytes: int, picture: bool = False
    ) -> tuple[str, str, bytes]:
        # Pictures sit on CDNs made for many parallel requests (browsers open six per host).
        per_host = max(self.settings.per_host_connections, 6) if picture else None
        async with self.limits.slot(url, "picture" if picture else "", per_host):
            result = await fetch(client, url, self.settings, max_bytes=max_bytes)
        return result.url, result.headers.get("content-type", ""), result.body

    async def _extract(self, body: bytes, url: str) -> ExtractedArticle | None:
        if self.pool is None:
            return await asyncio.to_thread(extract_article, body, url)
        return await asyncio.get_running_loop().run_in_executor(
            self.pool, extract_article, body, url
        )

    async def _image(self, client: httpx.AsyncClient, url: str) -> KnownImage | None:
        try:
            _, _, data = await self._get(client, url, MAX_IMAGE_BYTES, picture=True)
            kept = await asyncio.to_thread(self.folder.save, data)
        except (TiffinError, ImageRefused) as exc:
            logger.info("picture %s left out: %s", url, exc)
            return None
        return KnownImage(url, kept.name, kept.mime, kept.size, kept.width, kept.height)

    async def _images(
        self, client: httpx.AsyncClient | None, urls: Sequence[str]
    ) -> list[KnownImage]:
        wanted = list(urls[:MAX_IMAGES_PER_ARTICLE])
        known = await asyncio.to_thread(stored.known_images, self.store, wanted)
        found = [known[u] for u in wanted if u in known]
        if client is None:
            return found
        for url in wanted:
            if url not in known and url not in self.image_tasks:
                self.image_tasks[url] = asyncio.create_task(self._image(client, url))
        fetched = await asyncio.gather(*(self.image_tasks[u] for u in wanted if u not in known))
        return found + [image for image in fetched if image is not None]

    async def pack(
        self,
        client: httpx.AsyncClient | None,
        item_id: int,
        page_url: str,
        body: bytes,
        keep_page: bool,
    ) -> ArticleOutcome:
        extracted = await self._extract(body, page_url)
        item = await asyncio.to_thread(get_item, self.store, item_id)
        reason = judge(extracted, html_to_text(item.content_html or item.summary_html))
        images: list[KnownImage] = []
        if extracted is None or reason:
            packed = PackedArticle(
                item_id, FEED_TEXT, lang=extracted.lang if extracted else "", note=reason
            )
        else:
            images = await self._images(client, extracted.image_urls)
            references = {i.url: f"{LOCAL_IMAGE_SCHEME}:{i.name}" for i in images}
            packed = PackedArticle(
                item_id,
                FULL,
                title=extracted.title,
                html=sanitize_article(extracted.html, references),
                text=extracted.text,
                lang=extracted.lang,
                images=tuple(i.name for i in images),
                method=extracted.method,
                other_method=extracted.other_method,
                # Its pictures are those the kept reading shares; the others are left out.
                other_html=sanitize_article(extracted.other_html, references),
                page_words=extracted.page_words,
            )
        await asyncio.to_thread(
            stored.save_article,
            self.store,
            packed,
            (page_url, body) if keep_page else None,
            images,
            time.time(),
        )
        return ArticleOutcome(item_id, page_url, packed.state, packed.note, images=len(images))

    async def _keep_feed_text(self, job: ArticleJob, note: str) -> ArticleOutcome:
        packed = PackedArticle(job.item_id, FEED_TEXT, note=note)
        await asyncio.to_thread(stored.save_article, self.store, packed, None, [], time.time())
        return ArticleOutcome(job.item_id, job.url, FEED_TEXT, note)

    async def one(self, client: httpx.AsyncClient, job: ArticleJob) -> ArticleOutcome:
        try:
            self.cancel.raise_if_cancelled()
            final_url, kind, body = await self._get(client, job.url, self.settings.max_page_bytes)
        except (RateLimited, ResponseTooLarge, HttpStatusError) as exc:
            permanent = isinstance(exc, ResponseTooLarge) or (
                isinstance(exc, HttpStatusError)
                and not isinstance(exc, RateLimited)
                and 400 <= exc.status < 500
                and exc.status not in (408, 429)
            )
            if not permanent:
                return ArticleOutcome(job.item_id, job.url, error=str(exc))
            return await self._keep_feed_text(job, f"the page could not be packed: {exc}")
        except TiffinError as exc:
            return ArticleOutcome(job.item_id, job.url, error=str(exc))
        media_type = kind.split(";")[0].strip()
        if media_type and media_type.lower() not in _HTML_TYPES:
            return await self._keep_feed_text(job, f"the link is not a web page ({media_type})")
        return await self.pack(client, job.item_id, final_url, body, keep_page=True)


def pack_articles(
    store: Store,
    paths: Paths,
    settings: Settings,
    source_ids: Sequence[int] | None = None,
    progress: Callable[[Step], None] | None = None,
    cancel: CancelToken | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> ArticleReport:
    """Fetch, extract and store the article of every item still waiting for one (in the
    sources that want full articles). Raises Cancelled after storing what finished."""
    jobs = stored.pending_articles(store, source_ids)
    token = cancel or CancelToken()

    async def run(pool: Executor | None) -> list[ArticleOutcome]:
        packer = _Packer(store, paths, settings, pool, token)
        async with make_client(settings, transport) as client:
            return await as_they_finish([packer.one(client, j) for j in jobs], progress, token)

    outcomes = run_with_pool(len(jobs) > 1, run, jobs=len(jobs))
    token.raise_if_cancelled()
    return ArticleReport(tuple(outcomes))


def reextract_articles(
    store: Store,
    paths: Paths,
    settings: Settings,
    source_ids: Sequence[int] | None = None,
    progress: Callable[[Step], None] | None = None,
    cancel: CancelToken | None = None,
) -> ArticleReport:
    """Run extraction again over every kept page, with no network: pictures already stored
    are used, others are left out."""
    token = cancel or CancelToken()
    pages = stored.kept_pages(store, source_ids)

    async def run(pool: Executor | None) -> list[ArticleOutcome]:
        packer = _Packer(store, paths, settings, pool, token)

        async def again(item_id: int, url: str) -> ArticleOutcome:
            # Each page is read when its turn comes, not all of them into memory at once.
            body = await asyncio.to_thread(stored.kept_page, store, item_id)
            return await packer.pack(None, item_id, url, body, keep_page=False)

        return await as_they_finish([again(*page) for page in pages], progress, token)

    outcomes = run_with_pool(len(pages) > 1, run, jobs=len(pages))
    token.raise_if_cancelled()
    return ArticleReport(tuple(outcomes))
