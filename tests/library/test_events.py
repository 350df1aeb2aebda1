"""Events: what is tagged for the earliest event goes first in the download queue, whether it
was tagged itself or came from a tagged source; counts and the CLI's JSON."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from cli.test_cli import tiffin
from tiffin.errors import NotFound, StoreError
from tiffin.library import downloads, events, queries
from tiffin.library.models import NewItem
from tiffin.library.rules import live_to_record
from tiffin.library.store import Store


def _order(store: Store) -> list[str]:
    return [entry.url for entry in downloads.queued_in_order(store)]


def test_the_queue_runs_the_earliest_events_downloads_first(store: Store) -> None:
    now = time.time()
    for name in ("plain-1", "rally-video", "plain-2", "vote-video", "podcast"):
        downloads.enqueue(store, f"https://v.example/{name}")
    source, _ = queries.add_source(store, "https://feeds.example/podcast.xml")
    queries.save_items(store, source.id, [NewItem("ep1", "https://feeds.example/ep1", "Ep 1")], now)
    item = queries.list_items(store, [source.id])[0]
    episode = downloads.enqueue(store, "https://feeds.example/ep1.mp3", item_id=item.id)

    events.add_event(store, "vote", now + 7 * 86400)
    events.add_event(store, "rally", now + 2 * 86400)
    by_url = {d.url: d.id for d in downloads.list_downloads(store)}
    events.tag(store, "rally", download_ids=[by_url["https://v.example/rally-video"]])
    events.tag(store, "vote", download_ids=[by_url["https://v.example/vote-video"]])
    events.tag(store, "rally", source_ids=[source.id])  # the episode counts for the rally

    assert _order(store) == [
        "https://v.example/rally-video",
        "https://feeds.example/ep1.mp3",
        "https://v.example/vote-video",
        "https://v.example/plain-1",
        "https://v.example/plain-2",
        "https://v.example/podcast",
    ]
    rally = events.event_named(store, "rally")
    assert (rally.sources, rally.downloads, rally.done) == (1, 2, 0)
    downloads.set_status(store, episode.id, downloads.Status.DONE)
    assert events.event_named(store, "rally").done == 1
    assert [e.name for e in events.list_events(store)] == ["rally", "vote"]

    events.remove_event(store, "rally")  # what it tagged stays, untagged
    assert _order(store)[0] == "https://v.example/vote-video"
    assert len(downloads.list_downloads(store)) == 6


def test_clear_errors(store: Store) -> None:
    events.add_event(store, "rally", time.time())
    with pytest.raises(StoreError, match="already an event called 'rally'"):
        events.add_event(store, "rally", time.time())
    with pytest.raises(NotFound, match="no event called 'march'"):
        events.tag(store, "march", source_ids=[1])
    with pytest.raises(NotFound, match="no source #99"):
        events.tag(store, "rally", source_ids=[99])


def test_event_cli(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = tiffin(home, "event", "add", "rally", "--at", "2030-03-03 18:00")
    assert done.returncode == 0 and "Sun 2030-03-03 18:00" in done.stdout, done
    done = tiffin(
        home, "event", "tag", "rally", "--url", "https://v.example/a", "https://v.example/b"
    )
    assert done.stdout.strip() == "'rally': 0 sources, 2 downloads (0 done)"
    listed = json.loads(tiffin(home, "event", "list", "--json").stdout)
    assert [{k: e[k] for k in ("name", "downloads", "done")} for e in listed] == [
        {"name": "rally", "downloads": 2, "done": 0}
    ]
    assert listed[0]["starts_in"] > 0 and listed[0]["at"].endswith("Z")
    bad = tiffin(home, "event", "add", "vote", "--at", "next sunday")
    assert bad.returncode != 0 and "is not a date and time" in bad.stderr
    assert "in " in tiffin(home, "event", "list").stdout


def test_a_source_tagged_for_a_coming_event_records_its_streams(store: Store) -> None:
    now = time.time()
    channel, _ = queries.add_source(store, "https://video.example/c/opposition")
    other, _ = queries.add_source(store, "https://video.example/c/cooking")
    for source, guid in ((channel, "rally"), (other, "soup")):
        upcoming = NewItem(guid, f"https://video.example/v/{guid}", guid, live_status="is_upcoming")
        queries.save_items(store, source.id, [upcoming], now)
    assert live_to_record(store) == []  # no rules, no event: nothing asked it

    events.add_event(store, "rally", now + 3600)
    events.tag(store, "rally", source_ids=[channel.id])
    assert [e.url for e in live_to_record(store)] == ["https://video.example/v/rally"]
    # A day after the event began its sources no longer record
    assert live_to_record(store, now=now + 3600 + 25 * 3600) == []
    downloads.enqueue(store, "https://video.example/v/rally")  # recorded once, not again
    assert live_to_record(store) == []
