"""Channels listed by real yt-dlp (through the tests' plugin extractors), rules that queue new
entries, podcasts, and downloads with a quality cap, subtitles and a thumbnail."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from support.channel_site import ChannelSite, MediaSet, Video
from support.media import ffprobe, keep_only, make_clip
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.errors import FeedInvalid
from tiffin.fetch.refresh import refresh_sources
from tiffin.fetch.subscribe import subscribe
from tiffin.library import downloads, queries
from tiffin.library.downloads import Status
from tiffin.library.rules import MediaRules, queue_by_rules, set_rules
from tiffin.library.store import Store
from tiffin.media.queue import DownloadQueue, media_dir
from tiffin.progress import CancelToken

DAY = 86400.0


@pytest.fixture(scope="module")
def media_set(tmp_path_factory: pytest.TempPathFactory) -> MediaSet:
    return MediaSet.make(tmp_path_factory.mktemp("channel-media"))


@pytest.fixture
def site(web: TestWeb, media_set: MediaSet) -> ChannelSite:
    return ChannelSite(web, media_set)


@pytest.fixture
def media_settings(settings: Settings) -> Settings:
    return replace(settings, disk_reserve=0, read_timeout=5.0)


def _videos(count: int, now: float) -> list[Video]:
    videos = [Video(f"v{i:02d}", f"Rally report {i}", now - i * DAY, 8.0) for i in range(count)]
    videos[1] = replace(videos[1], live_status="is_live", title="Rally, live now")
    videos[2] = replace(videos[2], live_status="is_upcoming", release_timestamp=now + DAY)
    videos[3] = replace(videos[3], duration=3 * 3600, title="A three-hour speech")
    return videos


def _streams(path: Path) -> list[dict[str, Any]]:
    found = ffprobe(path, "-show_entries", "stream=codec_type,height")
    streams: list[dict[str, Any]] = found["streams"]
    return streams


def test_channel_listing_is_not_capped_and_keeps_live_state(
    site: ChannelSite, store: Store, paths: Paths, media_settings: Settings, web: TestWeb
) -> None:
    now = time.time()
    url = site.add_channel("rally-tv", "Rally TV", _videos(40, now))
    sub = subscribe(store, paths, media_settings, url, folder="Video")
    assert sub.created and sub.source.kind == "channel" and sub.source.title == "Rally TV"
    items = queries.list_items(store, [sub.source.id])
    assert len(items) == 40  # four pages, not the 15 of a channel's RSS
    by_title = {i.title: i for i in items}
    assert by_title["Rally, live now"].live_status == "is_live"
    assert by_title["A three-hour speech"].duration == 3 * 3600
    assert by_title["Rally report 0"].url.endswith("/tiffin-video/v00")
    assert abs((by_title["Rally report 0"].published or 0) - now) < 2
    pages = [r.path for r in web.requests() if "/page/" in r.path]
    assert len(pages) == 4
    assert not [r for r in web.requests() if r.path.startswith("/tiffin-video/")]  # flat


def test_an_upcoming_stream_is_not_downloaded_but_said_so(
    site: ChannelSite, store: Store, paths: Paths, media_settings: Settings
) -> None:
    url = site.add_video(
        Video(
            "soon",
            "Rally at six",
            time.time(),
            live_status="is_upcoming",
            release_timestamp=time.time() + DAY,
        )
    )
    entry = downloads.enqueue(store, url)
    summary = DownloadQueue(store, paths, media_settings).run(lambda e: None, CancelToken())
    assert "begin later" in summary.failed[entry.id]
    assert downloads.get_download(store, entry.id).path is None


def test_a_single_video_is_not_a_channel(
    site: ChannelSite, store: Store, paths: Paths, media_settings: Settings
) -> None:
    url = site.add_video(Video("solo", "Just one", time.time()))
    with pytest.raises(FeedInvalid, match="single video"):
        subscribe(store, paths, media_settings, url)
    assert queries.list_sources(store) == []


def test_rules_queue_new_entries_and_downloads_follow_them(
    site: ChannelSite, store: Store, paths: Paths, media_settings: Settings
) -> None:
    now = time.time()
    videos = _videos(12, now)
    url = site.add_channel("news", "News", videos)
    source = subscribe(store, paths, media_settings, url).source
    assert queue_by_rules(store, source.id) == []  # nothing automatic by default

    rules = MediaRules(
        auto=True, latest=6, max_duration=3600, quality="360", subtitles=("ur",), thumbnail=True
    )
    set_rules(store, source.id, rules)
    queued = [downloads.get_download(store, i) for i in queue_by_rules(store, source.id)]
    # newest 6 = v00..v05, minus the live one, the upcoming one and the three-hour one
    assert sorted(d.url.rsplit("/", 1)[1] for d in queued) == ["v00", "v04", "v05"]
    assert all(d.quality == "360" and d.subtitle_langs == ("ur",) for d in queued)
    assert queue_by_rules(store, source.id) == []  # never twice

    site.add_channel("news", "News", [Video("v-new", "Breaking", now + 60), *videos])
    report = refresh_sources(store, paths, media_settings)
    assert report.new_items == 1 and report.outcomes[0].queued == 1

    first = queued[0]
    others = [d.id for d in downloads.list_downloads(store) if d.id != first.id]
    for other in others:
        downloads.set_status(store, other, Status.PAUSED)
    summary = DownloadQueue(store, paths, media_settings).run(lambda e: None, CancelToken())
    assert summary.done == [first.id], summary.failed
    done = downloads.get_download(store, first.id)
    file = media_dir(paths) / (done.path or "")
    heights = [s["height"] for s in _streams(file) if s["codec_type"] == "video"]
    assert heights and all(isinstance(h, int) and h <= 360 for h in heights)
    assert [Path(s).suffixes[-2:] for s in done.subtitles] == [[".ur", ".vtt"]]
    subtitle = (media_dir(paths) / done.subtitles[0]).read_text(encoding="utf-8")
    assert "جلسہ" in subtitle
    assert done.thumbnail and (media_dir(paths) / done.thumbnail).read_bytes()[:2] == b"\xff\xd8"
    assert done.item_id is not None


def test_best_quality_merges_video_and_audio_and_audio_only_has_no_picture(
    site: ChannelSite, store: Store, paths: Paths, media_settings: Settings
) -> None:
    url = site.add_video(Video("merge", "Merged", time.time()))
    best = downloads.enqueue(store, url, "", thumbnail=False)
    audio = downloads.enqueue(store, url, "audio", thumbnail=False)
    summary = DownloadQueue(store, paths, media_settings).run(lambda e: None, CancelToken())
    assert sorted(summary.done) == [best.id, audio.id], summary.failed
    best_file = media_dir(paths) / (downloads.get_download(store, best.id).path or "")
    kinds = sorted((s["codec_type"], s.get("height")) for s in _streams(best_file))
    assert kinds == [("audio", None), ("video", 480)]  # 480p video-only + audio, merged
    audio_file = media_dir(paths) / (downloads.get_download(store, audio.id).path or "")
    assert [s["codec_type"] for s in _streams(audio_file)] == ["audio"]
    assert downloads.get_download(store, best.id).thumbnail is None


def test_podcast_episodes_are_queued_by_their_enclosures(
    web: TestWeb, store: Store, paths: Paths, media_settings: Settings, tmp_path: Path
) -> None:
    episode = make_clip(tmp_path / "ep.mp4", seconds=4)
    audio = tmp_path / "ep.m4a"
    keep_only(episode, audio, "audio")
    audio_url = web.add("/pod/ep1.m4a", audio.read_bytes(), "audio/mp4")
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rally Radio</title>
    <item><title>Episode 1</title><guid>ep1</guid>
    <enclosure url="{audio_url}" type="audio/mp4" length="{audio.stat().st_size}"/></item>
    <item><title>Text only</title><guid>t1</guid><description>No audio.</description></item>
    </channel></rss>"""
    feed = web.add("/pod/feed.xml", rss, "application/rss+xml")
    source = subscribe(store, paths, media_settings, feed).source
    assert source.kind == "feed"
    home = paths.data_dir
    cli = [sys.executable, "-m", "tiffin", "--data-dir", str(home)]
    store.close()
    done = subprocess.run(
        [*cli, "rules", str(source.id), "--auto", "--quality", "audio", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["queued"] == 1
    run = subprocess.run([*cli, "download", "--queue"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    listing = json.loads(
        subprocess.run([*cli, "media", "--json"], capture_output=True, text=True, check=True).stdout
    )
    assert [(e["url"], e["status"], e["item"] is not None) for e in listing] == [
        (audio_url, "done", True)
    ]
    assert listing[0]["duration"] == pytest.approx(4.0, abs=0.3)
