"""`tiffin articles`, `show` and `search` as a real process against the test web."""

from __future__ import annotations

import json
from pathlib import Path

from cli.test_cli import tiffin
from support.collapsed import HIDDEN_LINE, mislabelled_page
from support.pages import PAGES
from support.testweb import TestWeb

HIT_FIELDS = {"id", "title", "source", "url", "published", "snippet"}


def _feed(web: TestWeb) -> str:
    page = web.add(
        "/2019/banks.html",
        (PAGES / "np_cnn_article.html").read_bytes(),
        "text/html",
    )
    stub = web.add("/stub.html", "<html><body><script>app()</script></body></html>", "text/html")
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
        f"<item><title>Banks</title><link>{page}</link><description>Short.</description></item>"
        f"<item><title>Stub</title><link>{stub}</link>"
        "<description>The feed has the whole text of this one.</description></item>"
        "</channel></rss>"
    )
    return web.add("/news.xml", rss, "application/rss+xml")


def test_articles_fetch_show_and_search(web: TestWeb, tmp_path: Path) -> None:
    web.generated_images = True
    assert tiffin(tmp_path, "add", _feed(web)).returncode == 0
    packed = tiffin(tmp_path, "articles", "fetch")
    assert packed.returncode == 0, packed.stderr
    assert "1 full articles, 1 kept the feed's text, 0 failed" in packed.stdout
    assert "no article text found" in packed.stderr

    items = {i["title"]: i["id"] for i in json.loads(tiffin(tmp_path, "items", "--json").stdout)}
    text = " ".join(tiffin(tmp_path, "show", str(items["Banks"]), "--text").stdout.split())
    assert '"We dodged a bullet," said Steve Cowan' in text
    stored = tiffin(tmp_path, "show", str(items["Banks"]), "--html").stdout
    assert "<script" not in stored and 'src="http' not in stored
    stub = tiffin(tmp_path, "show", str(items["Stub"])).stdout
    assert "The feed has the whole text" in stub and "[the feed's text:" in stub

    hits = json.loads(tiffin(tmp_path, "search", "Cowan", "--json").stdout)
    assert [h["id"] for h in hits] == [items["Banks"]]
    assert hits[0].keys() >= HIT_FIELDS and "[Cowan]" in hits[0]["snippet"]
    assert tiffin(tmp_path, "search", "nothingmatchesthis").returncode == 0

    web.reset()
    again = tiffin(tmp_path, "articles", "reextract")
    assert again.returncode == 0 and "1 full articles" in again.stdout
    assert web.log == []


def test_articles_set_and_unknown_item(web: TestWeb, tmp_path: Path) -> None:
    assert tiffin(tmp_path, "add", _feed(web)).returncode == 0
    assert tiffin(tmp_path, "articles", "set", "1", "summary").returncode == 0
    assert "0 items packed" in tiffin(tmp_path, "articles", "fetch").stdout
    missing = tiffin(tmp_path, "show", "999")
    assert missing.returncode == 1 and "no item with id 999" in missing.stderr


def test_show_says_an_article_looks_short_and_prints_the_whole_page(
    web: TestWeb, tmp_path: Path
) -> None:
    web.generated_images = True
    cut = web.add("/rally.html", mislabelled_page(), "text/html")
    whole = web.add("/banks.html", (PAGES / "np_cnn_article.html").read_bytes(), "text/html")
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
        f"<item><title>Rally</title><link>{cut}</link><description>Short.</description></item>"
        f"<item><title>Banks</title><link>{whole}</link><description>Short.</description></item>"
        "</channel></rss>"
    )
    assert tiffin(tmp_path, "add", web.add("/news.xml", rss, "application/rss+xml")).returncode == 0
    assert tiffin(tmp_path, "articles", "fetch").returncode == 0
    items = {i["title"]: i["id"] for i in json.loads(tiffin(tmp_path, "items", "--json").stdout)}

    shown = tiffin(tmp_path, "show", str(items["Rally"])).stdout
    assert "[this article may be cut short" in shown and HIDDEN_LINE not in shown
    assert f"tiffin show {items['Rally']} --page" in shown
    page = tiffin(tmp_path, "show", str(items["Rally"]), "--page")
    assert page.returncode == 0 and HIDDEN_LINE in page.stdout
    assert "[the whole page" in page.stdout and "cut short" not in page.stdout
    page_html = tiffin(tmp_path, "show", str(items["Rally"]), "--page", "--html").stdout
    assert "<script" not in page_html and "style=" not in page_html

    banks = tiffin(tmp_path, "show", str(items["Banks"])).stdout
    assert "cut short" not in banks
    assert f"tiffin show {items['Banks']} --other" in banks
    other = tiffin(tmp_path, "show", str(items["Banks"]), "--other")
    assert other.returncode == 0 and "Steve Cowan" in other.stdout
    assert "[the other reading of the page" in other.stdout

    web.reset()
    again = tiffin(tmp_path, "articles", "reextract")
    assert again.returncode == 0 and web.log == []
    assert "cut short" in tiffin(tmp_path, "show", str(items["Rally"])).stdout


def test_show_other_where_none_is_kept_says_so(web: TestWeb, tmp_path: Path) -> None:
    assert tiffin(tmp_path, "add", _feed(web)).returncode == 0
    assert tiffin(tmp_path, "articles", "fetch").returncode == 0
    items = {i["title"]: i["id"] for i in json.loads(tiffin(tmp_path, "items", "--json").stdout)}
    done = tiffin(tmp_path, "show", str(items["Stub"]), "--other")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"no other version kept for item {items['Stub']}" in done.stderr
