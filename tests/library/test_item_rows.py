"""Item rows: what of each item is packed (the list's badges), why it fell short, its snippet."""

from __future__ import annotations

from tiffin.library import articles, downloads
from tiffin.library.articles import FEED_TEXT, FULL, PackedArticle
from tiffin.library.downloads import DoneFile, Status
from tiffin.library.item_rows import Packed, list_item_rows
from tiffin.library.models import Enclosure, NewItem
from tiffin.library.queries import add_source, save_items
from tiffin.library.store import Store


def _items(store: Store, source_id: int, *items: NewItem) -> dict[str, int]:
    save_items(store, source_id, list(items), now=1.0)
    return {row.title: row.id for row in list_item_rows(store, [source_id])}


def test_each_row_says_what_of_it_is_packed_and_why(store: Store) -> None:
    feed, _ = add_source(store, "http://a.test/feed")
    ids = _items(
        store,
        feed.id,
        NewItem("1", "http://a.test/1", "Packed"),
        NewItem("2", "http://a.test/2", "Cut short"),
        NewItem("3", "http://a.test/3", "Waiting"),
        NewItem("4", "", "No page to fetch"),
        NewItem(
            "5",
            "http://a.test/5",
            "Episode",
            enclosures=(Enclosure("http://a.test/5.mp3", "audio/mpeg", 10),),
        ),
    )
    articles.save_article(store, PackedArticle(ids["Packed"], FULL, html="<p>x</p>"), None, [], 2)
    articles.save_article(
        store, PackedArticle(ids["Cut short"], FEED_TEXT, note="the page answered 403"), None, [], 2
    )
    rows = {row.title: row for row in list_item_rows(store, [feed.id])}
    assert rows["Packed"].packed == Packed.FULL and rows["Packed"].ready_offline
    assert rows["Cut short"].packed == Packed.SUMMARY_ONLY
    assert rows["Cut short"].why == "the page answered 403"
    assert not rows["Cut short"].ready_offline
    assert rows["Waiting"].packed == Packed.NOT_PACKED and not rows["Waiting"].ready_offline
    assert rows["No page to fetch"].packed == Packed.SUMMARY  # all there is to keep
    assert rows["No page to fetch"].ready_offline
    assert rows["Episode"].packed == Packed.NOT_PACKED  # the episode is the content


def test_a_download_speaks_for_its_item(store: Store) -> None:
    feed, _ = add_source(store, "http://a.test/feed")
    ids = _items(
        store, feed.id, *(NewItem(str(n), f"http://a.test/{n}", f"v{n}") for n in range(5))
    )
    queued = downloads.enqueue(store, "http://a.test/q.mp4", item_id=ids["v0"])
    done = downloads.enqueue(store, "http://a.test/d.mp4", item_id=ids["v1"])
    downloads.record_done(store, done.id, DoneFile("v1", "v1.mp4", 100, 5.0))
    failed = downloads.enqueue(store, "http://a.test/f.mp4", item_id=ids["v2"])
    downloads.set_status(store, failed.id, Status.FAILED, "HTTP 410 from a.test")
    live = downloads.enqueue(store, "http://a.test/live.m3u8", item_id=ids["v3"], live=True)
    downloads.set_status(store, live.id, Status.DOWNLOADING)
    gone = downloads.enqueue(store, "http://a.test/c.mp4", item_id=ids["v4"])
    downloads.set_status(store, gone.id, Status.CANCELLED)
    rows = {row.title: row for row in list_item_rows(store, [feed.id])}
    assert rows["v0"].packed == Packed.QUEUED
    assert rows["v1"].packed == Packed.MEDIA and rows["v1"].ready_offline
    assert (rows["v2"].packed, rows["v2"].why) == (Packed.FAILED, "HTTP 410 from a.test")
    assert rows["v3"].packed == Packed.RECORDING
    assert rows["v4"].packed == Packed.NOT_PACKED  # a cancelled download keeps nothing
    assert queued.item_id == ids["v0"]


def test_a_stream_not_recorded_says_whether_it_is_upcoming_or_live(store: Store) -> None:
    channel, _ = add_source(store, "http://v.test/c/news")
    ids = _items(
        store,
        channel.id,
        NewItem("u", "http://v.test/u", "Soon", live_status="is_upcoming"),
        NewItem("l", "http://v.test/l", "Now", live_status="is_live"),
        NewItem("r", "http://v.test/r", "Recorded", live_status="is_live"),
    )
    recording = downloads.enqueue(store, "http://v.test/r", item_id=ids["Recorded"], live=True)
    downloads.set_status(store, recording.id, Status.DOWNLOADING)
    rows = {row.title: row.packed for row in list_item_rows(store, [channel.id])}
    assert rows == {"Soon": Packed.UPCOMING, "Now": Packed.LIVE, "Recorded": Packed.RECORDING}


def test_the_snippet_is_the_start_of_the_text_on_one_line(store: Store) -> None:
    feed, _ = add_source(store, "http://a.test/feed")
    text = "First   line\n\nsecond " + "word " * 100
    save_items(store, feed.id, [NewItem("1", "", "Titled", text=text)], now=1.0)
    save_items(store, feed.id, [NewItem("2", "", "", text="Only text")], now=1.0)
    rows = {row.id: row for row in list_item_rows(store, [feed.id])}
    titled = next(row for row in rows.values() if row.title == "Titled")
    assert titled.snippet.startswith("First line second word")
    assert "\n" not in titled.snippet and len(titled.snippet) <= 160
    untitled = next(row for row in rows.values() if row.title != "Titled")
    assert untitled.title.startswith("Only text") and untitled.snippet == ""
