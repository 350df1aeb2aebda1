"""Data used per day is kept in the library, so budgets hold across runs."""

from __future__ import annotations

import time
from dataclasses import replace

from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import queries
from tiffin.library.store import Store
from tiffin.net.governor import Governor
from tiffin.net.usage import add_usage, todays_budget, usage


def test_refresh_counts_the_bytes_the_server_sent(
    web: TestWeb, store: Store, paths: Paths, settings: Settings, governed: Governor
) -> None:
    paths_fetched = []
    for name in ("atp.rss", "DaringFireball.atom"):
        queries.add_source(store, web.add_fixture(f"feeds/{name}"))
        paths_fetched.append(f"/fixtures/feeds/{name}")
    refresh_sources(store, paths, settings)
    sent = sum(r.body_bytes for path in paths_fetched for r in web.requests(path))
    today, month = usage(store)
    assert today == sent > 0  # the bodies as the server sent them (gzip), counted by both
    assert month == today


def test_budget_left_spans_days_and_the_month(store: Store, settings: Settings) -> None:
    now = time.time()
    add_usage(store, 3000, now)
    add_usage(store, 500, now)
    yesterday = now - 86400
    same_month = time.localtime(yesterday).tm_mon == time.localtime(now).tm_mon
    add_usage(store, 10_000, yesterday)
    budget = todays_budget(store, replace(settings, daily_budget=4000, monthly_budget=20_000))
    assert budget.spent_today == 3500
    assert budget.spent_this_month == (13_500 if same_month else 3500)
    assert budget.remaining() == 500
    assert todays_budget(store, settings).remaining() is None  # no limits set
