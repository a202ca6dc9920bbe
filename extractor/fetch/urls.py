"""Is this a URL we can fetch? One check, used before anything else touches the URL.

A URL list, a sitemap or a redirect can hand us anything: an out-of-range port
(``http://h:99999/``), a broken IPv6 literal, no host, a ``mailto:`` link, a
NUL byte. Left to the standard library and urllib3 these surface as
``ValueError``, ``LocationParseError`` or a misleading robots/DNS failure, and a
``ValueError`` from a worker thread ends the whole job. Checked here, each one
is an :class:`InvalidURL` with a reason a user can act on, which a job writes as
an error record before going on.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from .page import InvalidURL

SCHEMES = frozenset({"http", "https"})
# C0 controls, DEL and C1 controls. urlsplit silently drops tab and newlines, so this looks
# at the raw string: a URL with a control character in it is a broken input, not a page.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# WHATWG URL standard, "forbidden domain code point" (controls are caught above).
_FORBIDDEN_HOST = re.compile(r"[ #%/:<>?@\[\\\]^|]")
_BRACKETED = re.compile(r"\[[^\[\]]*\](?::[0-9]*)?")  # [IPv6] or [IPv6]:port, nothing else


def check_url(url: str, requested: str | None = None) -> None:
    """Raise :class:`InvalidURL` (for ``requested``, default ``url``) unless ``url`` is a
    fetchable http(s) URL."""
    who = url if requested is None else requested
    found = _CONTROL.search(url)
    if found is not None:
        raise InvalidURL(who, f"control character {found.group()!r} in URL {url!r}")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range or not a number
    except ValueError as exc:
        raise InvalidURL(who, f"malformed URL {url!r}: {exc}") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InvalidURL(who, f"not an http(s) URL: {url!r}")
    host = parts.hostname
    if not host:
        raise InvalidURL(who, f"no host in URL {url!r}")
    if port == 0:
        raise InvalidURL(who, f"port 0 in URL {url!r}")
    hostport = parts.netloc.rpartition("@")[2]
    bracketed = "[" in hostport or "]" in hostport
    if bracketed and not _BRACKETED.fullmatch(hostport):
        raise InvalidURL(who, f"bad IPv6 literal {hostport!r} in URL {url!r}")
    _check_host(host, bracketed, who, url)


def _check_host(host: str, bracketed: bool, who: str, url: str) -> None:
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise InvalidURL(who, f"bad IPv6 address [{host}] in URL {url!r}") from None
        return
    found = _FORBIDDEN_HOST.search(host)
    if found is not None:
        raise InvalidURL(who, f"character {found.group()!r} not allowed in host {host!r}")
    try:
        host.encode("idna")  # empty labels ('a..b', '.a'), labels over 63 characters, bad IDNs
    except UnicodeError:
        raise InvalidURL(who, f"bad host name {host!r} (empty or over-long label)") from None


def host_key(url: str) -> str:
    """The host a URL is paced and paused under: its netloc, lower case (port included)."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:  # malformed: never fetched, so any key will do
        return url
