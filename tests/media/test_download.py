"""Downloads through real yt-dlp, real ffmpeg and real child processes, from the test web."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.library import downloads
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.media.download import probe_duration
from tiffin.media.queue import DownloadQueue, QueueEvent, media_dir
from tiffin.media.ranges import ExtentJournal
from tiffin.progress import CancelToken

MiB = 1024 * 1024


def _run_queue(store: Store, paths: Paths, settings: Settings) -> tuple[list[QueueEvent], object]:
    events: list[QueueEvent] = []
    summary = DownloadQueue(store, paths, settings).run(events.append, CancelToken())
    return events, summary


@pytest.fixture
def media_settings(settings: Settings) -> Settings:
    return replace(settings, disk_reserve=0, read_timeout=5.0)


def test_file_page_and_hls_download_and_verify(
    web: TestWeb, clip: Path, hls_vod: Path, store: Store, paths: Paths, media_settings: Settings
) -> None:
    direct = web.add("/media/clip.mp4", clip.read_bytes(), "video/mp4")
    page = web.add(
        "/watch/rally",
        "<html><head><title>Rally in Lahore</title></head><body>"
        '<video controls src="/media/clip.mp4"></video></body></html>',
        "text/html",
    )
    hls = web.add_folder("/hls/", hls_vod.parent) + "index.m3u8"
    ids = [downloads.enqueue(store, url).id for url in (direct, page, hls)]

    events, summary = _run_queue(store, paths, media_settings)

    assert sorted(summary.done) == ids, summary  # type: ignore[attr-defined]
    assert any(e.progress and e.progress.phase == "downloading" for e in events)
    for download_id in ids:
        entry = downloads.get_download(store, download_id)
        assert entry.status == Status.DONE and entry.path
        file = media_dir(paths) / entry.path
        assert file.stat().st_size == entry.bytes_done
        assert probe_duration(file) == pytest.approx(8.0, abs=0.3)
        assert entry.duration == pytest.approx(8.0, abs=0.3)
    titles = [downloads.get_download(store, i).title for i in ids]
    assert "Rally in Lahore" in titles[1]
    segments = [r for r in web.requests() if r.path.endswith(".ts")]
    assert len(segments) == len(list(hls_vod.parent.glob("*.ts")))
    assert not (media_dir(paths) / ".partial" / str(ids[0])).exists()


def test_nothing_half_written_looks_finished(
    web: TestWeb, clip: Path, store: Store, paths: Paths, media_settings: Settings
) -> None:
    """A server that sends a cut-off clip (and says that is all) gives a failed entry and no
    file in the library."""
    cut = clip.read_bytes()[: len(clip.read_bytes()) // 2]
    url = web.add("/media/cut.mp4", cut, "video/mp4")
    entry = downloads.enqueue(store, url)
    _, summary = _run_queue(store, paths, media_settings)
    assert entry.id in summary.failed  # type: ignore[attr-defined]
    failed = downloads.get_download(store, entry.id)
    assert failed.status == Status.FAILED and failed.path is None
    assert "cut off" in (failed.error or ""), failed.error
    assert not [p for p in media_dir(paths).iterdir() if p.is_file()]


def test_unknown_address_fails_clearly(
    web: TestWeb, store: Store, paths: Paths, media_settings: Settings
) -> None:
    url = web.add("/nothing-here", "<html><body><p>No video.</p></body></html>", "text/html")
    entry = downloads.enqueue(store, url)
    _, summary = _run_queue(store, paths, media_settings)
    assert "no media found" in summary.failed[entry.id]  # type: ignore[attr-defined]


def test_full_disk_pauses_the_queue_and_resumes_when_space_is_freed(
    web: TestWeb, clip: Path, store: Store, paths: Paths, media_settings: Settings
) -> None:
    first = downloads.enqueue(store, web.add("/media/a.mp4", clip.read_bytes(), "video/mp4"))
    second = downloads.enqueue(store, web.add("/media/b.mp4", clip.read_bytes(), "video/mp4"))
    third = downloads.enqueue(store, web.add("/media/c.mp4", clip.read_bytes(), "video/mp4"))
    stats = os.statvfs(paths.data_dir)
    full = replace(media_settings, disk_reserve=stats.f_bavail * stats.f_frsize)
    _, summary = _run_queue(store, paths, full)
    assert summary.disk_full and "free" in summary.disk_full  # type: ignore[attr-defined]
    paused = downloads.get_download(store, first.id)
    assert paused.status == Status.QUEUED and "space" in (paused.error or "")
    assert downloads.get_download(store, second.id).status == Status.QUEUED
    untried = downloads.get_download(store, third.id)
    assert untried.status == Status.QUEUED and untried.error is None  # the queue stopped
    _, summary = _run_queue(store, paths, media_settings)
    assert sorted(summary.done) == [first.id, second.id, third.id]  # type: ignore[attr-defined]


def _tiffin(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_download_continues_with_only_the_missing_bytes(
    web: TestWeb, clip: Path, tmp_path: Path
) -> None:
    """kill -9 of `tiffin download` half way; the next run asks only for the bytes that are
    not on disk (the test web's log shows it), and the file comes out whole."""
    frames = clip.read_bytes()
    body = frames + b"\0" * (6 * MiB - len(frames))  # trailing padding: still a playable MP4
    url = web.add("/media/long.mp4", body, "video/mp4")
    web.fault("/media/long.mp4", Fault(rate=512 * 1024))
    home = tmp_path / "home"
    Paths.under(home).ensure()
    Settings(disk_reserve=0).save(Paths.under(home).settings_file)
    first = _tiffin(home, "download", url)
    partial = home / "media" / ".partial" / "1"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        parts = list(partial.glob("*.part"))
        if parts and ExtentJournal.for_part(parts[0]).done >= len(body) // 2:
            break
        time.sleep(0.1)
    else:
        first.kill()
        first.communicate()
        pytest.fail("the download never got half way")
    os.kill(first.pid, signal.SIGKILL)
    first.communicate()
    time.sleep(1.5)  # the orphaned download process notices and stops
    web.wait_idle()
    holes = ExtentJournal.for_part(parts[0]).holes()
    missing = sum(end - start for start, end in holes)
    assert 0 < missing <= len(body) // 2
    web.log.clear()
    second = _tiffin(home, "download", url)
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    web.wait_idle()
    sent = sum(r.body_bytes for r in web.requests("/media/long.mp4"))
    assert sent <= missing + 8 * 128 * 1024, f"{sent} bytes sent for {missing} missing"
    listing = subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), "media", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    [entry] = json.loads(listing.stdout)
    assert {"id", "title", "url", "path", "duration", "status"} <= set(entry)
    assert entry["status"] == "done" and entry["url"] == url
    assert Path(entry["path"]).read_bytes() == body
    assert entry["duration"] == pytest.approx(8.0, abs=0.3)


