"""Pictures of articles, kept once per content under the data folder.

Only raster formats a reader can show (JPEG, PNG, GIF, WebP) are kept: the type is read from
the bytes, never from the server's word. A picture too large in bytes or in pixels (a
decompression bomb) is refused before anything decodes it.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tiffin.errors import TiffinError

MAX_IMAGE_BYTES = 12 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
DISPLAY_SIDE = 2048  # the long side pictures are kept at: sharp on any laptop screen
_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "GIF": ("gif", "image/gif"),
    "WEBP": ("webp", "image/webp"),
}


class ImageRefused(TiffinError):
    """The bytes are not a picture Tiffin keeps (with the reason)."""


@dataclass(frozen=True)
class StoredImage:
    """A kept picture: its file name under the image folder, type, size and dimensions."""

    name: str
    mime: str
    size: int
    width: int
    height: int


def inspect_image(data: bytes) -> tuple[str, str, int, int]:
    """(extension, mime type, width, height) of a picture we keep; raises ImageRefused."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRefused(f"picture of {len(data) // 1024} KiB is over the limit")
    try:
        with Image.open(io.BytesIO(data)) as picture:  # reads the header only
            kind, (width, height) = picture.format, picture.size
    except (
        OSError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ImageRefused(f"not a picture Tiffin can show ({exc})") from exc
    if kind not in _FORMATS:
        raise ImageRefused(f"{kind} pictures are not kept")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageRefused(f"picture of {width}x{height} pixels is too large to decode safely")
    extension, mime = _FORMATS[kind]
    return extension, mime, width, height


def _shrunk(data: bytes) -> bytes:
    """The picture scaled to DISPLAY_SIDE on its long side, in its own format (a GIF's first
    frame as PNG). JPEG is decoded at a reduced size to begin with (draft), so a large one
    never costs its full size in memory."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            kind = picture.format
            picture.draft("RGB", (DISPLAY_SIDE, DISPLAY_SIDE))
            picture.thumbnail((DISPLAY_SIDE, DISPLAY_SIDE))
            out = io.BytesIO()
            if kind == "JPEG":
                picture.convert("RGB").save(out, "JPEG", quality=85)
            elif kind == "WEBP":
                picture.save(out, "WEBP", quality=85)
            else:
                picture.save(out, "PNG")
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageRefused(f"the picture could not be reduced ({exc})") from exc


class ImageFolder:
    """The folder of kept pictures, named by the SHA-256 of their bytes (so each is stored once)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, name: str) -> Path | None:
        """The file for a stored name, or None for a name that is not one of ours."""
        stem, _, extension = name.partition(".")
        if len(stem) != 64 or not all(c in "0123456789abcdef" for c in stem):
            return None
        if extension not in {e for e, _ in _FORMATS.values()}:
            return None
        return self._file(name)

    def _file(self, name: str) -> Path:
        return self.root / name[:2] / name

    def save(self, data: bytes) -> StoredImage:
        """Keep `data` if it is a picture we show, at most DISPLAY_SIDE pixels on its long side
        (a larger one is stored shrunk; the original is not kept); raises ImageRefused
        otherwise."""
        extension, mime, width, height = inspect_image(data)
        if max(width, height) > DISPLAY_SIDE:
            data = _shrunk(data)
            extension, mime, width, height = inspect_image(data)
        name = f"{hashlib.sha256(data).hexdigest()}.{extension}"
        target = self._file(name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # Two threads may save the same bytes (found at two addresses) at once.
            partial = target.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
            partial.write_bytes(data)
            os.replace(partial, target)
        return StoredImage(name, mime, len(data), width, height)
