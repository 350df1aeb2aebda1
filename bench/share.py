"""Benchmark: exporting and verifying a bundle against `cp -r` of the same files, and the LAN
view streaming video to 20 clients at once with range requests.

A library is made with --gib GiB of media (files of --file-mib MiB of random bytes, entered as
finished downloads). Then, on the same disk, in one run: `cp -r` of the media folder; `tiffin
bundle export` of the whole library (copy plus SHA-256 of every byte, signed manifest); and
`tiffin bundle verify` of the result (SHA-256 of every byte again). Each starts with the page
cache emptied (as root; else warm, and the header says so) and ends when its writes are on the
disk (`sync`), as a bundle on a USB stick must be. cp and export run --rounds times in
alternating order (a VM's disk favours whatever runs second); medians are shown. Ratios are
cp's time over ours.

Then the LAN view serves one of the files to --clients clients at once on loopback, each
reading it as a player does: 1 MiB ranges in order from a random starting point, for
--seconds seconds. Reported: the aggregate throughput and the 95th percentile of the time
from a range request to its first byte.
Run (as root for cold caches): .venv/bin/python bench/share.py [--gib 2] [--rounds 3]
    [--clients 20] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tiffin.config import Paths
from tiffin.library import downloads
from tiffin.library.downloads import DoneFile
from tiffin.library.store import Store
from tiffin.share.serve import LanShare

BIN = Path(sys.executable).parent
MiB = 1024 * 1024


def make_library(root: Path, gib: float, file_mib: int) -> tuple[Paths, Store]:
    paths = Paths.under(root / "library").ensure()
    store = Store(paths.database)
    media = paths.data_dir / "media"
    media.mkdir(parents=True, exist_ok=True)
    count = max(1, round(gib * 1024 / file_mib))
    block = os.urandom(MiB)
    for n in range(count):
        with (media / f"video {n}.mp4").open("wb") as out:
            for _ in range(file_mib):
                out.write(block[n % 7 :] + block[: n % 7])  # distinct files, no dedup anywhere
        entry = downloads.enqueue(store, f"https://video.example/{n}")
        downloads.record_done(
            store, entry.id, DoneFile(f"video {n}", f"video {n}.mp4", file_mib * MiB, 60.0)
        )
    return paths, store


def drop_caches() -> bool:
    """Empty the page cache (root only), so every run reads from the disk as a freshly
    plugged USB stick is read."""
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds until `command` is done and what it wrote is on the disk (`sync`), as a USB
    stick must be before it is pulled out; each run starts with the disk's caches empty."""
    subprocess.run(["sync"], check=True)
    drop_caches()
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["sync"], check=True)
    return time.perf_counter() - started


async def stream(
    base: str, code: str, path: str, clients: int, seconds: float
) -> tuple[int, list[float]]:
    firsts: list[float] = []
    total = 0
    stop = time.monotonic() + seconds

    async def client(number: int) -> None:
        nonlocal total
        # Each client from an address of its own, as phones on a Wi-Fi are.
        transport = httpx.AsyncHTTPTransport(local_address=f"127.0.1.{number + 1}")
        cookies = {"tiffin_code": code}
        async with httpx.AsyncClient(
            base_url=base, cookies=cookies, transport=transport, trust_env=False
        ) as http:
            size = int((await http.head(path)).headers["content-length"])
            position = random.randrange(0, size - MiB) // MiB * MiB
            while time.monotonic() < stop:
                end = min(size, position + MiB) - 1
                asked = time.perf_counter()
                async with http.stream(
                    "GET", path, headers={"Range": f"bytes={position}-{end}"}
                ) as answer:
                    assert answer.status_code == 206, answer.status_code
                    first = True
                    async for chunk in answer.aiter_raw():
                        if first:
                            firsts.append(time.perf_counter() - asked)
                            first = False
                        total += len(chunk)
                position = 0 if end + 1 >= size else end + 1

    await asyncio.gather(*(client(n) for n in range(clients)))
    return total, firsts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gib", type=float, default=2.0)
    parser.add_argument("--file-mib", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as temporary:
        root = Path(temporary)
        paths, store = make_library(root, args.gib, args.file_mib)
        size = sum(f.stat().st_size for f in (paths.data_dir / "media").iterdir())
        env = {**os.environ, "TIFFIN_HOME": str(paths.data_dir)}
        runs: dict[str, list[float]] = {"cp -r": [], "export": [], "verify": []}
        commands = {
            "cp -r": ["cp", "-r", str(paths.data_dir / "media"), str(root / "copy")],
            "export": [str(BIN / "tiffin"), "bundle", "export", str(root / "bundle")],
            "verify": [str(BIN / "tiffin"), "bundle", "verify", str(root / "bundle")],
        }
        for round_ in range(args.rounds):  # the order alternates: a VM's disk favours no one
            order = ["cp -r", "export"] if round_ % 2 == 0 else ["export", "cp -r"]
            for name in [*order, "verify"]:
                shutil.rmtree(root / "copy", ignore_errors=True)
                if name == "export":
                    shutil.rmtree(root / "bundle", ignore_errors=True)
                runs[name].append(timed(commands[name], env))
        shutil.rmtree(root / "copy", ignore_errors=True)
        cp, export, verify = (statistics.median(runs[n]) for n in ("cp -r", "export", "verify"))

        files = size // (args.file_mib * MiB)
        cache = "cold page cache" if drop_caches() else "warm page cache (not root)"
        print(
            f"# bundle of {size / 2**30:.2f} GiB ({files} files), same disk, {cache},"
            f" writes flushed; {os.cpu_count()} cores"
        )
        print(f"# median of {args.rounds} rounds each")
        print(f"{'run':28} {'wall s':>8} {'MiB/s':>8} {'vs cp -r':>9}")
        for name, seconds in (
            ("cp -r", cp),
            ("tiffin bundle export", export),
            ("tiffin bundle verify", verify),
        ):
            print(f"{name:28} {seconds:8.2f} {size / MiB / seconds:8.0f} {cp / seconds:8.2f}x")

        share = LanShare(store, paths, "127.0.0.1", 0, announce=False).start()
        try:
            base = f"http://127.0.0.1:{share.port}"
            total, firsts = asyncio.run(
                stream(base, share.code, "/media/1", args.clients, args.seconds)
            )
        finally:
            share.stop()
        firsts.sort()
        p95 = firsts[int(0.95 * (len(firsts) - 1))]
        print(f"# LAN view: {args.clients} clients reading 1 MiB ranges for {args.seconds:g} s")
        print(
            f"aggregate {total / MiB / args.seconds:.0f} MiB/s, {len(firsts)} range requests,"
            f" time to first byte median {statistics.median(firsts) * 1000:.1f} ms,"
            f" p95 {p95 * 1000:.1f} ms"
        )
        store.close()


if __name__ == "__main__":
    main()
