"""A host's line reason worded in the language in use, from the parts the judgement gives (its
cause and the kind of the latest observation), with figures kept as left-to-right runs; the
core's English reason where the parts are not known."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tiffin.net.line import HostState, LineState
from tiffin.textdir import left_to_right


def rate(bytes_per_second: float | None) -> str:
    """A throughput for people, or a dash when unknown."""
    if bytes_per_second is None:
        return "–"
    if bytes_per_second >= 1024 * 1024:
        return f"{bytes_per_second / (1024 * 1024):.1f} MiB/s"
    return f"{bytes_per_second / 1024:.0f} KiB/s"


def state_name(state: LineState | None) -> str:
    """A line state in a word; None is a line not known yet."""
    words = {
        LineState.GOOD: QCoreApplication.translate("LineReasons", "Good"),
        LineState.THROTTLED: QCoreApplication.translate("LineReasons", "Throttled"),
        LineState.BLOCKED: QCoreApplication.translate("LineReasons", "Blocked"),
        LineState.OFFLINE: QCoreApplication.translate("LineReasons", "Offline"),
    }
    return words[state] if state else QCoreApplication.translate("LineReasons", "Unknown")


def what_happens(kind: str) -> str:
    """What the latest failure was, as a phrase."""
    words = {
        "dns": QCoreApplication.translate("LineReasons", "its name does not resolve"),
        "refused": QCoreApplication.translate("LineReasons", "connections are refused"),
        "reset": QCoreApplication.translate("LineReasons", "connections are reset"),
        "tls": QCoreApplication.translate("LineReasons", "the TLS handshake is cut"),
        "connect_timeout": QCoreApplication.translate("LineReasons", "connections time out"),
        "notice_page": QCoreApplication.translate(
            "LineReasons", "it sends a web page where a feed or file was expected"
        ),
        "stall": QCoreApplication.translate("LineReasons", "transfers stall"),
        "too_slow": QCoreApplication.translate(
            "LineReasons", "transfers trickle below the minimum rate"
        ),
        "http_error": QCoreApplication.translate("LineReasons", "it answers with errors"),
    }
    return words.get(kind, kind)


def reason_text(state: HostState) -> str:
    """Why the host is in its state, in the language in use."""
    what = what_happens(state.kind)
    speed = left_to_right(rate(state.throughput))
    if state.cause == "nothing_answers":
        return QCoreApplication.translate("LineReasons", "nothing answers: {0}").format(what)
    if state.cause == "fails_while_others_answer":
        return QCoreApplication.translate("LineReasons", "{0}, while other hosts answer").format(
            what
        )
    if state.cause == "fails":
        return what
    if state.cause == "below_usual" and state.throughput and state.baseline:
        share = left_to_right(f"{100 * state.throughput / state.baseline:.0f}%")
        return QCoreApplication.translate("LineReasons", "{0}, {1} of its usual {2}").format(
            speed, share, left_to_right(rate(state.baseline))
        )
    if state.cause == "answers":
        if state.throughput is None:
            return QCoreApplication.translate("LineReasons", "answers")
        return QCoreApplication.translate("LineReasons", "answers at {0}").format(speed)
    if state.cause == "answers_last_failed":
        return QCoreApplication.translate(
            "LineReasons", "answers, though the last try failed: {0}"
        ).format(what)
    return state.reason
