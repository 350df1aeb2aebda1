"""The one httpx client factory, and `fetch`: a GET with size cap, deadline, retries and validators.

httpx errors never leave this module: they become NetError subclasses with a message that names
the address and what happened.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import socket
import time
import zlib
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field

import httpx

from tiffin.config import Settings
from tiffin.errors import (
    BadEncoding,
    HttpStatusError,
    NetError,
    RateLimited,
    ResponseTooLarge,
    SourceGone,
)
from tiffin.net import governor, line
from tiffin.net.failures import HTTPX_ERRORS, net_error, worth_retrying
from tiffin.net.redirects import check_redirect
from tiffin.net.transport import GovernedTransport

logger = logging.getLogger(__name__)
# httpcore's debug trace prints a SOCKS proxy's user name and password: never let it through.
logging.getLogger("httpcore").setLevel(logging.INFO)
# httpx logs every request at INFO: 500 lines a refresh, and a tenth of a second of its CPU.
# Failures reach the log through Tiffin's own messages.
logging.getLogger("httpx").setLevel(logging.WARNING)

_PERMANENT = (301, 308)
_RETRY_STATUSES = (429, 503)
_LEFT_COMPRESSED = ("gzip", "deflate")
MIN_RECEIVE_BUFFER = 16 * 1024


@dataclass(frozen=True)
class FetchResult:
    """A completed GET: final address, status, headers (lower-case names) and body.

    `moved_to` is set when every redirect on the way was permanent, so the caller may adopt it.
    `not_modified` is True for a 304 answer to a conditional request (the body is empty).
    `wire_bytes` counts what crossed the network, before decompression. `encoding` names the
    Content-Encoding `body` is still in when fetch was asked not to decode it ("" otherwise).
    """

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    moved_to: str | None = None
    not_modified: bool = False
    wire_bytes: int = 0
    validators: Mapping[str, str] = field(default_factory=dict)
    encoding: str = ""

    def head(self, size: int = 4096) -> bytes:
        """The first `size` bytes of the decoded body (fewer if it is broken)."""
        try:
            return _inflate(self.body, self.encoding, size)
        except zlib.error:
            return b""


class PerHostTransport(httpx.AsyncBaseTransport):
    """Direct connections with a pool of their own for each host. httpcore's pool looks over
    every connection it holds at each request and at the end of each answer, so one pool for a
    refresh of many hosts spends more and more time there (a quarter of the main process's CPU
    for 500 feeds on 50 hosts); per host, it looks over a few."""

    def __init__(self, make_pool: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._make_pool = make_pool
        self._pools: dict[tuple[str, str, int | None], httpx.AsyncBaseTransport] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.scheme, request.url.host, request.url.port)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = self._make_pool()
        return await pool.handle_async_request(request)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()


def make_client(
    settings: Settings,
    transport: httpx.AsyncBaseTransport | None = None,
    receive_buffer: int | None = None,
) -> httpx.AsyncClient:
    """An AsyncClient with Tiffin's timeouts, connection limits and user agent, whose every
    request obeys the process's Governor (cap, budget, direct or proxy path).

    `transport` replaces the direct path (tests send "real" sites to the test web through it).
    `receive_buffer` sets each socket's kernel receive buffer: under a bandwidth cap, a small
    one keeps the sender from running far ahead of the reads the cap paces (TCP's window);
    with a cap set and no `receive_buffer`, one a quarter second of the cap is used.
    """
    limits = httpx.Limits(
        max_connections=settings.max_connections,
        max_keepalive_connections=settings.max_connections,
    )
    rules = governor.current()
    cap = rules.bucket.rate
    if receive_buffer is None and cap:
        receive_buffer = max(MIN_RECEIVE_BUFFER, int(cap / 4))
    options = [(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)] if receive_buffer else []

    tls = httpx.create_ssl_context()  # one for every pool: each costs a read of the CA file

    def proxied(address: str) -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(
            verify=tls, limits=limits, proxy=address, socket_options=options
        )

    direct = transport or PerHostTransport(
        lambda: httpx.AsyncHTTPTransport(verify=tls, limits=limits, socket_options=options)
    )
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
        limits=limits,
        follow_redirects=True,
        max_redirects=10,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        transport=GovernedTransport(rules, direct, proxied),
        event_hooks={"response": [check_redirect]},
        trust_env=False,
    )


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), if valid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _too_large(url: str, max_bytes: int) -> ResponseTooLarge:
    return ResponseTooLarge(
        f"{url} sent more than {max_bytes // 1024} KiB; the transfer was cut off"
    )


def _broken(url: str, encoding: str, exc: Exception) -> BadEncoding:
    return BadEncoding(f"{url} sent a broken {encoding} body ({exc})")


def _inflate(body: bytes, encoding: str, limit: int) -> bytes:
    """At most `limit` bytes of `body` decompressed, as httpx's decoders do it."""
    if not encoding:
        return body[:limit]
    if encoding == "gzip":
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(body, limit)
    try:
        return zlib.decompressobj().decompress(body, limit)
    except zlib.error:  # deflate sent without its zlib wrapper, as some servers do
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit)


