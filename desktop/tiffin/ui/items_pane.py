"""The item list and the search results in its place, and the reader they fill: listing a
source's items, moving through them, read and unread (undoable), searching. Every read and
write runs in a worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QStackedWidget, QWidget

from tiffin.articles.images import ImageFolder
from tiffin.articles.whole_page import whole_page
from tiffin.config import Paths
from tiffin.library import articles, item_rows, queries
from tiffin.library.events import Event
from tiffin.library.item_rows import ItemRow
from tiffin.library.models import Item, SearchHit
from tiffin.library.search import search
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.share import keys
from tiffin.ui import workers
from tiffin.ui.event_menu import add_event_menu
from tiffin.ui.item_row_delegate import ItemRowDelegate
from tiffin.ui.item_view import ItemView, Version, image_names, load_images
from tiffin.ui.models.item_list_model import ITEM_ID_ROLE, ItemListModel, Shown
from tiffin.ui.models.search_results_model import SearchResultsModel
from tiffin.ui.placeholder import PlaceholderListView, say_when_empty
from tiffin.ui.rich_text_delegate import RichTextDelegate
from tiffin.ui.undo import ReadStateCommand

Progress = Callable[[Any], None]


class ItemListView(PlaceholderListView):
    """The item list; typing a letter does not jump to a title, so J and K can move instead."""

    def keyboardSearch(self, search: str) -> None:
        return


class ItemsPane(QStackedWidget):
    """The item list, or the search results while the search box holds text; the current
    one is shown in `reader` and marked read."""

    message = Signal(str)
    failed = Signal(str)
    read_changed = Signal()  # the unread counts changed
    download_requested = Signal(int, object)  # an item's media to queue, and its event or None

    def __init__(
        self,
        store: Store,
        paths: Paths,
        reader: ItemView,
        undo_stack: QUndoStack,
        title_of: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.paths, self.reader = store, paths, reader
        self.undo_stack, self.title_of = undo_stack, title_of
        self.images = ImageFolder(paths.data_dir / "images")
        self.latest = workers.Latest(self.failed.emit)
        self.model = ItemListModel(self, title_of)
        self.loaded_ids: list[int] | None = None
        self.events_of: Callable[[], list[Event]] = list  # the window gives its events
        self.list = ItemListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(ItemRowDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Items"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self.on_menu_requested)
        self.search_model = SearchResultsModel(self)
        self.search_list = PlaceholderListView()
        self.search_list.setModel(self.search_model)
        self.search_list.setItemDelegate(RichTextDelegate(self.search_list))
        self.search_list.setWordWrap(True)
        self.search_list.setAccessibleName(self.tr("Search results"))
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setMaximumWidth(320)
        self.shown_box = QComboBox()
        self.shown_box.setAccessibleName(self.tr("Show"))
        for shown, words in (
            (Shown.ALL, self.tr("All items")),
            (Shown.UNREAD, self.tr("Unread")),
            (Shown.READY, self.tr("Ready offline")),
        ):
            self.shown_box.addItem(words, shown)
        self.shown_box.currentIndexChanged.connect(
            lambda n: self.show_only(Shown(self.shown_box.itemData(n)))
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(200)
        self.search_timer.timeout.connect(self.run_search)
        self.addWidget(self.list)
        self.addWidget(self.search_list)
        self.list.selectionModel().currentChanged.connect(self.on_current_changed)
        self.search_list.selectionModel().currentChanged.connect(self.on_hit_current_changed)
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())
        self.reader.version_wanted.connect(self.on_version_wanted)

    def _write(self, task: Callable[[Progress, CancelToken], Any]) -> None:
        workers.start(task, lambda _r: self.read_changed.emit(), self.failed.emit, workers.writes())

    def reload(self) -> None:
        """List the same sources' items again (their badges may have changed)."""
        if self.loaded_ids is not None:
            self.load(self.loaded_ids)

    def load(self, source_ids: list[int]) -> None:
        """List the items of `source_ids`, newest first, keeping the current one."""
        self.loaded_ids = source_ids

        def done(rows: list[ItemRow]) -> None:
            keep = self.current_id()
            self.model.set_rows(rows)
            self.reselect(keep)
            self.say_next_step()

        self.latest.run(
            "items",
            lambda _p, _c: item_rows.list_item_rows(
                self.store, source_ids, trusted=keys.trusted(self.paths)
            ),
            done,
        )

    def on_menu_requested(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not index.isValid():
            return
        self.list.setCurrentIndex(index)
        row = self.model.row(index.row())
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one at each right-click
        toggle = menu.addAction(self.tr("Mark unread") if row.read else self.tr("Mark read"))
        toggle.triggered.connect(self.toggle_read)
        download = menu.addAction(self.tr("Download its video or audio"))
        download.triggered.connect(lambda: self.download_requested.emit(row.id, None))
        add_event_menu(
            menu,
            self.tr("Download for event"),
            self.events_of(),
            lambda name: self.download_requested.emit(row.id, name),
            with_none=False,
        )
        menu.popup(self.list.viewport().mapToGlobal(position))

    def show_only(self, shown: Shown) -> None:
        """List all the loaded items, only the unread ones or only those ready offline,
        keeping the current item when it is still listed."""
        keep = self.current_id()
        self.shown_box.blockSignals(True)  # its own change would list the items a second time
        self.shown_box.setCurrentIndex(self.shown_box.findData(shown))
        self.shown_box.blockSignals(False)
        self.model.set_shown(shown)
        self.reselect(keep)
        self.say_next_step()

    def say_next_step(self) -> None:
        """Name, in the empty list, what would fill it."""
        if self.model.loaded_count() == 0:
            text = self.tr(
                "No items here yet. Refresh (F5) while the line is good, or add a feed or a "
                "channel (Ctrl+N)."
            )
        elif self.model.shown == Shown.UNREAD:
            text = self.tr("Everything here is read. Show all items with Ctrl+Shift+A.")
        else:
            text = self.tr(
                "Nothing here is ready offline yet. Refresh (F5) and download videos (D) while "
                "the line is good."
            )
        say_when_empty(self.list, text)

    def reselect(self, item_id: int | None) -> None:
        """Make `item_id` current again if it is listed."""
        for position in range(self.model.rowCount()):
            if self.model.row(position).id == item_id:
                self.list.setCurrentIndex(self.model.index(position))
                return

    def current_id(self) -> int | None:
        """The id of the item current in the list, if any."""
        index = self.list.currentIndex()
        return self.model.row(index.row()).id if index.isValid() else None

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        position = current.row()
        row = self.model.row(position)

        def shown(item: Item) -> None:
            if not item.read:
                self.set_read(position, row.id, True)

        self.show_item(row.id, shown)

    def on_hit_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_item(int(current.data(ITEM_ID_ROLE)))

    def show_item(
        self,
        item_id: int,
        then: Callable[[Item], None] | None = None,
        version: Version = Version.ARTICLE,
    ) -> None:
        """Load an item (the `version` of it asked for) and its stored pictures in a worker,
        then show it in the reader."""

        def task(_p: Progress, _c: CancelToken) -> tuple[Item, dict[str, QImage], bool, str | None]:
            item = queries.get_item(self.store, item_id)
            untrusted = bool(item.packer) and item.packer not in keys.trusted(self.paths)
            body = None
            if version is Version.OTHER:
                body = articles.other_version(self.store, item_id)
            elif version is Version.PAGE:
                stored = partial(articles.picture_names, self.store)
                body = whole_page(articles.kept_page(self.store, item_id), item.url, stored)
            pictures = load_images(
                self.images, image_names(item.body_html if body is None else body)
            )
            return item, pictures, untrusted, body

        def done(loaded: tuple[Item, dict[str, QImage], bool, str | None]) -> None:
            item, pictures, untrusted, body = loaded
            title = self.title_of(item.source_id)
            self.reader.show_item(item, title, pictures, untrusted, version, body)
            if then is not None:
                then(item)

        workers.start(task, done, self.failed.emit)

    def on_version_wanted(self, item_id: int, version: str) -> None:
        """Show another reading of the item in the reader (from a link in its note)."""
        if version in tuple(Version):
            self.show_item(item_id, version=Version(version))

    def set_read(self, position: int, item_id: int, read: bool) -> None:
        """Mark an item read or unread, in the list at once and in the library in order."""
        if position < self.model.rowCount() and self.model.row(position).id == item_id:
            self.model.mark_read(position, read)
        self._write(lambda _p, _c: queries.set_read(self.store, [item_id], read))

    def step(self, step: int) -> None:
        """Move to the next (1) or previous (-1) item."""
        count = self.model.rowCount()
        if count:
            current = self.list.currentIndex().row()
            target = min(count - 1, max(0, current + step)) if current >= 0 else 0
            self.list.setCurrentIndex(self.model.index(target))

    def toggle_read(self) -> None:
        """Mark the current item unread if it is read, read if not (undoable)."""
        index = self.list.currentIndex()
        if not index.isValid():
            return
        row = self.model.row(index.row())
        label = self.tr("Mark read") if not row.read else self.tr("Mark unread")
        self.undo_stack.push(ReadStateCommand(label, {row.id: row.read}, not row.read, self.mark))

    def mark_all_read(self) -> None:
        """Mark every item in the list read (undoable)."""
        changes = {
            self.model.row(n).id: self.model.row(n).read for n in range(self.model.rowCount())
        }
        self.undo_stack.push(ReadStateCommand(self.tr("Mark all read"), changes, True, self.mark))

    def mark(self, item_ids: Sequence[int], read: bool) -> None:
        """Mark items read or unread: in the list at once, in the library in order."""
        wanted = set(item_ids)
        for position in range(self.model.rowCount()):
            if self.model.row(position).id in wanted:
                self.model.mark_read(position, read)
        self._write(lambda _p, _c: queries.set_read(self.store, list(item_ids), read))

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def clear_search(self) -> bool:
        """Empty the search box and go back to the list; False if it was empty already."""
        if not self.search_box.text():
            return False
        self.search_box.clear()
        self.list.setFocus()
        return True

    def run_search(self) -> None:
        """Search for what the box holds (in a worker); an empty box shows the item list."""
        text = self.search_box.text().strip()
        if not text:
            self.latest.drop("search")
            self.setCurrentWidget(self.list)
            return

        def done(hits: list[SearchHit]) -> None:
            say_when_empty(
                self.search_list, self.tr("Nothing matches “{0}”. Esc goes back.").format(text)
            )
            self.search_model.set_hits(hits)
            self.setCurrentWidget(self.search_list)
            self.message.emit(self.tr("{0} matches for “{1}”").format(len(hits), text))

        self.latest.run("search", lambda _p, _c: search(self.store, text), done)
