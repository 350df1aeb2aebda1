"""The scheduler: which transfer runs next, and how many run at once on each host.

Order: higher priority first, then the earliest deadline, then the job expected to finish
soonest at its host's measured speed (so a choked host's files wait behind everything that can
be done now, and more is done by the deadline). A job outside its time window waits for it.

Hosts: a host that fails the way a block does (reset, refused, TLS cut, connect timeouts) is
left alone for a back-off that doubles up to `MAX_BACKOFF`; its jobs go back in the queue, and
when the back-off ends one job probes it. Each host starts with `START_CONNECTIONS`; a host
whose speed per connection holds as connections are added (one that caps each connection)
gets more, up to `MAX_CONNECTIONS`, and one whose speed per connection falls gets fewer.
Every transfer shares one TokenBucket (the bandwidth cap) and one Budget.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from tiffin.errors import BudgetSpent, HttpStatusError, RateLimited
from tiffin.net import line
from tiffin.schedule.bucket import TokenBucket
from tiffin.schedule.budget import Budget
from tiffin.schedule.transfer import Job, transfer

logger = logging.getLogger(__name__)

START_CONNECTIONS = 2
MAX_CONNECTIONS = 8
FIRST_BACKOFF = 2.0
MAX_BACKOFF = 60.0
UNKNOWN_SPEED = 256 * 1024.0  # bytes/s assumed for a host not measured yet
MEASURABLE = 128 * 1024  # smaller transfers say little about speed
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
class _Host:
    limit: int = START_CONNECTIONS
    running: int = 0
    best: float = 0.0  # the best speed per connection seen
    speed: float | None = None  # the host's recent speed per connection
    blocked_until: float = 0.0
    backoff: float = FIRST_BACKOFF
    probing: bool = False


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
    hosts: dict[str, _Host] = field(default_factory=dict)

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
                    host = self._host(entry.job.host)
                    host.running += 1
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
    def _host(self, name: str) -> _Host:
        return self.hosts.setdefault(name, _Host())

    def _expected_seconds(self, job: Job) -> float:
        host = self._host(job.host)
        speed = host.speed or UNKNOWN_SPEED
        return (job.size or MEASURABLE) / speed

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
                self._expected_seconds(p.job),
            )
        )
        chosen: list[_Pending] = []
        starting: dict[str, int] = {}
        for entry in ready:
            if running + len(chosen) >= self.max_parallel:
                break
            host = self._host(entry.job.host)
            if host.blocked_until > now:
                continue
            limit = 1 if host.probing else host.limit
            if host.running + starting.get(entry.job.host, 0) >= limit:
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
        host = self._host(job.host)
        host.running -= 1
        seconds = time.monotonic() - started
        error = task.exception()
        if error is None:
            wire = task.result()
            host.probing, host.backoff, host.blocked_until = False, FIRST_BACKOFF, 0.0
            if wire >= MEASURABLE and seconds > 0:
                self._adapt(host, wire / seconds)
            return JobResult(job, True, wire, time.time())
        entry.attempts += 1
        if isinstance(error, BudgetSpent):
            return JobResult(job, False, 0, time.time(), SPENT)
        if isinstance(error, RateLimited):
            self._back_off(host, job, "asked to wait")
        elif isinstance(error, HttpStatusError):
            return JobResult(job, False, 0, time.time(), str(error))
        elif isinstance(error, httpx.TransportError | OSError | TimeoutError):
            kind = line.failure_kind(error)
            line.note(line.Observation(job.host, kind, url=job.url, detail=str(error)[:200]))
            if kind in line.BLOCK_SIGNS:
                self._back_off(host, job, kind)
            else:
                entry.not_before = time.monotonic() + 1.0
        else:
            raise error
        if entry.attempts >= self.max_attempts:
            return JobResult(job, False, 0, time.time(), f"gave up after {entry.attempts} tries")
        return None

    def _back_off(self, host: _Host, job: Job, why: str) -> None:
        if host.blocked_until <= time.monotonic():  # one back-off per episode, not per job
            host.blocked_until = time.monotonic() + host.backoff
            logger.info("%s %s; trying it again in %.0f s", job.host, why, host.backoff)
            host.backoff = min(MAX_BACKOFF, host.backoff * 2)
        host.probing = True

    def _adapt(self, host: _Host, speed: float) -> None:
        """More connections while each keeps its speed; fewer when each slows down."""
        host.speed = speed if host.speed is None else 0.5 * host.speed + 0.5 * speed
        host.best = max(host.best, speed)
        if speed >= 0.8 * host.best and host.running + 1 >= host.limit:
            host.limit = min(MAX_CONNECTIONS, host.limit + 1)
        elif speed < 0.5 * host.best:
            host.limit = max(1, host.limit - 1)
