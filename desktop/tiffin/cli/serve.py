"""`tiffin serve`: the library, read only, for phones on the same Wi-Fi."""

from __future__ import annotations

import argparse
import threading
from typing import Any

from tiffin.cli.output import EXIT_OK, whole
from tiffin.config import Paths, Settings
from tiffin.library.store import Store


def add_parsers(commands: Any) -> None:
    """Register `serve` on the `tiffin` subcommand parser."""
    serve = commands.add_parser(
        "serve", help="share the library read-only on the local network until Ctrl+C"
    )
    serve.add_argument("--host", help="address to listen on (default: all, or lan_host)")
    serve.add_argument("--port", type=whole(1, 65535), help="port (default 8808, or lan_port)")
    serve.add_argument("--no-announce", action="store_true", help="do not announce with mDNS")


def cmd_serve(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Serve until interrupted; prints the address with its code, and its QR code."""
    import segno  # noqa: PLC0415 - only for this command

    from tiffin.share.serve import LanShare  # noqa: PLC0415 - aiohttp loads only to serve

    host = args.host or settings.lan_host
    port = settings.lan_port if args.port is None else args.port
    share = LanShare(store, paths, host, port, announce=not args.no_announce).start()
    if share.taken:
        print(f"port {share.taken[0]} is taken by another program; using {share.port}")
    print(f"sharing the library read-only at {share.address}")
    for other in share.addresses[1:]:
        print(f"  also at {other}")
    print(f"access code: {share.code}")
    segno.make(share.address, error="m").terminal(compact=True)
    print("Ctrl+C stops sharing", flush=True)
    try:
        threading.Event().wait()
    finally:
        share.stop()
    return EXIT_OK
