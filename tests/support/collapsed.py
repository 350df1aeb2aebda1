"""A page whose second half sits in a collapsed "read more" block (hidden until a click), as
many news sites ship it: what an extractor reads out of it is silently cut short."""

from __future__ import annotations

HIDDEN_LINE = "Paragraph 14 of the speech"


def _paragraph(number: int) -> str:
    return (
        f"<p>Paragraph {number} of the speech says that the rally went on through the evening,"
        " and that the crowd stayed until the very end of it all, whatever the police said.</p>"
    )


def collapsed_page() -> bytes:
    """The page: a heading and two paragraphs shown, twelve more collapsed."""
    shown = "".join(_paragraph(n) for n in (1, 2))
    hidden = "".join(_paragraph(n) for n in range(3, 15))
    return (
        "<html><head><title>Rally</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Rally</h1>{shown}<button>Read more</button>"
        f"<div class='more' style='display:none'>{hidden}</div></article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()
