"""`tiffin` and `python -m tiffin`: the GUI with no arguments, a headless CLI with a subcommand."""

from __future__ import annotations

import multiprocessing
import sys

from tiffin.cli.main import main as cli_main


def main() -> int:
    """Run Tiffin with the process's arguments; returns the exit code."""
    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
