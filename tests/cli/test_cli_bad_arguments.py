"""Every subcommand given bad arguments: exit 1 or 2, one clear line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli.test_cli import tiffin

HUGE = "99999999999999999999"

BAD: list[tuple[str, ...]] = [
    ("show", HUGE),
    ("show", "-5"),
    ("show", "twelve"),
    ("show", "7"),
    ("remove", HUGE),
    ("remove", "7"),
    ("items", "--source", HUGE),
    ("refresh", "--source", HUGE),
    ("add", "http://[::1"),
    ("add", "javascript:alert(1)"),
    ("add", ""),
    ("add", "http://:80/feed"),
    ("add", "http://news.example:port/feed"),
    ("download", "file:///etc/passwd"),
    ("download", "javascript:alert(1)"),
    ("download", "http://[::1"),
    ("record", "file:///etc/passwd"),
    ("record", "javascript:alert(1)"),
    ("opml", "import", "/no/such/file.opml"),
    ("opml", "import", "{deep}"),
    ("opml", "import", "{folder}"),
    ("opml", "export", "/no/such/folder/out.opml"),
    ("search", "x", "--limit", "0"),
    ("settings", "no_such_setting", "5"),
    ("settings", "read_timeout", "soon"),
    ("event", "add", "Rally", "--at", "next Sunday-ish"),
    ("event", "tag", "No such event", "--source", "1"),
    ("event", "remove", "No such event"),
    ("event", "tag", "Rally", "--source", HUGE),
    ("bundle", "verify", "/no/such/bundle"),
    ("bundle", "import", "/no/such/bundle"),
    ("bundle", "export", "/proc/no-bundle-here", "--item", HUGE),
    ("rules", "7", "--latest", "5"),
    ("rules", HUGE),
    ("articles", "set", "7", "full"),
    ("articles", "set", HUGE, "full"),
    ("articles", "fetch", "--source", HUGE),
    ("serve", "--port", "99999"),
    ("download", "--parallel", "0", "--queue"),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bad-args")


@pytest.mark.parametrize("args", BAD, ids=" ".join)
def test_bad_arguments_give_one_clear_line(args: tuple[str, ...], home: Path) -> None:
    deep = home / "deep.opml"
    if not deep.exists():
        depth = 100_000
        deep.write_text(
            '<opml version="2.0"><body>'
            + '<outline text="f">' * depth
            + '<outline xmlUrl="javascript:alert(1)"/>'
            + "</outline>" * depth
            + "</body></opml>",
            encoding="utf-8",
        )
    given = [a.format(deep=deep, folder=home) for a in args]
    done = tiffin(home, *given)
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.returncode in (1, 2), (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if done.returncode == 1:
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("tiffin: ")
    else:  # argparse: its usage line, then the one that says what is wrong
        assert lines[-1].startswith("tiffin") and "error:" in lines[-1], done.stderr


def test_a_reader_that_goes_away_is_no_error(home: Path, tmp_path: Path) -> None:
    opml = tmp_path / "many.opml"
    outlines = "".join(f'<outline xmlUrl="http://n{i}.example/feed"/>' for i in range(3000))
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    assert tiffin(home, "opml", "import", str(opml)).returncode == 0
    env_home = str(home)
    piped = subprocess.run(
        f'TIFFIN_HOME="{env_home}" "{sys.executable}" -m tiffin sources --json | head -c 100',
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        executable="/bin/bash",
    )
    assert "Traceback" not in piped.stderr and "BrokenPipe" not in piped.stderr, piped.stderr
