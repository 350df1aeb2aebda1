"""Web addresses as Tiffin accepts them from a user, a feed or a file, and which hosts are this
machine's or its private network's."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from tiffin.errors import BadAddress

WEB_SCHEMES = ("http", "https")


def web_address(text: str) -> str:
    """`text` stripped, if it is an absolute http(s) address with a host; raises BadAddress
    naming what is wrong otherwise (another scheme, a malformed host, no host)."""
    url = text.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # a port that is not a number raises here
    except ValueError as exc:
        raise BadAddress(f"“{url}” is not a valid web address ({exc})") from exc
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise BadAddress(
            f"“{url}” is not a web address: Tiffin fetches only http:// and https:// addresses"
        )
    if not host:
        raise BadAddress(f"“{url}” names no host")
    return url


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
