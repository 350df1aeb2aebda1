"""The events view: adding an event from the keyboard, a source dragged onto it, the entries,
the countdown and the estimate, "Pack now" refreshing what is tagged, removal undone; and a
source tagged from its menu."""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads, events, queries
from tiffin.library.store import Store
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.events_model import EntriesModel
from tiffin.ui.models.source_tree_model import SOURCE_IDS_MIME

MB = 1_000_000


def _window(qtbot: QtBot, store: Store, paths: Paths, settings: Settings) -> MainWindow:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _drop(view: QWidget, ids: list[int], at: QPoint) -> None:
    """What Qt sends while a person drags rows of the source tree onto `view`."""
    data = QMimeData()
    data.setData(SOURCE_IDS_MIME, ",".join(map(str, ids)).encode())
    action, button, keys = (
        Qt.DropAction.LinkAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, QDragEnterEvent(at, action, data, button, keys))
    QApplication.sendEvent(view, QDropEvent(QPointF(at), action, data, button, keys))


def test_an_event_is_added_filled_by_a_drop_and_packed(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    feed = web.add_fixture("feeds/DaringFireball.rss")
    source, _ = queries.add_source(store, feed, "Daring Fireball")
    window = _window(qtbot, store, paths, settings)
    view = window.events_view
    assert view.pages.currentWidget() is view.empty  # the empty state says what to do
    assert "drag a source" in view.empty.text()

    window.pane.setCurrentWidget(view)
    qtbot.keyClicks(view.name_edit, "rally")
    qtbot.keyClick(view.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.plans) == 1, timeout=QT_TIMEOUT_MS)
    assert view.heading.text() == "rally" and view.countdown.text().startswith("in ")
    assert "Added event rally" in window.status_label.text()

    qtbot.waitUntil(lambda: window.source_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    row = window.source_model.index(0, 0, window.source_model.index(1, 0))
    row = row if row.isValid() else window.source_model.index(1, 0)
    dragged = window.source_model.mimeData([row]).data(SOURCE_IDS_MIME)
    assert bytes(dragged.data()) == str(source.id).encode()  # what the tree's drag carries
    target = view.event_list.visualRect(view.events_model.index(0)).center()
    _drop(view.event_list.viewport(), [source.id], target)
    qtbot.waitUntil(lambda: view.plans[0].event.sources == 1, timeout=QT_TIMEOUT_MS)
    assert queries.get_source(store, source.id).event_id == view.plans[0].event.id
    title = view.entries_model.index(0, EntriesModel.TITLE).data()
    assert title == "Daring Fireball"

    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Packed for rally" in window.status_label.text(), timeout=30_000)
    assert queries.get_source(store, source.id).total > 0  # the tagged source was refreshed
    assert web.requests("/fixtures/feeds/DaringFireball.rss")


def test_the_estimate_and_an_undone_removal(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    events.add_event(store, "rally", time.time() + 60)
    entry = downloads.enqueue(store, "https://video.example/speech")
    downloads.record_progress(store, entry.id, 0, 200 * MB, "The speech")
    events.tag(store, "rally", download_ids=[entry.id])
    save_observations(store, [Observation("video.example", "ok", time.time(), 10 * MB, 10.0)])
    window = _window(qtbot, store, paths, settings)
    view = window.events_view
    qtbot.waitUntil(lambda: len(view.plans) == 1, timeout=QT_TIMEOUT_MS)
    assert "not ready before it begins" in view.outlook.text()  # 200 s of work, 60 s to go
    assert view.entries_model.index(0, EntriesModel.SIZE).data().strip("\u2066\u2069") == (
        "0 B / 190.7 MiB"
    )

    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.plans, timeout=QT_TIMEOUT_MS)
    assert view.pages.currentWidget() is view.empty
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(view.plans) == 1, timeout=QT_TIMEOUT_MS)
    assert events.event_named(store, "rally").downloads == 1  # back, tagged as it was


def test_a_source_is_packed_for_an_event_from_its_menu(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "https://feeds.example/news.xml", "News")
    events.add_event(store, "rally", time.time() + 86400)
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: bool(window.events and window.sources), timeout=QT_TIMEOUT_MS)
    window.sources_pane.pack_for_event(window.sources[0], "rally")
    qtbot.waitUntil(lambda: window.sources[0].event_id is not None, timeout=QT_TIMEOUT_MS)
    assert events.event_named(store, "rally").sources == 1
    assert queries.get_source(store, source.id).event_id == window.events[0].id
    qtbot.waitUntil(lambda: window.events_view.plans[0].event.sources == 1, timeout=QT_TIMEOUT_MS)
