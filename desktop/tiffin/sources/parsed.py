"""The result of parsing a feed, independent of the format it came in."""

from __future__ import annotations

from dataclasses import dataclass

from tiffin.library.models import NewItem


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's own title and site address, its entries, and a note if it was read leniently."""

    title: str
    site_url: str
    items: tuple[NewItem, ...]
    format: str
    warning: str | None = None
