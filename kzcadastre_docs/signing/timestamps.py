"""An RFC 3161 timestamp client over the standard library's urllib (pyHanko's own HTTP
clients need `requests` or `aiohttp`; one POST needs neither)."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from ..i18n.catalogue import N_, Message
from ..i18n.system import network_reason

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
