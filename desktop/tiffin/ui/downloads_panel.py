"""The download queue in the window: add an address, watch progress, speed and time left,
pause, resume, cancel, retry, reorder, and play what is done.

The queue runs as one long worker (the core DownloadQueue, each download in its own child
process); its events come back as signals. A full disk stops it with the reason shown, and a
failing line leaves entries waiting; either way it tries again every minute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.library import downloads, events
from tiffin.library.downloads import Download, Status
from tiffin.library.events import Event
from tiffin.library.store import Store
from tiffin.live.heal import heal
from tiffin.live.record import timeshift_path
from tiffin.media.download import QUALITIES
from tiffin.media.queue import DownloadQueue, QueueEvent, QueueSummary
from tiffin.media.waits import Wait, why_waiting
from tiffin.net.line import HostState
from tiffin.net.line_history import line_states
from tiffin.progress import CancelToken
from tiffin.textdir import left_to_right
from tiffin.ui import workers
from tiffin.ui.address_field import address_field
from tiffin.ui.downloads_menu import show_menu
from tiffin.ui.models.downloads_model import DownloadsModel
from tiffin.ui.placeholder import PlaceholderTableView, say_when_empty
from tiffin.ui.progress_delegate import ProgressDelegate
from tiffin.ui.recordings import Recordings
from tiffin.ui.swarm_table import SwarmTable

RETRY_MS = 60_000
Listing = tuple[list[Download], dict[int, Wait], dict[str, HostState]]


class DownloadsPanel(QWidget):
    """See the module docstring; `play_requested` carries a finished entry to play."""

    play_requested = Signal(object)
    message = Signal(str)
    notable = Signal(str, str)  # a title and a message worth a desktop notification
    queue_changed = Signal(int, int, int)  # downloading, queued, recording
    queue_finished = Signal()
    tagged = Signal()  # a download's event changed
    moving = Signal(object)  # a dict: the running downloads' (done, size, bytes/s) by id

    def __init__(
        self, store: Store, paths: Paths, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.latest = workers.Latest(self.message.emit)  # the newest read of the queue wins
        self.store, self.paths, self.settings = store, paths, settings
        self.queue = DownloadQueue(store, paths, settings, healer=heal)

        self.runner: workers.Worker | None = None
        self.rerun = False

        self.url_box = address_field()
        self.url_box.setPlaceholderText(self.tr("Video or audio address to download"))
        self.url_box.setAccessibleName(self.tr("Address to download"))
        self.quality = QComboBox()
        self.quality.setAccessibleName(self.tr("Quality"))
        labels = {"": self.tr("Best"), "audio": self.tr("Audio only")}
        for value in QUALITIES:
            self.quality.addItem(labels.get(value, f"{value}p"), value)
        self.add_button = QPushButton(self.tr("Download"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.record_button = QPushButton(self.tr("Record live"))
        self.record_button.setToolTip(
            self.tr("Record a live or upcoming stream until it ends (waits for it to start)")
        )
        self.record_button.clicked.connect(self.on_record_clicked)
        self.url_box.returnPressed.connect(self.on_add_clicked)

        self.model = DownloadsModel(self)
        self.table = PlaceholderTableView()
        say_when_empty(
            self.table,
            self.tr(
                "Nothing queued. Download a video or audio by its address (Ctrl+Shift+D), "
                "or press D on an item that has one."
            ),
        )
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Download queue"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(DownloadsModel.PROGRESS, ProgressDelegate(self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DownloadsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The status is a few words (the whole reason is its tooltip): it never runs off the edge
        self.table.setColumnWidth(DownloadsModel.STATUS, 190)
        self.table.setColumnWidth(DownloadsModel.PROGRESS, 230)
        self.table.setColumnWidth(DownloadsModel.LINE, 100)
        for column in (DownloadsModel.SPEED, DownloadsModel.LEFT):  # shown inside the bar
            self.table.setColumnHidden(column, True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(partial(show_menu, self))
        self.events_of: Callable[[], list[Event]] = list  # the window gives its events
        self.table.doubleClicked.connect(lambda _index: self.on_play_clicked())

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot, key in (
            ("play", self.tr("Play"), self.on_play_clicked, "Return"),
            ("pause", self.tr("Pause"), self.on_pause_clicked, "P"),
            ("resume", self.tr("Resume"), self.on_resume_clicked, "R"),
            ("cancel", self.tr("Cancel"), self.on_cancel_clicked, "Delete"),
            ("retry", self.tr("Retry"), self.on_resume_clicked, "Ctrl+R"),
            ("up", self.tr("Move up"), lambda: self.on_move_clicked(-1), "Ctrl+Up"),
            ("down", self.tr("Move down"), lambda: self.on_move_clicked(1), "Ctrl+Down"),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.url_box, 1)
        top.addWidget(self.quality)
        top.addWidget(self.add_button)
        top.addWidget(self.record_button)
        self.swarm_table = SwarmTable()  # bundles fetched or seeded through the swarm
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.swarm_table)
        layout.addLayout(row)
        layout.addWidget(self.status)

        self.live = Recordings(store, paths, lambda: self.settings, self)
        self.live.noted.connect(self.on_noted)
        self.live.changed.connect(self.reload)
        self.live.said.connect(self.status.setText)
        self.live.failed.connect(self.message.emit)
        self.live.notable.connect(self.notable.emit)
        self.live.watchable.connect(self.update_buttons)

        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.start_queue)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.update_buttons()
        self.reload()

    def use_settings(self, settings: Settings) -> None:
        """Downloads started from now on follow `settings`."""
        self.settings = settings
        self.queue.settings = settings

    # -- reading ------------------------------------------------------------------------------
    def _write(self, task: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        workers.start(
            lambda _p, _c: task(),
            then or (lambda _r: self.reload()),
            self.message.emit,
            workers.writes(),
        )

    def reload(self) -> None:
        """Re-read the queue from the library (in a worker), with what each queued entry waits
        for and each host's line, and show it, keeping the selection."""

        def task(_p: object, _c: CancelToken) -> Listing:
            entries = downloads.list_downloads(self.store)
            states = line_states(self.store)  # judged once, for the waits and the Line column
            waits = why_waiting(self.store, self.settings, states=states)
            return entries, waits, {state.host: state for state in states}

        def done(listing: Listing) -> None:
            entries = listing[0]
            current = self.selected()
            self.model.set_entries(*listing)
            running = sum(1 for e in entries if e.status == Status.DOWNLOADING and not e.live)
            queued = sum(1 for e in entries if e.status == Status.QUEUED)
            self.queue_changed.emit(running, queued, len(self.live.running))
            if current is not None:
                for row, entry in enumerate(entries):
                    if entry.id == current.id:
                        self.table.selectRow(row)
            self.update_buttons()

        self.latest.run("queue", task, done)

    def selected(self) -> Download | None:
        """The entry of the selected row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.entry(index.row())

    def update_buttons(self) -> None:
        entry = self.selected()
        status = entry.status if entry else None
        recording = entry is not None and self.live.has_picture(entry)
        enabled = {
            "play": status == Status.DONE or recording,
            "pause": status in (Status.QUEUED, Status.DOWNLOADING),
            "resume": status == Status.PAUSED,
            "cancel": status in (Status.QUEUED, Status.DOWNLOADING, Status.PAUSED),
            "retry": status in (Status.FAILED, Status.CANCELLED),
            "up": entry is not None and self.table.currentIndex().row() > 0,
            "down": entry is not None
            and self.table.currentIndex().row() < self.model.rowCount() - 1,
        }
        for name, button in self.buttons.items():
            button.setEnabled(enabled[name])

    # -- the queue ----------------------------------------------------------------------------
    def start_queue(self) -> None:
        """Run the queue (in a long worker) unless it runs already; then it runs once more."""
        if self.runner is not None:
            self.rerun = True
            return
        self.retry_timer.stop()

        def task(progress: Callable[[Any], None], cancel: CancelToken) -> QueueSummary:
            return self.queue.run(progress, cancel)

        self.runner = workers.start(
            task, self.on_queue_finished, self.on_queue_failed, workers.long_jobs(), self.on_event
        )

    def stop_queue(self) -> None:
        """Stop every running download and recording (what they fetched is kept)."""
        if self.runner is not None:
            self.runner.cancel.cancel()
        self.live.stop_all()

    def on_event(self, event: QueueEvent) -> None:
        if event.progress is not None:
            self.model.update_progress(event.progress)
            moving = {
                n: (p.done, p.total, p.speed)
                for n, p in self.model.live.items()
                if p.phase != "healing"  # counted in seconds, not bytes
            }
            self.moving.emit(moving)
        else:
            self.reload()

    def on_queue_finished(self, summary: QueueSummary) -> None:
        self.runner = None
        self.moving.emit({})
        self.reload()
        if summary.disk_full or summary.held:
            reason = summary.disk_full or summary.held
            self.status.setText(self.tr("{0}. Trying again in a minute.").format(reason))
            self.retry_timer.start()
        elif summary.waiting:
            waiting = len(summary.waiting)
            self.status.setText(
                self.tr("{0} downloads wait for a better line; trying again in a minute").format(
                    waiting
                )
            )
            self.retry_timer.start()
        elif summary.failed:
            self.status.setText(self.tr("{0} downloads failed").format(len(summary.failed)))
        elif summary.done:
            self.status.setText(self.tr("{0} downloads finished").format(len(summary.done)))
        elif summary.healed:
            healed = self.tr("{0} recordings healed from their replays")
            self.status.setText(healed.format(len(summary.healed)))
        self.queue_finished.emit()
        if self.rerun:
            self.rerun = False
            self.start_queue()

    def on_queue_failed(self, message: str) -> None:
        self.runner = None
        self.status.setText(message)
        self.message.emit(message)

    # -- buttons ------------------------------------------------------------------------------
    def add(
        self, url: str, quality: str = "", item_id: int | None = None, event: str | None = None
    ) -> None:
        """Queue `url` (for the item `item_id`, and tagged for `event`, if given) and start
        the queue."""

        def task() -> Download:
            entry = downloads.enqueue(self.store, url, quality, item_id=item_id)
            if event is not None:
                events.tag(self.store, event, download_ids=[entry.id])
            return entry

        def done(_entry: Download) -> None:
            self.status.setText(self.tr("Queued {0}").format(left_to_right(url)))
            self.reload()
            self.start_queue()
            if event is not None:
                self.tagged.emit()

        self._write(task, done)

    def tag_for_event(self, entry: Download, name: str | None) -> None:
        """Tag a download for the event `name` (None: for none); its deadline then orders it."""

        def done(_result: object) -> None:
            self.reload()
            self.tagged.emit()

        self._write(lambda: events.tag(self.store, name, download_ids=[entry.id]), done)

    def on_add_clicked(self) -> None:
        url = self.url_box.text().strip()
        if not url.startswith(("http://", "https://")):
            self.status.setText(self.tr("Enter an address that starts with http:// or https://"))
            return
        self.url_box.clear()
        self.add(url, str(self.quality.currentData()))

    def on_record_clicked(self) -> None:
        url = self.url_box.text().strip()
        if not url.startswith(("http://", "https://")):
            self.status.setText(self.tr("Enter an address that starts with http:// or https://"))
            return
        self.url_box.clear()
        self.live.record(url, str(self.quality.currentData()))

    def on_noted(self, download_id: int, words: str) -> None:
        shown = next((e for e in self.model.entries if e.id == download_id), None)
        if shown is None or shown.status != Status.DOWNLOADING:
            self.reload()  # the entry was just made, or read before the recording began
        self.model.set_note(download_id, words)

    def on_play_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.status == Status.DONE:
            self.play_requested.emit(entry)
        elif entry is not None and entry.url in self.live.running:
            # Timeshift: play what is recorded so far; the playlist grows as the stream goes on.
            self.play_requested.emit(replace(entry, path=timeshift_path(entry.id)))

    def on_pause_clicked(self) -> None:
        entry = self.selected()
        if entry is not None and entry.url in self.live.running:
            self.live.stop(entry.url)  # kept; recording again continues
        elif entry is not None:
            self._write(lambda: self.queue.pause(entry.id))

    def on_resume_clicked(self) -> None:
        entry = self.selected()
        if entry is None:
            return

        def then(_result: object) -> None:
            self.reload()
            self.start_queue()

        self._write(lambda: downloads.set_status(self.store, entry.id, Status.QUEUED), then)

    def on_cancel_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._write(lambda: self.queue.cancel(entry.id))

    def on_move_clicked(self, step: int) -> None:
        entry = self.selected()
        if entry is None:
            return
        row = self.table.currentIndex().row()
        entries = self.model.entries
        if step < 0 and row > 0:
            before: int | None = entries[row - 1].id
        elif step > 0 and row < len(entries) - 1:
            before = entries[row + 2].id if row + 2 < len(entries) else None
        else:
            return
        self._write(lambda: downloads.move_to(self.store, entry.id, before))
