"""OPML subscription lists: read (folders from nested outlines) and write, round-tripping both."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tiffin.addresses import web_address
from tiffin.errors import BadAddress, OpmlInvalid

FOLDER_SEPARATOR = "/"
MAX_FOLDER_DEPTH = 16  # folders nested deeper keep the name of this level
_FEED_TYPES = {"rss", "atom", "feed", "json", ""}


@dataclass(frozen=True)
class OpmlEntry:
    """One subscription from an OPML file: its feed address, title, site and folder path."""

    url: str
    title: str
    site_url: str = ""
    folder: str = ""


def _refuse_entities(data: bytes, name: str) -> None:
    # ElementTree expands internal entities; a DOCTYPE with them is how a billion-laughs file
    # starts, and no real subscription list needs one.
    if b"<!ENTITY" in data[:65536]:
        raise OpmlInvalid(f"{name} declares XML entities, which Tiffin does not expand")


def parse_opml(data: bytes, name: str = "the OPML file") -> list[OpmlEntry]:
    """The subscriptions in an OPML document, in file order.

    Outlines that hold other outlines are folders (nested ones joined with '/'); outlines with
    an xmlUrl are feeds. Raises OpmlInvalid for XML errors, a missing <opml> root, version or
    <body>, and a feed outline (type rss) without an xmlUrl.
    """
    _refuse_entities(data, name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlInvalid(f"{name} is not well-formed XML ({exc})") from exc
    except LookupError as exc:  # an encoding Python does not know, named in the declaration
        raise OpmlInvalid(f"{name} is in an encoding Tiffin cannot read ({exc})") from exc
    if root.tag != "opml":
        raise OpmlInvalid(f"{name} is not OPML: its root element is <{root.tag}>")
    if not root.get("version"):
        raise OpmlInvalid(f"{name} has no OPML version attribute")
    body = root.find("body")
    if body is None:
        raise OpmlInvalid(f"{name} has no <body>, so it lists no subscriptions")
    entries: list[OpmlEntry] = []
    _walk(body, entries, name)
    return entries


def _walk(body: ET.Element, out: list[OpmlEntry], name: str) -> None:
    """Every outline under `body` in file order, with a stack rather than recursion: a file
    nested a hundred thousand deep is read like any other (its folder names stop at
    MAX_FOLDER_DEPTH)."""
    stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(body), ())]
    while stack:
        children, folders = stack[-1]
        outline = next(children, None)
        if outline is None:
            stack.pop()
            continue
        if outline.tag != "outline":
            continue
        label = (outline.get("title") or outline.get("text") or "").strip()
        url = (outline.get("xmlUrl") or "").strip()
        kind = (outline.get("type") or "").lower()
        if url:
            out.append(
                OpmlEntry(
                    url=url,
                    title="" if label == url else label,
                    site_url=(outline.get("htmlUrl") or "").strip(),
                    folder=FOLDER_SEPARATOR.join(folders),
                )
            )
        elif kind in ("rss", "atom"):
            raise OpmlInvalid(f"{name}: the feed outline “{label}” has no xmlUrl")
        if len(outline):
            deeper = not url and len(folders) < MAX_FOLDER_DEPTH
            inner = (*folders, label.replace(FOLDER_SEPARATOR, "-")) if deeper else folders
            stack.append((iter(outline), inner))


def read_opml(path: Path) -> list[OpmlEntry]:
    """Read and parse an OPML file; raises OpmlInvalid (also when the file cannot be read)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OpmlInvalid(f"cannot read {path}: {exc.strerror}") from exc
    return parse_opml(data, str(path))


def fetchable(entries: Iterable[OpmlEntry]) -> tuple[list[OpmlEntry], list[str]]:
    """The entries Tiffin can subscribe to (http and https addresses), and why each other one
    was left out."""
    kept: list[OpmlEntry] = []
    refused: list[str] = []
    for entry in entries:
        try:
            kept.append(replace(entry, url=web_address(entry.url)))
        except BadAddress as exc:
            refused.append(str(exc))
    return kept, refused


def render_opml(entries: Iterable[OpmlEntry], title: str = "Tiffin subscriptions") -> bytes:
    """An OPML 2.0 document with one nested outline per folder level."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for entry in entries:
        path = tuple(p for p in entry.folder.split(FOLDER_SEPARATOR) if p) if entry.folder else ()
        for depth in range(1, len(path) + 1):
            key = path[:depth]
            if key not in folders:
                folders[key] = ET.SubElement(
                    folders[key[:-1]], "outline", text=key[-1], title=key[-1]
                )
        attrs = {
            "type": "rss",
            "text": entry.title or entry.url,
            "title": entry.title,
            "xmlUrl": entry.url,
        }
        if entry.site_url:
            attrs["htmlUrl"] = entry.site_url
        ET.SubElement(folders[path], "outline", attrs)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def write_opml(path: Path, entries: Iterable[OpmlEntry]) -> None:
    """Write an OPML file atomically (temporary name, then rename); raises OpmlInvalid when
    it cannot be written (nothing is left behind then)."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(render_opml(entries))
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OpmlInvalid(f"cannot write {path}: {exc.strerror}") from exc
