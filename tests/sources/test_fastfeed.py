"""The fast reader finds what feedparser finds, on every fixture and on generated documents
that mix the elements, orders, namespaces and text quirks feedparser treats specially."""

from __future__ import annotations

import random
import subprocess
import sys
from xml.sax.saxutils import escape, quoteattr

import pytest

from support.testweb import FIXTURES, fixture_headers
from tiffin.errors import FeedInvalid
from tiffin.sources import feeds
from tiffin.sources.fastfeed import _KINDS, FEEDPARSER_HANDLERS, read_fast

XML_FIXTURES = [
    path
    for folder in ("feeds", "feeds-malformed", "feeds-hostile")
    for path in sorted((FIXTURES / folder).iterdir())
    if path.suffix != ".json"
]


def _both(body: bytes, url: str, headers: dict[str, str]) -> tuple[object, object]:
    """(fast reader's answer, feedparser's) as Tiffin stores them, or None when declined."""
    passed = {"content-location": url, **{k.lower(): v for k, v in headers.items()}}
    if read_fast(body, url, passed) is None:
        return None, None

    def answer(parse: object) -> object:
        try:
            return parse()  # type: ignore[operator]
        except FeedInvalid as exc:
            return str(exc)

    fast = answer(lambda: feeds._read_xml(body, url, passed))
    slow = answer(lambda: feeds._parse_with_feedparser(body, url, passed))
    return fast, slow


def test_the_kinds_table_names_only_feedparser_handlers() -> None:
    assert set(_KINDS) <= FEEDPARSER_HANDLERS


def test_fast_reader_agrees_with_feedparser_on_every_fixture() -> None:
    accepted = 0
    for path in XML_FIXTURES:
        body = path.read_bytes()
        for headers in (fixture_headers(body), {"Content-Type": "application/rss+xml"}):
            fast, slow = _both(body, f"http://example.test/{path.parent.name}/{path.name}", headers)
            assert fast == slow, path.name
            accepted += fast is not None
    # Most real feeds take the fast path; the rest (XHTML content, Atom 0.3, RSS 1.0,
    # DOCTYPEs, broken XML) go to feedparser.
    real = [p for p in XML_FIXTURES if p.parent.name == "feeds" and not p.name.startswith("fp_")]
    assert sum(
        read_fast(p.read_bytes(), "http://e.test/", {}) is not None for p in real
    ) >= 0.8 * len(real)
    assert accepted > 200


# Generated documents --------------------------------------------------------------------

_TEXTS = [
    "", "  ", "Plain words", "Caf\u00c3\u00a9 d\u00c3\u00a9j\u00c3\u00a0",
    "\u201csmart\u201d \u0093quotes\u0094",
    "<b>bold</b> &amp; more", "a &lt;b&gt; c", "Tom &amp; Jerry", "Urdu \u0627\u0631\u062f\u0648",
    "<p>Para</p><p>two</p>", "x < y", "&copy; 2024", "<![CDATA[<i>cdata</i> & raw]]>",
    "line\nbreak", "joe@example.com (Joe Bloggs)", "Jane <jane@example.org>",
    "Mon, 02 Jan 2006 15:04:05 GMT",
    "2024-05-06T07:08:09Z", "not a date", "/relative/path?a=1&amp;b=2", "http://example.com/abs",
    "tag:example.com,2024:1", "https://example.com/x&amp;amp;y",
]  # fmt: skip
_TYPES = [None, "text", "html", "text/html", "text/plain", "TEXT/HTML", "xhtml", "image/png"]


def _text(rng: random.Random) -> str:
    value = rng.choice(_TEXTS)
    return value if value.startswith("<![CDATA[") else escape(value)


def _attrs(rng: random.Random, **options: list[str | None]) -> str:
    out = []
    for name, values in options.items():
        value = rng.choice(values)
        if value is not None:
            out.append(f" {name.replace('_', ':')}={quoteattr(value)}")
    return "".join(out)


