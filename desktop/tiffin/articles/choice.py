"""Choosing, page by page, which method's reading to keep, and saying when it looks short.

The methods err in different directions (one drops a paragraph, another keeps the comments),
and what one adds or drops alone the others rarely agree with. So the reading kept is the one
that agrees best with the others (token F1 summed over them), with a small head start for
trafilatura's precision mode, the best single method. Nothing here is random: the same page
always gets the same choice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html

from tiffin.articles.methods import METHODS, PRECISION, Candidate
from tiffin.articles.words import tokens, words

HEAD_START = 0.05  # what the preferred method's agreement is worth beforehand
DIFFERENT = 0.98  # a reading agreeing less than this with the kept one is another version
# A page whose paragraphs hold this much more than what was kept may have lost its end.
SHORT_SHARE = 0.5
SHORT_WORDS = 200
PROSE_WORDS = 20  # a paragraph this long counts as the page's prose
_NOT_PROSE = "ancestor::nav|ancestor::footer|ancestor::aside|ancestor::header|ancestor::form"


@dataclass(frozen=True)
class Choice:
    """The reading kept, the most different one left (None when all agree) and, when what was
    kept looks short against the page, the words the page's paragraphs hold."""

    kept: Candidate
    other: Candidate | None
    page_words: int = 0

    @property
    def short(self) -> bool:
        """Whether the page holds much more prose than the kept reading."""
        kept = words(self.kept.text)
        return self.page_words >= kept + SHORT_WORDS and kept < SHORT_SHARE * self.page_words


def agreement(a: Counter[str], b: Counter[str]) -> float:
    """Token F1 between two readings (0 when either is empty)."""
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def page_prose_words(tree: html.HtmlElement) -> int:
    """Words in the page's paragraphs long enough to be prose, outside navigation, headers,
    footers, asides and forms."""
    total = 0
    for paragraph in tree.iter("p"):
        if paragraph.xpath(_NOT_PROSE):
            continue
        count = words(paragraph.text_content())
        if count >= PROSE_WORDS:
            total += count
    return total


def choose(candidates: Sequence[Candidate], page_words: int = 0) -> Choice | None:
    """The reading to keep among `candidates` (None when there is none)."""
    readings = [c for c in candidates if c.text.strip()]
    if not readings:
        return None
    counted = {c.method: tokens(c.text) for c in readings}

    def score(candidate: Candidate) -> tuple[float, int]:
        own = counted[candidate.method]
        total = sum(agreement(own, counted[o.method]) for o in readings if o is not candidate)
        total += HEAD_START if candidate.method == PRECISION else 0.0
        order = METHODS.index(candidate.method) if candidate.method in METHODS else len(METHODS)
        return round(total, 9), -order

    ranked = sorted(readings, key=score, reverse=True)
    kept = ranked[0]
    others = [
        c for c in ranked[1:] if agreement(counted[c.method], counted[kept.method]) < DIFFERENT
    ]
    return Choice(kept, others[0] if others else None, page_words)


def settled(preferred: Candidate | None, other: Candidate | None) -> bool:
    """Whether the preferred reading and one other agree so well that a third reading could
    not win: it would need to agree with the other better than the preferred one does, by more
    than the head start, and agreement is at most 1."""
    if preferred is None or other is None:
        return False
    return agreement(tokens(preferred.text), tokens(other.text)) >= 1 - HEAD_START
