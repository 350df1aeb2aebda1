"""Bytes on the wire per local day, kept in the library, so a budget holds across runs."""

from __future__ import annotations

import time

from tiffin.config import Settings
from tiffin.library.store import Store
from tiffin.schedule.budget import Budget


def _day(when: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(when))


def add_usage(store: Store, wire_bytes: int, when: float | None = None) -> None:
    """Count `wire_bytes` against the day of `when` (now by default)."""
    if wire_bytes <= 0:
        return
    with store.write() as db:
        db.execute(
            "INSERT INTO data_usage (day, bytes) VALUES (?, ?)"
            " ON CONFLICT (day) DO UPDATE SET bytes = bytes + excluded.bytes",
            (_day(time.time() if when is None else when), wire_bytes),
        )


def usage(store: Store, when: float | None = None) -> tuple[int, int]:
    """Bytes spent on the day of `when` (now by default) and in its month so far."""
    day = _day(time.time() if when is None else when)
    with store.read() as db:
        today = db.execute("SELECT bytes FROM data_usage WHERE day = ?", (day,)).fetchone()
        month = db.execute(
            "SELECT COALESCE(SUM(bytes), 0) FROM data_usage WHERE substr(day, 1, 7) = ?",
            (day[:7],),
        ).fetchone()
    return (today[0] if today else 0), month[0]


def todays_budget(store: Store, settings: Settings) -> Budget:
    """The budget left for now: the settings' limits less what today and this month spent."""
    today, month = usage(store)
    return Budget(settings.daily_budget, settings.monthly_budget, today, month)
