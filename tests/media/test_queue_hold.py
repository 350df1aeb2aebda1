"""The download queue holds outside the download window and when the data budget is spent:
nothing starts, nothing is asked of the server, and the reason is given. An entry from a host
the line finds throttled waits while one from a good host runs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.media.queue import DownloadQueue, QueueEvent, QueueSummary, choked_hosts, hold_reason
from tiffin.net.governor import Governor
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.net.usage import add_usage
from tiffin.progress import CancelToken


def test_window_hours_wrap_past_midnight(settings: Settings) -> None:
    night = replace(settings, media_window=(23, 6))
    assert hold_reason(night, 2) is None and hold_reason(night, 23) is None
    assert hold_reason(night, 12) == "downloads wait for their window, 23:00–06:00"
    assert hold_reason(replace(settings, media_window=(1, 6)), 6) is not None


def test_the_queue_holds_outside_its_window_and_with_the_budget_spent(
    web: TestWeb, clip: Path, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    url = web.add("/media/clip.mp4", clip.read_bytes(), "video/mp4")
    entry = downloads.enqueue(store, url)
    hour = time.localtime().tm_hour
    closed = replace(settings, media_window=((hour + 1) % 24, (hour + 2) % 24))
    summary = DownloadQueue(store, paths, closed).run(lambda _: None, CancelToken())
    assert summary.held is not None and summary.held.startswith("downloads wait for their window")

    add_usage(store, 2000)
    spent = replace(settings, daily_budget=1000)
    governed.update(spent)
    summary = DownloadQueue(store, paths, spent).run(lambda _: None, CancelToken())
    assert summary.held == "the data budget is spent; downloads wait until it allows more"
    assert web.requests() == []
    assert downloads.get_download(store, entry.id).status == Status.QUEUED

    open_hours = replace(settings, media_window=(hour, (hour + 1) % 24), disk_reserve=0)
    governed.update(open_hours)
    summary = DownloadQueue(store, paths, open_hours).run(lambda _: None, CancelToken())
    assert summary.done == [entry.id] and summary.held is None


GOOD, OTHER = "127.0.4.1", "127.0.4.2"


@pytest.fixture
def two_hosts(clip: Path) -> Iterator[TestWeb]:
    """A test web of its own on a good host and another, both serving the clip twice."""
    web = TestWeb((GOOD, OTHER)).start()
    for path in ("/clip.mp4", "/again.mp4"):
        web.add(path, clip.read_bytes(), "video/mp4")
    yield web
    web.stop()


def _run_one_at_a_time(
    store: Store, paths: Paths, settings: Settings, on_event: Callable[[QueueEvent], None]
) -> QueueSummary:
    quick = replace(settings, disk_reserve=0)
    return DownloadQueue(store, paths, quick, parallel=1).run(on_event, CancelToken())


def test_a_throttled_host_waits_while_a_good_host_runs(
    two_hosts: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    first = downloads.enqueue(store, two_hosts.url("/clip.mp4", host=OTHER))
    second = downloads.enqueue(store, two_hosts.url("/again.mp4", host=GOOD))
    now, mib = time.time(), 1024 * 1024
    usual = [Observation(OTHER, "ok", now - 60 + n, bytes=mib, seconds=1.0) for n in range(3)]
    save_observations(store, [*usual, Observation(OTHER, "ok", now, bytes=mib, seconds=20.0)])
    assert choked_hosts(store) == {OTHER}

    summary = _run_one_at_a_time(store, paths, settings, lambda _: None)
    assert summary.done == [second.id, first.id]  # the good host's, then the choked one's
    hosts = [r.host.split(":")[0] for r in two_hosts.requests()]
    assert hosts[0] == GOOD and hosts[-1] == OTHER


def test_a_host_that_keeps_failing_is_not_asked_again_in_the_run(
    two_hosts: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    two_hosts.refusing[OTHER] = time.monotonic() + 600  # closes every connection unanswered
    lost = [
        downloads.enqueue(store, two_hosts.url(f"/clip.mp4?n={n}", host=OTHER)) for n in range(3)
    ]
    fine = downloads.enqueue(store, two_hosts.url("/clip.mp4", host=GOOD))
    started: list[int] = []

    def seen(event: QueueEvent) -> None:
        if event.status == Status.DOWNLOADING and event.download_id not in started:
            started.append(event.download_id)

    summary = _run_one_at_a_time(store, paths, settings, seen)
    assert summary.done == [fine.id]
    assert started == [lost[0].id, lost[1].id, fine.id]  # the third dead one is not tried
    assert set(summary.waiting) == {e.id for e in lost}
    left = downloads.get_download(store, lost[2].id)
    assert left.status == Status.QUEUED and "tried again at the next run" in str(left.error)
