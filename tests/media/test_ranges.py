"""The parallel, resumable file download, against the test web's ranges and faults."""

from __future__ import annotations

import asyncio
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from support.testweb import Fault, TestWeb
from tiffin.config import Settings
from tiffin.errors import Cancelled, DiskFull, HttpStatusError
from tiffin.media.ranges import ExtentJournal, RangedDownload, Transfer, remove_sidecars
from tiffin.net.client import make_client
from tiffin.progress import CancelToken

MiB = 1024 * 1024


def _body(size: int, seed: int = 1) -> bytes:
    return (bytes(range(256)) * (size // 256 + 1))[seed : seed + size]


def _download(
    url: str, part: Path, settings: Settings, cancel_at: int | None = None, connections: int = 8
) -> Transfer:
    token = CancelToken()
    seen: list[Transfer] = []

    def progress(transfer: Transfer) -> None:
        seen.append(transfer)
        if cancel_at is not None and transfer.done >= cancel_at:
            token.cancel()

    async def go() -> Transfer:
        async with make_client(settings) as client:
            job = RangedDownload(
                client,
                url,
                part,
                settings,
                connections=connections,
                on_progress=progress,
                cancel=token,
            )
            return await job.run()

    return asyncio.run(go())


def _ranges_asked(web: TestWeb, path: str) -> list[tuple[int, int]]:
    web.wait_idle()
    out = []
    for request in web.requests(path):
        match = re.fullmatch(r"bytes=(\d+)-(\d+)", request.headers.get("Range", ""))
        if match and request.status == 206:
            out.append((int(match.group(1)), int(match.group(2)) + 1))
    return out


def test_large_file_comes_over_parallel_connections(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    body = _body(12 * MiB)
    url = web.add("/big.bin", body, "application/octet-stream")
    web.fault("/big.bin", Fault(rate=4 * MiB))
    part = tmp_path / "big.bin.part"
    result = _download(url, part, replace(settings, disk_reserve=0))
    assert part.read_bytes() == body
    assert result == Transfer(len(body), len(body), result.fetched)
    assert result.fetched <= len(body) + 8 * 65536
    web.wait_idle()
    assert web.most_at_once() >= 6


def test_server_without_ranges_gets_one_stream(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    body = _body(3 * MiB)
    url = web.add("/plain.bin", body, "application/octet-stream", ranges=False)
    part = tmp_path / "plain.bin.part"
    result = _download(url, part, replace(settings, disk_reserve=0))
    assert part.read_bytes() == body
    assert result.total == len(body)


def test_dropped_connections_resume_where_they_stopped(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    body = _body(6 * MiB, seed=7)
    url = web.add("/drops.bin", body, "application/octet-stream")
    web.fault("/drops.bin", Fault(drop_after=300_000, times=12))
    part = tmp_path / "drops.bin.part"
    result = _download(url, part, replace(settings, disk_reserve=0))
    assert part.read_bytes() == body
    web.wait_idle()
    assert sum(r.body_bytes for r in web.requests("/drops.bin")) < len(body) + 8 * 65536 * 2
    assert result.done == len(body)


def test_stopped_download_fetches_only_the_missing_bytes(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    body = _body(10 * MiB, seed=3)
    url = web.add("/half.bin", body, "application/octet-stream")
    web.fault("/half.bin", Fault(rate=2 * MiB))
    part = tmp_path / "half.bin.part"
    quick = replace(settings, disk_reserve=0)
    with pytest.raises(Cancelled):
        _download(url, part, quick, cancel_at=len(body) // 2)
    journal = part.with_name(part.name + ".extents")
    holes = ExtentJournal.for_part(part).holes()
    missing = sum(end - start for start, end in holes)
    assert 0 < missing <= len(body) // 2
    web.wait_idle()
    web.log.clear()
    _download(url, part, quick)
    assert part.read_bytes() == body
    starts = [start for start, _ in _ranges_asked(web, "/half.bin")]
    assert all(any(a <= s < b for a, b in holes) for s in starts), "asked for bytes on disk"
    sent_again = sum(r.body_bytes for r in web.requests("/half.bin"))
    assert sent_again <= missing + 8 * 256 * 1024, f"{sent_again} bytes for {missing} missing"
    remove_sidecars(part)
    assert not journal.exists()


def test_file_changed_on_the_server_starts_over(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    old, new = _body(4 * MiB, seed=1), _body(4 * MiB, seed=9)
    url = web.add("/changes.bin", old, "application/octet-stream")
    web.fault("/changes.bin", Fault(rate=2 * MiB))
    part = tmp_path / "changes.bin.part"
    quick = replace(settings, disk_reserve=0)
    with pytest.raises(Cancelled):
        _download(url, part, quick, cancel_at=len(old) // 3)
    web.add("/changes.bin", new, "application/octet-stream")
    _download(url, part, quick)
    assert part.read_bytes() == new


def test_too_little_free_space_is_a_clear_error_and_keeps_nothing_broken(
    web: TestWeb, tmp_path: Path, settings: Settings
) -> None:
    body = _body(2 * MiB)
    url = web.add("/space.bin", body, "application/octet-stream")
    part = tmp_path / "space.bin.part"
    free = os.statvfs(tmp_path).f_bavail * os.statvfs(tmp_path).f_frsize
    with pytest.raises(DiskFull, match="MiB free"):
        _download(url, part, replace(settings, disk_reserve=free))
    _download(url, part, replace(settings, disk_reserve=0))  # space "freed": it goes on
    assert part.read_bytes() == body


def test_missing_file_is_an_http_error(web: TestWeb, tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(HttpStatusError, match="404"):
        _download(web.url("/nothing.bin"), tmp_path / "x.part", replace(settings, disk_reserve=0))
