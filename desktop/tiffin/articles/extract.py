"""A fetched page reduced to its article: trafilatura's main text as HTML, with metadata.

Runs in a worker process (it is CPU work), so it takes and returns plain picklable values.
Image addresses are made absolute against the page's own address and lazy-loading attributes
and `srcset` are resolved to one `src` before trafilatura sees the page, so that the article
names exactly one file per picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

from tiffin.markup import html_to_text

# Wider than this a picture only costs bytes: a reader pane is rarely wider.
WANTED_IMAGE_WIDTH = 1200
_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url", "src")
_LAZY_SETS = ("srcset", "data-srcset", "data-lazy-srcset")
_CANDIDATE = re.compile(r"\s*([^\s,][^\s]*?)(?:\s+([\d.]+)([wx]))?\s*(?:,|$)")
_BODY_TAGS = re.compile(r"^\s*<body[^>]*>|</body>\s*$")


@dataclass(frozen=True)
class ExtractedArticle:
    """The article found in a page: unsanitised HTML with absolute image addresses."""

    title: str
    author: str
    lang: str
    html: str
    text: str
    image_urls: tuple[str, ...]


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


def _resolve_images(tree: html.HtmlElement, page_url: str) -> None:
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


def _meta(document: html.HtmlElement, name: str) -> str:
    found = document.find(f".//meta[@name='{name}']")
    return (found.get("content") or "").strip() if found is not None else ""


def extract_article(body: bytes, page_url: str) -> ExtractedArticle | None:
    """The main text of the page `body` fetched from `page_url`, or None when trafilatura finds
    none (a script-only page, a paywall stub, not HTML at all)."""
    # Imported here: only extraction workers need trafilatura, and importing it took about
    # 70 ms of every `tiffin` command's start.
    import trafilatura  # noqa: PLC0415
    from trafilatura.utils import load_html  # noqa: PLC0415

    tree = load_html(body)
    if tree is None:
        return None
    lang = (tree.get("lang") or "").strip()
    for base in tree.iter("base"):  # a page's <base> must not send us to another host
        base.drop_tree()
    _resolve_images(tree, page_url)
    output = trafilatura.extract(
        tree,
        url=page_url,
        output_format="html",
        include_images=True,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        # The feed gives the date; htmldate's extensive search (dateparser) was 60% of the time.
        date_extraction_params={"extensive_search": False},
    )
    if not output:
        return None
    document = html.fromstring(output)
    body_element = document.find("body")
    if body_element is None:
        return None
    serialised = etree.tostring(body_element, encoding="unicode", method="html")
    article_html = _BODY_TAGS.sub("", serialised).strip()
    images = tuple(dict.fromkeys(img.get("src", "") for img in body_element.iter("img")))
    return ExtractedArticle(
        title=_meta(document, "title"),
        author=_meta(document, "author"),
        lang=lang.split("-")[0].lower()[:8],
        html=article_html,
        text=html_to_text(article_html),
        image_urls=tuple(url for url in images if url),
    )
