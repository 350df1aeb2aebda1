"""Two changes to how feedparser runs that leave what it returns the same, found by profiling
a 500-feed refresh (a test parses every fixture with and without them and compares):

- The SAX driver: this module is also an `xml.sax` driver (it has `create_parser`), put first
  in feedparser's list of preferred parsers. It is Python's expat reader with expat's text
  buffering on, so a run of text reaches feedparser's handler in one call rather than one per
  line and entity (about a tenth of its time on real feeds).
- feedparser resolves the document's base URI again at every start tag (urljoin and urlparse,
  about a fifth of its time). That function is pure and nearly every call repeats the one
  before, so the name feedparser's tag handler calls gets a bounded cache of it.

Each is applied only when feedparser's internals are still what they were built for; a
feedparser that changed them runs its own, unchanged path.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from xml.sax import expatreader

import feedparser.api
import feedparser.mixin
import feedparser.urls


class _BufferedExpatReader(expatreader.ExpatParser):
    def reset(self) -> None:
        super().reset()
        parser = self._parser  # type: ignore[attr-defined]
        parser.buffer_text = True


def create_parser(*args: Any, **kwargs: Any) -> expatreader.ExpatParser:
    """The `xml.sax` driver entry point: an expat reader that buffers text."""
    return _BufferedExpatReader(*args, **kwargs)


def install() -> None:
    """Apply both changes, once."""
    preferred = getattr(feedparser.api, "PREFERRED_XML_PARSERS", None)
    if isinstance(preferred, list) and __name__ not in preferred:
        preferred.insert(0, __name__)
    original: Callable[..., str] = feedparser.urls.make_safe_absolute_uri
    cached = functools.lru_cache(maxsize=1024)(original)
    if getattr(feedparser.mixin, "make_safe_absolute_uri", None) is original:
        feedparser.mixin.make_safe_absolute_uri = cached
