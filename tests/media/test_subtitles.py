"""Subtitle files as the player reads them."""

from __future__ import annotations

from tiffin.media.subtitles import CueTrack, parse_subtitles

VTT = """WEBVTT
Kind: captions
Language: ur

00:00:00.500 --> 00:00:03.000 align:start position:0%
<c.colorE5E5E5>جلسہ</c> شروع ہوتا ہے

NOTE a comment

2
00:01:02.250 --> 00:01:04.000
Second <b>line</b>

broken --> cue
text
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
Hello

2
01:00:00,000 --> 01:00:01,000
An hour in
"""


def test_webvtt_cues_without_styling() -> None:
    cues = parse_subtitles(VTT)
    assert [(c.start, c.end, c.text) for c in cues] == [
        (0.5, 3.0, "جلسہ شروع ہوتا ہے"),
        (62.25, 64.0, "Second line"),
    ]


def test_subrip_cues() -> None:
    cues = parse_subtitles(SRT)
    assert [(c.start, c.text) for c in cues] == [(1.0, "Hello"), (3600.0, "An hour in")]


def test_cue_at_a_position() -> None:
    track = CueTrack(parse_subtitles(VTT))
    assert track.cue_at(0.2) == ""
    assert track.cue_at(1.0) == "جلسہ شروع ہوتا ہے"
    assert track.cue_at(10) == ""
    assert track.cue_at(63) == "Second line"


def test_garbage_gives_no_cues() -> None:
    assert parse_subtitles("\x00\x01 not subtitles at all -->") == []
