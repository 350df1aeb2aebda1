"""The download queue holds outside the download window and when the data budget is spent:
nothing starts, nothing is asked of the server, and the reason is given. An entry from a host
the line finds throttled waits while one from a good host runs; a host that fails is paused
and probed again, within the run."""

from __future__ import annotations

import io
import os
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.media.holds import choked_hosts, hold_reason
from tiffin.media.queue import DownloadQueue, QueueEvent, QueueSummary
from tiffin.net.governor import Governor
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.net.usage import add_usage
from tiffin.progress import CancelToken
from tiffin.schedule.hosts import HostPolicy


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
PAUSE = 0.4  # the first back-off in these tests


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
    hosts = HostPolicy(start=4, first_backoff=PAUSE)
    return DownloadQueue(store, paths, quick, parallel=1, hosts=hosts).run(on_event, CancelToken())


def _starts(events: list[tuple[float, QueueEvent]]) -> list[tuple[float, int]]:
    return [
        (t, e.download_id) for t, e in events if e.status == Status.DOWNLOADING and not e.progress
    ]


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


def test_a_failing_host_is_paused_and_given_up_for_the_run_after_three_pauses(
    two_hosts: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    two_hosts.refusing[OTHER] = time.monotonic() + 600  # closes every connection unanswered
    lost = [
        downloads.enqueue(store, two_hosts.url(f"/clip.mp4?n={n}", host=OTHER)) for n in range(3)
    ]
    fine = downloads.enqueue(store, two_hosts.url("/clip.mp4", host=GOOD))
    events: list[tuple[float, QueueEvent]] = []
    summary = _run_one_at_a_time(
        store, paths, settings, lambda e: events.append((time.monotonic(), e))
    )

    assert summary.done == [fine.id]
    starts = _starts(events)
    # The dead host's first entry, then the good one while the dead host pauses; then the dead
    # host probed twice more (its first entry's second and last try, then the next entry),
    # each after a longer pause; its third entry is never asked for.
    assert [i for _, i in starts] == [lost[0].id, fine.id, lost[0].id, lost[1].id]
    probes = [t for t, i in starts if i != fine.id]
    assert probes[2] - probes[1] >= 2 * PAUSE * 0.9 and probes[1] - probes[0] >= PAUSE * 0.9
    assert summary.host_failures == {OTHER: 3}
    assert set(summary.waiting) == {e.id for e in lost}
    left = downloads.get_download(store, lost[2].id)
    assert left.status == Status.QUEUED and "tried again at the next run" in str(left.error)


def test_a_host_that_comes_back_is_finished_in_the_same_run(
    two_hosts: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    two_hosts.refuse_next[OTHER] = 2  # cut off for its first two requests, then back
    back = [
        downloads.enqueue(store, two_hosts.url(p, host=OTHER)) for p in ("/clip.mp4", "/again.mp4")
    ]
    fine = downloads.enqueue(store, two_hosts.url("/clip.mp4", host=GOOD))
    no_retries = replace(settings, retries=0)  # each refusal fails a try
    summary = _run_one_at_a_time(store, paths, no_retries, lambda _: None)
    # The good host's entry ran while the other paused; then both of the other's finished.
    assert summary.done == [fine.id, *(e.id for e in back)]
    assert not summary.waiting and summary.host_failures[OTHER] >= 1
    assert two_hosts.refused[OTHER] == 2


def _noise_wav(seconds: float) -> bytes:
    """Real (if tuneless) audio large enough to be fetched in several ranges."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(48000)
        wav.writeframes(os.urandom(int(seconds * 48000) * 4))
    return out.getvalue()


def test_a_host_that_caps_each_connection_gets_more_of_them(
    web: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    body = _noise_wav(40.0)  # 7.3 MiB
    entries = []
    for n in range(3):
        path = f"/capped/f{n}.wav"
        entries.append(downloads.enqueue(store, web.add(path, body, "audio/wav")))
        web.fault(path, Fault(rate=2 * 1024 * 1024))  # each connection, whatever their number
    queue = DownloadQueue(
        store, paths, replace(settings, disk_reserve=0), parallel=1, hosts=HostPolicy(start=2)
    )
    summary = queue.run(lambda _: None, CancelToken())
    assert summary.done == [e.id for e in entries], summary
    assert queue.hosts.state("127.0.0.1").limit > 2
    assert web.most_at_once() > 2
