"""The connectivity panel: each host's line state, why, its speed against its usual, the path
it takes, and a small history graph; "Probe now" asks every known host once."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Settings
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.net.line import BLOCK_SIGNS, OK, SLOW_SIGNS, HostState, LineState, Observation, judge
from tiffin.net.line import overall as overall_state
from tiffin.net.line_history import observations
from tiffin.net.probe import probe_known_hosts
from tiffin.progress import CancelToken
from tiffin.ui import workers
from tiffin.ui.line_chart import LineChart
from tiffin.ui.models.line_model import HISTORY_ROLE, STATE_COLOURS, UNKNOWN, LineModel
from tiffin.ui.models.line_reasons import state_name
from tiffin.ui.placeholder import PlaceholderTableView, say_when_empty

HISTORY_BARS = 30
RELOAD_MS = 60_000
_Seen = tuple[list[Observation], dict[str, str]]  # the history, and each host's proxy ("")


def _seen(store: Store) -> _Seen:
    history = observations(store)
    rules = governor.current()
    return history, {host: rules.proxy_shown(host) for host in {o.host for o in history}}


class HistoryDelegate(QStyledItemDelegate):
    """Draws a host's latest observations as bars: height is throughput against the host's
    best, colour says how it went (green answered, orange stalled, red blocked, grey error)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        history: list[Observation] = index.data(HISTORY_ROLE) or []
        recent = history[-HISTORY_BARS:]
        if not recent:
            return
        speeds = [o.throughput or 0.0 for o in recent]
        best = max(speeds) or 1.0
        area = QRectF(option.rect).adjusted(2, 3, -2, -3)
        width = area.width() / HISTORY_BARS
        painter.save()
        for n, (observation, speed) in enumerate(zip(recent, speeds, strict=True)):
            if observation.kind == OK:
                colour, share = STATE_COLOURS[LineState.GOOD], max(0.15, speed / best)
            elif observation.kind in SLOW_SIGNS:
                colour, share = STATE_COLOURS[LineState.THROTTLED], 0.5
            elif observation.kind in BLOCK_SIGNS:
                colour, share = STATE_COLOURS[LineState.BLOCKED], 1.0
            else:
                colour, share = QColor("#9e9e9e"), 0.3
            height = area.height() * share
            bar = QRectF(area.left() + n * width, area.bottom() - height, width * 0.8, height)
            painter.fillRect(bar, colour)
        painter.restore()


class LinePanel(QWidget):
    """See the module docstring. Emits `overall_changed(state, summary)` after each reload."""

    overall_changed = Signal(str, str)

    def __init__(self, store: Store, settings: Settings) -> None:
        super().__init__()
        self.store, self.settings = store, settings
        self.model = LineModel(self)
        self.latest = workers.Latest(self._failed)
        self.table = PlaceholderTableView()
        say_when_empty(
            self.table,
            self.tr(
                "No host contacted yet. Each host's line shows here after the first refresh "
                "(F5) or download."
            ),
        )
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(LineModel.HISTORY, HistoryDelegate(self.table))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Line state per host"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LineModel.WHY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LineModel.HISTORY, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(LineModel.HISTORY, 6 * HISTORY_BARS)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Overall line state"))
        self.probe_button = QPushButton(self.tr("&Probe now"))
        self.probe_button.setToolTip(self.tr("Ask every known host once, now"))
        self.probe_button.clicked.connect(self.probe_now)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.probe_button)
        layout = QVBoxLayout(self)
        self.chart = LineChart()
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.chart.set_chosen(
                self.model.states[current.row()].host if current.isValid() else ""
            )
        )
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(self.table)
        parts.addWidget(self.chart)
        parts.setSizes([300, 220])
        layout.addLayout(top)
        layout.addWidget(parts, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(RELOAD_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()

    def reload(self) -> None:
        """Judge the stored history again, off the GUI thread."""

        def load(_progress: object, _cancel: CancelToken) -> _Seen:
            return _seen(self.store)

        self.latest.run("line", load, self._show)  # an older read must not undo a newer one

    def probe_now(self) -> None:
        """Probe every known host (feeds first), store what it showed, and show it."""
        self.probe_button.setEnabled(False)
        self.summary.setText(self.tr("Probing…"))

        def run(_progress: object, _cancel: CancelToken) -> _Seen:
            probe_known_hosts(self.store, self.settings)
            return _seen(self.store)

        def done(seen: _Seen) -> None:
            self.probe_button.setEnabled(True)
            self._show(seen)

        def failed(message: str) -> None:
            self.probe_button.setEnabled(True)
            self._failed(message)

        workers.start(run, done, failed, workers.long_jobs())

    def _show(self, seen: _Seen) -> None:
        history, routes = seen
        states = judge(history)
        per_host: dict[str, list[Observation]] = {}
        for observation in history:
            per_host.setdefault(observation.host, []).append(observation)
        self.model.set_states(states, per_host, routes)
        self.chart.set_history(per_host)
        state, summary = self._summarise(states)
        self.summary.setText(summary)
        self.overall_changed.emit(state, summary)

    def _summarise(self, states: list[HostState]) -> tuple[str, str]:
        if not states:
            return UNKNOWN, self.tr("Line not known yet: refresh, or probe now.")
        state = overall_state(states)
        counts = {s: sum(1 for h in states if h.state == s) for s in LineState}
        parts = [
            self.tr("{0} good").format(counts[LineState.GOOD]),
            self.tr("{0} throttled").format(counts[LineState.THROTTLED]),
            self.tr("{0} blocked").format(counts[LineState.BLOCKED]),
        ]
        if state == LineState.OFFLINE:
            return state.value, self.tr("Offline: nothing answers.")
        return state.value, self.tr("Line: {0} ({1})").format(state_name(state), ", ".join(parts))

    def _failed(self, message: str) -> None:
        self.summary.setText(self.tr("Could not read the line history: {0}").format(message))
