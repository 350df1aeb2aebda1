"""The rules every transfer of this process obeys, whoever makes it (refresh, articles,
pictures, media, recordings, yt-dlp): the shared bandwidth cap, the data budget counted in
bytes on the wire, and which path each host takes (direct, or through the user's proxy).

`install()` sets the process's Governor at start (the CLI, the GUI, and each child process
that transfers); `current()` is what `make_client` and yt-dlp's options consult. Until one is
installed, a Governor with no cap, no budget and no proxy stands in.

The cap is a TokenBucket in a file under the cache folder, so all of Tiffin's processes share
it. Bytes are counted into the library's data_usage table every MiB (and at the end), and the
budget is judged from that table plus what this process has not written yet, so several
processes together overshoot by at most a few MiB.

With the proxy mode "blocked", a host goes through the proxy when the stored line history
judges it blocked, or when a direct attempt in this process fails the way a block does; that
attempt is then made again through the proxy at once, and the host stays on the proxy for
`DETOUR_SECONDS` before a direct try.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from tiffin.config import Paths, Settings
from tiffin.errors import BudgetSpent
from tiffin.library.store import Store
from tiffin.net import line
from tiffin.net.proxy import full_address, redacted
from tiffin.net.usage import add_usage, usage
from tiffin.schedule.bucket import TokenBucket

logger = logging.getLogger(__name__)

DIRECT = "direct"
PROXY = "proxy"
FLUSH_BYTES = 1024 * 1024
FLUSH_SECONDS = 2.0
STATES_SECONDS = 30.0  # how long the stored line states are trusted before reading again
DETOUR_SECONDS = 600.0


@dataclass(frozen=True)
class Setup:
    """What a child process needs to install the same Governor (picklable)."""

    settings: Settings
    paths: Paths | None


class Governor:
    """Cap, budget and routes for this process; see the module docstring."""

    def __init__(self, settings: Settings, paths: Paths | None, owner: bool = True) -> None:
        self.paths = paths
        self._lock = threading.Lock()
        self._store = Store(paths.database) if paths is not None else None
        cap_file = paths.cache_dir / "bandwidth-cap" if paths is not None else None
        self.bucket = TokenBucket(None, cap_file)
        self._unflushed = 0
        self._flushed_at = time.monotonic()
        self._spent = (0, 0)
        self._spent_read = float("-inf")
        self._stored_blocked: set[str] = set()
        self._states_read = float("-inf")
        self._detours: dict[str, float] = {}
        self._lines = line.LineLog()
        self.settings = settings
        self._proxy = ""
        self.update(settings, owner)

    # -- settings -----------------------------------------------------------------------------
    def update(self, settings: Settings, owner: bool = True) -> None:
        """Follow new settings from now on (the owner also sets the shared cap's rate)."""
        self.settings = settings
        self._proxy = full_address(self.paths, settings.proxy) if settings.proxy else ""
        if owner:
            self.bucket.rate = settings.bandwidth_cap
        with self._lock:
            self._spent_read = float("-inf")

    def setup(self) -> Setup:
        """What a child needs to obey the same rules."""
        return Setup(self.settings, self.paths)

    @property
    def proxy(self) -> str:
        """The proxy's full address (with its password), for transports only; "" for none."""
        return self._proxy if self.settings.proxy_mode != "off" else ""

    # -- routes -------------------------------------------------------------------------------
    def route(self, host: str) -> str:
        """DIRECT or PROXY: the path a request to `host` takes now."""
        if not self.proxy:
            return DIRECT
        if self.settings.proxy_mode == "all":
            return PROXY
        with self._lock:
            detoured = self._detours.get(host, 0.0) > time.monotonic()
        return PROXY if detoured or host in self._blocked_hosts() else DIRECT

    def proxy_shown(self, host: str) -> str:
        """The proxy that requests to `host` go through (without user or password), or ""."""
        return "" if self.route(host) == DIRECT else redacted(self.settings.proxy)

    def describe_route(self, host: str) -> str:
        """The path for the user to read: "direct" or "via proxy <address>"."""
        shown = self.proxy_shown(host)
        return f"via proxy {shown}" if shown else DIRECT

    def detour(self, host: str, error: BaseException | None) -> bool:
        """A direct attempt to `host` failed with `error` (None: it answered with a notice
        page): should it go through the proxy now? If so it does, for a while."""
        kind = line.failure_kind(error) if error is not None else "notice_page"
        if self.settings.proxy_mode != "blocked" or not self.proxy or kind not in line.BLOCK_SIGNS:
            return False
        if error is not None:
            detail = f"{str(error)[:150]}; trying the proxy"
            self.observe(line.Observation(host, kind, detail=detail, path=DIRECT))
        with self._lock:
            self._detours[host] = time.monotonic() + DETOUR_SECONDS
        logger.info("%s looks blocked (%s); going through the proxy", host, kind)
        return True

    # -- the line -----------------------------------------------------------------------------
    def observe(self, observation: line.Observation) -> None:
        """Note how a transfer went: in the LineLog of the current context if one is open (a
        refresh stores its own at the end), else kept and stored with the next flush."""
        if line.note(observation) or self._store is None:
            return
        self._lines.note(observation)
        if time.monotonic() - self._flushed_at >= FLUSH_SECONDS:
            self.flush()

    def _blocked_hosts(self) -> set[str]:
        if self._store is None:
            return set()
        now = time.monotonic()
        if now - self._states_read > STATES_SECONDS:
            from tiffin.net.line_history import line_states  # noqa: PLC0415 - import cycle

            states = line_states(self._store)
            self._stored_blocked = {s.host for s in states if s.state == line.LineState.BLOCKED}
            self._states_read = now
        return self._stored_blocked

    # -- budget -------------------------------------------------------------------------------
    def budget_left(self) -> int | None:
        """Bytes the day's and month's budgets still allow, or None without a budget."""
        day, month = self.settings.daily_budget, self.settings.monthly_budget
        if day is None and month is None:
            return None
        today, this_month = self._spent_now()
        pairs = ((day, today), (month, this_month))
        left = [limit - spent for limit, spent in pairs if limit is not None]
        return max(0, min(left))

    def check_budget(self, url: str) -> None:
        """Raise BudgetSpent if nothing is left for a transfer from `url`."""
        if self.budget_left() == 0:
            raise BudgetSpent(
                f"the data budget is spent; {url} waits until the budget allows more"
                " (see Settings, or `tiffin net`)"
            )

    def count(self, size: int) -> None:
        """`size` more bytes came over the wire."""
        with self._lock:
            self._unflushed += size
            due = (
                self._unflushed >= FLUSH_BYTES
                or time.monotonic() - self._flushed_at >= FLUSH_SECONDS
            )
        if due:
            self.flush()

    def flush(self) -> None:
        """Write the bytes counted and the line observations kept so far to the library."""
        with self._lock:
            size, self._unflushed = self._unflushed, 0
            self._flushed_at = time.monotonic()
            if self._store is None:
                self._spent = (self._spent[0] + size, self._spent[1] + size)
        if self._store is None:
            return
        seen = self._lines.take()
        try:
            if size:
                add_usage(self._store, size)
                with self._lock:
                    self._spent_read = float("-inf")
                size = 0
            if seen:
                from tiffin.net.line_history import save_observations  # noqa: PLC0415

                save_observations(self._store, seen)
        except sqlite3.Error as exc:
            # A full disk or a busy library must not end the transfer being counted: the
            # bytes wait for the next flush; these observations of the line are let go.
            logger.warning("could not note usage and the line in the library: %s", exc)
            with self._lock:
                self._unflushed += size

    def _spent_now(self) -> tuple[int, int]:
        now = time.monotonic()
        if self._store is not None and now - self._spent_read > FLUSH_SECONDS:
            spent = usage(self._store)
            with self._lock:
                self._spent, self._spent_read = spent, now
        with self._lock:
            return self._spent[0] + self._unflushed, self._spent[1] + self._unflushed

    # -- yt-dlp -------------------------------------------------------------------------------
    def ytdlp_params(self, url: str | None) -> dict[str, Any]:
        """yt-dlp options that make its transfers obey the same cap, budget and route."""
        params: dict[str, Any] = {"progress_hooks": [_YtdlpMeter(self)]}
        if url is not None and self.route(httpx.URL(url).host) == PROXY:
            params["proxy"] = self.proxy
        if self.bucket.rate:
            params["ratelimit"] = self.bucket.rate
        return params

    def close(self) -> None:
        """Write what is counted and let go of the files."""
        self.flush()
        self.bucket.close()
        if self._store is not None:
            self._store.close()


class _YtdlpMeter:
    """A yt-dlp progress hook: each new byte takes its share of the cap and counts against the
    budget; a spent budget stops the download (yt-dlp keeps its .part files)."""

    def __init__(self, governor: Governor) -> None:
        self.governor = governor
        self.seen: dict[str, int] = {}

    def __call__(self, state: dict[str, Any]) -> None:
        name = str(state.get("filename") or "")  # "downloading" and "finished" both name it
        done = int(state.get("downloaded_bytes") or 0)
        new = max(0, done - self.seen.get(name, 0))
        self.seen[name] = done
        if new:
            self.governor.count(new)
            self.governor.bucket.take_blocking(new)
        url = str(state.get("info_dict", {}).get("url") or "")
        if state.get("status") == "downloading":
            self.governor.check_budget(url or "a download")
        elif (
            state.get("status") == "finished"
            and url.startswith(("http://", "https://"))
            and not state.get("info_dict", {}).get("is_live")
        ):
            # yt-dlp's own transfers (HLS, DASH) do not pass Tiffin's client: what each file's
            # download showed about its host is noted here instead. A live stream's comes at
            # the stream's own pace, which says nothing of the line.
            seconds = float(state.get("elapsed") or 0.0)
            host = httpx.URL(url).host
            path = self.governor.route(host)
            self.governor.observe(
                line.Observation(host, line.OK, bytes=done, seconds=seconds, url=url, path=path)
            )


_installed: Governor | None = None
_install_lock = threading.Lock()


def install(settings: Settings, paths: Paths | None, owner: bool = True) -> Governor:
    """Make a Governor for `paths` the process's own (closing the one before)."""
    global _installed  # one per process, like the logging configuration
    with _install_lock:
        previous, _installed = _installed, Governor(settings, paths, owner)
    if previous is not None:
        previous.close()
    return _installed


def adopt(setup: Setup) -> Governor:
    """In a child process: obey the parent's rules (the parent owns the cap's rate)."""
    return install(setup.settings, setup.paths, owner=False)


def current() -> Governor:
    """The process's Governor (one without cap, budget or proxy until one is installed)."""
    global _installed  # noqa: PLW0603 - one per process
    with _install_lock:
        if _installed is None:
            _installed = Governor(Settings(), None)
        return _installed
