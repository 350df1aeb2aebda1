"""A chart of each host's speed over the last day: a line per host through its measured
transfers, a red tick at the foot for each failure, hours along the bottom and the fastest
speed at the top; the host chosen in the table is drawn over the others."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tiffin.net.line import OK, Observation
from tiffin.textdir import left_to_right
from tiffin.ui.models.line_reasons import rate

DAY = 86400.0
MOST_HOSTS = 6  # the busiest; more lines than this cannot be told apart
# None of the line states' green, orange or red, so that a host's colour is not read as a state
HOST_COLOURS = ("#1e88e5", "#8e24aa", "#00838f", "#6d4c41", "#d81b60", "#3949ab")
FAILURE_COLOUR = QColor("#c62828")


class LineChart(QWidget):
    """See the module docstring; `set_history` gives the observations, `set_chosen` a host."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: dict[str, list[Observation]] = {}
        self.chosen = ""
        self.now = time.time()
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Speed of each host over the last day"))

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def set_history(self, history: dict[str, list[Observation]], now: float | None = None) -> None:
        """Chart the last day of `history` (observations by host), up to `now`."""
        self.now = time.time() if now is None else now
        since = self.now - DAY
        recent = {host: [o for o in seen if o.at >= since] for host, seen in history.items()}
        busiest = sorted((h for h in recent if recent[h]), key=lambda h: -len(recent[h]))
        self.history = {host: recent[host] for host in busiest[:MOST_HOSTS]}
        self.setAccessibleDescription(self.describe())
        self.update()

    def set_chosen(self, host: str) -> None:
        """Draw `host` over the others ("" for none)."""
        self.chosen = host
        self.update()

    def colour(self, host: str) -> QColor:
        """The colour of `host`'s line (and its name in the legend)."""
        hosts = list(self.history)
        return QColor(HOST_COLOURS[hosts.index(host) % len(HOST_COLOURS)])

    def describe(self) -> str:
        """The chart in words, for assistive technology."""
        parts = []
        for host, seen in self.history.items():
            speeds = [o.throughput for o in seen if o.kind == OK and o.throughput]
            failed = sum(1 for o in seen if o.kind != OK)
            best = rate(max(speeds)) if speeds else "–"
            parts.append(
                self.tr("{0}: {1} transfers, {2} failed, best {3}").format(
                    left_to_right(host), len(seen), failed, left_to_right(best)
                )
            )
        return "; ".join(parts) or self.tr("No transfer in the last day")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = painter.fontMetrics()
        legend_height = metrics.height() + 6
        area = QRectF(self.rect()).adjusted(8, 8 + legend_height, -8, -8 - metrics.height())
        painter.fillRect(area, palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(area)
        if not self.history:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.describe())
            return
        speeds = [o.throughput or 0.0 for seen in self.history.values() for o in seen]
        top = max(speeds) or 1.0

        def x(at: float) -> float:
            return area.left() + area.width() * (at - (self.now - DAY)) / DAY

        self._paint_axes(painter, area, top)
        hosts = sorted(self.history, key=lambda h: h == self.chosen)  # the chosen one last
        for host in hosts:
            colour = self.colour(host)
            if self.chosen and host != self.chosen:
                colour.setAlpha(90)
            path = QPainterPath()
            for observation in self.history[host]:
                if observation.kind == OK and observation.throughput:
                    y = area.bottom() - area.height() * observation.throughput / top
                    point = QPointF(x(observation.at), y)
                    if path.isEmpty():
                        path.moveTo(point)
                    else:
                        path.lineTo(point)
                    painter.setPen(QPen(colour, 1))
                    painter.setBrush(colour)
                    painter.drawEllipse(point, 2.5, 2.5)
                elif observation.kind != OK:
                    painter.setPen(QPen(FAILURE_COLOUR, 2))
                    tick = x(observation.at)
                    painter.drawLine(QPointF(tick, area.bottom()), QPointF(tick, area.bottom() - 8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour, 3 if host == self.chosen else 2))
            painter.drawPath(path)
        self._paint_legend(painter, legend_height)

    def _paint_axes(self, painter: QPainter, area: QRectF, top: float) -> None:
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(area.left() + 4, area.top() + 2, area.width(), metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            left_to_right(rate(top)),
        )
        for hours_ago in (24, 18, 12, 6, 0):
            at = self.now - hours_ago * 3600
            left = area.left() + area.width() * (DAY - hours_ago * 3600) / DAY
            label = time.strftime("%H:%M", time.localtime(at))
            width = metrics.horizontalAdvance(label) + 2
            # kept inside the chart at both ends, where a centred label would be cut
            start = min(max(left - width / 2, area.left()), area.right() - width)
            painter.drawText(
                QRectF(start, area.bottom() + 2, width, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )

    def _paint_legend(self, painter: QPainter, height: int) -> None:
        metrics = painter.fontMetrics()
        left = 8.0
        for host in self.history:
            painter.fillRect(QRectF(left, 10, 10, 10), self.colour(host))
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            width = metrics.horizontalAdvance(host)
            painter.drawText(
                QRectF(left + 14, 4, width + 4, height), int(Qt.AlignmentFlag.AlignVCenter), host
            )
            left += width + 30
