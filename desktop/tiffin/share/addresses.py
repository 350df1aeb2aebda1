"""Where phones can reach this laptop: every address on its network interfaces, best first.

The routing table's default route is no guide here: a laptop sharing its own hotspot, or on a
LAN with no internet, has none, and behind a VPN it points into the tunnel. So every interface
is listed (ifaddr) and judged by what it is: loopback, tunnels (point-to-point links, tun/tap,
WireGuard, PPP) and container or VM bridges are left out; private addresses on broadcast
interfaces (a Wi-Fi, an Ethernet or the hotspot itself) come first.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

import ifaddr

_SYSFS = Path("/sys/class/net")
_IFF_BROADCAST, _IFF_LOOPBACK, _IFF_POINTOPOINT = 0x2, 0x8, 0x10
_ARPHRD_NONE = 65534  # tun devices
_TUNNELS = ("tun", "tap", "wg", "ppp", "utun", "ipsec", "vti", "gre", "zt", "tailscale", "nordlynx")
_VIRTUAL = ("docker", "br-", "veth", "virbr", "lxcbr", "lxdbr", "cni", "flannel", "podman",
            "vmnet", "vboxnet", "kube")  # fmt: skip


@dataclass(frozen=True)
class LanAddress:
    """One IPv4 address a phone on the same network might reach, and the interface it is on."""

    address: str
    interface: str
    broadcast: bool  # on an interface that broadcasts (a LAN, Wi-Fi or hotspot)


def _flags(interface: str) -> int | None:
    try:
        return int((_SYSFS / interface / "flags").read_text().strip(), 16)
    except (OSError, ValueError):
        return None  # not Linux, or gone: judged by its name alone


def _tunnel_or_virtual(interface: str, flags: int | None) -> bool:
    name = interface.lower()
    if name.startswith(_TUNNELS) or name.startswith(_VIRTUAL):
        return True
    if flags is not None and flags & (_IFF_LOOPBACK | _IFF_POINTOPOINT):
        return True
    try:
        kind = int((_SYSFS / interface / "type").read_text().strip())
    except (OSError, ValueError):
        return False
    return kind == _ARPHRD_NONE


def lan_addresses() -> list[LanAddress]:
    """Every address worth offering to a phone, best first: private addresses on broadcast
    interfaces, then other private ones, then public ones; link-local addresses last. Empty
    when the laptop is on no network at all."""
    found: list[LanAddress] = []
    for adapter in ifaddr.get_adapters():
        name = str(adapter.nice_name or adapter.name)
        flags = _flags(name)
        if _tunnel_or_virtual(name, flags):
            continue
        broadcast = flags is None or bool(flags & _IFF_BROADCAST)
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: phones are given the IPv4 address
            address = ipaddress.IPv4Address(ip.ip)
            if address.is_loopback or address.is_unspecified or address.is_multicast:
                continue
            found.append(LanAddress(str(address), name, broadcast))

    def rank(candidate: LanAddress) -> tuple[int, int]:
        address = ipaddress.IPv4Address(candidate.address)
        if address.is_link_local:
            return (3, 0)
        return (0 if address.is_private else 2, 0 if candidate.broadcast else 1)

    return sorted(found, key=rank)


def best_address(found: list[LanAddress] | None = None) -> str:
    """The address for the QR code: the best candidate, or 127.0.0.1 on no network."""
    candidates = lan_addresses() if found is None else found
    return candidates[0].address if candidates else "127.0.0.1"
