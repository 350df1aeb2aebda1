"""The CPU pools stay bounded whatever the machine: a 16-core laptop (TIFFIN_CORES, as the
benchmark plays one) gets no more than MOST_WORKERS workers, no more than there are jobs; the
window keeps one warm pool between refreshes, its workers at a lower priority than the window,
and a command's workers keep the command's priority."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Executor

import pytest

from tiffin.fetch import pool


def _who(_job: int) -> tuple[int, int]:
    time.sleep(0.05)  # long enough that the pool would start every worker it may
    return os.getpid(), os.getpriority(os.PRIO_PROCESS, 0)


def test_a_sixteen_core_machine_gets_a_bounded_pool_at_a_lower_priority(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TIFFIN_CORES", "16")
    assert pool.cores() == 16
    assert pool.worker_count(2) <= pool.MOST_WORKERS
    assert pool.worker_count(2, jobs=3) == 3
    assert pool.worker_count(1, jobs=0) >= 1
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    with pool.cpu_pool(2, below_window=True) as workers:
        seen = list(workers.map(_who, range(120)))
    pids = {pid for pid, _ in seen}
    assert 1 < len(pids) <= pool.MOST_WORKERS
    assert all(niceness >= min(19, mine + pool.WORKER_NICENESS) for _, niceness in seen)
    with pool.cpu_pool(2, jobs=2) as workers:
        assert {niceness for _, niceness in workers.map(_who, range(4))} == {mine}


def test_the_window_keeps_one_warm_pool_between_refreshes() -> None:
    held = threading.Event()
    other = threading.Thread(target=held.wait)  # the window has threads of its own
    other.start()
    try:
        used: list[Executor | None] = []

        async def main(workers: Executor | None) -> None:
            used.append(workers)

        pool.run_with_pool(True, main, 2)
        pool.run_with_pool(True, main, 2)
    finally:
        held.set()
        other.join()
    assert used[0] is not None and used[0] is used[1] is pool.warm_pool()
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    niceness = {n for _, n in pool.warm_pool().map(_who, range(4))}
    assert niceness == {min(19, mine + pool.WORKER_NICENESS)}
