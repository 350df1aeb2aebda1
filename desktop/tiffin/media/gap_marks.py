"""Where a recording's gaps are: the recorder puts a chapter after each gap in the file it
joins (live/joining.finish), and ffprobe reads them back for the player's seek bar. A
stretch kept as sound only is a chapter of its own, and the picture's return starts the next."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from tiffin.errors import MediaError
from tiffin.media.toolchain import program, run_tool

logger = logging.getLogger(__name__)

GAP_CHAPTER = "After a gap"  # the start of the title of a chapter that follows a gap
SOUND_ONLY_CHAPTER = "Sound only"
PICTURE_CHAPTER = "Picture again"
PROBE_TIMEOUT = 30.0


def gap_marks(path: Path) -> list[float]:
    """The times (seconds into `path`) where the recording goes on after a gap; none when the
    file has no such chapters or cannot be read."""
    try:
        result = run_tool(
            [program("ffprobe"), "-v", "error", "-show_chapters", "-of", "json", str(path)],
            f"{path.name} could not be read",
            PROBE_TIMEOUT,
        )
        chapters = json.loads(result.stdout or "{}").get("chapters", [])
    except (MediaError, ValueError) as exc:
        logger.info("no gap marks for %s: %s", path.name, exc)
        return []
    return [
        float(chapter["start_time"])
        for chapter in chapters
        if str(chapter.get("tags", {}).get("title", "")).startswith(GAP_CHAPTER)
        and "start_time" in chapter
    ]
