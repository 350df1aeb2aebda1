"""The download queue and the media library: what to fetch, in which order, how far it got,
where the finished file is, and where the user stopped playing it."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from tiffin.errors import NotFound
from tiffin.library.store import Store


class Status(StrEnum):
    """Where a download stands. Only DONE means a complete, verified file."""

    QUEUED = "queued"
    DOWNLOADING = "downloading"
    PAUSED = "paused"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Heal(StrEnum):
    """Where healing a recording from the stream's replay stands (NONE: nothing to heal)."""

    NONE = ""
    WANTED = "wanted"
    HEALING = "healing"
    HEALED = "healed"
    GAVE_UP = "gave up"


@dataclass(frozen=True)
class Download:
    """One entry of the queue or the media library. `path` is relative to the media folder and
    set only once the file is done."""

    id: int
    url: str
    quality: str
    title: str
    status: Status
    position: float
    path: str | None
    bytes_total: int | None
    bytes_done: int
    duration: float | None
    error: str | None
    added_at: float
    finished_at: float | None
    played: bool
    resume_at: float
    item_id: int | None
    subtitle_langs: tuple[str, ...] = ()
    want_thumbnail: bool = True
    subtitles: tuple[str, ...] = ()
    thumbnail: str | None = None
    live: bool = False
    event_id: int | None = None  # the event it is tagged for itself (not through its source)
    gaps: float = 0.0  # seconds of a recording lost, sound and picture
    audio_only: tuple[tuple[float, float], ...] = ()  # stretches whose picture was left out
    heal: Heal = Heal.NONE
    heal_note: str | None = None


def row_to_download(row: sqlite3.Row) -> Download:
    return Download(
        id=row["id"],
        url=row["url"],
        quality=row["quality"],
        title=row["title"],
        status=Status(row["status"]),
        position=row["position"],
        path=row["path"],
        bytes_total=row["bytes_total"],
        bytes_done=row["bytes_done"],
        duration=row["duration"],
        error=row["error"],
        added_at=row["added_at"],
        finished_at=row["finished_at"],
        played=bool(row["played"]),
        resume_at=row["resume_at"],
        item_id=row["item_id"],
        subtitle_langs=tuple(lang for lang in row["subtitle_langs"].split(",") if lang),
        want_thumbnail=bool(row["want_thumbnail"]),
        subtitles=tuple(json.loads(row["subtitles"])),
        thumbnail=row["thumbnail"],
        live=bool(row["live"]),
        event_id=row["event_id"],
        gaps=row["gaps"],
        audio_only=tuple((float(a), float(b)) for a, b in json.loads(row["audio_only"])),
        heal=Heal(row["heal"]),
        heal_note=row["heal_note"],
    )


def enqueue(
    store: Store,
    url: str,
    quality: str = "",
    title: str = "",
    item_id: int | None = None,
    subtitles: Sequence[str] = (),
    thumbnail: bool = True,
    live: bool = False,
) -> Download:
    """Queue `url` at the end, with subtitles in the `subtitles` languages and a thumbnail if
    asked; an address already known keeps its entry (a failed or cancelled one is queued
    again). Without a `title`, the item's (if `item_id` is given) names it."""
    with store.write() as db:
        if not title and item_id is not None:
            found = db.execute("SELECT title FROM items WHERE id = ?", (item_id,)).fetchone()
            title = found[0] if found else ""
        row = db.execute(
            "SELECT * FROM downloads WHERE url = ? AND quality = ?", (url, quality)
        ).fetchone()
        if row is None:
            last = db.execute("SELECT COALESCE(MAX(position), 0) FROM downloads").fetchone()[0]
            cursor = db.execute(
                "INSERT INTO downloads (url, quality, title, status, position, added_at, item_id,"
                " subtitle_langs, want_thumbnail, live) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    url,
                    quality,
                    title,
                    Status.QUEUED.value,
                    last + 1,
                    time.time(),
                    item_id,
                    ",".join(subtitles),
                    int(thumbnail),
                    int(live),
                ),
            )
            download_id = cursor.lastrowid
        else:
            download_id = row["id"]
            if row["status"] in (Status.FAILED.value, Status.CANCELLED.value):
                db.execute(
                    "UPDATE downloads SET status = ?, error = NULL WHERE id = ?",
                    (Status.QUEUED.value, download_id),
                )
        found = db.execute("SELECT * FROM downloads WHERE id = ?", (download_id,)).fetchone()
    return row_to_download(found)


def get_download(store: Store, download_id: int) -> Download:
    """One entry; raises NotFound."""
    with store.read() as db:
        row = db.execute("SELECT * FROM downloads WHERE id = ?", (download_id,)).fetchone()
    if row is None:
        raise NotFound(f"no download with id {download_id}")
    return row_to_download(row)


def list_downloads(store: Store, statuses: Sequence[Status] | None = None) -> list[Download]:
    """Entries in queue order, optionally only those in `statuses`."""
    sql, args = "SELECT * FROM downloads", [s.value for s in statuses or ()]
    if args:
        sql += f" WHERE status IN ({','.join('?' * len(args))})"
    with store.read() as db:
        rows = db.execute(sql + " ORDER BY position", args).fetchall()
    return [row_to_download(row) for row in rows]


