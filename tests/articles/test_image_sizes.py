"""Pictures are kept at a display size and decoded at the size shown, within a budget per
article: forty pictures just under the pixel cap no longer take gigabytes to read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tiffin.articles.images import DISPLAY_SIDE, ImageFolder
from tiffin.ui.item_view import SHOWN_WIDTH, load_images


def _picture(size: tuple[int, int], colour: tuple[int, int, int], kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, kind)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_huge_picture_is_kept_at_display_size(tmp_path: Path, kind: str) -> None:
    folder = ImageFolder(tmp_path / "images")
    stored = folder.save(_picture((6300, 4200), (10, 120, 200), kind))
    assert (stored.width, stored.height) == (DISPLAY_SIDE, 1365)
    path = folder.path(stored.name)
    assert path is not None
    with Image.open(path) as kept:
        assert kept.size == (DISPLAY_SIDE, 1365) and kept.format == kind


def test_a_small_picture_is_kept_as_it_came(tmp_path: Path) -> None:
    folder = ImageFolder(tmp_path / "images")
    data = _picture((640, 480), (1, 2, 3))
    stored = folder.save(data)
    path = folder.path(stored.name)
    assert path is not None and path.read_bytes() == data


def test_an_article_decodes_its_pictures_at_the_size_shown_within_its_budget(
    tmp_path: Path,
) -> None:
    folder = ImageFolder(tmp_path / "images")
    names = [folder.save(_picture((2000, 1500), (n, 50, 100))).name for n in range(12)]
    loaded = load_images(folder, names, budget=5_000_000)
    assert loaded and all(image.width() <= SHOWN_WIDTH for image in loaded.values())
    assert sum(image.width() * image.height() for image in loaded.values()) <= 5_000_000
    assert len(loaded) == 5_000_000 // (SHOWN_WIDTH * 900)  # the rest are left out
