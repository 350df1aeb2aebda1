"""Draws each row's text in its own direction: an English title in the Urdu window reads left
to right (and an Urdu one in the English window right to left), still set against the view's
leading edge so that the column stays aligned."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from tiffin.textdir import is_right_to_left

Index = QModelIndex | QPersistentModelIndex


class TextDirectionDelegate(QStyledItemDelegate):
    """A plain item delegate whose text direction follows each row's letters."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        view = option.direction
        own = (
            Qt.LayoutDirection.RightToLeft
            if is_right_to_left("", option.text)
            else Qt.LayoutDirection.LeftToRight
        )
        if own != view:
            option.direction = own
            leading = (
                Qt.AlignmentFlag.AlignRight
                if view == Qt.LayoutDirection.RightToLeft
                else Qt.AlignmentFlag.AlignLeft
            )
            option.displayAlignment = (
                leading | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            )
