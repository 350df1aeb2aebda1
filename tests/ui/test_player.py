"""The player plays what was downloaded, offline: position, resume, speed, subtitles, keys,
audio only, played marks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from support.channel_site import ChannelSite, MediaSet, Video
from support.media import keep_only, make_clip
from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.subscribe import subscribe
from tiffin.library import downloads, queries
from tiffin.library.downloads import DoneFile, Download
from tiffin.library.store import Store
from tiffin.media.queue import DownloadQueue, media_dir
from tiffin.media.toolchain import program, run_tool
from tiffin.progress import CancelToken
from tiffin.ui import workers
from tiffin.ui.gap_slider import GAP_COLOUR
from tiffin.ui.player import PlayerWidget

OFFLINE_PLAYER = Path(__file__).resolve().parents[1] / "support" / "offline_player.py"


def _download(
    store: Store, paths: Paths, settings: Settings, url: str, **options: object
) -> Download:
    entry = downloads.enqueue(store, url, **options)  # type: ignore[arg-type]
    quick = replace(settings, disk_reserve=0, read_timeout=5.0)
    summary = DownloadQueue(store, paths, quick).run(lambda e: None, CancelToken())
    assert summary.done == [entry.id], summary.failed
    return downloads.get_download(store, entry.id)


@pytest.fixture
def channel_entry(
    web: TestWeb,
    store: Store,
    paths: Paths,
    settings: Settings,
    tmp_path_factory: pytest.TempPathFactory,
) -> Download:
    """A channel video downloaded with Urdu subtitles and a thumbnail, linked to its item."""
    site = ChannelSite(web, MediaSet.make(tmp_path_factory.mktemp("player-media"), seconds=8))
    url = site.add_channel("talks", "Talks", [Video("t1", "A talk", 1.7e9)])
    source = subscribe(store, paths, replace(settings, read_timeout=5.0), url).source
    [item] = queries.list_items(store, [source.id])
    return _download(
        store, paths, settings, item.url, quality="360", subtitles=("ur",), item_id=item.id
    )


def _player(qtbot: QtBot, store: Store, paths: Paths) -> PlayerWidget:
    player = PlayerWidget(store, media_dir(paths))
    qtbot.addWidget(player)
    player.show()
    return player


def test_plays_with_subtitles_keys_and_remembers_where_it_stopped(
    qtbot: QtBot, channel_entry: Download, store: Store, paths: Paths
) -> None:
    player = _player(qtbot, store, paths)
    player.open(channel_entry)
    qtbot.waitUntil(lambda: player.player.position() > 1000, timeout=QT_TIMEOUT_MS)
    assert player.subtitle_choice.currentData() == "ur"
    qtbot.waitUntil(lambda: "جلسہ" in player.caption.text(), timeout=QT_TIMEOUT_MS)

    qtbot.keyClick(player, Qt.Key.Key_BracketRight)
    assert player.player.playbackRate() == 1.25
    qtbot.keyClick(player, Qt.Key.Key_A)
    assert player.stage.currentWidget() is player.poster and not player.poster.pixmap().isNull()
    qtbot.keyClick(player, Qt.Key.Key_A)
    assert player.stage.currentWidget() is player.video
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert player.audio.isMuted()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState,
        timeout=QT_TIMEOUT_MS,
    )
    stopped_at = player.player.position() / 1000
    assert workers.wait_for_all(10_000)
    assert downloads.get_download(store, channel_entry.id).resume_at == pytest.approx(
        stopped_at, abs=0.3
    )

    again = _player(qtbot, store, paths)
    again.open(downloads.get_download(store, channel_entry.id))
    qtbot.waitUntil(
        lambda: again.player.position() >= stopped_at * 1000 - 100, timeout=QT_TIMEOUT_MS
    )

    again.player.setPosition(int(again.player.duration() * 0.97))
    qtbot.waitUntil(
        lambda: downloads.get_download(store, channel_entry.id).played, timeout=QT_TIMEOUT_MS
    )
    assert channel_entry.item_id is not None
    assert queries.get_item(store, channel_entry.item_id).read
    again.stop()
    player.stop()


def test_plays_audio_alone_and_seeks_with_arrows(
    qtbot: QtBot, web: TestWeb, store: Store, paths: Paths, settings: Settings, tmp_path: Path
) -> None:
    clip = make_clip(tmp_path / "long.mp4", seconds=20)
    audio = tmp_path / "episode.m4a"
    keep_only(clip, audio, "audio")
    entry = _download(store, paths, settings, web.add("/ep.m4a", audio.read_bytes(), "audio/mp4"))
    player = _player(qtbot, store, paths)
    player.open(entry)
    qtbot.waitUntil(lambda: player.player.position() > 300, timeout=QT_TIMEOUT_MS)
    assert player.stage.currentWidget() is player.poster  # no picture: the poster shows
    before = player.player.position()
    qtbot.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(
        lambda: (
            player.player.position() >= before + 25_000 - 5000 or player.player.position() > 15_000
        ),
        timeout=QT_TIMEOUT_MS,
    )
    qtbot.keyClick(player, Qt.Key.Key_Left)
    assert player.player.position() < 20_000
    player.stop()


def test_volume_and_full_screen_by_mouse_and_by_key(
    qtbot: QtBot, store: Store, paths: Paths
) -> None:
    player = _player(qtbot, store, paths)
    player.volume.setValue(40)  # the slider dragged
    assert player.audio.volume() == pytest.approx(0.4)
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_Up)
    assert player.volume.value() == 50  # the key moves the slider with it
    qtbot.mouseClick(player.full_screen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(player.video.isFullScreen, timeout=QT_TIMEOUT_MS)
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not player.video.isFullScreen(), timeout=QT_TIMEOUT_MS)


def test_a_recordings_gaps_are_marked_on_the_seek_bar(
    qtbot: QtBot, store: Store, paths: Paths, clip: Path, tmp_path: Path
) -> None:
    chapters = tmp_path / "chapters.txt"
    chapters.write_text(
        ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=3000\ntitle=Start\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=3000\nEND=8000\ntitle=After a gap before segment 9\n",
        encoding="utf-8",
    )
    folder = media_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    joined = folder / "rally.mp4"  # as the recorder joins one: a chapter after the gap
    command = [program("ffmpeg"), "-v", "error", "-i", str(clip), "-i", str(chapters)]
    run_tool([*command, "-map", "0", "-map_chapters", "1", "-c", "copy", str(joined)], "join")
    entry = downloads.enqueue(store, "http://live.test/rally.m3u8", live=True)
    downloads.record_done(store, entry.id, DoneFile("Rally", "rally.mp4", joined.stat().st_size, 8))
    player = _player(qtbot, store, paths)
    player.resize(800, 400)
    player.open(downloads.get_download(store, entry.id))
    qtbot.waitUntil(lambda: player.slider.maximum() > 0, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: bool(player.slider.gaps), timeout=QT_TIMEOUT_MS)
    assert player.slider.gaps == [pytest.approx(3.0, abs=0.05)]
    assert "0:03" in player.slider.accessibleDescription()
    player.player.pause()
    picture = player.slider.grab().toImage()
    x = player.slider.mark_x(3.0)
    assert picture.pixelColor(x, picture.height() // 2) == GAP_COLOUR  # the mark is painted
    assert picture.pixelColor(x + 40, picture.height() // 2) != GAP_COLOUR
    player.stop()


def test_plays_with_no_network_at_all(
    web: TestWeb, store: Store, paths: Paths, settings: Settings, clip: Path
) -> None:
    """The clip plays in a process whose network namespace has no usable interface (unshare
    -rn), where Python sockets are refused as well; the position advances and is saved."""
    entry = _download(store, paths, settings, web.add("/clip.mp4", clip.read_bytes(), "video/mp4"))
    command = [sys.executable, str(OFFLINE_PLAYER), str(paths.data_dir), str(entry.id), "2"]
    unshare = shutil.which("unshare")
    if (
        unshare
        and subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False).returncode
        == 0
    ):
        command = [unshare, "-rn", *command]
    else:
        print("unshare -rn is not available here: Python sockets are refused instead")
    store.close()
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["positions"] and max(seen["positions"]) - min(seen["positions"]) >= 1500, seen
    assert seen["saved"] >= 1.5
