"""Healing a recording from the stream's replay: the gaps filled, the picture put back where
only the sound was kept, the quality raised, the play position kept.

The replay is the same address once it has become a VOD (an HLS playlist with its end list),
or the site's replay that yt-dlp finds for the page. An HLS replay is recorded like the stream
was (into `replay/` inside the recording's folder, journalled, so a stopped heal continues),
at the user's quality and without dropping slow segments. If it is whole, it becomes the new
copy; if only part of it can be had, just the recording's missing segments are taken from it
(the two are matched by media sequence number, checked against their program date-times and
lengths). A replay that is no HLS is downloaded whole through the download path and used only
if it lasts as long as the stream did. Either way the new copy is read through by ffmpeg and
its length checked before it replaces the recording; until then nothing is touched.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from tiffin.config import Paths, Settings
from tiffin.errors import HttpStatusError, MediaError, MediaUnavailable, ReplayNotReady
from tiffin.fetch.pool import in_child
from tiffin.library.downloads import Download
from tiffin.library.heals import Healed
from tiffin.live.joining import AUDIO, Kept, finish, kept
from tiffin.live.journal import JOURNAL, Journal
from tiffin.live.playlist import MasterPlaylist, parse_playlist
from tiffin.live.record import recording_folder, resolve_stream
from tiffin.live.recorder import MAX_PLAYLIST_BYTES, HlsRecorder, RecordingProgress
from tiffin.media.download import DownloadProgress, DownloadRequest, present_seconds
from tiffin.media.queue import media_dir
from tiffin.media.worker import run_download
from tiffin.net.client import fetch, make_client
from tiffin.progress import CancelToken

REPLAY = "replay"
_HEALED = "healed.mp4"


def heal(
    paths: Paths,
    settings: Settings,
    entry: Download,
    on_progress: Callable[[DownloadProgress], None],
    cancel: CancelToken,
) -> Healed:
    """Heal the recording `entry` from its replay; raises ReplayNotReady when the replay
    cannot do it now (the recording is kept), a NetError when the line failed, MediaError."""
    media = media_dir(paths)
    folder = media / recording_folder(entry.id)
    before = kept(folder) if (folder / JOURNAL).exists() else None
    timeline = _timeline(folder) if before else {}
    span = before.seconds + before.missing if before else entry.duration or 0.0
    span = max(span, entry.duration or 0.0)
    try:
        playlist = _replay_playlist(entry.url, entry.quality, settings)
        if playlist is not None:
            candidate, now_kept, how = _from_hls(
                playlist, folder, entry, settings, span, on_progress, cancel
            )
        else:
            candidate, how = _from_download(media, settings, entry, span, on_progress, cancel)
            now_kept = Kept(span, 0.0, (), False)
    except HttpStatusError as exc:
        if exc.status in (404, 410):
            raise ReplayNotReady(f"the replay is not there ({exc})") from exc
        raise
    length = present_seconds(candidate)  # read through: a damaged copy stops here
    if length + _slack(span) < (entry.duration or 0.0):
        raise MediaError(
            f"the healed copy holds {length:.0f} s, less than the recording's "
            f"{entry.duration or 0:.0f} s; the recording is kept"
        )
    resume = _moved(entry.resume_at, timeline, candidate.parent)
    original = media / (entry.path or "")
    final = original.with_suffix(candidate.suffix) if entry.path else media / candidate.name
    os.replace(candidate, final)
    if entry.path and final != original:
        original.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(media / ".partial" / f"heal-{entry.id}", ignore_errors=True)
    return Healed(
        path=final.relative_to(media).as_posix(),
        size=final.stat().st_size,
        duration=length,
        gaps=now_kept.missing,
        audio_only=now_kept.audio_only,
        resume_at=resume,
        note=how,
    )


def _slack(span: float) -> float:
    return max(2.0, 0.02 * span)


def _replay_playlist(url: str, quality: str, settings: Settings) -> str | None:
    """The replay's HLS playlist, or None when the replay is to be downloaded as a file;
    raises ReplayNotReady while the stream is still live or its replay is not up."""
    if url.split("?", maxsplit=1)[0].endswith(".m3u8"):
        if not asyncio.run(_has_ended(url, quality, settings)):
            raise ReplayNotReady("the stream is still live; it is healed once its replay is up")
        return url
    try:
        stream = in_child(resolve_stream, url, quality, settings)
    except MediaUnavailable:
        return None  # no HLS replay: the download path picks among the site's formats
    if stream.live_status in ("is_live", "is_upcoming", "post_live"):
        raise ReplayNotReady(
            f"the stream is {stream.live_status.replace('_', ' ')}; its replay is not up yet"
        )
    if stream.playlist and not asyncio.run(_has_ended(stream.playlist, quality, settings)):
        raise ReplayNotReady("the replay's playlist is still growing")
    return stream.playlist


async def _has_ended(url: str, quality: str, settings: Settings) -> bool:
    """Whether the playlist at `url` (or the variant of it at `quality`) has its end list."""
    async with make_client(settings) as client:
        for _ in range(2):
            result = await fetch(client, url, settings, max_bytes=MAX_PLAYLIST_BYTES)
            playlist = parse_playlist(result.body.decode("utf-8", errors="replace"), result.url)
            if not isinstance(playlist, MasterPlaylist):
                return playlist.ended
            url = playlist.pick(int(quality) if quality.isdigit() else None).uri
    return False


def _from_hls(
    playlist: str,
    folder: Path,
    entry: Download,
    settings: Settings,
    span: float,
    on_progress: Callable[[DownloadProgress], None],
    cancel: CancelToken,
) -> tuple[Path, Kept, str]:
    """Record the HLS replay; the joined copy to put in place, what it holds, and how it was
    made."""
    work = folder / REPLAY

    def progress(update: RecordingProgress) -> None:
        done = int(update.seconds)
        on_progress(DownloadProgress(entry.id, "healing", entry.title, done, int(span), 0.0, None))

    recorder = HlsRecorder(
        playlist,
        work,
        settings,
        from_start=True,
        grace=settings.live_grace,
        max_height=int(entry.quality) if entry.quality.isdigit() else None,
        on_progress=progress,
        cancel=cancel,
        keep_up=False,
    )

    async def run() -> None:
        async with make_client(settings) as client:
            await recorder.run(client)

    asyncio.run(run())
    try:
        return _use_replay(folder, work, span)
    except ReplayNotReady:
        shutil.rmtree(work, ignore_errors=True)  # a later try records the replay afresh
        raise


def _use_replay(folder: Path, work: Path, span: float) -> tuple[Path, Kept, str]:
    """The whole replay recorded in `work` if it is whole, else the recording in `folder`
    with what it lacks taken from the replay."""
    replay = kept(work)
    if replay.missing == 0 and replay.seconds + _slack(span) >= span:
        return finish(work, work / _HEALED), replay, "replaced by the whole replay"
    if not (folder / JOURNAL).exists() or not _aligned(folder, work):
        raise ReplayNotReady(
            f"the replay holds {replay.seconds:.0f} s of the {span:.0f} s streamed, and cannot "
            "be matched to the recording"
        )
    filled = _fill(folder, work) + _fill(folder / AUDIO, work / AUDIO)
    if filled == 0:
        raise ReplayNotReady("the replay lacks what the recording lacks")
    return finish(folder, folder / _HEALED), kept(folder), f"{filled:.0f} s filled from the replay"


def _journals(folder: Path, replay: Path) -> list[tuple[Journal, Journal]]:
    pairs = []
    for sub in ("", AUDIO):
        if (folder / sub / JOURNAL).exists() and (replay / sub / JOURNAL).exists():
            pairs.append(
                (Journal.load(folder / sub / JOURNAL), Journal.load(replay / sub / JOURNAL))
            )
    return pairs


def _aligned(folder: Path, replay: Path) -> bool:
    """Whether the replay's sequence numbers name the same moments as the recording's: the
    segments both hold have the same lengths, and the same program date-times where known."""
    pairs = _journals(folder, replay)
    for ours, theirs in pairs:
        common = sorted(set(ours.segments) & set(theirs.segments))
        if not common:
            return False
        for sequence in common[:: max(1, len(common) // 8)]:
            a, b = ours.segments[sequence], theirs.segments[sequence]
            if abs(float(a["duration"]) - float(b["duration"])) > 0.1:
                return False
            if a.get("pdt") and b.get("pdt") and a["pdt"] != b["pdt"]:
                return False
    return bool(pairs)


def _fill(folder: Path, replay: Path) -> float:
    """Copy the replay's segments that the recording in `folder` lacks into it (journalled);
    returns the seconds filled."""
    if not (folder / JOURNAL).exists() or not (replay / JOURNAL).exists():
        return 0.0
    ours, theirs = Journal.load(folder / JOURNAL), Journal.load(replay / JOURNAL)
    wanted = {n for g in ours.gaps for n in range(g.first, g.last + 1)}
    filled = 0.0
    for sequence in sorted(wanted & set(theirs.segments)):
        entry = dict(theirs.segments[sequence])
        for name in ("file", "init", "key"):
            if entry.get(name):
                copy = f"{REPLAY}-{entry[name]}"
                if not (folder / copy).exists():
                    shutil.copyfile(replay / entry[name], folder / copy)
                entry[name] = copy
        ours.add(entry)
        filled += float(entry["duration"])
    return filled


def _timeline(folder: Path) -> dict[int, float]:
    """Where each recorded segment starts in the joined file (the sound's timeline when it is
    separate)."""
    journal = Journal.load(
        folder / (f"{AUDIO}/{JOURNAL}" if (folder / AUDIO).exists() else JOURNAL)
    )
    starts, clock = {}, 0.0
    for sequence in sorted(journal.segments):
        starts[sequence] = clock
        clock += float(journal.segments[sequence]["duration"])
    return starts


def _moved(position: float, old: dict[int, float], made_in: Path) -> float:
    """The play position `position` in the recording (whose segments start at `old`), moved
    to the same moment in the copy made from the folder `made_in`; unchanged when the two
    cannot be matched."""
    earlier = [sequence for sequence, start in old.items() if start <= position]
    if position <= 0 or not earlier or not (made_in / JOURNAL).exists():
        return position
    sequence = max(earlier)
    new = _timeline(made_in)
    return new[sequence] + position - old[sequence] if sequence in new else position


def _from_download(
    media: Path,
    settings: Settings,
    entry: Download,
    span: float,
    on_progress: Callable[[DownloadProgress], None],
    cancel: CancelToken,
) -> tuple[Path, str]:
    """Download the site's replay whole, at the user's quality; it is used only if it lasts
    as long as the stream did."""
    where = media / ".partial" / f"heal-{entry.id}"
    where.mkdir(parents=True, exist_ok=True)
    request = DownloadRequest(entry.id, entry.url, entry.quality, where, (), False, entry.title)
    done = run_download(request, settings, on_progress, cancel)
    if (done.duration or 0.0) + _slack(span) < span:
        shutil.rmtree(where, ignore_errors=True)
        raise ReplayNotReady(
            f"the replay lasts {done.duration or 0:.0f} s of the {span:.0f} s streamed"
        )
    return where / done.path, "replaced by the site's replay"
