"""What a bundle is on disk, and the rules every path in it obeys.

    BUNDLE/
      tiffin-bundle.json    the manifest: format, packer, and every file with size and SHA-256
      tiffin-bundle.sig     the packer's ed25519 signature of the manifest's exact bytes
      library.jsonl         sources, items (with their articles), pictures and media entries
      images/ab/<sha256>.<ext>
      media/<id>-<name>     a media file; one over FAT32's 4 GiB limit is split into
                            <name>.000, <name>.001, ... (joined again on import)

Names are safe on FAT32 and exFAT (no reserved characters or device names, at most 120
characters); the manifest is written last, so an export cut short has none and is run again.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

MANIFEST = "tiffin-bundle.json"
SIGNATURE = "tiffin-bundle.sig"
LIBRARY = "library.jsonl"
JOURNAL = ".tiffin-export-journal.json"
FORMAT = 1
PART_BYTES = 2 * 1024**3  # FAT32 holds files up to 4 GiB - 1; parts stay well under
MAX_NAME = 120
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_FILE_BYTES = 256 * 1024**3  # larger than any real video; beyond is an absurd claim
MAX_FILES = 1_000_000
MAX_LINE_BYTES = 64 * 1024 * 1024

_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}


def safe_name(name: str) -> str:
    """`name` as a file name any USB stick's file system accepts."""
    cleaned = _RESERVED.sub("_", unicodedata.normalize("NFC", name)).strip(" .")
    stem, dot, extension = cleaned.rpartition(".")
    if not dot:
        stem, extension = cleaned, ""
    if stem.upper() in _DEVICES or not stem:
        stem = f"_{stem}"
    extension = extension[:10]
    room = MAX_NAME - len(extension) - 1
    while len(stem.encode("utf-8")) > room:
        stem = stem[:-1]
    return f"{stem}.{extension}" if extension else stem


def checked_path(text: str) -> PurePosixPath:
    """A manifest path, or ValueError if it could point outside the bundle or is not one
    Tiffin writes (absolute, '..', backslashes, empty or unsafe parts)."""
    if not text or "\\" in text or "\x00" in text:
        raise ValueError(f"the path {text!r} is not allowed in a bundle")
    path = PurePosixPath(text)
    if path.is_absolute() or any(part in ("", ".", "..") for part in path.parts):
        raise ValueError(f"the path {text!r} points outside the bundle")
    if any(safe_name(part) != part for part in path.parts):
        raise ValueError(f"the path {text!r} has a name Tiffin does not write")
    return path
