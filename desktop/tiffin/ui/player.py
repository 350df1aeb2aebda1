"""The offline player: plays a downloaded video or audio file from the media folder, picks up
where the user stopped, at 0.5x to 2x, with the downloaded subtitles, and marks it played.

Keys: Space play/pause · Left/Right 5 s (Shift: 30 s) · Up/Down volume · M mute · F full
screen (Esc leaves it) · [ and ] slower/faster · A audio only · S next subtitle language.
Positions are saved every few seconds and on pause, by a worker, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMetaObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPixmap
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tiffin.library import downloads, queries
from tiffin.library.downloads import Download
from tiffin.library.store import Store
from tiffin.media.gap_marks import gap_marks
from tiffin.media.subtitles import CueTrack, read_subtitles
from tiffin.ui import workers
from tiffin.ui.gap_slider import GapSlider
from tiffin.ui.models.units import human_time

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
PLAYED_AT = 0.95  # share of the duration after which an entry counts as played
SAVE_EVERY_MS = 5000


def load_extras(
    media_dir: Path, entry: Download
) -> tuple[dict[str, CueTrack], QImage | None, list[float]]:
    """The entry's subtitles by language, its thumbnail and, for a recording, where its gaps
    are (seconds), read from disk (call in a worker)."""
    tracks = {}
    for relative in entry.subtitles:
        language = (
            Path(relative).suffixes[-2].lstrip(".") if len(Path(relative).suffixes) > 1 else "?"
        )
        tracks[language] = CueTrack(read_subtitles(media_dir / relative))
    poster = QImage(str(media_dir / entry.thumbnail)) if entry.thumbnail else None
    gaps = gap_marks(media_dir / entry.path) if entry.live and entry.path else []
    return tracks, poster if poster is not None and not poster.isNull() else None, gaps


class PlayerWidget(QWidget):
    """See the module docstring. `played` is emitted with an entry once it counts as played."""

    played = Signal(object)
    ended = Signal(object)  # the entry that played to its end

    def __init__(self, store: Store, media_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.media_dir = store, media_dir
        self.entry: Download | None = None
        self.tracks: dict[str, CueTrack] = {}
        self.track: CueTrack | None = None
        self.resume_ms = 0
        self.marked_played = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Player"))

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setAccessibleName(self.tr("Video"))
        self.player.setVideoOutput(self.video)
        self.poster = QLabel()
        self.poster.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.poster.setAccessibleName(self.tr("Audio only"))
        self.stage = QStackedWidget()
        self.stage.addWidget(self.video)
        self.stage.addWidget(self.poster)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName(self.tr("Subtitles"))
        caption_font = self.caption.font()
        caption_font.setPointSizeF(caption_font.pointSizeF() * 1.4)
        self.caption.setFont(caption_font)
        self.title = QLabel()
        self.title.setWordWrap(True)

        self.play_button = QToolButton()
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = GapSlider()
        self.slider.setAccessibleName(self.tr("Position"))
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time_label = QLabel("0:00 / 0:00")
        self.speed = QComboBox()
        self.speed.setAccessibleName(self.tr("Speed"))
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(
            lambda i: self.player.setPlaybackRate(float(self.speed.itemData(i)))
        )
        self.subtitle_choice = QComboBox()
        self.subtitle_choice.setAccessibleName(self.tr("Subtitles"))
        # As wide as its longest entry ("No subtitles" in the language in use), never clipped
        self.subtitle_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.subtitle_choice.currentIndexChanged.connect(self.on_subtitle_chosen)
        self.audio_only = QToolButton()
        self.audio_only.setText(self.tr("Audio only"))
        self.audio_only.setCheckable(True)
        self.audio_only.toggled.connect(self.set_audio_only)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume (Up and Down; M mutes)"))
        self.volume.setRange(0, 100)
        self.volume.setMaximumWidth(100)
        self.volume.setValue(round(100 * self.audio.volume()))
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.audio.volumeChanged.connect(lambda v: self.volume.setValue(round(100 * v)))
        self.full_screen = QToolButton()
        self.full_screen.setText(self.tr("Full screen"))
        self.full_screen.setToolTip(self.tr("Full screen (F; Esc leaves it)"))
        self.full_screen.clicked.connect(self.toggle_full_screen)

        controls = QHBoxLayout()
        for widget in (self.play_button, self.slider, self.time_label, self.speed):
            controls.addWidget(widget, 1 if widget is self.slider else 0)
        controls.addWidget(self.subtitle_choice)
        controls.addWidget(self.audio_only)
        controls.addWidget(self.volume)
        controls.addWidget(self.full_screen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stage, 1)
        layout.addWidget(self.caption)
        layout.addLayout(controls)

        self.save_timer = QTimer(self)
        self.save_timer.setInterval(SAVE_EVERY_MS)
        self.save_timer.timeout.connect(self.save_position)
        self.player.positionChanged.connect(self.on_position_changed)
        self.player.durationChanged.connect(lambda ms: self.slider.setRange(0, int(ms)))
        self.player.mediaStatusChanged.connect(self.on_status_changed)
        self.player.playbackStateChanged.connect(self.on_state_changed)
        self.player.hasVideoChanged.connect(self.on_has_video_changed)
        self.on_state_changed(self.player.playbackState())

    # -- opening ------------------------------------------------------------------------------
    def open(self, entry: Download) -> None:
        """Play a finished entry from where the user stopped (subtitles and poster are read in
        a worker, then playback starts)."""
        self.save_position()
        self.entry, self.marked_played = entry, entry.played
        self.resume_ms = int(entry.resume_at * 1000)
        self.title.setText(entry.title)
        workers.start(
            lambda _p, _c: load_extras(self.media_dir, entry),
            lambda extras: self.on_extras_loaded(entry, *extras),
            self.title.setText,
        )

    def on_extras_loaded(
        self,
        entry: Download,
        tracks: dict[str, CueTrack],
        poster: QImage | None,
        gaps: list[float],
    ) -> None:
        if entry is not self.entry:
            return
        self.tracks = tracks
        self.slider.set_gaps(gaps)
        self.subtitle_choice.blockSignals(True)
        self.subtitle_choice.clear()
        self.subtitle_choice.addItem(self.tr("No subtitles"), "")
        for language in tracks:
            self.subtitle_choice.addItem(language, language)
        self.subtitle_choice.blockSignals(False)
        self.subtitle_choice.setCurrentIndex(1 if tracks else 0)
        self.on_subtitle_chosen(self.subtitle_choice.currentIndex())
        self.poster.setPixmap(QPixmap.fromImage(poster) if poster is not None else QPixmap())
        if poster is None:
            self.poster.setText(self.tr("♪ {0}").format(entry.title))
        self.player.setSource(QUrl.fromLocalFile(str(self.media_dir / (entry.path or ""))))
        self.player.play()
        self.setFocus()

    def on_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            self.on_has_video_changed(self.player.hasVideo())
            if self.resume_ms and self.resume_ms < self.player.duration() - 2000:
                self.player.setPosition(self.resume_ms)
            self.resume_ms = 0
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.mark_played()
            self.save_position(at_end=True)
            if self.entry is not None:
                self.ended.emit(self.entry)

    # -- controls -----------------------------------------------------------------------------
    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek_by(self, seconds: float) -> None:
        """Jump forwards or backwards, staying inside the media."""
        target = self.player.position() + int(seconds * 1000)
        self.player.setPosition(max(0, min(target, max(0, self.player.duration() - 500))))

    def step_speed(self, step: int) -> None:
        """Choose the next slower (-1) or faster (+1) speed."""
        index = min(len(SPEEDS) - 1, max(0, self.speed.currentIndex() + step))
        self.speed.setCurrentIndex(index)

    def set_audio_only(self, audio_only: bool) -> None:
        """Show the poster instead of the picture (and stop drawing the video)."""
        # Deselecting the track stops decoding the picture. (Taking the video output away
        # instead deadlocks Qt 6.11's FFmpeg backend at the next mute, 1 run in 3 here.)
        self.player.setActiveVideoTrack(-1 if audio_only else 0)
        self.stage.setCurrentWidget(self.poster if audio_only else self.video)

    def on_has_video_changed(self, has_video: bool) -> None:
        if not has_video and not self.audio_only.isChecked():
            self.stage.setCurrentWidget(self.poster)
        elif has_video and not self.audio_only.isChecked():
            self.stage.setCurrentWidget(self.video)

    def on_subtitle_chosen(self, index: int) -> None:
        language = self.subtitle_choice.itemData(index) if index >= 0 else ""
        self.track = self.tracks.get(language) if language else None
        self.caption.setText("")

    def toggle_full_screen(self) -> None:
        """Show the video alone on the whole screen, or leave that."""
        self.video.setFullScreen(not self.video.isFullScreen())

    def event(self, event: QEvent) -> bool:
        # The window's one-letter shortcuts (M marks read) must not take the player's keys.
        plain = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys(False)
            and not event.modifiers() & ~plain
        ):
            event.accept()
            return True
        return super().event(event)

    def _keys(self, shift: bool) -> dict[Qt.Key, Callable[[], object]]:
        return {
            Qt.Key.Key_Space: self.toggle,
            Qt.Key.Key_Left: lambda: self.seek_by(-30 if shift else -5),
            Qt.Key.Key_Right: lambda: self.seek_by(30 if shift else 5),
            Qt.Key.Key_Up: lambda: self.audio.setVolume(min(1.0, self.audio.volume() + 0.1)),
            Qt.Key.Key_Down: lambda: self.audio.setVolume(max(0.0, self.audio.volume() - 0.1)),
            Qt.Key.Key_M: lambda: self.audio.setMuted(not self.audio.isMuted()),
            Qt.Key.Key_F: self.toggle_full_screen,
            Qt.Key.Key_BracketLeft: lambda: self.step_speed(-1),
            Qt.Key.Key_BracketRight: lambda: self.step_speed(1),
            Qt.Key.Key_A: self.audio_only.toggle,
            Qt.Key.Key_S: lambda: self.subtitle_choice.setCurrentIndex(
                (self.subtitle_choice.currentIndex() + 1) % max(1, self.subtitle_choice.count())
            ),
        }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        actions = self._keys(shift)
        if key == Qt.Key.Key_Escape and self.video.isFullScreen():
            self.video.setFullScreen(False)
        elif key in actions:
            actions[Qt.Key(key)]()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- position -----------------------------------------------------------------------------
    def on_position_changed(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        duration = self.player.duration()
        self.time_label.setText(f"{human_time(ms / 1000)} / {human_time(duration / 1000)}")
        if self.track is not None:
            self.caption.setText(self.track.cue_at(ms / 1000))
        if duration > 0 and ms >= PLAYED_AT * duration:
            self.mark_played()

    def on_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        if playing:
            self.save_timer.start()
        else:
            self.save_timer.stop()
        if state == QMediaPlayer.PlaybackState.PausedState:
            self.save_position()

    def mark_played(self) -> None:
        """Count the entry as played (and its item as read), once."""
        entry = self.entry
        if entry is None or self.marked_played:
            return
        self.marked_played = True

        def task() -> None:
            downloads.record_playback(self.store, entry.id, self.player.position() / 1000, True)
            if entry.item_id is not None:
                queries.set_read(self.store, [entry.item_id], True)

        workers.start(
            lambda _p, _c: task(),
            lambda _r: self.played.emit(entry),
            self.title.setText,
            workers.writes(),
        )

    def save_position(self, at_end: bool = False) -> None:
        """Remember where the user is in the current entry (the start again once it ended)."""
        entry = self.entry
        if entry is None or self.player.source().isEmpty():
            return
        seconds = 0.0 if at_end else self.player.position() / 1000
        workers.start(
            lambda _p, _c: downloads.record_playback(self.store, entry.id, seconds),
            lambda _r: None,
            self.title.setText,
            workers.writes(),
        )

    def stop(self) -> None:
        """Save the position and stop playing (the window is closing or another file opens)."""
        self.save_position()
        # Queued, so the stop runs from the event loop, where PySide has released the GIL:
        # called directly it holds the GIL while FFmpeg's backend may be destroying one of its
        # objects on another thread, which needs the GIL too (a deadlock seen stopping a live
        # timeshift playlist).
        QMetaObject.invokeMethod(self.player, "stop", Qt.ConnectionType.QueuedConnection)
