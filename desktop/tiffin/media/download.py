"""One video or audio download: yt-dlp resolves the address and picks the formats, the bytes
come down in parallel, ffmpeg merges, ffprobe verifies, and only then does the file appear.

Everything in flight lives in `<media>/.partial/<id>/`: `<n>.<ext>` once format n is complete,
`<n>.<ext>.part` (plus its extents journal) while it is not, and `merged.<ext>` once merged.
Running the same request again continues from whatever is there. Plain files (the protocol
yt-dlp calls http/https) come through `RangedDownload` over several connections; streams made
of fragments (HLS, DASH) through yt-dlp's own downloaders, several fragments at a time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tiffin.config import Settings
from tiffin.errors import MediaError, MediaUnavailable, TiffinError, VerifyFailed
from tiffin.library.downloads import DoneFile
from tiffin.media.naming import safe_filename
from tiffin.media.ranges import RangedDownload, Transfer, remove_sidecars
from tiffin.media.toolchain import (
    PROBE_TIMEOUT,
    extract_info,
    ffmpeg_into,
    program,
    run_tool,
    ytdlp_options,
    ytdlp_reason,
)
from tiffin.net.client import fetch, make_client

logger = logging.getLogger(__name__)

QUALITIES = ("", "1080", "720", "480", "360", "audio")
_DIRECT = ("http", "https")
MAX_EXTRA_BYTES = 10 * 1024 * 1024  # a subtitle file or a thumbnail larger than this is refused


def format_selector(quality: str) -> str:
    """yt-dlp's format selection for a quality cap: '' (best), a height such as '480', or
    'audio' (audio only where the site offers it, else the smallest file with sound)."""
    if quality == "audio":
        return "ba/wa*/w"
    if quality.isdigit():
        cap = f"[height<={quality}]"
        return f"bv*{cap}+ba/b{cap}/wv*+ba/w"
    if quality:
        raise ValueError(f"unknown quality {quality!r}; choose one of {QUALITIES}")
    return "bv*+ba/b"


@dataclass(frozen=True)
class DownloadRequest:
    """What to download and where: `media_dir` holds finished files, `partial_dir` the rest."""

    id: int
    url: str
    quality: str
    media_dir: Path
    subtitles: tuple[str, ...] = ()
    thumbnail: bool = True
    title: str = ""  # known already (its item's): it names a plain file better than its name

    @property
    def work_dir(self) -> Path:
        """The folder holding this download's unfinished parts."""
        return self.media_dir / ".partial" / str(self.id)


@dataclass(frozen=True)
class DownloadProgress:
    """How one download is doing; `total` and `eta` are None while unknown."""

    download_id: int
    phase: str  # resolving, downloading, merging, verifying
    title: str
    done: int
    total: int | None
    speed: float
    eta: float | None


class _Speed:
    """Bytes per second over the last few seconds."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, int]] = []

    def __call__(self, done: int) -> float:
        now = time.monotonic()
        self.samples = [(t, d) for t, d in self.samples if now - t < 3.0] + [(now, done)]
        first_t, first_d = self.samples[0]
        return (done - first_d) / (now - first_t) if now > first_t else 0.0


class _Reporter:
    """Turns the parts' byte counts into DownloadProgress for the caller."""

    def __init__(self, request: DownloadRequest, sink: Callable[[DownloadProgress], None]) -> None:
        self.request, self.sink = request, sink
        self.title = ""
        self.base = 0  # bytes of the formats already complete
        self.total: int | None = None
        self.speed = _Speed()

    def phase(self, phase: str) -> None:
        self.sink(
            DownloadProgress(self.request.id, phase, self.title, self.base, self.total, 0, None)
        )

    def bytes(self, done: int, part_total: int | None) -> None:
        now_done = self.base + done
        total = self.total if self.total else (self.base + part_total if part_total else None)
        speed = self.speed(now_done)
        eta = (total - now_done) / speed if total and speed > 0 else None
        self.sink(
            DownloadProgress(
                self.request.id, "downloading", self.title, now_done, total, speed, eta
            )
        )


