"""Benchmark: starting the window on a big library and on an empty one.

A library of --items items over --sources sources (one source holds --largest of them) with
--media finished downloads is written straight into SQLite (search index included). For it
and for an empty library, `tiffin` is started as a user starts it (a new process, through
tiffin.ui.app.run) with a probe that notes when the main window is first painted; then the
largest source is selected and, once its items are listed, the process's resident memory is
read; then the events view is shown (--events events with --tagged sources and downloads
tagged for them in the big library) and the time until its plans are listed is noted. Each
case runs --runs times; the median is shown. Launch time is measured from the
parent's clock before the process is started to the child's first paint (both on the
monotonic clock, which processes share). Offscreen Qt unless --xvfb.
Run: .venv/bin/python bench/startup.py [--items 100000] [--sources 2000] [--media 500]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tiffin.library.store import Store

PROBE = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from tiffin.config import Paths
from tiffin.ui import app as tiffin_app
from tiffin.ui.main_window import MainWindow

application = QApplication(sys.argv[:1])
seen = {}

def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            if isinstance(watched.window(), MainWindow) if hasattr(watched, "window") else False:
                seen["painted"] = time.monotonic()
                QTimer.singleShot(0, open_largest)
        return False

def open_largest():
    window = next(w for w in application.topLevelWidgets() if isinstance(w, MainWindow))
    def finish(rows):
        seen["listed"] = time.monotonic()
        seen["rows"] = rows
        seen["rss_mib"] = rss_mib()
        seen["events_at"] = time.monotonic()
        window.pane.setCurrentWidget(window.events_view)
        window.events_view.reload()
        wait_events()
    def wait_events():
        view = window.events_view
        if view.events_model.rowCount() < int(sys.argv[3]):
            return QTimer.singleShot(5, wait_events)
        view.event_list.setCurrentIndex(view.events_model.index(0))
        application.processEvents()
        seen["events_listed"] = time.monotonic()
        seen["entries"] = sum(len(plan.entries) for plan in view.plans)
        print(json.dumps(seen), flush=True)
        window.close()
        application.quit()
    if sys.argv[2] == "empty":
        seen["opened_at"] = time.monotonic()
        return finish(0)
    def wait_sources():
        if not window.sources:
            return QTimer.singleShot(20, wait_sources)
        largest = max(window.sources, key=lambda s: s.total)
        seen["opened_at"] = time.monotonic()
        window.items.load([largest.id])
        def wait_items():
            if window.item_model.rowCount() < min(largest.total, 1):
                return QTimer.singleShot(20, wait_items)
            finish(window.item_model.rowCount())
        wait_items()
    wait_sources()

probe = FirstPaint()
application.installEventFilter(probe)
tiffin_app.run(Paths.under(__import__("pathlib").Path(sys.argv[1])))
"""


