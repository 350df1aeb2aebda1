"""Packing a selection of the library as one ZIM file, the format Kiwix readers open (Android,
iOS, desktop, kiwix-serve): how offline content travels where the internet is poor, and what a
phone keeps after it walks out of the room.

The selection is a bundle's (share/export.py). The ZIM holds a front page by event and by
source, every article with its pictures, each video or recording with a player page, a full-text
index, the articles' languages as ISO 639-3 codes (the most common first), and Tiffin's icon as
its illustration; pages are in English or Urdu (right to left). libzim (openZIM's own library)
writes it; the file appears under its name only once it is complete.
"""

from __future__ import annotations

import mimetypes
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin import __version__
from tiffin.config import Paths
from tiffin.errors import Cancelled, DiskFull, TiffinError
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.share.export import Selection, selected_records
from tiffin.share.layout import safe_name
from tiffin.share.zim_pages import (
    ZIM_STYLE,
    Entry,
    Medium,
    article_page,
    front_page,
    player_page,
)

ICON = Path(__file__).resolve().parents[1] / "data" / "tiffin-48.png"
# ISO 639-1 (what pages declare) to ISO 639-3 (what ZIM metadata wants), for the languages
# Tiffin's users read most; others are kept as given when already three letters.
LANGUAGES = {
    "ur": "urd", "en": "eng", "ar": "ara", "fa": "fas", "hi": "hin", "ps": "pus", "pa": "pan",
    "bn": "ben", "sd": "snd", "tr": "tur", "fr": "fra", "es": "spa", "de": "deu", "ru": "rus",
    "zh": "zho", "id": "ind", "ms": "msa", "sw": "swa", "am": "amh", "my": "mya", "ta": "tam",
}  # fmt: skip


class ZimError(TiffinError):
    """The ZIM file could not be written; nothing is left under its name."""


@dataclass(frozen=True)
class ZimReport:
    """What a ZIM file holds."""

    path: Path
    articles: int
    pictures: int
    media: int
    bytes: int
    languages: tuple[str, ...]


def _iso3(lang: str) -> str:
    code = lang.split("-", maxsplit=1)[0].lower()
    return LANGUAGES.get(code, code if len(code) == 3 and code.isalpha() else "")


def _events(store: Store, item_ids: list[int]) -> list[tuple[str, float, list[int]]]:
    """Each event the items are tagged for (through their source or a download), earliest first,
    with the ids of its items."""
    if not item_ids:
        return []
    marks = ",".join("?" * len(item_ids))
    with store.read() as db:
        rows = db.execute(
            "SELECT e.name, e.at, i.id FROM items i JOIN sources s ON s.id = i.source_id"
            f" JOIN events e ON e.id = s.event_id WHERE i.id IN ({marks})"
            " UNION SELECT e.name, e.at, d.item_id FROM downloads d"
            f" JOIN events e ON e.id = d.event_id WHERE d.item_id IN ({marks})"
            " ORDER BY 2, 3",
            [*item_ids, *item_ids],
        ).fetchall()
    events: dict[str, tuple[float, list[int]]] = {}
    for name, at, item_id in rows:
        events.setdefault(name, (at, []))[1].append(item_id)
    return [(name, at, ids) for name, (at, ids) in events.items()]


