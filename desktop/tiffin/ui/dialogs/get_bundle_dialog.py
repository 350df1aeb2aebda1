"""The dialog asking which bundle to get from the swarm: a magnet link, a .torrent file or a
picture of the seeder's QR code (read in a worker), and peers to ask by hand."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tiffin.share.qr_picture import PICTURE_SUFFIXES, is_picture, link_in_picture
from tiffin.share.swarm import parse_peer
from tiffin.ui import workers


class GetDialog(QDialog):
    """Asks for a magnet link, a .torrent file or a picture of the seeder's QR code, and peers
    to ask (optional)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Get a bundle from the swarm"))
        self.link = QLineEdit()
        self.link.setPlaceholderText(self.tr("magnet:?xt=… or a .torrent file"))
        self.link.setAccessibleName(self.tr("Magnet link or torrent file"))
        choose = QPushButton(self.tr("&File…"))
        choose.clicked.connect(self.choose)
        self.scan = QPushButton(self.tr("From a &QR picture…"))
        self.scan.setToolTip(self.tr("A photo or screenshot of the QR code the seeder shows"))
        self.scan.clicked.connect(self.choose_picture)
        row = QHBoxLayout()
        row.addWidget(self.link)
        row.addWidget(choose)
        row.addWidget(self.scan)
        self.peers = QLineEdit()
        self.peers.setPlaceholderText(self.tr("optional: 192.168.1.5:6881, …"))
        self.peers.setAccessibleName(self.tr("Peers to ask"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Link:"), row)
        form.addRow(self.tr("&Peers:"), self.peers)
        form.addRow(self.error)
        form.addRow(buttons)

    def choose(self) -> None:
        """Pick a .torrent file."""
        found, _ = QFileDialog.getOpenFileName(
            self, self.tr("Torrent file"), "", self.tr("Torrent files (*.torrent)")
        )
        if found:
            self.link.setText(found)

    def choose_picture(self) -> None:
        """Pick a picture of a QR code and read the link in it."""
        kinds = " ".join(f"*{suffix}" for suffix in PICTURE_SUFFIXES)
        found, _ = QFileDialog.getOpenFileName(
            self, self.tr("Picture of the QR code"), "", self.tr("Pictures ({0})").format(kinds)
        )
        if found:
            self.read_picture(Path(found))

    def read_picture(self, path: Path) -> None:
        """Read the link in the QR code pictured in `path` (in a worker) into the link box."""
        self.scan.setEnabled(False)
        self.error.setText(self.tr("Reading the QR code…"))

        def done(link: str) -> None:
            self.scan.setEnabled(True)
            self.error.clear()
            self.link.setText(link)

        def failed(message: str) -> None:
            self.scan.setEnabled(True)
            self.error.setText(message)

        workers.start(lambda _p, _c: link_in_picture(path), done, failed)

    def chosen_peers(self) -> list[tuple[str, int]]:
        """The peers typed; raises ValueError naming one that is not host:port."""
        texts = self.peers.text().replace(",", " ").split()
        return [parse_peer(text) for text in texts]

    def check(self) -> None:
        """Accept only a link and well-formed peers, saying what is wrong otherwise."""
        link = self.link.text().strip()
        if is_picture(link):
            self.read_picture(Path(link))  # the link it holds replaces it, to be confirmed
            return
        if not link.startswith("magnet:") and not Path(link).is_file():
            self.error.setText(self.tr("Give a magnet link or a .torrent file that exists"))
            return
        try:
            self.chosen_peers()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
