"""Bundles through a BitTorrent swarm, with libtorrent (the engine millions already run).

A bundle folder (its signed manifest and files, as on a stick) is made into a hybrid v1+v2
torrent and seeded; anyone with its magnet link fetches it from every peer found: peers on the
LAN by local service discovery, peers given by hand (`host:port`), peers named in the link
itself (the seeder's addresses, in the QR code it shows, read back from a picture of it), and,
where the internet is there, the DHT and trackers. A peer that already holds part of the
bundle (copied from a stick, or an older pack of the same event) fetches only the pieces it
lacks: libtorrent checks what is in the folder first. A piece that fails its hash is thrown
away and its sender banned by libtorrent; the bundle itself is verified (signature, then
every byte) exactly as a stick's before anything enters the library.

The swarm spends the line like every other transfer: the download rate is held to the
bandwidth cap, the upload to its own cap, the bytes are counted against the data budget (a
spent budget stops the fetch, what was fetched kept), and nothing starts outside the download
window.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin import __version__
from tiffin.config import Settings
from tiffin.errors import BudgetSpent, TiffinError
from tiffin.net import governor
from tiffin.progress import CancelToken
from tiffin.share.addresses import lan_addresses
from tiffin.share.swarm_peers import PeerLedger

logger = logging.getLogger(__name__)

TORRENT = "bundle.torrent"  # written beside the bundle folder's files by `seed`
TORRENT_V1 = "bundle-v1.torrent"  # the same files as BitTorrent v1 only, for older clients
POLL = 0.25
STALL = 300.0  # a fetch with no peer and no progress for this long gives up
LSD_EVERY = 15  # seconds between local service discovery announces
MOST_PEER_HINTS = 3  # addresses of the seeder named in its magnet link


class SwarmError(TiffinError):
    """The swarm could not fetch or seed the bundle (no peer, a bad link, a bad piece)."""


@dataclass(frozen=True)
class SwarmProgress:
    """How a fetch or a seed is going."""

    state: str  # finding peers, fetching, checking, seeding
    done: int  # bytes of the bundle held
    total: int
    peers: int
    down_rate: float  # bytes per second
    up_rate: float
    uploaded: int
    fetched: int  # bytes of it that came over the line (not what the folder held already)


def _lt() -> Any:
    import libtorrent  # noqa: PLC0415 (only swarm commands need it)

    return libtorrent


def make_torrent(folder: Path, web_seeds: Sequence[str] = (), v1_only: bool = False) -> bytes:
    """A hybrid v1+v2 torrent of the bundle `folder` (its name is the torrent's), with HTTP
    web seeds (BEP 19) at `web_seeds`; the torrent files themselves are left out of it. With
    `v1_only`, a BitTorrent v1 torrent, for clients that cannot read hybrid ones (Debian 12's
    aria2 1.36 and Transmission 3.00 refuse them)."""
    lt = _lt()

    def wanted(path: str) -> bool:
        return not path.endswith((TORRENT, TORRENT_V1))

    if hasattr(lt, "list_files"):  # libtorrent 2.1
        listed = lt.list_files(str(folder), wanted)
        count = len(listed)
    else:
        listed = lt.file_storage()
        lt.add_files(listed, str(folder), wanted)
        count = listed.num_files()
    if count == 0:
        raise SwarmError(f"{folder} holds no files to share")
    creator = lt.create_torrent(listed, 0, lt.create_torrent.v1_only if v1_only else 0)
    creator.set_creator(f"Tiffin {__version__}")
    for url in web_seeds:
        creator.add_url_seed(url)
    lt.set_piece_hashes(creator, str(folder.parent))
    return bytes(lt.bencode(creator.generate()))


def magnet_of(torrent: bytes) -> str:
    """The magnet link of `torrent` (both its v1 and v2 info-hashes)."""
    lt = _lt()
    return str(lt.make_magnet_uri(lt.torrent_info(lt.bdecode(torrent))))


def with_peer_hints(magnet: str, port: int, addresses: Sequence[str]) -> str:
    """`magnet` naming the addresses this laptop is reached at (the first MOST_PEER_HINTS) as
    peers (x.pe, BEP 9): whoever has the link, typed or scanned from its QR code, asks this
    laptop first, with or without local service discovery."""
    hints = "".join(f"&x.pe={address}:{port}" for address in addresses[:MOST_PEER_HINTS])
    return magnet + hints


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


def _session(settings: Settings, port: int, lan: bool = True) -> Any:
    lt = _lt()
    # One port for IPv4 and IPv6: asked for port 0 each, they got different ones, and local
    # service discovery announced the one the other peers' IPv4 connections were refused on.
    port = port or _free_port()
    cap, up = settings.bandwidth_cap, settings.upload_cap
    return lt.session(
        {
            "listen_interfaces": f"0.0.0.0:{port},[::]:{port}",
            "enable_lsd": lan,
            "enable_dht": settings.swarm_dht,
            "enable_upnp": False,
            "enable_natpmp": False,
            "user_agent": f"Tiffin/{__version__} libtorrent/{lt.__version__}",
            "download_rate_limit": cap or 0,
            "upload_rate_limit": up or 0,
            "allow_multiple_connections_per_ip": True,  # several peers behind one hotspot
            # uTP's delay-based congestion control yields to any queue: on a shaped or
            # throttled uplink it fell to a fraction of the line, where TCP fills it.
            "enable_outgoing_utp": False,
            "enable_incoming_utp": False,
            # Peers in the same room find each other within seconds, not the default 5 min.
            "local_service_announce_interval": LSD_EVERY,
            "alert_mask": lt.alert_category.error
            | lt.alert_category.peer
            | lt.alert_category.block_progress
            | lt.alert_category.status,
        }
    )  # fmt: skip


def _progress(status: Any, state: str) -> SwarmProgress:
    return SwarmProgress(
        state=state,
        done=int(status.total_wanted_done),
        total=int(status.total_wanted),
        peers=int(status.num_peers),
        down_rate=float(status.download_payload_rate),
        up_rate=float(status.upload_payload_rate),
        uploaded=int(status.all_time_upload),
        fetched=int(status.total_payload_download),
    )


def _state(status: Any) -> str:
    lt = _lt()
    states = lt.torrent_status.states
    if status.state in (states.checking_files, states.checking_resume_data):
        return "checking"
    if status.is_seeding:
        return "seeding"
    if not status.has_metadata or status.num_peers == 0:
        return "finding peers"
    return "fetching"


def _read_alerts(session: Any, ledger: PeerLedger | None = None) -> list[str]:
    """What the session's alerts say of pieces that failed their hash or peers banned; the
    blocks received go to `ledger`."""
    lt = _lt()
    said = []
    for alert in session.pop_alerts():
        if isinstance(alert, lt.block_finished_alert):
            if ledger is not None:
                ledger.block(alert)
        elif isinstance(alert, (lt.hash_failed_alert, lt.peer_ban_alert)):
            said.append(alert.message())
        elif isinstance(alert, (lt.torrent_error_alert, lt.file_error_alert)):
            raise SwarmError(alert.message())
    return said


def seed(
    folder: Path,
    settings: Settings,
    *,
    port: int = 6881,
    web_seeds: Sequence[str] = (),
    on_ready: Callable[[str, str, int], None] | None = None,
    on_progress: Callable[[SwarmProgress], None] | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Seed the bundle `folder` until `cancel`, as a hybrid torrent and as a v1 one (for older
    clients); `on_ready(magnet, v1 magnet, port)` once offered. The torrents are written into
    the folder too (`bundle.torrent`, `bundle-v1.torrent`), to hand on as files."""
    token = cancel or CancelToken()
    lt = _lt()
    session = _session(settings, port)
    handles, magnets = [], []
    for name, v1_only in ((TORRENT, False), (TORRENT_V1, True)):
        torrent = make_torrent(folder, web_seeds, v1_only)
        (folder / name).write_bytes(torrent)
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(lt.bdecode(torrent))
        params.save_path = str(folder.parent)
        handles.append(session.add_torrent(params))
        magnets.append(magnet_of(torrent))
    handle = handles[0]
    if on_ready:
        listening = int(session.listen_port())
        here = [found.address for found in lan_addresses()]
        hinted = [with_peer_hints(magnet, listening, here) for magnet in magnets]
        on_ready(hinted[0], hinted[1], listening)
    try:
        while not token.cancelled:
            _read_alerts(session)
            status = handle.status()
            if on_progress:
                on_progress(_progress(status, _state(status)))
            time.sleep(POLL)
    finally:
        session.pause()


def fetch_bundle(
    link: str,
    dest: Path,
    settings: Settings,
    *,
    peers: Sequence[tuple[str, int]] = (),
    port: int = 0,
    keep_seeding: float = 0.0,
    on_progress: Callable[[SwarmProgress], None] | None = None,
    on_fetched: Callable[[Path, SwarmProgress], None] | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Fetch the bundle named by `link` (a magnet link, or a .torrent file's path) into the
    folder `dest`, from every peer found and those in `peers`; returns the bundle's folder.
    What `dest` holds already is checked and kept. `on_fetched(folder, progress)` once it is
    all there; then it seeds on for `keep_seeding` seconds.

    Raises SwarmError (no peer, bad link, only bad pieces), BudgetSpent, Cancelled.
    """
    token = cancel or CancelToken()
    params = _params(link)
    dest.mkdir(parents=True, exist_ok=True)
    params.save_path = str(dest)
    session = _session(settings, port)
    handle = session.add_torrent(params)
    peers = [*peers, *((str(h), int(p)) for h, p in getattr(params, "peers", None) or ())]
    for peer in peers:
        handle.connect_peer(peer)
    line = governor.current()
    ledger = PeerLedger()
    counted, last_change, held = 0, time.monotonic(), -1
    refused: list[str] = []
    try:
        while True:
            token.raise_if_cancelled()
            refused += _read_alerts(session, ledger)
            status = handle.status()
            got = int(status.total_payload_download)
            if got > counted:
                line.count(got - counted)
                counted = got
            if line.budget_left() == 0 and not status.is_seeding:
                raise BudgetSpent("the data budget is spent; the swarm fetch stopped, kept so far")
            if on_progress:
                on_progress(_progress(status, _state(status)))
            if status.is_seeding:
                break
            if int(status.total_wanted_done) != held:
                held, last_change = int(status.total_wanted_done), time.monotonic()
            elif time.monotonic() - last_change > STALL:
                why = f"; {refused[-1]}" if refused else ""
                raise SwarmError(f"no peer gave the bundle's missing pieces for {STALL:.0f} s{why}")
            for peer in peers if status.num_peers == 0 else ():
                handle.connect_peer(peer)  # a peer given by hand that came up later
            time.sleep(POLL)
        _read_alerts(session, ledger)
        folder = dest / str(handle.status().name)
        if on_fetched:
            on_fetched(folder, _progress(handle.status(), "seeding"))
        deadline = time.monotonic() + keep_seeding
        while time.monotonic() < deadline and not token.cancelled:
            time.sleep(POLL)
        return folder
    finally:
        # Whatever the outcome, what came from whom.
        ledger.note(line, int(handle.status().total_payload_download))
        session.pause()


def _params(link: str) -> Any:
    lt = _lt()
    try:
        if link.startswith("magnet:"):
            return lt.parse_magnet_uri(link)
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(str(Path(link)))
        return params
    except RuntimeError as exc:
        raise SwarmError(
            f"{link} is not a magnet link or a torrent file Tiffin can read: {exc}"
        ) from exc


def parse_peer(text: str) -> tuple[str, int]:
    """`host:port` (or `[v6]:port`) as a peer address; raises ValueError."""
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not a peer address (host:port)")
    return host.strip("[]"), int(port)
