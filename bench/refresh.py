"""Benchmark: refreshing 500 feeds on 50 far-away hosts, Tiffin vs feedparser and newsboat.

The test web listens on 50 loopback addresses (127.0.1.1-50) with 150 ms added to every answer,
serving the real feeds of shared/fixtures in turn. In one run it times:
  - sequential `feedparser.parse(url)` over the 500 URLs (the baseline),
  - `tiffin refresh` (a fresh data folder, subscriptions imported from OPML),
  - Debian's newsboat with `reload-threads 8` (skipped, and said so, if not installed),
  - a second `tiffin refresh` with nothing changed: bytes on the wire vs the first.
Run: .venv/bin/python bench/refresh.py [--feeds 500] [--hosts 50] [--latency 0.15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.testweb import FIXTURES, TestWeb
from tiffin.sources.opml import OpmlEntry, write_opml


def tiffin(home: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), *args],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.15)
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
    start = time.perf_counter()
    parsed = sum(len(feedparser.parse(url).entries) for url in urls)
    sequential = time.perf_counter() - start
    rows.append(("sequential feedparser.parse", sequential, f"{parsed} entries"))

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "tiffin"
        opml = Path(tmp) / "subs.opml"
        write_opml(opml, [OpmlEntry(url, "") for url in urls])
        tiffin(home, "opml", "import", str(opml))
        web.bytes_sent = 0
        first = tiffin(home, "refresh")
        first_bytes = web.bytes_sent
        rows.append(("tiffin refresh", first, f"{first_bytes // 1024} KiB on the wire"))

        newsboat = shutil.which("newsboat")
        if newsboat:
            nb = Path(tmp) / "newsboat"
            nb.mkdir()
            (nb / "urls").write_text("\n".join(urls) + "\n")
            (nb / "config").write_text("reload-threads 8\n")
            start = time.perf_counter()
            subprocess.run(
                [
                    newsboat,
                    "-x",
                    "reload",
                    "-u",
                    str(nb / "urls"),
                    "-c",
                    str(nb / "cache.db"),
                    "-C",
                    str(nb / "config"),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "HOME": str(nb)},
            )
            rows.append(("newsboat reload-threads 8", time.perf_counter() - start, ""))
        else:
            print("# newsboat not installed (apt-get install newsboat): its row is skipped")

        web.bytes_sent = 0
        second = tiffin(home, "refresh")
        second_bytes = web.bytes_sent
        rows.append(
            ("tiffin refresh, nothing changed", second, f"{second_bytes // 1024} KiB on the wire")
        )
    web.stop()

    print(f"{'run':34} {'wall s':>8} {'vs sequential':>14}  note")
    for name, seconds, note in rows:
        print(f"{name:34} {seconds:8.2f} {sequential / seconds:13.1f}x  {note}")
    newsboat_rows = [r for r in rows if r[0].startswith("newsboat")]
    if newsboat_rows:
        print(f"tiffin vs newsboat: {newsboat_rows[0][1] / first:.2f}x faster")
    print(f"second refresh bytes: {100 * second_bytes / first_bytes:.2f}% of the first")
    return 0


if __name__ == "__main__":
    sys.exit(main())
