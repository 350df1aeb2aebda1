"""One bandwidth cap shared by every transfer: a token bucket that paces reads."""

from __future__ import annotations

import asyncio
import time

BURST_SECONDS = 0.05  # how far ahead of the cap a transfer may run


class TokenBucket:
    """Paces bytes to `rate` per second across every caller (None: no cap). The rate can be
    changed while transfers run; the next `take` follows it."""

    def __init__(self, rate: float | None) -> None:
        self.rate = rate
        self._lock = asyncio.Lock()
        self._clock = time.monotonic()

    async def take(self, size: int) -> None:
        """Return once `size` more bytes fit under the cap. Callers queue in order, so one
        transfer cannot starve another."""
        if not self.rate:
            return
        async with self._lock:
            now = time.monotonic()
            # Unused time earns at most a short burst, never a long one.
            self._clock = max(self._clock, now - BURST_SECONDS) + size / self.rate
            wait = self._clock - now
            if wait > 0:
                await asyncio.sleep(wait)
