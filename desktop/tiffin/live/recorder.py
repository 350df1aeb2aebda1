"""Recording an HLS live stream segment by segment, from the oldest segment the playlist
still holds, until the stream ends.

Segments are identified by their media sequence number, so a reload that overlaps the last
one duplicates nothing, and a line that drops for less than the playlist's window loses
nothing: the segments are still listed when it comes back. What the window slid past is
recorded honestly as a gap (sequence numbers, start time, length, reason). Everything is
journalled (`journal.jsonl` beside the segments), so running the recorder again after a
crash or `kill -9` continues where it stopped. A stream that pauses (the playlist stops
growing, or answers errors) is followed for `grace` seconds before it counts as over. Given
a master playlist, the recorder takes the best variant under the height cap and steps down
to a lower one when segments keep arriving slower than they play; when that variant's sound is
a separate audio rendition (EXT-X-MEDIA), a second recorder follows it into `audio/`.

While it runs, `timeshift.m3u8` in the folder lists what is on disk (an EVENT playlist, or a
master naming `video.m3u8` and the audio track's playlist), so the part already captured can
be watched. At the end `finish()` remuxes the segments without
re-encoding into one file (ffmpeg reads a local playlist naming them, so init sections,
AES-128 keys and discontinuities are handled as a player would), with a chapter mark after
each gap.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from tiffin.config import Settings
from tiffin.errors import MediaError, NetError, PlaylistInvalid
from tiffin.live.playlist import MasterPlaylist, MediaPlaylist, Segment, Variant, parse_playlist
from tiffin.media.gap_marks import GAP_CHAPTER
from tiffin.media.toolchain import ffmpeg_into
from tiffin.net.client import fetch
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

MAX_PLAYLIST_BYTES = 8 * 1024 * 1024
MAX_SEGMENT_BYTES = 256 * 1024 * 1024
SEGMENT_TRIES = 3
SLOW_SEGMENTS = 3
_SEGMENT_TYPES = (".ts", ".m4s", ".mp4", ".m4a", ".m4v", ".aac", ".ac3", ".mp3", ".cmfv", ".cmfa")


@dataclass(frozen=True)
class Gap:
    """Sequence numbers `first` to `last` that could not be recorded, and why."""

    first: int
    last: int
    duration: float
    reason: str
    start: str | None = None  # program date-time of the first missing second, when known


@dataclass(frozen=True)
class RecordingProgress:
    """How a recording is going: segments and seconds on disk, gaps so far, and its state."""

    segments: int
    seconds: float
    gaps: int
    state: str  # waiting, recording, paused (the stream stopped answering), ended


@dataclass
class _Journal:
    path: Path
    segments: dict[int, dict[str, Any]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    media_url: str | None = None
    audio_url: str | None = None

    @classmethod
    def load(cls, path: Path) -> _Journal:
        journal = cls(path)
        if not path.exists():
            return journal
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue  # a line cut short by a kill
            if "seg" in entry and (path.parent / entry["file"]).exists():
                journal.segments[int(entry["seg"])] = entry
            elif "gap" in entry:
                first, last = entry["gap"]
                journal.gaps.append(
                    Gap(first, last, entry["duration"], entry["reason"], entry.get("start"))
                )
            elif "media" in entry:
                journal.media_url = entry["media"]
            elif "audio" in entry:
                journal.audio_url = entry["audio"]
        return journal

    def add(self, entry: dict[str, Any]) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    @property
    def last(self) -> int | None:
        ends = [*self.segments, *(g.last for g in self.gaps)]
        return max(ends) if ends else None


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
    ) -> None:
        self.url, self.folder, self.settings = url, folder, settings
        self.from_start, self.grace, self.max_height = from_start, grace, max_height
        self.on_progress = on_progress
        self.cancel = cancel or CancelToken()
        folder.mkdir(parents=True, exist_ok=True)
        self.journal = _Journal.load(folder / "journal.jsonl")
        self.keys: dict[str, str] = {}
        self.variants: tuple[Variant, ...] = ()  # known once a master playlist was read
        self.slow = 0
        self.audio: HlsRecorder | None = None
        self.audio_task: asyncio.Task[Recording] | None = None

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
            except (NetError, PlaylistInvalid) as exc:
                failures += 1
                if time.monotonic() - last_good > self.grace:
                    return self._ended(
                        f"the stream has not answered for {self.grace:.0f} s ({exc})"
                    )
                self._report("paused")
                await asyncio.sleep(min(10.0, 0.5 * 2 ** min(failures, 5)))
                continue
            failures = 0
            last_good = time.monotonic()
            before = self.journal.last
            await self._take(client, playlist, first_round)
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

    def _use(self, media_url: str) -> None:
        self.journal.media_url = media_url
        self.journal.add({"media": media_url})

    def _step_down(self) -> bool:
        """Switch to the next lower variant (HLS aligns their sequence numbers, so recording
        goes on from the next segment); False if there is none."""
        uris = [v.uri for v in self.variants]
        if self.journal.media_url not in uris or uris.index(self.journal.media_url) == 0:
            return False
        lower = uris[uris.index(self.journal.media_url) - 1]
        logger.info("recording %s: the line cannot keep up; switching to %s", self.url, lower)
        self._use(lower)
        return True

    async def _take(self, client: httpx.AsyncClient, playlist: MediaPlaylist, first: bool) -> None:
        last = self.journal.last
        new = [s for s in playlist.segments if last is None or s.sequence > last]
        if first and not self.from_start:
            new = new[-3:]
        if last is not None and new and new[0].sequence > last + 1:
            missing = new[0].sequence - last - 1
            self._gap(
                last + 1,
                new[0].sequence - 1,
                missing * playlist.target_duration,
                "the playlist moved past them while the stream was out of reach",
                None,
            )
        for segment in new:
            self.cancel.raise_if_cancelled()
            started = time.monotonic()
            await self._segment(client, segment)
            # Slower than real time, three segments running: this variant cannot keep up.
            self.slow = self.slow + 1 if time.monotonic() - started > segment.duration else 0
            if self.slow >= SLOW_SEGMENTS and self._step_down():
                self.slow = 0
                return  # the rest comes from the lower variant's playlist

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
                if attempt == SEGMENT_TRIES - 1:
                    start = (
                        segment.program_date_time.isoformat() if segment.program_date_time else None
                    )
                    self._gap(segment.sequence, segment.sequence, segment.duration, str(exc), start)
                    return
                await asyncio.sleep(0.5 * 2**attempt)
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
        self.journal.segments[segment.sequence] = entry
        self._write_timeshift()
        self._report("recording")

    def _write_timeshift(self, ended: bool = False) -> None:
        """Keep a growing playlist of what is on disk, so it can be watched while recording
        (with an end list once the recording is over, so a player watching it stops there)."""
        if not self.journal.segments:
            return
        text, _, _ = _local_playlist(self.journal, ended=ended)
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
        gap = Gap(first, last, duration, reason, start)
        self.journal.gaps.append(gap)
        self.journal.add(
            {"gap": [first, last], "duration": duration, "reason": reason, "start": start}
        )
        logger.info("recording %s: gap of segments %d-%d (%s)", self.url, first, last, reason)

    def _seconds(self) -> float:
        return sum(float(e["duration"]) for e in self.journal.segments.values())

    def _report(self, state: str) -> None:
        if self.on_progress is not None:
            self.on_progress(
                RecordingProgress(
                    len(self.journal.segments), self._seconds(), len(self.journal.gaps), state
                )
            )

    def _ended(self, why: str) -> Recording:
        self._write_timeshift(ended=True)
        self._report("ended")
        return Recording(
            self.folder, len(self.journal.segments), self._seconds(), tuple(self.journal.gaps), why
        )


def _suffix(uri: str, default: str) -> str:
    """The file type of a segment address, among those ffmpeg's HLS reader accepts."""
    suffix = Path(httpx.URL(uri).path).suffix.lower()
    return suffix if suffix in _SEGMENT_TYPES else default


