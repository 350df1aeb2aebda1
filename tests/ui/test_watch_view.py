"""The watch grid: finished downloads newest first with their posters, playing time and how
much was watched; Enter plays one, and the player goes on to the next at the end."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import DoneFile, Download
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.watch_model import DURATION_ROLE, WATCHED_ROLE
from tiffin.ui.watch_tile_delegate import WATCHED_COLOUR


def _finished(store: Store, paths: Paths, clip: Path, name: str, poster: bool) -> Download:
    folder = media_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(clip, folder / f"{name}.mp4")
    thumbnail = None
    if poster:
        image = QImage(320, 180, QImage.Format.Format_RGB32)
        image.fill(QColor("#1565c0"))
        assert image.save(str(folder / f"{name}.png"))
        thumbnail = f"{name}.png"
    entry = downloads.enqueue(store, f"http://video.test/{name}", title=name)
    size = (folder / f"{name}.mp4").stat().st_size
    downloads.record_done(
        store, entry.id, DoneFile(name, f"{name}.mp4", size, 120.0, thumbnail=thumbnail)
    )
    return downloads.get_download(store, entry.id)


def test_the_grid_lists_what_is_done_and_plays_one_then_the_next(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings, clip: Path
) -> None:
    older = _finished(store, paths, clip, "Older talk", poster=False)
    newer = _finished(store, paths, clip, "Rally speech", poster=True)
    downloads.record_playback(store, newer.id, 30.0)
    queued = downloads.enqueue(store, "http://video.test/not-yet", title="Not yet")
    downloads.set_status(store, queued.id, downloads.Status.PAUSED)
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.currentWidget() is window.watch
    model = window.watch.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    first, second = model.index(0), model.index(1)
    assert [first.data(), second.data()] == ["Rally speech", "Older talk"]  # newest first
    assert first.data(DURATION_ROLE) == "2:00"
    assert first.data(WATCHED_ROLE) == 0.25 and second.data(WATCHED_ROLE) == 0.0
    image = window.watch.grid.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 240) for y in range(0, 140)}
    assert "#1565c0" in colours  # the poster is drawn
    assert WATCHED_COLOUR.name() in colours  # and the watched bar under it

    window.watch.grid.setFocus()
    window.watch.grid.setCurrentIndex(first)
    qtbot.keyClick(window.watch.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.player.entry is not None, timeout=QT_TIMEOUT_MS)
    assert window.pane.currentWidget() is window.player
    assert window.player.entry is not None and window.player.entry.id == newer.id
    window.player.ended.emit(window.player.entry)  # as the player does at the end of the file
    qtbot.waitUntil(
        lambda: window.player.entry is not None and window.player.entry.id == older.id,
        timeout=QT_TIMEOUT_MS,
    )
    window.player.stop()


def test_an_empty_grid_says_how_to_fill_it(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    window.pane.setCurrentWidget(window.watch)
    assert window.watch.model.rowCount() == 0
    assert "Nothing to watch yet" in window.watch.grid.placeholder
