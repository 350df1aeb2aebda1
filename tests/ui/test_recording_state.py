"""A recording's state where the user looks for it: the Downloads view's status column and the
watch grid's tiles say gaps (how many seconds), sound only (which stretches), healing, healed;
screenshots in English and Urdu at 1366x768."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.walkthrough import SHOTS
from tiffin.config import Paths, Settings
from tiffin.library import downloads, heals
from tiffin.library.downloads import DoneFile, Download, Heal, Status
from tiffin.library.store import Store
from tiffin.media.download import DownloadProgress
from tiffin.media.queue import QueueEvent, media_dir
from tiffin.ui import i18n
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.downloads_model import DownloadsModel
from tiffin.ui.models.watch_model import STATE_ROLE


@pytest.fixture(params=["en", "ur"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield str(request.param)
    i18n.install(qapp, "en")


def _recording(store: Store, paths: Paths, clip: Path, title: str) -> Download:
    folder = media_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{title}.mp4"
    shutil.copy(clip, folder / name)
    entry = downloads.enqueue(store, f"http://live.test/{len(title)}.m3u8", title=title, live=True)
    size = (folder / name).stat().st_size
    downloads.record_done(store, entry.id, DoneFile(title, name, size, 8.0))
    return entry


def _plain(text: object) -> str:
    """`text` without the marks that keep its left-to-right runs whole in Urdu."""
    return str(text).replace("\u2066", "").replace("\u2069", "")


def _status(window: MainWindow, entry_id: int) -> str:
    model = window.downloads.model
    row = next(n for n, e in enumerate(model.entries) if e.id == entry_id)
    return _plain(model.index(row, DownloadsModel.STATUS).data())


def test_the_downloads_and_watch_views_say_what_a_recording_lacks_and_how_it_heals(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings, clip: Path, language: str
) -> None:
    gappy = _recording(store, paths, clip, "Rally, Sunday evening")
    heals.note_recording(store, gappy.id, 12.0, [(3.0, 5.5)], wanted=True)
    heals.heal_later(
        store, gappy.id, "the stream is still live; it is healed once its replay is up"
    )
    healed = _recording(store, paths, clip, "Rally, the speech")
    heals.note_recording(store, healed.id, 0.0, [], wanted=False)
    heals.set_heal(store, healed.id, Heal.HEALED, "replaced by the whole replay")
    healing = _recording(store, paths, clip, "Rally, the march")
    heals.note_recording(store, healing.id, 6.0, [], wanted=True)
    heals.heal_later(store, healing.id, "not yet")

    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.downloads.runner is None, timeout=QT_TIMEOUT_MS)
    # The queue takes the march's heal and reports its progress in seconds of the stream.
    heals.set_heal(store, healing.id, Heal.HEALING)
    window.downloads.reload()
    qtbot.waitUntil(
        lambda: any(e.heal == Heal.HEALING for e in window.downloads.model.entries),
        timeout=QT_TIMEOUT_MS,
    )
    progress = DownloadProgress(healing.id, "healing", "Rally, the march", 20, 48, 0.0, None)
    window.downloads.on_event(QueueEvent(healing.id, Status.DONE, progress))

    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.currentWidget() is window.downloads
    if language == "en":
        assert _status(window, gappy.id) == (
            "Done · gaps of 12 s · sound only 0:03–0:05 · heals from the replay when it is up"
        )
        assert _status(window, healed.id) == "Done · healed from the replay"
        assert _status(window, healing.id) == "Healing from the replay"
        row = next(n for n, e in enumerate(window.downloads.model.entries) if e.id == healing.id)
        shown = window.downloads.model.index(row, DownloadsModel.PROGRESS).data()
        assert "0:20 / 0:48" in _plain(shown)
    else:
        assert "12 s" in _status(window, gappy.id) and "Done" not in _status(window, gappy.id)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / f"recording-states-downloads-{language}.png"))

    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.currentWidget() is window.watch
    model = window.watch.model
    window.watch.reload()  # as the queue's next event would: the march is being healed now

    def badges() -> dict[int, str]:
        return {model.entry(n).id: _plain(model.index(n).data(STATE_ROLE)) for n in range(3)}

    qtbot.waitUntil(
        lambda: (
            model.rowCount() == 3 and any(model.entry(n).heal == Heal.HEALING for n in range(3))
        ),
        timeout=QT_TIMEOUT_MS,
    )
    shown = badges()
    if language == "en":
        assert shown == {gappy.id: "Gaps 12 s", healed.id: "Healed", healing.id: "Healing"}
        tip = model.index(next(n for n in range(3) if model.entry(n).id == gappy.id)).data(
            Qt.ItemDataRole.ToolTipRole
        )
        assert "sound only 0:03–0:05" in _plain(tip)
    else:
        assert all(shown.values()) and "Healed" not in shown.values()
        assert len(set(shown.values())) == 3
    assert window.grab().save(str(SHOTS / f"recording-states-watch-{language}.png"))
