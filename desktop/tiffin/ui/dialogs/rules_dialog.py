"""A source's download rules: which new entries are fetched by themselves, and how."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tiffin.library.rules import MediaRules
from tiffin.media.download import QUALITIES


class RulesDialog(QDialog):
    """Edits MediaRules; `rules()` gives the result once accepted."""

    def __init__(self, title: str, rules: MediaRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = rules
        self.setWindowTitle(self.tr("Download rules for {0}").format(title))
        self.auto = QCheckBox(self.tr("Download new entries by themselves"))
        self.auto.setChecked(rules.auto)
        self.latest = QSpinBox()
        self.latest.setRange(0, 10_000)
        self.latest.setSpecialValueText(self.tr("all"))
        self.latest.setValue(rules.latest or 0)
        self.use_date = QCheckBox(self.tr("Only entries published after"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        when = rules.newer_than
        self.use_date.setChecked(when is not None)
        start = datetime.fromtimestamp(when, UTC) if when is not None else datetime.now(UTC)
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.date.setEnabled(when is not None)
        self.use_date.toggled.connect(self.date.setEnabled)
        self.max_minutes = QSpinBox()
        self.max_minutes.setRange(0, 24 * 60)
        self.max_minutes.setSuffix(self.tr(" min"))
        self.max_minutes.setSpecialValueText(self.tr("no limit"))
        self.max_minutes.setValue(int((rules.max_duration or 0) // 60))
        self.quality = QComboBox()
        labels = {"": self.tr("Best"), "audio": self.tr("Audio only")}
        for value in QUALITIES:
            self.quality.addItem(labels.get(value, self.tr("Up to {0}p").format(value)), value)
        self.quality.setCurrentIndex(max(0, self.quality.findData(rules.quality)))
        self.subtitles = QLineEdit(", ".join(rules.subtitles))
        self.subtitles.setPlaceholderText(self.tr("language codes, e.g. ur, en"))
        self.thumbnail = QCheckBox(self.tr("Fetch the thumbnail"))
        self.thumbnail.setChecked(rules.thumbnail)

        form = QFormLayout(self)
        form.addRow(self.auto)
        form.addRow(self.tr("Newest entries only"), self.latest)
        form.addRow(self.use_date, self.date)
        form.addRow(self.tr("Longest"), self.max_minutes)
        form.addRow(self.tr("Quality"), self.quality)
        form.addRow(self.tr("Subtitles"), self.subtitles)
        form.addRow(self.thumbnail)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def rules(self) -> MediaRules:
        """The rules as the dialog shows them."""
        newer_than = None
        if self.use_date.isChecked():
            moment = QDateTime(self.date.date(), QTime(0, 0), QTimeZone.utc())
            newer_than = float(moment.toSecsSinceEpoch())
        languages = tuple(part.strip() for part in self.subtitles.text().split(",") if part.strip())
        return replace(
            self.original,
            auto=self.auto.isChecked(),
            latest=self.latest.value() or None,
            newer_than=newer_than,
            max_duration=self.max_minutes.value() * 60.0 or None,
            quality=str(self.quality.currentData()),
            subtitles=languages,
            thumbnail=self.thumbnail.isChecked(),
        )
