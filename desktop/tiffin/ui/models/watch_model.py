"""The watch grid's model: finished downloads and recordings, newest first, each with its
poster (read off the GUI thread), playing time and how much of it was watched."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage

from tiffin.library.downloads import Download
from tiffin.ui.models.recording_state import RecordingWords
from tiffin.ui.models.units import human_time

Index = QModelIndex | QPersistentModelIndex
POSTER_ROLE = Qt.ItemDataRole.UserRole + 1  # the poster QImage, or None
WATCHED_ROLE = Qt.ItemDataRole.UserRole + 2  # the share watched, 0 to 1
DURATION_ROLE = Qt.ItemDataRole.UserRole + 3  # "m:ss", or "" when not known
LIVE_ROLE = Qt.ItemDataRole.UserRole + 4  # a recording of a live stream
STATE_ROLE = Qt.ItemDataRole.UserRole + 5  # a recording's state in a word or two, or ""


@dataclass(frozen=True)
class Tile:
    """One finished entry and its poster, scaled down for the grid."""

    entry: Download
    poster: QImage | None


class WatchModel(QAbstractListModel):
    """Tiles in the order given; `entry(row)` is the Download to play."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[Tile] = []
        self.recording_words = RecordingWords(self)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tiles)

    def set_tiles(self, tiles: list[Tile]) -> None:
        """Show `tiles` in place of the current ones."""
        self.beginResetModel()
        self.tiles = tiles
        self.endResetModel()

    def entry(self, row: int) -> Download:
        """The entry shown at `row`."""
        return self.tiles[row].entry

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        tile = self.tiles[index.row()]
        entry = tile.entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.title or entry.url
        if role == Qt.ItemDataRole.ToolTipRole:
            words = self.recording_words.words(entry)
            return "\n".join(part for part in (entry.title or entry.url, words) if part)
        if role == POSTER_ROLE:
            return tile.poster
        if role == WATCHED_ROLE:
            if entry.played:
                return 1.0
            return min(1.0, entry.resume_at / entry.duration) if entry.duration else 0.0
        if role == DURATION_ROLE:
            return human_time(entry.duration) if entry.duration else ""
        if role == LIVE_ROLE:
            return entry.live
        if role == STATE_ROLE:
            return self.recording_words.badge(entry)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            watched = self.data(index, WATCHED_ROLE)
            assert isinstance(watched, float)
            said = self.tr("{0}, {1}% watched").format(
                self.data(index, DURATION_ROLE), round(100 * watched)
            )
            words = self.recording_words.words(entry)
            return f"{said}, {words}" if words else said
        return None
