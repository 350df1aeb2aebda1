"""`tiffin settings`: show the settings, or set one (budgets, the cap, the download window,
the proxy), for home servers and scripts that have no settings dialog."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import asdict, fields, replace
from typing import Any

from tiffin.cli.output import EXIT_FAILED, EXIT_OK, print_json
from tiffin.config import LANGUAGES, Paths, Settings
from tiffin.net.proxy import MODES, check_address, save_password, split_password

_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?(?:/s)?\s*$", re.I)
_WINDOW = re.compile(r"^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$")
SIZES = ("daily_budget", "monthly_budget", "bandwidth_cap", "max_feed_bytes", "max_page_bytes")


def add_parsers(commands: Any) -> None:
    """Register `settings` on the `tiffin` subcommand parser."""
    settings = commands.add_parser(
        "settings",
        help="show the settings, or set one: budgets, bandwidth cap, download window, proxy",
        description=(
            "Sizes take K, M, G (1024-based): daily_budget 500M. bandwidth_cap is per second:"
            " 1M. media_window is local hours: 1-6. proxy: socks5://user:password@host:port"
            " (the password goes to the system keyring). 'none' clears a value."
        ),
    )
    settings.add_argument("name", nargs="?", help="the setting to set")
    settings.add_argument("value", nargs="?", help="its new value")
    settings.add_argument("--json", action="store_true", help="print the settings as JSON")


def parse_size(text: str) -> int:
    """'500M', '2 GiB', '1.5g', '1M/s' or a number of bytes, as bytes."""
    found = _SIZE.match(text)
    if not found:
        raise ValueError(f"{text!r} is not a size; write e.g. 500M or 2G")
    return int(float(found.group(1)) * _UNITS[found.group(2).lower()])


def parse_window(text: str) -> tuple[int, int]:
    """'1-6' as (1, 6): local hours, the end not included; '23-6' wraps past midnight."""
    found = _WINDOW.match(text)
    if not found or not all(0 <= int(h) <= 24 for h in found.groups()):
        raise ValueError(f"{text!r} is not a window of hours; write e.g. 1-6")
    start, end = int(found.group(1)) % 24, int(found.group(2)) % 24
    if start == end:
        raise ValueError("a window needs different start and end hours")
    return start, end


def changed(settings: Settings, paths: Paths, name: str, text: str) -> tuple[Settings, str]:
    """`settings` with `name` set from `text`, and a line for the user; ValueError if invalid."""
    kinds = {f.name: f.type for f in fields(Settings)}
    if name not in kinds:
        raise ValueError(f"there is no setting {name!r}; `tiffin settings` lists them")
    note = ""
    value: Any
    if text.lower() in ("none", "off", "") and "None" in str(kinds[name]):
        value = None
    elif name in SIZES:
        value = parse_size(text)
    elif name == "media_window":
        value = parse_window(text)
    elif name == "language":
        if text not in LANGUAGES and text != "system":
            raise ValueError(f"language is one of system, {', '.join(LANGUAGES)}")
        value = "" if text == "system" else text
    elif name == "proxy_mode":
        if text not in MODES:
            raise ValueError(f"proxy_mode is one of {', '.join(MODES)}")
        value = text
    elif name == "proxy":
        address, password = split_password(check_address(text))
        value = address
        if password:
            note = f"; its password is kept in {save_password(paths, address, password)}"
    elif "int" in str(kinds[name]):
        value = int(text)
    elif "float" in str(kinds[name]):
        value = float(text)
    else:
        value = text
    return replace(settings, **{name: value}), f"{name} = {_shown(value)}{note}"


def _shown(value: Any) -> str:
    if isinstance(value, tuple):
        return f"{value[0]}-{value[1]}"
    return "none" if value is None else str(value)


def cmd_settings(args: argparse.Namespace, paths: Paths, settings: Settings) -> int:
    """Print the settings, or set the one named."""
    if args.name is None:
        if args.json:
            print_json(asdict(settings))
        else:
            for key, value in asdict(settings).items():
                print(f"{key} = {_shown(tuple(value) if isinstance(value, list) else value)}")
        return EXIT_OK
    if args.value is None:
        print(_shown(asdict(settings).get(args.name, "unknown setting")))
        return EXIT_OK
    try:
        new, said = changed(settings, paths, args.name, args.value)
    except ValueError as exc:
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED
    new.save(paths.settings_file)
    print(said)
    return EXIT_OK
