"""What a phone keeps from the LAN view: an article saved as one self-contained page, a video
under its title with ranges answered (a download manager resumes), and an event as one ZIM."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

from share.test_bundles import URDU
from share.test_lan_view import _base, shared
from tiffin.library import events, queries
from tiffin.share.serve import LanShare

__all__ = ["shared"]  # the fixture, shared with the LAN view's tests


@contextmanager
def _phone(share: LanShare) -> Iterator[httpx.Client]:
    """A phone that has typed the code."""
    with httpx.Client(base_url=_base(share), trust_env=False, follow_redirects=True) as client:
        assert client.get(f"/?t={share.code}").status_code == 200
        yield client


def test_an_article_is_saved_as_one_page_with_its_pictures_inside(shared: LanShare) -> None:
    with _phone(shared) as phone:
        urdu = next(i for i in queries.list_items(shared.store) if i.title == URDU)
        page = phone.get(f"/item/{urdu.id}")
        assert f'href="/item/{urdu.id}/page"' in page.text
        saved = phone.get(f"/item/{urdu.id}/page")
        assert saved.status_code == 200
        disposition = saved.headers["content-disposition"]
        assert disposition.startswith("attachment;")
        assert f"filename*=UTF-8''{quote(URDU + '.html')}" in disposition
        assert URDU in saved.text and 'dir="rtl"' not in saved.text  # the phone asked English
        assert 'src="data:image/png;base64,' in saved.text
        assert "/image/" not in saved.text and "/style.css" not in saved.text  # nothing outside


def test_a_video_is_downloaded_under_its_title_and_resumes(shared: LanShare, clip: Path) -> None:
    with _phone(shared) as phone:
        listing = phone.get("/media")
        assert 'href="/media/1/file"' in listing.text
        whole = phone.get("/media/1/file")
        assert whole.content == clip.read_bytes()
        assert "filename*=UTF-8''Rally%20video.mp4" in whole.headers["content-disposition"]
        rest = phone.get("/media/1/file", headers={"Range": f"bytes={len(whole.content) // 2}-"})
        assert rest.status_code == 206
        assert rest.content == whole.content[len(whole.content) // 2 :]


def test_an_event_is_kept_as_one_zim_made_once(shared: LanShare, tmp_path: Path) -> None:
    from libzim.reader import Archive  # noqa: PLC0415

    store = shared.store
    event = events.add_event(store, "جلسہ لاہور", time.time() + 3600)
    [source] = queries.list_sources(store)
    events.tag(store, event.name, source_ids=[source.id])
    with _phone(shared) as phone:
        assert f'href="/event/{event.id}.zim"' in phone.get("/").text
        first = phone.get(f"/event/{event.id}.zim", timeout=60)
        assert first.status_code == 200, first.text
        assert first.headers["content-type"] == "application/x-zim"
        assert quote("جلسہ لاہور.zim") in first.headers["content-disposition"]
        kept = tmp_path / "event.zim"
        kept.write_bytes(first.content)
        archive = Archive(kept)
        assert archive.check() and archive.has_entry_by_path("item/1")
        again = phone.get(f"/event/{event.id}.zim", headers={"Range": "bytes=0-99"})
        assert again.status_code == 206 and again.content == first.content[:100]  # the same file
        assert phone.get("/event/999.zim").status_code == 404
