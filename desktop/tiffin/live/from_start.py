"""Recording a live stream from its very beginning through yt-dlp's own live-from-start.

Some sites keep every fragment of a live stream from its first second while their HLS
playlist holds only the last minutes; YouTube is the one yt-dlp knows. For those, yt-dlp's
extractor offers "from start" formats whose fragments it lists as the stream grows
(protocol `http_dash_segments_generator`), and only yt-dlp's own downloader can follow them.
So when a recording is asked to start from the beginning and the site offers such formats,
yt-dlp records it, in a child process (media/worker.py), and merges video and audio with
ffmpeg at the end. yt-dlp keeps its fragment index beside the part files, so running the
recording again after a stop or a kill continues where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tiffin.config import Settings
from tiffin.errors import MediaError
from tiffin.live.recorder import RecordingProgress
from tiffin.media.download import format_selector
from tiffin.media.toolchain import ytdlp_options, ytdlp_reason

OUTPUT_STEM = "from-start"


def offers_from_start(info: dict[str, Any]) -> bool:
    """True when yt-dlp (asked for live-from-start) chose formats that follow the stream from
    its first fragment."""
    chosen = info.get("requested_formats") or [info]
    return any(f.get("is_from_start") for f in chosen)


def record_from_start(
    url: str,
    folder: Path,
    quality: str,
    settings: Settings,
    report: Callable[[RecordingProgress], None],
) -> str:
    """Record the live stream at `url` from its beginning until it ends, into `folder`;
    returns the path of the merged file. Runs where blocking is fine (a child process).
    Raises MediaError when yt-dlp fails."""
    from yt_dlp import YoutubeDL  # noqa: PLC0415 - heavy; loaded only in the recording child
    from yt_dlp.utils import DownloadError  # noqa: PLC0415

    fragments: dict[str, int] = {}

    def hook(state: dict[str, Any]) -> None:
        if state.get("status") != "downloading" or not state.get("fragment_index"):
            return
        info = state.get("info_dict") or {}
        fragments[str(info.get("format_id"))] = int(state["fragment_index"])
        count = max(fragments.values())
        seconds = count * float(info.get("target_duration") or 0)
        report(RecordingProgress(count, seconds, 0, "recording"))

    folder.mkdir(parents=True, exist_ok=True)
    params = {
        **ytdlp_options(settings, url, hooks=[hook]),
        "live_from_start": True,
        "format": format_selector(quality),
        "merge_output_format": "mp4",
        "outtmpl": {"default": str(folder / f"{OUTPUT_STEM}.%(ext)s")},
        "noplaylist": True,
        "continuedl": True,
        "fragment_retries": 10,
        "skip_unavailable_fragments": True,
    }
    try:
        with YoutubeDL(params) as ydl:
            info = ydl.extract_info(url, download=True)
    except DownloadError as exc:
        raise MediaError(f"recording {url} from its start failed: {ytdlp_reason(exc)}") from exc
    done = [d.get("filepath") for d in info.get("requested_downloads") or [info]]
    path = Path(str(done[0] or ""))
    if not path.is_file():
        raise MediaError(f"yt-dlp finished recording {url} but left no file")
    return str(path)
