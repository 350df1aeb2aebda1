"""The events view's models: the events with their countdown and outlook, and the entries
tagged for the chosen one (sources, downloads and streams waiting to be recorded)."""

from __future__ import annotations

import time
from collections.abc import Sized

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tiffin.schedule.event_plan import (
    DOWNLOAD,
    FAILED,
    PENDING,
    READY,
    SOURCE,
    STREAM,
    EventPlan,
    PlanEntry,
)
from tiffin.textdir import isolated, left_to_right
from tiffin.ui.models.table_model import HeaderedTableModel
from tiffin.ui.models.units import human_size
from tiffin.ui.when import countdown

Index = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {READY: QColor("#2e7d32"), PENDING: QColor("#ef6c00"), FAILED: QColor("#c62828")}


class EventListModel(QAbstractListModel):
    """One row per event, soonest first: its name, countdown and how much is packed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plans: list[EventPlan] = []

    def set_plans(self, plans: list[EventPlan]) -> None:
        """Show these events."""
        self.beginResetModel()
        self.plans = plans
        self.endResetModel()

    def tick(self) -> None:
        """The countdowns moved on: repaint them (nothing is read)."""
        if self.plans:
            self.dataChanged.emit(self.index(0), self.index(len(self.plans) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.plans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        plan = self.plans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{isolated(plan.event.name)}\n{self.summary(plan)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{plan.event.name}, {self.summary(plan)}"
        if role == Qt.ItemDataRole.ForegroundRole and plan.on_time() is False:
            return STATE_COLOURS[FAILED]
        return None

    def summary(self, plan: EventPlan) -> str:
        """ "in 2 d 3 h · 4 of 9 ready", or "begun · …"."""
        left = plan.event.starts_in(time.time())
        when = countdown(left) if left <= 0 else self.tr("in {0}").format(countdown(left))
        total = plan.count(READY) + plan.count(PENDING) + plan.count(FAILED)
        return self.tr("{0} · {1} of {2} ready").format(when, plan.count(READY), total)


class EntriesModel(HeaderedTableModel):
    """What is tagged for one event, sources first."""

    WHAT, TITLE, STATE, SIZE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[PlanEntry] = []
        self.headers = [self.tr("What"), self.tr("Title"), self.tr("State"), self.tr("Size")]
        self.kinds = {
            SOURCE: self.tr("Source"),
            DOWNLOAD: self.tr("Download"),
            STREAM: self.tr("Stream to record"),
        }
        self.states = {
            READY: self.tr("Ready"),
            PENDING: self.tr("Pending"),
            FAILED: self.tr("Failed"),
        }

    def rows(self) -> Sized:
        return self.entries

    def set_entries(self, entries: list[PlanEntry]) -> None:
        """Show these entries."""
        order = {SOURCE: 0, STREAM: 1, DOWNLOAD: 2}
        self.beginResetModel()
        self.entries = sorted(entries, key=lambda e: order[e.kind])
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.detail
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return STATE_COLOURS[entry.state]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHAT:
            return self.kinds[entry.kind]
        if column == self.TITLE:
            return entry.title
        if column == self.STATE:
            return self.state_text(entry)
        if column == self.SIZE:
            return self.size_text(entry)
        return None

    def state_text(self, entry: PlanEntry) -> str:
        """Ready, pending or failed, with what the library says about it."""
        if entry.kind == SOURCE:
            counts = self.tr("{0} items, {1} full articles").format(entry.items, entry.pages)
            return f"{self.states[entry.state]} · {counts}"
        if entry.kind == STREAM:
            waiting = self.tr("live now") if entry.detail == "live now" else self.tr("upcoming")
            return self.tr("Waiting to be recorded ({0})").format(waiting)
        return self.states[entry.state]

    @staticmethod
    def size_text(entry: PlanEntry) -> str:
        """ "12.0 MiB" done, or "3.1 MiB / 40.0 MiB" under way; blank when not known."""
        if entry.kind != DOWNLOAD:
            return ""
        if entry.bytes_total is None:
            return left_to_right(human_size(entry.bytes_done)) if entry.bytes_done else ""
        if entry.state == READY:
            return left_to_right(human_size(entry.bytes_total))
        return left_to_right(f"{human_size(entry.bytes_done)} / {human_size(entry.bytes_total)}")
