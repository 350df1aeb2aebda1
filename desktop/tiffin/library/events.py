"""Events: a name and a time ("rally", Sunday 18:00) that sources and downloads are tagged
with. The download queue runs what is tagged for the earliest event first; a download queued
from a tagged source's item counts for that source's event."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tiffin.errors import NotFound, StoreError
from tiffin.library.store import Store

# The event a download counts for: its own tag, else its item's source's.
DOWNLOAD_EVENT = """
    SELECT d.id AS download_id, COALESCE(d.event_id, s.event_id) AS event_id, d.status
    FROM downloads d
    LEFT JOIN items i ON i.id = d.item_id
    LEFT JOIN sources s ON s.id = i.source_id
"""


@dataclass(frozen=True)
class Event:
    """An event, with what is tagged for it and how much of that is downloaded."""

    id: int
    name: str
    at: float
    sources: int = 0
    downloads: int = 0
    done: int = 0

    def starts_in(self, now: float | None = None) -> float:
        """Seconds until the event (negative once it has begun)."""
        return self.at - (time.time() if now is None else now)


def add_event(store: Store, name: str, at: float) -> Event:
    """A new event; StoreError if one of that name exists."""
    name = name.strip()
    if not name:
        raise StoreError("an event needs a name")
    try:
        with store.write() as db:
            cursor = db.execute(
                "INSERT INTO events (name, at, created_at) VALUES (?, ?, ?)",
                (name, at, time.time()),
            )
    except sqlite3.IntegrityError:
        raise StoreError(f"there is already an event called {name!r}") from None
    assert cursor.lastrowid is not None
    return Event(cursor.lastrowid, name, at)


def event_named(store: Store, name: str) -> Event:
    """The event called `name`, with its counts; NotFound if there is none."""
    found = [e for e in list_events(store) if e.name == name]
    if not found:
        raise NotFound(f"there is no event called {name!r}; `tiffin event list` shows them")
    return found[0]


def list_events(store: Store) -> list[Event]:
    """Every event, soonest first, with its tagged sources and downloads counted."""
    with store.read() as db:
        rows = db.execute(
            f"""
            SELECT e.id, e.name, e.at,
                (SELECT COUNT(*) FROM sources s WHERE s.event_id = e.id),
                (SELECT COUNT(*) FROM ({DOWNLOAD_EVENT}) t WHERE t.event_id = e.id),
                (SELECT COUNT(*) FROM ({DOWNLOAD_EVENT}) t
                    WHERE t.event_id = e.id AND t.status = 'done')
            FROM events e ORDER BY e.at, e.id
            """
        ).fetchall()
    return [Event(*row) for row in rows]


@dataclass(frozen=True)
class Removed:
    """A removed event and what was tagged with it, enough to put it back."""

    name: str
    at: float
    source_ids: tuple[int, ...]
    download_ids: tuple[int, ...]


def remove_event(store: Store, name: str) -> Removed:
    """Forget the event; what was tagged with it stays, untagged."""
    with store.write() as db:
        found = db.execute("SELECT id, at FROM events WHERE name = ?", (name,)).fetchone()
        if found is None:
            raise NotFound(f"there is no event called {name!r}")
        tagged = [
            tuple(r[0] for r in db.execute(f"SELECT id FROM {table} WHERE event_id = ?", found[:1]))
            for table in ("sources", "downloads")
        ]
        db.execute("DELETE FROM events WHERE id = ?", found[:1])
    return Removed(name, found[1], tagged[0], tagged[1])


def restore_event(store: Store, removed: Removed) -> Event:
    """Put back an event that `remove_event` removed, tagged as it was (what has gone since is
    left out)."""
    made = add_event(store, removed.name, removed.at)
    with store.write() as db:
        for table, ids in (("sources", removed.source_ids), ("downloads", removed.download_ids)):
            db.executemany(
                f"UPDATE {table} SET event_id = ? WHERE id = ?", [(made.id, i) for i in ids]
            )
    return made


def tag(
    store: Store,
    name: str | None,
    source_ids: Sequence[int] = (),
    download_ids: Sequence[int] = (),
) -> None:
    """Tag sources and downloads for the event `name` (None: untag them)."""
    event_id = None if name is None else event_named(store, name).id
    with store.write() as db:
        for table, ids in (("sources", source_ids), ("downloads", download_ids)):
            for row_id in ids:
                changed = db.execute(
                    f"UPDATE {table} SET event_id = ? WHERE id = ?", (event_id, row_id)
                ).rowcount
                if not changed:
                    raise NotFound(f"there is no {table[:-1]} #{row_id}")
