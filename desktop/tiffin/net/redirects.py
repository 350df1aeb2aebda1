"""Which redirects Tiffin follows: to http and https only, and never from a public host to this
machine or its private network (a hostile page or picture must not make Tiffin ask a local
service for anything)."""

from __future__ import annotations

import httpx

from tiffin.addresses import WEB_SCHEMES, is_local
from tiffin.errors import BadAddress


def refused_redirect(origin: httpx.URL, location: str) -> str | None:
    """Why a redirect from `origin` to `location` is refused, or None to follow it."""
    try:
        target = origin.join(location)
    except httpx.InvalidURL as exc:
        return f"{origin} redirects to a malformed address ({exc})"
    if target.scheme not in WEB_SCHEMES:
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
