"""The `tiffin` command line, run as a real process against the test web."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.testweb import FIXTURES, TestWeb

ITEM_FIELDS = {"id", "title", "url", "source", "published", "read"}
SOURCE_FIELDS = {"id", "url", "title", "folder", "last_error"}


def tiffin(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TIFFIN_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "tiffin", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_add_refresh_items_sources_json(web: TestWeb, tmp_path: Path) -> None:
    feed = web.add_fixture("feeds/podcastindex_example.xml")
    added = tiffin(tmp_path, "add", feed, "--folder", "Podcasts")
    assert added.returncode == 0, added.stderr
    assert "subscribed #1" in added.stdout

    sources = json.loads(tiffin(tmp_path, "sources", "--json").stdout)
    assert len(sources) == 1 and sources[0].keys() >= SOURCE_FIELDS
    assert sources[0]["folder"] == "Podcasts" and sources[0]["last_error"] is None

    items = json.loads(tiffin(tmp_path, "items", "--source", "1", "--json").stdout)
    assert len(items) == 3 and all(i.keys() >= ITEM_FIELDS for i in items)
    assert items[0]["source"] == 1 and items[0]["read"] is False
    assert items[0]["published"].endswith("Z")
    assert items[0]["enclosures"][0]["type"].startswith("audio/")

    refreshed = tiffin(tmp_path, "refresh")
    assert refreshed.returncode == 0 and "1 unchanged" in refreshed.stdout
    assert refreshed.stderr == ""  # no progress bar when not on a terminal


def test_data_dir_flag_wins_over_environment(web: TestWeb, tmp_path: Path) -> None:
    feed = web.add_fixture("feeds/manton.rss")
    other = tmp_path / "usb-stick"
    assert tiffin(tmp_path, "--data-dir", str(other), "add", feed).returncode == 0
    assert (other / "library.sqlite").exists()
    assert not (tmp_path / "library.sqlite").exists()


def test_refresh_with_a_broken_source_exits_3_and_names_it(web: TestWeb, tmp_path: Path) -> None:
    good = web.add_fixture("feeds/manton.rss")
    flaky = web.add_fixture("feeds/atp.rss", path="/flaky")
    assert tiffin(tmp_path, "add", good).returncode == 0
    assert tiffin(tmp_path, "add", flaky).returncode == 0
    web.add("/flaky", (FIXTURES / "feeds-malformed" / "gofeed_unknown_feed.xml").read_bytes())
    result = tiffin(tmp_path, "refresh")
    assert result.returncode == 3
    assert "/flaky" in result.stderr and "not a feed" in result.stderr
    sources = {s["url"]: s for s in json.loads(tiffin(tmp_path, "sources", "--json").stdout)}
    assert "not a feed" in sources[flaky]["last_error"]
    assert sources[flaky]["total"] == 100  # nothing lost


def test_errors_and_usage_exit_codes(web: TestWeb, tmp_path: Path) -> None:
    bad = web.add("/page", "<!doctype html><title>x</title>", "text/html")
    result = tiffin(tmp_path, "add", bad)
    assert result.returncode == 1 and "names no feed" in result.stderr
    assert tiffin(tmp_path, "items", "--source", "99").returncode == 1
    assert tiffin(tmp_path, "frobnicate").returncode == 2


@pytest.mark.parametrize("name", ["opmlgo_feedly.opml", "Subs.opml"])
def test_opml_import_export_round_trip(name: str, tmp_path: Path) -> None:
    imported = tiffin(tmp_path, "opml", "import", str(FIXTURES / "opml" / name))
    assert imported.returncode == 0, imported.stderr
    out = tmp_path / "export.opml"
    assert tiffin(tmp_path, "opml", "export", str(out)).returncode == 0
    other = tmp_path / "other"
    assert tiffin(other, "opml", "import", str(out)).returncode == 0
    first = json.loads(tiffin(tmp_path, "sources", "--json").stdout)
    second = json.loads(tiffin(other, "sources", "--json").stdout)
    key = [(s["url"], s["title"], s["folder"]) for s in first]
    assert key == [(s["url"], s["title"], s["folder"]) for s in second]
    assert len(key) > 3


def test_broken_opml_is_a_clear_error(tmp_path: Path) -> None:
    result = tiffin(tmp_path, "opml", "import", str(FIXTURES / "opml" / "pyopml_no_body.opml"))
    assert result.returncode == 1 and "no <body>" in result.stderr


def test_headless_commands_never_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from tiffin.cli.main import main; main(['sources']);"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'"
    )
    env = {**os.environ, "TIFFIN_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
