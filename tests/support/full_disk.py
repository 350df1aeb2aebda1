"""A disk that fills up in the middle of a download, for real: run under `unshare -rm` (a
private mount namespace), it mounts a small tmpfs, starts `tiffin download` there, fills the
tmpfs once the download is under way, lets the download hit ENOSPC, frees the space and runs
the download again. Prints one JSON object with what each step saw.

    python full_disk.py MOUNTPOINT URL SIZE_MIB
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tiffin.config import Paths, Settings
from tiffin.media.ranges import ExtentJournal


def _tiffin(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tiffin", "--data-dir", str(home), *args]


def _fill(folder: Path) -> Path:
    """Fill `folder`'s file system; it may be full already (then no file is made)."""
    filler = folder / "filler"
    try:
        with filler.open("wb") as out:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
    except OSError:
        pass  # full: what the test wants
    return filler


def main() -> int:
    mount, url, size = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}m", "tiffin-test", str(mount)], check=True
    )
    home = mount / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0).save(Paths.under(home).settings_file)
    first = subprocess.Popen(_tiffin(home, "download", url), stderr=subprocess.PIPE, text=True)
    partial = home / "media" / ".partial" / "1"
    deadline = time.monotonic() + 60
    parts: list[Path] = []
    while time.monotonic() < deadline and first.poll() is None:
        parts = list(partial.glob("*.part"))
        if parts and ExtentJournal.for_part(parts[0]).done >= 1024 * 1024:
            break
        time.sleep(0.05)
    filler = _fill(mount)
    _, first_error = first.communicate(timeout=120)
    missing = sum(b - a for a, b in ExtentJournal.for_part(parts[0]).holes()) if parts else -1
    filler.unlink(missing_ok=True)
    second = subprocess.run(
        _tiffin(home, "download", url), capture_output=True, text=True, check=False
    )
    listing = subprocess.run(
        _tiffin(home, "media", "--json"), capture_output=True, text=True, check=False
    )
    print(
        json.dumps(
            {
                "first_code": first.returncode,
                "first_error": first_error,
                "missing": missing,
                "second_code": second.returncode,
                "second_error": second.stderr,
                "media": json.loads(listing.stdout or "[]"),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
