"""Counting words in any script, for judging readings of a page against each other."""

from __future__ import annotations

import re
from collections import Counter

# Scripts written without spaces between words: one character is about half a word.
_SPACELESS = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> int:
    """About how many words `text` holds, in any script."""
    spaced = len(text.split())
    spaceless = len(_SPACELESS.findall(text))
    return max(spaced, spaceless // 2)


def tokens(text: str) -> Counter[str]:
    """The words of `text`, lower-cased, counted."""
    return Counter(t.lower() for t in _TOKEN.findall(text))
