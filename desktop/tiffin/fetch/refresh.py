"""Refreshing sources: concurrent conditional GETs with a per-host limit, parsing on both cores.

The network runs on one asyncio loop; decompressing, parsing and storing a feed (the CPU-heavy
part of a large refresh) run together in a process pool, so they neither block the loop nor
hold this process's GIL; a feed travels there as it came (gzip is a fifth of the bytes to
pass), and the parsed items never travel back here: each worker opens the library itself
(SQLite serialises the writers across processes). A failing source records its error
and keeps its stored items.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from tiffin.config import Paths, Settings
from tiffin.errors import FeedInvalid, RateLimited, TiffinError
from tiffin.fetch.pool import as_they_finish, run_with_pool, site_pool
from tiffin.library import queries, rules
from tiffin.library.models import Source
from tiffin.library.store import Store
from tiffin.net import governor, line
from tiffin.net.client import FetchResult, decode_body, fetch, make_client
from tiffin.net.limits import ConnectionLimits
from tiffin.net.line import LineLog, Observation, observing
from tiffin.net.line_history import save_observations
from tiffin.net.validators import ValidatorCache
from tiffin.progress import CancelToken, Step
from tiffin.sources.channels import list_channel
from tiffin.sources.discover import discover_feeds
from tiffin.sources.feeds import looks_like_html, parse_feed
from tiffin.sources.parsed import ParsedFeed

logger = logging.getLogger(__name__)

# Below this many sources a process pool costs more to start than it saves.
POOL_THRESHOLD = 8
# A worker ends each feed with a write to the library, waiting its turn for SQLite's one
# writer: with a second worker per core, the core parses another feed meanwhile. For 500 feeds
# on 2 cores: 7.00 s -> 6.49 s and 6.86 s -> 6.57 s (medians of two sets of 5 interleaved runs;
# a third worker alone gave 6.66 s, a deeper call queue with two workers nothing).
WORKERS_PER_CORE = 2


@dataclass(frozen=True)
class SourceOutcome:
    """What refreshing one source did."""

    source_id: int
    url: str
    new: int = 0
    updated: int = 0
    not_modified: bool = False
    error: str | None = None
    warning: str | None = None
    wire_bytes: int = 0
    queued: int = 0


@dataclass(frozen=True)
class RefreshReport:
    """The outcome of a refresh, one entry per source in the order they finished."""

    outcomes: tuple[SourceOutcome, ...]

    @property
    def failed(self) -> tuple[SourceOutcome, ...]:
        """Outcomes that carry an error."""
        return tuple(o for o in self.outcomes if o.error)

    @property
    def new_items(self) -> int:
        """Items stored for the first time."""
        return sum(o.new for o in self.outcomes)


def store_listing(store: Store, source: Source, parsed: ParsedFeed, now: float) -> SourceOutcome:
    """Save the entries of a feed or a channel listing for `source`, and queue the downloads
    its rules pick."""
    saved = queries.save_listing(store, source.id, parsed.items, parsed.title, parsed.site_url, now)
    queued = rules.queue_by_rules(store, source.id) if saved.new or saved.updated else []
    return SourceOutcome(
        source_id=source.id,
        url=source.url,
        new=saved.new,
        updated=saved.updated,
        warning=parsed.warning,
        queued=len(queued),
    )


def store_parsed(
    store: Store,
    validators: ValidatorCache,
    source: Source,
    result: FetchResult,
    parsed: ParsedFeed,
    now: float,
) -> SourceOutcome:
    """Save a parsed feed for `source`, adopt a permanent redirect, and keep the validators."""
    outcome = store_listing(store, source, parsed, now)
    url = source.url
    moved = result.moved_to
    if moved and moved != source.url and queries.move_source(store, source.id, moved):
        logger.info("source %d moved permanently to %s", source.id, moved)
        validators.put(source.url, {})
        url = moved
    validators.put(url, result.validators)
    return replace(outcome, url=url, wire_bytes=result.wire_bytes)


def parse_fetched(result: FetchResult, max_bytes: int) -> ParsedFeed:
    """The feed in `result`, whose body may still be compressed (at most `max_bytes` once not)."""
    body = decode_body(result.body, result.encoding, result.url, max_bytes)
    return parse_feed(body, result.url, result.headers)


_opened: dict[tuple[Path, Path], tuple[Store, ValidatorCache]] = {}


def parse_and_store(
    db: Path, cache: Path, source: Source, result: FetchResult, max_bytes: int, now: float
) -> SourceOutcome:
    """Parse `result` and store it for `source`, in a worker process: the library at `db` and
    the validators under `cache` are opened once per process and kept."""
    if (db, cache) not in _opened:
        _opened[db, cache] = (Store(db), ValidatorCache(cache))
    store, validators = _opened[db, cache]
    parsed = parse_fetched(result, max_bytes)
    return store_parsed(store, validators, source, result, parsed, now)


class _Refresher:
    def __init__(
        self,
        store: Store,
        paths: Paths,
        settings: Settings,
        pool: Executor | None,
        sites: Executor | None,
        cancel: CancelToken,
    ) -> None:
        self.store = store
        self.settings = settings
        self.cache_dir = paths.cache_dir
        self.validators = ValidatorCache(paths.cache_dir)
        self.pool = pool
        self.sites = sites
        self.cancel = cancel
        self.limits = ConnectionLimits(settings.max_connections, settings.per_host_connections)

    async def _parse_and_store(self, source: Source, result: FetchResult) -> SourceOutcome:
        max_bytes = self.settings.max_feed_bytes
        if self.pool is None:
            parsed = parse_fetched(result, max_bytes)
            return await asyncio.to_thread(
                store_parsed, self.store, self.validators, source, result, parsed, time.time()
            )
        loop = asyncio.get_running_loop()
        plain = replace(result, headers=dict(result.headers))
        return await loop.run_in_executor(
            self.pool,
            parse_and_store,
            self.store.path,
            self.cache_dir,
            source,
            plain,
            max_bytes,
            time.time(),
        )

    async def one(self, client: httpx.AsyncClient, source: Source) -> SourceOutcome:
        now = time.time()
        if source.retry_after and source.retry_after > now:
            return SourceOutcome(
                source.id,
                source.url,
                error=f"the server asked to wait until {time.ctime(source.retry_after)}; skipped",
            )
        known = self.validators.get(source.url) if source.last_success_at else {}
        try:
            self.cancel.raise_if_cancelled()
            if source.kind == "channel":
                return await self._channel(source)
            async with self.limits.slot(source.url):
                result = await fetch(
                    client,
                    source.url,
                    self.settings,
                    etag=known.get("etag"),
                    last_modified=known.get("last-modified"),
                    decode=False,
                )
                web_page = looks_like_html(result.head())
                if web_page:
                    # A censor's notice page often comes with HTTP 200 in place of the feed.
                    host = httpx.URL(result.url).host
                    line.note(Observation(host, "notice_page", url=result.url))
                    if governor.current().detour(host, None):  # the proxy may bring the feed
                        result = await fetch(client, source.url, self.settings, decode=False)
                        web_page = looks_like_html(result.head())
                if web_page and source.last_success_at is None:
                    found = await self._feed_named_by(client, source, result)
                    if found is not None:
                        result, web_page = found, False
            if web_page:
                raise FeedInvalid(
                    f"{source.url} answered with a web page where its feed should be: the host"
                    " may be blocked. Nothing was stored; the items already kept stay."
                )
            if result.not_modified:
                await asyncio.to_thread(
                    queries.record_fetch_success, self.store, source.id, time.time()
                )
                return SourceOutcome(
                    source.id, source.url, not_modified=True, wire_bytes=result.wire_bytes
                )
            return await self._parse_and_store(source, result)
        except TiffinError as exc:
            retry_at = time.time() + exc.retry_after if isinstance(exc, RateLimited) else None
            await asyncio.to_thread(
                queries.record_fetch_error, self.store, source.id, str(exc), time.time(), retry_at
            )
            logger.info("refresh of source %d failed: %s", source.id, exc)
            return SourceOutcome(source.id, source.url, error=str(exc))

    async def _feed_named_by(
        self, client: httpx.AsyncClient, source: Source, page: FetchResult
    ) -> FetchResult | None:
        """A source kept while its host did not answer may be a site's page: its first answer
        names the feed, which the source then becomes (None if the page names none)."""
        body = decode_body(page.body, page.encoding, page.url, self.settings.max_page_bytes)
        candidates = discover_feeds(body.decode("utf-8", errors="replace"), page.url)
        if not candidates:
            return None
        result = await fetch(client, candidates[0], self.settings, decode=False)
        if looks_like_html(result.head()):
            return None
        await asyncio.to_thread(queries.move_source, self.store, source.id, candidates[0])
        return result

    async def _channel(self, source: Source) -> SourceOutcome:
        """List a channel through yt-dlp in a site process and store its entries."""
        loop = asyncio.get_running_loop()
        async with self.limits.slot(source.url):
            parsed = await loop.run_in_executor(self.sites, list_channel, source.url, self.settings)
        return await asyncio.to_thread(store_listing, self.store, source, parsed, time.time())

    async def run(
        self, sources: Sequence[Source], progress: Callable[[Step], None] | None
    ) -> RefreshReport:
        log = LineLog()
        async with make_client(self.settings) as client:
            try:
                with observing(log):
                    work = [self.one(client, source) for source in sources]
                    outcomes = await as_they_finish(work, progress, self.cancel)
            finally:
                self.validators.close()
                await asyncio.to_thread(save_observations, self.store, log.take())
                await asyncio.to_thread(governor.current().flush)
        self.cancel.raise_if_cancelled()
        return RefreshReport(tuple(outcomes))


def refresh_sources(
    store: Store,
    paths: Paths,
    settings: Settings,
    source_ids: Sequence[int] | None = None,
    progress: Callable[[Step], None] | None = None,
    cancel: CancelToken | None = None,
) -> RefreshReport:
    """Fetch and store every source (or those in `source_ids`); one failure never stops the rest.

    Calls `progress` after each source with a Step. Raises Cancelled if `cancel` is set, after the
    sources already finished were stored.
    """
    wanted = set(source_ids) if source_ids is not None else None
    sources = [s for s in queries.list_sources(store) if wanted is None or s.id in wanted]
    token = cancel or CancelToken()

    channels = sum(1 for s in sources if s.kind == "channel")
    sites = site_pool(min(2, channels)) if channels else None

    def run(pool: Executor | None) -> Coroutine[Any, Any, RefreshReport]:
        return _Refresher(store, paths, settings, pool, sites, token).run(sources, progress)

    try:
        feeds = len(sources) - channels
        return run_with_pool(feeds >= POOL_THRESHOLD, run, WORKERS_PER_CORE, feeds)
    finally:
        if sites is not None:
            sites.shutdown(cancel_futures=True)
