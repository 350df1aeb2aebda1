"""Why each queued download is not running yet, as the queue would see it now: the download
window or the spent budget holds them all; one whose last try failed waits to be tried again; a
choked host's wait while good hosts' run; those tagged for an earlier event go first; the rest
wait for their turn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import httpx

from tiffin.config import Settings
from tiffin.library import downloads
from tiffin.library.store import Store
from tiffin.media.holds import BUDGET, choked_hosts, hold
from tiffin.net.line import HostState


class Cause(StrEnum):
    """What a queued download waits for."""

    WINDOW = "window"  # the download window
    BUDGET = "budget"  # the data budget to allow more
    LAST_TRY_FAILED = "last_try_failed"  # its last try failed (`reason`); tried again later
    CHOKED = "choked"  # its host is throttled or blocked, so good hosts go first
    EVENT_FIRST = "event_first"  # downloads for an earlier event go first
    TURN = "turn"  # a free slot


@dataclass(frozen=True)
class Wait:
    """Why one queued download waits: its cause, the words for it (English, complete), and
    the figures a view words itself: the host, the event, how many go before it."""

    cause: Cause
    reason: str
    host: str = ""
    event: str = ""
    ahead: int = 0


def why_waiting(
    store: Store,
    settings: Settings,
    hour: int | None = None,
    states: Sequence[HostState] | None = None,
) -> dict[int, Wait]:
    """The wait of every queued download (not recordings), by download id; `states` is the
    line history's judgement when the caller has it already."""
    queued = downloads.queued_in_order(store)
    held = hold(settings, hour)
    if held is not None:
        cause = Cause.BUDGET if held[0] == BUDGET else Cause.WINDOW
        return {entry.id: Wait(cause, held[1]) for entry in queued}
    choked = choked_hosts(store, states) if queued else set()
    tagged = downloads.queued_events(store)
    waits: dict[int, Wait] = {}
    first_event = next((tagged[e.id] for e in queued if e.id in tagged), None)
    for ahead, entry in enumerate(queued):
        host = httpx.URL(entry.url).host
        event = tagged.get(entry.id)
        if entry.error:
            waits[entry.id] = Wait(Cause.LAST_TRY_FAILED, entry.error, host)
        elif host in choked:
            reason = f"{host}'s line is choked; downloads from good hosts go first"
            waits[entry.id] = Wait(Cause.CHOKED, reason, host)
        elif first_event is not None and (event is None or event[1] > first_event[1]):
            reason = f"downloads for {first_event[0]} go first"
            waits[entry.id] = Wait(Cause.EVENT_FIRST, reason, host, first_event[0], ahead)
        else:
            reason = f"waits for its turn ({ahead} before it)"
            waits[entry.id] = Wait(Cause.TURN, reason, host, event[0] if event else "", ahead)
    return waits
