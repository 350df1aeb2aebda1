"""Dates as feeds write them: JSON Feed without an offset, and year-first numeric forms that
feedparser misreads."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tiffin.sources.feeds import numeric_date, parse_feed


def _utc(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()


def test_json_feed_dates_without_an_offset_are_utc() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "t",
            "items": [
                {"id": "1", "content_text": "a", "date_published": "2020-01-10T14:33:00"},
                {"id": "2", "content_text": "b", "date_published": "2020-01-10T14:33:00+05:00"},
            ],
        }
    ).encode()
    first, second = parse_feed(body, "http://x.example/feed.json").items
    assert first.published == _utc(2020, 1, 10, 14, 33)
    assert second.published == _utc(2020, 1, 10, 9, 33)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2020/1/10 14:33", _utc(2020, 1, 10, 14, 33)),
        ("2020/01/10", _utc(2020, 1, 10)),
        ("2020.01.10 14:33:05", _utc(2020, 1, 10, 14, 33, 5)),
        ("2020/1/10 14:33 +0500", _utc(2020, 1, 10, 9, 33)),
        ("2020/1/10 14:33 GMT", _utc(2020, 1, 10, 14, 33)),
    ],
)
def test_year_first_numeric_dates_are_read_in_rss(written: str, meant: float) -> None:
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><guid>1</guid><title>a</title><pubDate>{written}</pubDate></item>"
        "</channel></rss>"
    ).encode()
    (item,) = parse_feed(rss, "http://x.example/feed").items
    assert item.published == meant


@pytest.mark.parametrize("text", ["2020/13/10", "2020/2/30", "10/01/2020", "Fri, 10 Jan 2020"])
def test_what_is_not_a_numeric_date_is_left_to_feedparser(text: str) -> None:
    assert numeric_date(text) is None


def test_rfc_822_dates_are_unchanged() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><guid>1</guid><title>a</title><pubDate>Fri, 10 Jan 2020 14:33:00 +0100"
        b"</pubDate></item></channel></rss>"
    )
    (item,) = parse_feed(rss, "http://x.example/feed").items
    assert item.published == _utc(2020, 1, 10, 13, 33)
