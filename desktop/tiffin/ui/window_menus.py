"""The main window's actions, menus and toolbar: each action with its shortcut (listed by F1),
its menu and, for the common ones, a freedesktop theme icon with a shipped fallback."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from tiffin.ui.models.item_list_model import Shown
from tiffin.ui.share_menu import ShareMenu
from tiffin.ui.swarm_menu import SwarmActions

if TYPE_CHECKING:
    from tiffin.ui.main_window import MainWindow

Key = QKeySequence | QKeySequence.StandardKey | str


def _action(window: MainWindow, text: str, shortcut: Key, slot: Callable[[], object]) -> QAction:
    action = QAction(text, window)
    action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _icon(window: MainWindow, theme: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """The desktop theme's icon named `theme`, else Qt's own drawing of one like it."""
    return QIcon.fromTheme(theme, window.style().standardIcon(fallback))


class WindowMenus(QObject):
    """Makes a window's actions (kept as its attributes where other code triggers them), its
    menu bar and its toolbar."""

    def build(self, window: MainWindow) -> None:
        """Add them all to `window`."""
        w, items, subs = window, window.items, window.subscriptions
        w.add_action = _action(
            w, self.tr("&Add subscription…"), QKeySequence.StandardKey.New, subs.add
        )
        w.add_action.setIcon(_icon(w, "list-add", QStyle.StandardPixmap.SP_FileDialogNewFolder))
        w.refresh_action = _action(w, self.tr("&Refresh all"), "F5", subs.refresh)
        w.refresh_action.setIcon(_icon(w, "view-refresh", QStyle.StandardPixmap.SP_BrowserReload))
        w.import_action = _action(w, self.tr("&Import OPML…"), "Ctrl+I", subs.ask_import)
        w.export_action = _action(w, self.tr("&Export OPML…"), "Ctrl+E", subs.ask_export)
        quit_action = _action(w, self.tr("&Quit"), QKeySequence.StandardKey.Quit, w.close)
        w.settings_action = _action(w, self.tr("&Settings…"), "Ctrl+,", w.on_settings_triggered)
        w.toggle_read_action = _action(w, self.tr("Toggle &read"), "M", items.toggle_read)
        w.mark_all_action = _action(w, self.tr("Mark &all read"), "Shift+M", items.mark_all_read)
        w.undo_action = w.undo_stack.createUndoAction(w, self.tr("&Undo"))
        w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        w.redo_action = w.undo_stack.createRedoAction(w, self.tr("&Redo"))
        w.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        w.addActions([w.undo_action, w.redo_action])
        w.shortcuts_action = _action(
            w, self.tr("&Keyboard shortcuts"), "F1", w.on_shortcuts_triggered
        )
        w.shortcuts_action.setShortcuts([QKeySequence("F1"), QKeySequence("?")])
        next_action = _action(w, self.tr("&Next item"), "J", lambda: items.step(1))
        previous_action = _action(w, self.tr("&Previous item"), "K", lambda: items.step(-1))
        find_action = _action(
            w, self.tr("&Search"), QKeySequence.StandardKey.Find, items.focus_search
        )
        shown_actions = [
            _action(w, text, key, partial(items.show_only, shown))
            for text, key, shown in (
                (self.tr("Show a&ll items"), "Ctrl+Shift+A", Shown.ALL),
                (self.tr("Show &unread only"), "Ctrl+Shift+U", Shown.UNREAD),
                (self.tr("Show ready &offline only"), "Ctrl+Shift+O", Shown.READY),
            )
        ]
        reader = w.item_view
        larger = _action(
            w,
            self.tr("&Larger text"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: reader.set_zoom(reader.zoom + 1),
        )
        smaller = _action(
            w,
            self.tr("&Smaller text"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: reader.set_zoom(reader.zoom - 1),
        )
        normal = _action(w, self.tr("&Normal text size"), "Ctrl+0", lambda: reader.set_zoom(0))
        pages: tuple[tuple[str, str, QWidget], ...] = (
            (self.tr("&Reader"), "Ctrl+1", w.item_view),
            (self.tr("&Events"), "Ctrl+5", w.events_view),
            (self.tr("&Watch"), "Ctrl+6", w.watch),
            (self.tr("&Player"), "Ctrl+2", w.player),
            (self.tr("&Downloads"), "Ctrl+3", w.downloads),
            (self.tr("&Line state"), "Ctrl+4", w.line),
        )
        shows = [
            _action(w, text, key, partial(w.pane.setCurrentWidget, page))
            for text, key, page in pages
        ]
        w.download_action = _action(
            w, self.tr("Download video or audio…"), "Ctrl+Shift+D", w.on_download_triggered
        )
        w.download_action.setIcon(
            _icon(w, "document-save", QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        w.download_item_action = _action(
            w, self.tr("Download this item's video or audio"), "D", w.on_download_item_triggered
        )

        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([w.add_action, w.import_action, w.export_action])
        file_menu.addSeparator()
        file_menu.addAction(w.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([w.undo_action, w.redo_action])
        items_menu = bar.addMenu(self.tr("&Items"))
        items_menu.addActions(
            [
                w.refresh_action,
                w.toggle_read_action,
                w.mark_all_action,
                next_action,
                previous_action,
                find_action,
            ]
        )
        items_menu.addSeparator()
        items_menu.addActions(shown_actions)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(shows)
        view_menu.addSeparator()
        view_menu.addActions([larger, smaller, normal])
        media_menu = bar.addMenu(self.tr("&Media"))
        media_menu.addActions([w.download_action, w.download_item_action])
        w.sharing = ShareMenu(
            w,
            w.store,
            w.paths,
            lambda: w.settings,
            lambda: w.sources_pane.selected_ids,
            w.status_label.setText,
        )
        sharing = w.sharing

        def show_imported(_report: object) -> None:  # from a stick or the swarm: everywhere
            w.reload_sources()
            w.reload_events()
            w.downloads.reload()
            w.watch.reload()

        sharing.imported.connect(show_imported)
        swarm = SwarmActions(
            w,
            w.paths,
            lambda: w.settings,
            sharing.import_from,
            w.status_label.setText,
            lambda folder: sharing.share.web_seeds(folder) if sharing.share else [],
        )
        w.sharing.also_stop.append(swarm.stop)
        share_menu = bar.addMenu(self.tr("&Share"))
        w.sharing.add_to(share_menu)
        share_menu.addSeparator()
        share_menu.addActions([swarm.seed_action, swarm.get_action])
        w.downloads.swarm_table.use(swarm.model)
        w.downloads.swarm_table.stop_requested.connect(swarm.stop_one)
        w.downloads.swarm_table.clear_requested.connect(swarm.clear)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(w.shortcuts_action)
        toolbar = w.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions([w.add_action, w.refresh_action, w.download_action])
        toolbar.addSeparator()
        toolbar.addWidget(items.shown_box)
        toolbar.addWidget(w.search_box)
