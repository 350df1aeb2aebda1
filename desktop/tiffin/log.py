"""Logging set-up for entry points only: a rotating file in the log folder, warnings to stderr.

A record logged with `extra=FILE_ONLY` goes to the file alone (a traceback kept for a bug
report, while the user reads one line)."""

from __future__ import annotations

import logging
import logging.handlers

from tiffin.config import Paths

FILE_ONLY = {"file_only": True}


def configure_logging(paths: Paths, verbose: bool = False) -> None:
    """Send records to `tiffin.log` (rotated at 1 MB, 3 kept) and warnings or worse to stderr."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "tiffin.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s") if verbose else _Brief())
    console.addFilter(lambda record: not getattr(record, "file_only", False))
    root.handlers[:] = [file_handler, console]


class _Brief(logging.Formatter):
    """One line a record: the traceback stays in the log file, never on a user's terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname}: {record.getMessage()}"
