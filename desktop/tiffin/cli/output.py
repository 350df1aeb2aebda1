"""What every subcommand shares: exit codes, times as ISO 8601, JSON on standard output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

# 2 (wrong usage) is argparse's own, and ours for arguments argparse cannot check.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer


def row_id(text: str) -> int:
    """An argparse type: a library id (a whole number from 1), else a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ROW_ID:
        raise argparse.ArgumentTypeError(f"{text} is not an id: ids run from 1 to {MAX_ROW_ID}")
    return value


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text} is not between {low} and {high}")
        return value

    return parse


def iso(timestamp: float | None) -> str | None:
    """A Unix time as ISO 8601 in UTC, or None."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def print_json(rows: list[dict[str, Any]] | dict[str, Any]) -> None:
    """Print `rows` as one JSON list, or one object (UTF-8 text kept as is)."""
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
