"""Benchmark: Tiffin's scheduler vs plain first-in-first-out, same downloaders, same line.

300 files (small, medium and large, shuffled) on four hosts of the test web: one good, one
throttled to a tenth of the cap (all its connections together), one that resets every
connection for its first --blocked seconds and then recovers, and one that caps each
connection. Both runs share the same transfer code, one bandwidth cap (--cap) and a daily
budget (--budget), and stop at the deadline (--deadline seconds). FIFO runs the files in
their listed order, four at a time, three tries each, as a plain download manager does.
Bytes and the cap are measured by the test web, not by Tiffin.

Run: .venv/bin/python bench/schedule.py [--items 300] [--deadline 30] [--cap 8] [--budget 150]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.testweb import Fault, TestWeb
from tiffin.config import Settings
from tiffin.net.client import make_client
from tiffin.schedule.bucket import TokenBucket
from tiffin.schedule.budget import Budget
from tiffin.schedule.scheduler import JobResult, Scheduler
from tiffin.schedule.transfer import Job, transfer

MiB = 1024 * 1024
GOOD, THROTTLED, BLOCKED, CAPPED = (f"127.0.4.{n}" for n in range(1, 5))
RECEIVE_BUFFER = 64 * 1024


def make_jobs(web: TestWeb, count: int, folder: Path) -> list[Job]:
    """`count` files spread over the four hosts, sizes as a news day has them: mostly small
    pages and pictures, some episodes, a few long videos; shuffled."""
    rng = random.Random(7)
    noise = os.urandom(8 * MiB)
    jobs = []
    for n in range(count):
        host = (GOOD, THROTTLED, BLOCKED, CAPPED)[n % 4]
        kind = rng.random()
        if kind < 0.6:
            size = rng.randint(40_000, 400_000)
        elif kind < 0.9:
            size = rng.randint(MiB // 2, 2 * MiB)
        else:
            size = rng.randint(3 * MiB, 6 * MiB)
        path = f"/{host}/file{n}.bin"
        start = rng.randint(0, len(noise) - size)
        web.add(path, noise[start : start + size], "application/octet-stream", host=host)
        if host == CAPPED:
            web.fault(path, Fault(rate=200 * 1024))
        jobs.append(Job(f"file{n}", web.url(path, host=host), folder / f"file{n}.bin", size))
    rng.shuffle(jobs)
    return jobs


async def fifo(
    client: httpx.AsyncClient, jobs: list[Job], bucket: TokenBucket, budget: Budget, stop_at: float
) -> list[JobResult]:
    """The baseline: in listed order, four at a time, three immediate tries each."""
    queue = list(jobs)
    results: list[JobResult] = []

    async def worker() -> None:
        while queue:
            job = queue.pop(0)
            for _ in range(3):
                try:
                    wire = await transfer(client, job, bucket, budget)
                except (httpx.TransportError, OSError) as exc:
                    error = str(exc)
                    continue
                except Exception as exc:  # budget spent, HTTP errors: this file is lost
                    error = str(exc)
                    break
                results.append(JobResult(job, True, wire, time.time()))
                break
            else:
                results.append(JobResult(job, False, 0, time.time(), error))

    workers = [asyncio.create_task(worker()) for _ in range(4)]
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*workers), timeout=stop_at - time.monotonic())
    return results


class Meter:
    """Samples the test web's byte counter to find the highest rate over any second."""

    def __init__(self, web: TestWeb) -> None:
        self.web = web
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self.stop.wait(0.1):
            self.samples.append((time.monotonic(), self.web.bytes_sent))

    def __enter__(self) -> Meter:
        self.web.bytes_sent = 0
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def peak_rate(self, window: float = 5.0) -> float:
        best = 0.0
        for i, (start, sent) in enumerate(self.samples):
            for end, later in self.samples[i:]:
                if end - start >= window:
                    best = max(best, (later - sent) / (end - start))
                    break
        return best


def run_one(
    name: str,
    web: TestWeb,
    jobs_for: Callable[[Path], list[Job]],
    run: Callable[..., Coroutine[Any, Any, list[JobResult]]],
    args: argparse.Namespace,
) -> tuple[str, int, int, float, float]:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    jobs = jobs_for(folder)
    settings = Settings(read_timeout=10.0, connect_timeout=5.0)
    cap = args.cap * MiB
    budget = Budget(day_limit=int(args.budget * MiB))
    web.refusing[BLOCKED] = time.monotonic() + args.blocked
    started = time.monotonic()
    stop_at = started + args.deadline
    deadline_wall = time.time() + args.deadline

    async def go() -> list[JobResult]:
        async with make_client(settings, receive_buffer=RECEIVE_BUFFER) as client:
            return await run(client, jobs, TokenBucket(cap), budget, stop_at)

    with Meter(web) as meter:
        results = asyncio.run(go())
    shutil.rmtree(folder, ignore_errors=True)
    done = sum(1 for r in results if r.done and r.finished_at <= deadline_wall)
    return name, done, meter.web.bytes_sent, meter.peak_rate(), time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds")
    parser.add_argument("--cap", type=float, default=8.0, help="MiB/s for every transfer")
    parser.add_argument("--budget", type=float, default=150.0, help="MiB for the day")
    parser.add_argument("--blocked", type=float, default=10.0, help="seconds the host resets")
    args = parser.parse_args()

    web = TestWeb((GOOD, THROTTLED, BLOCKED, CAPPED)).start()
    web.send_buffer = 64 * 1024
    web.host_rate[THROTTLED] = int(args.cap * MiB / 10)
    total = 0

    def jobs_for(folder: Path) -> list[Job]:
        nonlocal total
        web.routes.clear()
        jobs = make_jobs(web, args.items, folder)
        total = sum(j.size or 0 for j in jobs)
        return jobs

    async def scheduled(
        client: httpx.AsyncClient, jobs: list[Job], bucket: TokenBucket, budget: Budget, stop: float
    ) -> list[JobResult]:
        return await Scheduler(bucket, budget).run(client, jobs, stop_at=stop)

    rows = [
        run_one("scheduler", web, jobs_for, scheduled, args),
        run_one("fifo", web, jobs_for, fifo, args),
    ]
    web.stop()
    budget = args.budget * MiB
    cap = args.cap * MiB
    print(
        f"# {args.items} files ({total / MiB:.0f} MiB) on 4 hosts: good, throttled to 10%,"
        f" reset for {args.blocked:.0f} s then back, {200} KiB/s per connection;"
        f" cap {args.cap:g} MiB/s, budget {args.budget:g} MiB, deadline {args.deadline:g} s;"
        f" {os.cpu_count()} cores"
    )
    print(
        f"{'run':12} {'done by deadline':>17} {'MiB spent':>10} {'budget':>8} {'peak 5 s rate':>14}"
    )
    for name, done, spent, peak, _ in rows:
        print(
            f"{name:12} {done:17d} {spent / MiB:10.1f} {100 * spent / budget:7.1f}% "
            f"{100 * peak / cap:13.1f}%"
        )
    scheduler, baseline = rows[0][1], rows[1][1]
    print(f"scheduler vs FIFO, files done by the deadline: {scheduler / max(1, baseline):.2f}x")
    worst_budget = max(r[2] for r in rows) / budget
    worst_cap = max(r[3] for r in rows) / cap
    print(
        f"budget used at most {100 * worst_budget:.1f}%; cap peak {100 * worst_cap:.1f}% of the cap"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
