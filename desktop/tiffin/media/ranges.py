"""Fetching one large file over several connections at once, resumable after any stop.

Throttling boxes often cap each connection rather than the line, so a file comes down as
byte ranges on `connections` connections in parallel: the file is first split into that many
segments, and a connection that finishes takes over the second half of the largest segment
still running (as aria2c does), so all of them stay busy to the end.

What is on disk is described by an extents journal beside the `.part` file: a JSON header line
(size and validators) and one `start end` line appended after each write reaches the file. Data
is always written before its line, so after a crash or `kill -9` the journal never claims bytes
that are not there; a restart fetches only the holes, at most one buffer per connection again.
A server that ignores ranges (answers 200) gets one connection from the start; a file that has
changed on the server (If-Range fails, or the size differs) starts over.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import re
import shutil
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from tiffin.config import Settings
from tiffin.errors import (
    Cancelled,
    DiskFull,
    HostUnreachable,
    HttpStatusError,
    MediaError,
    RemoteChanged,
    Timeout,
    TooSlow,
)
from tiffin.net.client import stream
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

MIN_SPLIT = 1024 * 1024  # never split a segment into halves smaller than this
WRITE_BUFFER = 16 * 1024  # bytes kept in memory per connection before a write and a journal line
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


@dataclass(frozen=True)
class Transfer:
    """Progress of one file: bytes on disk, the whole size if known, bytes this run fetched."""

    done: int
    total: int | None
    fetched: int


@dataclass
class _Segment:
    pos: int
    end: int  # exclusive; lowered when another connection takes over the tail


@dataclass
class ExtentJournal:
    """The extents file: a header with size and validators, then `start end` lines."""

    path: Path
    size: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    extents: list[tuple[int, int]] = field(default_factory=list)
    handle: IO[str] | None = None

    @classmethod
    def for_part(cls, part: Path) -> ExtentJournal:
        """The journal of the download being written to `part`, as on disk now."""
        return cls.load(part.with_name(part.name + ".extents"))

    @classmethod
    def load(cls, path: Path) -> ExtentJournal:
        """Read a journal file; a missing or unreadable one describes nothing on disk."""
        journal = cls(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return journal
        try:
            header = json.loads(lines[0])
            journal.size = header.get("size")
            journal.etag = header.get("etag")
            journal.last_modified = header.get("last_modified")
        except (IndexError, ValueError, AttributeError):
            logger.warning("journal %s unreadable; the download starts over", path)
            return cls(path)
        for line in lines[1:]:
            parts = line.split()
            if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
                journal.extents.append((int(parts[0]), int(parts[1])))
        journal.extents = _merged(journal.extents)
        return journal

    def start(self, size: int | None, etag: str | None, last_modified: str | None) -> None:
        """Begin a fresh journal for a file of `size` bytes with these validators."""
        self.close()
        self.size, self.etag, self.last_modified, self.extents = size, etag, last_modified, []
        header = {"size": size, "etag": etag, "last_modified": last_modified}
        self.path.write_text(json.dumps(header) + "\n", encoding="utf-8")

    def append(self, start: int, end: int) -> None:
        """Record that bytes `start` to `end` (exclusive) are now in the file."""
        if self.handle is None:
            self.handle = self.path.open("a", encoding="utf-8")
        self.handle.write(f"{start} {end}\n")
        self.handle.flush()
        self.extents.append((start, end))

    @property
    def done(self) -> int:
        """Bytes on disk."""
        return sum(end - start for start, end in _merged(self.extents))

    def holes(self) -> list[tuple[int, int]]:
        """The byte ranges not yet on disk (the size must be known)."""
        assert self.size is not None
        holes, at = [], 0
        for start, end in _merged(self.extents):
            if start > at:
                holes.append((at, start))
            at = max(at, end)
        if at < self.size:
            holes.append((at, self.size))
        return holes

    def close(self) -> None:
        """Close the file that lines are appended to."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def _merged(extents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(extents):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@contextlib.contextmanager
def _exclusive(path: Path, wait: float = 15.0) -> Iterator[None]:
    """Hold a lock file beside the download, so a process left over from a killed run (which
    stops within a second or two) and its restart never write the same file at once."""
    lock = path.with_name(path.name + ".lock")
    handle = lock.open("a+")
    try:
        try:
            import fcntl  # noqa: PLC0415 - POSIX only; Windows locks open files by itself
        except ImportError:
            yield
            return
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    message = f"{path.name} is being downloaded by another process"
                    raise MediaError(message) from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()  # the file stays: unlinking it would let a waiter lock a stale inode


def remove_sidecars(part: Path) -> None:
    """Delete the journal and lock files of a download that is finished or given up."""
    for suffix in (".extents", ".lock"):
        part.with_name(part.name + suffix).unlink(missing_ok=True)


