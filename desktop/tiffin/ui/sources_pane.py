"""The source tree and what a source's menu does: what to pack (full articles or summaries),
download rules, the event it is packed for, unsubscribing. Every read and write runs in a
worker; the pane says what it did through `message` and which sources are chosen through
`chosen`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QTreeView, QVBoxLayout, QWidget

from tiffin.config import Settings
from tiffin.fetch.icons import pack_icons
from tiffin.library import articles, events, queries
from tiffin.library.events import Event
from tiffin.library.icons import icons
from tiffin.library.models import Source
from tiffin.library.rules import MediaRules, get_rules, queue_by_rules, set_rules
from tiffin.library.store import Store
from tiffin.net.line import HostState
from tiffin.progress import CancelToken
from tiffin.ui import workers
from tiffin.ui.dialogs.rules_dialog import RulesDialog
from tiffin.ui.event_menu import add_event_menu
from tiffin.ui.models.source_tree_model import SOURCE_IDS_ROLE, SourceTreeModel
from tiffin.ui.placeholder import PlaceholderTreeView, say_when_empty

Progress = Callable[[Any], None]


class SourcesPane(QWidget):
    """The tree of folders and sources, keeping its selection across reloads."""

    chosen = Signal(list)  # the source ids whose items to list
    message = Signal(str)
    failed = Signal(str)
    queued = Signal()  # new downloads are waiting
    tagged = Signal()  # a source's event changed

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sources: list[Source] = []
        self.events: list[Event] = []
        self.selected_ids: list[int] | None = None
        self.lines: dict[str, HostState] = {}
        self.busy: Callable[[], bool] = lambda: False  # a long job owns the status line
        self.settings: Callable[[], Settings] = Settings  # the window's, once it sets this
        self.icons_worker: workers.Worker | None = None  # the icon fetch running, if one is
        self.icons_again = False  # asked again while it ran
        self.latest = workers.Latest(self.failed.emit)
        self.model = SourceTreeModel(self)
        self.tree = PlaceholderTreeView()
        say_when_empty(
            self.tree,
            self.tr(
                "No subscriptions yet. Add a feed, a podcast or a video channel with Ctrl+N, "
                "or import OPML with Ctrl+I."
            ),
        )
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Sources"))
        self.tree.setDragEnabled(True)  # onto an event, in the events view
        self.tree.setDragDropMode(QTreeView.DragDropMode.DragOnly)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.on_menu_requested)
        self.tree.selectionModel().selectionChanged.connect(self.on_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def _run(
        self, task: Callable[[Progress, CancelToken], Any], done: Callable[[Any], None]
    ) -> None:
        workers.start(task, done, self.failed.emit, workers.writes())

    def folders(self) -> list[str]:
        """Folder names in use, sorted."""
        return sorted({s.folder for s in self.sources if s.folder})

    def reload(self, with_items: bool = True) -> None:
        """Re-read the sources (in a worker) and rebuild the tree, keeping the selection; the
        items are listed again too unless only counts changed."""
        self.latest.run(
            "sources",
            lambda _p, _c: queries.list_sources(self.store),
            lambda sources: self.on_loaded(sources, with_items),
        )

    def load_icons(self) -> None:
        """Read the kept site icons (in a worker) and show them in the tree."""
        self.latest.run("icons", lambda _p, _c: icons(self.store), self.model.set_icons)

    def pack_icons(self) -> None:
        """Fetch the icons of sources that have none yet (or are due again), then show them;
        a site that gives none costs nothing more until it is due. Asked while a fetch runs
        (a subscription, then a refresh), it runs once more after it, never side by side."""
        if self.icons_worker is not None:
            self.icons_again = True
            return

        def ended(found: object) -> None:
            self.icons_worker = None
            if found:
                self.load_icons()
            if self.icons_again:
                self.icons_again = False
                self.pack_icons()

        def failed(message: str) -> None:
            self.icons_worker, self.icons_again = None, False
            self.failed.emit(message)

        self.icons_worker = workers.start(
            lambda _p, cancel: pack_icons(self.store, self.settings(), cancel=cancel),
            ended,
            failed,
            workers.long_jobs(),
        )

    def set_lines(self, states: list[HostState]) -> None:
        """Mark each source with the line to its host, from the Line tab's latest judgement."""
        self.lines = {state.host: state for state in states}
        self.model.mark_lines(self.lines)

    def on_loaded(self, sources: list[Source], with_items: bool = True) -> None:
        self.sources = sources
        wanted = self.selected_ids
        self.model.set_sources(sources, self.lines)
        target = self.model.index(0, 0)
        if wanted is not None:
            for row in range(self.model.rowCount()):
                index = self.model.index(row, 0)
                for candidate in [index] + [
                    self.model.index(r, 0, index) for r in range(self.model.rowCount(index))
                ]:
                    if candidate.data(SOURCE_IDS_ROLE) == wanted:
                        target = candidate
        self.tree.expandAll()
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        self.tree.setCurrentIndex(target)
        selection.blockSignals(False)
        if with_items:
            self.choose(target.data(SOURCE_IDS_ROLE) or [])
        failed = [s for s in sources if s.last_error]
        if failed and not self.busy():
            self.message.emit(
                self.tr("{0} sources; {1} failed at the last refresh (shown in red)").format(
                    len(sources), len(failed)
                )
            )

    def choose(self, source_ids: list[int]) -> None:
        """List the items of `source_ids`."""
        self.selected_ids = source_ids
        self.chosen.emit(source_ids)

    def on_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.choose(indexes[0].data(SOURCE_IDS_ROLE) or [])

    def title_of(self, source_id: int) -> str:
        """A source's title (its address if it has none), "" if unknown."""
        found = next((s for s in self.sources if s.id == source_id), None)
        return "" if found is None else found.title or found.url

    def article_modes(self) -> list[tuple[str, bool | None]]:
        """The per-source choices of what to pack, as menu labels and stored values."""
        return [
            (self.tr("Full articles"), True),
            (self.tr("Summaries only"), False),
            (self.tr("Automatic (full articles, not for podcasts)"), None),
        ]

    def on_menu_requested(self, position: QPoint) -> None:
        ids = self.tree.indexAt(position).data(SOURCE_IDS_ROLE) or []
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
        add_event_menu(
            menu,
            self.tr("Pack for event"),
            self.events,
            lambda name: self.pack_for_event(source, name),
            source.event_id,
        )
        menu.addSeparator()
        remove_action = menu.addAction(self.tr("&Unsubscribe…"))
        remove_action.triggered.connect(lambda: self.unsubscribe(source))
        menu.popup(self.tree.viewport().mapToGlobal(position))

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
            self.message.emit(self.tr("Unsubscribed from {0}").format(name))
            self.reload()

        self._run(lambda _p, _c: queries.delete_source(self.store, source.id), done)

    def edit_rules(self, source: Source) -> None:
        """Show a source's download rules (read in a worker); save and apply what is chosen."""

        def show(rules: MediaRules) -> None:
            dialog = RulesDialog(source.title or source.url, rules, self)
            dialog.accepted.connect(lambda: self.save_rules(source.id, dialog.rules()))
            dialog.open()

        workers.start(lambda _p, _c: get_rules(self.store, source.id), show, self.failed.emit)

    def save_rules(self, source_id: int, rules: MediaRules) -> None:
        """Store a source's rules and queue at once what they pick."""

        def task(_p: Progress, _c: CancelToken) -> list[int]:
            set_rules(self.store, source_id, rules)
            return queue_by_rules(self.store, source_id)

        def done(queued: list[int]) -> None:
            self.message.emit(self.tr("{0} downloads queued").format(len(queued)))
            if queued:
                self.queued.emit()

        self._run(task, done)

    def set_article_mode(self, source_id: int, wanted: bool | None) -> None:
        """Store a source's choice of full articles, summaries or automatic (in order)."""
        self._run(
            lambda _p, _c: articles.set_full_articles(self.store, source_id, wanted),
            lambda _r: self.reload(with_items=False),
        )

    def pack_for_event(self, source: Source, name: str | None) -> None:
        """Tag a source for the event `name` (None: for none)."""

        def done(_result: None) -> None:
            self.reload(with_items=False)
            self.tagged.emit()

        self._run(lambda _p, _c: events.tag(self.store, name, [source.id]), done)
