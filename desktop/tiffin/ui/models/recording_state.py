"""A recording's state in words, for the Downloads and watch views: recording, the seconds
lost in gaps, the stretches kept as sound only, healing from the replay, healed."""

from __future__ import annotations

from PySide6.QtCore import QObject

from tiffin.library.downloads import Download, Heal, Status
from tiffin.textdir import left_to_right
from tiffin.ui.models.units import human_time

MOST_STRETCHES = 3  # listed by their times; the rest are counted


class RecordingWords(QObject):
    """Says what a recording holds and how its healing stands (nothing for a download)."""

    def badge(self, entry: Download) -> str:
        """A word or two for a tile's corner; empty when there is nothing to say."""
        if not entry.live:
            return ""
        if entry.status == Status.DOWNLOADING:
            return self.tr("Recording")
        if entry.heal == Heal.HEALING:
            return self.tr("Healing")
        if entry.heal == Heal.HEALED and not entry.gaps:
            return self.tr("Healed")
        if entry.gaps:
            return self.tr("Gaps {0}").format(_seconds(entry.gaps))
        if entry.audio_only:
            return self.tr("Sound only")
        return ""

    def words(self, entry: Download) -> str:
        """What a finished recording lacks and where its healing stands, in a line."""
        if not entry.live or entry.status != Status.DONE:
            return ""
        parts = []
        if entry.gaps:
            parts.append(self.tr("gaps of {0}").format(_seconds(entry.gaps)))
        if entry.audio_only:
            parts.append(self.tr("sound only {0}").format(self.stretches(entry)))
        if entry.heal == Heal.WANTED:
            parts.append(self.tr("heals from the replay when it is up"))
        elif entry.heal == Heal.HEALING:
            parts.append(self.tr("healing from the replay"))
        elif entry.heal == Heal.HEALED:
            parts.append(self.tr("healed from the replay"))
        elif entry.heal == Heal.GAVE_UP:
            parts.append(self.tr("the replay could not heal it"))
        return " · ".join(parts)

    def stretches(self, entry: Download) -> str:
        """The sound-only stretches by their times in the file (the first few, then a count)."""
        shown = [
            left_to_right(f"{human_time(start)}–{human_time(end)}")
            for start, end in entry.audio_only[:MOST_STRETCHES]
        ]
        more = len(entry.audio_only) - MOST_STRETCHES
        if more > 0:
            shown.append(self.tr("{0} more").format(more))
        return ", ".join(shown)


def _seconds(seconds: float) -> str:
    return left_to_right(f"{seconds:.0f} s" if seconds < 60 else human_time(seconds))
