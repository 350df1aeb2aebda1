"""ZIM packs for Kiwix: `tiffin bundle zim` writes one that libzim's own reader opens (every
entry checked, the full-text index searched in Urdu), and that Debian's kiwix-serve serves to
a real headless Chromium, which reads the Urdu article and plays the video."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from share.test_bundles import URDU, _library
from share.test_lan_view import SCREENSHOTS, _browser, play_and_seek
from tiffin.config import Paths
from tiffin.library import events, queries
from tiffin.library.store import Store

EVENT = "Lahore rally"


@pytest.fixture
def library(tmp_path: Path, clip: Path) -> Iterator[Paths]:
    paths = Paths.under(tmp_path / "lib").ensure()
    with Store(paths.database) as store:
        _library(paths, store, clip)
        events.add_event(store, EVENT, time.time() + 86400)
        [source] = queries.list_sources(store)
        events.tag(store, EVENT, source_ids=[source.id])
    yield paths


def _zim(paths: Paths, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tiffin", "--data-dir", str(paths.data_dir)]
    return subprocess.run(
        [*command, "bundle", "zim", str(out), *flags],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_zim_holds_every_article_picture_and_video_and_finds_urdu_words(
    library: Paths, tmp_path: Path, clip: Path
) -> None:
    from libzim.reader import Archive  # noqa: PLC0415
    from libzim.search import Query, Searcher  # noqa: PLC0415

    out = tmp_path / "rally.zim"
    done = _zim(library, out, "--event", EVENT)
    assert done.returncode == 0, done.stderr
    assert "2 articles, 1 pictures, 1 videos" in done.stdout
    assert not out.with_name("rally.zim.part").exists()
    archive = Archive(out)
    assert archive.check()
    # The articles are mostly Urdu: so are the pages, and the metadata says so first.
    assert archive.get_metadata("Language").decode().split(",")[0] == "urd"
    assert archive.get_metadata("Title").decode() == EVENT
    assert archive.has_illustration(48)
    front = bytes(archive.main_entry.get_item().content).decode()
    assert 'dir="rtl"' in front and EVENT in front

    paths = [archive._get_entry_by_id(n).path for n in range(archive.entry_count)]
    pages = {p: bytes(archive.get_entry_by_path(p).get_item().content) for p in paths}
    with Store(library.database) as store:
        items = queries.list_items(store)
        for item in items:
            page = pages[f"item/{item.id}"].decode()
            assert item.title in page and "../style.css" in page
            assert f'href="item/{item.id}"' in front  # listed under the event and the source
        urdu = next(i for i in items if i.title == URDU)
        [name] = [p.split("/", 1)[1] for p in paths if p.startswith("image/")]
        assert f'src="../image/{name}"' in pages[f"item/{urdu.id}"].decode()
        picture = library.data_dir / "images" / name[:2] / name
        assert pages[f"image/{name}"] == picture.read_bytes()
    [video] = [p for p in paths if p.startswith("media/")]
    assert pages[video] == clip.read_bytes()
    assert archive.get_entry_by_path(video).get_item().mimetype == "video/mp4"
    [play] = [p for p in paths if p.startswith("play/")]
    assert f'src="../{video}"' in pages[play].decode()
    for path in paths:  # every entry is one the pack meant to write
        assert path.split("/")[0] in ("index", "item", "play", "image", "media", "style.css"), path

    found = Searcher(archive).search(Query().set_query("جلسہ"))
    assert found.getEstimatedMatches() >= 1
    assert f"item/{urdu.id}" in list(found.getResults(0, 10))


def test_a_selection_that_cannot_be_written_leaves_nothing(library: Paths, tmp_path: Path) -> None:
    done = _zim(library, tmp_path / "missing" / "pack.zim")
    assert done.returncode != 0
    assert "is not a folder" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("missing*"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.skipif(
    not (shutil.which("kiwix-serve") and shutil.which("chromium")),
    reason="Debian's kiwix-tools and chromium are not installed",
)
def test_kiwix_serve_gives_chromium_the_urdu_article_and_the_video(
    library: Paths, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By  # noqa: PLC0415
    from selenium.webdriver.support.wait import WebDriverWait  # noqa: PLC0415

    out = tmp_path / "rally.zim"
    assert _zim(library, out).returncode == 0
    port = _free_port()
    server = subprocess.Popen(
        ["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), str(out)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    root = f"http://127.0.0.1:{port}"
    browser = None
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                catalog = httpx.get(f"{root}/catalog/v2/entries", timeout=2)
                if catalog.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "kiwix-serve did not start"
            time.sleep(0.2)
        # Where the book is served (/rally in kiwix-tools 3.3, /content/rally later).
        found = re.search(r'<link type="text/html" href="([^"]+)"', catalog.text)
        assert found, catalog.text
        base = root + found.group(1)
        with Store(library.database) as store:
            urdu = next(i for i in queries.list_items(store) if i.title == URDU)
        browser = _browser("ur")
        browser.get(f"{base}/index")  # type: ignore[attr-defined]
        link = WebDriverWait(browser, 20).until(
            lambda b: b.find_element(By.CSS_SELECTOR, f'a[href="item/{urdu.id}"]')
        )
        link.click()
        article = WebDriverWait(browser, 20).until(lambda b: b.find_element(By.TAG_NAME, "article"))
        assert URDU in article.text
        page = browser.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
        assert page.get_attribute("dir") == "rtl"
        picture = article.find_element(By.TAG_NAME, "img")
        WebDriverWait(browser, 20).until(lambda _b: picture.get_property("naturalWidth") == 40)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(SCREENSHOTS / "kiwix-urdu-article.png"))  # type: ignore[attr-defined]
        browser.get(f"{base}/index")  # type: ignore[attr-defined]
        browser.find_element(By.CSS_SELECTOR, 'a[href^="play/"]').click()  # type: ignore[attr-defined]
        WebDriverWait(browser, 20).until(lambda b: b.find_element(By.TAG_NAME, "video"))
        play_and_seek(browser, to=5, length=8)
        browser.save_screenshot(str(SCREENSHOTS / "kiwix-video.png"))  # type: ignore[attr-defined]
    finally:
        if browser is not None:
            browser.quit()  # type: ignore[attr-defined]
        server.terminate()
        server.wait(timeout=10)
