"""The player's seek bar, with a red mark where a recording goes on after a gap (a stretch the
recorder could not get), so the viewer sees where the stream was cut before reaching it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

from tiffin.textdir import left_to_right
from tiffin.ui.models.units import human_time

GAP_COLOUR = QColor("#c0392b")


class GapSlider(QSlider):
    """A horizontal slider over milliseconds; `set_gaps` gives the gap marks in seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.gaps: list[float] = []

    def set_gaps(self, seconds: list[float]) -> None:
        """Mark these times (seconds) as following a gap; also said in the accessible text."""
        self.gaps = sorted(seconds)
        said = ", ".join(left_to_right(human_time(s)) for s in self.gaps)
        self.setAccessibleDescription(
            QCoreApplication.translate("GapSlider", "Gaps in the recording at {0}").format(said)
            if self.gaps
            else ""
        )
        self.setToolTip(self.accessibleDescription())
        self.update()

    def mark_x(self, seconds: float) -> int:
        """Where on the groove the time `seconds` falls, in the slider's own pixels."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = max(1, groove.width() - handle.width())
        offset = QStyle.sliderPositionFromValue(
            self.minimum(),
            self.maximum(),
            min(self.maximum(), int(seconds * 1000)),
            span,
            option.upsideDown,
        )
        return groove.left() + handle.width() // 2 + offset

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.gaps or self.maximum() <= self.minimum():
            return
        painter = QPainter(self)
        painter.setPen(QPen(GAP_COLOUR, 3))
        for seconds in self.gaps:
            x = self.mark_x(seconds)
            painter.drawLine(x, 2, x, self.height() - 3)
        painter.end()
