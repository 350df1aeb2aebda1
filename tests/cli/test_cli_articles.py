"""`tiffin articles`, `show` and `search` as a real process against the test web."""

from __future__ import annotations

import json
from pathlib import Path

from cli.test_cli import tiffin
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
