"""The swarm transfers as a table for the Downloads view: each bundle fetched or seeded, its
state, how much is held, its peers and its speeds both ways."""

from __future__ import annotations

from collections.abc import Sized
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt

from tiffin.share.swarm import SwarmProgress
from tiffin.textdir import left_to_right
from tiffin.ui.models.downloads_model import FRACTION_ROLE
from tiffin.ui.models.table_model import HeaderedTableModel, Index
from tiffin.ui.models.units import human_size


@dataclass
class SwarmRow:
    """One bundle in the swarm: its name, whether it is fetched or only seeded, the latest
    progress, and the error that ended it (if one did)."""

    key: int
    name: str
    fetching: bool
    progress: SwarmProgress | None = None
    error: str = ""


class SwarmModel(HeaderedTableModel):
    """Rows are the swarm transfers of this session, newest last."""

    NAME, STATE, PROGRESS, PEERS, SPEED = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[SwarmRow] = []
        self.headers = [
            self.tr("Bundle"),
            self.tr("State"),
            self.tr("Progress"),
            self.tr("Peers"),
            self.tr("Down / up"),
        ]
        self.states = {
            "finding peers": self.tr("Finding peers"),
            "fetching": self.tr("Fetching"),
            "checking": self.tr("Checking what is here"),
            "seeding": self.tr("Seeding"),
        }

    def rows(self) -> Sized:
        return self.entries

    def add(self, row: SwarmRow) -> None:
        """Show a new transfer."""
        self.beginInsertRows(self.index(0, 0).parent(), len(self.entries), len(self.entries))
        self.entries.append(row)
        self.endInsertRows()

    def remove(self, key: int) -> None:
        """Take the transfer `key` off the list."""
        for number, row in enumerate(self.entries):
            if row.key == key:
                self.beginRemoveRows(self.index(0, 0).parent(), number, number)
                del self.entries[number]
                self.endRemoveRows()
                return

    def update(self, key: int, progress: SwarmProgress | None = None, error: str = "") -> None:
        """Lay the transfer `key`'s latest progress (or the error that ended it) over its row."""
        for number, row in enumerate(self.entries):
            if row.key == key:
                row.progress = progress or row.progress
                row.error = error or row.error
                last = self.index(number, len(self.headers) - 1)
                self.dataChanged.emit(self.index(number, 0), last)
                return

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.entries[index.row()]
        now, column = row.progress, index.column()
        if role == FRACTION_ROLE and column == self.PROGRESS:
            return min(1.0, now.done / now.total) if now and now.total else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.error or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return row.name
        if column == self.STATE:
            if row.error:
                return self.tr("Stopped: {0}").format(row.error)
            return self.states.get(now.state, now.state) if now else self.tr("Starting")
        if now is None:
            return ""
        if column == self.PROGRESS:
            return left_to_right(f"{human_size(now.done)} / {human_size(now.total)}")
        if column == self.PEERS:
            return str(now.peers)
        if column == self.SPEED:
            speeds = f"{human_size(now.down_rate)}/s ↓ · {human_size(now.up_rate)}/s ↑"
            return left_to_right(speeds)
        return None
