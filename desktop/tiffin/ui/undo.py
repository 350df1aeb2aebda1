"""Undoable changes of read state (one item, or all the items shown): each remembers what it
changed, and undoing writes the old state back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

Apply = Callable[[Sequence[int], bool], None]  # mark these item ids read (True) or unread


class ReadStateCommand(QUndoCommand):
    """Mark the items of `before` (item id -> its read state now) as `read` through `apply`;
    undo puts back the state of those that changed."""

    def __init__(self, label: str, before: dict[int, bool], read: bool, apply: Apply) -> None:
        super().__init__(label)
        self.changed = [item_id for item_id, was in before.items() if was != read]
        self.read, self.apply = read, apply

    def redo(self) -> None:
        if self.changed:
            self.apply(self.changed, self.read)

    def undo(self) -> None:
        if self.changed:
            self.apply(self.changed, not self.read)
