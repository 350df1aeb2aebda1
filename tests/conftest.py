"""Shared fixtures: the test web, a fresh data folder and store, fast settings, and a guard that
fails any test that tries to reach beyond loopback. The tests' yt-dlp plugins (the channel
site's extractors) are put on the path of this process and of every process it starts."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.channel_site import PLUGIN_DIR
from support.media import make_clip, make_hls_vod
from support.testweb import FIXTURES, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.net.governor import Governor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(PLUGIN_DIR))
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(PLUGIN_DIR), os.environ.get("PYTHONPATH")) if p
)

QT_TIMEOUT_MS = 20_000
_escapes: list[str] = []


def _is_local(address: object) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX path
        return True
    if isinstance(address, tuple) and address:
        host = address[0]
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return host == "localhost"
    return False


def _guard(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.connect":
        sock, address = args
        inet = isinstance(sock, socket.socket) and sock.family in (socket.AF_INET, socket.AF_INET6)
        if inet and not _is_local(address):
            _escapes.append(repr(address))
            raise ConnectionRefusedError(f"tests may not reach {address!r}")


sys.addaudithook(_guard)

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With TIFFIN_NO_SKIPS set (scripts/check sets it), a skipped test fails the run: a
    machine without Xvfb, Chromium or network namespaces must not pass the check silently."""
    if os.environ.get("TIFFIN_NO_SKIPS") and _skipped and exitstatus == 0:
        print(f"\n{len(_skipped)} tests were skipped, which TIFFIN_NO_SKIPS forbids:")
        for name in _skipped:
            print(f"  {name}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def no_internet() -> Iterator[None]:
    """Fail the test loudly if it tried to connect anywhere but loopback."""
    _escapes.clear()
    yield
    assert not _escapes, f"the test tried to reach the internet: {_escapes}"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    assert FIXTURES.is_dir(), f"shared fixtures missing at {FIXTURES}"
    return FIXTURES


@pytest.fixture(scope="session")
def web_server() -> Iterator[TestWeb]:
    web = TestWeb().start()
    yield web
    web.stop()


@pytest.fixture
def web(web_server: TestWeb) -> Iterator[TestWeb]:
    web_server.reset()
    yield web_server
    web_server.reset()


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths.under(tmp_path / "home").ensure()


@pytest.fixture
def settings() -> Settings:
    """Short timeouts so fault tests finish quickly; the behaviour is the same as the defaults'."""
    return Settings(
        read_timeout=1.5,
        connect_timeout=2.0,
        transfer_deadline=20.0,
        max_retry_wait=3.0,
        max_feed_bytes=2 * 1024 * 1024,
    )


@pytest.fixture
def governed(paths: Paths, settings: Settings) -> Iterator[Governor]:
    """The process obeys a Governor for `paths` (cap, budget, proxy) as the app's does; the
    test changes its rules with `update`. Afterwards, no rules again."""
    rules = governor.install(settings, paths)
    yield rules
    governor.install(Settings(), None)


@pytest.fixture
def store(paths: Paths) -> Iterator[Store]:
    with Store(paths.database) as opened:
        yield opened


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real 8-second H.264/AAC clip, made once with ffmpeg."""
    return make_clip(tmp_path_factory.mktemp("media") / "clip.mp4", seconds=8.0)


@pytest.fixture(scope="session")
def hls_vod(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clip cut into an HLS VOD playlist of one-second segments."""
    return make_hls_vod(clip, tmp_path_factory.mktemp("hls"), segment_seconds=1)
