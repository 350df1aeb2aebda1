"""A reader for everyday RSS and Atom documents that finds what feedparser finds, several
times faster, and declines whatever it is not built for.

feedparser spends most of a large refresh in its own machinery: for every element a method
lookup, a push and a pop with a dozen checks, whatever the element holds. This reader drives
expat itself and keeps only the state of feedparser's parser that decides the fields Tiffin
stores (the feed's title and link; each entry's id, link, title, author, summary, content,
enclosures and dates), following feedparser's handlers for those step by step, down to their
quirks (which of two titles wins, when a description becomes content, how an author's name and
email are joined). Elements whose handlers fill only fields Tiffin never reads are passed over.

It gives up (`read_fast` returns None, and feedparser reads the document as before) on anything
it was not built for: a document feedparser would not read with its strict parser or would flag
(an encoding problem, a well-formedness error), a DOCTYPE, a root other than `rss` or Atom 1.0's
`feed`, XHTML or base64 content, an element inside a text element, and any element with a
feedparser handler this module does not know (so a feedparser that grows a new handler is not
silently misread). Tests hold it to feedparser's answer on every fixture and on thousands of
generated documents.
"""

from __future__ import annotations

import contextlib
import logging
import re
import xml.parsers.expat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import feedparser.encodings
import feedparser.mixin
from feedparser.api import StrictFeedParser
from feedparser.datetimes import _parse_date
from feedparser.urls import _urljoin, make_safe_absolute_uri

from tiffin.sources.feeds import harmless_problem

logger = logging.getLogger(__name__)
_Mixin = feedparser.mixin._FeedParserMixin
_MATCH_NAMESPACES = {uri.lower(): prefix for uri, prefix in _Mixin.namespaces.items()}
_ATOM10 = "http://www.w3.org/2005/Atom"
_XLINK = "http://www.w3.org/1999/xlink"
_HTML_TYPES = frozenset(_Mixin.html_types)
_COPIED_TO_SUMMARY = _HTML_TYPES | {"text/plain"}
_CAN_BE_RELATIVE = frozenset(_Mixin.can_be_relative_uri)
_QUERY_FIX = re.compile("&([A-Za-z0-9_]+);")
_CP1252_EXTRAS = re.compile("[\x80-\x9f]")
_RSS_VERSIONS = {"0.91": "rss091u", "0.92": "rss092", "0.93": "rss093", "0.94": "rss094"}
# Tags that do not end feedparser's "in image" / "in text input" state (its own hack).
_KEEP_TEXTINPUT = frozenset({"title", "link", "description", "name"})
_KEEP_IMAGE = frozenset({"title", "link", "description", "url", "href", "width", "height"})
# feedparser stores an element it has no handler for under its own name: these names would
# land on a field Tiffin reads.
_SENSITIVE = frozenset({
    "title", "link", "links", "id", "guid", "author", "authors", "summary", "description",
    "content", "enclosures", "published_parsed", "updated_parsed", "created_parsed",
    "date_parsed", "modified_parsed", "issued_parsed", "image", "textinput",
})  # fmt: skip
# Every handler feedparser's strict parser has, by the name it looks handlers up with.
FEEDPARSER_HANDLERS = frozenset(
    name.split("_", 2)[2] for name in dir(StrictFeedParser) if name.startswith(("_start_", "_end_"))
)


class _Decline(Exception):
    """The document is not one this reader is built for."""


@dataclass
class FastDoc:
    """What feedparser's result holds of the fields Tiffin reads: `version`, the feed's
    `title` and `link`, and entries as dicts with feedparser's keys."""

    version: str
    feed: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)


class _Context:
    """Hands feedparser's author-syncing method the one context dict it works on."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context

    def _get_context(self) -> dict[str, Any]:
        return self.context


def _sync_author(context: dict[str, Any]) -> None:
    _Mixin._sync_author_detail(_Context(context))


def _finish(text: str) -> str:
    """feedparser's last steps on every kept text: UTF-8 read as Latin-1 undone, and
    windows-1252's extra characters mapped to their code points."""
    if text.isascii():
        return text
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("iso-8859-1").decode("utf-8")
    if _CP1252_EXTRAS.search(text) is None:
        return text  # the mapping changes nothing else
    return text.translate(feedparser.mixin._cp1252)


