"""The stored history of line observations, so every run (CLI, GUI, the next start) judges the
line from what earlier runs saw too."""

from __future__ import annotations

import time
from collections.abc import Sequence

from tiffin.library.store import Store
from tiffin.net.line import HostState, Observation, judge

KEEP_SECONDS = 7 * 86400  # the baselines need days of good transfers, not more
KEEP_PER_HOST = 200


def save_observations(store: Store, observations: Sequence[Observation]) -> None:
    """Append `observations` and forget those older than a week or past 200 per host."""
    if not observations:
        return
    with store.write() as db:
        db.executemany(
            "INSERT INTO line_observations (host, at, kind, bytes, seconds, rtt, url, detail, path)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (o.host, o.at, o.kind, o.bytes, o.seconds, o.rtt, o.url, o.detail, o.path)
                for o in observations
            ],
        )
        db.execute("DELETE FROM line_observations WHERE at < ?", (time.time() - KEEP_SECONDS,))
        db.execute(
            "DELETE FROM line_observations WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER()"
            " OVER (PARTITION BY host ORDER BY at DESC) AS n FROM line_observations) WHERE n > ?)",
            (KEEP_PER_HOST,),
        )


def observations(store: Store, host: str | None = None) -> list[Observation]:
    """The stored observations (of `host` only, if given), oldest first."""
    query = "SELECT host, kind, at, bytes, seconds, rtt, url, detail, path FROM line_observations"
    with store.read() as db:
        if host is None:
            rows = db.execute(query + " ORDER BY at, id").fetchall()
        else:
            rows = db.execute(query + " WHERE host = ? ORDER BY at, id", (host,)).fetchall()
    return [Observation(*row) for row in rows]


def line_states(store: Store) -> list[HostState]:
    """Every host's state from the stored history."""
    return judge(observations(store))
