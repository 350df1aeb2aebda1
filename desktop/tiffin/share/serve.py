"""The library served read-only to phones on the same network, with aiohttp.

Every request needs the access code (in the QR code's address, then kept in a cookie); none
writes anything (GET and HEAD only); a client asking too fast gets 429; pictures and media are
found by their id or stored name in the library, so no path outside it can be asked for; and
each page forbids the browser to load anything from elsewhere (Content-Security-Policy). Media
is served with byte ranges, so phones can seek. The service is announced with mDNS
(`_tiffin._tcp`) so that other Tiffin copies can find it; the code is not part of that.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import mimetypes
import re
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from tiffin import __version__
from tiffin.config import Paths
from tiffin.errors import NotFound, TiffinError
from tiffin.library import events, queries
from tiffin.library.search import search
from tiffin.library.store import Store
from tiffin.share import keys, pages
from tiffin.share.addresses import lan_addresses
from tiffin.share.lan_files import EventPacks, LanLibrary, attachment, inside, saved_page

logger = logging.getLogger(__name__)

COOKIE = "tiffin_code"
PORT_TRIES = 10  # a busy port: the next ones are tried
_EMPTY_SUFFIX = re.compile(r"\s*bytes\s*=\s*-\s*0+\s*")
IDLE_SECONDS = 15.0  # an idle kept-alive connection is closed after this
MAX_CLIENTS = 256  # past this many remembered clients, the idle ones are forgotten
SERVICE = "_tiffin._tcp.local."
RATE = 40.0  # requests per second per client, with a burst of BURST
BURST = 120.0
POLICY = (
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'self';"
    " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ServeError(TiffinError):
    """The LAN view could not start (the address or port is taken, say)."""


def new_code() -> str:
    """A fresh access code: ten characters that are easy to read and type."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


@dataclass
class _Allowance:
    tokens: float = BURST
    at: float = field(default_factory=time.monotonic)


def _prune(allowances: dict[str, _Allowance], now: float) -> None:
    """Forget clients that have not asked for anything for a minute (their allowance is full
    again by then), so the table does not grow with every phone that ever came by."""
    for client in [c for c, a in allowances.items() if now - a.at > 60]:
        del allowances[client]


