"""The Downloads view's table of bundles in the swarm: hidden until there is one; a row's
menu (or Delete) stops its transfer, and a stopped row can be cleared from the list."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView, QWidget

from tiffin.ui.models.swarm_model import SwarmModel
from tiffin.ui.progress_delegate import ProgressDelegate


class SwarmTable(QTableView):
    """Shows a SwarmModel: each bundle's state, progress bar, peers and speeds. Emits
    `stop_requested(key)` and `clear_requested(key)` for a row's transfer."""

    stop_requested = Signal(int)
    clear_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Bundles in the swarm"))
        self.verticalHeader().hide()
        self.setMaximumHeight(150)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setItemDelegateForColumn(SwarmModel.PROGRESS, ProgressDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.on_menu_requested)
        self.swarm: SwarmModel | None = None
        self.hide()

    def use(self, model: SwarmModel) -> None:
        """Show `model`'s transfers, appearing with the first one."""
        self.swarm = model
        self.setModel(model)
        self.horizontalHeader().setSectionResizeMode(
            SwarmModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        widths = {SwarmModel.STATE: 150, SwarmModel.PROGRESS: 190, SwarmModel.PEERS: 50}
        for column, width in (*widths.items(), (SwarmModel.SPEED, 170)):
            self.setColumnWidth(column, width)
        model.rowsInserted.connect(lambda *_: self.show())
        model.rowsRemoved.connect(lambda *_: self.setVisible(bool(model.entries)))

    def _chosen(self) -> tuple[int, bool] | None:
        index = self.currentIndex()
        if self.swarm is None or not index.isValid():
            return None
        row = self.swarm.entries[index.row()]
        return row.key, bool(row.error)

    def act_on_current(self) -> None:
        """Stop the current row's transfer, or clear it from the list once stopped."""
        chosen = self._chosen()
        if chosen is not None:
            key, stopped = chosen
            (self.clear_requested if stopped else self.stop_requested).emit(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.act_on_current()
            return
        super().keyPressEvent(event)

    def on_menu_requested(self, position: QPoint) -> None:
        self.setCurrentIndex(self.indexAt(position))
        chosen = self._chosen()
        if chosen is None:
            return
        key, stopped = chosen
        menu = QMenu(self)
        if stopped:
            menu.addAction(self.tr("Clear from the list"), lambda: self.clear_requested.emit(key))
        else:
            menu.addAction(self.tr("Stop (Delete)"), lambda: self.stop_requested.emit(key))
        menu.exec(self.viewport().mapToGlobal(position))
