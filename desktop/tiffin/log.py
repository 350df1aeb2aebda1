"""Logging set-up for entry points only: a rotating file in the log folder, warnings to stderr."""

from __future__ import annotations

import logging
import logging.handlers

from tiffin.config import Paths


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
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.handlers[:] = [file_handler, console]
