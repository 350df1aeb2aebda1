"""What each queued download waits for: the window, the budget, a last try that failed, a
choked host, an earlier event's downloads, or its turn."""

from __future__ import annotations

import time
from dataclasses import replace

from tiffin.config import Settings
from tiffin.library import downloads, events
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.media.waits import Cause, why_waiting
from tiffin.net.governor import Governor
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.net.usage import add_usage


def test_each_queued_download_says_what_it_waits_for(store: Store, settings: Settings) -> None:
    plain = downloads.enqueue(store, "http://good.test/a.mp4")
    choked = downloads.enqueue(store, "http://slow.test/b.mp4")
    failed = downloads.enqueue(store, "http://good.test/c.mp4")
    downloads.set_status(store, failed.id, Status.QUEUED, "the line to good.test stalled")
    rally = downloads.enqueue(store, "http://good.test/rally.mp4")
    paused = downloads.enqueue(store, "http://good.test/d.mp4")
    downloads.set_status(store, paused.id, Status.PAUSED)
    events.add_event(store, "Rally", time.time() + 3600)
    events.tag(store, "Rally", download_ids=[rally.id])
    now, mib = time.time(), 1 << 20
    usual = [Observation("slow.test", "ok", now - 60 + n, bytes=mib, seconds=1.0) for n in (0, 1)]
    save_observations(store, [*usual, Observation("slow.test", "ok", now, bytes=mib, seconds=30)])

    waits = why_waiting(store, settings)
    assert set(waits) == {plain.id, choked.id, failed.id, rally.id}  # the paused one waits not
    assert waits[rally.id].cause == Cause.TURN and waits[rally.id].ahead == 0
    assert waits[rally.id].event == "Rally"
    assert waits[plain.id].cause == Cause.EVENT_FIRST and waits[plain.id].event == "Rally"
    assert waits[choked.id].cause == Cause.CHOKED and waits[choked.id].host == "slow.test"
    assert waits[failed.id].cause == Cause.LAST_TRY_FAILED
    assert waits[failed.id].reason == "the line to good.test stalled"

    events.tag(store, None, download_ids=[rally.id])
    waits = why_waiting(store, settings)
    assert [waits[i].ahead for i in (plain.id, rally.id)] == [0, 3]
    assert waits[plain.id].cause == Cause.TURN


def test_the_window_and_the_budget_hold_every_download(
    store: Store, settings: Settings, governed: Governor
) -> None:
    entry = downloads.enqueue(store, "http://good.test/a.mp4")
    night = replace(settings, media_window=(23, 6))
    assert why_waiting(store, night, hour=12)[entry.id].cause == Cause.WINDOW
    assert "23:00–06:00" in why_waiting(store, night, hour=12)[entry.id].reason
    assert why_waiting(store, night, hour=2)[entry.id].cause == Cause.TURN
    add_usage(store, 2000)
    governed.update(replace(settings, daily_budget=1000))
    assert why_waiting(store, settings)[entry.id].cause == Cause.BUDGET
