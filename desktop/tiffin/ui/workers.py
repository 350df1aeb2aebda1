"""Running core calls off the GUI thread: a QRunnable whose results come back as Qt signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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


def start(task: Task, pool: QThreadPool | None = None) -> Worker:
    """Start `task` on `pool` (the global pool by default) and return its Worker."""
    worker = Worker(task)
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker
