"""fetch() against the real test web: caps, stalls, drops, gzip, redirects, Retry-After."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest

from support.testweb import FIXTURES, Fault, TestWeb
from tiffin.config import Settings
from tiffin.errors import (
    BadEncoding,
    HostUnreachable,
    HttpStatusError,
    RateLimited,
    ResponseTooLarge,
    SourceGone,
    Timeout,
)
from tiffin.net.client import FetchResult, decode_body, fetch, make_client, retry_after_seconds


def _get(url: str, settings: Settings, **kw: str) -> FetchResult:
    async def go() -> FetchResult:
        async with make_client(settings) as client:
            return await fetch(client, url, settings, **kw)

    return asyncio.run(go())


def test_gzip_is_accepted_and_decoded(web: TestWeb, settings: Settings) -> None:
    url = web.add_fixture("feeds/atp.rss")
    result = _get(url, settings)
    assert result.body.startswith(b"<?xml")
    assert web.requests()[0].headers["Accept-Encoding"].startswith("gzip")
    assert result.wire_bytes < len(result.body) / 2


def test_conditional_get_gives_304(web: TestWeb, settings: Settings) -> None:
    url = web.add_fixture("feeds/atp.rss")
    first = _get(url, settings)
    second = _get(url, settings, etag=first.validators["etag"])
    assert second.not_modified and second.body == b""
    third = _get(url, settings, last_modified=first.validators["last-modified"])
    assert third.not_modified
    assert [r.status for r in web.requests()] == [200, 304, 304]


def test_a_304_leaves_its_connection_open_for_the_next_request(
    web: TestWeb, settings: Settings
) -> None:
    url = web.add_fixture("feeds/atp.rss")
    etag = _get(url, settings).validators["etag"]

    async def three_in_one_client() -> list[FetchResult]:
        async with make_client(settings) as client:
            return [await fetch(client, url, settings, etag=etag) for _ in range(3)]

    assert all(result.not_modified for result in asyncio.run(three_in_one_client()))
    conditional = web.requests()[1:]
    assert [r.status for r in conditional] == [304, 304, 304]
    assert len({r.client_port for r in conditional}) == 1


def test_permanent_redirect_is_reported_temporary_is_not(web: TestWeb, settings: Settings) -> None:
    target = web.add_fixture("feeds/atp.rss")
    web.fault("/old", Fault(redirect_to=target, redirect_status=301))
    web.fault("/temp", Fault(redirect_to=target, redirect_status=302))
    assert _get(web.url("/old"), settings).moved_to == target
    assert _get(web.url("/temp"), settings).moved_to is None


def test_retry_after_is_honoured(web: TestWeb, settings: Settings) -> None:
    url = web.add_fixture("feeds/atp.rss")
    web.fault("/fixtures/feeds/atp.rss", Fault(status=429, retry_after="1", times=1))
    assert _get(url, settings).status == 200
    assert [r.status for r in web.requests()] == [429, 200]


def test_long_retry_after_gives_rate_limited(web: TestWeb, settings: Settings) -> None:
    web.fault("/busy", Fault(status=503, retry_after="3600"))
    with pytest.raises(RateLimited) as caught:
        _get(web.url("/busy"), settings)
    assert caught.value.retry_after == 3600
    assert len(web.requests()) == 1


def test_stall_times_out(web: TestWeb, settings: Settings) -> None:
    url = web.add_fixture("feeds/atp.rss")
    web.fault("/fixtures/feeds/atp.rss", Fault(stall_after=1000))
    with pytest.raises(Timeout, match="stalled"):
        _get(url, settings)


def test_dropped_connection_is_retried_then_reported(web: TestWeb, settings: Settings) -> None:
    url = web.add_fixture("feeds/atp.rss")
    web.fault("/fixtures/feeds/atp.rss", Fault(drop_after=500, times=1))
    assert _get(url, settings).status == 200
    web.fault("/fixtures/feeds/atp.rss", Fault(drop_after=500))
    with pytest.raises(HostUnreachable, match="dropped"):
        _get(url, settings)


def test_endless_and_huge_bodies_are_cut_off(web: TestWeb, settings: Settings) -> None:
    web.fault("/endless", Fault(endless=True))
    with pytest.raises(ResponseTooLarge, match="cut off"):
        _get(web.url("/endless"), settings)
    web.add("/huge", b"")
    web.fault("/huge", Fault(huge=settings.max_feed_bytes * 3))
    with pytest.raises(ResponseTooLarge):
        _get(web.url("/huge"), settings)


def _undecoded(url: str, settings: Settings) -> FetchResult:
    async def go() -> FetchResult:
        async with make_client(settings) as client:
            return await fetch(client, url, settings, decode=False)

    return asyncio.run(go())


def _body(url: str, settings: Settings) -> bytes:
    result = _undecoded(url, settings)
    return decode_body(result.body, result.encoding, url, settings.max_feed_bytes)


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # no zlib header
    ],
)
def test_a_body_left_compressed_decodes_as_httpx_decodes_it(
    web: TestWeb, settings: Settings, encoding: str, compress: object
) -> None:
    data = (FIXTURES / "feeds" / "atp.rss").read_bytes()
    assert callable(compress)
    url = web.add(
        "/packed", compress(data), "application/octet-stream", {"Content-Encoding": encoding}
    )
    left = _undecoded(url, settings)
    assert left.encoding == encoding and left.body != data
    assert left.head(5) == data[:5]
    assert _body(url, settings) == data == _get(url, settings).body


def test_a_gzip_bomb_is_cut_off_at_the_cap(web: TestWeb, settings: Settings) -> None:
    bomb = gzip.compress(b"<rss>" + b" " * (3 * settings.max_feed_bytes))
    assert len(bomb) < settings.max_feed_bytes // 100
    url = web.add("/bomb", bomb, "application/octet-stream", {"Content-Encoding": "gzip"})
    with pytest.raises(ResponseTooLarge, match="cut off"):
        _get(url, settings)
    with pytest.raises(ResponseTooLarge, match="cut off"):
        _body(url, settings)


def test_a_broken_compressed_body_is_a_clear_error(web: TestWeb, settings: Settings) -> None:
    url = web.add(
        "/broken", b"not gzip at all", "application/octet-stream", {"Content-Encoding": "gzip"}
    )
    with pytest.raises(BadEncoding, match="broken gzip"):
        _get(url, settings)
    with pytest.raises(BadEncoding, match="broken gzip"):
        _body(url, settings)
    assert _undecoded(url, settings).head() == b""


def test_slow_drip_hits_the_deadline(web: TestWeb) -> None:
    slow = Settings(read_timeout=5, transfer_deadline=1.0)
    web.fault("/drip", Fault(endless=True, rate=2000))
    with pytest.raises(Timeout, match="did not finish"):
        _get(web.url("/drip"), slow)


def test_error_statuses_are_named(web: TestWeb, settings: Settings) -> None:
    web.fault("/gone", Fault(status=410))
    with pytest.raises(SourceGone, match="410"):
        _get(web.url("/gone"), settings)
    with pytest.raises(HttpStatusError, match="404"):
        _get(web.url("/nothing-here"), settings)


def test_unreachable_host(settings: Settings) -> None:
    with pytest.raises(HostUnreachable):
        _get("http://127.0.0.1:9/feed", settings)


def test_retry_after_http_date() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon") is None
