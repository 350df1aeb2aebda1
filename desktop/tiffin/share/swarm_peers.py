"""What each peer of a swarm fetch gave, noted as the line to that host like any other
transfer, so that the Line tab and the line judgement see a fetch's peers as they see web
hosts. Counted from libtorrent's block alerts (each block names the peer it came from): the
peer list cannot tell, as a seed drops the connection the moment the fetch is complete."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from tiffin.net.governor import DIRECT, Governor
from tiffin.net.line import Observation

BLOCK = 16 * 1024  # what one block alert stands for (BitTorrent's request size)


@dataclass
class _Peer:
    first: float
    last: float
    got: int = 0


class PeerLedger:
    """Bytes received from each peer of one fetch, and over how long."""

    def __init__(self) -> None:
        self._peers: dict[str, _Peer] = {}

    def block(self, alert: Any) -> None:
        """Count a `block_finished_alert`: one more block from its peer."""
        host = str(alert.endpoint[0])
        now = time.monotonic()
        seen = self._peers.setdefault(host, _Peer(now, now))
        seen.last, seen.got = now, seen.got + BLOCK

    def note(self, line: Governor, received: int) -> None:
        """Note each peer that sent anything as a transfer from its host; `received` is the
        fetch's payload as libtorrent counted it, shared out as the blocks were (a piece's last
        block is a short one, and a full alert queue drops some)."""
        counted = sum(seen.got for seen in self._peers.values())
        share = received / counted if counted else 0.0
        for host, seen in self._peers.items():
            line.observe(
                Observation(host, "ok", bytes=int(seen.got * share),
                            seconds=max(0.001, seen.last - seen.first),
                            url=f"bittorrent://{host}", path=DIRECT)
            )  # fmt: skip
