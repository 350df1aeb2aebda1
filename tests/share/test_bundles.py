"""Bundles round-trip between two libraries; a tampered byte, a swapped file, a path out of
the bundle, a link, a wrong signature and an absurd size are each refused with the receiving
library unchanged; an export cut short continues; big files are split for FAT32."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from tiffin.articles.images import ImageFolder
from tiffin.config import Paths
from tiffin.errors import Cancelled
from tiffin.library import downloads, events, queries
from tiffin.library.articles import FULL, KnownImage, PackedArticle, save_article
from tiffin.library.downloads import DoneFile
from tiffin.library.models import NewItem
from tiffin.library.search import search
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.share import keys, layout
from tiffin.share.export import Selection, export_bundle
from tiffin.share.import_bundle import import_bundle
from tiffin.share.verify import BundleRefused, verify_bundle

URDU = "لاہور میں جلسہ"


def _png(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "PNG")
    return out.getvalue()


def _library(paths: Paths, store: Store, clip: Path) -> None:
    """A source with two items: one with a full article and a picture, one with a video."""
    source, _ = queries.add_source(
        store, "https://news.example/feed.xml", "News", folder="Pakistan"
    )
    items = [
        NewItem("a1", "https://news.example/a1", URDU, text="jalsa lahore"),
        NewItem("a2", "https://news.example/a2", "Rally video"),
    ]
    queries.save_items(store, source.id, items, time.time())
    first, second = sorted(queries.list_items(store, [source.id]), key=lambda i: i.id)
    stored = ImageFolder(paths.data_dir / "images").save(_png((200, 30, 30)))
    picture = KnownImage(
        "https://news.example/p.png", stored.name, stored.mime, stored.size, 40, 30
    )
    html = f'<p>{URDU}</p><img src="tiffin-image:{stored.name}">'
    packed = PackedArticle(
        first.id, FULL, URDU, html, "jalsa lahore full text", "ur", "", (stored.name,)
    )
    save_article(store, packed, None, [picture], time.time())
    entry = downloads.enqueue(store, "https://video.example/rally", item_id=second.id)
    media = paths.data_dir / "media"
    media.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clip, media / "Rally video.mp4")
    (media / "Rally video.ur.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nجلسہ\n")
    done = DoneFile(
        "Rally video", "Rally video.mp4", clip.stat().st_size, 8.0, ("Rally video.ur.vtt",)
    )
    downloads.record_done(store, entry.id, done)


@pytest.fixture
def sender(tmp_path: Path, clip: Path) -> tuple[Paths, Store]:
    paths = Paths.under(tmp_path / "sender").ensure()
    store = Store(paths.database)
    _library(paths, store, clip)
    return paths, store


@pytest.fixture
def receiver(tmp_path: Path) -> tuple[Paths, Store]:
    paths = Paths.under(tmp_path / "receiver").ensure()
    return paths, Store(paths.database)


def _snapshot(paths: Paths, store: Store) -> tuple[object, ...]:
    with store.read() as db:
        counts = tuple(
            db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sources", "items", "images", "downloads", "enclosures", "item_images")
        )
    files = sorted(
        str(p.relative_to(paths.data_dir)) for p in paths.data_dir.rglob("*") if p.is_file()
    )
    return counts, [f for f in files if not f.startswith("library.sqlite")]


def test_round_trip_merges_without_duplicates(
    sender: tuple[Paths, Store], receiver: tuple[Paths, Store], tmp_path: Path, clip: Path
) -> None:
    paths, store = sender
    usb = tmp_path / "usb" / "bundle"
    report = export_bundle(store, paths, usb, Selection(), "Ayesha")
    assert report.items == 2 and report.packer is not None
    assert (usb / layout.MANIFEST).is_file() and not (usb / layout.JOURNAL).exists()

    to_paths, to_store = receiver
    imported = import_bundle(to_store, to_paths, usb)
    assert imported.bundle.packer.name == "Ayesha" and imported.bundle.trusted_as is None
    assert (imported.sources, imported.items, imported.images, imported.media) == (1, 2, 1, 1)
    items = {i.title: i for i in queries.list_items(to_store)}
    assert set(items) == {URDU, "Rally video"}
    assert [h.title for h in search(to_store, "jalsa")] == [URDU]
    entry = downloads.list_downloads(to_store)[0]
    media = to_paths.data_dir / "media" / str(entry.path)
    assert media.read_bytes() == clip.read_bytes()
    assert entry.item_id == items["Rally video"].id and entry.status == downloads.Status.DONE
    assert (to_paths.data_dir / "media" / entry.subtitles[0]).read_text().endswith("جلسہ\n")
    with to_store.read() as db:
        (article,) = db.execute(
            "SELECT article_html FROM items WHERE article_state = 'full'"
        ).fetchone()
        (name,) = db.execute("SELECT name FROM item_images").fetchone()
    assert URDU in article
    assert ImageFolder(to_paths.data_dir / "images").path(name).is_file()  # type: ignore[union-attr]

    again = import_bundle(to_store, to_paths, usb)
    assert (again.sources, again.items, again.media, again.duplicates) == (0, 0, 0, 3)
    keys.trust(to_paths, imported.bundle.packer)
    assert verify_bundle(usb, to_paths).trusted_as == "Ayesha"


def test_selection_by_folder_date_and_event(sender: tuple[Paths, Store], tmp_path: Path) -> None:
    paths, store = sender
    assert (
        export_bundle(store, paths, tmp_path / "a", Selection(folder="Elsewhere"), "A").items == 0
    )
    assert (
        export_bundle(store, paths, tmp_path / "b", Selection(since=time.time() + 3600), "A").items
        == 0
    )
    events.add_event(store, "rally", time.time() + 86400)
    rally_video = downloads.list_downloads(store)[0]
    events.tag(store, "rally", download_ids=[rally_video.id])
    report = export_bundle(store, paths, tmp_path / "c", Selection(event="rally"), "A")
    assert report.items == 1
    lines = (tmp_path / "c" / layout.LIBRARY).read_text().splitlines()
    assert sum(json.loads(line)["record"] == "download" for line in lines) == 1
    no_media = export_bundle(store, paths, tmp_path / "d", Selection(media=False), "A")
    assert not (tmp_path / "d" / "media").exists() and no_media.items == 2


def _exported(sender: tuple[Paths, Store], usb: Path) -> Path:
    paths, store = sender
    export_bundle(store, paths, usb, Selection(), "Ayesha")
    return usb


def _refused(receiver: tuple[Paths, Store], usb: Path, message: str) -> None:
    to_paths, to_store = receiver
    before = _snapshot(to_paths, to_store)
    with pytest.raises(BundleRefused, match=message):
        import_bundle(to_store, to_paths, usb)
    assert _snapshot(to_paths, to_store) == before


def _media_file(usb: Path) -> Path:
    return next(p for p in (usb / "media").iterdir() if p.suffix == ".mp4")


def test_a_tampered_byte_is_refused(sender, receiver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    usb = _exported(sender, tmp_path / "usb")
    media = _media_file(usb)
    data = bytearray(media.read_bytes())
    data[len(data) // 2] ^= 0x01
    media.write_bytes(bytes(data))
    _refused(receiver, usb, "does not match its SHA-256")


def test_a_swapped_file_is_refused(sender, receiver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    usb = _exported(sender, tmp_path / "usb")
    library = usb / layout.LIBRARY
    text = library.read_text()
    library.write_text(text.replace("Rally video", "Rally vidEO"))  # same size, other bytes
    _refused(receiver, usb, "does not match its SHA-256")


def test_a_path_out_of_the_bundle_and_a_wrong_signature_are_refused(  # type: ignore[no-untyped-def]
    sender, receiver, tmp_path: Path
) -> None:
    usb = _exported(sender, tmp_path / "usb")
    manifest = json.loads((usb / layout.MANIFEST).read_text())
    (tmp_path / "secret.txt").write_text("not yours")
    manifest["files"].append({"path": "../secret.txt", "size": 9, "sha256": "0" * 64})
    (usb / layout.MANIFEST).write_text(json.dumps(manifest))
    _refused(receiver, usb, "signature does not match")  # the manifest changed

    # The same manifest signed by another packer's key: signed, but with a path out.
    other = Paths.under(tmp_path / "mallory").ensure()
    packer = keys.own_packer(other, "Mallory")
    manifest["packer"] = {"name": packer.name, "key": packer.key}
    data = json.dumps(manifest).encode()
    (usb / layout.MANIFEST).write_bytes(data)
    (usb / layout.SIGNATURE).write_text(keys.sign(other, data))
    _refused(receiver, usb, "points outside the bundle")

    manifest["files"].pop()
    manifest["files"][0]["size"] = 10 * 1024**4  # an absurd claim
    data = json.dumps(manifest).encode()
    (usb / layout.MANIFEST).write_bytes(data)
    (usb / layout.SIGNATURE).write_text(keys.sign(other, data))
    _refused(receiver, usb, "absurd size")


def test_links_are_refused_and_untrusted_packers_when_asked(  # type: ignore[no-untyped-def]
    sender, receiver, tmp_path: Path
) -> None:
    usb = _exported(sender, tmp_path / "usb")
    to_paths, to_store = receiver
    with pytest.raises(BundleRefused, match="not marked as trusted"):
        import_bundle(to_store, to_paths, usb, require_trusted=True)
    (usb / "media" / "link").symlink_to("/etc/passwd")
    _refused(receiver, usb, "is a link or a device")
    (usb / "media" / "link").unlink()
    os.mkfifo(usb / "media" / "pipe")  # a special file, as a device would be
    _refused(receiver, usb, "is a link or a device")


def test_an_export_cut_short_continues_and_big_files_are_split(  # type: ignore[no-untyped-def]
    sender, receiver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clip: Path
) -> None:
    paths, store = sender
    monkeypatch.setattr("tiffin.share.export.PART_BYTES", 100_000)  # as 4 GiB on FAT32
    usb = tmp_path / "usb"
    token = CancelToken()
    steps: list[str] = []

    def stop_after_three(step: object) -> None:
        steps.append(str(step))
        if len(steps) == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        export_bundle(store, paths, usb, Selection(), "A", stop_after_three, token)
    assert not (usb / layout.MANIFEST).exists()
    _refused(receiver, usb, "did not finish")
    report = export_bundle(store, paths, usb, Selection(), "A")
    assert report.skipped == 3
    parts = sorted(p.name for p in (usb / "media").iterdir() if ".mp4." in p.name)
    assert len(parts) == -(-clip.stat().st_size // 100_000) and parts[0].endswith(".mp4.000")
    to_paths, to_store = receiver
    import_bundle(to_store, to_paths, usb)
    entry = downloads.list_downloads(to_store)[0]
    assert (to_paths.data_dir / "media" / str(entry.path)).read_bytes() == clip.read_bytes()


def test_names_are_safe_on_fat32() -> None:
    assert layout.safe_name('a<b>:c"d/e\\f|g?h*.mp4') == "a_b__c_d_e_f_g_h_.mp4"
    assert layout.safe_name("CON.txt") == "_CON.txt"
    assert layout.safe_name("  trailing dots... ") == "trailing dots"
    long = layout.safe_name("ج" * 300 + ".mp4")
    assert len(long.encode()) <= layout.MAX_NAME and long.endswith(".mp4")
    with pytest.raises(ValueError, match="outside"):
        layout.checked_path("media/../../x")
    with pytest.raises(ValueError, match="not allowed"):
        layout.checked_path("media\\x")


@pytest.mark.skipif(not shutil.which("unshare"), reason="util-linux unshare is not installed")
def test_free_space_is_checked_before_anything_is_written(sender, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths, _store = sender
    stick = tmp_path / "stick"
    stick.mkdir()
    script = (
        f"mount -t tmpfs -o size=1m tmpfs {stick} && {sys.executable} -m tiffin --data-dir"
        f" {paths.data_dir} bundle export {stick}/bundle; echo exit=$?; ls -A {stick}"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "mount" in done.stderr and "exit=" not in done.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert "exit=1" in done.stdout, done
    assert "MiB free; this bundle needs" in done.stderr
    assert done.stdout.strip().endswith("exit=1") or done.stdout.split("exit=1")[1].strip() in (
        "",
        "bundle",
    )
