"""Real media made at test time with ffmpeg: a clip, and HLS video on demand cut from it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    assert found, "ffmpeg is missing (scripts/system-deps installs it)"
    return found


def make_clip(path: Path, seconds: float = 8.0, size: str = "320x240", rate: int = 25) -> Path:
    """An H.264/AAC MP4 with a moving test picture and a tone, `seconds` long."""
    subprocess.run(
        [
            ffmpeg(),
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"testsrc=duration={seconds}:size={size}:rate={rate}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-g",
            str(rate),
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-b:a",
            "64k",
            "-shortest",
            "-movflags",
            "+faststart",
            str(path),
        ],
        check=True,
    )
    return path


def make_audio(path: Path, seconds: float = 6.0) -> Path:
    """An MP3-free audio file (AAC in M4A), as podcasts carry."""
    subprocess.run(
        [
            ffmpeg(),
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=330:duration={seconds}",
            "-c:a",
            "aac",
            "-b:a",
            "48k",
            str(path),
        ],
        check=True,
    )
    return path


def make_hls_vod(clip: Path, folder: Path, segment_seconds: int = 1) -> Path:
    """Cut `clip` into an HLS VOD playlist (MPEG-TS segments, an end list); returns the
    playlist's path inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    playlist = folder / "index.m3u8"
    subprocess.run(
        [
            ffmpeg(),
            "-y",
            "-v",
            "error",
            "-i",
            str(clip),
            "-c",
            "copy",
            "-f",
            "hls",
            "-hls_time",
            str(segment_seconds),
            "-hls_playlist_type",
            "vod",
            "-hls_segment_filename",
            str(folder / "seg%03d.ts"),
            str(playlist),
        ],
        check=True,
    )
    return playlist
