"""An RFC 3161 timestamp client over the standard library's urllib (pyHanko's own HTTP
clients need `requests` or `aiohttp`; one POST needs neither)."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from ..i18n.catalogue import N_, Message
from ..i18n.system import library_reason, os_reason

UNKNOWN_HOST = N_("the server's name is not known (check the address and the network)")
HTTP_STATUS = N_("the server answered with HTTP status {status}")
UNREACHABLE = N_("the server cannot be reached")


def network_reason(exc: BaseException) -> Message:
    """Why a request to a server failed, as a catalogue message (urllib's words go to the log).

    >>> import socket
    >>> network_reason(urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))).describe("en")
    "the server's name is not known (check the address and the network)"
    >>> network_reason(urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))).describe("en")
    'the connection was refused'
    >>> network_reason(TimeoutError("timed out")).describe("en")
    'the connection timed out'
    """
    import errno
    import socket

    if isinstance(exc, urllib.error.HTTPError):
        return Message(HTTP_STATUS, status=exc.code)
    reason = getattr(exc, "reason", exc) if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, socket.gaierror):
        return library_reason(reason, UNKNOWN_HOST)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return os_reason(OSError(errno.ETIMEDOUT, ""))
    if isinstance(reason, OSError) and isinstance(reason.errno, int) and reason.errno > 0:
        return os_reason(reason)
    return library_reason(exc, UNREACHABLE)


class UrllibTimeStamper(TimeStamper):
    """Asks the timestamp authority at `url` (http or https) for a token."""

    def __init__(self, url: str, timeout: float = 10.0):
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"{url!r}: the timestamp authority's address must be an http(s) URL")
        self.url = url
        self.timeout = timeout
        super().__init__()

    async def async_request_tsa_response(self, req):
        from asn1crypto import tsp

        def post():
            request = urllib.request.Request(
                self.url, data=req.dump(), method="POST",
                headers={"Content-Type": "application/timestamp-query", "Accept": "application/timestamp-reply"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                    kind = response.headers.get("Content-Type", "")
                    body = response.read()
            except (urllib.error.URLError, OSError) as exc:
                raise TimestampRequestError(Message("{url}: {reason}", url=self.url, reason=network_reason(exc))) from None
            if kind.split(";")[0].strip() != "application/timestamp-reply":
                raise TimestampRequestError(Message("{url}: answered {kind}, not application/timestamp-reply",
                                                    url=self.url, kind=kind or Message(N_("without a type"))))
            try:
                return tsp.TimeStampResp.load(body)
            except ValueError:
                raise TimestampRequestError(Message("{url}: the answer is not a timestamp response",
                                                    url=self.url)) from None

        return await asyncio.to_thread(post)