class _Frame:
    """One open element: the handler kind, the text it collects (None when it collects
    none), whether a child element would leave this reader's ground, and its own data."""

    __slots__ = ("data", "expecting", "key", "kind", "leaf", "only", "pieces")

    def __init__(
        self, kind: str, pieces: list[str] | None, leaf: bool, data: Any = None, expecting: Any = 1
    ) -> None:
        self.kind = kind
        self.pieces = pieces
        self.leaf = leaf
        self.data = data
        self.expecting = expecting
        self.key = ""  # feedparser's name for the element's handler
        self.only: frozenset[str | None] | None = None  # the kinds a child may be (None: unknown)


class _Reader:
    """feedparser's parser state, reduced to what decides Tiffin's fields."""

    def __init__(self, baseuri: str) -> None:
        self.feed: dict[str, Any] = {}
        self.entries: list[dict[str, Any]] = []
        self.version = ""
        self.namespaces_in_use: dict[str, str] = {}
        self.namespacemap: dict[str | None, str] = {}
        self.baseuri = baseuri
        self.basestack: list[str] = []
        self.frames: list[_Frame] = []
        self.pieces: list[str] | None = None
        self.leaf = False
        self.only: frozenset[str | None] | None = None
        self.infeed = self.inentry = self.inimage = self.intextinput = 0
        self.inauthor = self.incontributor = self.inpublisher = self.insource = 0
        self.has_content = 0
        self.guidislink: Any = 0
        self.title_depth = -1
        self.depths: dict[str, int] = {}  # the current entry's property depths
        self.sourcedata: dict[str, Any] = {}
        self.names: dict[str, tuple[str, str, bool]] = {}
        self.safe_base: dict[str, str] = {}
        self.starts: dict[str, Callable[[dict[str, Any], int], _Frame]] = {
            kind: getattr(self, "_start_" + kind) for kind in _KINDS.values()
        }
        self.ends: dict[str, Callable[[_Frame, int], None]] = {
            kind: getattr(self, "_end_" + kind) for kind in (*_KINDS.values(), "generic")
        }

    # expat's callbacks --------------------------------------------------------------------

    def namespace(self, prefix: str | None, uri: str | None) -> None:
        if not uri:
            return
        lower = uri.lower()
        if (prefix and uri == _XLINK) or "backend.userland.com/rss" in lower:
            raise _Decline
        if not self.version:
            if (prefix, lower) == (None, "http://my.netscape.com/rdf/simple/0.9/"):
                self.version = "rss090"
            elif lower == "http://purl.org/rss/1.0/":
                self.version = "rss10"
            elif lower == "http://www.w3.org/2005/atom":
                self.version = "atom10"
        if lower in _MATCH_NAMESPACES:
            canonical = _MATCH_NAMESPACES[lower]
            changed = self.namespacemap.get(prefix or None) != canonical
            self.namespacemap[prefix or None] = canonical
            changed |= self.namespaces_in_use.get(canonical) != uri
            self.namespaces_in_use[canonical] = uri
        else:
            changed = self.namespaces_in_use.get(prefix or "") != uri
            self.namespaces_in_use[prefix or ""] = uri
        if changed:
            self.names.clear()  # names resolved so far may now resolve otherwise

    def text(self, data: str) -> None:
        pieces = self.pieces
        if pieces is not None:
            pieces.append(data)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.leaf:
            raise _Decline
        found = self.names.get(name)
        if found is None:
            found = self.names[name] = self._resolve(name)
        tag, key, bare = found
        depth = len(self.frames) + 1
        attrs_d = self._attributes(attrs) if attrs else {}
        self._enter_base(attrs_d)
        if depth == 1 and not (
            (tag == "rss" and " " not in name) or (tag == "feed" and name == _ATOM10 + " feed")
        ):
            raise _Decline
        if bare:
            if tag not in _KEEP_TEXTINPUT:
                self.intextinput = 0
            if tag not in _KEEP_IMAGE:
                self.inimage = 0
        kind = _KINDS.get(key)
        if kind is None and (key in FEEDPARSER_HANDLERS or key in _SENSITIVE):
            raise _Decline
        if self.only is not None and kind not in self.only:
            raise _Decline
        if kind:
            frame = self.starts[kind](attrs_d, depth)
        else:
            # feedparser keeps an unknown element's text apart, but gives it no place of its
            # own when it has attributes: its text then goes where its parent's goes.
            frame = _Frame("generic", self.pieces if attrs_d else None, False)
            frame.only = self.only
        frame.key = key
        self.frames.append(frame)
        self.pieces = frame.pieces
        self.leaf = frame.leaf
        self.only = frame.only

    def end(self, name: str) -> None:
        frames = self.frames
        frame = frames[-1]
        _, key, _ = self.names.get(name) or self._resolve(name)
        if key != frame.key:
            raise _Decline  # a namespace declared inside changed what the end tag names
        self.ends[frame.kind](frame, len(frames))
        frames.pop()
        basestack = self.basestack
        basestack.pop()
        if basestack and basestack[-1]:
            self.baseuri = basestack[-1]
        if frames:
            top = frames[-1]
            self.pieces = top.pieces
            self.leaf = top.leaf
            self.only = top.only
        else:
            self.pieces = None
            self.leaf = False
            self.only = None

    # how feedparser names an element and reads its attributes ------------------------------

    def _resolve(self, name: str) -> tuple[str, str, bool]:
        namespace, _, local = name.rpartition(" ")
        lower = namespace.lower()
        prefix = _MATCH_NAMESPACES.get(lower) if namespace else ""
        tag = local.lower()
        if prefix:
            tag = prefix.lower() + ":" + tag
        elif namespace:
            for given, uri in self.namespaces_in_use.items():
                if given and uri == namespace:
                    tag = given + ":" + tag
                    break
        tag = tag.lower()
        head, colon, suffix = tag.partition(":")
        if not colon:
            head, suffix = "", tag
        head = self.namespacemap.get(head, head)
        return tag, (head + "_" + suffix if head else suffix), not head

    @staticmethod
    def _attributes(attrs: dict[str, str]) -> dict[str, Any]:
        found: dict[str, str] = {}
        qnames: list[str] = []
        first_by_qname: dict[str, str] = {}
        for name, value in attrs.items():
            namespace, _, local = name.rpartition(" ")
            prefix = _MATCH_NAMESPACES.get(namespace.lower(), "") if namespace else ""
            found[(prefix + ":" + local if prefix else local).lower()] = value
            qnames.append(local)
            first_by_qname.setdefault(local, value)
        for qname in qnames:
            found[qname.lower()] = first_by_qname[qname]
        return {
            key: (value.lower() or value) if key in ("rel", "type") else value
            for key, value in found.items()
        }

    def _enter_base(self, attrs_d: Mapping[str, Any]) -> None:
        given = attrs_d.get("xml:base", attrs_d.get("base")) or self.baseuri
        current = self.baseuri
        if current and given == current:
            safe = self.safe_base.get(current)
            if safe is None:
                safe = self.safe_base[current] = make_safe_absolute_uri(current, current) or current
            self.baseuri = safe
        elif current:
            self.baseuri = make_safe_absolute_uri(current, given) or current
        else:
            self.baseuri = _urljoin(current, given)
        self.basestack.append(self.baseuri)

    # feedparser's helpers ----------------------------------------------------------------

    def _context(self) -> dict[str, Any]:
        if self.insource:
            return self.sourcedata
        if self.inimage and "image" in self.feed:
            image: dict[str, Any] = self.feed["image"]
            return image
        if self.intextinput:
            textinput: dict[str, Any] = self.feed["textinput"]
            return textinput
        if self.inentry:
            return self.entries[-1]
        return self.feed

    def _expecting(self) -> int:
        return self.infeed or self.inentry or self.insource

    def _value(self, frame: _Frame, element: str) -> str:
        """What feedparser's pop makes of a text element expecting text."""
        assert frame.pieces is not None
        output = "".join(frame.pieces).strip()
        if output and element in _CAN_BE_RELATIVE and (element != "id" or self.guidislink):
            output = _urljoin(self.baseuri or "", output)
        return _finish(output)

    def _store(self, element: str, output: str, depth: int) -> None:
        """Where feedparser's pop keeps a text (fields Tiffin never reads are left out)."""
        if element == "title" and -1 < self.title_depth <= depth:
            return
        if self.inentry and not self.insource:
            entry = self.entries[-1]
            if element == "link":
                if not self.inimage:
                    output = _QUERY_FIX.sub(r"&\g<1>", output.replace("&amp;", "&"))
                    entry["link"] = output
                    if output:
                        entry["links"][-1]["href"] = output
                return
            if element == "description":
                element = "summary"
            old = self.depths.get(element)
            if old is None or depth <= old:
                self.depths[element] = depth
                entry[element] = output
        elif self.infeed or self.insource:
            context = self._context()
            if element == "description":
                element = "subtitle"
            if element == "link":
                output = _QUERY_FIX.sub(r"&\g<1>", output)
                context["links"][-1]["href"] = output
            context[element] = output

    def _content_frame(
        self, kind: str, attrs_d: dict[str, Any], default: str, expecting: Any
    ) -> _Frame:
        content_type = _Mixin.map_content_type(attrs_d.get("type", default))
        if attrs_d.get("mode", "") == "base64" or not content_type.startswith("text/"):
            raise _Decline  # base64, XHTML or XML content: feedparser's own path
        return _Frame(kind, [], True, content_type, expecting)

    def _start_content_part(self, attrs_d: dict[str, Any]) -> _Frame:
        self.has_content = 1
        return self._content_frame("content", attrs_d, "text/plain", 1)

    def _end_content_part(self, frame: _Frame, depth: int) -> None:
        content_type = frame.data
        value = self._value(frame, "content")
        if (
            not self.version.startswith("atom")
            and content_type == "text/plain"
            and _Mixin.looks_like_html(value)
        ):
            content_type = "text/html"
        if self.inentry and not self.insource:
            part = {"type": content_type, "value": value}
            self.entries[-1].setdefault("content", []).append(part)
        elif self.infeed or self.insource:
            self._context()["content"] = value
        if frame.data in _COPIED_TO_SUMMARY:
            self._context().setdefault("summary", value)

    # handlers, one pair per kind ---------------------------------------------------------

    def _start_inert(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("inert", None, False)

    def _end_inert(self, frame: _Frame, depth: int) -> None:
        pass

    _end_generic = _end_inert

    def _start_inert_leaf(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("inert_leaf", None, True)

    _end_inert_leaf = _end_inert

    def _start_rss(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if not self.version or not self.version.startswith("rss"):
            given = attrs_d.get("version", "")
            self.version = _RSS_VERSIONS.get(given) or (
                "rss20" if given.startswith("2.") else "rss"
            )
        return _Frame("rss", None, False)

    _end_rss = _end_inert

    def _start_feed(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if depth != 1:
            raise _Decline
        self.infeed = 1
        if not self.version:
            self.version = "atom"
        return _Frame("feed", None, False)

    def _end_feed(self, frame: _Frame, depth: int) -> None:
        self.infeed = 0

    def _start_channel(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if "lastmod" in attrs_d or "href" in attrs_d:
            raise _Decline  # CDF
        self.infeed = 1
        return _Frame("channel", None, False)

    _end_channel = _end_feed

    def _start_item(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inentry or "lastmod" in attrs_d or "href" in attrs_d:
            raise _Decline  # nested, or CDF
        if any(name.endswith("about") for name in attrs_d):
            raise _Decline  # RDF's rdf:about, which feedparser takes for the id
        self.entries.append({})
        self.depths = {}
        self.inentry = 1
        self.guidislink = 0
        self.title_depth = -1
        return _Frame("item", None, False)

    def _end_item(self, frame: _Frame, depth: int) -> None:
        self.inentry = 0
        self.has_content = 0

    def _start_image(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.intextinput or self.insource:
            raise _Decline
        context = self._context()
        if not self.inentry:
            context.setdefault("image", {})
        self.inimage = 1
        self.title_depth = -1
        return _Frame("image", None, False)

    def _end_image(self, frame: _Frame, depth: int) -> None:
        self.inimage = 0

    def _start_textinput(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inentry or self.inimage or self.insource:
            raise _Decline
        self.feed.setdefault("textinput", {})
        self.intextinput = 1
        self.title_depth = -1
        return _Frame("textinput", None, False)

    def _end_textinput(self, frame: _Frame, depth: int) -> None:
        self.intextinput = 0

    def _start_source(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        self.title_depth = -1  # feedparser keeps a source's text and url where Tiffin never looks
        return _Frame("source", None, True)

    _end_source = _end_inert

    def _start_title(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return self._content_frame("title", attrs_d, "text/plain", self._expecting())

    def _end_title(self, frame: _Frame, depth: int) -> None:
        if frame.expecting:
            value = self._value(frame, "title")
            self._store("title", value, depth)
        else:
            value = "".join(frame.pieces or ()).strip()
        if value:
            self.title_depth = depth

    def _start_media_title(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        frame = self._start_title(attrs_d, depth)
        frame.kind = "media_title"
        return frame

    def _end_media_title(self, frame: _Frame, depth: int) -> None:
        title_depth = self.title_depth
        self._end_title(frame, depth)
        self.title_depth = title_depth

    def _start_description(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if "summary" in self._context() and not self.has_content:
            return self._start_content_part(attrs_d)
        return self._content_frame("description", attrs_d, "text/html", self._expecting())

    def _end_description(self, frame: _Frame, depth: int) -> None:
        if frame.expecting:
            self._store("description", self._value(frame, "description"), depth)

    def _start_summary(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if "summary" in self._context() and not self.has_content:
            return self._start_content_part(attrs_d)
        return self._content_frame("summary", attrs_d, "text/plain", 1)

    def _end_summary(self, frame: _Frame, depth: int) -> None:
        self._store("summary", self._value(frame, "summary"), depth)

    def _start_content(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return self._start_content_part(attrs_d)

    def _end_content(self, frame: _Frame, depth: int) -> None:
        self._end_content_part(frame, depth)

    def _start_content_encoded(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        self.has_content = 1
        return self._content_frame("content", attrs_d, "text/html", 1)

    _end_content_encoded = _end_content

    def _start_link(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        attrs_d.setdefault("rel", "alternate")
        attrs_d.setdefault(
            "type", "application/atom+xml" if attrs_d["rel"] == "self" else "text/html"
        )
        context = self._context()
        attrs_d = _Mixin._enforce_href(attrs_d)
        if "href" in attrs_d:
            attrs_d["href"] = _urljoin(self.baseuri or "", attrs_d["href"])
        links = context.setdefault("links", [])
        if not (self.inentry and self.inimage):
            links.append(attrs_d)
        if "href" in attrs_d:
            if (
                attrs_d.get("rel") == "alternate"
                and _Mixin.map_content_type(attrs_d.get("type")) in _HTML_TYPES
            ):
                context["link"] = attrs_d["href"]
            return _Frame("link", None, True, None, 0)
        return _Frame("link", [], True, None, self._expecting())

    def _end_link(self, frame: _Frame, depth: int) -> None:
        if frame.pieces is not None and frame.expecting:
            self._store("link", self._value(frame, "link"), depth)

    def _start_enclosure(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        attrs_d = _Mixin._enforce_href(attrs_d)
        attrs_d["rel"] = "enclosure"
        self._context().setdefault("links", []).append(attrs_d)
        return _Frame("enclosure", None, True)

    _end_enclosure = _end_inert

    def _start_guid(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        self.guidislink = attrs_d.get("ispermalink", "true") == "true"
        return _Frame("guid", [], True)

    def _end_guid(self, frame: _Frame, depth: int) -> None:
        value = self._value(frame, "id")
        self._store("id", value, depth)
        if self.guidislink:
            self._context().setdefault("link", value)

    def _start_author(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inauthor or self.incontributor or self.inpublisher:
            raise _Decline
        self.inauthor = 1
        self._context().setdefault("authors", []).append({})
        frame = _Frame("author", [], False)
        frame.only = _AUTHOR_PARTS
        return frame

    def _end_author(self, frame: _Frame, depth: int) -> None:
        self._store("author", self._value(frame, "author"), depth)
        self.inauthor = 0
        _sync_author(self._context())

    def _save_author(self, key: str, value: str) -> None:
        if self.inpublisher:
            if self.inentry:
                raise _Decline  # feedparser files a publisher's name under the entry's authors
            return
        if self.inauthor:
            context = self._context()
            _sync_author(context)
            context.setdefault("authors", [{}])[-1][key] = value

    def _start_name(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("name", [], True)

    def _end_name(self, frame: _Frame, depth: int) -> None:
        self._save_author("name", "".join(frame.pieces or ()).strip())

    def _start_email(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("email", [], True)

    def _end_email(self, frame: _Frame, depth: int) -> None:
        self._save_author("email", "".join(frame.pieces or ()).strip())

    def _start_url(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("url", [], True)

    def _end_url(self, frame: _Frame, depth: int) -> None:
        if self.inauthor and not self.inpublisher:
            self._save_author("href", self._value(frame, "href"))

    def _start_contributor(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inauthor or self.incontributor or self.inpublisher:
            raise _Decline
        self.incontributor = 1
        return _Frame("contributor", None, False)

    def _end_contributor(self, frame: _Frame, depth: int) -> None:
        self.incontributor = 0

    def _start_dc_contributor(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inauthor or self.incontributor or self.inpublisher:
            raise _Decline
        self.incontributor = 1
        return _Frame("dc_contributor", None, True)

    _end_dc_contributor = _end_contributor

    def _start_itunes_owner(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if self.inentry or self.inauthor or self.incontributor or self.inpublisher:
            raise _Decline
        self.inpublisher = 1
        return _Frame("itunes_owner", None, False)

    def _end_itunes_owner(self, frame: _Frame, depth: int) -> None:
        self.inpublisher = 0

    def _start_itunes_image(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        if attrs_d.get("href"):
            self._context()["image"] = {"href": attrs_d.get("href")}
        elif attrs_d.get("url"):
            self._context()["image"] = {"href": attrs_d.get("url")}
        return _Frame("itunes_image", None, True)

    _end_itunes_image = _end_inert

    def _start_itunes_category(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        frame = _Frame("itunes_category", None, False)
        frame.only = _ITUNES_CATEGORY
        return frame

    _end_itunes_category = _end_inert

    def _dated(self, frame: _Frame, key: str) -> None:
        if self.inentry and self._context() is self.entries[-1]:
            self.entries[-1][key] = _parse_date(self._value(frame, key[:-7]))

    def _start_published(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("published", [], True)

    def _end_published(self, frame: _Frame, depth: int) -> None:
        self._dated(frame, "published_parsed")

    def _start_updated(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("updated", [], True)

    def _end_updated(self, frame: _Frame, depth: int) -> None:
        self._dated(frame, "updated_parsed")

    def _start_created(self, attrs_d: dict[str, Any], depth: int) -> _Frame:
        return _Frame("created", [], True)

    def _end_created(self, frame: _Frame, depth: int) -> None:
        self._dated(frame, "created_parsed")


def _kinds() -> dict[str, str]:
    """feedparser's handler names (as it looks them up) -> the kind that stands for them."""
    same = {
        "rss": "rss", "channel": "channel", "feed": "feed", "item": "item", "entry": "item",
        "image": "image", "textinput": "textinput", "source": "source",
        "title": "title", "dc_title": "title", "media_title": "media_title",
        "description": "description", "dc_description": "description",
        "media_description": "description",
        "summary": "summary", "itunes_summary": "summary",
        "content": "content", "content_encoded": "content_encoded",
        "fullitem": "content_encoded",
        "link": "link", "enclosure": "enclosure", "guid": "guid", "id": "guid",
        "author": "author", "managingeditor": "author", "dc_author": "author",
        "dc_creator": "author", "itunes_author": "author",
        "name": "name", "itunes_name": "name", "email": "email", "itunes_email": "email",
        "url": "url", "homepage": "url", "uri": "url",
        "contributor": "contributor", "dc_contributor": "dc_contributor",
        "itunes_owner": "itunes_owner", "itunes_image": "itunes_image",
        "itunes_link": "itunes_image", "itunes_category": "itunes_category",
        "published": "published", "issued": "published", "pubdate": "published",
        "dcterms_issued": "published",
        "updated": "updated", "modified": "updated", "lastbuilddate": "updated",
        "dc_date": "updated", "dcterms_modified": "updated",
        "created": "created", "dcterms_created": "created",
    }  # fmt: skip
    # Handlers that fill only fields Tiffin never reads: with children allowed, and without
    # (text elements, and feedparser's own content-like ones that would treat a child as markup).
    for name in (
        "media_group", "media_content",
    ):  # fmt: skip
        same[name] = "inert"
    for name in (
        "cloud", "generator", "language", "dc_language", "width", "height", "expirationdate",
        "newlocation", "tags", "subtitle", "tagline", "itunes_subtitle", "rights", "copyright",
        "dc_rights", "info", "feedburner_browserfriendly", "webmaster", "dc_publisher",
        "itunes_block", "itunes_explicit", "itunes_keywords", "media_keywords", "media_rating",
        "media_credit", "media_restriction", "media_license", "media_thumbnail", "media_player",
        "dc_subject", "dcterms_valid", "georss_point", "georss_line", "georss_polygon",
        "georss_box", "category", "keywords", "media_category", "cc_license",
    ):  # fmt: skip
        same[name] = "inert_leaf"
    return same


_KINDS = _kinds()
# The kinds an author may hold: each keeps its text apart from the author's own, as feedparser
# does (an unknown element with attributes passes its text on, and this reader does the same).
_AUTHOR_PARTS = frozenset(
    {
        "name",
        "email",
        "url",
        None,
        "title",
        "media_title",
        "guid",
        "published",
        "updated",
        "created",
    }
)
_ITUNES_CATEGORY = frozenset({"itunes_category"})


def read_fast(body: bytes, url: str, headers: Mapping[str, str]) -> FastDoc | None:
    """The fields feedparser would give for `body` (fetched from `url` with the response
    `headers` feedparser is given), or None when this reader declines the document."""
    result: dict[str, Any] = {}
    try:
        data = feedparser.encodings.convert_to_utf8(dict(headers), body, result)
    except (LookupError, ValueError):  # a hostile encoding name: feedparser says what it is
        return None
    # convert_to_utf8 sets bozo only together with its exception.
    if not result.get("encoding") or not harmless_problem(result.get("bozo_exception")):
        return None
    start = re.search(rb"<\w", data)
    head = data[: start.start() if start else len(data)].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        return None
    contentloc = headers.get("content-location", "")
    reader = _Reader(make_safe_absolute_uri("", contentloc) or make_safe_absolute_uri(contentloc))
    parser = xml.parsers.expat.ParserCreate(None, " ")
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parser.StartNamespaceDeclHandler = reader.namespace
    parser.StartDoctypeDeclHandler = _decline
    parser.EntityDeclHandler = _decline
    try:
        parser.Parse(data, True)
    except (_Decline, xml.parsers.expat.ExpatError):
        return None
    except Exception:  # a state this reader was not built for: feedparser's path loses nothing
        logger.warning("fast feed reader failed on %s; feedparser reads it", url, exc_info=True)
        return None
    if not reader.version:
        return None
    return FastDoc(reader.version, reader.feed, reader.entries)


def _decline(*args: Any) -> None:
    raise _Decline
