"""The test web: a real HTTP/1.1 server on loopback that serves fixtures and misbehaves on request.

Start it with `TestWeb().start()`; it listens on 127.0.0.1 (or several loopback addresses on one
port), serves `shared/fixtures/` under `/fixtures/...`, and any bytes a test adds with `add()`.
Every route answers conditional requests (ETag / Last-Modified -> 304), gzip when asked (text
routes only), HEAD, and single byte ranges (206, or 416 past the end) unless added with
`ranges=False`, as servers without range support answer 200 with the whole body.
`fault()` switches on, per path, any of:

    latency       seconds to wait before answering
    rate          bytes per second for the body
    stall_after   bytes sent before the body stops (the connection stays open)
    drop_after    bytes sent before the connection is closed mid-body
    status        an error status to answer instead (429/503 with retry_after, 404, 410, ...)
    times         how many requests the fault applies to before it clears (None: always)
    endless       a body that never ends
    huge          a body of this many bytes
    redirect_to   answer with `redirect_status` and this Location

A host-wide latency (`host_latency[host]`) adds delay to every answer for that host, as a far-away
site would; `host_rate[host]` caps the bytes per second of all answers from one host together
(a throttled site, whatever the number of connections), and `refusing[host]` (a monotonic time)
makes that host close every connection unanswered until then, as a censor's reset does
(`refuse_next[host] = n`: only its next n requests);
`censored[host] = Censor(...)` answers every client but one address (a proxy's, say) with a
reset or with a notice page and HTTP 200, as a censor on the user's line does;
`link_rate` caps the bytes per second of all answers together, as the user's line
would, whatever the number of connections. With the server used as an HTTP proxy (absolute-form
request lines), requests for any host name reach it and routes can be registered per host;
`transport()` gives an httpx transport that sends every request, http or https, for any host, to
this server, so that pages fetched "from" their real sites never leave the machine; names in
`unresolvable` fail there as a name the resolver does not know. With
`generated_images` on, any address without a route answers with a generated picture (see
`generated_image`): most are real PNGs, some are broken, some are decompression bombs, SVG with
script, or too large. `add_folder()` serves a folder of files (HLS made with ffmpeg, say).
`add_dynamic()` answers a path prefix with a function of the path (live playlists, see
support/hls_live.py; a `Redirect` answer makes endless redirect chains). `log` records every
request; tests assert on it.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import io
import mimetypes
import re
import socket
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import httpx
from PIL import Image

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures"
_HEADER_LINE = re.compile(rb"^Header:\s+([A-Za-z-]+):\s?(.*?)\s*$", re.M)
STARTED = email.utils.formatdate(time.time() - 3600, usegmt=True)


@dataclass
class Fault:
    """A misbehaviour of one route; see the module docstring for the fields."""

    latency: float = 0.0
    rate: int | None = None
    stall_after: int | None = None
    drop_after: int | None = None
    status: int | None = None
    retry_after: str | None = None
    times: int | None = None
    endless: bool = False
    huge: int | None = None
    redirect_to: str | None = None
    redirect_status: int = 301


@dataclass(frozen=True)
class Redirect:
    """A dynamic answer that sends the client on to `location`."""

    location: str
    status: int = 302


@dataclass(frozen=True)
class Censor:
    """A host blocked for every client address but `allowed`: a reset, or a notice page."""

    allowed: str
    notice_page: bool = False


NOTICE_PAGE = (
    b"<!DOCTYPE html><html><head><title>Blocked</title></head><body><h1>This site is not"
    b" available</h1><p>Access has been restricted by order of the authority.</p></body></html>"
)


@dataclass
class Route:
    """Bytes served at a path, with their content type and extra headers."""

    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True
    ranges: bool = True

    @property
    def compressible(self) -> bool:
        """Whether a real server would gzip this type (text, never media)."""
        kind = self.content_type
        return kind.startswith("text/") or any(t in kind for t in ("xml", "json", "mpegurl"))

    @cached_property
    def etag(self) -> str:
        """A strong validator derived from the body."""
        return '"' + hashlib.sha1(self.body).hexdigest() + '"'

    @cached_property
    def gzipped(self) -> bytes:
        """The body compressed once, as a real server keeps its static files precompressed."""
        return gzip.compress(self.body, compresslevel=5)


@dataclass(frozen=True)
class Request:
    """One request as the server saw it, and what it answered."""

    method: str
    host: str
    path: str
    headers: dict[str, str]
    status: int
    body_bytes: int
    started: float = 0.0
    finished: float = 0.0
    client: str = ""  # the address the request came from
    client_port: int = 0  # with `client`, names the connection it came on


def fixture_headers(data: bytes) -> dict[str, str]:
    """Headers a feedparser fixture names in its `Header:` comment lines."""
    head = data[:2048]
    return {m.group(1).decode(): m.group(2).decode("latin-1") for m in _HEADER_LINE.finditer(head)}


def _png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` pixels and carries almost no data: a bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


GENERATED_KINDS = (
    "broken",
    "bomb",
    "svg-script",
    "too-large",
    "png",
    "png",
    "png",
    "png",
    "png",
    "png",
)
TOO_LARGE_BYTES = 13 * 1024 * 1024


def generated_kind(path: str) -> str:
    """Which kind of picture `generated_image` answers for `path` (fixed per path)."""
    digest = hashlib.sha1(path.encode("utf-8")).digest()
    kind = GENERATED_KINDS[digest[0] % len(GENERATED_KINDS)]
    if kind == "too-large" and digest[1] % 4:  # keep the 13 MiB answers rare
        return "png"
    return kind


def generated_image(path: str) -> Route:
    """A picture for any address: a small PNG whose colour depends on the path, or a bad one."""
    kind = generated_kind(path)
    digest = hashlib.sha1(path.encode("utf-8")).digest()
    if kind == "broken":
        return Route(b"\xff\xd8\xff this is not really a JPEG" * 10, "image/jpeg")
    if kind == "bomb":
        return Route(_png_header_only(50_000, 50_000), "image/png")
    if kind == "svg-script":
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://evil.invalid/")</script></svg>'
        return Route(svg, "image/svg+xml")
    if kind == "too-large":
        return Route(_png(8, 8, (1, 2, 3)) + b"\0" * TOO_LARGE_BYTES, "image/png")
    return Route(_png(64, 48, (digest[2], digest[3], digest[4])), "image/png")


class _ToTestWeb(httpx.AsyncBaseTransport):
    """Sends every request to the test web, keeping the original Host header."""

    def __init__(self, web: TestWeb) -> None:
        self.web = web
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host in self.web.unresolvable:
            # As the system resolver answers for a name that does not exist (or is blocked by
            # the DNS of the user's line); no query leaves the machine.
            lookup = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            raise httpx.ConnectError(f"[Errno -2] {lookup.strerror}", request=request) from lookup
        # A copy: the client goes on seeing the address it asked for (its redirect checks too).
        sent = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host=self.web.addresses[0], port=self.web.port),
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )
        return await self.inner.handle_async_request(sent)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up (a killed download, a cancelled range) is normal here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TestWeb:
    """A local web of routes and faults; see the module docstring."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    def __init__(self, addresses: tuple[str, ...] = ("127.0.0.1",)) -> None:
        self.addresses = addresses
        self.port = 0
        self.routes: dict[tuple[str | None, str], Route] = {}
        self.faults: dict[str, Fault] = {}
        self.host_latency: dict[str, float] = {}
        self.log: list[Request] = []
        self.bytes_sent = 0
        self.generated_images = False
        self.link_rate: int | None = None
        self.host_rate: dict[str, int] = {}
        # A small kernel send buffer keeps `bytes_sent` close to what the client has read,
        # for measuring a client's own bandwidth cap.
        self.send_buffer: int | None = None
        self.refusing: dict[str, float] = {}
        self.refuse_next: dict[str, int] = {}
        self.refused: dict[str, int] = {}  # connections closed unanswered, per host
        self.censored: dict[str, Censor] = {}
        self.unresolvable: set[str] = set()  # names transport() answers as not existing
        self._host_clock: dict[str, float] = {}
        self.dynamic: dict[str, Callable[[str], Route | Redirect | int | None]] = {}
        self.answering = 0
        self._link_clock = 0.0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.released = threading.Event()  # set at reset: stalled answers give up then
        self._servers: list[_Server] = []

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> TestWeb:
        handler = _make_handler(self)
        for address in self.addresses:
            server = _Server((address, self.port), handler)
            self.port = server.server_address[1]
            self._servers.append(server)
            threading.Thread(
                target=server.serve_forever, daemon=True, name=f"web-{address}"
            ).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.released.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def reset(self) -> None:
        """Forget routes added by tests, faults, host latency and the log; end stalls."""
        self.released.set()
        self.released = threading.Event()
        with self.lock:
            self.routes.clear()
            self.faults.clear()
            self.host_latency.clear()
            self.log.clear()
            self.bytes_sent = 0
            self.generated_images = False
            self.link_rate = None
            self.host_rate.clear()
            self.refusing.clear()
            self.refuse_next.clear()
            self.refused.clear()
            self.censored.clear()
            self.unresolvable.clear()
            self._host_clock.clear()
            self.dynamic.clear()

    # -- configuration ------------------------------------------------------------------------
    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.addresses[0]}:{self.port}{path}"

    def transport(self) -> httpx.AsyncBaseTransport:
        """An httpx transport that routes every host (http or https) to this server."""
        return _ToTestWeb(self)

    def precompress(self) -> None:
        """Compress every route's body now, as a server with precompressed static files would,
        so that benchmarks time the client rather than the server's gzip."""
        with self.lock:
            routes = list(self.routes.values())
        for route in routes:
            _ = route.gzipped

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "application/xml",
        headers: dict[str, str] | None = None,
        host: str | None = None,
        validators: bool = True,
        ranges: bool = True,
    ) -> str:
        """Serve `body` at `path` (for one host name only, if given); returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.lock:
            self.routes[(host, path)] = Route(
                data, content_type, dict(headers or {}), validators, ranges
            )
        return self.url(path)

    def add_folder(self, prefix: str, folder: Path) -> str:
        """Serve every file under `folder` at `prefix` + its relative path; returns the URL of
        `prefix`."""
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                relative = file.relative_to(folder).as_posix()
                self.add(f"{prefix}{relative}", file.read_bytes(), _guess_type(file.name))
        return self.url(prefix)

    def add_fixture(self, relpath: str, path: str | None = None, host: str | None = None) -> str:
        """Serve a file of shared/fixtures (with the headers its `Header:` lines name)."""
        data = (FIXTURES / relpath).read_bytes()
        headers = fixture_headers(data)
        content_type = headers.pop("Content-type", None) or _guess_type(relpath)
        return self.add(path or "/fixtures/" + relpath, data, content_type, headers, host)

    def fault(self, path: str, fault: Fault) -> None:
        with self.lock:
            self.faults[path] = fault

    def pace(self, size: int, host: str = "") -> None:
        """Wait until the link (and `host`'s own cap) may carry `size` more bytes."""
        with self.lock:
            now = time.monotonic()
            wait = 0.0
            if self.link_rate:
                self._link_clock = max(self._link_clock, now) + size / self.link_rate
                wait = self._link_clock - now
            rate = self.host_rate.get(host)
            if rate:
                clock = max(self._host_clock.get(host, 0.0), now) + size / rate
                self._host_clock[host] = clock
                wait = max(wait, clock - now)
        if wait > 0:
            self.stopping.wait(wait)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until no request is being answered, so the log holds every finished one (a
        client can have the last byte before the server has written its log line)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if not self.answering:
                    return
            time.sleep(0.01)
        raise TimeoutError(f"the test web was still answering after {timeout} s")

    def requests(self, path: str | None = None) -> list[Request]:
        """The logged requests (for `path` only, if given). Waits up to 2 s for answers still
        being written, since a client can have its answer before the server logs it."""
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            with self.lock:
                if not self.answering:
                    break
            time.sleep(0.01)
        with self.lock:
            return [r for r in self.log if path is None or r.path == path]

    def most_at_once(self) -> int:
        """The largest number of logged requests that were being answered at the same moment."""
        with self.lock:
            edges = sorted(
                [(r.started, 1) for r in self.log] + [(r.finished, -1) for r in self.log]
            )
        open_now = peak = 0
        for _, step in edges:
            open_now += step
            peak = max(peak, open_now)
        return peak

    # -- serving ------------------------------------------------------------------------------
    def add_dynamic(
        self, prefix: str, answer: Callable[[str], Route | Redirect | int | None]
    ) -> str:
        """Answer every path under `prefix` with `answer(path)`: a Route, an error status, or
        None for 404. For content that changes with time, such as a live playlist."""
        with self.lock:
            self.dynamic[prefix] = answer
        return self.url(prefix)

    def _route(self, host: str, path: str) -> Route | Redirect | int | None:
        with self.lock:
            found = self.routes.get((host, path)) or self.routes.get((None, path))
            dynamic = next((a for p, a in self.dynamic.items() if path.startswith(p)), None)
        if found is None and dynamic is not None:
            return dynamic(path)
        if found is None and path.startswith("/fixtures/"):
            relpath = path[len("/fixtures/") :]
            candidate = (FIXTURES / relpath).resolve()
            if FIXTURES.resolve() in candidate.parents and candidate.is_file():
                self.add_fixture(relpath)
                with self.lock:
                    found = self.routes.get((None, path))
        return found

    def _take_fault(self, path: str) -> Fault | None:
        with self.lock:
            fault = self.faults.get(path)
            if fault is None:
                return None
            if fault.times is not None:
                if fault.times <= 0:
                    del self.faults[path]
                    return None
                self.faults[path] = replace(fault, times=fault.times - 1)
            return fault


def _guess_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/feed+json" if "feed" in name or "json" in name else "application/json"
    if name.endswith((".rss", ".atom", ".xml", ".opml")):
        return "application/xml"
    if name.endswith(".m3u8"):
        return "application/vnd.apple.mpegurl"
    if name.endswith(".ts"):
        return "video/mp2t"
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class _CountingWriter:
    """Passes writes to the socket file and adds their size to the web's `bytes_sent`."""

    def __init__(self, raw: BinaryIO, web: TestWeb) -> None:
        self.raw, self.web = raw, web

    def write(self, data: bytes) -> int:
        with self.web.lock:
            self.web.bytes_sent += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        self.raw.close()

    @property
    def closed(self) -> bool:
        return self.raw.closed


def _make_handler(web: TestWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "TiffinTestWeb/1"

        def setup(self) -> None:
            if web.send_buffer:
                self.request.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, web.send_buffer)
            super().setup()
            self.wfile = _CountingWriter(self.wfile, web)  # type: ignore[assignment]

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _where(self) -> tuple[str, str]:
            target = urlsplit(self.path)
            if target.scheme:  # proxy form: http://host/path
                return target.hostname or "", target.path + (
                    f"?{target.query}" if target.query else ""
                )
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            return host, self.path

        def _record(self, host: str, path: str, status: int, sent: int) -> None:
            with web.lock:
                web.log.append(
                    Request(
                        self.command,
                        host,
                        path,
                        dict(self.headers.items()),
                        status,
                        sent,
                        self._started,
                        time.monotonic(),
                        self.client_address[0],
                        self.client_address[1],
                    )
                )

        def _head(self, status: int, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()

        def do_GET(self) -> None:
            self._counted(head_only=False)

        def do_HEAD(self) -> None:
            self._counted(head_only=True)

        def _counted(self, head_only: bool) -> None:
            with web.lock:
                web.answering += 1
            try:
                self._answer(head_only)
            finally:
                with web.lock:
                    web.answering -= 1

        def _answer(self, head_only: bool) -> None:
            self._started = time.monotonic()
            host, path = self._where()
            censor = web.censored.get(host)
            if censor and self.client_address[0] != censor.allowed:
                if censor.notice_page:
                    size = str(len(NOTICE_PAGE))
                    self._head(200, {"Content-Type": "text/html", "Content-Length": size})
                    self.wfile.write(NOTICE_PAGE)
                    return self._record(host, path, 200, len(NOTICE_PAGE))
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if web.refusing.get(host, 0.0) > self._started or web.refuse_next.get(host):
                with web.lock:
                    web.refused[host] = web.refused.get(host, 0) + 1
                    if web.refuse_next.get(host):
                        web.refuse_next[host] -= 1
                self.close_connection = True  # no answer at all: the client sees a reset
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            delay = web.host_latency.get(host, 0.0)
            fault = web._take_fault(path)
            if fault and fault.latency:
                delay += fault.latency
            if delay:
                web.stopping.wait(delay)
            if fault and fault.redirect_to:
                self._head(
                    fault.redirect_status, {"Location": fault.redirect_to, "Content-Length": "0"}
                )
                return self._record(host, path, fault.redirect_status, 0)
            if fault and fault.status:
                extra = {"Content-Length": "0"}
                if fault.retry_after is not None:
                    extra["Retry-After"] = fault.retry_after
                self._head(fault.status, extra)
                return self._record(host, path, fault.status, 0)
            if fault and fault.endless:
                return self._endless(host, path, fault)
            if fault and fault.huge:
                return self._huge(host, path, fault.huge)
            route = web._route(host, path)
            if isinstance(route, Redirect):
                self._head(route.status, {"Location": route.location, "Content-Length": "0"})
                return self._record(host, path, route.status, 0)
            if isinstance(route, int):
                self._head(route, {"Content-Length": "0"})
                return self._record(host, path, route, 0)
            if route is None and web.generated_images:
                route = generated_image(path)
            if route is None:
                self._head(404, {"Content-Length": "0"})
                return self._record(host, path, 404, 0)
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.validators:
                etag = route.etag
                headers["ETag"] = etag
                headers["Last-Modified"] = STARTED
                if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match")
                    and self.headers.get("If-Modified-Since") == STARTED
                ):
                    self._head(304, {"ETag": etag, "Content-Length": "0"})
                    return self._record(host, path, 304, 0)
            status, body = 200, route.body
            if route.ranges:
                headers["Accept-Ranges"] = "bytes"
                wanted = self._range(route)
                if wanted == "unsatisfiable":
                    unsatisfiable = {"Content-Range": f"bytes */{len(body)}", "Content-Length": "0"}
                    self._head(416, unsatisfiable)
                    return self._record(host, path, 416, 0)
                if wanted is not None:
                    first, last = wanted
                    status, body = 206, body[first : last + 1]
                    headers["Content-Range"] = f"bytes {first}-{last}/{len(route.body)}"
            if (
                status == 200
                and route.compressible
                and "gzip" in (self.headers.get("Accept-Encoding") or "")
            ):
                body = route.gzipped
                headers["Content-Encoding"] = "gzip"
                headers["Vary"] = "Accept-Encoding"
            headers["Content-Length"] = str(len(body))
            self._head(status, headers)
            sent = 0 if head_only else self._send(body, fault)
            self._record(host, path, status, sent)
            return None

        def _range(self, route: Route) -> tuple[int, int] | str | None:
            """The one byte range asked for, "unsatisfiable", or None for the whole body."""
            match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range") or "")
            if_range = self.headers.get("If-Range")
            if not match or (if_range and route.validators and if_range != route.etag):
                return None
            size = len(route.body)
            start, end = match.groups()
            if not start and not end:
                return None
            if not start:  # a suffix: the last N bytes
                return max(0, size - int(end)), size - 1
            if int(start) >= size:
                return "unsatisfiable"
            return int(start), min(size - 1, int(end)) if end else size - 1

        def _send(self, body: bytes, fault: Fault | None) -> int:
            limit = len(body)
            if fault and fault.stall_after is not None:
                limit = min(limit, fault.stall_after)
            if fault and fault.drop_after is not None:
                limit = min(limit, fault.drop_after)
            chunk = 65536
            if fault and fault.rate:
                chunk = min(chunk, max(1, fault.rate // 20))
            host = self._where()[0]
            for rate in (web.link_rate, web.host_rate.get(host)):
                if rate:
                    chunk = min(chunk, max(1, rate // 50))
            sent = 0
            try:
                while sent < limit:
                    piece = body[sent : min(limit, sent + chunk)]
                    web.pace(len(piece), host)
                    if fault and fault.rate:
                        time.sleep(len(piece) / fault.rate)
                    self.wfile.write(piece)
                    self.wfile.flush()
                    sent += len(piece)
                if fault and fault.stall_after is not None and sent < len(body):
                    stalled = web.released
                    if not web.stopping.is_set():
                        stalled.wait(60)
                if fault and fault.drop_after is not None and sent < len(body):
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            return sent

        def _huge(self, host: str, path: str, size: int) -> None:
            """A body of `size` bytes with its Content-Length, made as it is sent (a 2 GB
            answer costs the server no memory)."""
            self._head(200, {"Content-Type": "application/xml", "Content-Length": str(size)})
            piece = b"<rss>" + b" " * 65531
            sent = 0
            try:
                while sent < size and not web.stopping.is_set():
                    chunk = piece[: size - sent]
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            self._record(host, path, 200, sent)

        def _endless(self, host: str, path: str, fault: Fault) -> None:
            self._head(200, {"Content-Type": "application/xml", "Transfer-Encoding": "chunked"})
            piece = b"<item>" + b"x" * 65530
            sent = 0
            try:
                # Bounded so a client that never stops reading cannot keep a test busy forever.
                while sent < 2 * 1024**3 and not web.stopping.is_set():
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    sent += len(piece)
                    if fault.rate:
                        time.sleep(len(piece) / fault.rate)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            self._record(host, path, 200, sent)

    return Handler
