"""Benchmark: one laptop's bundle reaching four peers, through the swarm and over its LAN view.

Six network namespaces of this run's own on one bridge: a seeder whose uplink is shaped with
tc (a token bucket, --uplink MiB/s), four peers, and a fifth that already holds half. The
bundle is --size MiB (one media file of random bytes and the rest of a real export).
  - swarm: `tiffin bundle seed` in the seeder, `tiffin bundle get MAGNET --peer SEEDER` in the
    four peers started together (they find each other by local service discovery and seed on
    while the others fetch); the time until all four hold it,
  - HTTP: the same four each fetching the media file from the seeder's LAN view (`tiffin
    serve`) with curl, at once; the time until all four hold it,
  - half: a peer that holds the first half of the media file fetches the bundle alone through
    the swarm; the bytes it fetched, against the bundle's size.
Needs root, iproute2 (ip, tc) and curl. Run: sudo .venv/bin/python bench/swarm.py [--size 1024]
[--uplink 4]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tiffin.config import Paths, Settings
from tiffin.library import downloads, queries
from tiffin.library.downloads import DoneFile
from tiffin.library.models import NewItem
from tiffin.library.store import Store
from tiffin.share.export import Selection, export_bundle

BRIDGE = f"tbr{os.getpid() % 10000}"
NAMES = ["seed", "p1", "p2", "p3", "p4", "half"]
SUBNET = "10.216.9"
PORT = 6881


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True)


def space(name: str) -> str:
    return f"tsb-{name}-{os.getpid() % 10000}"


def address(name: str) -> str:
    return f"{SUBNET}.{NAMES.index(name) + 1}"


def network(uplink: float) -> None:
    """The bridge, a namespace per name on it, and the seeder's uplink shaped."""
    # A room's Wi-Fi floods multicast; a Linux bridge with no IGMP querier may not.
    ip("link", "add", BRIDGE, "type", "bridge", "mcast_snooping", "0")
    ip("link", "set", BRIDGE, "up")
    for n, name in enumerate(NAMES):
        ns, outside, inside = space(name), f"tsbo{n}{os.getpid() % 1000}", "eth0"
        ip("netns", "add", ns)
        ip("link", "add", outside, "type", "veth", "peer", "name", f"tsbi{n}")
        ip("link", "set", f"tsbi{n}", "netns", ns)
        ip("-n", ns, "link", "set", f"tsbi{n}", "name", inside)
        ip("link", "set", outside, "master", BRIDGE)
        ip("link", "set", outside, "up")
        ip("-n", ns, "addr", "add", f"{address(name)}/24", "dev", inside)
        ip("-n", ns, "link", "set", inside, "up", "multicast", "on")
        ip("-n", ns, "link", "set", "lo", "up")
        ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", inside)
    rate = f"{int(uplink * 8 * 1024 * 1024)}bit"
    subprocess.run(
        ["ip", "netns", "exec", space("seed"), "tc", "qdisc", "add", "dev", "eth0", "root",
         "tbf", "rate", rate, "burst", "256kb", "latency", "400ms"],
        check=True,
    )  # fmt: skip


def teardown() -> None:
    for name in NAMES:
        subprocess.run(["ip", "netns", "del", space(name)], check=False, capture_output=True)
    subprocess.run(["ip", "link", "del", BRIDGE], check=False, capture_output=True)


def home(root: Path, name: str) -> Paths:
    paths = Paths.under(root / name).ensure()
    Settings(swarm_dht=False, disk_reserve=0).save(paths.settings_file)
    return paths


def tiffin(name: str, paths: Paths, *args: str) -> list[str]:
    return ["ip", "netns", "exec", space(name), sys.executable, "-m", "tiffin", "--data-dir",
            str(paths.data_dir), *args]  # fmt: skip


def make_bundle(root: Path, size_mib: int) -> tuple[Paths, Path, Path]:
    """A library with one item and a media file of `size_mib` MiB, exported as a bundle."""
    paths = home(root, "seed")
    media = paths.data_dir / "media"
    media.mkdir(parents=True, exist_ok=True)
    big = media / "Rally, the whole speech.mp4"
    with big.open("wb") as out:
        for _ in range(size_mib):
            out.write(os.urandom(1024 * 1024))
    with Store(paths.database) as store:
        source, _ = queries.add_source(store, "https://news.example/feed.xml", "News")
        queries.save_items(store, source.id, [NewItem("r", "https://news.example/r", "Rally")],
                           time.time())  # fmt: skip
        [item] = queries.list_items(store)
        entry = downloads.enqueue(store, "https://video.example/rally", item_id=item.id)
        done = DoneFile("Rally", big.name, big.stat().st_size, None)
        downloads.record_done(store, entry.id, done)
        bundle = root / "usb" / "rally"
        export_bundle(store, paths, bundle, Selection(), "Ayesha")
    return paths, bundle, big


