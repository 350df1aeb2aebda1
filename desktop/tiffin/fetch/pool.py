"""How refresh and article packing run: one event loop for the network, a process pool for
the CPU-heavy steps (feed parsing, article extraction), and results reported as they finish."""

from __future__ import annotations

import asyncio
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


def cpu_pool(per_core: int = 1) -> ProcessPoolExecutor:
    """Worker processes for CPU work (parsing, extraction), `per_core` for each core, started
    at once.

    When this process has only its main thread (the CLI), the workers are forked: they inherit
    the modules already imported and start at once. With other threads running (the GUI, a
    test), forking could copy a lock some thread holds, so they are spawned afresh instead.
    """
    single_threaded = threading.active_count() == 1
    method = (
        "fork" if single_threaded and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pool = ProcessPoolExecutor(
        max_workers=per_core * max(1, os.cpu_count() or 1),
        mp_context=multiprocessing.get_context(method),
    )
    if method == "fork":
        # With fork the pool starts every worker at the first submit: do it now, while this
        # is still the only thread.
        pool.submit(int).result()
    return pool


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
) -> Result:
    """Run `main(pool)` on a new event loop, with a `cpu_pool(per_core)` when `use_pool` (too
    little work does not pay for starting one), and shut the pool down however it ends."""
    pool = cpu_pool(per_core) if use_pool else None
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
