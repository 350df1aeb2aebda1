"""The main window: it assembles the views (sources, items and search, the reader, events,
player, downloads, line) and the status bar, and wires what one view does to the others."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.library import queries
from tiffin.library.downloads import Download
from tiffin.library.events import Event
from tiffin.library.models import Source
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.net import governor
from tiffin.net.line import LineState
from tiffin.net.proxy import save_password
from tiffin.progress import CancelToken
from tiffin.schedule.event_plan import EventPlan
from tiffin.textdir import isolated, left_to_right
from tiffin.ui import workers
from tiffin.ui.dialogs.settings_dialog import SettingsDialog
from tiffin.ui.downloads_panel import DownloadsPanel
from tiffin.ui.drops import DropTarget
from tiffin.ui.events_view import EventsView
from tiffin.ui.item_view import ItemView
from tiffin.ui.items_pane import ItemsPane
from tiffin.ui.line_panel import LinePanel
from tiffin.ui.message_bar import MessageBar
from tiffin.ui.models.line_model import STATE_COLOURS, UNKNOWN_COLOUR
from tiffin.ui.player import PlayerWidget
from tiffin.ui.share_menu import ShareMenu
from tiffin.ui.shortcuts_dialog import ShortcutsDialog
from tiffin.ui.sources_pane import SourcesPane
from tiffin.ui.subscriptions import Subscriptions
from tiffin.ui.tray import Tray
from tiffin.ui.watch_view import WatchView
from tiffin.ui.when import countdown
from tiffin.ui.window_menus import WindowMenus

Progress = Callable[[Any], None]


class MainWindow(QMainWindow):
    """Tiffin's window. Every library read and network call runs in a worker; slots only update
    widgets with what the workers send back."""

    # made by WindowMenus
    add_action: QAction
    refresh_action: QAction
    import_action: QAction
    export_action: QAction
    settings_action: QAction
    toggle_read_action: QAction
    mark_all_action: QAction
    undo_action: QAction
    redo_action: QAction
    shortcuts_action: QAction
    download_action: QAction
    download_item_action: QAction
    sharing: ShareMenu

    def __init__(
        self, store: Store, paths: Paths, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        workers.collect_garbage_on_gui_thread()
        self.store, self.paths, self.settings = store, paths, settings
        self.events: list[Event] = []
        self._queue_counts: tuple[int, ...] = ()
        self.setWindowTitle(self.tr("Tiffin"))
        self.resize(1366, 768)
        self.undo_stack = QUndoStack(self)

        self.sources_pane = SourcesPane(store)
        self.source_model, self.source_tree = self.sources_pane.model, self.sources_pane.tree
        self.item_view = ItemView()
        self.items = ItemsPane(
            store, paths, self.item_view, self.undo_stack, self.sources_pane.title_of
        )
        self.item_model, self.item_list = self.items.model, self.items.list
        self.search_model, self.search_list = self.items.search_model, self.items.search_list
        self.search_box, self.lists = self.items.search_box, self.items
        self.subscriptions = Subscriptions(
            self, store, paths, lambda: self.settings, self.sources_pane.folders
        )
        self.player = PlayerWidget(store, media_dir(paths))
        self.watch = WatchView(store, media_dir(paths))
        self.downloads = DownloadsPanel(store, paths, settings)
        self.line = LinePanel(store, settings)
        self.events_view = EventsView(store, paths, settings, self.undo_stack)
        self.pane = QTabWidget()
        self.pane.setAccessibleName(self.tr("Reader, events, watch, player, downloads and line"))
        self.pane.addTab(self.item_view, self.tr("Reader"))
        self.pane.addTab(self.events_view, self.tr("Events"))
        self.pane.addTab(self.watch, self.tr("Watch"))
        self.pane.addTab(self.player, self.tr("Player"))
        self.pane.addTab(self.downloads, self.tr("Downloads"))
        self.pane.addTab(self.line, self.tr("Line"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.sources_pane, self.items, self.pane):
            splitter.addWidget(widget)
        splitter.setSizes([250, 400, 716])
        splitter.setStretchFactor(2, 1)
        self.message_bar = MessageBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.progress = self.subscriptions.progress
        self.line_label = QLabel()
        self.line_label.setAccessibleName(self.tr("Line state"))
        self.event_label = QLabel()
        self.event_label.setAccessibleName(self.tr("Next event"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.event_label)
        self.statusBar().addPermanentWidget(self.line_label)
        self.event_timer = QTimer(self)
        self.event_timer.setInterval(30_000)
        self.event_timer.timeout.connect(self.show_next_event)
        self.event_timer.start()

        WindowMenus(self).build(self)
        self.tray = Tray(self, self.windowIcon(), self.status_label.setText)
        self.setAcceptDrops(True)
        self.drops = DropTarget(self.subscriptions.add, self.subscriptions.import_opml, self)
        self.installEventFilter(self.drops)
        self._connect()
        self.reload_sources()
        self.sources_pane.load_icons()
        self.reload_events()
        self.line.reload()
        self.watch.reload()
        self.downloads.start_queue()  # downloads a quit or a crash interrupted carry on
        self.downloads.live.resume()
        self.downloads.live.record_subscribed()

    def _connect(self) -> None:
        for view in (self.sources_pane, self.items, self.subscriptions, self.events_view):
            view.message.connect(self.status_label.setText)
        for view in (self.sources_pane, self.items, self.subscriptions):
            view.failed.connect(self.on_task_failed)
        self.sources_pane.busy = self.progress.isVisible
        self.sources_pane.settings = lambda: self.settings
        self.sources_pane.chosen.connect(self.items.load)
        self.sources_pane.queued.connect(self.fetch_queued)
        self.sources_pane.tagged.connect(self.reload_events)
        self.items.read_changed.connect(lambda: self.reload_sources(with_items=False))
        self.item_view.link_activated.connect(self.on_link_activated)
        self.subscriptions.subscribed.connect(self.on_subscribed)
        self.subscriptions.imported.connect(self.reload_sources)
        self.subscriptions.refreshed.connect(self.on_refreshed)
        self.subscriptions.refresh_enabled = self.refresh_action.setEnabled
        self.downloads.play_requested.connect(self.play)
        self.watch.play_requested.connect(self.play)
        self.items.download_requested.connect(self.download_item)
        self.downloads.tagged.connect(self.reload_events)
        self.items.events_of = self.downloads.events_of = lambda: self.events
        self.watch.failed.connect(self.on_task_failed)
        self.player.ended.connect(self.play_next)
        self.player.played.connect(lambda _entry: self.watch.reload())
        self.downloads.queue_finished.connect(self.watch.reload)
        self.downloads.live.changed.connect(self.watch.reload)  # a recording began or ended
        self.downloads.message.connect(self.status_label.setText)
        self.downloads.notable.connect(self.tray.notify)
        self.downloads.queue_changed.connect(self.tray.set_queue_state)
        self.downloads.queue_changed.connect(self.on_queue_changed)
        self.downloads.queue_finished.connect(self.reload_events)
        self.downloads.moving.connect(self.events_view.show_moving)
        self.player.played.connect(lambda _entry: self.reload_sources())
        self.line.overall_changed.connect(self.on_line_changed)
        self.events_view.plans_loaded.connect(self.on_plans_loaded)
        self.events_view.tagged.connect(lambda: self.reload_sources(with_items=False))
        self.events_view.packed.connect(self.on_packed)

    @property
    def sources(self) -> list[Source]:
        """The sources as last read."""
        return self.sources_pane.sources

    @property
    def refresh_worker(self) -> workers.Worker | None:
        """The refresh running, if one is."""
        return self.subscriptions.worker

    def reload_sources(self, with_items: bool = True) -> None:
        """Re-read the sources, and the listed items unless only counts changed."""
        self.sources_pane.reload(with_items)

    def reload_events(self) -> None:
        """Re-read the events and their plans (in a worker)."""
        self.events_view.reload()

    def fetch_queued(self) -> None:
        """New downloads were queued: show them and start the queue."""
        self.downloads.reload()
        self.downloads.start_queue()

    def on_subscribed(self, source_id: int) -> None:
        self.sources_pane.selected_ids = [source_id]
        self.reload_sources()
        self.sources_pane.pack_icons()

    def on_refreshed(self, queued: int) -> None:
        self.downloads.live.record_subscribed()
        if queued:
            self.fetch_queued()
        self.reload_sources()
        self.reload_events()
        self.line.reload()  # the refresh's transfers said something about the line
        self.sources_pane.pack_icons()

    def on_line_changed(self, state: str, summary: str) -> None:
        """Show the overall line state in the status bar, coloured like the panel's."""
        known = {s.value: s for s in LineState}
        colour = (STATE_COLOURS[known[state]] if state in known else UNKNOWN_COLOUR).name()
        self.line_label.setText(f'<span style="color:{colour}">●</span> {summary}')
        self.line_label.setToolTip(self.tr("Ctrl+4 shows each host"))
        self.sources_pane.set_lines(self.line.model.states)

    def on_link_activated(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https", "mailto"):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Open link"),
            self.tr("Open this address in your browser?\n\n{0}").format(
                left_to_right(url.toString())
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    # -- settings and events ------------------------------------------------------------------
    def on_settings_triggered(self) -> None:
        """Edit the line settings; they apply at once, to this window and to every transfer."""
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        choice = dialog.chosen()
        settings = choice.settings

        def save(_p: Progress, _c: CancelToken) -> str:
            kept = ""
            if choice.password and settings.proxy:
                kept = save_password(self.paths, settings.proxy, choice.password)
            settings.save(self.paths.settings_file)
            governor.current().update(settings)
            return kept

        def done(kept: str) -> None:
            self.use_settings(settings)
            message = self.tr("Settings saved and in use")
            if kept:
                message += self.tr("; the proxy password is kept in {0}").format(
                    left_to_right(kept)
                )
            self.status_label.setText(message)

        workers.start(save, done, self.on_task_failed, workers.writes())

    def use_settings(self, settings: Settings) -> None:
        """From now on, work with `settings`."""
        self.settings = settings
        self.downloads.use_settings(settings)
        self.line.settings = settings
        self.line.reload()
        self.events_view.use_settings(settings)

    def on_plans_loaded(self, plans: list[EventPlan]) -> None:
        """The events were read again: note any whose packing just finished."""
        found = [plan.event for plan in plans]
        before = {e.id: e for e in self.events}
        for event in found:
            was = before.get(event.id)
            packed = event.downloads and event.done == event.downloads
            if packed and was is not None and was.done < was.downloads:
                self.tray.notify(
                    self.tr("Packed for {0}").format(event.name),
                    self.tr("All {0} downloads are ready").format(event.downloads),
                )
        self.events = self.sources_pane.events = found
        self.show_next_event()

    def on_packed(self) -> None:
        """ "Pack now" refreshed an event's sources: fetch what that queued."""
        self.reload_sources()
        self.fetch_queued()
        self.downloads.live.record_subscribed()

    def show_next_event(self) -> None:
        """The soonest event still to come, with its countdown, in the status bar."""
        coming = [e for e in self.events if e.starts_in() > 0]
        if not coming:
            self.event_label.clear()
            return
        event = coming[0]
        self.event_label.setText(
            self.tr("{0} in {1} · {2}/{3} packed").format(
                isolated(event.name), countdown(event.starts_in()), event.done, event.downloads
            )
        )
        self.event_label.setToolTip(self.tr("Ctrl+5 shows every event"))

    def on_shortcuts_triggered(self) -> None:
        """Show every keyboard shortcut."""
        ShortcutsDialog(self.actions(), self).open()

    # -- media --------------------------------------------------------------------------------
    def on_download_triggered(self) -> None:
        self.pane.setCurrentWidget(self.downloads)
        self.downloads.url_box.setFocus()

    def on_download_item_triggered(self) -> None:
        """Queue the current item's media."""
        item_id = self.items.current_id()
        if item_id is not None:
            self.download_item(item_id)

    def download_item(self, item_id: int, event: str | None = None) -> None:
        """Queue an item's media, tagged for `event` if given: its page for a channel entry,
        else its first audio or video enclosure (a podcast episode)."""

        def task(_p: Progress, _c: CancelToken) -> str | None:
            item = queries.get_item(self.store, item_id)
            source = queries.get_source(self.store, item.source_id)
            if source.kind == "channel":
                return item.url
            media = [e for e in item.enclosures if e.type.startswith(("audio/", "video/"))]
            return media[0].url if media else None

        def done(url: str | None) -> None:
            if url is None:
                self.status_label.setText(self.tr("This item has no video or audio"))
                return
            self.downloads.add(url, item_id=item_id, event=event)
            self.pane.setCurrentWidget(self.downloads)

        workers.start(task, done, self.on_task_failed)

    def play(self, entry: Download) -> None:
        """Play a finished download in the player pane."""
        self.pane.setCurrentWidget(self.player)
        self.player.open(entry)

    def play_next(self, entry: Download) -> None:
        """When an entry plays to its end, go on to the next in the watch grid."""
        following = self.watch.next_after(entry)
        if following is not None:
            self.play(following)

    def on_queue_changed(self, *counts: int) -> None:
        """List the items again when downloads start, end or are added: their badges move."""
        if counts != self._queue_counts:
            self._queue_counts = counts
            self.items.reload()

    def on_task_failed(self, message: str) -> None:
        """Say what went wrong in the bar inside the window (and the status line); never a
        box that blocks the window."""
        self.status_label.setText(message)
        self.message_bar.show_message(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.items.clear_search():
                return
            if self.message_bar.isVisible():
                self.message_bar.hide()
                return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.subscriptions.stop()
        self.player.stop()
        self.downloads.stop_queue()
        self.sharing.stop()
        self.events_view.stop()
        super().closeEvent(event)
