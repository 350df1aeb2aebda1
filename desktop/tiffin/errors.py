"""The one exception tree of Tiffin; every error a caller may see derives from TiffinError.

    TiffinError
    ├── SourceError            a subscription could not be read
    │   ├── FeedInvalid        the bytes are not a feed we can read (message says why)
    │   ├── NoFeedFound        a web page links to no feed
    │   ├── SourceGone         the server says the source is gone for good (HTTP 410)
    │   └── OpmlInvalid        an OPML file is broken
    ├── NetError               the transfer itself failed
    │   ├── HostUnreachable    DNS, connect or TLS failure
    │   ├── Timeout            the server stalled past the read timeout or the deadline
    │   │   └── TooSlow        the answer crawled below the minimum rate (a trickle)
    │   ├── BadAddress         not an address Tiffin fetches, or a redirect it refuses
    │   ├── HttpStatusError    an HTTP error status that retrying did not cure
    │   ├── RateLimited        429/503 with a Retry-After longer than we wait
    │   ├── BudgetSpent        the day's or month's data budget is used up
    │   └── ResponseTooLarge   the body passed the size cap and was cut off
    ├── MediaError             a video or audio download could not be done
    │   ├── MediaUnavailable   yt-dlp cannot read the address (unsupported, private, removed)
    │   ├── DiskFull           not enough free space; what was downloaded is kept
    │   ├── RemoteChanged      the file changed on the server since the download began
    │   ├── VerifyFailed       the finished file is not the complete, playable media expected
    │   ├── PlaylistInvalid    an HLS playlist cannot be used (not a playlist, malformed, DRM)
    │   └── ReplayNotReady     a recording's replay cannot heal it now (still live, not up)
    ├── StoreError             the library database
    │   ├── SchemaTooNew       the database was written by a newer Tiffin
    │   ├── LibraryMissing     the library folder chosen on the first run is not there
    │   └── NotFound           no row with that id
    └── Cancelled              the user cancelled a long operation

Messages are written for the user: what happened, and what was kept.
"""

from __future__ import annotations


class TiffinError(Exception):
    """Root of every error Tiffin raises on purpose."""


class SourceError(TiffinError):
    """A subscription could not be read; stored items are untouched."""


class FeedInvalid(SourceError):
    """The bytes fetched are not a feed Tiffin can read."""


class NoFeedFound(SourceError):
    """A web page was fetched but names no feed through <link rel=alternate>."""


class SourceGone(SourceError):
    """The server answered 410 Gone: the source no longer exists."""


class OpmlInvalid(SourceError):
    """An OPML file cannot be imported."""


class NetError(TiffinError):
    """A network transfer failed."""


class HostUnreachable(NetError):
    """The host could not be reached (DNS, connect, TLS or a dropped connection)."""


class Timeout(NetError):
    """The server stalled past the read timeout, or the whole transfer passed its deadline."""


class TooSlow(Timeout):
    """The answer kept coming, but slower than the minimum rate over its window."""


class BadAddress(NetError):
    """The address (or a redirect on the way) is malformed, not http(s), loops, or leads from a
    public host to this machine or its private network."""


class HttpStatusError(NetError):
    """The server answered with an error status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class RateLimited(HttpStatusError):
    """The server asked us to come back later than we are willing to wait now."""

    def __init__(self, message: str, status: int, retry_after: float) -> None:
        super().__init__(message, status)
        self.retry_after = retry_after


class BudgetSpent(NetError):
    """The data budget has nothing left for this transfer; what came so far is kept."""


class ResponseTooLarge(NetError):
    """The response body passed the size cap and was cut off."""


class BadEncoding(NetError):
    """The response body does not decompress as its Content-Encoding says it should."""


class MediaError(TiffinError):
    """A video or audio download could not be done; bytes already on disk are kept."""


class MediaUnavailable(MediaError):
    """yt-dlp could not find media at the address (unsupported site, private or removed)."""


class DiskFull(MediaError):
    """There is not enough free space for the download; the queue pauses until there is."""


class RemoteChanged(MediaError):
    """The file on the server is not the one whose first part is on disk; it starts over."""


class VerifyFailed(MediaError):
    """The finished file is shorter, longer or less playable than the media promised."""


class PlaylistInvalid(MediaError):
    """An HLS playlist is not one, is malformed, or is DRM-protected; nothing is recorded."""


class ReplayNotReady(MediaError):
    """A recording cannot be healed now: its replay is not up yet, or lacks what is missing;
    the recording is kept as it is and the heal tried again later."""


class StoreError(TiffinError):
    """The library database could not do what was asked."""


class SchemaTooNew(StoreError):
    """The database was written by a newer version of Tiffin."""


class LibraryMissing(StoreError):
    """The library folder chosen on the first run (a USB stick, say) is not there."""


class NotFound(StoreError):
    """No row with the given id exists."""


class Cancelled(TiffinError):
    """The operation was cancelled by the user."""
