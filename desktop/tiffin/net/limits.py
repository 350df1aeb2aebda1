"""How many requests run at once: a few per host, and a cap on all of them together."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit


class ConnectionLimits:
    """At most `per_host` requests to one host (per kind of request) and `total` in all.

    Requests wait here rather than in httpx's pool, whose queue is scanned in full for every
    request it assigns: with hundreds waiting that scan cost more than the fetches.
    """

    def __init__(self, total: int, per_host: int) -> None:
        self.per_host = per_host
        self._all = asyncio.Semaphore(total)
        self._hosts: dict[tuple[str, str], asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(
        self, url: str, kind: str = "", per_host: int | None = None
    ) -> AsyncIterator[None]:
        """Hold a place for one request to `url`; `kind` keeps separate per-host counts (with
        their own `per_host` limit) for requests of another kind, such as pictures."""
        key = (kind, urlsplit(url).netloc.lower())
        if key not in self._hosts:
            self._hosts[key] = asyncio.Semaphore(per_host or self.per_host)
        async with self._hosts[key], self._all:
            yield
