"""One bandwidth cap shared by every transfer: a token bucket that paces reads.

With a `path`, the bucket's state (the rate and the time the cap is booked until) lives in a
small file locked for each booking, so every Tiffin process on the machine (the app, its
download children, a CLI run) shares one cap, and a new rate set by one process is followed by
all of them at their next read.
"""

from __future__ import annotations

import asyncio
import os
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

BURST_SECONDS = 0.05  # how far ahead of the cap a transfer may run
_STATE = struct.Struct("<dd")  # rate (0: no cap), booked-until on the monotonic clock

try:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


class TokenBucket:
    """Paces bytes to a rate per second across every caller (None: no cap). The rate can be
    changed while transfers run; the next `take` follows it. Callers are booked in the order
    they ask, so one transfer cannot starve another."""

    def __init__(self, rate: float | None = None, path: Path | None = None) -> None:
        self._mutex = threading.Lock()
        self._fd: int | None = None
        self._rate = rate or 0.0
        self._until = time.monotonic()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            if rate is not None:
                self.rate = rate

    @property
    def rate(self) -> float | None:
        """Bytes per second, or None without a cap."""
        with self._mutex:
            rate, _ = self._read()
        return rate or None

    @rate.setter
    def rate(self, value: float | None) -> None:
        with self._mutex:
            self._locked(lambda _rate, until: (value or 0.0, until))

    def book(self, size: int) -> float:
        """Book `size` bytes under the cap; returns the seconds to wait before reading them."""
        now = time.monotonic()
        booked: list[float] = []

        def update(rate: float, until: float) -> tuple[float, float]:
            if not rate:
                booked.append(0.0)
                return rate, until
            # Unused time earns at most a short burst, never a long one.
            until = max(until, now - BURST_SECONDS) + size / rate
            booked.append(until - now)
            return rate, until

        with self._mutex:
            self._locked(update)
        return max(0.0, booked[0])

    async def take(self, size: int) -> None:
        """Return once `size` more bytes fit under the cap."""
        wait = self.book(size)
        if wait > 0:
            await asyncio.sleep(wait)

    def take_blocking(self, size: int) -> None:
        """`take` for a thread that is not running an event loop (yt-dlp's downloaders)."""
        wait = self.book(size)
        if wait > 0:
            time.sleep(wait)

    def close(self) -> None:
        """Let go of the shared file, if any."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _read(self) -> tuple[float, float]:
        if self._fd is None:
            return self._rate, self._until
        os.lseek(self._fd, 0, os.SEEK_SET)
        raw = os.read(self._fd, _STATE.size)
        if len(raw) < _STATE.size:
            return 0.0, 0.0
        rate, until = _STATE.unpack(raw)
        return rate, until

    def _locked(self, update: Callable[[float, float], tuple[float, float]]) -> None:
        if self._fd is None:
            self._rate, self._until = update(self._rate, self._until)
            return
        _lock(self._fd)
        try:
            rate, until = update(*self._read())
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, _STATE.pack(rate, until))
        finally:
            _unlock(self._fd)
