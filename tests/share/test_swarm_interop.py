"""Tiffin and independent BitTorrent clients from Debian in two network namespaces this test
makes, joined by a veth pair: no tracker, no DHT, no peer given by hand; each side finds the
other through local service discovery (multicast on the pair). aria2c fetches what Tiffin
seeds; Tiffin fetches what transmission-cli seeds (aria2 as a seeder answers but neither
announces nor calls). Debian 12's aria2 1.36 and Transmission 3.00 read no hybrid torrent, so
they are handed the v1 torrent Tiffin seeds beside the hybrid one.

Needs root, iproute2, aria2 and transmission-cli; otherwise skipped with the reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from share.test_bundles import receiver, sender
from share.test_swarm import QUIET
from tiffin.config import Paths
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.share.export import Selection, export_bundle
from tiffin.share.swarm import TORRENT_V1

__all__ = ["receiver", "sender"]
TAG = os.getpid() % 100000
TIFFIN_NS, OTHER_NS = f"tiffin-swarm-{TAG}", f"aria2-swarm-{TAG}"
TIFFIN_END, OTHER_END = f"tsw{TAG}", f"asw{TAG}"
TIFFIN_ADDRESS, OTHER_ADDRESS = "10.214.88.1", "10.214.88.2"


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True)


def _why_not() -> str | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "network namespaces need root"
    if not all(shutil.which(tool) for tool in ("ip", "aria2c", "transmission-cli")):
        return "iproute2, aria2 and transmission-cli are not all installed"
    return None


@pytest.fixture
def pair() -> Iterator[None]:
    """Two namespaces joined by a veth pair, multicast routed over it."""
    reason = _why_not()
    if reason:
        print(f"skipped: {reason}")
        pytest.skip(reason)
    try:
        for space in (TIFFIN_NS, OTHER_NS):
            _ip("netns", "add", space)
        _ip("link", "add", TIFFIN_END, "type", "veth", "peer", "name", OTHER_END)
        for space, end, address in (
            (TIFFIN_NS, TIFFIN_END, TIFFIN_ADDRESS),
            (OTHER_NS, OTHER_END, OTHER_ADDRESS),
        ):
            _ip("link", "set", end, "netns", space)
            _ip("-n", space, "addr", "add", f"{address}/24", "dev", end)
            _ip("-n", space, "link", "set", end, "up", "multicast", "on")
            _ip("-n", space, "link", "set", "lo", "up")
            _ip("-n", space, "route", "add", "224.0.0.0/4", "dev", end)
    except subprocess.CalledProcessError as exc:
        for space in (TIFFIN_NS, OTHER_NS):
            subprocess.run(["ip", "netns", "del", space], check=False, capture_output=True)
        reason = f"cannot make network namespaces here: {exc.stderr.strip()}"
        print(f"skipped: {reason}")
        pytest.skip(reason)
    try:
        yield
    finally:
        for space in (TIFFIN_NS, OTHER_NS):
            subprocess.run(["ip", "netns", "del", space], check=False, capture_output=True)


def _in(space: str, *command: str) -> list[str]:
    return ["ip", "netns", "exec", space, *command]


def _tiffin(paths: Paths, *args: str) -> list[str]:
    QUIET.save(paths.settings_file)
    return _in(TIFFIN_NS, sys.executable, "-m", "tiffin", "--data-dir", str(paths.data_dir), *args)


TRANSMISSION = {
    "lpd-enabled": True, "dht-enabled": False, "pex-enabled": False,
    "port-forwarding-enabled": False, "utp-enabled": False,
}  # fmt: skip
ARIA2 = (
    "aria2c", "--bt-enable-lpd=true", "--enable-dht=false", "--enable-dht6=false",
    "--summary-interval=0", "--console-log-level=warn",
)  # fmt: skip


def _bundle(sender: tuple[Paths, Store], folder: Path) -> Path:
    export_bundle(sender[1], sender[0], folder, Selection(), "Ayesha")
    return folder


def test_aria2c_fetches_the_bundle_tiffin_seeds(
    pair: None, sender: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    seeder = subprocess.Popen(
        _tiffin(sender[0], "bundle", "seed", str(bundle), "--port", "6881"),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert seeder.stdout is not None
        assert seeder.stdout.readline().startswith("magnet:")
        out = tmp_path / "aria2"
        got = subprocess.run(
            _in(OTHER_NS, *ARIA2, "--seed-time=0", "--bt-stop-timeout=90", "-d", str(out),
                str(bundle / TORRENT_V1)),
            capture_output=True, text=True, timeout=150, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert got.returncode == 0, got.stdout[-2000:]
    finally:
        seeder.terminate()
        seeder.communicate(timeout=30)
    for file in (f for f in bundle.rglob("*") if f.is_file() and "torrent" not in f.name):
        assert (out / "pack" / file.relative_to(bundle)).read_bytes() == file.read_bytes()
    checked = subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(sender[0].data_dir), "bundle",
         "verify", str(out / "pack")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert checked.returncode == 0 and "all intact" in checked.stdout


def test_tiffin_fetches_and_imports_the_bundle_transmission_seeds(
    pair: None, sender: tuple[Paths, Store], receiver: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    # The v1 torrent, as Tiffin writes it beside the bundle when seeding.
    from tiffin.share.swarm import make_torrent  # noqa: PLC0415

    torrent = tmp_path / "pack-v1.torrent"
    torrent.write_bytes(make_torrent(bundle, v1_only=True))
    config = tmp_path / "transmission"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(TRANSMISSION))
    seeder = subprocess.Popen(
        _in(OTHER_NS, "transmission-cli", "-g", str(config), "-D", "-w", str(bundle.parent),
            str(torrent)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        paths, store = receiver
        got = subprocess.run(
            _tiffin(paths, "bundle", "get", str(torrent), str(tmp_path / "got"), "--import"),
            capture_output=True, text=True, timeout=150, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert got.returncode == 0, got.stderr[-2000:]
        assert "imported 1 sources, 2 items" in got.stdout
        assert {i.title for i in queries.list_items(store)} == {
            i.title for i in queries.list_items(sender[1])
        }
    finally:
        seeder.terminate()
        seeder.wait(timeout=30)
