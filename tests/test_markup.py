"""Sanitising and text extraction over the real fixtures and generated hostile fragments."""

from __future__ import annotations

import random
from collections.abc import Iterator

import feedparser
import pytest

from support.testweb import FIXTURES
from tiffin.markup import plain_text, sanitize_html, sanitized_text

# Pieces that stress an HTML parser: raw-text and foreign elements, comments, entities,
# quotes inside attributes, NUL and other characters the parser drops or rewrites.
_PIECES = [
    "<", ">", "&", '"', "'", "=", "/", " ", "\n", "\r", "\0", "\x0c", "\u00a0", "\u2028", "a",
    "p", "b", "br", "img", "script", "style", "title", "textarea", "noscript", "iframe", "svg",
    "math", "table", "td", "select", "option", "plaintext", "xmp", "!--", "--", "CDATA[", "]]",
    "?", "src", "href", "alt", "&amp;", "&lt;", "&#x3c;", "&nbsp", "&quot;", "x",
]  # fmt: skip


def _fixture_fragments() -> Iterator[str]:
    for folder in ("feeds", "feeds-hostile", "feeds-malformed"):
        for path in sorted((FIXTURES / folder).iterdir()):
            parsed = feedparser.parse(path.read_bytes(), sanitize_html=False)
            for entry in parsed.entries:
                yield from (str(entry.get(key) or "") for key in ("title", "summary"))
                yield from (str(part.get("value") or "") for part in entry.get("content", []))
    for folder in ("pages", "sites"):
        for path in sorted((FIXTURES / folder).rglob("*.htm*")):
            yield path.read_text(encoding="utf-8", errors="replace")


def _generated_fragments(count: int) -> Iterator[str]:
    rng = random.Random(20261202)
    for _ in range(count):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))


@pytest.mark.parametrize("source", ["fixtures", "generated"])
def test_text_of_sanitised_html_is_its_plain_text(source: str) -> None:
    """The fast text (no second parse) is what a parse of the sanitised HTML gives; and that
    is the original's text but for the labels of the pictures made links."""
    fragments = _fixture_fragments() if source == "fixtures" else _generated_fragments(20_000)
    checked = 0
    for fragment in fragments:
        cleaned = sanitize_html(fragment)
        assert sanitized_text(cleaned) == plain_text(cleaned), fragment[:300]
        if "<img" not in fragment.lower():
            assert plain_text(cleaned) == plain_text(fragment), fragment[:300]
        checked += 1
    assert checked > 1000


def test_pictures_in_item_html_become_plain_links() -> None:
    fragment = (
        '<p>Rally<img src="http://track.example/p.gif?u=1&amp;v=2" alt="the square">'
        '<img src="/relative.png"><img src="data:image/png;base64,AAAA" alt="inline"></p>'
    )
    cleaned = sanitize_html(fragment)
    assert "<img" not in cleaned
    assert (
        '<a href="http://track.example/p.gif?u=1&amp;v=2" rel="noopener noreferrer nofollow">'
        "[picture: the square]</a>" in cleaned
    )
    assert sanitized_text(cleaned) == "Rally[picture: the square][picture: inline]"


def test_text_keeps_quoted_angle_brackets_out_and_entities_decoded() -> None:
    fragment = '<a title="x > y" href="/a">Tom &amp; Jerry</a> <script>evil()</script>&lt;3'
    assert sanitized_text(sanitize_html(fragment)) == "Tom & Jerry <3"