def test_drops_are_survived_and_a_dead_line_leaves_downloads_waiting(
    web: TestWeb, clip: Path, store: Store, paths: Paths, media_settings: Settings
) -> None:
    """Connections dropped every 20 kB still finish (each try makes progress); a host that
    answers nothing useful, or cannot be reached, leaves its entry waiting (queued, with the
    reason) instead of failed, and the next run finishes it."""
    body = clip.read_bytes()
    flaky = downloads.enqueue(store, web.add("/media/flaky.mp4", body, "video/mp4"))
    web.fault("/media/flaky.mp4", Fault(drop_after=20_000))
    dead = downloads.enqueue(store, web.add("/media/dead.mp4", body, "video/mp4"))
    web.fault("/media/dead.mp4", Fault(drop_after=0))
    unreachable = downloads.enqueue(store, web.url("/x.mp4").replace(f":{web.port}/", ":9/"))
    impatient = replace(media_settings, retries=0, media_connections=2)
    _, summary = _run_queue(store, paths, impatient)
    assert summary.done == [flaky.id] and not summary.failed, summary  # type: ignore[attr-defined]
    assert set(summary.waiting) == {dead.id, unreachable.id}  # type: ignore[attr-defined]
    waiting = downloads.get_download(store, dead.id)
    assert waiting.status == Status.QUEUED and "dropped" in (waiting.error or "")
    assert (
        media_dir(paths) / (downloads.get_download(store, flaky.id).path or "")
    ).read_bytes() == body

    web.fault("/media/dead.mp4", Fault())
    _, summary = _run_queue(store, paths, impatient)
    assert summary.done == [dead.id]  # type: ignore[attr-defined]


FULL_DISK = Path(__file__).resolve().parents[1] / "support" / "full_disk.py"


def test_disk_filling_up_mid_download_pauses_and_resumes_when_freed(
    web: TestWeb, clip: Path, tmp_path: Path
) -> None:
    """A real ENOSPC: the data folder is a 12 MiB tmpfs in a private mount namespace, filled by
    another writer while a 6 MiB download runs. The download stops with a clear message and
    its bytes kept; once the space is freed the next run fetches only what is missing."""
    unshare = shutil.which("unshare")
    probe = [unshare or "unshare", "-rm", "true"]
    if not unshare or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("unshare -rm (a private mount namespace for a small tmpfs) is not available")
    body = clip.read_bytes() + b"\0" * (6 * MiB - len(clip.read_bytes()))
    url = web.add("/media/big.mp4", body, "video/mp4")
    # Slow enough, over every range connection together, to be mid-way when the disk fills
    web.fault("/media/big.mp4", Fault(rate=192 * 1024))
    done = subprocess.run(
        [unshare, "-rm", sys.executable, str(FULL_DISK), str(tmp_path / "mnt"), url, "12"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["first_code"] == 1, seen
    assert "full" in seen["first_error"] and "kept" in seen["first_error"], seen["first_error"]
    assert 0 < seen["missing"] < len(body)
    assert seen["second_code"] == 0, seen["second_error"]
    [entry] = seen["media"]
    assert entry["status"] == "done" and entry["bytes_done"] == len(body)
