"""A text field for an address, a path or a proxy: laid out left to right in every language, so
that in an Urdu window "/home/a/b" does not show as "home/a/b/" nor "http://" as "//:http"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def address_field(text: str = "") -> QLineEdit:
    """A left-to-right line edit holding `text`."""
    field = QLineEdit(text)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return field
