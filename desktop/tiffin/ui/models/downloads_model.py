"""The download queue as a table: title, status (with what a queued one waits for), progress,
speed, time left, and its host's line."""

from __future__ import annotations

from collections.abc import Sized

import httpx
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from tiffin.library.downloads import Download, Heal, Status
from tiffin.media.download import DownloadProgress
from tiffin.media.waits import Cause, Wait
from tiffin.net.line import HostState
from tiffin.textdir import isolated, left_to_right
from tiffin.ui.models.line_model import STATE_COLOURS, UNKNOWN_COLOUR
from tiffin.ui.models.line_reasons import reason_text, state_name
from tiffin.ui.models.recording_state import RecordingWords
from tiffin.ui.models.table_model import HeaderedTableModel
from tiffin.ui.models.units import human_size, human_time

FRACTION_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


SHORT_ERROR = 60  # characters of an error in the status column; the tooltip has all of it


def short_error(error: str) -> str:
    """The start of an error, to its first sentence or SHORT_ERROR characters."""
    first = error.split(". ", 1)[0]
    return first if len(first) <= SHORT_ERROR else first[: SHORT_ERROR - 1].rstrip() + "…"


class DownloadsModel(HeaderedTableModel):
    """Rows are library entries in queue order; live progress of running ones is laid over."""

    TITLE, STATUS, PROGRESS, SPEED, LEFT, LINE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Download] = []
        self.live: dict[int, DownloadProgress] = {}
        self.notes: dict[int, str] = {}  # what a running recording says (countdown, progress)
        self.waits: dict[int, Wait] = {}  # what each queued entry waits for
        self.lines: dict[str, HostState] = {}  # each host's line, by host
        self.headers = [
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Speed"),
            self.tr("Time left"),
            self.tr("Line"),
        ]
        self.status_names = {
            Status.QUEUED: self.tr("Queued"),
            Status.DOWNLOADING: self.tr("Downloading"),
            Status.PAUSED: self.tr("Paused"),
            Status.DONE: self.tr("Done"),
            Status.FAILED: self.tr("Failed"),
            Status.CANCELLED: self.tr("Cancelled"),
        }
        self.phase_names = {
            "resolving": self.tr("Looking up"),
            "merging": self.tr("Merging"),
            "verifying": self.tr("Checking"),
            "extras": self.tr("Subtitles"),
            "healing": self.tr("Healing from the replay"),
        }
        self.recording_words = RecordingWords(self)

    def rows(self) -> Sized:
        return self.entries

    def set_entries(
        self,
        entries: list[Download],
        waits: dict[int, Wait] | None = None,
        lines: dict[str, HostState] | None = None,
    ) -> None:
        """Show these entries, what the queued ones wait for and their hosts' lines; live
        progress is kept only for those still downloading."""
        self.beginResetModel()
        self.entries = entries
        self.waits = waits or {}
        self.lines = lines or {}
        running = {e.id for e in entries if _running(e)}
        self.live = {k: v for k, v in self.live.items() if k in running}
        self.notes = {k: v for k, v in self.notes.items() if k in running}
        self.endResetModel()

    def update_progress(self, progress: DownloadProgress) -> None:
        """Lay a running download's latest progress over its row."""
        self.live[progress.download_id] = progress
        for row, entry in enumerate(self.entries):
            if entry.id == progress.download_id:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
                return

    def set_note(self, download_id: int, text: str) -> None:
        """Show `text` as the status of a running recording (its countdown or progress)."""
        self.notes[download_id] = text
        for row, entry in enumerate(self.entries):
            if entry.id == download_id:
                index = self.index(row, self.STATUS)
                self.dataChanged.emit(index, index)
                return

    def entry(self, row: int) -> Download:
        """The entry shown at `row`."""
        return self.entries[row]

    def _fraction(self, entry: Download) -> float | None:
        live = self.live.get(entry.id)
        done, total = (live.done, live.total) if live else (entry.bytes_done, entry.bytes_total)
        if entry.status == Status.DONE and not (live and entry.heal == Heal.HEALING):
            return 1.0
        return min(1.0, done / total) if total else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        live = self.live.get(entry.id) if _running(entry) else None
        column = index.column()
        if role == FRACTION_ROLE and column == self.PROGRESS:
            return self._fraction(entry)
        if column == self.LINE and role != Qt.ItemDataRole.DisplayRole:
            return self._line_data(entry, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            wait = self.waits.get(entry.id) if entry.status == Status.QUEUED else None
            recording = self.recording_words.words(entry)
            parts = [
                self.wait_words(wait) if wait else "",
                entry.error or "",
                recording,
                entry.heal_note or "",
                entry.url,
            ]
            return "\n".join(part for part in parts if part)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.TITLE:
            return (live.title if live and live.title else entry.title) or entry.url
        if column == self.STATUS:
            if entry.status == Status.DOWNLOADING and entry.id in self.notes:
                return self.notes[entry.id]
            if live and live.phase in self.phase_names:
                return self.phase_names[live.phase]
            name = self.status_names[entry.status]
            wait = self.waits.get(entry.id) if entry.status == Status.QUEUED else None
            if wait is not None:
                return f"{name} · {self.wait_words(wait)}"
            recording = self.recording_words.words(entry)
            if recording:
                return f"{name} · {recording}"
            return f"{name}: {short_error(entry.error)}" if entry.error else name
        if column == self.PROGRESS and live and live.phase == "healing":
            # A heal counts seconds of the stream recorded again, not bytes.
            return left_to_right(f"{human_time(live.done)} / {human_time(live.total or 0)}")
        if column == self.PROGRESS:
            done = live.done if live else entry.bytes_done
            total = live.total if live else entry.bytes_total
            text = f"{human_size(done)} / {human_size(total)}" if total else ""
            if not total:
                text = human_size(done) if done else ""
            # The view shows speed and time left inside the bar, to fit a laptop's width
            running = [self.data(self.index(index.row(), c)) for c in (self.SPEED, self.LEFT)]
            joined = " · ".join(str(part) for part in (text, *running) if part)
            return left_to_right(joined) if joined else ""
        if column == self.SPEED:
            return f"{human_size(live.speed)}/s" if live and live.speed else ""
        if column == self.LEFT:
            return human_time(live.eta) if live and live.eta is not None else ""
        if column == self.LINE:
            host = httpx.URL(entry.url).host
            state = self.lines.get(host)
            return state_name(state.state if state else None)
        return None

    def _line_data(self, entry: Download, role: int) -> object:
        state = self.lines.get(httpx.URL(entry.url).host)
        if role == Qt.ItemDataRole.DecorationRole:
            return STATE_COLOURS[state.state] if state else UNKNOWN_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            host = left_to_right(httpx.URL(entry.url).host)
            why = reason_text(state) if state else self.tr("No transfer from this host yet")
            return f"{host}: {why}"
        return None

    def wait_words(self, wait: Wait) -> str:
        """What a queued entry waits for, in a few words."""
        if wait.cause == Cause.WINDOW:
            return self.tr("waits for its window")
        if wait.cause == Cause.BUDGET:
            return self.tr("the budget is spent")
        if wait.cause == Cause.LAST_TRY_FAILED:
            return self.tr("tried again later")
        if wait.cause == Cause.CHOKED:
            return self.tr("its host is choked; good hosts first")
        if wait.cause == Cause.EVENT_FIRST:
            return self.tr("after the downloads for {0}").format(isolated(wait.event))
        if wait.ahead == 0:
            return self.tr("next")
        return self.tr("{0} before it").format(wait.ahead)


def _running(entry: Download) -> bool:
    """Downloading, or a recording being healed (its file stays done meanwhile)."""
    return entry.status == Status.DOWNLOADING or entry.heal == Heal.HEALING
