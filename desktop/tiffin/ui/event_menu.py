"""The "Pack for event" submenu that the source tree, the item list and the downloads share:
each event to choose (the current one checked) and, where it applies, no event."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from tiffin.library.events import Event


def add_event_menu(
    menu: QMenu,
    title: str,
    events: Sequence[Event],
    choose: Callable[[str | None], None],
    current: int | None = None,
    with_none: bool = True,
) -> QMenu:
    """Add a submenu `title` to `menu` listing `events`; choosing one calls `choose` with its
    name (None for "No event"). Disabled while there is no event."""
    packing = menu.addMenu(title)
    for event in [None, *events] if with_none else list(events):
        label = QCoreApplication.translate("EventMenu", "No event") if event is None else event.name
        action = packing.addAction(label)
        action.setCheckable(with_none)
        action.setChecked(with_none and current == (None if event is None else event.id))
        name = None if event is None else event.name
        action.triggered.connect(lambda _checked, n=name: choose(n))
    packing.setEnabled(bool(events))
    return packing
