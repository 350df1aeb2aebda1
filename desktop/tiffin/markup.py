"""Untrusted HTML made safe to store and show (nh3 allow-list), and reduced to plain text."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import nh3

LOCAL_IMAGE_SCHEME = "tiffin-image"  # a packed picture: tiffin-image:<name> in stored HTML
_LINK_REL = "noopener noreferrer nofollow"
# In nh3's output (html5ever's serialisation) an attribute is double-quoted with its quotes
# escaped, so these find exactly its <img> tags and their attributes.
_IMG_TAG = re.compile(r'<img\b[^>"]*(?:"[^"]*"[^>"]*)*>')
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def _picture_link(tag: re.Match[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(tag.group(0)))
    src, alt = attributes.get("src", ""), attributes.get("alt", "")
    label = f"[picture: {alt}]" if alt else "[picture]"
    if not src.startswith(("http://", "https://")):
        return label if alt else ""
    return f'<a href="{src}" rel="{_LINK_REL}">{label}</a>'


def sanitize_html(fragment: str) -> str:
    """Keep structure and links, drop scripts, handlers, styles, frames and unsafe URL schemes.

    Pictures become plain links ("[picture: its alt text]"): stored item HTML loads nothing
    remote (no tracking pixel fires when it is read, shown on the LAN or opened elsewhere).
    """
    if not fragment:
        return ""
    cleaned = nh3.clean(fragment, link_rel=_LINK_REL)
    return _IMG_TAG.sub(_picture_link, cleaned) if "<img" in cleaned else cleaned


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
    `images` (its address -> local reference) or removed. The result loads nothing remote."""
    if not fragment:
        return ""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return images.get(value)
        if value.lower().startswith(LOCAL_IMAGE_SCHEME):
            return None  # a local reference is only ever a picture's source
        return value

    cleaned = nh3.clean(
        fragment,
        tags=_ARTICLE_TAGS,
        attributes=_ARTICLE_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto", LOCAL_IMAGE_SCHEME},
        link_rel=_LINK_REL,
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