def make_library(
    folder: Path, items: int, sources: int, largest: int, media: int, events: int, tagged: int
) -> None:
    """Write the library straight into SQLite, as years of refreshes would have left it, with
    `events` events and `tagged` entries tagged for them: a fifth sources, the rest paused
    downloads (pending, but not started: queued ones would send the queue to the network)."""
    with Store(folder / "library.sqlite") as store, store.write() as db:
        now = time.time()
        db.executemany(
            "INSERT INTO sources (id, url, title, folder, added_at, last_success_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    n,
                    f"https://site{n}.example/feed.xml",
                    f"Source {n}",
                    f"Folder {n % 40}",
                    now,
                    now,
                )
                for n in range(1, sources + 1)
            ],
        )
        rows = []
        for n in range(1, items + 1):
            source = 1 if n <= largest else 2 + (n - largest) % (sources - 1)
            title = f"Item {n}: news of the day from source {source}"
            text = f"{title}. " + "Words of the article body, " * 20
            rows.append(
                (
                    n,
                    source,
                    f"k{n}",
                    f"g{n}",
                    f"https://site{source}.example/{n}",
                    title,
                    f"<p>{text}</p>",
                    text,
                    now - n * 60,
                    now,
                    n % 3 == 0,
                )
            )
        db.executemany(
            "INSERT INTO items (id, source_id, dedup_key, guid, url, title, summary_html, text,"
            " published, fetched_at, read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.execute("INSERT INTO items_fts (rowid, title, text) SELECT id, title, text FROM items")
        db.executemany(
            "INSERT INTO downloads (url, title, status, position, path, bytes_total,"
            " bytes_done, duration, added_at, finished_at, item_id)"
            " VALUES (?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"https://video.example/{n}",
                    f"Video {n}",
                    n,
                    f"video {n}.mp4",
                    50_000_000,
                    50_000_000,
                    600.0,
                    now,
                    now,
                    n * (items // max(1, media)),
                )
                for n in range(1, media + 1)
            ],
        )
        db.executemany(
            "INSERT INTO events (id, name, at, created_at) VALUES (?, ?, ?, ?)",
            [(n, f"Event {n}", now + n * 3600, now) for n in range(1, events + 1)],
        )
        tagged_sources = min(sources, tagged // 5)
        db.executemany(
            "UPDATE sources SET event_id = ? WHERE id = ?",
            [(1 + n % events, n) for n in range(1, tagged_sources + 1)],
        )
        db.executemany(
            "INSERT INTO downloads (url, title, status, position, bytes_total, bytes_done,"
            " added_at, event_id) VALUES (?, ?, 'paused', ?, ?, 0, ?, ?)",
            [
                (
                    f"https://video{n % 50}.example/q{n}",
                    f"Queued {n}",
                    media + n,
                    9_000_000,
                    now,
                    1 + n % events,
                )
                for n in range(1, tagged - tagged_sources + 1)
            ],
        )


def launch(folder: Path, xvfb: bool, kind: str, events: int) -> dict[str, float]:
    env = {**os.environ, "TIFFIN_HOME": str(folder)}
    if not xvfb:
        env["QT_QPA_PLATFORM"] = "offscreen"
    command = [sys.executable, "-c", PROBE, str(folder), kind, str(events)]
    if xvfb:
        command = ["xvfb-run", "-a", *command]
    started = time.monotonic()
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=300, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the probe printed nothing:\n{done.stderr[-3000:]}")
    seen = json.loads(lines[-1])
    return {
        "paint": seen["painted"] - started,
        "open": seen["listed"] - seen["opened_at"],
        "rss": seen["rss_mib"],
        "rows": seen["rows"],
        "events": seen["events_listed"] - seen["events_at"],
        "entries": seen["entries"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=2000)
    parser.add_argument("--largest", type=int, default=10_000)
    parser.add_argument("--media", type=int, default=500)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--tagged", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--xvfb", action="store_true", help="paint on Xvfb, not offscreen")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        big, empty = Path(temporary) / "big", Path(temporary) / "empty"
        started = time.monotonic()
        make_library(
            big, args.items, args.sources, args.largest, args.media, args.events, args.tagged
        )
        made = time.monotonic() - started
        Store(empty / "library.sqlite").close()
        size = (big / "library.sqlite").stat().st_size / 2**20
        print(
            f"# library: {args.items} items, {args.sources} sources (largest {args.largest}),"
            f" {args.media} media, {args.events} events with {args.tagged} tagged;"
            f" {size:.0f} MiB, written in {made:.1f} s;"
            f" {'Xvfb' if args.xvfb else 'offscreen'}, {os.cpu_count()} cores,"
            f" median of {args.runs} runs"
        )
        head = f"{'library':10} {'first paint s':>14} {'open largest s':>15}"
        print(f"{head} {'RSS MiB':>9} {'rows':>7} {'events view ms':>15} {'entries':>8}")
        for name, folder, events in (("empty", empty, 0), ("big", big, args.events)):
            runs = [launch(folder, args.xvfb, name, events) for _ in range(args.runs)]
            paint = statistics.median(r["paint"] for r in runs)
            opened = statistics.median(r["open"] for r in runs)
            rss = statistics.median(r["rss"] for r in runs)
            shown = 1000 * statistics.median(r["events"] for r in runs)
            print(
                f"{name:10} {paint:14.2f} {opened:15.2f} {rss:9.0f} {int(runs[0]['rows']):7d}"
                f" {shown:15.0f} {int(runs[0]['entries']):8d}"
            )
        shutil.rmtree(big, ignore_errors=True)
    print("targets: first paint under 1.5 s, RSS under 300 MiB, events view under 200 ms")


if __name__ == "__main__":
    main()
