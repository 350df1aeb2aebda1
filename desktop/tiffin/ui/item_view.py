"""The reader: an item's sanitised HTML shown with nothing loaded from the network."""

from __future__ import annotations

import html
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QImageReader, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from tiffin.articles.images import ImageFolder
from tiffin.articles.words import words
from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.models import Item
from tiffin.markup import LOCAL_IMAGE_SCHEME, text_to_html
from tiffin.share.keys import Packer
from tiffin.textdir import is_right_to_left
from tiffin.ui.when import moment

# Colours come from the palette, so the reader follows the system's light or dark scheme.
READER_CSS = """
h1, h2, h3 { margin-top: 0.9em; margin-bottom: 0.4em; }
p, li { line-height: 150%; }
p { margin-bottom: 0.8em; }
blockquote { margin-left: 1.5em; margin-right: 1.5em; font-style: italic; }
figcaption { font-size: small; }
pre, code { font-family: monospace; }
table { border-collapse: collapse; }
td, th { padding: 3px; border: 1px solid gray; }
.meta { font-size: small; }
.note { font-size: small; font-style: italic; }
"""
MIN_ZOOM, MAX_ZOOM = -4, 12
VERSION_SCHEME = "tiffin-version"  # the reader's own links between an article's versions


class Version(StrEnum):
    """Which reading of an item the reader shows."""

    ARTICLE = "article"  # the one chosen when it was packed (or the feed's text)
    OTHER = "other"  # the most different reading left
    PAGE = "page"  # the whole kept page


SHOWN_WIDTH = 1200  # pictures are decoded at no more than this width: the reader's column
PIXEL_BUDGET = 16_000_000  # pixels of pictures decoded for one article (64 MB as RGBA)


def load_images(
    folder: ImageFolder, names: list[str], budget: int = PIXEL_BUDGET
) -> dict[str, QImage]:
    """Read stored pictures into QImages decoded at the size shown, until the article's pixel
    `budget` is spent (thread-safe; call it from a worker, not the GUI)."""
    images: dict[str, QImage] = {}
    for name in dict.fromkeys(names):
        path = folder.path(name)
        if path is None or not path.is_file():
            continue
        reader = QImageReader(str(path))
        size = reader.size()
        if size.width() > SHOWN_WIDTH:
            size = size.scaled(SHOWN_WIDTH, size.height(), Qt.AspectRatioMode.KeepAspectRatio)
            reader.setScaledSize(size)
        if size.width() * size.height() > budget:
            continue  # left out: the text is still there, and the link to the page
        image = reader.read()
        if not image.isNull():
            images[name] = image
            budget -= image.width() * image.height()
    return images


def image_names(body_html: str) -> list[str]:
    """The stored pictures an item's HTML refers to."""
    names = []
    marker = f'src="{LOCAL_IMAGE_SCHEME}:'
    start = body_html.find(marker)
    while start >= 0:
        end = body_html.find('"', start + len(marker))
        names.append(body_html[start + len(marker) : end])
        start = body_html.find(marker, end)
    return names


