"""The HLS live recorder against live playlists on the test web, cut from a real clip."""

from __future__ import annotations

import asyncio
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from live.conftest import SEGMENT
from support.hls_live import LiveStream
from support.media import ffmpeg, ffprobe
from support.testweb import Fault, TestWeb
from tiffin.config import Settings
from tiffin.errors import Cancelled
from tiffin.live.joining import finish
from tiffin.live.recorder import HlsRecorder, Recording, RecordingProgress
from tiffin.media.gap_marks import gap_marks
from tiffin.net.client import make_client
from tiffin.progress import CancelToken


def _record(url: str, folder: Path, settings: Settings, **options: object) -> Recording:
    async def go() -> Recording:
        async with make_client(settings) as client:
            return await HlsRecorder(url, folder, settings, **options).run(client)  # type: ignore[arg-type]

    return asyncio.run(go())


def _record_stopped_then_again(url: str, folder: Path, settings: Settings, after: int) -> Recording:
    """Record until `after` segments are on disk, stop (as a kill would), record again."""
    token = CancelToken()

    def stop(progress: RecordingProgress) -> None:
        if progress.segments >= after:
            token.cancel()

    with pytest.raises(Cancelled):
        _record(url, folder, settings, on_progress=stop, cancel=token)
    return _record(url, folder, settings)


def _segment_requests(web: TestWeb) -> list[str]:
    web.wait_idle()
    return [r.path for r in web.requests() if r.path.endswith(".ts") and r.status == 200]


def _duration(path: Path) -> float:
    return float(ffprobe(path, "-show_entries", "format=duration")["format"]["duration"])


def _chapters(path: Path) -> list[str]:
    return [c["tags"]["title"] for c in ffprobe(path, "-show_chapters")["chapters"]]


def test_records_from_the_oldest_segment_to_the_end(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=9, total=16, already=5)
    url = stream.serve(web, "/live/a/")
    seen: list[RecordingProgress] = []
    result = _record(url, tmp_path / "rec", settings, on_progress=seen.append)
    assert result.ended_because == "the stream ended"
    assert result.segments == 16 and not result.gaps  # 0..15: from the start, not from arrival
    assert sorted(_segment_requests(web)) == sorted(f"/live/a/seg{n}.ts" for n in range(16))
    assert seen[-1].state == "ended" and seen[-1].seconds == pytest.approx(16 * SEGMENT)
    out = finish(tmp_path / "rec", tmp_path / "rally.mp4")
    assert _duration(out) == pytest.approx(16 * SEGMENT, abs=0.3)


def test_an_outage_shorter_than_the_window_loses_and_repeats_nothing(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=10, total=18, outages=[(1.0, 3.0)])
    url = stream.serve(web, "/live/b/")
    result = _record(url, tmp_path / "rec", settings, grace=20.0)
    assert result.segments == 18 and not result.gaps
    fetched = _segment_requests(web)
    assert len(fetched) == len(set(fetched)) == 18
    assert any(r.status == 503 for r in web.requests())  # the outage did happen


def test_an_outage_longer_than_the_window_is_recorded_as_a_gap(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=3, total=20, outages=[(1.0, 4.5)])
    url = stream.serve(web, "/live/c/")
    result = _record(url, tmp_path / "rec", replace(settings, retries=0), grace=20.0)
    assert result.gaps, result
    gap = result.gaps[0]
    assert gap.last >= gap.first and "moved past" in gap.reason
    missing = {n for g in result.gaps for n in range(g.first, g.last + 1)}
    assert result.segments + len(missing) == 20
    out = finish(tmp_path / "rec", tmp_path / "gappy.mp4")
    assert any(title.startswith("After a gap") for title in _chapters(out))
    marks = gap_marks(out)  # what the player's seek bar marks
    assert len(marks) == len(result.gaps) and all(0 < m < result.seconds + 0.5 for m in marks)


def test_a_missing_segment_is_a_gap_of_one(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=6, total=10, already=9, missing={4})
    url = stream.serve(web, "/live/d/")
    result = _record(url, tmp_path / "rec", replace(settings, retries=0))
    assert [(g.first, g.last) for g in result.gaps] == [(4, 4)]
    assert result.gaps[0].start is not None and result.segments == 5  # 5..9; 0..3 had left


def test_a_restart_continues_from_the_journal(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=12, total=16, already=3)
    url = stream.serve(web, "/live/e/")
    result = _record_stopped_then_again(url, tmp_path / "rec", settings, after=5)
    assert result.segments == 16 and not result.gaps
    fetched = _segment_requests(web)
    assert len(fetched) == len(set(fetched)) == 16  # nothing fetched twice across the restart


def test_a_stream_that_stops_growing_ends_after_the_grace_period(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=6, already=5, frozen_after=0.5)
    url = stream.serve(web, "/live/f/")
    result = _record(url, tmp_path / "rec", settings, grace=1.5)
    assert "not grown" in result.ended_because and result.segments >= 6


