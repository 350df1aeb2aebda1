"""Packing full articles end to end: real pages from the test web, real pictures, the store."""

from __future__ import annotations

import re

import pytest

from support.pages import Page, all_pages, serve, snippet_hits
from support.testweb import Fault, TestWeb, generated_kind
from tiffin.articles.images import ImageFolder
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles, reextract_articles
from tiffin.library import articles, queries
from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.models import Enclosure, NewItem
from tiffin.library.search import search
from tiffin.library.store import Store

_IMG_SRC = re.compile(r"<img[^>]*\ssrc=\"([^\"]*)\"")


def _subscribe(store: Store, pages: list[Page]) -> dict[int, Page]:
    source, _ = queries.add_source(store, "http://news.test/feed.xml", "News")
    queries.save_items(
        store,
        source.id,
        [NewItem(p.path.name, p.url, p.path.stem, summary_html="<p>Summary.</p>") for p in pages],
        1.0,
    )
    by_url = {p.url: p for p in pages}
    return {row.id: by_url[row.url] for row in queries.list_items(store, [source.id])}


def test_every_fixture_page_is_packed_with_local_pictures(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    pages = all_pages()
    serve(web, pages)
    web.generated_images = True
    items = _subscribe(store, pages)
    report = pack_articles(store, paths, settings, transport=web.transport())

    assert not report.failed, report.failed[:3]
    assert report.count(FULL) >= 0.9 * len(pages), report.count(FULL)
    folder = ImageFolder(paths.data_dir / "images")
    held = checked = pictures = 0
    for item_id, page in items.items():
        item = queries.get_item(store, item_id)
        assert item.article_state in (FULL, FEED_TEXT), page.path.name
        if item.article_state == FEED_TEXT:
            assert item.article_note, page.path.name
            continue
        hits = snippet_hits(item.text, page)
        held, checked = held + hits[0], checked + hits[1]
        for src in _IMG_SRC.findall(item.article_html):
            assert src.startswith("tiffin-image:"), (page.path.name, src)
            stored = folder.path(src.removeprefix("tiffin-image:"))
            assert stored is not None and stored.is_file()
            assert stored.suffix == ".png"  # broken, SVG, bomb and oversized ones were left out
            pictures += 1
        assert "http" not in " ".join(re.findall(r"<img[^>]*>", item.article_html))
    assert held / checked > 0.88
    assert pictures > 100
    assert search(store, "JPMorgan")  # the full text is indexed, not the one-line summary

    before = {i: _IMG_SRC.findall(queries.get_item(store, i).article_html) for i in items}
    web.reset()  # the network is gone: re-extraction works from the kept pages alone
    again = reextract_articles(store, paths, settings)
    assert web.log == []
    assert again.count(FULL) == report.count(FULL)
    after = {i: _IMG_SRC.findall(queries.get_item(store, i).article_html) for i in items}
    assert after == before  # pictures are found again by address, with no network


def test_pages_that_give_no_article_keep_the_feed_text_and_say_why(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    script_only = web.add(
        "/app",
        "<html><body><div id=app></div><script src=/app.js></script></body></html>",
        "text/html",
    )
    pdf = web.add("/paper.pdf", b"%PDF-1.4 not a page", "application/pdf")
    gone = web.url("/missing")
    busy = web.add("/busy", "<p>later</p>", "text/html")
    web.fault("/busy", Fault(status=503))
    huge = web.add("/huge", "", "text/html")
    web.fault("/huge", Fault(huge=settings.max_page_bytes + 1024))
    source, _ = queries.add_source(store, "http://feeds.test/f")
    feed_html = "<p>" + "The feed's own words. " * 20 + "</p>"
    queries.save_items(
        store,
        source.id,
        [NewItem(u, u, u, content_html=feed_html) for u in (script_only, pdf, gone, busy, huge)],
        1.0,
    )
    report = pack_articles(store, paths, settings)
    states = {o.url: o for o in report.outcomes}
    assert states[script_only].state == FEED_TEXT and "no article" in states[script_only].note
    assert states[pdf].state == FEED_TEXT and "not a web page" in states[pdf].note
    assert states[gone].state == FEED_TEXT and "404" in states[gone].note
    assert states[huge].state == FEED_TEXT and "KiB" in states[huge].note
    assert states[busy].error and not states[busy].state  # tried again on a better line
    assert [j.url for j in articles.pending_articles(store)] == [busy]
    for item in queries.list_items(store):
        assert item.body_html == item.content_html  # nothing lost


def test_sources_choose_full_articles_or_summaries(store: Store) -> None:
    news, _ = queries.add_source(store, "http://a.test/news")
    podcast, _ = queries.add_source(store, "http://a.test/podcast")
    queries.save_items(store, news.id, [NewItem("n", "http://a.test/n", "N")], 1.0)
    episode = NewItem(
        "e", "http://a.test/e", "E", enclosures=(Enclosure("http://a.test/e.mp3", "audio/mpeg", 1),)
    )
    queries.save_items(store, podcast.id, [episode], 1.0)
    assert [j.url for j in articles.pending_articles(store)] == ["http://a.test/n"]
    articles.set_full_articles(store, podcast.id, True)
    articles.set_full_articles(store, news.id, False)
    assert [j.url for j in articles.pending_articles(store)] == ["http://a.test/e"]
    assert queries.get_source(store, news.id).full_articles is False


@pytest.mark.parametrize("kind", ["broken", "bomb", "svg-script", "too-large"])
def test_bad_pictures_are_left_out(
    kind: str, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    name = next(f"/img/{n}.jpg" for n in range(10_000) if generated_kind(f"/img/{n}.jpg") == kind)
    good = next(f"/img/{n}.jpg" for n in range(10_000) if generated_kind(f"/img/{n}.jpg") == "png")
    text = "<p>" + "A long enough article about the rally on Sunday evening. " * 10 + "</p>"
    page = (
        f"<html><body><article><h1>Rally</h1>{text}"
        f'<figure><img src="{name}"><figcaption>bad</figcaption></figure>'
        f'<figure><img src="{good}"><figcaption>good</figcaption></figure>'
        f"{text}</article></body></html>"
    )
    url = web.add("/article", page, "text/html")
    web.generated_images = True
    source, _ = queries.add_source(store, "http://feeds.test/f")
    queries.save_items(store, source.id, [NewItem("a", url, "Rally")], 1.0)
    report = pack_articles(store, paths, settings)
    assert report.count(FULL) == 1
    (item,) = queries.list_items(store)
    sources = _IMG_SRC.findall(item.article_html)
    assert len(sources) == 1 and sources[0].startswith("tiffin-image:")
