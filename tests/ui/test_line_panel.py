"""The connectivity panel and the status bar's line state, driven by real transfers."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.subscribe import subscribe
from tiffin.library.store import Store
from tiffin.net.line import LineState, Observation
from tiffin.net.line_history import save_observations
from tiffin.ui.line_panel import LinePanel
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.line_model import HISTORY_ROLE, STATE_COLOURS, UNKNOWN_COLOUR, LineModel


def _row(panel: LinePanel, host: str) -> int:
    return next(r for r, s in enumerate(panel.model.states) if s.host == host)


def test_panel_shows_each_host_state_why_and_history(
    qtbot: QtBot, store: Store, settings: Settings
) -> None:
    now = time.time()
    usual = [Observation("news.test", "ok", now - 100 + t, 400_000, 0.5) for t in range(6)]
    slow = Observation("news.test", "ok", now - 10, 400_000, 10.0)
    reset = Observation("video.test", "reset", now - 5)
    detour = Observation("proxied.test", "ok", now - 4, 1000, 0.2, path="proxy")
    save_observations(store, [*usual, slow, reset, detour])
    panel = LinePanel(store, settings)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.overall_changed, timeout=QT_TIMEOUT_MS) as changed:
        panel.reload()
    assert changed.args[0] == "blocked"
    model = panel.model
    news, video = _row(panel, "news.test"), _row(panel, "video.test")
    assert model.index(news, LineModel.STATE).data() == "Throttled"
    assert "usual" in model.index(news, LineModel.WHY).data()
    assert model.index(video, LineModel.STATE).data() == "Blocked"
    assert "reset" in model.index(video, LineModel.WHY).data()
    assert model.index(news, LineModel.PATH).data() == "direct"
    # Reached through the proxy then, with no proxy in the settings now.
    assert (
        model.index(_row(panel, "proxied.test"), LineModel.PATH).data()
        == "direct (the last transfer went via the proxy)"
    )
    assert len(model.index(news, LineModel.HISTORY).data(HISTORY_ROLE)) == 7
    assert "1 throttled" in panel.summary.text() and "1 blocked" in panel.summary.text()


def test_probe_now_asks_the_subscribed_hosts(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    subscribe(store, paths, settings, web.add_fixture("feeds/atp.rss"))
    web.log.clear()
    panel = LinePanel(store, settings)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.overall_changed, timeout=QT_TIMEOUT_MS) as changed:
        qtbot.mouseClick(panel.probe_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == "good"
    assert web.requests("/fixtures/feeds/atp.rss")  # the probe went out on the wire
    assert panel.probe_button.isEnabled()


def test_main_window_status_bar_and_shortcut(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    save_observations(store, [Observation("news.test", "refused", time.time())])
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "Offline" in window.line_label.text(), timeout=QT_TIMEOUT_MS)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window.item_list, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.currentWidget() is window.line


def test_a_line_not_known_yet_is_shown_as_unknown_not_good(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "not known yet" in window.line_label.text(), timeout=QT_TIMEOUT_MS)
    assert UNKNOWN_COLOUR.name() in window.line_label.text()
    assert STATE_COLOURS[LineState.GOOD].name() not in window.line_label.text()