def make_app(
    store: Store, paths: Paths, code: str, bundles: dict[str, Path] | None = None
) -> web.Application:
    """The aiohttp application for `store`, open to whoever has `code`; the bundle folders in
    `bundles` (by their torrent's name) are served as the swarm's HTTP web seed (BEP 19)."""
    seeded = {} if bundles is None else bundles
    library = LanLibrary(store, paths)
    packs = EventPacks(store, paths)
    allowances: dict[str, _Allowance] = {}

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            raise web.HTTPMethodNotAllowed(request.method, ["GET", "HEAD"])
        client = request.remote or "?"
        now = time.monotonic()
        if len(allowances) > MAX_CLIENTS:
            _prune(allowances, now)
        allowance = allowances.setdefault(client, _Allowance())
        allowance.tokens = min(BURST, allowance.tokens + (now - allowance.at) * RATE)
        allowance.at = now
        if allowance.tokens < 1:
            raise web.HTTPTooManyRequests(text="too many requests; slow down")
        allowance.tokens -= 1
        # A web seed cannot keep a cookie: its address holds the code.
        offered = (
            request.query.get("t")
            or request.cookies.get(COOKIE, "")
            or request.match_info.get("code", "")
        )
        if request.path != "/style.css" and not hmac.compare_digest(
            offered.encode(), code.encode()
        ):
            lang = pages.language(request.headers.get("Accept-Language", ""))
            return _secured(
                web.Response(text=pages.login(lang), content_type="text/html", status=401)
            )
        if "t" in request.query:  # the code came in the address: keep it, and drop it from there
            rest = {k: v for k, v in request.query.items() if k != "t"}
            found = web.HTTPSeeOther(request.rel_url.with_query(rest))
            found.set_cookie(COOKIE, code, httponly=True, samesite="Strict", max_age=86400 * 7)
            raise found
        try:
            response = await handler(request)
        except (NotFound, IndexError, ValueError, OverflowError) as exc:
            raise web.HTTPNotFound(text=str(exc)) from exc
        except TiffinError as exc:  # an event's ZIM that could not be made, say
            raise web.HTTPServiceUnavailable(text=str(exc)) from exc
        return _secured(response)

    async def in_thread(function: Callable[..., object], *args: object) -> object:
        return await asyncio.to_thread(function, *args)

    def lang(request: web.Request) -> str:
        return pages.language(request.headers.get("Accept-Language", ""))

    def html(text: str) -> web.Response:
        return web.Response(text=text, content_type="text/html")

    async def home(request: web.Request) -> web.StreamResponse:
        def load() -> str:
            sources = queries.list_sources(store)
            latest = queries.list_items(store)[:30]
            tagged = [e for e in events.list_events(store) if e.sources or e.downloads]
            media = len(library.done_media())
            return pages.home(lang(request), sources, latest, media, tagged)

        return html(str(await in_thread(load)))

    async def source(request: web.Request) -> web.StreamResponse:
        source_id = int(request.match_info["id"])

        def load() -> str:
            found = queries.get_source(store, source_id)
            return pages.source_page(lang(request), found, queries.list_items(store, [source_id]))

        return html(str(await in_thread(load)))

    async def item(request: web.Request) -> web.StreamResponse:
        item_id = int(request.match_info["id"])

        def load() -> str:
            found = queries.get_item(store, item_id)
            untrusted = bool(found.packer) and found.packer not in keys.trusted(paths)
            return pages.item_page(lang(request), found, library.done_media(item_id), untrusted)

        return html(str(await in_thread(load)))

    async def media_list(request: web.Request) -> web.StreamResponse:
        return html(pages.media_page(lang(request), await asyncio.to_thread(library.done_media)))

    async def found(request: web.Request) -> web.StreamResponse:
        query = request.query.get("q", "")[:200]
        hits = await asyncio.to_thread(search, store, query, 100)
        return html(pages.search_page(lang(request), query, hits))

    async def media(request: web.Request) -> web.StreamResponse:
        download_id = int(request.match_info["id"])
        subtitle = request.match_info.get("n")
        path = await asyncio.to_thread(
            library.media_file, download_id, None if subtitle is None else int(subtitle)
        )
        if _EMPTY_SUFFIX.fullmatch(request.headers.get("Range", "")):
            # "the last 0 bytes" can be satisfied by no range (RFC 9110, 14.1.1); aiohttp
            # would answer 206 with nothing.
            size = (await asyncio.to_thread(path.stat)).st_size
            raise web.HTTPRequestRangeNotSatisfiable(headers={"Content-Range": f"bytes */{size}"})
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".vtt":
            kind = "text/vtt"
        headers = {"Content-Type": kind}
        if request.path.endswith("/file"):  # kept by the phone, under a name it can read
            name = await asyncio.to_thread(library.media_name, download_id)
            headers["Content-Disposition"] = attachment(name)
        return web.FileResponse(path, headers=headers)

    async def saved(request: web.Request) -> web.StreamResponse:
        item_id = int(request.match_info["id"])
        text, name = await asyncio.to_thread(saved_page, library, item_id, lang(request))
        response = web.Response(text=text, content_type="text/html")
        response.headers["Content-Disposition"] = attachment(name)
        return response

    async def event_pack(request: web.Request) -> web.StreamResponse:
        event_id = int(request.match_info["id"])
        path, name = await asyncio.to_thread(packs.pack, event_id, lang(request))
        headers = {"Content-Type": "application/x-zim", "Content-Disposition": attachment(name)}
        return web.FileResponse(path, headers=headers)

    async def image(request: web.Request) -> web.StreamResponse:
        path = library.images.path(request.match_info["name"])
        if path is None or not inside(path, library.images_root):
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def web_seed(request: web.Request) -> web.StreamResponse:
        folder = seeded.get(request.match_info["name"])
        if folder is None:
            raise web.HTTPNotFound()
        path = folder / request.match_info["path"]
        if not inside(path, folder.resolve()):
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Content-Type": "application/octet-stream"})

    async def style(_request: web.Request) -> web.StreamResponse:
        return web.Response(text=pages.STYLE, content_type="text/css")

    app = web.Application(middlewares=[guard])
    app.add_routes(
        [
            web.get("/", home),
            web.get("/style.css", style),
            web.get(r"/source/{id:\d+}", source),
            web.get(r"/item/{id:\d+}", item),
            web.get(r"/item/{id:\d+}/page", saved),
            web.get(r"/event/{id:\d+}.zim", event_pack),
            web.get("/media", media_list),
            web.get(r"/media/{id:\d+}", media),
            web.get(r"/media/{id:\d+}/file", media),
            web.get(r"/media/{id:\d+}/subtitle/{n:\d+}", media),
            web.get("/search", found),
            web.get(r"/seed/{code}/{name}/{path:.+}", web_seed),
            web.get(r"/image/{name:[0-9a-f]{64}\.[a-z]+}", image),
        ]
    )
    return app


