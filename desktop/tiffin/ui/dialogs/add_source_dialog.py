"""Add a subscription: validates the address, subscribes in a worker, shows errors in place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.fetch.subscribe import Subscription, subscribe
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.textdir import left_to_right
from tiffin.ui import workers
from tiffin.ui.address_field import address_field


def is_web_address(text: str) -> bool:
    """True for an absolute http(s) address with a host."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    return url.isValid() and url.scheme() in ("http", "https") and bool(url.host())


class AddSourceDialog(QDialog):
    """Asks for a feed or page address and a folder; stays open with the reason if it fails."""

    subscribed = Signal(object)

    def __init__(
        self,
        store: Store,
        paths: Paths,
        settings: Settings,
        folders: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.paths, self.settings = store, paths, settings
        self.worker: workers.Worker | None = None
        self.setWindowTitle(self.tr("Add subscription"))
        self.setMinimumWidth(480)

        self.url_edit = address_field()
        self.url_edit.setPlaceholderText(self.tr("https://example.com/feed or a site's address"))
        self.url_edit.setAccessibleName(self.tr("Address"))
        self.folder_box = QComboBox()
        self.folder_box.setEditable(True)
        self.folder_box.addItems(["", *folders])
        self.folder_box.setAccessibleName(self.tr("Folder"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Subscribe"))
        self.ok_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.url_edit)
        form.addRow(self.tr("&Folder:"), self.folder_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self.url_edit.textChanged.connect(self.on_url_changed)
        self.buttons.accepted.connect(self.on_subscribe_clicked)
        self.buttons.rejected.connect(self.reject)

    def on_url_changed(self, text: str) -> None:
        valid = is_web_address(text)
        self.ok_button.setEnabled(valid)
        self.message.setText(
            "" if valid or not text.strip() else self.tr("Enter an address starting with https://")
        )

    def _task(self, url: str, folder: str) -> Callable[[Callable[[Any], None], CancelToken], Any]:
        def run(_progress: Callable[[Any], None], _cancel: CancelToken) -> Subscription:
            return subscribe(self.store, self.paths, self.settings, url, folder)

        return run

    def on_subscribe_clicked(self) -> None:
        self._set_busy(True)
        self.message.setText(self.tr("Fetching…"))
        self.worker = workers.start(
            self._task(self.url_edit.text(), self.folder_box.currentText().strip()),
            self.on_subscribe_finished,
            self.on_subscribe_failed,
            workers.long_jobs(),
        )

    def on_subscribe_finished(self, result: Subscription) -> None:
        self._set_busy(False)
        self.subscribed.emit(result)
        if not result.waiting:
            self.accept()
            return
        # Kept, not fetched: say so here, where the user is looking, and let them close.
        self.message.setText(
            self.tr(
                "Kept {0}, but its host does not answer now ({1}). It is fetched at the next refresh."  # noqa: E501 - one string for lupdate
            ).format(left_to_right(result.source.url), left_to_right(result.waiting))
        )
        self.ok_button.setEnabled(False)
        self.url_edit.setEnabled(False)  # done with this address: only closing is left
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close"))
        cancel.setFocus()
        self.adjustSize()  # the whole sentence shows, not its first lines

    def on_subscribe_failed(self, message: str) -> None:
        self._set_busy(False)
        self.message.setText(self.tr("Could not subscribe: {0}").format(message))
        self.message.setStyleSheet("color: #b3261e")

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.url_edit.setEnabled(not busy)
        self.folder_box.setEnabled(not busy)
        self.ok_button.setEnabled(not busy and is_web_address(self.url_edit.text()))
        if not busy:
            self.message.setStyleSheet("")
