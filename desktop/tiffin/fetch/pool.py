"""The process pool that CPU-heavy steps (feed parsing, article extraction) run in."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor


def cpu_pool() -> ProcessPoolExecutor:
    """Worker processes for CPU work (parsing, extraction), one per core, started at once.

    When this process has only its main thread (the CLI), the workers are forked: they inherit
    the modules already imported and start at once. With other threads running (the GUI, a
    test), forking could copy a lock some thread holds, so they are spawned afresh instead.
    """
    single_threaded = threading.active_count() == 1
    method = (
        "fork" if single_threaded and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )
    pool = ProcessPoolExecutor(
        max_workers=max(1, os.cpu_count() or 1), mp_context=multiprocessing.get_context(method)
    )
    if method == "fork":
        # With fork the pool starts every worker at the first submit: do it now, while this
        # is still the only thread.
        pool.submit(int).result()
    return pool
