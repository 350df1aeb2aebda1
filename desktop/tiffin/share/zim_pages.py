"""The pages of a ZIM pack, in English or Urdu (right to left): the front page by event and by
source, one page per article, one player page per video or recording. Every link is relative,
so the pages work wherever a Kiwix reader or kiwix-serve puts the book."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tiffin.markup import LOCAL_IMAGE_SCHEME
from tiffin.share.pages import STYLE

WORDS = {
    "en": {
        "events": "Events",
        "sources": "Sources",
        "media": "Video and audio",
        "packed": "Packed by Tiffin",
        "original": "Original address",
        "home": "Front page",
    },
    "ur": {
        "events": "تقریبات",
        "sources": "ذرائع",
        "media": "ویڈیو اور آڈیو",
        "packed": "ٹفن نے پیک کیا",
        "original": "اصل پتا",
        "home": "سرورق",
    },
}
ZIM_STYLE = STYLE + "nav{padding:.6em 1em;background:#7a3e1d}nav a{color:#fff;font-weight:600}\n"
AUDIO_TYPES = (".m4a", ".mp3", ".opus", ".ogg", ".oga", ".aac", ".flac", ".wav")


@dataclass(frozen=True)
class Entry:
    """An article of the pack: its id, title, where it came from and when, its language and its
    HTML (pictures as `tiffin-image:` references)."""

    id: int
    title: str
    url: str
    published: float | None
    lang: str
    body: str


@dataclass(frozen=True)
class Medium:
    """A video or audio file of the pack: its id, title, the ZIM path of its file, and the ids
    of the articles it belongs to."""

    id: int
    title: str
    path: str
    item_id: int | None
    item_title: str = ""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _when(timestamp: float | None) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d") if timestamp else ""


def _page(lang: str, title: str, body: str, up: str) -> str:
    direction = "rtl" if lang == "ur" else "ltr"
    words = WORDS[lang]
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="{up}style.css"><title>{_e(title)}</title></head><body>'
        f'<nav><a href="{up}index">{words["home"]}</a></nav><main>{body}'
        f'<p class="note">{words["packed"]}</p></main></body></html>'
    )


def _links(entries: Sequence[Entry], up: str) -> str:
    rows = "".join(
        f'<li><a href="{up}item/{e.id}" dir="auto">{_e(e.title or e.url)}</a>'
        f' <span class="note">{_when(e.published)}</span></li>'
        for e in entries
    )
    return f"<ul>{rows}</ul>"


def front_page(
    lang: str,
    title: str,
    events: Sequence[tuple[str, float, Sequence[Entry]]],
    sources: Sequence[tuple[str, Sequence[Entry]]],
    media: Sequence[Medium],
) -> str:
    """The front page: each event (name, start, its articles), each source, the media."""
    words = WORDS[lang]
    parts = [f'<h1 dir="auto">{_e(title)}</h1>']
    if events:
        parts.append(f"<h2>{words['events']}</h2>")
        for name, at, entries in events:
            parts.append(f'<h3 dir="auto">{_e(name)} <span class="note">{_when(at)}</span></h3>')
            parts.append(_links(entries, ""))
    if media:
        rows = "".join(
            f'<li><a href="play/{m.id}" dir="auto">{_e(m.title)}</a></li>' for m in media
        )
        parts.append(f"<h2>{words['media']}</h2><ul>{rows}</ul>")
    parts.append(f"<h2>{words['sources']}</h2>")
    for name, entries in sources:
        parts.append(f'<h3 dir="auto">{_e(name)}</h3>{_links(entries, "")}')
    return _page(lang, title, "".join(parts), "")


def player(medium: Medium, up: str) -> str:
    """The <video> (or <audio>) element playing `medium` from a page `up` below the root."""
    kind = "audio" if medium.path.lower().endswith(AUDIO_TYPES) else "video"
    return f'<{kind} controls preload="metadata" src="{up}{_e(medium.path)}"></{kind}>'


def article_page(lang: str, entry: Entry, media: Sequence[Medium]) -> str:
    """One article with its pictures, and the players of its media."""
    body = entry.body.replace(f'src="{LOCAL_IMAGE_SCHEME}:', 'src="../image/')
    players = "".join(player(m, "../") for m in media)
    link = (
        f'<p class="note">{WORDS[lang]["original"]}: <span dir="ltr">{_e(entry.url)}</span></p>'
        if entry.url
        else ""
    )
    return _page(
        lang,
        entry.title,
        f'<article dir="auto" lang="{_e(entry.lang)}"><h1>{_e(entry.title)}</h1>'
        f'<p class="note">{_when(entry.published)}</p>{players}{body}</article>{link}',
        "../",
    )


def player_page(lang: str, medium: Medium) -> str:
    """A page playing one video or recording, linking to its article if it has one."""
    article = (
        f'<p><a href="../item/{medium.item_id}" dir="auto">{_e(medium.item_title or "…")}</a></p>'
        if medium.item_id
        else ""
    )
    return _page(
        lang,
        medium.title,
        f'<h1 dir="auto">{_e(medium.title)}</h1>{player(medium, "../")}{article}',
        "../",
    )