def resolve(
    url: str, quality: str, settings: Settings, subtitles: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Ask yt-dlp what is at `url`, which formats the quality cap picks and which subtitles
    exist in the `subtitles` languages (the site's own first, else automatic ones)."""
    params = {
        **ytdlp_options(settings, url),
        "format": format_selector(quality),
        "noplaylist": True,
    }
    if subtitles:
        params |= {
            "writesubtitles": True,
            "writeautomaticsub": True,
            "subtitleslangs": list(subtitles),
            "subtitlesformat": "vtt/srt/best",
        }
    info = extract_info(url, params, MediaUnavailable, "no media found at")
    if not isinstance(info, dict) or info.get("_type") == "playlist":
        raise MediaUnavailable(f"{url} is a playlist or channel; subscribe to it instead")
    return info


async def _plain_file(url: str, settings: Settings) -> dict[str, Any] | None:
    """What yt-dlp's generic extractor would say of an address that is plainly an audio or
    video file (HEAD says so), without its GET, which would start sending the whole file;
    None for anything else (pages, playlists, sites yt-dlp knows), which yt-dlp resolves."""
    try:
        async with make_client(settings) as client:
            response = await client.head(url, headers={"Accept-Encoding": "identity"})
    except httpx.HTTPError:
        return None
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if response.status_code != 200 or not kind.startswith(("video/", "audio/")):
        return None
    if "mpegurl" in kind or "dash" in kind:
        return None  # a playlist, not a file
    final = str(response.url)
    name = Path(httpx.URL(final).path).name
    ext = Path(name).suffix.lstrip(".").lower() or kind.split("/")[1].split("+")[0]
    return {
        "url": final,
        "title": Path(name).stem or final,
        "ext": ext,
        "protocol": "https" if final.startswith("https") else "http",
        "filesize": int(response.headers["content-length"])
        if response.headers.get("content-length", "").isdigit()
        else None,
    }


def download(
    request: DownloadRequest, settings: Settings, on_progress: Callable[[DownloadProgress], None]
) -> DoneFile:
    """Download, merge and verify `request`, with its subtitles and thumbnail; continues from
    the parts already on disk.

    Raises MediaUnavailable, DiskFull, VerifyFailed or a NetError; the parts stay for the next try.
    """
    report = _Reporter(request, on_progress)
    report.phase("resolving")
    plain = asyncio.run(_plain_file(request.url, settings))
    info = plain or resolve(request.url, request.quality, settings, request.subtitles)
    report.title = str((plain and request.title) or info.get("title") or request.url)
    formats: list[dict[str, Any]] = info.get("requested_formats") or [info]
    sizes = [int(f.get("filesize") or f.get("filesize_approx") or 0) for f in formats]
    report.total = sum(sizes) if all(sizes) else None
    work = request.work_dir
    work.mkdir(parents=True, exist_ok=True)
    files = []
    for number, fmt in enumerate(formats):
        target = work / f"{number}.{fmt.get('ext') or 'bin'}"
        if not target.exists():
            if fmt.get("protocol") in _DIRECT:
                _fetch_file(fmt, target, settings, report)
            else:
                _fetch_with_ytdlp(fmt, target, settings, report)
        files.append(target)
        report.base += target.stat().st_size
    ext = str(info.get("ext") or files[0].suffix.lstrip("."))
    hls = any(str(f.get("protocol", "")).startswith("m3u8") for f in formats)
    if len(files) > 1 or hls:  # HLS arrives as MPEG-TS whatever the name: remux it
        report.phase("merging")
        media = _merge(files, work / f"merged.{ext}", from_ts=hls)
    else:
        media = files[0]
    report.phase("verifying")
    duration = verify(media, info.get("duration"))
    extras = _extras(info, request)
    report.phase("extras")
    fetched = asyncio.run(_fetch_extras(extras, work, settings))
    final = request.media_dir / safe_filename(report.title, ext, f" [{request.id}]")
    placed = [_place(work / name, final.with_suffix(suffix)) for name, suffix in fetched]
    os.replace(media, final)
    shutil.rmtree(work, ignore_errors=True)
    relative = [p.relative_to(request.media_dir).as_posix() for p in placed]
    return DoneFile(
        title=report.title,
        path=final.relative_to(request.media_dir).as_posix(),
        size=final.stat().st_size,
        duration=duration,
        subtitles=tuple(r for r in relative if not r.endswith(_THUMB_SUFFIXES)),
        thumbnail=next((r for r in relative if r.endswith(_THUMB_SUFFIXES)), None),
    )


_THUMB_SUFFIXES = (".jpg", ".png", ".webp")


def _extras(info: dict[str, Any], request: DownloadRequest) -> list[tuple[str, str, str]]:
    """(address, name in the work folder, suffix of the final file) of each subtitle and the
    thumbnail to fetch."""
    wanted = []
    for lang, sub in (info.get("requested_subtitles") or {}).items():
        ext = re.sub(r"[^a-z0-9]", "", str(sub.get("ext") or "vtt").lower())[:5] or "vtt"
        clean = re.sub(r"[^A-Za-z0-9-]", "", lang)[:20] or "sub"
        if sub.get("url"):
            wanted.append((str(sub["url"]), f"sub.{clean}.{ext}", f".{clean}.{ext}"))
    thumbnail = info.get("thumbnail")
    if request.thumbnail and isinstance(thumbnail, str) and thumbnail.startswith("http"):
        ext = Path(thumbnail.split("?")[0]).suffix.lower()
        suffix = ext if ext in _THUMB_SUFFIXES else ".jpg"
        wanted.append((thumbnail, f"thumbnail{suffix}", suffix))
    return wanted


async def _fetch_extras(
    extras: list[tuple[str, str, str]], work: Path, settings: Settings
) -> list[tuple[str, str]]:
    """Fetch subtitles and the thumbnail into the work folder; one that fails is left out
    (logged), never failing the download. Returns (name, final suffix) of those fetched."""
    fetched = []
    async with make_client(settings) as client:
        for url, name, suffix in extras:
            if not (work / name).exists():
                try:
                    result = await fetch(client, url, settings, max_bytes=MAX_EXTRA_BYTES)
                except TiffinError as exc:
                    logger.warning("could not fetch %s: %s", url, exc)
                    continue
                temporary = work / (name + ".tmp")
                temporary.write_bytes(result.body)
                temporary.replace(work / name)
            fetched.append((name, suffix))
    return fetched


def _fetch_file(fmt: dict[str, Any], target: Path, settings: Settings, report: _Reporter) -> None:
    part = target.with_name(target.name + ".part")

    def progress(transfer: Transfer) -> None:
        report.bytes(transfer.done, transfer.total)

    async def go() -> None:
        async with make_client(settings) as client:
            job = RangedDownload(
                client,
                fmt["url"],
                part,
                settings,
                connections=settings.media_connections,
                headers=dict(fmt.get("http_headers") or {}),
                on_progress=progress,
            )
            await job.run()

    asyncio.run(go())
    part.replace(target)
    remove_sidecars(part)


def _fetch_with_ytdlp(
    fmt: dict[str, Any], target: Path, settings: Settings, report: _Reporter
) -> None:
    from yt_dlp import YoutubeDL  # noqa: PLC0415
    from yt_dlp.utils import DownloadError  # noqa: PLC0415

    def hook(state: dict[str, Any]) -> None:
        if state.get("status") == "downloading":
            total = state.get("total_bytes") or state.get("total_bytes_estimate")
            report.bytes(int(state.get("downloaded_bytes") or 0), int(total) if total else None)

    params = {
        **ytdlp_options(settings, fmt.get("url"), hooks=[hook]),
        "concurrent_fragment_downloads": settings.media_connections,
        "continuedl": True,
        "skip_unavailable_fragments": False,
        "fragment_retries": 10,
    }
    try:
        with YoutubeDL(params) as ydl:
            ok = ydl.dl(str(target), fmt)
    except DownloadError as exc:
        raise MediaError(f"download of {fmt.get('url')} failed: {ytdlp_reason(exc)}") from exc
    if not ok or not target.exists():
        raise MediaError(f"yt-dlp could not complete {fmt.get('format_id', 'the stream')}")


def _merge(files: list[Path], merged: Path, from_ts: bool) -> Path:
    """Put the parts in one container of `merged`'s type without re-encoding (AAC from
    MPEG-TS needs its headers rewritten for MP4)."""
    if merged.exists():
        return merged
    arguments: list[str] = []
    for file in files:
        arguments += ["-i", str(file)]
    for number in range(len(files)):
        arguments += ["-map", f"{number}"]
    arguments += ["-c", "copy"]
    if from_ts and merged.suffix in (".mp4", ".m4a", ".mov"):
        arguments += ["-bsf:a", "aac_adtstoasc"]
    return ffmpeg_into(arguments, merged, "ffmpeg could not merge the parts")


def probe_duration(path: Path) -> float | None:
    """The playing time ffprobe reads from `path`; raises VerifyFailed if it cannot read it."""
    result = run_tool(
        [
            program("ffprobe"),
            "-v",
            "error",
            "-show_entries",
            "format=duration",
            "-of",
            "default=noprint_wrappers=1:nokey=1",
            str(path),
        ],
        f"{path.name} could not be read",
        PROBE_TIMEOUT,
    )
    if result.returncode != 0:
        raise VerifyFailed(f"{path.name} is not playable media: {result.stderr.strip()[-300:]}")
    text = result.stdout.strip()
    try:
        return float(text)
    except ValueError:
        return None  # a stream without a stated duration (some audio): readable is enough


def present_seconds(path: Path) -> float:
    """How much playing time the file really holds: ffmpeg reads every packet (copying to
    nowhere, no decoding), so a file whose index promises more than its data holds is caught.
    Raises VerifyFailed when the data is cut off or damaged."""
    result = run_tool(
        [
            program("ffmpeg"),
            "-v",
            "error",
            "-i",
            str(path),
            "-map",
            "0",
            "-c",
            "copy",
            "-f",
            "null",
            "-progress",
            "pipe:1",
            "-",
        ],
        f"{path.name} could not be read through",
    )
    problems = [line for line in result.stderr.splitlines() if line.strip()]
    if result.returncode != 0 or any("partial file" in p or "Invalid data" in p for p in problems):
        detail = problems[-1] if problems else f"ffmpeg exit {result.returncode}"
        raise VerifyFailed(f"{path.name} is cut off or damaged: {detail[-200:]}")
    times = [int(v) for v in re.findall(r"^out_time_us=(\d+)$", result.stdout, re.M)]
    return max(times, default=0) / 1e6


def verify(path: Path, expected: float | None) -> float | None:
    """Check the finished file really plays for as long as the site (or, failing that, its own
    header) says; returns the duration."""
    declared = probe_duration(path)
    wanted = expected or declared
    present = present_seconds(path)
    if wanted and abs(present - wanted) > max(2.0, 0.03 * wanted):
        raise VerifyFailed(
            f"{path.name} holds {present:.1f} s of media but should be {wanted:.1f} s"
        )
    return declared or present


def _place(file: Path, final: Path) -> Path:
    """Move a finished file to its final name in the media folder."""
    os.replace(file, final)
    return final
