"""Light probes of the hosts Tiffin uses: one small conditional request to each, so the line
state is fresh even when nothing was transferred lately."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import replace

import httpx

from tiffin.config import Settings
from tiffin.errors import TiffinError
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.net.client import fetch, make_client
from tiffin.net.line import LineLog, Observation, note, observing
from tiffin.net.line_history import observations, save_observations
from tiffin.sources.feeds import looks_like_html

PROBE_BYTES = 64 * 1024  # enough to tell a notice page from a feed, never a whole file


async def _probe_all(urls: Sequence[str], feeds: set[str], settings: Settings) -> list[Observation]:
    quick = replace(settings, retries=0, read_timeout=min(settings.read_timeout, 10.0))
    log = LineLog()
    with observing(log):
        async with make_client(quick) as client:

            async def one(url: str) -> None:
                # A failure is noted as an observation by fetch: that is the probe's answer.
                with contextlib.suppress(TiffinError):
                    result = await fetch(client, url, quick, max_bytes=PROBE_BYTES)
                    if url in feeds and looks_like_html(result.body):
                        note(Observation(httpx.URL(url).host, "notice_page", url=url))

            await asyncio.gather(*(one(url) for url in urls))
    return log.take()


def probe(urls: Sequence[str], settings: Settings, feeds: Sequence[str] = ()) -> list[Observation]:
    """Ask each address once (one per host, the first given), concurrently; returns what that
    showed about each host's line. An address in `feeds` that answers with a web page counts
    as the host's notice page."""
    per_host: dict[str, str] = {}
    for url in [*feeds, *urls]:
        per_host.setdefault(httpx.URL(url).host, url)
    return asyncio.run(_probe_all(list(per_host.values()), set(feeds), settings))


def probe_known_hosts(store: Store, settings: Settings) -> None:
    """Probe every host the library knows (its feeds first, then the addresses transfers
    used lately) and store what that showed."""
    feeds = [s.url for s in queries.list_sources(store) if s.kind == "feed"]
    recent = [o.url for o in reversed(observations(store)) if o.url]
    save_observations(store, probe(recent, settings, feeds))
