"""The list of keyboard shortcuts (F1 or ?), made from the window's own actions, so it is
never out of date, plus the keys of the player and the downloads list."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    """Every shortcut and what it does."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = sorted(
            {
                (
                    a.text().replace("&", "").rstrip("…"),
                    a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
                for a in actions
                if not a.shortcut().isEmpty()
            }
        )
        rows += [
            (self.tr("Player: play or pause"), self.tr("Space")),
            (self.tr("Player: back or forward 5 s (with Shift 30 s)"), self.tr("Left, Right")),
            (self.tr("Player: slower or faster"), "[ ]"),
            (self.tr("Player: full screen, mute, audio only, subtitles"), "F, M, A, S"),
            (self.tr("Downloads: play, pause, resume, cancel"), self.tr("Enter, P, R, Delete")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
