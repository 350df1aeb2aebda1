"""Line state per host, learned from real transfers against several hosts of the test web."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace

import pytest

from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.errors import NetError
from tiffin.fetch.refresh import refresh_sources
from tiffin.fetch.subscribe import subscribe
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.net.client import fetch, make_client
from tiffin.net.line import LineLog, LineState, Observation, judge, observing, overall
from tiffin.net.line_history import line_states, observations

GOOD, SLOW, CENSORED, DEAD = "127.0.3.1", "127.0.3.2", "127.0.3.3", "127.0.3.9"


@pytest.fixture
def hosts() -> Iterator[TestWeb]:
    """The test web on three loopback addresses; a fourth (DEAD) has nothing listening."""
    web = TestWeb((GOOD, SLOW, CENSORED)).start()
    yield web
    web.stop()


def _feed(name: str) -> bytes:
    """An RSS feed of about 96 KiB that gzip cannot shrink much: big enough to time."""
    noise = base64.b64encode(os.urandom(72 * 1024)).decode()
    items = "".join(
        f"<item><guid>{name}-{n}</guid><title>{name} {n}</title>"
        f"<description>{noise[n * 8000 : (n + 1) * 8000]}</description></item>"
        for n in range(12)
    )
    channel = f"<channel><title>{name}</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def _observe(urls: list[str], settings: Settings) -> list[Observation]:
    log = LineLog()

    async def go() -> None:
        async with make_client(settings) as client:
            for url in urls:
                with contextlib.suppress(NetError):
                    await fetch(client, url, settings)

    with observing(log):
        asyncio.run(go())
    return log.take()


def test_failures_are_named_the_way_censorship_makes_them(
    hosts: TestWeb, settings: Settings
) -> None:
    hosts.add("/ok.xml", _feed("ok"))
    hosts.add("/stalls.xml", _feed("stalls"))
    hosts.fault("/stalls.xml", Fault(stall_after=1000))
    refused = hosts.url("/ok.xml", host=DEAD)
    tls = hosts.url("/ok.xml", host=GOOD).replace("http://", "https://")
    quick = replace(settings, read_timeout=0.5, retries=0)
    seen = _observe(
        [hosts.url("/ok.xml", host=GOOD), refused, tls, hosts.url("/stalls.xml", host=SLOW)], quick
    )
    assert [(o.host, o.kind) for o in seen] == [
        (GOOD, "ok"),
        (DEAD, "refused"),
        (GOOD, "tls"),
        (SLOW, "stall"),
    ]
    ok = seen[0]
    assert ok.bytes > 32 * 1024 and ok.rtt is not None and ok.throughput


def test_judge_names_each_state_and_why() -> None:
    fast = [Observation("a.test", "ok", at=t, bytes=100_000, seconds=0.1) for t in range(4)]
    slow = Observation("a.test", "ok", at=5, bytes=100_000, seconds=2.0)
    reset = Observation("b.test", "reset", at=6)
    states = {s.host: s for s in judge([*fast, slow, reset])}
    assert states["a.test"].state == LineState.THROTTLED and "5%" in states["a.test"].reason
    assert states["b.test"].state == LineState.BLOCKED and "other hosts" in states["b.test"].reason
    everything_down = [Observation("a.test", "refused", at=7), Observation("b.test", "dns", at=8)]
    down = judge([*fast, *everything_down])
    assert {s.state for s in down} == {LineState.OFFLINE}
    assert overall(down) == LineState.OFFLINE
    assert judge(fast)[0].state == LineState.GOOD


def test_refresh_learns_good_throttled_and_blocked_hosts(
    hosts: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    # Routes are per path: each host is subscribed at its own path.
    names = {GOOD: "/good.xml", SLOW: "/slow.xml", CENSORED: "/censored.xml", DEAD: "/dead.xml"}
    for host, path in names.items():
        hosts.add(path, _feed(host), validators=False)
        queries.add_source(store, hosts.url(path, host=host))
    for _ in range(3):  # three good rounds: each host's usual throughput
        refresh_sources(store, paths, settings)
    kept = {s.url: s.total for s in queries.list_sources(store)}
    hosts.fault(names[SLOW], Fault(rate=24 * 1024))
    notice = "<!doctype html><html><title>Blocked</title><p>This site is not available.</p></html>"
    hosts.add(names[CENSORED], notice, "text/html")
    report = refresh_sources(store, paths, settings)

    states = {s.host: s for s in line_states(store)}
    assert states[GOOD].state == LineState.GOOD
    assert states[SLOW].state == LineState.THROTTLED, states[SLOW]
    assert states[CENSORED].state == LineState.BLOCKED
    assert "web page" in states[CENSORED].reason
    assert states[DEAD].state == LineState.BLOCKED and "refused" in states[DEAD].reason
    censored = next(o for o in report.outcomes if CENSORED in o.url)
    assert censored.error and "may be blocked" in censored.error
    # The notice page was never stored as content; every source kept its items.
    assert {s.url: s.total for s in queries.list_sources(store)} == kept
    assert any(o.kind == "notice_page" for o in observations(store, CENSORED))

    home = paths.data_dir
    done = subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), "net", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = {r["host"]: r for r in json.loads(done.stdout)}
    assert {h: rows[h]["state"] for h in (GOOD, SLOW, CENSORED, DEAD)} == {
        GOOD: "good",
        SLOW: "throttled",
        CENSORED: "blocked",
        DEAD: "blocked",
    }
    assert set(rows[GOOD]) >= {"host", "state", "reason", "since", "throughput", "baseline"}


def test_net_probe_sees_the_line_go_down_and_come_back(
    hosts: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    for host in (GOOD, SLOW):
        hosts.add(f"/{host}.xml", _feed(host))
        subscribe(store, paths, settings, hosts.url(f"/{host}.xml", host=host))
    home = paths.data_dir

    def net(*args: str) -> dict[str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "tiffin", "--data-dir", str(home), "net", "--json", *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return {r["host"]: r["state"] for r in json.loads(done.stdout)}

    assert net("--probe") == {GOOD: "good", SLOW: "good"}
    hosts.stop()  # the cable is pulled: nothing answers anywhere
    assert net("--probe") == {GOOD: "offline", SLOW: "offline"}
