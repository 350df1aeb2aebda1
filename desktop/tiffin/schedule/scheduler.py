"""The scheduler: which transfer runs next, and how many run at once on each host.

Order: higher priority first, then the earliest deadline, then the job expected to finish
soonest at its host's measured speed (so a choked host's files wait behind everything that can
be done now, and more is done by the deadline). A job outside its time window waits for it.

Hosts: each job is one connection, and `HostPolicy` (schedule/hosts.py, shared with the app's
download queue) says how many a host may have and when a host that failed like a block is
tried again; a job cut by such a failure goes back in the queue. Every transfer shares one
TokenBucket (the bandwidth cap) and one Budget.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from tiffin.errors import BudgetSpent, HttpStatusError, NetError, RateLimited
from tiffin.net import line
from tiffin.schedule.bucket import TokenBucket
from tiffin.schedule.budget import Budget
from tiffin.schedule.hosts import HostPolicy
from tiffin.schedule.transfer import Job, transfer

UNKNOWN_SPEED = 256 * 1024.0  # bytes/s assumed for a host not measured yet
SPENT = "the data budget is spent"


@dataclass(frozen=True)
class JobResult:
    """How a job ended: done (with the bytes it took) or given up, and when."""

    job: Job
    done: bool
    wire_bytes: int
    finished_at: float
    error: str | None = None


@dataclass
class _Pending:
    job: Job
    attempts: int = 0
    not_before: float = 0.0


@dataclass
class Scheduler:
    """Runs jobs as the module docstring says; see `run`."""

    bucket: TokenBucket
    budget: Budget
    max_parallel: int = 16
    max_attempts: int = 10
    hour: Callable[[], int] = field(default=lambda: time.localtime().tm_hour)
    hosts: HostPolicy = field(default_factory=HostPolicy)

    async def run(
        self,
        client: httpx.AsyncClient,
        jobs: Sequence[Job],
        on_result: Callable[[JobResult], None] | None = None,
        stop_at: float | None = None,
    ) -> list[JobResult]:
        """Run `jobs` until each is done or given up (or until `stop_at`, a monotonic time:
        then what is running is stopped and kept as .part files)."""
        pending = [_Pending(job) for job in jobs]
        running: dict[asyncio.Task[int], tuple[_Pending, float]] = {}
        results: list[JobResult] = []

        def finish(result: JobResult) -> None:
            results.append(result)
            if on_result is not None:
                on_result(result)

        try:
            while pending or running:
                if stop_at is not None and time.monotonic() >= stop_at:
                    break
                for entry in self._choose(pending, len(running)):
                    pending.remove(entry)
                    self.hosts.opened(entry.job.host)
                    task = asyncio.create_task(
                        transfer(client, entry.job, self.bucket, self.budget)
                    )
                    running[task] = (entry, time.monotonic())
                if not running:
                    left = self.budget.remaining()
                    if left is not None and all((p.job.size or 1) > left for p in pending):
                        for entry in pending:  # nothing left fits in what the budget has
                            finish(JobResult(entry.job, False, 0, time.time(), SPENT))
                        break
                    await asyncio.sleep(0.2)
                    continue
                timeout = 0.5 if stop_at is None else max(0.0, min(0.5, stop_at - time.monotonic()))
                done, _ = await asyncio.wait(
                    running, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                )
                for task in done:
                    entry, started = running.pop(task)
                    outcome = self._settle(entry, task, started)
                    if outcome is None:
                        pending.append(entry)
                    else:
                        finish(outcome)
        finally:
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
        return results

    # -- choosing -----------------------------------------------------------------------------
    def _choose(self, pending: list[_Pending], running: int) -> list[_Pending]:
        now = time.monotonic()
        hour = self.hour()
        left = self.budget.remaining()
        ready = [
            p
            for p in pending
            if p.not_before <= now
            and p.job.in_window(hour)
            and (left is None or (p.job.size or 1) <= left)
        ]
        ready.sort(
            key=lambda p: (
                -p.job.priority,
                p.job.deadline if p.job.deadline is not None else float("inf"),
                self.hosts.expected_seconds(p.job.host, p.job.size, UNKNOWN_SPEED),
            )
        )
        chosen: list[_Pending] = []
        starting: dict[str, int] = {}
        for entry in ready:
            if running + len(chosen) >= self.max_parallel:
                break
            if self.hosts.free(entry.job.host) <= starting.get(entry.job.host, 0):
                continue
            if left is not None:  # what the jobs chosen so far will reserve
                if (entry.job.size or 1) > left:
                    continue
                left -= entry.job.size or 1
            starting[entry.job.host] = starting.get(entry.job.host, 0) + 1
            chosen.append(entry)
        return chosen

    # -- learning -----------------------------------------------------------------------------
    def _settle(self, entry: _Pending, task: asyncio.Task[int], started: float) -> JobResult | None:
        """Learn from a finished task; returns its result, or None to queue it again."""
        job = entry.job
        seconds = time.monotonic() - started
        error = task.exception()
        if error is None:
            wire = task.result()
            self.hosts.succeeded(job.host, wire, seconds)
            return JobResult(job, True, wire, time.time())
        entry.attempts += 1
        if isinstance(error, BudgetSpent):
            self.hosts.released(job.host)
            return JobResult(job, False, 0, time.time(), SPENT)
        if isinstance(error, RateLimited):
            self.hosts.failed(job.host, "asked to wait", like_block=True)
        elif isinstance(error, HttpStatusError):
            self.hosts.released(job.host)
            return JobResult(job, False, 0, time.time(), str(error))
        elif isinstance(error, NetError | OSError | TimeoutError):
            kind = line.failure_kind(error)
            self.hosts.failed(job.host, kind, like_block=kind in line.BLOCK_SIGNS)
            if kind not in line.BLOCK_SIGNS:
                entry.not_before = time.monotonic() + 1.0
        else:
            self.hosts.released(job.host)
            raise error
        if entry.attempts >= self.max_attempts:
            return JobResult(job, False, 0, time.time(), f"gave up after {entry.attempts} tries")
        return None
