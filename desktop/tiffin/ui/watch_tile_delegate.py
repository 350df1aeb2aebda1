"""Draws a watch grid tile: the poster (or a play mark when there is none) with the playing
time in its corner, a recording's state (gaps, sound only, healing, healed) in the other, a
red bar for how much was watched, and the title under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from tiffin.ui.models.watch_model import (
    DURATION_ROLE,
    LIVE_ROLE,
    POSTER_ROLE,
    STATE_ROLE,
    WATCHED_ROLE,
)

Index = QModelIndex | QPersistentModelIndex
TILE = QSize(224, 176)  # a 16:9 poster 208 wide, and two lines of title
POSTER_HEIGHT = 117
WATCHED_COLOUR = QColor("#d32f2f")
STATE_COLOUR = QColor("#ffd54f")  # amber on the dark badge, readable over any poster


class WatchTileDelegate(QStyledItemDelegate):
    """See the module docstring."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        frame = option.rect.adjusted(8, 8, -8, -8)
        poster_area = QRect(frame.left(), frame.top(), frame.width(), POSTER_HEIGHT)
        painter.fillRect(poster_area, QColor("#202020"))
        poster = index.data(POSTER_ROLE)
        if isinstance(poster, QImage) and not poster.isNull():
            scaled = poster.scaled(
                poster_area.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            left = poster_area.left() + (poster_area.width() - scaled.width()) // 2
            top = poster_area.top() + (poster_area.height() - scaled.height()) // 2
            painter.drawImage(left, top, scaled)
        else:
            painter.setPen(QColor("#e0e0e0"))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 2.2)
            painter.setFont(font)
            mark = "●" if index.data(LIVE_ROLE) else "▶"
            painter.drawText(poster_area, int(Qt.AlignmentFlag.AlignCenter), mark)
            painter.setFont(option.font)
        duration = str(index.data(DURATION_ROLE) or "")
        if duration:
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(duration) + 8
            corner = QRectF(
                poster_area.right() - width - 4,
                poster_area.bottom() - metrics.height() - 6,
                width,
                metrics.height() + 2,
            )
            painter.fillRect(corner, QColor(0, 0, 0, 190))
            painter.setPen(QColor("white"))
            painter.drawText(corner, int(Qt.AlignmentFlag.AlignCenter), duration)
        state = str(index.data(STATE_ROLE) or "")
        if state:
            metrics = painter.fontMetrics()
            width = min(poster_area.width() - 8, metrics.horizontalAdvance(state) + 12)
            badge = QRectF(
                poster_area.left() + 4, poster_area.top() + 4, width, metrics.height() + 4
            )
            if option.direction == Qt.LayoutDirection.RightToLeft:
                badge.moveRight(poster_area.right() - 4)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 200))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(STATE_COLOUR)
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), state)
        watched = float(index.data(WATCHED_ROLE) or 0.0)
        if watched > 0:
            bar = QRect(poster_area.left(), poster_area.bottom() - 3, poster_area.width(), 4)
            painter.fillRect(bar, QColor(255, 255, 255, 90))
            bar.setWidth(max(2, int(poster_area.width() * watched)))
            if option.direction == Qt.LayoutDirection.RightToLeft:
                bar.moveRight(poster_area.right())
            painter.fillRect(bar, WATCHED_COLOUR)
        title_area = QRect(
            frame.left(),
            poster_area.bottom() + 6,
            frame.width(),
            frame.bottom() - poster_area.bottom() - 6,
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        title = str(index.data() or "")
        flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading | Qt.TextFlag.TextWordWrap
        metrics = painter.fontMetrics()
        if metrics.boundingRect(title_area, int(flags), title).height() > title_area.height():
            title = metrics.elidedText(
                title, Qt.TextElideMode.ElideRight, title_area.width() * 2 - 24
            )
        painter.drawText(title_area, int(flags), title)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()
