"""Recordings waiting to be healed from the stream's replay: what each lacks, when it may be
tried again, and how the healing went.

A recording that ended with seconds lost, stretches kept as sound only, or below the quality
first chosen is WANTED. The queue runner takes wanted heals with the other downloads (the
earliest event's first), in the same windows and budgets. A replay not up yet is asked for
again later, each time twice as late (up to `MOST_PAUSE`); after `TRIES` failed tries, or
`GIVE_UP_AFTER` past the recording's end, the heal is given up, the recording kept as it is.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

from tiffin.library.downloads import (
    BY_EVENT,
    EVENT_FIRST,
    Download,
    Heal,
    Status,
    row_to_download,
)
from tiffin.library.store import Store

FIRST_PAUSE = 600.0
MOST_PAUSE = 6 * 3600.0
TRIES = 12
GIVE_UP_AFTER = 7 * 86400.0


def note_recording(
    store: Store,
    download_id: int,
    gaps: float,
    audio_only: Sequence[tuple[float, float]],
    wanted: bool,
) -> None:
    """What a finished recording lacks, and whether it is to be healed."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET gaps = ?, audio_only = ?, heal = ?, heal_note = NULL,"
            " heal_tries = 0, heal_after = 0 WHERE id = ?",
            (
                round(gaps, 3),
                json.dumps([list(s) for s in audio_only]),
                (Heal.WANTED if wanted else Heal.NONE).value,
                download_id,
            ),
        )


def wanted_heals(
    store: Store, skip: Sequence[int] = (), now: float | None = None
) -> list[Download]:
    """Recordings whose heal may be tried now, not counting those in `skip`: those tagged for
    the earliest event first, then the rest, each in queue order."""
    marks = ",".join("?" * len(skip))
    with store.read() as db:
        rows = db.execute(
            f"{BY_EVENT} WHERE d.heal = ? AND d.status = ? AND d.heal_after <= ?"
            f" AND d.id NOT IN ({marks}) {EVENT_FIRST}",
            (Heal.WANTED.value, Status.DONE.value, time.time() if now is None else now, *skip),
        ).fetchall()
    return [row_to_download(row) for row in rows]


def set_heal(store: Store, download_id: int, heal: Heal, note: str | None = None) -> None:
    """Move a heal to `heal`, with a note (or clearing it)."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET heal = ?, heal_note = ? WHERE id = ?",
            (heal.value, note, download_id),
        )


def heal_later(store: Store, download_id: int, why: str, now: float | None = None) -> Heal:
    """The heal could not be done now (`why`): ask again later, or give up after enough tries;
    returns the heal's state."""
    now = time.time() if now is None else now
    with store.write() as db:
        row = db.execute(
            "SELECT heal_tries, finished_at FROM downloads WHERE id = ?", (download_id,)
        ).fetchone()
        tries = int(row[0]) + 1
        ended = row[1] or now
        heal = Heal.GAVE_UP if tries >= TRIES or now - ended > GIVE_UP_AFTER else Heal.WANTED
        pause = min(MOST_PAUSE, FIRST_PAUSE * 2 ** (tries - 1))
        note = why if heal == Heal.WANTED else f"gave up healing: {why}"
        db.execute(
            "UPDATE downloads SET heal = ?, heal_note = ?, heal_tries = ?, heal_after = ?"
            " WHERE id = ?",
            (heal.value, note, tries, now + pause, download_id),
        )
    return heal


@dataclass(frozen=True)
class Healed:
    """A healed copy, in place of the recording: its file (relative to the media folder),
    size and length, what it still lacks (nothing, or what the replay lacked too), the play
    position moved to the same moment, and a note for the user."""

    path: str
    size: int
    duration: float
    gaps: float
    audio_only: tuple[tuple[float, float], ...]
    resume_at: float
    note: str


def healed(store: Store, download_id: int, done: Healed) -> None:
    """The healed copy `done` replaced the recording."""
    with store.write() as db:
        db.execute(
            "UPDATE downloads SET path = ?, bytes_done = ?, bytes_total = ?, duration = ?,"
            " gaps = ?, audio_only = ?, heal = ?, heal_note = ?, resume_at = ?, error = NULL"
            " WHERE id = ?",
            (
                done.path,
                done.size,
                done.size,
                done.duration,
                round(done.gaps, 3),
                json.dumps([list(s) for s in done.audio_only]),
                Heal.HEALED.value,
                done.note,
                done.resume_at,
                download_id,
            ),
        )


def interrupted_heals(store: Store) -> int:
    """Heals left HEALING by a run that was killed are wanted again (their work continues
    from its journal); returns how many."""
    with store.write() as db:
        cursor = db.execute(
            "UPDATE downloads SET heal = ? WHERE heal = ?", (Heal.WANTED.value, Heal.HEALING.value)
        )
    return cursor.rowcount
