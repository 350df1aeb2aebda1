"""`tiffin event`: events with a time ("rally", Sunday 18:00) and what is packed for them."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from tiffin.cli.output import EXIT_FAILED, EXIT_OK, iso, print_json, row_id
from tiffin.config import Settings
from tiffin.library import downloads, events
from tiffin.library.store import Store
from tiffin.schedule.event_plan import FAILED, PENDING, READY, EventPlan, plan_events


def add_parsers(commands: Any) -> None:
    """Register `event` on the `tiffin` subcommand parser."""
    event = commands.add_parser(
        "event", help="events with a time, and the sources and downloads packed for them"
    )
    actions = event.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new event")
    add.add_argument("name")
    add.add_argument(
        "--at", required=True, help="when, local time unless an offset is given: 2026-11-29 18:00"
    )
    listing = actions.add_parser("list", help="every event, soonest first, with its progress")
    listing.add_argument("--json", action="store_true", help="print one JSON list")
    tagging = actions.add_parser(
        "tag",
        help="pack sources and downloads for an event: they go first in the queue",
    )
    tagging.add_argument("name")
    tagging.add_argument("--source", type=row_id, nargs="+", default=[], metavar="ID")
    tagging.add_argument("--download", type=row_id, nargs="+", default=[], metavar="ID")
    tagging.add_argument(
        "--url", nargs="+", default=[], help="queue these addresses for download, tagged"
    )
    remove = actions.add_parser("remove", help="forget an event (what it tagged stays)")
    remove.add_argument("name")


def parse_when(text: str) -> float:
    """An ISO 8601 date and time ('2026-11-29 18:00', local unless it has an offset)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date and time; write e.g. 2026-11-29 18:00") from None
    return moment.timestamp()  # a naive time is taken as local time


def event_json(plan: EventPlan) -> dict[str, Any]:
    """The stable JSON shape of an event and its plan."""
    event, needed = plan.event, plan.finishes_in()
    return {
        "id": event.id,
        "name": event.name,
        "at": iso(event.at),
        "starts_in": round(event.starts_in()),
        "sources": event.sources,
        "downloads": event.downloads,
        "done": event.done,
        "ready": plan.count(READY),
        "pending": plan.count(PENDING),
        "failed": plan.count(FAILED),
        "ready_bytes": plan.ready_bytes,
        "pending_bytes": plan.pending_bytes,
        "unknown_sizes": plan.unknown_sizes,
        "speed": None if plan.speed is None else round(plan.speed),
        "finishes_in": None if needed is None else round(needed),
        "on_time": plan.on_time(),
        "budget_left": plan.budget_left,
    }


def _countdown(seconds: float) -> str:
    if seconds <= 0:
        return "begun"
    days, rest = divmod(int(seconds), 86400)
    hours, rest = divmod(rest, 3600)
    return (f"{days} d " if days else "") + f"{hours} h {rest // 60:02d} min"


def cmd_event(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    """Run one `tiffin event` action."""
    if args.action == "add":
        try:
            at = parse_when(args.at)
        except ValueError as exc:
            print(f"tiffin: {exc}", file=sys.stderr)
            return EXIT_FAILED
        made = events.add_event(store, args.name, at)
        print(f"event {made.name!r} at {datetime.fromtimestamp(at):%a %Y-%m-%d %H:%M}")
        return EXIT_OK
    if args.action == "remove":
        events.remove_event(store, args.name)
        print(f"removed event {args.name!r}")
        return EXIT_OK
    if args.action == "tag":
        queued = [downloads.enqueue(store, url).id for url in args.url]
        events.tag(store, args.name, args.source, [*args.download, *queued])
        event = events.event_named(store, args.name)
        print(
            f"{args.name!r}: {event.sources} sources, {event.downloads} downloads"
            f" ({event.done} done)"
        )
        return EXIT_OK
    found = plan_events(store, settings)
    if args.json:
        print_json([event_json(p) for p in found])
        return EXIT_OK
    if not found:
        print("no events: add one with `tiffin event add NAME --at '2026-11-29 18:00'`")
    for plan in found:
        event = plan.event
        when = datetime.fromtimestamp(event.at)
        print(
            f"{event.name}  {when:%a %Y-%m-%d %H:%M}  in {_countdown(event.starts_in())}  "
            f"{event.done}/{event.downloads} downloaded, {event.sources} sources"
            f"{_outlook(plan)}"
        )
    return EXIT_OK


def _outlook(plan: EventPlan) -> str:
    on_time = plan.on_time()
    if not plan.pending_bytes or on_time is None:
        return ""
    left = f"; {plan.pending_bytes / 1e6:.0f} MB to go"
    return left + (", on time" if on_time else ", not ready in time at today's speed")
