"""The address phones are given, in network namespaces of our own: a laptop with no default
route (its own hotspot), one whose default route is a VPN's tunnel, and one on two LANs; and a
LAN view whose port is taken."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tiffin.config import Paths
from tiffin.library.store import Store
from tiffin.share.serve import LanShare

REPORT = """
import json, sys
from pathlib import Path
from tiffin.config import Paths
from tiffin.library.store import Store
from tiffin.share.addresses import lan_addresses
from tiffin.share.serve import LanShare
paths = Paths.under(Path(sys.argv[1])).ensure()
with Store(paths.database) as store:
    share = LanShare(store, paths, port=0, announce=True).start()
    announced = share._zeroconf[1].parsed_addresses() if share._zeroconf else []
    shown = share.addresses
    share.stop()
print(json.dumps({"found": [a.address for a in lan_addresses()], "shown": shown,
                  "announced": sorted(announced)}))
"""


def _ip(namespace: str, *args: str) -> None:
    subprocess.run(["ip", "-n", namespace, *args], check=True, capture_output=True, timeout=30)


@pytest.fixture
def namespace() -> Iterator[str]:
    name = f"tiffin-lan-{os.getpid()}"
    made = subprocess.run(["ip", "netns", "add", name], capture_output=True, check=False)
    if made.returncode:
        pytest.skip(f"cannot make a network namespace here: {made.stderr.decode().strip()}")
    try:
        _ip(name, "link", "set", "lo", "up")
        yield name
    finally:
        subprocess.run(["ip", "netns", "del", name], capture_output=True, check=False)


def _lan(namespace: str, name: str, address: str) -> None:
    """A network card on a LAN: one end of a veth pair inside the namespace, with `address`."""
    _ip(namespace, "link", "add", name, "type", "veth", "peer", "name", f"{name}-peer")
    _ip(namespace, "addr", "add", address, "dev", name)
    _ip(namespace, "link", "set", name, "up")
    _ip(namespace, "link", "set", f"{name}-peer", "up")


def _report(namespace: str, tmp_path: Path) -> dict[str, list[str]]:
    done = subprocess.run(
        ["ip", "netns", "exec", namespace, sys.executable, "-c", REPORT, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_a_hotspot_with_no_default_route_gives_its_own_address(
    namespace: str, tmp_path: Path
) -> None:
    _lan(namespace, "wlan0", "10.42.0.1/24")  # what NetworkManager's hotspot uses
    seen = _report(namespace, tmp_path)
    assert seen["found"] == ["10.42.0.1"]
    assert seen["shown"][0].startswith("http://10.42.0.1:")
    assert seen["announced"] == ["10.42.0.1"]


def test_a_vpn_as_the_default_route_is_not_what_phones_are_given(
    namespace: str, tmp_path: Path
) -> None:
    _lan(namespace, "eth0", "192.168.1.23/24")
    _ip(namespace, "tuntap", "add", "dev", "tun0", "mode", "tun")
    _ip(namespace, "addr", "add", "10.8.0.2/24", "dev", "tun0")
    _ip(namespace, "link", "set", "tun0", "up")
    _ip(namespace, "route", "add", "default", "dev", "tun0")
    seen = _report(namespace, tmp_path)
    assert seen["found"] == ["192.168.1.23"]
    assert seen["shown"][0].startswith("http://192.168.1.23:")


def test_a_laptop_on_two_lans_offers_and_announces_both(namespace: str, tmp_path: Path) -> None:
    _lan(namespace, "eth0", "192.168.50.2/24")
    _lan(namespace, "wlan0", "10.77.3.2/24")
    _ip(namespace, "link", "add", "docker0", "type", "bridge")
    _ip(namespace, "addr", "add", "172.17.0.1/16", "dev", "docker0")
    _ip(namespace, "link", "set", "docker0", "up")
    seen = _report(namespace, tmp_path)
    assert sorted(seen["found"]) == ["10.77.3.2", "192.168.50.2"]
    assert len(seen["shown"]) == 2
    assert seen["announced"] == ["10.77.3.2", "192.168.50.2"]


def test_a_busy_port_moves_the_view_to_the_next_one(paths: Paths, store: Store) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        share = LanShare(store, paths, "127.0.0.1", port, announce=False).start()
        try:
            assert share.taken == [port] and share.port > port
            assert share.address.startswith(f"http://127.0.0.1:{share.port}/?t=")
        finally:
            share.stop()
