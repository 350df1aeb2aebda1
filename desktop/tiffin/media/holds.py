"""What holds the download queue: the download window, the data budget, and the hosts the
line finds choked (whose entries wait while good hosts' entries run)."""

from __future__ import annotations

import time
from collections.abc import Sequence

from tiffin.config import Settings
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.net.line import HostState, LineState
from tiffin.net.line_history import line_states
from tiffin.schedule.transfer import in_window


def choked_hosts(store: Store, states: Sequence[HostState] | None = None) -> set[str]:
    """Hosts the line history finds throttled or blocked, but for blocked ones the proxy takes
    (their transfers go around the block); `states` is the history's judgement when the caller
    has it already."""
    rules = governor.current()
    return {
        state.host
        for state in (line_states(store) if states is None else states)
        if state.state == LineState.THROTTLED
        or (state.state == LineState.BLOCKED and rules.route(state.host) == governor.DIRECT)
    }


WINDOW, BUDGET = "window", "budget"


def hold(settings: Settings, hour: int | None = None) -> tuple[str, str] | None:
    """Why no download may start now (at local `hour`): WINDOW or BUDGET and the reason in
    words; None if they may."""
    window = settings.media_window
    hour = time.localtime().tm_hour if hour is None else hour
    if window is not None and not in_window(window, hour):
        return WINDOW, f"downloads wait for their window, {window[0]:02d}:00–{window[1]:02d}:00"
    if governor.current().budget_left() == 0:
        return BUDGET, "the data budget is spent; downloads wait until it allows more"
    return None


def hold_reason(settings: Settings, hour: int | None = None) -> str | None:
    """Why no download may start now (at local `hour`), or None if they may."""
    held = hold(settings, hour)
    return held[1] if held else None
