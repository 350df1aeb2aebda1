"""Autodiscovery: the feeds a web page names through <link rel="alternate">, and its icons
through <link rel="icon">."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "text/xml",
    "application/xml",
)
_PREFERRED = frozenset(FEED_TYPES[:3]) | {"application/rdf+xml"}


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[tuple[str, str]] = []
        self.icons: list[tuple[str, str]] = []  # address, sizes

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif tag == "link":
            rels = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
                self.links.append((values["href"].strip(), kind))
            elif (
                ("icon" in rels or "apple-touch-icon" in rels)
                and values.get("href")
                and "svg" not in kind  # a drawing to run, not a picture to decode
            ):
                self.icons.append((values["href"].strip(), values.get("sizes", "")))


def _collect(page: str, page_url: str) -> tuple[_LinkCollector, str]:
    collector = _LinkCollector()
    collector.feed(page)
    collector.close()
    return collector, urljoin(page_url, collector.base) if collector.base else page_url


def _web_addresses(base: str, hrefs: list[str]) -> list[str]:
    found: list[str] = []
    for href in hrefs:
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme in ("http", "https") and absolute not in found:
            found.append(absolute)
    return found


def discover_icons(page: str, page_url: str) -> list[str]:
    """Absolute addresses of the icons a page names, the one nearest 32 pixels first (a size
    not given counts as 16), SVG left out."""

    def distance(sizes: str) -> int:
        sides = [int(side) for side in sizes.lower().replace("x", " ").split() if side.isdigit()]
        return abs((max(sides) if sides else 16) - 32)

    collector, base = _collect(page, page_url)
    ranked = sorted(enumerate(collector.icons), key=lambda pair: (distance(pair[1][1]), pair[0]))
    return _web_addresses(base, [href for _, (href, _sizes) in ranked])


def discover_feeds(page: str, page_url: str) -> list[str]:
    """Absolute feed addresses a page advertises, in page order, RSS/Atom before plain XML.

    Only http and https addresses are returned; relative ones are resolved against <base href>
    or the page's own address.
    """
    collector, base = _collect(page, page_url)
    # Feed types proper first, in page order; generic XML or JSON links only after them.
    ranked = sorted(
        enumerate(collector.links), key=lambda pair: (pair[1][1] not in _PREFERRED, pair[0])
    )
    return _web_addresses(base, [href for _, (href, _kind) in ranked])
