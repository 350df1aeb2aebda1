"""`tiffin bundle export|import|verify|zim|seed|get`: the library moved hand to hand on a USB
stick, through a BitTorrent swarm, or packed as a ZIM file that phones keep and open in Kiwix."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tiffin.cli import swarm
from tiffin.cli.events import parse_when
from tiffin.cli.output import EXIT_FAILED, EXIT_OK, row_id
from tiffin.cli.progress import ProgressBar
from tiffin.config import Paths, Settings
from tiffin.library.store import Store
from tiffin.progress import Step
from tiffin.share import keys
from tiffin.share.export import ExportProgress, Selection, export_bundle
from tiffin.share.import_bundle import import_bundle
from tiffin.share.verify import BundleRefused, VerifiedBundle, verify_bundle


def add_parsers(commands: Any) -> None:
    """Register `bundle` on the `tiffin` subcommand parser."""
    bundle = commands.add_parser(
        "bundle", help="export a signed bundle to a folder (a USB stick), or check and import one"
    )
    actions = bundle.add_subparsers(dest="action", required=True, metavar="ACTION")
    out = actions.add_parser("export", help="write a selection of the library to DIR")
    out.add_argument("dir", type=Path)
    _selection_arguments(out)
    out.add_argument("--name", help="the packer's name receivers see (default: your login)")
    zim = actions.add_parser("zim", help="write a selection as a ZIM FILE for Kiwix readers")
    zim.add_argument("file", type=Path)
    _selection_arguments(zim)
    zim.add_argument(
        "--lang", choices=("en", "ur"), help="the pages' language (default: the articles')"
    )
    zim.add_argument("--title", default="", help="the pack's title (default: the event's)")
    into = actions.add_parser("import", help="verify the bundle in DIR, then import all of it")
    into.add_argument("dir", type=Path)
    into.add_argument(
        "--trusted-only", action="store_true", help="refuse a bundle from a packer not trusted"
    )
    into.add_argument("--trust", action="store_true", help="trust this bundle's packer from now on")
    check = actions.add_parser("verify", help="check the bundle in DIR without importing")
    check.add_argument("dir", type=Path)
    swarm.add_parsers(actions)


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=row_id, nargs="+", default=[], metavar="ID")
    parser.add_argument("--folder", help="only sources in this folder")
    parser.add_argument("--since", help="items published at or after (2026-11-20 or with a time)")
    parser.add_argument("--until", help="items published before")
    parser.add_argument("--event", help="what is tagged for this event")
    parser.add_argument("--item", type=row_id, nargs="+", default=[], metavar="ID")
    parser.add_argument("--no-media", action="store_true", help="leave video and audio out")


def _selection(args: argparse.Namespace) -> Selection:
    """The selection the flags ask for; raises ValueError for a date that does not parse."""
    return Selection(
        source_ids=tuple(args.source),
        folder=args.folder,
        since=parse_when(args.since) if args.since else None,
        until=parse_when(args.until) if args.until else None,
        event=args.event,
        item_ids=tuple(args.item),
        media=not args.no_media,
    )


def _bytes_step(bar: ProgressBar, label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        bar(Step(done // 2**20, max(1, total // 2**20), f"MiB {label}"))

    return show


def _signed_by(bundle: VerifiedBundle) -> str:
    who = f"{bundle.packer.name!r} (key {bundle.packer.fingerprint})"
    if bundle.trusted_as is not None:
        return f"signed by {who}, whom you trust as {bundle.trusted_as!r}"
    return f"signed by {who}, not among the packers you trust"


def cmd_bundle(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Run one `tiffin bundle` action."""
    if args.action == "seed":
        return swarm.cmd_seed(args, store, paths, settings)
    if args.action == "get":
        return swarm.cmd_get(args, store, paths, settings)
    bar = ProgressBar()
    try:
        if args.action == "export":
            return _export(args, store, paths, bar)
        if args.action == "zim":
            return _zim(args, store, paths, bar)
        bundle = (
            verify_bundle(args.dir, paths, _bytes_step(bar, "verified"))
            if args.action == "verify"
            else None
        )
        if bundle is not None:
            bar.close()
            print(f"{args.dir}: {len(bundle.files)} files, {bundle.total // 2**20} MiB, all intact")
            print(_signed_by(bundle))
            return EXIT_OK
        report = import_bundle(
            store,
            paths,
            args.dir,
            _bytes_step(bar, "verified"),
            require_trusted=args.trusted_only,
        )
    except BundleRefused as exc:
        bar.close()
        print(f"tiffin: refused: {exc}", file=sys.stderr)
        return EXIT_FAILED
    bar.close()
    if args.trust:
        keys.trust(paths, report.bundle.packer)
    print(_signed_by(report.bundle) + (" (now trusted)" if args.trust else ""))
    print(
        f"imported {report.sources} sources, {report.items} items, {report.images} pictures and"
        f" {report.media} media files; {report.duplicates} already here"
    )
    return EXIT_OK


def _export(args: argparse.Namespace, store: Store, paths: Paths, bar: ProgressBar) -> int:
    try:
        chosen = _selection(args)
    except ValueError as exc:
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED

    show = _bytes_step(bar, "exported")

    def progress(step: ExportProgress) -> None:
        show(step.done, step.total)

    report = export_bundle(store, paths, args.dir, chosen, args.name or getpass.getuser(), progress)
    bar.close()
    assert report.packer is not None
    print(
        f"exported {report.items} items in {report.files} files ({report.bytes // 2**20} MiB)"
        f" to {report.folder}"
        + (f"; {report.skipped} were already there" if report.skipped else "")
    )
    print(f"signed as {report.packer.name!r}, key {report.packer.fingerprint}")
    return EXIT_OK


def _zim(args: argparse.Namespace, store: Store, paths: Paths, bar: ProgressBar) -> int:
    # Imported here: libzim is needed by this action only.
    from tiffin.share.zim import write_zim  # noqa: PLC0415

    try:
        chosen = _selection(args)
    except ValueError as exc:
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED

    def progress(done: int, total: int) -> None:
        bar(Step(done, total, "entries written"))

    report = write_zim(
        store, paths, chosen, args.file, lang=args.lang, title=args.title, on_progress=progress
    )
    bar.close()
    print(
        f"wrote {report.path}: {report.articles} articles, {report.pictures} pictures,"
        f" {report.media} videos ({report.bytes // 2**20} MiB), in {', '.join(report.languages)}"
    )
    return EXIT_OK
