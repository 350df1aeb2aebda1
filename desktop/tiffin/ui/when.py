"""Times and spans for people, in the locale in use: a moment as the locale writes its date
and time with the zone's short name, and a countdown. Numbers and times are kept as
left-to-right runs, so Urdu text around them does not reorder them ("58:15" for 15:58)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt

from tiffin.textdir import left_to_right


def moment(at: float) -> str:
    """A moment: the locale's date, its time of day, and the zone's short name (PKT, UTC)."""
    stamp = QDateTime.fromSecsSinceEpoch(int(at))
    locale = QLocale()
    day = locale.toString(stamp.date(), QLocale.FormatType.LongFormat)
    clock = locale.toString(stamp.time(), _clock_format(locale))
    clock = f"{clock} {stamp.timeZoneAbbreviation()}".strip()
    if locale.textDirection() == Qt.LayoutDirection.RightToLeft:
        return f"{day}، {left_to_right(clock)}"
    return f"{day}, {clock}"


def short_moment(at: float | None) -> str:
    """A moment in a list: the time of day if it is today, the day and month if this year,
    else the locale's short date; "" if not known."""
    if at is None:
        return ""
    stamp = QDateTime.fromSecsSinceEpoch(int(at))
    locale = QLocale()
    today = QDateTime.currentDateTime().date()
    if stamp.date() == today:
        return left_to_right(locale.toString(stamp.time(), _clock_format(locale)))
    if stamp.date().year() == today.year():
        return locale.toString(stamp.date(), "d MMM")
    return locale.toString(stamp.date(), QLocale.FormatType.ShortFormat)


def _clock_format(locale: QLocale) -> str:
    """The locale's short time format, but 24-hour where it would write a Latin "AM" or "PM"
    inside another script (Urdu's data does)."""
    written = locale.timeFormat(QLocale.FormatType.ShortFormat)
    latin_marker = locale.amText().upper() == "AM"
    if latin_marker and locale.language() != QLocale.Language.English:
        return "HH:mm"
    return written


def countdown(seconds: float) -> str:
    """Time until something: "2 d 3 h", "3 h 05 min", "4 min"; "begun" once it has."""
    if seconds <= 0:
        return QCoreApplication.translate("When", "begun")
    whole = int(seconds)
    days, hours, minutes = whole // 86400, whole % 86400 // 3600, whole % 3600 // 60
    if days:
        return QCoreApplication.translate("When", "{0} d {1} h").format(days, hours)
    if hours:
        return QCoreApplication.translate("When", "{0} h {1} min").format(hours, f"{minutes:02d}")
    return QCoreApplication.translate("When", "{0} min {1} s").format(minutes, f"{whole % 60:02d}")
