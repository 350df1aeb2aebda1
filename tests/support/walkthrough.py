"""What the walk-through tests share: the rally's corner of the test web (a news feed with a
full article and a video, a channel with a stream that is upcoming, then live, then over), the
first run's welcome, the window opened on the library it made, and screenshots named by step
and language."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QWidget
from pytestqt.qtbot import QtBot

from support.channel_site import ChannelSite, Video
from support.hls_live import LiveStream
from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.first_run import set_up
from tiffin.library.item_rows import Packed
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.ui import i18n, workers
from tiffin.ui.dialogs.welcome_dialog import WelcomeDialog
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.item_list_model import PACKED_ROLE

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
PAGE = "pages/100noticias.com-millones.html"
ARTICLE, SPEECH, MARCH, STREAM = "Millions expected", "The speech", "The march", "Rally at six"
EVENT_NAMES = {"en": "Rally", "ur": "جلسہ"}


@dataclass
class RallyWeb:
    """The addresses a user subscribes to; `go_live` starts the channel's stream."""

    feed: str
    channel: str
    go_live: Callable[[], None]


def rally_web(web: TestWeb, clip: Path, site: ChannelSite, segments: list[bytes]) -> RallyWeb:
    """Serve the feed and the channel (see the module docstring)."""
    page = web.add_fixture(PAGE)
    size = clip.stat().st_size
    videos = [web.add(f"/walk/{n}.mp4", clip.read_bytes(), "video/mp4") for n in ("a", "b")]
    entries = "".join(
        f"<item><title>{title}</title><link>{web.url(f'/walk/{guid}')}</link><guid>{guid}</guid>"
        f'<description>Watch it.</description><enclosure url="{video}" type="video/mp4"'
        f' length="{size}"/><pubDate>Wed, 02 Dec 2026 1{n}:00:00 GMT</pubDate></item>'
        for n, (title, guid, video) in enumerate(
            ((SPEECH, "v1", videos[0]), (MARCH, "v2", videos[1])), start=1
        )
    )
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rally News</title>
<link>{web.url("/walk/")}</link><description>News of the rally</description>
<item><title>{ARTICLE}</title><link>{page}</link><guid>a1</guid>
<description>The start of the story.</description><pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate>
</item>{entries}</channel></rss>"""
    feed = web.add("/walk/feed.xml", rss.encode(), "application/rss+xml")
    icon = io.BytesIO()
    Image.new("RGBA", (32, 32), (200, 60, 40, 255)).save(icon, "ICO")
    web.add("/favicon.ico", icon.getvalue(), "image/x-icon")  # the site's icon, for the tree
    now = time.time()
    # Due to begin now, so that the recorder asks again every few seconds rather than
    # sleeping until a later start
    soon = Video("rally6", STREAM, now, live_status="is_upcoming", release_timestamp=now)
    channel = site.add_channel("opposition", "Opposition TV", [soon])

    def go_live() -> None:
        LiveStream(segments, 0.5, window=6, total=10, already=4).serve(web, "/live/rally6/")
        site.add_video(
            replace(soon, live_status="is_live"), live_playlist="/live/rally6/index.m3u8"
        )

    return RallyWeb(feed, channel, go_live)


def cut_the_line(web: TestWeb) -> None:
    """Every address of the test web fails from now on, as when the line is gone."""
    with web.lock:
        paths = {path for _host, path in web.routes}
    for path in paths:
        web.fault(path, Fault(status=503))


@dataclass
class Walk:
    """The window of one walk-through, in `language`, and its screenshots."""

    qtbot: QtBot
    window: MainWindow
    language: str

    def shoot(self, step: str, widget: QWidget | None = None) -> None:
        """Save what the user sees now as build/screenshots/walk-<step>-<language>.png."""
        SHOTS.mkdir(parents=True, exist_ok=True)
        picture = (widget or self.window).grab()
        assert picture.save(str(SHOTS / f"walk-{step}-{self.language}.png"))

    def packed(self, title: str) -> Packed:
        """What the item list's badge says is packed of the item called `title`."""
        model = self.window.item_model
        row = next(n for n in range(model.rowCount()) if model.row(n).title == title)
        return Packed(model.index(row).data(PACKED_ROLE))

    def item_index(self, title: str) -> QModelIndex:
        model = self.window.item_model
        return model.index(next(n for n in range(model.rowCount()) if model.row(n).title == title))

    def choose_event(self, owner: QWidget, event: str) -> None:
        """In the context menu just opened under `owner`, choose `event` in its event submenu."""
        menu = next(m for m in owner.findChildren(QMenu) if m.isVisible())
        action = next(
            a
            for sub in (a.menu() for a in menu.actions() if a.menu() is not None)
            for a in sub.actions()
            if a.text() == event
        )
        action.trigger()
        menu.close()

    def right_click(self, view: QWidget, place: QPoint) -> None:
        """Open `view`'s context menu at `place` (a point in its viewport)."""
        view.customContextMenuRequested.emit(place)  # type: ignore[attr-defined]

    def activate(self) -> None:
        """Give the window the keyboard again (a dialog closed)."""
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow, timeout=20_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` a key at a time, as a keyboard layout or an input method sends
    it (QTest's keyClicks aborts on letters outside Latin-1, such as Urdu's)."""
    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter)
            QApplication.sendEvent(widget, event)


def welcome(qtbot: QtBot, paths: Paths, settings: Settings, language: str) -> None:
    """The first run's welcome, answered from the keyboard: the language, every starter (they
    are on the internet) unticked with Space, then Start; the library is made in `paths`."""
    dialog = WelcomeDialog(paths.data_dir, settings, folder_fixed=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language.setFocus()
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.starter_list.setFocus()
    for row in range(dialog.starter_list.count()):
        dialog.starter_list.setCurrentRow(row)
        qtbot.keyClick(dialog.starter_list, Qt.Key.Key_Space)
    assert all(
        dialog.starter_list.item(n).checkState() == Qt.CheckState.Unchecked
        for n in range(dialog.starter_list.count())
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / f"walk-1-welcome-{language}.png"))
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    start = next(
        b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
    )
    start.setFocus()  # as Tab would reach it
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.keyClick(start, Qt.Key.Key_Space)
    set_up(paths, dialog.chosen())


@contextmanager
def walk(qtbot: QtBot, tmp_path: Path, settings: Settings, language: str) -> Iterator[Walk]:
    """The welcome, then the window at 1366x768 on the library it made, in `language`, with
    the process obeying that library's rules as the app's does; all closed afterwards."""
    paths = Paths.under(tmp_path / "walk")
    quick = replace(settings, disk_reserve=0, read_timeout=5.0, live_poll=0.5)
    welcome(qtbot, paths, quick, language)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, language)
    chosen = Settings.load(paths.settings_file)
    assert chosen.language == language
    governor.install(chosen, paths)
    store = Store(paths.database)
    window = MainWindow(store, paths, chosen)
    try:
        window.resize(1366, 768)
        window.show()
        yield Walk(qtbot, window, language)
    finally:
        window.close()
        assert workers.wait_for_all(60_000)
        window.deleteLater()
        store.close()
        governor.install(Settings(), None)
        i18n.install(app, "en")
