"""What real transfers say about the line to each host, and the state it adds up to.

Every `fetch` notes an Observation (the host, what happened, bytes and seconds, time to the
answer) into the LineLog of the current context, if one is open (`observing`). From the
recent observations `judge` names each host's state:

- **offline**: everything tried lately failed, on every host;
- **blocked**: the host fails the way censorship makes it fail (a name that does not resolve,
  a connection refused or reset, a TLS handshake cut, connect timeouts, or its own notice page
  where a feed or a file was expected) while other hosts answer;
- **throttled**: it answers, but at under a quarter of its own usual throughput, or stalls;
- **good**: otherwise.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import ssl
import statistics
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import httpx

from tiffin.errors import TooSlow

OK = "ok"
BLOCK_SIGNS = ("dns", "refused", "reset", "tls", "connect_timeout", "notice_page")
SLOW_SIGNS = ("stall", "too_slow")
THROTTLED_SHARE = 0.25  # of the host's usual throughput
MEASURABLE_BYTES = 32 * 1024  # smaller answers say more about latency than throughput
RECENT = 3  # observations of a host that decide its state now


class LineState(StrEnum):
    """The state of the line to one host (or overall)."""

    GOOD = "good"
    THROTTLED = "throttled"
    BLOCKED = "blocked"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Observation:
    """One transfer, or one failed attempt, to `host`."""

    host: str
    kind: str  # "ok", one of BLOCK_SIGNS or SLOW_SIGNS, or "http_error"
    at: float = field(default_factory=time.time)
    bytes: int = 0
    seconds: float = 0.0  # from the request to the end of the body
    rtt: float | None = None  # from the request to the answer's headers
    url: str = ""
    detail: str = ""
    path: str = ""  # "direct" or "proxy": the way the request went

    @property
    def throughput(self) -> float | None:
        """Bytes per second, when the transfer was large enough to tell."""
        if self.kind != OK or self.bytes < MEASURABLE_BYTES or self.seconds <= 0:
            return None
        return self.bytes / self.seconds


@dataclass(frozen=True)
class HostState:
    """A host's state, why, and the figures behind it."""

    host: str
    state: LineState
    reason: str
    since: float
    throughput: float | None  # bytes/s of the latest measurable transfer
    baseline: float | None  # the host's usual bytes/s (median of its good transfers)
    rtt: float | None
    failures: int  # among the recent observations
    last_url: str
    path: str  # the way the latest transfer went ("direct", "proxy"; "" if not known)
    # The reason as parts, for a translation to word it: its cause ("nothing_answers",
    # "fails_while_others_answer", "fails", "below_usual", "answers", "answers_last_failed")
    # and the kind of the latest observation (one of the keys of _WHAT, or "ok").
    cause: str = ""
    kind: str = ""


class LineLog:
    """Observations gathered while some work runs (thread-safe), to be stored afterwards."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: list[Observation] = []

    def note(self, observation: Observation) -> None:
        """Add one observation."""
        with self._lock:
            self._seen.append(observation)

    def take(self) -> list[Observation]:
        """The observations so far, which this log then forgets."""
        with self._lock:
            taken, self._seen = self._seen, []
        return taken


_current: contextvars.ContextVar[LineLog | None] = contextvars.ContextVar("line_log", default=None)


@contextlib.contextmanager
def observing(log: LineLog) -> Iterator[LineLog]:
    """Note every fetch made in this context (and the tasks and threads it starts) in `log`."""
    token = _current.set(log)
    try:
        yield log
    finally:
        _current.reset(token)


def note(observation: Observation) -> bool:
    """Record `observation` in the current context's LineLog; False if none is open."""
    log = _current.get()
    if log is None:
        return False
    log.note(observation)
    return True


