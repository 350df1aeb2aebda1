"""Real media made at test time with ffmpeg: a clip, and HLS video on demand cut from it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    assert found, "ffmpeg is missing (scripts/system-deps installs it)"
    return found


def ffprobe(path: Path, *arguments: str) -> dict[str, Any]:
    """What ffprobe says of `path` with `arguments` (-show_entries ..., -show_chapters), as
    its JSON."""
    command = [ffmpeg().replace("ffmpeg", "ffprobe"), "-v", "error", *arguments]
    done = subprocess.run(
        [*command, "-of", "json", str(path)], capture_output=True, text=True, check=True
    )
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def _run(*arguments: str) -> None:
    subprocess.run([ffmpeg(), "-y", "-v", "error", *arguments], check=True)


def make_clip(
    path: Path, seconds: float = 8.0, size: str = "320x240", rate: int = 25, keyframes: float = 1.0
) -> Path:
    """An H.264/AAC MP4 with a moving test picture and a tone, `seconds` long, a keyframe every
    `keyframes` seconds (where HLS can cut it)."""
    picture = f"testsrc=duration={seconds}:size={size}:rate={rate}"
    tone = f"sine=frequency=440:duration={seconds}"
    video = f"-c:v libx264 -preset ultrafast -g {int(rate * keyframes)} -pix_fmt yuv420p"
    audio = "-c:a aac -b:a 64k -shortest -movflags +faststart"
    inputs = ["-f", "lavfi", "-i", picture, "-f", "lavfi", "-i", tone]
    _run(*inputs, *video.split(), *audio.split(), str(path))
    return path


def keep_only(source: Path, out: Path, kind: str) -> Path:
    """Copy the "audio" or the "video" streams of `source` alone into `out` (no re-encoding)."""
    _run("-i", str(source), "-vn" if kind == "audio" else "-an", "-c", "copy", str(out))
    return out


def make_hls_vod(clip: Path, folder: Path, segment_seconds: float = 1) -> Path:
    """Cut `clip` into an HLS VOD playlist (MPEG-TS segments, an end list); returns the
    playlist's path inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    playlist = folder / "index.m3u8"
    hls = f"-c copy -f hls -hls_time {segment_seconds} -hls_playlist_type vod".split()
    _run("-i", str(clip), *hls, "-hls_segment_filename", str(folder / "seg%03d.ts"), str(playlist))
    return playlist
