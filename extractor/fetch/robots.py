"""robots.txt policy per origin, following RFC 9309.

Fetching is injected (a callable) so the policy has no transport of its own:
the HTTP fetcher hands in a function that uses its session and timeouts.
Entries expire so a job running for days picks up robots.txt changes, and a
failed fetch is retried soon rather than blocking a host for the whole job.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

# (status, body) or None when the server could not be reached at all.
RobotsGetter = Callable[[str], "tuple[int, bytes] | None"]

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least the first 500 KiB.


@dataclass(slots=True, frozen=True)
class RobotsRules:
    """What one origin's robots.txt says, resolved to a decision rule."""

    parser: Protego | None  # None: no parser because of allow_all / disallow_all
    allow_all: bool
    reason: str
    expires: float

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def delay(self, user_agent: str) -> float | None:
        """Crawl-delay, or the interval implied by Request-rate, whichever is longer."""
        if self.parser is None:
            return None
        delays: list[float] = []
        crawl_delay = self.parser.crawl_delay(user_agent)
        if crawl_delay is not None:
            delays.append(float(crawl_delay))
        rate = self.parser.request_rate(user_agent)
        if rate is not None and rate.requests:
            delays.append(float(rate.seconds) / float(rate.requests))
        return max(delays) if delays else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def rules_from_response(
    result: tuple[int, bytes] | None, now: float, ttl: float, retry_ttl: float
) -> RobotsRules:
    """RFC 9309 section 2.3.1: 2xx parse, 4xx allow everything, 5xx / unreachable disallow everything."""
    if result is None:
        return RobotsRules(None, False, "robots.txt unreachable", now + retry_ttl)
    status, body = result
    if 200 <= status < 300:
        text = body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
        return RobotsRules(Protego.parse(text), True, "robots.txt", now + ttl)
    if 400 <= status < 500:
        return RobotsRules(None, True, f"robots.txt status {status}: no rules", now + ttl)
    return RobotsRules(None, False, f"robots.txt status {status}", now + retry_ttl)


class RobotsCache:
    """Bounded, thread-safe map origin -> rules; one fetch per origin at a time."""

    def __init__(
        self,
        getter: RobotsGetter,
        *,
        max_entries: int = 4096,
        ttl: float = 24 * 3600.0,
        retry_ttl: float = 60.0,
    ) -> None:
        self._getter = getter
        self._max_entries = max_entries
        self._ttl = ttl
        self._retry_ttl = retry_ttl
        self._entries: OrderedDict[str, RobotsRules] = OrderedDict()
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}

    def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        cached = self._lookup(origin)
        if cached is not None:
            return cached
        with self._origin_lock(origin):
            cached = self._lookup(origin)  # another thread may have fetched it meanwhile
            if cached is not None:
                return cached
            rules = rules_from_response(
                self._getter(origin + "/robots.txt"), time.monotonic(), self._ttl, self._retry_ttl
            )
            self._store(origin, rules)
        return rules

    def _lookup(self, origin: str) -> RobotsRules | None:
        with self._lock:
            rules = self._entries.get(origin)
            if rules is None:
                return None
            if rules.expires < time.monotonic():
                del self._entries[origin]
                return None
            self._entries.move_to_end(origin)
            return rules

    def _store(self, origin: str, rules: RobotsRules) -> None:
        with self._lock:
            self._entries[origin] = rules
            self._entries.move_to_end(origin)
            while len(self._entries) > self._max_entries:
                old, _ = self._entries.popitem(last=False)
                self._origin_locks.pop(old, None)

    def _origin_lock(self, origin: str) -> threading.Lock:
        with self._lock:
            lock = self._origin_locks.get(origin)
            if lock is None:
                # Bounded together with the entries: evicted origins drop their lock too.
                if len(self._origin_locks) > 2 * self._max_entries:
                    self._origin_locks.clear()
                lock = self._origin_locks[origin] = threading.Lock()
            return lock
