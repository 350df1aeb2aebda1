"""The event plan: what is tagged for each event (sources, downloads, streams waiting to be
recorded), ready and pending counts and bytes, and the estimate of finishing in time at the
measured speed and within the budget."""

from __future__ import annotations

import time
from dataclasses import replace

from tiffin.config import Settings
from tiffin.library import downloads, events, queries
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.schedule.event_plan import DOWNLOAD, PENDING, READY, SOURCE, STREAM, plan_events

MB = 1_000_000


def _rally(store: Store, starts_in: float) -> None:
    now = time.time()
    events.add_event(store, "rally", now + starts_in)
    events.add_event(store, "vote", now + 30 * 86400)
    channel, _ = queries.add_source(store, "https://video.example/channel", "The channel")
    queries.save_items(
        store,
        channel.id,
        [
            NewItem(
                "speech", "https://video.example/speech", "The speech", live_status="is_upcoming"
            ),
            NewItem("old", "https://video.example/old", "Old clip", live_status="not_live"),
        ],
        now,
    )
    events.tag(store, "rally", source_ids=[channel.id])
    done = downloads.enqueue(store, "https://video.example/clip1")
    downloads.record_progress(store, done.id, 40 * MB, 40 * MB, "Clip one")
    downloads.set_status(store, done.id, downloads.Status.DONE)
    pending = downloads.enqueue(store, "https://video.example/clip2")
    downloads.record_progress(store, pending.id, 10 * MB, 110 * MB, "Clip two")
    unknown = downloads.enqueue(store, "https://other.example/clip3")
    downloads.enqueue(store, "https://video.example/untagged")
    events.tag(store, "rally", download_ids=[done.id, pending.id, unknown.id])
    save_observations(  # the line gave video.example 1 MB/s
        store, [Observation("video.example", "ok", now - 60, 10 * MB, 10.0)]
    )


def test_what_is_tagged_and_what_it_adds_up_to(store: Store, settings: Settings) -> None:
    _rally(store, starts_in=3600)
    rally, vote = plan_events(store, settings)
    assert (rally.event.name, vote.event.name) == ("rally", "vote")
    assert vote.entries == [] and vote.finishes_in() == 0.0 and vote.on_time() is True
    kinds = sorted((e.kind, e.title, e.state) for e in rally.entries)
    assert kinds == [
        (DOWNLOAD, "Clip one", READY),
        (DOWNLOAD, "Clip two", PENDING),
        (DOWNLOAD, "https://other.example/clip3", PENDING),
        (SOURCE, "The channel", READY),
        (STREAM, "The speech", PENDING),  # upcoming, waiting to be recorded
    ]
    assert (rally.count(READY), rally.count(PENDING)) == (1, 3)
    assert (rally.ready_bytes, rally.pending_bytes, rally.unknown_sizes) == (40 * MB, 100 * MB, 1)
    assert (rally.event.sources, rally.event.downloads, rally.event.done) == (1, 3, 1)
    assert rally.speed == 1 * MB
    assert rally.finishes_in() == 100.0
    assert rally.on_time() is True  # 100 s of work, an hour to go


def test_the_estimate_follows_the_deadline_the_speed_and_the_budget(
    store: Store, settings: Settings
) -> None:
    _rally(store, starts_in=60)
    (rally, _) = plan_events(store, settings)
    assert rally.on_time() is False  # 100 s of work, a minute to go
    capped = replace(settings, bandwidth_cap=100_000)
    assert plan_events(store, capped)[0].speed == 100_000  # the cap bounds the measured speed
    budgeted = replace(settings, daily_budget=50 * MB)
    events.remove_event(store, "rally")
    events.add_event(store, "rally", time.time() + 86400)
    events.tag(store, "rally", download_ids=[d.id for d in downloads.list_downloads(store)][:3])
    (rally, _) = plan_events(store, budgeted)
    assert rally.budget_left == 50 * MB
    assert rally.on_time() is False  # 100 MB to fetch, 50 MB of budget left today


def test_the_estimate_follows_the_downloads_running_now(store: Store, settings: Settings) -> None:
    _rally(store, starts_in=600)
    (rally, _) = plan_events(store, settings)
    clip2 = next(e for e in rally.entries if e.title == "Clip two")
    assert rally.finishes_in() == 100.0 and rally.on_time() is True  # at the history's 1 MB/s
    # The line is throttled: clip two now moves at 50 kB/s, 60 MB of it fetched
    slow = rally.under_way({clip2.id: (60 * MB, 110 * MB, 50_000.0)})
    assert slow.speed == 50_000 and slow.pending_bytes == 50 * MB
    assert slow.finishes_in() == 1000.0 and slow.on_time() is False
    # A download of another event, or one not moving yet, changes nothing
    # A size learned while downloading counts (the library read before it knew none)
    clip3 = next(e for e in rally.entries if e.title.endswith("clip3"))
    learned = rally.under_way({clip3.id: (0, 20 * MB, 1_000_000.0)})
    assert learned.unknown_sizes == 0 and learned.pending_bytes == 120 * MB
    assert rally.under_way({9999: (1, None, 5.0)}) is rally
    assert rally.under_way({clip2.id: (10 * MB, None, 0.0)}).speed == 1 * MB


def test_no_speed_measured_is_not_known(store: Store, settings: Settings) -> None:
    events.add_event(store, "rally", time.time() + 3600)
    entry = downloads.enqueue(store, "https://video.example/clip")
    downloads.record_progress(store, entry.id, 0, 5 * MB)
    events.tag(store, "rally", download_ids=[entry.id])
    (rally,) = plan_events(store, settings)
    assert rally.speed is None and rally.finishes_in() is None and rally.on_time() is None


def test_fifty_events_and_five_thousand_entries_load_in_one_pass(
    store: Store, settings: Settings
) -> None:
    now = time.time()
    with store.write() as db:
        db.executemany(
            "INSERT INTO events (name, at, created_at) VALUES (?, ?, ?)",
            [(f"event {n}", now + n * 3600, now) for n in range(50)],
        )
        db.executemany(
            "INSERT INTO downloads (url, status, position, added_at, event_id)"
            " VALUES (?, 'queued', ?, ?, ?)",
            [(f"https://v.example/{n}", n, now, 1 + n % 50) for n in range(5000)],
        )
    plans = plan_events(store, settings)
    assert len(plans) == 50
    assert sum(len(p.entries) for p in plans) == 5000
    assert all(p.count(PENDING) == 100 for p in plans)
