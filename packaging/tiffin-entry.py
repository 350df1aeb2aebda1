"""The frozen app's entry point (PyInstaller): the same `tiffin` command as the wheel's."""

import multiprocessing
import sys

from tiffin.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # spawned download workers re-enter here
    sys.exit(main())
