"""The Share menu: a bundle exported from one window and imported in another, and the LAN
view turned on (its address, code and QR code shown) and off, all off the GUI thread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from share.test_bundles import URDU, _library
from tiffin.config import Paths, Settings
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.share.export import Selection
from tiffin.ui.main_window import MainWindow
from tiffin.ui.share_menu import LanDialog


def test_a_bundle_goes_from_one_window_to_another(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings, tmp_path: Path, clip: Path
) -> None:
    sender_paths = Paths.under(tmp_path / "sender").ensure()
    with Store(sender_paths.database) as sender_store:
        _library(sender_paths, sender_store, clip)
        sender = MainWindow(sender_store, sender_paths, settings)
        qtbot.addWidget(sender)
        folder = tmp_path / "usb" / "tiffin-bundle"
        worker = sender.sharing.export_to(folder, Selection())
        with qtbot.waitSignal(worker.signals.finished, timeout=QT_TIMEOUT_MS):
            pass
        assert sender.status_label.text().startswith("Exported 2 items")

    receiver = MainWindow(store, paths, settings)
    qtbot.addWidget(receiver)
    worker = receiver.sharing.import_from(folder)
    with qtbot.waitSignal(worker.signals.finished, timeout=QT_TIMEOUT_MS):
        pass
    # Signed by a packer this library has not trusted: nothing is imported before the user
    # says so.
    box = receiver.sharing.trust_box
    assert box is not None and box.isVisible() and queries.list_items(store) == []
    assert "whom you have not trusted" in box.text()
    once = next(b for b in box.buttons() if b.text() == "Import once")
    with qtbot.waitSignal(receiver.sharing.imported, timeout=QT_TIMEOUT_MS):
        qtbot.mouseClick(once, Qt.MouseButton.LeftButton)
    assert receiver.status_label.text().startswith("Imported 2 items and 1 media files")
    assert "not among the packers you trust" in receiver.status_label.text()
    assert {i.title for i in queries.list_items(store)} == {URDU, "Rally video"}
    # What came in is shown at once: the source in the list, its items, its video to watch.
    qtbot.waitUntil(lambda: receiver.item_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: receiver.watch.model.rowCount() == 1, timeout=QT_TIMEOUT_MS)


def test_the_lan_view_is_turned_on_and_off(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    local = replace(settings, lan_host="127.0.0.1", lan_port=0)
    window = MainWindow(store, paths, local)
    qtbot.addWidget(window)
    window.sharing.lan_action.trigger()
    qtbot.waitUntil(lambda: window.sharing.share is not None, timeout=QT_TIMEOUT_MS)
    share = window.sharing.share
    assert share is not None
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LanDialog))
    assert not dialog.qr.pixmap().isNull() and dialog.address.text() == share.address
    assert share.code in dialog.code.text()
    with httpx.Client(trust_env=False) as phone:
        assert phone.get(share.address, follow_redirects=True).status_code == 200
    dialog.close()
    window.sharing.lan_action.trigger()
    assert window.sharing.share is None
    qtbot.waitUntil(lambda: "no longer shared" in window.status_label.text(), timeout=QT_TIMEOUT_MS)
