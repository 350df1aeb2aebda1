"""Frozen dataclasses for the rows of the library and for what is handed to it to store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """A subscription: a feed URL, its title, its folder and the state of its last fetch."""

    id: int
    url: str
    title: str
    site_url: str
    folder: str
    last_fetched_at: float | None
    last_success_at: float | None
    last_error: str | None
    unread: int = 0
    total: int = 0
    full_articles: bool | None = None
    kind: str = "feed"
    retry_after: float | None = None  # the server asked not to be fetched before then
    event_id: int | None = None  # the event its new media is packed for


@dataclass(frozen=True)
class Enclosure:
    """A media file attached to an item (a podcast episode, for instance)."""

    url: str
    type: str
    length: int | None


@dataclass(frozen=True)
class Item:
    """One entry of a source, as stored."""

    id: int
    source_id: int
    guid: str
    url: str
    title: str
    author: str
    summary_html: str
    content_html: str
    published: float | None
    fetched_at: float
    read: bool
    enclosures: tuple[Enclosure, ...] = ()
    article_state: str = ""
    article_html: str = ""
    article_note: str = ""
    lang: str = ""
    text: str = ""
    duration: float | None = None
    live_status: str = ""
    packer: str = ""  # the key of whoever packed the bundle it came in; "" if fetched here
    article_method: str = ""  # the method whose reading was kept
    article_other: str = ""  # the method of the other version kept, "" if none
    article_short: int = 0  # words in the page's paragraphs when the kept text looks short

    @property
    def body_html(self) -> str:
        """What a reader shows: the full article when one was packed, else the feed's HTML."""
        if self.article_state == "full" and self.article_html:
            return self.article_html
        return self.content_html or self.summary_html


@dataclass(frozen=True)
class NewItem:
    """An entry as a parser produced it, before it has an id."""

    guid: str
    url: str
    title: str
    author: str = ""
    summary_html: str = ""
    content_html: str = ""
    text: str = ""
    published: float | None = None
    enclosures: tuple[Enclosure, ...] = field(default=())
    duration: float | None = None
    live_status: str = ""


@dataclass(frozen=True)
class SaveResult:
    """What storing a parsed feed changed."""

    new: int
    updated: int
    unchanged: int


MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True)
class SearchHit:
    """An item matching a search, with a snippet whose matches sit between MARK_START and
    MARK_END (control characters, so that no text can be mistaken for a mark)."""

    item_id: int
    source_id: int
    title: str
    snippet: str
    url: str = ""
    published: float | None = None

    def marked(self, start: str, end: str) -> str:
        """The snippet with its matches between `start` and `end` (e.g. "[" and "]")."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)
