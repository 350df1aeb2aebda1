"""Which way a text runs: from its language when known, else from the letters it uses."""

from __future__ import annotations

import unicodedata

RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}
)
_SAMPLE = 2000


def is_right_to_left(lang: str, text: str) -> bool:
    """True for Urdu, Arabic, Persian, Hebrew and other right-to-left text.

    A page's language wins when it names one; otherwise the strong letters of the first part of
    the text decide (Arabic and Hebrew scripts against all others)."""
    primary = lang.strip().lower().replace("_", "-").split("-")[0]
    if primary:
        return primary in RTL_LANGUAGES
    rtl = ltr = 0
    for char in text[:_SAMPLE]:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr


def left_to_right(text: str) -> str:
    """`text` (an address, a path, an English reason) as one left-to-right run that keeps its
    own order inside right-to-left text (Unicode's isolates, which Qt lays out)."""
    return f"\u2066{text}\u2069"


def isolated(text: str) -> str:
    """`text` (a name the user gave, in any script) as a run that takes its own direction and
    leaves the text around it in its own: an Urdu event name inside an English line does not
    turn the line right to left, nor an English one an Urdu line."""
    return f"\u2068{text}\u2069"
