"""The Share menu: export a signed bundle (to a USB stick), import one, and turn the LAN view
on or off (showing its address, access code and QR code)."""

from __future__ import annotations

import getpass
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.share import keys
from tiffin.share.export import ExportProgress, ExportReport, Selection, export_bundle
from tiffin.share.import_bundle import ImportReport, import_bundle
from tiffin.share.serve import LanShare
from tiffin.share.verify import VerifiedBundle, verify_bundle
from tiffin.textdir import left_to_right
from tiffin.ui import workers


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    """`text` as a QR code picture."""
    import segno  # noqa: PLC0415 - only when sharing

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(out.getvalue(), "PNG")
    return pixmap


class LanDialog(QDialog):
    """Where phones can open the library: the address, its code and the QR code."""

    def __init__(self, share: LanShare, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Library on the local network"))
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(share.address))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName(self.tr("QR code of the address"))
        # The QR code holds the best address; the others are there for a phone on another
        # of the laptop's networks (a second Wi-Fi, the hotspot, an Ethernet).
        self.address = QLabel("\n".join(share.addresses))
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel(self.tr("Access code: {0}").format(share.code))
        explain = QLabel(
            self.tr(
                "Phones on the same Wi-Fi can scan this code to read and watch the library."
                " Nothing can be changed from there. Turn sharing off in the Share menu."
            )
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.qr, self.address, self.code, explain, buttons):
            layout.addWidget(widget)


