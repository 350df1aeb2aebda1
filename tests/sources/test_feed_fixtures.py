"""Every real feed in shared/fixtures parses; malformed ones give a clear error or are read as
feedparser reads them; JSON Feed details survive."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import feedparser.api
import feedparser.mixin
import feedparser.urls
import pytest
from feedparser.util import FeedParserDict

from support.testweb import FIXTURES, fixture_headers
from tiffin.errors import FeedInvalid
from tiffin.sources import feedparser_speedups, feeds
from tiffin.sources.feeds import parse_feed
from tiffin.sources.jsonfeed import parse_json_feed

FEEDS = sorted((FIXTURES / "feeds").iterdir())
MALFORMED = sorted((FIXTURES / "feeds-malformed").iterdir())


def _expected_count(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix == ".json":
        doc = json.loads(data.decode("utf-8-sig"))
        if "rss" in doc:
            return len(doc["rss"]["channel"]["item"])
        return len(doc["items"])
    headers = {k.lower(): v for k, v in fixture_headers(data).items()}
    return len(feedparser.parse(data, response_headers=headers).entries)


@pytest.mark.parametrize("path", FEEDS, ids=lambda p: p.name)
def test_every_fixture_feed_parses_with_all_its_items(path: Path) -> None:
    data = path.read_bytes()
    parsed = parse_feed(data, "http://example.test/feed", fixture_headers(data))
    assert len(parsed.items) == _expected_count(path)
    for item in parsed.items:
        assert "<script" not in item.content_html.lower()
        assert "<script" not in item.summary_html.lower()


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.name)
def test_malformed_feed_is_refused_clearly_or_read_like_feedparser(path: Path) -> None:
    data = path.read_bytes()
    try:
        parsed = parse_feed(data, "http://example.test/bad", fixture_headers(data))
    except FeedInvalid as exc:
        assert "http://example.test/bad" in str(exc)
        assert len(str(exc)) > 30
        return
    if path.suffix != ".json":
        assert len(parsed.items) == len(feedparser.parse(data).entries)


def test_json_feed_fields() -> None:
    data = (FIXTURES / "feeds" / "authors.json").read_bytes()
    parsed = parse_json_feed(data, "http://example.test/authors.json")
    assert parsed.format == "json11"
    assert all(item.guid for item in parsed.items)
    assert any(item.author for item in parsed.items)


def test_podcast_enclosures_have_type_and_length() -> None:
    data = (FIXTURES / "feeds" / "podcastindex_example.xml").read_bytes()
    parsed = parse_feed(data, "http://example.test/podcast")
    enclosures = [e for item in parsed.items for e in item.enclosures]
    assert enclosures
    assert all(e.type.startswith("audio/") and e.length for e in enclosures)


def test_relative_links_resolve_against_content_location() -> None:
    data = (FIXTURES / "feeds" / "fp_base_http_entry_link_base_content_location.xml").read_bytes()
    parsed = parse_feed(data, "http://served.test/x", fixture_headers(data))
    assert parsed.items[0].url == "http://example.com/relative/link"


def test_a_web_page_is_not_taken_for_a_feed() -> None:
    page = (FIXTURES / "sites" / "DaringFireball.html").read_bytes()
    with pytest.raises(FeedInvalid, match="web page"):
        parse_feed(page, "http://example.test/")


def test_hostile_markup_is_neutralised() -> None:
    for path in sorted((FIXTURES / "feeds-hostile").iterdir()):
        parsed = parse_feed(path.read_bytes(), "http://example.test/h")
        for item in parsed.items:
            for fragment in (item.content_html, item.summary_html):
                lowered = fragment.lower()
                assert "<script" not in lowered and "javascript:" not in lowered, path.name
                assert " on" not in lowered.split(">")[0] or "=" not in lowered, path.name
                assert "<iframe" not in lowered and "<object" not in lowered, path.name
            assert "<" not in item.title, path.name


def test_feedparser_speedups_change_nothing_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fixture (feeds, malformed, hostile) parses the same with feedparser as it comes."""
    assert feedparser.api.PREFERRED_XML_PARSERS[0] == "tiffin.sources.feedparser_speedups"
    assert feedparser.mixin.make_safe_absolute_uri is not feedparser.urls.make_safe_absolute_uri
    every = FEEDS + MALFORMED + sorted((FIXTURES / "feeds-hostile").iterdir())
    xml = [p for p in every if p.suffix != ".json"]

    def parse_all() -> list[object]:
        results: list[object] = []
        for path in xml:
            data = path.read_bytes()
            try:
                url = f"http://example.test/{path.name}"
                results.append(feeds._parse_with_feedparser(data, url, {"content-location": url}))
            except FeedInvalid as exc:
                results.append(str(exc))
        return results

    def raw_all() -> list[object]:
        # feedparser's whole answer, but the exception object (equal only to itself)
        answers: list[object] = []
        for path in xml:
            answer = feedparser.parse(path.read_bytes(), sanitize_html=False)
            answer.pop("bozo_exception", None)
            answers.append(answer)
        return answers

    sped_up, sped_up_raw = parse_all(), raw_all()
    assert feedparser_speedups.REPLACED and "__deepcopy__" in vars(FeedParserDict)
    assert isinstance(feedparser.mixin._cp1252, str) and feedparser_speedups.ORIGINAL_CP1252
    monkeypatch.setattr(feedparser.api, "PREFERRED_XML_PARSERS", ["drv_libxml2"])
    monkeypatch.setattr(feedparser.mixin, "_cp1252", feedparser_speedups.ORIGINAL_CP1252)
    monkeypatch.setattr(
        feedparser.mixin, "make_safe_absolute_uri", feedparser.urls.make_safe_absolute_uri
    )
    for name, function in feedparser_speedups.REPLACED.items():
        monkeypatch.setattr(FeedParserDict, name, function)
    monkeypatch.delattr(FeedParserDict, "__deepcopy__")
    assert parse_all() == sped_up
    assert raw_all() == sped_up_raw


def test_the_windows_1252_table_maps_every_character_as_feedparser_does() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    table = feedparser.mixin._cp1252
    assert isinstance(table, str)
    assert every.translate(table) == every.translate(feedparser_speedups.ORIGINAL_CP1252)
