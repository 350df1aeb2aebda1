"""Every way a host can misbehave ends in Tiffin's own error, at the one client boundary:
every public httpx exception, redirect loops and chains, redirects Tiffin refuses, trickles."""

from __future__ import annotations

import asyncio
import inspect
import itertools

import httpx
import pytest

from support.testweb import Fault, Redirect, TestWeb
from tiffin.addresses import is_local
from tiffin.config import Paths, Settings
from tiffin.errors import BadAddress, HostUnreachable, NetError, TiffinError, Timeout, TooSlow
from tiffin.library.store import Store
from tiffin.net import governor, line
from tiffin.net.client import FetchResult, fetch, make_client
from tiffin.net.failures import HTTPX_ERRORS
from tiffin.net.line_history import observations
from tiffin.net.redirects import refused_redirect


def _get(
    url: str, settings: Settings, transport: httpx.AsyncBaseTransport | None = None
) -> FetchResult:
    async def go() -> FetchResult:
        async with make_client(settings, transport) as client:
            return await fetch(client, url, settings)

    return asyncio.run(go())


def _public_httpx_exceptions() -> list[type[Exception]]:
    found = [getattr(httpx, name) for name in httpx.__all__]
    return [c for c in found if inspect.isclass(c) and issubclass(c, Exception)]


def _instance(kind: type[Exception]) -> Exception:
    request = httpx.Request("GET", "http://news.example/feed")
    if kind is httpx.HTTPStatusError:
        return kind("no", request=request, response=httpx.Response(500, request=request))
    parameters = inspect.signature(kind.__init__).parameters
    if "request" in parameters:
        return kind("went wrong", request=request)  # type: ignore[call-arg]
    if "message" in parameters:
        return kind("went wrong")  # type: ignore[call-arg]
    return kind()


