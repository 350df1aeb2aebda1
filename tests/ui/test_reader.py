"""The reader: packed articles shown with local pictures only, right-to-left text, text size,
search with highlighted snippets, and hostile feeds rendered with zero network."""

from __future__ import annotations

import feedparser
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.pages import Page, all_pages, serve
from support.testweb import FIXTURES, TestWeb
from tiffin.articles.extract import extract_article
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import queries
from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.ui.item_view import ItemView, image_names
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.item_list_model import ITEM_ID_ROLE


def _pictured_page() -> Page:
    for page in all_pages():
        article = extract_article(page.path.read_bytes(), page.url)
        if article and len(article.image_urls) >= 2 and article.lang in ("en", ""):
            return page
    raise AssertionError("no fixture page with pictures")


def _pack(web: TestWeb, store: Store, paths: Paths, settings: Settings, pages: list[Page]) -> None:
    serve(web, pages)
    web.generated_images = True
    source, _ = queries.add_source(store, "http://news.test/feed", "News")
    queries.save_items(
        store, source.id, [NewItem(p.path.name, p.url, p.path.stem) for p in pages], 1.0
    )
    assert pack_articles(store, paths, settings, transport=web.transport()).count(FULL) == len(
        pages
    )


def _window(qtbot: QtBot, store: Store, paths: Paths, settings: Settings) -> MainWindow:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.item_model.rowCount() > 0, timeout=QT_TIMEOUT_MS)
    return window


def test_packed_article_shows_local_pictures_and_fetches_nothing(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    page = _pictured_page()
    _pack(web, store, paths, settings, [page])
    (item,) = queries.list_items(store)
    names = image_names(item.article_html)
    assert names
    requests_before = len(web.log)

    window = _window(qtbot, store, paths, settings)
    window.item_list.setCurrentIndex(window.item_model.index(0))
    qtbot.waitUntil(lambda: item.title in window.item_view.toPlainText(), timeout=QT_TIMEOUT_MS)
    document = window.item_view.document()
    for name in names:
        picture = document.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"tiffin-image:{name}")
        )
        assert isinstance(picture, QImage) and not picture.isNull()
    assert window.item_view.loadResource(2, QUrl("https://example.com/x.png")) is None
    assert len(web.log) == requests_before  # reading issued no request at all


def test_right_to_left_article_and_text_size(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    arabic = next(p for p in all_pages() if p.path.name == "np_arabic_article.html")
    _pack(web, store, paths, settings, [arabic])
    window = _window(qtbot, store, paths, settings)
    window.item_list.setCurrentIndex(window.item_model.index(0))
    qtbot.waitUntil(lambda: window.item_view.right_to_left, timeout=QT_TIMEOUT_MS)
    option = window.item_view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    before = window.item_view.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.item_view.zoom == 1 and window.item_view.font().pointSizeF() > before
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.item_view.zoom == 0


def test_search_box_lists_highlighted_snippets(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "http://a.test/f", "A")
    queries.save_items(
        store,
        source.id,
        [
            NewItem("1", "", "Rally", text="The opposition gathers downtown on Sunday"),
            NewItem("2", "", "جلسہ", text="اسلام آباد میں جلسہ اتوار کو ہوگا"),
            NewItem("3", "", "Weather", text="Rain later"),
        ],
        1.0,
    )
    window = _window(qtbot, store, paths, settings)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "gath")
    qtbot.waitUntil(lambda: window.search_model.rowCount() == 1, timeout=QT_TIMEOUT_MS)
    assert window.search_model.index(0).data() == "Rally"
    window.search_box.setText("جلسہ")  # QTest cannot type this script; the box takes it as typed
    qtbot.waitUntil(lambda: window.search_model.index(0).data() == "جلسہ", timeout=QT_TIMEOUT_MS)
    assert window.lists.currentWidget() is window.search_list
    rich = window.search_model.data(window.search_model.index(0), Qt.ItemDataRole.UserRole + 2)
    assert "<b>جلسہ</b>" in rich
    window.search_list.setCurrentIndex(window.search_model.index(0))
    qtbot.waitUntil(lambda: "اتوار" in window.item_view.toPlainText(), timeout=QT_TIMEOUT_MS)
    assert window.item_view.right_to_left
    hit_id = window.search_model.index(0).data(ITEM_ID_ROLE)
    assert queries.get_item(store, hit_id).title == "جلسہ"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""
    qtbot.waitUntil(lambda: window.lists.currentWidget() is window.item_list, timeout=QT_TIMEOUT_MS)


