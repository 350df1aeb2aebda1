"""Benchmark: downloads through a line that caps each connection, Tiffin vs yt-dlp and aria2c.

The test web caps every connection at --per-connection bytes per second, as throttling boxes
do per flow, and adds --latency to every answer. In one run it times:
  - a large real video file (H.264 at 8 Mb/s, --size MiB): `tiffin download`, the `yt-dlp`
    command line with its defaults, and Debian's `aria2c -x8 -s8` (skipped if not installed);
  - an HLS VOD of 2 s segments cut from a real 4 Mb/s clip (--size / 2 MiB): `tiffin
    download` vs `yt-dlp`;
  - the large file with a cap on the whole link as well (--link): Tiffin's share of that cap;
  - `tiffin download` killed with SIGKILL at 50%, then run again: bytes fetched twice.
Run: .venv/bin/python bench/download.py [--size 48] [--per-connection 1] [--link 6]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.media import ffmpeg, make_hls_vod
from support.testweb import Fault, TestWeb
from tiffin.config import Paths, Settings
from tiffin.media.ranges import ExtentJournal

MiB = 1024 * 1024
BIN = Path(sys.executable).parent


def video(path: Path, mebibytes: float, megabits: int = 8) -> Path:
    """A real 720p H.264 file at a constant `megabits` Mb/s, about `mebibytes` MiB."""
    seconds = max(4, round(mebibytes * 8 * 1.048576 / (megabits + 0.1)))
    rate = f"{megabits}M"
    options = (
        f"-c:v libx264 -preset ultrafast -g 50 -b:v {rate} -maxrate {rate} -minrate {rate}"
        f" -bufsize {megabits // 2}M -x264-params nal-hrd=cbr -c:a aac -shortest"
    )
    inputs = [
        *("-f", "lavfi", "-i", f"testsrc2=duration={seconds}:size=1280x720:rate=25"),
        *("-f", "lavfi", "-i", f"sine=duration={seconds}"),
    ]
    command = [ffmpeg(), "-y", "-v", "error", *inputs, *options.split(), str(path)]
    subprocess.run(command, check=True)
    return path


def fresh_home(root: Path, name: str) -> Path:
    home = root / name
    Paths.under(home).ensure()
    Settings(disk_reserve=0).save(Paths.under(home).settings_file)
    return home


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def tiffin(home: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "tiffin", "--data-dir", str(home), "download", url]


def killed_at_half(web: TestWeb, root: Path, url: str, path: str, size: int) -> float:
    """Bytes the server sent beyond the file's size over a run killed at 50% and its restart,
    as a percentage of the file."""
    home = fresh_home(root, "killed")
    web.wait_idle()
    web.log.clear()
    first = subprocess.Popen(
        tiffin(home, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    partial = home / "media" / ".partial" / "1"
    while True:
        parts = list(partial.glob("*.part"))
        if parts and ExtentJournal.for_part(parts[0]).done >= size // 2:
            break
        if first.poll() is not None:
            raise SystemExit("the download ended before it was half way; raise --size")
        time.sleep(0.02)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    time.sleep(1.5)  # the orphaned download process notices and stops
    web.wait_idle()
    subprocess.run(
        tiffin(home, url), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    web.wait_idle()
    sent = sum(r.body_bytes for r in web.requests(path))
    return 100 * (sent - size) / size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=48, help="MiB of the large file")
    parser.add_argument("--per-connection", type=float, default=1.0, help="MiB/s per connection")
    parser.add_argument("--link", type=float, default=6.0, help="MiB/s for the whole link")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added per answer")
    args = parser.parse_args()
    rate = int(args.per_connection * MiB)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        web = TestWeb().start()
        web.host_latency["127.0.0.1"] = args.latency
        big = video(root / "big.mp4", args.size)
        size = big.stat().st_size
        file_url = web.add("/media/big.mp4", big.read_bytes(), "video/mp4")
        web.fault("/media/big.mp4", Fault(rate=rate))
        clip = video(root / "clip.mp4", args.size / 2, megabits=4)
        hls = make_hls_vod(clip, root / "hls", segment_seconds=2)
        hls_url = web.add_folder("/hls/", hls.parent) + "index.m3u8"
        segments = sorted(hls.parent.glob("*.ts"))
        hls_bytes = sum(s.stat().st_size for s in segments)
        for segment in segments:
            web.fault(f"/hls/{segment.name}", Fault(rate=rate))
        print(
            f"# large file {size / MiB:.1f} MiB; HLS VOD {len(segments)} segments, "
            f"{hls_bytes / MiB:.1f} MiB; {args.per_connection:g} MiB/s per connection, "
            f"{args.latency * 1000:.0f} ms per answer; {os.cpu_count()} cores"
        )
        rows: list[tuple[str, float, str]] = []
        work = root / "out"
        work.mkdir()
        ytdlp = [str(BIN / "yt-dlp"), "--no-part", "-q", "-o", "%(id)s.%(ext)s"]

        t_file = timed(tiffin(fresh_home(root, "a"), file_url), work)
        rows.append(("tiffin download, large file", t_file, f"{size / MiB / t_file:.2f} MiB/s"))
        y_file = timed([*ytdlp, file_url], work)
        rows.append(("yt-dlp, large file", y_file, f"{size / MiB / y_file:.2f} MiB/s"))
        aria = shutil.which("aria2c")
        a_file = None
        if aria:
            a_file = timed(
                [
                    aria,
                    "-x8",
                    "-s8",
                    "-q",
                    "--allow-overwrite=true",
                    "-d",
                    str(work),
                    "-o",
                    "aria.mp4",
                    file_url,
                ],
                work,
            )
            rows.append(("aria2c -x8 -s8, large file", a_file, f"{size / MiB / a_file:.2f} MiB/s"))
        else:
            print("# aria2c not installed (apt-get install aria2): its row is skipped")

        t_hls = timed(tiffin(fresh_home(root, "b"), hls_url), work)
        rows.append(("tiffin download, HLS VOD", t_hls, f"{hls_bytes / MiB / t_hls:.2f} MiB/s"))
        y_hls = timed([*ytdlp, hls_url], work)
        rows.append(("yt-dlp, HLS VOD", y_hls, f"{hls_bytes / MiB / y_hls:.2f} MiB/s"))

        web.link_rate = int(args.link * MiB)
        web.wait_idle()
        web.log.clear()
        t_link = timed(tiffin(fresh_home(root, "c"), file_url), work)
        web.wait_idle()
        moving = [r for r in web.requests("/media/big.mp4") if r.body_bytes > 1]
        span = max(r.finished for r in moving) - min(r.started for r in moving)
        share = size / MiB / span / args.link
        rows.append(
            (
                f"tiffin, link capped at {args.link:g} MiB/s",
                t_link,
                f"{100 * share:.0f}% of the cap while transferring, "
                f"{100 * size / MiB / t_link / args.link:.0f}% over the whole run",
            )
        )
        web.link_rate = None

        refetched = killed_at_half(web, root, file_url, "/media/big.mp4", size)
        web.stop()

    print(f"{'run':36} {'wall s':>8}  note")
    for name, seconds, note in rows:
        print(f"{name:36} {seconds:8.2f}  {note}")
    print(f"tiffin vs yt-dlp, large file: {y_file / t_file:.2f}x faster")
    print(f"tiffin vs yt-dlp, HLS VOD: {y_hls / t_hls:.2f}x faster")
    if a_file is not None:
        print(f"tiffin vs aria2c -x8 -s8: {a_file / t_file:.2f}x")
    print(f"link cap: {100 * share:.0f}% of {args.link:g} MiB/s used while transferring")
    print(f"re-fetched after kill -9 at 50%: {refetched:.2f}% of the file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
