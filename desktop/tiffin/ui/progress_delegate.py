"""A table column drawn as a progress bar with its text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from tiffin.ui.models.downloads_model import FRACTION_ROLE


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column as a bar with its text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        fraction = index.data(FRACTION_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, 1000
        bar.progress = int(fraction * 1000)
        bar.text = str(index.data() or "")
        bar.textVisible = True
        # Without the flag Qt 6 draws the bar vertical: filling from the bottom of the row.
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.direction = option.direction  # in Urdu the bar fills from the right
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)
