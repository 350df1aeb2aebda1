"""The events view: each event with its countdown, what is tagged for it (sources, downloads,
streams waiting to be recorded), ready and pending counts and bytes, whether it will be ready
before it begins at the measured speed and within the budget, and "Pack now". Events are
added here, removed (undoably), and sources dropped on an event are tagged for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Paths, Settings
from tiffin.fetch.articles import pack_articles
from tiffin.fetch.refresh import refresh_sources
from tiffin.library import events
from tiffin.library.store import Store
from tiffin.progress import CancelToken
from tiffin.schedule.event_plan import SOURCE, EventPlan, plan_events
from tiffin.textdir import left_to_right
from tiffin.ui import workers
from tiffin.ui.event_list import EventList
from tiffin.ui.models.events_model import EntriesModel, EventListModel
from tiffin.ui.models.line_reasons import rate
from tiffin.ui.models.units import human_size, human_time
from tiffin.ui.placeholder import PlaceholderTableView, say_when_empty
from tiffin.ui.when import countdown, moment

RELOAD_MS = 30_000


class RemoveEventCommand(QUndoCommand):
    """Removing an event; undo puts it back with what was tagged for it."""

    def __init__(self, view: EventsView, name: str) -> None:
        super().__init__(QCoreApplication.translate("EventsView", "Remove event {0}").format(name))
        self.view, self.name = view, name
        self.removed: events.Removed | None = None

    def redo(self) -> None:
        def keep(removed: events.Removed) -> None:
            self.removed = removed
            self.view.reload()

        self.view.write(lambda: events.remove_event(self.view.store, self.name), keep)

    def undo(self) -> None:
        removed = self.removed
        if removed is not None:
            self.view.write(lambda: events.restore_event(self.view.store, removed))


class EventsView(QWidget):
    """See the module docstring. `message` carries what to tell the user, `packed` follows a
    "Pack now" (its refresh queued downloads: start the queue), `tagged` a change of tags."""

    message = Signal(str)
    packed = Signal()
    tagged = Signal()
    plans_loaded = Signal(list)

    def __init__(
        self, store: Store, paths: Paths, settings: Settings, undo_stack: QUndoStack
    ) -> None:
        super().__init__()
        self.store, self.paths, self.settings, self.undo_stack = store, paths, settings, undo_stack
        self.plans: list[EventPlan] = []
        self.running: dict[
            int, tuple[int, int | None, float]
        ] = {}  # downloads moving now (show_moving)
        self.latest = workers.Latest(self.failed)
        self.packing: set[int] = set()
        self.events_model = EventListModel(self)
        self.event_list = EventList()
        self.event_list.setModel(self.events_model)
        self.event_list.setAccessibleName(self.tr("Events"))
        self.event_list.setSpacing(4)
        self.event_list.setWordWrap(True)  # a name and its countdown, each on its own line
        self.entries_model = EntriesModel(self)
        self.entries = PlaceholderTableView()
        say_when_empty(
            self.entries,
            self.tr(
                "Nothing tagged for this event yet. Drag a source onto the event, or choose "
                "Pack for event in a source's menu."
            ),
        )
        self.entries.setModel(self.entries_model)
        self.entries.setAccessibleName(self.tr("Tagged for this event"))
        self.entries.verticalHeader().hide()
        self.entries.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.entries.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntriesModel.TITLE, QHeaderView.ResizeMode.Stretch)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("New event, e.g. rally"))
        self.name_edit.setAccessibleName(self.tr("New event's name"))
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime().addDays(1))
        self.time_edit.setCalendarPopup(True)
        # Digits in a fixed order, left to right: in Urdu the locale's format came out
        # reordered ("AM 44:8 26/12/4"), and a 24-hour clock needs no Latin AM/PM. The
        # direction goes first: the format's sections are laid out in the direction it finds.
        self.time_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setAccessibleName(self.tr("New event's time"))
        self.add_button = QPushButton(self.tr("&Add event"))
        self.add_button.clicked.connect(self.add_event)
        self.name_edit.returnPressed.connect(self.add_event)
        form = QHBoxLayout()
        form.addWidget(self.name_edit, 1)
        form.addWidget(self.time_edit)
        form.addWidget(self.add_button)

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.when = QLabel()
        self.countdown = QLabel()
        self.countdown.setFont(font)
        self.countdown.setAccessibleName(self.tr("Time until the event"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Packed so far"))
        self.outlook = QLabel()
        self.outlook.setWordWrap(True)
        self.outlook.setAccessibleName(self.tr("Will it be ready in time"))
        self.pack_button = QPushButton(self.tr("&Pack now"))
        self.pack_button.setToolTip(
            self.tr("Refresh what is tagged for this event now and fetch its downloads")
        )
        self.pack_button.clicked.connect(self.pack_now)
        self.remove_button = QPushButton(self.tr("&Remove event"))
        self.remove_button.clicked.connect(self.remove_event)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pack_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        for widget in (self.heading, self.when, self.countdown, self.bar, self.outlook):
            detail_layout.addWidget(widget)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.entries, 1)

        self.empty = QLabel(
            self.tr(
                "No events yet. Name what you are packing for (the rally, the vote) and when it"
                " starts, above. Then tag channels, feeds and streams to it from their menus,"
                " or drag a source from the list onto the event."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.event_list)
        splitter.addWidget(detail)
        splitter.setSizes([220, 480])
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages, 1)

        self.event_list.selectionModel().currentChanged.connect(self.show_current)
        self.event_list.dropped.connect(self.on_dropped)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.reloader = QTimer(self)
        self.reloader.setInterval(RELOAD_MS)
        self.reloader.timeout.connect(self.reload)
        self.reloader.start()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the events and their plans again, off the GUI thread (only the newest read is
        shown: reads run side by side and an older one must not put back what changed)."""
        self.latest.run(
            "plans", lambda _p, _c: plan_events(self.store, self.settings), self.show_plans
        )

    def stop(self) -> None:
        """Stop the countdown and the reloads (the window is closing)."""
        self.ticker.stop()
        self.reloader.stop()

    def show_plans(self, plans: list[EventPlan]) -> None:
        """Show `plans`, keeping the chosen event."""
        current = self.current()
        keep = current.event.id if current is not None else None
        self.plans = plans
        self.events_model.set_plans(plans)
        self.pages.setCurrentIndex(1 if plans else 0)
        rows = [n for n, p in enumerate(plans) if p.event.id == keep] or [0]
        if plans:
            self.event_list.setCurrentIndex(self.events_model.index(rows[0]))
            self.show_current()
        self.plans_loaded.emit(plans)

    def current(self) -> EventPlan | None:
        """The event chosen in the list."""
        row = self.event_list.currentIndex().row()
        return self.plans[row] if 0 <= row < len(self.plans) else None

    def show_current(self, *_changed: QModelIndex) -> None:
        """Show the chosen event's details and entries."""
        plan = self.current()
        if plan is None:
            return
        self.heading.setText(plan.event.name)
        self.when.setText(moment(plan.event.at))
        self.entries_model.set_entries(plan.entries)
        self.show_outlook()
        self.pack_button.setEnabled(plan.event.id not in self.packing)
        self.tick()

    def show_moving(self, running: dict[int, tuple[int, int | None, float]]) -> None:
        """The running downloads' bytes done, sizes and speeds by id: the chosen event's bar and
        estimate follow them between reads of the library."""
        self.running = running
        self.show_outlook()

    def show_outlook(self) -> None:
        """The chosen event's bar and estimate, with what the running downloads have done."""
        chosen = self.current()
        if chosen is None:
            return
        plan = chosen.under_way(self.running)
        ready, pending = plan.ready_bytes, plan.pending_bytes
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * ready / (ready + pending)) if ready + pending else 1000)
        self.bar.setFormat(
            self.tr("{0} ready, {1} to fetch").format(
                left_to_right(human_size(ready)), left_to_right(human_size(pending))
            )
        )
        self.outlook.setText(self.outlook_text(plan))

    def tick(self) -> None:
        """Move the countdowns on (every second; nothing is read)."""
        self.events_model.tick()
        plan = self.current()
        if plan is not None:
            left = plan.event.starts_in()
            self.countdown.setText(
                countdown(left) if left <= 0 else self.tr("in {0}").format(countdown(left))
            )

    def outlook_text(self, plan: EventPlan) -> str:
        """Whether what is pending will be ready in time, and why not."""
        pending, budget = plan.pending_bytes, plan.budget_left
        unknown = (
            " " + self.tr("{0} more of a size not known yet.").format(plan.unknown_sizes)
            if plan.unknown_sizes
            else ""
        )
        budget_text = (
            self.tr("No data budget set.")
            if budget is None
            else self.tr("Budget left today: {0}.").format(left_to_right(human_size(budget)))
        )
        if not pending:
            ready = self.tr("Everything of a known size is ready offline.")
            return f"{ready}{unknown} {budget_text}"
        size = left_to_right(human_size(pending))
        needed, on_time = plan.finishes_in(), plan.on_time()
        if budget is not None and pending > budget:
            text = self.tr("{0} to fetch, more than the budget left allows.").format(size)
        elif needed is None:
            text = self.tr("{0} to fetch; the line's speed is not measured yet.").format(size)
        else:
            took = left_to_right(human_time(needed))
            speed = left_to_right(rate(plan.speed))
            text = (
                self.tr("{0} to fetch at {1}: about {2}, ready before it begins.")
                if on_time
                else self.tr("{0} to fetch at {1}: about {2}, not ready before it begins.")
            ).format(size, speed, took)
        return f"{text}{unknown} {budget_text}"

    # -- changes ------------------------------------------------------------------------------
    def write(self, task: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Run a small library write in order, then reload."""

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.reload()
            self.tagged.emit()

        workers.start(lambda _p, _c: task(), done, self.failed, workers.writes())

    def add_event(self) -> None:
        """Add the event named in the form, at the time it shows."""
        name = self.name_edit.text().strip()
        if not name:
            self.message.emit(self.tr("Name the event first (e.g. rally)"))
            self.name_edit.setFocus()
            return
        at = float(self.time_edit.dateTime().toSecsSinceEpoch())

        def added(_event: events.Event) -> None:
            self.name_edit.clear()
            self.message.emit(self.tr("Added event {0}").format(name))

        self.write(lambda: events.add_event(self.store, name, at), added)

    def remove_event(self) -> None:
        """Remove the chosen event (Ctrl+Z puts it back, tagged as it was)."""
        plan = self.current()
        if plan is not None:
            self.undo_stack.push(RemoveEventCommand(self, plan.event.name))
            self.message.emit(
                self.tr("Removed event {0}; Ctrl+Z puts it back").format(plan.event.name)
            )

    def on_dropped(self, row: int, source_ids: list[int]) -> None:
        """Sources dropped on an event: tag them for it."""
        name = self.plans[row].event.name
        self.write(lambda: events.tag(self.store, name, source_ids))
        self.message.emit(self.tr("Tagged {0} sources for {1}").format(len(source_ids), name))

    def pack_now(self) -> None:
        """Refresh the sources tagged for the chosen event and pack their articles now; the
        downloads this queues start at once (`packed`)."""
        plan = self.current()
        if plan is None:
            return
        ids = [e.id for e in plan.entries if e.kind == SOURCE]
        event_id = plan.event.id
        self.packing.add(event_id)
        self.pack_button.setEnabled(False)
        self.message.emit(self.tr("Packing for {0}…").format(plan.event.name))

        def task(_p: object, cancel: CancelToken) -> int:
            if not ids:
                return 0
            report = refresh_sources(self.store, self.paths, self.settings, ids, cancel=cancel)
            pack_articles(self.store, self.paths, self.settings, ids, cancel=cancel)
            return report.new_items

        def done(new_items: int) -> None:
            self.packing.discard(event_id)
            self.message.emit(
                self.tr("Packed for {0}: {1} new items").format(plan.event.name, new_items)
            )
            self.packed.emit()
            self.reload()

        def failed(message: str) -> None:
            self.packing.discard(event_id)
            self.failed(message)
            self.reload()

        workers.start(task, done, failed, workers.long_jobs())

    def use_settings(self, settings: Settings) -> None:
        """From now on, estimate with `settings` (the cap and the budget)."""
        self.settings = settings
        self.reload()

    def failed(self, message: str) -> None:
        self.message.emit(message)
