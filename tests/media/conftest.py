"""A real clip and its HLS cut, made once per test session with ffmpeg."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.media import make_clip, make_hls_vod


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("media") / "clip.mp4", seconds=8.0)


@pytest.fixture(scope="session")
def hls_vod(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hls_vod(clip, tmp_path_factory.mktemp("hls"), segment_seconds=1)