# Downloads with the event each is tagged for (its own tag or its source's), and that order:
# the earliest event's first, then the rest, each in queue order.
BY_EVENT = (
    "SELECT d.* FROM downloads d LEFT JOIN items i ON i.id = d.item_id"
    " LEFT JOIN sources s ON s.id = i.source_id"
    " LEFT JOIN events e ON e.id = COALESCE(d.event_id, s.event_id)"
)
EVENT_FIRST = "ORDER BY e.at IS NULL, e.at, d.position"


def queued_in_order(store: Store, skip: Sequence[int] = ()) -> list[Download]:
    """The entries waiting to run, not counting those in `skip` (already running): those
    tagged for the earliest event first (by their own tag or their source's), then the rest,
    each in queue order."""
    marks = ",".join("?" * len(skip))
    with store.read() as db:
        rows = db.execute(
            f"{BY_EVENT} WHERE d.status = ? AND d.live = 0 AND d.id NOT IN ({marks}) {EVENT_FIRST}",
            (Status.QUEUED.value, *skip),
        ).fetchall()
    return [row_to_download(row) for row in rows]


def queued_events(store: Store) -> dict[int, tuple[str, float]]:
    """The event each queued download is tagged for (by its own tag or its source's): its
    name and start, by download id."""
    with store.read() as db:
        rows = db.execute(
            "SELECT d.id, e.name, e.at FROM downloads d"
            " LEFT JOIN items i ON i.id = d.item_id"
            " LEFT JOIN sources s ON s.id = i.source_id"
            " JOIN events e ON e.id = COALESCE(d.event_id, s.event_id)"
            " WHERE d.status = ?",
            (Status.QUEUED.value,),
        ).fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def requeue_interrupted(store: Store) -> int:
    """Downloads left DOWNLOADING by a run that was killed go back to the queue (their bytes on
    disk are kept and continued); returns how many. Recordings are left for
    `interrupted_recordings`."""
    with store.write() as db:
        cursor = db.execute(
            "UPDATE downloads SET status = ? WHERE status = ? AND live = 0",
            (Status.QUEUED.value, Status.DOWNLOADING.value),
        )
    return cursor.rowcount


def interrupted_recordings(store: Store) -> list[Download]:
    """Recordings that were running when the app stopped or was killed (to start again: each
    continues from its journal)."""
    with store.read() as db:
        rows = db.execute(
            "SELECT * FROM downloads WHERE live = 1 AND status = ? ORDER BY position",
            (Status.DOWNLOADING.value,),
        ).fetchall()
    return [row_to_download(row) for row in rows]


def set_status(store: Store, download_id: int, status: Status, error: str | None = None) -> None:
    """Move an entry to `status` (with an error message, or clearing it)."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET status = ?, error = ? WHERE id = ?",
            (status.value, error, download_id),
        )


def record_progress(
    store: Store, download_id: int, done: int, total: int | None, title: str = ""
) -> None:
    """Remember how far an entry got (shown by `tiffin media` and after a restart)."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET bytes_done = ?, bytes_total = ?,"
            " title = CASE WHEN ? = '' THEN title ELSE ? END WHERE id = ?",
            (done, total, title, title, download_id),
        )


@dataclass(frozen=True)
class DoneFile:
    """A finished download: the media file, its subtitles and thumbnail (paths relative to
    the media folder), its size and playing time."""

    title: str
    path: str
    size: int
    duration: float | None
    subtitles: tuple[str, ...] = ()
    thumbnail: str | None = None


def record_done(store: Store, download_id: int, done: DoneFile) -> None:
    """The entry's file is complete and verified."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET status = ?, path = ?, bytes_done = ?, bytes_total = ?,"
            " duration = ?, title = ?, error = NULL, finished_at = ?, subtitles = ?,"
            " thumbnail = ? WHERE id = ?",
            (
                Status.DONE.value,
                done.path,
                done.size,
                done.size,
                done.duration,
                done.title,
                time.time(),
                json.dumps(list(done.subtitles)),
                done.thumbnail,
                download_id,
            ),
        )


def move_to(store: Store, download_id: int, before_id: int | None) -> None:
    """Reorder: put an entry just before another one, or at the end with None."""
    with store.write() as db:
        if before_id is None:
            last = db.execute("SELECT COALESCE(MAX(position), 0) FROM downloads").fetchone()[0]
            position = last + 1
        else:
            row = db.execute("SELECT position FROM downloads WHERE id = ?", (before_id,)).fetchone()
            if row is None:
                raise NotFound(f"no download with id {before_id}")
            previous = db.execute(
                "SELECT COALESCE(MAX(position), ? - 1) FROM downloads WHERE position < ?",
                (row[0], row[0]),
            ).fetchone()[0]
            position = (previous + row[0]) / 2
        db.execute("UPDATE downloads SET position = ? WHERE id = ?", (position, download_id))


def record_playback(
    store: Store, download_id: int, position: float, played: bool | None = None
) -> None:
    """Where the user stopped playing (seconds), and whether the item counts as played."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET resume_at = ?, played = COALESCE(?, played) WHERE id = ?",
            (max(0.0, position), None if played is None else int(played), download_id),
        )
