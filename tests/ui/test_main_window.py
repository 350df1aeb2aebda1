"""The window, driven with pytest-qt against the test web (offscreen)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import FIXTURES, TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import queries
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.ui import workers
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog, is_web_address
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.item_list_model import ITEM_ID_ROLE
from tiffin.ui.models.source_tree_model import SOURCE_IDS_ROLE


def _window(qtbot: QtBot, store: Store, paths: Paths, settings: Settings) -> MainWindow:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.source_model.rowCount() >= 1, timeout=QT_TIMEOUT_MS)
    return window


def _open_add_dialog(qtbot: QtBot, window: MainWindow) -> AddSourceDialog:
    dialog = window.subscriptions.make_add_dialog()
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _titles(window: MainWindow) -> list[str]:
    model = window.item_model
    return [model.index(r).data().split("\n")[0] for r in range(model.rowCount())]


def test_add_subscription_dialog_shows_items(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    window = _window(qtbot, store, paths, settings)
    dialog = _open_add_dialog(qtbot, window)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.url_edit, "not a url")
    assert not ok.isEnabled()
    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, web.add_fixture("feeds/manton.rss"))
    dialog.folder_box.setEditText("Blogs")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=QT_TIMEOUT_MS):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 10, timeout=QT_TIMEOUT_MS)
    stored = queries.list_items(store)
    ids = [window.item_model.index(r).data(ITEM_ID_ROLE) for r in range(10)]
    assert ids == [i.id for i in stored]
    titles = _titles(window)
    assert "(untitled)" not in titles and all(titles)
    assert [t for t in titles if t in {i.title for i in stored}]
    (source,) = queries.list_sources(store)
    assert source.folder == "Blogs"


def test_add_dialog_keeps_open_with_the_reason(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    window = _window(qtbot, store, paths, settings)
    dialog = _open_add_dialog(qtbot, window)
    dialog.url_edit.setText(web.add("/nofeed", "<!doctype html><p>hello</p>", "text/html"))
    dialog.on_subscribe_clicked()
    qtbot.waitUntil(lambda: "names no feed" in dialog.message.text(), timeout=QT_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.url_edit.isEnabled()
    assert queries.list_sources(store) == []


def test_refresh_shows_progress_and_marks_failed_sources(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    good = web.add_fixture("feeds/atp.rss")
    bad = web.add("/bad", (FIXTURES / "feeds-malformed" / "rss_empty_document.xml").read_bytes())
    queries.add_source(store, good, folder="Podcasts")
    queries.add_source(store, bad)
    window = _window(qtbot, store, paths, settings)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.refresh_worker is None, timeout=QT_TIMEOUT_MS)
    assert "1 failed" in window.status_label.text(), window.status_label.text()
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 100, timeout=QT_TIMEOUT_MS)
    bad_source = queries.source_by_url(store, bad)

    def bad_row_tooltip() -> str:
        model = window.source_model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(SOURCE_IDS_ROLE) == [bad_source.id]:
                return str(index.data(Qt.ItemDataRole.ToolTipRole))
        return ""

    qtbot.waitUntil(lambda: "not a feed" in bad_row_tooltip(), timeout=QT_TIMEOUT_MS)


def test_keyboard_moves_and_marks_read(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, web.add_fixture("feeds/manton.rss"))
    refresh_sources(store, paths, settings)
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 10, timeout=QT_TIMEOUT_MS)
    window.item_list.setFocus()
    window.item_list.setCurrentIndex(window.item_model.index(0))
    first = window.item_model.row(0)
    qtbot.waitUntil(lambda: queries.get_item(store, first.id).read, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.item_view.toPlainText() != "", timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window.item_list, Qt.Key.Key_J)
    assert window.item_list.currentIndex().row() == 1
    qtbot.waitUntil(lambda: queries.get_source(store, source.id).unread == 8, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window.item_list, Qt.Key.Key_K)
    assert window.item_list.currentIndex().row() == 0
    qtbot.waitUntil(lambda: workers.wait_for_all(0), timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window.item_list, Qt.Key.Key_M)  # toggle: the first item is unread again
    qtbot.waitUntil(lambda: not queries.get_item(store, first.id).read, timeout=QT_TIMEOUT_MS)


def test_is_web_address() -> None:
    assert is_web_address("https://example.com/feed")
    assert not is_web_address("javascript:alert(1)")
    assert not is_web_address("example.com")


def test_opml_import_from_window(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, tmp_path: Path
) -> None:
    window = _window(qtbot, store, paths, settings)
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        f'<outline type="rss" text="Manton" xmlUrl="{web.add_fixture("feeds/manton.rss")}"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    window.subscriptions.import_opml(opml)
    qtbot.waitUntil(lambda: queries.list_sources(store) != [], timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: window.refresh_worker is None and queries.list_sources(store)[0].total == 10,
        timeout=QT_TIMEOUT_MS,
    )
    assert queries.list_sources(store)[0].folder == "News"


def test_source_menu_sets_full_articles_or_summaries(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, web.add_fixture("feeds/manton.rss"), "Manton")
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: bool(window.sources), timeout=QT_TIMEOUT_MS)
    assert [value for _, value in window.sources_pane.article_modes()] == [True, False, None]
    window.sources_pane.set_article_mode(source.id, False)
    qtbot.waitUntil(
        lambda: [s.full_articles for s in window.sources] == [False], timeout=QT_TIMEOUT_MS
    )
    assert queries.get_source(store, source.id).full_articles is False
    row = window.source_model.index(1, 0)
    position = window.source_tree.visualRect(row).center()
    window.sources_pane.on_menu_requested(position)
    menu = next(m for m in window.findChildren(QMenu) if m.isVisible())  # not the tray's
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == ["Summaries only"]
    menu.close()


def test_unsubscribing_removes_the_source_and_its_items(
    qtbot: QtBot,
    web: TestWeb,
    store: Store,
    paths: Paths,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept, _ = queries.add_source(store, web.add_fixture("feeds/manton.rss"), "Manton")
    gone, _ = queries.add_source(store, web.add_fixture("feeds/atp.rss"), "ATP")
    refresh_sources(store, paths, settings)
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: len(window.sources) == 2, timeout=QT_TIMEOUT_MS)
    row = next(
        window.source_model.index(r, 0)
        for r in range(window.source_model.rowCount())
        if window.source_model.index(r, 0).data(SOURCE_IDS_ROLE) == [gone.id]
    )
    window.sources_pane.on_menu_requested(window.source_tree.visualRect(row).center())
    menu = next(m for m in window.findChildren(QMenu) if m.isVisible())
    assert "&Unsubscribe…" in [a.text() for a in menu.actions()]
    menu.close()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    shown = next(s for s in window.sources if s.id == gone.id)
    window.sources_pane.unsubscribe(shown)
    assert (shown.title or shown.url) in asked[0]  # the confirmation names the source
    qtbot.waitUntil(lambda: [s.id for s in window.sources] == [kept.id], timeout=QT_TIMEOUT_MS)
    assert [s.id for s in queries.list_sources(store)] == [kept.id]
    assert queries.list_items(store, [gone.id]) == []


def test_each_item_row_names_its_source_and_date(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "https://news.example/feed.xml", "Dawn")
    last_year = time.time() - 400 * 86400
    queries.save_items(
        store,
        source.id,
        [NewItem("a", "https://news.example/a", "", published=last_year), NewItem("b", "", "")],
        time.time(),
    )
    window = _window(qtbot, store, paths, settings)
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    rows = {window.item_model.row(n).published: window.item_model.index(n).data() for n in (0, 1)}
    dated = rows.pop(last_year).split("\n")
    assert dated[0] == "(untitled)"  # an item with no title is not a blank row
    year = str(time.localtime(last_year).tm_year)[2:]
    assert dated[1].startswith("\u2068Dawn · ") and year in dated[1]
    (fetched,) = rows.values()  # dated when it was fetched, today: shown as a time of day
    assert fetched.split("\n")[1].startswith("\u2068Dawn · \u2066")
