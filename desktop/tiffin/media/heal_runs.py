"""Heals as the download queue runs them: recordings wanted for healing wait in the queue with
the downloads, start under the same window, budget and host rules, and settle here.

The queue knows nothing of how a recording is healed (live/heal.py does, and the live package
sits above this one): its caller hands it the `Healer`. A heal whose replay is not up yet is
asked for again later (library/heals.py keeps the pause); one stopped or cut by the line is
wanted again at once; the recording itself is never touched until its healed copy is whole.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from tiffin.config import Paths, Settings
from tiffin.errors import Cancelled, DiskFull, NetError, TiffinError
from tiffin.library import heals
from tiffin.library.downloads import Download, Heal, Status
from tiffin.library.heals import Healed
from tiffin.library.store import Store
from tiffin.media.download import DownloadProgress
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

Healer = Callable[
    [Paths, Settings, Download, Callable[[DownloadProgress], None], CancelToken], Healed
]
HEALED, LATER, LINE, STOPPED, FULL = "healed", "later", "line", "stopped", "full"


def is_heal(entry: Download) -> bool:
    """Whether the queue's `entry` is a recording to heal rather than a download to run."""
    return entry.status == Status.DONE and entry.heal in (Heal.WANTED, Heal.HEALING)


class HealRuns:
    """Starts and settles the heals of one queue; see the module docstring."""

    def __init__(self, store: Store, paths: Paths, settings: Settings, healer: Healer) -> None:
        self.store, self.paths, self.settings, self.healer = store, paths, settings, healer

    def waiting(self, skip: list[int]) -> list[Download]:
        """The heals that may start now, the earliest event's first."""
        return heals.wanted_heals(self.store, skip)

    def start(
        self,
        pool: ThreadPoolExecutor,
        entry: Download,
        on_progress: Callable[[DownloadProgress], None],
        token: CancelToken,
    ) -> Future[Healed]:
        """Mark `entry` as healing and run its heal in `pool`."""
        heals.set_heal(self.store, entry.id, Heal.HEALING)
        return pool.submit(self.healer, self.paths, self.settings, entry, on_progress, token)

    def settle(self, entry: Download, future: Future[Healed]) -> tuple[str, str | None]:
        """Record how the heal of `entry` went: HEALED, LATER (the replay cannot do it now),
        LINE (the line failed), STOPPED or FULL, with the reason."""
        try:
            done = future.result()
        except Cancelled:
            heals.set_heal(self.store, entry.id, Heal.WANTED)
            return STOPPED, None
        except NetError as exc:
            heals.set_heal(self.store, entry.id, Heal.WANTED, str(exc))
            return LINE, str(exc)
        except DiskFull as exc:
            heals.set_heal(self.store, entry.id, Heal.WANTED, str(exc))
            return FULL, str(exc)
        except TiffinError as exc:
            state = heals.heal_later(self.store, entry.id, str(exc))
            logger.info("heal of #%d: %s (%s)", entry.id, exc, state.value)
            return LATER, str(exc)
        except Exception as exc:  # a fault here must not stop the downloads queued behind it
            logger.exception("heal of #%d failed", entry.id)
            why = f"could not heal it: {type(exc).__name__}"
            heals.heal_later(self.store, entry.id, why)
            return LATER, why
        heals.healed(self.store, entry.id, done)
        return HEALED, done.note
