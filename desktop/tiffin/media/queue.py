"""The download queue runner: takes queued entries in order, runs a few at a time in child
processes, records progress and results in the library, and stops cleanly when asked.

A full disk pauses the whole queue (the entry stays queued with the reason) rather than
failing entry after entry; the caller runs the queue again once space is freed. A line that
fails (host unreachable, stalls) leaves the entry queued with the reason, not tried again in
this run; the next run continues from its bytes. Entries left DOWNLOADING by a killed run are
queued again at start, and continue from their bytes on disk. Outside the settings' download
window, or with the data budget spent, nothing new starts and the summary says why (`held`).

The line decides the order too: an entry whose host the line history finds throttled or
blocked (and that the proxy does not route around) waits while entries from good hosts run,
so a choked host does not take the slots the good ones could fill; once only choked hosts
are left, they are tried, in order.

Hosts are run by the scheduler's `HostPolicy` (schedule/hosts.py), kept for the queue's life:
it gives each entry its connections (the host's free ones: more for a host that caps each
connection, fewer for one throttled as a whole), and backs off a host whose download failed
on the line, with a doubling pause, then probes it with one entry on one connection. While
it waits, entries from other hosts run; when it recovers, its entries run in the same run.
An entry is tried `ENTRY_TRIES` times in a run, and a host whose back-off starts
`HOST_FAILURES` times in a run is not asked again in it: what is left waits, with the reason,
for the next run.

Given a `healer`, the queue also runs the heals of recordings that lack something (gaps, the
picture, quality) from their replays, after the queued downloads (media/heal_runs.py).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from tiffin.config import Paths, Settings
from tiffin.errors import Cancelled, DiskFull, NetError, TiffinError
from tiffin.library import downloads, heals
from tiffin.library.downloads import Download, Status
from tiffin.library.store import Store
from tiffin.media.download import DownloadProgress, DownloadRequest
from tiffin.media.heal_runs import FULL, HEALED, LINE, Healer, HealRuns, is_heal
from tiffin.media.holds import choked_hosts, hold_reason
from tiffin.media.worker import run_download
from tiffin.progress import CancelToken
from tiffin.schedule.hosts import HostPolicy

logger = logging.getLogger(__name__)

HOST_FAILURES = 3
ENTRY_TRIES = 2
MOST_CONNECTIONS = 16


def media_dir(paths: Paths) -> Path:
    """The folder holding finished downloads (and `.partial/` for unfinished ones)."""
    return paths.data_dir / "media"


@dataclass(frozen=True)
class QueueEvent:
    """Something happened to one entry: progress while running, or a new status."""

    download_id: int
    status: Status
    progress: DownloadProgress | None = None
    error: str | None = None


@dataclass
class QueueSummary:
    """What one run of the queue did."""

    done: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    waiting: dict[int, str] = field(default_factory=dict)  # the line failed: try again later
    host_failures: dict[str, int] = field(default_factory=dict)  # back-offs begun, per host
    disk_full: str | None = None
    held: str | None = None  # outside the download window, or the budget is spent
    healed: dict[int, str] = field(default_factory=dict)  # recordings healed, and how


def _host(entry: Download) -> str:
    return httpx.URL(entry.url).host


class DownloadQueue:
    """Runs the library's download queue; see the module docstring."""

    def __init__(
        self,
        store: Store,
        paths: Paths,
        settings: Settings,
        parallel: int = 2,
        hosts: HostPolicy | None = None,
        healer: Healer | None = None,
    ) -> None:
        self.store, self.paths, self.settings = store, paths, settings
        self.heals = HealRuns(store, paths, settings, healer) if healer else None
        self.parallel = max(1, parallel)
        start = max(1, settings.media_connections)
        self.hosts = hosts or HostPolicy(start=start, most=max(start, MOST_CONNECTIONS))
        self._stops: dict[int, CancelToken] = {}
        self._lock = threading.Lock()

    def pause(self, download_id: int) -> None:
        """Stop an entry (running or waiting) and keep its bytes for a later resume."""
        downloads.set_status(self.store, download_id, Status.PAUSED)
        self._interrupt(download_id)

    def cancel(self, download_id: int) -> None:
        """Stop an entry and delete what it downloaded so far (a finished file is kept)."""
        if downloads.get_download(self.store, download_id).status == Status.DONE:
            return
        downloads.set_status(self.store, download_id, Status.CANCELLED)
        if not self._interrupt(download_id):
            self._discard_parts(download_id)

    def _interrupt(self, download_id: int) -> bool:
        with self._lock:
            token = self._stops.get(download_id)
        if token is not None:
            token.cancel()
        return token is not None

    def _discard_parts(self, download_id: int) -> None:
        shutil.rmtree(media_dir(self.paths) / ".partial" / str(download_id), ignore_errors=True)

    def run(
        self,
        on_event: Callable[[QueueEvent], None],
        cancel: CancelToken,
        only: Sequence[int] | None = None,
    ) -> QueueSummary:
        """Run queued entries (only those in `only`, if given) until none is left, the disk is
        full, or `cancel` is set (running entries then go back to QUEUED, bytes kept)."""
        downloads.requeue_interrupted(self.store)
        if self.heals is not None:
            heals.interrupted_heals(self.store)
        summary = QueueSummary()
        tries: dict[int, int] = {}
        running: dict[Future[Any], _Running] = {}
        with ThreadPoolExecutor(self.parallel, thread_name_prefix="download") as pool:
            while True:
                while (
                    len(running) < self.parallel and not cancel.cancelled and not summary.disk_full
                ):
                    busy = [*(r.entry.id for r in running.values()), *summary.waiting]
                    entry = self._next(only, busy, self._given_up(summary))
                    if entry is None:
                        break
                    summary.held = hold_reason(self.settings)
                    if summary.held:
                        break
                    started = self._start(pool, entry, on_event)
                    running[started.future] = started
                if not running:
                    pause = self._pause(only, summary)
                    if cancel.cancelled or summary.disk_full or summary.held or pause is None:
                        break
                    time.sleep(min(0.5, max(0.05, pause)))
                    continue
                finished, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
                if cancel.cancelled:
                    for started in running.values():
                        self._token(started.entry.id).cancel()
                for future in finished:
                    self._settle(running.pop(future), summary, tries, on_event, cancel)
        self._note_skipped(only, summary, on_event)
        return summary

    @staticmethod
    def _given_up(summary: QueueSummary) -> set[str]:
        return {host for host, n in summary.host_failures.items() if n >= HOST_FAILURES}

    def _left(self, only: Sequence[int] | None, skip: list[int]) -> list[Download]:
        if only is None:
            queued = downloads.queued_in_order(self.store, skip)
            return queued + (self.heals.waiting(skip) if self.heals is not None else [])
        chosen = (downloads.get_download(self.store, i) for i in only if i not in skip)
        return [entry for entry in chosen if entry.status == Status.QUEUED]

    def _pause(self, only: Sequence[int] | None, summary: QueueSummary) -> float | None:
        """With nothing running: how long until a backed-off host may be probed, or None if no
        entry left waits for one."""
        given_up = self._given_up(summary)
        hosts = {_host(e) for e in self._left(only, list(summary.waiting))} - given_up
        pauses = [self.hosts.waits_for(host) for host in hosts]
        return min(pauses) if pauses else None

    def _note_skipped(
        self,
        only: Sequence[int] | None,
        summary: QueueSummary,
        on_event: Callable[[QueueEvent], None],
    ) -> None:
        """Give the entries left for a host this run gave up on their reason."""
        given_up = self._given_up(summary)
        if not given_up:
            return
        for entry in self._left(only, list(summary.waiting)):
            host = _host(entry)
            if host in given_up:
                reason = (
                    f"{host} kept failing ({HOST_FAILURES} pauses); tried again at the next run"
                )
                summary.waiting[entry.id] = reason
                downloads.set_status(self.store, entry.id, Status.QUEUED, reason)
                on_event(QueueEvent(entry.id, Status.QUEUED, error=reason))

    def _next(
        self, only: Sequence[int] | None, busy: list[int], given_up: set[str]
    ) -> Download | None:
        waiting = [
            e
            for e in self._left(only, busy)
            if _host(e) not in given_up and self.hosts.connections(_host(e)) > 0
        ]
        if len(waiting) < 2:
            return next(iter(waiting), None)
        choked = choked_hosts(self.store)
        clear = (e for e in waiting if _host(e) not in choked)
        return next(clear, waiting[0])

    def _token(self, download_id: int) -> CancelToken:
        with self._lock:
            return self._stops.setdefault(download_id, CancelToken())

    def _start(
        self, pool: ThreadPoolExecutor, entry: Download, on_event: Callable[[QueueEvent], None]
    ) -> _Running:
        if self.heals is not None and is_heal(entry):
            self.hosts.opened(_host(entry), 1)

            def healing(update: DownloadProgress) -> None:
                on_event(QueueEvent(entry.id, Status.DONE, update))

            on_event(QueueEvent(entry.id, Status.DONE))
            heal = self.heals.start(pool, entry, healing, self._token(entry.id))
            return _Running(entry, heal, _host(entry), 1, _Meter(), heal=True)
        downloads.set_status(self.store, entry.id, Status.DOWNLOADING)
        on_event(QueueEvent(entry.id, Status.DOWNLOADING))
        request = DownloadRequest(
            entry.id,
            entry.url,
            entry.quality,
            media_dir(self.paths),
            entry.subtitle_langs,
            entry.want_thumbnail,
            entry.title,
        )
        host = _host(entry)
        connections = self.hosts.connections(host)
        self.hosts.opened(host, connections)
        meter = _Meter()
        last_saved = [0.0]

        def progress(update: DownloadProgress) -> None:
            on_event(QueueEvent(entry.id, Status.DOWNLOADING, update))
            if update.phase == "downloading":
                meter.saw(update.done)
            if update.done - last_saved[0] >= 4 * 1024 * 1024 or update.phase != "downloading":
                last_saved[0] = update.done
                downloads.record_progress(
                    self.store, entry.id, update.done, update.total, update.title
                )

        settings = replace(self.settings, media_connections=connections)
        future = pool.submit(run_download, request, settings, progress, self._token(entry.id))
        return _Running(entry, future, host, connections, meter)

    def _settle(
        self,
        started: _Running,
        summary: QueueSummary,
        tries: dict[int, int],
        on_event: Callable[[QueueEvent], None],
        cancel: CancelToken,
    ) -> None:
        entry, host, connections = started.entry, started.host, started.connections
        with self._lock:
            self._stops.pop(entry.id, None)
        if started.heal and self.heals is not None:
            self._settle_heal(started, summary, on_event)
            return
        try:
            result = started.future.result()
        except Cancelled:
            self.hosts.released(host, connections)
            now = downloads.get_download(self.store, entry.id).status
            status = Status.QUEUED if now == Status.DOWNLOADING and cancel.cancelled else now
            downloads.set_status(self.store, entry.id, status)
            if status == Status.CANCELLED:
                self._discard_parts(entry.id)
            on_event(QueueEvent(entry.id, status))
        except NetError as exc:
            pauses = self.hosts.state(host).failures
            self.hosts.failed(host, str(exc), like_block=True, connections=connections)
            if self.hosts.state(host).failures > pauses:
                summary.host_failures[host] = summary.host_failures.get(host, 0) + 1
            tries[entry.id] = tries.get(entry.id, 0) + 1
            if tries[entry.id] >= ENTRY_TRIES:
                summary.waiting[entry.id] = str(exc)
            downloads.set_status(self.store, entry.id, Status.QUEUED, str(exc))
            on_event(QueueEvent(entry.id, Status.QUEUED, error=str(exc)))
        except DiskFull as exc:
            self.hosts.released(host, connections)
            summary.disk_full = str(exc)
            try:
                downloads.set_status(self.store, entry.id, Status.QUEUED, str(exc))
            except sqlite3.OperationalError as full:
                # The library is on the full disk too: the entry stays as it was, which the
                # next run resumes like a queued one.
                logger.warning("could not note the full disk for #%d: %s", entry.id, full)
            on_event(QueueEvent(entry.id, Status.QUEUED, error=str(exc)))
        except TiffinError as exc:
            self.hosts.released(host, connections)
            summary.failed[entry.id] = str(exc)
            downloads.set_status(self.store, entry.id, Status.FAILED, str(exc))
            on_event(QueueEvent(entry.id, Status.FAILED, error=str(exc)))
        else:
            self.hosts.succeeded(host, *started.meter.measured(), connections=connections)
            downloads.record_done(self.store, entry.id, result)
            summary.done.append(entry.id)
            on_event(QueueEvent(entry.id, Status.DONE))

    def _settle_heal(
        self, started: _Running, summary: QueueSummary, on_event: Callable[[QueueEvent], None]
    ) -> None:
        assert self.heals is not None
        outcome, why = self.heals.settle(started.entry, started.future)
        if outcome == LINE:
            self.hosts.failed(started.host, why or "", like_block=True, connections=1)
            summary.waiting[started.entry.id] = why or ""
        else:
            self.hosts.released(started.host, 1)
        if outcome == FULL:
            summary.disk_full = why
        if outcome == HEALED:
            summary.healed[started.entry.id] = why or ""
        on_event(
            QueueEvent(started.entry.id, Status.DONE, error=None if outcome == HEALED else why)
        )


class _Meter:
    """Bytes and seconds of a download's transfer phase, from its progress reports."""

    def __init__(self) -> None:
        self.first: tuple[float, int] | None = None
        self.last: tuple[float, int] | None = None

    def saw(self, done: int) -> None:
        now = time.monotonic()
        if self.first is None:
            self.first = (now, done)
        self.last = (now, done)

    def measured(self) -> tuple[int, float]:
        if self.first is None or self.last is None:
            return 0, 0.0
        return self.last[1] - self.first[1], self.last[0] - self.first[0]


@dataclass(frozen=True)
class _Running:
    entry: Download
    future: Future[Any]
    host: str
    connections: int
    meter: _Meter
    heal: bool = False
