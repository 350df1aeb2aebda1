"""Running core calls off the GUI thread: a QRunnable whose results come back as Qt signals."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from tiffin.errors import TiffinError
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

Task = Callable[[Callable[[Any], None], CancelToken], Any]


class WorkerSignals(QObject):
    """Signals a Worker emits from its thread; Qt queues them to receivers on the GUI thread."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs `task(progress, cancel)` on the thread pool and reports through `signals`.

    A TiffinError becomes `failed` with its message; any other exception is logged with its
    traceback and reported as an unexpected error, so a bug never kills the window.
    """

    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.signals = WorkerSignals()
        self.cancel = CancelToken()

    def run(self) -> None:
        try:
            result = self.task(self.signals.progressed.emit, self.cancel)
        except TiffinError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            logger.exception("unexpected error in a background task")
            self.signals.failed.emit(f"unexpected error: {exc} (details are in the log)")
        else:
            self.signals.finished.emit(result)


# Workers still running. Without this reference a caller that drops its Worker lets Python free
# the signals object while the thread is about to emit on it, which crashes the process.
_running: set[Worker] = set()


def start(
    task: Task,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    pool: QThreadPool | None = None,
    on_progress: Callable[[Any], None] | None = None,
) -> Worker:
    """Start `task` on `pool` (the global pool by default) and return its Worker.

    The slots are connected before the task starts: a quick task could otherwise finish and
    emit before anyone listens, and its result would be lost. Long network jobs (refresh,
    subscribe) belong on `long_jobs()`, so that they never take the threads that quick library
    reads need to keep the window responsive.
    """
    worker = Worker(task)
    _running.add(worker)
    worker.signals.finished.connect(lambda _result: _running.discard(worker))
    worker.signals.failed.connect(lambda _message: _running.discard(worker))
    worker.signals.finished.connect(on_finished)
    worker.signals.failed.connect(on_failed)
    if on_progress is not None:
        worker.signals.progressed.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


class Latest:
    """Runs jobs by name and delivers a result only if no newer job of that name has started
    since: a quicker, newer load must not be overwritten by a stale one."""

    def __init__(self, on_failed: Callable[[str], None]) -> None:
        self.on_failed = on_failed
        self._generation: dict[str, int] = {}

    def run(self, name: str, task: Task, on_finished: Callable[[Any], None]) -> None:
        """Start `task`; `on_finished` gets its result if it is still the newest `name`."""
        generation = self.drop(name)

        def deliver(result: Any) -> None:
            if self._generation[name] == generation:
                on_finished(result)

        start(task, deliver, self.on_failed)

    def drop(self, name: str) -> int:
        """Forget the `name` job in flight (its result will not be delivered)."""
        self._generation[name] = self._generation.get(name, 0) + 1
        return self._generation[name]


_pools: dict[str, QThreadPool] = {}


def _pool(name: str, threads: int) -> QThreadPool:
    if name not in _pools:
        _pools[name] = QThreadPool()
        _pools[name].setMaxThreadCount(threads)
    return _pools[name]


def long_jobs() -> QThreadPool:
    """The thread pool for long network jobs, apart from the global pool for quick reads."""
    return _pool("long", 4)


def writes() -> QThreadPool:
    """One thread for the window's own small writes, so they land in the order they were made."""
    return _pool("writes", 1)


def wait_for_all(msecs: int) -> bool:
    """Wait until every pool is idle; False if one was still busy after `msecs`."""
    pools = [QThreadPool.globalInstance(), *_pools.values()]
    return all(pool.waitForDone(msecs) for pool in pools)


class GuiThreadCollector(QObject):
    """Python collects reference cycles in whichever thread passes the allocation threshold; in
    a pool thread that deletes Qt objects of the GUI thread there (a finished Worker and its
    signals form such a cycle), which crashes the process. This turns the automatic collection
    off and runs it on the GUI thread instead, as often as the thresholds would."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """Collect the oldest generation whose threshold has been passed, if any."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_collector: list[GuiThreadCollector] = []


def collect_garbage_on_gui_thread() -> None:
    """Install the GuiThreadCollector on the application (once); call on the GUI thread."""
    app = QCoreApplication.instance()
    if app is not None and not _collector:
        _collector.append(GuiThreadCollector(app))
