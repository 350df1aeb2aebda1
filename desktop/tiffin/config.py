"""Where Tiffin keeps its files (Paths) and the settings that tune its work (Settings)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from types import UnionType
from typing import Any, get_args, get_origin, get_type_hints

import platformdirs

from tiffin.errors import LibraryMissing

logger = logging.getLogger(__name__)

APP_NAME = "tiffin"
HOME_ENV = "TIFFIN_HOME"
# Names the folder chosen on the first run when it is not the platform's default (a USB stick).
LOCATION_FILE = "location"
# The languages Tiffin speaks (code -> the language's own name); English is the source.
LANGUAGES = {"en": "English", "ur": "اردو"}


@dataclass(frozen=True)
class Paths:
    """The folders Tiffin writes to; build once at start-up and pass down."""

    data_dir: Path
    cache_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        """The library database file."""
        return self.data_dir / "library.sqlite"

    @property
    def settings_file(self) -> Path:
        """The JSON file holding the user's settings."""
        return self.config_dir / "settings.json"

    @classmethod
    def under(cls, root: Path) -> Paths:
        """Everything inside one folder: for tests and for a portable copy on a USB stick."""
        root = root.expanduser().resolve()
        return cls(root, root / "cache", root / "config", root / "logs")

    @classmethod
    def default(cls) -> Paths:
        """The platform's user folders (platformdirs)."""
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME)),
            Path(platformdirs.user_cache_dir(APP_NAME)),
            Path(platformdirs.user_config_dir(APP_NAME)),
            Path(platformdirs.user_log_dir(APP_NAME)),
        )

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """An explicit folder wins, then $TIFFIN_HOME, then the folder chosen on the first run,
        then the platform's user folders. Raises LibraryMissing when the chosen folder is gone
        (a USB stick not plugged in), rather than starting an empty library elsewhere."""
        chosen = given_folder(data_dir)
        if chosen is not None:
            return cls.under(chosen)
        remembered = remembered_location()
        if remembered is None:
            return cls.default()
        if not remembered.is_dir():
            raise LibraryMissing(
                f"the library folder {remembered} is not there (is the USB stick plugged in?);"
                " nothing was changed. Plug it in, or start with --data-dir to use another."
            )
        return cls.under(remembered)

    def ensure(self) -> Paths:
        """Create the folders if they are missing; returns self for chaining."""
        for folder in (self.data_dir, self.cache_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def given_folder(data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder named by `data_dir` (--data-dir) or else by $TIFFIN_HOME, if either is."""
    chosen = data_dir or os.environ.get(HOME_ENV)
    return Path(chosen) if chosen else None


def _location_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / LOCATION_FILE


def remembered_location() -> Path | None:
    """The library folder chosen on the first run, if it is not the platform's default."""
    try:
        text = _location_file().read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return Path(text) if text else None


def remember_location(folder: Path | None) -> None:
    """Keep `folder` as where the library lives from now on (None: the platform's default)."""
    pointer = _location_file()
    if folder is None:
        pointer.unlink(missing_ok=True)
        return
    pointer.parent.mkdir(parents=True, exist_ok=True)
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(str(folder.expanduser().resolve()), encoding="utf-8")
    tmp.replace(pointer)


_WRONG = object()


def _typed(value: Any, hint: Any) -> Any:
    """`value` read from JSON as the field type `hint` wants it, or _WRONG."""
    options = get_args(hint) if get_origin(hint) is UnionType else (hint,)
    if value is None:
        return None if type(None) in options else _WRONG
    for option in options:
        if option is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if option in (int, str, bool) and type(value) is option:
            return value
        if get_origin(option) is tuple and isinstance(value, list):  # JSON has no tuples
            kinds = get_args(option)
            if len(value) == len(kinds) and all(
                type(v) is k for v, k in zip(value, kinds, strict=True)
            ):
                return tuple(value)
    return _WRONG


@dataclass(frozen=True)
class Settings:
    """Tunable limits of the network and the refresh; stored as JSON in the config folder."""

    connect_timeout: float = 15.0
    read_timeout: float = 30.0
    # The ceiling on one fetch (a feed, page, picture, playlist or segment; files have the floor)
    transfer_deadline: float = 120.0
    min_rate: int = 256  # bytes per second below which a transfer is a trickle, not a line
    min_rate_window: float = 30.0  # over this many seconds
    max_feed_bytes: int = 20 * 1024 * 1024
    max_page_bytes: int = 8 * 1024 * 1024
    max_connections: int = 64
    per_host_connections: int = 2
    max_retry_wait: float = 60.0
    retries: int = 2
    disk_reserve: int = 256 * 1024 * 1024
    media_connections: int = 8
    channel_entries: int = 200
    live_poll: float = 30.0
    live_grace: float = 120.0
    proxy: str | None = None  # its address; a password is kept apart (net/proxy.py)
    proxy_mode: str = "all"  # "off", "all" traffic, or only hosts found "blocked"
    daily_budget: int | None = None  # bytes on the wire per day, None: no limit
    monthly_budget: int | None = None
    bandwidth_cap: int | None = None  # bytes per second for all transfers together
    upload_cap: int | None = None  # bytes per second the swarm may send to other peers
    swarm_dht: bool = True  # find swarm peers through the DHT too (it needs the internet)
    swarm_port: int = 6881  # where the window's swarm listens for peers
    media_window: tuple[int, int] | None = None  # local hours (start, end) for media downloads
    language: str = ""  # "" follows the system; "en", "ur", ... (see ui/i18n.py)
    lan_host: str = "0.0.0.0"  # where the LAN view listens (all addresses)
    lan_port: int = 8808
    user_agent: str = "Tiffin/0.1 (+offline reader)"

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings from `path`; unknown keys are ignored and a broken file gives defaults."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            logger.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        if not isinstance(raw, dict):
            logger.warning("settings file %s holds no JSON object; using defaults", path)
            return cls()
        hints = get_type_hints(cls)
        chosen: dict[str, Any] = {}
        for name in (f.name for f in fields(cls)):
            if name not in raw:
                continue
            value = _typed(raw[name], hints[name])
            if value is _WRONG:
                wanted = str(hints[name]).replace("<class '", "").replace("'>", "")
                logger.warning(
                    "setting %s in %s is not %s; the default is used", name, path, wanted
                )
            else:
                chosen[name] = value
        return replace(cls(), **chosen)

    def save(self, path: Path) -> None:
        """Write settings atomically (temporary file, then rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)
