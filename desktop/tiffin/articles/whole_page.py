"""A kept raw page shown whole, for when the article read out of it looks short: its body as
sanitised HTML, with the pictures already stored and nothing that loads from the network."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from lxml import etree, html
from lxml.etree import ParserError

from tiffin.articles.extract import resolve_images
from tiffin.markup import LOCAL_IMAGE_SCHEME, sanitize_article

_UNSEEN = "//script|//style|//noscript|//template|//svg|//head|//iframe|//form|//object"


def whole_page(
    body: bytes, page_url: str, stored_pictures: Callable[[Sequence[str]], Mapping[str, str]]
) -> str:
    """The sanitised body of a kept page; `stored_pictures` maps the picture addresses it is
    given to the stored file names of those already kept. "" for a page with no body."""
    try:
        tree = html.document_fromstring(body)
    except (ParserError, ValueError):
        return ""
    for unseen in tree.xpath(_UNSEEN):
        unseen.drop_tree()
    resolve_images(tree, page_url)
    names = stored_pictures([img.get("src", "") for img in tree.iter("img")])
    references = {url: f"{LOCAL_IMAGE_SCHEME}:{name}" for url, name in names.items()}
    found = tree.find("body")
    fragment = etree.tostring(found if found is not None else tree, encoding="unicode")
    return sanitize_article(fragment, references)
