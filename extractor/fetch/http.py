"""Polite, robust HTTP fetching with requests.

Design choices, and why:
- Redirects are followed by hand, so their limit is separate from the retry
  budget and every hop is checked against robots.txt and the host's pacing.
- Retries, Retry-After and backoff all work by pushing the *host's* next
  allowed start time, so every worker waiting on that host slows down, not
  just the one that saw the 429.
- The body is streamed and decompressed by us in bounded steps, so a size cap
  counts decoded bytes and a gzip bomb never expands past cap + one chunk.
- Only pages that passed every check are written to the cache.
"""

from __future__ import annotations

import itertools
import math
import random
import re
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Collection, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import requests
import urllib3

from .cache import DiskCache
from .clock import SYSTEM_CLOCK, Clock
from .page import (
    CHUNK,
    DEFAULT_MAX_BYTES,
    HTML_TYPES,
    Blocked,
    FetchError,
    HostUnavailable,
    HTTPError,
    Inflater,
    InvalidURL,
    NetworkError,
    NotFound,
    NotHTML,
    Page,
    RateLimited,
    RobotsDisallowed,
    Timeout,
    TooLarge,
    TooManyRedirects,
    binary_reason,
    looks_like_html,
    media_type,
)
from .robots import RobotsCache
from .urls import check_url
from .urls import host_key as _host_key

if TYPE_CHECKING:  # typing.Self is 3.11+
    from typing_extensions import Self

