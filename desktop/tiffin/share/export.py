"""Exporting a selection of the library to a bundle folder (see layout.py), resumably.

What is chosen: items of some sources, a folder, a date range, an event, or by id; with them
their sources, full articles, pictures and finished media (with subtitles and thumbnail).
Files are copied in streams with their SHA-256 computed on the way (hashing runs beside the
writing, on the other core, and the next copy does not wait for it); a journal in the bundle
lets a run that was cut short skip every file already copied. The manifest is signed and
written last.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin import __version__
from tiffin.config import Paths
from tiffin.errors import DiskFull, TiffinError
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.share import keys
from tiffin.share.layout import (
    FORMAT,
    JOURNAL,
    LIBRARY,
    MANIFEST,
    PART_BYTES,
    SIGNATURE,
    safe_name,
)

CHUNK = 4 * 1024 * 1024
ITEM_COLUMNS = (
    "id, source_id, dedup_key, guid, url, title, author, summary_html, content_html, text,"
    " published, fetched_at, article_state, article_html, article_note, lang, duration,"
    " live_status"
)


class ExportError(TiffinError):
    """The bundle could not be written (the folder, the selection); what was copied stays."""


@dataclass(frozen=True)
class Selection:
    """What to export; empty fields do not narrow it. Without any, everything."""

    source_ids: tuple[int, ...] = ()
    folder: str | None = None
    since: float | None = None  # published (or fetched) at or after
    until: float | None = None
    event: str | None = None
    item_ids: tuple[int, ...] = ()
    media: bool = True

    @property
    def everything(self) -> bool:
        """Nothing narrows it: the whole library, media without an item included."""
        narrowing = (self.source_ids, self.folder, self.since, self.until, self.event)
        return all(v is None or v == () for v in (*narrowing, self.item_ids))


@dataclass(frozen=True)
class ExportProgress:
    """Bytes copied so far of all the bytes the bundle's files hold."""

    done: int
    total: int
    current: str


@dataclass
class ExportReport:
    """What an export wrote."""

    folder: Path
    items: int = 0
    files: int = 0
    bytes: int = 0
    skipped: int = 0  # files a previous run had already copied
    packer: keys.Packer | None = None


@dataclass(frozen=True)
class _Planned:
    """A library file to copy: from where, to which bundle path(s)."""

    source: Path
    target: str
    size: int


def _selected_items(db: sqlite3.Connection, chosen: Selection) -> list[sqlite3.Row]:
    where: list[str] = []
    args: list[object] = []
    if chosen.source_ids:
        where.append(f"i.source_id IN ({','.join('?' * len(chosen.source_ids))})")
        args += list(chosen.source_ids)
    if chosen.folder is not None:
        where.append("s.folder = ?")
        args.append(chosen.folder)
    if chosen.since is not None:
        where.append("COALESCE(i.published, i.fetched_at) >= ?")
        args.append(chosen.since)
    if chosen.until is not None:
        where.append("COALESCE(i.published, i.fetched_at) < ?")
        args.append(chosen.until)
    if chosen.event is not None:
        where.append(
            "(s.event_id = (SELECT id FROM events WHERE name = ?) OR i.id IN (SELECT item_id"
            " FROM downloads WHERE event_id = (SELECT id FROM events WHERE name = ?)))"
        )
        args += [chosen.event, chosen.event]
    if chosen.item_ids:
        where.append(f"i.id IN ({','.join('?' * len(chosen.item_ids))})")
        args += list(chosen.item_ids)
    columns = ", ".join(f"i.{c.strip()}" for c in ITEM_COLUMNS.split(","))
    query = f"SELECT {columns} FROM items i JOIN sources s ON s.id = i.source_id"
    if where:
        query += " WHERE " + " AND ".join(where)
    return list(db.execute(query + " ORDER BY i.id", args).fetchall())


