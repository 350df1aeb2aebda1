"""Search results: each row an item's title and its snippet with the matches marked."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from tiffin.library.models import SearchHit
from tiffin.ui.models.item_list_model import ITEM_ID_ROLE

RICH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Hits best first; RICH_TEXT_ROLE gives escaped HTML with the matches in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title or self.tr("(untitled)")
        if role == RICH_TEXT_ROLE:
            snippet = html.escape(hit.marked("\x02", "\x03"))
            snippet = snippet.replace("\x02", "<b>").replace("\x03", "</b>")
            return f"<b>{html.escape(hit.title or self.tr('(untitled)'))}</b><br/>{snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.url
        if role == ITEM_ID_ROLE:
            return hit.item_id
        return None

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show `hits` in place of the current ones."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()
