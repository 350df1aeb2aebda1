"""Every playlist in shared/fixtures/hls is read by the recorder's playlist handling or refused
with a clear error; and what is read is what a recorder needs."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest

from support.testweb import FIXTURES
from tiffin.errors import PlaylistInvalid
from tiffin.live.playlist import MasterPlaylist, MediaPlaylist, parse_playlist

HLS = FIXTURES / "hls"
BASE = "https://cdn.example.net/live/stream/index.m3u8"
REFUSED = {
    "videojs_manifestNoExtM3u.m3u8": "no #EXTM3U",
    "videojs_invalidTargetDuration.m3u8": "malformed",
    "grafov_master-with-i-frame-stream-inf.m3u8": "malformed",
    "videojs_missingExtinf.m3u8": "without its #EXTINF",
    # hls_450k_video2.ts gets a range with no offset and no earlier range of the same file
    # (RFC 8216 4.3.2.2 requires one); guessing an offset would record the wrong bytes.
    "videojs_byteRange.m3u8": "has no offset",
}


def _read(name: str) -> MasterPlaylist | MediaPlaylist:
    return parse_playlist((HLS / name).read_text(encoding="utf-8", errors="replace"), BASE)


@pytest.mark.parametrize("path", sorted(HLS.glob("*.m3u8")), ids=lambda p: p.name)
def test_every_fixture_is_read_or_refused_clearly(path: Path) -> None:
    if path.name in REFUSED:
        with pytest.raises(PlaylistInvalid, match=REFUSED[path.name]) as caught:
            _read(path.name)
        assert BASE in str(caught.value)
        return
    playlist = _read(path.name)
    if isinstance(playlist, MasterPlaylist):
        assert playlist.variants
        bandwidths = [v.bandwidth for v in playlist.variants]
        assert bandwidths == sorted(bandwidths)
        assert all(v.uri.startswith(("http://", "https://")) for v in playlist.variants)
        return
    assert playlist.segments
    numbers = [s.sequence for s in playlist.segments]
    assert numbers == list(range(playlist.media_sequence, playlist.media_sequence + len(numbers)))
    assert all(
        s.uri.startswith(("http://", "https://")) and s.duration >= 0 for s in playlist.segments
    )
    discontinuities = [s.discontinuity for s in playlist.segments]
    assert discontinuities == sorted(discontinuities)
    assert playlist.kind in ("VOD", "EVENT", "LIVE")


def test_a_large_playlist_keeps_every_segment() -> None:
    playlist = _read("grafov_media-playlist-large.m3u8")
    assert isinstance(playlist, MediaPlaylist) and len(playlist.segments) == 40001


def test_program_date_time_carries_on_from_segment_to_segment() -> None:
    playlist = _read("grafov_media-playlist-with-program-date-time.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    times = [s.program_date_time for s in playlist.segments]
    assert all(isinstance(t, datetime) for t in times)
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]  # type: ignore[operator]
    assert gaps == [s.duration for s in playlist.segments[:-1]]


def test_discontinuities_are_numbered() -> None:
    playlist = _read("videojs_discontinuity.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    assert playlist.segments[0].discontinuity == 0
    assert playlist.segments[-1].discontinuity >= 2


def test_byte_ranges_without_offset_continue_the_previous_one() -> None:
    playlist = _read("grafov_media-playlist-with-byterange.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    assert [s.byterange for s in playlist.segments] == [
        (0, 75232),
        (752321, 82112),
        (752321 + 82112, 69864),
    ]


def test_keys_and_init_sections_are_absolute() -> None:
    playlist = _read("videojs_diff-init-key.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    first = playlist.segments[0]
    assert first.key is not None and first.key.method == "AES-128"
    assert first.key.uri == "https://priv.example.com/key.php?r=52"
    assert first.init_uri == "http://media.example.com/init52.mp4"
    assert any(s.key is None for s in playlist.segments)  # METHOD=NONE clears the key


def test_low_latency_playlist_is_read_as_full_segments() -> None:
    playlist = _read("videojs_llhls.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    assert playlist.low_latency and not playlist.ended and playlist.kind == "LIVE"
    assert playlist.segments[0].sequence == 266


def test_relative_addresses_resolve_against_the_playlist() -> None:
    playlist = _read("globocom_relative-playlist.m3u8")
    assert isinstance(playlist, MediaPlaylist)
    assert all(s.uri.startswith("https://cdn.example.net/") for s in playlist.segments)


def test_master_picks_a_variant_under_a_height_cap() -> None:
    master = _read("videojs_master-fmp4.m3u8")
    assert isinstance(master, MasterPlaylist)
    capped = master.pick(480)
    assert capped.resolution is None or capped.resolution[1] <= 480
    assert master.pick(None) == master.variants[-1]
    audio = _read("videojs_alternateAudio.m3u8")
    assert isinstance(audio, MasterPlaylist)
    assert {a.language for a in audio.audio} >= {"eng", "fre"}


def test_drm_and_error_pages_are_refused() -> None:
    drm = '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-KEY:METHOD=SAMPLE-AES,URI="skd://k",KEYFORMAT="com.apple.streamingkeydelivery"\n#EXTINF:6,\na.ts\n'
    with pytest.raises(PlaylistInvalid, match="DRM"):
        parse_playlist(drm, BASE)
    notice = "<html><body><h1>This site is blocked by order of the authority</h1></body></html>"
    with pytest.raises(PlaylistInvalid, match="not an HLS playlist"):
        parse_playlist(notice, BASE)
