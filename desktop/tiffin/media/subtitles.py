"""Reading downloaded subtitle files (WebVTT and SubRip) into timed cues for the player.

Qt's player shows only subtitle tracks inside the media file; the files yt-dlp fetches sit
beside it, so the player asks `cue_at` what to show as the position moves. Styling tags are
dropped (the player draws plain text); a damaged cue is skipped, never the whole file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

_TIME = re.compile(
    r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})\s*-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})"
)
_TAGS = re.compile(r"<[^>]*>")
MAX_SUBTITLE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Cue:
    """Text shown from `start` to `end` (seconds)."""

    start: float
    end: float
    text: str


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_subtitles(text: str) -> list[Cue]:
    """Cues of a WebVTT or SubRip document, sorted by start time."""
    cues = []
    for block in re.split(r"\r?\n\s*\r?\n", text.replace("\ufeff", "")):
        lines = block.strip().splitlines()
        for number, line in enumerate(lines):
            match = _TIME.search(line)
            if match:
                g = match.groups()
                start, end = _seconds(*g[:4]), _seconds(*g[4:])
                body = "\n".join(_TAGS.sub("", t).strip() for t in lines[number + 1 :]).strip()
                if body and end > start:
                    cues.append(Cue(start, end, body))
                break
    return sorted(cues, key=lambda c: c.start)


def read_subtitles(path: Path) -> list[Cue]:
    """Cues of the subtitle file at `path` (empty if it is unreadable or absurdly large)."""
    try:
        if path.stat().st_size > MAX_SUBTITLE_BYTES:
            return []
        return parse_subtitles(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


class CueTrack:
    """Fast lookup of the cue showing at a position."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.starts = [c.start for c in cues]

    def cue_at(self, seconds: float) -> str:
        """The text showing at `seconds`, or '' between cues (overlaps joined by a line)."""
        last = bisect.bisect_right(self.starts, seconds)
        showing = [c.text for c in self.cues[max(0, last - 8) : last] if c.end > seconds]
        return "\n".join(showing)
