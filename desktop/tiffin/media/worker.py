"""Running one download (or a recording yt-dlp makes) in a child process, so yt-dlp and ffmpeg
never block or crash the app.

The child reports progress through a queue. Stopping (pause, cancel, quitting) terminates it:
every byte it wrote is journalled, so nothing is lost and the next run continues. If the app
itself is killed, the child notices within a second that its parent is gone and exits too.
"""

from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tiffin.config import Settings
from tiffin.errors import Cancelled, DiskFull, HostUnreachable, MediaError, NetError, TiffinError
from tiffin.library.downloads import DoneFile
from tiffin.media.download import DownloadProgress, DownloadRequest, download
from tiffin.net import governor
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

Result = TypeVar("Result")


@dataclass(frozen=True)
class _Failure:
    kind: type[TiffinError]  # DiskFull, HostUnreachable (the line) or MediaError (the media)
    message: str


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(3)  # the app is gone: stop writing; the journal says where we were
        time.sleep(0.5)


class _LogToParent(logging.handlers.QueueHandler):
    """Sends the child's log records to the parent, which logs them where the app logs."""

    def enqueue(self, record: logging.LogRecord) -> None:
        self.queue.put_nowait(("log", record))


def _child(
    job: Callable[..., Any],
    args: tuple[Any, ...],
    what: str,
    out: Any,
    parent: int,
    level: int,
    rules: governor.Setup,
) -> None:
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    root = logging.getLogger()
    root.handlers[:] = [_LogToParent(out)]
    root.setLevel(level)
    try:
        governor.adopt(rules)
        out.put(("done", job(*args, lambda p: out.put(("progress", p)))))
    except DiskFull as exc:
        out.put(("error", _Failure(DiskFull, str(exc))))
    except NetError as exc:
        out.put(("error", _Failure(HostUnreachable, str(exc))))
    except TiffinError as exc:
        out.put(("error", _Failure(MediaError, str(exc))))
    except Exception as exc:  # the top of a worker: report, never hang the parent
        logging.getLogger(__name__).exception("%s failed", what)
        out.put(("error", _Failure(MediaError, f"{what} failed: {exc}")))
    finally:
        governor.current().close()  # what was counted goes to the library


def run_download(
    request: DownloadRequest,
    settings: Settings,
    on_progress: Callable[[DownloadProgress], None],
    cancel: CancelToken,
) -> DoneFile:
    """Run `request` in a child process until it finishes, fails or `cancel` is set.

    Raises Cancelled (parts kept), DiskFull, HostUnreachable when the line failed (worth
    another try later), or MediaError with the child's message.
    """
    what = f"download {request.id} ({request.url})"
    return run_in_child(download, (request, settings), what, on_progress, cancel)


def run_in_child(
    job: Callable[..., Result],
    args: tuple[Any, ...],
    what: str,
    on_progress: Callable[[Any], None],
    cancel: CancelToken,
) -> Result:
    """`job(*args, report)` in a spawned child process, where `report` sends progress to
    `on_progress` here; returns what `job` returns. Raises as `run_download` does."""
    context = multiprocessing.get_context("spawn")
    messages: Any = context.Queue()
    level = logging.getLogger().getEffectiveLevel()
    process = context.Process(
        target=_child,
        args=(job, args, what, messages, os.getpid(), level, governor.current().setup()),
        daemon=True,
        name=f"tiffin {what}"[:60],
    )
    process.start()
    try:
        while True:
            if cancel.cancelled:
                raise Cancelled(f"{what} stopped; what it fetched is kept")
            try:
                kind, payload = messages.get(timeout=0.2)
            except queue.Empty:
                if not process.is_alive():
                    raise MediaError(
                        f"the process of {what} stopped unexpectedly (exit {process.exitcode})"
                    ) from None
                continue
            if kind == "progress":
                on_progress(payload)
            elif kind == "log":
                logging.getLogger(payload.name).handle(payload)
            elif kind == "done":
                process.join(timeout=5)  # it is exiting; let it finish on its own
                result: Result = payload
                return result
            else:
                assert isinstance(payload, _Failure)
                raise payload.kind(payload.message)
    finally:
        if process.is_alive():
            process.terminate()
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()
        messages.close()
