"""Property tests (Hypothesis) over every reader of untrusted bytes: random and mutated inputs
give a result or Tiffin's own error, never another exception."""

from __future__ import annotations

import contextlib
import json
import random
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.testweb import FIXTURES
from tiffin.config import Paths
from tiffin.errors import TiffinError
from tiffin.markup import sanitize_article, sanitize_html
from tiffin.share import keys
from tiffin.share.layout import FORMAT, MANIFEST, SIGNATURE
from tiffin.share.verify import verify_bundle
from tiffin.sources.feeds import parse_feed
from tiffin.sources.opml import parse_opml

FEEDS = sorted(
    p for d in ("feeds", "feeds-malformed", "feeds-hostile") for p in (FIXTURES / d).iterdir()
)
OPMLS = sorted((FIXTURES / "opml").iterdir())
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def _mutated(data: bytes, seed: int, edits: int) -> bytes:
    """`data` with `edits` random cuts, duplications, byte flips and inserted markup."""
    rng = random.Random(seed)
    out = bytearray(data)
    pieces = [b"<", b">", b"&", b"]]>", b"<!--", b"\x00", b"\xff\xfe", b"</item>", b'"', b"&#0;"]
    for _ in range(edits):
        if not out:
            out += rng.choice(pieces)
            continue
        at = rng.randrange(len(out))
        action = rng.randrange(4)
        if action == 0:
            del out[at : at + rng.randrange(1, 64)]
        elif action == 1:
            out[at:at] = out[at : at + rng.randrange(1, 64)]
        elif action == 2:
            out[at] = rng.randrange(256)
        else:
            out[at:at] = rng.choice(pieces)
    return bytes(out)


def _tiffin_or_result(call: Any, *args: Any) -> None:
    with contextlib.suppress(TiffinError):
        call(*args)


@QUICK
@given(index=st.integers(0, len(FEEDS) - 1), seed=st.integers(0, 2**32), edits=st.integers(1, 12))
def test_mutated_feeds_are_read_or_refused(index: int, seed: int, edits: int) -> None:
    body = _mutated(FEEDS[index].read_bytes()[:200_000], seed, edits)
    _tiffin_or_result(parse_feed, body, "http://news.example/feed", {})


@QUICK
@given(st.binary(max_size=2000))
def test_random_bytes_are_no_feed_but_no_crash(body: bytes) -> None:
    _tiffin_or_result(parse_feed, body, "http://news.example/feed", {})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=15), inner, max_size=6)
    ),
    max_leaves=40,
)
feed_keys = st.sampled_from(
    ["version", "title", "items", "id", "url", "content_html", "content_text", "date_published",
     "authors", "attachments", "summary", "image", "home_page_url", "rss", "channel", "item"]
)  # fmt: skip


@QUICK
@given(st.dictionaries(feed_keys, json_values, max_size=8), st.booleans())
def test_json_feeds_of_any_shape_are_read_or_refused(doc: dict[str, Any], versioned: bool) -> None:
    if versioned:
        doc["version"] = "https://jsonfeed.org/version/1.1"
    _tiffin_or_result(parse_feed, json.dumps(doc).encode(), "http://news.example/feed.json", {})


@QUICK
@given(index=st.integers(0, len(OPMLS) - 1), seed=st.integers(0, 2**32), edits=st.integers(1, 12))
def test_mutated_opml_is_read_or_refused(index: int, seed: int, edits: int) -> None:
    _tiffin_or_result(parse_opml, _mutated(OPMLS[index].read_bytes(), seed, edits))


html_pieces = st.sampled_from(
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=//e>",
     "<a href='javascript:alert(1)'>x</a>", "<svg><script>x</script></svg>", "<p>", "</p>",
     "<style>*{}</style>", "&amp;", "&#0;", "<!--", "-->", "<math><mi>", "\x00", "<b", "é",
     "<img src='http://track.example/p.gif'>", "<a href=http://ok.example>ok</a>"]
)  # fmt: skip


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the markup."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _dangers(markup: str) -> list[str]:
    parser = _Elements()
    parser.feed(markup)
    bad = []
    for tag, attrs in parser.found:
        if tag in ("script", "iframe", "style", "object", "embed", "svg", "math"):
            bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                bad.append(f"{tag} {name}={value}")
    return bad


@QUICK
@given(st.lists(html_pieces | st.text(max_size=20), max_size=30))
def test_the_sanitiser_never_lets_script_through(parts: list[str]) -> None:
    fragment = "".join(parts)
    assert _dangers(sanitize_html(fragment)) == []
    article = sanitize_article(fragment, {})
    assert _dangers(article) == []
    assert all(tag != "img" for tag, _ in _elements_of(article))


def _elements_of(markup: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.found


bundle_paths = st.sampled_from(
    ["library.jsonl", "../x", "/etc/passwd", "a/../../b", "media/v.mp4", "", "CON", "a\x00b"]
)
manifest_values = st.fixed_dictionaries(
    {"format": st.sampled_from([FORMAT, FORMAT, 2, "1", None])},
    optional={
        "created": json_values,
        "files": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "path": bundle_paths | st.text(max_size=20),
                    "size": st.integers(-5, 2**70) | json_values,
                    "sha256": st.sampled_from(["0" * 64, "g" * 64, ""]) | json_values,
                },
            )
            | json_values,
            max_size=6,
        )
        | json_values,
        "items": json_values,
    },
)  # fmt: skip


@QUICK
@given(manifest_values)
def test_signed_manifests_of_any_shape_are_verified_or_refused(manifest: dict[str, Any]) -> None:
    """Signed by a real key, so the reader behind the signature check is what is exercised."""
    with tempfile.TemporaryDirectory() as where:
        home = Paths.under(Path(where) / "home").ensure()
        packer = keys.own_packer(home, "tester")
        manifest["packer"] = {"name": packer.name, "key": packer.key}
        data = json.dumps(manifest).encode()
        bundle = Path(where) / "bundle"
        bundle.mkdir()
        (bundle / MANIFEST).write_bytes(data)
        (bundle / SIGNATURE).write_text(keys.sign(home, data), encoding="ascii")
        (bundle / "library.jsonl").write_bytes(b"{}\n")
        _tiffin_or_result(verify_bundle, bundle, home)
