"""Full-text search over item titles and text through the FTS5 index."""

from __future__ import annotations

import re

from tiffin.library.models import MARK_END, MARK_START, SearchHit
from tiffin.library.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """What a user typed as a safe FTS5 query: every word must match, the last as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(store: Store, text: str, limit: int = 100) -> list[SearchHit]:
    """Items whose title or text match every word of `text`, best match first."""
    query = fts_query(text)
    if not query:
        return []
    with store.read() as db:
        rows = db.execute(
            "SELECT items.id, items.source_id, items.title,"
            " snippet(items_fts, -1, ?, ?, '…', 16) AS snip, items.url, items.published"
            " FROM items_fts JOIN items ON items.id = items_fts.rowid"
            " WHERE items_fts MATCH ? ORDER BY rank LIMIT ?",
            (MARK_START, MARK_END, query, limit),
        ).fetchall()
    return [SearchHit(*r) for r in rows]
