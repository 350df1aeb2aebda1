"""Draws an item row as two lines: the title (bold while unread) and, smaller and in the
palette's secondary colour, a badge for what is packed, its source, date and snippet; each row
runs in its own direction."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from tiffin.library.item_rows import Packed
from tiffin.ui.models.item_list_model import BADGE_ROLE, PACKED_ROLE
from tiffin.ui.text_direction_delegate import TextDirectionDelegate

Index = QModelIndex | QPersistentModelIndex

# Green for what is kept, blue for what is on its way, red while recording, amber for what
# fell short, grey for what is not packed; readable on light and dark palettes alike.
BADGE_COLOURS = {
    Packed.FULL: "#2e8b57",
    Packed.MEDIA: "#2e8b57",
    Packed.QUEUED: "#3b73b9",
    Packed.DOWNLOADING: "#3b73b9",
    Packed.RECORDING: "#c0392b",
    Packed.SUMMARY_ONLY: "#b7791f",
    Packed.FAILED: "#c0392b",
    Packed.NOT_PACKED: "#808080",
    Packed.UPCOMING: "#7b5ea7",
    Packed.LIVE: "#c0392b",
}


class ItemRowDelegate(TextDirectionDelegate):
    """Paints DisplayRole's first line as the title and its second as the quieter details."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The row is as wide as the list, its text elided: never a horizontal scroll bar, which
        # in a right-to-left window would hide the start of every left-to-right row
        return QSize(1, super().sizeHint(option, index).height())

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
        badge = str(index.data(BADGE_ROLE) or "")
        if badge:
            at_right = _set_at_right(option)
            used = self._paint_badge(
                painter, bottom, badge, index.data(PACKED_ROLE), at_right, option
            )
            if at_right:
                bottom.setRight(bottom.right() - used)
            else:
                bottom.setLeft(bottom.left() + used)
            if not selected:
                painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            bottom,
            int(flags | Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(details, Qt.TextElideMode.ElideRight, bottom.width()),
        )
        painter.restore()

    def _paint_badge(
        self,
        painter: QPainter,
        line: QRect,
        words: str,
        packed: Packed,
        at_right: bool,
        option: QStyleOptionViewItem,
    ) -> int:
        """Paint the badge at the line's right or left end; return the width it took with a
        gap."""
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(words) + 10
        height = min(line.height() - 2, metrics.height() + 2)
        top = line.top() + (line.height() - height) / 2
        left = line.right() - width if at_right else line.left()
        pill = QRectF(left, top, width, height)
        colour = QColor(BADGE_COLOURS.get(packed, "#808080"))
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.setPen(colour)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), words)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return width + 6


def _set_at_right(option: QStyleOptionViewItem) -> bool:
    """Whether the row is set against the right edge: by its own direction, or (a row whose
    direction differs from the view's) by the view's leading edge, so the column stays
    aligned."""
    alignment = option.displayAlignment
    if alignment & Qt.AlignmentFlag.AlignAbsolute:
        return bool(alignment & Qt.AlignmentFlag.AlignRight)
    return option.direction == Qt.LayoutDirection.RightToLeft
