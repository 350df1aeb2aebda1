"""Benchmark: packing full articles, Tiffin's pipeline vs a sequential httpx + trafilatura loop.

Every fixture page is served by the test web at its original host, each host 150 ms away (as
real sites are), with generated pictures for every image address. In one run it measures:
  - sequential: for each page `httpx.get` then `trafilatura.extract` (text only, no pictures),
  - tiffin: `pack_articles` (fetch, extract in the process pool, fetch and keep pictures,
    sanitise, store), on a fresh library,
  - the share of pages.json snippets that hold in each one's text, and the token F1 against
    the gold texts,
  - the same two scores and pages per second (extraction alone, one process) for each single
    method Tiffin chooses among and for Tiffin's choice, side by side,
  - search latency (p50/p95) over a library of 100,000 generated items.
Run: .venv/bin/python bench/articles.py [--latency 0.15] [--items 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from support.pages import Page, all_pages, serve, snippet_hits, token_f1
from support.testweb import TestWeb
from tiffin.articles.extract import extract_article, resolve_images
from tiffin.articles.methods import METHODS, read_with
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.library import queries
from tiffin.library.articles import FULL
from tiffin.library.models import NewItem
from tiffin.library.search import search
from tiffin.library.store import Store


def _score(texts: dict[str, str], pages: list[Page]) -> tuple[float, float]:
    held = checked = 0
    f1s = []
    for page in pages:
        text = texts.get(page.url, "")
        hits = snippet_hits(text, page)
        held, checked = held + hits[0], checked + hits[1]
        if page.gold is not None:
            f1s.append(token_f1(text, page.gold))
    return held / checked, statistics.mean(f1s) if f1s else float("nan")


def _prepared(page: Page) -> HtmlElement | None:
    tree = load_html(page.path.read_bytes())
    if tree is not None:
        for base in tree.iter("base"):
            base.drop_tree()
        resolve_images(tree, page.url)
    return tree


def _alone(method: str) -> Callable[[Page], str]:
    def run(page: Page) -> str:
        tree = _prepared(page)
        found = read_with(tree, page.url, method) if tree is not None else None
        return found.text if found else ""

    return run


def _chosen(page: Page) -> str:
    found = extract_article(page.path.read_bytes(), page.url)
    return found.text if found else ""


def _methods(pages: list[Page]) -> list[tuple[str, float, float, float]]:
    """(name, snippet score, gold F1, pages per second) of each single method and the choice."""
    runs: dict[str, Callable[[Page], str | None]] = {
        "trafilatura.extract (defaults)": lambda p: trafilatura.extract(
            p.path.read_bytes(), url=p.url
        ),
    }
    for method in METHODS:
        runs[f"{method} alone (as tiffin prepares the page)"] = _alone(method)
    runs["tiffin's choice (extract_article)"] = _chosen
    rows = []
    for name, run in runs.items():
        start = time.perf_counter()
        texts = {page.url: run(page) or "" for page in pages}
        took = time.perf_counter() - start
        share, f1 = _score(texts, pages)
        rows.append((name, share, f1, len(pages) / took))
    return rows


def _unseen(listing: Path, folder: Path, seen: list[Page]) -> list[Page]:
    """Pages of an outside evaluation set (address -> file, with, without, as trafilatura's
    tests/evaldata.json), leaving out any the fixtures hold."""
    known = {p.path.name for p in seen}
    pages = []
    for url, entry in json.loads(listing.read_text(encoding="utf-8")).items():
        path = folder / entry["file"]
        if entry["file"] in known or not path.is_file() or not url.startswith("http"):
            continue
        pages.append(Page(path, url.strip(), tuple(entry["with"]), tuple(entry["without"])))
    return pages


def _search_latency(count: int, tmp: Path) -> tuple[float, float, int]:
    words = [w for p in all_pages()[:40] for w in p.path.read_text(errors="ignore").split()]
    words = [w for w in words if w.isalpha() and 4 <= len(w) <= 12][:20000]
    urdu = "اسلام آباد میں جلسہ اتوار کو ہوگا حکومت نے انٹرنیٹ بند کر دیا".split()  # noqa: SIM905
    rng = random.Random(7)
    with Store(tmp / "search.sqlite") as store:
        for batch in range(0, count, 5000):
            source, _ = queries.add_source(store, f"http://gen.test/{batch}")
            items = []
            for n in range(batch, min(count, batch + 5000)):
                pool = urdu if n % 10 == 0 else words
                text = " ".join(rng.choice(pool) for _ in range(120))
                items.append(
                    NewItem(f"g{n}", "", " ".join(rng.choice(pool) for _ in range(6)), text=text)
                )
            queries.save_items(store, source.id, items, time.time())
        queries_ = [rng.choice(words) for _ in range(150)] + [rng.choice(urdu) for _ in range(50)]
        timings = []
        for text in queries_:
            start = time.perf_counter()
            search(store, text, limit=50)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return timings[len(timings) // 2], timings[int(len(timings) * 0.95)], count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.15)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument(
        "--unseen",
        type=Path,
        metavar="JSON",
        help="also score the methods on an outside page set never used to build the choice",
    )
    parser.add_argument("--unseen-dir", type=Path, metavar="DIR", help="its pages' folder")
    args = parser.parse_args()

    pages = all_pages()
    web = TestWeb().start()
    serve(web, pages)
    web.generated_images = True
    hosts = {urlsplit(p.url).hostname or "" for p in pages}
    for page in pages:
        article = extract_article(page.path.read_bytes(), page.url)
        hosts.update(urlsplit(u).hostname or "" for u in (article.image_urls if article else ()))
    for host in hosts:
        web.host_latency[host] = args.latency
    print(
        f"# {len(pages)} pages on {len(hosts)} hosts, {args.latency * 1000:.0f} ms latency each, "
        f"{os.cpu_count()} cores"
    )

    plain: dict[str, str] = {}
    start = time.perf_counter()
    with httpx.Client() as client:
        for page in pages:
            parts = urlsplit(page.url)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            body = client.get(web.url(target), headers={"Host": parts.hostname or ""}).content
            plain[page.url] = trafilatura.extract(body, url=page.url) or ""
    sequential = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths.under(Path(tmp) / "home").ensure()
        with Store(paths.database) as store:
            source, _ = queries.add_source(store, "http://news.test/feed", "News")
            queries.save_items(
                store, source.id, [NewItem(p.path.name, p.url, p.path.stem) for p in pages], 1.0
            )
            requests_before = len(web.log)
            start = time.perf_counter()
            report = pack_articles(store, paths, Settings(), transport=web.transport())
            ours = time.perf_counter() - start
            pictures = len(web.log) - requests_before - len(pages)
            texts = {i.url: i.text for i in queries.list_items(store) if i.article_state == FULL}
        ours_share, ours_f1 = _score(texts, pages)
        plain_share, plain_f1 = _score(plain, pages)
        web.stop()
        p50, p95, count = _search_latency(args.items, Path(tmp))

    n = len(pages)
    print(f"{'method':50} {'snippets':>8} {'gold F1':>8} {'pages/s':>8}")
    for name, share, f1, rate in _methods(pages):
        print(f"{name:50} {share:8.3f} {f1:8.3f} {rate:8.1f}")
    if args.unseen:
        unseen = _unseen(args.unseen, args.unseen_dir or args.unseen.parent / "eval", pages)
        print(f"# {len(unseen)} pages never seen while building the choice ({args.unseen.name})")
        for name, share, _f1, rate in _methods(unseen):
            print(f"{name:50} {share:8.3f} {'-':>8} {rate:8.1f}")
    print(f"{'run':50} {'wall s':>7} {'pages/s':>8}  note")
    print(
        f"{'sequential httpx.get + trafilatura.extract':50} {sequential:7.2f} {n / sequential:8.1f}"
    )
    print(
        f"{'tiffin pack_articles (pictures, sanitise, store)':50} {ours:7.2f} {n / ours:8.1f}"
        f"  {report.count(FULL)} full, {pictures} picture requests"
    )
    print(f"tiffin vs sequential: {sequential / ours:.2f}x pages/s")
    print(f"snippets held: tiffin {ours_share:.3f}, plain trafilatura {plain_share:.3f}")
    print(f"gold token F1 (mean): tiffin {ours_f1:.3f}, plain trafilatura {plain_f1:.3f}")
    print(f"search over {count} items: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
