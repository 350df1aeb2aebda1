"""Bundles through a BitTorrent swarm (real libtorrent sessions on loopback): `tiffin bundle
seed` and `tiffin bundle get --import` between two libraries; a peer holding half of it
fetches only the rest; a tampered piece and a bundle signed by another key are refused with the
library unchanged."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import segno
from PIL import Image

from share.test_bundles import _snapshot, receiver, sender
from tiffin.config import Paths, Settings
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.net.line_history import observations
from tiffin.progress import CancelToken
from tiffin.share import keys, swarm
from tiffin.share.addresses import lan_addresses
from tiffin.share.export import Selection, export_bundle
from tiffin.share.layout import MANIFEST, SIGNATURE
from tiffin.share.qr_picture import link_in_picture
from tiffin.share.swarm import SwarmError, SwarmProgress

__all__ = ["receiver", "sender"]  # the fixtures, shared with the bundle tests
QUIET = Settings(swarm_dht=False)  # tests never reach for the internet's DHT


def _cli(paths: Paths) -> list[str]:
    QUIET.save(paths.settings_file)
    return [sys.executable, "-m", "tiffin", "--data-dir", str(paths.data_dir)]


@contextmanager
def _seeding(folder: Path, torrent: bytes | None = None) -> Iterator[tuple[str, int]]:
    """`folder` seeded in this process (by Tiffin's seed, or as `torrent` by a bare libtorrent
    session told it holds every piece, which it then sends unchecked: a peer that sends what it
    has, good or bad)."""
    if torrent is not None:
        import libtorrent as lt  # noqa: PLC0415

        session = lt.session({"listen_interfaces": "127.0.0.1:0", "enable_dht": False,
                              "enable_lsd": False})  # fmt: skip
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(lt.bdecode(torrent))
        params.save_path = str(folder.parent)
        params.have_pieces = [True] * params.ti.num_pieces()
        session.add_torrent(params)
        try:
            yield swarm.magnet_of(torrent), int(session.listen_port())
        finally:
            session.pause()
        return
    ready: dict[str, object] = {}
    token = CancelToken()

    def run() -> None:
        swarm.seed(folder, QUIET, port=0, on_ready=lambda m, _v1, p: ready.update(m=m, p=p),
                   cancel=token)  # fmt: skip

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 30
    while not ready and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield str(ready["m"]), int(ready["p"])  # type: ignore[call-overload]
    finally:
        token.cancel()
        thread.join(timeout=30)


@contextmanager
def _cli_seeding(paths: Paths, bundle: Path) -> Iterator[tuple[str, str]]:
    """`tiffin bundle seed` of `bundle` running: its magnet link (the line it prints on its
    own) and the port it said it listens on; stopped, and its pipes closed, after."""
    seeder = subprocess.Popen(
        [*_cli(paths), "bundle", "seed", str(bundle), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert seeder.stdout is not None and seeder.stderr is not None
        magnet = seeder.stdout.readline().strip()
        port = seeder.stderr.readline().split(" on port ")[1].split(";")[0]
        yield magnet, port
    finally:
        seeder.terminate()
        seeder.communicate(timeout=30)


def _library_state(paths: Paths, store: Store) -> tuple[object, ...]:
    """The library's rows and files (not the settings, logs and caches a command writes)."""
    counts, files = _snapshot(paths, store)
    kept = [f for f in files if not f.startswith(("config/", "logs/", "cache/"))]  # type: ignore[attr-defined]
    return counts, kept


def _bundle(sender: tuple[Paths, Store], folder: Path) -> Path:
    paths, store = sender
    export_bundle(store, paths, folder, Selection(), "Ayesha")
    return folder


