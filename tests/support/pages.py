"""The fixture article pages: where each one "lives", its snippets and its gold text."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from support.testweb import FIXTURES, TestWeb

PAGES = FIXTURES / "pages"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Page:
    """One fixture page: its file, its original address, and what its text must (not) hold."""

    path: Path
    url: str
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    gold: str | None = None


def _gold(path: Path) -> tuple[str | None, str | None]:
    stem = path.name.removesuffix(".html")
    if stem.startswith("np_") and (PAGES / f"{stem}.txt").exists():
        return (PAGES / f"{stem}.txt").read_text(encoding="utf-8"), None
    if stem.startswith("aeb_") and (PAGES / f"{stem}.json").exists():
        data = json.loads((PAGES / f"{stem}.json").read_text(encoding="utf-8"))
        return data.get("articleBody"), data.get("url")
    if stem.startswith("rd_") and (PAGES / f"{stem}.expected.html").exists():
        return (PAGES / f"{stem}.expected.html").read_text(encoding="utf-8"), None
    return None, None


def all_pages() -> list[Page]:
    """Every article page of the fixtures (not the gold files beside them)."""
    listed = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted(PAGES.glob("*.html")):
        if path.name.endswith(".expected.html"):
            continue
        gold, gold_url = _gold(path)
        entry = listed.get(path.name, {})
        url = (entry.get("url") or gold_url or "").strip()  # one is recorded with a space
        if not url.startswith(("http://", "https://")):  # some are recorded as "hard::NAME"
            url = f"https://pages.test/{quote(path.stem)}"
        pages.append(
            Page(path, url, tuple(entry.get("with", ())), tuple(entry.get("without", ())), gold)
        )
    return pages


def serve(web: TestWeb, pages: list[Page]) -> None:
    """Register every page at its original host and path on the test web."""
    for page in pages:
        parts = urlsplit(page.url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        web.add(target, page.path.read_bytes(), "text/html", host=parts.hostname)


def snippet_hits(text: str, page: Page) -> tuple[int, int]:
    """(snippets that hold, snippets checked) for `text` against the page's with/without lists."""
    flat = " ".join(text.split())
    held = sum(" ".join(s.split()) in flat for s in page.with_)
    held += sum(" ".join(s.split()) not in flat for s in page.without)
    return held, len(page.with_) + len(page.without)


def token_f1(text: str, gold: str) -> float:
    """Token-level F1 of `text` against `gold` (HTML tags in the gold are ignored)."""
    gold_tokens = Counter(t.lower() for t in _WORD.findall(re.sub(r"<[^>]+>", " ", gold)))
    tokens = Counter(t.lower() for t in _WORD.findall(text))
    common = sum((gold_tokens & tokens).values())
    if not common:
        return 0.0
    precision = common / sum(tokens.values())
    recall = common / sum(gold_tokens.values())
    return 2 * precision * recall / (precision + recall)
