"""Workers deliver every result and every failure to the GUI thread, even from instant tasks."""

from __future__ import annotations

import sys
from typing import Any

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
