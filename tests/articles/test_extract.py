"""Extraction over every real page of the fixtures, scored against their snippets and gold text."""

from __future__ import annotations

import statistics

import trafilatura

from support.pages import all_pages, snippet_hits, token_f1
from tiffin.articles.extract import extract_article, pick_from_srcset


def test_snippets_hold_at_least_as_often_as_with_plain_trafilatura() -> None:
    ours = plain = checked = 0
    for page in all_pages():
        if not (page.with_ or page.without):
            continue
        body = page.path.read_bytes()
        article = extract_article(body, page.url)
        held, total = snippet_hits(article.text if article else "", page)
        ours += held
        checked += total
        plain += snippet_hits(trafilatura.extract(body, url=page.url) or "", page)[0]
    assert checked > 400
    assert ours >= plain, (ours, plain, checked)
    assert ours / checked > 0.88


def test_gold_texts_score_a_high_token_f1() -> None:
    scores = []
    for page in all_pages():
        if page.gold is None:
            continue
        article = extract_article(page.path.read_bytes(), page.url)
        scores.append(token_f1(article.text if article else "", page.gold))
    assert len(scores) >= 40
    assert statistics.mean(scores) > 0.8, statistics.mean(scores)


def test_articles_keep_structure_and_absolute_picture_addresses() -> None:
    found_images = 0
    for page in all_pages():
        article = extract_article(page.path.read_bytes(), page.url)
        if article is None:
            continue
        assert "<script" not in article.html.lower()
        for url in article.image_urls:
            assert url.startswith(("http://", "https://")), (page.path.name, url)
        found_images += len(article.image_urls)
    assert found_images > 100


def test_right_to_left_pages_name_their_language() -> None:
    page = next(p for p in all_pages() if p.path.name == "np_arabic_article.html")
    article = extract_article(page.path.read_bytes(), page.url)
    assert article is not None and article.lang == "ar"


def test_srcset_picks_one_sensible_size() -> None:
    assert pick_from_srcset("s.jpg 320w, m.jpg 800w, l.jpg 1600w, xl.jpg 3200w") == "l.jpg"
    assert pick_from_srcset("s.jpg 320w, m.jpg 800w") == "m.jpg"
    assert pick_from_srcset("a.jpg, b.jpg 2x, c.jpg 3x") == "b.jpg"
    assert pick_from_srcset("  ") is None


def test_hostile_pages_give_safe_results_or_none() -> None:
    deep = b"<html><body>" + b"<div>" * 10_000 + b"<p>deep text</p>" + b"</div>" * 10_000
    for body in (
        deep,
        b"<html><head><script>document.write('x')</script></head><body></body></html>",
        b"\x00\x01\x02 binary garbage \xff\xfe",
        b'<meta charset="utf-7"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>',
        b"",
    ):
        article = extract_article(body, "https://hostile.test/a")
        if article is not None:
            assert "<script" not in article.html.lower()
