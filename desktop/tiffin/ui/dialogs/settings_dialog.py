"""The settings that decide how Tiffin spends the line: data budgets, the bandwidth cap, the
hours for media downloads, the proxy (with which hosts take it), and the events to pack for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Settings
from tiffin.library.events import Event
from tiffin.net.proxy import MODES, check_address, split_password
from tiffin.ui.dialogs.fields import KiB, LanguageBox, MediaHours, MiB, number_box

ROLE_NAME = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Choice:
    """What the dialog asks for: the settings, a newly typed proxy password (None: keep the
    stored one), events to add (name, time) and the names of events to remove."""

    settings: Settings
    password: str | None = None
    added_events: tuple[tuple[str, float], ...] = field(default=())
    removed_events: tuple[str, ...] = field(default=())


class SettingsDialog(QDialog):
    """Edits the line settings and the events; after it is accepted, `chosen()` says what
    to apply."""

    def __init__(
        self, settings: Settings, events: Sequence[Event] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.original = settings
        self.events = list(events)
        self.added: list[tuple[str, float]] = []
        self.removed: list[str] = []
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
        self.proxy = QLineEdit(address)
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
        events_box = self._events_box()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(line)
        layout.addWidget(proxy)
        layout.addWidget(events_box)
        layout.addWidget(self.buttons)
        self.proxy.textChanged.connect(self._check)
        self._check()

    # -- events -------------------------------------------------------------------------------
    def _events_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Events (what is tagged for the soonest is fetched first)"))
        self.event_list = QListWidget()
        self.event_list.setAccessibleName(self.tr("Events"))
        for event in self.events:
            self._list_event(event.name, event.at)
        self.event_name = QLineEdit()
        self.event_name.setPlaceholderText(self.tr("e.g. rally"))
        self.event_name.setAccessibleName(self.tr("New event's name"))
        self.event_time = QDateTimeEdit(QDateTime.currentDateTime().addDays(1))
        self.event_time.setCalendarPopup(True)
        self.event_time.setDisplayFormat("ddd yyyy-MM-dd HH:mm")
        self.event_time.setAccessibleName(self.tr("New event's time"))
        self.add_event_button = QPushButton(self.tr("Add &event"))
        self.add_event_button.clicked.connect(self.add_event)
        self.remove_event_button = QPushButton(self.tr("&Remove event"))
        self.remove_event_button.clicked.connect(self.remove_event)
        row = QHBoxLayout()
        for widget in (self.event_name, self.event_time, self.add_event_button):
            row.addWidget(widget)
        layout = QVBoxLayout(box)
        layout.addWidget(self.event_list)
        layout.addLayout(row)
        layout.addWidget(self.remove_event_button)
        return box

    def _list_event(self, name: str, at: float) -> None:
        when = datetime.fromtimestamp(at).strftime("%a %Y-%m-%d %H:%M")
        entry = QListWidgetItem(f"{name} — {when}")
        entry.setData(ROLE_NAME, name)
        self.event_list.addItem(entry)

    def add_event(self) -> None:
        """Add the event typed below the list (applied when the dialog is accepted)."""
        name = self.event_name.text().strip()
        known = {self.event_list.item(r).data(ROLE_NAME) for r in range(self.event_list.count())}
        if not name or name in known:
            return
        at = float(self.event_time.dateTime().toSecsSinceEpoch())
        self.added.append((name, at))
        self._list_event(name, at)
        self.event_name.clear()

    def remove_event(self) -> None:
        """Remove the selected event (applied when the dialog is accepted)."""
        entry = self.event_list.currentItem()
        if entry is None:
            return
        name = str(entry.data(ROLE_NAME))
        self.event_list.takeItem(self.event_list.row(entry))
        if any(added == name for added, _ in self.added):
            self.added = [(n, at) for n, at in self.added if n != name]
        else:
            self.removed.append(name)

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
        return Choice(
            settings,
            self.password.text() or password,
            tuple(self.added),
            tuple(self.removed),
        )
