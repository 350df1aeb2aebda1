"""Opens the main window on a real X display (Xvfb), waits for it to fill, saves a PNG.

Usage: python screenshot_main_window.py DATA_DIR OUT.png [ITEM_ID | line | player | events]
(DISPLAY must point at the server; SHOT_LANGUAGE chooses the language, English by default).
With ITEM_ID that item is shown in the reader, with `line` the line state panel, with
`player` the first finished download in the player, with `events` the events view (its
last event chosen), else the second item of the list. The window fills a 1366x768 screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.store import Store
from tiffin.ui import i18n, workers
from tiffin.ui.main_window import MainWindow


def main() -> int:
    paths = Paths.under(Path(sys.argv[1]))
    out = Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    i18n.install(app, os.environ.get("SHOT_LANGUAGE", "en"))
    store = Store(paths.database)
    window = MainWindow(store, paths, Settings())
    window.setGeometry(0, 0, 1366, 768)  # the most common laptop screen, filled
    window.show()

    def shoot() -> None:
        line_empty = sys.argv[3:] == ["line"] and window.line.model.rowCount() == 0
        if window.item_model.rowCount() == 0 or line_empty:
            QTimer.singleShot(100, shoot)
            return
        if sys.argv[3:] == ["line"]:
            window.item_list.setCurrentIndex(window.item_model.index(1))
            window.pane.setCurrentWidget(window.line)
        elif sys.argv[3:] == ["events"]:
            if not window.events_view.plans:
                QTimer.singleShot(100, shoot)
                return
            window.pane.setCurrentWidget(window.events_view)
            view = window.events_view
            view.event_list.setCurrentIndex(view.events_model.index(len(view.plans) - 1))
        elif sys.argv[3:] in (["watch"], ["downloads"]):
            view = window.watch if sys.argv[3] == "watch" else window.downloads
            window.pane.setCurrentWidget(view)
            if window.watch.model.rowCount() == 0:
                QTimer.singleShot(100, shoot)
                return
            window.item_list.setCurrentIndex(window.item_model.index(1))
        elif sys.argv[3:] == ["player"]:
            window.play(downloads.list_downloads(store, [downloads.Status.DONE])[0])
            QTimer.singleShot(1500, window.player.player.pause)
        elif len(sys.argv) > 3:
            window.items.show_item(int(sys.argv[3]))
        else:
            window.item_list.setCurrentIndex(window.item_model.index(1))
        QTimer.singleShot(800, grab)

    def grab() -> None:
        screen = window.screen()
        image = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
        image.save(str(out))
        app.quit()

    QTimer.singleShot(300, shoot)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    workers.wait_for_all(-1)
    store.close()
    return 0 if out.exists() else 1


if __name__ == "__main__":
    sys.exit(main())
