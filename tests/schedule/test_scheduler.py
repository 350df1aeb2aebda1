"""The scheduler against several hosts of the test web: budget, windows, blocked hosts coming
back, more connections where each is capped, choked hosts last. Bytes are counted by the
test web."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.testweb import Fault, TestWeb
from tiffin.config import Settings
from tiffin.net.client import make_client
from tiffin.schedule.bucket import TokenBucket
from tiffin.schedule.budget import Budget
from tiffin.schedule.scheduler import SPENT, JobResult, Scheduler
from tiffin.schedule.transfer import Job

GOOD, SLOW, RESETS = "127.0.5.1", "127.0.5.2", "127.0.5.3"
KiB = 1024


@pytest.fixture
def hosts() -> Iterator[TestWeb]:
    web = TestWeb((GOOD, SLOW, RESETS)).start()
    yield web
    web.stop()


def _files(web: TestWeb, folder: Path, host: str, sizes: list[int]) -> list[tuple[Job, bytes]]:
    made = []
    for n, size in enumerate(sizes):
        body = os.urandom(size)
        path = f"/{host}/f{n}.bin"
        web.add(path, body, "application/octet-stream", host=host)
        job = Job(f"{host}-{n}", web.url(path, host=host), folder / host / f"f{n}.bin", size)
        made.append((job, body))
    return made


def _run(scheduler: Scheduler, jobs: list[Job], settings: Settings) -> list[JobResult]:
    async def go() -> list[JobResult]:
        async with make_client(settings) as client:
            return await scheduler.run(client, jobs)

    return asyncio.run(go())


def test_files_arrive_whole_and_the_budget_is_never_overspent(
    hosts: TestWeb, settings: Settings, tmp_path: Path
) -> None:
    made = _files(hosts, tmp_path, GOOD, [300 * KiB] * 10)
    budget = Budget(day_limit=1000 * KiB)  # room for three of the ten
    hosts.bytes_sent = 0
    results = _run(Scheduler(TokenBucket(None), budget), [j for j, _ in made], settings)
    done = [r for r in results if r.done]
    assert len(done) == 3
    assert all(r.error == SPENT for r in results if not r.done)
    for job, body in made:
        if any(r.job == job for r in done):
            assert job.target.read_bytes() == body
    assert hosts.bytes_sent <= 1000 * KiB  # counted by the server, not by us
    assert budget.spent_today == sum(r.wire_bytes for r in done)


def test_a_host_that_resets_is_left_alone_then_tried_again(
    hosts: TestWeb, settings: Settings, tmp_path: Path
) -> None:
    made = _files(hosts, tmp_path, RESETS, [50 * KiB] * 3) + _files(
        hosts, tmp_path, GOOD, [50 * KiB] * 3
    )
    hosts.refusing[RESETS] = time.monotonic() + 1.5
    results = _run(Scheduler(TokenBucket(None), Budget()), [j for j, _ in made], settings)
    assert all(r.done for r in results) and len(results) == 6
    answered = [r for r in hosts.requests() if r.path.startswith(f"/{RESETS}/")]
    assert len(answered) == 3  # each file once, after the host came back
    # While it reset connections, it was tried with a doubling pause, one job at a time: a
    # handful of tries in 1.5 s, not one per job every half second.
    assert 1 <= hosts.refused[RESETS] <= 3


def test_a_host_that_caps_each_connection_gets_more_connections(
    hosts: TestWeb, settings: Settings, tmp_path: Path
) -> None:
    made = _files(hosts, tmp_path, SLOW, [160 * KiB] * 16)
    for job, _ in made:
        hosts.fault(job.url.split(str(hosts.port), 1)[1], Fault(rate=400 * KiB))
    scheduler = Scheduler(TokenBucket(None), Budget())
    results = _run(scheduler, [j for j, _ in made], settings)
    assert all(r.done for r in results)
    assert scheduler.hosts.state(SLOW).limit > 2
    assert hosts.most_at_once() > 2


def test_choked_host_last_and_time_windows_kept(
    hosts: TestWeb, settings: Settings, tmp_path: Path
) -> None:
    slow = [j for j, _ in _files(hosts, tmp_path, SLOW, [200 * KiB] * 4)]
    good = [j for j, _ in _files(hosts, tmp_path, GOOD, [200 * KiB] * 8)]
    hosts.host_rate[SLOW] = 400 * KiB  # the whole host: throttled, whatever the connections
    night = Job("night", good[0].url, tmp_path / "night.bin", 200 * KiB, window=(1, 6))
    # Two at a time, so the order is the scheduler's choice; 14:00 is outside 01:00-06:00.
    scheduler = Scheduler(TokenBucket(None), Budget(), max_parallel=2, hour=lambda: 14)
    _run(scheduler, [slow[0], good[0]], settings)  # it learns both hosts' speeds

    async def go() -> list[JobResult]:
        async with make_client(settings) as client:
            rest = [*slow[1:], *good[1:], night]  # listed slow first
            return await scheduler.run(client, rest, stop_at=time.monotonic() + 5)

    results = asyncio.run(go())
    order = [r.job.host for r in results if r.done]
    assert order[:7] == [GOOD] * 7 and order.count(SLOW) == 3
    assert not any(r.job.id == "night" for r in results)
