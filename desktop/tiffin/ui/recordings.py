"""The live recordings the window runs: each a long worker following its stream until it ends,
started by hand, by the sources' rules, or again after a quit or crash; what each is doing
comes back as words for its row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import Download
from tiffin.library.rules import LiveEntry, live_to_record
from tiffin.library.store import Store
from tiffin.live.record import LiveProgress, record
from tiffin.progress import CancelToken
from tiffin.ui import workers
from tiffin.ui.models.units import human_time


class Recordings(QObject):
    """Runs recordings; `noted(download id, words)` says what one is doing, `changed` asks for
    the queue to be read again, `said` is for the status line."""

    noted = Signal(int, str)
    changed = Signal()
    said = Signal(str)
    failed = Signal(str)
    notable = Signal(str, str)  # a title and a message worth a desktop notification
    watchable = Signal()  # a recording has something to play now

    def __init__(
        self, store: Store, paths: Paths, settings: Callable[[], Settings], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.store, self.paths, self.settings = store, paths, settings
        self.running: dict[str, workers.Worker] = {}  # by address
        self.recorded: dict[int, int] = {}  # segments on disk, per running recording
        self.announced: set[int] = set()  # recordings whose start was notified

    def has_picture(self, entry: Download) -> bool:
        """Whether `entry` is being recorded and has segments to play already."""
        return entry.url in self.running and self.recorded.get(entry.id, 0) > 0

    def resume(self) -> None:
        """Start again the recordings a quit or a crash interrupted (read in a worker)."""

        def restart(entries: list[Download]) -> None:
            for entry in entries:
                self.record(entry.url, entry.quality)

        workers.start(
            lambda _p, _c: downloads.interrupted_recordings(self.store), restart, self.failed.emit
        )

    def record_subscribed(self) -> None:
        """Record the live and upcoming entries that their sources' rules want recorded."""

        def start(entries: list[LiveEntry]) -> None:
            for entry in entries:
                self.record(entry.url, entry.quality, item_id=entry.item_id)

        workers.start(lambda _p, _c: live_to_record(self.store), start, self.failed.emit)

    def record(
        self, url: str, quality: str = "", from_start: bool = True, item_id: int | None = None
    ) -> None:
        """Record the stream at `url` in a long worker until it ends; `stop` ends it (what was
        recorded is kept, and recording the same address again continues)."""
        if url in self.running:
            return

        def task(progress: Callable[[Any], None], cancel: CancelToken) -> Download:
            return record(
                self.store,
                self.paths,
                self.settings(),
                url,
                quality=quality,
                from_start=from_start,
                item_id=item_id,
                on_progress=progress,
                cancel=cancel,
            )

        def ended(result: object) -> None:
            self.running.pop(url, None)
            self.recorded.clear()
            self.changed.emit()
            if isinstance(result, Download):
                self.said.emit(self.tr("Recorded {0}").format(result.title))
                self.notable.emit(self.tr("Recording ended"), result.title or url)

        def failed(message: str) -> None:
            self.running.pop(url, None)
            self.recorded.clear()
            self.said.emit(message)
            self.changed.emit()

        self.running[url] = workers.start(
            task, ended, failed, workers.long_jobs(), self.on_progress
        )
        self.said.emit(self.tr("Looking up the stream…"))
        self.changed.emit()

    def stop(self, url: str) -> None:
        """End the recording of `url` (kept; recording it again continues)."""
        if url in self.running:
            self.running[url].cancel.cancel()

    def stop_all(self) -> None:
        """End every recording (what they recorded is kept)."""
        for worker in self.running.values():
            worker.cancel.cancel()

    def on_progress(self, update: LiveProgress) -> None:
        if update.state == "waiting":
            if update.starts_in is not None and update.starts_in > 0:
                row = self.tr("Starts in {0}").format(human_time(update.starts_in))
            else:
                row = self.tr("Waiting for the stream to begin")
        else:
            done = update.recording
            row = self.tr("Recording")
            if update.download_id not in self.announced:
                self.announced.add(update.download_id)
                self.notable.emit(self.tr("Recording started"), update.title)
            if update.timeshift and done and not self.recorded.get(update.download_id):
                self.recorded[update.download_id] = done.segments
                self.watchable.emit()
            if done is not None:
                row += self.tr(": {0}, {1} gaps").format(human_time(done.seconds), done.gaps)
                if done.state == "paused":
                    row += self.tr(" (the stream is not answering; still following it)")
        self.noted.emit(update.download_id, row)
        self.said.emit(f"{update.title}: {row}")
