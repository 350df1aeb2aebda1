"""Subscribing: from a feed address or a web page that names its feed, to a stored source."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from tiffin.addresses import web_address
from tiffin.config import Paths, Settings
from tiffin.errors import (
    BadAddress,
    BadEncoding,
    HttpStatusError,
    NetError,
    NoFeedFound,
    NotFound,
    RateLimited,
    ResponseTooLarge,
)
from tiffin.fetch.pool import in_child
from tiffin.fetch.refresh import SourceOutcome, store_listing, store_parsed
from tiffin.library import queries
from tiffin.library.models import Source
from tiffin.library.store import Store
from tiffin.net.client import FetchResult, fetch, make_client
from tiffin.net.validators import ValidatorCache
from tiffin.sources import channels
from tiffin.sources.discover import discover_feeds
from tiffin.sources.encoding import header_charset
from tiffin.sources.feeds import looks_like_html, parse_feed
from tiffin.sources.parsed import ParsedFeed


@dataclass(frozen=True)
class Subscription:
    """The result of subscribing: the source, whether it is new, and what its first fetch stored.

    `waiting` is set when the host did not answer (blocked, down, throttled to a trickle): the
    subscription is kept with that reason, and the next refresh fetches it.
    """

    source: Source
    created: bool
    outcome: SourceOutcome | None
    waiting: str = ""


def _host_not_answering(error: NetError) -> bool:
    """Whether `error` says the host cannot be reached now, rather than that the address is
    wrong (a 404, a redirect refused, an answer too large or broken)."""
    if isinstance(error, BadAddress | ResponseTooLarge | BadEncoding):
        return False
    if isinstance(error, HttpStatusError):
        return isinstance(error, RateLimited) or error.status >= 500
    return True


def decode_page(result: FetchResult) -> str:
    """A fetched page as text, in the charset its headers name (UTF-8 if none or unknown)."""
    charset = header_charset(result.headers.get("content-type", "")) or "utf-8"
    try:
        return result.body.decode(charset, errors="replace")
    except LookupError:
        return result.body.decode("utf-8", errors="replace")


async def _find_feed(url: str, settings: Settings) -> tuple[FetchResult, ParsedFeed]:
    async with make_client(settings) as client:
        result = await fetch(client, url, settings)
        if looks_like_html(result.body):
            candidates = discover_feeds(decode_page(result), result.url)
            if not candidates:
                raise NoFeedFound(f"{result.url} is a web page that names no feed")
            result = await fetch(client, candidates[0], settings)
    return result, parse_feed(result.body, result.url, result.headers)


def _subscribe_channel(store: Store, settings: Settings, url: str, folder: str) -> Subscription:
    parsed = in_child(channels.list_channel, url, settings)
    source, created = queries.add_source(
        store, url, parsed.title, parsed.site_url, folder, kind="channel"
    )
    if not created:
        return Subscription(source, False, None)
    outcome = store_listing(store, source, parsed, time.time())
    return Subscription(queries.get_source(store, source.id), True, outcome)


def subscribe(
    store: Store, paths: Paths, settings: Settings, url: str, folder: str = ""
) -> Subscription:
    """Subscribe to `url` and store its entries: a video channel or playlist of a site yt-dlp
    knows (listed by yt-dlp in a child process), a feed, or a page whose <link rel=alternate>
    names one.

    An address already subscribed is kept as it is. When the host does not answer the address
    is kept all the same, with the reason (`waiting`). Raises FeedInvalid, NoFeedFound or a
    NetError for an address that answers with no feed or is wrong; nothing is stored then.
    """
    url = web_address(url)
    try:
        return Subscription(queries.source_by_url(store, url), False, None)
    except NotFound:
        pass
    if channels.claims(url):
        return _subscribe_channel(store, settings, url, folder)
    try:
        result, parsed = asyncio.run(_find_feed(url, settings))
    except NetError as exc:
        if not _host_not_answering(exc):
            raise
        source, created = queries.add_source(store, url, folder=folder)
        queries.record_fetch_error(store, source.id, str(exc), time.time())
        return Subscription(queries.get_source(store, source.id), created, None, str(exc))
    feed_url = result.moved_to or result.url
    source, created = queries.add_source(
        store, feed_url, title=parsed.title, site_url=parsed.site_url, folder=folder
    )
    if not created:
        return Subscription(source, False, None)
    validators = ValidatorCache(paths.cache_dir)
    try:
        outcome = store_parsed(store, validators, source, result, parsed, time.time())
    finally:
        validators.close()
    return Subscription(queries.get_source(store, source.id), True, outcome)
