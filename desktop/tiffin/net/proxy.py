"""The user's proxy: its address (kept in the settings, never with a password), its password
(kept in the OS keyring where one exists), and the address with both for the transports.

Where no keyring works (a headless Linux box without a Secret Service), the password goes to
a file in the config folder that only the user can read, and `where_kept` says so.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import httpx

from tiffin.config import Paths

logger = logging.getLogger(__name__)

SERVICE = "tiffin-proxy"
SCHEMES = ("http", "https", "socks5", "socks5h")
MODES = ("off", "all", "blocked")


def check_address(address: str) -> str:
    """`address` as a proxy address Tiffin can use, or ValueError saying what is wrong."""
    try:
        url = httpx.URL(address.strip())
    except httpx.InvalidURL as exc:
        raise ValueError(f"{address!r} is not an address: {exc}") from exc
    if url.scheme not in SCHEMES:
        raise ValueError(f"a proxy address starts with one of {', '.join(SCHEMES)}://")
    if not url.host or url.port is None:
        raise ValueError("a proxy address needs a host and a port, e.g. socks5://127.0.0.1:9050")
    return str(url)


def split_password(address: str) -> tuple[str, str | None]:
    """The address without its password, and the password (if it had one)."""
    url = httpx.URL(address)
    if not url.password:
        return address, None
    return str(url.copy_with(username=url.username, password=None)), url.password


def redacted(address: str | None) -> str:
    """The address safe for logs and screens: user and password left out."""
    if not address:
        return ""
    url = httpx.URL(address)
    return str(url.copy_with(username=None, password=None))


def _key(address: str) -> str:
    url = httpx.URL(address)
    return f"{url.username}@{url.host}:{url.port}"


def _file(paths: Paths) -> Path:
    return paths.config_dir / "proxy-password.json"


def _keyring_usable() -> bool:
    try:
        import keyring  # noqa: PLC0415 - optional at run time; absent means the file is used
        from keyring.backends import fail  # noqa: PLC0415
    except ImportError:
        return False
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def save_password(paths: Paths, address: str, password: str) -> str:
    """Keep `password` for the proxy at `address` (whose user name it belongs to); returns
    where it is kept, for the user to read."""
    if _keyring_usable():
        import keyring  # noqa: PLC0415

        keyring.set_password(SERVICE, _key(address), password)
        return "the system keyring"
    store = _file(paths)
    kept = _read_file(store)
    kept[_key(address)] = password
    store.parent.mkdir(parents=True, exist_ok=True)
    temporary = store.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(kept, out)
    temporary.replace(store)
    return f"{store} (readable only by you; no system keyring was found)"


def load_password(paths: Paths, address: str) -> str | None:
    """The password kept for the proxy at `address`, if any."""
    if _keyring_usable():
        import keyring  # noqa: PLC0415

        found = keyring.get_password(SERVICE, _key(address))
        if found is not None:
            return found
    return _read_file(_file(paths)).get(_key(address))


def _read_file(path: Path) -> dict[str, str]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("the proxy password file %s is unreadable (%s)", path, exc)
        return {}
    return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {}


def full_address(paths: Paths | None, address: str) -> str:
    """The address with the kept password put back in, for the transports only."""
    url = httpx.URL(address)
    if not url.username or paths is None:
        return address
    password = load_password(paths, address)
    if not password:
        return address
    return str(url.copy_with(username=url.username, password=password))
