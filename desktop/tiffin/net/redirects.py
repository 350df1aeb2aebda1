"""Which redirects Tiffin follows: to http and https only, and never from a public host to this
machine or its private network (a hostile page or picture must not make Tiffin ask a local
service for anything)."""

from __future__ import annotations

import ipaddress
import socket

import httpx

from tiffin.errors import BadAddress

_FOLLOWED = ("http", "https")


def is_local(host: str) -> bool:
    """Whether `host` names this machine or a private, link-local or unspecified address.

    Names are judged as written (localhost and *.localhost); other names are not resolved.
    IPv4 in any form the system resolver accepts ("127.1", "2130706433") counts as its address.
    """
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(name)
    except ValueError:
        if ":" in name:
            return False
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(name))
        except OSError:
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
    )


def refused_redirect(origin: httpx.URL, location: str) -> str | None:
    """Why a redirect from `origin` to `location` is refused, or None to follow it."""
    try:
        target = origin.join(location)
    except httpx.InvalidURL as exc:
        return f"{origin} redirects to a malformed address ({exc})"
    if target.scheme not in _FOLLOWED:
        return (
            f"{origin} redirects to a {target.scheme or 'schemeless'} address; Tiffin follows"
            " redirects only to http and https"
        )
    if is_local(target.host) and not is_local(origin.host):
        return (
            f"{origin} redirects to {target.host}, an address on this machine or its private"
            " network; refused"
        )
    return None


async def check_redirect(response: httpx.Response) -> None:
    """An httpx response hook: raise BadAddress before a refused redirect is followed."""
    if not response.has_redirect_location:
        return
    why = refused_redirect(response.request.url, response.headers["location"])
    if why is not None:
        raise BadAddress(why)
