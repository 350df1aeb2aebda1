"""Autodiscovery: every real home page in shared/fixtures/sites names its feed."""

from __future__ import annotations

import pytest

from support.testweb import FIXTURES
from tiffin.sources.discover import discover_feeds

EXPECTED = {
    "DaringFireball.html": "https://daringfireball.net/feeds/main",
    "YouTubeTheVolvoRocks.html": "https://www.youtube.com/feeds/videos.xml?channel_id=UCct7QF2jcWRY6dhXWMSq9LQ",
    "coco.html": "https://www.theatlantic.com/feed/all/",
    "furbo.html": "http://furbo.org/feed/",
    "inessential.html": "http://inessential.com/xml/rss.xml",
    "sixcolors.html": "http://feedpress.me/sixcolors",
}
PAGE_URLS = {
    "DaringFireball.html": "https://daringfireball.net/",
    "coco.html": "https://www.theatlantic.com/",
}


def test_every_site_fixture_is_covered() -> None:
    assert {p.name for p in (FIXTURES / "sites").iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_site_autodiscovers_its_feed(name: str) -> None:
    page = (FIXTURES / "sites" / name).read_text(encoding="utf-8", errors="replace")
    found = discover_feeds(page, PAGE_URLS.get(name, "http://example.test/"))
    assert found[0] == EXPECTED[name]


def test_base_href_and_non_http_links() -> None:
    page = (
        '<base href="http://cdn.test/sub/">'
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        '<link rel="alternate stylesheet" type="text/css" href="x.css">'
    )
    assert discover_feeds(page, "http://site.test/") == ["http://cdn.test/sub/feed.xml"]
