"""Feeds in the wrong encoding: one that declares none (or the wrong one) but is Big5,
Shift-JIS or windows-1255 would come out as Latin-1 mojibake. When the declared or default
decoding fails, or gives replacement or C1 control characters, the encoding is detected
(charset_normalizer) and the document handed on as UTF-8, saying which was used."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import charset_normalizer

_XML_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", re.I)
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_C1 = re.compile("[\x80-\x9f\ufffd]")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_LATIN = {"cp1252", "latin_1", "iso8859_15"}


@dataclass(frozen=True)
class Redecoded:
    """A document re-encoded as UTF-8, and the encoding it was found to be in."""

    body: bytes
    encoding: str
    declared: str | None  # what the headers or the XML declaration said, if anything


def header_charset(content_type: str) -> str | None:
    """The charset a Content-Type header names, if any."""
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _declared(body: bytes, headers: Mapping[str, str]) -> str | None:
    named = header_charset(headers.get("content-type", ""))
    if named:
        return named
    found = _DECLARED.match(body[:512])
    return found.group(1).decode("ascii") if found else None


def _reads_cleanly(body: bytes, encoding: str) -> bool:
    try:
        text = body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return not _C1.search(text)


def redecoded(body: bytes, headers: Mapping[str, str]) -> Redecoded | None:
    """The document as UTF-8 when its declared (or, with none, UTF-8) decoding fails or
    leaves replacement or C1 control characters and another encoding reads it cleanly; None
    when it reads as it says (the common case, decided without detection)."""
    if body.startswith(_BOMS):
        return None  # a byte order mark is the most reliable declaration there is
    declared = _declared(body, headers)
    if _reads_cleanly(body, declared or "utf-8"):
        return None
    results = charset_normalizer.from_bytes(body[:1_000_000])
    best = results.best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    # Where Western text reads as cleanly as anything else, feedparser's own fallback
    # (windows-1252) is right: many Latin code pages tie on the same bytes.
    tied = [r for r in results if r.chaos <= best.chaos]
    if any(_LATIN & set(r.could_be_from_charset) for r in tied):
        return None
    found = best.encoding
    if declared and found.replace("_", "-").lower() == declared.replace("_", "-").lower():
        return None
    if not _reads_cleanly(body, found):
        return None
    text = body.decode(found)
    utf8 = text.encode("utf-8")
    utf8 = _XML_DECLARATION.sub(rb'\1 encoding="utf-8"', utf8, count=1)
    return Redecoded(utf8, found, declared)
