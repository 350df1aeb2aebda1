"""What is packed for each event, what is still coming, and whether it will be ready in time:
the events view and `tiffin event list --json` read this.

Everything is read in three queries over the whole library (sources, downloads, live items),
then grouped per event, so fifty events with thousands of tagged entries load at once. The
estimate divides the bytes still to fetch by the speed the line history measured for the
hosts they come from (the bandwidth cap bounds it); sizes not known yet are counted apart,
never guessed.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from tiffin.config import Settings
from tiffin.library.events import DOWNLOAD_EVENT, Event
from tiffin.library.store import Store
from tiffin.net.line import HostState
from tiffin.net.line_history import line_states
from tiffin.net.usage import todays_budget

SOURCE, DOWNLOAD, STREAM = "source", "download", "stream"
READY, PENDING, FAILED = "ready", "pending", "failed"


@dataclass(frozen=True)
class PlanEntry:
    """One thing tagged for an event: a source, a download (or recording), or a live or
    upcoming entry of a tagged source waiting to be recorded."""

    kind: str  # SOURCE, DOWNLOAD or STREAM
    id: int
    title: str
    state: str  # READY, PENDING or FAILED
    detail: str  # the download's status and error, a source's counts, a stream's live status
    bytes_done: int = 0
    bytes_total: int | None = None
    host: str = ""
    items: int = 0  # a source's stored items
    pages: int = 0  # and of them, those with the full article packed


@dataclass(frozen=True)
class EventPlan:
    """An event with everything tagged for it and the estimate of finishing in time."""

    event: Event
    entries: list[PlanEntry] = field(default_factory=list)
    speed: float | None = None  # bytes/s the line measured for the pending entries' hosts
    budget_left: int | None = None  # bytes, None without a budget

    def count(self, state: str) -> int:
        """How many downloads and streams are in `state`."""
        return sum(1 for e in self.entries if e.kind != SOURCE and e.state == state)

    @property
    def ready_bytes(self) -> int:
        """Bytes of the finished downloads."""
        return sum(e.bytes_done for e in self.entries if e.kind == DOWNLOAD and e.state == READY)

    @property
    def pending_bytes(self) -> int:
        """Bytes still to fetch, over the pending downloads whose size is known."""
        return sum(
            max(0, e.bytes_total - e.bytes_done)
            for e in self.entries
            if e.kind == DOWNLOAD and e.state == PENDING and e.bytes_total is not None
        )

    @property
    def unknown_sizes(self) -> int:
        """Pending downloads whose size is not known yet (not in `pending_bytes`)."""
        return sum(
            1
            for e in self.entries
            if e.kind == DOWNLOAD and e.state == PENDING and e.bytes_total is None
        )

    def finishes_in(self) -> float | None:
        """Seconds to fetch `pending_bytes` at the measured speed (0 with nothing pending,
        None when no speed has been measured)."""
        if not self.pending_bytes:
            return 0.0
        return self.pending_bytes / self.speed if self.speed else None

    def under_way(self, running: Mapping[int, tuple[int, int | None, float]]) -> EventPlan:
        """This plan as the downloads running now see it: `running` gives each running
        download's bytes done, size (None while unknown) and speed (bytes/s) by its id. Its
        pending downloads count what they have fetched so far and the size they learned, and
        when some of them are moving the estimate takes the speed they get together now
        instead of the line history's, so it follows the line as it slows or recovers."""
        mine = {e.id for e in self.entries if e.kind == DOWNLOAD and e.state == PENDING}
        now = {n: figures for n, figures in running.items() if n in mine}
        if not now:
            return self
        entries = [
            replace(e, bytes_done=now[e.id][0], bytes_total=now[e.id][1] or e.bytes_total)
            if e.kind == DOWNLOAD and e.id in now
            else e
            for e in self.entries
        ]
        speed = sum(speed for _done, _total, speed in now.values())
        return replace(self, entries=entries, speed=speed if speed > 0 else self.speed)

    def on_time(self, now: float | None = None) -> bool | None:
        """Whether what is pending will be fetched before the event begins at today's speed
        and within the budget left (None: not known)."""
        if self.budget_left is not None and self.pending_bytes > self.budget_left:
            return False
        needed = self.finishes_in()
        if needed is None:
            return None
        return needed <= self.event.starts_in(now)


