"""A fetched page reduced to its article: the best of several readings, as HTML, with metadata.

Runs in a worker process (it is CPU work), so it takes and returns plain picklable values.
Image addresses are made absolute against the page's own address and lazy-loading attributes
and `srcset` are resolved to one `src` before any method reads the page, so that the article
names exactly one file per picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import html

from tiffin.articles.choice import choose, page_prose_words, settled
from tiffin.articles.methods import PRECISION, READABILITY, RECALL, read_with

# Wider than this a picture only costs bytes: a reader pane is rarely wider.
WANTED_IMAGE_WIDTH = 1200
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url", "src")
_LAZY_SETS = ("srcset", "data-srcset", "data-lazy-srcset")
_CANDIDATE = re.compile(r"\s*([^\s,][^\s]*?)(?:\s+([\d.]+)([wx]))?\s*(?:,|$)")


@dataclass(frozen=True)
class ExtractedArticle:
    """The article found in a page: unsanitised HTML with absolute image addresses."""

    title: str
    author: str
    lang: str
    html: str
    text: str
    image_urls: tuple[str, ...]
    method: str = PRECISION
    other_method: str = ""  # the most different reading left, for "show the other version"
    other_html: str = ""
    page_words: int = 0  # when the page's paragraphs hold much more than was kept, their words


def pick_from_srcset(srcset: str, wanted_width: int = WANTED_IMAGE_WIDTH) -> str | None:
    """The `srcset` candidate closest to `wanted_width` from above (else the widest), or the
    2x density one; None when nothing parses."""
    widths: list[tuple[float, str]] = []
    densities: list[tuple[float, str]] = []
    for match in _CANDIDATE.finditer(srcset):
        url, number, unit = match.group(1), match.group(2), match.group(3)
        if not url:
            continue
        try:
            value = float(number) if number else 1.0
        except ValueError:
            continue
        (widths if unit == "w" else densities).append((value, url))
    if widths:
        big_enough = [c for c in widths if c[0] >= wanted_width]
        return min(big_enough)[1] if big_enough else max(widths)[1]
    if densities:
        return min(densities, key=lambda c: abs(c[0] - 2.0))[1]
    return None


def _usable(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def resolve_images(tree: html.HtmlElement, page_url: str) -> None:
    """Give every <img> one absolute http(s) `src` (from srcset or lazy attributes) or drop it."""
    for img in list(tree.iter("img")):
        chosen = None
        for name in _LAZY_SETS:
            if img.get(name):
                chosen = pick_from_srcset(img.get(name, ""))
                if chosen:
                    break
        if not chosen:
            chosen = next((img.get(a) for a in _LAZY_SOURCES if img.get(a)), None)
        absolute = urljoin(page_url, chosen.strip()) if chosen else ""
        for name in (*_LAZY_SETS, *_LAZY_SOURCES, "sizes"):
            img.attrib.pop(name, None)
        if absolute and _usable(absolute):
            img.set("src", absolute)
        else:
            img.drop_tree()
    for source in list(tree.iter("source")):  # <picture> alternatives: the <img> inside stays
        source.drop_tree()


def extract_article(body: bytes, page_url: str) -> ExtractedArticle | None:
    """The main text of the page `body` fetched from `page_url`, or None when no method finds
    any (a script-only page, a paywall stub, not HTML at all)."""
    from trafilatura.utils import load_html  # noqa: PLC0415 - only workers need it

    tree = load_html(body)
    if tree is None:
        return None
    lang = (tree.get("lang") or "").strip()
    for base in tree.iter("base"):  # a page's <base> must not send us to another host
        base.drop_tree()
    resolve_images(tree, page_url)
    precise = read_with(tree, page_url, PRECISION)
    full = read_with(tree, page_url, RECALL)
    readings = [c for c in (precise, full) if c is not None]
    if not settled(precise, full):
        readings += [c for c in (read_with(tree, page_url, READABILITY),) if c is not None]
    choice = choose(readings, page_prose_words(tree))
    if choice is None:
        return None
    kept = choice.kept
    return ExtractedArticle(
        title=kept.title or (precise.title if precise else ""),
        author=kept.author or (precise.author if precise else ""),
        lang=lang.split("-")[0].lower()[:8],
        html=kept.html,
        text=kept.text,
        image_urls=kept.image_urls,
        method=kept.method,
        other_method=choice.other.method if choice.other else "",
        other_html=choice.other.html if choice.other else "",
        page_words=choice.page_words if choice.short else 0,
    )
