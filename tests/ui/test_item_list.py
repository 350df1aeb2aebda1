"""The item list's badges for what is packed, its filters and its empty state, driven from the
keyboard as a person would."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import articles, downloads, events, queries
from tiffin.library.articles import FEED_TEXT, FULL, PackedArticle
from tiffin.library.downloads import DoneFile
from tiffin.library.item_rows import Packed
from tiffin.library.models import Enclosure, NewItem
from tiffin.library.store import Store
from tiffin.ui.item_row_delegate import BADGE_COLOURS
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.item_list_model import BADGE_ROLE, Shown

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _library(store: Store) -> None:
    source, _ = queries.add_source(store, "https://news.example/feed.xml", "Dawn")
    queries.save_items(
        store,
        source.id,
        [
            NewItem("a", "https://news.example/a", "Packed", published=4.0),
            NewItem("b", "https://news.example/b", "Cut", published=3.0),
            NewItem("c", "https://news.example/c", "Video", published=2.0),
            NewItem("d", "https://news.example/d", "Waiting", published=1.0),
        ],
        time.time(),
    )
    ids = {row.title: row.id for row in queries.list_items(store)}
    articles.save_article(store, PackedArticle(ids["Packed"], FULL, html="<p>x</p>"), None, [], 1)
    articles.save_article(
        store, PackedArticle(ids["Cut"], FEED_TEXT, note="the page answered 403"), None, [], 1
    )
    done = downloads.enqueue(store, "https://news.example/c.mp4", item_id=ids["Video"])
    downloads.record_done(store, done.id, DoneFile("Video", "c.mp4", 1000, 5.0))


def _window(qtbot: QtBot, store: Store, paths: Paths, settings: Settings) -> MainWindow:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.item_model.loaded_count() > 0, timeout=QT_TIMEOUT_MS)
    return window


def _shown(window: MainWindow) -> dict[str, str]:
    model = window.item_model
    return {
        model.row(n).title: str(model.index(n).data(BADGE_ROLE)) for n in range(model.rowCount())
    }


def test_badges_say_what_is_packed_and_the_filters_narrow_the_list(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    _library(store)
    window = _window(qtbot, store, paths, settings)
    assert _shown(window) == {
        "Packed": "Full article",
        "Cut": "Summary only",
        "Video": "Video ready",
        "Waiting": "Not packed yet",
    }
    cut = next(n for n in range(4) if window.item_model.row(n).title == "Cut")
    assert "the page answered 403" in window.item_model.index(cut).data(Qt.ItemDataRole.ToolTipRole)
    image = window.item_list.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(80)}
    assert QColor(BADGE_COLOURS[Packed.FULL]).name() in colours  # the badge is painted

    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        CTRL_SHIFT,
    )
    assert set(_shown(window)) == {"Packed", "Video"}
    assert window.items.shown_box.currentText() == "Ready offline"

    video = next(n for n in range(2) if window.item_model.row(n).title == "Video")
    place = window.item_list.visualRect(window.item_model.index(video)).center()
    qtbot.mouseClick(window.item_list.viewport(), Qt.MouseButton.LeftButton, pos=place)
    qtbot.waitUntil(lambda: window.item_model.row(video).read, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key.Key_U, CTRL_SHIFT)
    assert "Video" not in _shown(window)  # read, so no longer listed once the list is re-made
    assert {"Cut", "Waiting"} <= set(_shown(window))
    assert window.item_model.shown == Shown.UNREAD
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        CTRL_SHIFT,
    )
    assert len(_shown(window)) == 4


def test_an_empty_list_names_what_would_fill_it(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "https://news.example/feed.xml", "Dawn")
    queries.save_items(store, source.id, [NewItem("d", "https://news.example/d", "Waiting")], 1.0)
    window = _window(qtbot, store, paths, settings)
    window.items.show_only(Shown.READY)
    assert window.item_model.rowCount() == 0
    assert "ready offline" in window.item_list.placeholder
    assert window.item_list.accessibleDescription() == window.item_list.placeholder
    image = window.item_list.grab().toImage()
    background = image.pixelColor(2, 2)
    painted = {
        (x, y)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y) != background
    }
    assert painted  # the words are drawn, not only set
    window.items.show_only(Shown.ALL)
    assert window.item_model.rowCount() == 1


def test_in_a_right_to_left_window_the_badge_is_set_at_the_right_like_the_rows(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    _library(store)
    window = _window(qtbot, store, paths, settings)
    full = QColor(BADGE_COLOURS[Packed.FULL]).name()

    def badge_columns() -> list[int]:
        image = window.item_list.grab().toImage()
        return [
            x
            for x in range(image.width())
            for y in range(0, 80)
            if image.pixelColor(x, y).name() == full
        ]

    left_to_right = badge_columns()
    assert left_to_right and max(left_to_right) < window.item_list.width() // 2
    window.item_list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as in Urdu
    right_to_left = badge_columns()  # an English row, set against the right edge
    assert right_to_left and min(right_to_left) > window.item_list.width() // 2


def test_an_items_video_is_queued_for_an_event_from_its_menu(
    qtbot: QtBot, web: TestWeb, clip: Path, store: Store, paths: Paths, settings: Settings
) -> None:
    url = web.add("/ep1.mp4", clip.read_bytes(), "video/mp4")
    source, _ = queries.add_source(store, "https://news.example/feed.xml", "Dawn")
    episode = NewItem(
        "e1", "https://news.example/e1", "Episode", enclosures=(Enclosure(url, "video/mp4", 1000),)
    )
    queries.save_items(store, source.id, [episode], time.time())
    events.add_event(store, "Rally", time.time() + 3600)
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: [e.name for e in window.events] == ["Rally"], timeout=QT_TIMEOUT_MS)
    place = window.item_list.visualRect(window.item_model.index(0)).center()
    window.item_list.customContextMenuRequested.emit(place)  # a right-click on the row
    menu = next(m for m in window.items.findChildren(QMenu) if m.isVisible())
    packing = next(a.menu() for a in menu.actions() if a.text() == "Download for event")
    next(a for a in packing.actions() if a.text() == "Rally").trigger()
    qtbot.waitUntil(lambda: len(downloads.list_downloads(store)) == 1, timeout=QT_TIMEOUT_MS)
    (entry,) = downloads.list_downloads(store)
    rally = events.event_named(store, "Rally")
    assert entry.event_id == rally.id and entry.url == url
    qtbot.waitUntil(
        lambda: bool(window.events_view.plans and window.events_view.plans[0].entries),
        timeout=QT_TIMEOUT_MS,
    )
    window.downloads.stop_queue()
