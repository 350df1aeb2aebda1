"""Draws an item row as two lines: the title (bold while unread) and, smaller and in the
palette's secondary colour, its source and date; each row runs in its own direction."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from tiffin.ui.text_direction_delegate import TextDirectionDelegate

Index = QModelIndex | QPersistentModelIndex


class ItemRowDelegate(TextDirectionDelegate):
    """Paints DisplayRole's first line as the title and its second as the quieter details."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        # initStyleOption has turned the model's "\n" into Unicode's line separator
        title, _, details = option.text.replace("\u2028", "\n").partition("\n")
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = option.rect.adjusted(4, 1, -4, -1)
        half = area.height() // 2
        flags = option.displayAlignment & ~Qt.AlignmentFlag.AlignVertical_Mask
        painter.save()
        painter.setLayoutDirection(option.direction)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(group))
        metrics = painter.fontMetrics()
        top = QRect(area.left(), area.top(), area.width(), half)
        painter.drawText(
            top,
            int(flags | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        quiet = QFont(option.font)
        quiet.setBold(False)
        quiet.setPointSizeF(max(6.0, quiet.pointSizeF() * 0.88))
        painter.setFont(quiet)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        bottom = QRect(area.left(), area.top() + half, area.width(), area.height() - half)
        painter.drawText(
            bottom,
            int(flags | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(details, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()
