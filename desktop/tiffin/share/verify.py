"""Checking a bundle before anything of it is used: its manifest's signature, then every file
(a regular file inside the bundle, of the stated size, with the stated SHA-256).

Anything else in the bundle folder that is a link or a device is refused too, so that a
bundle never makes Tiffin read outside itself. Files are hashed two at a time (hashlib
releases the GIL), as many USB sticks and every SSD read faster in parallel.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin.config import Paths
from tiffin.errors import TiffinError
from tiffin.share import keys
from tiffin.share.layout import (
    FORMAT,
    JOURNAL,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_MANIFEST_BYTES,
    SIGNATURE,
    checked_path,
)

CHUNK = 4 * 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class BundleRefused(TiffinError):
    """The bundle is damaged, altered, unsafe or unsigned; nothing of it was imported."""


@dataclass(frozen=True)
class FileEntry:
    """One file of a bundle as its manifest states it."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose signature and every file checked out."""

    folder: Path
    packer: keys.Packer
    trusted_as: str | None  # the name this user trusts the packer by, or None
    created: float
    files: dict[str, FileEntry]

    @property
    def total(self) -> int:
        """Bytes in the bundle's files."""
        return sum(f.size for f in self.files.values())


def _regular(path: Path, limit: int) -> os.stat_result:
    try:
        found = path.lstat()
    except OSError as exc:
        raise BundleRefused(f"{path.name} is missing from the bundle ({exc.strerror})") from exc
    if not stat.S_ISREG(found.st_mode):
        raise BundleRefused(f"{path} is not a plain file (a link or a device); refused")
    if found.st_size > limit:
        raise BundleRefused(f"{path} is larger than any bundle file can be; refused")
    return found


def _manifest(folder: Path) -> tuple[bytes, dict[str, Any]]:
    path = folder / MANIFEST
    if not path.exists() and (folder / JOURNAL).exists():
        raise BundleRefused(f"{folder} is an export that did not finish; run the export again")
    _regular(path, MAX_MANIFEST_BYTES)
    data = path.read_bytes()
    try:
        manifest = json.loads(data)
    except ValueError as exc:
        raise BundleRefused(f"the manifest of {folder} is not readable: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused(f"{folder} is not a Tiffin bundle this version can read")
    return data, manifest


def _entries(manifest: dict[str, Any]) -> dict[str, FileEntry]:
    files = manifest.get("files")
    if not isinstance(files, list) or len(files) > MAX_FILES:
        raise BundleRefused("the manifest's file list is missing or absurdly long")
    entries: dict[str, FileEntry] = {}
    for raw in files:
        if not isinstance(raw, dict):
            raise BundleRefused("the manifest lists something that is not a file")
        path, size, digest = raw.get("path"), raw.get("size"), raw.get("sha256")
        if not isinstance(path, str) or not isinstance(digest, str) or not _HEX64.match(digest):
            raise BundleRefused(f"the manifest's entry {raw!r:.80} is malformed")
        if not isinstance(size, int) or not 0 <= size <= MAX_FILE_BYTES:
            raise BundleRefused(f"the manifest claims an absurd size for {path}; refused")
        try:
            checked_path(path)
        except ValueError as exc:
            raise BundleRefused(f"{exc}; refused") from exc
        entries[path] = FileEntry(path, size, digest)
    return entries


def _no_links_or_devices(folder: Path) -> None:
    for root, folders, names in os.walk(folder, followlinks=False):
        for name in folders + names:
            mode = os.lstat(os.path.join(root, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                where = os.path.relpath(os.path.join(root, name), folder)
                raise BundleRefused(f"{where} in the bundle is a link or a device; refused")


def _hash(path: Path, copy: Path | None) -> tuple[str, int]:
    """The SHA-256 and size of the file at `path`, read once (never through a link), and
    written to `copy` as it is read: what is hashed is what the copy holds."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise BundleRefused(f"{path.name} cannot be read ({exc.strerror}); refused") from exc
    digest, size = hashlib.sha256(), 0
    with os.fdopen(handle, "rb") as reader:
        if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
            raise BundleRefused(f"{path} is not a plain file; refused")
        writer = None
        if copy is not None:
            copy.parent.mkdir(parents=True, exist_ok=True)
            writer = copy.open("xb")
        try:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if writer is not None:
                    writer.write(chunk)
        finally:
            if writer is not None:
                writer.close()
    return digest.hexdigest(), size


def verify_bundle(
    folder: Path,
    paths: Paths,
    progress: Callable[[int, int], None] | None = None,
    into: Path | None = None,
) -> VerifiedBundle:
    """Check everything about the bundle at `folder`; raises BundleRefused saying what is
    wrong. `progress(done, total)` follows the bytes hashed.

    With `into` (an empty folder to be), every file is copied there as it is hashed, and the
    result describes that copy: a file changed in the bundle after it was read is never used,
    since nothing of the bundle is read twice.
    """
    folder = Path(folder)
    if folder.is_symlink() or not folder.is_dir():
        raise BundleRefused(f"{folder} is not a bundle folder")
    data, manifest = _manifest(folder)
    raw_packer = manifest.get("packer")
    if not isinstance(raw_packer, dict):
        raise BundleRefused("the manifest names no packer")
    packer = keys.Packer(str(raw_packer.get("name", ""))[:100], str(raw_packer.get("key", "")))
    signature = folder / SIGNATURE
    _regular(signature, 4096)
    if not keys.signature_holds(
        packer, data, signature.read_text(encoding="ascii", errors="replace").strip()
    ):
        raise BundleRefused(
            "the signature does not match the manifest: the bundle was altered, or not signed"
            f" by the packer it names ({packer.name}, {packer.fingerprint})"
        )
    entries = _entries(manifest)
    _no_links_or_devices(folder)
    for entry in entries.values():
        found = _regular(folder / entry.path, MAX_FILE_BYTES)
        if found.st_size != entry.size:
            raise BundleRefused(
                f"{entry.path} is {found.st_size} bytes where the manifest says {entry.size}:"
                " the bundle is damaged or altered"
            )
    total = sum(e.size for e in entries.values())
    done = 0
    if into is not None:
        into.mkdir(parents=True)
        (into / MANIFEST).write_bytes(data)

    def hashed(entry: FileEntry) -> tuple[FileEntry, str, int]:
        copy = into / entry.path if into is not None else None
        return (entry, *_hash(folder / entry.path, copy))

    with ThreadPoolExecutor(2, thread_name_prefix="verify") as pool:
        for entry, digest, size in pool.map(hashed, entries.values()):
            if digest != entry.sha256 or size != entry.size:
                raise BundleRefused(
                    f"{entry.path} does not match its SHA-256 in the manifest: the bundle is"
                    " damaged or altered; nothing was imported"
                )
            done += entry.size
            if progress is not None:
                progress(done, total)
    created = manifest.get("created")
    return VerifiedBundle(
        folder if into is None else into,
        packer,
        keys.trusted(paths).get(packer.key),
        float(created) if isinstance(created, int | float) else 0.0,
        entries,
    )
