"""What the LAN view lets a phone keep: each article as one self-contained page (its pictures
inlined), each video or recording under a name a person can read, and an event as one ZIM
file for Kiwix (made once, kept until the event's content changes). A service worker could not
keep them instead: browsers allow those only on HTTPS or localhost, and the LAN view is plain
HTTP on a local address."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import threading
from pathlib import Path
from urllib.parse import quote

from tiffin.articles.images import ImageFolder
from tiffin.config import Paths
from tiffin.errors import NotFound
from tiffin.library import downloads, events, queries
from tiffin.library.downloads import Status
from tiffin.library.store import Store
from tiffin.markup import LOCAL_IMAGE_SCHEME
from tiffin.share.pages import STYLE

MOST_INLINED = 24 * 1024 * 1024  # pictures inlined into one saved page, in bytes
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class LanLibrary:
    """The read-only views of the library that the pages need (run off the event loop)."""

    def __init__(self, store: Store, paths: Paths) -> None:
        self.store = store
        self.media_root = (paths.data_dir / "media").resolve()
        self.images = ImageFolder(paths.data_dir / "images")
        self.images_root = (paths.data_dir / "images").resolve()

    def media_file(self, download_id: int, subtitle: int | None = None) -> Path:
        entry = downloads.get_download(self.store, download_id)
        if entry.status != Status.DONE or not entry.path:
            raise NotFound(f"no finished download #{download_id}")
        relative = entry.path if subtitle is None else entry.subtitles[subtitle]
        path = self.media_root / relative
        if not inside(path, self.media_root):
            raise NotFound(f"the file of download #{download_id} is not in the library")
        return path

    def media_name(self, download_id: int) -> str:
        """The name to save a finished download as: its title and its file's type."""
        entry = downloads.get_download(self.store, download_id)
        suffix = Path(entry.path or "").suffix
        return readable_name(
            entry.title or Path(entry.path or "").stem, suffix, f"video-{download_id}"
        )

    def done_media(self, item_id: int | None = None) -> list[downloads.Download]:
        done = downloads.list_downloads(self.store, [Status.DONE])
        return [d for d in done if item_id is None or d.item_id == item_id]


def inside(path: Path, root: Path) -> bool:
    """Whether `path` is a plain file under `root`, reached through no link (a link planted
    in the library must not serve a file from outside it)."""
    if not path.resolve().is_relative_to(root) or not path.is_file():
        return False
    here = path
    while here != root and here.is_relative_to(root):
        if here.is_symlink():
            return False
        here = here.parent
    return True


def readable_name(title: str, suffix: str, fallback: str) -> str:
    """A file name a person can read: the title (any script), without what file systems or
    phones refuse, and the suffix."""
    name = _UNSAFE.sub(" ", title).strip(" .")[:120] or fallback
    return f"{name}{suffix}"


def attachment(name: str) -> str:
    """A Content-Disposition value saving the answer as `name` (RFC 6266, with an ASCII
    fallback for old download managers)."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def saved_page(library: LanLibrary, item_id: int, lang: str) -> tuple[str, str]:
    """The article `item_id` as one HTML page that needs nothing else (the style and pictures
    inside it), and the file name to save it as."""
    item = queries.get_item(library.store, item_id)
    body = item.article_html or item.content_html or item.summary_html
    budget = MOST_INLINED

    def inline(match: re.Match[str]) -> str:
        nonlocal budget
        path = library.images.path(match.group(1))
        if path is None or not inside(path, library.images_root):
            return 'src=""'
        data = path.read_bytes()
        if len(data) > budget:
            return 'src=""'
        budget -= len(data)
        kind = _IMAGE_TYPES.get(path.suffix.lower(), "application/octet-stream")
        return f'src="data:{kind};base64,{base64.b64encode(data).decode()}"'

    body = re.sub(rf'src="{LOCAL_IMAGE_SCHEME}:([0-9a-f]{{64}}\.[a-z]+)"', inline, body)
    title = html.escape(item.title or item.url)
    direction = "rtl" if lang == "ur" else "ltr"
    text = (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLE}</style><title>{title}</title></head><body><main>"
        f'<article dir="auto" lang="{html.escape(item.lang)}"><h1>{title}</h1>{body}</article>'
        f'<p class="note" dir="ltr">{html.escape(item.url)}</p></main></body></html>'
    )
    return text, readable_name(item.title, ".html", f"article-{item_id}")


_IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml",
}  # fmt: skip


class EventPacks:
    """Each event as one ZIM file, made on the first ask and kept in the cache while what is
    tagged for the event stays the same (one maker per event at a time)."""

    def __init__(self, store: Store, paths: Paths) -> None:
        self.store, self.paths = store, paths
        self.folder = paths.cache_dir / "lan-zim"
        self.locks: dict[int, threading.Lock] = {}
        self.guard = threading.Lock()

    def pack(self, event_id: int, lang: str) -> tuple[Path, str]:
        """The ZIM of the event `event_id` with pages in `lang`, and the name to save it as;
        raises NotFound for an event that is not there."""
        from tiffin.share.export import Selection  # noqa: PLC0415
        from tiffin.share.zim import write_zim  # noqa: PLC0415 (libzim only when asked)

        event = next((e for e in events.list_events(self.store) if e.id == event_id), None)
        if event is None:
            raise NotFound(f"there is no event #{event_id}")
        with self.guard:
            lock = self.locks.setdefault(event_id, threading.Lock())
        with lock:
            path = self.folder / f"event-{event_id}-{lang}-{self._version(event.name)}.zim"
            if not path.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                for old in self.folder.glob(f"event-{event_id}-{lang}-*.zim"):
                    old.unlink(missing_ok=True)
                write_zim(self.store, self.paths, Selection(event=event.name), path, lang=lang,
                          title=event.name)  # fmt: skip
        return path, readable_name(event.name, ".zim", f"event-{event_id}")

    def _version(self, name: str) -> str:
        """A short digest of what is tagged for the event and how far it is packed."""
        with self.store.read() as db:
            row = db.execute(
                "SELECT COUNT(*), MAX(i.fetched_at), MAX(i.article_state), "
                " (SELECT COUNT(*) || '-' || COALESCE(MAX(finished_at), 0) FROM downloads"
                "  WHERE status = 'done')"
                " FROM items i JOIN sources s ON s.id = i.source_id"
                " JOIN events e ON e.id = s.event_id WHERE e.name = ?",
                (name,),
            ).fetchone()
        return hashlib.sha256(repr(tuple(row)).encode()).hexdigest()[:12]
