"""The watch view: a grid of the finished downloads and recordings, newest first, each with
its poster, playing time and a bar for how much was watched. Enter or a double click plays
one; the player goes on to the next when one ends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from tiffin.library import downloads
from tiffin.library.downloads import Download, Status
from tiffin.library.store import Store
from tiffin.ui import workers
from tiffin.ui.models.watch_model import Tile, WatchModel
from tiffin.ui.placeholder import PlaceholderListView, say_when_empty
from tiffin.ui.watch_tile_delegate import POSTER_HEIGHT, TILE, WatchTileDelegate


def load_tiles(store: Store, media_dir: Path) -> list[Tile]:
    """Every finished entry, newest first, with its poster scaled for a tile (call in a
    worker: it reads the files)."""
    done = downloads.list_downloads(store, [Status.DONE])
    done.sort(key=lambda e: e.finished_at or e.added_at, reverse=True)
    tiles = []
    for entry in done:
        poster = None
        if entry.thumbnail:
            image = QImage(str(media_dir / entry.thumbnail))
            if not image.isNull():
                poster = image.scaled(
                    QSize(TILE.width(), POSTER_HEIGHT) * 2,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
        tiles.append(Tile(entry, poster))
    return tiles


class WatchView(QWidget):
    """See the module docstring; `play_requested` carries the entry to play."""

    play_requested = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, media_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.media_dir = store, media_dir
        self.latest = workers.Latest(self.failed.emit)
        self.model = WatchModel(self)
        self.grid = PlaceholderListView()
        self.grid.setModel(self.model)
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(TILE)
        self.grid.setWordWrap(True)
        self.grid.setItemDelegate(WatchTileDelegate(self.grid))
        self.grid.setAccessibleName(self.tr("Videos and recordings to watch"))
        say_when_empty(
            self.grid,
            self.tr(
                "Nothing to watch yet. Finished downloads and recordings show here: download "
                "a video (Ctrl+Shift+D, or D on an item) while the line is good."
            ),
        )
        self.grid.activated.connect(
            lambda index: self.play_requested.emit(self.model.entry(index.row()))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid)

    def reload(self) -> None:
        """Read the finished entries again (in a worker), keeping the current one."""

        def done(tiles: list[Tile]) -> None:
            current = self.grid.currentIndex()
            keep = self.model.entry(current.row()).id if current.isValid() else None
            self.model.set_tiles(tiles)
            for row, tile in enumerate(tiles):
                if tile.entry.id == keep:
                    self.grid.setCurrentIndex(self.model.index(row))

        self.latest.run("tiles", lambda _p, _c: load_tiles(self.store, self.media_dir), done)

    def next_after(self, entry: Download) -> Download | None:
        """The entry after `entry` in the grid (the next to play when it ends), if any."""
        rows = [tile.entry.id for tile in self.model.tiles]
        if entry.id not in rows or rows.index(entry.id) + 1 >= len(rows):
            return None
        following = self.model.entry(rows.index(entry.id) + 1)
        self.grid.setCurrentIndex(self.model.index(rows.index(entry.id) + 1))
        return following
