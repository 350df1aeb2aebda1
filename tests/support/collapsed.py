"""Article pages whose second half sits apart from the first, as news sites ship them: in a
collapsed "read more" block (hidden until a click), or in a block whose name makes every
extractor take it for a comment section, so that what is read out is silently cut short."""

from __future__ import annotations

HIDDEN_LINE = "Paragraph 14 of the speech"


def _paragraph(number: int) -> str:
    return (
        f"<p>Paragraph {number} of the speech says that the rally went on through the evening,"
        " and that the crowd stayed until the very end of it all, whatever the police said.</p>"
    )


def _page(opening: str, closing: str) -> bytes:
    shown = "".join(_paragraph(n) for n in (1, 2))
    rest = "".join(_paragraph(n) for n in range(3, 15))
    return (
        "<html><head><title>Rally</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Rally</h1>{shown}<button>Read more</button>{opening}{rest}{closing}"
        "</article><footer>All rights reserved</footer></body></html>"
    ).encode()


def collapsed_page() -> bytes:
    """A heading and two paragraphs shown, twelve more collapsed (display: none)."""
    return _page("<div class='more' style='display:none'>", "</div>")


def mislabelled_page() -> bytes:
    """A heading and two paragraphs, the twelve more in a block named "comments"."""
    return _page("<div id='comments'>", "</div>")
