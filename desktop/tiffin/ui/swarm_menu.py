"""The Share menu's swarm actions: seed a bundle folder (its magnet link shown as text and QR
code, for phones and laptops to scan), fetch one from a magnet link or a .torrent file (with
peers given by hand if need be), import it as a stick's once it is checked, and seed on what
was fetched. Every transfer is a row of the Downloads view's swarm table."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.media.holds import hold_reason
from tiffin.progress import CancelToken
from tiffin.share.swarm import fetch_bundle, seed
from tiffin.share.verify import verify_bundle
from tiffin.ui import workers
from tiffin.ui.dialogs.get_bundle_dialog import GetDialog
from tiffin.ui.models.swarm_model import SwarmModel, SwarmRow
from tiffin.ui.share_menu import qr_pixmap

_keys = itertools.count(1)


class MagnetDialog(QDialog):
    """The magnet link of a bundle being seeded, as text to copy and as a QR code."""

    def __init__(self, name: str, magnet: str, port: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{0} in the swarm").format(name))
        qr = QLabel()
        qr.setPixmap(qr_pixmap(magnet, scale=4))
        qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr.setAccessibleName(self.tr("QR code of the magnet link"))
        self.link = QLineEdit(magnet)
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Magnet link"))
        explain = QLabel(
            self.tr(
                "Other Tiffin copies on this network find it by themselves; give others this"
                " link or let them scan the code. Peers connect to port {0}."
            ).format(port)
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (qr, self.link, explain, buttons):
            layout.addWidget(widget)


class SwarmActions(QObject):
    """The swarm's two actions, their running transfers, and the model showing them."""

    def __init__(
        self,
        window: QWidget,
        paths: Paths,
        settings: Callable[[], Settings],
        import_from: Callable[[Path], object],
        report: Callable[[str], None],
        web_seeds: Callable[[Path], list[str]] = lambda _folder: [],
    ) -> None:
        super().__init__(window)
        self.window, self.paths, self.settings = window, paths, settings
        self.web_seeds = web_seeds  # the LAN view's addresses serving a folder, when it is on
        self.import_from, self.report = import_from, report
        self.model = SwarmModel(self)
        self.running: dict[int, workers.Worker] = {}
        self.dialog: QDialog | None = None
        self.seed_action = self._action(self.tr("&Seed a bundle in the swarm…"), self.ask_seed)
        self.get_action = self._action(self.tr("&Get a bundle from the swarm…"), self.ask_get)
        self.get_action.setShortcut(QKeySequence("Ctrl+Shift+G"))

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def ask_seed(self) -> None:
        """Choose a bundle folder and seed it."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Seed the bundle in"))
        if folder:
            self.seed(Path(folder))

    def seed(self, folder: Path) -> int:
        """Check the bundle in `folder`, then seed it until stopped; returns its row's key."""
        key = next(_keys)
        self.model.add(SwarmRow(key, folder.name, fetching=False))

        web_seeds = self.web_seeds(folder)

        def task(progress: Callable[[Any], None], cancel: CancelToken) -> None:
            verify_bundle(folder, self.paths)  # offer only what a receiver would accept
            seed(folder, self.settings(), port=self.settings().swarm_port, web_seeds=web_seeds,
                 on_ready=lambda m, _v1, p: progress(("ready", m, p)),
                 on_progress=progress, cancel=cancel)  # fmt: skip

        def progressed(update: Any) -> None:
            if isinstance(update, tuple):
                self.dialog = MagnetDialog(folder.name, update[1], update[2], self.window)
                self.dialog.open()
            else:
                self.model.update(key, update)

        self._start(key, task, progressed)
        return key

    def ask_get(self) -> None:
        """Ask for a link and peers, then fetch."""
        dialog = GetDialog(self.window)
        self.dialog = dialog

        def answered(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.get(dialog.link.text().strip(), dialog.chosen_peers())

        dialog.finished.connect(answered)
        dialog.open()

    def get(self, link: str, peers: list[tuple[str, int]]) -> int | None:
        """Fetch the bundle named by `link` into the library's swarm folder, import it once
        checked (asking about an untrusted packer as for a stick), and seed on; returns its
        row's key (None when the download window or the budget holds it)."""
        held = hold_reason(self.settings())
        if held:
            self.report(held)
            return None
        key = next(_keys)
        shown = link.rsplit("dn=", 1)[-1].split("&", maxsplit=1)[0]
        name = shown if "dn=" in link else Path(link).stem
        self.model.add(SwarmRow(key, name or self.tr("bundle"), fetching=True))
        dest = self.paths.data_dir / "swarm"

        def task(progress: Callable[[Any], None], cancel: CancelToken) -> None:
            fetch_bundle(link, dest, self.settings(), peers=peers, port=0,
                         keep_seeding=float("inf"), on_progress=progress,
                         on_fetched=lambda folder, _p: progress(("fetched", folder)),
                         cancel=cancel)  # fmt: skip

        def progressed(update: Any) -> None:
            if isinstance(update, tuple):
                self.report(self.tr("Fetched {0} from the swarm; checking it").format(update[1]))
                self.import_from(update[1])
            else:
                self.model.update(key, update)

        self._start(key, task, progressed)
        return key

    def _start(self, key: int, task: workers.Task, progressed: Callable[[Any], None]) -> None:
        def failed(message: str) -> None:
            worker = self.running.pop(key, None)
            if worker is not None and worker.cancel.cancelled:  # the user stopped it
                self.model.update(key, error=self.tr("stopped"))
                return
            self.model.update(key, error=message)
            self.report(message)

        def ended(_result: object) -> None:
            self.running.pop(key, None)
            self.model.update(key, error=self.tr("stopped"))

        self.running[key] = workers.start(task, ended, failed, workers.long_jobs(), progressed)

    def stop_one(self, key: int) -> None:
        """Stop one transfer (seeding, or fetching: what was fetched is kept in its folder,
        and a fetch of the same link later takes up from there)."""
        worker = self.running.get(key)
        if worker is not None:
            worker.cancel.cancel()

    def clear(self, key: int) -> None:
        """Take a stopped transfer off the list."""
        if key not in self.running:
            self.model.remove(key)

    def stop(self) -> None:
        """Stop every swarm transfer (the window is closing); what was fetched is kept."""
        for worker in self.running.values():
            worker.cancel.cancel()
