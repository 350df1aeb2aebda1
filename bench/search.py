"""Benchmark: search latency at --items items in several scripts.

A library of --items items (70% English, 15% Urdu with zero-width non-joiners, 15% Chinese)
is stored through queries.save_items, as a refresh stores them (both indexes filled). Then
each kind of query runs --runs times over distinct words; p50 and p95 are printed per kind,
with the time the items took to store. Target: p95 under 100 ms for every kind.
Run: .venv/bin/python bench/search.py [--items 100000] [--runs 200]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from tiffin.library import queries
from tiffin.library.models import NewItem
from tiffin.library.search import search
from tiffin.library.store import Store

ENGLISH = [
    "rally", "opposition", "police", "road", "closed", "lahore", "sunday", "speech", "crowd",
    "leader", "vote",
]  # fmt: skip
URDU = ["جلسہ", "اتوار", "لاہور", "پولیس", "سڑک", "تقریر", "عوام", "رہنما", "جلسہ\u200cگاہ"]
HAN = list("反對黨今天在台北舉行集會警察封閉道路演講群眾領袖投票選舉新聞天氣經濟股市")


def _text(rng: random.Random, kind: str) -> str:
    if kind == "en":
        return " ".join(rng.choice(ENGLISH) for _ in range(60))
    if kind == "ur":
        return " ".join(rng.choice(URDU) for _ in range(60))
    return "".join(rng.choice(HAN) for _ in range(120))


def _fill(store: Store, count: int) -> float:
    rng = random.Random(7)
    source, _ = queries.add_source(store, "http://bench.example/feed")
    started = time.perf_counter()
    batch: list[NewItem] = []
    for n in range(count):
        kind = "en" if n % 20 < 14 else ("ur" if n % 20 < 17 else "zh")
        text = _text(rng, kind)
        batch.append(NewItem(str(n), "", text[:24], text=text))
        if len(batch) == 2000:
            queries.save_items(store, source.id, batch, float(n))
            batch = []
    if batch:
        queries.save_items(store, source.id, batch, float(count))
    return time.perf_counter() - started


def _timed(store: Store, words: list[str], runs: int) -> tuple[float, float]:
    seconds = []
    for n in range(runs):
        started = time.perf_counter()
        search(store, words[n % len(words)], 50)
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return statistics.median(seconds) * 1000, seconds[int(len(seconds) * 0.95) - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as where, Store(Path(where) / "library.sqlite") as store:
        stored = _fill(store, args.items)
        kinds = {
            "English word (unicode61)": ENGLISH,
            "English prefix": [w[:3] for w in ENGLISH],
            "Urdu word, ZWNJ too": URDU,
            "one Han character (scan)": HAN,
            "two Han characters (scan)": [a + b for a, b in itertools.pairwise(HAN)],
            "three Han characters (trigram)": ["".join(HAN[i : i + 3]) for i in range(20)],
        }
        print(f"{args.items} items stored in {stored:.1f} s")
        print(f"{'query':34} {'p50 ms':>8} {'p95 ms':>8}")
        for name, words in kinds.items():
            p50, p95 = _timed(store, words, args.runs)
            print(f"{name:34} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
