"""The settings dialog: budgets, the cap, the download window and the proxy, applied at once
to the window, the download queue and every transfer (the process's Governor)."""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from tiffin.config import Paths, Settings
from tiffin.library.store import Store
from tiffin.net.governor import PROXY, Governor
from tiffin.net.line import Observation
from tiffin.net.line_history import save_observations
from tiffin.net.proxy import load_password
from tiffin.ui.dialogs.settings_dialog import Choice, SettingsDialog
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.line_model import LineModel

MiB, KiB = 1024 * 1024, 1024


def test_the_dialog_shows_and_returns_the_settings(qtbot: QtBot, settings: Settings) -> None:
    start = replace(
        settings,
        daily_budget=300 * MiB,
        bandwidth_cap=512 * KiB,
        media_window=(23, 6),
        proxy="socks5://me@127.0.0.1:9050",
        proxy_mode="blocked",
    )
    dialog = SettingsDialog(start)
    qtbot.addWidget(dialog)
    assert (dialog.daily.value(), dialog.monthly.text(), dialog.cap.value()) == (
        300,
        "no limit",
        512,
    )
    assert dialog.hours.checkbox.isChecked() and dialog.hours.start.value() == 23
    assert dialog.proxy.text() == "socks5://me@127.0.0.1:9050"
    assert dialog.chosen() == Choice(start)

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.proxy.setText("ftp://127.0.0.1:21")
    assert not ok.isEnabled() and "starts with one of" in dialog.problem.text()
    dialog.proxy.setText("http://you:typed-here@10.0.0.2:3128")
    assert ok.isEnabled()
    dialog.hours.checkbox.setChecked(False)
    dialog.cap.setValue(0)
    choice = dialog.chosen()
    assert (choice.settings.proxy, choice.password) == ("http://you@10.0.0.2:3128", "typed-here")
    assert choice.settings.media_window is None and choice.settings.bandwidth_cap is None


def test_settings_apply_at_once_without_a_restart(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    save_observations(store, [Observation("news.test", "ok", time.time(), 1000, 0.1)])
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.daily.setValue(200)
        dialog.cap.setValue(256)
        dialog.proxy.setText("socks5://me@127.0.0.1:9050")
        dialog.password.setText("pa55word")
        dialog.mode.setCurrentIndex(dialog.mode.findData("all"))
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: "Settings saved" in window.status_label.text(), timeout=QT_TIMEOUT_MS)

    saved = Settings.load(paths.settings_file)
    assert (saved.daily_budget, saved.bandwidth_cap) == (200 * MiB, 256 * KiB)
    assert window.downloads.queue.settings == saved == window.settings
    assert governed.bucket.rate == 256 * KiB and governed.route("news.test") == PROXY
    assert load_password(paths, "socks5://me@127.0.0.1:9050") == "pa55word"
    assert "pa55word" not in paths.settings_file.read_text()
    path = window.line.model.index(0, LineModel.PATH)
    qtbot.waitUntil(
        lambda: path.data() == "via proxy \u2066socks5://127.0.0.1:9050\u2069",  # one LTR run
        timeout=QT_TIMEOUT_MS,
    )
