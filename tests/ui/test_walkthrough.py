"""A user's first hour, driven with keys, clicks and menus as a person would: subscribe, refresh,
read, add an event, pack a video for it, watch the count of what is ready, lose the line,
then read and watch offline. Each step's window is saved in build/screenshots/walk-*.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads, queries
from tiffin.library.store import Store
from tiffin.schedule.event_plan import READY
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.item_list_model import BADGE_ROLE

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CTRL = Qt.KeyboardModifier.ControlModifier
PAGE = "pages/100noticias.com-millones.html"


def _feed(web: TestWeb, clip: Path) -> str:
    page = web.add_fixture(PAGE)
    video = web.add("/walk/speech.mp4", clip.read_bytes(), "video/mp4")
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rally News</title>
<link>{web.url("/walk/")}</link><description>News of the rally</description>
<item><title>Millions expected</title><link>{page}</link><guid>a1</guid>
<description>The start of the story.</description><pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate>
</item>
<item><title>The speech, in full</title><link>{web.url("/walk/speech")}</link><guid>v1</guid>
<description>Watch the speech.</description><enclosure url="{video}" type="video/mp4"
length="{clip.stat().st_size}"/><pubDate>Wed, 02 Dec 2026 11:00:00 GMT</pubDate></item>
</channel></rss>"""
    return web.add("/walk/feed.xml", rss.encode(), "application/rss+xml")


def _shoot(window: MainWindow, step: int, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"walk-{step}-{name}-en.png"))


def _badge(window: MainWindow, title: str) -> str:
    model = window.item_model
    row = next(n for n in range(model.rowCount()) if model.row(n).title == title)
    return str(model.index(row).data(BADGE_ROLE))


def _menu_choice(parent: QMenu, *path: str) -> None:
    menu = parent
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    next(a for a in menu.actions() if a.text() == path[-1]).trigger()


def test_subscribe_read_pack_for_an_event_then_read_and_watch_offline(
    qtbot: QtBot, web: TestWeb, clip: Path, store: Store, paths: Paths, settings: Settings
) -> None:
    feed = _feed(web, clip)
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    assert "No subscriptions yet" in window.sources_pane.tree.placeholder
    _shoot(window, 1, "empty")

    # Subscribe: Ctrl+N, type the address, Enter
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddSourceDialog))
    qtbot.waitUntil(dialog.isVisible, timeout=QT_TIMEOUT_MS)
    qtbot.keyClicks(dialog.url_edit, feed)
    with qtbot.waitSignal(dialog.accepted, timeout=QT_TIMEOUT_MS):
        qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)

    # Refresh (F5) packs the full article while the line is good
    window.activateWindow()  # the dialog has closed; the keys go to the window again
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: _badge(window, "Millions expected") == "Full article", timeout=60_000)
    _shoot(window, 2, "subscribed")

    # Read it: J moves to the first item, the reader shows it
    window.item_list.setFocus()
    qtbot.keyClick(window.item_list, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: bool(window.item_view.toPlainText()), timeout=QT_TIMEOUT_MS)

    # An event: Ctrl+5, its name, Enter
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    view = window.events_view
    assert window.pane.currentWidget() is view
    qtbot.keyClicks(view.name_edit, "Rally")
    qtbot.keyClick(view.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [e.name for e in window.events] == ["Rally"], timeout=QT_TIMEOUT_MS)

    # Pack the speech for it from the item's menu; it downloads; the event counts it ready
    model = window.item_model
    speech = next(n for n in range(model.rowCount()) if model.row(n).title.startswith("The speech"))
    place = window.item_list.visualRect(model.index(speech)).center()
    window.item_list.customContextMenuRequested.emit(place)
    menu = next(m for m in window.items.findChildren(QMenu) if m.isVisible())
    _menu_choice(menu, "Download for event", "Rally")
    qtbot.waitUntil(
        lambda: [d.status for d in downloads.list_downloads(store)] == [downloads.Status.DONE],
        timeout=60_000,
    )
    _shoot(window, 3, "downloaded")
    window.pane.setCurrentWidget(view)
    qtbot.waitUntil(
        lambda: bool(view.plans and view.plans[0].count(READY) == 1), timeout=QT_TIMEOUT_MS
    )
    _shoot(window, 4, "event")

    # The line goes: every address of the test web now fails
    for path in ("/walk/feed.xml", "/walk/speech.mp4", "/fixtures/" + PAGE):
        web.fault(path, Fault(status=503))
    asked = len(web.requests())

    # Read offline: the article comes from the library, not the network
    window.pane.setCurrentWidget(window.item_view)
    article = next(n for n in range(model.rowCount()) if model.row(n).title == "Millions expected")
    window.item_list.setCurrentIndex(model.index(article))
    qtbot.waitUntil(
        lambda: window.item_view.toPlainText().startswith("Millions expected"),
        timeout=QT_TIMEOUT_MS,
    )
    packed = next(i for i in queries.list_items(store) if i.title == "Millions expected")
    shown = " ".join(window.item_view.toPlainText().split())
    assert packed.article_state == "full" and " ".join(packed.text.split())[:200] in shown
    _shoot(window, 5, "offline-reading")

    # Watch offline: Ctrl+6, Enter on the tile
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    qtbot.waitUntil(lambda: window.watch.model.rowCount() == 1, timeout=QT_TIMEOUT_MS)
    window.watch.grid.setFocus()
    window.watch.grid.setCurrentIndex(window.watch.model.index(0))
    _shoot(window, 6, "watch")
    qtbot.keyClick(window.watch.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.player.entry is not None, timeout=QT_TIMEOUT_MS)
    assert window.pane.currentWidget() is window.player
    qtbot.waitUntil(lambda: window.player.player.position() > 0, timeout=QT_TIMEOUT_MS)
    window.player.player.pause()
    _shoot(window, 7, "playing-offline")
    assert len(web.requests()) == asked  # reading and watching asked nothing of the network
