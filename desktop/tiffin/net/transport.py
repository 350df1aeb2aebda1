"""The transport under every request Tiffin makes: the Governor's path for each host (direct or
the proxy), its cap and budget on every byte, a floor under every answer's rate, and a line
observation for every request, whoever made it (refresh, articles, pictures, downloads,
recordings, probes), so no path can skip the line monitor.

The floor: an answer that sends less than `min_rate` bytes a second over any window of
`min_rate_window` seconds is cut with TooSlow. A line that is throttled but moving passes;
one that trickles a byte a second to hold a connection open does not.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable

import httpx

from tiffin.errors import TooSlow
from tiffin.net import line
from tiffin.net.governor import DIRECT, PROXY, Governor


class GovernedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that sends each request on the Governor's path for its host, paces
    and counts every byte of the answer, cuts trickles and notes how each request went."""

    def __init__(
        self,
        governor: Governor,
        direct: httpx.AsyncBaseTransport,
        proxied: Callable[[str], httpx.AsyncBaseTransport],
    ) -> None:
        self.governor = governor
        self._direct = direct
        self._make_proxied = proxied
        self._proxied: tuple[str, httpx.AsyncBaseTransport] | None = None

    def _via_proxy(self) -> httpx.AsyncBaseTransport:
        address = self.governor.proxy
        if self._proxied is None or self._proxied[0] != address:
            self._proxied = (address, self._make_proxied(address))
        return self._proxied[1]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        governor = self.governor
        governor.check_budget(str(request.url))
        host = request.url.host
        path = governor.route(host)
        started = time.monotonic()
        try:
            transport = self._direct if path == DIRECT else self._via_proxy()
            response = await transport.handle_async_request(request)
        except httpx.TransportError as exc:
            if path != DIRECT or not governor.detour(host, exc):
                self._failed(request, path, started, exc)
                raise
            path, started = PROXY, time.monotonic()
            try:
                response = await self._via_proxy().handle_async_request(request)
            except httpx.TransportError as again:
                self._failed(request, path, started, again)
                raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        metered = _Metered(response.stream, self, request, path, response.status_code, started)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=metered,
            extensions=response.extensions,
        )

    def _failed(
        self, request: httpx.Request, path: str, started: float, exc: BaseException
    ) -> None:
        self.governor.observe(
            line.Observation(
                request.url.host,
                line.failure_kind(exc),
                time.time(),
                0,
                time.monotonic() - started,
                None,
                str(request.url),
                str(exc)[:200],
                path,
            )
        )

    async def aclose(self) -> None:
        await self._direct.aclose()
        if self._proxied is not None:
            await self._proxied[1].aclose()


class _Metered(httpx.AsyncByteStream):
    """An answer's body: paced and counted by the Governor, held to the floor, observed once
    when it ends (read through, closed early, or failed)."""

    def __init__(
        self,
        inner: httpx.AsyncByteStream,
        transport: GovernedTransport,
        request: httpx.Request,
        path: str,
        status: int,
        started: float,
    ) -> None:
        self.inner, self.transport, self.request = inner, transport, request
        self.path, self.status, self.started = path, status, started
        self.rtt = time.monotonic() - started
        self.size = 0
        self.observed = False

    def _observe(self, kind: str, detail: str = "") -> None:
        if self.observed:
            return
        self.observed = True
        if kind == line.OK and self.status >= 400:
            kind = "http_error"
        url = self.request.url
        self.transport.governor.observe(
            line.Observation(
                url.host,
                kind,
                time.time(),
                self.size,
                time.monotonic() - self.started,
                self.rtt,
                str(url),
                detail[:200],
                self.path,
            )
        )

    async def __aiter__(self) -> AsyncIterator[bytes]:
        governor = self.transport.governor
        settings = governor.settings
        floor, window = settings.min_rate, settings.min_rate_window
        window_start, window_bytes = time.monotonic(), 0
        try:
            async for chunk in self.inner:
                await governor.bucket.take(len(chunk))
                governor.count(len(chunk))
                self.size += len(chunk)
                window_bytes += len(chunk)
                now = time.monotonic()
                if floor and now - window_start >= window:
                    rate = window_bytes / (now - window_start)
                    if rate < floor:
                        raise TooSlow(
                            f"{self.request.url} is too slow: {rate:.0f} B/s over"
                            f" {now - window_start:.0f} s (the floor is {floor} B/s); gave up"
                        )
                    window_start, window_bytes = now, 0
                yield chunk
                if settings.daily_budget or settings.monthly_budget:
                    governor.check_budget(str(self.request.url))
        except asyncio.CancelledError:
            self.observed = True  # cancelled by its caller: says nothing about the line
            raise
        except (httpx.TransportError, TooSlow) as exc:
            self._observe(line.failure_kind(exc), str(exc))
            raise
        self._observe(line.OK)

    async def aclose(self) -> None:
        self._observe(line.OK)  # closed before its end: the host answered; it was enough
        await self.inner.aclose()
