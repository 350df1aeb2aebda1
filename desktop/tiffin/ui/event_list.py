"""The events view's list of events, onto which sources are dragged from the source tree."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QListView

from tiffin.ui.models.source_tree_model import SOURCE_IDS_MIME


class EventList(QListView):
    """The list of events; sources dragged from the source tree are tagged for the event they
    are dropped on (`dropped(row, source ids)`)."""

    dropped = Signal(int, list)

    def __init__(self) -> None:
        super().__init__()
        self.setDragDropMode(QListView.DragDropMode.DropOnly)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SOURCE_IDS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self.indexAt(event.position().toPoint())
        data = bytes(event.mimeData().data(SOURCE_IDS_MIME).data()).decode()
        ids = [int(part) for part in data.split(",") if part.isdigit()]
        if target.isValid() and ids:
            self.dropped.emit(target.row(), ids)
            event.acceptProposedAction()
