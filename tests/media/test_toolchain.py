"""yt-dlp, as Tiffin configures it, finds its JavaScript runtime, ffmpeg and ffprobe; ffmpeg
and ffprobe run with a timeout and no standard input."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tiffin.config import Settings
from tiffin.errors import MediaError
from tiffin.media.toolchain import check_toolchain, run_tool, ytdlp_options, ytdlp_reason


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


def test_a_stuck_tool_is_stopped_and_none_reads_the_terminal(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"merging: python\S* did not finish within 0.5 s"):
        run_tool([sys.executable, "-c", "import time; time.sleep(30)"], "merging", 0.5)
    # No standard input: a tool that waits for a key ends at once instead of hanging.
    done = run_tool([sys.executable, "-c", "import sys; print(len(sys.stdin.read()))"], "x", 10)
    assert done.stdout.strip() == "0"


def test_ffmpeg_is_always_told_not_to_read_standard_input(tmp_path: Path) -> None:
    fake = tmp_path / "ffmpeg"
    fake.write_text(f"#!{sys.executable}\nimport sys\nprint(' '.join(sys.argv[1:]))\n")
    fake.chmod(0o755)
    assert run_tool([str(fake), "-i", "x"], "x").stdout.split() == ["-nostdin", "-i", "x"]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (
            "ERROR: ERROR: [youtube] abc123: Video unavailable. This video is private",
            "Video unavailable. This video is private",
        ),
        ("ERROR: [generic] Unable to download webpage: HTTP Error 404", "Unable to download"
         " webpage: HTTP Error 404"),
        ("ERROR:   \n", "yt-dlp gave no reason"),
    ],
)  # fmt: skip
def test_ytdlp_messages_read_as_one_sentence(raw: str, reason: str) -> None:
    assert ytdlp_reason(Exception(raw)) == reason
