"""`tiffin download` and `tiffin media`: the download queue and the media library, headless."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tiffin.addresses import web_address
from tiffin.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    iso,
    print_json,
    row_id,
    whole,
)
from tiffin.config import Paths, Settings
from tiffin.errors import TiffinError
from tiffin.library import downloads, queries
from tiffin.library.downloads import Download, Heal, Status
from tiffin.library.rules import MediaRules, get_rules, live_to_record, queue_by_rules, set_rules
from tiffin.library.store import Store
from tiffin.media.download import QUALITIES
from tiffin.media.heal_runs import Healer
from tiffin.media.queue import DownloadQueue, QueueEvent, media_dir
from tiffin.net.client import fetch, make_client
from tiffin.progress import CancelToken
from tiffin.sources.feeds import parse_feed

if TYPE_CHECKING:
    from tiffin.live.record import LiveProgress


def add_parsers(commands: Any) -> None:
    """Register `download` and `media` on the `tiffin` subcommand parser."""
    download = commands.add_parser(
        "download", help="download a video or audio address now, or run the download queue"
    )
    what = download.add_mutually_exclusive_group(required=True)
    what.add_argument("url", nargs="?", help="a page or media address yt-dlp can read")
    what.add_argument("--queue", action="store_true", help="run every queued download")
    download.add_argument(
        "--quality",
        choices=QUALITIES,
        default="",
        metavar="Q",
        help="cap the quality: 1080, 720, 480, 360 or audio (default: best)",
    )
    download.add_argument(
        "--parallel", type=whole(1, 16), default=2, help="downloads at once (default 2)"
    )

    record = commands.add_parser(
        "record", help="record a live or upcoming stream until it ends (run again to resume)"
    )
    what = record.add_mutually_exclusive_group(required=True)
    what.add_argument("url", nargs="?", help="a stream's page yt-dlp can read, or an HLS playlist")
    what.add_argument(
        "--subscribed",
        action="store_true",
        help="record every live or upcoming entry whose source's rules say --record-live"
        " or whose source is tagged for an event",
    )
    record.add_argument(
        "--from-start",
        action="store_true",
        help="begin with the oldest part the stream still offers, not the live edge",
    )
    record.add_argument(
        "--quality",
        choices=QUALITIES,
        default="",
        metavar="Q",
        help="cap the quality: 1080, 720, 480, 360 or audio (lower records more reliably)",
    )

    media = commands.add_parser("media", help="list downloads: finished, queued and failed")
    media.add_argument("--json", action="store_true", help="print a JSON list")

    rules = commands.add_parser(
        "rules", help="show or set which new entries of a source are downloaded by themselves"
    )
    rules.add_argument("source", type=row_id, metavar="SOURCE", help="the source's id")
    auto = rules.add_mutually_exclusive_group()
    auto.add_argument("--auto", action="store_true", default=None, help="queue new entries")
    auto.add_argument("--manual", dest="auto", action="store_false", help="queue nothing")
    rules.add_argument(
        "--latest", type=whole(1, 100_000), metavar="N", help="only the newest N entries"
    )
    rules.add_argument("--newer-than", metavar="DATE", help="only entries after YYYY-MM-DD")
    rules.add_argument("--max-duration", type=float, metavar="MIN", help="skip longer entries")
    rules.add_argument("--quality", choices=QUALITIES, metavar="Q", help="1080/720/480/360/audio")
    rules.add_argument("--subtitles", metavar="LANGS", help="languages, e.g. en,ur ('' for none)")
    thumbs = rules.add_mutually_exclusive_group()
    thumbs.add_argument("--thumbnail", action="store_true", default=None)
    thumbs.add_argument("--no-thumbnail", dest="thumbnail", action="store_false")
    live = rules.add_mutually_exclusive_group()
    live.add_argument(
        "--record-live",
        action="store_true",
        default=None,
        help="record the source's live and upcoming entries",
    )
    live.add_argument("--no-record-live", dest="record_live", action="store_false")
    rules.add_argument("--json", action="store_true", help="print the rules as JSON")


def media_json(entry: Download, paths: Paths) -> dict[str, Any]:
    """The stable JSON shape of a media entry; `path` is absolute, and null until done."""
    path = str(media_dir(paths) / entry.path) if entry.path else None
    return {
        "id": entry.id,
        "title": entry.title,
        "url": entry.url,
        "path": path,
        "duration": entry.duration,
        "status": entry.status.value,
        "quality": entry.quality,
        "bytes_done": entry.bytes_done,
        "bytes_total": entry.bytes_total,
        "error": entry.error,
        "added": iso(entry.added_at),
        "finished": iso(entry.finished_at),
        "played": entry.played,
        "resume_at": entry.resume_at,
        "item": entry.item_id,
        "live": entry.live,
        "gaps": entry.gaps,
        "healed": entry.heal == Heal.HEALED,
        "heal": entry.heal.value or None,
        "audio_only": [list(stretch) for stretch in entry.audio_only],
    }


def _size(count: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if count < 1024 or unit == "GiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


class _Bar:
    """One line per running download on a terminal; nothing when piped."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, event: QueueEvent) -> None:
        progress = event.progress
        if not self.enabled or progress is None:
            return
        width = max(10, min(30, shutil.get_terminal_size().columns - 60))
        if progress.total:
            filled = min(width, width * progress.done // progress.total)
            bar = f"[{'#' * filled}{'.' * (width - filled)}]"
        else:
            bar = f"[{progress.phase:^{width}}]"
        eta = f" {progress.eta:.0f} s left" if progress.eta is not None else ""
        text = f"#{event.download_id} {bar} {_size(progress.done)} {_size(progress.speed)}/s{eta}"
        if progress.phase == "healing":  # counted in seconds of the stream, not bytes
            text = f"#{event.download_id} {bar} healing: {progress.done} of {progress.total} s"
        sys.stderr.write(f"\r{text[:120]:<80}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


_FEEDISH = re.compile(r"(\.(rss|atom|xml|rdf)$|/(feed|rss|atom)(/|$)|[?&](feed|format)=rss)", re.I)


def is_a_feed(url: str, settings: Settings) -> bool:
    """Whether an address that looks like a feed's is one (fetched and read as a feed):
    yt-dlp would take a feed for a playlist and fetch every page it links to."""
    if not _FEEDISH.search(url.split("#", 1)[0]):
        return False

    async def head() -> bytes:
        async with make_client(settings) as client:
            return (await fetch(client, url, settings)).body

    try:
        parse_feed(asyncio.run(head()), url)
    except TiffinError:
        return False  # too large, unreachable or not a feed: yt-dlp says what it is
    return True


def cmd_download(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Download one address now (queued first, so a kill or failure leaves it in the queue),
    or run the whole queue."""
    only = None
    if args.url:
        url = web_address(args.url)
        if is_a_feed(url, settings):
            print(
                f"tiffin: {url} is a feed, not a video: subscribe to it with `tiffin add {url}`;"
                " its episodes and videos are then queued by its rules (`tiffin rules`)",
                file=sys.stderr,
            )
            return EXIT_USAGE
        entry = downloads.enqueue(store, url, args.quality)
        if entry.status == Status.DONE:
            print(f"already downloaded: #{entry.id} {media_dir(paths) / (entry.path or '')}")
            return EXIT_OK
        if entry.status in (Status.PAUSED, Status.DOWNLOADING):
            downloads.set_status(store, entry.id, Status.QUEUED)
        only = [entry.id]
    bar = _Bar()
    try:
        healer = None if only else _healer()  # heals run with the whole queue
        queue = DownloadQueue(store, paths, settings, args.parallel, healer=healer)
        summary = queue.run(bar, CancelToken(), only)
    finally:
        bar.close()
    for download_id in summary.done:
        done = downloads.get_download(store, download_id)
        print(f"downloaded #{done.id} {media_dir(paths) / (done.path or '')}")
    for download_id, how in summary.healed.items():
        healed = downloads.get_download(store, download_id)
        print(f"healed #{healed.id} ({how}) {media_dir(paths) / (healed.path or '')}")
    for download_id, error in summary.failed.items():
        print(f"tiffin: #{download_id} failed: {error}", file=sys.stderr)
    for download_id, error in summary.waiting.items():
        print(f"tiffin: #{download_id} waits for a better line: {error}", file=sys.stderr)
    for reason in (summary.disk_full, summary.held):
        if reason:
            print(f"tiffin: {reason}", file=sys.stderr)
            return EXIT_FAILED
    if summary.failed or summary.waiting:
        return EXIT_FAILED if not summary.done else EXIT_PARTIAL
    return EXIT_OK


def _healer() -> Healer:
    # Imported here, as for `tiffin record`: the recorder's import is spared other commands.
    from tiffin.live.heal import heal  # noqa: PLC0415

    return heal


def _changed_rules(args: argparse.Namespace, rules: MediaRules) -> MediaRules:
    changes: dict[str, Any] = {}
    if args.auto is not None:
        changes["auto"] = args.auto
    if args.latest is not None:
        changes["latest"] = args.latest if args.latest > 0 else None
    if args.newer_than is not None:
        changes["newer_than"] = (
            datetime.strptime(args.newer_than, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
            if args.newer_than
            else None
        )
    if args.max_duration is not None:
        changes["max_duration"] = args.max_duration * 60 if args.max_duration > 0 else None
    if args.quality is not None:
        changes["quality"] = args.quality
    if args.subtitles is not None:
        changes["subtitles"] = tuple(s.strip() for s in args.subtitles.split(",") if s.strip())
    if args.thumbnail is not None:
        changes["thumbnail"] = args.thumbnail
    if args.record_live is not None:
        changes["record_live"] = args.record_live
    return replace(rules, **changes)


def cmd_rules(args: argparse.Namespace, store: Store) -> int:
    """Show a source's download rules, changing those given; automatic rules queue the
    entries they pick at once."""
    queries.get_source(store, args.source)
    try:
        rules = _changed_rules(args, get_rules(store, args.source))
    except ValueError:
        print(
            f"tiffin: --newer-than wants a date as YYYY-MM-DD, not {args.newer_than!r}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    set_rules(store, args.source, rules)
    queued = queue_by_rules(store, args.source)
    if args.json:
        print(json.dumps({"source": args.source, **asdict(rules), "queued": len(queued)}))
        return EXIT_OK
    print(f"source #{args.source}: {rules.to_json()}")
    if queued:
        print(f"{len(queued)} entries queued; `tiffin download --queue` fetches them")
    return EXIT_OK


def _live_line(update: LiveProgress) -> None:
    if not sys.stderr.isatty():
        return
    if update.state == "waiting":
        left = f"starts in {_clock(update.starts_in)}" if update.starts_in else "not live yet"
        text = f"#{update.download_id} waiting: {left}"
    else:
        done = update.recording
        text = f"#{update.download_id} recording"
        if done is not None:
            text += f": {done.segments} segments, {_clock(done.seconds)}, {done.gaps} gaps"
            text += " (the stream is not answering)" if done.state == "paused" else ""
    sys.stderr.write(f"\r{text[:100]:<100}")
    sys.stderr.flush()


def _clock(seconds: float | None) -> str:
    whole = int(max(0.0, seconds or 0.0))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _record_subscribed(store: Store, paths: Paths, settings: Settings) -> int:
    """Record, side by side, every live or upcoming entry the rules want; exit 0 once all are
    final, 3 if some failed."""
    from tiffin.live.record import record  # noqa: PLC0415 - see cmd_record

    wanted = live_to_record(store)
    if not wanted:
        print(
            "no live or upcoming entries to record (see `tiffin rules SOURCE --record-live`"
            " or `tiffin event tag NAME --source ID`)"
        )
        return EXIT_OK
    failed = 0
    with ThreadPoolExecutor(len(wanted), thread_name_prefix="record") as pool:
        jobs = {
            pool.submit(
                record,
                store,
                paths,
                settings,
                e.url,
                quality=e.quality,
                from_start=True,
                item_id=e.item_id,
            ): e
            for e in wanted
        }
        for job in as_completed(jobs):
            try:
                done = job.result()
                print(f"recorded #{done.id} {media_dir(paths) / (done.path or '')}")
            except TiffinError as exc:
                failed += 1
                print(f"tiffin: {jobs[job].title}: {exc}", file=sys.stderr)
    return EXIT_PARTIAL if failed else EXIT_OK


def cmd_record(args: argparse.Namespace, store: Store, paths: Paths, settings: Settings) -> int:
    """Record a stream to its end; exit 0 once the file is final and in the library."""
    if args.subscribed:
        return _record_subscribed(store, paths, settings)
    # Imported here: the recorder and yt-dlp's live path take a seventh of a second, which
    # every other command spares.
    from tiffin.live.record import record  # noqa: PLC0415

    url = web_address(args.url or "")
    try:
        entry = record(
            store,
            paths,
            settings,
            url,
            quality=args.quality,
            from_start=args.from_start,
            on_progress=_live_line,
        )
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
    print(f"recorded #{entry.id} {media_dir(paths) / (entry.path or '')}")
    if entry.error:
        print(f"tiffin: {entry.error}", file=sys.stderr)
    return EXIT_OK


def cmd_media(args: argparse.Namespace, store: Store, paths: Paths) -> int:
    """List the media library and the queue."""
    entries = downloads.list_downloads(store)
    if args.json:
        print_json([media_json(e, paths) for e in entries])
        return EXIT_OK
    for entry in entries:
        length = f"{entry.duration / 60:5.1f} min" if entry.duration else "         "
        note = f"  ! {entry.error}" if entry.error else ""
        if entry.heal:
            note += f"  [{entry.heal.value}{': ' + entry.heal_note if entry.heal_note else ''}]"
        print(f"{entry.id:>5} {entry.status.value:<11} {length} {entry.title or entry.url}{note}")
    return EXIT_OK
