"""`tiffin bundle seed|get`: a bundle through a BitTorrent swarm (share/swarm.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tiffin.cli.output import EXIT_FAILED, EXIT_OK
from tiffin.cli.progress import ProgressBar
from tiffin.config import Paths, Settings
from tiffin.library.store import Store
from tiffin.progress import CancelToken, Step


def add_parsers(actions: Any) -> None:
    """Register `seed` and `get` on `tiffin bundle`'s action parser."""
    seed = actions.add_parser("seed", help="share the bundle in DIR with a swarm until stopped")
    seed.add_argument("dir", type=Path)
    seed.add_argument("--port", type=int, default=6881, help="the port peers connect to")
    seed.add_argument(
        "--lan", action="store_true", help="serve it from the LAN view too, as an HTTP web seed"
    )
    get = actions.add_parser("get", help="fetch a bundle from a swarm into DEST, and check it")
    get.add_argument(
        "link", help="a magnet link, a .torrent file, or a picture of the seeder's QR code"
    )
    get.add_argument("dest", type=Path)
    get.add_argument(
        "--peer", action="append", default=[], metavar="HOST:PORT", help="a peer to ask"
    )
    get.add_argument("--import", dest="into", action="store_true", help="import it once checked")
    get.add_argument("--port", type=int, default=0, help="the port to listen on (any free one)")
    get.add_argument(
        "--keep-seeding", type=float, default=0.0, metavar="SECONDS",
        help="go on seeding it for the peers still fetching, this long",
    )  # fmt: skip


def cmd_seed(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Seed the bundle in `args.dir` until interrupted; prints its magnet link first."""
    from tiffin.share.swarm import seed  # noqa: PLC0415 (libtorrent on demand)
    from tiffin.share.verify import BundleRefused, verify_bundle  # noqa: PLC0415

    try:
        verify_bundle(args.dir, paths)  # offer only what a receiver would accept
    except BundleRefused as exc:
        print(f"tiffin: refused to seed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    token = CancelToken()
    share = None
    web_seeds: list[str] = []
    if args.lan:
        from tiffin.share.serve import LanShare  # noqa: PLC0415

        share = LanShare(store, paths, settings.lan_host, settings.lan_port).start()
        web_seeds = share.web_seeds(args.dir)
        print(f"also served over HTTP at {web_seeds[0]}", file=sys.stderr, flush=True)

    def ready(magnet: str, v1_magnet: str, port: int) -> None:
        print(magnet, flush=True)
        print(f"seeding {args.dir} on port {port}; Ctrl+C stops", file=sys.stderr, flush=True)
        print(f"for clients without BitTorrent v2: {v1_magnet}", file=sys.stderr, flush=True)
        if sys.stdout.isatty():
            import segno  # noqa: PLC0415

            segno.make(magnet, error="l").terminal(compact=True)

    try:
        seed(args.dir, settings, port=args.port, web_seeds=web_seeds, on_ready=ready, cancel=token)
    except KeyboardInterrupt:
        token.cancel()
    finally:
        if share is not None:
            share.stop()
    return EXIT_OK


def cmd_get(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Fetch a bundle from the swarm, verify it as a stick's, and import it if asked."""
    from tiffin.media.holds import hold_reason  # noqa: PLC0415
    from tiffin.share.import_bundle import import_bundle  # noqa: PLC0415
    from tiffin.share.qr_picture import is_picture, link_in_picture  # noqa: PLC0415
    from tiffin.share.swarm import SwarmProgress, fetch_bundle, parse_peer  # noqa: PLC0415
    from tiffin.share.verify import BundleRefused, verify_bundle  # noqa: PLC0415

    try:
        peers = [parse_peer(text) for text in args.peer]
    except ValueError as exc:
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED
    held = hold_reason(settings)
    if held:
        print(f"tiffin: {held}", file=sys.stderr)
        return EXIT_FAILED
    link = args.link
    if is_picture(link):
        link = link_in_picture(Path(link))
        print(f"read from the QR code: {link}", file=sys.stderr, flush=True)
    bar = ProgressBar()

    def progress(update: SwarmProgress) -> None:
        bar(Step(update.done // 2**20, max(1, update.total // 2**20), f"MiB, {update.state}"))

    def fetched(folder: Path, update: SwarmProgress) -> None:
        bar.close()
        print(f"fetched {folder}: {update.fetched // 2**20} MiB from the swarm", flush=True)
        if args.keep_seeding:
            print(f"seeding it for {args.keep_seeding:g} s more", file=sys.stderr, flush=True)

    folder = fetch_bundle(link, args.dest, settings, peers=peers, port=args.port,
                          keep_seeding=args.keep_seeding, on_progress=progress,
                          on_fetched=fetched)  # fmt: skip
    try:
        if not args.into:
            bundle = verify_bundle(folder, paths)
            print(
                f"{folder}: {len(bundle.files)} files, all intact, packed by {bundle.packer.name}"
            )
            return EXIT_OK
        report = import_bundle(store, paths, folder)
    except BundleRefused as exc:
        print(f"tiffin: refused: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"imported {report.sources} sources, {report.items} items, {report.images} pictures and"
        f" {report.media} media files; {report.duplicates} already here"
    )
    return EXIT_OK
