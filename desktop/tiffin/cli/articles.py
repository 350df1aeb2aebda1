"""The subcommands about reading: `articles` (fetch, reextract, set), `show` and `search`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tiffin.cli.output import EXIT_OK, EXIT_PARTIAL, iso, print_json, row_id, whole
from tiffin.cli.progress import ProgressBar
from tiffin.config import Paths, Settings
from tiffin.library import articles, queries
from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.models import SearchHit
from tiffin.library.search import search
from tiffin.library.store import Store
from tiffin.markup import html_to_text
from tiffin.share import keys

if TYPE_CHECKING:
    from tiffin.fetch.articles import ArticleReport

_MODES = {"full": True, "summary": False, "auto": None}


def add_parsers(commands: Any) -> None:
    """Register `articles`, `show` and `search` on the `tiffin` subcommand parser."""
    packing = commands.add_parser("articles", help="pack full articles for offline reading")
    actions = packing.add_subparsers(dest="articles_command", metavar="ACTION", required=True)
    fetch = actions.add_parser("fetch", help="fetch and extract the pages of new items")
    reextract = actions.add_parser(
        "reextract", help="extract again from the kept pages (no network needed)"
    )
    for action in (fetch, reextract):
        action.add_argument(
            "--source", type=row_id, action="append", metavar="ID", help="only this source"
        )
    choose = actions.add_parser("set", help="full articles, summaries only, or automatic")
    choose.add_argument("source", type=row_id, metavar="SOURCE")
    choose.add_argument("mode", choices=sorted(_MODES))

    show = commands.add_parser("show", help="print one item, readable offline")
    show.add_argument("item", type=row_id, metavar="ITEM")
    form = show.add_mutually_exclusive_group()
    form.add_argument("--text", action="store_true", help="plain text (the default)")
    form.add_argument("--html", action="store_true", help="the stored, sanitised HTML")

    find = commands.add_parser("search", help="search titles and full text")
    find.add_argument("query")
    find.add_argument(
        "--limit", type=whole(1, 10_000), default=50, metavar="N", help="at most N results"
    )
    find.add_argument("--json", action="store_true", help="print a JSON list")


def _report(report: ArticleReport, verb: str) -> int:
    print(
        f"{len(report.outcomes)} items {verb}: {report.count(FULL)} full articles, "
        f"{report.count(FEED_TEXT)} kept the feed's text, {len(report.failed)} failed"
    )
    for outcome in report.outcomes:
        if outcome.error:
            print(f"  #{outcome.item_id} {outcome.url}: {outcome.error}", file=sys.stderr)
        elif outcome.state == FEED_TEXT:
            print(f"  #{outcome.item_id} {outcome.url}: {outcome.note}", file=sys.stderr)
    return EXIT_PARTIAL if report.failed else EXIT_OK


def cmd_articles(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """`tiffin articles fetch|reextract|set`."""
    if args.articles_command == "set":
        articles.set_full_articles(store, args.source, _MODES[args.mode])
        print(f"source #{args.source}: {args.mode}")
        return EXIT_OK
    # Imported here: trafilatura takes a tenth of a second, which every other command spares.
    from tiffin.fetch.articles import pack_articles, reextract_articles  # noqa: PLC0415

    bar = ProgressBar()
    try:
        if args.articles_command == "fetch":
            return _report(pack_articles(store, paths, settings, args.source, bar), "packed")
        return _report(reextract_articles(store, paths, settings, args.source, bar), "re-extracted")
    finally:
        bar.close()


def cmd_show(args: argparse.Namespace, store: Store, paths: Paths) -> int:
    """`tiffin show ITEM [--text|--html]`."""
    item = queries.get_item(store, args.item)
    if item.packer and item.packer not in keys.trusted(paths):
        who = keys.Packer("", item.packer).fingerprint
        print(
            f"tiffin: from a bundle packed by key {who}, not among the packers you trust",
            file=sys.stderr,
        )
    if args.html:
        print(item.body_html)
        return EXIT_OK
    source = queries.get_source(store, item.source_id)
    print(item.title or "(untitled)")
    print(
        " · ".join(x for x in (source.title or source.url, iso(item.published), item.author) if x)
    )
    if item.url:
        print(item.url)
    if item.article_state == FEED_TEXT and item.article_note:
        print(f"[the feed's text: {item.article_note}]")
    print()
    print(item.text if item.article_state == FULL else html_to_text(item.body_html))
    return EXIT_OK


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """The stable JSON shape of a search result; matches in `snippet` are marked [ and ]."""
    return {
        "id": hit.item_id,
        "title": hit.title,
        "source": hit.source_id,
        "url": hit.url,
        "published": iso(hit.published),
        "snippet": hit.marked("[", "]"),
    }


def cmd_search(args: argparse.Namespace, store: Store) -> int:
    """`tiffin search QUERY [--json]`."""
    hits = search(store, args.query, limit=args.limit)
    if args.json:
        print_json([hit_json(h) for h in hits])
        return EXIT_OK
    bold, plain = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    for hit in hits:
        print(f"{hit.item_id:>7} {hit.title}")
        print(f"        {hit.marked(bold, plain)}")
    if not hits:
        print("no matches", file=sys.stderr)
    return EXIT_OK
