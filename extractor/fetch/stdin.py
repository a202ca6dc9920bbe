"""One page read from standard input (``curl ... | extractor scrape --stdin``).

Read through :func:`~extractor.fetch.files.read_body` like a saved file: capped,
gzip undone within the cap, binary refused.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import BinaryIO

from .files import read_body
from .page import DEFAULT_MAX_BYTES, Page

STDIN_URL = "stdin:"


def read_stdin_page(
    url: str | None = None, *, stream: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Page:
    """Read everything from ``stream`` (default: stdin's bytes). ``url`` is the page's real address if known.

    Raises ``TooLarge`` / ``DecodeError`` / ``NotHTML`` (see ``read_body``).
    """
    source = stream if stream is not None else sys.stdin.buffer
    address = url or STDIN_URL
    body = read_body(source, address, max_bytes=max_bytes)
    return Page(address, address, 200, {}, body, datetime.now(timezone.utc))


class StdinFetcher:
    """Fetcher that answers any URL with the page on stdin, read once."""

    def __init__(self, *, stream: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._stream = stream
        self._max_bytes = max_bytes
        self._page: Page | None = None

    def fetch(self, url: str) -> Page:
        if self._page is None:
            self._page = read_stdin_page(url, stream=self._stream, max_bytes=self._max_bytes)
        return self._page

    def close(self) -> None:
        return None
