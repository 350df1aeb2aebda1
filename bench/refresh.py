"""Benchmark: refreshing 500 feeds on 50 far-away hosts, Tiffin vs feedparser and newsboat.

The test web listens on 50 loopback addresses (127.0.1.1-50) with 150 ms added to every answer,
serving the real feeds of shared/fixtures in turn. In one run it times:
  - sequential `feedparser.parse(url)` over the 500 URLs (the baseline),
  - `tiffin refresh` (a fresh data folder, subscriptions imported from OPML),
  - Debian's newsboat with `reload-threads 8` (skipped, and said so, if not installed),
  - a second `tiffin refresh` with nothing changed: bytes on the wire vs the first,
  - `tiffin refresh` again on a fresh folder as if the machine had 16 cores (TIFFIN_CORES=16),
  - with --baseline DIR, `tiffin refresh` of another checkout (the code before a change).
Each Tiffin refresh on a fresh folder runs --repeats times and the median is shown: one run
varies by 15% on a shared machine. For Tiffin and newsboat it gives the peak resident memory
of the whole process tree, both as the sum of each process's RSS (pages a forked worker shares
with its parent counted in each) and as the sum of PSS (each shared page split between its
sharers: what the tree really holds), sampled every 20 ms from /proc, and the CPU seconds of
the process and its children.
Run: .venv/bin/python bench/refresh.py [--feeds 500] [--hosts 50] [--latency 0.15]
     [--repeats 3] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.testweb import FIXTURES, TestWeb
from tiffin.sources.opml import OpmlEntry, write_opml

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    """A command's wall seconds, peak resident bytes of its process tree (RSS summed, PSS
    summed), and CPU seconds."""

    wall: float
    peak: int
    cpu: float
    peak_pss: int = 0


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of `root` and every process below it, read from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    total, proportional, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        proportional += _pss(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total, proportional


def measure(command: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run `command` to its end, sampling its tree's memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or dict(os.environ)
    )
    peak = peak_pss = 0
    while process.poll() is None:
        rss, pss = _tree_memory(process.pid)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed with exit {process.returncode}")
    return Measured(wall, peak, 0.0, peak_pss)


def measure_cpu(command: list[str], env: dict[str, str] | None = None) -> Measured:
    """`measure`, with the CPU seconds of the process and the children it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = measure(command, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(done.wall, done.peak, cpu, done.peak_pss)


def tiffin(home: Path, *args: str, cores: int | None = None, code: Path | None = None) -> Measured:
    env = {**os.environ, **({"TIFFIN_CORES": str(cores)} if cores else {})}
    if code is not None:
        env["PYTHONPATH"] = str(code / "desktop")
    return measure_cpu([sys.executable, "-m", "tiffin", "--data-dir", str(home), *args], env)


def fresh_refreshes(
    tmp: Path, opml: Path, name: str, repeats: int, **options: Any
) -> tuple[Measured, Path]:
    """`tiffin refresh` on `repeats` fresh folders: the run of median wall time, and its
    folder (kept for a second refresh)."""
    runs = []
    for n in range(repeats):
        home = tmp / f"{name}-{n}"
        tiffin(home, "opml", "import", str(opml), **options)
        runs.append((tiffin(home, "refresh", **options), home))
    runs.sort(key=lambda run: run[0].wall)
    return runs[len(runs) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.15)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--baseline", type=Path, metavar="DIR", help="also refresh with this checkout's code"
    )
    args = parser.parse_args()

    hosts = tuple(f"127.0.1.{i + 1}" for i in range(args.hosts))
    web = TestWeb(hosts).start()
    sources = sorted(p for p in (FIXTURES / "feeds").iterdir() if not p.name.startswith("fp_"))
    urls = []
    for i in range(args.feeds):
        data = sources[i % len(sources)].read_bytes()
        kind = (
            "application/json" if sources[i % len(sources)].suffix == ".json" else "application/xml"
        )
        web.add(f"/feed{i}", data, kind)
        urls.append(web.url(f"/feed{i}", host=hosts[i % len(hosts)]))
    for host in hosts:
        web.host_latency[host] = args.latency
    web.precompress()
    total_kb = sum(len(r.body) for r in web.routes.values()) // 1024
    print(
        f"# {args.feeds} feeds ({total_kb} KiB) on {args.hosts} hosts, "
        f"{args.latency * 1000:.0f} ms latency each, {os.cpu_count()} cores"
    )

    rows: list[tuple[str, float, str]] = []
    costs: list[tuple[str, Measured]] = []
    start = time.perf_counter()
    parsed = sum(len(feedparser.parse(url).entries) for url in urls)
    sequential = time.perf_counter() - start
    rows.append(("sequential feedparser.parse", sequential, f"{parsed} entries"))

    with tempfile.TemporaryDirectory() as tmp:
        opml = Path(tmp) / "subs.opml"
        write_opml(opml, [OpmlEntry(url, "") for url in urls])
        web.bytes_sent = 0
        first, home = fresh_refreshes(Path(tmp), opml, "tiffin", args.repeats)
        first_bytes = web.bytes_sent // args.repeats
        rows.append(("tiffin refresh", first.wall, f"{first_bytes // 1024} KiB on the wire"))
        costs.append(("tiffin refresh", first))
        if args.baseline:
            before, _ = fresh_refreshes(
                Path(tmp), opml, "baseline", args.repeats, code=args.baseline.resolve()
            )
            rows.append((f"tiffin refresh, {args.baseline.name} code", before.wall, ""))
            costs.append((f"tiffin refresh, {args.baseline.name} code", before))

        newsboat = shutil.which("newsboat")
        if newsboat:
            nb = Path(tmp) / "newsboat"
            nb.mkdir()
            (nb / "urls").write_text("\n".join(urls) + "\n")
            (nb / "config").write_text("reload-threads 8\n")
            command = [newsboat, "-x", "reload", "-u", str(nb / "urls"), "-c",
                       str(nb / "cache.db"), "-C", str(nb / "config")]  # fmt: skip
            theirs = measure_cpu(command, {**os.environ, "HOME": str(nb)})
            rows.append(("newsboat reload-threads 8", theirs.wall, ""))
            costs.append(("newsboat reload-threads 8", theirs))
        else:
            print("# newsboat not installed (apt-get install newsboat): its row is skipped")

        web.bytes_sent = 0
        second = tiffin(home, "refresh")
        second_bytes = web.bytes_sent
        rows.append(
            (
                "tiffin refresh, nothing changed",
                second.wall,
                f"{second_bytes // 1024} KiB on the wire",
            )
        )
        sixteen, _ = fresh_refreshes(Path(tmp), opml, "sixteen", args.repeats, cores=16)
        rows.append(("tiffin refresh, as if 16 cores", sixteen.wall, ""))
        costs.append(("tiffin refresh, as if 16 cores", sixteen))
    web.stop()

    print(f"{'run':34} {'wall s':>8} {'vs sequential':>14}  note")
    for name, seconds, note in rows:
        print(f"{name:34} {seconds:8.2f} {sequential / seconds:13.1f}x  {note}")
    newsboat_rows = [r for r in rows if r[0].startswith("newsboat")]
    if newsboat_rows:
        print(f"tiffin vs newsboat: {newsboat_rows[0][1] / first.wall:.2f}x faster")
    if args.baseline:
        print(f"tiffin vs {args.baseline.name} code: {before.wall / first.wall:.2f}x")
    print(f"second refresh bytes: {100 * second_bytes / first_bytes:.2f}% of the first")
    print(f"# median of {args.repeats} fresh refreshes each; peak of the process tree, in MB")
    print(f"\n{'cost':34} {'RSS MB':>8} {'PSS MB':>8} {'CPU s':>8}  (target peak < 400 MB)")
    for name, cost in costs:
        print(f"{name:34} {cost.peak / 1e6:8.1f} {cost.peak_pss / 1e6:8.1f} {cost.cpu:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