def write_zim(
    store: Store,
    paths: Paths,
    chosen: Selection,
    out: Path,
    *,
    lang: str | None = None,
    title: str = "",
    on_progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> ZimReport:
    """Write the selection as the ZIM file `out`, its pages in `lang` ("en" or "ur"; by
    default Urdu when most of its articles are).

    Raises DiskFull when it cannot fit (checked first), ZimError, Cancelled (nothing is left).
    """
    from libzim.writer import Creator  # noqa: PLC0415 (only this command needs libzim)

    token = cancel or CancelToken()
    records, _ = selected_records(store, paths, chosen)
    content = _content(store, paths, records, lang, title or chosen.event or "Tiffin")
    needed = sum(size for _, _, _, size in content.files) + 64 * 1024 * 1024
    parent = out.resolve().parent
    if not parent.is_dir():
        raise ZimError(f"cannot write {out}: {parent} is not a folder")
    free = shutil.disk_usage(parent).free
    if free < needed:
        raise DiskFull(
            f"{parent} has {free // 2**20} MiB free; the ZIM needs {needed // 2**20} MiB"
        )
    part = out.with_name(out.name + ".part")
    part.unlink(missing_ok=True)
    total, done = len(content.pages) + len(content.files), 0
    try:
        with Creator(str(part)).config_indexing(True, content.languages[0]) as creator:
            creator.set_mainpath("index")
            creator.add_illustration(48, ICON.read_bytes())
            for name, value in content.metadata.items():
                creator.add_metadata(name, value)
            for path, page_title, text, front in content.pages:
                token.raise_if_cancelled()
                creator.add_item(_item(path, page_title, "text/html", text.encode(), front))
                done += 1
                if on_progress:
                    on_progress(done, total)
            creator.add_item(_item("style.css", "", "text/css", ZIM_STYLE.encode(), False))
            for path, mime, file, _size in content.files:
                token.raise_if_cancelled()
                creator.add_item(_item(path, "", mime, file, False))
                done += 1
                if on_progress:
                    on_progress(done, total)
        part.replace(out)
    except Cancelled:
        part.unlink(missing_ok=True)
        raise
    except (RuntimeError, OSError) as exc:
        part.unlink(missing_ok=True)
        raise ZimError(f"could not write {out}: {exc}") from exc
    return ZimReport(
        out,
        articles=content.articles,
        pictures=content.pictures,
        media=content.media,
        bytes=out.stat().st_size,
        languages=tuple(content.languages),
    )


@dataclass
class _Content:
    pages: list[tuple[str, str, str, bool]]  # path, title, HTML, front article
    files: list[tuple[str, str, Path, int]]  # path, MIME type, library file, size
    metadata: dict[str, str]
    languages: list[str]
    articles: int
    pictures: int
    media: int


def _content(
    store: Store, paths: Paths, records: list[dict[str, Any]], lang: str | None, title: str
) -> _Content:
    """The pages and files of the pack, and its metadata."""
    items = [r for r in records if r["record"] == "item"]
    counted = Counter(code for code in (_iso3(r["lang"] or "") for r in items) if code)
    languages = [code for code, _ in counted.most_common()]
    if lang not in ("en", "ur"):
        lang = "ur" if languages[:1] == ["urd"] else "en"
    languages = languages or [_iso3(lang)]
    sources = {r["id"]: r for r in records if r["record"] == "source"}
    entries = {
        r["id"]: Entry(
            r["id"],
            r["title"] or "",
            r["url"] or "",
            r["published"],
            r["lang"] or "",
            r["article_html"] or r["content_html"] or r["summary_html"] or "",
        )
        for r in items
    }
    files: list[tuple[str, str, Path, int]] = []
    for image in (r for r in records if r["record"] == "image"):
        file = paths.data_dir / "images" / image["name"][:2] / image["name"]
        files.append((f"image/{image['name']}", image["mime"], file, file.stat().st_size))
    media: list[Medium] = []
    for download in (r for r in records if r["record"] == "download"):
        file = paths.data_dir / "media" / download["path"]
        if not file.is_file():
            continue
        path = f"media/{download['id']}-{safe_name(file.name)}"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        files.append((path, kind, file, file.stat().st_size))
        owner = entries.get(download["item_id"])
        medium = Medium(
            download["id"],
            download["title"] or file.stem,
            path,
            download["item_id"] if owner else None,
            owner.title if owner else "",
        )
        media.append(medium)
    by_item: dict[int, list[Medium]] = {}
    for medium in media:
        if medium.item_id is not None:
            by_item.setdefault(medium.item_id, []).append(medium)
    pages = [
        (f"item/{e.id}", e.title or e.url, article_page(lang, e, by_item.get(e.id, [])), True)
        for e in entries.values()
    ]
    pages += [(f"play/{m.id}", m.title, player_page(lang, m), True) for m in media]
    events = [
        (name, at, [entries[i] for i in ids if i in entries])
        for name, at, ids in _events(store, list(entries))
    ]
    of_source: dict[int, list[Entry]] = {}
    for record in items:
        of_source.setdefault(record["source_id"], []).append(entries[record["id"]])
    by_source = [
        (source["title"] or source["url"], of_source.get(source_id, []))
        for source_id, source in sources.items()
    ]
    pages.insert(0, ("index", title, front_page(lang, title, events, by_source, media), False))
    metadata = {
        "Name": f"tiffin_{safe_name(title).lower()}",
        "Title": title[:30],
        "Description": f"{len(entries)} articles and {len(media)} videos packed by Tiffin"[:80],
        "Language": ",".join(languages),
        "Creator": "Tiffin",
        "Publisher": "Tiffin",
        "Date": time.strftime("%Y-%m-%d"),
        "Tags": f"_category:news;_pictures:{'yes' if files else 'no'};"
        f"_videos:{'yes' if media else 'no'};_ftindex:yes",
        "Scraper": f"Tiffin {__version__}",
    }
    pictures = len(files) - len(media)
    return _Content(pages, files, metadata, languages, len(entries), pictures, len(media))


def _item(path: str, title: str, mime: str, data: bytes | Path, front: bool) -> Any:
    from libzim.writer import FileProvider, Hint, Item, StringProvider  # noqa: PLC0415

    class _Entry(Item):  # type: ignore[misc]
        def get_path(self) -> str:
            return path

        def get_title(self) -> str:
            return title

        def get_mimetype(self) -> str:
            return mime

        def get_contentprovider(self) -> Any:
            return FileProvider(str(data)) if isinstance(data, Path) else StringProvider(data)

        def get_hints(self) -> dict[Any, int]:
            return {Hint.FRONT_ARTICLE: front, Hint.COMPRESS: mime.startswith("text/")}

    return _Entry()
