"""The reader says when an article looks cut short and offers the whole kept page and the
other reading, by keyboard as by mouse, with nothing fetched; screenshots at 1366x768 in
English and Urdu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.collapsed import HIDDEN_LINE, mislabelled_page
from support.pages import PAGES
from support.testweb import TestWeb
from support.walkthrough import SHOTS
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.library import queries
from tiffin.library.articles import FULL
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.ui import i18n
from tiffin.ui.item_view import Version
from tiffin.ui.main_window import MainWindow


@pytest.fixture(params=["en", "ur"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield str(request.param)
    i18n.install(qapp, "en")


def _follow_link(qtbot: QtBot, window: MainWindow, count: int) -> None:
    """Move to the reader's `count`-th link with Tab, as a keyboard user does, and press it."""
    reader = window.item_view
    reader.setFocus()
    for _ in range(count):
        qtbot.keyClick(reader, Qt.Key.Key_Tab)
    qtbot.keyClick(reader, Qt.Key.Key_Return)


def test_a_short_article_offers_the_whole_page_and_the_other_reading(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, language: str
) -> None:
    cut = web.add("/rally.html", mislabelled_page(), "text/html")
    whole = web.add("/banks.html", (PAGES / "np_cnn_article.html").read_bytes(), "text/html")
    web.generated_images = True
    source, _ = queries.add_source(store, "http://news.test/feed", "News")
    queries.save_items(
        store,
        source.id,
        [NewItem("b", whole, "Banks", published=1.0), NewItem("r", cut, "Rally", published=2.0)],
        1.0,
    )
    assert pack_articles(store, paths, settings, transport=web.transport()).count(FULL) == 2
    web.reset()

    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    window.item_list.setFocus()
    qtbot.keyClick(window.item_list, Qt.Key.Key_Home)
    reader = window.item_view
    qtbot.waitUntil(
        lambda: "Paragraph 2 of the speech" in reader.toPlainText(), timeout=QT_TIMEOUT_MS
    )
    assert HIDDEN_LINE not in reader.toPlainText()
    if language == "en":
        assert "This article may be cut short" in reader.toPlainText()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"reader-cut-short-{language}.png"))

    _follow_link(qtbot, window, 2)  # past "original page" to "Show the whole page"
    qtbot.waitUntil(lambda: HIDDEN_LINE in reader.toPlainText(), timeout=QT_TIMEOUT_MS)
    assert reader.version is Version.PAGE
    assert window.grab().save(str(SHOTS / f"reader-whole-page-{language}.png"))
    _follow_link(qtbot, window, 2)  # "Show the article as packed"
    qtbot.waitUntil(lambda: HIDDEN_LINE not in reader.toPlainText(), timeout=QT_TIMEOUT_MS)
    assert reader.version is Version.ARTICLE

    qtbot.keyClick(window.item_list, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: "Steve Cowan" in reader.toPlainText(), timeout=QT_TIMEOUT_MS)
    packed = reader.toPlainText()
    _follow_link(qtbot, window, 2)  # "Show the other version"
    qtbot.waitUntil(lambda: reader.version is Version.OTHER, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: reader.toPlainText() != packed, timeout=QT_TIMEOUT_MS)
    assert "Steve Cowan" in reader.toPlainText()
    assert web.log == []  # every version was read from the library
