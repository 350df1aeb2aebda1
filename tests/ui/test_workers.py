"""Workers deliver every result and every failure to the GUI thread, even from instant tasks."""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any, ClassVar

from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from tiffin.errors import SourceGone
from tiffin.progress import CancelToken
from tiffin.ui import workers


def test_instant_tasks_never_lose_their_results(qtbot: QtBot) -> None:
    results: list[int] = []
    for n in range(200):
        workers.start(lambda _p, _c, n=n: n, results.append, lambda _m: None)
    qtbot.waitUntil(lambda: len(results) == 200, timeout=QT_TIMEOUT_MS)
    assert sorted(results) == list(range(200))


def test_failures_and_progress_reach_their_slots(qtbot: QtBot) -> None:
    steps: list[Any] = []
    messages: list[str] = []

    def task(progress: Any, _cancel: CancelToken) -> None:
        progress("half")
        raise SourceGone("the feed is gone (410)")

    workers.start(task, lambda _r: None, messages.append, workers.long_jobs(), steps.append)

    def broken(_p: Any, _c: CancelToken) -> None:
        raise ZeroDivisionError

    workers.start(broken, lambda _r: None, messages.append)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=QT_TIMEOUT_MS)
    assert steps == ["half"]
    assert "the feed is gone (410)" in messages
    assert any(m.startswith("unexpected error") for m in messages)


def test_emitting_a_signal_keeps_reference_counts() -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit; on Python 3.11, where True
    is not immortal, the app then aborts after some thousands of signals. pyproject.toml
    excludes that release; this catches any other that does the same."""
    signals = workers.WorkerSignals()
    signals.progressed.connect(lambda _step: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(100):
        signals.progressed.emit(n)
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


class _Cycle:
    """Half of a reference cycle that notes the thread it is collected on."""

    collected_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.collected_on.append(threading.current_thread().name)


def test_cycles_are_collected_on_the_gui_thread_not_in_a_pool_thread(qtbot: QtBot) -> None:
    """A cycle holding Qt objects, collected in a pool thread, crashed the CI; after
    collect_garbage_on_gui_thread (as the app and the window install it) the pool threads'
    allocations never start a collection: it happens on the GUI thread."""
    workers.collect_garbage_on_gui_thread()
    assert not gc.isenabled()
    _Cycle.collected_on.clear()
    for _ in range(50):
        _Cycle()

    def allocate(_p: Any, _c: CancelToken) -> int:
        return len([[n] for n in range(200_000)])  # far past the collector's thresholds

    done: list[int] = []
    workers.start(allocate, done.append, lambda _m: None)
    qtbot.waitUntil(lambda: len(done) == 1, timeout=QT_TIMEOUT_MS)
    assert _Cycle.collected_on == []  # the pool thread's allocations collected nothing
    kept = [[n] for n in range(5000)]  # objects that stay pass the threshold, as in the app
    qtbot.waitUntil(lambda: len(_Cycle.collected_on) == 50, timeout=QT_TIMEOUT_MS)
    assert len(kept) == 5000
    assert set(_Cycle.collected_on) == {threading.main_thread().name}