def test_falls_back_to_a_lower_variant_when_the_line_cannot_keep_up(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    high = LiveStream(live_segments, SEGMENT, window=16, total=16, already=7)
    low = LiveStream(live_segments, SEGMENT, window=16, total=16, already=7, started=high.started)
    high.serve(web, "/live/hi/")
    low.serve(web, "/live/lo/")
    for sequence in range(16):  # every high-quality segment takes longer than it plays
        web.fault(f"/live/hi/seg{sequence}.ts", Fault(latency=SEGMENT * 1.6))
    master = (
        "#EXTM3U\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240\nlo/index.m3u8\n"
        "#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=640x480\nhi/index.m3u8\n"
    )
    url = web.add("/live/master.m3u8", master, "application/vnd.apple.mpegurl")
    result = _record(url, tmp_path / "rec", settings)
    assert result.segments == 16 and not result.gaps
    fetched = _segment_requests(web)
    high_taken = [p for p in fetched if p.startswith("/live/hi/")]
    low_taken = [p for p in fetched if p.startswith("/live/lo/")]
    assert len(high_taken) == 3 and len(low_taken) == 13  # three slow ones, then the rest low
    assert len({p.rsplit("/", 1)[1] for p in fetched}) == 16  # no segment number twice
    journal = (tmp_path / "rec" / "journal.jsonl").read_text()
    assert journal.index("/live/hi/index.m3u8") < journal.index("/live/lo/index.m3u8")


def test_the_part_already_recorded_can_be_watched_while_recording(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    """A player (ffmpeg here, reading every packet) opens the growing playlist mid-recording,
    follows it as it grows and stops at the end of the stream."""
    stream = LiveStream(live_segments, SEGMENT, window=6, total=14, already=3)
    url = stream.serve(web, "/live/t/")
    folder = tmp_path / "rec"
    watchers: list[subprocess.Popen[str]] = []

    def watch(progress: RecordingProgress) -> None:
        if progress.segments == 6 and not watchers:
            watchers.append(
                subprocess.Popen(
                    [
                        ffmpeg(),
                        "-v",
                        "error",
                        "-i",
                        str(folder / "timeshift.m3u8"),
                        "-map",
                        "0",
                        "-c",
                        "copy",
                        "-f",
                        "null",
                        "-progress",
                        "pipe:1",
                        "-",
                    ],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )

    result = _record(url, folder, settings, on_progress=watch)
    assert result.segments == 14 and watchers
    out, _ = watchers[0].communicate(timeout=30)  # it stops: the end list came
    assert watchers[0].returncode == 0
    watched = max(int(v) for v in re.findall(r"out_time_us=(\d+)", out)) / 1e6
    assert watched > 6 * SEGMENT + 1.0  # more than was there when it began: it followed


def test_a_stalled_segment_is_fetched_again(
    web: TestWeb, live_segments: list[bytes], settings: Settings, tmp_path: Path
) -> None:
    stream = LiveStream(live_segments, SEGMENT, window=12, total=10, already=9)
    url = stream.serve(web, "/live/s/")
    web.fault("/live/s/seg3.ts", Fault(stall_after=1000, times=1))  # sends 1 kB, then nothing
    result = _record(url, tmp_path / "rec", replace(settings, read_timeout=0.5))
    assert result.segments == 10 and not result.gaps
    [recorded] = (tmp_path / "rec").glob("seg-000000003.*")
    assert recorded.read_bytes() == live_segments[3]  # the whole segment, from the second try


def _streams(path: Path) -> list[str]:
    # A master playlist lists its streams per program too: each kind once.
    streams = ffprobe(path, "-show_entries", "stream=codec_type")["streams"]
    return sorted({s["codec_type"] for s in streams})


def test_a_separate_audio_rendition_is_recorded_alongside_and_joined(
    web: TestWeb,
    split_live_segments: tuple[list[bytes], list[bytes]],
    settings: Settings,
    tmp_path: Path,
) -> None:
    video, audio = split_live_segments
    stream = LiveStream(video, SEGMENT, window=12, total=14, already=3, audio=audio)
    url = stream.serve(web, "/live/split/")
    result = _record_stopped_then_again(url, tmp_path / "rec", settings, after=4)
    assert result.ended_because == "the stream ended"
    assert result.segments == 14 and not result.gaps
    fetched = _segment_requests(web)
    assert len(fetched) == len(set(fetched))  # nothing twice across the restart
    assert sorted(fetched) == sorted(
        [f"/live/split/seg{n}.ts" for n in range(14)]
        + [f"/live/split/aud{n}.ts" for n in range(14)]
    )
    # The part recorded can be watched with its sound: the timeshift master names both tracks.
    assert _streams(tmp_path / "rec" / "timeshift.m3u8") == ["audio", "video"]
    out = finish(tmp_path / "rec", tmp_path / "rally.mp4")
    assert {"audio", "video"} <= set(_streams(out))  # and MP4's chapter track
    # Audio frames do not end exactly where video segments do: within one segment.
    assert _duration(out) == pytest.approx(14 * SEGMENT, abs=SEGMENT)
