"""yt-dlp, as Tiffin configures it, finds its JavaScript runtime, ffmpeg and ffprobe."""

from __future__ import annotations

import os
from pathlib import Path

from tiffin.config import Settings
from tiffin.media.toolchain import check_toolchain, ytdlp_options


def test_ytdlp_finds_the_js_runtime_ffmpeg_and_ffprobe() -> None:
    found = check_toolchain(Settings())
    assert found.missing == [], found
    assert found.js_runtime is not None and found.js_runtime.startswith("deno-")


def test_options_point_at_real_programs() -> None:
    options = ytdlp_options(Settings())
    deno = Path(options["js_runtimes"]["deno"]["path"])
    assert deno.is_file() and os.access(deno, os.X_OK)
    folder = Path(options["ffmpeg_location"])
    assert (folder / "ffmpeg").is_file() and (folder / "ffprobe").is_file()
