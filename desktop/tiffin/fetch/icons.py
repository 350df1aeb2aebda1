"""Site icons for the source tree, fetched through the one client while the line is good and
kept in the library (library/icons.py), so that the tree shows them offline.

A source's site page is read for the icons it names (`discover_icons`); /favicon.ico at the
site's root is the last resort. Only a picture that decodes (ICO, PNG, GIF, JPEG, WebP, BMP)
within a pixel bound is kept, as an ICON_SIDE-pixel PNG; hostile or broken bytes are refused.
"""

from __future__ import annotations

import asyncio
import io
import logging
import warnings
from collections.abc import Collection
from urllib.parse import urljoin, urlsplit

import httpx
from PIL import Image

from tiffin.config import Settings
from tiffin.errors import TiffinError
from tiffin.fetch.subscribe import decode_page
from tiffin.library.icons import save_icons, wanting_icons
from tiffin.library.models import Source
from tiffin.library.queries import list_sources
from tiffin.library.store import Store
from tiffin.net.client import fetch, make_client
from tiffin.progress import CancelToken
from tiffin.sources.discover import discover_icons

logger = logging.getLogger(__name__)

ICON_SIDE = 32
MAX_ICON_BYTES = 512 * 1024
MAX_PAGE_BYTES = 1024 * 1024
MAX_ICON_PIXELS = 1024 * 1024  # the most a favicon has any reason to hold
TRIES = 4  # icon addresses tried per source
AT_ONCE = 8
_FORMATS = frozenset({"ICO", "PNG", "GIF", "JPEG", "WEBP", "BMP"})


def icon_png(data: bytes) -> bytes | None:
    """`data` as an ICON_SIDE-pixel PNG, or None if it is not a picture Tiffin keeps."""
    if len(data) > MAX_ICON_BYTES:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:  # reads the header only
                width, height = picture.size
                if picture.format not in _FORMATS or width * height > MAX_ICON_PIXELS:
                    return None
                square = picture.convert("RGBA")
        square.thumbnail((ICON_SIDE, ICON_SIDE))
        out = io.BytesIO()
        square.save(out, "PNG")
        return out.getvalue()
    except Exception:  # hostile bytes make PIL raise many kinds of error; none is kept
        return None


def _site(source: Source) -> str:
    """The page whose icons stand for `source`: its site, else its address's root (not the
    feed itself, which can be large and names no icons)."""
    if source.site_url:
        address = source.site_url
    else:
        parts = urlsplit(source.url)
        address = f"{parts.scheme}://{parts.netloc}/"
    return address if urlsplit(address).scheme in ("http", "https") else ""


async def _icon(client: httpx.AsyncClient, settings: Settings, source: Source) -> bytes | None:
    site = _site(source)
    if not site:
        return None
    named: list[str] = []
    try:
        page = await fetch(client, site, settings, max_bytes=MAX_PAGE_BYTES)
        if "html" in page.headers.get("content-type", ""):
            named = discover_icons(decode_page(page), page.url)
    except TiffinError as exc:
        logger.info("no icon links from %s: %s", site, exc)
    tried = dict.fromkeys([*named[: TRIES - 1], urljoin(site, "/favicon.ico")])
    for address in tried:
        try:
            answer = await fetch(client, address, settings, max_bytes=MAX_ICON_BYTES)
        except TiffinError as exc:
            logger.info("no icon at %s: %s", address, exc)
            continue
        png = icon_png(answer.body)
        if png is not None:
            return png
    return None


def pack_icons(
    store: Store,
    settings: Settings,
    source_ids: Collection[int] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Fetch and keep the icons of the sources (of `source_ids`, else all) that have none yet
    or are due again; returns how many were found. A site that gives none is noted, and
    asked again only after library.icons.ICON_RETRY."""
    due = set(wanting_icons(store))
    sources = [
        s for s in list_sources(store) if s.id in due and (source_ids is None or s.id in source_ids)
    ]
    if not sources:
        return 0

    async def run() -> list[tuple[int, bytes | None]]:
        gate = asyncio.Semaphore(AT_ONCE)

        async def one(source: Source) -> tuple[int, bytes | None]:
            async with gate:
                if cancel is not None and cancel.cancelled:
                    return source.id, None
                return source.id, await _icon(client, settings, source)

        async with make_client(settings) as client:
            return list(await asyncio.gather(*(one(s) for s in sources)))

    found = asyncio.run(run())
    if cancel is not None and cancel.cancelled:
        found = [pair for pair in found if pair[1] is not None]  # the rest were not asked
    save_icons(store, found)
    return sum(1 for _id, png in found if png is not None)
