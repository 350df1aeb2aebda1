"""Changes to how feedparser runs that leave what it returns the same, found by profiling a
500-feed refresh (a test parses every fixture with and without them and compares):

- The SAX driver: this module is also an `xml.sax` driver (it has `create_parser`), put first
  in feedparser's list of preferred parsers. It is Python's expat reader with expat's text
  buffering on, so a run of text reaches feedparser's handler in one call rather than one per
  line and entity (about a tenth of its time on real feeds).
- feedparser resolves the document's base URI again at every start tag (urljoin and urlparse,
  about a fifth of its time). That function is pure and nearly every call repeats the one
  before, so the name feedparser's tag handler calls gets a bounded cache of it.
- FeedParserDict's lookups (`get`, `in`, `[]`): feedparser calls them about 200,000 times for
  500 feeds, and `get` and `in` on a missing key raise and catch a KeyError inside. For every
  key but the five it treats specially, the same answer is found without raising, trying the
  names its keymap gives in the order it tries them, worked out once (a tenth of its time).
- The windows-1252 repair: feedparser maps U+0080-U+009F in every text it keeps through
  `str.translate` with a dict, which raises and catches a LookupError for every character
  after the first non-ASCII one. A table that is a string (the same mapping, identity up to
  U+D7FF) answers those lookups without raising: about twice as fast on English text, a
  third faster on Urdu; characters past the table are left as they are, as before.
- FeedParserDict copies: feedparser deep-copies a small dict of content parameters for every
  summary and content; the generic deepcopy reconstructs it through pickle's protocol, a
  direct copy of its items is the same thing, about six times as fast.

Each is applied only when feedparser's internals are still what they were built for; a
feedparser that changed them runs its own, unchanged path.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any
from xml.sax import expatreader

import feedparser.api
import feedparser.mixin
import feedparser.urls
import feedparser.util

_Dict = feedparser.util.FeedParserDict
# The keys FeedParserDict answers with code of their own; every other key goes through keymap.
_SPECIAL_KEYS = frozenset({"category", "enclosures", "license", "updated", "updated_parsed"})
_MISSING = object()
# FeedParserDict's own methods that install() replaced, by name (the test puts them back).
REPLACED: dict[str, Callable[..., Any]] = {}
# feedparser's windows-1252 mapping as it was (the test puts it back).
ORIGINAL_CP1252: dict[int, str] = {}


class _BufferedExpatReader(expatreader.ExpatParser):
    def reset(self) -> None:
        super().reset()
        parser = self._parser  # type: ignore[attr-defined]
        parser.buffer_text = True


def create_parser(*args: Any, **kwargs: Any) -> expatreader.ExpatParser:
    """The `xml.sax` driver entry point: an expat reader that buffers text."""
    return _BufferedExpatReader(*args, **kwargs)


def _lookup_order(keymap: dict[str, str | list[str]]) -> dict[str, tuple[str, ...]]:
    """The names FeedParserDict tries, in order, for each key its keymap maps: the mapped
    name (or names), then the key itself."""
    return {
        key: (*(real if isinstance(real, list) else [real]), key) for key, real in keymap.items()
    }


_ORDER = _lookup_order(_Dict.keymap)
_dict_get = dict.get
_ATOMS = frozenset({str, int, float, bool, type(None)})


def _found(mapping: dict[str, Any], key: str, missing: Any = _MISSING) -> Any:
    """What FeedParserDict's own lookup finds for a key outside _SPECIAL_KEYS, or `missing`."""
    names = _ORDER.get(key)
    if names is None:
        return _dict_get(mapping, key, missing)
    for name in names:
        value = _dict_get(mapping, name, _MISSING)
        if value is not _MISSING:
            return value
    return missing


def _lookups(
    getitem: Callable[[Any, str], Any],
    get: Callable[..., Any],
    contains: Callable[[Any, str], bool],
) -> tuple[Callable[..., Any], ...]:
    def fast_getitem(self: Any, key: str) -> Any:
        if key in _SPECIAL_KEYS or not isinstance(key, str):
            return getitem(self, key)
        value = _found(self, key)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def fast_get(self: Any, key: str, default: Any = None) -> Any:
        if key in _SPECIAL_KEYS or not isinstance(key, str):
            return get(self, key, default)
        return _found(self, key, default)

    def fast_contains(self: Any, key: str) -> bool:
        if key in _SPECIAL_KEYS or not isinstance(key, str):
            return contains(self, key)
        return _found(self, key) is not _MISSING

    return fast_getitem, fast_get, fast_contains


def _deepcopy(self: Any, memo: dict[int, Any]) -> Any:
    # What copy.deepcopy does for a dict subclass, without the round trip through __reduce_ex__.
    twin = type(self)()
    memo[id(self)] = twin
    if self.__dict__:
        twin.__dict__.update(copy.deepcopy(self.__dict__, memo))
    for key, value in dict.items(self):
        # deepcopy hands back immutable atoms (all but a few of these values) as they are
        atom = type(key) in _ATOMS and type(value) in _ATOMS
        twin[key if atom else copy.deepcopy(key, memo)] = (
            value if atom else copy.deepcopy(value, memo)
        )
    return twin


def _translation_table(mapping: dict[int, str]) -> str:
    """`mapping` (code point -> character, for some code points) as a string table."""
    return "".join(mapping.get(point, chr(point)) for point in range(0xD800))


def install() -> None:
    """Apply every change, once."""
    mapping = getattr(feedparser.mixin, "_cp1252", None)
    if isinstance(mapping, dict) and all(
        isinstance(k, int) and k < 0xD800 and isinstance(v, str) for k, v in mapping.items()
    ):
        ORIGINAL_CP1252.update(mapping)
        feedparser.mixin._cp1252 = _translation_table(mapping)
    preferred = getattr(feedparser.api, "PREFERRED_XML_PARSERS", None)
    if isinstance(preferred, list) and __name__ not in preferred:
        preferred.insert(0, __name__)
    original: Callable[..., str] = feedparser.urls.make_safe_absolute_uri
    cached = functools.lru_cache(maxsize=1024)(original)
    if getattr(feedparser.mixin, "make_safe_absolute_uri", None) is original:
        feedparser.mixin.make_safe_absolute_uri = cached
    own = vars(_Dict)
    names = ("__getitem__", "get", "__contains__", "has_key")
    if "__deepcopy__" not in own and all(name in own for name in names):
        REPLACED.update((name, own[name]) for name in names)
        fast = _lookups(own["__getitem__"], own["get"], own["__contains__"])
        for name, function in zip(names, (*fast, fast[2]), strict=True):
            setattr(_Dict, name, function)
        _Dict.__deepcopy__ = _deepcopy
