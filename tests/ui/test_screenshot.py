"""A real window under Xvfb, captured from the X server, saved under build/screenshots/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from support.pages import all_pages, serve
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import queries
from tiffin.library.models import NewItem
from tiffin.library.store import Store

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
SCRIPT = Path(__file__).resolve().parents[1] / "support" / "screenshot_main_window.py"


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_main_window_screenshot_under_xvfb(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    for name, folder in (
        ("atp.rss", "Podcasts"),
        ("DaringFireball.atom", "Tech"),
        ("manton.rss", ""),
    ):
        queries.add_source(store, web.add_fixture(f"feeds/{name}"), folder=folder)
    refresh_sources(store, paths, settings)
    out = _shoot(paths, "main-window-en.png")
    _assert_drawn(out)


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_reader_screenshots_under_xvfb(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    pages = [p for p in all_pages() if p.path.name in ("np_arabic_article.html", "rd_bbc-1.html")]
    serve(web, pages)
    web.generated_images = True
    source, _ = queries.add_source(store, "http://news.test/feed", "News")
    sunday = datetime(2026, 11, 22, 18, 0, tzinfo=UTC).timestamp()
    new = [NewItem(p.path.name, p.url, "", published=sunday) for p in pages]
    queries.save_items(store, source.id, new, sunday)
    pack_articles(store, paths, settings, transport=web.transport())
    for item in queries.list_items(store):
        name = "reader-rtl.png" if item.guid.startswith("np_arabic") else "reader-pictures.png"
        _assert_drawn(_shoot(paths, name, item.id))


def _shoot(paths: Paths, name: str, item_id: int | None = None) -> Path:
    display = f":{90 + os.getpid() % 500}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        out = SHOTS / name
        out.unlink(missing_ok=True)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        extra = [str(item_id)] if item_id is not None else []
        done = subprocess.run(
            [sys.executable, str(SCRIPT), str(paths.data_dir), str(out), *extra],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    return out


def _assert_drawn(out: Path) -> None:
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 20  # a drawn window, not a blank frame