def check_space(folder: Path, needed: int, reserve: int) -> None:
    """Raise DiskFull unless `needed` bytes fit in `folder` with `reserve` bytes left free."""
    free = shutil.disk_usage(folder).free
    if free < needed + reserve:
        raise DiskFull(
            f"not enough free space in {folder}: {needed // 2**20} MiB needed, "
            f"{free // 2**20} MiB free; the queue waits until space is freed"
        )


class _NoRanges(Exception):
    """The server sent the whole file (200) to a range request."""


class RangedDownload:
    """Downloads `url` into `part` (see the module docstring); call `run()`."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        url: str,
        part: Path,
        settings: Settings,
        *,
        connections: int = 8,
        headers: dict[str, str] | None = None,
        on_progress: Callable[[Transfer], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.client, self.url, self.part, self.settings = client, url, part, settings
        self.connections = max(1, connections)
        self.headers = {**(headers or {}), "Accept-Encoding": "identity"}
        self.on_progress = on_progress
        self.cancel = cancel
        self.journal = ExtentJournal.for_part(part)
        self.fetched = 0
        self._file: IO[bytes] | None = None
        self._segments: list[_Segment] = []
        self._pending: list[_Segment] = []
        self._last_report = 0.0

    # -- the whole run ------------------------------------------------------------------------
    async def run(self) -> Transfer:
        """Fetch what is missing; returns the final Transfer once every byte is on disk.

        Raises DiskFull, Cancelled (bytes kept), RemoteChanged, HttpStatusError,
        HostUnreachable or Timeout; in every case the journal describes what is on disk.
        """
        with _exclusive(self.part):
            try:
                await self._run()
            finally:
                self.journal.close()
                if self._file is not None:
                    self._file.close()
        return self._report(force=True)

    async def _run(self) -> None:
        try:
            if self.journal.size is None or not self.part.exists():
                await self._begin()
            else:
                assert self.journal.size is not None
                missing = self.journal.size - self.journal.done
                check_space(self.part.parent, missing, self.settings.disk_reserve)
                self._open()
            try:
                await self._fill_holes()
            except RemoteChanged:
                logger.info("%s changed on the server; starting over", self.url)
                await self._begin()
                await self._fill_holes()
        except _NoRanges:
            await self._single_stream()

    async def _begin(self) -> None:
        """Start from nothing: learn the size and validators with a one-byte range request."""
        size, etag, modified = await self._probe()
        check_space(self.part.parent, size, self.settings.disk_reserve)
        self.journal.start(size, etag, modified)
        if self._file is not None:
            self._file.close()
        self.part.unlink(missing_ok=True)
        self._open()

    async def _fill_holes(self) -> None:
        holes = [_Segment(a, b) for a, b in self.journal.holes()]
        self._pending = _split(holes, self.connections)
        await asyncio.gather(*(self._connection() for _ in range(len(self._pending))))

    def _open(self) -> None:
        mode = "r+b" if self.part.exists() else "w+b"
        self._file = self.part.open(mode)
        if self.journal.size is not None and mode == "w+b":
            self._file.truncate(self.journal.size)  # sparse; holes are filled as ranges arrive

    async def _probe(self) -> tuple[int, str | None, str | None]:
        headers = {**self.headers, "Range": "bytes=0-0"}
        async with self._request(headers) as response:
            if response.status_code == 206:
                match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
                total = match.group(3) if match else "*"
                if not total.isdigit():
                    raise _NoRanges  # a range without the whole size: stream it instead
                size = int(total)
            elif response.status_code == 416:
                size = 0
            else:
                raise _NoRanges
        etag = response.headers.get("etag")
        if etag and etag.startswith("W/"):
            etag = None  # If-Range needs a strong validator
        return size, etag, response.headers.get("last-modified")

    # -- connections --------------------------------------------------------------------------
    async def _connection(self) -> None:
        segment: _Segment | None = self._pending.pop(0) if self._pending else None
        while segment is not None:
            self._segments.append(segment)
            try:
                await self._fill(segment)
            finally:
                self._segments.remove(segment)
            segment = self._pending.pop(0) if self._pending else self._take_over()

    def _take_over(self) -> _Segment | None:
        """Split the largest running segment and return its second half for a free connection."""
        if not self._segments:
            return None
        largest = max(self._segments, key=lambda s: s.end - s.pos)
        left = largest.end - largest.pos
        if left < 2 * MIN_SPLIT:
            return None
        middle = largest.pos + left // 2
        taken = _Segment(middle, largest.end)
        largest.end = middle
        return taken

    async def _fill(self, segment: _Segment) -> None:
        """Fetch `segment`, resuming after drops with back-off while progress is being made."""
        failures, wait = 0, 0.5
        while segment.pos < segment.end:
            before = segment.pos
            try:
                await self._fetch(segment)
            except (HostUnreachable, Timeout, HttpStatusError) as exc:
                if isinstance(exc, HttpStatusError) and exc.status not in (
                    408,
                    429,
                    500,
                    502,
                    503,
                    504,
                ):
                    raise
                # A trickle moves a little and is cut again: it counts as no progress.
                moved = segment.pos > before and not isinstance(exc, TooSlow)
                failures = 0 if moved else failures + 1
                if failures > self.settings.retries + 3:
                    raise
                logger.info(
                    "range %d-%d of %s: %s; retrying", segment.pos, segment.end, self.url, exc
                )
                await asyncio.sleep(min(wait, self.settings.max_retry_wait))
                wait = 0.5 if segment.pos > before else wait * 2

    async def _fetch(self, segment: _Segment) -> None:
        headers = {**self.headers, "Range": f"bytes={segment.pos}-{segment.end - 1}"}
        validator = self.journal.etag or self.journal.last_modified
        if validator:
            headers["If-Range"] = validator
        async with self._request(headers) as response:
            if response.status_code == 200:
                raise RemoteChanged(self.url) if validator else _NoRanges()
            if response.status_code != 206:
                raise HttpStatusError(
                    f"{self.url} answered HTTP {response.status_code} to a range request",
                    response.status_code,
                )
            match = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
            if not match or int(match.group(1)) != segment.pos:
                raise RemoteChanged(f"{self.url} sent a different range than asked for")
            if match.group(3).isdigit() and int(match.group(3)) != self.journal.size:
                raise RemoteChanged(f"{self.url} changed size")
            await self._drain(response, segment)

    async def _drain(self, response: httpx.Response, segment: _Segment) -> None:
        """Write the body into the segment through a small buffer; what arrived before a drop
        or a stop is written too, so a bad line still makes progress."""
        buffer = bytearray()
        try:
            async for chunk in self._chunks(response):
                buffer += chunk
                if segment.pos + len(buffer) >= segment.end or len(buffer) >= WRITE_BUFFER:
                    self._write(segment, buffer)
                    buffer.clear()
                if segment.pos >= segment.end:
                    break
        finally:
            if buffer:
                self._write(segment, buffer)

    def _write(self, segment: _Segment, data: bytearray) -> None:
        """Write what fits in the segment, then journal it (data first, always)."""
        take = min(len(data), segment.end - segment.pos)
        if take <= 0:
            return
        assert self._file is not None
        try:
            self._file.seek(segment.pos)
            self._file.write(memoryview(data)[:take])
            self._file.flush()
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(
                    f"the disk holding {self.part.parent} is full; "
                    f"{self.journal.done // 2**20} MiB downloaded so far are kept"
                ) from exc
            raise
        self.journal.append(segment.pos, segment.pos + take)
        segment.pos += take
        self._report()

    async def _single_stream(self) -> None:
        """For servers without ranges: one connection, from the first byte."""
        self.journal.start(None, None, None)
        if self._file is not None:
            self._file.close()
        self._file = self.part.open("w+b")
        segment = _Segment(0, 2**62)
        async with self._request(self.headers) as response:
            if response.status_code != 200:
                raise HttpStatusError(
                    f"{self.url} answered HTTP {response.status_code}", response.status_code
                )
            length = response.headers.get("content-length", "")
            if length.isdigit():
                check_space(self.part.parent, int(length), self.settings.disk_reserve)
            await self._drain(response, segment)
        self.journal.size = segment.pos
        if length.isdigit() and int(length) != segment.pos:
            raise HostUnreachable(f"{self.url} ended after {segment.pos} of {length} bytes")
        self.journal.start(segment.pos, None, None)
        self.journal.append(0, segment.pos)

    # -- plumbing -----------------------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def _request(self, headers: dict[str, str]) -> AsyncIterator[httpx.Response]:
        async with stream(self.client, self.url, self.settings, headers) as response:
            if response.status_code in (404, 410, 403):
                raise HttpStatusError(
                    f"{self.url} answered HTTP {response.status_code}", response.status_code
                )
            yield response

    async def _chunks(self, response: httpx.Response) -> AsyncIterator[bytes]:
        async for chunk in response.aiter_raw():
            if self.cancel is not None and self.cancel.cancelled:
                raise Cancelled(f"download of {self.url} stopped; {self.journal.done} bytes kept")
            self.fetched += len(chunk)
            yield chunk

    def _report(self, force: bool = False) -> Transfer:
        transfer = Transfer(self.journal.done, self.journal.size, self.fetched)
        now = time.monotonic()
        if self.on_progress is not None and (force or now - self._last_report >= 0.2):
            self._last_report = now
            self.on_progress(transfer)
        return transfer


def _split(holes: list[_Segment], connections: int) -> list[_Segment]:
    """Cut the largest holes in half until there is one segment per connection."""
    segments = list(holes)
    while len(segments) < connections:
        largest = max(segments, key=lambda s: s.end - s.pos, default=None)
        if largest is None or largest.end - largest.pos < 2 * MIN_SPLIT:
            break
        middle = largest.pos + (largest.end - largest.pos) // 2
        segments.append(_Segment(middle, largest.end))
        largest.end = middle
    return sorted(segments, key=lambda s: s.pos)
