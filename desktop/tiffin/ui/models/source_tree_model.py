"""The source tree: an "All items" row, folders, and sources with unread counts and errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from tiffin.library.models import Source

SOURCE_IDS_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_IDS_MIME = "application/x-tiffin-source-ids"  # a drag of rows: their ids, comma separated
ERROR_COLOR = QColor("#b3261e")


class SourceTreeModel(QStandardItemModel):
    """Folders and sources; each row carries the source ids it stands for in SOURCE_IDS_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Sources")])

    @staticmethod
    def _label(title: str, unread: int) -> str:
        return f"{title}  ({unread})" if unread else title

    def _row(self, title: str, ids: list[int], unread: int, bold: bool) -> QStandardItem:
        row = QStandardItem(self._label(title, unread))
        row.setEditable(False)
        row.setData(ids, SOURCE_IDS_ROLE)
        if bold or unread:
            font = QFont()
            font.setBold(True)
            row.setFont(font)
        return row

    def mimeTypes(self) -> list[str]:
        return [SOURCE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({i for index in indexes for i in index.data(SOURCE_IDS_ROLE) or []})
        data = QMimeData()
        data.setData(SOURCE_IDS_MIME, ",".join(map(str, ids)).encode())
        return data

    def set_sources(self, sources: Sequence[Source]) -> None:
        """Rebuild the tree from `sources` (sorted by folder, then title)."""
        self.removeRows(0, self.rowCount())
        total_unread = sum(s.unread for s in sources)
        self.appendRow(self._row(self.tr("All items"), [s.id for s in sources], total_unread, True))
        folders: dict[str, QStandardItem] = {}
        for source in sources:
            parent = self.invisibleRootItem()
            if source.folder:
                if source.folder not in folders:
                    members = [s for s in sources if s.folder == source.folder]
                    folders[source.folder] = self._row(
                        source.folder, [s.id for s in members], sum(s.unread for s in members), True
                    )
                    self.appendRow(folders[source.folder])
                parent = folders[source.folder]
            row = self._row(source.title or source.url, [source.id], source.unread, False)
            tip = source.url
            if source.last_error:
                row.setForeground(QBrush(ERROR_COLOR))
                tip += "\n" + self.tr("Last refresh failed: {0}").format(source.last_error)
            row.setToolTip(tip)
            parent.appendRow(row)
