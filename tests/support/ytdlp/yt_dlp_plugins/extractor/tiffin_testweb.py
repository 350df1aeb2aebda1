"""yt-dlp extractors for the test web's "channel site" (see support/channel_site.py).

Loaded by yt-dlp's plugin mechanism when `tests/support/ytdlp` is on sys.path or PYTHONPATH.
They read the site's JSON the way real extractors read a site's API: a channel lists its videos
page by page (so listings are not capped), a video offers formats at several heights, audio
alone, HLS, subtitles and a thumbnail, and may be live or upcoming.
"""

from __future__ import annotations

import itertools
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
