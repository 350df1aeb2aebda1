"""A user's first hour, driven with keys, clicks and menus as a person would, in English and in
Urdu: the welcome, subscribe to a news feed and a channel, refresh, read, add an event, tag the
channel (with its upcoming stream) and a video for it, watch the event count down, pack, see it
fill as the stream is recorded, lose the line, then watch the recording and read offline.
Then the same with the line throttled: progress moves and the event's estimate follows the
line. Each step's window is saved as build/screenshots/walk-<step>-<language>.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.channel_site import ChannelSite, MediaSet
from support.hls_live import segments_of
from support.media import make_clip, make_hls_vod
from support.testweb import Fault, TestWeb
from support.walkthrough import (
    ARTICLE,
    EVENT_NAMES,
    MARCH,
    SPEECH,
    STREAM,
    RallyWeb,
    Walk,
    cut_the_line,
    rally_web,
    type_text,
    walk,
)
from tiffin.config import Settings
from tiffin.library import downloads, queries
from tiffin.library.item_rows import Packed
from tiffin.schedule.event_plan import DOWNLOAD, PENDING, READY, SOURCE
from tiffin.schedule.event_plan import STREAM as WAITING_STREAM
from tiffin.ui.dialogs.add_source_dialog import AddSourceDialog
from tiffin.ui.models.downloads_model import FRACTION_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
LONG = 90_000  # ms for work that fetches, records or transcodes on a busy machine


@pytest.fixture(scope="module")
def segments(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    """Half-second live segments of a 2-second clip."""
    folder = tmp_path_factory.mktemp("walk-segments")
    clip = make_clip(folder / "clip.mp4", seconds=2, keyframes=0.5)
    return segments_of(make_hls_vod(clip, folder / "vod", segment_seconds=0.5))


@pytest.fixture
def site(web: TestWeb, tmp_path_factory: pytest.TempPathFactory) -> ChannelSite:
    return ChannelSite(web, MediaSet.make(tmp_path_factory.mktemp("walk-media"), seconds=2))


@pytest.fixture(params=["en", "ur"])
def language(request: pytest.FixtureRequest) -> str:
    """Each walk is taken in English and in Urdu."""
    return str(request.param)


@pytest.fixture
def rally(web: TestWeb, clip: Path, site: ChannelSite, segments: list[bytes]) -> RallyWeb:
    return rally_web(web, clip, site, segments)


def _subscribe(walk: Walk, address: str) -> None:
    """Ctrl+N, type the address, Enter."""
    walk.activate()
    walk.qtbot.keyClick(walk.window, Qt.Key.Key_N, CTRL)

    def shown() -> list[AddSourceDialog]:
        widgets = QApplication.topLevelWidgets()
        return [w for w in widgets if isinstance(w, AddSourceDialog) and w.isVisible()]

    walk.qtbot.waitUntil(lambda: bool(shown()), timeout=QT_TIMEOUT_MS)
    [dialog] = shown()
    walk.qtbot.keyClicks(dialog.url_edit, address)
    with walk.qtbot.waitSignal(dialog.accepted, timeout=QT_TIMEOUT_MS):
        walk.qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)


def _titles(walk: Walk) -> set[str]:
    model = walk.window.item_model
    return {model.row(n).title for n in range(model.rowCount())}


def _add_event(walk: Walk, name: str, minutes: int) -> None:
    """Ctrl+5, the name, the time, Enter."""
    window, qtbot = walk.window, walk.qtbot
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    view = window.events_view
    assert window.pane.currentWidget() is view
    view.time_edit.setDateTime(QDateTime.currentDateTime().addSecs(minutes * 60))
    type_text(view.name_edit, name)
    assert view.name_edit.text() == name
    qtbot.keyClick(view.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [e.name for e in window.events] == [name], timeout=QT_TIMEOUT_MS)


def _download_for_event(walk: Walk, title: str, event: str) -> None:
    """Right-click the item, Download for event, the event."""
    window = walk.window
    window.pane.setCurrentWidget(window.item_view)
    place = window.item_list.visualRect(walk.item_index(title)).center()
    walk.right_click(window.item_list, place)
    walk.choose_event(window.items, event)


def _start(walk: Walk, web: TestWeb, rally_feed: str) -> None:
    """Subscribe to the feed and refresh until its article is packed."""
    _subscribe(walk, rally_feed)
    walk.qtbot.waitUntil(lambda: ARTICLE in _titles(walk), timeout=QT_TIMEOUT_MS)
    walk.activate()
    walk.qtbot.keyClick(walk.window, Qt.Key.Key_F5)
    walk.qtbot.waitUntil(lambda: walk.packed(ARTICLE) == Packed.FULL, timeout=LONG)


def test_a_users_first_hour_packs_the_rally_then_plays_it_offline(
    qtbot: QtBot, web: TestWeb, rally: RallyWeb, tmp_path: Path, settings: Settings, language: str
) -> None:
    name = EVENT_NAMES[language]
    with walk(qtbot, tmp_path, settings, language) as w:
        window = w.window
        w.activate()
        assert window.isRightToLeft() == (language == "ur")
        assert window.sources_pane.tree.placeholder  # says how to subscribe
        w.shoot("2-empty")

        _start(w, web, rally.feed)
        _subscribe(w, rally.channel)
        qtbot.waitUntil(lambda: STREAM in _titles(w), timeout=LONG)
        w.shoot("3-subscribed")

        # Read: a click on All items, J to the first item; the reader shows it
        w.activate()  # the dialog has closed; the keys go to the window again
        tree = window.sources_pane.tree
        every = tree.model().index(0, 0)
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(every).center()
        )
        qtbot.waitUntil(lambda: window.item_model.rowCount() == 4, timeout=QT_TIMEOUT_MS)
        window.item_list.setFocus()
        qtbot.keyClick(window.item_list, Qt.Key.Key_J)
        qtbot.waitUntil(lambda: bool(window.item_view.toPlainText()), timeout=QT_TIMEOUT_MS)
        w.shoot("4-reading")

        # The event, half an hour away; the channel tagged from the source tree's menu, the
        # speech from the item's menu (it downloads at once)
        _add_event(w, name, minutes=30)
        channel = next(s for s in window.sources if s.url == rally.channel)
        row = window.sources_pane.model.rows_by_source[channel.id]
        tree.scrollTo(row.index())
        w.right_click(tree, tree.visualRect(row.index()).center())
        w.choose_event(window.sources_pane, name)
        _download_for_event(w, SPEECH, name)
        view = window.events_view
        window.pane.setCurrentWidget(view)

        def tagged() -> bool:
            plan = view.current()
            kinds = {e.kind for e in plan.entries} if plan is not None else set()
            return kinds == {SOURCE, DOWNLOAD, WAITING_STREAM}

        qtbot.waitUntil(tagged, timeout=LONG)
        w.activate()
        qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # queueing the speech showed the downloads
        before = view.countdown.text()
        qtbot.waitUntil(lambda: view.countdown.text() != before, timeout=5_000)  # counts down
        w.shoot("5-event-tagged")

        # Pack now: the channel refreshed, its stream waited for, recorded once it goes live
        qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(window.downloads.live.running), timeout=LONG)
        rally.go_live()

        def filled() -> bool:
            plan = view.current()
            return bool(plan and plan.count(READY) == 2 and plan.count(PENDING) == 0)

        qtbot.waitUntil(filled, timeout=LONG)
        qtbot.waitUntil(lambda: not window.downloads.live.running, timeout=LONG)
        w.activate()
        qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
        assert window.pane.currentWidget() is view
        w.shoot("6-event-packed")

        # The line goes
        cut_the_line(web)
        asked = len(web.requests())

        # Watch the recording: Ctrl+6, the tile, Enter
        w.activate()
        qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
        assert window.pane.currentWidget() is window.watch
        grid = window.watch.grid
        qtbot.waitUntil(lambda: window.watch.model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
        model = window.watch.model
        recording = next(n for n in range(model.rowCount()) if model.entry(n).title == STREAM)
        grid.setFocus()
        grid.setCurrentIndex(model.index(recording))
        w.shoot("7-watch")
        qtbot.keyClick(grid, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.player.entry is not None, timeout=QT_TIMEOUT_MS)
        assert window.player.entry is not None and window.player.entry.title == STREAM
        qtbot.waitUntil(lambda: window.player.player.position() > 0, timeout=QT_TIMEOUT_MS)
        window.player.player.pause()
        w.shoot("8-playing-offline")

        # Read the article offline: from the library, not the network
        window.pane.setCurrentWidget(window.item_view)
        window.item_list.setCurrentIndex(w.item_index(ARTICLE))
        qtbot.waitUntil(
            lambda: window.item_view.toPlainText().startswith(ARTICLE), timeout=QT_TIMEOUT_MS
        )
        packed = next(i for i in queries.list_items(window.store) if i.title == ARTICLE)
        shown = " ".join(window.item_view.toPlainText().split())
        assert packed.article_state == "full" and " ".join(packed.text.split())[:200] in shown
        w.shoot("9-reading-offline")
        assert len(web.requests()) == asked  # watching and reading asked nothing of the line


def test_under_a_throttled_line_progress_moves_and_the_estimate_follows(
    qtbot: QtBot,
    web: TestWeb,
    clip: Path,
    rally: RallyWeb,
    tmp_path: Path,
    settings: Settings,
    language: str,
) -> None:
    name = EVENT_NAMES[language]
    rate = max(4096, clip.stat().st_size // 16)  # the march takes about 16 s
    with walk(qtbot, tmp_path, settings, language) as w:
        window = w.window
        _start(w, web, rally.feed)
        _add_event(w, name, minutes=30)
        _download_for_event(w, SPEECH, name)  # while the line is good: measured fast
        qtbot.waitUntil(
            lambda: (
                [d.status for d in downloads.list_downloads(window.store)]
                == [downloads.Status.DONE]
            ),
            timeout=LONG,
        )

        web.fault("/walk/b.mp4", Fault(rate=rate))  # the line is throttled
        _download_for_event(w, MARCH, name)
        window.pane.setCurrentWidget(window.downloads)
        model = window.downloads.model

        def march() -> tuple[float, str, str]:
            """The march's progress (0 to 1), speed and time left, as its row shows them."""
            row = next((n for n, e in enumerate(model.entries) if e.title == MARCH), None)
            if row is None or model.entry(row).id not in model.live:
                return (0.0, "", "")
            fraction = model.index(row, model.PROGRESS).data(FRACTION_ROLE)
            speed = model.index(row, model.SPEED).data()
            left = model.index(row, model.LEFT).data()
            return (float(fraction or 0.0), str(speed or ""), str(left or ""))

        qtbot.waitUntil(lambda: march()[0] > 0 and bool(march()[1]), timeout=LONG)
        first = march()
        assert first[1] and first[2]  # a speed and a time left are shown
        w.shoot("throttled-1-downloads")
        qtbot.waitUntil(lambda: march()[0] > first[0] + 0.1, timeout=LONG)  # it moves

        view = window.events_view
        window.pane.setCurrentWidget(view)
        plan = view.current()
        assert plan is not None
        now = plan.under_way(view.running)
        # The estimate takes the speed the march gets now, not the fast line of before
        assert plan.speed is not None and now.speed is not None
        assert now.speed < 2 * rate < plan.speed
        estimate = view.outlook.text()
        qtbot.waitUntil(lambda: view.outlook.text() != estimate, timeout=QT_TIMEOUT_MS)
        assert march()[1]  # the estimate moved while the march was still coming
        w.shoot("throttled-2-event")
        qtbot.waitUntil(
            lambda: all(
                d.status == downloads.Status.DONE for d in downloads.list_downloads(window.store)
            ),
            timeout=LONG,
        )  # and the march is fetched whole through the throttled line
