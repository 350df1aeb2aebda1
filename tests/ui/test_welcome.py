"""The first run's welcome: a folder on a "USB stick" chosen, a starter unticked, download hours
and a budget set; the library made there with the ticked subscriptions, and later starts find
it (or say it is missing); skipping gives an empty library in the default folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tiffin.config import HOME_ENV, Paths, Settings, remembered_location
from tiffin.errors import LibraryMissing
from tiffin.first_run import is_first_run, set_up
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.sources.starters import STARTERS
from tiffin.ui import app
from tiffin.ui.dialogs.welcome_dialog import WelcomeDialog

MiB = 1024 * 1024


@pytest.fixture
def platform_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """The platform's user folders, moved under tmp_path."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "user" / name.lower()))
    monkeypatch.delenv(HOME_ENV, raising=False)
    return Paths.resolve()


def _button(dialog: WelcomeDialog, role: QDialogButtonBox.ButtonRole) -> QDialogButtonBox:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return next(b for b in box.buttons() if box.buttonRole(b) == role)  # type: ignore[return-value]


def test_welcome_sets_up_a_library_on_a_stick(
    qtbot: QtBot, tmp_path: Path, platform_dirs: Paths, store: Store
) -> None:
    assert is_first_run(platform_dirs)
    dialog = WelcomeDialog(platform_dirs.data_dir, Settings())
    qtbot.addWidget(dialog)
    stick = tmp_path / "usb" / "tiffin"
    dialog.folder.setText(str(stick))
    dialog.starter_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    dialog.hours.checkbox.setChecked(True)
    dialog.hours.start.setValue(2)
    dialog.hours.end.setValue(5)
    dialog.daily.setValue(200)
    dialog.language.setCurrentIndex(dialog.language.findData("ur"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _button(dialog, QDialogButtonBox.ButtonRole.AcceptRole).click()

    paths = set_up(platform_dirs, dialog.chosen())
    assert paths.data_dir == stick.resolve() and not is_first_run(paths)
    with Store(paths.database) as made:
        made_sources = queries.list_sources(made)
    urls = [s.url for s in made_sources]
    assert {s.folder for s in made_sources} == {"خبریں", "آزادیِ صحافت"}  # chose Urdu
    assert sorted(urls) == sorted(s.url for i, s in enumerate(STARTERS) if i != 1)
    settings = Settings.load(paths.settings_file)
    assert settings.media_window == (2, 5) and settings.daily_budget == 200 * MiB
    assert settings.language == "ur"

    assert remembered_location() == stick.resolve()
    assert Paths.resolve() == paths  # the next start opens the stick's library
    shutil.rmtree(tmp_path / "usb")  # the stick is not plugged in
    with pytest.raises(LibraryMissing, match="USB stick"):
        Paths.resolve()


def test_a_relative_folder_keeps_the_welcome_open(qtbot: QtBot, platform_dirs: Paths) -> None:
    dialog = WelcomeDialog(platform_dirs.data_dir, Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText("tiffin-library")
    _button(dialog, QDialogButtonBox.ButtonRole.AcceptRole).click()
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "whole path" in dialog.problem.text()


def test_a_given_folder_is_not_asked(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = WelcomeDialog(tmp_path / "given", Settings(), folder_fixed=True)
    qtbot.addWidget(dialog)
    assert dialog.folder.isReadOnly()
    assert dialog.chosen().folder is None


def test_skipping_the_welcome_gives_an_empty_library_where_it_would_be(
    qtbot: QtBot, qapp: QApplication, platform_dirs: Paths, store: Store
) -> None:
    def skip() -> None:
        dialog = qapp.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            QTimer.singleShot(20, skip)
            return
        _button(dialog, QDialogButtonBox.ButtonRole.RejectRole).click()

    QTimer.singleShot(0, skip)
    paths = app.welcome(platform_dirs, Settings(), folder_fixed=False)
    assert paths == platform_dirs and not is_first_run(paths)
    with Store(paths.database) as made:
        assert queries.list_sources(made) == []
    assert remembered_location() is None
