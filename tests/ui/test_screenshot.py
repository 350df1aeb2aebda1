"""A real window under Xvfb, captured from the X server, saved under build/screenshots/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from share.test_bundles import URDU, _library
from support.pages import all_pages, serve
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import downloads, events, queries
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations

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


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_line_panel_screenshot_under_xvfb(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    queries.add_source(store, web.add_fixture("feeds/atp.rss"), folder="Podcasts")
    refresh_sources(store, paths, settings)
    now = time.time()
    usual = [Observation("news.test", "ok", now - 600 + t, 400_000, 0.5) for t in range(20)]
    slow = [Observation("news.test", "ok", now - 60 + t, 400_000, 8.0) for t in range(5)]
    blocked = [
        Observation("video.test", kind, now - 30 + t)
        for t, kind in enumerate(["ok", "ok", "reset", "reset", "tls", "reset"])
    ]
    save_observations(store, [*usual, *slow, *blocked])
    _assert_drawn(_shoot(paths, "line-panel.png", "line"))


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_urdu_and_player_screenshots_under_xvfb(
    web: TestWeb, store: Store, paths: Paths, settings: Settings, clip: Path
) -> None:
    queries.add_source(store, web.add_fixture("feeds/atp.rss"), folder="Podcasts")
    refresh_sources(store, paths, settings)
    _library(paths, store, clip)  # an Urdu article with a picture, and a finished video
    urdu = next(i for i in queries.list_items(store) if i.title == URDU)
    _assert_drawn(_shoot(paths, "main-window-ur.png", language="ur"))
    _assert_drawn(_shoot(paths, "reader-urdu.png", urdu.id, language="ur"))
    _assert_drawn(_shoot(paths, "player.png", "player"))
    downloads.enqueue(store, "http://video.test/rally-replay.mp4", title="Rally replay")
    paused = downloads.enqueue(store, "http://video.test/later.mp4", title="Later")
    downloads.set_status(store, paused.id, downloads.Status.PAUSED)
    for language in ("en", "ur"):
        _assert_drawn(_shoot(paths, f"watch-{language}.png", "watch", language=language))
        _assert_drawn(_shoot(paths, f"downloads-{language}.png", "downloads", language=language))


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_events_view_screenshots_under_xvfb(
    web: TestWeb, store: Store, paths: Paths, settings: Settings, clip: Path
) -> None:
    feed, _ = queries.add_source(store, web.add_fixture("feeds/atp.rss"), folder="Podcasts")
    refresh_sources(store, paths, settings)
    _library(paths, store, clip)
    events.add_event(store, "Rally", time.time() + 2 * 86400 + 3 * 3600)
    events.add_event(store, "جلسہ", time.time() + 5 * 3600)
    done = [d.id for d in downloads.list_downloads(store)]
    events.tag(store, "Rally", [feed.id], done)
    for language in ("en", "ur"):
        _assert_drawn(_shoot(paths, f"events-{language}.png", "events", language=language))


def _shoot(paths: Paths, name: str, item_id: int | str | None = None, language: str = "en") -> Path:
    display = f":{90 + os.getpid() % 500}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
        out = SHOTS / name
        out.unlink(missing_ok=True)
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "SHOT_LANGUAGE": language,
        }
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
