"""The first run: whether this is one, and setting up the library the welcome chose (its
folder, the starter subscriptions ticked, the download hours and daily budget)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tiffin.config import Paths, Settings, remember_location
from tiffin.library.store import Store
from tiffin.sources.starters import Starter, subscribe_starters


@dataclass(frozen=True)
class Welcome:
    """What the welcome chose: the library folder (None: the one Tiffin would use anyway), the
    starter subscriptions ticked, and the settings with the download hours and daily budget."""

    folder: Path | None
    starters: tuple[Starter, ...]
    settings: Settings


def is_first_run(paths: Paths) -> bool:
    """True while no library has been made in `paths`."""
    return not paths.database.exists()


def set_up(paths: Paths, welcome: Welcome) -> Paths:
    """Make the library the welcome chose and return where it lives. A folder other than
    `paths`' is remembered, so later starts open it; its settings are written there.
    Raises StoreError if the library cannot be made, OSError if the folder cannot."""
    if welcome.folder is not None:
        paths = Paths.under(welcome.folder)
        remember_location(paths.data_dir)
    paths.ensure()
    with Store(paths.database) as store:
        subscribe_starters(store, welcome.starters)
    welcome.settings.save(paths.settings_file)
    return paths
