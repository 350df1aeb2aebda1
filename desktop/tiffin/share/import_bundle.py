"""Importing a verified bundle: all of it or nothing.

The bundle is verified first (verify.py). Its files are copied into a staging folder beside
the library (split media joined again), then one database transaction merges sources (by
address), items (by source and identity, so nothing is doubled), pictures and finished media,
and moves the staged files into place. If anything fails, the transaction rolls back and every
file this import put down is removed: the library is as it was.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tiffin.addresses import web_address
from tiffin.config import Paths
from tiffin.errors import BadAddress
from tiffin.library.search import index_new_item
from tiffin.library.store import Store
from tiffin.markup import LOCAL_IMAGE_SCHEME, plain_text, sanitize_article, sanitize_html
from tiffin.share.layout import LIBRARY, MAX_LINE_BYTES, checked_path, safe_name
from tiffin.share.verify import BundleRefused, VerifiedBundle, verify_bundle

IMPORTED = "imported"  # media of bundles go under media/imported/


@dataclass
class ImportReport:
    """What an import added, and who signed the bundle."""

    bundle: VerifiedBundle
    sources: int = 0
    items: int = 0
    duplicates: int = 0
    images: int = 0
    media: int = 0
    placed: list[Path] = field(default_factory=list)


def _records(bundle: VerifiedBundle) -> list[dict[str, Any]]:
    if LIBRARY not in bundle.files:
        raise BundleRefused("the bundle has no library file")
    records = []
    with (bundle.folder / LIBRARY).open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if len(line) > MAX_LINE_BYTES:
                raise BundleRefused(f"line {number} of the library file is absurdly long")
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise BundleRefused(f"line {number} of the library file is broken: {exc}") from exc
            if not isinstance(record, dict) or record.get("record") not in (
                "source",
                "item",
                "image",
                "download",
            ):
                raise BundleRefused(f"line {number} of the library file is not a record")
            records.append(record)
    return records


def _text(record: dict[str, Any], key: str, default: str = "") -> str:
    value = record.get(key, default)
    return value if isinstance(value, str) else default


def _number(record: dict[str, Any], key: str) -> float | None:
    value = record.get(key)
    return float(value) if isinstance(value, int | float) else None


def _bundle_file(bundle: VerifiedBundle, relative: object) -> Path:
    """A file the manifest lists (and verification hashed); anything else is refused."""
    if not isinstance(relative, str) or relative not in bundle.files:
        raise BundleRefused(f"the library names {relative!r:.80}, which the manifest does not list")
    checked_path(relative)
    return bundle.folder / relative


def _stage(bundle: VerifiedBundle, records: list[dict[str, Any]], staging: Path) -> None:
    """Copy pictures and media into `staging` (parts joined), as they will be placed."""
    for record in records:
        if record["record"] == "image":
            source = _bundle_file(bundle, record.get("file"))
            target = staging / "images" / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        elif record["record"] == "download":
            files = record.get("files")
            if not isinstance(files, dict):
                raise BundleRefused("a media entry in the bundle names no files")
            for role, described in files.items():
                if not isinstance(described, dict) or not isinstance(described.get("parts"), list):
                    raise BundleRefused(f"the media entry's {role} is malformed")
                parts = [_bundle_file(bundle, p) for p in described["parts"]]
                name = safe_name(_text(described, "name") or parts[0].name)
                target = staging / "media" / str(record.get("id")) / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as out:
                    for part in parts:
                        with part.open("rb") as reader:
                            shutil.copyfileobj(reader, out, 4 * 1024 * 1024)
                        part.unlink()  # the verified copy: joined, it is not needed twice


def _web(url: str) -> str:
    """`url` if it is a web address, else ""."""
    try:
        return web_address(url)
    except BadAddress:
        return ""


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and 0 <= value < 2**63 else None


def _sanitised(record: dict[str, Any], images: list[str]) -> dict[str, str]:
    """An item's text fields as a fetch would have stored them: whoever packed the bundle,
    its HTML goes through the same sanitisers, and only its own packed pictures stay."""
    local = {f"{LOCAL_IMAGE_SCHEME}:{name}": f"{LOCAL_IMAGE_SCHEME}:{name}" for name in images}
    summary = sanitize_html(_text(record, "summary_html"))
    content = sanitize_html(_text(record, "content_html"))
    return {
        "url": _web(_text(record, "url")),
        "title": plain_text(_text(record, "title")),
        "author": plain_text(_text(record, "author")),
        "summary_html": summary,
        "content_html": content,
        "article_html": sanitize_article(_text(record, "article_html"), local),
        "text": _text(record, "text").replace("\0", ""),
    }


def _merge(
    db: sqlite3.Connection, records: list[dict[str, Any]], report: ImportReport, media_folder: str
) -> dict[str, str]:
    """Insert what is new; returns the media files to place: staged path -> media path."""
    now = time.time()
    bundle = report.bundle
    source_ids: dict[int, int] = {}
    for record in (r for r in records if r["record"] == "source"):
        url = _web(_text(record, "url"))
        if not url:
            raise BundleRefused("a source in the bundle has no web address")
        row = db.execute("SELECT id FROM sources WHERE url = ?", (url,)).fetchone()
        if row is None:
            row_id = db.execute(
                "INSERT INTO sources (url, title, site_url, folder, kind, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    url,
                    _text(record, "title"),
                    _text(record, "site_url"),
                    _text(record, "folder"),
                    _text(record, "kind", "feed"),
                    now,
                ),
            ).lastrowid
            report.sources += 1
        else:
            row_id = row[0]
        source_ids[int(record.get("id", -1))] = int(row_id or 0)
    item_ids: dict[int, int] = {}
    for record in (r for r in records if r["record"] == "item"):
        source_id = source_ids.get(int(record.get("source_id", -1)))
        key = _text(record, "dedup_key")
        if source_id is None or not key:
            raise BundleRefused("an item in the bundle has no source or identity")
        found = db.execute(
            "SELECT id FROM items WHERE source_id = ? AND dedup_key = ?", (source_id, key)
        ).fetchone()
        if found is not None:
            item_ids[int(record.get("id", -1))] = found[0]
            report.duplicates += 1
            continue
        names = [n for n in record.get("images") or [] if isinstance(n, str)]
        fields = _sanitised(record, names)
        columns = {
            "source_id": source_id,
            "dedup_key": key,
            **{
                name: _text(record, name)
                for name in ("guid", "article_state", "article_note", "lang", "live_status")
            },
            **fields,
            "published": _number(record, "published"),
            "fetched_at": _number(record, "fetched_at") or now,
            "duration": _number(record, "duration"),
            "packer": bundle.packer.key,
        }
        marks = ", ".join("?" * len(columns))
        new_id = db.execute(
            f"INSERT INTO items ({', '.join(columns)}) VALUES ({marks})", list(columns.values())
        ).lastrowid
        assert new_id is not None
        index_new_item(db, new_id, fields["title"], fields["text"])
        enclosures = record.get("enclosures") or []
        db.executemany(
            "INSERT OR IGNORE INTO enclosures (item_id, url, type, length) VALUES (?, ?, ?, ?)",
            [
                (new_id, _text(e, "url"), _text(e, "type"), _whole(e.get("length")))
                for e in enclosures
                if isinstance(e, dict) and _web(_text(e, "url"))
            ],
        )
        db.executemany(
            "INSERT OR IGNORE INTO item_images (item_id, name) VALUES (?, ?)",
            [(new_id, n) for n in names],
        )
        item_ids[int(record.get("id", -1))] = new_id
        report.items += 1
    for record in (r for r in records if r["record"] == "image"):
        added = db.execute(
            "INSERT OR IGNORE INTO images (url, name, mime, bytes, width, height)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                _text(record, "url"),
                _text(record, "name"),
                _text(record, "mime"),
                int(record.get("bytes") or 0),
                int(record.get("width") or 0),
                int(record.get("height") or 0),
            ),
        ).rowcount
        report.images += added
    placed: dict[str, str] = {}
    for record in (r for r in records if r["record"] == "download"):
        url, quality = _text(record, "url"), _text(record, "quality")
        if not _web(url):
            raise BundleRefused(f"a media entry in the bundle has no web address ({url!r:.80})")
        if db.execute(
            "SELECT 1 FROM downloads WHERE url = ? AND quality = ? AND status = 'done'",
            (url, quality),
        ).fetchone():
            report.duplicates += 1
            continue
        folder = f"{media_folder}/{record.get('id')}"
        files = record["files"]
        where = {role: f"{folder}/{safe_name(_text(d, 'name'))}" for role, d in files.items()}
        for role, relative in where.items():
            placed[f"{record.get('id')}/{safe_name(_text(files[role], 'name'))}"] = relative
        subtitles = [where[r] for r in sorted(where) if r.startswith("subtitle:")]
        last = db.execute("SELECT COALESCE(MAX(position), 0) FROM downloads").fetchone()[0]
        db.execute(
            "DELETE FROM downloads WHERE url = ? AND quality = ?", (url, quality)
        )  # a queued or failed entry for the same media is fulfilled by the bundle's file
        item = item_ids.get(int(record.get("item_id") or -1))
        db.execute(
            "INSERT INTO downloads (url, quality, title, status, position, path, duration,"
            " added_at, finished_at, item_id, subtitles, thumbnail, bytes_done)"
            " VALUES (?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                url,
                quality,
                _text(record, "title"),
                last + 1,
                where.get("media"),
                _number(record, "duration"),
                now,
                now,
                item,
                json.dumps(subtitles),
                where.get("thumbnail"),
            ),
        )
        report.media += 1
    return placed


def import_bundle(
    store: Store,
    paths: Paths,
    folder: Path,
    progress: Callable[[int, int], None] | None = None,
    require_trusted: bool = False,
) -> ImportReport:
    """Verify the bundle at `folder` and merge it into the library, all or nothing.

    Raises BundleRefused (nothing imported) for a bundle that fails verification, or whose
    packer is not trusted when `require_trusted`.
    """
    staging = paths.data_dir / f".import-{uuid.uuid4().hex[:12]}"
    report: ImportReport | None = None
    try:
        # Every file is read once, into the staging folder, and used from there.
        bundle = verify_bundle(folder, paths, progress, into=staging / "bundle")
        if require_trusted and bundle.trusted_as is None:
            raise BundleRefused(
                f"the bundle is signed by {bundle.packer.name!r} ({bundle.packer.fingerprint}),"
                " whom you have not marked as trusted; nothing was imported"
            )
        records = _records(bundle)
        report = ImportReport(bundle)
        _place(store, paths, bundle, records, staging, report)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _place(
    store: Store,
    paths: Paths,
    bundle: VerifiedBundle,
    records: list[dict[str, Any]],
    staging: Path,
    report: ImportReport,
) -> None:
    media_root = paths.data_dir / "media"
    images_root = paths.data_dir / "images"
    media_folder = f"{IMPORTED}/{uuid.uuid4().hex[:8]}"
    try:
        _stage(bundle, records, staging)
        with store.write() as db:
            placed = _merge(db, records, report, media_folder)
            for staged in (
                sorted((staging / "images").rglob("*")) if (staging / "images").exists() else []
            ):
                if staged.is_file():
                    target = images_root / staged.parent.name / staged.name
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        staged.replace(target)
                        report.placed.append(target)
            for staged_name, relative in placed.items():
                target = media_root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                (staging / "media" / staged_name).replace(target)
                report.placed.append(target)
    except BaseException:
        for file in report.placed:
            file.unlink(missing_ok=True)
        raise
