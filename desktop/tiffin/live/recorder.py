"""Recording an HLS live stream segment by segment, from the oldest segment the playlist
still holds, until the stream ends.

Segments are identified by their media sequence number, so a reload that overlaps the last
one duplicates nothing, and a line that drops for less than the playlist's window loses
nothing: the segments are still listed when it comes back, and the pause between tries never
grows past a third of the window. A segment that fails because the host is out of reach is
left for the next reload (oldest first); one the host says is gone, or that keeps failing,
and what the window slid past, are recorded honestly as gaps (sequence numbers, start time,
length, reason). Everything is journalled (live/journal.py), so running the recorder again
after a crash or `kill -9` continues where it stopped. A stream that pauses (the playlist
stops growing, or answers errors) is followed for `grace` seconds before it counts as over.

Given a master playlist, the recorder takes the best variant under the height cap and steps
down to a lower one when segments keep arriving slower than they play; when that variant's
sound is a separate audio rendition (EXT-X-MEDIA), a second recorder follows it into
`audio/`. When even the lowest variant cannot keep up, the picture is left out (noted as
sound-only stretches) so that the line carries the sound whole, and tried again later.

While it runs, `timeshift.m3u8` in the folder lists what is on disk (an EVENT playlist, or a
master naming `video.m3u8` and the audio track's playlist), so the part already captured can
be watched; live/joining.py makes the final file.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from tiffin.config import Settings
from tiffin.errors import HttpStatusError, NetError, PlaylistInvalid
from tiffin.live.joining import AUDIO
from tiffin.live.journal import AUDIO_ONLY, JOURNAL, Gap, Journal, local_playlist
from tiffin.live.playlist import MasterPlaylist, MediaPlaylist, Segment, Variant, parse_playlist
from tiffin.net.client import fetch
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

MAX_PLAYLIST_BYTES = 8 * 1024 * 1024
MAX_SEGMENT_BYTES = 256 * 1024 * 1024
SEGMENT_TRIES = 3
SLOW_SEGMENTS = 3
WINDOW = 30.0  # the pause between tries grows to a third of this before a playlist was read
PICTURE_PAUSE = 8  # segments' lengths (target durations) the picture is first left out for
PICTURE_PAUSE_MOST = 128
_SEGMENT_TYPES = (".ts", ".m4s", ".mp4", ".m4a", ".m4v", ".aac", ".ac3", ".mp3", ".cmfv", ".cmfa")


@dataclass(frozen=True)
class RecordingProgress:
    """How a recording is going: segments and seconds on disk, gaps so far, and its state."""

    segments: int
    seconds: float
    gaps: int
    state: str  # waiting, recording, paused (the stream stopped answering), ended


@dataclass(frozen=True)
class Recording:
    """What a finished run recorded, why it ended, and the gaps."""

    folder: Path
    segments: int
    seconds: float
    gaps: tuple[Gap, ...]
    ended_because: str


class HlsRecorder:
    """Records the HLS stream at `url` into `folder`; see the module docstring."""

    def __init__(
        self,
        url: str,
        folder: Path,
        settings: Settings,
        *,
        from_start: bool = True,
        grace: float = 60.0,
        max_height: int | None = None,
        on_progress: Callable[[RecordingProgress], None] | None = None,
        cancel: CancelToken | None = None,
        keep_up: bool = True,
    ) -> None:
        self.url, self.folder, self.settings = url, folder, settings
        self.keep_up = keep_up  # False for a replay: slow segments are waited for, not dropped
        self.from_start, self.grace, self.max_height = from_start, grace, max_height
        self.on_progress = on_progress
        self.cancel = cancel or CancelToken()
        folder.mkdir(parents=True, exist_ok=True)
        self.journal = Journal.load(folder / JOURNAL)
        self.keys: dict[str, str] = {}
        self.variants: tuple[Variant, ...] = ()  # known once a master playlist was read
        self.slow = 0
        self.audio: HlsRecorder | None = None
        self.audio_task: asyncio.Task[Recording] | None = None
        self.window = WINDOW  # seconds the playlist lists, once it was read
        self.target = 2.0  # its target duration
        self.failed_rounds: dict[int, int] = {}
        self.picture_pause = 0.0
        self.picture_back = 0.0  # monotonic time until which the picture is left out

    # -- the loop -----------------------------------------------------------------------------
    async def run(self, client: httpx.AsyncClient) -> Recording:
        """Follow the stream until it ends, goes away for longer than `grace`, or is cancelled
        (then the journal lets a later run continue). A separate audio track is followed
        alongside, and this returns once both have ended."""
        try:
            video = await self._follow(client)
        except BaseException:
            if self.audio_task is not None:
                self.audio_task.cancel()
                await asyncio.gather(self.audio_task, return_exceptions=True)
            raise
        if self.audio_task is None:
            return video
        audio = await self.audio_task
        self._write_timeshift(ended=True)
        gaps = video.gaps + tuple(replace(g, reason=f"audio: {g.reason}") for g in audio.gaps)
        return replace(video, gaps=gaps)

    def _start_audio(self, client: httpx.AsyncClient, url: str) -> None:
        """Follow the separate audio track at `url` into `audio/`, once."""
        if self.audio_task is not None:
            return
        if self.journal.audio_url != url:
            self.journal.audio_url = url
            self.journal.add({"audio": url})
        self.audio = HlsRecorder(
            url,
            self.folder / AUDIO,
            self.settings,
            from_start=self.from_start,
            grace=self.grace,
            cancel=self.cancel,
            keep_up=self.keep_up,
        )
        self.audio_task = asyncio.create_task(self.audio.run(client))

    async def _follow(self, client: httpx.AsyncClient) -> Recording:
        if self.journal.audio_url:
            self._start_audio(client, self.journal.audio_url)
        last_good = last_growth = time.monotonic()
        failures = 0
        first_round = self.journal.last is None
        while True:
            self.cancel.raise_if_cancelled()
            try:
                playlist = await self._media_playlist(client)
                before = self.journal.last
                await self._take(client, playlist, first_round)
            except (NetError, PlaylistInvalid) as exc:
                failures += 1
                if time.monotonic() - last_good > self.grace:
                    return self._ended(
                        f"the stream has not answered for {self.grace:.0f} s ({exc})"
                    )
                self._report("paused")
                # Never so long that the window slides past segments it still lists.
                await asyncio.sleep(min(self.window / 3, 0.5 * 2 ** min(failures, 5)))
                continue
            failures = 0
            last_good = time.monotonic()
            first_round = False
            if self.journal.last != before:
                last_growth = time.monotonic()
            if playlist.ended:
                return self._ended("the stream ended")
            if time.monotonic() - last_growth > self.grace:
                return self._ended(f"the stream has not grown for {self.grace:.0f} s")
            self._report("recording")
            await asyncio.sleep(max(0.2, playlist.target_duration / 2))

    async def _media_playlist(self, client: httpx.AsyncClient) -> MediaPlaylist:
        url = self.journal.media_url or self.url
        result = await fetch(client, url, self.settings, max_bytes=MAX_PLAYLIST_BYTES)
        playlist = parse_playlist(result.body.decode("utf-8", errors="replace"), result.url)
        if isinstance(playlist, MasterPlaylist):
            self.variants = playlist.variants
            variant = playlist.pick(self.max_height)
            audio = playlist.audio_for(variant)
            if audio is not None and audio.uri:
                self._start_audio(client, audio.uri)
            self._use(variant.uri)
            return await self._media_playlist(client)
        return playlist

    def _use(self, media_url: str, lower: bool = False) -> None:
        self.journal.add({"media": media_url, "lower": lower})

    def _step_down(self) -> bool:
        """Switch to the next lower variant (HLS aligns their sequence numbers, so recording
        goes on from the next segment); False if there is none."""
        uris = [v.uri for v in self.variants]
        if self.journal.media_url not in uris or uris.index(self.journal.media_url) == 0:
            return False
        lower = uris[uris.index(self.journal.media_url) - 1]
        logger.info("recording %s: the line cannot keep up; switching to %s", self.url, lower)
        self._use(lower, lower=True)
        return True

    async def _take(self, client: httpx.AsyncClient, playlist: MediaPlaylist, first: bool) -> None:
        self.window = sum(s.duration for s in playlist.segments) or self.window
        self.target = playlist.target_duration or self.target
        last = self.journal.last
        new = [s for s in playlist.segments if last is None or s.sequence > last]
        if first and not self.from_start:
            new = new[-3:]
        if last is not None and new and new[0].sequence > last + 1:
            missing = new[0].sequence - last - 1
            each = self.window / len(playlist.segments)  # their lengths are not listed any more
            self._gap(
                last + 1,
                new[0].sequence - 1,
                missing * each,
                "the playlist moved past them while the stream was out of reach",
                None,
            )
        if new and self._sound_only(new):
            return
        for segment in new:
            self.cancel.raise_if_cancelled()
            started = time.monotonic()
            await self._segment(client, segment)
            # Slower than real time, three segments running: this variant cannot keep up.
            self.slow = self.slow + 1 if time.monotonic() - started > segment.duration else 0
            if (
                self.keep_up
                and self.slow >= SLOW_SEGMENTS
                and (self._step_down() or self._picture_off())
            ):
                self.slow = 0
                return  # the rest comes from the lower variant's playlist, or as sound only

    def _picture_off(self) -> bool:
        """Even the lowest variant cannot keep up: leave the picture out, so that the line
        carries the separate sound whole, and try the picture again later (each time it fails
        again, twice as late). False when the sound is not separate."""
        if self.audio_task is None:
            return False
        first, most = PICTURE_PAUSE * self.target, PICTURE_PAUSE_MOST * self.target
        self.picture_pause = min(self.picture_pause * 2, most) or first
        self.picture_back = time.monotonic() + self.picture_pause
        logger.info("recording %s: keeping the sound only for %.0f s", self.url, self.picture_pause)
        return True

    def _sound_only(self, new: list[Segment]) -> bool:
        """While the picture is left out, note `new` as a stretch of sound only; False once
        it is time to try the picture again."""
        if time.monotonic() >= self.picture_back:
            return False
        seconds = sum(s.duration for s in new)
        reason = f"{AUDIO_ONLY}: the line could not carry the picture"
        self._gap(new[0].sequence, new[-1].sequence, seconds, reason, _start(new[0]))
        return True

    async def _segment(self, client: httpx.AsyncClient, segment: Segment) -> None:
        for attempt in range(SEGMENT_TRIES):
            try:
                data = await fetch(
                    client,
                    segment.uri,
                    self.settings,
                    max_bytes=MAX_SEGMENT_BYTES,
                    byterange=segment.byterange,
                )
                init = await self._init(client, segment)
                key = await self._key(client, segment)
                break
            except NetError as exc:
                if attempt < SEGMENT_TRIES - 1:
                    await asyncio.sleep(0.5 * 2**attempt)
                    continue
                rounds = self.failed_rounds[segment.sequence] = (
                    self.failed_rounds.get(segment.sequence, 0) + 1
                )
                gone = isinstance(exc, HttpStatusError) and exc.status in (404, 410)
                if not gone and rounds < SEGMENT_TRIES:
                    # The host is out of reach, not the segment gone: back to the playlist,
                    # which lists it again (oldest first) once the host answers.
                    raise
                self._gap(
                    segment.sequence, segment.sequence, segment.duration, str(exc), _start(segment)
                )
                return
        name = f"seg-{segment.sequence:09d}{_suffix(segment.uri, '.ts')}"
        temporary = self.folder / (name + ".part")
        temporary.write_bytes(data.body)
        temporary.replace(self.folder / name)
        entry = {
            "seg": segment.sequence,
            "file": name,
            "duration": segment.duration,
            "disc": segment.discontinuity,
            "pdt": segment.program_date_time.isoformat() if segment.program_date_time else None,
            "init": init,
            "key": key,
            "iv": segment.key.iv if segment.key else None,
        }
        self.journal.add(entry)
        self._write_timeshift()
        self._report("recording")

    def _write_timeshift(self, ended: bool = False) -> None:
        """Keep a growing playlist of what is on disk, so it can be watched while recording
        (with an end list once the recording is over, so a player watching it stops there)."""
        if not self.journal.segments:
            return
        text, _, _ = local_playlist(self.journal, ended=ended)
        if self.journal.audio_url is None:
            _write_atomically(self.folder / TIMESHIFT, text)
            return
        _write_atomically(self.folder / VIDEO, text)
        if (self.folder / AUDIO / TIMESHIFT).exists():
            _write_atomically(self.folder / TIMESHIFT, _TIMESHIFT_MASTER)

    async def _init(self, client: httpx.AsyncClient, segment: Segment) -> str | None:
        return await self._side_file(client, segment.init_uri, "init")

    async def _key(self, client: httpx.AsyncClient, segment: Segment) -> str | None:
        return await self._side_file(client, segment.key.uri if segment.key else None, "key")

    async def _side_file(self, client: httpx.AsyncClient, uri: str | None, kind: str) -> str | None:
        """Init sections and keys, fetched once per address and kept beside the segments."""
        if uri is None:
            return None
        if uri not in self.keys:
            name = (
                f"{kind}-{len(self.keys):04d}{_suffix(uri, '.mp4') if kind == 'init' else '.key'}"
            )
            if not (self.folder / name).exists():
                result = await fetch(client, uri, self.settings, max_bytes=MAX_SEGMENT_BYTES)
                (self.folder / name).write_bytes(result.body)
            self.keys[uri] = name
        return self.keys[uri]

    # -- bookkeeping --------------------------------------------------------------------------
    def _gap(self, first: int, last: int, duration: float, reason: str, start: str | None) -> None:
        self.journal.add(
            {"gap": [first, last], "duration": duration, "reason": reason, "start": start}
        )
        logger.info("recording %s: gap of segments %d-%d (%s)", self.url, first, last, reason)

    def _report(self, state: str) -> None:
        if self.on_progress is not None:
            self.on_progress(
                RecordingProgress(
                    len(self.journal.segments), self.journal.seconds, len(self.journal.gaps), state
                )
            )

    def _ended(self, why: str) -> Recording:
        self._write_timeshift(ended=True)
        self._report("ended")
        return Recording(
            self.folder,
            len(self.journal.segments),
            self.journal.seconds,
            tuple(self.journal.gaps),
            why,
        )


def _start(segment: Segment) -> str | None:
    return segment.program_date_time.isoformat() if segment.program_date_time else None


def _suffix(uri: str, default: str) -> str:
    """The file type of a segment address, among those ffmpeg's HLS reader accepts."""
    suffix = Path(httpx.URL(uri).path).suffix.lower()
    return suffix if suffix in _SEGMENT_TYPES else default


TIMESHIFT = "timeshift.m3u8"
VIDEO = "video.m3u8"  # the video track's timeshift playlist, when the audio is separate
_TIMESHIFT_MASTER = f"""#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,URI="{AUDIO}/{TIMESHIFT}"
#EXT-X-STREAM-INF:BANDWIDTH=1000000,AUDIO="audio"
{VIDEO}
"""


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