def selected_records(
    store: Store, paths: Paths, chosen: Selection
) -> tuple[list[dict[str, Any]], list[_Planned]]:
    """The library lines of the bundle, and the files to copy with it."""
    records: list[dict[str, Any]] = []
    planned: list[_Planned] = []
    images_root = paths.data_dir / "images"
    media_root = paths.data_dir / "media"
    with store.read() as db:
        items = _selected_items(db, chosen)
        item_ids = [row["id"] for row in items]
        source_ids = sorted({row["source_id"] for row in items})
        for row in db.execute(
            f"SELECT id, url, title, site_url, folder, kind FROM sources"
            f" WHERE id IN ({','.join('?' * len(source_ids))})",
            source_ids,
        ):
            records.append({**dict(row), "record": "source"})
        for row in items:
            record = {**dict(row), "record": "item"}
            record["enclosures"] = [
                dict(e)
                for e in db.execute(
                    "SELECT url, type, length FROM enclosures WHERE item_id = ?", (row["id"],)
                )
            ]
            record["images"] = [
                n[0]
                for n in db.execute("SELECT name FROM item_images WHERE item_id = ?", (row["id"],))
            ]
            records.append(record)
        names = sorted({name for r in records if r["record"] == "item" for name in r["images"]})
        for name in names:
            image = db.execute(
                "SELECT url, name, mime, bytes, width, height FROM images WHERE name = ?", (name,)
            ).fetchone()
            file = images_root / name[:2] / name
            if image is None or not file.is_file():
                continue
            records.append({**dict(image), "record": "image", "file": f"images/{name[:2]}/{name}"})
            planned.append(_Planned(file, f"images/{name[:2]}/{name}", file.stat().st_size))
        if chosen.media:
            event_clause = ""
            args: list[Any] = list(item_ids)
            if chosen.event is not None:
                event_clause = " OR event_id = (SELECT id FROM events WHERE name = ?)"
                args.append(chosen.event)
            if chosen.everything:
                event_clause = " OR 1"
            rows = db.execute(
                "SELECT id, item_id, url, quality, title, path, duration, subtitles, thumbnail,"
                " finished_at FROM downloads WHERE status = 'done' AND path IS NOT NULL AND"
                f" (item_id IN ({','.join('?' * len(item_ids))}){event_clause})",
                args,
            ).fetchall()
            for row in rows:
                record = {**dict(row), "record": "download"}
                record["files"] = {}
                extras = json.loads(row["subtitles"] or "[]")
                for role, relative in [("media", row["path"]), ("thumbnail", row["thumbnail"])] + [
                    (f"subtitle:{n}", s) for n, s in enumerate(extras)
                ]:
                    if not relative:
                        continue
                    file = media_root / relative
                    if not file.is_file():
                        continue
                    size = file.stat().st_size
                    target = f"media/{row['id']}-{safe_name(Path(relative).name)}"
                    parts = _part_names(target, size)
                    record["files"][role] = {"name": Path(relative).name, "parts": parts}
                    planned += [
                        _Planned(file, part, min(PART_BYTES, size - n * PART_BYTES))
                        for n, part in enumerate(parts)
                    ]
                records.append(record)
    return records, planned


def _part_names(target: str, size: int) -> list[str]:
    if size <= PART_BYTES:
        return [target]
    count = (size + PART_BYTES - 1) // PART_BYTES
    return [f"{target}.{n:03d}" for n in range(count)]


def _hash_range(source: Path, offset: int, size: int) -> str:
    """SHA-256 of `size` bytes of `source` from `offset` (read into one reused buffer)."""
    digest = hashlib.sha256()
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    with source.open("rb", buffering=0) as reader:
        reader.seek(offset)
        left = size
        while left > 0:
            count = reader.readinto(view[: min(CHUNK, left)])
            if not count:
                raise ExportError(f"{source} ended early; it changed while being exported")
            digest.update(view[:count])
            left -= count
    return digest.hexdigest()


def _copy_range(source: Path, offset: int, size: int, target: Path) -> None:
    """Copy `size` bytes of `source` from `offset` to `target`, in the kernel where it can."""
    with source.open("rb") as reader, target.open("wb") as writer:
        done = 0
        if hasattr(os, "copy_file_range"):
            try:
                while done < size:
                    count = os.copy_file_range(
                        reader.fileno(), writer.fileno(), size - done, offset + done, done
                    )
                    if count == 0:
                        break
                    done += count
            except OSError:  # a file system without it: copy in user space below
                done = 0
        if done < size:
            reader.seek(offset + done)
            writer.seek(done)
            left = size - done
            while left > 0:
                chunk = reader.read(min(CHUNK, left))
                if not chunk:
                    break
                writer.write(chunk)
                left -= len(chunk)
            done = size - left
    if done != size:
        raise ExportError(f"{source} ended early; it changed while being exported")


