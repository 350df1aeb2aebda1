"""Dropping on the window: a web address subscribes (or, for a video page, downloads), an
OPML file imports its subscriptions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

OPML_SUFFIXES = (".opml", ".xml")


def dropped(urls: list[QUrl], text: str) -> tuple[list[str], list[Path]]:
    """What a drop carries: web addresses, and local OPML files."""
    addresses, files = [], []
    for url in urls:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(OPML_SUFFIXES):
            files.append(Path(url.toLocalFile()))
        elif url.scheme() in ("http", "https"):
            addresses.append(url.toString())
    if not urls and text.strip().startswith(("http://", "https://")):
        addresses.append(text.strip().split()[0])
    return addresses, files


class DropTarget(QObject):
    """An event filter for a window: accepts drops of addresses and OPML files and hands them
    to `on_address` and `on_opml`."""

    def __init__(
        self,
        on_address: Callable[[str], None],
        on_opml: Callable[[Path], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_address, self.on_opml = on_address, on_opml

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent):
            mime = event.mimeData()
            addresses, files = dropped(mime.urls(), mime.text())
            if addresses or files:
                event.acceptProposedAction()
                return True
        elif isinstance(event, QDropEvent):
            mime = event.mimeData()
            addresses, files = dropped(mime.urls(), mime.text())
            for file in files:
                self.on_opml(file)
            for address in addresses:
                self.on_address(address)
            if addresses or files:
                event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)
