"""Text direction from language or script."""

from __future__ import annotations

from tiffin.textdir import is_right_to_left


def test_language_decides_when_given() -> None:
    assert is_right_to_left("ur", "")
    assert is_right_to_left("ar-EG", "Latin letters only")
    assert not is_right_to_left("en", "اسلام آباد")


def test_script_decides_without_a_language() -> None:
    assert is_right_to_left("", "اسلام آباد میں جلسہ اتوار کو ہوگا (PTI)")
    assert is_right_to_left("", "שלום עולם")
    assert not is_right_to_left("", "Rally on Sunday, جلسہ")
    assert not is_right_to_left("", "")
