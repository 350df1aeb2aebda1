"""The item list: a flat model over light ItemRow values, fast at 100k rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from tiffin.library.item_rows import ItemRow, Packed
from tiffin.textdir import isolated
from tiffin.ui.when import moment, short_moment

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PACKED_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's Packed, for the badge's colour
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # the badge's words ("" for none)


class Shown(StrEnum):
    """Which of the loaded items the list shows."""

    ALL = "all"
    UNREAD = "unread"
    READY = "ready"  # ready offline


Index = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """Items newest first, each on two lines: its title (bold while unread) and its source and
    date, so that old and new, and one source's from another's, can be told apart, with a badge
    for what of it is packed and the start of its text. Rows are replaced wholesale by
    `set_rows` and narrowed by `set_shown`; `title_of` names a source by its id."""

    def __init__(
        self, parent: QObject | None = None, title_of: Callable[[int], str] = lambda _id: ""
    ) -> None:
        super().__init__(parent)
        self.title_of = title_of
        self._loaded: list[ItemRow] = []
        self._rows: list[ItemRow] = []
        self._where: Sequence[int] = []  # the position in _loaded of each row shown
        self.shown = Shown.ALL
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = row.title or self.tr("(untitled)")
            meta = " · ".join(
                part for part in (self.title_of(row.source_id), short_moment(row.published)) if part
            )
            details = "  ".join(isolated(part) for part in (meta, row.snippet) if part)
            shown = f"⚠ {title}" if row.untrusted else title
            return f"{shown}\n{details}" if details else shown
        if role == Qt.ItemDataRole.FontRole and not row.read:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.badge(row.packed)] if row.packed != Packed.SUMMARY else []
            if row.why:
                lines.append(row.why)
            if row.published:
                lines.append(moment(row.published))
            if row.untrusted:
                lines.append(self.tr("From a bundle packed by someone you have not trusted"))
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.badge(row.packed)
        if role == PACKED_ROLE:
            return row.packed
        if role == BADGE_ROLE:
            return "" if row.packed == Packed.SUMMARY else self.badge(row.packed)
        if role == ITEM_ID_ROLE:
            return row.id
        return None

    def badge(self, packed: Packed) -> str:
        """The words of a badge: what of an item is kept offline."""
        words = {
            Packed.NOT_PACKED: self.tr("Not packed yet"),
            Packed.SUMMARY: self.tr("Summary"),
            Packed.FULL: self.tr("Full article"),
            Packed.SUMMARY_ONLY: self.tr("Summary only"),
            Packed.QUEUED: self.tr("Queued"),
            Packed.DOWNLOADING: self.tr("Downloading"),
            Packed.RECORDING: self.tr("Recording"),
            Packed.MEDIA: self.tr("Video ready"),
            Packed.FAILED: self.tr("Failed"),
            Packed.UPCOMING: self.tr("Upcoming stream"),
            Packed.LIVE: self.tr("Live now"),
        }
        return words[packed]

    def set_rows(self, rows: Sequence[ItemRow]) -> None:
        """Show `rows` (those the current filter lets through) in place of the current ones."""
        self._loaded = list(rows)
        self._narrow()

    def set_shown(self, shown: Shown) -> None:
        """Show all the loaded items, the unread ones or those ready offline."""
        self.shown = shown
        self._narrow()

    def loaded_count(self) -> int:
        """How many items were loaded, whatever the filter shows."""
        return len(self._loaded)

    def _narrow(self) -> None:
        self.beginResetModel()
        if self.shown == Shown.UNREAD:
            self._where = [n for n, row in enumerate(self._loaded) if not row.read]
        elif self.shown == Shown.READY:
            self._where = [n for n, row in enumerate(self._loaded) if row.ready_offline]
        else:
            self._where = range(len(self._loaded))
        self._rows = [self._loaded[n] for n in self._where]
        self.endResetModel()

    def row(self, position: int) -> ItemRow:
        """The ItemRow at a position."""
        return self._rows[position]

    def mark_read(self, position: int, read: bool) -> None:
        """Update one row's read state in place (it stays listed until the next load)."""
        changed = replace(self._rows[position], read=read)
        self._rows[position] = self._loaded[self._where[position]] = changed
        index = self.index(position)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole])
