"""A data budget, counted in bytes on the wire: transfers reserve before they fetch."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass
class Budget:
    """What may still be spent in the current day and month (None: no limit there).

    A transfer `reserve`s the bytes it is about to ask for (its Range is cut to the grant) and
    `settle`s with what actually came, so the budget is never overspent by more than the
    answers' headers.
    """

    day_limit: int | None = None
    month_limit: int | None = None
    spent_today: int = 0
    spent_this_month: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._reserved = 0

    def remaining(self) -> int | None:
        """Bytes that may still be reserved, or None without a limit."""
        left = [
            limit - spent - self._reserved
            for limit, spent in (
                (self.day_limit, self.spent_today),
                (self.month_limit, self.spent_this_month),
            )
            if limit is not None
        ]
        return max(0, min(left)) if left else None

    def reserve(self, wanted: int) -> int:
        """Reserve up to `wanted` bytes; returns how many were granted (0: spent)."""
        with self._lock:
            left = self.remaining()
            granted = wanted if left is None else min(wanted, left)
            self._reserved += granted
            return granted

    def settle(self, reserved: int, used: int) -> None:
        """A transfer that reserved `reserved` bytes is over, having used `used` of them."""
        with self._lock:
            self._reserved -= reserved
            self.spent_today += used
            self.spent_this_month += used
