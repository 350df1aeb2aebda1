"""The store: WAL, deduplication, read state kept, search, and errors for missing rows."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tiffin.errors import NotFound, StoreError
from tiffin.library import item_rows, queries
from tiffin.library.models import Enclosure, NewItem
from tiffin.library.search import search
from tiffin.library.store import Store


def test_database_is_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.read() as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_items_deduplicate_by_guid_then_link_then_content(store: Store) -> None:
    source, created = queries.add_source(store, "http://a.test/feed", folder="News")
    assert created
    items = [
        NewItem(guid="g1", url="http://a.test/1", title="One"),
        NewItem(guid="g1", url="http://a.test/other", title="One again"),  # same guid
        NewItem(guid="", url="http://a.test/2", title="Two"),
        NewItem(guid="", url="http://a.test/2", title="Two dup"),  # same link
        NewItem(guid="", url="", title="Three", summary_html="<p>x</p>"),
        NewItem(guid="", url="", title="Three", summary_html="<p>x</p>"),  # same content
    ]
    result = queries.save_items(store, source.id, items, now=1000.0)
    assert (result.new, result.updated, result.unchanged) == (3, 0, 0)
    again = queries.save_items(store, source.id, items, now=2000.0)
    assert (again.new, again.unchanged) == (0, 3)
    assert len(queries.list_items(store, [source.id])) == 3


def test_update_keeps_read_state_and_enclosures_are_recorded(store: Store) -> None:
    source, _ = queries.add_source(store, "http://a.test/podcast")
    episode = NewItem(
        guid="ep1",
        url="http://a.test/ep1",
        title="Episode 1",
        enclosures=(Enclosure("http://a.test/ep1.mp3", "audio/mpeg", 12345),),
    )
    queries.save_items(store, source.id, [episode], now=1.0)
    (stored,) = queries.list_items(store, [source.id])
    queries.set_read(store, [stored.id])
    changed = NewItem(
        guid="ep1",
        url="http://a.test/ep1",
        title="Episode 1 (fixed)",
        enclosures=episode.enclosures,
    )
    assert queries.save_items(store, source.id, [changed], now=2.0).updated == 1
    item = queries.get_item(store, stored.id)
    assert item.read and item.title == "Episode 1 (fixed)"
    assert item.enclosures == (Enclosure("http://a.test/ep1.mp3", "audio/mpeg", 12345),)


def test_unread_counts_and_delete_cascade(store: Store) -> None:
    source, _ = queries.add_source(store, "http://a.test/f")
    queries.save_items(store, source.id, [NewItem(f"g{i}", "", f"t{i}") for i in range(5)], 1.0)
    first = item_rows.list_item_rows(store, [source.id])[0]
    queries.set_read(store, [first.id])
    assert queries.get_source(store, source.id).unread == 4
    queries.delete_source(store, source.id)
    with pytest.raises(NotFound):
        queries.get_source(store, source.id)
    assert item_rows.list_item_rows(store) == []


def test_full_text_search_finds_latin_and_arabic_script(store: Store) -> None:
    source, _ = queries.add_source(store, "http://a.test/f")
    queries.save_items(
        store,
        source.id,
        [
            NewItem("1", "", "Rally on Sunday", text="The opposition gathers downtown"),
            NewItem("2", "", "خبریں", text="اسلام آباد میں جلسہ اتوار کو ہوگا"),
            NewItem("3", "", "Weather", text="Rain later"),
        ],
        1.0,
    )
    assert [h.title for h in search(store, "opposition")] == ["Rally on Sunday"]
    assert [h.title for h in search(store, "جلسہ")] == ["خبریں"]
    assert "[gathers]" in search(store, "gath")[0].marked("[", "]")  # prefix match, marked
    assert search(store, "   ") == []


def test_search_index_follows_inserts_updates_and_deletes(store: Store) -> None:
    source, _ = queries.add_source(store, "http://a.test/f")
    queries.save_items(store, source.id, [NewItem("1", "", "Curfew", text="roads closed")], 1.0)
    assert [h.title for h in search(store, "roads")] == ["Curfew"]
    queries.save_items(store, source.id, [NewItem("1", "", "Curfew lifted", text="open")], 2.0)
    assert search(store, "roads") == []
    assert [h.title for h in search(store, "lifted")] == ["Curfew lifted"]
    queries.delete_source(store, source.id)
    assert search(store, "lifted") == []
    with store.write() as db:  # raises if the index and the items table disagree
        db.execute("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)")


def test_garbage_file_gives_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "library.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(bad)


def test_writes_roll_back_on_error(store: Store) -> None:
    source, _ = queries.add_source(store, "http://a.test/f")
    with pytest.raises(sqlite3.IntegrityError), store.write() as db:
        db.execute("UPDATE sources SET title = 'changed' WHERE id = ?", (source.id,))
        db.execute("INSERT INTO sources (url, added_at) VALUES (?, 0)", (source.url,))
    assert queries.get_source(store, source.id).title == ""


def test_closing_while_another_thread_reads_waits_for_that_read(tmp_path: Path) -> None:
    """A background read that outlives its window finishes; the store then refuses, no crash."""
    store = Store(tmp_path / "library.db")
    inside, release = threading.Event(), threading.Event()
    counted: list[int] = []

    def reader() -> None:
        with store.read() as db:
            inside.set()
            release.wait(10)
            counted.append(db.execute("SELECT COUNT(*) FROM sources").fetchone()[0])

    thread = threading.Thread(target=reader)
    thread.start()
    assert inside.wait(10)
    store.close()
    release.set()
    thread.join(10)
    assert counted == [0]
    with pytest.raises(StoreError, match="closed"), store.read():
        pass
    with pytest.raises(StoreError, match="closed"), store.write():
        pass
