"""Stored full articles: which items still need one, the result of packing one, the raw pages
kept for re-extraction and the pictures articles use."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from tiffin.errors import NotFound
from tiffin.library.store import Store

# An item's article_state: not tried yet, packed, or the feed's own text kept (with a note).
PENDING, FULL, FEED_TEXT = "", "full", "feed"


@dataclass(frozen=True)
class ArticleJob:
    """An item whose page is to be fetched."""

    item_id: int
    source_id: int
    url: str


@dataclass(frozen=True)
class PackedArticle:
    """What packing one item produced. `html` is already sanitised with local picture
    references; `state` is FULL or FEED_TEXT (then `note` says why)."""

    item_id: int
    state: str
    title: str = ""
    html: str = ""
    text: str = ""
    lang: str = ""
    note: str = ""
    images: tuple[str, ...] = ()
    method: str = ""
    other_method: str = ""
    other_html: str = ""  # sanitised like `html`
    page_words: int = 0  # set when what was kept looks short against the page


@dataclass(frozen=True)
class KnownImage:
    """A picture stored for a remote address."""

    url: str
    name: str
    mime: str
    size: int
    width: int
    height: int


def set_full_articles(store: Store, source_id: int, wanted: bool | None) -> None:
    """Choose full articles (True), summaries only (False) or the automatic choice (None: full
    articles except for items carrying audio or video) for a source; raises NotFound."""
    with store.write() as db:
        value = None if wanted is None else int(wanted)
        cursor = db.execute("UPDATE sources SET full_articles = ? WHERE id = ?", (value, source_id))
        if cursor.rowcount == 0:
            raise NotFound(f"no source with id {source_id}")


def pending_articles(store: Store, source_ids: Sequence[int] | None = None) -> list[ArticleJob]:
    """Items whose article has not been packed yet, newest first, for sources that want them."""
    sql = (
        "SELECT i.id, i.source_id, i.url FROM items i JOIN sources s ON s.id = i.source_id"
        " WHERE i.article_state = ? AND (i.url LIKE 'http://%' OR i.url LIKE 'https://%')"
        " AND (s.full_articles = 1 OR (s.full_articles IS NULL AND NOT EXISTS ("
        "   SELECT 1 FROM enclosures e WHERE e.item_id = i.id"
        "   AND (e.type LIKE 'audio/%' OR e.type LIKE 'video/%'))))"
    )
    args: list[object] = [PENDING]
    if source_ids is not None:
        sql += f" AND i.source_id IN ({','.join('?' * len(source_ids))})"
        args.extend(source_ids)
    sql += " ORDER BY i.published DESC, i.id DESC"
    with store.read() as db:
        return [ArticleJob(r[0], r[1], r[2]) for r in db.execute(sql, args)]


def picture_names(store: Store, urls: Sequence[str]) -> dict[str, str]:
    """The stored file names of the pictures kept for any of `urls`, by address."""
    return {url: image.name for url, image in known_images(store, urls).items()}


def known_images(store: Store, urls: Sequence[str]) -> dict[str, KnownImage]:
    """Pictures already stored for any of `urls`, by address."""
    found: dict[str, KnownImage] = {}
    with store.read() as db:
        for start in range(0, len(urls), 500):
            chunk = list(urls[start : start + 500])
            for row in db.execute(
                f"SELECT url, name, mime, bytes, width, height FROM images"
                f" WHERE url IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[row[0]] = KnownImage(*row)
    return found


def save_article(
    store: Store,
    packed: PackedArticle,
    page: tuple[str, bytes] | None,
    images: Sequence[KnownImage],
    now: float,
) -> None:
    """Record a packed article, the raw page it came from (compressed) and its pictures."""
    with store.write() as db:
        db.executemany(
            "INSERT INTO images (url, name, mime, bytes, width, height) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET name = excluded.name, mime = excluded.mime,"
            " bytes = excluded.bytes, width = excluded.width, height = excluded.height",
            [(i.url, i.name, i.mime, i.size, i.width, i.height) for i in images],
        )
        if packed.state == FULL:
            db.execute(
                "UPDATE items SET article_state = ?, article_html = ?, article_note = ?,"
                " lang = ?, text = ?, title = CASE title WHEN '' THEN ? ELSE title END,"
                " article_method = ?, article_other = ?, article_short = ? WHERE id = ?",
                (
                    packed.state,
                    packed.html,
                    packed.note,
                    packed.lang,
                    packed.text,
                    packed.title,
                    packed.method,
                    packed.other_method if packed.other_html else "",
                    packed.page_words,
                    packed.item_id,
                ),
            )
        else:
            db.execute(
                "UPDATE items SET article_state = ?, article_html = '', article_note = ?,"
                " lang = ?, article_method = '', article_other = '', article_short = 0"
                " WHERE id = ?",
                (packed.state, packed.note, packed.lang, packed.item_id),
            )
        if packed.state == FULL and packed.other_html:
            db.execute(
                "INSERT INTO article_others (item_id, html) VALUES (?, ?)"
                " ON CONFLICT (item_id) DO UPDATE SET html = excluded.html",
                (packed.item_id, packed.other_html),
            )
        else:
            db.execute("DELETE FROM article_others WHERE item_id = ?", (packed.item_id,))
        db.execute("DELETE FROM item_images WHERE item_id = ?", (packed.item_id,))
        db.executemany(
            "INSERT OR IGNORE INTO item_images (item_id, name) VALUES (?, ?)",
            [(packed.item_id, name) for name in packed.images],
        )
        if page is not None:
            url, body = page
            db.execute(
                "INSERT INTO pages (item_id, url, fetched_at, body) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (item_id) DO UPDATE SET url = excluded.url,"
                " fetched_at = excluded.fetched_at, body = excluded.body",
                (packed.item_id, url, now, zlib.compress(body, 6)),
            )


def other_version(store: Store, item_id: int) -> str:
    """The sanitised HTML of the reading not chosen for an item; raises NotFound."""
    with store.read() as db:
        row = db.execute("SELECT html FROM article_others WHERE item_id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFound(f"no other version kept for item {item_id}")
    return str(row[0])


def kept_pages(store: Store, source_ids: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """(item id, page address) of every kept page, for re-extraction offline."""
    sql = "SELECT p.item_id, p.url FROM pages p JOIN items i ON i.id = p.item_id"
    args: list[object] = []
    if source_ids is not None:
        sql += f" WHERE i.source_id IN ({','.join('?' * len(source_ids))})"
        args.extend(source_ids)
    with store.read() as db:
        return [(r[0], r[1]) for r in db.execute(sql + " ORDER BY p.item_id", args)]


def kept_page(store: Store, item_id: int) -> bytes:
    """The raw page kept for an item; raises NotFound."""
    with store.read() as db:
        row = db.execute("SELECT body FROM pages WHERE item_id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFound(f"no page kept for item {item_id}")
    return zlib.decompress(row[0])
