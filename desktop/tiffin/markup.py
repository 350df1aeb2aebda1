"""Untrusted HTML made safe to store and show (nh3 allow-list), and reduced to plain text."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import nh3


def sanitize_html(fragment: str) -> str:
    """Keep structure and links, drop scripts, handlers, styles, frames and unsafe URL schemes."""
    if not fragment:
        return ""
    return nh3.clean(fragment, link_rel="noopener noreferrer nofollow")


_ARTICLE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ARTICLE_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed"},
    "*": {"dir", "lang"},
}
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def sanitize_article(fragment: str, images: Mapping[str, str]) -> str:
    """A stored article: a strict allow-list (no classes, styles, frames, forms or media
    elements), links to http(s) and mailto only, and every picture either mapped through
    `images` (remote address -> local reference) or removed. The result loads nothing remote."""
    if not fragment:
        return ""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return images.get(value)
        return value

    cleaned = nh3.clean(
        fragment,
        tags=_ARTICLE_TAGS,
        attributes=_ARTICLE_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return _IMG_WITHOUT_SRC.sub("", cleaned)


def plain_text(fragment: str) -> str:
    """The visible text of an HTML fragment (script and style content dropped), on one line."""
    if not fragment:
        return ""
    if "<" in fragment or "&" in fragment:
        fragment = html.unescape(nh3.clean(fragment, tags=set()))
    elif "\0" in fragment:
        fragment = fragment.replace("\0", "")  # as the HTML parser drops it
    return " ".join(fragment.split())


# sanitize_html's output is serialised by html5ever: a "<" in text is escaped, and an attribute
# value is double-quoted with its own quotes escaped, so this matches exactly its tags.
_SERIALISED_TAG = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')


def sanitized_text(sanitized: str) -> str:
    """The visible text of `sanitize_html`'s output: what `plain_text` gives for the fragment
    it came from, at a fraction of the cost (the HTML is not parsed a second time)."""
    if "<" in sanitized or "&" in sanitized:
        sanitized = html.unescape(_SERIALISED_TAG.sub("", sanitized))
    return " ".join(sanitized.split())


_BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|pre|tr|figure|figcaption|table|ul|ol|dl|dd|dt|div)\s*>|<br\s*/?>",
    re.IGNORECASE,
)


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment with one blank line between blocks."""
    if not fragment:
        return ""
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    text = html.unescape(nh3.clean(marked, tags=set()))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(text: str) -> str:
    """Plain text as escaped HTML paragraphs, split at blank lines."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
