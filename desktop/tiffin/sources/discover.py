"""Feed autodiscovery: the feeds a web page names through <link rel="alternate">."""

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif tag == "link":
            rels = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
                self.links.append((values["href"].strip(), kind))


def discover_feeds(page: str, page_url: str) -> list[str]:
    """Absolute feed addresses a page advertises, in page order, RSS/Atom before plain XML.

    Only http and https addresses are returned; relative ones are resolved against <base href>
    or the page's own address.
    """
    collector = _LinkCollector()
    collector.feed(page)
    collector.close()
    base = urljoin(page_url, collector.base) if collector.base else page_url
    # Feed types proper first, in page order; generic XML or JSON links only after them.
    ranked = sorted(
        enumerate(collector.links), key=lambda pair: (pair[1][1] not in _PREFERRED, pair[0])
    )
    found: list[str] = []
    for _, (href, _kind) in ranked:
        absolute = urljoin(base, href)
        if urlsplit(absolute).scheme in ("http", "https") and absolute not in found:
            found.append(absolute)
    return found