class _Raising(httpx.AsyncBaseTransport):
    """Raises one exception for every request: what httpx itself might raise anywhere."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise self.error


@pytest.mark.parametrize("kind", _public_httpx_exceptions(), ids=lambda k: k.__name__)
def test_every_public_httpx_exception_becomes_a_tiffin_error(
    kind: type[Exception], settings: Settings
) -> None:
    assert issubclass(kind, HTTPX_ERRORS)
    quick = Settings(retries=0, read_timeout=1, connect_timeout=1)
    with pytest.raises(TiffinError) as caught:
        _get("http://news.example/feed", quick, _Raising(_instance(kind)))
    assert "news.example" in str(caught.value)


def test_a_malformed_address_is_a_clear_error(settings: Settings) -> None:
    with pytest.raises(BadAddress, match=r"\[::1"):
        _get("http://[::1", settings)


def test_a_host_redirecting_to_itself_is_a_loop_not_a_crash(
    web: TestWeb, settings: Settings
) -> None:
    url = web.add("/loop", "never served")
    web.fault("/loop", Fault(redirect_to="/loop", redirect_status=302))
    with pytest.raises(BadAddress, match="redirects in a loop"):
        _get(url, settings)
    assert len(web.requests("/loop")) == 11  # the first and ten redirects, never retried


def test_an_endless_chain_of_redirects_ends(web: TestWeb, settings: Settings) -> None:
    hops = itertools.count()
    url = web.add_dynamic("/chain/", lambda path: Redirect(f"/chain/{next(hops)}"))
    with pytest.raises(BadAddress, match="redirects in a loop"):
        _get(url + "start", settings)
    assert len(web.requests()) == 11


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://news.example/feed"])
def test_a_redirect_to_another_scheme_is_refused_at_once(
    web: TestWeb, settings: Settings, target: str
) -> None:
    url = web.add("/away", "x")
    web.fault("/away", Fault(redirect_to=target, redirect_status=302))
    with pytest.raises(BadAddress, match="only to http and https"):
        _get(url, settings)
    assert len(web.requests("/away")) == 1  # not retried as a dropped connection


def test_a_public_host_cannot_send_tiffin_to_a_local_service(
    web: TestWeb, settings: Settings
) -> None:
    web.add("/picture.png", "x", "image/png", host="pictures.example")
    local = web.add("/admin", "the router's admin page")
    web.fault("/picture.png", Fault(redirect_to=local, redirect_status=302))
    with pytest.raises(BadAddress, match="private network; refused"):
        _get("http://pictures.example/picture.png", settings, web.transport())
    assert web.requests("/admin") == []
    # A local address may still redirect to another local address (a LAN server's own move).
    web.fault("/moved", Fault(redirect_to="/admin", redirect_status=302))
    assert _get(web.url("/moved"), settings).body == b"the router's admin page"


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.1", True),
        ("2130706433", True),
        ("10.1.2.3", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", True),
        ("localhost", True),
        ("router.localhost", True),
        ("8.8.8.8", False),
        ("news.example", False),
        ("2001:4860::8888", False),
    ],
)
def test_which_hosts_count_as_local(host: str, local: bool) -> None:
    assert is_local(host) is local


def test_a_malformed_redirect_location_is_refused() -> None:
    assert refused_redirect(httpx.URL("http://a.example/"), "http://[::1") is not None


def test_a_trickle_is_cut_at_the_floor_and_the_line_learns_it(
    web: TestWeb, paths: Paths, settings: Settings
) -> None:
    slow = Settings(read_timeout=5, retries=0, min_rate=256, min_rate_window=3.0)
    url = web.add("/trickle", b"<rss>" + b" " * 4000, "application/octet-stream")
    web.fault("/trickle", Fault(rate=20))
    rules = governor.install(slow, paths)
    try:
        with pytest.raises(TooSlow, match=r"too slow: \d+ B/s") as caught:
            _get(url, slow)
        assert isinstance(caught.value, Timeout)
        rules.flush()
        with Store(paths.database) as store:
            seen = observations(store, "127.0.0.1")
        assert [o.kind for o in seen] == ["too_slow"]
        (state,) = line.judge(seen)
        assert state.state == line.LineState.THROTTLED
        assert "trickle" in state.reason
    finally:
        governor.install(Settings(), None)


def test_a_throttled_but_moving_line_still_completes(web: TestWeb, settings: Settings) -> None:
    slow = Settings(read_timeout=5, retries=0, min_rate=256, min_rate_window=1.0)
    body = b"<rss>" + b" " * 60_000
    url = web.add("/throttled", body, validators=False)
    web.fault("/throttled", Fault(rate=20_000))
    assert _get(url, slow).body == body


def test_a_feed_that_never_ends_is_cut_by_the_deadline(web: TestWeb) -> None:
    # Fast enough for the floor, endless: only the ceiling on one fetch ends it.
    quick = Settings(read_timeout=5, retries=0, transfer_deadline=1.5, max_feed_bytes=10**12)
    url = web.add("/endless", "x")
    web.fault("/endless", Fault(endless=True, rate=200_000))
    with pytest.raises(Timeout, match=r"did not finish within 1\.5 s"):
        _get(url, quick)


def test_every_request_is_observed_without_a_line_log(
    web: TestWeb, paths: Paths, settings: Settings
) -> None:
    """Articles, pictures and downloads run outside a refresh's LineLog: the Governor keeps
    what their requests showed and stores it."""
    good = web.add("/page", "<html>ok</html>", "text/html")
    rules = governor.install(settings, paths)
    try:
        _get(good, settings)
        with pytest.raises(NetError):
            _get(web.url("/page", host="localhost").replace(str(web.port), "1"), settings)
        rules.flush()
        with Store(paths.database) as store:
            seen = observations(store)
    finally:
        governor.install(Settings(), None)
    assert [(o.host, o.kind, o.path) for o in seen] == [
        ("127.0.0.1", "ok", "direct"),
        ("localhost", "refused", "direct"),
    ]
    assert seen[0].bytes > 0 and seen[0].rtt is not None


def test_a_name_that_does_not_resolve_is_a_blocked_host(
    web: TestWeb, paths: Paths, settings: Settings
) -> None:
    web.add("/feed", "<rss/>", host="open.example")
    web.unresolvable.add("blocked.example")
    rules = governor.install(settings, paths)
    try:
        _get("http://open.example/feed", settings, web.transport())
        with pytest.raises(HostUnreachable, match=r"cannot connect to blocked\.example"):
            _get("http://blocked.example/feed", settings, web.transport())
        rules.flush()
        with Store(paths.database) as store:
            states = {s.host: s for s in line.judge(observations(store))}
    finally:
        governor.install(Settings(), None)
    assert states["blocked.example"].state == line.LineState.BLOCKED
    assert "does not resolve" in states["blocked.example"].reason
