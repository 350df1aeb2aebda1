"""File names for downloaded media that every common file system accepts.

The strictest rules win: Windows forbids `<>:"/\\|?*`, control characters, names ending in a
dot or a space, and device names such as CON or LPT1 (with any extension); FAT32 and exFAT
share most of that; macOS stores names decomposed, so names are normalised to NFC first and
compared that way; ext4 and most others cap a name at 255 bytes, so the UTF-8 form is cut at a
character boundary, never inside a letter (Urdu or emoji included).
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 240  # under 255, leaving room for ".part" and similar suffixes while in flight
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³"]
)


def _cut_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    cut = encoded[:max_bytes].decode("utf-8", errors="ignore")
    # Do not leave a lone combining mark or joiner at the end of a cut name.
    while cut and unicodedata.category(cut[-1]) in ("Mn", "Mc", "Cf"):
        cut = cut[:-1]
    return cut


def safe_stem(title: str, max_bytes: int) -> str:
    """`title` made into a file name stem of at most `max_bytes` UTF-8 bytes (never empty)."""
    text = unicodedata.normalize("NFC", title)
    text = _FORBIDDEN.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn"))
    text = _SPACES.sub(" ", text).strip(" .")
    text = _cut_utf8(text, max_bytes).rstrip(" .")
    if not text:
        return "untitled"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


def safe_filename(title: str, ext: str, suffix: str = "") -> str:
    """A portable file name for media titled `title`: `<title><suffix>.<ext>`.

    `suffix` (say " [42]", the download's id) keeps two equal titles apart; it and the
    extension are always kept whole, the title is shortened to fit.
    """
    ext = re.sub(r"[^A-Za-z0-9]", "", ext)[:10] or "bin"
    tail = f"{_FORBIDDEN.sub('', suffix)}.{ext}"
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    return safe_stem(title, room) + tail
