"""ConnectionLimits: a cap per host (per kind of request) and a cap on all requests."""

from __future__ import annotations

import asyncio

from tiffin.net.limits import ConnectionLimits


def _peak(limits: ConnectionLimits, requests: list[tuple[str, str, int | None]]) -> dict[str, int]:
    running: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def one(url: str, kind: str, per_host: int | None) -> None:
        async with limits.slot(url, kind, per_host):
            for key in (url.split("/")[2] + kind, "all"):
                running[key] = running.get(key, 0) + 1
                peak[key] = max(peak.get(key, 0), running[key])
            await asyncio.sleep(0.01)
            for key in (url.split("/")[2] + kind, "all"):
                running[key] -= 1

    async def main() -> None:
        await asyncio.gather(*(one(*r) for r in requests))

    asyncio.run(main())
    return peak


def test_per_host_and_total_caps_hold() -> None:
    requests = [(f"http://h{n % 3}.test/{n}", "", None) for n in range(30)]
    peak = _peak(ConnectionLimits(total=5, per_host=2), requests)
    assert peak["all"] == 5
    assert max(peak[f"h{n}.test"] for n in range(3)) == 2


def test_another_kind_counts_apart_with_its_own_limit() -> None:
    pages = [("http://cdn.test/p", "", None)] * 10
    pictures = [("http://cdn.test/i", "picture", 6)] * 10
    peak = _peak(ConnectionLimits(total=64, per_host=2), pages + pictures)
    assert peak["cdn.test"] == 2
    assert peak["cdn.testpicture"] == 6
