"""The test web's "channel site": channels and videos that real yt-dlp reads through the
plugin extractors in support/ytdlp (put that folder on sys.path or PYTHONPATH).

    /tiffin-channel/<name>               a channel's page (what users paste)
    /tiffin-channel/<name>.json          its title
    /tiffin-channel/<name>/page/<n>.json `page_size` entries per page, newest first, and `next`
    /tiffin-video/<id>                   a video's page
    /tiffin-video/<id>.json              title, duration, times, live status, formats, subtitles
    /tiffin-media/...                    the media files every video shares (made by `MediaSet`)

Each video offers a muxed 240p file, video-only 240p and 480p, audio alone (so yt-dlp merges
for most quality caps), English and Urdu subtitles and a thumbnail.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from support.media import keep_only, make_clip
from support.testweb import TestWeb

PLUGIN_DIR = Path(__file__).resolve().parent / "ytdlp"


@dataclass(frozen=True)
class Video:
    """One video of the site; `live_status` as yt-dlp names it (not_live, is_live,
    is_upcoming, was_live)."""

    id: str
    title: str
    timestamp: float
    duration: float = 8.0
    live_status: str = "not_live"
    release_timestamp: float | None = None


@dataclass(frozen=True)
class MediaSet:
    """The files behind every video's formats."""

    folder: Path

    @classmethod
    def make(cls, folder: Path, seconds: float = 8.0) -> MediaSet:
        folder.mkdir(parents=True, exist_ok=True)
        big = make_clip(folder / "source480.mp4", seconds, size="640x480")
        small = make_clip(folder / "b240.mp4", seconds, size="320x240")
        keep_only(big, folder / "v480.mp4", "video")
        keep_only(small, folder / "v240.mp4", "video")
        keep_only(small, folder / "a.m4a", "audio")
        cue = "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\n{}\n"
        (folder / "en.vtt").write_text(cue.format("The rally begins"), encoding="utf-8")
        (folder / "ur.vtt").write_text(cue.format("جلسہ شروع ہوتا ہے"), encoding="utf-8")
        picture = io.BytesIO()
        Image.new("RGB", (160, 90), (200, 80, 40)).save(picture, "JPEG")
        (folder / "thumb.jpg").write_bytes(picture.getvalue())
        return cls(folder)

    def size(self, name: str) -> int:
        return (self.folder / name).stat().st_size


class ChannelSite:
    """Registers channels and videos on a TestWeb; see the module docstring."""

    def __init__(self, web: TestWeb, media: MediaSet) -> None:
        self.web, self.media = web, media
        for name in ("v480.mp4", "v240.mp4", "b240.mp4", "a.m4a", "en.vtt", "ur.vtt", "thumb.jpg"):
            kind = {"vtt": "text/vtt", "jpg": "image/jpeg", "m4a": "audio/mp4"}.get(
                name.rsplit(".", 1)[1], "video/mp4"
            )
            web.add(f"/tiffin-media/{name}", (media.folder / name).read_bytes(), kind)

    def _formats(self) -> list[dict[str, object]]:
        def fmt(format_id: str, name: str, **extra: object) -> dict[str, object]:
            ext = name.rsplit(".", 1)[1]
            return {
                "format_id": format_id,
                "url": f"/tiffin-media/{name}",
                "ext": ext,
                "filesize": self.media.size(name),
                **extra,
            }

        return [
            fmt("240-muxed", "b240.mp4", height=240, width=320, vcodec="avc1", acodec="mp4a"),
            fmt("240", "v240.mp4", height=240, width=320, vcodec="avc1", acodec="none"),
            fmt("480", "v480.mp4", height=480, width=640, vcodec="avc1", acodec="none"),
            fmt("audio", "a.m4a", vcodec="none", acodec="mp4a", abr=64),
        ]

    def add_video(
        self,
        video: Video,
        live_playlist: str | None = None,
        from_start: tuple[str, float] | None = None,
    ) -> str:
        """Serve `video`'s page and data; returns the page's URL. With `live_playlist` (a path
        on the test web) its one format is that HLS stream, as a live video's is. With
        `from_start` (the folder of a LiveStream with separate audio, and its segment length)
        the site also keeps every fragment from the stream's start, as YouTube does: asked
        for live-from-start, the plugin offers video and audio formats that follow them."""
        hls = {
            "format_id": "hls-live",
            "url": live_playlist,
            "protocol": "m3u8_native",
            "ext": "mp4",
            "height": 240,
            "width": 320,
            "vcodec": "avc1",
            "acodec": "mp4a",
        }
        data = {
            "title": video.title,
            "duration": None if live_playlist else video.duration,
            "timestamp": video.timestamp,
            "live_status": video.live_status,
            "release_timestamp": video.release_timestamp,
            "formats": [hls] if live_playlist else self._formats(),
            "subtitles": {
                lang: [{"url": f"/tiffin-media/{lang}.vtt", "ext": "vtt"}] for lang in ("en", "ur")
            },
            "thumbnail": "/tiffin-media/thumb.jpg",
            "from_start": {"folder": from_start[0], "target_duration": from_start[1]}
            if from_start
            else None,
        }
        self.web.add(f"/tiffin-video/{video.id}.json", json.dumps(data), "application/json")
        return self.web.add(
            f"/tiffin-video/{video.id}", f"<title>{video.title}</title>", "text/html"
        )

    def add_channel(self, name: str, title: str, videos: list[Video], page_size: int = 10) -> str:
        """Serve a channel listing `videos` (newest first) in pages; returns its URL."""
        ordered = sorted(videos, key=lambda v: v.timestamp, reverse=True)
        self.web.add(
            f"/tiffin-channel/{name}.json", json.dumps({"title": title}), "application/json"
        )
        pages = [ordered[i : i + page_size] for i in range(0, len(ordered), page_size)] or [[]]
        for number, page in enumerate(pages, start=1):
            entries = [
                {
                    "id": v.id,
                    "title": v.title,
                    "duration": v.duration,
                    "timestamp": v.timestamp,
                    "live_status": v.live_status,
                    "release_timestamp": v.release_timestamp,
                }
                for v in page
            ]
            body = json.dumps({"entries": entries, "next": number < len(pages)})
            self.web.add(f"/tiffin-channel/{name}/page/{number}.json", body, "application/json")
        for video in videos:
            self.add_video(video)
        return self.web.add(f"/tiffin-channel/{name}", f"<title>{title}</title>", "text/html")
