"""The subcommands about reading: `articles` (fetch, reextract, set), `show` and `search`."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from tiffin.articles.words import words
from tiffin.cli.output import EXIT_OK, EXIT_PARTIAL, iso, print_json, row_id, whole
from tiffin.cli.progress import ProgressBar
from tiffin.config import Paths, Settings
from tiffin.library import articles, queries
from tiffin.library.articles import FEED_TEXT, FULL
from tiffin.library.models import Item, SearchHit
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
    version = show.add_mutually_exclusive_group()
    version.add_argument(
        "--other", action="store_true", help="the other reading of the page, where one is kept"
    )
    version.add_argument(
        "--page", action="store_true", help="the whole page as kept, for an article cut short"
    )

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


def _version_html(args: argparse.Namespace, store: Store, item: Item) -> str:
    if args.other:
        return articles.other_version(store, item.id)
    if args.page:
        from tiffin.articles.whole_page import whole_page  # noqa: PLC0415 - lxml, for this only

        body = articles.kept_page(store, item.id)
        return whole_page(body, item.url, partial(articles.picture_names, store))
    return item.body_html


def _notes(args: argparse.Namespace, item: Item) -> list[str]:
    if args.other:
        return [f"[the other reading of the page, by {item.article_other or 'another method'}]"]
    if args.page:
        return ["[the whole page, as kept when the article was packed]"]
    notes = []
    if item.article_state == FEED_TEXT and item.article_note:
        notes.append(f"[the feed's text: {item.article_note}]")
    if item.article_state == FULL and item.article_short:
        notes.append(
            f"[this article may be cut short: the page's paragraphs hold about"
            f" {item.article_short} words, {words(item.text)} were kept;"
            f" `tiffin show {item.id} --page` prints the whole page]"
        )
    if item.article_state == FULL and item.article_other:
        notes.append(f"[another reading of the page is kept: `tiffin show {item.id} --other`]")
    return notes


def cmd_show(args: argparse.Namespace, store: Store, paths: Paths) -> int:
    """`tiffin show ITEM [--text|--html] [--other|--page]`."""
    item = queries.get_item(store, args.item)
    if item.packer and item.packer not in keys.trusted(paths):
        who = keys.Packer("", item.packer).fingerprint
        print(
            f"tiffin: from a bundle packed by key {who}, not among the packers you trust",
            file=sys.stderr,
        )
    body_html = _version_html(args, store, item)
    if args.html:
        print(body_html)
        return EXIT_OK
    source = queries.get_source(store, item.source_id)
    print(item.title or "(untitled)")
    print(
        " · ".join(x for x in (source.title or source.url, iso(item.published), item.author) if x)
    )
    if item.url:
        print(item.url)
    for note in _notes(args, item):
        print(note)
    print()
    plain = args.other or args.page or item.article_state != FULL
    print(html_to_text(body_html) if plain else item.text)
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
