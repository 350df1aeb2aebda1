"""Each host's line state as a table: host, state, why, speed against its usual, path taken,
and the recent history (drawn by the panel's delegate from HISTORY_ROLE)."""

from __future__ import annotations

from collections.abc import Sized

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tiffin.net.line import HostState, LineState, Observation
from tiffin.textdir import left_to_right
from tiffin.ui.models.line_reasons import rate, reason_text, state_name
from tiffin.ui.models.table_model import HeaderedTableModel

HISTORY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

STATE_COLOURS = {
    LineState.GOOD: QColor("#2e7d32"),
    LineState.THROTTLED: QColor("#ef6c00"),
    LineState.BLOCKED: QColor("#c62828"),
    LineState.OFFLINE: QColor("#616161"),
}
UNKNOWN = "unknown"  # no transfer seen yet: the line is not known to be good
UNKNOWN_COLOUR = QColor("#9e9e9e")


class LineModel(HeaderedTableModel):
    """Rows are hosts, in the order the judgement gave them."""

    HOST, STATE, WHY, SPEED, PATH, HISTORY = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.states: list[HostState] = []
        self.history: dict[str, list[Observation]] = {}
        self.routes: dict[str, str] = {}
        self.headers = [
            self.tr("Host"),
            self.tr("State"),
            self.tr("Why"),
            self.tr("Speed now / usual"),
            self.tr("Path"),
            self.tr("History"),
        ]

    def rows(self) -> Sized:
        return self.states

    def set_states(
        self,
        states: list[HostState],
        history: dict[str, list[Observation]],
        routes: dict[str, str],
    ) -> None:
        """Show these hosts, each with its recent observations and the proxy its requests
        go through ("" for direct)."""
        self.beginResetModel()
        self.states, self.history, self.routes = states, history, routes
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        state = self.states[index.row()]
        column = index.column()
        if role == HISTORY_ROLE:
            return self.history.get(state.host, [])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return STATE_COLOURS[state.state]
        if role == Qt.ItemDataRole.ToolTipRole:
            return state.last_url or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.HOST:
            return state.host
        if column == self.STATE:
            return state_name(state.state)
        if column == self.WHY:
            return reason_text(state)
        if column == self.SPEED:
            return f"{rate(state.throughput)} / {rate(state.baseline)}"
        if column == self.PATH:
            proxy = self.routes.get(state.host, "")
            now = (
                self.tr("via proxy {0}").format(left_to_right(proxy))
                if proxy
                else self.tr("direct")
            )
            if state.path and state.path != ("proxy" if proxy else "direct"):
                went = self.tr("via the proxy") if state.path == "proxy" else self.tr("direct")
                return self.tr("{0} (the last transfer went {1})").format(now, went)
            return now
        return None
