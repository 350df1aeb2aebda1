"""Full-text search over item titles and text, in every script.

Words of scripts that use spaces go to the unicode61 index (`items_fts`), each one a token;
words of scripts without spaces (Han, kana, Thai, ...) and Hangul go to the trigram index
(`items_trigrams`), where any run of three characters is found, and a shorter one by a scan
of just those items. A word joined by an apostrophe or a zero-width non-joiner ("don't", an
Urdu word written with ZWNJ) is one phrase, matched as written, never as its pieces.
"""

from __future__ import annotations

import re
import sqlite3

from tiffin.library.migrations import NO_SPACES_PREFIX, NO_SPACES_RANGES
from tiffin.library.models import MARK_END, MARK_START, SearchHit
from tiffin.library.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)
_NO_SPACES = re.compile(f"[{NO_SPACES_RANGES}]")
_SNIPPET = "snippet({table}, -1, ?, ?, '…', 16) AS snip"


def index_new_item(db: sqlite3.Connection, item_id: int, title: str, text: str) -> None:
    """Put a new item in the search indexes (its words; its trigrams too when the start of it
    is in a script without spaces, as the update trigger of migration v12 judges it)."""
    db.execute(
        "INSERT INTO items_fts (rowid, title, text) VALUES (?, ?, ?)", (item_id, title, text)
    )
    head = f"{title} {text}"[:NO_SPACES_PREFIX]
    if _NO_SPACES.search(head):
        db.execute(
            "INSERT INTO items_trigrams (rowid, title, text) VALUES (?, ?, ?)",
            (item_id, title, text),
        )


def fts_query(text: str) -> str:
    """What a user typed as a safe unicode61 FTS5 query: every term must match, the last one
    as a prefix (when it is a word of two letters or more). A term whose letters are split by
    punctuation is a phrase of its pieces."""
    terms = [_WORD.findall(term) for term in text.split()]
    terms = [t for t in terms if t and not any(_NO_SPACES.search(w) for w in t)]
    if not terms:
        return ""
    quoted = ['"' + " ".join(parts) + '"' for parts in terms]
    if len(terms[-1][-1]) >= 2 or len(terms[-1]) == 1:
        quoted[-1] += "*"
    return " ".join(quoted)


def _unspaced(text: str) -> list[str]:
    """The terms of `text` in scripts without spaces, as typed."""
    return [w for w in _WORD.findall(text) if _NO_SPACES.search(w)]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


def _around(text: str, term: str) -> str:
    """A snippet of `text` around the first `term`, marked as FTS5's snippet() marks."""
    at = text.find(term)
    if at < 0:
        return text[:32]
    start = max(0, at - 12)
    before = ("…" if start else "") + text[start:at]
    after = text[at + len(term) : at + len(term) + 20]
    return f"{before}{MARK_START}{term}{MARK_END}{after}…"


def search(store: Store, text: str, limit: int = 100) -> list[SearchHit]:
    """Items whose title or text match every term of `text`, best match first."""
    query = fts_query(text)
    unspaced = _unspaced(text)
    long_terms = [t for t in unspaced if len(t) >= 3]
    short_terms = [t for t in unspaced if len(t) < 3]
    if not query and not unspaced:
        return []
    # Under three characters the trigram index cannot help: those items are scanned.
    scans = "".join(
        " AND items.id IN (SELECT rowid FROM items_trigrams"
        " WHERE instr(title, ?) > 0 OR instr(text, ?) > 0)"
        for _ in short_terms
    )
    scanned: list[object] = [x for t in short_terms for x in (t, t)]
    trigrams = " ".join(_quoted(t) for t in long_terms)
    columns = "items.id, items.source_id, items.title, {snippet}, items.url, items.published"
    with store.read() as db:
        if query:
            also = (
                " AND items.id IN (SELECT rowid FROM items_trigrams WHERE items_trigrams MATCH ?)"
                if trigrams
                else ""
            )
            rows = db.execute(
                f"SELECT {columns.format(snippet=_SNIPPET.format(table='items_fts'))}"
                " FROM items_fts JOIN items ON items.id = items_fts.rowid"
                f" WHERE items_fts MATCH ?{also}{scans} ORDER BY rank LIMIT ?",
                [MARK_START, MARK_END, query, *([trigrams] if trigrams else []), *scanned, limit],
            ).fetchall()
        elif trigrams:
            rows = db.execute(
                f"SELECT {columns.format(snippet=_SNIPPET.format(table='items_trigrams'))}"
                " FROM items_trigrams JOIN items ON items.id = items_trigrams.rowid"
                f" WHERE items_trigrams MATCH ?{scans} ORDER BY rank LIMIT ?",
                [MARK_START, MARK_END, trigrams, *scanned, limit],
            ).fetchall()
        else:
            found = db.execute(
                "SELECT items.id, items.source_id, items.title, items.text, items.url,"
                f" items.published FROM items WHERE 1{scans}"
                " ORDER BY items.published DESC LIMIT ?",
                [*scanned, limit],
            ).fetchall()
            term = short_terms[0]
            rows = [
                (r[0], r[1], r[2], _around(r[3] if term in r[3] else r[2], term), r[4], r[5])
                for r in found
            ]
    return [SearchHit(*r) for r in rows]
