"""The main window: source tree, item list, and a pane with the reader, the player and the
download queue; refresh, add, OPML and media actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QImage,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QWidget,
)

from tiffin.articles.images import ImageFolder
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import ArticleReport, pack_articles
from tiffin.fetch.refresh import RefreshReport, refresh_sources
from tiffin.fetch.subscribe import Subscription
from tiffin.library import articles, events, queries
from tiffin.library.articles import FULL
from tiffin.library.downloads import Download
from tiffin.library.events import Event
from tiffin.library.models import Item, ItemRow, SearchHit, Source
from tiffin.library.rules import MediaRules, get_rules, queue_by_rules, set_rules
from tiffin.library.search import search
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.net import governor
from tiffin.net.line import LineState
from tiffin.net.proxy import save_password
from tiffin.progress import CancelToken, Step
from tiffin.schedule.event_plan import EventPlan
from tiffin.share import keys
from tiffin.sources.opml import OpmlEntry, fetchable, read_opml, write_opml
from tiffin.textdir import left_to_right
from tiffin.ui import workers
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog
from tiffin.ui.dialogs.rules_dialog import RulesDialog
from tiffin.ui.dialogs.settings_dialog import SettingsDialog
from tiffin.ui.downloads_panel import DownloadsPanel
from tiffin.ui.drops import DropTarget
from tiffin.ui.events_view import EventsView
from tiffin.ui.item_view import ItemView, image_names, load_images
from tiffin.ui.line_panel import LinePanel
from tiffin.ui.models.item_list_model import ITEM_ID_ROLE, ItemListModel
from tiffin.ui.models.line_model import STATE_COLOURS, UNKNOWN_COLOUR
from tiffin.ui.models.search_results_model import SearchResultsModel
from tiffin.ui.models.source_tree_model import SOURCE_IDS_ROLE, SourceTreeModel
from tiffin.ui.player import PlayerWidget
from tiffin.ui.rich_text_delegate import RichTextDelegate
from tiffin.ui.share_menu import ShareMenu
from tiffin.ui.shortcuts_dialog import ShortcutsDialog
from tiffin.ui.text_direction_delegate import TextDirectionDelegate
from tiffin.ui.tray import Tray
from tiffin.ui.undo import ReadStateCommand
from tiffin.ui.when import countdown

Progress = Callable[[Any], None]


class ItemListView(QListView):
    """The item list; typing a letter does not jump to a title, so J and K can move instead."""

    def keyboardSearch(self, search: str) -> None:
        return


class MainWindow(QMainWindow):
    """Tiffin's window. Every library read and network call runs in a worker; slots only update
    widgets with what the workers send back."""

    def __init__(
        self, store: Store, paths: Paths, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.paths, self.settings = store, paths, settings
        self.sources: list[Source] = []
        self.events: list[Event] = []
        self.selected_ids: list[int] | None = None
        self.refresh_worker: workers.Worker | None = None
        self._latest: dict[str, int] = {}
        self.setWindowTitle(self.tr("Tiffin"))
        self.resize(1200, 760)

        self.source_model = SourceTreeModel(self)
        self.source_tree = QTreeView()
        self.source_tree.setModel(self.source_model)
        self.source_tree.setHeaderHidden(True)
        self.source_tree.setAccessibleName(self.tr("Sources"))
        self.source_tree.setDragEnabled(True)  # onto an event, in the events view
        self.source_tree.setDragDropMode(QTreeView.DragDropMode.DragOnly)
        self.source_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.source_tree.customContextMenuRequested.connect(self.on_source_menu_requested)
        self.item_model = ItemListModel(self)
        self.item_list = ItemListView()
        self.item_list.setModel(self.item_model)
        self.item_list.setUniformItemSizes(True)
        self.item_list.setItemDelegate(TextDirectionDelegate(self.item_list))
        self.item_list.setAccessibleName(self.tr("Items"))
        self.item_view = ItemView()
        self.images = ImageFolder(paths.data_dir / "images")

        self.search_model = SearchResultsModel(self)
        self.search_list = QListView()
        self.search_list.setModel(self.search_model)
        self.search_list.setItemDelegate(RichTextDelegate(self.search_list))
        self.search_list.setWordWrap(True)
        self.search_list.setAccessibleName(self.tr("Search results"))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setMaximumWidth(320)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(200)
        self.search_timer.timeout.connect(self.run_search)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.item_list)
        self.lists.addWidget(self.search_list)

        self.undo_stack = QUndoStack(self)
        self.player = PlayerWidget(store, media_dir(paths))
        self.downloads = DownloadsPanel(store, paths, settings)
        self.line = LinePanel(store, settings)
        self.events_view = EventsView(store, paths, settings, self.undo_stack)
        self.pane = QTabWidget()
        self.pane.setAccessibleName(self.tr("Reader, events, player, downloads and line"))
        self.pane.addTab(self.item_view, self.tr("Reader"))
        self.pane.addTab(self.events_view, self.tr("Events"))
        self.pane.addTab(self.player, self.tr("Player"))
        self.pane.addTab(self.downloads, self.tr("Downloads"))
        self.pane.addTab(self.line, self.tr("Line"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.source_tree, self.lists, self.pane):
            splitter.addWidget(widget)
        splitter.setSizes([260, 380, 560])
        self.setCentralWidget(splitter)

        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
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

        self._build_actions()
        self.tray = Tray(self, self.windowIcon(), self.status_label.setText)
        self.setAcceptDrops(True)
        self.drops = DropTarget(self.on_address_dropped, self.import_opml, self)
        self.installEventFilter(self.drops)
        self.source_tree.selectionModel().selectionChanged.connect(self.on_source_selected)
        self.item_list.selectionModel().currentChanged.connect(self.on_item_current_changed)
        self.item_view.link_activated.connect(self.on_link_activated)
        self.search_list.selectionModel().currentChanged.connect(self.on_hit_current_changed)
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())
        self.downloads.play_requested.connect(self.play)
        self.downloads.message.connect(self.status_label.setText)
        self.downloads.notable.connect(self.tray.notify)
        self.downloads.queue_changed.connect(self.tray.set_queue_state)
        self.downloads.queue_finished.connect(self.reload_events)
        self.player.played.connect(lambda _entry: self.reload_sources())
        self.line.overall_changed.connect(self.on_line_changed)
        self.events_view.message.connect(self.status_label.setText)
        self.events_view.plans_loaded.connect(self.on_plans_loaded)
        self.events_view.tagged.connect(lambda: self.reload_sources(with_items=False))
        self.events_view.packed.connect(self.on_packed)
        self.reload_sources()
        self.reload_events()
        self.line.reload()
        self.downloads.start_queue()  # downloads a quit or a crash interrupted carry on
        self.downloads.resume_recordings()
        self.downloads.record_subscribed()

    # -- actions ------------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(
            self.tr("&Add subscription…"), QKeySequence.StandardKey.New, self.on_add_triggered
        )
        self.refresh_action = self._action(self.tr("&Refresh all"), "F5", self.on_refresh_triggered)
        self.import_action = self._action(
            self.tr("&Import OPML…"), "Ctrl+I", self.on_import_triggered
        )
        self.export_action = self._action(
            self.tr("&Export OPML…"), "Ctrl+E", self.on_export_triggered
        )
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.settings_action = self._action(
            self.tr("&Settings…"), "Ctrl+,", self.on_settings_triggered
        )
        self.toggle_read_action = self._action(
            self.tr("Toggle &read"), "M", self.on_toggle_read_triggered
        )
        self.mark_all_action = self._action(
            self.tr("Mark &all read"), "Shift+M", self.on_mark_all_read_triggered
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "F1", self.on_shortcuts_triggered
        )
        self.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        next_action = self._action(self.tr("&Next item"), "J", lambda: self._step_item(1))
        previous_action = self._action(self.tr("&Previous item"), "K", lambda: self._step_item(-1))
        find_action = self._action(
            self.tr("&Search"), QKeySequence.StandardKey.Find, self.on_find_triggered
        )
        larger = self._action(
            self.tr("&Larger text"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.item_view.set_zoom(self.item_view.zoom + 1),
        )
        smaller = self._action(
            self.tr("&Smaller text"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.item_view.set_zoom(self.item_view.zoom - 1),
        )
        normal = self._action(
            self.tr("&Normal text size"), "Ctrl+0", lambda: self.item_view.set_zoom(0)
        )

        show_reader = self._action(
            self.tr("&Reader"), "Ctrl+1", lambda: self.pane.setCurrentWidget(self.item_view)
        )
        show_player = self._action(
            self.tr("&Player"), "Ctrl+2", lambda: self.pane.setCurrentWidget(self.player)
        )
        show_downloads = self._action(
            self.tr("&Downloads"), "Ctrl+3", lambda: self.pane.setCurrentWidget(self.downloads)
        )
        show_line = self._action(
            self.tr("&Line state"), "Ctrl+4", lambda: self.pane.setCurrentWidget(self.line)
        )
        show_events = self._action(
            self.tr("&Events"), "Ctrl+5", lambda: self.pane.setCurrentWidget(self.events_view)
        )
        self.download_action = self._action(
            self.tr("Download video or audio…"), "Ctrl+Shift+D", self.on_download_triggered
        )
        self.download_item_action = self._action(
            self.tr("Download this item's video or audio"), "D", self.on_download_item_triggered
        )

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.add_action, self.import_action, self.export_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        view_menu = self.menuBar().addMenu(self.tr("&Items"))
        for action in (
            self.refresh_action,
            self.toggle_read_action,
            self.mark_all_action,
            next_action,
            previous_action,
            find_action,
        ):
            view_menu.addAction(action)
        text_menu = self.menuBar().addMenu(self.tr("&View"))
        for action in (show_reader, show_events, show_player, show_downloads, show_line):
            text_menu.addAction(action)
        text_menu.addSeparator()
        for action in (larger, smaller, normal):
            text_menu.addAction(action)
        media_menu = self.menuBar().addMenu(self.tr("&Media"))
        media_menu.addAction(self.download_action)
        media_menu.addAction(self.download_item_action)
        self.sharing = ShareMenu(
            self,
            self.store,
            self.paths,
            lambda: self.settings,
            lambda: self.selected_ids,
            self.status_label.setText,
        )
        self.sharing.add_to(self.menuBar().addMenu(self.tr("&Share")))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addAction(self.add_action)
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)

    # -- loading ------------------------------------------------------------------------------
    def _run(
        self,
        task: Callable[[Progress, CancelToken], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        pool: QThreadPool | None = None,
        progressed: Callable[[Any], None] | None = None,
    ) -> workers.Worker:
        return workers.start(task, done, failed or self.on_task_failed, pool, progressed)

    def _run_latest(
        self, name: str, task: Callable[[Progress, CancelToken], Any], done: Callable[[Any], None]
    ) -> None:
        """Run `task`; `done` gets its result only if no newer `name` job has started since
        (a quicker, newer load must not be overwritten by a stale one)."""
        generation = self._latest[name] = self._latest.get(name, 0) + 1

        def deliver(result: Any) -> None:
            if self._latest[name] == generation:
                done(result)

        self._run(task, deliver)

    def reload_sources(self, with_items: bool = True) -> None:
        """Re-read the sources (in a worker) and rebuild the tree, keeping the selection; the
        item list is reloaded too unless only counts changed."""

        self._run_latest(
            "sources",
            lambda _p, _c: queries.list_sources(self.store),
            lambda sources: self.on_sources_loaded(sources, with_items),
        )

    def on_sources_loaded(self, sources: list[Source], with_items: bool = True) -> None:
        self.sources = sources
        wanted = self.selected_ids
        self.source_model.set_sources(sources)
        target = self.source_model.index(0, 0)
        if wanted is not None:
            for row in range(self.source_model.rowCount()):
                index = self.source_model.index(row, 0)
                for candidate in [index] + [
                    self.source_model.index(r, 0, index)
                    for r in range(self.source_model.rowCount(index))
                ]:
                    if candidate.data(SOURCE_IDS_ROLE) == wanted:
                        target = candidate
        self.source_tree.expandAll()
        tree_selection = self.source_tree.selectionModel()
        tree_selection.blockSignals(True)
        self.source_tree.setCurrentIndex(target)
        tree_selection.blockSignals(False)
        if with_items:
            self.load_items(target.data(SOURCE_IDS_ROLE) or [])
        failed = [s for s in sources if s.last_error]
        if failed and not self.progress.isVisible():
            self.status_label.setText(
                self.tr("{0} sources; {1} failed at the last refresh (shown in red)").format(
                    len(sources), len(failed)
                )
            )

    def article_modes(self) -> list[tuple[str, bool | None]]:
        """The per-source choices of what to pack, as menu labels and stored values."""
        return [
            (self.tr("Full articles"), True),
            (self.tr("Summaries only"), False),
            (self.tr("Automatic (full articles, not for podcasts)"), None),
        ]

    def on_source_menu_requested(self, position: QPoint) -> None:
        ids = self.source_tree.indexAt(position).data(SOURCE_IDS_ROLE) or []
        source = next((s for s in self.sources if [s.id] == ids), None)
        if source is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one at each right-click
        for label, value in self.article_modes():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(source.full_articles is value)
            action.triggered.connect(lambda _checked, v=value: self.set_article_mode(source.id, v))
        menu.addSeparator()
        rules_action = menu.addAction(self.tr("Download rules…"))
        rules_action.triggered.connect(lambda: self.edit_rules(source))
        packing = menu.addMenu(self.tr("Pack for event"))
        for event in [None, *self.events]:
            label = self.tr("No event") if event is None else event.name
            action = packing.addAction(label)
            action.setCheckable(True)
            action.setChecked(source.event_id == (None if event is None else event.id))
            name = None if event is None else event.name
            action.triggered.connect(lambda _checked, n=name: self.pack_for_event(source, n))
        packing.setEnabled(bool(self.events))
        menu.addSeparator()
        remove_action = menu.addAction(self.tr("&Unsubscribe…"))
        remove_action.triggered.connect(lambda: self.unsubscribe(source))
        menu.popup(self.source_tree.viewport().mapToGlobal(position))

    def unsubscribe(self, source: Source) -> None:
        """Remove a source and its stored items, after the user confirms (there is no undo:
        the items, articles and pictures would all have to be kept aside for it)."""
        name = source.title or source.url
        answer = QMessageBox.question(
            self,
            self.tr("Unsubscribe"),
            self.tr(
                "Unsubscribe from {0}? Its {1} stored items go too; downloaded videos stay"
                " in the downloads."
            ).format(name, QLocale().toString(source.total)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_result: None) -> None:
            self.status_label.setText(self.tr("Unsubscribed from {0}").format(name))
            self.reload_sources()

        self._run(
            lambda _p, _c: queries.delete_source(self.store, source.id), done, pool=workers.writes()
        )

    def edit_rules(self, source: Source) -> None:
        """Show a source's download rules (read in a worker); save and apply what is chosen."""

        def show(rules: MediaRules) -> None:
            dialog = RulesDialog(source.title or source.url, rules, self)
            dialog.accepted.connect(lambda: self.save_rules(source.id, dialog.rules()))
            dialog.open()

        self._run(lambda _p, _c: get_rules(self.store, source.id), show)

    def save_rules(self, source_id: int, rules: MediaRules) -> None:
        """Store a source's rules and queue at once what they pick."""

        def task(_p: Progress, _c: CancelToken) -> list[int]:
            set_rules(self.store, source_id, rules)
            return queue_by_rules(self.store, source_id)

        def done(queued: list[int]) -> None:
            self.status_label.setText(self.tr("{0} downloads queued").format(len(queued)))
            if queued:
                self.downloads.reload()
                self.downloads.start_queue()

        self._run(task, done, pool=workers.writes())

    def set_article_mode(self, source_id: int, wanted: bool | None) -> None:
        """Store a source's choice of full articles, summaries or automatic (in order)."""
        self._run(
            lambda _p, _c: articles.set_full_articles(self.store, source_id, wanted),
            lambda _r: self.reload_sources(with_items=False),
            pool=workers.writes(),
        )

    def on_source_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.load_items(indexes[0].data(SOURCE_IDS_ROLE) or [])

    def load_items(self, source_ids: list[int]) -> None:
        """Load the items of `source_ids` into the list, newest first."""
        self.selected_ids = source_ids

        def done(rows: list[ItemRow]) -> None:
            current = self.item_list.currentIndex().row()
            shown = self.item_model.rowCount()
            keep = self.item_model.row(current).id if 0 <= current < shown else None
            self.item_model.set_rows(rows)
            for position, row in enumerate(rows):
                if row.id == keep:
                    self.item_list.setCurrentIndex(self.item_model.index(position))
                    break

        self._run_latest(
            "items",
            lambda _p, _c: queries.list_item_rows(
                self.store, source_ids, trusted=keys.trusted(self.paths)
            ),
            done,
        )

    def on_item_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        position = current.row()
        row = self.item_model.row(position)

        def shown(item: Item) -> None:
            if not item.read:
                self.set_read(position, row.id, True)

        self.show_item(row.id, shown)

    def on_hit_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_item(int(current.data(ITEM_ID_ROLE)))

    def show_item(self, item_id: int, then: Callable[[Item], None] | None = None) -> None:
        """Load an item and its stored pictures in a worker, then show it in the reader."""

        def task(_p: Progress, _c: CancelToken) -> tuple[Item, dict[str, QImage], bool]:
            item = queries.get_item(self.store, item_id)
            untrusted = bool(item.packer) and item.packer not in keys.trusted(self.paths)
            return item, load_images(self.images, image_names(item.body_html)), untrusted

        def done(loaded: tuple[Item, dict[str, QImage], bool]) -> None:
            item, pictures, untrusted = loaded
            titles = {s.id: s.title or s.url for s in self.sources}
            self.item_view.show_item(item, titles.get(item.source_id, ""), pictures, untrusted)
            if then is not None:
                then(item)

        self._run(task, done)

    def set_read(self, position: int, item_id: int, read: bool) -> None:
        """Mark an item read or unread, in the list at once and in the library in order."""
        if position < self.item_model.rowCount() and self.item_model.row(position).id == item_id:
            self.item_model.mark_read(position, read)
        self._run(
            lambda _p, _c: queries.set_read(self.store, [item_id], read),
            self.on_read_state_saved,
            pool=workers.writes(),
        )

    def _step_item(self, step: int) -> None:
        count = self.item_model.rowCount()
        if count:
            current = self.item_list.currentIndex().row()
            target = min(count - 1, max(0, current + step)) if current >= 0 else 0
            self.item_list.setCurrentIndex(self.item_model.index(target))

    def on_toggle_read_triggered(self) -> None:
        index = self.item_list.currentIndex()
        if not index.isValid():
            return
        row = self.item_model.row(index.row())
        label = self.tr("Mark read") if not row.read else self.tr("Mark unread")
        self.undo_stack.push(ReadStateCommand(label, {row.id: row.read}, not row.read, self.mark))

    def on_mark_all_read_triggered(self) -> None:
        """Mark every item in the list read (undoable)."""
        changes = {
            self.item_model.row(n).id: self.item_model.row(n).read
            for n in range(self.item_model.rowCount())
        }
        self.undo_stack.push(ReadStateCommand(self.tr("Mark all read"), changes, True, self.mark))

    def mark(self, item_ids: Sequence[int], read: bool) -> None:
        """Mark items read or unread: in the list at once, in the library in order."""
        wanted = set(item_ids)
        for position in range(self.item_model.rowCount()):
            if self.item_model.row(position).id in wanted:
                self.item_model.mark_read(position, read)
        self._run(
            lambda _p, _c: queries.set_read(self.store, list(item_ids), read),
            self.on_read_state_saved,
            pool=workers.writes(),
        )

    def on_read_state_saved(self, _result: object) -> None:
        self.reload_sources(with_items=False)

    # -- search -------------------------------------------------------------------------------
    def on_find_triggered(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        """Search for what the box holds (in a worker); an empty box shows the item list."""
        text = self.search_box.text().strip()
        if not text:
            self._latest["search"] = self._latest.get("search", 0) + 1  # drop a search in flight
            self.lists.setCurrentWidget(self.item_list)
            return

        def done(hits: list[SearchHit]) -> None:
            self.search_model.set_hits(hits)
            self.lists.setCurrentWidget(self.search_list)
            self.status_label.setText(self.tr("{0} matches for “{1}”").format(len(hits), text))

        self._run_latest("search", lambda _p, _c: search(self.store, text), done)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search_box.text():
            self.search_box.clear()
            self.item_list.setFocus()
            return
        super().keyPressEvent(event)

    # -- add, refresh, OPML -------------------------------------------------------------------
    def folders(self) -> list[str]:
        """Folder names in use, sorted."""
        return sorted({s.folder for s in self.sources if s.folder})

    def make_add_dialog(self) -> AddSourceDialog:
        """A new add-subscription dialog wired to this window."""
        dialog = AddSourceDialog(self.store, self.paths, self.settings, self.folders(), self)
        dialog.subscribed.connect(self.on_subscribed)
        return dialog

    def on_add_triggered(self) -> None:
        self.make_add_dialog().open()

    def open_given(self, target: str) -> None:
        """What the file manager handed to `tiffin`: an address opens the Add dialog with it,
        a file is offered for import as OPML."""
        if target.startswith(("http://", "https://")):
            dialog = self.make_add_dialog()
            dialog.url_edit.setText(target)
            dialog.open()
            return
        path = Path(target)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Import subscriptions?"), "", parent=self
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
            self.status_label.setText(
                self.tr("Kept {0}; its host does not answer now").format(left_to_right(source.url))
            )
        elif result.created:
            self.status_label.setText(
                self.tr("Subscribed to {0}: {1} items").format(
                    source.title or source.url, source.total
                )
            )
        else:
            self.status_label.setText(
                self.tr("Already subscribed to {0}").format(left_to_right(source.url))
            )
        self.selected_ids = [source.id]
        self.reload_sources()

    def on_refresh_triggered(self) -> None:
        if self.refresh_worker is not None:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.refresh_action.setEnabled(False)
        self.status_label.setText(self.tr("Refreshing…"))

        def task(progress: Progress, cancel: CancelToken) -> tuple[RefreshReport, ArticleReport]:
            report = refresh_sources(
                self.store, self.paths, self.settings, progress=progress, cancel=cancel
            )
            progress(self.tr("Packing full articles…"))
            packed = pack_articles(
                self.store, self.paths, self.settings, progress=progress, cancel=cancel
            )
            return report, packed

        self.refresh_worker = self._run(
            task,
            self.on_refresh_finished,
            self.on_refresh_failed,
            workers.long_jobs(),
            self.on_refresh_progressed,
        )

    def on_refresh_progressed(self, step: Step | str) -> None:
        if isinstance(step, str):
            self.status_label.setText(step)
            self.progress.setRange(0, 0)
            return
        self.progress.setRange(0, step.total)
        self.progress.setValue(step.done)
        self.progress.setFormat(f"{step.done}/{step.total}")

    def _refresh_ended(self) -> None:
        self.refresh_worker = None
        self.progress.hide()
        self.refresh_action.setEnabled(True)

    def on_refresh_finished(self, reports: tuple[RefreshReport, ArticleReport]) -> None:
        self._refresh_ended()
        report, packed = reports
        text = self.tr("{0} new items from {1} sources").format(
            report.new_items, len(report.outcomes)
        )
        if report.failed:
            text += " · " + self.tr("{0} failed (shown in red)").format(len(report.failed))
        if packed.outcomes:
            text += " · " + self.tr("{0} full articles packed").format(packed.count(FULL))
        self.downloads.record_subscribed()
        queued = sum(o.queued for o in report.outcomes)
        if queued:
            text += " · " + self.tr("{0} downloads queued").format(queued)
            self.downloads.reload()
            self.downloads.start_queue()
        self.status_label.setText(text)
        self.reload_sources()
        self.reload_events()
        self.line.reload()  # the refresh's transfers said something about the line

    def on_line_changed(self, state: str, summary: str) -> None:
        """Show the overall line state in the status bar, coloured like the panel's."""
        known = {s.value: s for s in LineState}
        colour = (STATE_COLOURS[known[state]] if state in known else UNKNOWN_COLOUR).name()
        self.line_label.setText(f'<span style="color:{colour}">●</span> {summary}')
        self.line_label.setToolTip(self.tr("Ctrl+4 shows each host"))

    def on_refresh_failed(self, message: str) -> None:
        self._refresh_ended()
        self.on_task_failed(message)

    def on_import_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import OPML"), "", self.tr("OPML files (*.opml *.xml);;All files (*)")
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
            self.status_label.setText(self.tr("Imported {0} subscriptions").format(added))
            self.reload_sources()
            if added:
                self.on_refresh_triggered()

        self._run(task, done)

    def on_export_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export OPML"), "tiffin.opml", self.tr("OPML files (*.opml)")
        )
        if name:
            self.export_opml(Path(name))

    def export_opml(self, path: Path) -> None:
        """Write every subscription to `path` as OPML."""

        def task(_p: Progress, _c: CancelToken) -> int:
            sources = queries.list_sources(self.store)
            write_opml(path, [OpmlEntry(s.url, s.title, s.site_url, s.folder) for s in sources])
            return len(sources)

        self._run(
            task,
            lambda n: self.status_label.setText(
                self.tr("Exported {0} subscriptions to {1}").format(n, left_to_right(str(path)))
            ),
        )

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

    # -- settings ---------------------------------------------------------------------------
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

        self._run(save, done, pool=workers.writes())

    def reload_events(self) -> None:
        """Re-read the events and their plans (in a worker)."""
        self.events_view.reload()

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
        self.events = found
        self.show_next_event()

    def on_packed(self) -> None:
        """ "Pack now" refreshed an event's sources: fetch what that queued."""
        self.reload_sources()
        self.downloads.reload()
        self.downloads.start_queue()
        self.downloads.record_subscribed()

    def show_next_event(self) -> None:
        """The soonest event still to come, with its countdown, in the status bar."""
        coming = [e for e in self.events if e.starts_in() > 0]
        if not coming:
            self.event_label.clear()
            return
        event = coming[0]
        self.event_label.setText(
            self.tr("{0} in {1} · {2}/{3} packed").format(
                event.name, countdown(event.starts_in()), event.done, event.downloads
            )
        )
        self.event_label.setToolTip(self.tr("Ctrl+5 shows every event"))

    def on_shortcuts_triggered(self) -> None:
        """Show every keyboard shortcut."""
        ShortcutsDialog(self.actions(), self).open()

    def on_address_dropped(self, url: str) -> None:
        """An address dropped on the window: offer to subscribe to it."""
        dialog = self.make_add_dialog()
        dialog.url_edit.setText(url)
        dialog.open()

    def pack_for_event(self, source: Source, name: str | None) -> None:
        """Tag a source for the event `name` (None: for none)."""

        def done(_result: None) -> None:
            self.reload_sources(with_items=False)
            self.reload_events()

        self._run(
            lambda _p, _c: events.tag(self.store, name, [source.id]), done, pool=workers.writes()
        )

    def use_settings(self, settings: Settings) -> None:
        """From now on, work with `settings`."""
        self.settings = settings
        self.downloads.use_settings(settings)
        self.line.settings = settings
        self.line.reload()
        self.events_view.use_settings(settings)

    # -- media ------------------------------------------------------------------------------
    def on_download_triggered(self) -> None:
        self.pane.setCurrentWidget(self.downloads)
        self.downloads.url_box.setFocus()

    def on_download_item_triggered(self) -> None:
        """Queue the current item's media: its page for a channel entry, else its first audio
        or video enclosure (a podcast episode)."""
        index = self.item_list.currentIndex()
        if not index.isValid():
            return
        item_id = self.item_model.row(index.row()).id

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
            self.downloads.add(url, item_id=item_id)
            self.pane.setCurrentWidget(self.downloads)

        self._run(task, done)

    def play(self, entry: Download) -> None:
        """Play a finished download in the player pane."""
        self.pane.setCurrentWidget(self.player)
        self.player.open(entry)

    def on_task_failed(self, message: str) -> None:
        self.status_label.setText(message)
        if not self.isHidden():  # a window closed or in the tray keeps it in the status bar
            QMessageBox.warning(self, self.tr("Tiffin"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.refresh_worker is not None:
            self.refresh_worker.cancel.cancel()
        self.player.stop()
        self.downloads.stop_queue()
        self.sharing.stop()
        super().closeEvent(event)
