"""Reading and writing sources, items and enclosures; every function takes the Store."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterable, Sequence

from tiffin.errors import NotFound
from tiffin.library.models import Enclosure, Item, NewItem, SaveResult, Source
from tiffin.library.search import index_new_item
from tiffin.library.store import Store

_SOURCE_COLUMNS = """
    s.id, s.url, s.title, s.site_url, s.folder, s.last_fetched_at, s.last_success_at,
    s.last_error, s.full_articles, s.kind, s.retry_after, s.event_id,
    (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id AND i.read = 0) AS unread,
    (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id) AS total
"""


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        site_url=row["site_url"],
        folder=row["folder"],
        last_fetched_at=row["last_fetched_at"],
        last_success_at=row["last_success_at"],
        last_error=row["last_error"],
        unread=row["unread"],
        total=row["total"],
        full_articles=None if row["full_articles"] is None else bool(row["full_articles"]),
        retry_after=row["retry_after"],
        kind=row["kind"],
        event_id=row["event_id"],
    )


def dedup_key(item: NewItem) -> str:
    """The identity of an entry within its source: its guid, else its link, else a content hash."""
    if item.guid:
        return "guid:" + item.guid
    if item.url:
        return "link:" + item.url
    digest = hashlib.sha256(
        "\x1f".join((item.title, item.summary_html, item.content_html)).encode("utf-8")
    ).hexdigest()
    return "hash:" + digest


def add_source(
    store: Store,
    url: str,
    title: str = "",
    site_url: str = "",
    folder: str = "",
    kind: str = "feed",
) -> tuple[Source, bool]:
    """Subscribe to `url` (a feed, or with kind "channel" a listing yt-dlp reads); returns the
    source and whether it was new (an existing one is kept)."""
    with store.write() as db:
        cursor = db.execute(
            "INSERT INTO sources (url, title, site_url, folder, added_at, kind)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING",
            (url, title, site_url, folder, time.time(), kind),
        )
        created = cursor.rowcount == 1
    return source_by_url(store, url), created


def source_by_url(store: Store, url: str) -> Source:
    """The source subscribed at `url`; raises NotFound."""
    with store.read() as db:
        row = db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.url = ?", (url,)
        ).fetchone()
    if row is None:
        raise NotFound(f"no source with address {url}")
    return _source(row)


def get_source(store: Store, source_id: int) -> Source:
    """The source with this id; raises NotFound."""
    with store.read() as db:
        row = db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s WHERE s.id = ?", (source_id,)
        ).fetchone()
    if row is None:
        raise NotFound(f"no source with id {source_id}")
    return _source(row)


def list_sources(store: Store) -> list[Source]:
    """Every source with its unread and total counts, by folder then title."""
    with store.read() as db:
        rows = db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources s"
            " ORDER BY s.folder COLLATE NOCASE, s.title COLLATE NOCASE, s.id"
        ).fetchall()
    return [_source(row) for row in rows]


def move_source(store: Store, source_id: int, url: str) -> bool:
    """Adopt a permanent redirect; returns False (and keeps the old address) if `url` is taken."""
    try:
        with store.write() as db:
            db.execute("UPDATE sources SET url = ? WHERE id = ?", (url, source_id))
    except sqlite3.IntegrityError:
        return False
    return True


def rename_source(store: Store, source_id: int, title: str, folder: str) -> None:
    """Set a source's title and folder as the user chose them."""
    with store.write() as db:
        db.execute(
            "UPDATE sources SET title = ?, folder = ? WHERE id = ?", (title, folder, source_id)
        )


def record_fetch_success(store: Store, source_id: int, when: float) -> None:
    """Note a fetch that worked: clears the last error and any back-off."""
    with store.write() as db:
        _record_success(db, source_id, when)


def _record_success(db: sqlite3.Connection, source_id: int, when: float) -> None:
    db.execute(
        "UPDATE sources SET last_fetched_at = ?, last_success_at = ?, last_error = NULL,"
        " retry_after = NULL, error_count = 0 WHERE id = ?",
        (when, when, source_id),
    )


def record_fetch_error(
    store: Store, source_id: int, message: str, when: float, retry_at: float | None = None
) -> None:
    """Note a failed fetch; stored items stay as they were."""
    with store.write() as db:
        db.execute(
            "UPDATE sources SET last_fetched_at = ?, last_error = ?, retry_after = ?,"
            " error_count = error_count + 1 WHERE id = ?",
            (when, message, retry_at, source_id),
        )


def delete_source(store: Store, source_id: int) -> None:
    """Unsubscribe, deleting the source's items; raises NotFound."""
    with store.write() as db:
        if db.execute("DELETE FROM sources WHERE id = ?", (source_id,)).rowcount == 0:
            raise NotFound(f"no source with id {source_id}")


def _columns(row: sqlite3.Row) -> tuple[object, ...]:
    return (
        row["title"],
        row["summary_html"],
        row["content_html"],
        row["duration"],
        row["live_status"],
    )


def save_items(store: Store, source_id: int, items: Sequence[NewItem], now: float) -> SaveResult:
    """Insert new entries and refresh changed ones, deduplicated within the source.

    An entry that appears twice in one feed is stored once. Read state is never reset.
    """
    with store.write() as db:
        return _save_items(db, source_id, items, now)


