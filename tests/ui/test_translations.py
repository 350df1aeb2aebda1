"""Urdu: every string of the .ts translated and compiled, the window built in Urdu mirrors
(right to left), with an Urdu font; the language list; English back afterwards."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QPoint, Qt, QTime
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QListView,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from tiffin.config import LANGUAGES, Paths, Settings
from tiffin.library.store import Store
from tiffin.net.line import Observation, judge
from tiffin.ui import i18n
from tiffin.ui.dialogs.welcome_dialog import WelcomeDialog
from tiffin.ui.events_view import EventsView
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.line_model import LineModel
from tiffin.ui.qt_strings import QT_STRINGS
from tiffin.ui.text_direction_delegate import TextDirectionDelegate

I18N = Path(__file__).resolve().parents[2] / "desktop" / "tiffin" / "i18n"


@pytest.fixture
def urdu(qapp: QApplication) -> Iterator[QLocale]:
    yield i18n.install(qapp, "ur")
    i18n.install(qapp, "en")
    qapp.setFont(QApplication.font())


def test_every_string_is_translated_and_the_compiled_file_is_current(tmp_path: Path) -> None:
    root = ElementTree.parse(I18N / "tiffin_ur.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 200
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type")  # type: ignore[union-attr]
    ]
    assert unfinished == []
    fresh = tmp_path / "tiffin_ur.qm"
    subprocess.run(
        [Path(sys.executable).parent / "pyside6-lrelease", I18N / "tiffin_ur.ts", "-qm", fresh],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (I18N / "tiffin_ur.qm").read_bytes()  # the shipped .qm is built
    assert set(LANGUAGES) == {"en"} | {p.stem.split("_")[1] for p in I18N.glob("tiffin_*.ts")}


def test_the_ts_holds_every_string_the_code_has_now(tmp_path: Path) -> None:
    """A tr() added without running scripts/update-translations fails here, not in front of an
    Urdu reader: lupdate over the code, into a copy, must add nothing and drop nothing."""
    copy = tmp_path / "tiffin_ur.ts"
    copy.write_bytes((I18N / "tiffin_ur.ts").read_bytes())
    sources = sorted(str(p) for p in (I18N.parent / "ui").rglob("*.py"))
    subprocess.run(
        [Path(sys.executable).parent / "pyside6-lupdate", *sources, "-ts", copy, "-no-obsolete"],
        check=True,
        capture_output=True,
    )

    def messages(ts: Path) -> set[tuple[str, str]]:
        root = ElementTree.parse(ts).getroot()
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in root.iter("context")
            for message in context.iter("message")
        }

    assert messages(copy) == messages(I18N / "tiffin_ur.ts")
    assert all(context for context, _ in messages(copy))  # a tr() lupdate could not place


def test_qt_standard_buttons_and_edit_menus_read_urdu(urdu: QLocale, qtbot: QtBot) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert ok is not None and cancel is not None
    assert (ok.text(), cancel.text()) == ("ٹھیک ہے", "منسوخ کریں")
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
    assert "چسپاں کریں" in texts and "سب منتخب کریں" in texts
    assert not any(text.isascii() for text in texts)
    for context, source in QT_STRINGS:
        assert QCoreApplication.translate(context, str(source)) != source, (context, source)


def test_the_window_in_urdu_is_mirrored(
    qtbot: QtBot, urdu: QLocale, qapp: QApplication, store: Store, paths: Paths, settings: Settings
) -> None:
    assert urdu.language() == QLocale.Language.Urdu
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:3] == ["فائل", "ترمیم", "تحریریں"]
    tree = window.source_tree.mapTo(window, QPoint(0, 0)).x()
    items = window.item_list.mapTo(window, QPoint(0, 0)).x()
    assert tree > items  # the source tree, first in reading order, is on the right
    assert qapp.font().families()[0] in i18n.URDU_FONTS


def test_each_row_runs_in_its_own_direction(urdu: QLocale, qtbot: QtBot) -> None:
    model = QStandardItemModel()
    for title in ("311: Mutually Assured Destruction", "لاہور میں جلسہ"):
        model.appendRow(QStandardItem(title))
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = TextDirectionDelegate(view)

    def option(row: int) -> QStyleOptionViewItem:
        made = QStyleOptionViewItem()
        made.initFrom(view)  # the view's direction: right to left in Urdu
        delegate.initStyleOption(made, model.index(row, 0))
        return made

    english, urdu_title = option(0), option(1)
    assert english.direction == Qt.LayoutDirection.LeftToRight
    assert english.displayAlignment & Qt.AlignmentFlag.AlignRight  # still on the leading edge
    assert english.displayAlignment & Qt.AlignmentFlag.AlignAbsolute
    assert urdu_title.direction == Qt.LayoutDirection.RightToLeft


def test_the_line_tab_says_why_in_urdu_with_figures_left_to_right(urdu: QLocale) -> None:
    now = time.time()
    usual = [Observation("news.test", "ok", now - 100 + t, 400_000, 0.5) for t in range(6)]
    slow = Observation("news.test", "ok", now - 10, 400_000, 10.0)
    states = judge([*usual, slow, Observation("video.test", "reset", now - 5)])
    model = LineModel()
    model.set_states(states, {}, {})
    why = [model.data(model.index(row, LineModel.WHY)) for row in range(2)]
    assert why[0] == "\u206639 KiB/s\u2069، اپنی معمول کی \u2066781 KiB/s\u2069 کا \u20665%\u2069"
    assert why[1] == "کنکشن توڑ دیے جاتے ہیں، جبکہ دوسرے میزبان جواب دیتے ہیں"


def test_address_and_path_fields_run_left_to_right_in_urdu(
    urdu: QLocale, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = WelcomeDialog(tmp_path / "a" / "b", Settings())
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.folder.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.starter_list.item(0).text().endswith("خبریں")  # the starter folders in Urdu


def test_the_new_events_time_reads_in_order_in_urdu(
    urdu: QLocale, qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    view = EventsView(store, paths, settings, QUndoStack())
    qtbot.addWidget(view)
    view.time_edit.setDateTime(QDateTime(QDate(2026, 12, 17), QTime(15, 58)))
    assert view.time_edit.text() == "2026-12-17 15:58"  # not "58:15 17-12-2026"
