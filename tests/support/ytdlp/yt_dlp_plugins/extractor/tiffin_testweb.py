"""yt-dlp extractors for the test web's "channel site" (see support/channel_site.py).

Loaded by yt-dlp's plugin mechanism when `tests/support/ytdlp` is on sys.path or PYTHONPATH.
They read the site's JSON the way real extractors read a site's API: a channel lists its videos
page by page (so listings are not capped), a video offers formats at several heights, audio
alone, HLS, subtitles and a thumbnail, and may be live or upcoming. A live video may also keep
every fragment from its start, as YouTube's do: asked for live-from-start, the extractor then
offers formats whose fragments it lists as the stream grows (protocol
`http_dash_segments_generator`, the mechanism yt-dlp's YouTube extractor uses).
"""

from __future__ import annotations

import functools
import itertools
import re
import time
from typing import Any

from yt_dlp.extractor.common import InfoExtractor
from yt_dlp.utils import UserNotLive

_HOST = r"https?://(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?"


class TiffinTestVideoIE(InfoExtractor):
    IE_NAME = "tiffintest:video"
    _VALID_URL = _HOST + r"/tiffin-video/(?P<id>[\w-]+)$"

    def _real_extract(self, url: str) -> dict[str, Any]:
        video_id = self._match_id(url)
        base = url.rsplit("/tiffin-video/", 1)[0]
        data = self._download_json(f"{base}/tiffin-video/{video_id}.json", video_id)
        upcoming = data.get("live_status") == "is_upcoming"
        if upcoming:  # yt-dlp raises unless asked to carry on without formats
            self.raise_no_formats("This live event will begin later", expected=True)
        if data.get("live_status") == "gone":
            raise UserNotLive(video_id=video_id)
        formats = [] if upcoming else [{**fmt, "url": base + fmt["url"]} for fmt in data["formats"]]
        start = data.get("from_start")
        if start and not upcoming and self.get_param("live_from_start"):
            formats += self._from_start_formats(base + start["folder"], start["target_duration"])
        subtitles = {
            lang: [{"url": base + s["url"], "ext": s["ext"]} for s in subs]
            for lang, subs in (data.get("subtitles") or {}).items()
        }
        return {
            "id": video_id,
            "title": data["title"],
            "description": data.get("description"),
            "duration": data.get("duration"),
            "timestamp": data.get("timestamp"),
            "release_timestamp": data.get("release_timestamp"),
            "live_status": data.get("live_status", "not_live"),
            "is_live": data.get("live_status") == "is_live",
            "formats": formats,
            "subtitles": subtitles,
            "thumbnail": base + data["thumbnail"] if data.get("thumbnail") else None,
            "channel": data.get("channel"),
        }

    def _from_start_formats(self, folder: str, target: float) -> list[dict[str, Any]]:
        common = {"protocol": "http_dash_segments_generator", "is_from_start": True}
        common |= {"target_duration": target, "is_live": True}
        return [
            {
                **common,
                "format_id": "video-from-start",
                "url": folder + "index.m3u8",
                "fragments": functools.partial(self._fragments, folder, "seg", target),
                "ext": "mp4",
                "height": 240,
                "width": 320,
                "vcodec": "avc1",
                "acodec": "none",
            },
            {
                **common,
                "format_id": "audio-from-start",
                "url": folder + "audio.m3u8",
                "fragments": functools.partial(self._fragments, folder, "aud", target),
                "ext": "m4a",
                "vcodec": "none",
                "acodec": "mp4a",
            },
        ]

    def _fragments(self, folder: str, track: str, target: float, ctx: dict[str, Any]) -> Any:
        """Every fragment from the first, as the stream publishes them: the playlist says how
        far it has got and whether it ended; older fragments stay on the site."""
        playlist = "index.m3u8" if track == "seg" else "audio.m3u8"
        sequence = 0
        while True:
            text = self._download_webpage(folder + playlist, None, note=False)
            first = int(re.search(r"#EXT-X-MEDIA-SEQUENCE:(\d+)", text).group(1))
            published = first + len(re.findall(r"^#EXTINF", text, re.MULTILINE))
            while sequence < published:
                yield {"url": f"{folder}{track}{sequence}.ts"}
                sequence += 1
            if "#EXT-X-ENDLIST" in text:
                return
            time.sleep(target / 2)


class TiffinTestChannelIE(InfoExtractor):
    IE_NAME = "tiffintest:channel"
    _VALID_URL = _HOST + r"/tiffin-channel/(?P<id>[\w-]+)$"

    def _entries(self, base: str, channel_id: str) -> Any:
        for page in itertools.count(1):
            data = self._download_json(
                f"{base}/tiffin-channel/{channel_id}/page/{page}.json",
                channel_id,
                note=f"Downloading page {page}",
            )
            for entry in data["entries"]:
                yield self.url_result(
                    f"{base}/tiffin-video/{entry['id']}",
                    TiffinTestVideoIE,
                    entry["id"],
                    entry["title"],
                    duration=entry.get("duration"),
                    timestamp=entry.get("timestamp"),
                    live_status=entry.get("live_status"),
                    release_timestamp=entry.get("release_timestamp"),
                )
            if not data.get("next"):
                return

    def _real_extract(self, url: str) -> dict[str, Any]:
        channel_id = self._match_id(url)
        base = url.rsplit("/tiffin-channel/", 1)[0]
        about = self._download_json(f"{base}/tiffin-channel/{channel_id}.json", channel_id)
        return self.playlist_result(
            self._entries(base, channel_id),
            channel_id,
            about["title"],
            playlist_description=about.get("description"),
        )