class ItemView(QTextBrowser):
    """Shows one item. Only pictures handed over with the item (from the local store) are
    drawn; every other resource (remote images, styles, frames) resolves to nothing, so reading
    never touches the network. A clicked link is not followed here: `link_activated` hands it to
    the window, which shows the address before opening it in the system browser. Ctrl+plus and
    Ctrl+minus change the text size."""

    link_activated = Signal(QUrl)
    version_wanted = Signal(int, str)  # an item, and the Version of it to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.setAccessibleName(self.tr("Item text"))
        self.document().setDefaultStyleSheet(READER_CSS)
        self.document().setDocumentMargin(18)
        self.zoom = 0
        self.right_to_left = False
        self.item_id: int | None = None
        self.version = Version.ARTICLE

    def on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == VERSION_SCHEME and self.item_id is not None:
            self.version_wanted.emit(self.item_id, url.path())
        else:
            self.link_activated.emit(url)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None

    def set_zoom(self, steps: int) -> None:
        """Text size in steps from the default (clamped to a readable range)."""
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.zoomIn(steps - self.zoom)
        self.zoom = steps

    def show_item(
        self,
        item: Item,
        source_title: str,
        images: Mapping[str, QImage] | None = None,
        untrusted: bool = False,
        version: Version = Version.ARTICLE,
        body_html: str | None = None,
    ) -> None:
        """Render `item` (its HTML was sanitised before it was stored) with its `images`;
        `untrusted` marks an item that came in a bundle from a packer the user does not trust.
        `body_html` is the `version` shown, when it is not the item's own."""
        self.item_id, self.version = item.id, version
        document = self.document()
        document.clear()  # drops the last item's pictures; the style sheet stays
        for name, image in (images or {}).items():
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(f"{LOCAL_IMAGE_SCHEME}:{name}"),
                image,
            )
        body = body_html if body_html is not None else item.body_html or text_to_html(item.text)
        self.right_to_left = is_right_to_left(item.lang, item.text or item.title)
        direction = (
            Qt.LayoutDirection.RightToLeft if self.right_to_left else Qt.LayoutDirection.LeftToRight
        )
        option = QTextOption(document.defaultTextOption())
        option.setTextDirection(direction)
        document.setDefaultTextOption(option)
        self.setLayoutDirection(direction)
        self.setHtml(
            f'<div dir="{"rtl" if self.right_to_left else "ltr"}">'
            f"<h1>{html.escape(item.title or self.tr('(untitled)'))}</h1>"
            f'<p class="meta">{self._meta(item, source_title)}</p>'
            f"{self._untrusted(item) if untrusted else ''}{self._note(item)}{body}"
            f"{self._enclosures(item)}</div>"
        )

    def _meta(self, item: Item, source_title: str) -> str:
        parts = [html.escape(source_title)]
        if item.published:
            parts.append(html.escape(moment(item.published)))
        if item.author:
            parts.append(html.escape(item.author))
        if item.url:
            label = self.tr("original page")
            parts.append(f'<a href="{html.escape(item.url, quote=True)}">{label}</a>')
        return " · ".join(p for p in parts if p)

    def _untrusted(self, item: Item) -> str:
        who = Packer("", item.packer).fingerprint
        text = self.tr("From a bundle packed by key {0}, not among the packers you trust").format(
            who
        )
        return f'<p class="note">{html.escape(text)}</p>'

    def _link(self, version: Version, words_shown: str) -> str:
        return f'<a href="{VERSION_SCHEME}:{version}">{html.escape(words_shown)}</a>'

    def _note(self, item: Item) -> str:
        if self.version is Version.OTHER:
            text = self.tr("Showing another reading of the page.")
            back = self._link(Version.ARTICLE, self.tr("Show the article as packed"))
        elif self.version is Version.PAGE:
            text = self.tr("Showing the whole page as it was kept, without its layout.")
            back = self._link(Version.ARTICLE, self.tr("Show the article as packed"))
        elif item.article_state == FEED_TEXT and item.article_note:
            text, back = self.tr("Showing the feed's text: {0}").format(item.article_note), ""
        elif item.article_state == FULL and (item.article_short or item.article_other):
            return self._full_note(item)
        else:
            return ""
        return f'<p class="note">{html.escape(text)} {back}</p>'

    def _full_note(self, item: Item) -> str:
        parts = []
        if item.article_short:
            parts.append(
                html.escape(
                    self.tr(
                        "This article may be cut short: the page's paragraphs hold about {0}"
                        " words, {1} were kept."
                    ).format(item.article_short, words(item.text))
                )
            )
            parts.append(self._link(Version.PAGE, self.tr("Show the whole page")))
        if item.article_other:
            parts.append(self._link(Version.OTHER, self.tr("Show the other version")))
        return f'<p class="note">{" ".join(parts[:1])} {" · ".join(parts[1:])}</p>'

    @staticmethod
    def _enclosures(item: Item) -> str:
        rows = "".join(
            f"<li>{html.escape(e.type or 'file')}: {html.escape(Path(e.url).name or e.url)}</li>"
            for e in item.enclosures
        )
        return f"<ul>{rows}</ul>" if rows else ""
