"""Times for people: the reader's date line in English and in Urdu (the locale's date, a 24-hour
clock where the locale would put a Latin "AM" inside Urdu, the zone's short name, the clock kept
left to right), and countdowns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from tiffin.ui import i18n
from tiffin.ui.when import countdown, moment

AT = 1702828680  # 2023-12-17 15:58 UTC


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def urdu(qapp: QApplication) -> Iterator[QLocale]:
    yield i18n.install(qapp, "ur")
    i18n.install(qapp, "en")
    qapp.setFont(QApplication.font())


def test_a_moment_in_english(qapp: QApplication, utc: None) -> None:
    i18n.install(qapp, "en")
    written = moment(AT)
    assert "2023" in written and "3:58" in written and written.endswith("UTC")
    assert "Coordinated" not in written


def test_a_moment_in_urdu_keeps_its_clock_whole(urdu: QLocale, utc: None) -> None:
    written = moment(AT)
    assert "\u206615:58 UTC\u2069" in written  # one left-to-right run: not "58:15"
    assert "AM" not in written and "PM" not in written and "Coordinated" not in written
    assert "دسمبر" in written  # the month in Urdu


def test_countdowns(urdu: QLocale) -> None:
    assert countdown(2 * 86400 + 3 * 3600 + 60) == "2 دن 3 گھنٹے"
    i18n.install(QApplication.instance(), "en")  # type: ignore[arg-type]
    assert countdown(3 * 3600 + 5 * 60) == "3 h 05 min"
    assert countdown(245) == "4 min 05 s"
    assert countdown(-1) == "begun"
