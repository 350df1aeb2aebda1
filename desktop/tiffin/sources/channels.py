"""Video channels and playlists, listed through yt-dlp rather than a site's own feed.

YouTube's channel RSS carries only the 15 newest videos (a long-standing complaint of podcast
and video apps); yt-dlp lists a channel page by page, so a subscription sees as many entries
as `Settings.channel_entries` allows. Listing is "flat": one request per page of the listing,
none per video. yt-dlp is imported only here and in media/, and callers run `list_channel`
in a child process, since a site can make yt-dlp hang.
"""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime
from typing import Any

from tiffin.config import Settings
from tiffin.errors import FeedInvalid
from tiffin.library.models import NewItem
from tiffin.media.toolchain import extract_info, ytdlp_options
from tiffin.sources.parsed import ParsedFeed

logger = logging.getLogger(__name__)


def claims(url: str) -> bool:
    """Whether a site-specific yt-dlp extractor (any but the generic one) reads `url`, so it
    is subscribed as a channel or playlist rather than searched for a feed."""
    from yt_dlp.extractor import gen_extractor_classes  # noqa: PLC0415 - heavy, on demand
    from yt_dlp.plugins import load_all_plugins  # noqa: PLC0415

    load_all_plugins()  # as YoutubeDL does: the user's extractor plugins count too
    return any(
        extractor.ie_key() != "Generic" and extractor.suitable(url)
        for extractor in gen_extractor_classes()
    )


def _published(entry: dict[str, Any]) -> float | None:
    for key in ("timestamp", "release_timestamp"):
        if isinstance(entry.get(key), int | float):
            return float(entry[key])
    date = entry.get("upload_date")
    if isinstance(date, str) and len(date) == 8 and date.isdigit():
        return datetime.strptime(date, "%Y%m%d").replace(tzinfo=UTC).timestamp()
    return None


def _item(entry: dict[str, Any], extractor: str) -> NewItem | None:
    if entry.get("_type") == "playlist" or not entry.get("id"):
        return None  # a nested tab or playlist: its own subscription if the user wants it
    url = entry.get("webpage_url") or entry.get("url") or ""
    description = entry.get("description") or ""
    duration = entry.get("duration")
    return NewItem(
        guid=f"{entry.get('ie_key') or extractor}:{entry['id']}",
        url=str(url),
        title=str(entry.get("title") or url),
        author=str(entry.get("channel") or entry.get("uploader") or ""),
        summary_html=f"<p>{html.escape(description)}</p>" if description else "",
        text=description,
        published=_published(entry),
        duration=float(duration) if isinstance(duration, int | float) else None,
        live_status=str(entry.get("live_status") or ""),
    )


def list_channel(url: str, settings: Settings) -> ParsedFeed:
    """The channel or playlist at `url` with up to `settings.channel_entries` entries, newest
    first as the site lists them. Raises FeedInvalid for a single video or an unreadable page."""
    params = {
        **ytdlp_options(settings, url),
        "extract_flat": "in_playlist",
        "playlistend": settings.channel_entries,
    }
    info = extract_info(url, params, FeedInvalid, "yt-dlp could not list")
    if not isinstance(info, dict) or info.get("_type") not in ("playlist", "multi_video"):
        raise FeedInvalid(f"{url} is a single video, not a channel or playlist; download it")
    extractor = str(info.get("extractor_key") or "")
    items = [_item(entry, extractor) for entry in info.get("entries") or [] if entry]
    kept = tuple(item for item in items if item is not None)
    skipped = len(items) - len(kept)
    return ParsedFeed(
        title=str(info.get("title") or info.get("channel") or url),
        site_url=str(info.get("webpage_url") or url),
        items=kept,
        format="yt-dlp",
        warning=f"{skipped} nested playlists were skipped" if skipped else None,
    )
