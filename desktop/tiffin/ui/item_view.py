"""The item pane: an item's sanitised HTML shown with nothing loaded from the network."""

from __future__ import annotations

import html

from PySide6.QtCore import QDateTime, QLocale, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from tiffin.library.models import Item


class ItemView(QTextBrowser):
    """Shows one item. Remote images, styles and frames are never fetched: loadResource answers
    nothing. A clicked link is not followed here; `link_activated` hands it to the window, which
    shows the address before opening it in the system browser."""

    link_activated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated.emit)
        self.setAccessibleName(self.tr("Item text"))

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None

    def show_item(self, item: Item, source_title: str) -> None:
        """Render `item` (its HTML was sanitised with nh3 before it was stored)."""
        when = ""
        if item.published:
            stamp = QDateTime.fromSecsSinceEpoch(int(item.published))
            when = QLocale().toString(stamp, QLocale.FormatType.LongFormat)
        body = item.content_html or item.summary_html
        link = (
            f'<p><a href="{html.escape(item.url, quote=True)}">{html.escape(item.url)}</a></p>'
            if item.url
            else ""
        )
        enclosures = "".join(
            f"<li>{html.escape(e.type or 'file')}: {html.escape(e.url)}</li>"
            for e in item.enclosures
        )
        self.setHtml(
            f"<h2>{html.escape(item.title or self.tr('(untitled)'))}</h2>"
            f"<p><i>{html.escape(source_title)}</i> · {html.escape(when)}"
            f"{' · ' + html.escape(item.author) if item.author else ''}</p>"
            f"{link}<hr/>{body}"
            f"{'<ul>' + enclosures + '</ul>' if enclosures else ''}"
        )
