"""The download queue's context menu: the row's actions and "Pack for event"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu

from tiffin.ui.event_menu import add_event_menu

if TYPE_CHECKING:
    from tiffin.ui.downloads_panel import DownloadsPanel


def show_menu(panel: DownloadsPanel, position: QPoint) -> None:
    """Pop up the menu of the row at `position` in the panel's table."""
    index = panel.table.indexAt(position)
    if not index.isValid():
        return
    panel.table.selectRow(index.row())
    entry = panel.model.entry(index.row())
    menu = QMenu(panel)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one at each right-click
    for name in ("play", "pause", "resume", "cancel", "retry"):
        button = panel.buttons[name]
        action = menu.addAction(button.text())
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
    menu.addSeparator()
    add_event_menu(
        menu,
        QCoreApplication.translate("DownloadsMenu", "Pack for event"),
        panel.events_of(),
        lambda name: panel.tag_for_event(entry, name),
        entry.event_id,
    )
    menu.popup(panel.table.viewport().mapToGlobal(position))
