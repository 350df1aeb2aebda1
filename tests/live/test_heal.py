"""The rally complete: a recording cut by an outage is healed from the replay the same address
becomes; under a line too thin for the picture, the speech is kept whole."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from live.conftest import SEGMENT
from support.hls_live import LiveStream, segments_of
from support.media import ffprobe, keep_only, make_clip, make_hls_vod
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads, heals
from tiffin.library.downloads import Download, Heal
from tiffin.library.store import Store
from tiffin.live.heal import heal
from tiffin.live.joining import AUDIO, finish, kept
from tiffin.live.journal import JOURNAL, Journal
from tiffin.live.record import record, recording_folder
from tiffin.live.recorder import HlsRecorder, Recording
from tiffin.media.queue import DownloadQueue, QueueSummary, media_dir
from tiffin.net.client import make_client
from tiffin.progress import CancelToken

RALLY_SEGMENT = 2.0  # the stream: 2 s segments, a 6 s window, 40 s long


@pytest.fixture(scope="module")
def rally_segments(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """Twenty 2-second segments of a 40-second clip."""
    folder = tmp_path_factory.mktemp("rally-segments")
    clip = make_clip(folder / "clip.mp4", seconds=40, keyframes=RALLY_SEGMENT)
    return segments_of(make_hls_vod(clip, folder / "vod", segment_seconds=RALLY_SEGMENT))


def _tiffin(cli: list[str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, *arguments], capture_output=True, text=True, timeout=180, check=False
    )


def _media(cli: list[str]) -> dict[str, Any]:
    done = subprocess.run([*cli, "media", "--json"], capture_output=True, text=True, check=True)
    [entry] = json.loads(done.stdout)
    return dict(entry)


def test_an_outage_leaves_a_gap_that_the_replay_heals(
    web: TestWeb, rally_segments: list[bytes], tmp_path: Path
) -> None:
    # Out of reach from 12 s to 28 s: the 6-second window slides past about 10 s of it.
    stream = LiveStream(
        rally_segments, RALLY_SEGMENT, window=3, total=20, outages=[(12.0, 28.0)], replay=True
    )
    url = stream.serve(web, "/live/rally/")
    home = tmp_path / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0, read_timeout=5.0).save(Paths.under(home).settings_file)
    cli = [sys.executable, "-m", "tiffin", "--data-dir", str(home)]
    recorded = _tiffin(cli, "record", url)
    assert recorded.returncode == 0, recorded.stderr[-2000:]
    assert "healed from the replay when it is up" in recorded.stderr

    live = _media(cli)
    assert live["status"] == "done" and live["live"] is True
    assert live["healed"] is False and live["heal"] == "wanted"
    # The pause between tries stays under a third of the window, and the first answer after
    # the outage starts from the oldest segment still listed: only the unavoidable is lost.
    assert 6.0 <= live["gaps"] <= 14.0
    assert live["duration"] >= 40.0 - 14.0
    assert live["duration"] + live["gaps"] == pytest.approx(40.0, abs=RALLY_SEGMENT)

    healed = _tiffin(cli, "download", "--queue")
    assert healed.returncode == 0, healed.stderr[-2000:]
    assert "healed #" in healed.stdout
    after = _media(cli)
    assert after["healed"] is True and after["gaps"] == 0 and after["heal"] == "healed"
    assert after["duration"] == pytest.approx(40.0, abs=RALLY_SEGMENT)
    assert after["id"] == live["id"] and after["path"] == live["path"]
    played = float(
        ffprobe(Path(after["path"]), "-show_entries", "format=duration")["format"]["duration"]
    )
    assert played == pytest.approx(40.0, abs=RALLY_SEGMENT)
    assert not list((home / "media" / ".partial").glob("live-*"))  # the parts are cleared


@pytest.fixture(scope="module")
def talk_segments(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[bytes], list[bytes]]:
    """A 20-second clip cut into video-only and audio-only half-second segments."""
    folder = tmp_path_factory.mktemp("talk-segments")
    clip = make_clip(folder / "clip.mp4", seconds=20, size="1280x720", keyframes=SEGMENT)
    video = keep_only(clip, folder / "video.mp4", "video")
    audio = keep_only(clip, folder / "audio.mp4", "audio")
    return (
        segments_of(make_hls_vod(video, folder / "v", segment_seconds=SEGMENT)),
        segments_of(make_hls_vod(audio, folder / "a", segment_seconds=SEGMENT)),
    )


def _record(url: str, folder: Path, settings: Settings) -> Recording:
    async def go() -> Recording:
        async with make_client(settings) as client:
            return await HlsRecorder(url, folder, settings, grace=10.0).run(client)

    return asyncio.run(go())


def test_a_line_too_thin_for_the_picture_keeps_the_speech_whole(
    web: TestWeb,
    talk_segments: tuple[list[bytes], list[bytes]],
    settings: Settings,
    tmp_path: Path,
) -> None:
    video, audio = talk_segments
    audio_rate = sum(map(len, audio)) / (len(audio) * SEGMENT)
    video_rate = sum(map(len, video)) / (len(video) * SEGMENT)
    line = int(3 * audio_rate)
    assert video_rate > 2 * line  # the line is below the picture's bitrate, above the sound's
    total = len(audio)
    stream = LiveStream(video, SEGMENT, window=6, total=total, already=1, audio=audio)
    url = stream.serve(web, "/live/talk/")
    web.link_rate = line
    # The line comes back half-way through: the picture is taken again.
    opened = threading.Timer(total * SEGMENT * 0.5, lambda: setattr(web, "link_rate", None))
    opened.start()
    try:
        result = _record(url, tmp_path / "rec", settings)
    finally:
        opened.cancel()
    assert result.ended_because == "the stream ended"
    sound = Journal.load(tmp_path / "rec" / AUDIO / JOURNAL)
    assert sorted(sound.segments) == list(range(total))  # every second of the speech
    assert not sound.gaps
    held = kept(tmp_path / "rec")
    assert held.missing == 0 and held.audio_only  # the picture was left out for a stretch
    picture = Journal.load(tmp_path / "rec" / JOURNAL)
    assert max(picture.segments) >= total - 2  # and taken again once the line allowed it
    out = finish(tmp_path / "rec", tmp_path / "talk.mp4")
    streams = ffprobe(out, "-show_entries", "stream=codec_type,duration")["streams"]
    [sound_track] = [s for s in streams if s["codec_type"] == "audio"]
    assert float(sound_track["duration"]) == pytest.approx(total * SEGMENT, abs=SEGMENT)
    chapters = [c["tags"]["title"] for c in ffprobe(out, "-show_chapters")["chapters"]]
    assert "Sound only" in chapters and "Picture again" in chapters


def _heal_queue(store: Store, paths: Paths, settings: Settings) -> QueueSummary:
    return DownloadQueue(store, paths, settings, healer=heal).run(lambda _: None, CancelToken())


def _record_in_library(store: Store, paths: Paths, settings: Settings, url: str) -> Download:
    return record(store, paths, replace(settings, live_grace=10.0), url)


def test_a_replay_lacking_some_of_it_fills_just_the_gaps_and_keeps_the_position(
    web: TestWeb, live_segments: list[bytes], store: Store, paths: Paths, settings: Settings
) -> None:
    # Out of reach from 3 s to 7 s of a 12-second stream with a 1.5 s window; the replay then
    # lacks segment 9, which the outage took too.
    stream = LiveStream(
        live_segments, SEGMENT, window=3, total=24, outages=[(3.0, 7.0)], replay=True
    )
    url = stream.serve(web, "/live/partial/")
    live = _record_in_library(store, paths, settings, url)
    assert live.heal == Heal.WANTED and live.gaps > 0
    folder = media_dir(paths) / recording_folder(live.id)
    first_after_gap = min(n for n in Journal.load(folder / JOURNAL).segments if n > 9)
    # The user stopped playing a second after the gap: the same moment once it is filled.
    at = sum(
        float(e["duration"])
        for n, e in Journal.load(folder / JOURNAL).segments.items()
        if n < first_after_gap
    )
    downloads.record_playback(store, live.id, at + 1.0)
    original = (media_dir(paths) / (live.path or "")).read_bytes()

    stream.missing = {9}
    summary = _heal_queue(store, paths, settings)
    after = downloads.get_download(store, live.id)
    assert summary.healed == {live.id: after.heal_note}
    assert after.heal == Heal.HEALED and "filled from the replay" in (after.heal_note or "")
    assert after.gaps == pytest.approx(SEGMENT)  # segment 9: in neither copy
    assert (after.duration or 0) >= (live.duration or 0) + live.gaps - SEGMENT - 0.1
    assert after.resume_at == pytest.approx(first_after_gap * SEGMENT - SEGMENT + 1.0)
    assert (media_dir(paths) / (after.path or "")).read_bytes() != original


def test_a_stream_still_live_is_healed_later_and_a_broken_replay_replaces_nothing(
    web: TestWeb, live_segments: list[bytes], store: Store, paths: Paths, settings: Settings
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=3, total=16, outages=[(2.0, 5.0)])
    url = stream.serve(web, "/live/later/")
    live = _record_in_library(store, paths, settings, url)
    original = (media_dir(paths) / (live.path or "")).read_bytes()
    # The same address still ends with the sliding window, not a replay: nothing to heal from.
    summary = _heal_queue(store, paths, settings)
    later = downloads.get_download(store, live.id)
    assert not summary.healed and later.heal == Heal.WANTED
    assert "cannot be matched" in (later.heal_note or "") or "lacks" in (later.heal_note or "")
    assert not heals.wanted_heals(store)  # asked again only after a pause
    assert heals.wanted_heals(store, now=time.time() + heals.FIRST_PAUSE + 1)

    # The replay is up but its segments are damaged: the recording stays as it was.
    stream.replay = True
    stream.segments = [b"\x47" + b"\x00" * 187] * len(live_segments)
    with store.write() as db:
        db.execute("UPDATE downloads SET heal_after = 0")
    _heal_queue(store, paths, settings)
    broken = downloads.get_download(store, live.id)
    assert broken.heal == Heal.WANTED and broken.path == live.path
    assert (media_dir(paths) / (live.path or "")).read_bytes() == original
