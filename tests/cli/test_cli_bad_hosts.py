"""The command line against hosts that misbehave: a refresh where a fifth of the feeds go bad
after they were subscribed, and subscribing to a host that does not answer right now."""

from __future__ import annotations

import gzip
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from cli.test_cli import tiffin
from support.testweb import FIXTURES, Censor, Fault, Redirect, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import queries
from tiffin.library.store import Store

GOOD = 160
FAST = Settings(
    read_timeout=2.0,
    connect_timeout=2.0,
    transfer_deadline=20.0,
    max_retry_wait=3.0,
    max_feed_bytes=2 * 1024 * 1024,
    min_rate_window=3.0,
)


@pytest.fixture
def hosts() -> Iterator[TestWeb]:
    """A test web on four loopback addresses: one host that resets, one that censors."""
    web = TestWeb(("127.0.0.1", "127.0.0.2", "127.0.0.3")).start()
    yield web
    web.stop()


def _bomb() -> bytes:
    return gzip.compress(b"\0" * (40 * 1024 * 1024), compresslevel=9)


def _misbehave(web: TestWeb) -> dict[str, tuple[Callable[[str], None], str]]:
    """Each way a host goes bad: how to make path go bad, and what its error must say."""
    hops = itertools.count()
    bomb = _bomb()

    def chain(path: str) -> None:
        with web.lock:
            del web.routes[(None, path)]
        web.add_dynamic(path, lambda _: Redirect(f"{path}/{next(hops)}"))

    def fault(**kw: object) -> Callable[[str], None]:
        return lambda path: web.fault(path, Fault(**kw))  # type: ignore[arg-type]

    return {
        "loop": (lambda p: web.fault(p, Fault(redirect_to=p, redirect_status=302)), "in a loop"),
        "chain": (chain, "in a loop"),
        "trickle": (fault(rate=2), "too slow"),
        "cut": (fault(drop_after=50), "dropped"),
        "stall": (fault(stall_after=50), "stalled"),
        "huge": (fault(huge=2 * 1024**3), "transfer was cut off"),
        "bomb": (
            lambda p: web.add(p, bomb, "application/octet-stream", {"Content-Encoding": "gzip"}),
            "transfer was cut off",
        ),
        "busy": (fault(status=429, retry_after="3600"), "HTTP 429"),
        "reset": (lambda p: None, "dropped"),
        "notice": (lambda p: None, "web page where its feed should be"),
    }


def test_a_refresh_where_a_fifth_of_the_feeds_went_bad_ends_with_each_its_own_error(
    hosts: TestWeb, tmp_path: Path
) -> None:
    web = hosts
    feeds = sorted(p.name for p in (FIXTURES / "feeds").iterdir())
    paths = Paths.under(tmp_path).ensure()
    FAST.save(paths.settings_file)
    kinds = _misbehave(web)
    bad: dict[str, str] = {}
    with Store(paths.database) as store:
        for n in range(GOOD):
            url = web.add_fixture(f"feeds/{feeds[n % len(feeds)]}", path=f"/good/{n}.xml")
            queries.add_source(store, url)
        for n, kind in enumerate(k for k in kinds for _ in range(4)):
            host = {"reset": "127.0.0.2", "notice": "127.0.0.3"}.get(kind, "127.0.0.1")
            path = f"/bad/{kind}/{n}.xml"
            web.add_fixture(f"feeds/{feeds[n]}", path=path)
            url = web.url(path, host=host)
            queries.add_source(store, url)
            bad[url] = kind
    assert len(bad) == 40
    for url, kind in bad.items():  # they go bad only now, after being subscribed
        kinds[kind][0](url.split(str(web.port), 1)[1])
    web.refusing["127.0.0.2"] = time.monotonic() + 3600
    web.censored["127.0.0.3"] = Censor(allowed="192.0.2.1", notice_page=True)

    started = time.monotonic()
    done = tiffin(tmp_path, "refresh")
    wall = time.monotonic() - started
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    sources = json.loads(tiffin(tmp_path, "sources", "--json").stdout)
    good = [s for s in sources if s["url"] not in bad]
    assert len(good) == GOOD
    assert all(s["last_error"] is None and s["last_success"] for s in good)
    wrong = {
        s["url"]: (bad[s["url"]], s["last_error"])
        for s in sources
        if s["url"] in bad and kinds[bad[s["url"]]][1] not in (s["last_error"] or "")
    }
    assert wrong == {}
    print(f"200 feeds, 40 misbehaving: {wall:.1f} s, exit {done.returncode}: {done.stdout}")


def test_adding_a_host_that_does_not_answer_keeps_it_until_it_does(
    web: TestWeb, tmp_path: Path
) -> None:
    page = (
        "<html><head><title>News</title>"
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>'
    )
    web.add("/", page, "text/html", host="localhost")
    web.add_fixture("feeds/atp.rss", path="/feed.xml", host="localhost")
    site = web.url("/", host="localhost")
    replace(FAST, retries=0).save(Paths.under(tmp_path).ensure().settings_file)
    web.refusing["localhost"] = time.monotonic() + 3600

    added = tiffin(tmp_path, "add", site)
    assert added.returncode == 3, added.stderr
    assert added.stdout.count("\n") == 1 and "does not answer now" in added.stdout
    (kept,) = json.loads(tiffin(tmp_path, "sources", "--json").stdout)
    assert kept["url"] == site and "dropped" in kept["last_error"] and kept["total"] == 0

    web.refusing.clear()  # the host is back: the next refresh finds the feed the page names
    refreshed = tiffin(tmp_path, "refresh")
    assert refreshed.returncode == 0, refreshed.stdout + refreshed.stderr
    (source,) = json.loads(tiffin(tmp_path, "sources", "--json").stdout)
    assert source["url"] == web.url("/feed.xml", host="localhost")
    assert source["total"] == 100 and source["last_error"] is None


def test_an_address_that_answers_with_no_feed_is_still_refused(
    web: TestWeb, tmp_path: Path
) -> None:
    page = web.add("/about", "<html><body>About us</body></html>", "text/html")
    added = tiffin(tmp_path, "add", page)
    assert added.returncode == 1
    assert "names no feed" in added.stderr
    assert json.loads(tiffin(tmp_path, "sources", "--json").stdout) == []


def test_download_of_a_feed_suggests_subscribing(web: TestWeb, tmp_path: Path) -> None:
    feed = web.add_fixture("feeds/manton.rss")
    done = tiffin(tmp_path, "download", feed)
    assert done.returncode == 2
    assert f"tiffin add {feed}" in done.stderr and done.stderr.count("\n") == 1
    assert json.loads(tiffin(tmp_path, "media", "--json").stdout) == []
