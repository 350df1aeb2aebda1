"""Cancel tokens and progress callbacks shared by every long-running core operation."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from tiffin.errors import Cancelled

P = TypeVar("P")
ProgressCallback = Callable[[P], None]


class CancelToken:
    """A flag one thread sets and the worker checks between steps; safe across threads."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise Cancelled if cancel() was called."""
        if self._event.is_set():
            raise Cancelled("cancelled")


@dataclass(frozen=True)
class Step:
    """Progress of a counted operation: `done` of `total`, with a label of the current part."""

    done: int
    total: int
    label: str = ""
