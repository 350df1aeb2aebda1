"""The system tray icon: the queue's state in its tooltip, a menu to show the window or quit,
and desktop notifications (a recording starts or ends, an event's packing is done)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget


class Tray(QObject):
    """Tiffin's tray icon for `window` (where the desktop has a tray; else notifications go to
    `fallback`, the status bar)."""

    def __init__(self, window: QWidget, icon: QIcon, fallback: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.fallback = window, fallback
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Tiffin")
        menu = QMenu(window)
        menu.addAction(self.tr("Show Tiffin"), self.show_window)
        menu.addSeparator()
        menu.addAction(self.tr("Quit"), window.close)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.shown: list[tuple[str, str]] = []  # what was notified, newest last
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()

    def show_window(self) -> None:
        """Bring the window to the front."""
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_window()

    def set_queue_state(self, running: int, queued: int, recording: int) -> None:
        """Show the queue in the tooltip."""
        parts = [
            self.tr("{0} downloading").format(running),
            self.tr("{0} queued").format(queued),
        ]
        if recording:
            parts.append(self.tr("{0} recording").format(recording))
        self.icon.setToolTip("Tiffin — " + ", ".join(parts))

    def notify(self, title: str, message: str) -> None:
        """A desktop notification (or a status bar line where there is no tray)."""
        self.shown.append((title, message))
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)
        else:
            self.fallback(f"{title}: {message}")
