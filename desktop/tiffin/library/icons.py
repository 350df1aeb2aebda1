"""Each source's site icon as kept in the library: a small PNG, or a note that none could be
had (tried again after ICON_RETRY), refreshed after ICON_KEEP."""

from __future__ import annotations

import time
from collections.abc import Sequence

from tiffin.library.store import Store

ICON_KEEP = 30 * 86400  # a kept icon is fetched again after a month (sites change them)
ICON_RETRY = 7 * 86400  # a site that gave none is asked again after a week


def icons(store: Store) -> dict[int, bytes]:
    """Every kept icon, by source id."""
    with store.read() as db:
        rows = db.execute("SELECT source_id, png FROM source_icons WHERE png IS NOT NULL")
        return {source_id: bytes(png) for source_id, png in rows}


def wanting_icons(store: Store, now: float | None = None) -> list[int]:
    """The sources whose icon was never fetched, or is due to be fetched again."""
    moment = time.time() if now is None else now
    with store.read() as db:
        rows = db.execute(
            "SELECT s.id FROM sources s LEFT JOIN source_icons i ON i.source_id = s.id"
            " WHERE i.source_id IS NULL"
            " OR (i.png IS NULL AND i.fetched_at < ?) OR i.fetched_at < ? ORDER BY s.id",
            (moment - ICON_RETRY, moment - ICON_KEEP),
        )
        return [row[0] for row in rows]


def save_icons(
    store: Store, found: Sequence[tuple[int, bytes | None]], now: float | None = None
) -> None:
    """Keep each (source id, PNG or None for none found); a source removed meanwhile is
    skipped."""
    moment = time.time() if now is None else now
    with store.write() as db:
        db.executemany(
            "INSERT INTO source_icons (source_id, png, fetched_at)"
            " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM sources WHERE id = ?)"
            " ON CONFLICT (source_id) DO UPDATE SET"
            " png = COALESCE(excluded.png, source_icons.png), fetched_at = excluded.fetched_at",
            [(source_id, png, moment, source_id) for source_id, png in found],
        )
