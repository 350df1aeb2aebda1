"""Benchmark: recording a live HLS stream through an outage, Tiffin vs the yt-dlp command line,
and Tiffin killed with SIGKILL halfway and started again.

The test web publishes a live stream cut from a real clip: --segment seconds per segment,
--window seconds listed, --length seconds in all, with the server answering 503 to playlist and
segments for --outage seconds in the middle. `tiffin record --from-start` and `yt-dlp` record it
at the same time. Then a second stream of the same length is recorded by Tiffin, which is
killed with SIGKILL halfway and started again. For each: segments recorded (distinct segments
fetched, counted by the test web) / segments published, and the final file's length.

Then the thin line: a stream whose sound is a separate rendition (--thin-length seconds, 2 s
segments, a 6 s window) over a line shaped (the test web's shared link rate) to three times the
sound's bitrate, below the picture's; recorded by `tiffin record`, then by `yt-dlp` on a fresh
stream of the same kind, each alone on the line. For each: seconds of the stream kept with
speech (audio packets) and with picture (video packets) in the final file. Then the line is
opened and `tiffin download --queue` heals Tiffin's copy from the replay: the same again.
Run: .venv/bin/python bench/live.py [--length 100] [--window 60] [--outage 20] [--segment 1]
     [--thin-length 60]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.hls_live import LiveStream, segments_of
from support.media import keep_only, make_clip, make_hls_vod
from support.testweb import TestWeb
from tiffin.config import Paths, Settings

BIN = Path(sys.executable).parent


def duration(path: Path) -> float:
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return float(probe.stdout.strip() or 0)


def fetched(web: TestWeb, prefix: str, agent: str) -> int:
    """Distinct segments of `prefix` answered 200 to clients whose User-Agent has `agent`."""
    return len(
        {
            r.path
            for r in web.requests()
            if r.path.startswith(prefix)
            and r.path.endswith(".ts")
            and r.status in (200, 206)
            and agent in r.headers.get("User-Agent", "")
        }
    )


def tiffin_home(root: Path, name: str) -> Path:
    home = root / name
    Paths.under(home).ensure()
    Settings(disk_reserve=0, live_grace=60.0).save(Paths.under(home).settings_file)
    return home


def record_command(home: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "tiffin", "--data-dir", str(home), "record", url, "--from-start"]


def recorded_file(home: Path) -> Path:
    return next((home / "media").glob("*.mp4"))


def kept_seconds(path: Path | None) -> tuple[float, float]:
    """Seconds of speech and of picture in `path`: the summed lengths of its audio and of its
    video packets (what a player has to play, whatever the container claims)."""
    if path is None:
        return 0.0, 0.0
    seconds = []
    for kind in ("a", "v"):
        probe = subprocess.run(
            [
                *("ffprobe", "-v", "error", "-select_streams", kind),
                *("-show_entries", "packet=duration_time", "-of", "csv=p=0", str(path)),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        times = [float(v) for v in probe.stdout.split() if v.replace(".", "", 1).isdigit()]
        seconds.append(sum(times))
    return seconds[0], seconds[1]


def thin_line(root: Path, web: TestWeb, length: float) -> list[tuple[str, float, float]]:
    """The thin-line rows: (run, seconds with speech, seconds with picture)."""
    segment = 2.0
    clip = make_clip(root / "talk.mp4", seconds=length, size="1280x720", keyframes=segment)
    video = segments_of(
        make_hls_vod(keep_only(clip, root / "v.mp4", "video"), root / "tv", segment_seconds=segment)
    )
    audio = segments_of(
        make_hls_vod(keep_only(clip, root / "a.mp4", "audio"), root / "ta", segment_seconds=segment)
    )
    count = min(len(video), len(audio))  # the sound's cuts may leave it one segment more
    video, audio = video[:count], audio[:count]
    sound_rate = sum(map(len, audio)) / (len(audio) * segment)
    picture_rate = sum(map(len, video)) / (len(video) * segment)
    line = int(3 * sound_rate)
    print(
        f"# thin line: {line / 1024:.0f} KiB/s; the picture needs {picture_rate / 1024:.0f} KiB/s,"
        f" the sound {sound_rate / 1024:.0f} KiB/s; {count} segments of {segment:g} s"
        f" ({count * segment:g} s)"
    )
    rows = []

    def stream(prefix: str) -> str:
        live = LiveStream(video, segment, window=3, total=count, audio=audio, replay=True)
        return str(live.serve(web, prefix))

    home = tiffin_home(root, "thin")
    web.link_rate = line
    subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), "record", stream("/thin/t/")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    rows.append(("tiffin record", *kept_seconds(next((home / "media").glob("*.mp4"), None))))
    out = root / "thin-ytdlp"
    out.mkdir()
    theirs = subprocess.Popen(
        [str(BIN / "yt-dlp"), "-q", "--no-warnings", "-o", "live.%(ext)s", stream("/thin/y/")],
        cwd=out,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        theirs.wait(timeout=length + 60)
    except subprocess.TimeoutExpired:
        theirs.send_signal(signal.SIGINT)  # yt-dlp finishes its file on an interrupt
        theirs.wait(timeout=60)
    files = [p for p in out.iterdir() if p.suffix in (".mp4", ".ts", ".mkv")]
    ytdlp = kept_seconds(files[0] if files else None)
    rows.append(("yt-dlp", *ytdlp))
    web.link_rate = None  # a good window: the replay is up
    subprocess.run(
        [sys.executable, "-m", "tiffin", "--data-dir", str(home), "download", "--queue"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    rows.append(("tiffin, healed", *kept_seconds(next((home / "media").glob("*.mp4"), None))))
    rows.append(("yt-dlp (nothing heals it)", *ytdlp))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=float, default=100.0)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--outage", type=float, default=20.0)
    parser.add_argument("--segment", type=float, default=1.0)
    parser.add_argument("--thin-length", type=float, default=60.0)
    args = parser.parse_args()
    total = int(args.length / args.segment)
    window = int(args.window / args.segment)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clip = make_clip(root / "clip.mp4", seconds=8, size="640x360", keyframes=args.segment)
        segments = segments_of(make_hls_vod(clip, root / "vod", segment_seconds=args.segment))
        web = TestWeb().start()
        print(
            f"# live stream: {total} segments of {args.segment:g} s, window {args.window:g} s, "
            f"outage {args.outage:g} s in the middle; {os.cpu_count()} cores"
        )
        middle = args.length / 2
        outage = LiveStream(
            segments,
            args.segment,
            window=window,
            total=total,
            outages=[(middle - args.outage / 2, middle + args.outage / 2)],
        )
        url = outage.serve(web, "/live/outage/")
        home = tiffin_home(root, "a")
        tiffin_cmd = record_command(home, url)
        ytdlp_out = root / "ytdlp"
        ytdlp_out.mkdir()
        ours = subprocess.Popen(tiffin_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        theirs = subprocess.Popen(
            [str(BIN / "yt-dlp"), "-q", "--no-warnings", "-o", "live.%(ext)s", url],
            cwd=ytdlp_out,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ours.wait()
        try:
            theirs.wait(timeout=args.length)
        except subprocess.TimeoutExpired:
            theirs.send_signal(signal.SIGINT)  # yt-dlp finishes its file on an interrupt
            theirs.wait(timeout=60)
        web.wait_idle()
        rows = []
        ours_file = recorded_file(home)
        rows.append(
            (
                f"tiffin record, {args.outage:g} s outage",
                fetched(web, "/live/outage/", "Tiffin"),
                duration(ours_file),
            )
        )
        theirs_files = [p for p in ytdlp_out.iterdir() if p.suffix in (".mp4", ".ts", ".mkv")]
        theirs_segments = len(
            {
                r.path
                for r in web.requests()
                if r.path.startswith("/live/outage/")
                and r.path.endswith(".ts")
                and r.status in (200, 206)
                and "Tiffin" not in r.headers.get("User-Agent", "")
            }
        )
        rows.append(
            (
                f"yt-dlp, {args.outage:g} s outage",
                theirs_segments,
                duration(theirs_files[0]) if theirs_files else 0.0,
            )
        )

        killed = LiveStream(segments, args.segment, window=window, total=total)
        url = killed.serve(web, "/live/killed/")
        home = tiffin_home(root, "b")
        command = record_command(home, url)
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(args.length / 2)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        time.sleep(2)
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        web.wait_idle()
        rows.append(
            (
                "tiffin record, SIGKILL halfway",
                fetched(web, "/live/killed/", "Tiffin"),
                duration(recorded_file(home)),
            )
        )
        thin = thin_line(root, web, args.thin_length)
        web.stop()

    stream_seconds = total * args.segment
    print(f"{'run':32} {'recorded/published':>20} {'file s':>8}  note")
    for name, count, seconds in rows:
        share = 100 * count / total
        within = abs(seconds - stream_seconds) <= args.segment
        note = "plays start to end" if within else f"{seconds - stream_seconds:+.1f} s vs stream"
        print(f"{name:32} {count:>9}/{total:<4} {share:5.1f}% {seconds:8.1f}  {note}")
    print(f"stream length {stream_seconds:.1f} s; one segment is {args.segment:g} s")
    print(f"\n{'thin line run':32} {'speech s':>9} {'picture s':>10}  of the stream's seconds")
    for name, speech, picture in thin:
        print(f"{name:32} {speech:9.1f} {picture:10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