@pytest.mark.parametrize("folder", ["feeds-hostile"])
def test_every_hostile_feed_is_stored_and_rendered_with_zero_network(
    folder: str, qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    files = sorted((FIXTURES / folder).iterdir())
    for path in files:
        queries.add_source(store, web.add_fixture(f"{folder}/{path.name}"))
    report = refresh_sources(store, paths, settings)
    assert not report.failed, report.failed[:3]
    fetched = len(web.log)
    view = ItemView()
    qtbot.addWidget(view)
    asked: list[str] = []
    view.loadResource = lambda _kind, name: asked.append(QUrl(name).toString())  # type: ignore[method-assign]
    items = queries.list_items(store)
    assert len(items) == sum(len(feedparser.parse(f.read_bytes()).entries) for f in files)
    assert all("<" not in s.title for s in queries.list_sources(store))
    for item in items:
        view.show_item(queries.get_item(store, item.id), "hostile")
        shown = view.toHtml().lower()
        assert "<script" not in shown and "javascript:" not in shown
        assert "onerror" not in shown and "onload" not in shown
    qtbot.wait(50)
    assert len(web.log) == fetched  # rendering sent nothing, even for remote images asked for
    assert all(not a.startswith("tiffin-image:") for a in asked)


_PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of a long enough article about the rally on Sunday evening in the city.</p>"
    for n in range(12)
)
HOSTILE_PAGES = {
    "script": f"<script>fetch('http://evil.test/s')</script><article>{_PARAGRAPHS}</article>",
    "handlers": f'<article><p onclick="x()" onmouseover="y()">Hi</p>{_PARAGRAPHS}'
    '<img src="/ok.png" onerror="fetch(\'http://evil.test/e\')"></article>',
    "javascript-data": f'<article>{_PARAGRAPHS}<a href="javascript:alert(1)">j</a>'
    '<a href="data:text/html,<script>alert(1)</script>">d</a>'
    '<img src="data:image/svg+xml,<svg onload=alert(1)>"></article>',
    "css": "<style>@import url(http://evil.test/c.css); body{background:url(http://evil.test/b)}"
    f'</style><article style="background:url(http://evil.test/i)">{_PARAGRAPHS}</article>',
    "srcset": f'<article>{_PARAGRAPHS}<img srcset="http://evil.test/a.png 1x, '
    'http://evil.test/b.png 2x"><picture><source srcset="http://evil.test/p.webp">'
    '<img src="/pic.png"></picture></article>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=http://evil.test/r">'
    f"<article>{_PARAGRAPHS}</article>",
    "frames": f'<article>{_PARAGRAPHS}<iframe src="http://evil.test/f"></iframe>'
    '<object data="http://evil.test/o"></object><embed src="http://evil.test/e"></article>',
    "svg": f'<article>{_PARAGRAPHS}<svg><script>fetch("http://evil.test/v")</script>'
    '<image href="http://evil.test/i.png"/></svg></article>',
    "base": f'<base href="http://evil.test/"><article>{_PARAGRAPHS}<img src="rel.png"></article>',
    "charset": '<meta charset="utf-7"><article>+ADw-script+AD4-alert(1)+ADw-/script+AD4-'
    f"{_PARAGRAPHS}</article>",
    "deep": "<div>" * 10_000 + _PARAGRAPHS + "</div>" * 10_000,
}


def test_hostile_pages_are_packed_safely_and_read_with_zero_network(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    web.generated_images = True
    source, _ = queries.add_source(store, "http://hostile.test/feed", "Hostile")
    urls = [
        web.add(f"/hostile/{name}", f"<html><body>{page}</body></html>", "text/html")
        for name, page in HOSTILE_PAGES.items()
    ]
    queries.save_items(store, source.id, [NewItem(u, u, u.rsplit("/", 1)[1]) for u in urls], 1.0)
    report = pack_articles(store, paths, settings)
    assert not report.failed
    assert not [r for r in web.log if "evil.test" in r.host or "evil.test" in r.path]
    view = ItemView()
    qtbot.addWidget(view)
    before = len(web.log)
    for item in queries.list_items(store):
        stored = item.body_html.lower()
        for bad in (
            "<script",
            "javascript:",
            "data:",
            "onerror",
            "onclick",
            "<iframe",
            "<object",
            "<embed",
            "<svg",
            "<style",
            "style=",
            "srcset",
            "http-equiv",
            "evil.test",
        ):
            assert bad not in stored, (item.title, bad)
        view.show_item(item, "Hostile")
        if item.title == "deep":  # past libxml2's depth limit: no article, the feed text stays
            assert item.article_state == FEED_TEXT and item.article_note
            continue
        assert item.article_state == FULL, (item.title, item.article_note)
        assert "Paragraph 11" in view.toPlainText()
    qtbot.wait(50)
    assert len(web.log) == before