DEFAULT_USER_AGENT = "extractor/0.1 (article extraction bot; set your contact with --user-agent)"
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
BLOCK_STATUSES = frozenset({401, 403, 407, 451, 999})
# Interstitials of anti-bot services served with 200: the whole title is the challenge phrase.
_CHALLENGE_TITLE = re.compile(
    rb"<title[^>]*>\s*(?:just a moment\.*|attention required!?|access denied|are you a robot\??|"
    rb"verify you are (?:a )?human|security check|one more step|please wait\.*|captcha)"
    rb"\s*(?:(?:[|:-]|\xe2\x80\x93)[^<]{0,80})?</title>",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class HttpOptions:
    """Every knob of the HTTP fetcher; one object instead of a dozen parameters threaded through."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # minimum seconds between request starts on one host
    per_host: int = 2  # concurrent requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # per socket read
    total_timeout: float = 120.0  # whole body download (defeats slow-drip servers)
    max_retries: int = 3
    max_redirects: int = 10
    backoff_base: float = 0.5
    backoff_cap: float = 60.0
    max_retry_after: float = 120.0  # longer Retry-After: give up with RateLimited
    max_bytes: int = DEFAULT_MAX_BYTES
    respect_robots: bool = True
    max_crawl_delay: float = 60.0
    # Circuit breaker. It counts URLs, not attempts: a URL whose retries all failed is one failure,
    # so one broken page cannot pause a healthy host. 0 turns the breaker off.
    breaker_threshold: int = 5  # URLs failed in a row before the host is paused
    breaker_cooldown: float = 60.0  # first pause; each further pause in a row doubles it
    breaker_max_cooldown: float = 900.0
    breaker_max_pauses: int = 3  # pauses in a row after which the host is given up for the run
    cache: bool = False
    cache_dir: str | None = None
    cache_ttl: float | None = None  # None: trust the server's max-age/Expires, else revalidate
    pool_size: int = 32
    max_hosts: int = 10_000  # bound on per-host state kept in memory


# ---------------------------------------------------------------- decoding


def _supported_encoding(value: str) -> str | None:
    enc = value.strip().lower()
    return enc if enc in ("", "identity", "gzip", "x-gzip", "deflate") else None


def read_capped(
    resp: requests.Response, url: str, max_bytes: int, deadline: float, *, truncate: bool = False
) -> bytes:
    """Stream the body, counting *decoded* bytes; stop at the cap (TooLarge, or cut when ``truncate``)."""
    encoding = _supported_encoding(resp.headers.get("Content-Encoding", ""))
    raw = resp.raw
    buf = bytearray()
    decoder = Inflater(encoding or "")
    # Encodings we do not decode ourselves (br, zstd) go through urllib3, whose
    # reads are bounded per call since 2.6; we still count what comes out.
    decode_by_urllib3 = encoding is None
    try:
        while True:
            if time.monotonic() > deadline:
                raise Timeout(url, "download took longer than the total time limit")
            # read1: whatever has arrived (up to CHUNK), so a slow drip still reaches the deadline check.
            chunk = raw.read1(CHUNK, decode_content=decode_by_urllib3)
            if not chunk:
                break
            pieces = [chunk] if decode_by_urllib3 else decoder.feed(chunk)
            for piece in pieces:
                if len(buf) + len(piece) > max_bytes:
                    if truncate:
                        buf += piece[: max_bytes - len(buf)]
                        return bytes(buf)
                    raise TooLarge(url, f"body larger than {max_bytes} bytes (decoded); stopped reading")
                buf += piece
    except zlib.error as exc:
        raise NetworkError(url, f"corrupt compressed body: {exc}") from exc
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise _Retry(Timeout(url, f"read timed out: {exc}")) from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise _Retry(NetworkError(url, f"connection broken while reading: {exc}")) from exc
    return bytes(buf)


def looks_like_challenge(body: bytes) -> bool:
    """A small page whose title is an anti-bot challenge: a block, not an article (never cached)."""
    return len(body) < 128 * 1024 and _CHALLENGE_TITLE.search(body[:8192]) is not None


# ---------------------------------------------------------------- retry plumbing


class _Retry(Exception):
    """Internal: a failure worth retrying, carrying the error to raise if retries run out."""

    def __init__(self, error: FetchError, wait: float | None = None, counts_as_failure: bool = True) -> None:
        super().__init__(error)
        self.error = error
        self.wait = wait
        self.counts_as_failure = counts_as_failure


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with 'equal jitter': at least half the step, so retries never bunch at 0."""
    step = min(cap, base * 2.0**attempt)
    return step / 2 + rng.uniform(0, step / 2)


# ---------------------------------------------------------------- per-host state


@dataclass(slots=True)
class _Host:
    slots: threading.BoundedSemaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0
    failures: int = 0  # URLs failed in a row
    open_until: float = 0.0  # math.inf: given up for this run
    cooldown: float = 0.0
    pauses: int = 0  # pauses in a row (reset by a success)
    active: int = 0


class HostBook:
    """Pacing, concurrency and circuit breaking per host, bounded in memory.

    The breaker opens after ``threshold`` URLs of a host failed in a row and then
    refuses (``HostUnavailable``, no request sent) until the pause is over. A
    refusal is not a verdict on the URL: callers are expected to ask again after
    its ``retry_in`` seconds (the scrape job does). After a pause the host is
    half-open: one more failed URL pauses it again, twice as long; a success
    closes it. The pause after ``max_pauses`` pauses in a row lasts for the rest
    of the run (``retry_in`` is infinite), so a job with a dead host still ends.
    """

    def __init__(
        self,
        per_host: int,
        cooldown: float,
        max_cooldown: float,
        threshold: int,
        max_hosts: int,
        max_pauses: int = 3,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self._clock = clock
        self._per_host = max(1, per_host)
        self._cooldown = cooldown
        self._max_cooldown = max_cooldown
        self._threshold = max(0, threshold)
        self._max_pauses = max(0, max_pauses)
        self._max_hosts = max_hosts
        self._hosts: OrderedDict[str, _Host] = OrderedDict()
        self._lock = threading.Lock()
        # Set on close: workers sleeping out a delay or a Retry-After wake up at once instead of
        # holding the process open for minutes after Ctrl-C.
        self.closed = threading.Event()

    def _get(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host(
                    threading.BoundedSemaphore(self._per_host), cooldown=self._cooldown
                )
                self._evict()
            self._hosts.move_to_end(host)
            return state

    def _evict(self) -> None:
        if len(self._hosts) <= self._max_hosts:
            return
        now = self._clock.now()
        # Oldest first, and only as many as we are over, so this stays cheap at the cap.
        for name in list(itertools.islice(self._hosts, len(self._hosts) - self._max_hosts)):
            state = self._hosts[name]
            # Never forget a host someone is using, pacing, or that is paused.
            if state.active == 0 and state.next_start < now and state.open_until < now:
                del self._hosts[name]

    @contextmanager
    def turn(self, host: str, url: str, delay: float) -> Iterator[None]:
        """Wait for a free slot on ``host`` and for its next allowed start time."""
        state = self._get(host)
        self._check_breaker(state, url)
        with self._lock:
            state.active += 1
        state.slots.acquire()
        try:
            with state.lock:
                now = self._clock.now()
                start = max(now, state.next_start)
                state.next_start = start + delay
            if start > now and self._clock.wait(self.closed, start - now):
                raise NetworkError(url, "fetcher closed while waiting for the host")
            self._check_breaker(state, url)
            yield
        finally:
            state.slots.release()
            with self._lock:
                state.active -= 1

    def check(self, host: str, url: str) -> None:
        """Fail fast (HostUnavailable) if ``host`` is paused, before spending anything on it."""
        self._check_breaker(self._get(host), url)

    def _check_breaker(self, state: _Host, url: str) -> None:
        remaining = state.open_until - self._clock.now()
        if remaining == math.inf:
            raise HostUnavailable(
                url, f"host given up for this run after {state.pauses} pauses in a row; not requested"
            )
        if remaining > 0:
            raise HostUnavailable(
                url,
                f"host paused for {remaining:.0f}s more after {state.failures} failed URLs in a row;"
                " not requested",
                retry_in=remaining,
            )

    def push_back(self, host: str, seconds: float) -> None:
        """Nobody starts a request on ``host`` for ``seconds`` (Retry-After, backoff)."""
        state = self._get(host)
        with state.lock:
            state.next_start = max(state.next_start, self._clock.now() + seconds)

    def success(self, host: str) -> None:
        state = self._get(host)
        with state.lock:
            state.failures = 0
            state.pauses = 0
            state.cooldown = self._cooldown

    def failure(self, host: str) -> None:
        """One URL of ``host`` failed for good (its retries, if any, are spent)."""
        if self._threshold == 0:
            return
        state = self._get(host)
        with state.lock:
            now = self._clock.now()
            state.failures += 1
            # Already paused: URLs that were under way when it opened do not pause it again.
            if state.failures < self._threshold or state.open_until > now:
                return
            state.pauses += 1
            if state.pauses > self._max_pauses:
                state.open_until = math.inf
                return
            state.open_until = now + state.cooldown
            state.cooldown = min(self._max_cooldown, state.cooldown * 2)


# ---------------------------------------------------------------- the fetcher


@dataclass(slots=True)
class _Reply:
    status: int
    headers: dict[str, str]
    body: bytes = b""
    location: str | None = None


class HttpFetcher:
    """Fetch pages over HTTP(S) politely. Thread-safe: one instance serves a whole worker pool."""

    def __init__(
        self,
        options: HttpOptions | None = None,
        *,
        session: requests.Session | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.options = options or HttpOptions()
        self._session = session or self._make_session()
        self._hosts = HostBook(
            self.options.per_host,
            self.options.breaker_cooldown,
            self.options.breaker_max_cooldown,
            self.options.breaker_threshold,
            self.options.max_hosts,
            self.options.breaker_max_pauses,
            clock=clock,
        )
        self._robots = RobotsCache(self._get_robots)
        self._cache = (
            DiskCache(self.options.cache_dir, ttl=self.options.cache_ttl) if self.options.cache else None
        )
        self._rng = random.Random()

    def _make_session(self) -> requests.Session:
        session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(
            pool_connections=self.options.pool_size, pool_maxsize=self.options.pool_size, max_retries=0
        )
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.update(
            {
                "User-Agent": self.options.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            }
        )
        return session

    def close(self) -> None:
        self._hosts.closed.set()
        self._session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- public

    def fetch(self, url: str, *, accept: Collection[str] | None = HTML_TYPES) -> Page:
        """GET ``url``; raise a FetchError subclass on any failure. ``accept=None`` takes any content type."""
        check_url(url)
        started = time.monotonic()
        fetched_at = datetime.now(timezone.utc)
        entry = self._cache.get(url) if self._cache is not None else None
        if entry is not None and entry.is_fresh(self.options.cache_ttl):
            return entry.page
        conditional = entry.validators() if entry is not None else {}
        current, reply = self._follow(url, conditional, accept)
        elapsed = time.monotonic() - started
        if reply.status == 304:
            if entry is None or self._cache is None:
                raise HTTPError(url, "304 Not Modified without a cached copy", status=304)
            return self._cache.revalidated(entry, reply.headers)
        page = Page(url, current, reply.status, reply.headers, reply.body, fetched_at, elapsed)
        if self._cache is not None:
            self._cache.put(page)
        return page

    def robots_sitemaps(self, url: str) -> list[str]:
        """Sitemap URLs announced in the robots.txt of ``url``'s origin."""
        return self._robots.rules(url).sitemaps()

    # -- redirects and robots

    def _follow(
        self, url: str, conditional: Mapping[str, str], accept: Collection[str] | None
    ) -> tuple[str, _Reply]:
        current, seen = url, {url}
        for _hop in range(self.options.max_redirects + 1):
            delay = self._check_robots(current, url)
            reply = self._with_retries(current, url, conditional, accept, delay)
            if reply.location is None:
                return current, reply
            check_url(reply.location, url)
            if reply.location in seen:
                raise TooManyRedirects(url, f"redirect loop back to {reply.location}", status=reply.status)
            seen.add(reply.location)
            current = reply.location
        raise TooManyRedirects(url, f"more than {self.options.max_redirects} redirects (last: {current})")

    def pacing_delay(self, url: str) -> float:
        """The delay between two requests to ``url``'s host: ``options.delay``, or its robots.txt
        Crawl-delay when longer (robots.txt is requested if not cached). Raises as ``fetch``
        would (RobotsDisallowed, HostUnavailable, NetworkError). For schedulers that pace a
        host across processes (``extractor.dask``) and so must know the delay after a request.
        """
        return self._check_robots(url, url)

    def _check_robots(self, url: str, requested: str) -> float:
        """Raise if robots.txt forbids ``url``; return the pacing delay for its host."""
        delay = self.options.delay
        self._hosts.check(_host_key(url), requested)
        if not self.options.respect_robots:
            return delay
        try:
            rules = self._robots.rules(url)
        except HostUnavailable as exc:  # paused while this URL waited for robots.txt: not requested
            raise HostUnavailable(requested, exc.reason, retry_in=exc.retry_in) from None
        except NetworkError as exc:  # not a robots decision: the host is down (counted by _get_robots)
            raise NetworkError(requested, exc.reason) from exc
        if not rules.allowed(url, self.options.user_agent):
            raise RobotsDisallowed(requested, f"{rules.reason} disallows {url}")
        crawl_delay = rules.delay(self.options.user_agent)
        if crawl_delay is not None:
            delay = max(delay, min(crawl_delay, self.options.max_crawl_delay))
        return delay

    def _get_robots(self, robots_url: str) -> tuple[int, bytes] | None:
        opts = self.options
        # Called under the origin's robots lock. An unreachable host is not cached (its pages report
        # a NetworkError), so each URL queued behind the lock asks again: the breaker is checked and
        # fed here, in that order, so once the host is paused the queued URLs send nothing.
        host = _host_key(robots_url)
        self._hosts.check(host, robots_url)
        try:
            resp = self._session.get(
                robots_url,
                stream=True,
                timeout=(opts.connect_timeout, opts.read_timeout),
                allow_redirects=True,
            )
            with closing(resp):
                if resp.status_code == 429:
                    return None  # "unavailable", like 5xx: do not guess it allows everything
                deadline = time.monotonic() + opts.total_timeout
                return resp.status_code, read_capped(resp, robots_url, 512 * 1024, deadline, truncate=True)
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            self._hosts.failure(host)
            raise NetworkError(robots_url, f"host unreachable (fetching robots.txt): {exc}") from exc
        except (requests.RequestException, FetchError, _Retry):
            return None

    # -- retries

    def _with_retries(
        self,
        url: str,
        requested: str,
        conditional: Mapping[str, str],
        accept: Collection[str] | None,
        delay: float,
    ) -> _Reply:
        host = _host_key(url)
        opts = self.options
        attempt = 0
        while True:
            try:
                with self._hosts.turn(host, requested, delay):
                    reply = self._exchange(url, requested, conditional, accept)
                self._hosts.success(host)
                return reply
            except _Retry as retry:  # noqa: PERF203 - each failed attempt decides on a retry
                # The breaker counts URLs: only the attempt that gives the URL up is a failure.
                if attempt >= opts.max_retries:
                    if retry.counts_as_failure:
                        self._hosts.failure(host)
                    raise retry.error from None
                wait = retry.wait
                if wait is not None and wait > opts.max_retry_after:
                    if retry.counts_as_failure:
                        self._hosts.failure(host)
                    self._hosts.push_back(host, opts.max_retry_after)
                    raise type(retry.error)(
                        requested,
                        f"{retry.error.reason}; Retry-After {wait:.0f}s exceeds the "
                        f"{opts.max_retry_after:.0f}s cap",
                        status=retry.error.status,
                    ) from None
                if wait is None:
                    wait = backoff_delay(attempt, opts.backoff_base, opts.backoff_cap, self._rng)
                self._hosts.push_back(host, wait)
                attempt += 1

    def _exchange(
        self, url: str, requested: str, conditional: Mapping[str, str], accept: Collection[str] | None
    ) -> _Reply:
        opts = self.options
        try:
            resp = self._session.get(
                url,
                headers=dict(conditional),
                stream=True,
                allow_redirects=False,
                timeout=(opts.connect_timeout, opts.read_timeout),
            )
        except requests.exceptions.Timeout as exc:
            raise _Retry(Timeout(requested, f"timed out: {exc}")) from exc
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
        ) as exc:
            raise InvalidURL(requested, str(exc)) from exc
        except requests.exceptions.SSLError as exc:
            raise NetworkError(requested, f"TLS error: {exc}") from exc
        except requests.RequestException as exc:
            raise _Retry(NetworkError(requested, f"connection failed: {exc}")) from exc
        except ValueError as exc:  # requests parses a redirect's Location even when not following it
            raise InvalidURL(requested, f"unusable redirect target: {exc}") from exc
        with closing(resp):
            return self._interpret(resp, url, requested, accept)

    def _interpret(
        self, resp: requests.Response, url: str, requested: str, accept: Collection[str] | None
    ) -> _Reply:
        status = resp.status_code
        headers = dict(resp.headers)
        if status == 304:
            return _Reply(status, headers)
        if 300 <= status < 400 and resp.headers.get("Location"):
            return _Reply(status, headers, location=urljoin(url, resp.headers["Location"].strip()))
        if 200 <= status < 300:
            return _Reply(status, headers, self._read_good_body(resp, requested, accept))
        raise self._status_error(resp, requested)

    def _read_good_body(
        self, resp: requests.Response, requested: str, accept: Collection[str] | None
    ) -> bytes:
        opts = self.options
        ctype = media_type(resp.headers.get("Content-Type", ""))
        sniff = ctype in ("", "application/octet-stream")
        if accept is not None and not sniff and ctype not in accept:
            raise NotHTML(requested, f"content type {ctype!r}", status=resp.status_code)
        length = resp.headers.get("Content-Length", "")
        if (
            length.isdigit()
            and int(length) > opts.max_bytes
            and _supported_encoding(resp.headers.get("Content-Encoding", "")) in ("", "identity")
        ):
            raise TooLarge(
                requested, f"Content-Length {length} exceeds {opts.max_bytes} bytes; not downloaded"
            )
        body = read_capped(resp, requested, opts.max_bytes, time.monotonic() + opts.total_timeout)
        if accept is not None and sniff and not looks_like_html(body):
            raise NotHTML(
                requested, f"content type {ctype or 'missing'!r} and the body does not look like HTML"
            )
        binary = binary_reason(body) if accept is not None else None
        if binary is not None:  # a PNG or a PDF served as text/html is still not a page
            raise NotHTML(
                requested, f"content type {ctype or 'missing'!r} but {binary}", status=resp.status_code
            )
        if accept is not None and looks_like_challenge(body):
            raise Blocked(
                requested,
                f"HTTP {resp.status_code} but the page is an anti-bot challenge",
                status=resp.status_code,
            )
        return body

    def _status_error(self, resp: requests.Response, requested: str) -> FetchError | _Retry:
        status = resp.status_code
        reason = f"HTTP {status} {resp.reason or ''}".strip()
        if resp.headers.get("cf-mitigated", "").lower() == "challenge":
            return Blocked(requested, f"{reason}: challenge page", status=status)
        if status in BLOCK_STATUSES:
            return Blocked(requested, reason, status=status)
        if status in (404, 410):
            return NotFound(requested, reason, status=status)
        if status in RETRY_STATUSES:
            wait = parse_retry_after(resp.headers.get("Retry-After"))
            error_cls = RateLimited if status == 429 else HTTPError
            # A 429 is the server pacing us, not the host failing: it does not trip the breaker.
            return _Retry(error_cls(requested, reason, status=status), wait, counts_as_failure=status != 429)
        return HTTPError(requested, reason, status=status)
