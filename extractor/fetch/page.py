"""Page: what a transport knew about one fetched document, and the typed fetch errors.

Everything after a fetch (decoding, extraction, export) is a pure function of a
``Page``, so the same ``Page`` read from HTTP, a folder, a WARC file or stdin
gives the same record. Errors are exceptions with a stable class name because
that name is what batch jobs write into the ``error`` field of an error record.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

HTML_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(slots=True, frozen=True)
class Page:
    """One document as fetched: the bytes untouched, plus transport facts.

    ``url`` is what was asked for (the key users and resume logic rely on);
    ``final_url`` is where redirects ended (what relative links resolve
    against).
    """

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    fetched_at: datetime
    elapsed: float = 0.0
    from_cache: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """Case-insensitive header lookup: stored headers keep the server's casing."""
        lname = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lname:
                return value
        return None

    @property
    def content_type(self) -> str | None:
        value = self.header("content-type")
        return media_type(value) if value else None


def media_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


class FetchError(Exception):
    """A document could not be had. ``kind`` (the class name) is the error type written to outputs."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(url, reason, status)
        self.url = url
        self.reason = reason
        self.status = status

    @property
    def kind(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason} ({self.url})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only ``status`` would otherwise be lost crossing a process boundary.
        return (_rebuild_error, (type(self), self.url, self.reason, self.status))


def _rebuild_error(cls: type[FetchError], url: str, reason: str, status: int | None) -> FetchError:
    return cls(url, reason, status=status)


class Blocked(FetchError):
    """The server refused us (401/403/451, a challenge page)."""


class RateLimited(FetchError):
    """429 (or Retry-After longer than we are willing to wait) after the retries were spent."""


class NotFound(FetchError):
    """404 / 410, or a missing local file or archive record."""


class TooLarge(FetchError):
    """The (decoded) body passed the size cap; reading stopped there."""


class Timeout(FetchError):
    """Connect, read or whole-download time limit reached."""


class NotHTML(FetchError):
    """The content type is not one we extract from."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL for our user agent (or robots.txt was unreachable)."""


class NetworkError(FetchError):
    """Connection, DNS, TLS, protocol problems."""


class TooManyRedirects(NetworkError):
    """A redirect chain longer than the limit, or a loop."""


class HostUnavailable(NetworkError):
    """The host failed repeatedly and is paused (circuit breaker open); not contacted.

    Not a verdict on the URL, which was never requested: a scrape job waits out
    the pause and tries again, and a URL still unfetched when the job ends is
    left for the next run (see :data:`NOT_REQUESTED`). ``retry_in``: seconds until the
    host may be tried again (``math.inf``: given up for this run).
    """

    def __init__(self, url: str, reason: str, *, status: int | None = None, retry_in: float = math.inf) -> None:
        super().__init__(url, reason, status=status)
        self.retry_in = retry_in

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unavailable, (self.url, self.reason, self.retry_in))


def _rebuild_unavailable(url: str, reason: str, retry_in: float) -> HostUnavailable:
    return HostUnavailable(url, reason, retry_in=retry_in)


class InvalidURL(NetworkError):
    """Not an http(s) URL we can fetch: other scheme, no host, bad port or IPv6 literal, control characters."""


class HTTPError(FetchError):
    """Any other non-success status (other 4xx, 5xx after retries)."""


@runtime_checkable
class Fetcher(Protocol):
    """Anything that turns a URL (or path) into a ``Page`` or raises a ``FetchError``."""

    def fetch(self, url: str) -> Page: ...

    def close(self) -> None: ...


ERROR_TYPES: tuple[type[FetchError], ...] = (
    Blocked,
    RateLimited,
    NotFound,
    TooLarge,
    Timeout,
    NotHTML,
    RobotsDisallowed,
    NetworkError,
    TooManyRedirects,
    HostUnavailable,
    InvalidURL,
    HTTPError,
)

NOT_REQUESTED: frozenset[str] = frozenset({HostUnavailable.__name__})
"""Error kinds that mean the page was never requested: not an outcome, so a resumed job tries them again."""
