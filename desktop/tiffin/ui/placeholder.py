"""Empty views that say what to do next: list, tree and table views that paint a short text
in place of their rows while they have none."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QTableView, QTreeView


def paint_placeholder(view: QAbstractItemView, text: str) -> None:
    """Paint `text`, wrapped and centred, on an empty view's viewport."""
    model = view.model()
    if not text or (model is not None and model.rowCount() > 0):
        return
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    area = view.viewport().rect().adjusted(16, 16, -16, -16)
    top = QRect(area.left(), area.top(), area.width(), max(area.height() // 2, 80))
    painter.drawText(
        top,
        int(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        ),
        text,
    )
    painter.end()


class PlaceholderListView(QListView):
    """A list view that names the next action while it is empty (see `say_when_empty`)."""

    placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_placeholder(self, self.placeholder)


class PlaceholderTreeView(QTreeView):
    """A tree view that names the next action while it is empty (see `say_when_empty`)."""

    placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_placeholder(self, self.placeholder)


class PlaceholderTableView(QTableView):
    """A table view that names the next action while it is empty (see `say_when_empty`)."""

    placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_placeholder(self, self.placeholder)


def say_when_empty(
    view: PlaceholderListView | PlaceholderTreeView | PlaceholderTableView, text: str
) -> None:
    """Have `view` say `text` while it has no rows (and tell assistive technology too)."""
    view.placeholder = text
    view.setAccessibleDescription(text)
    view.viewport().update()
