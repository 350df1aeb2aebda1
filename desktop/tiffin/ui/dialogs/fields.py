"""Fields that the settings dialog and the first run's welcome both ask: a number box whose
zero means "none", the hours for video and audio downloads, and the language."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from tiffin.config import LANGUAGES

MiB = 1024 * 1024
KiB = 1024


def number_box(maximum: int, suffix: str, none_text: str, value: int, name: str) -> QSpinBox:
    """A box for 0 to `maximum`, showing `none_text` at 0 (no limit, no cap)."""
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    box.setSpecialValueText(none_text)
    box.setValue(value)
    box.setAccessibleName(name)
    return box


class MediaHours(QObject):
    """The hours in which media downloads start: a dialog lays out `checkbox` as a row's label
    and `row` (from, "and", until) as its field; `window()` is what was chosen."""

    def __init__(self, window: tuple[int, int] | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.checkbox = QCheckBox(self.tr("Download video and audio only between"))
        self.checkbox.setChecked(window is not None)
        start, end = window or (1, 6)
        self.start = number_box(23, self.tr(":00"), "", start, self.tr("From hour"))
        self.end = number_box(23, self.tr(":00"), "", end, self.tr("Until hour"))
        self.row = QHBoxLayout()
        self.row.addWidget(self.start)
        self.row.addWidget(QLabel(self.tr("and")))
        self.row.addWidget(self.end)
        for box in (self.start, self.end):
            box.setEnabled(window is not None)
            self.checkbox.toggled.connect(box.setEnabled)

    def window(self) -> tuple[int, int] | None:
        """(from, until) in local hours, or None: unticked, or the same hour twice."""
        start, end = self.start.value(), self.end.value()
        return (start, end) if self.checkbox.isChecked() and start != end else None


class LanguageBox(QComboBox):
    """The languages Tiffin speaks, each in its own name, after "As the system"."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Language"))
        self.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self.addItem(name, code)
        self.setCurrentIndex(max(0, self.findData(language)))

    def code(self) -> str:
        """The chosen language's code ("" follows the system)."""
        return str(self.currentData())
