"""A source's rules for downloading its video and audio: which new entries are queued by
themselves, at what quality, with which subtitles and whether with a thumbnail.

Channel entries are queued by their page address; feed entries by their first audio or video
enclosure (podcasts). Live and upcoming entries are never queued here: they are recorded, not
downloaded. An entry is queued at most once, so deleting a download does not bring it back.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, fields

from tiffin.errors import NotFound
from tiffin.library import downloads
from tiffin.library.store import Store

_LIVE = ("is_live", "is_upcoming", "post_live")
EVENT_LASTS = 24 * 3600  # how long after its start an event's sources still record


@dataclass(frozen=True)
class MediaRules:
    """`auto` queues new entries; `latest` keeps to the newest N of the source; `newer_than`
    (a Unix time) and `max_duration` (seconds) filter; `quality` caps what is fetched ('' best,
    a height such as '480', or 'audio'); `subtitles` lists language codes to fetch;
    `record_live` records the source's live and upcoming entries (see `live_to_record`; a
    source tagged for an event records them too)."""

    auto: bool = False
    latest: int | None = None
    newer_than: float | None = None
    max_duration: float | None = None
    quality: str = ""
    subtitles: tuple[str, ...] = ()
    thumbnail: bool = True
    record_live: bool = False

    def to_json(self) -> str:
        """The rules as stored."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> MediaRules:
        """Stored rules (unknown keys ignored); no text gives the defaults (nothing automatic)."""
        if not text:
            return cls()
        raw = json.loads(text)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        if "subtitles" in values:
            values["subtitles"] = tuple(values["subtitles"])
        return cls(**values)


def get_rules(store: Store, source_id: int) -> MediaRules:
    """A source's rules; raises NotFound."""
    with store.read() as db:
        row = db.execute("SELECT media_rules FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        raise NotFound(f"no source with id {source_id}")
    return MediaRules.from_json(row["media_rules"])


def set_rules(store: Store, source_id: int, rules: MediaRules) -> None:
    """Store a source's rules; raises NotFound."""
    with store.write() as db:
        cursor = db.execute(
            "UPDATE sources SET media_rules = ? WHERE id = ?", (rules.to_json(), source_id)
        )
    if cursor.rowcount == 0:
        raise NotFound(f"no source with id {source_id}")


def queue_by_rules(store: Store, source_id: int) -> list[int]:
    """Queue the source's entries its rules pick and that were never queued; returns the new
    download ids (none unless the rules are automatic)."""
    rules = get_rules(store, source_id)
    if not rules.auto:
        return []
    with store.read() as db:
        rows = db.execute(
            "SELECT i.id, i.url, i.title, i.published, i.duration, i.live_status, k.kind,"
            " (SELECT e.url FROM enclosures e WHERE e.item_id = i.id AND"
            "  (e.type LIKE 'audio/%' OR e.type LIKE 'video/%') ORDER BY e.rowid LIMIT 1)"
            "  AS media_url,"
            " EXISTS (SELECT 1 FROM downloads d WHERE d.item_id = i.id) AS queued"
            " FROM items i JOIN sources k ON k.id = i.source_id WHERE i.source_id = ?"
            " ORDER BY i.published DESC, i.id DESC",
            (source_id,),
        ).fetchall()
    wanted = rows[: rules.latest] if rules.latest is not None else rows
    added = []
    for row in wanted:
        url = row["url"] if row["kind"] == "channel" else row["media_url"]
        if row["queued"] or not url or row["live_status"] in _LIVE:
            continue
        if rules.newer_than is not None and (row["published"] or 0) < rules.newer_than:
            continue
        if rules.max_duration is not None and (row["duration"] or 0) > rules.max_duration:
            continue
        entry = downloads.enqueue(
            store,
            url,
            rules.quality,
            row["title"],
            item_id=row["id"],
            subtitles=rules.subtitles,
            thumbnail=rules.thumbnail,
        )
        added.append(entry.id)
    return added


@dataclass(frozen=True)
class LiveEntry:
    """A live or upcoming entry that its source's rules want recorded."""

    item_id: int
    url: str
    title: str
    quality: str


def live_to_record(store: Store, now: float | None = None) -> list[LiveEntry]:
    """Live and upcoming entries not recorded yet, of sources whose rules record them or that
    are tagged for an event still to come (or begun within the last EVENT_LASTS seconds): a
    channel packed for the rally records the rally's stream."""
    since = (time.time() if now is None else now) - EVENT_LASTS
    with store.read() as db:
        rows = db.execute(
            "SELECT i.id, i.url, i.title, s.media_rules,"
            " EXISTS (SELECT 1 FROM events e WHERE e.id = s.event_id AND e.at >= ?) AS tagged"
            " FROM items i JOIN sources s ON s.id = i.source_id"
            " WHERE i.live_status IN ('is_live', 'is_upcoming') AND i.url != ''"
            " AND NOT EXISTS (SELECT 1 FROM downloads d WHERE d.item_id = i.id OR d.url = i.url)"
            " ORDER BY i.published",
            (since,),
        ).fetchall()
    wanted = []
    for row in rows:
        rules = MediaRules.from_json(row["media_rules"])
        if row["tagged"] or rules.record_live:
            wanted.append(LiveEntry(row["id"], row["url"], row["title"], rules.quality))
    return wanted
