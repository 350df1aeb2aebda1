"""The rally complete: a recording cut by an outage is healed from the replay the same address
becomes; under a line too thin for the picture, the speech is kept whole."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from live.conftest import SEGMENT
from support.hls_live import LiveStream, segments_of
from support.media import ffprobe, keep_only, make_clip, make_hls_vod
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.live.joining import AUDIO, finish, kept
from tiffin.live.journal import JOURNAL, Journal
from tiffin.live.recorder import HlsRecorder, Recording
from tiffin.net.client import make_client

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
