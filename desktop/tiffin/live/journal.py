"""A recording's journal: every segment on disk and every gap, one JSON line each, beside the
segments (`journal.jsonl`), so a recorder killed mid-stream continues where it stopped; and the
local playlist that names the recorded files for a player or for ffmpeg.

A gap whose reason starts with `AUDIO_ONLY` is a stretch whose picture was left out on purpose
(the line could carry the sound but not the picture); the sound of it is in the audio track.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tiffin.media.gap_marks import GAP_CHAPTER

JOURNAL = "journal.jsonl"
AUDIO_ONLY = "audio only"


@dataclass(frozen=True)
class Gap:
    """Sequence numbers `first` to `last` that could not be recorded, and why."""

    first: int
    last: int
    duration: float
    reason: str
    start: str | None = None  # program date-time of the first missing second, when known

    @property
    def audio_only(self) -> bool:
        """The picture was left out so that the sound could be kept."""
        return self.reason.startswith(AUDIO_ONLY)


@dataclass
class Journal:
    """What a recording folder holds, read from and appended to its journal."""

    path: Path
    segments: dict[int, dict[str, Any]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    media_url: str | None = None
    audio_url: str | None = None
    stepped_down: bool = False  # a lower variant than the first one chosen was recorded

    @classmethod
    def load(cls, path: Path) -> Journal:
        """The journal at `path` (empty if there is none); lines cut short by a kill and
        segments whose file is gone are left out."""
        journal = cls(path)
        if not path.exists():
            return journal
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a kill
            journal._apply(entry)
        return journal

    def _apply(self, entry: dict[str, Any]) -> None:
        if "seg" in entry and (self.path.parent / entry["file"]).exists():
            sequence = int(entry["seg"])
            self.segments[sequence] = entry
            self.gaps = [part for g in self.gaps for part in _without(g, sequence)]
        elif "gap" in entry:
            first, last = entry["gap"]
            self.gaps.append(
                Gap(first, last, entry["duration"], entry["reason"], entry.get("start"))
            )
        elif "media" in entry:
            if self.media_url is not None and entry.get("lower"):
                self.stepped_down = True
            self.media_url = entry["media"]
        elif "audio" in entry:
            self.audio_url = entry["audio"]

    def add(self, entry: dict[str, Any]) -> None:
        """Append `entry` to the file and apply it here."""
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")
        self._apply(entry)

    @property
    def last(self) -> int | None:
        """The newest sequence number recorded or given up."""
        ends = [*self.segments, *(g.last for g in self.gaps)]
        return max(ends) if ends else None

    @property
    def seconds(self) -> float:
        """Seconds of the stream on disk."""
        return sum(float(e["duration"]) for e in self.segments.values())

    @property
    def missing(self) -> float:
        """Seconds given up, not counting a picture left out for the sound."""
        return sum(g.duration for g in self.gaps if not g.audio_only)


def _without(gap: Gap, sequence: int) -> list[Gap]:
    """`gap` with `sequence` filled: what is left of it on either side."""
    if not gap.first <= sequence <= gap.last:
        return [gap]
    each = gap.duration / (gap.last - gap.first + 1)
    parts = [(gap.first, sequence - 1), (sequence + 1, gap.last)]
    return [
        Gap(
            first,
            last,
            each * (last - first + 1),
            gap.reason,
            gap.start if first == gap.first else None,
        )
        for first, last in parts
        if first <= last
    ]


def local_playlist(journal: Journal, ended: bool) -> tuple[str, list[tuple[float, str]], float]:
    """A playlist of the recorded segment files (what a player or ffmpeg reads), the chapter
    marks (one after each gap) and the total seconds."""
    entries = journal.segments
    gap_starts = {g.first for g in journal.gaps if not g.audio_only}
    skipped = {g.first for g in journal.gaps}
    target = max(float(e["duration"]) for e in entries.values())
    kind = "VOD" if ended else "EVENT"
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", f"#EXT-X-PLAYLIST-TYPE:{kind}"]
    lines.append(f"#EXT-X-TARGETDURATION:{int(target + 0.999)}")
    previous: dict[str, Any] | None = None
    chapters: list[tuple[float, str]] = [(0.0, "Start")]
    clock = 0.0
    for sequence in sorted(entries):
        entry = entries[sequence]
        before = int(previous["seg"]) if previous is not None else sequence
        after_gap = any(before < g <= sequence for g in gap_starts)
        after_skip = any(before < g <= sequence for g in skipped)
        if previous is not None and (after_skip or entry["disc"] != previous["disc"]):
            lines.append("#EXT-X-DISCONTINUITY")
        if after_gap:
            chapters.append((clock, f"{GAP_CHAPTER} before segment {sequence}"))
        if entry.get("init") and (previous is None or previous.get("init") != entry["init"]):
            lines.append(f'#EXT-X-MAP:URI="{entry["init"]}"')
        if (previous or {}).get("key") != entry.get("key"):
            if entry.get("key"):
                iv = f",IV={entry['iv']}" if entry.get("iv") else ""
                lines.append(f'#EXT-X-KEY:METHOD=AES-128,URI="{entry["key"]}"{iv}')
            else:
                lines.append("#EXT-X-KEY:METHOD=NONE")
        lines += [f"#EXTINF:{float(entry['duration']):.3f},", entry["file"]]
        clock += float(entry["duration"])
        previous = entry
    if ended:
        lines.append("#EXT-X-ENDLIST")
    return "\n".join(lines) + "\n", chapters, clock