def swarm_run(root: Path, paths: Paths, bundle: Path, peers: list[str]) -> tuple[float, str]:
    """Seconds until every peer holds the bundle, fetched through the swarm; the magnet."""
    seeder = subprocess.Popen(
        tiffin("seed", paths, "bundle", "seed", str(bundle), "--port", str(PORT)),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert seeder.stdout is not None
    magnet = seeder.stdout.readline().strip()
    start = time.monotonic()
    getters = [
        subprocess.Popen(
            tiffin(
                name,
                home(root, name),
                "bundle",
                "get",
                magnet,
                str(root / f"got-{name}"),
                "--peer",
                f"{address('seed')}:{PORT}",
                "--keep-seeding",
                "3600",
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for name in peers
    ]
    finished = []
    for getter in getters:
        assert getter.stdout is not None
        line = getter.stdout.readline()
        assert line.startswith("fetched"), line
        finished.append(time.monotonic() - start)
    for process in (*getters, seeder):
        process.terminate()
        process.communicate(timeout=60)
    return max(finished), magnet


def http_run(paths: Paths, peers: list[str], size: int) -> float:
    """Seconds until every peer holds the media file, each fetched from the LAN view."""
    server = subprocess.Popen(
        tiffin("seed", paths, "serve", "--host", address("seed"), "--port", "8808",
               "--no-announce"),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    code = ""
    while not code:
        found = re.match(r"access code: (\S+)", server.stdout.readline())
        code = found.group(1) if found else ""
    start = time.monotonic()
    curls = [
        subprocess.Popen(
            [
                "ip",
                "netns",
                "exec",
                space(name),
                "curl",
                "-s",
                "-L",
                "-o",
                os.devnull,
                "-c",
                f"/tmp/jar-{name}",
                "-b",
                f"/tmp/jar-{name}",
                "-w",
                "%{size_download}",
                f"http://{address('seed')}:8808/media/1?t={code}",
            ],
            stdout=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for name in peers
    ]
    finished = []
    for curl in curls:
        out, _ = curl.communicate(timeout=7200)
        assert int(out or 0) == size, out
        finished.append(time.monotonic() - start)
    server.terminate()
    server.communicate(timeout=60)
    return max(finished)


def half_run(root: Path, paths: Paths, bundle: Path, big: Path, magnet: str) -> int:
    """Bytes a peer holding the first half of the media file fetches for the bundle."""
    seeder = subprocess.Popen(
        tiffin("seed", paths, "bundle", "seed", str(bundle), "--port", str(PORT)),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert seeder.stdout is not None
    seeder.stdout.readline()
    dest = root / "got-half"
    kept = next(bundle.joinpath("media").iterdir())
    (dest / bundle.name / "media").mkdir(parents=True)
    with kept.open("rb") as source, (dest / bundle.name / "media" / kept.name).open("wb") as out:
        out.write(source.read(big.stat().st_size // 2))
    got = subprocess.run(
        tiffin("half", home(root, "half"), "bundle", "get", magnet, str(dest), "--peer",
               f"{address('seed')}:{PORT}"),
        capture_output=True, text=True, timeout=7200, check=False,
    )  # fmt: skip
    seeder.terminate()
    seeder.communicate(timeout=60)
    found = re.search(r"fetched .*: (\d+) MiB from the swarm", got.stdout)
    assert found, got.stdout + got.stderr
    return int(found.group(1)) * 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1024, help="MiB of media in the bundle")
    parser.add_argument("--uplink", type=float, default=4.0, help="the seeder's MiB/s")
    args = parser.parse_args()
    peers = ["p1", "p2", "p3", "p4"]
    with tempfile.TemporaryDirectory(dir="/var/tmp") as tmp:
        root = Path(tmp)
        paths, bundle, big = make_bundle(root, args.size)
        total = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        try:
            network(args.uplink)
            swarm_seconds, magnet = swarm_run(root, paths, bundle, peers)
            http_seconds = http_run(paths, peers, big.stat().st_size)
            half_bytes = half_run(root, paths, bundle, big, magnet)
        finally:
            teardown()
    print(
        f"# bundle {total / 2**20:.0f} MiB, seeder uplink {args.uplink:g} MiB/s (tc tbf), "
        f"{len(peers)} peers joining together; {os.cpu_count()} cores"
    )
    print(f"{'run':44} {'all hold it, s':>15}")
    print(f"{'through the swarm (tiffin bundle get)':44} {swarm_seconds:15.1f}")
    print(f"{'each from the LAN view over HTTP (curl)':44} {http_seconds:15.1f}")
    print(f"swarm vs HTTP: {http_seconds / swarm_seconds:.2f}x faster (target at least 2x)")
    print(
        f"a peer holding half: fetched {half_bytes / 2**20:.0f} MiB of {total / 2**20:.0f} MiB"
        f" ({100 * half_bytes / total:.1f}%, target at most 55%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