TIMESHIFT = "timeshift.m3u8"
VIDEO = "video.m3u8"  # the video track's timeshift playlist, when the audio is separate
AUDIO = "audio"  # the folder of a separate audio track
_TIMESHIFT_MASTER = f"""#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,AUTOSELECT=YES,URI="{AUDIO}/{TIMESHIFT}"
#EXT-X-STREAM-INF:BANDWIDTH=1000000,AUDIO="audio"
{VIDEO}
"""


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _local_playlist(journal: _Journal, ended: bool) -> tuple[str, list[tuple[float, str]], float]:
    """A playlist of the recorded segment files (what a player or ffmpeg reads), the chapter
    marks (one after each gap) and the total seconds."""
    entries = journal.segments
    gap_starts = {g.first for g in journal.gaps}
    target = max(float(e["duration"]) for e in entries.values())
    kind = "VOD" if ended else "EVENT"
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", f"#EXT-X-PLAYLIST-TYPE:{kind}"]
    lines.append(f"#EXT-X-TARGETDURATION:{int(target + 0.999)}")
    previous: dict[str, Any] | None = None
    chapters: list[tuple[float, str]] = [(0.0, "Start")]
    clock = 0.0
    for sequence in sorted(entries):
        entry = entries[sequence]
        after_gap = previous is not None and any(
            int(previous["seg"]) < g <= sequence for g in gap_starts
        )
        if previous is not None and (after_gap or entry["disc"] != previous["disc"]):
            lines.append("#EXT-X-DISCONTINUITY")
        if after_gap:
            chapters.append((clock, f"{GAP_CHAPTER} before segment {sequence}"))
        if entry.get("init") and (previous is None or previous.get("init") != entry["init"]):
            lines.append(f'#EXT-X-MAP:URI="{entry["init"]}"')
        if (previous or {}).get("key") != entry.get("key"):
            if entry.get("key"):
                iv = f",IV={entry['iv']}" if entry.get("iv") else ""
                lines.append(f'#EXT-X-KEY:METHOD=AES-128,URI="{entry["key"]}"{iv}')
            else:
                lines.append("#EXT-X-KEY:METHOD=NONE")
        lines += [f"#EXTINF:{float(entry['duration']):.3f},", entry["file"]]
        clock += float(entry["duration"])
        previous = entry
    if ended:
        lines.append("#EXT-X-ENDLIST")
    return "\n".join(lines) + "\n", chapters, clock


