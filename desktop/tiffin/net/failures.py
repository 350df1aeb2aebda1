"""Every way httpx can fail, turned into Tiffin's error tree in one place.

`net_error` maps any exception httpx raises (each public class of `httpx.__all__`, a test holds
it to that) to a NetError whose message names the address and what happened, so no caller ever
catches an httpx type and no new httpx exception can end a refresh with a traceback.
"""

from __future__ import annotations

import httpx

from tiffin.config import Settings
from tiffin.errors import (
    BadAddress,
    BadEncoding,
    HostUnreachable,
    HttpStatusError,
    NetError,
    Timeout,
)

# Everything httpx raises on purpose: its HTTPError tree and the three classes outside it.
HTTPX_ERRORS: tuple[type[Exception], ...] = (
    httpx.HTTPError,
    httpx.InvalidURL,
    httpx.StreamError,
    httpx.CookieConflict,
)


def _host(url: str) -> str:
    try:
        return httpx.URL(url).host or url
    except httpx.InvalidURL:
        return url


def net_error(exc: BaseException, url: str, settings: Settings) -> NetError:
    """The NetError for `exc`, raised while fetching `url` under `settings` (asyncio's
    TimeoutError means the whole transfer passed their `transfer_deadline`)."""
    if isinstance(exc, NetError):
        return exc
    if isinstance(exc, TimeoutError):
        return Timeout(f"{url} did not finish within {settings.transfer_deadline:g} s; gave up")
    if isinstance(exc, httpx.ConnectTimeout):
        return Timeout(f"cannot connect to {_host(url)}: no answer within the connect timeout")
    if isinstance(exc, httpx.PoolTimeout):
        return Timeout(f"{url} waited too long for a free connection")
    if isinstance(exc, httpx.TimeoutException):
        return Timeout(f"{url} stalled (no data for {settings.read_timeout:g} s)")
    if isinstance(exc, httpx.TooManyRedirects):
        return BadAddress(f"{url} redirects in a loop (more than 10 redirects); gave up")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return BadAddress(f"{url} leads to an address Tiffin cannot fetch ({exc})")
    if isinstance(exc, httpx.ProxyError):
        return HostUnreachable(f"the proxy could not reach {_host(url)} ({exc})")
    if isinstance(exc, httpx.ConnectError):
        return HostUnreachable(f"cannot connect to {_host(url)}: {exc}")
    if isinstance(exc, httpx.DecodingError):
        return BadEncoding(f"{url} sent a body that does not decode ({exc})")
    if isinstance(exc, httpx.LocalProtocolError):
        return BadAddress(f"the request for {url} could not be sent as asked ({exc})")
    if isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
        return HttpStatusError(f"{url} answered HTTP {status}", status)
    if isinstance(exc, httpx.TransportError):
        return HostUnreachable(f"the connection to {url} dropped ({exc})")
    return NetError(f"the transfer of {url} failed ({exc.__class__.__name__}: {exc})")


def worth_retrying(exc: BaseException) -> bool:
    """A connection dropped mid-answer is tried again; a stall, a refused or unresolvable
    host, a broken request and an address Tiffin does not fetch are not."""
    return isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError) and not isinstance(
        exc, httpx.ConnectError
    )