def _secured(response: web.StreamResponse) -> web.StreamResponse:
    response.headers["Content-Security-Policy"] = POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "private, no-store"
    return response


class LanShare:
    """The LAN view running in a thread of its own (for the GUI and `tiffin serve`)."""

    def __init__(
        self,
        store: Store,
        paths: Paths,
        host: str = "0.0.0.0",
        port: int = 8808,
        announce: bool = True,
    ) -> None:
        self.store, self.paths, self.host, self.port = store, paths, host, port
        self.announce = announce
        self.code = new_code()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._zeroconf: tuple[Any, Any] | None = None
        self.taken: list[int] = []  # ports found busy before the one served on
        self._hosts: list[str] = []
        self.bundles: dict[str, Path] = {}  # bundle folders served as web seeds, by name

    def web_seeds(self, folder: Path) -> list[str]:
        """Serve the bundle `folder` as an HTTP web seed from now on; its addresses (one per
        address of the LAN view) for the torrent's url-list."""
        self.bundles[folder.name] = folder
        hosts = self._hosts or ["127.0.0.1"]
        return [f"http://{host}:{self.port}/seed/{self.code}/" for host in hosts]

    @property
    def address(self) -> str:
        """The address to open, with the access code in it (what the QR code holds)."""
        return self.addresses[0]

    @property
    def addresses(self) -> list[str]:
        """Every address a phone might open (the best first), each with the access code; the
        interfaces are read once, when serving starts."""
        hosts = self._hosts or ["127.0.0.1"]
        return [f"http://{host}:{self.port}/?t={self.code}" for host in hosts]

    def start(self) -> LanShare:
        """Start serving; raises ServeError if the address cannot be used."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._open())
            except BaseException as exc:  # reported to start()'s caller
                failure.append(exc)
                loop.run_until_complete(self._close())
                loop.close()
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._close())
            loop.close()

        wanted = self.port
        for attempt in range(PORT_TRIES if wanted else 1):
            self.port = wanted + attempt if wanted else 0
            failure.clear()
            ready.clear()
            self._thread = threading.Thread(target=run, name="lan-share", daemon=True)
            self._thread.start()
            ready.wait()
            busy = failure and getattr(failure[0], "errno", None) == errno.EADDRINUSE
            if not busy:
                break
            self.taken.append(self.port)
        if failure:
            if self.taken:
                raise ServeError(
                    f"cannot serve on {self.host}: ports {self.taken[0]} to {self.taken[-1]} are"
                    " taken by other programs; choose another port in Settings"
                )
            raise ServeError(f"cannot serve on {self.host}:{self.port}: {failure[0]}")
        if self.taken:
            logger.info("port %s was taken; serving on %d", self.taken, self.port)
        if self.host in ("0.0.0.0", ""):
            self._hosts = [a.address for a in lan_addresses()]
        else:
            self._hosts = [self.host]
        if self.announce:
            self._announce()
        return self

    async def _open(self) -> None:
        self._runner = web.AppRunner(
            make_app(self.store, self.paths, self.code, self.bundles),
            access_log=None,
            keepalive_timeout=IDLE_SECONDS,
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            server = site._server
            assert server is not None and hasattr(server, "sockets")
            self.port = int(server.sockets[0].getsockname()[1])

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def _announce(self) -> None:
        from zeroconf import ServiceInfo, Zeroconf  # noqa: PLC0415 - only when sharing

        hosts = self._hosts
        if not hosts:
            return  # on no network: nobody to announce to
        zeroconf = None
        try:
            zeroconf = Zeroconf(interfaces=hosts)  # on every LAN the laptop is on
            info = ServiceInfo(
                SERVICE,
                f"Tiffin on {socket.gethostname()}.{SERVICE}",
                addresses=[socket.inet_aton(host) for host in hosts],
                port=self.port,
                properties={"version": __version__, "path": "/"},
            )
            zeroconf.register_service(info)
        except (OSError, ValueError) as exc:  # no multicast here: the addresses still work
            logger.warning("could not announce the LAN view with mDNS: %s", exc)
            if zeroconf is not None:
                zeroconf.close()
            return
        self._zeroconf = (zeroconf, info)

    def stop(self) -> None:
        """Stop serving and withdraw the announcement."""
        if self._zeroconf is not None:
            zeroconf, info = self._zeroconf
            zeroconf.unregister_service(info)
            zeroconf.close()
            self._zeroconf = None
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