def plan_events(store: Store, settings: Settings, now: float | None = None) -> list[EventPlan]:
    """Every event, soonest first, with its entries and estimate."""
    with store.read() as db:
        found = db.execute("SELECT id, name, at FROM events ORDER BY at, id").fetchall()
        sources = db.execute(
            "SELECT s.id, s.event_id, COALESCE(NULLIF(s.title, ''), s.url),"
            " (SELECT COUNT(*) FROM items i WHERE i.source_id = s.id),"
            " (SELECT COUNT(*) FROM items i JOIN pages p ON p.item_id = i.id"
            "   WHERE i.source_id = s.id), s.last_error"
            " FROM sources s WHERE s.event_id IS NOT NULL ORDER BY s.id"
        ).fetchall()
        tagged = db.execute(
            f"SELECT t.event_id, d.id, COALESCE(NULLIF(d.title, ''), d.url), d.url, d.status,"
            f" d.error, d.bytes_done, d.bytes_total, d.item_id"
            f" FROM ({DOWNLOAD_EVENT}) t JOIN downloads d ON d.id = t.download_id"
            f" WHERE t.event_id IS NOT NULL AND d.status != 'cancelled' ORDER BY d.position"
        ).fetchall()
        streams = db.execute(
            "SELECT s.event_id, i.id, COALESCE(NULLIF(i.title, ''), i.url), i.url, i.live_status"
            " FROM items i JOIN sources s ON s.id = i.source_id"
            " WHERE s.event_id IS NOT NULL AND i.live_status IN ('is_live', 'is_upcoming')"
            " AND NOT EXISTS (SELECT 1 FROM downloads d WHERE d.item_id = i.id)"
        ).fetchall()
    entries: dict[int, list[PlanEntry]] = {row[0]: [] for row in found}
    for source_id, event_id, title, items, pages, error in sources:
        detail = f"{items} items, {pages} full articles" + (f"; {error}" if error else "")
        state = FAILED if error else READY
        entries.setdefault(event_id, []).append(
            PlanEntry(SOURCE, source_id, title, state, detail, items=items, pages=pages)
        )
    for event_id, download_id, title, url, status, error, done, total, _item in tagged:
        state = READY if status == "done" else FAILED if status == "failed" else PENDING
        detail = status + (f": {error}" if error else "")
        entries.setdefault(event_id, []).append(
            PlanEntry(DOWNLOAD, download_id, title, state, detail, done, total, _host(url))
        )
    for event_id, item_id, title, url, live_status in streams:
        detail = "live now" if live_status == "is_live" else "upcoming"
        entries.setdefault(event_id, []).append(
            PlanEntry(STREAM, item_id, title, PENDING, detail, host=_host(url))
        )
    hosts = {s.host: s for s in line_states(store)}
    budget = todays_budget(store, settings).remaining()
    plans = []
    for event_id, name, at in found:
        listed = entries.get(event_id, [])
        event = Event(
            event_id,
            name,
            at,
            sum(1 for e in listed if e.kind == SOURCE),
            sum(1 for e in listed if e.kind == DOWNLOAD),
            sum(1 for e in listed if e.kind == DOWNLOAD and e.state == READY),
        )
        speed = _speed(hosts, [e.host for e in listed if e.state == PENDING], settings)
        plans.append(EventPlan(event, listed, speed, budget))
    return plans


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed address stored before addresses were checked
        return ""


def _speed(hosts: dict[str, HostState], wanted: list[str], settings: Settings) -> float | None:
    """The speed to expect for downloads from `wanted` hosts: the median of what each last
    measured (all hosts' if none of those was measured), no more than the bandwidth cap."""
    measured = [t for h in wanted if h in hosts and (t := hosts[h].throughput)]
    if not measured:
        measured = [t for s in hosts.values() if (t := s.throughput)]
    if not measured:
        return float(settings.bandwidth_cap) if settings.bandwidth_cap else None
    speed = statistics.median(measured)
    return min(speed, settings.bandwidth_cap) if settings.bandwidth_cap else speed
