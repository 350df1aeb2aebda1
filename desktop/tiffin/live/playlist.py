"""HLS playlists as the recorder needs them: the variants of a master playlist, and the
segments of a media playlist with their sequence numbers, program date-times,
discontinuity numbers, byte ranges, keys and init sections, every address made absolute.

The `m3u8` library reads the text; this module checks what a recorder must be able to trust
and refuses the rest with a clear PlaylistInvalid: a body that is not a playlist at all (a
censor's notice page served with 200 must never be recorded as a stream), values that do not
parse, a segment address without its #EXTINF, and DRM-protected streams (SAMPLE-AES or a key
format other than plain AES-128), which cannot be played back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import m3u8

from tiffin.errors import PlaylistInvalid

_PLAIN_KEYS = ("NONE", "AES-128")
_BYTERANGE = re.compile(r"^(\d+)(?:@(\d+))?$")


@dataclass(frozen=True)
class Key:
    """How a segment is encrypted: AES-128 with the key at `uri` (or NONE)."""

    method: str
    uri: str | None
    iv: str | None


@dataclass(frozen=True)
class Segment:
    """One media segment. `sequence` is its media sequence number (the identity a recorder
    tracks across reloads); `discontinuity` is its discontinuity sequence number; `byterange`
    is (offset, length) within `uri`, when the playlist names one."""

    sequence: int
    uri: str
    duration: float
    discontinuity: int
    program_date_time: datetime | None = None
    byterange: tuple[int, int] | None = None
    key: Key | None = None
    init_uri: str | None = None
    gap: bool = False


@dataclass(frozen=True)
class MediaPlaylist:
    """A media playlist: `ended` once #EXT-X-ENDLIST is there; `kind` is VOD, EVENT or LIVE
    (a sliding window); `low_latency` when it carries LL-HLS partial segments (the recorder
    takes the full segments only)."""

    url: str
    target_duration: float
    media_sequence: int
    segments: tuple[Segment, ...]
    ended: bool
    kind: str
    low_latency: bool = False


@dataclass(frozen=True)
class Variant:
    """One rendition of a master playlist."""

    uri: str
    bandwidth: int
    resolution: tuple[int, int] | None
    codecs: str
    audio_group: str | None


@dataclass(frozen=True)
class AudioRendition:
    """An alternative audio track of a master playlist (EXT-X-MEDIA TYPE=AUDIO)."""

    uri: str | None
    group: str
    language: str
    name: str
    default: bool


@dataclass(frozen=True)
class MasterPlaylist:
    """A master playlist: variants from the lowest bandwidth up (I-frame-only ones left out)."""

    url: str
    variants: tuple[Variant, ...]
    audio: tuple[AudioRendition, ...]

    def pick(self, max_height: int | None) -> Variant:
        """The best variant no taller than `max_height` (the lowest one if none is)."""
        fitting = [
            v
            for v in self.variants
            if max_height is None or v.resolution is None or v.resolution[1] <= max_height
        ]
        return (fitting or list(self.variants[:1]))[-1]

    def audio_for(self, variant: Variant) -> AudioRendition | None:
        """The separate audio track `variant` plays with (its group's default, else its first),
        or None when its audio is inside its own segments."""
        group = [a for a in self.audio if a.group == variant.audio_group and a.uri]
        return next((a for a in group if a.default), group[0] if group else None)


def _uri_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _master(playlist: m3u8.M3U8, url: str) -> MasterPlaylist:
    variants = []
    for entry in playlist.playlists:
        info = entry.stream_info
        resolution = tuple(info.resolution) if info.resolution else None
        variants.append(
            Variant(
                uri=entry.absolute_uri,
                bandwidth=int(info.bandwidth or info.average_bandwidth or 0),
                resolution=resolution,
                codecs=info.codecs or "",
                audio_group=info.audio,
            )
        )
    if not variants:
        raise PlaylistInvalid(f"{url} is a master playlist that names no playable variant")
    audio = tuple(
        AudioRendition(
            uri=media.absolute_uri if media.uri else None,
            group=media.group_id or "",
            language=media.language or "",
            name=media.name or "",
            default=(media.default or "").upper() == "YES",
        )
        for media in playlist.media
        if (media.type or "").upper() == "AUDIO"
    )
    return MasterPlaylist(url, tuple(sorted(variants, key=lambda v: v.bandwidth)), audio)


def _key(segment: m3u8.Segment, url: str) -> Key | None:
    key = segment.key
    if key is None or not key.method:
        return None
    method = key.method.upper()
    keyformat = (key.keyformat or "identity").lower()
    if method not in _PLAIN_KEYS or keyformat != "identity":
        raise PlaylistInvalid(
            f"{url} is protected with DRM ({method}, {keyformat}); it cannot be recorded"
        )
    return None if method == "NONE" else Key(method, key.absolute_uri, key.iv)


def _media(playlist: m3u8.M3U8, url: str, text: str) -> MediaPlaylist:
    # LL-HLS lists the parts of the segment still being made; it has no address of its own yet.
    complete = [item for item in playlist.segments if item.uri]
    if _uri_lines(text) != len(complete):
        raise PlaylistInvalid(f"{url} names a segment without its #EXTINF duration")
    first = int(playlist.media_sequence or 0)
    discontinuity = int(playlist.discontinuity_sequence or 0)
    segments: list[Segment] = []
    range_end: dict[str, int] = {}
    for number, item in enumerate(complete):
        if item.discontinuity and number:
            discontinuity += 1
        if item.duration is None or item.duration < 0:
            raise PlaylistInvalid(f"{url}: segment {first + number} has no valid duration")
        byterange = None
        if item.byterange:
            match = _BYTERANGE.match(str(item.byterange).strip())
            if not match:
                raise PlaylistInvalid(f"{url}: byte range {item.byterange!r} is malformed")
            length = int(match.group(1))
            offset = int(match.group(2)) if match.group(2) else range_end.get(item.absolute_uri)
            if offset is None:
                raise PlaylistInvalid(
                    f"{url}: byte range {item.byterange!r} of {item.absolute_uri} has no offset "
                    "and follows no earlier range of that file"
                )
            byterange = (offset, length)
            range_end[item.absolute_uri] = offset + length
        segments.append(
            Segment(
                sequence=first + number,
                uri=item.absolute_uri,
                duration=float(item.duration),
                discontinuity=discontinuity,
                program_date_time=item.current_program_date_time,
                byterange=byterange,
                key=_key(item, url),
                init_uri=item.init_section.absolute_uri if item.init_section else None,
                gap=bool(item.gap_tag),
            )
        )
    kind = (playlist.playlist_type or "").upper() or ("VOD" if playlist.is_endlist else "LIVE")
    return MediaPlaylist(
        url=url,
        target_duration=float(playlist.target_duration or 0),
        media_sequence=first,
        segments=tuple(segments),
        ended=bool(playlist.is_endlist),
        kind=kind,
        low_latency=any(item.parts for item in playlist.segments),
    )


def parse_playlist(text: str, url: str) -> MasterPlaylist | MediaPlaylist:
    """Read an HLS playlist fetched from `url`; raises PlaylistInvalid saying why it cannot be
    used."""
    body = text.lstrip("\ufeff")
    lines = body.splitlines()
    # Real playlists sometimes open with comments; anything else before #EXTM3U is no playlist.
    while lines and (
        not lines[0].strip() or (lines[0].startswith("#") and not lines[0].startswith("#EXT"))
    ):
        lines.pop(0)
    body = "\n".join(lines)
    if not body.startswith("#EXTM3U"):
        raise PlaylistInvalid(f"{url} is not an HLS playlist (no #EXTM3U; an error page?)")
    try:
        playlist = m3u8.loads(body, uri=url)
        if playlist.is_variant:
            return _master(playlist, url)
        if playlist.is_i_frames_only:
            raise PlaylistInvalid(f"{url} is an I-frame-only playlist (for trick play, not video)")
        return _media(playlist, url, body)
    except (ValueError, TypeError, IndexError, AttributeError) as exc:
        raise PlaylistInvalid(f"{url} is a malformed playlist: {exc}") from exc
