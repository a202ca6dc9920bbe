"""One page read from standard input (``curl ... | extractor scrape --stdin``)."""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from typing import BinaryIO

from .http import DEFAULT_MAX_BYTES
from .page import Page, TooLarge

STDIN_URL = "stdin:"


def read_stdin_page(
    url: str | None = None, *, stream: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Page:
    """Read everything from ``stream`` (default: stdin's bytes). ``url`` is the page's real address if known."""
    source = stream if stream is not None else sys.stdin.buffer
    body = source.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise TooLarge(url or STDIN_URL, f"standard input is over the {max_bytes} byte cap")
    address = url or STDIN_URL
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
