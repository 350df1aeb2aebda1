"""Site icons packed for offline: the icon a site's page names (the size nearest 32 pixels),
else its /favicon.ico; broken or hostile pictures refused; a site with none noted and not
asked again at every refresh."""

from __future__ import annotations

import io

from PIL import Image

from support.testweb import TestWeb
from tiffin.config import Paths, Settings
from tiffin.fetch.icons import ICON_SIDE, icon_png, pack_icons
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import queries
from tiffin.library.icons import icons, wanting_icons
from tiffin.library.store import Store


def _picture(kind: str, side: int, colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (side, side), colour).save(out, kind)
    return out.getvalue()


def _site(web: TestWeb, name: str, head: str) -> str:
    """A site with a feed whose <link> is the site's page, carrying `head`."""
    page = web.add(f"/{name}/", f"<html><head>{head}</head><body>hi</body></html>", "text/html")
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
        f"<link>{page}</link><item><guid>1</guid><title>one</title></item></channel></rss>"
    )
    return web.add(f"/{name}/feed.xml", feed, "application/rss+xml")


def _colour(png: bytes) -> tuple[int, int, int, int]:
    with Image.open(io.BytesIO(png)) as picture:
        assert picture.format == "PNG" and max(picture.size) == ICON_SIDE
        return picture.convert("RGBA").getpixel((8, 8))  # type: ignore[return-value]


def test_the_named_icon_else_the_favicon_is_kept_small_and_offline(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    web.add("/i/small.png", _picture("PNG", 16, "blue"), "image/png")
    web.add("/i/right.png", _picture("PNG", 64, "green"), "image/png")
    web.add("/i/broken.png", b"\x89PNG\r\n\x1a\n not really", "image/png")
    web.add("/favicon.ico", _picture("ICO", 48, "red"), "image/x-icon")
    named = _site(
        web,
        "named",
        '<link rel="icon" href="/i/small.png" sizes="16x16">'
        '<link rel="icon" href="/i/right.png" sizes="32x32">'
        '<link rel="mask-icon" type="image/svg+xml" href="/i/mask.svg">',
    )
    broken = _site(web, "broken", '<link rel="shortcut icon" href="/i/broken.png">')
    bare = _site(web, "bare", "")
    for feed in (named, broken, bare):
        queries.add_source(store, feed)
    refresh_sources(store, paths, settings)

    assert pack_icons(store, settings) == 3
    by_url = {s.url: s.id for s in queries.list_sources(store)}
    kept = icons(store)
    assert _colour(kept[by_url[named]])[:3] == (0, 128, 0)  # the 32-pixel one, made 32 wide
    assert _colour(kept[by_url[broken]])[:3] == (255, 0, 0)  # broken: the favicon instead
    assert _colour(kept[by_url[bare]])[:3] == (255, 0, 0)
    assert wanting_icons(store) == []
    asked = len(web.requests())
    assert pack_icons(store, settings) == 0 and len(web.requests()) == asked


def test_a_site_with_no_usable_icon_is_noted_and_left_until_later(
    web: TestWeb, store: Store, paths: Paths, settings: Settings
) -> None:
    bomb = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(bomb, "PNG")  # 50 kB, 400 million pixels
    web.add("/i/bomb.png", bomb.getvalue(), "image/png")
    feed = _site(web, "none", '<link rel="icon" href="/i/bomb.png">')
    source, _ = queries.add_source(store, feed)
    refresh_sources(store, paths, settings)
    assert pack_icons(store, settings) == 0
    assert icons(store) == {} and wanting_icons(store) == []  # tried; asked again in a week
    assert source.id in wanting_icons(store, now=1e12)
    assert icon_png(bomb.getvalue()) is None and icon_png(b"") is None
