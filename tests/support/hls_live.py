"""HLS live streams on the test web, made from real segments that ffmpeg cut from a clip.

A `LiveStream` publishes one segment every `segment_seconds` of real time, lists the newest
`window` of them with program date-times (and a discontinuity wherever the clip starts over),
and adds an end list once `total` segments are out (None: it never ends). `already` segments
were out before the test began, as when a stream started before Tiffin came. Faults:
`outages` (seconds after start, from and to, when playlist and segments answer 503),
`missing` (sequence numbers whose segment answers 404) and `frozen_after` (the playlist
stops growing, as when the streamer's own line drops). With `audio` segments the sound is a
separate rendition: `serve` then returns a master playlist naming the video playlist (its
segments should be video only) and an audio playlist, both following the same timeline. With
`replay`, the same address becomes a VOD once the stream has ended: every segment from the
first, as a site's replay is.

    stream = LiveStream(segments, 0.5, window=6, total=20)
    url = stream.serve(web, "/live/rally/")   # the playlist is url + "index.m3u8"
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from support.testweb import Route, TestWeb


def segments_of(vod_playlist: Path) -> list[bytes]:
    """The segments of an HLS VOD cut by ffmpeg, in order."""
    names = [line for line in vod_playlist.read_text().splitlines() if line and line[0] != "#"]
    return [(vod_playlist.parent / name).read_bytes() for name in names]


@dataclass
class LiveStream:
    """See the module docstring."""

    segments: list[bytes]
    segment_seconds: float
    window: int = 6
    total: int | None = None
    already: int = 0
    outages: list[tuple[float, float]] = field(default_factory=list)
    missing: set[int] = field(default_factory=set)
    frozen_after: float | None = None
    audio: list[bytes] | None = None
    replay: bool = False
    started: float = field(default_factory=time.monotonic)
    origin: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def published(self) -> int:
        """How many segments are out now (sequence numbers 0 to this minus one)."""
        elapsed = self.elapsed()
        if self.frozen_after is not None:
            elapsed = min(elapsed, self.frozen_after)
        count = self.already + 1 + int(elapsed / self.segment_seconds)
        return count if self.total is None else min(count, self.total)

    def ended(self) -> bool:
        return self.total is not None and self.published() >= self.total

    def playlist(self, segment_name: str = "seg") -> str:
        out = self.published()
        first = 0 if self.replay and self.ended() else max(0, out - self.window)
        lines = [
            "#EXTM3U",
            "#EXT-X-VERSION:3",
            *(["#EXT-X-PLAYLIST-TYPE:VOD"] if self.replay and self.ended() else []),
            f"#EXT-X-TARGETDURATION:{max(1, round(self.segment_seconds + 0.49))}",
            f"#EXT-X-MEDIA-SEQUENCE:{first}",
            f"#EXT-X-DISCONTINUITY-SEQUENCE:{first // len(self.segments)}",
        ]
        for sequence in range(first, out):
            if sequence != first and sequence % len(self.segments) == 0:
                lines.append("#EXT-X-DISCONTINUITY")  # the clip starts over: new timestamps
            when = self.origin + timedelta(seconds=sequence * self.segment_seconds)
            lines.append(f"#EXT-X-PROGRAM-DATE-TIME:{when.isoformat().replace('+00:00', 'Z')}")
            lines.append(f"#EXTINF:{self.segment_seconds:.3f},")
            lines.append(f"{segment_name}{sequence}.ts")
        if self.ended():
            lines.append("#EXT-X-ENDLIST")
        return "\n".join(lines) + "\n"

    def answer(self, path: str) -> Route | int | None:
        now = self.elapsed()
        if any(start <= now < end for start, end in self.outages):
            return 503
        playlists = {"index.m3u8": "seg", "audio.m3u8": "aud"}
        name = path.rsplit("/", 1)[-1]
        if name == "master.m3u8" and self.audio is not None:
            return Route(_MASTER.encode(), "application/vnd.apple.mpegurl", validators=False)
        if name in playlists:
            text = self.playlist(playlists[name])
            return Route(text.encode(), "application/vnd.apple.mpegurl", validators=False)
        match = re.fullmatch(r"(seg|aud)(\d+)\.ts", name)
        if not match:
            return None
        sequence = int(match.group(2))
        if sequence >= self.published() or sequence in self.missing:
            return 404
        segments = self.segments if match.group(1) == "seg" or not self.audio else self.audio
        return Route(segments[sequence % len(segments)], "video/mp2t", validators=False)

    def serve(self, web: TestWeb, prefix: str) -> str:
        """Answer under `prefix` on `web`; returns the playlist's address."""
        web.add_dynamic(prefix, self.answer)
        return web.url(prefix + ("index.m3u8" if self.audio is None else "master.m3u8"))


_MASTER = """#EXTM3U
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Urdu",LANGUAGE="ur",DEFAULT=YES,AUTOSELECT=YES,URI="audio.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240,CODECS="avc1.42c00d,mp4a.40.2",AUDIO="aac"
index.m3u8
"""
