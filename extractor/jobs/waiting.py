"""URLs set aside while their host is paused, handed back when the pause is over.

The HTTP fetcher's circuit breaker refuses a paused host without a request.
That refusal says nothing about the URL, so a job must not record it as the
URL's outcome: it parks the URL here and fetches it once the pause ends. Only
the parked URLs are held (one string each); the rest of the job stays lazy.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Callable

from ..fetch.urls import host_key


class WaitingUrls:
    """A min-heap of (time the URL may be tried again, URL), on the caller's monotonic clock."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, str]] = []
        self._order = itertools.count()  # ties keep arrival order

    def __len__(self) -> int:
        return len(self._heap)

    def park(self, url: str, ready_at: float) -> None:
        heapq.heappush(self._heap, (ready_at, next(self._order), url))

    def pop_ready(self, now: float) -> str | None:
        """The longest-waiting URL whose time has come, or None."""
        if self._heap and self._heap[0][0] <= now:
            return heapq.heappop(self._heap)[2]
        return None

    def seconds_to_next(self, now: float) -> float | None:
        """How long until a URL is ready (0 if one is); None when nothing waits."""
        return max(0.0, self._heap[0][0] - now) if self._heap else None

    def by_host(self, key: Callable[[str], str] = host_key) -> Counter[str]:
        """How many URLs wait, per host (for the summary of a job stopped while some waited)."""
        return Counter(key(url) for _, _, url in self._heap)
