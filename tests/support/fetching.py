"""A plain GET through Tiffin's client, as functions a child process can run."""

from __future__ import annotations

import asyncio
import time

from tiffin.config import Settings
from tiffin.net.client import fetch, make_client


def timed_body_size(url: str, settings: Settings) -> tuple[int, float, float]:
    """GET `url` with make_client and fetch: the body's size, and when (on the monotonic
    clock, which every process shares) the request began and the last byte was read."""

    async def go() -> int:
        async with make_client(settings) as client:
            found = await fetch(client, url, settings, max_bytes=64 * 1024 * 1024)
            return len(found.body)

    started = time.monotonic()
    size = asyncio.run(go())
    return size, started, time.monotonic()


def body_size(url: str, settings: Settings) -> int:
    """GET `url` with make_client and fetch; returns the size of the body."""
    return timed_body_size(url, settings)[0]
