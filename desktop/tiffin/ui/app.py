"""Starting the GUI: the QApplication, the library, and the main window."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tiffin import __version__
from tiffin.config import Paths, Settings
from tiffin.errors import TiffinError
from tiffin.first_run import Welcome, is_first_run, set_up
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.ui import i18n, workers
from tiffin.ui.dialogs.welcome_dialog import WelcomeDialog
from tiffin.ui.main_window import MainWindow


def _application() -> QApplication:
    found = QApplication.instance()
    app = found if isinstance(found, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Tiffin")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Tiffin")
    app.setDesktopFileName("io.github.tiffin_app.Tiffin")
    app.setWindowIcon(QIcon(str(resources.files("tiffin") / "data" / "tiffin.svg")))
    workers.collect_garbage_on_gui_thread()
    return app


def refuse_start(message: str) -> int:
    """Say in a window why Tiffin cannot start (it may have been started from a menu, with no
    terminal to read); returns the exit code."""
    _application()
    QMessageBox.critical(None, "Tiffin", message)
    return 1


def welcome(paths: Paths, settings: Settings, folder_fixed: bool) -> Paths:
    """Ask the first run's questions and set the library up as chosen; returns where it lives.
    Skipping keeps the defaults, with no subscriptions."""
    dialog = WelcomeDialog(paths.data_dir, settings, folder_fixed)
    chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    return set_up(paths, chosen or Welcome(None, (), settings))


def run(paths: Paths, folder_fixed: bool = False, opening: str | None = None) -> int:
    """Open the window on the library in `paths`, after the welcome if there is none yet (with
    `folder_fixed`, the folder was given and is not asked), offering to import or subscribe
    to `opening` (a file or address the file manager handed over); returns the exit code."""
    app = _application()
    settings = Settings.load(paths.settings_file)
    i18n.install(app, settings.language)
    try:
        if is_first_run(paths):
            paths = welcome(paths, settings, folder_fixed)
            settings = Settings.load(paths.settings_file)
            i18n.install(app, settings.language)  # the window opens in the language chosen
        store = Store(paths.database)
    except (TiffinError, OSError) as exc:
        QMessageBox.critical(None, "Tiffin", str(exc))
        return 1
    rules = governor.install(settings, paths)
    window = MainWindow(store, paths, settings)
    window.show()
    if opening:
        window.subscriptions.open_given(opening)
    try:
        return int(app.exec())
    finally:
        workers.wait_for_all(-1)
        rules.close()
        store.close()