def save_listing(
    store: Store, source_id: int, items: Sequence[NewItem], title: str, site_url: str, now: float
) -> SaveResult:
    """In one transaction: `save_items`, fill in the title and site address the feed announces
    (keeping a title the user chose), and note the fetch as a success."""
    with store.write() as db:
        saved = _save_items(db, source_id, items, now)
        db.execute(
            "UPDATE sources SET title = CASE WHEN title = '' THEN ? ELSE title END,"
            " site_url = CASE WHEN ? != '' THEN ? ELSE site_url END WHERE id = ?",
            (title, site_url, site_url, source_id),
        )
        _record_success(db, source_id, now)
    return saved


def _save_items(
    db: sqlite3.Connection, source_id: int, items: Sequence[NewItem], now: float
) -> SaveResult:
    unique: dict[str, NewItem] = {}
    for item in items:
        unique.setdefault(dedup_key(item), item)
    new = updated = unchanged = 0
    existing = {
        row["dedup_key"]: row
        for row in db.execute(
            "SELECT id, dedup_key, title, summary_html, content_html, duration, live_status"
            " FROM items WHERE source_id = ?",
            (source_id,),
        )
    }
    for key, item in unique.items():
        old = existing.get(key)
        if old is None:
            item_id = db.execute(
                "INSERT INTO items (source_id, dedup_key, guid, url, title, author,"
                " summary_html, content_html, text, published, fetched_at, duration,"
                " live_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    source_id,
                    key,
                    item.guid,
                    item.url,
                    item.title,
                    item.author,
                    item.summary_html,
                    item.content_html,
                    item.text,
                    item.published if item.published is not None else now,
                    now,
                    item.duration,
                    item.live_status,
                ),
            ).lastrowid
            assert item_id is not None
            index_new_item(db, item_id, item.title, item.text)
            new += 1
        elif _columns(old) != (
            item.title,
            item.summary_html,
            item.content_html,
            item.duration,
            item.live_status,
        ):
            item_id = old["id"]
            db.execute(
                "UPDATE items SET url = ?, title = ?, author = ?, summary_html = ?,"
                " content_html = ?, duration = ?, live_status = ?,"
                " text = CASE article_state WHEN 'full' THEN text ELSE ? END WHERE id = ?",
                (
                    item.url,
                    item.title,
                    item.author,
                    item.summary_html,
                    item.content_html,
                    item.duration,
                    item.live_status,
                    item.text,
                    item_id,
                ),
            )
            updated += 1
        else:
            item_id = old["id"]
            unchanged += 1
        db.executemany(
            "INSERT INTO enclosures (item_id, url, type, length) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (item_id, url) DO UPDATE SET type = excluded.type,"
            " length = excluded.length",
            [(item_id, e.url, e.type, e.length) for e in item.enclosures],
        )
    return SaveResult(new=new, updated=updated, unchanged=unchanged)


def _enclosures(db: sqlite3.Connection, item_ids: Iterable[int]) -> dict[int, list[Enclosure]]:
    found: dict[int, list[Enclosure]] = {}
    ids = list(item_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT item_id, url, type, length FROM enclosures WHERE item_id IN ({marks})"
            " ORDER BY id",
            chunk,
        ):
            found.setdefault(row["item_id"], []).append(
                Enclosure(url=row["url"], type=row["type"], length=row["length"])
            )
    return found


def _item(row: sqlite3.Row, enclosures: Sequence[Enclosure]) -> Item:
    return Item(
        id=row["id"],
        source_id=row["source_id"],
        guid=row["guid"],
        url=row["url"],
        title=row["title"],
        author=row["author"],
        summary_html=row["summary_html"],
        content_html=row["content_html"],
        published=row["published"],
        fetched_at=row["fetched_at"],
        read=bool(row["read"]),
        enclosures=tuple(enclosures),
        article_state=row["article_state"],
        article_html=row["article_html"],
        article_note=row["article_note"],
        lang=row["lang"],
        text=row["text"],
        duration=row["duration"],
        live_status=row["live_status"],
        packer=row["packer"],
        article_method=row["article_method"],
        article_other=row["article_other"],
        article_short=row["article_short"],
    )


def items_where(
    source_ids: Sequence[int] | None, unread_only: bool, alias: str = ""
) -> tuple[str, list[object]]:
    """The WHERE clause (and its arguments) choosing items of some sources, or unread ones;
    `alias` is the items table's name in the query ("i." for "items i")."""
    clauses: list[str] = []
    args: list[object] = []
    if source_ids is not None:
        clauses.append(f"{alias}source_id IN ({','.join('?' * len(source_ids))})")
        args.extend(source_ids)
    if unread_only:
        clauses.append(f"{alias}read = 0")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def list_items(
    store: Store, source_ids: Sequence[int] | None = None, unread_only: bool = False
) -> list[Item]:
    """Items, newest first, with their enclosures; optionally of some sources or unread only."""
    where, args = items_where(source_ids, unread_only)
    with store.read() as db:
        rows = db.execute(
            f"SELECT * FROM items{where} ORDER BY published DESC, id DESC", args
        ).fetchall()
        enclosures = _enclosures(db, (row["id"] for row in rows))
    return [_item(row, enclosures.get(row["id"], ())) for row in rows]


def get_item(store: Store, item_id: int) -> Item:
    """One item with its enclosures; raises NotFound."""
    with store.read() as db:
        row = db.execute("SELECT * FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFound(f"no item with id {item_id}")
        enclosures = _enclosures(db, [item_id]).get(item_id, [])
    return _item(row, enclosures)


def set_read(store: Store, item_ids: Sequence[int], read: bool = True) -> None:
    """Mark items read or unread."""
    with store.write() as db:
        db.executemany("UPDATE items SET read = ? WHERE id = ?", [(int(read), i) for i in item_ids])
