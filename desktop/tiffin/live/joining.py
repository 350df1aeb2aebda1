"""Joining a recording folder into one file, and telling what it holds.

`finish()` remuxes the recorded segments without re-encoding (ffmpeg reads a local playlist
naming them, so init sections, AES-128 keys and discontinuities are handled as a player would),
with a chapter mark after each gap and around each stretch kept as sound only; a separate
audio track (`audio/`) is joined alongside.
`kept()` tells, from the journals alone, how many seconds are on disk, how many were lost
entirely, and which stretches have the sound without the picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tiffin.errors import MediaError
from tiffin.live.journal import JOURNAL, Journal, local_playlist
from tiffin.media.gap_marks import PICTURE_CHAPTER, SOUND_ONLY_CHAPTER
from tiffin.media.toolchain import ffmpeg_into

AUDIO = "audio"  # the folder of a separate audio track, inside a recording's folder


@dataclass(frozen=True)
class Kept:
    """What a recording folder holds: `seconds` of the stream, `missing` seconds lost with
    their sound, `audio_only` stretches (start, end in the joined file's seconds) whose picture
    was not kept, and whether a lower variant than the first chosen was recorded."""

    seconds: float
    missing: float
    audio_only: tuple[tuple[float, float], ...]
    stepped_down: bool

    @property
    def complete(self) -> bool:
        """Nothing lost, nothing below the quality first chosen."""
        return self.missing == 0 and not self.audio_only and not self.stepped_down


def kept(folder: Path) -> Kept:
    """What the recording in `folder` holds; see `Kept`."""
    video = Journal.load(folder / JOURNAL)
    if not (folder / AUDIO / JOURNAL).exists():
        return Kept(video.seconds, video.missing, (), video.stepped_down)
    audio = Journal.load(folder / AUDIO / JOURNAL)
    stretches: list[tuple[float, float]] = []
    clock = 0.0
    for sequence in sorted(audio.segments):
        length = float(audio.segments[sequence]["duration"])
        if sequence not in video.segments:
            if stretches and abs(stretches[-1][1] - clock) < 1e-6:
                stretches[-1] = (stretches[-1][0], clock + length)
            else:
                stretches.append((clock, clock + length))
        clock += length
    return Kept(audio.seconds, audio.missing, tuple(stretches), video.stepped_down)


def finish(folder: Path, out: Path) -> Path:
    """Remux the recorded segments in `folder` into `out` without re-encoding, with a chapter
    after each gap; raises MediaError if ffmpeg cannot."""
    video, chapters, clock = _write_local_playlist(folder)
    inputs = [video]
    if (folder / AUDIO / JOURNAL).exists():
        # The sound is the whole timeline (the picture may have been left out for stretches).
        audio, chapters, clock = _write_local_playlist(folder / AUDIO)
        inputs.append(audio)
        for start, end in kept(folder).audio_only:
            chapters += [(start, SOUND_ONLY_CHAPTER), (end, PICTURE_CHAPTER)]
        # One chapter per moment (the last named wins), none at the very end.
        chapters = sorted({at: title for at, title in chapters if at < clock}.items())
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
    journal = Journal.load(folder / JOURNAL)
    if not journal.segments:
        raise MediaError(f"nothing was recorded in {folder}")
    text, chapters, clock = local_playlist(journal, ended=True)
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
