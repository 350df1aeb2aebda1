"""`tiffin net`: the state of the line to each host, from real transfers and light probes."""

from __future__ import annotations

import argparse
from typing import Any

from tiffin.cli.output import EXIT_OK, iso, print_json
from tiffin.config import Settings
from tiffin.library.store import Store
from tiffin.net import governor
from tiffin.net.line import HostState, overall
from tiffin.net.line_history import line_states
from tiffin.net.probe import probe_known_hosts
from tiffin.net.usage import usage


def add_parsers(commands: Any) -> None:
    """Register `net` on the `tiffin` subcommand parser."""
    net = commands.add_parser(
        "net", help="the line to each host: good, throttled, blocked or offline, and why"
    )
    net.add_argument(
        "--probe",
        action="store_true",
        help="first ask each known host once (a small conditional request) to refresh the view",
    )
    net.add_argument("--json", action="store_true", help="print one JSON list")


def host_json(state: HostState) -> dict[str, Any]:
    """The stable JSON shape of a host's line state: `path` and `proxy` are the way its
    requests take now, `last_path` the way its latest transfer went ("direct" or "proxy";
    None before the path was noted)."""
    proxy = governor.current().proxy_shown(state.host)
    return {
        "host": state.host,
        "state": str(state.state),
        "reason": state.reason,
        "since": iso(state.since),
        "throughput": None if state.throughput is None else round(state.throughput),
        "baseline": None if state.baseline is None else round(state.baseline),
        "rtt": None if state.rtt is None else round(state.rtt, 3),
        "failures": state.failures,
        "last_url": state.last_url,
        "path": "proxy" if proxy else "direct",
        "proxy": proxy or None,
        "last_path": state.path or None,
    }


def cmd_net(args: argparse.Namespace, store: Store, settings: Settings) -> int:
    """Print each host's state (after probing, with --probe)."""
    if args.probe:
        probe_known_hosts(store, settings)
    states = line_states(store)
    if args.json:
        print_json([host_json(s) for s in states])
        return EXIT_OK
    today, month = usage(store)
    print(
        f"data used today: {_mib(today)}{_of(settings.daily_budget)}; "
        f"this month: {_mib(month)}{_of(settings.monthly_budget)}"
    )
    if not states:
        print("no transfers yet: refresh, or run `tiffin net --probe`")
        return EXIT_OK
    print(f"overall: {overall(states)}")
    width = max(len(s.host) for s in states)
    rules = governor.current()
    for state in states:
        path = rules.describe_route(state.host)
        if state.path and state.path != ("direct" if path == "direct" else "proxy"):
            went = "via the proxy" if state.path == "proxy" else "direct"
            path = f"{path}; the last transfer went {went}"
        print(f"{state.host:{width}}  {state.state:9}  {state.reason} [{path}]")
    return EXIT_OK


def _mib(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MiB"


def _of(limit: int | None) -> str:
    return f" of {_mib(limit)}" if limit else ""
