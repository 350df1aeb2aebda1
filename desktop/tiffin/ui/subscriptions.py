"""Subscribing and refreshing: the Add dialog (also for an address dropped on the window or
handed over by the file manager), OPML in and out, and the refresh with its progress bar. Long
network work runs on the long-jobs pool; results come back as signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QWidget

from tiffin.config import Paths, Settings
from tiffin.fetch.articles import ArticleReport, pack_articles
from tiffin.fetch.refresh import RefreshReport, refresh_sources
from tiffin.fetch.subscribe import Subscription
from tiffin.library import queries
from tiffin.library.articles import FULL
from tiffin.library.store import Store
from tiffin.progress import CancelToken, Step
from tiffin.sources.opml import OpmlEntry, fetchable, read_opml, write_opml
from tiffin.textdir import left_to_right
from tiffin.ui import workers
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog

Progress = Callable[[Any], None]


class Subscriptions(QObject):
    """Adds, imports, exports and refreshes subscriptions for `window`."""

    message = Signal(str)
    failed = Signal(str)
    subscribed = Signal(int)  # the id of the source subscribed to (or already there)
    imported = Signal()
    refreshed = Signal(int)  # how many downloads the refresh queued

    def __init__(
        self,
        window: QWidget,
        store: Store,
        paths: Paths,
        settings: Callable[[], Settings],
        folders: Callable[[], list[str]],
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.paths = window, store, paths
        self.settings, self.folders = settings, folders
        self.worker: workers.Worker | None = None
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Refresh progress"))
        self.progress.hide()
        self.refresh_enabled: Callable[[bool], None] = lambda _on: None
        self.opening_box: QMessageBox | None = None

    # -- adding -------------------------------------------------------------------------------
    def make_add_dialog(self) -> AddSourceDialog:
        """A new add-subscription dialog wired to this window."""
        dialog = AddSourceDialog(
            self.store, self.paths, self.settings(), self.folders(), self.window
        )
        dialog.subscribed.connect(self.on_subscribed)
        return dialog

    def add(self, address: str = "") -> None:
        """Open the Add dialog, holding `address` if one is given."""
        dialog = self.make_add_dialog()
        if address:
            dialog.url_edit.setText(address)
        dialog.open()

    def open_given(self, target: str) -> None:
        """What the file manager handed to `tiffin`: an address opens the Add dialog with it,
        a file is offered for import as OPML."""
        if target.startswith(("http://", "https://")):
            self.add(target)
            return
        path = Path(target)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Import subscriptions?"), "", parent=self.window
        )
        box.setText(
            self.tr("Import the subscriptions listed in {0}?").format(left_to_right(path.name))
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda chosen: self.import_opml(path) if chosen is yes else None)
        self.opening_box = box
        box.open()

    def on_subscribed(self, result: Subscription) -> None:
        source = result.source
        if result.waiting:
            text = self.tr("Kept {0}; its host does not answer now").format(
                left_to_right(source.url)
            )
        elif result.created:
            text = self.tr("Subscribed to {0}: {1} items").format(
                source.title or source.url, source.total
            )
        else:
            text = self.tr("Already subscribed to {0}").format(left_to_right(source.url))
        self.message.emit(text)
        self.subscribed.emit(source.id)

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fetch every feed, then pack the full articles (unless a refresh is running)."""
        if self.worker is not None:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.refresh_enabled(False)
        self.message.emit(self.tr("Refreshing…"))
        settings = self.settings()

        def task(progress: Progress, cancel: CancelToken) -> tuple[RefreshReport, ArticleReport]:
            report = refresh_sources(
                self.store, self.paths, settings, progress=progress, cancel=cancel
            )
            progress(self.tr("Packing full articles…"))
            packed = pack_articles(
                self.store, self.paths, settings, progress=progress, cancel=cancel
            )
            return report, packed

        self.worker = workers.start(
            task, self.on_finished, self.on_failed, workers.long_jobs(), self.on_progressed
        )

    def on_progressed(self, step: Step | str) -> None:
        if isinstance(step, str):
            self.message.emit(step)
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        self.progress.setFormat(f"{step.done}/{step.total}")

    def _ended(self) -> None:
        self.worker = None
        self.progress.hide()
        self.refresh_enabled(True)

    def on_finished(self, reports: tuple[RefreshReport, ArticleReport]) -> None:
        self._ended()
        report, packed = reports
        text = self.tr("{0} new items from {1} sources").format(
            report.new_items, len(report.outcomes)
        )
        if report.failed:
            text += " · " + self.tr("{0} failed (shown in red)").format(len(report.failed))
        if packed.outcomes:
            text += " · " + self.tr("{0} full articles packed").format(packed.count(FULL))
        queued = sum(o.queued for o in report.outcomes)
        if queued:
            text += " · " + self.tr("{0} downloads queued").format(queued)
        self.message.emit(text)
        self.refreshed.emit(queued)

    def on_failed(self, message: str) -> None:
        self._ended()
        self.failed.emit(message)

    def stop(self) -> None:
        """Ask a running refresh to stop."""
        if self.worker is not None:
            self.worker.cancel.cancel()

    # -- OPML ---------------------------------------------------------------------------------
    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import OPML"),
            "",
            self.tr("OPML files (*.opml *.xml);;All files (*)"),
        )
        if name:
            self.import_opml(Path(name))

    def import_opml(self, path: Path) -> None:
        """Subscribe to every feed in the OPML file at `path`, then refresh."""

        def task(_p: Progress, _c: CancelToken) -> int:
            added = 0
            for entry in fetchable(read_opml(path))[0]:
                _, created = queries.add_source(
                    self.store, entry.url, entry.title, entry.site_url, entry.folder
                )
                added += created
            return added

        def done(added: int) -> None:
            self.message.emit(self.tr("Imported {0} subscriptions").format(added))
            self.imported.emit()
            if added:
                self.refresh()

        workers.start(task, done, self.failed.emit)

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export OPML"), "tiffin.opml", self.tr("OPML files (*.opml)")
        )
        if name:
            self.export_opml(Path(name))

    def export_opml(self, path: Path) -> None:
        """Write every subscription to `path` as OPML."""

        def task(_p: Progress, _c: CancelToken) -> int:
            sources = queries.list_sources(self.store)
            write_opml(path, [OpmlEntry(s.url, s.title, s.site_url, s.folder) for s in sources])
            return len(sources)

        workers.start(
            task,
            lambda n: self.message.emit(
                self.tr("Exported {0} subscriptions to {1}").format(n, left_to_right(str(path)))
            ),
            self.failed.emit,
        )
