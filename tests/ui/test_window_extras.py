"""The main window's conveniences: undo of read state, the shortcuts list (F1 or ?), drops of
addresses and OPML files, the tray's notifications, and the next event's countdown."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import TestWeb
from tiffin.cli.main import given_target
from tiffin.config import Paths, Settings
from tiffin.library import downloads, events, queries
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.sources.opml import OpmlEntry, write_opml
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog
from tiffin.ui.main_window import MainWindow
from tiffin.ui.shortcuts_dialog import ShortcutsDialog


def _window(qtbot: QtBot, store: Store, paths: Paths, settings: Settings) -> MainWindow:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    return window


def _read_states(store: Store) -> list[bool]:
    return [i.read for i in sorted(queries.list_items(store), key=lambda i: i.id)]


def test_read_state_changes_can_be_undone(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "https://news.example/feed.xml", "News")
    new = [NewItem(f"g{n}", f"https://news.example/{n}", f"Story {n}") for n in range(3)]
    queries.save_items(store, source.id, new, time.time())
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 3, timeout=QT_TIMEOUT_MS)

    window.mark_all_action.trigger()
    qtbot.waitUntil(lambda: _read_states(store) == [True] * 3, timeout=QT_TIMEOUT_MS)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _read_states(store) == [False] * 3, timeout=QT_TIMEOUT_MS)
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _read_states(store) == [True] * 3, timeout=QT_TIMEOUT_MS)
    assert window.undo_action.text().replace("&", "") == "Undo Mark all read"


def test_shortcuts_list_drops_tray_and_countdown(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, tmp_path: Path
) -> None:
    events.add_event(store, "rally", time.time() + 86400 + 3 * 3600 + 60)
    entry = downloads.enqueue(store, "https://video.example/rally")
    events.tag(store, "rally", download_ids=[entry.id])
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(
        lambda: "\u2068rally\u2069 in 1 d 3 h" in window.event_label.text(), timeout=QT_TIMEOUT_MS
    )
    assert window.event_label.text().endswith("0/1 packed")

    window.shortcuts_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog))
    listed = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert listed["Refresh all"] == "F5" and "F1" in listed["Keyboard shortcuts"]
    dialog.close()

    mime = QMimeData()
    opml = tmp_path / "friends.opml"
    feed = web.add_fixture("feeds/atp.rss")
    write_opml(opml, [OpmlEntry(feed, "ATP", "", "Podcasts")])
    mime.setUrls([QUrl.fromLocalFile(str(opml)), QUrl("https://news.example/feed.xml")])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert window.drops.eventFilter(window, drop)  # what Qt calls when something is dropped
    qtbot.waitUntil(lambda: bool(queries.list_sources(store)), timeout=QT_TIMEOUT_MS)
    assert queries.list_sources(store)[0].url == feed
    qtbot.waitUntil(lambda: window.refresh_worker is None, timeout=QT_TIMEOUT_MS)
    adding = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddSourceDialog))
    assert adding.url_edit.text() == "https://news.example/feed.xml"
    adding.close()

    window.downloads.notable.emit("Recording started", "Rally in Lahore")
    downloads.set_status(store, entry.id, downloads.Status.DONE)
    window.downloads.queue_finished.emit()
    packed = ("Packed for rally", "All 1 downloads are ready")
    qtbot.waitUntil(lambda: packed in window.tray.shown, timeout=QT_TIMEOUT_MS)
    assert window.tray.shown[0] == ("Recording started", "Rally in Lahore")


def test_a_file_or_address_given_to_tiffin_is_offered(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, tmp_path: Path
) -> None:
    """What the file manager passes through the .desktop file's `Exec=tiffin %U`."""
    opml = tmp_path / "friends.opml"
    feed = web.add_fixture("feeds/atp.rss")
    write_opml(opml, [OpmlEntry(feed, "ATP", "", "Podcasts")])
    commands = {"add", "refresh", "opml"}
    assert given_target(["--data-dir", "x", str(opml)], commands) == (
        ["--data-dir", "x"],
        str(opml),
    )
    assert given_target([f"file://{opml}"], commands) == ([], str(opml))
    assert given_target(["feed://news.example/rss"], commands) == ([], "https://news.example/rss")
    assert given_target(["opml", "import", str(opml)], commands)[1] is None
    assert given_target(["no-such-command"], commands) == (["no-such-command"], None)

    window = _window(qtbot, store, paths, settings)
    window.subscriptions.open_given(str(opml))
    box = window.subscriptions.opening_box
    assert box.isVisible() and "friends.opml" in box.text()
    assert queries.list_sources(store) == []  # nothing before the user says yes
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(queries.list_sources(store)), timeout=QT_TIMEOUT_MS)
    assert queries.list_sources(store)[0].url == feed
    qtbot.waitUntil(lambda: window.refresh_worker is None, timeout=QT_TIMEOUT_MS)

    window.subscriptions.open_given("https://news.example/other.xml")
    adding = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, AddSourceDialog) and w.url_edit.text() == "https://news.example/other.xml"
    ]
    assert len(adding) == 1 and adding[0].isVisible()
    adding[0].close()


def test_an_error_shows_in_a_bar_inside_the_window_not_a_modal_box(
    qtbot: QtBot, qapp: QApplication, store: Store, paths: Paths, settings: Settings
) -> None:
    window = _window(qtbot, store, paths, settings)
    window.show()
    qtbot.waitExposed(window)
    window.on_task_failed("port 8765 is busy")
    assert qapp.activeModalWidget() is None  # the window stays usable
    assert window.message_bar.isVisible() and "8765" in window.message_bar.text.text()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.message_bar.isVisible()
