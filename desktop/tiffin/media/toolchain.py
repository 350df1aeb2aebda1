"""The programs yt-dlp needs, found and handed to it: a JavaScript runtime (deno, for YouTube
since yt-dlp 2025.11), ffmpeg to merge and ffprobe to inspect media.

deno comes from PyPI as a dependency, so a fresh install needs no manual step. ffmpeg and
ffprobe must sit side by side, because yt-dlp looks for ffprobe beside the ffmpeg it is given:
the system's pair wins (scripts/system-deps installs it); imageio-ffmpeg's binary, when present,
brings ffmpeg only and is used as a last resort.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiffin.config import Settings
from tiffin.errors import HostUnreachable, MediaError, TiffinError
from tiffin.log import FILE_ONLY
from tiffin.net import governor

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Toolchain:
    """What yt-dlp, configured by `ytdlp_options`, reports it found (None: missing)."""

    js_runtime: str | None
    ffmpeg: str | None
    ffprobe: str | None

    @property
    def missing(self) -> list[str]:
        """Names of the programs that were not found."""
        wanted = {"JavaScript runtime (deno)": self.js_runtime, "ffmpeg": self.ffmpeg}
        wanted["ffprobe"] = self.ffprobe
        return [name for name, found in wanted.items() if not found]


def deno_path() -> str | None:
    """The deno executable of the `deno` package, else one on PATH."""
    try:
        import deno  # noqa: PLC0415 - optional at import time; a dependency when installed

        return str(deno.find_deno_bin())
    except (ImportError, FileNotFoundError, RuntimeError):
        return shutil.which("deno")


# Merging or reading every packet of a long file takes minutes; a stuck ffmpeg takes forever.
TOOL_TIMEOUT = 1800.0
PROBE_TIMEOUT = 120.0


def ffmpeg_folder() -> str | None:
    """A folder holding both ffmpeg and ffprobe (what yt-dlp's ffmpeg_location wants), else the
    path of an ffmpeg alone, else None."""
    ffmpeg, ffprobe = shutil.which("ffmpeg"), shutil.which("ffprobe")
    if ffmpeg and ffprobe and Path(ffmpeg).parent == Path(ffprobe).parent:
        return str(Path(ffmpeg).parent)
    if ffmpeg:
        return ffmpeg
    try:
        import imageio_ffmpeg  # noqa: PLC0415 - optional fallback

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError):
        return None


class YtdlpLog:
    """Sends yt-dlp's messages to Python logging instead of the terminal."""

    def __init__(self) -> None:
        self.log = logging.getLogger("tiffin.ytdlp")

    def debug(self, message: str) -> None:
        self.log.debug("%s", message)

    def info(self, message: str) -> None:
        self.log.info("%s", message)

    def warning(self, message: str) -> None:
        self.log.warning("%s", message, extra=FILE_ONLY)

    def error(self, message: str) -> None:
        # Kept in the log: the user reads Tiffin's own sentence for the failure, once.
        self.log.error("%s", message, extra=FILE_ONLY)


def program(name: str) -> str:
    """The path of ffmpeg or ffprobe as Tiffin uses them; raises MediaError if missing."""
    folder = ffmpeg_folder()
    if folder and Path(folder).is_dir() and (Path(folder) / name).exists():
        return str(Path(folder) / name)
    found = shutil.which(name) or (folder if name == "ffmpeg" and folder else None)
    if not found:
        raise MediaError(f"{name} is missing; install ffmpeg (it brings {name})")
    return found


def run_tool(
    command: list[str], failure: str, timeout: float = TOOL_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run ffmpeg or ffprobe (`command`) with no standard input (ffmpeg reads keys from it,
    and waits on a terminal), its output captured, and a timeout: one that hangs is killed and
    MediaError raised, starting with `failure`."""
    if Path(command[0]).name.startswith("ffmpeg") and "-nostdin" not in command:
        command = [command[0], "-nostdin", *command[1:]]
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        name = Path(command[0]).name
        raise MediaError(f"{failure}: {name} did not finish within {timeout:g} s") from exc
    except OSError as exc:
        raise MediaError(f"{failure}: {exc.strerror or exc}") from exc


def ffmpeg_into(arguments: list[str], out: Path, failure: str) -> Path:
    """Run ffmpeg with `arguments` (its inputs and options) writing a temporary beside `out`,
    then put it in place; on failure remove the temporary and raise MediaError starting with
    `failure`, followed by what ffmpeg said."""
    temporary = out.with_name("ffmpeg." + out.name)
    command = [program("ffmpeg"), "-y", "-v", "error", *arguments, str(temporary)]
    try:
        done = run_tool(command, failure)
    except MediaError:
        temporary.unlink(missing_ok=True)
        raise
    if done.returncode != 0:
        temporary.unlink(missing_ok=True)
        raise MediaError(f"{failure}: {done.stderr.strip()[-300:]}")
    temporary.replace(out)
    return out


def ytdlp_options(
    settings: Settings, url: str | None = None, hooks: Sequence[Callable[..., None]] = ()
) -> dict[str, Any]:
    """The yt-dlp parameters every Tiffin use of yt-dlp starts from: its bytes obey the
    process's Governor (cap, budget, and the proxy where `url`'s host takes it), and `hooks`
    follow its progress too."""
    rules = governor.current().ytdlp_params(url)
    options: dict[str, Any] = {
        **rules,
        "progress_hooks": [*rules["progress_hooks"], *hooks],
        "quiet": True,
        "no_warnings": True,
        "noprogress": True,
        "socket_timeout": settings.read_timeout,
        "retries": settings.retries,
        "js_runtimes": {"deno": {"path": deno_path()}},
        "logger": YtdlpLog(),
    }
    location = ffmpeg_folder()
    if location:
        options["ffmpeg_location"] = location
    return options


_YTDLP_NOISE = re.compile(r"^(?:\s*ERROR:\s*|\s*\[[\w:.-]+\]\s*(?:\S*?:\s+)?)+")


def ytdlp_reason(exc: BaseException) -> str:
    """yt-dlp's message as one sentence for a user: without its repeated "ERROR:" prefixes
    and extractor tags ("[youtube] abc123:"), on one line."""
    text = " ".join(str(exc).split())
    return _YTDLP_NOISE.sub("", text) or "yt-dlp gave no reason"


def extract_info(url: str, params: dict[str, Any], error: type[TiffinError], doing: str) -> Any:
    """What yt-dlp, with `params`, finds at `url` (nothing is downloaded). Its failure becomes
    `error` with a message such as "<doing> <url>: <yt-dlp's reason>", or HostUnreachable when
    the line failed rather than the site (worth another try later)."""
    from yt_dlp import YoutubeDL  # noqa: PLC0415 - heavy; loaded only where media work runs
    from yt_dlp.networking.exceptions import TransportError  # noqa: PLC0415
    from yt_dlp.utils import DownloadError  # noqa: PLC0415

    try:
        with YoutubeDL(params) as ydl:
            return ydl.extract_info(url, download=False)
    except DownloadError as exc:
        reason = ytdlp_reason(exc)
        cause: BaseException | None = exc.exc_info[1] if exc.exc_info else None
        for _ in range(8):
            if cause is None or isinstance(cause, TransportError):
                break
            cause = getattr(cause, "cause", None) or cause.__cause__
        if isinstance(cause, TransportError):
            raise HostUnreachable(f"{url} could not be reached: {reason}") from exc
        raise error(f"{doing} {url}: {reason}") from exc


class _Collect:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def debug(self, message: str) -> None:
        self.lines.append(message)

    info = warning = error = debug


def check_toolchain(settings: Settings) -> Toolchain:
    """Ask yt-dlp itself (its debug header) which runtime and programs it will use."""
    from yt_dlp import YoutubeDL  # noqa: PLC0415 - heavy; loaded only when media work starts

    collect = _Collect()
    params = {**ytdlp_options(settings), "verbose": True, "logger": collect, "quiet": False}
    with YoutubeDL(params) as ydl:
        ydl.print_debug_header()
    text = "\n".join(collect.lines)
    runtime = re.search(r"JS runtimes: (deno-\S+)", text)
    versions = re.search(r"exe versions: (.*)", text)
    exes = versions.group(1) if versions else ""
    ffmpeg = re.search(r"\bffmpeg ([^\s,]+)", exes)
    ffprobe = re.search(r"\bffprobe ([^\s,]+)", exes)
    return Toolchain(
        js_runtime=runtime.group(1) if runtime else None,
        ffmpeg=ffmpeg.group(1) if ffmpeg else None,
        ffprobe=ffprobe.group(1) if ffprobe else None,
    )
