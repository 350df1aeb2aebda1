"""Argument parsing and the subcommands of `tiffin`.

Exit codes: 0 done; 1 failed (the message says why; a full disk for downloads); 2 wrong usage;
3 done, but some sources, items or downloads failed; 130 interrupted. `--json` prints one JSON
list whose field names are a stable interface.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tiffin import __version__
from tiffin.cli import articles as reading
from tiffin.cli import bundle, events, media, net, serve
from tiffin.cli import settings as settings_cli
from tiffin.cli.output import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    iso,
    print_json,
    row_id,
)
from tiffin.cli.progress import ProgressBar
from tiffin.config import Paths, Settings, given_folder
from tiffin.errors import TiffinError
from tiffin.fetch.refresh import refresh_sources
from tiffin.fetch.subscribe import subscribe
from tiffin.library import queries
from tiffin.library.models import Item, Source
from tiffin.library.store import Store
from tiffin.log import FILE_ONLY, configure_logging
from tiffin.net import governor
from tiffin.share import keys
from tiffin.sources.opml import OpmlEntry, fetchable, read_opml, write_opml

logger = logging.getLogger(__name__)


def source_json(source: Source) -> dict[str, Any]:
    """The stable JSON shape of a source."""
    return {
        "id": source.id,
        "url": source.url,
        "title": source.title,
        "folder": source.folder,
        "last_error": source.last_error,
        "site_url": source.site_url,
        "unread": source.unread,
        "total": source.total,
        "last_fetched": iso(source.last_fetched_at),
        "last_success": iso(source.last_success_at),
    }


def item_json(item: Item, trusted: Mapping[str, str]) -> dict[str, Any]:
    """The stable JSON shape of an item; `packer` (a key's fingerprint, or None for what was
    fetched here) and `trusted` (False for a packer not among `trusted`) say where it came
    from."""
    return {
        "id": item.id,
        "title": item.title,
        "url": item.url,
        "source": item.source_id,
        "published": iso(item.published),
        "read": item.read,
        "guid": item.guid,
        "author": item.author,
        "enclosures": [{"url": e.url, "type": e.type, "length": e.length} for e in item.enclosures],
        "packer": keys.Packer("", item.packer).fingerprint if item.packer else None,
        "trusted": not item.packer or item.packer in trusted,
    }


def build_parser() -> argparse.ArgumentParser:
    """The `tiffin` argument parser; with no subcommand the GUI starts."""
    parser = argparse.ArgumentParser(
        prog="tiffin",
        description="Pack news and video while the line is good; read and watch offline. "
        "With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"tiffin {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (Qt offscreen, a library, a one-second clip) and exit",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep everything in DIR (default: $TIFFIN_HOME, else the platform's user data folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add", help="subscribe to a feed, or to a page that names its feed")
    add.add_argument("url")
    add.add_argument("--folder", default="", help="put the subscription in this folder")

    refresh = commands.add_parser("refresh", help="fetch new items of every source")
    refresh.add_argument(
        "--source", type=row_id, action="append", metavar="ID", help="only this source (repeatable)"
    )

    items = commands.add_parser("items", help="list stored items, newest first")
    items.add_argument("--source", type=row_id, metavar="ID", help="only this source's items")
    items.add_argument("--unread", action="store_true", help="only unread items")
    items.add_argument("--json", action="store_true", help="print a JSON list")

    sources = commands.add_parser("sources", help="list subscriptions")
    sources.add_argument("--json", action="store_true", help="print a JSON list")

    remove = commands.add_parser("remove", help="unsubscribe (deletes the source's items)")
    remove.add_argument("id", type=row_id)

    opml = commands.add_parser("opml", help="import or export subscriptions as OPML")
    opml_commands = opml.add_subparsers(dest="opml_command", metavar="ACTION", required=True)
    opml_import = opml_commands.add_parser("import", help="subscribe to every feed in FILE")
    opml_import.add_argument("file", type=Path)
    opml_export = opml_commands.add_parser("export", help="write every subscription to FILE")
    opml_export.add_argument("file", type=Path)
    reading.add_parsers(commands)
    media.add_parsers(commands)
    net.add_parsers(commands)
    settings_cli.add_parsers(commands)
    events.add_parsers(commands)
    bundle.add_parsers(commands)
    serve.add_parsers(commands)
    return parser


def _cmd_add(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    sub = subscribe(store, paths, settings, args.url, folder=args.folder)
    if sub.waiting:
        print(
            f"kept #{sub.source.id} {sub.source.url}, but its host does not answer now"
            f" ({sub.waiting}); it is fetched at the next refresh"
        )
        return EXIT_PARTIAL
    if not sub.created:
        print(f"already subscribed: #{sub.source.id} {sub.source.title or sub.source.url}")
        return EXIT_OK
    new = sub.outcome.new if sub.outcome else 0
    print(f"subscribed #{sub.source.id} {sub.source.title or sub.source.url} ({new} items)")
    return EXIT_OK


def _cmd_refresh(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    bar = ProgressBar()
    try:
        report = refresh_sources(store, paths, settings, source_ids=args.source, progress=bar)
    finally:
        bar.close()
    unchanged = sum(1 for o in report.outcomes if o.not_modified)
    print(
        f"{len(report.outcomes)} sources refreshed: {report.new_items} new items, "
        f"{unchanged} unchanged, {len(report.failed)} failed"
    )
    for outcome in report.failed:
        print(f"  #{outcome.source_id} {outcome.url}: {outcome.error}", file=sys.stderr)
    return EXIT_PARTIAL if report.failed else EXIT_OK


def _cmd_items(args: argparse.Namespace, store: Store, paths: Paths) -> int:
    if args.source is not None:
        queries.get_source(store, args.source)
    found = queries.list_items(
        store, [args.source] if args.source is not None else None, unread_only=args.unread
    )
    if args.json:
        trusted = keys.trusted(paths)
        print_json([item_json(i, trusted) for i in found])
        return EXIT_OK
    for item in found:
        mark = " " if item.read else "*"
        when = (iso(item.published) or "")[:10]
        print(f"{mark} {item.id:>7} {when:10} {item.title or item.url}")
    return EXIT_OK


def _cmd_sources(args: argparse.Namespace, store: Store) -> int:
    found = queries.list_sources(store)
    if args.json:
        print_json([source_json(s) for s in found])
        return EXIT_OK
    for source in found:
        folder = f"[{source.folder}] " if source.folder else ""
        error = f"  ! {source.last_error}" if source.last_error else ""
        print(
            f"{source.id:>5} {folder}{source.title or source.url} "
            f"({source.unread}/{source.total}){error}"
        )
    return EXIT_OK


def _cmd_opml(args: argparse.Namespace, store: Store) -> int:
    if args.opml_command == "export":
        entries = [
            OpmlEntry(s.url, s.title, s.site_url, s.folder) for s in queries.list_sources(store)
        ]
        write_opml(args.file, entries)
        print(f"exported {len(entries)} subscriptions to {args.file}")
        return EXIT_OK
    added = 0
    entries, refused = fetchable(read_opml(args.file))
    for entry in entries:
        _, created = queries.add_source(store, entry.url, entry.title, entry.site_url, entry.folder)
        added += created
    for reason in refused[:5]:
        print(f"tiffin: left out: {reason}", file=sys.stderr)
    if refused and not entries:
        return EXIT_FAILED
    print(
        f"imported {added} new subscriptions ({len(entries) - added} already there"
        + (f", {len(refused)} left out" if refused else "")
        + "); run `tiffin refresh` to fetch them"
    )
    return EXIT_PARTIAL if refused else EXIT_OK


def run_command(args: argparse.Namespace, paths: Paths) -> int:
    """Open the library and run the chosen subcommand; returns the exit code."""
    settings = Settings.load(paths.settings_file)
    rules = governor.install(settings, paths)
    try:
        return _dispatch(args, paths, settings)
    finally:
        rules.close()


def _dispatch(args: argparse.Namespace, paths: Paths, settings: Settings) -> int:
    if args.command == "settings":
        return settings_cli.cmd_settings(args, paths, settings)
    with Store(paths.database) as store:
        if args.command == "add":
            return _cmd_add(args, store, paths, settings)
        if args.command == "refresh":
            return _cmd_refresh(args, store, paths, settings)
        if args.command == "items":
            return _cmd_items(args, store, paths)
        if args.command == "sources":
            return _cmd_sources(args, store)
        if args.command == "articles":
            return reading.cmd_articles(args, store, paths, settings)
        if args.command == "show":
            return reading.cmd_show(args, store, paths)
        if args.command == "search":
            return reading.cmd_search(args, store)
        if args.command == "download":
            return media.cmd_download(args, store, paths, settings)
        if args.command == "media":
            return media.cmd_media(args, store, paths)
        if args.command == "rules":
            return media.cmd_rules(args, store)
        if args.command == "record":
            return media.cmd_record(args, store, paths, settings)
        if args.command == "net":
            return net.cmd_net(args, store, settings)
        if args.command == "event":
            return events.cmd_event(args, store, settings)
        if args.command == "bundle":
            return bundle.cmd_bundle(args, store, paths, settings)
        if args.command == "serve":
            return serve.cmd_serve(args, store, paths, settings)
        if args.command == "remove":
            queries.delete_source(store, args.id)
            print(f"removed source #{args.id}")
            return EXIT_OK
        return _cmd_opml(args, store)


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return [name for action in found for name in action.choices]


_VALUED = {"--data-dir"}  # the top-level options that take a value


def given_target(argv: Sequence[str], commands: set[str]) -> tuple[list[str], str | None]:
    """The arguments without a file or address given in place of a subcommand (what a file
    manager's `Exec=tiffin %U` passes: an OPML file, a feed link), and that target."""
    rest = list(argv)
    index = 0
    while index < len(rest):
        word = rest[index]
        if word in _VALUED:
            index += 2
            continue
        if word.startswith("-"):
            index += 1
            continue
        if word in commands:
            return rest, None
        target = word.removeprefix("feed:")
        if target.startswith("//"):
            target = "https:" + target  # feed://host/path
        if target.startswith("file://"):
            target = unquote(urlsplit(target).path)
        if target.startswith(("http://", "https://")) or Path(target).exists():
            return rest[:index] + rest[index + 1 :], target
        return rest, None
    return rest, None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `tiffin`: the GUI without a command (offering to import or subscribe to
    a file or address given in its place), the CLI with one."""
    parser = build_parser()
    commands = set(_subcommands(parser))
    argv, target = given_target(sys.argv[1:] if argv is None else argv, commands)
    args = parser.parse_args(argv)
    if args.self_test:
        from tiffin.ui import self_test  # noqa: PLC0415 - headless commands must not load Qt

        return self_test.run()
    try:
        paths = Paths.resolve(args.data_dir).ensure()
    except TiffinError as exc:
        if args.command is None:
            from tiffin.ui.app import refuse_start  # noqa: PLC0415 - see below

            return refuse_start(str(exc))
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED
    configure_logging(paths, verbose=args.verbose)
    if args.command is None:
        from tiffin.ui.app import run  # noqa: PLC0415 - headless commands must not load Qt

        return run(paths, folder_fixed=given_folder(args.data_dir) is not None, opening=target)
    try:
        return run_command(args, paths)
    except TiffinError as exc:
        print(f"tiffin: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("tiffin: interrupted; what was finished is stored", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`tiffin items | head`): what it wanted was printed.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        # A user never sees a traceback: the log keeps it for the bug report.
        logger.error("tiffin %s failed unexpectedly", args.command, exc_info=True, extra=FILE_ONLY)
        print(
            f"tiffin: {args.command} failed unexpectedly ({exc.__class__.__name__}: {exc});"
            f" nothing more was changed. The details are in {paths.log_dir / 'tiffin.log'}",
            file=sys.stderr,
        )
        return EXIT_FAILED