def _element(rng: random.Random, depth: int, atom: bool) -> str:
    """One child of an item or entry (or of the channel), chosen among the elements whose
    feedparser handlers matter, their neighbours, and unknown ones."""
    t = _text

    def children(most: int) -> str:
        return "".join(_element(rng, depth + 1, atom) for _ in range(rng.randint(0, most)))

    choices = [
        lambda: f"<title{_attrs(rng, type=_TYPES)}>{t(rng)}</title>",
        lambda: f"<dc:title>{t(rng)}</dc:title>",
        lambda: f"<media:title>{t(rng)}</media:title>",
        lambda: f"<link>{t(rng)}</link>",
        lambda: "<atom:link"
        + _attrs(rng, rel=[None, "alternate", "self", "enclosure", "related", "ALTERNATE"],
                 href=[None, "/a?x=1&amp;y=2", "http://example.com/e.mp3", ""],
                 type=[None, "text/html", "audio/mpeg", "application/xhtml+xml"],
                 length=[None, "123", "x"])
        + (f">{t(rng)}</atom:link>" if rng.random() < 0.3 else "/>"),
        lambda: f"<guid{_attrs(rng, isPermaLink=[None, 'true', 'false', 'True'])}>{t(rng)}</guid>",
        lambda: f"<id>{t(rng)}</id>",
        lambda: f"<description{_attrs(rng, type=_TYPES[:5])}>{t(rng)}</description>",
        lambda: f"<content:encoded>{t(rng)}</content:encoded>",
        lambda: f"<itunes:summary>{t(rng)}</itunes:summary>",
        lambda: f"<media:description>{t(rng)}</media:description>",
        lambda: f"<summary{_attrs(rng, type=_TYPES[:5])}>{t(rng)}</summary>",
        lambda: f"<content{_attrs(rng, type=_TYPES, src=[None, '/s'])}>{t(rng)}</content>",
        lambda: f"<author>{t(rng)}</author>",
        lambda: f"<dc:creator>{t(rng)}</dc:creator>",
        lambda: f"<itunes:author>{t(rng)}</itunes:author>",
        lambda: "<author>"
        + "".join(rng.choice([f"<name>{t(rng)}</name>", f"<email>{t(rng)}</email>",
                              f"<uri>{t(rng)}</uri>", '<gd:image src="x"/>',
                              f"<x:role>{t(rng)}</x:role>",
                              f'<x:withattr a="1">{t(rng)}</x:withattr>'])
                  for _ in range(rng.randint(0, 3)))
        + "</author>",
        lambda: f"<contributor><name>{t(rng)}</name></contributor>",
        lambda: f"<pubDate>{t(rng)}</pubDate>",
        lambda: f"<published>{t(rng)}</published>",
        lambda: f"<updated>{t(rng)}</updated>",
        lambda: f"<dc:date>{t(rng)}</dc:date>",
        lambda: f"<dcterms:created>{t(rng)}</dcterms:created>",
        lambda: "<enclosure"
        + _attrs(rng, url=[None, "http://example.com/a.mp3", "", "rel/b.ogg"],
                 href=[None, "/h.mp3"],
                 type=[None, "audio/mpeg", "AUDIO/MP3"], length=[None, "1024", "", "-5", "abc"])
        + "/>",
        lambda: f'<source url="http://example.com/s">{t(rng)}</source>',
        lambda: f"<image><url>{t(rng)}</url><title>{t(rng)}</title>"
        + rng.choice(["", "<link>http://example.com/i</link>", "<foo>bar</foo>", "<width>5</width>",
                      '<atom:link rel="enclosure" href="http://example.com/i.mp3"/>'])
        + f"<title>{t(rng)}</title></image>",
        lambda: '<itunes:image href="http://example.com/i.jpg"/>',
        lambda: f"<category{_attrs(rng, domain=[None, 'd'])}>{t(rng)}</category>",
        lambda: f"<comments>{t(rng)}</comments>",
        lambda: f"<media:group>{children(3)}</media:group>",
        lambda: f'<media:content url="http://example.com/v.mp4">{children(2)}</media:content>',
        lambda: f"<x:unknown>{t(rng)}</x:unknown>",
        lambda: f'<x:withattr a="1">{t(rng)}</x:withattr>',
        lambda: f"<x:wrapper>{children(2)}</x:wrapper>",
        lambda: f"<itunes:subtitle>{t(rng)}</itunes:subtitle>",
        lambda: f"<itunes:explicit>{rng.choice(['yes', 'clean', 'no'])}</itunes:explicit>",
        lambda: f"<wfw:commentRss>{t(rng)}</wfw:commentRss>",
        lambda: f'<item:title xmlns:item="http://purl.org/dc/elements/1.1/">{t(rng)}</item:title>',
    ]  # fmt: skip
    if depth > 3:
        choices = choices[:30]
    text = rng.choice(choices)()
    if rng.random() < 0.05:
        base = rng.choice(
            ['xml:base="http://other.example/dir/"', 'xml:base="sub/"', 'xml:lang="ur"']
        )
        text = text.replace(">", f" {base}>", 1) if not text.startswith("<![") else text
    return text


