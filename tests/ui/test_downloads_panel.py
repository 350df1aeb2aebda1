"""The download queue in the window: add, progress, pause, resume, cancel, reorder, play."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import Download, Status
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.ui.downloads_panel import DownloadsPanel
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.downloads_model import FRACTION_ROLE, DownloadsModel

MiB = 1024 * 1024


def _status(store: Store, download_id: int) -> Status:
    return downloads.get_download(store, download_id).status


def _row_of(panel: DownloadsPanel, download_id: int) -> int:
    return next(r for r, e in enumerate(panel.model.entries) if e.id == download_id)


def _select(panel: DownloadsPanel, download_id: int) -> None:
    panel.table.setCurrentIndex(panel.model.index(_row_of(panel, download_id), 0))


def test_queue_runs_shows_progress_and_obeys_the_buttons(
    qtbot: QtBot, web: TestWeb, clip: Path, store: Store, paths: Paths, settings: Settings
) -> None:
    slow = clip.read_bytes() + b"\0" * (3 * MiB)
    web.add("/slow.mp4", slow, "video/mp4")
    web.fault("/slow.mp4", Fault(rate=256 * 1024))
    web.add("/other.mp4", slow, "video/mp4")
    web.fault("/other.mp4", Fault(rate=256 * 1024))
    quick = replace(settings, disk_reserve=0, read_timeout=5.0, media_connections=2)
    panel = DownloadsPanel(store, paths, quick)
    qtbot.addWidget(panel)
    panel.show()

    qtbot.keyClicks(panel.url_box, web.url("/slow.mp4"))
    qtbot.keyClick(panel.url_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=QT_TIMEOUT_MS)
    first = panel.model.entry(0).id
    qtbot.waitUntil(
        lambda: (panel.model.live.get(first) and panel.model.live[first].done > 0) or False,
        timeout=QT_TIMEOUT_MS,
    )
    index = panel.model.index(0, DownloadsModel.PROGRESS)
    qtbot.waitUntil(lambda: (index.data(FRACTION_ROLE) or 0) > 0, timeout=QT_TIMEOUT_MS)
    assert "/" in index.data()  # "1.2 MiB / 3.2 MiB"
    speed = panel.model.index(0, DownloadsModel.SPEED)
    qtbot.waitUntil(lambda: speed.data().endswith("/s"), timeout=QT_TIMEOUT_MS)

    _select(panel, first)
    assert panel.buttons["pause"].isEnabled()
    panel.buttons["pause"].click()
    qtbot.waitUntil(lambda: _status(store, first) == Status.PAUSED, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: panel.runner is None, timeout=QT_TIMEOUT_MS)
    partial = media_dir(paths) / ".partial" / str(first)
    assert any(partial.rglob("*.part"))  # bytes kept for the resume

    panel.add(web.url("/other.mp4"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    second = next(e.id for e in panel.model.entries if e.id != first)
    _select(panel, second)
    qtbot.waitUntil(lambda: _status(store, second) == Status.DOWNLOADING, timeout=QT_TIMEOUT_MS)
    panel.buttons["cancel"].click()
    qtbot.waitUntil(lambda: _status(store, second) == Status.CANCELLED, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: not (media_dir(paths) / ".partial" / str(second)).exists(), timeout=QT_TIMEOUT_MS
    )

    qtbot.waitUntil(
        lambda: panel.model.rowCount() == 2 and panel.model.entries[1].id == second,
        timeout=QT_TIMEOUT_MS,
    )
    _select(panel, second)
    panel.buttons["up"].click()
    qtbot.waitUntil(lambda: panel.model.entries[0].id == second, timeout=QT_TIMEOUT_MS)

    web.fault("/slow.mp4", Fault())
    _select(panel, first)
    qtbot.waitUntil(panel.buttons["resume"].isEnabled, timeout=QT_TIMEOUT_MS)
    panel.buttons["resume"].click()
    qtbot.waitUntil(lambda: _status(store, first) == Status.DONE, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(panel.buttons["play"].isEnabled, timeout=QT_TIMEOUT_MS)
    with qtbot.waitSignal(panel.play_requested, timeout=QT_TIMEOUT_MS) as played:
        panel.buttons["play"].click()
    assert isinstance(played.args[0], Download) and played.args[0].id == first
    assert (media_dir(paths) / (played.args[0].path or "")).read_bytes() == slow


def test_window_plays_a_finished_download_in_its_player(
    qtbot: QtBot, web: TestWeb, clip: Path, store: Store, paths: Paths, settings: Settings
) -> None:
    url = web.add("/clip.mp4", clip.read_bytes(), "video/mp4")
    entry = downloads.enqueue(store, url)
    window = MainWindow(store, paths, replace(settings, disk_reserve=0, read_timeout=5.0))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: _status(store, entry.id) == Status.DONE, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: (
            window.downloads.model.rowCount() == 1
            and window.downloads.model.entries[0].status == Status.DONE
        ),
        timeout=QT_TIMEOUT_MS,
    )
    window.pane.setCurrentWidget(window.downloads)
    _select(window.downloads, entry.id)
    window.downloads.buttons["play"].click()
    assert window.pane.currentWidget() is window.player
    qtbot.waitUntil(lambda: window.player.player.position() > 500, timeout=QT_TIMEOUT_MS)
    window.close()
