"""A bar inside the window for what went wrong (a busy port, a host that refused): it says so
without a modal box that blocks the window, and goes away when closed or when the next one
replaces it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QFrame):
    """One message at a time, with a close button (Escape in the window closes it too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message-bar")
        self.setStyleSheet(
            "#message-bar { background: #fdecea; border: 1px solid #e6a29c; border-radius: 3px; }"
            " #message-bar QLabel { color: #5f1d17; }"
        )
        self.setAccessibleName(self.tr("Message"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(self.tr("Close the message"))
        close.setToolTip(self.tr("Close the message (Esc)"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(QLabel("⚠"))
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show `message` in place of any before it."""
        self.text.setText(message)
        self.show()
