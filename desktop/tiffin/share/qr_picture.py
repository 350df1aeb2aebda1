"""A swarm link read from a picture of its QR code (a photo of the seeding laptop's screen, a
screenshot, a printout), with zxing-cpp: the QR holds the magnet link and the addresses the
seeder is reached at, so a peer with no typing and no LAN discovery still finds it."""

from __future__ import annotations

from pathlib import Path

from tiffin.share.swarm import SwarmError

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
LARGEST_SIDE = 2400  # a phone photo is shrunk to this first: the code is found as well, faster
MOST_PIXELS = 100_000_000  # a picture claiming more is refused before it is decoded


def is_picture(text: str) -> bool:
    """Whether `text` names a picture file (by its suffix) that exists."""
    path = Path(text)
    return path.suffix.lower() in PICTURE_SUFFIXES and path.is_file()


def link_in_picture(path: Path) -> str:
    """The magnet link in the QR code pictured in `path`; raises SwarmError when the picture
    cannot be read or shows no QR code holding a magnet link."""
    import zxingcpp  # noqa: PLC0415 - only reading a QR picture needs it
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    try:
        with Image.open(path) as picture:
            if picture.width * picture.height > MOST_PIXELS:
                raise SwarmError(f"{path.name} is too large a picture to look for a QR code in")
            picture.draft("L", (LARGEST_SIDE, LARGEST_SIDE))  # JPEG: decoded at a fraction
            grey = picture.convert("L")
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise SwarmError(f"{path.name} is not a picture Tiffin can read: {exc}") from exc
    grey.thumbnail((LARGEST_SIDE, LARGEST_SIDE))
    found = zxingcpp.read_barcodes(grey)
    links = [code.text for code in found if code.text.startswith("magnet:")]
    if not links:
        raise SwarmError(f"no QR code holding a magnet link was found in {path.name}")
    return links[0]
