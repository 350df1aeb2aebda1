"""The Line tab's chart: each host's speed over the last day as a line, failures as red ticks,
older transfers left out, and the chart in words for assistive technology."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tiffin.net.line import Observation
from tiffin.ui.line_chart import DAY, FAILURE_COLOUR, LineChart

NOW = 1_800_000_000.0
MiB = 1 << 20


def _colours(chart: LineChart) -> set[str]:
    image = chart.grab().toImage()
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 1)
        for y in range(0, image.height(), 1)
    }


def test_each_host_is_a_line_and_failures_are_ticks(qtbot: QtBot) -> None:
    history = {
        "fast.test": [
            Observation("fast.test", "ok", NOW - h * 3600, bytes=4 * MiB, seconds=1.0)
            for h in range(20, 0, -2)
        ],
        "slow.test": [
            Observation("slow.test", "ok", NOW - 3 * DAY, bytes=MiB, seconds=1.0),  # too old
            Observation("slow.test", "ok", NOW - 10 * 3600, bytes=MiB, seconds=4.0),
            Observation("slow.test", "stall", NOW - 5 * 3600),
            Observation("slow.test", "ok", NOW - 3600, bytes=MiB, seconds=8.0),
        ],
    }
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(600, 220)
    chart.set_history(history, now=NOW)
    chart.show()
    assert [len(seen) for seen in chart.history.values()] == [10, 3]  # the busiest first
    colours = _colours(chart)
    assert chart.colour("fast.test").name() in colours
    assert chart.colour("slow.test").name() in colours
    assert FAILURE_COLOUR.name() in colours
    words = chart.accessibleDescription()
    assert "fast.test\u2069: 10 transfers, 0 failed, best \u20664.0 MiB/s" in words
    assert "slow.test\u2069: 3 transfers, 1 failed" in words
    chart.set_chosen("slow.test")
    assert chart.colour("slow.test").name() in _colours(chart)


def test_a_quiet_day_says_so(qtbot: QtBot) -> None:
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.set_history({"old.test": [Observation("old.test", "ok", NOW - 2 * DAY, MiB, 1.0)]}, NOW)
    assert chart.history == {}
    assert chart.accessibleDescription() == "No transfer in the last day"