def test_seed_and_get_import_a_bundle_between_two_libraries(
    sender: tuple[Paths, Store], receiver: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "rally-pack")
    with _cli_seeding(sender[0], bundle) as (magnet, port):
        assert magnet.startswith("magnet:?xt=urn:btih:") and "urn:btmh:" in magnet  # v1 + v2
        paths, store = receiver
        done = subprocess.run(
            [*_cli(paths), "bundle", "get", magnet, str(tmp_path / "got"), "--peer",
             f"127.0.0.1:{port}", "--import"],
            capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "imported 1 sources, 2 items" in done.stdout
        assert {i.title for i in queries.list_items(store)} == {
            i.title for i in queries.list_items(sender[1])
        }
        given = [o for o in observations(store) if o.url.startswith("bittorrent://")]
        assert given and all(o.kind == "ok" and o.seconds > 0 for o in given)
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        assert sum(o.bytes for o in given) >= 0.9 * size  # the line to the peers, noted
    assert (bundle / swarm.TORRENT).exists()  # the torrent, to hand on as a file too


def test_a_peer_holding_half_fetches_only_the_rest(
    sender: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    extra = bundle / "media" / "big.bin"  # bigger than the rest, so halves are plain to see
    extra.write_bytes(bytes(range(256)) * 16384)
    total = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    dest = tmp_path / "phone"
    (dest / "pack" / "media").mkdir(parents=True)
    shutil.copyfile(extra, dest / "pack" / "media" / "big.bin")  # copied from a stick, say
    held = extra.stat().st_size
    last: list[SwarmProgress] = []
    with _seeding(bundle) as (magnet, port):
        swarm.fetch_bundle(magnet, dest, QUIET, peers=[("127.0.0.1", port)],
                           on_progress=lambda p: last.__setitem__(slice(None), [p]))  # fmt: skip
    assert held > total / 2
    assert last[0].state == "seeding" and last[0].done >= total - 16 * 1024
    # Only what it lacked came over the line (pieces that straddle a file boundary, plus
    # the metadata, add a little).
    assert last[0].fetched <= (total - held) + 2 * 256 * 1024


def test_a_tampered_piece_is_refused_and_nothing_is_imported(
    sender: tuple[Paths, Store],
    receiver: tuple[Paths, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    torrent = swarm.make_torrent(bundle)
    bad = tmp_path / "bad" / "pack"
    shutil.copytree(bundle, bad)
    media = next((bad / "media").iterdir())
    data = bytearray(media.read_bytes())
    data[len(data) // 2] ^= 0xFF
    media.write_bytes(bytes(data))
    before = _library_state(*receiver)
    monkeypatch.setattr(swarm, "STALL", 6.0)
    with _seeding(bad, torrent) as (magnet, port), pytest.raises(SwarmError) as refused:
        swarm.fetch_bundle(magnet, tmp_path / "got", QUIET, peers=[("127.0.0.1", port)])
    assert "hash" in str(refused.value).lower()  # the bad piece was thrown away, and said so
    assert _library_state(*receiver) == before


def test_a_bundle_signed_by_another_key_is_refused(
    sender: tuple[Paths, Store], receiver: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    other = Paths.under(tmp_path / "impostor").ensure()
    (bundle / SIGNATURE).write_text(keys.sign(other, (bundle / MANIFEST).read_bytes()))
    paths, store = receiver
    before = _library_state(paths, store)
    refused = subprocess.run(
        [*_cli(sender[0]), "bundle", "seed", str(bundle)], capture_output=True, text=True,
        timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert refused.returncode != 0 and "refused to seed" in refused.stderr  # not offered
    with _seeding(bundle) as (magnet, port):  # someone else offers it anyway
        done = subprocess.run(
            [*_cli(paths), "bundle", "get", magnet, str(tmp_path / "got"), "--peer",
             f"127.0.0.1:{port}", "--import"],
            capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert done.returncode != 0
    assert "refused: the signature does not match" in done.stderr, done.stderr
    assert _library_state(paths, store) == before


def test_the_lan_view_is_a_web_seed_for_a_peer_with_no_other_peer(
    sender: tuple[Paths, Store], tmp_path: Path
) -> None:
    import httpx  # noqa: PLC0415

    from tiffin.share.serve import LanShare  # noqa: PLC0415

    paths, store = sender
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    share = LanShare(store, paths, "127.0.0.1", 0, announce=False).start()
    try:
        seeds = share.web_seeds(bundle)
        assert seeds == [f"http://127.0.0.1:{share.port}/seed/{share.code}/"]
        wrong = seeds[0].replace(share.code, "not-the-code") + f"pack/{MANIFEST}"
        assert httpx.get(wrong, trust_env=False).status_code == 401  # the code is still needed
        for escape in ("pack/%2E%2E/%2E%2E/library.sqlite", "other/x", "pack/nothing-here"):
            assert httpx.get(seeds[0] + escape, trust_env=False).status_code == 404, escape
        torrent = tmp_path / "pack.torrent"
        torrent.write_bytes(swarm.make_torrent(bundle, seeds))
        # No seeder runs: only the laptop's LAN view, over HTTP.
        folder = swarm.fetch_bundle(str(torrent), tmp_path / "phone", QUIET)
    finally:
        share.stop()
    for file in (f for f in bundle.rglob("*") if f.is_file()):
        assert (folder / file.relative_to(bundle)).read_bytes() == file.read_bytes()


def test_an_independent_client_gets_the_bundle_from_the_lan_view_alone(
    sender: tuple[Paths, Store], tmp_path: Path
) -> None:
    """aria2c (Debian's, not libtorrent) handed the v1 torrent, with no peer at all: only the
    LAN view answers, as the torrent's HTTP web seed (BEP 19)."""
    if not shutil.which("aria2c"):
        pytest.skip("aria2 is not installed (scripts/system-deps installs it)")
    from tiffin.share.serve import LanShare  # noqa: PLC0415

    paths, store = sender
    bundle = _bundle(sender, tmp_path / "usb" / "pack")
    share = LanShare(store, paths, "127.0.0.1", 0, announce=False).start()
    try:
        torrent = tmp_path / "pack-v1.torrent"
        torrent.write_bytes(swarm.make_torrent(bundle, share.web_seeds(bundle), v1_only=True))
        done = subprocess.run(
            ["aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
             "--seed-time=0", "--summary-interval=0", "--console-log-level=warn",
             f"--dir={tmp_path / 'phone'}", str(torrent)],
            capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        share.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    for file in (f for f in bundle.rglob("*") if f.is_file() and f.suffix != ".torrent"):
        assert (tmp_path / "phone" / "pack" / file.relative_to(bundle)).read_bytes() == (
            file.read_bytes()
        )


def _photo_of_qr(link: str, path: Path) -> Path:
    """A picture of `link`'s QR code as a phone would take it of a screen: turned a little,
    greyish, a JPEG."""
    drawn = io.BytesIO()
    segno.make(link, error="l").save(drawn, kind="png", scale=6, border=6)
    drawn.seek(0)
    with Image.open(drawn) as code:
        photo = code.convert("RGB").rotate(8, expand=True, fillcolor=(200, 200, 200))
    photo = Image.eval(photo, lambda v: 40 + v * 0.7)
    photo.save(path, quality=80)
    return path


def test_get_reads_the_link_and_the_seeders_address_from_a_picture_of_its_qr_code(
    sender: tuple[Paths, Store], receiver: tuple[Paths, Store], tmp_path: Path
) -> None:
    bundle = _bundle(sender, tmp_path / "usb" / "rally-pack")
    with _cli_seeding(sender[0], bundle) as (magnet, port):
        here = [found.address for found in lan_addresses()][: swarm.MOST_PEER_HINTS]
        assert [h for h in magnet.split("&") if h.startswith("x.pe=")] == [
            f"x.pe={address}:{port}" for address in here
        ]
        photo = _photo_of_qr(magnet, tmp_path / "IMG_2041.jpg")
        by_hand = [] if here else ["--peer", f"127.0.0.1:{port}"]  # no LAN: nothing to name
        paths, _store = receiver
        done = subprocess.run(
            [*_cli(paths), "bundle", "get", str(photo), str(tmp_path / "got"), *by_hand],
            capture_output=True, text=True, timeout=120, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert f"read from the QR code: {magnet}" in done.stderr
        assert "all intact, packed by Ayesha" in done.stdout


def test_a_picture_with_no_qr_code_is_a_clear_error(
    receiver: tuple[Paths, Store], tmp_path: Path
) -> None:
    blank = tmp_path / "blank.png"
    Image.new("RGB", (300, 200), "white").save(blank)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a JPEG")
    for picture, said in ((blank, "no QR code holding a magnet link"), (broken, "not a picture")):
        done = subprocess.run(
            [*_cli(receiver[0]), "bundle", "get", str(picture), str(tmp_path / "got")],
            capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr
    assert link_in_picture(_photo_of_qr("magnet:?xt=urn:btih:" + "ab" * 20, blank)).endswith(
        "ab" * 20
    )