def _journal(folder: Path) -> dict[str, dict[str, Any]]:
    try:
        found = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write_json(path: Path, value: Any) -> bytes:
    data = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    temporary = path.with_name(path.name + ".partial")
    temporary.write_bytes(data)
    temporary.replace(path)
    return data


def export_bundle(
    store: Store,
    paths: Paths,
    folder: Path,
    chosen: Selection,
    packer_name: str,
    progress: Callable[[ExportProgress], None] | None = None,
    cancel: CancelToken | None = None,
) -> ExportReport:
    """Write the selection to `folder` as a signed bundle (continuing an earlier run there).

    Raises DiskFull if the files cannot fit (checked first), ExportError for an unusable
    folder, Cancelled (what was copied is kept and skipped next time).
    """
    records, planned = selected_records(store, paths, chosen)
    journal = _journal(folder)

    def copied(item: _Planned) -> bool:
        known = journal.get(item.target)
        return (
            known is not None
            and known.get("size") == item.size
            and (folder / item.target).is_file()
        )

    needed = sum(p.size for p in planned if not copied(p)) + 64 * 1024 * 1024
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    free = shutil.disk_usage(existing).free
    if free < needed:
        raise DiskFull(
            f"{existing} has {free // 2**20} MiB free; this bundle needs {needed // 2**20} MiB"
            " more; nothing was written"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write a bundle to {folder}: {exc}") from exc
    if (folder / MANIFEST).exists():
        (folder / MANIFEST).unlink()  # it describes an older export; written again at the end
    report = ExportReport(folder, items=sum(1 for r in records if r["record"] == "item"))
    total = sum(p.size for p in planned)
    done = 0
    # Each file's SHA-256 is computed in a thread beside its copy (both release the GIL); the
    # next copy starts without waiting for it. A file counts as copied (renamed into place,
    # entered in the journal) once its hash is in, in order, and a copy that finished before a
    # cancel or a failure still counts.
    pending: list[tuple[_Planned, Path, Future[str]]] = []

    def settle() -> None:
        plan, temporary, digest = pending.pop()
        found = digest.result()
        temporary.replace(folder / plan.target)
        journal[plan.target] = {"size": plan.size, "sha256": found}
        _write_json(folder / JOURNAL, journal)

    with ThreadPoolExecutor(2, thread_name_prefix="hash") as hashing:
        try:
            for plan, offset in _with_offsets(planned):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if copied(plan):
                    report.skipped += 1
                else:
                    target = folder / plan.target
                    target.parent.mkdir(parents=True, exist_ok=True)
                    temporary = target.with_name(target.name + ".partial")
                    digest = hashing.submit(_hash_range, plan.source, offset, plan.size)
                    _copy_range(plan.source, offset, plan.size, temporary)
                    if pending:
                        settle()
                    pending.append((plan, temporary, digest))
                done += plan.size
                if progress is not None:
                    progress(ExportProgress(done, total, plan.target))
        finally:
            if pending:
                settle()
    library = "\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)
    (folder / LIBRARY).write_text(library + "\n", encoding="utf-8")
    library_bytes = (folder / LIBRARY).read_bytes()
    files = [
        {"path": p.target, "size": p.size, "sha256": journal[p.target]["sha256"]} for p in planned
    ]
    files.append(
        {
            "path": LIBRARY,
            "size": len(library_bytes),
            "sha256": hashlib.sha256(library_bytes).hexdigest(),
        }
    )
    packer = keys.own_packer(paths, packer_name)
    manifest = {
        "format": FORMAT,
        "created": time.time(),
        "tiffin": __version__,
        "packer": {"name": packer.name, "key": packer.key},
        "files": files,
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    (folder / SIGNATURE).write_text(keys.sign(paths, data) + "\n", encoding="ascii")
    temporary = folder / (MANIFEST + ".partial")
    temporary.write_bytes(data)
    temporary.replace(folder / MANIFEST)
    (folder / JOURNAL).unlink(missing_ok=True)
    report.files = len(files)
    report.bytes = total + len(library_bytes)
    report.packer = packer
    return report


def _with_offsets(planned: list[_Planned]) -> Iterator[tuple[_Planned, int]]:
    """Each planned copy with the offset it starts at in its source (parts of a split file)."""
    offsets: dict[Path, int] = {}
    for plan in planned:
        offset = offsets.get(plan.source, 0)
        offsets[plan.source] = offset + plan.size
        yield plan, offset
