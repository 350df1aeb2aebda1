"""Untrusted HTML made safe to store and show (nh3 allow-list), and reduced to plain text."""

from __future__ import annotations

import html
import re

import nh3


def sanitize_html(fragment: str) -> str:
    """Keep structure and links, drop scripts, handlers, styles, frames and unsafe URL schemes."""
    if not fragment:
        return ""
    return nh3.clean(fragment, link_rel="noopener noreferrer nofollow")


def plain_text(fragment: str) -> str:
    """The visible text of an HTML fragment (script and style content dropped), on one line."""
    if not fragment:
        return ""
    if "<" in fragment or "&" in fragment:
        fragment = html.unescape(nh3.clean(fragment, tags=set()))
    return " ".join(fragment.split())


def text_to_html(text: str) -> str:
    """Plain text as escaped HTML paragraphs, split at blank lines."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
