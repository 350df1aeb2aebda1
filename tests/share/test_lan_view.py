"""The LAN view, served by the real server: the access code is needed everywhere, nothing
writes, nothing outside the library can be read, media is served in ranges; and in a real
headless browser (Debian's chromium and chromedriver) a phone logs in with the QR code's
address, searches, reads an Urdu article with its picture, and plays and seeks a video."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from share.test_bundles import URDU, _library
from tiffin.config import Paths
from tiffin.library.store import Store
from tiffin.share import serve
from tiffin.share.serve import SERVICE, LanShare

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def shared(tmp_path: Path, clip: Path) -> Iterator[LanShare]:
    paths = Paths.under(tmp_path / "lib").ensure()
    store = Store(paths.database)
    _library(paths, store, clip)
    share = LanShare(store, paths, "127.0.0.1", 0, announce=False).start()
    yield share
    share.stop()
    store.close()


def _base(share: LanShare) -> str:
    return f"http://127.0.0.1:{share.port}"


def test_the_code_is_needed_nothing_writes_and_nothing_escapes(shared: LanShare) -> None:
    base = _base(shared)
    with httpx.Client(base_url=base, trust_env=False) as anyone:
        for path in ("/", "/media", "/media/1", "/item/1", "/search?q=jalsa"):
            assert anyone.get(path).status_code == 401, path
        assert anyone.get("/?t=wrong-code").status_code == 401
        assert anyone.post("/", content=b"x").status_code == 405
    with httpx.Client(base_url=base, trust_env=False, follow_redirects=True) as phone:
        landed = phone.get(f"/?t={shared.code}")
        assert landed.status_code == 200 and str(landed.url) == f"{base}/"
        assert "default-src 'none'" in landed.headers["content-security-policy"]
        for method in ("POST", "PUT", "DELETE"):
            assert phone.request(method, "/item/1").status_code == 405
        for path in ("/image/../../../etc/passwd", "/media/999", "/media/1/subtitle/7", "/x"):
            assert phone.get(path).status_code == 404, path
        whole = phone.get("/media/1")
        part = phone.get("/media/1", headers={"Range": "bytes=1000-1999"})
        assert part.status_code == 206 and part.content == whole.content[1000:2000]
        assert part.headers["content-type"] == "video/mp4"
        answers = [phone.get("/style.css").status_code for _ in range(300)]
        assert 429 in answers  # a client asking too fast is slowed down


def _browser(language: str) -> object:
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or ""
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=390,844",
        "--autoplay-policy=no-user-gesture-required",
        f"--lang={language}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def play_and_seek(browser: object, to: float, length: float) -> None:
    """Play the page's video muted, seek it `to` seconds, and check it got there with data to
    show, and that it lasts `length` seconds."""
    seeked = browser.execute_async_script(  # type: ignore[attr-defined]
        """
        const done = arguments[arguments.length - 1];
        const video = document.querySelector('video');
        video.muted = true;
        video.addEventListener('seeked', () => done([video.currentTime, video.readyState,
            video.duration]), {once: true});
        video.addEventListener('error', () => done(['error', video.error.code]));
        video.play().then(() => { video.currentTime = arguments[0]; });
        """,
        to,
    )
    assert seeked[0] == pytest.approx(to, abs=0.5) and seeked[1] >= 2, seeked
    assert seeked[2] == pytest.approx(length, abs=0.3)


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("chromedriver")),
    reason="Debian's chromium and chromium-driver are not installed",
)
def test_a_phone_logs_in_searches_reads_and_plays(shared: LanShare) -> None:
    from selenium.webdriver.common.by import By  # noqa: PLC0415
    from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: PLC0415
    from selenium.webdriver.support.wait import WebDriverWait  # noqa: PLC0415

    browser = _browser("ur")
    try:
        browser.get(f"{_base(shared)}/?t={shared.code}")  # type: ignore[attr-defined]
        page = browser.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
        assert page.get_attribute("dir") == "rtl"  # the phone asked for Urdu
        box = browser.find_element(By.NAME, "q")  # type: ignore[attr-defined]
        box.send_keys("jalsa")
        box.submit()
        # The front page lists items too: its list is no hit, so wait until it has gone.
        WebDriverWait(browser, 20).until(staleness_of(page))
        hit = WebDriverWait(browser, 20).until(
            lambda b: b.find_element(By.CSS_SELECTOR, "main li a")
        )
        assert hit.text == URDU
        hit.click()
        article = WebDriverWait(browser, 20).until(lambda b: b.find_element(By.TAG_NAME, "article"))
        assert URDU in article.text
        picture = article.find_element(By.TAG_NAME, "img")
        WebDriverWait(browser, 20).until(lambda _b: picture.get_property("naturalWidth") == 40)
        browser.get(f"{_base(shared)}/media")  # type: ignore[attr-defined]
        play_and_seek(browser, to=5, length=8)
        time.sleep(0.5)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.get(f"{_base(shared)}/item/1")  # type: ignore[attr-defined]
        browser.save_screenshot(str(SCREENSHOTS / "lan-phone-urdu.png"))  # type: ignore[attr-defined]
    finally:
        browser.quit()  # type: ignore[attr-defined]


def test_the_view_is_announced_with_mdns_without_its_code(tmp_path: Path) -> None:
    from zeroconf import ServiceBrowser, Zeroconf  # noqa: PLC0415

    paths = Paths.under(tmp_path / "lib").ensure()
    with Store(paths.database) as store:
        share = LanShare(store, paths, "127.0.0.1", 0, announce=True).start()
        other = Zeroconf(interfaces=["127.0.0.1"])  # another Tiffin on the network, looking
        try:
            found: list[str] = []

            class Listener:
                def add_service(self, _zc: Zeroconf, _kind: str, name: str) -> None:
                    found.append(name)

                def update_service(self, *_args: object) -> None:
                    pass

                def remove_service(self, *_args: object) -> None:
                    pass

            ServiceBrowser(other, SERVICE, Listener())
            deadline = time.monotonic() + 10
            while not found and time.monotonic() < deadline:
                time.sleep(0.1)
            assert found and found[0].startswith("Tiffin on ")
            info = other.get_service_info(SERVICE, found[0], timeout=5000)
            assert info is not None and info.port == share.port
            assert share.code.encode() not in (info.text or b"")
        finally:
            other.close()
            share.stop()


def test_links_ranges_idle_connections_and_huge_ids(
    tmp_path: Path, clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "IDLE_SECONDS", 1.0)
    paths = Paths.under(tmp_path / "lib").ensure()
    secret = tmp_path / "secret.txt"
    secret.write_text("not for phones")
    with Store(paths.database) as store:
        _library(paths, store, clip)
        planted = next((paths.data_dir / "images").rglob("*.png"))
        name = "ab" * 32 + ".png"  # a picture's name, linked to a file outside the library
        (planted.parent.parent / name[:2]).mkdir(exist_ok=True)
        (planted.parent.parent / name[:2] / name).symlink_to(secret)
        share = LanShare(store, paths, "127.0.0.1", 0, announce=False).start()
        try:
            base = _base(share)
            with httpx.Client(base_url=base, trust_env=False, follow_redirects=True) as phone:
                phone.get(f"/?t={share.code}")
                assert phone.get(f"/image/{planted.name}").status_code == 200
                assert phone.get(f"/image/{name}").status_code == 404
                for huge in ("/item/99999999999999999999", "/media/99999999999999999999"):
                    assert phone.get(huge).status_code == 404, huge
                assert phone.get("/media/1", headers={"Range": "bytes=-0"}).status_code == 416
            with socket.create_connection(("127.0.0.1", share.port), timeout=10) as idle:
                idle.sendall(b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
                answer = b""
                while b"\r\n\r\n" not in answer:
                    answer += idle.recv(65536)
                while idle.recv(65536):  # the rest of the answer, then the server's close
                    pass
        finally:
            share.stop()
