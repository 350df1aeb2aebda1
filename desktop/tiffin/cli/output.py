"""What every subcommand shares: exit codes, times as ISO 8601, JSON on standard output."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import Any

# 2 (wrong usage) is argparse's own, and ours for arguments argparse cannot check.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def iso(timestamp: float | None) -> str | None:
    """A Unix time as ISO 8601 in UTC, or None."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def print_json(rows: list[dict[str, Any]] | dict[str, Any]) -> None:
    """Print `rows` as one JSON list, or one object (UTF-8 text kept as is)."""
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