_NAMESPACES = (
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    ' xmlns:dcterms="http://purl.org/dc/terms/" xmlns:x="urn:example:unknown"'
    ' xmlns:gd="http://schemas.google.com/g/2005" xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
)


def _document(rng: random.Random) -> bytes:
    atom = rng.random() < 0.35
    ns = _NAMESPACES
    if rng.random() < 0.2:
        ns = ns.replace(
            'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:dc="http://purl.org/dc/terms/"'
        )
    head = "".join(_element(rng, 1, atom) for _ in range(rng.randint(0, 5)))
    entries = []
    for _ in range(rng.randint(0, 4)):
        children = "".join(_element(rng, 2, atom) for _ in range(rng.randint(0, 9)))
        entries.append(f"<entry>{children}</entry>" if atom else f"<item>{children}</item>")
    tail = "".join(_element(rng, 1, atom) for _ in range(rng.randint(0, 2)))
    if atom:
        doc = (
            f'<feed xmlns="http://www.w3.org/2005/Atom" xmlns:atom="http://www.w3.org/2005/Atom"{ns}>'
            f"{head}{''.join(entries)}{tail}</feed>"
        )
    else:
        version = rng.choice(["2.0", "2.0", "0.92", ""])
        doc = (
            f'<rss version="{version}" xmlns:atom="http://www.w3.org/2005/Atom"{ns}><channel>'
            f"{head}{''.join(entries)}{tail}</channel></rss>"
        )
    declaration = rng.choice(['<?xml version="1.0" encoding="utf-8"?>\n', "", "<!-- c -->"])
    return (declaration + doc).encode("utf-8")


@pytest.mark.parametrize("seed", range(8))
def test_fast_reader_agrees_with_feedparser_on_generated_documents(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    for number in range(400):
        body = _document(rng)
        headers = rng.choice(
            [{}, {"Content-Type": "application/xml"}, {"Content-Type": "text/xml"}]
        )
        fast, slow = _both(body, "http://example.test/feeds/one.xml", headers)
        assert fast == slow, (seed, number, body.decode())
        accepted += fast is not None
    assert accepted > 200  # the fast path is exercised, not declined


@pytest.mark.parametrize("renamed", ["datetimes._parse_date", "mixin._cp1252"])
def test_a_feedparser_that_renamed_a_private_name_still_reads_every_feed(renamed: str) -> None:
    """The fast reader follows feedparser's private names; a release without one must leave
    feedparser reading alone (a name missing at import) or reading that document (one missing
    when used), not break all feed parsing."""
    module, name = renamed.split(".")
    feed = FIXTURES / "feeds" / "atp.rss"
    code = (
        "import importlib, logging\n"
        "logging.basicConfig(level=logging.WARNING)\n"
        f"delattr(importlib.import_module('feedparser.{module}'), '{name}')\n"
        "from tiffin.sources.feeds import parse_feed\n"
        f"parsed = parse_feed(open({str(feed)!r}, 'rb').read(), 'x')\n"
        "print(len(parsed.items))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "100"
    assert "Traceback" not in done.stderr
