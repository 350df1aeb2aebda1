"""Feeds whose bytes are not in the encoding they declare (or the UTF-8 they default to) are
read in the one they are in, and say so; every other feed is read exactly as before."""

from __future__ import annotations

import pytest

from support.testweb import FIXTURES, fixture_headers
from tiffin.sources.encoding import redecoded
from tiffin.sources.feeds import parse_feed

TEXTS = {
    "big5": "台灣新聞 今日頭條 政治集會",
    "shift_jis": "日本のニュース 今日の見出し 集会",
    "windows-1255": "חדשות היום כותרות עצרת",
}


def _rss(title: str, declaration: str = "") -> str:
    return (
        f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>{title}</title>'
        f"<item><guid>1</guid><title>{title}</title><description>{title} {title}</description>"
        "</item></channel></rss>"
    )


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_a_feed_without_its_encoding_is_read_in_the_one_it_is_in(encoding: str) -> None:
    title = TEXTS[encoding]
    parsed = parse_feed(_rss(title).encode(encoding), "http://news.example/feed")
    assert parsed.title == title and parsed.items[0].title == title
    assert parsed.warning is not None and "it declares none" in parsed.warning


def test_a_feed_served_as_utf_8_that_is_not_is_read_in_its_own() -> None:
    title = TEXTS["shift_jis"]
    body = _rss(title).encode("shift_jis")
    headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    parsed = parse_feed(body, "http://news.example/feed", headers)
    assert parsed.items[0].title == title
    assert parsed.warning is not None and "it declares utf-8" in parsed.warning


@pytest.mark.parametrize(
    ("text", "encoding", "declaration"),
    [
        ("café crème", "iso-8859-1", ' encoding="iso-8859-1"'),
        ("جلسہ لاہور", "utf-8", ""),
        ("“quoted” — dash", "windows-1252", ' encoding="windows-1252"'),
    ],
)
def test_a_feed_in_the_encoding_it_declares_is_left_alone(
    text: str, encoding: str, declaration: str
) -> None:
    body = _rss(text, declaration).encode(encoding)
    assert redecoded(body, {}) is None
    assert parse_feed(body, "http://news.example/feed").items[0].title == text


def test_no_fixture_feed_needs_detection_but_the_broken_ones() -> None:
    detected = []
    for path in sorted((FIXTURES / "feeds").iterdir()):
        data = path.read_bytes()
        if redecoded(data, {k.lower(): v for k, v in fixture_headers(data).items()}):
            detected.append(path.name)
    assert len(detected) <= 3, detected
