"""Translations: Qt's tr() strings compiled from desktop/tiffin/i18n/*.ts (pyside6-lrelease),
the layout mirrored for right-to-left languages, an Urdu font where the system has one, and
dates and numbers in the chosen locale (QLocale's default)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Fonts that set Urdu well; the first one the system has is used. Naskh first: Nastaliq's
# tall, sloping lines are clipped by menus and list rows sized for Latin text.
URDU_FONTS = (
    "Noto Naskh Arabic",
    "Noto Nastaliq Urdu",
    "Jameel Noori Nastaleeq",
    "Noto Sans Arabic",
)


def chosen_locale(language: str) -> QLocale:
    """The locale for a language code ("" follows the system)."""
    return QLocale(language) if language else QLocale.system()


_installed: list[QTranslator] = []  # the translator in use, replaced by the next install


def install(app: QApplication, language: str = "") -> QLocale:
    """Translate `app` into `language` (or the system's), mirror it if that language is
    written right to left, and pick a font for it; returns the locale in use. Widgets made
    afterwards are translated (Tiffin's windows are made after this, at start)."""
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    while _installed:
        app.removeTranslator(_installed.pop())
    folder = str(resources.files("tiffin") / "i18n")
    translator = QTranslator(app)
    if translator.load(locale, "tiffin", "_", folder):
        app.installTranslator(translator)
        _installed.append(translator)
    right_to_left = locale.textDirection() == Qt.LayoutDirection.RightToLeft
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    )
    if locale.language() == QLocale.Language.Urdu:
        families = set(QFontDatabase.families())
        found = next((f for f in URDU_FONTS if f in families), None)
        if found is not None:
            font = QFont(app.font())
            font.setFamilies([found, *[f for f in app.font().families() if f != found]])
            app.setFont(font)
    return locale
