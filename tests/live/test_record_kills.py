"""`tiffin record` killed with SIGKILL ten times at random moments of a live stream, each time
started again: the finished file holds the whole stream, within one segment."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from live.conftest import SEGMENT
from support.hls_live import LiveStream
from support.testweb import TestWeb
from tiffin.config import Paths, Settings

KILLS = 10
TOTAL = 80  # segments: 40 s of stream


def test_ten_kills_during_a_recording_lose_nothing(
    web: TestWeb, live_segments: list[bytes], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0, read_timeout=5.0).save(Paths.under(home).settings_file)
    cli = [sys.executable, "-m", "tiffin", "--data-dir", str(home)]
    # An 8 s window: a restart (a new process, its imports) takes a second or two.
    stream = LiveStream(live_segments, SEGMENT, window=16, total=TOTAL)
    url = stream.serve(web, "/live/kills/")
    rng = random.Random(20261202)
    killed = 0
    for _ in range(KILLS):
        running = subprocess.Popen(
            [*cli, "record", url, "--from-start"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(1.0, 2.5))
        if running.poll() is not None:
            pytest.fail(f"the recording ended before its kill: {running.stderr.read()!r}")
        running.send_signal(signal.SIGKILL)
        running.wait(timeout=30)
        if running.stderr is not None:
            running.stderr.close()
        killed += 1
    assert not stream.ended(), "the stream must still be going for the last start"
    done = subprocess.run(
        [*cli, "record", url, "--from-start"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    listed = subprocess.run([*cli, "media", "--json"], capture_output=True, text=True, check=True)
    [entry] = json.loads(listed.stdout)
    assert killed == KILLS and entry["status"] == "done"
    assert entry["duration"] == pytest.approx(TOTAL * SEGMENT, abs=SEGMENT)
    assert Path(entry["path"]).exists()
