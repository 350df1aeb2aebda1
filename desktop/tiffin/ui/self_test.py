"""`tiffin --self-test`: proof that an installed Tiffin (a wheel, a bundle) works here. It
starts Qt offscreen, opens a fresh library (migrations and search index included), and plays
the bundled one-second clip to its end with QtMultimedia; exit code 0 only if all of that
happened."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

CLIP = "self-test.mp4"
TIMEOUT_MS = 30_000


def clip_path() -> Path:
    """The bundled clip, as a real file (a zipped install would extract it)."""
    return Path(str(resources.files("tiffin") / "data" / CLIP))


def run() -> int:
    """Run the self-test; prints each step, returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    from PySide6.QtCore import QTimer, QUrl  # noqa: PLC0415 - Qt only for this check
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from tiffin import __version__  # noqa: PLC0415
    from tiffin.library import queries  # noqa: PLC0415
    from tiffin.library.store import Store  # noqa: PLC0415

    started = time.monotonic()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"tiffin {__version__}: Qt started ({os.environ['QT_QPA_PLATFORM']})", flush=True)
    with tempfile.TemporaryDirectory(prefix="tiffin-self-test-") as folder:
        with Store(Path(folder) / "library.sqlite") as store:
            queries.add_source(store, "https://self-test.invalid/feed.xml", "Self-test")
            assert [s.title for s in queries.list_sources(store)] == ["Self-test"]
        print("library: created, migrated and read back", flush=True)

    clip = clip_path()
    if not clip.is_file():
        print(f"self-test failed: the bundled clip {clip} is missing", file=sys.stderr)
        return 1
    player = QMediaPlayer()
    audio = QAudioOutput()
    audio.setMuted(True)
    player.setAudioOutput(audio)
    outcome: dict[str, str] = {}

    def status(state: QMediaPlayer.MediaStatus) -> None:
        if state == QMediaPlayer.MediaStatus.EndOfMedia:
            outcome["done"] = f"played to the end ({player.duration()} ms)"
            app.quit()
        elif state == QMediaPlayer.MediaStatus.InvalidMedia:
            outcome["error"] = f"cannot play the clip: {player.errorString()}"
            app.quit()

    def error(_error: QMediaPlayer.Error, message: str) -> None:
        outcome["error"] = f"the player failed: {message}"
        app.quit()

    def timeout() -> None:
        outcome.setdefault("error", f"the clip did not finish within {TIMEOUT_MS // 1000} s")
        app.quit()

    player.mediaStatusChanged.connect(status)
    player.errorOccurred.connect(error)
    QTimer.singleShot(TIMEOUT_MS, timeout)
    player.setSource(QUrl.fromLocalFile(str(clip)))
    player.play()
    app.exec()
    player.stop()
    if "error" in outcome:
        print(f"self-test failed: {outcome['error']}", file=sys.stderr)
        return 1
    print(f"player: {outcome['done']}")
    print(f"self-test passed in {time.monotonic() - started:.1f} s")
    return 0