class ShareMenu(QObject):
    """Builds the Share menu for `window`; `selected` gives the source ids chosen in the
    window (None: all), `settings` the settings in use, `report` shows a line in the status
    bar. `imported` is emitted with the ImportReport of each bundle imported."""

    imported = Signal(object)

    def __init__(
        self,
        window: QWidget,
        store: Store,
        paths: Paths,
        settings: Callable[[], Settings],
        selected: Callable[[], Sequence[int] | None],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window, self.store, self.paths, self.settings = window, store, paths, settings
        self.selected, self.report = selected, report
        self.share: LanShare | None = None
        self.trust_box: QMessageBox | None = None
        self.import_worker: workers.Worker | None = None
        self.also_stop: list[Callable[[], None]] = []  # other sharing to end with the window
        self.export_action = self._action(self.tr("&Export bundle…"), "Ctrl+Shift+E", self.export)
        self.import_action = self._action(self.tr("&Import bundle…"), "Ctrl+Shift+I", self.import_)
        self.lan_action = self._action(
            self.tr("Share on the &local network"), "Ctrl+Shift+L", self.toggle_lan
        )
        self.lan_action.setCheckable(True)

    def _action(self, text: str, keys_: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys_))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def add_to(self, menu: QMenu) -> None:
        """Put the actions in `menu`."""
        for action in (self.export_action, self.import_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.lan_action)

    # -- bundles ------------------------------------------------------------------------------
    def export(self) -> None:
        """Ask for a folder (a USB stick) and export the chosen sources (or all) there."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export bundle to"))
        if folder:
            self.export_to(Path(folder) / "tiffin-bundle", Selection(tuple(self.selected() or ())))

    def export_to(self, folder: Path, chosen: Selection) -> workers.Worker:
        """Export `chosen` to `folder` in a worker, with progress in the status bar."""

        def task(progress: Callable[[Any], None], cancel: CancelToken) -> ExportReport:
            return export_bundle(
                self.store, self.paths, folder, chosen, getpass.getuser(), progress, cancel
            )

        def progressed(step: ExportProgress) -> None:
            share = 100 * step.done // max(1, step.total)
            self.report(self.tr("Exporting the bundle: {0}%").format(share))

        def done(report: ExportReport) -> None:
            assert report.packer is not None
            self.report(
                self.tr("Exported {0} items ({1} MiB) to {2}; signed with key {3}").format(
                    report.items, report.bytes // 2**20, report.folder, report.packer.fingerprint
                )
            )

        return workers.start(task, done, self.failed, workers.long_jobs(), progressed)

    def import_(self) -> None:
        """Ask for a bundle folder and import it."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import the bundle in"))
        if folder:
            self.import_from(Path(folder))

    def import_from(self, folder: Path) -> workers.Worker:
        """Verify the bundle at `folder` in a worker; a bundle from a packer the user trusts is
        then imported at once, one from anyone else only after the user says so
        (`trust_box`). Returns the verifying worker."""

        def task(progress: Callable[[Any], None], _cancel: CancelToken) -> VerifiedBundle:
            return verify_bundle(folder, self.paths, lambda done, total: progress((done, total)))

        def verified(bundle: VerifiedBundle) -> None:
            if bundle.trusted_as is not None:
                self.import_worker = self._import(folder, bundle.packer, trust=False)
            else:
                self._ask_trust(folder, bundle)

        return workers.start(task, verified, self.failed, workers.long_jobs(), self._checking)

    def _checking(self, step: tuple[int, int]) -> None:
        share = 100 * step[0] // max(1, step[1])
        self.report(self.tr("Checking the bundle: {0}%").format(share))

    def _ask_trust(self, folder: Path, bundle: VerifiedBundle) -> None:
        packer = bundle.packer
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import from a packer you have not trusted?"))
        box.setText(
            self.tr(
                "The bundle was signed by {0} with key\n{1}\nwhom you have not trusted. Its"
                " items will be marked as from an untrusted packer. Compare the key with the"
                " packer's own, in person."
            ).format(packer.name, packer.fingerprint)
        )
        trust = box.addButton(self.tr("Trust and import"), QMessageBox.ButtonRole.AcceptRole)
        once = box.addButton(self.tr("Import once"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            chosen = box.clickedButton()
            if chosen in (trust, once):
                self.import_worker = self._import(folder, packer, trust=chosen is trust)
            else:
                self.report(self.tr("Nothing was imported"))

        box.finished.connect(answered)
        self.trust_box = box
        box.open()

    def _import(self, folder: Path, packer: keys.Packer, trust: bool) -> workers.Worker:
        def task(progress: Callable[[Any], None], _cancel: CancelToken) -> ImportReport:
            if trust:
                keys.trust(self.paths, packer)
            return import_bundle(
                self.store, self.paths, folder, lambda done, total: progress((done, total))
            )

        def done(report: ImportReport) -> None:
            packer = report.bundle.packer
            who = (
                self.tr("signed by {0}, whom you trust as {1}").format(
                    packer.name, report.bundle.trusted_as
                )
                if report.bundle.trusted_as
                else self.tr("signed by {0} (key {1}), not among the packers you trust").format(
                    packer.name, packer.fingerprint
                )
            )
            self.report(
                self.tr("Imported {0} items and {1} media files, {2}").format(
                    report.items, report.media, who
                )
            )
            self.imported.emit(report)

        return workers.start(task, done, self.failed, workers.long_jobs(), self._checking)

    # -- LAN view -----------------------------------------------------------------------------
    def toggle_lan(self) -> None:
        """Turn the LAN view on (and show where) or off."""
        if self.share is not None:
            share, self.share = self.share, None
            workers.start(lambda _p, _c: share.stop(), lambda _r: None, self.failed)
            self.report(self.tr("The library is no longer shared on the network"))
            return
        chosen = self.settings()
        candidate = LanShare(self.store, self.paths, chosen.lan_host, chosen.lan_port)

        def started(share: LanShare) -> None:
            self.share = share
            if share.taken:
                self.report(
                    self.tr("Port {0} was taken; sharing the library read-only at {1}").format(
                        share.taken[0], share.address
                    )
                )
            else:
                self.report(
                    self.tr("Sharing the library read-only at {0}").format(
                        left_to_right(share.address)
                    )
                )
            LanDialog(share, self.window).open()

        def failed(message: str) -> None:
            self.lan_action.setChecked(False)
            self.failed(message)

        workers.start(lambda _p, _c: candidate.start(), started, failed)

    def stop(self) -> None:
        """Stop sharing (the window is closing)."""
        for stop in self.also_stop:
            stop()
        if self.share is not None:
            self.share.stop()
            self.share = None

    def failed(self, message: str) -> None:
        """Show what went wrong."""
        self.report(message)
        if not self.window.isHidden():
            QMessageBox.warning(self.window, self.tr("Tiffin"), message)