def finish(folder: Path, out: Path) -> Path:
    """Remux the recorded segments in `folder` into `out` without re-encoding, with a chapter
    after each gap; raises MediaError if ffmpeg cannot."""
    video, chapters, clock = _write_local_playlist(folder)
    inputs = [video]
    if (folder / AUDIO / "journal.jsonl").exists():
        inputs.append(_write_local_playlist(folder / AUDIO)[0])
    metadata = folder / "chapters.txt"
    metadata.write_text(_chapters(chapters, clock), encoding="utf-8")
    arguments: list[str] = []
    for playlist in inputs:
        arguments += ["-allowed_extensions", "ALL", "-protocol_whitelist", "file,crypto,data"]
        arguments += ["-i", str(playlist)]
    arguments += ["-i", str(metadata), "-map", "0"]
    if len(inputs) > 1:
        arguments += ["-map", "1:a"]
    arguments += ["-map_chapters", str(len(inputs)), "-c", "copy"]
    return ffmpeg_into(arguments, out, "ffmpeg could not join the recording")


def _write_local_playlist(folder: Path) -> tuple[Path, list[tuple[float, str]], float]:
    """Write `local.m3u8` naming the segments recorded in `folder`; returns it with the chapter
    marks and the total seconds. Raises MediaError if nothing was recorded there."""
    journal = _Journal.load(folder / "journal.jsonl")
    if not journal.segments:
        raise MediaError(f"nothing was recorded in {folder}")
    text, chapters, clock = _local_playlist(journal, ended=True)
    local = folder / "local.m3u8"
    local.write_text(text, encoding="utf-8")
    return local, chapters, clock


def _chapters(marks: list[tuple[float, str]], total: float) -> str:
    text = ";FFMETADATA1\n"
    for number, (start, title) in enumerate(marks):
        end = marks[number + 1][0] if number + 1 < len(marks) else total
        text += (
            f"[CHAPTER]\nTIMEBASE=1/1000\nSTART={int(start * 1000)}\nEND={int(end * 1000)}\n"
            f"title={title}\n"
        )
    return text