def decode_body(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """A body fetched with `decode=False` (sent with Content-Encoding `encoding`), decompressed.

    Raises ResponseTooLarge when it holds more than `max_bytes` (a small gzip can hold
    gigabytes: no more than the cap is ever decompressed), BadEncoding when it is broken.
    """
    try:
        data = _inflate(body, encoding, max_bytes + 1)
    except zlib.error as exc:
        raise _broken(url, encoding, exc) from exc
    if len(data) > max_bytes:
        raise _too_large(url, max_bytes)
    return data


async def _read_capped(
    response: httpx.Response, url: str, max_bytes: int, decode: bool
) -> tuple[bytes, str]:
    encoding = response.headers.get("content-encoding", "").strip().lower()
    left = not decode and encoding in _LEFT_COMPRESSED
    kept: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_raw() if left else response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(url, max_bytes)
            kept.append(chunk)
    except httpx.DecodingError as exc:
        raise _broken(url, encoding, exc) from exc
    return b"".join(kept), encoding if left else ""


async def _attempt(
    client: httpx.AsyncClient, url: str, headers: Mapping[str, str], max_bytes: int, decode: bool
) -> tuple[httpx.Response, bytes, str]:
    """The answer, its body and the encoding the body is left in."""
    async with client.stream("GET", url, headers=headers) as response:
        if response.status_code in (204, 304):
            await response.aread()  # nothing to read, but only then is the connection reused
            return response, b"", ""
        if response.status_code >= 300:
            return response, b"", ""
        body, encoding = await _read_capped(response, url, max_bytes, decode)
        return response, body, encoding


@contextlib.asynccontextmanager
async def stream(
    client: httpx.AsyncClient, url: str, settings: Settings, headers: Mapping[str, str]
) -> AsyncIterator[httpx.Response]:
    """A GET of `url` for the caller to read as it likes (large files, ranges); every httpx
    error, opening it or reading its body inside the block, comes out as a NetError."""
    try:
        async with client.stream("GET", url, headers=headers) as response:
            yield response
    except HTTPX_ERRORS as exc:
        raise net_error(exc, url, settings) from exc


def _deadline_passed(url: str) -> None:
    """The whole fetch passed its deadline: the host kept the transfer going, too slowly."""
    parsed = httpx.URL(url)
    governor.current().observe(
        line.Observation(parsed.host, "stall", url=url, detail="passed the transfer deadline")
    )


def _error_for(response: httpx.Response, url: str) -> HttpStatusError | SourceGone:
    status = response.status_code
    if status == 410:
        return SourceGone(f"{url} is gone (HTTP 410); the server says it will not come back")
    if status == 404:
        return HttpStatusError(f"{url} was not found (HTTP 404)", status)
    if status == 407:
        return HttpStatusError(
            f"the proxy refused to fetch {url}: it wants a user name and password, or refused"
            " the ones given (HTTP 407); check them in Settings",
            status,
        )
    reason = response.reason_phrase or "error"
    return HttpStatusError(f"{url} answered HTTP {status} ({reason})", status)


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    settings: Settings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int | None = None,
    byterange: tuple[int, int] | None = None,
    decode: bool = True,
) -> FetchResult:
    """GET `url` (only `length` bytes from `offset` with `byterange`), conditionally when
    validators are given.

    429/503 answers are retried after their Retry-After (or with doubling back-off) up to
    `settings.retries` times while the wait is at most `settings.max_retry_wait`; a dropped
    connection is retried the same way. Raises RateLimited when the server asks for a longer
    wait, Timeout on a stall or when the whole transfer passes `settings.transfer_deadline`,
    ResponseTooLarge past `max_bytes` (by default `settings.max_feed_bytes`), HostUnreachable,
    SourceGone (410), HttpStatusError for other error statuses and BadEncoding for a body that
    does not decompress. With `decode=False` a gzip or deflate body is returned as it came, for
    `decode_body` to undo where the CPU is spare (a worker process).
    """
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    if byterange:
        headers["Range"] = f"bytes={byterange[0]}-{byterange[0] + byterange[1] - 1}"
    backoff = 1.0
    for attempt in range(settings.retries + 1):
        last_try = attempt == settings.retries
        try:
            async with asyncio.timeout(settings.transfer_deadline):
                response, body, encoding = await _attempt(
                    client, url, headers, max_bytes or settings.max_feed_bytes, decode
                )
        except TimeoutError as exc:
            _deadline_passed(url)
            raise net_error(exc, url, settings) from exc
        except NetError:
            raise  # too large, broken, too slow, a refused redirect: trying again will not help
        except HTTPX_ERRORS as exc:
            if last_try or not worth_retrying(exc):
                raise net_error(exc, url, settings) from exc
            logger.info("connection to %s dropped (%s); retrying in %.1f s", url, exc, backoff)
            await asyncio.sleep(backoff)
            backoff *= 2
            continue
        status = response.status_code
        wire = response.num_bytes_downloaded + sum(r.num_bytes_downloaded for r in response.history)
        if status in _RETRY_STATUSES:
            wait = retry_after_seconds(response.headers.get("retry-after"))
            wait = backoff if wait is None else wait
            if last_try or wait > settings.max_retry_wait:
                raise RateLimited(
                    f"{url} is busy (HTTP {status}); the server asks to wait {wait:g} s",
                    status,
                    wait,
                )
            logger.info("%s answered %d; retrying in %.1f s", url, status, wait)
            await asyncio.sleep(wait)
            backoff *= 2
            continue
        if status >= 400:
            raise _error_for(response, url)
        history = response.history
        moved = (
            str(response.url)
            if history and all(r.status_code in _PERMANENT for r in history)
            else None
        )
        validators = {
            k: response.headers[k] for k in ("etag", "last-modified") if k in response.headers
        }
        return FetchResult(
            url=str(response.url),
            status=status,
            headers={k.lower(): v for k, v in response.headers.items()},
            body=body,
            moved_to=moved,
            not_modified=status == 304,
            wire_bytes=wire,
            validators=validators,
            encoding=encoding,
        )
    raise AssertionError("unreachable: the last attempt always returns or raises")
