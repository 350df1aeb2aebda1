"""Text direction from language or script."""

from __future__ import annotations

from tiffin.textdir import is_right_to_left, left_to_right


def test_language_decides_when_given() -> None:
    assert is_right_to_left("ur", "")
    assert is_right_to_left("ar-EG", "Latin letters only")
    assert not is_right_to_left("en", "اسلام آباد")


def test_script_decides_without_a_language() -> None:
    assert is_right_to_left("", "اسلام آباد میں جلسہ اتوار کو ہوگا (PTI)")
    assert is_right_to_left("", "שלום עולם")
    assert not is_right_to_left("", "Rally on Sunday, جلسہ")
    assert not is_right_to_left("", "")


def test_an_address_is_one_left_to_right_run_inside_urdu() -> None:
    wrapped = left_to_right("https://news.example/a")
    assert wrapped == "\u2066https://news.example/a\u2069"
