"""The item list's rows: each item's title, source, date and snippet, and what of it is packed
for reading or watching offline."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.downloads import Status
from tiffin.library.queries import items_where
from tiffin.library.store import Store

SNIPPET_CHARS = 160


class Packed(StrEnum):
    """What of an item is kept offline. A download of the item, when there is one, says more
    than its article: for a video or an episode the file is the content."""

    NOT_PACKED = "not_packed"  # an article or a file is wanted and not fetched yet
    SUMMARY = "summary"  # the feed's own text, which is all its source asks for
    FULL = "full"  # the full article, with its pictures
    SUMMARY_ONLY = "summary_only"  # the article was wanted and could not be had (`why`)
    QUEUED = "queued"
    DOWNLOADING = "downloading"
    RECORDING = "recording"
    MEDIA = "media"  # the video or audio file is complete
    FAILED = "failed"  # the download failed (`why`)
    UPCOMING = "upcoming"  # a stream that has not begun, not being recorded
    LIVE = "live"  # a stream live now, not being recorded


READY_OFFLINE = frozenset({Packed.SUMMARY, Packed.FULL, Packed.MEDIA})


@dataclass(frozen=True)
class ItemRow:
    """The few columns an item list shows; cheap to hold 100k of them."""

    id: int
    source_id: int
    title: str
    published: float | None
    read: bool
    untrusted: bool = False  # came in a bundle from a packer the user does not trust
    packed: Packed = Packed.SUMMARY
    why: str = ""  # why an article or a download could not be had
    snippet: str = ""

    @property
    def ready_offline(self) -> bool:
        """Whether what the item is for can be read or watched with no network."""
        return self.packed in READY_OFFLINE


_DOWNLOAD_PACKED = {
    Status.QUEUED: Packed.QUEUED,
    Status.PAUSED: Packed.QUEUED,
    Status.DOWNLOADING: Packed.DOWNLOADING,
    Status.DONE: Packed.MEDIA,
    Status.FAILED: Packed.FAILED,
}

_STREAMS = {"is_upcoming": Packed.UPCOMING, "is_live": Packed.LIVE}

_ROWS = (
    # An untitled entry (a micro-post) shows the start of its text as its title, no snippet.
    "SELECT i.id, i.source_id,"
    " CASE WHEN i.title != '' THEN i.title ELSE substr(i.text, 1, 140) END,"
    " i.published, i.read, i.packer, i.article_state, i.article_note,"
    f" CASE WHEN i.title != '' THEN substr(i.text, 1, {SNIPPET_CHARS}) ELSE '' END,"
    " s.kind != 'feed' OR EXISTS (SELECT 1 FROM enclosures e WHERE e.item_id = i.id"
    "   AND (e.type LIKE 'audio/%' OR e.type LIKE 'video/%')),"
    " s.full_articles, i.url LIKE 'http://%' OR i.url LIKE 'https://%', i.live_status"
    " FROM items i JOIN sources s ON s.id = i.source_id"
)


def list_item_rows(
    store: Store,
    source_ids: Sequence[int] | None = None,
    unread_only: bool = False,
    trusted: Collection[str] = (),
) -> list[ItemRow]:
    """The rows an item list shows, newest first; light enough for 100k rows. An item packed
    by a key not in `trusted` is marked untrusted."""
    where, args = items_where(source_ids, unread_only, "i.")
    with store.read() as db:
        rows = db.execute(f"{_ROWS}{where} ORDER BY i.published DESC, i.id DESC", args).fetchall()
        # The newest download of each item speaks for it; there are few next to the items.
        downloads = {
            r[0]: (Status(r[1]), bool(r[2]), r[3] or "")
            for r in db.execute(
                "SELECT item_id, status, live, error FROM downloads"
                " WHERE item_id IS NOT NULL AND status != ? ORDER BY id",
                (Status.CANCELLED,),
            )
        }
    known = set(trusted)
    result = []
    for r in rows:
        packed, why = _packed(r[6], r[7], bool(r[9]), r[10], bool(r[11]), downloads.get(r[0]))
        packed = _STREAMS.get(r[12], packed) if packed == Packed.NOT_PACKED else packed
        snippet = " ".join(r[8].split()) if r[8] else ""
        untrusted = bool(r[5]) and r[5] not in known
        result.append(ItemRow(r[0], r[1], r[2], r[3], bool(r[4]), untrusted, packed, why, snippet))
    return result


def _packed(
    article_state: str,
    note: str,
    media_item: bool,
    full_articles: int | None,
    fetchable: bool,
    download: tuple[Status, bool, str] | None,
) -> tuple[Packed, str]:
    if download is not None:
        status, live, error = download
        if status == Status.DOWNLOADING and live:
            return Packed.RECORDING, ""
        return _DOWNLOAD_PACKED[status], error if status == Status.FAILED else ""
    if article_state == FULL:
        return Packed.FULL, ""
    if article_state == FEED_TEXT:
        return (Packed.SUMMARY_ONLY, note) if note else (Packed.SUMMARY, "")
    wants_article = fetchable and (full_articles == 1 or (full_articles is None and not media_item))
    return (Packed.NOT_PACKED if wants_article or media_item else Packed.SUMMARY), ""
