"""The source tree marks each source with the line to its host: a coloured dot, and the state
and its reason in the tooltip; a host never fetched from is unknown, not good."""

from __future__ import annotations

import io
import time

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import QT_TIMEOUT_MS
from tiffin.config import Paths, Settings
from tiffin.library import queries
from tiffin.library.icons import save_icons
from tiffin.library.store import Store
from tiffin.net.line import LineState, Observation
from tiffin.net.line_history import save_observations
from tiffin.ui.main_window import MainWindow
from tiffin.ui.models.line_model import STATE_COLOURS, UNKNOWN_COLOUR


def test_each_source_carries_its_hosts_line(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    good, _ = queries.add_source(store, "http://good.test/feed.xml", "Good news")
    slow, _ = queries.add_source(store, "http://slow.test/feed.xml", "Slow news")
    queries.add_source(store, "http://never.test/feed.xml", "Never fetched")
    now, mib = time.time(), 1 << 20
    save_observations(
        store,
        [
            Observation("good.test", "ok", now, bytes=mib, seconds=1.0),
            *(Observation("slow.test", "ok", now - 60 + n, bytes=mib, seconds=1.0) for n in (0, 1)),
            Observation("slow.test", "ok", now, bytes=mib, seconds=30.0),
        ],
    )
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.sources_pane.model
    qtbot.waitUntil(
        lambda: len(model.rows_by_source) == 3 and len(window.line.model.states) == 2,
        timeout=QT_TIMEOUT_MS,
    )

    def colour(source_id: int) -> str:
        icon = model.rows_by_source[source_id].icon()
        return icon.pixmap(12, 12).toImage().pixelColor(6, 6).name()

    qtbot.waitUntil(
        lambda: colour(slow.id) == STATE_COLOURS[LineState.THROTTLED].name(), timeout=QT_TIMEOUT_MS
    )
    assert colour(good.id) == STATE_COLOURS[LineState.GOOD].name()
    never = next(i for i, row in model.rows_by_source.items() if i not in (good.id, slow.id))
    assert colour(never) == UNKNOWN_COLOUR.name()
    tip = model.rows_by_source[slow.id].data(Qt.ItemDataRole.ToolTipRole)
    assert "Line to \u2066slow.test\u2069: Throttled" in tip and "of its usual" in tip
    assert "Unknown (nothing fetched from it yet)" in model.rows_by_source[never].toolTip()


def test_a_sources_site_icon_is_shown_with_its_line_dot(
    qtbot: QtBot, store: Store, paths: Paths, settings: Settings
) -> None:
    source, _ = queries.add_source(store, "http://site.test/feed.xml", "Site")
    picture = io.BytesIO()
    Image.new("RGBA", (32, 32), (0, 0, 255, 255)).save(picture, "PNG")
    save_icons(store, [(source.id, picture.getvalue())])
    window = MainWindow(store, paths, settings)
    qtbot.addWidget(window)
    window.show()
    model = window.sources_pane.model
    qtbot.waitUntil(lambda: source.id in model.icons, timeout=QT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: source.id in model.rows_by_source, timeout=QT_TIMEOUT_MS)
    shown = model.rows_by_source[source.id].icon().pixmap(16, 16).toImage()
    assert shown.pixelColor(4, 4).name() == "#0000ff"  # the site's icon
    assert shown.pixelColor(12, 12).name() == UNKNOWN_COLOUR.name()  # the line, not known yet
