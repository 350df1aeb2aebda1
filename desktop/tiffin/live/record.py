"""Recording a live or upcoming stream named by any address yt-dlp understands (or a plain
HLS playlist), into the media library.

yt-dlp resolves the page to the stream's HLS playlist in a child process. An upcoming stream
is waited for without hammering the site: sleep until shortly before its announced start
(streams often begin early), then ask again with a growing pause. The HLS recorder then
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
from typing import Any

from tiffin.config import Paths, Settings
from tiffin.errors import Cancelled, MediaError, MediaUnavailable, TiffinError
from tiffin.fetch.pool import in_child
from tiffin.library import downloads
from tiffin.library.downloads import DoneFile, Download, Status
from tiffin.library.store import Store
from tiffin.live.recorder import TIMESHIFT, HlsRecorder, Recording, RecordingProgress, finish
from tiffin.media.download import probe_duration
from tiffin.media.naming import safe_filename
from tiffin.media.queue import media_dir
from tiffin.media.toolchain import extract_info, program, ytdlp_options
from tiffin.net.client import make_client
from tiffin.progress import CancelToken

logger = logging.getLogger(__name__)

EARLY = 120.0  # streams often start a little before their announced time


@dataclass(frozen=True)
class Stream:
    """What yt-dlp says of a stream now: `playlist` is set once it is live (or was)."""

    title: str
    live_status: str
    playlist: str | None
    starts_at: float | None


@dataclass(frozen=True)
class LiveProgress:
    """How a recording is going: waiting (with the seconds until the announced start, if
    known) or recording (with what the recorder reports)."""

    download_id: int
    state: str
    title: str
    starts_in: float | None = None
    recording: RecordingProgress | None = None


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


def resolve_stream(url: str, quality: str, settings: Settings) -> Stream:
    """Ask yt-dlp about the stream at `url`; a plain HLS playlist is taken as it is."""
    if url.split("?", maxsplit=1)[0].endswith(".m3u8"):
        return Stream(url, "is_live", url, None)
    params = {
        **ytdlp_options(settings),
        "format": _selector(quality),
        "noplaylist": True,
        "ignore_no_formats_error": True,  # an upcoming stream has no formats yet: say so
    }
    info: dict[str, Any] = extract_info(url, params, MediaUnavailable, "no stream found at")
    status = str(info.get("live_status") or ("is_live" if info.get("is_live") else "not_live"))
    formats = info.get("requested_formats") or ([info] if info.get("url") else [])
    playlist = next(
        (str(f["url"]) for f in formats if str(f.get("protocol", "")).startswith("m3u8")), None
    )
    starts = info.get("release_timestamp")
    return Stream(
        title=str(info.get("fulltitle") or info.get("title") or url),  # no date added for live
        live_status=status,
        playlist=playlist,
        starts_at=float(starts) if isinstance(starts, int | float) else None,
    )


async def _wait_until_live(
    url: str,
    quality: str,
    settings: Settings,
    report: Callable[[str, str, float | None], None],
    cancel: CancelToken,
) -> Stream:
    pause = settings.live_poll
    while True:
        cancel.raise_if_cancelled()
        stream = await asyncio.to_thread(in_child, resolve_stream, url, quality, settings)
        if stream.playlist is not None and stream.live_status != "is_upcoming":
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
        stream = await _wait_until_live(url, quality, settings, report, token)
        report("recording", stream.title)
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
    finish(work, final, program("ffmpeg"))
    note = "; ".join(f"gap {g.first}-{g.last}: {g.duration:.0f} s" for g in recording.gaps)
    done = DoneFile(
        title=stream.title,
        path=final.relative_to(media_dir(paths)).as_posix(),
        size=final.stat().st_size,
        duration=probe_duration(final),
    )
    downloads.record_done(store, entry.id, done)
    if note:
        downloads.set_status(store, entry.id, Status.DONE, f"recorded with gaps: {note}")
    shutil.rmtree(work, ignore_errors=True)
    return downloads.get_download(store, entry.id)
