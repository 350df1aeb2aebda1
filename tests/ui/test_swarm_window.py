"""The swarm from the window: Share → Get a bundle from the swarm, typed as a person would,
fetches from another library's seed, asks about the untrusted packer, imports, and seeds on;
Share → Seed shows the magnet link and its QR code; the Downloads view's swarm table shows
each bundle with its state, progress and peers. Screenshots in English and Urdu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from share.test_bundles import URDU, _library
from share.test_swarm import QUIET, _photo_of_qr, _seeding
from support.walkthrough import SHOTS, type_text
from tiffin.config import Paths
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.share.export import Selection, export_bundle
from tiffin.ui import i18n
from tiffin.ui.dialogs.get_bundle_dialog import GetDialog
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.swarm_model import SwarmModel
from tiffin.ui.swarm_menu import MagnetDialog, SwarmActions


@pytest.fixture(params=["en", "ur"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.install(qapp, request.param)
    yield str(request.param)
    i18n.install(qapp, "en")


def test_a_bundle_is_fetched_from_the_swarm_imported_and_seeded_on(
    qtbot: QtBot, store: Store, paths: Paths, tmp_path: Path, clip: Path, language: str
) -> None:
    sender = Paths.under(tmp_path / "sender").ensure()
    with Store(sender.database) as sender_store:
        _library(sender, sender_store, clip)
        bundle = tmp_path / "usb" / "rally"
        export_bundle(sender_store, sender, bundle, Selection(), "Ayesha")
    window = MainWindow(store, paths, QUIET)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    swarm = window.findChild(SwarmActions)
    assert swarm is not None
    texts = {a.text() for a in window.actions()}
    assert {swarm.seed_action.text(), swarm.get_action.text()} <= texts
    with _seeding(bundle) as (magnet, port):
        qtbot.keyClick(
            window,
            Qt.Key.Key_G,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        dialog = swarm.dialog
        assert isinstance(dialog, GetDialog) and dialog.isVisible()
        dialog.link.setFocus()
        type_text(dialog.link, str(_photo_of_qr(magnet, tmp_path / "qr-photo.jpg")))
        qtbot.keyClick(dialog.link, Qt.Key.Key_Return)  # a picture: the link is read from it
        qtbot.waitUntil(lambda: dialog.link.text() == magnet, timeout=QT_TIMEOUT_MS)
        assert dialog.isVisible()  # to be confirmed, with the peers
        type_text(dialog.peers, f"127.0.0.1:{port}")
        qtbot.keyClick(dialog.peers, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sharing.trust_box is not None, timeout=60_000)
        box = window.sharing.trust_box
        assert box is not None
        once = box.buttons()[1]  # Import once
        with qtbot.waitSignal(window.sharing.imported, timeout=QT_TIMEOUT_MS):
            qtbot.mouseClick(once, Qt.MouseButton.LeftButton)
    assert {i.title for i in queries.list_items(store)} == {URDU, "Rally video"}
    qtbot.waitUntil(lambda: window.item_model.rowCount() == 2, timeout=QT_TIMEOUT_MS)
    model = swarm.model
    assert model.rowCount() == 1
    state = model.index(0, SwarmModel.STATE).data()
    if language == "en":
        assert state in ("Seeding", "Stopped: stopped") or state.startswith("Seeding")
    assert model.index(0, SwarmModel.PROGRESS).data()

    swarm.seed(bundle)  # as Share → Seed does with the folder chosen
    qtbot.waitUntil(lambda: isinstance(swarm.dialog, MagnetDialog), timeout=QT_TIMEOUT_MS)
    shown = swarm.dialog
    assert isinstance(shown, MagnetDialog) and shown.link.text().startswith("magnet:?xt=")
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert shown.grab().save(str(SHOTS / f"swarm-magnet-{language}.png"))
    shown.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.currentWidget() is window.downloads
    qtbot.waitUntil(window.downloads.swarm_table.isVisible, timeout=QT_TIMEOUT_MS)
    seeding = model.entries[1]
    qtbot.waitUntil(
        lambda: seeding.progress is not None and seeding.progress.state == "seeding",
        timeout=QT_TIMEOUT_MS,
    )
    assert window.grab().save(str(SHOTS / f"swarm-downloads-{language}.png"))
    table = window.downloads.swarm_table
    row = table.visualRect(model.index(1, SwarmModel.NAME)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # stops this seed; the other goes on
    qtbot.waitUntil(lambda: seeding.key not in swarm.running, timeout=QT_TIMEOUT_MS)
    assert seeding.error and model.entries[0].key in swarm.running
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # a stopped row is cleared from the list
    assert [entry.key for entry in model.entries] == [model.entries[0].key]
    swarm.stop()
    qtbot.waitUntil(lambda: not swarm.running, timeout=QT_TIMEOUT_MS)
