"""One transfer under the scheduler: a resumable GET to a file, in byte ranges no larger than
the budget grants, paced by the shared bandwidth cap."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tiffin.errors import BudgetSpent, HttpStatusError, RateLimited
from tiffin.net import governor
from tiffin.net.client import stream
from tiffin.schedule.bucket import TokenBucket
from tiffin.schedule.budget import Budget

PIECE = 8 * 1024 * 1024  # the most one request asks for (and reserves) at a time


@dataclass(frozen=True)
class Job:
    """A file to fetch: where from and to, how large (if known), and what matters about it.

    `priority`: higher runs first. `deadline`: a time (time.time()) it should be done by.
    `window`: local hours (start, end) in which it may run, e.g. (1, 6) for large files at
    night; an end before the start wraps past midnight. `tag`: the event it belongs to.
    """

    id: str
    url: str
    target: Path
    size: int | None = None
    priority: int = 0
    deadline: float | None = None
    window: tuple[int, int] | None = None
    tag: str = ""
    host: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "host", httpx.URL(self.url).host)

    def in_window(self, hour: int) -> bool:
        """May this job run at local hour `hour`?"""
        return self.window is None or in_window(self.window, hour)


def in_window(window: tuple[int, int], hour: int) -> bool:
    """Is local hour `hour` inside (start, end)? An end before the start wraps past midnight."""
    start, end = window
    return start <= hour < end if start <= end else hour >= start or hour < end


def _part(job: Job) -> Path:
    return job.target.with_name(job.target.name + ".part")


async def transfer(client: httpx.AsyncClient, job: Job, bucket: TokenBucket, budget: Budget) -> int:
    """Fetch `job` to its target (continuing a `.part` file); returns the bytes that crossed
    the wire. Raises BudgetSpent, RateLimited (429/503), HttpStatusError, or another NetError
    (the caller judges the line from it)."""
    part = _part(job)
    part.parent.mkdir(parents=True, exist_ok=True)
    done = part.stat().st_size if part.exists() else 0
    wire = 0
    total = job.size
    while total is None or done < total:
        wanted = PIECE if total is None else min(PIECE, total - done)
        granted = budget.reserve(wanted)
        if granted <= 0:
            raise BudgetSpent(f"the data budget is spent; {job.url} waits for the next one")
        used = 0
        try:
            # Identity: the bytes counted, paced and written are the file's own.
            headers = {"Range": f"bytes={done}-{done + granted - 1}", "Accept-Encoding": "identity"}
            async with stream(client, job.url, governor.current().settings, headers) as response:
                if response.status_code in (429, 503):
                    raise RateLimited(f"{job.url} is busy", response.status_code, 30.0)
                if response.status_code == 416:
                    break  # nothing past what we have: the file is complete
                if response.status_code >= 400:
                    raise HttpStatusError(
                        f"{job.url} answered HTTP {response.status_code}", response.status_code
                    )
                if response.status_code == 200:
                    done = 0  # no ranges here: the whole file, from the start
                    part.write_bytes(b"")
                total = _total(response, total)
                with part.open("ab") as out:
                    async for chunk in response.aiter_raw():
                        await bucket.take(len(chunk))
                        out.write(chunk)
                        used += len(chunk)
                        done += len(chunk)
        finally:
            budget.settle(granted, used)
            wire += used
        if used < granted and (total is None or done >= total):
            break  # the file ended before the grant did
    part.replace(job.target)
    return wire


def _total(response: httpx.Response, known: int | None) -> int | None:
    ranged = response.headers.get("content-range", "")
    if "/" in ranged and ranged.rsplit("/", 1)[1].isdigit():
        return int(ranged.rsplit("/", 1)[1])
    length = response.headers.get("content-length")
    if response.status_code == 200 and length and length.isdigit():
        return int(length)
    return known
