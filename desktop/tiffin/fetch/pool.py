"""How refresh and article packing run: one event loop for the network, a process pool for
the CPU-heavy steps (feed parsing, article extraction), and results reported as they finish.

The pools are sized by need and bounded whatever the machine: at most MOST_WORKERS processes,
no more than a quarter of the free memory holds, no more than there are jobs. The window keeps
one warm pool rather than spawning interpreters for every refresh, its workers at a lower
priority than the window; a command's pool (no window to keep responsive) runs at the
command's own priority, which `nice tiffin ...` sets as for any command."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from tiffin.net import governor
from tiffin.progress import CancelToken, Step


class _HasUrl(Protocol):
    @property
    def url(self) -> str: ...


Outcome = TypeVar("Outcome", bound=_HasUrl)
Result = TypeVar("Result")


MOST_WORKERS = 5  # whatever the cores: each worker is an interpreter of 40-80 MiB
WORKER_BYTES = 80 * 2**20  # what one may grow to, for the memory bound
WORKER_NICENESS = 10  # below the window, which shares the CPU with them


def cores() -> int:
    """The cores to size pools by: the machine's, or TIFFIN_CORES (for benchmarks and tests
    that play a bigger machine)."""
    given = os.environ.get("TIFFIN_CORES", "")
    return int(given) if given.isdigit() and int(given) > 0 else max(1, os.cpu_count() or 1)


def _available_memory() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 8 * 2**30


def worker_count(per_core: int = 1, jobs: int | None = None) -> int:
    """How many CPU workers to run: `per_core` for each core, but never more than
    MOST_WORKERS, than a quarter of the free memory holds, or than there are `jobs`."""
    by_memory = _available_memory() // 4 // WORKER_BYTES
    count = min(per_core * cores(), MOST_WORKERS, max(1, by_memory))
    return max(1, min(count, jobs) if jobs else count)


def _lower_priority() -> None:
    with contextlib.suppress(OSError):  # not allowed here: run at the window's priority
        os.nice(WORKER_NICENESS)


def cpu_pool(
    per_core: int = 1, jobs: int | None = None, below_window: bool = False
) -> ProcessPoolExecutor:
    """Worker processes for CPU work (parsing, extraction), `worker_count(per_core, jobs)` of
    them, started at once; `below_window` runs them at a lower priority than this process.

    When this process has only its main thread (the CLI), the workers are forked: they inherit
    the modules already imported and start at once. With other threads running (the GUI, a
    test), forking could copy a lock some thread holds, so they are spawned afresh instead.
    """
    single_threaded = threading.active_count() == 1
    method = (
        "fork" if single_threaded and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pool = ProcessPoolExecutor(
        max_workers=worker_count(per_core, jobs),
        mp_context=multiprocessing.get_context(method),
        initializer=_lower_priority if below_window else None,
    )
    if method == "fork":
        # With fork the pool starts every worker at the first submit: do it now, while this
        # is still the only thread.
        pool.submit(int).result()
    return pool


_warm: ProcessPoolExecutor | None = None
_warm_lock = threading.Lock()


def warm_pool() -> ProcessPoolExecutor:
    """The one pool a long-running process (the window) keeps between refreshes: spawning an
    interpreter per worker for every refresh cost each one seconds of CPU."""
    global _warm  # noqa: PLW0603 - one pool for the process
    with _warm_lock:
        if _warm is None or getattr(_warm, "_broken", False):  # a worker that died: anew
            _warm = cpu_pool(WARM_PER_CORE, below_window=True)
            atexit.register(_warm.shutdown, cancel_futures=True)
        return _warm


WARM_PER_CORE = 2


def site_pool(workers: int = 2) -> ProcessPoolExecutor:
    """Fresh (spawned) processes for yt-dlp's work on sites: one that hangs or crashes there
    cannot take the app with it."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=governor.adopt,  # yt-dlp there obeys the same cap, budget and proxy
        initargs=(governor.current().setup(),),
    )


def in_child(function: Callable[..., Result], *args: Any) -> Result:
    """`function(*args)` run in a fresh child process; its exception, if any, is raised here."""
    with site_pool(1) as pool:
        return pool.submit(function, *args).result()


def run_with_pool(
    use_pool: bool,
    main: Callable[[Executor | None], Coroutine[Any, Any, Result]],
    per_core: int = 1,
    jobs: int | None = None,
) -> Result:
    """Run `main(pool)` on a new event loop, with CPU workers when `use_pool` (too little work
    does not pay for starting them): the window's warm pool, or in a one-shot command a
    `cpu_pool(per_core, jobs)` shut down however it ends."""
    if use_pool and threading.active_count() > 1:
        return asyncio.run(main(warm_pool()))
    pool = cpu_pool(per_core, jobs) if use_pool else None
    try:
        return asyncio.run(main(pool))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


async def as_they_finish(
    work: Sequence[Coroutine[Any, Any, Outcome]],
    progress: Callable[[Step], None] | None,
    cancel: CancelToken,
) -> list[Outcome]:
    """Run `work` concurrently; report a Step per finished piece (named by its outcome's url);
    on cancel, stop the rest and return what finished."""
    tasks = [asyncio.ensure_future(piece) for piece in work]
    outcomes: list[Outcome] = []
    try:
        for finished in asyncio.as_completed(tasks):
            outcome = await finished
            outcomes.append(outcome)
            if progress:
                progress(Step(len(outcomes), len(tasks), outcome.url))
            if cancel.cancelled:
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return outcomes
