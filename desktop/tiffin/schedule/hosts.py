"""What the scheduling knows of each host, learned from its transfers: how many connections
it gets, how fast each goes, and whether it is being left alone after failing like a block.

Both runners of transfers use it: the `Scheduler` (one connection per job) and the app's
download queue (one entry over several connections).

- Back-off: a host that fails the way a block does (reset, refused, TLS cut, connect time-outs,
  429/503) is left alone for a pause that doubles from `first_backoff` up to `MAX_BACKOFF`;
  when the pause ends it gets one connection, a probe, and a success gives it back its limit.
  One failure episode is one pause, however many transfers it cut at once.
- Connections: a host starts with `start` connections. When it finishes a transfer that was
  measurable, with its connections all in use, and each connection kept its best speed, it
  gets one more (up to `most`): a host that caps each connection serves more in parallel. One
  whose speed per connection falls below half its best gets one fewer: more connections do not
  help a host that throttles as a whole.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

MAX_BACKOFF = 60.0
MEASURABLE = 128 * 1024  # smaller transfers say little about speed


@dataclass
class HostState:
    """One host as the policy sees it."""

    limit: int
    in_use: int = 0
    best: float = 0.0  # the best speed per connection seen, bytes/s
    speed: float | None = None  # the recent speed per connection
    blocked_until: float = 0.0  # monotonic time its back-off ends
    backoff: float = 0.0  # the next pause
    probing: bool = False
    failures: int = 0  # back-off episodes since its last success


@dataclass
class HostPolicy:
    """Per-host connection limits and back-off; see the module docstring."""

    start: int = 2
    most: int = 8
    first_backoff: float = 2.0
    clock: Callable[[], float] = time.monotonic
    hosts: dict[str, HostState] = field(default_factory=dict)

    def state(self, host: str) -> HostState:
        """The host's state (a fresh one for a host not seen before)."""
        found = self.hosts.get(host)
        if found is None:
            found = self.hosts[host] = HostState(self.start, backoff=self.first_backoff)
        return found

    def free(self, host: str) -> int:
        """How many more connections the host may have now (0 while it is backed off)."""
        state = self.state(host)
        if state.blocked_until > self.clock():
            return 0
        return max(0, (1 if state.probing else state.limit) - state.in_use)

    def connections(self, host: str) -> int:
        """The connections one transfer of several may open to `host` now: its limit, one for
        a probe (none while another transfer probes it), none while it is backed off."""
        state = self.state(host)
        if state.blocked_until > self.clock():
            return 0
        if state.probing:
            return 0 if state.in_use else 1
        return state.limit

    def waits_for(self, host: str) -> float:
        """Seconds until the host's back-off ends (0 if it is not backed off)."""
        return max(0.0, self.state(host).blocked_until - self.clock())

    def opened(self, host: str, connections: int = 1) -> None:
        """A transfer to `host` starts on `connections` connections."""
        self.state(host).in_use += connections

    def succeeded(self, host: str, wire: int, seconds: float, connections: int = 1) -> None:
        """A transfer to `host` over `connections` ended well, `wire` bytes in `seconds`."""
        state = self.state(host)
        at_limit = state.in_use >= state.limit
        state.in_use = max(0, state.in_use - connections)
        state.probing, state.failures = False, 0
        state.backoff, state.blocked_until = self.first_backoff, 0.0
        if wire >= MEASURABLE and seconds > 0:
            self._adapt(state, wire / seconds / max(1, connections), at_limit)

    def failed(self, host: str, why: str, like_block: bool, connections: int = 1) -> None:
        """A transfer to `host` failed on the line; `like_block` if the way it failed is how
        blocks and outages fail (then the host is backed off)."""
        state = self.state(host)
        state.in_use = max(0, state.in_use - connections)
        if not like_block:
            return
        now = self.clock()
        if state.blocked_until <= now:  # one back-off per episode, not per transfer
            state.blocked_until = now + state.backoff
            state.failures += 1
            logger.info("%s %s; trying it again in %.0f s", host, why, state.backoff)
            state.backoff = min(MAX_BACKOFF, state.backoff * 2)
        state.probing = True

    def released(self, host: str, connections: int = 1) -> None:
        """A transfer to `host` stopped without saying anything of the line."""
        state = self.state(host)
        state.in_use = max(0, state.in_use - connections)

    def expected_seconds(self, host: str, size: int | None, unknown_speed: float) -> float:
        """How long `size` bytes should take from `host` on one connection."""
        speed = self.state(host).speed or unknown_speed
        return (size or MEASURABLE) / speed

    def _adapt(self, state: HostState, speed: float, at_limit: bool) -> None:
        state.speed = speed if state.speed is None else 0.5 * state.speed + 0.5 * speed
        state.best = max(state.best, speed)
        if speed >= 0.8 * state.best and at_limit:
            state.limit = min(self.most, state.limit + 1)
        elif speed < 0.5 * state.best:
            state.limit = max(1, state.limit - 1)
