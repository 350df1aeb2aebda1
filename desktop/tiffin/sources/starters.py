"""The starter subscriptions the first run offers: a few long-lived news and press-freedom
feeds, in English and Urdu, each of which the user can untick before anything is added."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tiffin.library import queries
from tiffin.library.store import Store


@dataclass(frozen=True)
class Starter:
    """One offered subscription: its feed address, a title to show and the folder it goes in."""

    url: str
    title: str
    folder: str


STARTERS = (
    Starter("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC News: World", "News"),
    Starter("https://feeds.bbci.co.uk/urdu/rss.xml", "BBC Urdu", "اردو"),
    Starter("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera English", "News"),
    Starter("https://www.theguardian.com/world/rss", "The Guardian: World", "News"),
    Starter("https://globalvoices.org/feed/", "Global Voices", "Press freedom"),
    Starter("https://blog.torproject.org/rss.xml", "The Tor Project blog", "Press freedom"),
)

# The starter folders' names in each translation, so that a library begun in Urdu has Urdu
# folders (they are the user's own names once made, so they are stored, not translated at
# display time).
FOLDER_NAMES: dict[str, dict[str, str]] = {
    "ur": {"News": "خبریں", "Press freedom": "آزادیِ صحافت"},
}


def in_language(starter: Starter, language: str) -> Starter:
    """`starter` with its folder named in `language` (a code such as "ur"; as it is where
    there is no translation)."""
    named = FOLDER_NAMES.get(language, {}).get(starter.folder)
    return starter if named is None else replace(starter, folder=named)


def subscribe_starters(store: Store, starters: Iterable[Starter]) -> int:
    """Add `starters` as sources (fetched at the next refresh, not now); returns how many were
    new (one already subscribed is kept as it is)."""
    added = 0
    for starter in starters:
        _, created = queries.add_source(
            store, starter.url, title=starter.title, folder=starter.folder
        )
        added += created
    return added
