"""The source tree: an "All items" row, folders, and sources with unread counts, errors, their
site icons and a dot for the line to their host (its state and reason in the tooltip)."""

from __future__ import annotations

from collections.abc import Sequence

import httpx
from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)

from tiffin.library.models import Source
from tiffin.net.line import HostState
from tiffin.textdir import left_to_right
from tiffin.ui.models.line_model import STATE_COLOURS, UNKNOWN_COLOUR
from tiffin.ui.models.line_reasons import reason_text, state_name

SOURCE_IDS_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2  # a source row's Source
SOURCE_IDS_MIME = "application/x-tiffin-source-ids"  # a drag of rows: their ids, comma separated
ERROR_COLOR = QColor("#b3261e")


class SourceTreeModel(QStandardItemModel):
    """Folders and sources; each row carries the source ids it stands for in SOURCE_IDS_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Sources")])
        self._dots: dict[str, QIcon] = {}
        self._marked: dict[tuple[int, str], QIcon] = {}  # a site icon with a line dot on it
        self.icons: dict[int, QImage] = {}  # the kept site icons, by source id
        self.lines: dict[str, HostState] = {}  # as last marked
        self.rows_by_source: dict[int, QStandardItem] = {}

    def set_icons(self, pngs: dict[int, bytes]) -> None:
        """Show the kept site icons (PNG bytes by source id), each with its line dot."""
        decoded = {n: QImage.fromData(png) for n, png in pngs.items()}
        before, self.icons = self.icons, {n: i for n, i in decoded.items() if not i.isNull()}
        changed = set(before) | set(self.icons)  # only these rows are marked again
        self._marked = {key: icon for key, icon in self._marked.items() if key[0] not in changed}
        for source_id in changed & set(self.rows_by_source):
            row = self.rows_by_source[source_id]
            self._mark(row, row.data(SOURCE_ROLE), self.lines)

    def marked_icon(self, source_id: int, colour: QColor) -> QIcon:
        """The source's site icon with a dot in `colour` at its corner, or the dot alone."""
        icon = self.icons.get(source_id)
        if icon is None:
            return self.dot(colour)
        key = (source_id, colour.name())
        if key not in self._marked:
            pixmap = QPixmap(16, 16)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(pixmap.rect(), icon)
            painter.setBrush(colour)
            painter.setPen(QColor("white"))
            painter.drawEllipse(9, 9, 6, 6)
            painter.end()
            self._marked[key] = QIcon(pixmap)
        return self._marked[key]

    def dot(self, colour: QColor) -> QIcon:
        """A small round mark in `colour` (made once per colour)."""
        if colour.name() not in self._dots:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            self._dots[colour.name()] = QIcon(pixmap)
        return self._dots[colour.name()]

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

    def set_sources(
        self, sources: Sequence[Source], lines: dict[str, HostState] | None = None
    ) -> None:
        """Rebuild the tree from `sources` (sorted by folder, then title), each marked with
        the line to its host from `lines` (by host; a host not in it is unknown)."""
        self.lines = lines = lines or {}
        self.removeRows(0, self.rowCount())
        self.rows_by_source = {}
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
            row.setData(source, SOURCE_ROLE)
            if source.last_error:
                row.setForeground(QBrush(ERROR_COLOR))
            self._mark(row, source, lines)
            self.rows_by_source[source.id] = row
            parent.appendRow(row)

    def mark_lines(self, lines: dict[str, HostState]) -> None:
        """Mark every source row again with the line to its host."""
        self.lines = lines
        for row in self.rows_by_source.values():
            self._mark(row, row.data(SOURCE_ROLE), lines)

    def _mark(self, row: QStandardItem, source: Source, lines: dict[str, HostState]) -> None:
        host = httpx.URL(source.url).host
        state = lines.get(host)
        row.setIcon(
            self.marked_icon(source.id, STATE_COLOURS[state.state] if state else UNKNOWN_COLOUR)
        )
        why = reason_text(state) if state else self.tr("nothing fetched from it yet")
        tip = [
            left_to_right(source.url),
            self.tr("Line to {0}: {1} ({2})").format(
                left_to_right(host), state_name(state.state if state else None), why
            ),
        ]
        if source.last_error:
            tip.append(self.tr("Last refresh failed: {0}").format(source.last_error))
        row.setToolTip("\n".join(tip))
