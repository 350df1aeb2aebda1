"""The settings that decide how Tiffin spends the line: data budgets, the bandwidth cap, the
hours for media downloads, the proxy (with which hosts take it), and the language. Events
have their own view (events_view.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Settings
from tiffin.net.proxy import MODES, check_address, split_password
from tiffin.ui.address_field import address_field
from tiffin.ui.dialogs.fields import KiB, LanguageBox, MediaHours, MiB, number_box


@dataclass(frozen=True)
class Choice:
    """What the dialog asks for: the settings, and a newly typed proxy password (None: keep
    the stored one)."""

    settings: Settings
    password: str | None = None


class SettingsDialog(QDialog):
    """Edits the line settings; after it is accepted, `chosen()` says what to apply."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = settings
        self.setWindowTitle(self.tr("Settings"))
        no_limit = self.tr("no limit")
        self.daily = number_box(
            10_000_000,
            self.tr(" MiB"),
            no_limit,
            (settings.daily_budget or 0) // MiB,
            self.tr("Data budget per day"),
        )
        self.monthly = number_box(
            100_000_000,
            self.tr(" MiB"),
            no_limit,
            (settings.monthly_budget or 0) // MiB,
            self.tr("Data budget per month"),
        )
        self.cap = number_box(
            10_000_000,
            self.tr(" KiB/s"),
            self.tr("no cap"),
            (settings.bandwidth_cap or 0) // KiB,
            self.tr("Bandwidth cap"),
        )
        self.hours = MediaHours(settings.media_window, self)

        address, _ = split_password(settings.proxy) if settings.proxy else ("", None)
        self.proxy = address_field(address)
        self.proxy.setPlaceholderText("socks5://user@127.0.0.1:9050")
        self.proxy.setAccessibleName(self.tr("Proxy address"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("unchanged"))
        self.password.setAccessibleName(self.tr("Proxy password"))
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Which hosts take the proxy"))
        labels = {
            "off": self.tr("Not used"),
            "all": self.tr("All traffic"),
            "blocked": self.tr("Only hosts found blocked"),
        }
        for mode in MODES:
            self.mode.addItem(labels[mode], mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(settings.proxy_mode)))
        self.language = LanguageBox(settings.language)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)

        line = QGroupBox(self.tr("Spending the line"))
        line_form = QFormLayout(line)
        line_form.addRow(self.tr("Data budget per &day"), self.daily)
        line_form.addRow(self.tr("Data budget per &month"), self.monthly)
        line_form.addRow(self.tr("Bandwidth &cap (all transfers)"), self.cap)
        line_form.addRow(self.hours.checkbox, self.hours.row)
        line_form.addRow(self.tr("&Language (from the next start)"), self.language)
        proxy = QGroupBox(self.tr("Proxy (for example a local Tor, or a friend's server)"))
        proxy_form = QFormLayout(proxy)
        proxy_form.addRow(self.tr("&Address"), self.proxy)
        proxy_form.addRow(self.tr("&Password"), self.password)
        proxy_form.addRow(self.tr("&Use it for"), self.mode)
        proxy_form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(line)
        layout.addWidget(proxy)
        layout.addWidget(self.buttons)
        self.proxy.textChanged.connect(self._check)
        self._check()

    # -- proxy --------------------------------------------------------------------------------
    def _check(self) -> None:
        text = self.proxy.text().strip()
        message = ""
        if text:
            try:
                check_address(text)
            except ValueError as exc:
                message = str(exc)
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not message)

    def chosen(self) -> Choice:
        """What the dialog shows, to apply."""
        text = self.proxy.text().strip()
        address, password = split_password(check_address(text)) if text else (None, None)
        settings = replace(
            self.original,
            daily_budget=self.daily.value() * MiB or None,
            monthly_budget=self.monthly.value() * MiB or None,
            bandwidth_cap=self.cap.value() * KiB or None,
            media_window=self.hours.window(),
            proxy=address,
            proxy_mode=str(self.mode.currentData()),
            language=self.language.code(),
        )
        return Choice(settings, self.password.text() or password)