def failure_kind(exc: BaseException) -> str:
    """Name the way a transfer failed, as the state judgement needs it."""
    chain = _chain(exc)
    if any(isinstance(e, httpx.ConnectTimeout) for e in chain):
        return "connect_timeout"
    if any(isinstance(e, TooSlow) for e in chain):
        return "too_slow"
    if any(isinstance(e, httpx.TimeoutException | TimeoutError) for e in chain):
        return "stall"
    text = " ".join(str(e).lower() for e in chain)
    if any(isinstance(e, socket.gaierror) for e in chain) or "name resolution" in text:
        return "dns"
    if any(isinstance(e, ssl.SSLError) for e in chain) or "ssl" in text or "tls" in text:
        return "tls"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
        return "refused"
    return "reset"  # dropped, reset or cut short mid-answer


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 8:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def judge(history: Sequence[Observation], now: float | None = None) -> list[HostState]:
    """Every host's state from its observations (oldest first), one HostState per host."""
    by_host: dict[str, list[Observation]] = {}
    for observation in history:
        by_host.setdefault(observation.host, []).append(observation)
    latest = [seen[-1] for seen in by_host.values()]
    # Offline: the last thing tried on every host failed (and there was more than one host
    # to try, or the one host failed as a dead line does). A host that crawls still answers.
    everything_fails = bool(latest) and all(o.kind not in (OK, *SLOW_SIGNS) for o in latest)
    answering = {o.host for o in latest if o.kind == OK}
    return [
        _judge_host(host, seen, everything_fails, bool(answering - {host}))
        for host, seen in sorted(by_host.items())
    ]


def _judge_host(
    host: str, seen: list[Observation], everything_fails: bool, others_answer: bool
) -> HostState:
    recent = seen[-RECENT:]
    failures = [o for o in recent if o.kind != OK]
    good_speeds = [t for o in seen if (t := o.throughput) is not None]
    baseline = statistics.median(good_speeds[:-1]) if len(good_speeds) >= 3 else None
    last = seen[-1]
    speed = next((t for o in reversed(seen) if (t := o.throughput) is not None), None)
    rtt = next((o.rtt for o in reversed(seen) if o.rtt is not None), None)

    def state(value: LineState, cause: str, reason: str) -> HostState:
        since = last.at
        for o in reversed(seen):  # since when it has been this way
            if (o.kind == OK) != (last.kind == OK):
                break
            since = o.at
        return HostState(
            host,
            value,
            reason,
            since,
            speed,
            baseline,
            rtt,
            len(failures),
            last.url,
            last.path,
            cause,
            last.kind,
        )

    if last.kind != OK and everything_fails:
        return state(LineState.OFFLINE, "nothing_answers", f"nothing answers: {_describe(last)}")
    blocking = [o for o in failures if o.kind in BLOCK_SIGNS]
    if last.kind in BLOCK_SIGNS and others_answer:
        return state(
            LineState.BLOCKED,
            "fails_while_others_answer",
            f"{_describe(last)}, while other hosts answer",
        )
    if last.kind in BLOCK_SIGNS and len(blocking) >= 2:
        return state(LineState.BLOCKED, "fails", _describe(last))
    if last.kind in SLOW_SIGNS:
        return state(LineState.THROTTLED, "fails", _describe(last))
    if speed is not None and baseline and speed < THROTTLED_SHARE * baseline:
        share = 100 * speed / baseline
        return state(
            LineState.THROTTLED,
            "below_usual",
            f"{_rate(speed)}, {share:.0f}% of its usual {_rate(baseline)}",
        )
    if last.kind == OK:
        return state(
            LineState.GOOD, "answers", "answers" + (f" at {_rate(speed)}" if speed else "")
        )
    return state(
        LineState.GOOD,
        "answers_last_failed",
        f"answers, though the last try failed: {_describe(last)}",
    )


_WHAT = {
    "dns": "its name does not resolve",
    "refused": "connections are refused",
    "reset": "connections are reset",
    "tls": "the TLS handshake is cut",
    "connect_timeout": "connections time out",
    "notice_page": "it sends a web page where a feed or file was expected",
    "stall": "transfers stall",
    "too_slow": "transfers trickle below the minimum rate",
    "http_error": "it answers with errors",
}


def _describe(observation: Observation) -> str:
    return _WHAT.get(observation.kind, observation.kind)


def _rate(bytes_per_second: float) -> str:
    if bytes_per_second >= 1024 * 1024:
        return f"{bytes_per_second / (1024 * 1024):.1f} MiB/s"
    return f"{bytes_per_second / 1024:.0f} KiB/s"


def overall(states: Sequence[HostState]) -> LineState:
    """One word for the status bar: offline if every host is, else the worst of the rest
    that is not good (blocked before throttled), else good."""
    if not states:
        return LineState.GOOD
    values = {s.state for s in states}
    if values == {LineState.OFFLINE}:
        return LineState.OFFLINE
    for worst in (LineState.BLOCKED, LineState.THROTTLED):
        if worst in values:
            return worst
    return LineState.GOOD
