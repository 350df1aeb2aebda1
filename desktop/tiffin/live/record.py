"""Recording a live or upcoming stream named by any address yt-dlp understands (or a plain
HLS playlist), into the media library.

yt-dlp resolves the page to the stream's HLS playlist in a child process; asked to record from
the start, a site whose fragments go back to the stream's first second (YouTube) is recorded by
yt-dlp's own live-from-start instead (live/from_start.py). An upcoming stream is waited for
without hammering the site: sleep until shortly before its announced start (streams often
begin early), then ask again with a growing pause. The HLS recorder then
follows the stream to its end; the segments are joined into one file, which enters the
library like any download. Running the same recording again continues from its journal.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin.config import Paths, Settings
from tiffin.errors import Cancelled, MediaError, MediaUnavailable, TiffinError
from tiffin.fetch.pool import in_child
from tiffin.library import downloads
from tiffin.library.downloads import DoneFile, Download, Status
from tiffin.library.heals import note_recording
from tiffin.library.store import Store
from tiffin.live.from_start import offers_from_start, record_from_start
from tiffin.live.joining import Kept, finish, kept
from tiffin.live.recorder import TIMESHIFT, HlsRecorder, Recording, RecordingProgress
from tiffin.media.download import format_selector, probe_duration
from tiffin.media.naming import safe_filename
from tiffin.media.queue import media_dir
from tiffin.media.toolchain import extract_info, ytdlp_options
from tiffin.media.worker import run_in_child
from tiffin.net.client import make_client
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

EARLY = 120.0  # streams often start a little before their announced time
_JOINED = "joined.mp4"  # the file yt-dlp's own recording leaves, before it is placed


@dataclass(frozen=True)
class Stream:
    """What yt-dlp says of a stream now: `playlist` is set once it is live (or was), and
    `from_start` when yt-dlp can record it from its very beginning."""

    title: str
    live_status: str
    playlist: str | None
    starts_at: float | None
    from_start: bool = False

    @property
    def recordable(self) -> bool:
        """Live (or over) with something to record."""
        return (self.playlist is not None or self.from_start) and self.live_status != "is_upcoming"


@dataclass(frozen=True)
class LiveProgress:
    """How a recording is going: waiting (with the seconds until the announced start, if
    known) or recording (with what the recorder reports). `timeshift` says whether the part
    recorded can be watched yet (yt-dlp's own recording is playable only once joined)."""

    download_id: int
    state: str
    title: str
    starts_in: float | None = None
    recording: RecordingProgress | None = None
    timeshift: bool = True


def recording_folder(download_id: int) -> str:
    """Where a recording's segments and journal live, relative to the media folder."""
    return f".partial/live-{download_id}"


def timeshift_path(download_id: int) -> str:
    """The growing playlist of a recording in progress, relative to the media folder."""
    return f"{recording_folder(download_id)}/{TIMESHIFT}"


def _selector(quality: str) -> str:
    hls = "[protocol^=m3u8]"
    if quality == "audio":
        return f"ba{hls}/wa{hls}/w{hls}"
    if quality.isdigit():
        return f"b{hls}[height<={quality}]/w{hls}"
    return f"b{hls}"


def resolve_stream(url: str, quality: str, settings: Settings, from_start: bool = False) -> Stream:
    """Ask yt-dlp about the stream at `url`; a plain HLS playlist is taken as it is. With
    `from_start`, a site that offers the stream from its first fragment says so."""
    if url.split("?", maxsplit=1)[0].endswith(".m3u8"):
        return Stream(url, "is_live", url, None)
    params = {
        **ytdlp_options(settings, url),
        "format": _selector(quality),
        "noplaylist": True,
        "ignore_no_formats_error": True,  # an upcoming stream has no formats yet: say so
    }
    if from_start:
        # yt-dlp then keeps only the formats that go back to the start; where the site has
        # none, the stream is asked for again and recorded through its HLS playlist.
        wide = {**params, "live_from_start": True, "format": format_selector(quality)}
        info = extract_info(url, wide, MediaUnavailable, "no stream found at")
        if _status(info) == "is_upcoming" or (
            _status(info) == "is_live" and offers_from_start(info)
        ):
            return _stream(info, url, None, from_start=_status(info) == "is_live")
    info = extract_info(url, params, MediaUnavailable, "no stream found at")
    formats = info.get("requested_formats") or ([info] if info.get("url") else [])
    playlist = next(
        (str(f["url"]) for f in formats if str(f.get("protocol", "")).startswith("m3u8")), None
    )
    return _stream(info, url, playlist)


def _status(info: dict[str, Any]) -> str:
    return str(info.get("live_status") or ("is_live" if info.get("is_live") else "not_live"))


def _stream(
    info: dict[str, Any], url: str, playlist: str | None, from_start: bool = False
) -> Stream:
    starts = info.get("release_timestamp")
    return Stream(
        title=str(info.get("fulltitle") or info.get("title") or url),  # no date added for live
        live_status=_status(info),
        playlist=playlist,
        starts_at=float(starts) if isinstance(starts, int | float) else None,
        from_start=from_start,
    )


async def _wait_until_live(
    url: str,
    quality: str,
    settings: Settings,
    from_start: bool,
    report: Callable[[str, str, float | None], None],
    cancel: CancelToken,
) -> Stream:
    pause = settings.live_poll
    while True:
        cancel.raise_if_cancelled()
        stream = await asyncio.to_thread(
            in_child, resolve_stream, url, quality, settings, from_start
        )
        if stream.recordable:
            return stream
        if stream.live_status not in ("is_upcoming", "is_live"):
            raise MediaError(
                f"{url} is not a live or upcoming stream ({stream.live_status}); download it"
            )
        now = time.time()
        starts_in = stream.starts_at - now if stream.starts_at else None
        report("waiting", stream.title, starts_in)
        if starts_in is not None and starts_in > EARLY + pause:
            sleep = starts_in - EARLY  # nothing to gain by asking before then
        else:
            sleep = pause
            pause = min(pause * 2, settings.live_poll * 16)
        deadline = time.monotonic() + sleep
        while time.monotonic() < deadline:  # wake for cancel, report the countdown
            cancel.raise_if_cancelled()
            await asyncio.sleep(min(1.0, deadline - time.monotonic()))
            if stream.starts_at:
                report("waiting", stream.title, stream.starts_at - time.time())


def record(
    store: Store,
    paths: Paths,
    settings: Settings,
    url: str,
    *,
    quality: str = "",
    from_start: bool = False,
    item_id: int | None = None,
    on_progress: Callable[[LiveProgress], None] | None = None,
    cancel: CancelToken | None = None,
) -> Download:
    """Record the stream at `url` until it ends and put the file in the library; running it
    again after a stop or a kill continues the same recording. Raises MediaError when the
    address is no live or upcoming stream, Cancelled (what was recorded is kept)."""
    token = cancel or CancelToken()
    entry = downloads.enqueue(store, url, quality, item_id=item_id, live=True)
    if entry.status == Status.DONE:
        return entry
    downloads.set_status(store, entry.id, Status.DOWNLOADING)
    work = media_dir(paths) / recording_folder(entry.id)

    def report(
        state: str,
        title: str,
        starts_in: float | None = None,
        progress: RecordingProgress | None = None,
    ) -> None:
        if on_progress is not None:
            on_progress(LiveProgress(entry.id, state, title, starts_in, progress))

    async def run() -> tuple[Stream, Recording]:
        stream = await _wait_until_live(url, quality, settings, from_start, report, token)
        report("recording", stream.title)
        if stream.from_start:
            return stream, await asyncio.to_thread(_by_ytdlp, stream)
        recorder = HlsRecorder(
            str(stream.playlist),
            work,
            settings,
            from_start=from_start,
            grace=settings.live_grace,
            max_height=int(quality) if quality.isdigit() else None,
            on_progress=lambda p: report("recording", stream.title, None, p),
            cancel=token,
        )
        async with make_client(settings) as client:
            return stream, await recorder.run(client)

    def _by_ytdlp(stream: Stream) -> Recording:
        last: list[RecordingProgress] = [RecordingProgress(0, 0.0, 0, "recording")]

        def progress(p: RecordingProgress) -> None:
            last[0] = p
            if on_progress is not None:
                on_progress(LiveProgress(entry.id, "recording", stream.title, None, p, False))

        what = f"recording {entry.id} ({url})"
        args = (url, work, quality, settings)
        merged = Path(run_in_child(record_from_start, args, what, progress, token))
        merged.replace(work / _JOINED)
        return Recording(work, last[0].segments, last[0].seconds, (), "the stream ended")

    try:
        stream, recording = asyncio.run(run())
    except Cancelled:
        downloads.set_status(store, entry.id, Status.PAUSED, "stopped; record it again to go on")
        raise
    except TiffinError as exc:
        downloads.set_status(store, entry.id, Status.FAILED, str(exc))
        raise
    logger.info("recording of %s ended: %s", url, recording.ended_because)
    final = media_dir(paths) / safe_filename(stream.title, "mp4", f" [{entry.id}]")
    if stream.from_start:
        (work / _JOINED).replace(final)
        lacks = None
    else:
        finish(work, final)
        lacks = kept(work)
    done = DoneFile(
        title=stream.title,
        path=final.relative_to(media_dir(paths)).as_posix(),
        size=final.stat().st_size,
        duration=probe_duration(final),
    )
    downloads.record_done(store, entry.id, done)
    if lacks is not None:
        # Kept until healed: the replay may fill just what is missing.
        note_recording(store, entry.id, lacks.missing, lacks.audio_only, not lacks.complete)
        note = _lacking(recording, lacks)
        if note:
            downloads.set_status(store, entry.id, Status.DONE, note)
    if lacks is None or lacks.complete:
        shutil.rmtree(work, ignore_errors=True)
    return downloads.get_download(store, entry.id)


def _lacking(recording: Recording, lacks: Kept) -> str:
    """What the recording lacks, in words (empty when nothing)."""
    parts = [
        f"gap {g.first}-{g.last}: {g.duration:.0f} s" for g in recording.gaps if not g.audio_only
    ]
    if lacks.audio_only:
        seconds = sum(end - start for start, end in lacks.audio_only)
        parts.append(f"sound only for {seconds:.0f} s")
    if lacks.stepped_down:
        parts.append("partly in a lower quality")
    if not parts:
        return ""
    lost = "recorded with gaps" if lacks.missing else "recorded"
    return f"{lost}: {'; '.join(parts)}; healed from the replay when it is up"
