"""The Downloads view's table of bundles in the swarm: hidden until there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from tiffin.ui.models.swarm_model import SwarmModel
from tiffin.ui.progress_delegate import ProgressDelegate


class SwarmTable(QTableView):
    """Shows a SwarmModel: each bundle's state, progress bar, peers and speeds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Bundles in the swarm"))
        self.verticalHeader().hide()
        self.setMaximumHeight(150)
        self.setItemDelegateForColumn(SwarmModel.PROGRESS, ProgressDelegate(self))
        self.hide()

    def use(self, model: SwarmModel) -> None:
        """Show `model`'s transfers, appearing with the first one."""
        self.setModel(model)
        self.horizontalHeader().setSectionResizeMode(
            SwarmModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        widths = {SwarmModel.STATE: 150, SwarmModel.PROGRESS: 190, SwarmModel.PEERS: 50}
        for column, width in (*widths.items(), (SwarmModel.SPEED, 170)):
            self.setColumnWidth(column, width)
        model.rowsInserted.connect(lambda *_: self.show())
