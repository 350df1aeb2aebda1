"""Every transfer obeys the process's Governor: one bandwidth cap shared by all of Tiffin's
processes, a data budget counted in bytes on the wire (checked against what the test web
sent), and the path each host takes, direct or through a real proxy (pproxy)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from support.fetching import body_size, timed_body_size
from support.proxy import PASSWORD, SOURCE, USER, running_proxy
from support.testweb import Censor, TestWeb
from tiffin.config import Paths, Settings
from tiffin.errors import BudgetSpent, HostUnreachable
from tiffin.fetch.pool import site_pool
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import downloads, queries
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.media.queue import DownloadQueue
from tiffin.media.toolchain import ytdlp_options
from tiffin.net.governor import DIRECT, PROXY, Governor
from tiffin.net.line_history import observations
from tiffin.net.proxy import save_password
from tiffin.net.usage import usage
from tiffin.progress import CancelToken

OPEN, CENSORED = "127.0.4.1", "127.0.4.2"
KiB, MiB = 1024, 1024 * 1024


@pytest.fixture
def hosts() -> Iterator[TestWeb]:
    """The test web on two loopback addresses, with a small send buffer so that what it
    counts as sent is close to what the client read."""
    web = TestWeb((OPEN, CENSORED))
    web.send_buffer = 16 * KiB
    yield web.start()
    web.stop()


def _file(web: TestWeb, name: str, size: int, host: str = OPEN) -> str:
    web.add(f"/files/{name}", os.urandom(size), "application/octet-stream")
    return web.url(f"/files/{name}", host)


def test_the_budget_stops_transfers_within_one_percent(
    hosts: TestWeb, governed: Governor, store: Store, settings: Settings
) -> None:
    budget = 8 * MiB
    governed.update(replace(settings, daily_budget=budget))
    urls = [_file(hosts, f"{n}.bin", 512 * KiB) for n in range(24)]
    outcomes: list[int | BudgetSpent] = []
    for url in urls:
        try:
            outcomes.append(body_size(url, settings))
        except BudgetSpent as exc:
            outcomes.append(exc)
    done = [o for o in outcomes if isinstance(o, int)]
    assert 14 <= len(done) <= 16
    assert all(isinstance(o, BudgetSpent) for o in outcomes[len(done) + 1 :])
    governed.flush()
    assert usage(store)[0] <= budget
    assert hosts.bytes_sent <= budget * 1.01  # counted by the server, headers included
    asked_after = hosts.requests()[len(done) + 1 :]
    assert asked_after == []  # once spent, nothing more was even asked for


def test_one_cap_is_shared_by_every_process(
    hosts: TestWeb, governed: Governor, settings: Settings
) -> None:
    cap = 512 * KiB
    governed.update(replace(settings, bandwidth_cap=cap))
    urls = [_file(hosts, f"{n}.bin", MiB) for n in range(3)]
    with site_pool(3) as pool:  # each child adopts the parent's rules
        fetched = list(pool.map(timed_body_size, urls, [settings] * 3))
    assert [size for size, _, _ in fetched] == [MiB] * 3
    # Each process alone at the cap would read its file in 2 s; sharing it, the three take
    # 6 s, however their starts are spread.
    elapsed = max(end for _, _, end in fetched) - min(start for _, start, _ in fetched)
    assert elapsed >= 0.95 * 3 * MiB / cap, elapsed
    assert hosts.bytes_sent < 3 * MiB + 4 * KiB


def test_all_traffic_through_a_socks_proxy_whose_password_is_kept_apart(
    hosts: TestWeb,
    governed: Governor,
    paths: Paths,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = _file(hosts, "a.bin", 64 * KiB)
    with running_proxy() as port:
        for scheme in ("socks5", "http"):
            address = f"{scheme}://{USER}@127.0.0.1:{port}"
            where = save_password(paths, address, PASSWORD)
            chosen = replace(settings, proxy=address, proxy_mode="all")
            chosen.save(paths.settings_file)
            governed.update(chosen)
            assert body_size(url, settings) == 64 * KiB
            assert hosts.requests()[-1].client == SOURCE  # it came out of the proxy
            assert governed.describe_route(OPEN) == f"via proxy {scheme}://127.0.0.1:{port}"
    assert "no system keyring" in where
    assert (paths.config_dir / "proxy-password.json").stat().st_mode & 0o077 == 0
    assert PASSWORD not in paths.settings_file.read_text()
    assert PASSWORD not in caplog.text


def test_only_blocked_hosts_take_the_proxy_when_the_user_allows_it(
    hosts: TestWeb, governed: Governor, store: Store, paths: Paths, settings: Settings
) -> None:
    hosts.censored[CENSORED] = Censor(allowed=SOURCE)  # resets every direct connection
    open_url = _file(hosts, "o.bin", 48 * KiB)
    censored_url = _file(hosts, "c.bin", 48 * KiB, CENSORED)
    with running_proxy() as port:
        address = f"socks5://{USER}@127.0.0.1:{port}"
        save_password(paths, address, PASSWORD)
        governed.update(replace(settings, proxy=address, proxy_mode="blocked"))
        assert governed.route(CENSORED) == DIRECT  # nothing known against it yet
        assert body_size(open_url, settings) == body_size(censored_url, settings) == 48 * KiB
        clients = {r.host: r.client for r in hosts.requests()}
        assert clients == {OPEN: "127.0.0.1", CENSORED: SOURCE}
        assert (governed.route(OPEN), governed.route(CENSORED)) == (DIRECT, PROXY)
        governed.flush()  # what the line monitor learnt: the refused try, then the proxy's
        seen = [(o.kind, o.path) for o in observations(store, CENSORED)]
        assert seen == [("reset", DIRECT), ("ok", PROXY)], seen

        governed.update(replace(settings, proxy=address, proxy_mode="off"))
        with pytest.raises(HostUnreachable):
            body_size(censored_url, settings)


def test_a_notice_page_sends_the_feed_through_the_proxy(
    hosts: TestWeb,
    governed: Governor,
    store: Store,
    paths: Paths,
    settings: Settings,
    fixtures_dir: Path,
) -> None:
    hosts.censored[CENSORED] = Censor(allowed=SOURCE, notice_page=True)
    feed = (fixtures_dir / "feeds" / "atp.rss").read_bytes()
    hosts.add("/feed.xml", feed, "application/rss+xml")
    url = hosts.url("/feed.xml", CENSORED)
    source, _ = queries.add_source(store, url)
    with running_proxy() as port:
        governed.update(replace(settings, proxy=f"http://127.0.0.1:{port}", proxy_mode="blocked"))
        refused = refresh_sources(store, paths, settings)
        address = f"http://{USER}@127.0.0.1:{port}"
        save_password(paths, address, PASSWORD)
        governed.update(replace(settings, proxy=address, proxy_mode="blocked"))
        report = refresh_sources(store, paths, settings)
    assert "the proxy refused" in str(refused.outcomes[0].error)
    assert report.outcomes[0].error is None
    assert len(queries.list_items(store, [source.id])) > 0
    kinds = [o.kind for o in observations(store, CENSORED)]
    assert "notice_page" in kinds and kinds[-1] == "ok"
    assert governed.route(CENSORED) == PROXY


def test_ytdlp_and_ranged_downloads_count_against_the_budget_in_child_processes(
    web: TestWeb,
    clip: Path,
    hls_vod: Path,
    governed: Governor,
    store: Store,
    paths: Paths,
    settings: Settings,
) -> None:
    chosen = replace(settings, disk_reserve=0, read_timeout=5.0, monthly_budget=500 * MiB)
    governed.update(chosen)
    direct = web.add("/media/clip.mp4", clip.read_bytes(), "video/mp4")
    hls = web.add_folder("/hls/", hls_vod.parent) + "index.m3u8"
    ids = [downloads.enqueue(store, url).id for url in (direct, hls)]
    summary = DownloadQueue(store, paths, chosen).run(lambda _: None, CancelToken())
    assert summary.done == ids
    assert all(downloads.get_download(store, i).status == Status.DONE for i in ids)
    sent = sum(r.body_bytes for r in web.requests() if r.path.startswith(("/media/", "/hls/")))
    segments = sum(r.body_bytes for r in web.requests() if r.path.endswith(".ts"))
    counted, _ = usage(store)
    # Every byte of the file and of the segments is counted; what yt-dlp reads to learn
    # about the media (the playlist, a look at the file) is not.
    assert clip.stat().st_size + segments <= counted <= sent, (counted, sent)
    # yt-dlp's own HLS download passes no Tiffin client, yet the line monitor learns of it.
    seen = observations(store)
    assert any(o.url == hls and o.kind == "ok" and o.bytes >= segments for o in seen), seen
    assert any(o.url == direct and o.path == DIRECT for o in seen)


def test_ytdlp_gets_the_route_and_the_cap(governed: Governor, settings: Settings) -> None:
    governed.update(replace(settings, proxy="socks5://127.0.0.1:9", bandwidth_cap=300 * KiB))
    options = ytdlp_options(settings, "https://video.example/watch?v=1", hooks=[print])
    assert options["proxy"] == "socks5://127.0.0.1:9"
    assert options["ratelimit"] == 300 * KiB
    assert print in options["progress_hooks"] and len(options["progress_hooks"]) == 2
    governed.update(replace(settings, proxy="socks5://127.0.0.1:9", proxy_mode="blocked"))
    assert "proxy" not in ytdlp_options(settings, "https://video.example/watch?v=1")
