"""Starting the GUI: the QApplication, the library, and the main window."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tiffin import __version__
from tiffin.config import Paths, Settings
from tiffin.errors import TiffinError
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.ui import i18n, workers
from tiffin.ui.main_window import MainWindow


def run(paths: Paths) -> int:
    """Open the window on the library in `paths`; returns the exit code when it closes."""
    found = QApplication.instance()
    app = found if isinstance(found, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Tiffin")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Tiffin")
    app.setDesktopFileName("io.github.tiffin_app.Tiffin")
    app.setWindowIcon(QIcon(str(resources.files("tiffin") / "data" / "tiffin.svg")))
    try:
        store = Store(paths.database)
    except TiffinError as exc:
        QMessageBox.critical(None, "Tiffin", str(exc))
        return 1
    settings = Settings.load(paths.settings_file)
    i18n.install(app, settings.language)
    rules = governor.install(settings, paths)
    window = MainWindow(store, paths, settings)
    window.show()
    try:
        return int(app.exec())
    finally:
        workers.wait_for_all(-1)
        rules.close()
        store.close()
