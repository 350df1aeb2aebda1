"""The HTML of the LAN view: small server-made pages for a phone, in English or Urdu (right to
left), that load nothing but the library's own pictures and media."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime

from tiffin.library.downloads import Download
from tiffin.library.events import Event
from tiffin.library.models import MARK_END, MARK_START, Item, SearchHit, Source
from tiffin.markup import LOCAL_IMAGE_SCHEME

_WORDS = {
    "en": {
        "library": "Library",
        "search": "Search",
        "sources": "Sources",
        "media": "Video and audio",
        "latest": "Latest",
        "nothing": "Nothing found",
        "back": "Library",
        "code": "Type the code Tiffin shows beside its QR code",
        "open": "Open",
        "read_only": "Shared from Tiffin, read only",
        "untrusted": "From a bundle packed by someone this library does not trust",
        "save": "Save this page",
        "download": "Download",
        "events": "Events",
        "zim": "as one file for Kiwix",
    },
    "ur": {
        "library": "کتب خانہ",
        "search": "تلاش",
        "sources": "ذرائع",
        "media": "ویڈیو اور آڈیو",
        "latest": "تازہ ترین",
        "nothing": "کچھ نہیں ملا",
        "back": "کتب خانہ",
        "code": "وہ کوڈ لکھیں جو ٹفن اپنے QR کوڈ کے ساتھ دکھاتا ہے",
        "open": "کھولیں",
        "read_only": "ٹفن سے شیئر کیا گیا، صرف پڑھنے کے لیے",
        "untrusted": "ایسے بنڈل سے جسے اس لائبریری کے ناقابلِ بھروسہ پیک کرنے والے نے باندھا",
        "save": "یہ صفحہ محفوظ کریں",
        "download": "ڈاؤن لوڈ",
        "events": "تقریبات",
        "zim": "کیوکس کے لیے ایک فائل میں",
    },
}
STYLE = """
body{font:17px/1.5 system-ui,'Noto Naskh Arabic','Noto Nastaliq Urdu',sans-serif;margin:0;
background:#faf8f4;color:#222}
header{background:#7a3e1d;color:#fff;padding:.6em 1em;display:flex;gap:.6em;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}
form{display:flex;gap:.4em;margin:0;flex:1}
input{flex:1;font:inherit;padding:.35em;border-radius:6px;border:0;min-width:0}
button{font:inherit;padding:.35em .8em;border-radius:6px;border:0;background:#f1c27d}
main{padding:0 1em 2em;max-width:46em;margin:auto}
li{margin:.5em 0}ul{padding-inline-start:1.2em}
article img,video{max-width:100%;height:auto}video,audio{width:100%}
mark{background:#f1c27d}.note{color:#666;font-size:.85em}
"""


def language(accept: str) -> str:
    """'ur' when the browser asks for Urdu before English, else 'en'."""
    for part in accept.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("ur"):
            return "ur"
        if tag.startswith("en"):
            return "en"
    return "en"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def page(lang: str, title: str, body: str, query: str = "") -> str:
    """A whole page: the header with the search box, then `body`."""
    words = _WORDS[lang]
    direction = "rtl" if lang == "ur" else "ltr"
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/style.css"><title>{_e(title)}</title></head><body>'
        f'<header><a href="/">{words["library"]}</a>'
        f'<form action="/search" role="search"><input name="q" value="{_e(query)}"'
        f' aria-label="{words["search"]}" dir="auto"><button>{words["search"]}</button></form>'
        f"</header><main>{body}"
        f'<p class="note">{words["read_only"]}</p></main></body></html>'
    )


def login(lang: str) -> str:
    """The page asking for the access code."""
    words = _WORDS[lang]
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{"rtl" if lang == "ur" else "ltr"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,'
        ' initial-scale=1"><link rel="stylesheet" href="/style.css"><title>Tiffin</title></head>'
        f'<body><main><h1>Tiffin</h1><form action="/"><input name="t" aria-label="code"'
        f' autocomplete="off" placeholder="{words["code"]}"><button>{words["open"]}</button>'
        "</form></main></body></html>"
    )


def _when(timestamp: float | None) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M") if timestamp else ""


def _item_links(items: Iterable[Item]) -> str:
    rows = "".join(
        f'<li><a href="/item/{i.id}" dir="auto">{_e(i.title or i.url)}</a>'
        f' <span class="note">{_when(i.published)}</span></li>'
        for i in items
    )
    return f"<ul>{rows}</ul>"


def home(
    lang: str,
    sources: Sequence[Source],
    latest: Sequence[Item],
    media: int,
    tagged: Sequence[Event] = (),
) -> str:
    """The front page: the latest items, the events (each to keep as a ZIM file), the sources,
    and the media."""
    words = _WORDS[lang]
    event_rows = "".join(
        f'<li><span dir="auto">{_e(e.name)}</span> <span class="note">{_when(e.at)}</span>'
        f' <a href="/event/{e.id}.zim" download>{words["zim"]}</a></li>'
        for e in tagged
    )
    events = f"<h2>{words['events']}</h2><ul>{event_rows}</ul>" if tagged else ""
    source_rows = "".join(
        f'<li><a href="/source/{s.id}" dir="auto">{_e(s.title or s.url)}</a>'
        f' <span class="note">{s.total}</span></li>'
        for s in sources
    )
    body = (
        f"<h2>{words['latest']}</h2>{_item_links(latest)}{events}"
        f'<h2><a href="/media">{words["media"]}</a> ({media})</h2>'
        f"<h2>{words['sources']}</h2><ul>{source_rows}</ul>"
    )
    return page(lang, "Tiffin", body)


def source_page(lang: str, source: Source, items: Sequence[Item]) -> str:
    """One source's items."""
    title = source.title or source.url
    return page(lang, title, f'<h1 dir="auto">{_e(title)}</h1>{_item_links(items)}')


def _player(entry: Download, lang: str) -> str:
    kind = (
        "audio"
        if (entry.path or "").lower().endswith((".m4a", ".mp3", ".opus", ".ogg"))
        else "video"
    )
    tracks = "".join(
        f'<track kind="subtitles" src="/media/{entry.id}/subtitle/{n}"'
        f' srclang="{_e(path.rsplit(".", 2)[-2] if path.count(".") >= 2 else "")}">'
        for n, path in enumerate(entry.subtitles)
        if path.endswith(".vtt")
    )
    return (
        f'<{kind} controls preload="metadata" src="/media/{entry.id}"'
        f' data-download="{entry.id}">{tracks}</{kind}>'
        f'<p><a href="/media/{entry.id}/file" download>{_WORDS[lang]["download"]}</a></p>'
    )


def item_page(lang: str, item: Item, media: Sequence[Download], untrusted: bool = False) -> str:
    """An item: its article (or the feed's text), and its downloaded media to play;
    `untrusted` marks one from a bundle whose packer the library does not trust."""
    body = item.article_html or item.content_html or item.summary_html
    body = body.replace(f'src="{LOCAL_IMAGE_SCHEME}:', 'src="/image/')
    players = "".join(_player(entry, lang) for entry in media)
    link = f'<p class="note" dir="ltr">{_e(item.url)}</p>' if item.url else ""
    mark = f'<p class="note">{_WORDS[lang]["untrusted"]}</p>' if untrusted else ""
    return page(
        lang,
        item.title,
        f'<article dir="auto" lang="{_e(item.lang)}"><h1>{_e(item.title)}</h1>{mark}'
        f'<p class="note">{_when(item.published)}</p>{players}{body}</article>{link}'
        f'<p><a href="/item/{item.id}/page" download>{_WORDS[lang]["save"]}</a></p>',
    )


def media_page(lang: str, entries: Sequence[Download]) -> str:
    """Every finished download, each with its player."""
    rows = "".join(
        f'<li><h3 dir="auto">{_e(e.title or e.url)}</h3>{_player(e, lang)}</li>' for e in entries
    )
    return page(lang, _WORDS[lang]["media"], f"<h1>{_WORDS[lang]['media']}</h1><ul>{rows}</ul>")


def search_page(lang: str, query: str, hits: Sequence[SearchHit]) -> str:
    """Search results, the matches marked."""

    def marked(snippet: str) -> str:
        return _e(snippet).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")

    rows = "".join(
        f'<li><a href="/item/{h.item_id}" dir="auto">{_e(h.title)}</a>'
        f'<br><span class="note" dir="auto">{marked(h.snippet)}</span></li>'
        for h in hits
    )
    body = f"<ul>{rows}</ul>" if hits else f"<p>{_WORDS[lang]['nothing']}</p>"
    return page(lang, query, body, query)
