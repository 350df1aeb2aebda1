"""Benchmark: recording a live HLS stream through an outage, Tiffin vs the yt-dlp command line,
and Tiffin killed with SIGKILL halfway and started again.

The test web publishes a live stream cut from a real clip: --segment seconds per segment,
--window seconds listed, --length seconds in all, with the server answering 503 to playlist and
segments for --outage seconds in the middle. `tiffin record --from-start` and `yt-dlp` record it
at the same time. Then a second stream of the same length is recorded by Tiffin, which is
killed with SIGKILL halfway and started again. For each: segments recorded (distinct segments
fetched, counted by the test web) / segments published, and the final file's length.
Run: .venv/bin/python bench/live.py [--length 100] [--window 60] [--outage 20] [--segment 1]
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
from support.media import make_clip, make_hls_vod
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=float, default=100.0)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--outage", type=float, default=20.0)
    parser.add_argument("--segment", type=float, default=1.0)
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
        web.stop()

    stream_seconds = total * args.segment
    print(f"{'run':32} {'recorded/published':>20} {'file s':>8}  note")
    for name, count, seconds in rows:
        share = 100 * count / total
        within = abs(seconds - stream_seconds) <= args.segment
        note = "plays start to end" if within else f"{seconds - stream_seconds:+.1f} s vs stream"
        print(f"{name:32} {count:>9}/{total:<4} {share:5.1f}% {seconds:8.1f}  {note}")
    print(f"stream length {stream_seconds:.1f} s; one segment is {args.segment:g} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
