"""OPML: valid files round-trip folders and titles; broken ones get a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.testweb import FIXTURES
from tiffin.errors import OpmlInvalid
from tiffin.sources.opml import OpmlEntry, parse_opml, read_opml, render_opml, write_opml

BROKEN = {
    "pyopml_no_body.opml": "no <body>",
    "pyopml_no_version.opml": "no OPML version",
    "pyopml_not_an_opml_document.xml": "not OPML",
    "pyopml_rss_outline_missing_xml_url.opml": "has no xmlUrl",
}
VALID = sorted(p for p in (FIXTURES / "opml").iterdir() if p.name not in BROKEN)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_opml_round_trips(path: Path, tmp_path: Path) -> None:
    entries = read_opml(path)
    out = tmp_path / "out.opml"
    write_opml(out, entries)
    assert read_opml(out) == entries


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_opml_gets_a_clear_error(name: str) -> None:
    with pytest.raises(OpmlInvalid, match=BROKEN[name]):
        read_opml(FIXTURES / "opml" / name)


def test_folders_come_from_nesting() -> None:
    entries = read_opml(FIXTURES / "opml" / "opmlgo_feedly.opml")
    assert entries and all(e.folder for e in entries)
    assert {e.folder for e in entries} >= {"Programming"}
    flat = read_opml(FIXTURES / "opml" / "Subs.opml")
    assert len(flat) > 5 and any(e.folder == "" for e in flat)


def test_nested_folders_and_odd_titles_survive() -> None:
    entries = [
        OpmlEntry("http://a.test/f", "Ünïcode & <angle>", "http://a.test/", "News/Local"),
        OpmlEntry("http://b.test/f", "خبریں", "", "News"),
        OpmlEntry("http://c.test/f", "", "", ""),
    ]
    assert parse_opml(render_opml(entries)) == entries


def test_entity_expansion_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa">]><opml version="2.0"><body/></opml>'
    )
    with pytest.raises(OpmlInvalid, match="entities"):
        parse_opml(bomb)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OpmlInvalid, match="cannot read"):
        read_opml(tmp_path / "missing.opml")
