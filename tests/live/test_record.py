"""Recording through real yt-dlp (the tests' plugin) and the CLI: live now, or upcoming and
waited for, into the media library."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from live.conftest import SEGMENT
from support.channel_site import ChannelSite, MediaSet, Video
from support.hls_live import LiveStream
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.live.record import LiveProgress, record
from tiffin.media.queue import media_dir


@pytest.fixture
def site(web: TestWeb, tmp_path_factory: pytest.TempPathFactory) -> ChannelSite:
    return ChannelSite(web, MediaSet.make(tmp_path_factory.mktemp("record-media"), seconds=2))


def test_tiffin_record_follows_a_live_stream_to_its_end(
    web: TestWeb, site: ChannelSite, live_segments: list[bytes], tmp_path: Path
) -> None:
    # The first segment stays in the window for 3 s: long enough for a fresh `tiffin record`
    # process and yt-dlp to start on a busy machine (a window of 6 left it half a second).
    stream = LiveStream(live_segments, SEGMENT, window=12, total=14, already=5)
    stream.serve(web, "/live/rally/")
    page = site.add_video(
        Video("rally", "Rally in Lahore", time.time(), live_status="is_live"),
        live_playlist="/live/rally/index.m3u8",
    )
    home = tmp_path / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0, read_timeout=5.0).save(Paths.under(home).settings_file)
    cli = [sys.executable, "-m", "tiffin", "--data-dir", str(home)]
    done = subprocess.run(
        [*cli, "record", page, "--from-start"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [entry] = json.loads(
        subprocess.run([*cli, "media", "--json"], capture_output=True, text=True, check=True).stdout
    )
    assert entry["status"] == "done" and entry["title"] == "Rally in Lahore"
    assert entry["duration"] == pytest.approx(14 * SEGMENT, abs=0.4)
    assert Path(entry["path"]).exists()
    assert not list((home / "media" / ".partial").glob("live-*"))


def test_an_upcoming_stream_is_waited_for_then_recorded(
    web: TestWeb,
    site: ChannelSite,
    live_segments: list[bytes],
    store: Store,
    paths: Paths,
    settings: Settings,
) -> None:
    starts = time.time() + 2.0
    soon = Video(
        "soon", "Rally at six", time.time(), live_status="is_upcoming", release_timestamp=starts
    )
    page = site.add_video(soon)

    def go_live() -> None:
        LiveStream(live_segments, SEGMENT, window=6, total=8, already=3).serve(web, "/live/soon/")
        site.add_video(replace(soon, live_status="is_live"), live_playlist="/live/soon/index.m3u8")

    timer = threading.Timer(starts - time.time(), go_live)
    timer.start()
    seen: list[LiveProgress] = []
    quick = replace(settings, disk_reserve=0, read_timeout=5.0, live_poll=0.5)
    try:
        entry = record(store, paths, quick, page, from_start=True, on_progress=seen.append)
    finally:
        timer.cancel()
    waiting = [p for p in seen if p.state == "waiting"]
    assert waiting and waiting[0].starts_in is not None and 0 < waiting[0].starts_in <= 2.0
    assert any(p.state == "recording" for p in seen)
    assert entry.status == Status.DONE and (media_dir(paths) / (entry.path or "")).exists()
    pages = [r for r in web.requests() if r.path == "/tiffin-video/soon.json"]
    assert len(pages) <= 8  # asked again with a pause, not hammered


def test_rules_record_a_channels_live_entries(
    web: TestWeb, site: ChannelSite, live_segments: list[bytes], tmp_path: Path
) -> None:
    LiveStream(live_segments, SEGMENT, window=6, total=10, already=5).serve(web, "/live/ch/")
    now = time.time()
    live = Video("on-air", "On air now", now, live_status="is_live")
    channel = site.add_channel("news-live", "News", [live, Video("old", "Yesterday", now - 86400)])
    site.add_video(live, live_playlist="/live/ch/index.m3u8")  # its page: the live HLS stream
    home = tmp_path / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0, read_timeout=5.0).save(Paths.under(home).settings_file)
    cli = [sys.executable, "-m", "tiffin", "--data-dir", str(home)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cli, *args], capture_output=True, text=True, timeout=120, check=False
        )

    assert run("add", channel).returncode == 0
    assert run("rules", "1", "--record-live").returncode == 0
    done = run("record", "--subscribed")
    assert done.returncode == 0, done.stderr[-2000:]
    media = json.loads(run("media", "--json").stdout)
    assert [(m["title"], m["status"], m["live"], m["item"] is not None) for m in media] == [
        ("On air now", "done", True, True)
    ]
    again = run("record", "--subscribed")  # recorded once only
    assert "no live or upcoming entries" in again.stdout


def _track_requests(web: TestWeb, folder: str, track: str) -> list[int]:
    web.wait_idle()
    pattern = re.compile(re.escape(folder) + track + r"(\d+)\.ts$")
    found = [pattern.match(r.path) for r in web.requests() if r.status == 200]
    return sorted(int(m.group(1)) for m in found if m)


def test_from_start_goes_back_past_the_playlist_window_where_the_site_keeps_it(
    web: TestWeb,
    site: ChannelSite,
    split_live_segments: tuple[list[bytes], list[bytes]],
    store: Store,
    paths: Paths,
    settings: Settings,
) -> None:
    # The stream began 8 segments before Tiffin came, and its HLS playlist holds only 4: the
    # site keeps every fragment (as YouTube does), and yt-dlp's live-from-start follows them.
    video, audio = split_live_segments
    stream = LiveStream(video, SEGMENT, window=4, total=16, already=8, audio=audio)
    stream.serve(web, "/live/yt/")
    page = site.add_video(
        Video("yt", "Rally from its start", time.time(), live_status="is_live"),
        live_playlist="/live/yt/master.m3u8",
        from_start=("/live/yt/", SEGMENT),
    )
    seen: list[LiveProgress] = []
    quick = replace(settings, disk_reserve=0, read_timeout=5.0)
    entry = record(store, paths, quick, page, from_start=True, on_progress=seen.append)
    assert entry.status == Status.DONE and entry.duration is not None
    assert entry.duration == pytest.approx(16 * SEGMENT, abs=SEGMENT)
    assert _track_requests(web, "/live/yt/", "seg") == list(range(16))  # each once, from 0
    assert _track_requests(web, "/live/yt/", "aud") == list(range(16))
    recording = [p.recording for p in seen if p.recording]
    assert recording and recording[-1].segments == 16
    assert not any(p.timeshift for p in seen if p.recording)  # playable once joined
    assert not list((media_dir(paths) / ".partial").glob("live-*"))


def test_from_start_without_such_fragments_records_the_hls_window(
    web: TestWeb,
    site: ChannelSite,
    live_segments: list[bytes],
    store: Store,
    paths: Paths,
    settings: Settings,
) -> None:
    LiveStream(live_segments, SEGMENT, window=4, total=12, already=8).serve(web, "/live/hls/")
    page = site.add_video(
        Video("hls", "Only a window", time.time(), live_status="is_live"),
        live_playlist="/live/hls/index.m3u8",
    )
    quick = replace(settings, disk_reserve=0, read_timeout=5.0)
    entry = record(store, paths, quick, page, from_start=True)
    assert entry.status == Status.DONE
    fetched = _track_requests(web, "/live/hls/", "seg")
    # From the oldest segment the window held when the recorder came (5 at the earliest, as
    # 0-4 had left before), each once, to the end.
    assert fetched[0] >= 5 and fetched == list(range(fetched[0], 12))
