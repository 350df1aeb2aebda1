"""Plays one finished download in the real player, offscreen, and prints what it saw as JSON.

Run as `python offline_player.py DATA_DIR DOWNLOAD_ID SECONDS`, ideally under `unshare -rn`
(a network namespace with no usable interface), to show playback needs no network at all.
It also refuses every Python-level socket connection, so nothing in Tiffin can reach out.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from tiffin.config import Paths
from tiffin.library import downloads
from tiffin.library.store import Store
from tiffin.media.queue import media_dir
from tiffin.ui import workers
from tiffin.ui.player import PlayerWidget


def _no_network(event: str, args: tuple[object, ...]) -> None:
    if event in ("socket.connect", "socket.getaddrinfo"):
        raise ConnectionRefusedError(f"offline: {event} {args[1:]!r}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.addaudithook(_no_network)
    data_dir, download_id, seconds = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    app = QApplication([])
    paths = Paths.under(data_dir)
    positions: list[int] = []
    with Store(paths.database) as store:
        player = PlayerWidget(store, media_dir(paths))
        player.show()
        player.player.positionChanged.connect(positions.append)
        player.open(downloads.get_download(store, download_id))
        deadline = time.monotonic() + seconds + 20
        while time.monotonic() < deadline and (
            not positions or positions[-1] - (positions[0] if positions else 0) < seconds * 1000
        ):
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        first_seen = positions[0] if positions else None
        player.stop()
        workers.wait_for_all(10_000)
        saved = downloads.get_download(store, download_id).resume_at
    print(
        json.dumps(
            {
                "positions": positions,
                "first": first_seen,
                "saved": saved,
                "error": player.player.errorString(),
            }
        )
    )
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
