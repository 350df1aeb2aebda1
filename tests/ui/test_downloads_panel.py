"""The download queue in the window: add, progress, pause, resume, cancel, reorder, play;
and a source's download rules set in their dialog."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.channel_site import ChannelSite, MediaSet, Video
from support.hls_live import LiveStream, segments_of
from support.media import make_clip, make_hls_vod
from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.subscribe import subscribe
from tiffin.library import downloads, events
from tiffin.library.downloads import Download, Status
from tiffin.library.rules import MediaRules, get_rules
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.ui.dialogs.rules_dialog import RulesDialog
from tiffin.ui.downloads_panel import DownloadsPanel
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.downloads_model import FRACTION_ROLE, SHORT_ERROR, DownloadsModel, short_error
from tiffin.ui.player import PlayerWidget

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

    def cell(column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # a fresh index each time: a reload resets the model, and an old index reads nothing
        return panel.model.index(0, column).data(role)

    qtbot.waitUntil(
        lambda: (
            float(cell(DownloadsModel.PROGRESS, FRACTION_ROLE) or 0) > 0
            and "/" in str(cell(DownloadsModel.PROGRESS))
        ),  # "1.2 MiB / 3.2 MiB · 256 KiB/s"
        timeout=QT_TIMEOUT_MS,
    )
    qtbot.waitUntil(lambda: str(cell(DownloadsModel.SPEED)).endswith("/s"), timeout=QT_TIMEOUT_MS)

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


def test_rules_dialog_queues_a_channels_newest_entries(
    qtbot: QtBot,
    web: TestWeb,
    store: Store,
    paths: Paths,
    settings: Settings,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    site = ChannelSite(web, MediaSet.make(tmp_path_factory.mktemp("rules-media"), seconds=4))
    videos = [Video(f"r{i}", f"Report {i}", 1.7e9 - i * 86400, 4.0) for i in range(5)]
    quick = replace(settings, disk_reserve=0, read_timeout=5.0)
    source = subscribe(store, paths, quick, site.add_channel("reports", "Reports", videos)).source
    window = MainWindow(store, paths, quick)
    qtbot.addWidget(window)
    window.show()
    window.sources_pane.edit_rules(source)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), RulesDialog), timeout=QT_TIMEOUT_MS
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, RulesDialog)
    dialog.auto.setChecked(True)
    dialog.latest.setValue(2)
    dialog.quality.setCurrentIndex(dialog.quality.findData("audio"))
    dialog.subtitles.setText("en")
    dialog.accept()
    qtbot.waitUntil(lambda: len(downloads.list_downloads(store)) == 2, timeout=QT_TIMEOUT_MS)
    assert get_rules(store, source.id) == MediaRules(
        auto=True, latest=2, quality="audio", subtitles=("en",)
    )
    queued = downloads.list_downloads(store)
    assert sorted(d.url.rsplit("/", 1)[1] for d in queued) == ["r0", "r1"]
    qtbot.waitUntil(
        lambda: all(d.status == Status.DONE for d in downloads.list_downloads(store)),
        timeout=QT_TIMEOUT_MS * 2,
    )
    window.close()


def test_panel_records_a_live_stream_and_shows_how_it_goes(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, tmp_path: Path
) -> None:
    clip = make_clip(tmp_path / "live.mp4", seconds=4, keyframes=0.5)
    segments = segments_of(make_hls_vod(clip, tmp_path / "vod", segment_seconds=0.5))
    url = LiveStream(segments, 0.5, window=6, total=30, already=5).serve(web, "/live/p/")
    panel = DownloadsPanel(store, paths, replace(settings, disk_reserve=0))
    qtbot.addWidget(panel)
    panel.show()
    panel.live.record(url)
    qtbot.waitUntil(lambda: "Recording" in panel.status.text(), timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=QT_TIMEOUT_MS)
    _select(panel, panel.model.entry(0).id)
    qtbot.waitUntil(
        lambda: str(panel.model.index(0, DownloadsModel.STATUS).data()).startswith("Recording: "),
        timeout=QT_TIMEOUT_MS,
    )
    qtbot.waitUntil(panel.buttons["play"].isEnabled, timeout=QT_TIMEOUT_MS)  # timeshift
    with qtbot.waitSignal(panel.play_requested, timeout=QT_TIMEOUT_MS) as played:
        panel.buttons["play"].click()
    assert played.args[0].path.endswith("timeshift.m3u8")
    player = PlayerWidget(store, media_dir(paths))
    qtbot.addWidget(player)
    player.show()
    player.open(played.args[0])
    qtbot.waitUntil(lambda: player.player.position() > 300, timeout=QT_TIMEOUT_MS)
    player.stop()
    qtbot.waitUntil(lambda: not panel.live.running, timeout=QT_TIMEOUT_MS)
    [entry] = downloads.list_downloads(store)
    assert entry.live and entry.status == Status.DONE, entry.error
    assert (media_dir(paths) / (entry.path or "")).exists()
    assert downloads.queued_in_order(store) == []  # a recording never enters the download queue


def test_the_status_column_shows_the_first_sentence_and_the_tooltip_the_rest() -> None:
    assert short_error("Video unavailable. This video is private") == "Video unavailable"
    long = "x" * 200
    assert len(short_error(long)) == SHORT_ERROR and short_error(long).endswith("…")


def test_a_queued_row_says_what_it_waits_for_and_its_hosts_line(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    plain = downloads.enqueue(store, "http://good.test/a.mp4", title="Plain")
    rally = downloads.enqueue(store, "http://good.test/rally.mp4", title="Speech")
    events.add_event(store, "Rally", time.time() + 3600)
    events.tag(store, "Rally", download_ids=[rally.id])
    save_observations(store, [Observation("good.test", "ok", time.time(), 1 << 20, 1.0)])
    panel = DownloadsPanel(store, paths, settings)
    qtbot.addWidget(panel)
    panel.resize(700, 600)  # its share of a 1366-wide window
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    status = panel.model.index(_row_of(panel, plain.id), DownloadsModel.STATUS)
    assert status.data() == "Queued · after the downloads for \u2068Rally\u2069"
    assert panel.model.index(_row_of(panel, rally.id), DownloadsModel.STATUS).data() == (
        "Queued · next"
    )
    line = panel.model.index(_row_of(panel, plain.id), DownloadsModel.LINE)
    assert line.data() == "Good"
    assert line.data(Qt.ItemDataRole.ToolTipRole).startswith("\u2066good.test\u2069: answers at")
    header = panel.table.horizontalHeader()
    right_edge = header.sectionViewportPosition(DownloadsModel.LINE) + header.sectionSize(
        DownloadsModel.LINE
    )
    assert right_edge <= panel.table.viewport().width()  # nothing runs off the right edge


def test_a_download_is_tagged_for_an_event_from_its_menu(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    entry = downloads.enqueue(store, "http://good.test/a.mp4", title="Speech")
    downloads.set_status(store, entry.id, Status.PAUSED)
    rally = events.add_event(store, "Rally", time.time() + 3600)
    panel = DownloadsPanel(store, paths, settings)
    panel.events_of = lambda: [rally]
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=QT_TIMEOUT_MS)
    with qtbot.waitSignal(panel.tagged, timeout=QT_TIMEOUT_MS):
        place = panel.table.visualRect(panel.model.index(0, 0)).center()
        panel.table.customContextMenuRequested.emit(place)  # a right-click on the row
        menu = next(m for m in panel.findChildren(QMenu) if m.isVisible())
        assert [a.text() for a in menu.actions()][:2] == ["Play", "Pause"]
        packing = next(a.menu() for a in menu.actions() if a.text() == "Pack for event")
        next(a for a in packing.actions() if a.text() == "Rally").trigger()
    assert downloads.get_download(store, entry.id).event_id == rally.id
    qtbot.waitUntil(lambda: panel.model.entry(0).event_id == rally.id, timeout=QT_TIMEOUT_MS)
    panel.table.customContextMenuRequested.emit(place)
    menu = [m for m in panel.findChildren(QMenu) if m.isVisible()][-1]
    packing = next(a.menu() for a in menu.actions() if a.text() == "Pack for event")
    assert [a.isChecked() for a in packing.actions()] == [False, True]  # Rally is checked
