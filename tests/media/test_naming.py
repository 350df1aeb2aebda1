"""Media file names that every common file system accepts, whatever the title."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tiffin.media.naming import MAX_NAME_BYTES, safe_filename

TITLES = [
    "جلسہ عام: لاہور میں اپوزیشن کی ریلی / براہ راست",
    'Rally 🎉🔥 live!! <now> | "quoted" * ? \\ end',
    "a/b/../../etc/passwd",
    "CON",
    "lpt1.txt",
    "  dots and spaces . . .  ",
    "",
    "\x00\x01\x7f tabs\tand\nnewlines",
    "x" * 1000,
    "ن" * 400,
    "🎉" * 300,
    "e\u0301" * 200,  # decomposed é, as macOS file names store it
    "..",
]


@pytest.mark.parametrize("title", TITLES)
def test_any_title_gives_a_portable_name(title: str, tmp_path: Path) -> None:
    name = safe_filename(title, "mp4", " [12]")
    assert name.endswith(" [12].mp4")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert not set(name) & set('<>:"/\\|?*') and all(ord(c) >= 32 for c in name)
    assert name == unicodedata.normalize("NFC", name)
    stem = name.split(" [12]")[0]
    assert stem and not stem.endswith((" ", ".")) and stem.upper() not in ("CON", "LPT1")
    (tmp_path / name).write_bytes(b"ok")  # the real file system takes it
    assert (tmp_path / name).read_bytes() == b"ok"


def test_urdu_title_is_kept_readable() -> None:
    assert safe_filename("لاہور ریلی", "webm") == "لاہور ریلی.webm"


def test_odd_extensions_are_cleaned() -> None:
    assert safe_filename("clip", "m/p4?") == "clip.mp4"
    assert safe_filename("clip", "") == "clip.bin"
