"""What makes Tiffin installable: the .desktop file, the AppStream metainfo and the icons in
resources/, the clip the self-test plays inside the package, and `tiffin --version` and
`tiffin --self-test` (the wheel's own check runs in scripts/check-wheel)."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from tiffin import __version__
from tiffin.ui.self_test import clip_path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.tiffin_app.Tiffin"


def test_desktop_file_metainfo_and_icons_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "resources" / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] == "tiffin"
    assert desktop["Icon"] == APP_ID and desktop["Name[ur]"] == "ٹفن"
    icons = ROOT / "resources" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256):
        assert (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file(), size
    meta = ElementTree.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


def test_version_and_self_test() -> None:
    assert clip_path().is_file()
    version = subprocess.run(
        [sys.executable, "-m", "tiffin", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"tiffin {__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "tiffin", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "player: played to the end" in done.stdout and "self-test passed" in done.stdout
