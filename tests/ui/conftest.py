"""UI test fixtures: every worker a test started finishes before its store is closed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tiffin.library.store import Store
from tiffin.net.governor import Governor
from tiffin.ui import workers


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> None:
    """Cycles are collected on the GUI thread, as in the app (see GuiThreadCollector)."""
    workers.collect_garbage_on_gui_thread()


@pytest.fixture(autouse=True)
def drain_workers(store: Store) -> Iterator[None]:
    """Depends on `store` so that it is torn down first: workers stop before the store closes."""
    yield
    assert workers.wait_for_all(60_000)


@pytest.fixture
def governed(governed: Governor) -> Iterator[Governor]:
    """The shared `governed`, whose rules outlive every worker a window started with them."""
    yield governed
    assert workers.wait_for_all(60_000)
