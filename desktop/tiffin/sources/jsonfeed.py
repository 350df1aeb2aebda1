"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org) and RSS-in-JSON; feedparser reads neither."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from tiffin.errors import FeedInvalid
from tiffin.library.models import Enclosure, NewItem
from tiffin.markup import plain_text, sanitize_html, sanitized_text, text_to_html
from tiffin.sources.parsed import ParsedFeed


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _date(value: Any) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:  # JSON Feed asks for RFC 3339; without an offset, UTC is meant
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def _author(entry: dict[str, Any], feed: dict[str, Any]) -> str:
    for holder in (entry, feed):
        authors = holder.get("authors")
        if isinstance(authors, list):
            names = [a.get("name") for a in authors if isinstance(a, dict)]
            joined = ", ".join(n for n in names if isinstance(n, str) and n)
            if joined:
                return joined
        single = holder.get("author")
        if isinstance(single, dict) and isinstance(single.get("name"), str):
            return str(single["name"])
    return ""


def _enclosures(entry: dict[str, Any], base: str) -> tuple[Enclosure, ...]:
    found = []
    attachments = entry.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        if not isinstance(attachment, dict) or not _text(attachment.get("url")):
            continue
        size = attachment.get("size_in_bytes")
        found.append(
            Enclosure(
                url=urljoin(base, attachment["url"]),
                type=_text(attachment.get("mime_type")),
                length=int(size) if isinstance(size, int | float) and size >= 0 else None,
            )
        )
    return tuple(found)


def _rss_date(value: Any) -> float | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()


def _load(body: bytes, url: str) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise FeedInvalid(f"JSON feed at {url} is not UTF-8 ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise FeedInvalid(
            f"JSON feed at {url} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})"
        ) from exc


def parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse a JSON document fetched from `url` as JSON Feed or RSS-in-JSON.

    Raises FeedInvalid when it is not valid JSON or neither format, naming the reason.
    """
    doc = _load(body, url)
    if isinstance(doc, dict) and isinstance(doc.get("rss"), dict):
        return _parse_rss_in_json(doc["rss"], url)
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedInvalid(f"{url} holds JSON but not a JSON Feed (no list of items)")
    base = _text(doc.get("feed_url")) or url
    items = []
    for entry in doc["items"]:
        if not isinstance(entry, dict):
            continue
        content_html = _text(entry.get("content_html"))
        content_text = _text(entry.get("content_text"))
        summary_html = sanitize_html(_text(entry.get("summary")))
        clean_html = sanitize_html(content_html)
        ident = entry.get("id")
        link = _text(entry.get("url")) or _text(entry.get("external_url"))
        items.append(
            NewItem(
                guid=str(ident) if isinstance(ident, str | int | float) else "",
                url=urljoin(base, link) if link else "",
                title=plain_text(_text(entry.get("title"))),
                author=_author(entry, doc),
                summary_html=summary_html,
                content_html=clean_html if content_html else text_to_html(content_text),
                text=sanitized_text(clean_html) or content_text or sanitized_text(summary_html),
                published=_date(entry.get("date_published")) or _date(entry.get("date_modified")),
                enclosures=_enclosures(entry, base),
            )
        )
    version = _text(doc.get("version")).rsplit("/", 1)[-1]
    return ParsedFeed(
        title=plain_text(_text(doc.get("title"))),
        site_url=_text(doc.get("home_page_url")),
        items=tuple(items),
        format="json" + version.replace(".", ""),
    )


def _parse_rss_in_json(rss: dict[str, Any], url: str) -> ParsedFeed:
    channel = rss.get("channel")
    if not isinstance(channel, dict):
        raise FeedInvalid(f"RSS-in-JSON at {url} has no channel")
    entries = channel.get("item")
    entries = [entries] if isinstance(entries, dict) else entries
    items = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        description_html = sanitize_html(_text(entry.get("description")))
        guid = entry.get("guid")
        if isinstance(guid, dict):
            guid = guid.get("#value") or guid.get("value")
        enclosure = entry.get("enclosure")
        enclosures: tuple[Enclosure, ...] = ()
        if isinstance(enclosure, dict) and _text(enclosure.get("url")):
            length = str(enclosure.get("length") or "")
            enclosures = (
                Enclosure(
                    url=urljoin(url, enclosure["url"]),
                    type=_text(enclosure.get("type")),
                    length=int(length) if length.isdigit() else None,
                ),
            )
        link = _text(entry.get("link"))
        items.append(
            NewItem(
                guid=_text(guid),
                url=urljoin(url, link) if link else "",
                title=plain_text(_text(entry.get("title"))),
                author=plain_text(_text(entry.get("author"))),
                content_html=description_html,
                text=sanitized_text(description_html),
                published=_rss_date(entry.get("pubDate")),
                enclosures=enclosures,
            )
        )
    return ParsedFeed(
        title=plain_text(_text(channel.get("title"))),
        site_url=_text(channel.get("link")),
        items=tuple(items),
        format="rss-in-json",
    )
