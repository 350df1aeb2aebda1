"""Live segments cut from a real clip, shared by the recorder tests."""

from __future__ import annotations

import pytest

from support.hls_live import segments_of
from support.media import keep_only, make_clip, make_hls_vod

SEGMENT = 0.5


@pytest.fixture(scope="module")
def live_segments(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """Half-second MPEG-TS segments of a 4-second clip, in order."""
    folder = tmp_path_factory.mktemp("live-segments")
    clip = make_clip(folder / "clip.mp4", seconds=4, keyframes=SEGMENT)
    return segments_of(make_hls_vod(clip, folder / "vod", segment_seconds=SEGMENT))


@pytest.fixture(scope="module")
def split_live_segments(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[bytes], list[bytes]]:
    """The same clip cut into video-only and audio-only segments, for a stream whose sound
    is a separate rendition."""
    folder = tmp_path_factory.mktemp("split-segments")
    clip = make_clip(folder / "clip.mp4", seconds=4, keyframes=SEGMENT)
    video = keep_only(clip, folder / "video.mp4", "video")
    audio = keep_only(clip, folder / "audio.mp4", "audio")
    return (
        segments_of(make_hls_vod(video, folder / "v", segment_seconds=SEGMENT)),
        segments_of(make_hls_vod(audio, folder / "a", segment_seconds=SEGMENT)),
    )
