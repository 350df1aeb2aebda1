"""The ways Tiffin reads an article out of a page, each giving a candidate to choose from.

trafilatura in its precision mode is the best single method on the pages we measure, but it
drops a lead paragraph or a heading now and then; its recall mode keeps those and sometimes the
comments too; readability-lxml (Mozilla's Readability algorithm, a different approach to the
same task) disagrees with both on other pages. All three end the same way: a trailing run of
short lines that are no sentences ("Related", "Share", "More on this") is cut off.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass

from lxml import etree, html

from tiffin.articles.words import words
from tiffin.markup import html_to_text

logger = logging.getLogger(__name__)

PRECISION, RECALL, READABILITY = "precision", "recall", "readability"
METHODS = (PRECISION, RECALL, READABILITY)

_SENTENCE_END = re.compile(r"[.!?…。！？؟۔»\"”’)\]]\s*$")
_WRAPPERS = ("div", "section", "article", "main")
_KEEPS = ".//img|.//figure|.//table|.//video|.//audio|.//pre"
TRIM_WORDS = 12  # a trailing line this long, or ending a sentence, is kept
LINKED_WORDS = 30  # a trailing line all links and shorter than this is cut, sentence or not
TRIM_MOST = 2  # at most this many trailing lines are cut...
TRIM_SHARE = 0.2  # ...and never more than this share of the text
_BODY_TAGS = re.compile(r"^\s*<(?:body|div)[^>]*>|</(?:body|div)>\s*$")


@dataclass(frozen=True)
class Candidate:
    """One method's reading of a page: unsanitised HTML, its text and the metadata found."""

    method: str
    html: str
    text: str
    title: str = ""
    author: str = ""
    image_urls: tuple[str, ...] = ()  # each picture's address once, in order


def _last_block(container: html.HtmlElement) -> html.HtmlElement | None:
    node = container
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return None if node is container else node
        last = children[-1]
        if last.tag in _WRAPPERS and any(isinstance(c.tag, str) for c in last):
            node = last
            continue
        return last


def _is_tail_line(block: html.HtmlElement) -> bool:
    if block.tag in ("img", "figure") or (block.tag != "table" and block.xpath(_KEEPS)):
        return False  # a picture ends many articles; a layout table of a few words does not
    text = " ".join(block.text_content().split())
    linked = sum(len(" ".join(a.text_content().split())) for a in block.iter("a"))
    if text and linked >= 0.8 * len(text) and words(text) < LINKED_WORDS:
        return True  # a link to elsewhere, however it is punctuated
    return not text or not (_SENTENCE_END.search(text) or words(text) >= TRIM_WORDS)


def trim_tail(container: html.HtmlElement) -> html.HtmlElement:
    """`container` without its trailing lines that are neither sentences nor long, and the
    bare pictures after them (a related-articles box); a copy when anything was cut."""
    total = len(" ".join(container.text_content().split()))
    kept, cut = container, 0
    for _ in range(TRIM_MOST):
        work = copy.deepcopy(kept)
        last = _last_block(work)
        while last is not None and last.tag == "img":
            last.drop_tree()
            last = _last_block(work)
        if last is None or not _is_tail_line(last):
            break
        cut += len(" ".join(last.text_content().split()))
        last.drop_tree()
        kept = work
    return kept if cut <= TRIM_SHARE * total else container


def _meta(document: html.HtmlElement, name: str) -> str:
    found = document.find(f".//meta[@name='{name}']")
    return (found.get("content") or "").strip() if found is not None else ""


def _candidate(method: str, body: html.HtmlElement, title: str, author: str) -> Candidate:
    kept = trim_tail(body)
    serialised = etree.tostring(kept, encoding="unicode", method="html")
    inner = _BODY_TAGS.sub("", serialised).strip()
    pictures = tuple(dict.fromkeys(src for img in kept.iter("img") if (src := img.get("src"))))
    return Candidate(method, inner, html_to_text(inner), title, author, pictures)


def _trafilatura(tree: html.HtmlElement, page_url: str, method: str) -> Candidate | None:
    # Imported here: only extraction workers need trafilatura, and importing it took about
    # 70 ms of every `tiffin` command's start.
    import trafilatura  # noqa: PLC0415

    output = trafilatura.extract(
        tree,  # trafilatura reads a copy of a tree it is given
        url=page_url,
        output_format="html",
        include_images=True,
        include_links=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_precision=method == PRECISION,
        favor_recall=method == RECALL,
        with_metadata=method == PRECISION,  # the title and author once are enough
        # The feed gives the date; htmldate's extensive search (dateparser) was 60% of the time.
        date_extraction_params={"extensive_search": False},
    )
    if not output:
        return None
    document = html.fromstring(output)
    body = document.find("body")
    if body is None:
        return None
    return _candidate(method, body, _meta(document, "title"), _meta(document, "author"))


def _readability(tree: html.HtmlElement, page_url: str) -> Candidate | None:
    from readability import Document  # noqa: PLC0415

    page = etree.tostring(tree, encoding="unicode", method="html")
    try:
        # No address: the pictures' are absolute already, and the links stay as trafilatura's.
        summary = Document(page).summary(html_partial=True)
    except Exception as exc:  # one method failing must not lose the others
        logger.info("readability could not read %s: %s", page_url, exc)
        return None
    body = html.fromstring(summary)
    if not body.text_content().strip():
        return None
    return _candidate(READABILITY, body, "", "")


def read_with(tree: html.HtmlElement, page_url: str, method: str) -> Candidate | None:
    """The article `method` finds in the prepared page `tree` (left unchanged), or None."""
    if method == READABILITY:
        return _readability(tree, page_url)
    return _trafilatura(tree, page_url, method)
