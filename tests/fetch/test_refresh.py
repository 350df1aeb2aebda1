"""Refreshing and subscribing through the test web: concurrency, errors kept per source."""

from __future__ import annotations

import pytest

from support.testweb import FIXTURES, Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.errors import BadAddress, NoFeedFound
from tiffin.fetch.refresh import POOL_THRESHOLD, refresh_sources
from tiffin.fetch.subscribe import subscribe
from tiffin.library import queries
from tiffin.library.queries import dedup_key
from tiffin.library.store import Store
from tiffin.sources.feeds import parse_feed


def test_every_fixture_feed_is_stored_through_the_web(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    feeds = sorted((FIXTURES / "feeds").iterdir())
    for path in feeds:
        queries.add_source(store, web.add_fixture(f"feeds/{path.name}"))
    assert len(feeds) >= POOL_THRESHOLD  # exercises the process pool
    report = refresh_sources(store, paths, settings)
    assert not report.failed, report.failed
    by_url = {s.url: s for s in queries.list_sources(store)}
    assert by_url[web.url("/fixtures/feeds/rssparser_giantbomb-podcast.rss")].total == 730
    scripting = parse_feed((FIXTURES / "feeds" / "ScriptingNews.json").read_bytes(), "x")
    distinct = {dedup_key(item) for item in scripting.items}
    assert by_url[web.url("/fixtures/feeds/ScriptingNews.json")].total == len(distinct)
    assert sum(s.total for s in by_url.values()) == report.new_items


def test_second_refresh_sends_validators_and_changes_nothing(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, web.add_fixture("feeds/atp.rss"))
    refresh_sources(store, paths, settings)
    second = refresh_sources(store, paths, settings)
    assert second.outcomes[0].not_modified
    last = web.requests()[-1]
    assert last.status == 304 and "If-None-Match" in last.headers
    assert queries.get_source(store, source.id).total == 100


def test_malformed_feed_keeps_stored_items_and_others_go_on(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    good = web.add_fixture("feeds/atp.rss")
    flaky = web.add_fixture("feeds/manton.rss", path="/flaky")
    queries.add_source(store, good)
    flaky_source, _ = queries.add_source(store, flaky)
    refresh_sources(store, paths, settings)
    assert queries.get_source(store, flaky_source.id).total == 10
    broken = (FIXTURES / "feeds-malformed" / "rss_empty_document.xml").read_bytes()
    web.add("/flaky", broken)
    web.add_fixture("feeds/atp.rss", path="/fixtures/feeds/atp.rss")
    report = refresh_sources(store, paths, settings)
    (failure,) = report.failed
    assert failure.source_id == flaky_source.id and "not a feed" in (failure.error or "")
    after = queries.get_source(store, flaky_source.id)
    assert after.total == 10 and after.last_error == failure.error


def test_a_broken_gzip_body_is_that_sources_error_alone(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    feeds = sorted(p for p in (FIXTURES / "feeds").iterdir() if p.suffix == ".rss")
    for path in feeds[:POOL_THRESHOLD]:  # enough sources for the process pool
        queries.add_source(store, web.add_fixture(f"feeds/{path.name}"))
    broken = web.add(
        "/broken", b"\x1f\x8b not gzip", "application/octet-stream", {"Content-Encoding": "gzip"}
    )
    broken_source, _ = queries.add_source(store, broken)
    report = refresh_sources(store, paths, settings)
    (failure,) = report.failed
    assert failure.source_id == broken_source.id and "broken gzip" in (failure.error or "")
    assert len(report.outcomes) == POOL_THRESHOLD + 1
    assert queries.get_source(store, broken_source.id).last_error == failure.error


def test_permanent_redirect_is_adopted(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    target = web.add_fixture("feeds/manton.rss")
    web.fault("/moved", Fault(redirect_to=target, redirect_status=308))
    source, _ = queries.add_source(store, web.url("/moved"))
    refresh_sources(store, paths, settings)
    assert queries.get_source(store, source.id).url == target


def test_per_host_limit_holds(web: TestWeb, store: Store, paths: Paths) -> None:
    for i in range(6):
        web.add_fixture("feeds/manton.rss", path=f"/f{i}")
        web.fault(f"/f{i}", Fault(latency=0.3))
        queries.add_source(store, web.url(f"/f{i}"))
    refresh_sources(store, paths, Settings(per_host_connections=2))
    assert len(web.requests()) == 6
    assert web.most_at_once() == 2


def test_rate_limited_source_waits_for_its_time(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    url = web.add_fixture("feeds/manton.rss")
    web.fault("/fixtures/feeds/manton.rss", Fault(status=429, retry_after="600", times=1))
    source, _ = queries.add_source(store, url)
    first = refresh_sources(store, paths, settings)
    assert "busy" in (first.failed[0].error or "")
    second = refresh_sources(store, paths, settings)
    assert "asked to wait" in (second.failed[0].error or "")
    assert len(web.requests()) == 1  # the second refresh did not knock again
    assert queries.get_source(store, source.id).total == 0


def test_subscribe_by_page_autodiscovers(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    feed = web.add_fixture("feeds/DaringFireball.atom", path="/feeds/main")
    page = web.add_fixture("sites/DaringFireball.html", path="/")
    sub = subscribe(store, paths, settings, page, folder="Tech")
    assert sub.created and sub.source.url == feed
    assert sub.source.folder == "Tech" and sub.source.total == 48
    assert sub.source.title == "Daring Fireball"
    again = subscribe(store, paths, settings, feed)
    assert not again.created and again.source.id == sub.source.id


def test_subscribe_errors_store_nothing(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    page = web.add("/plain", "<!doctype html><html><body>No feeds</body></html>", "text/html")
    with pytest.raises(NoFeedFound):
        subscribe(store, paths, settings, page)
    with pytest.raises(BadAddress, match="only http:// and https://"):
        subscribe(store, paths, settings, "ftp://x.test/feed")
    with pytest.raises(BadAddress, match="not a valid web address"):
        subscribe(store, paths, settings, "http://[::1")
    assert queries.list_sources(store) == []
