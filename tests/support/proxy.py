"""A real proxy for the tests: pproxy (HTTP and SOCKS5, with a user name and password) in its
own process. Its outgoing connections leave from `SOURCE`, so the test web can tell requests
that came through it from direct ones (see TestWeb.censored)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

SOURCE = "127.0.0.9"
USER, PASSWORD = "tiffin", "s3cret-Pass"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_proxy() -> Iterator[int]:
    """Start the proxy on 127.0.0.1; yields its port, stops it afterwards."""
    port = _free_port()
    listen = f"http+socks5://127.0.0.1:{port}/@{SOURCE}#{USER}:{PASSWORD}"
    process = subprocess.Popen(
        [sys.executable, "-m", "pproxy", "-l", listen],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the test proxy (pproxy) did not start") from None
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
