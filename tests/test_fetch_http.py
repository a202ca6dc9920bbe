"""HTTP fetcher against a real local server: politeness, retries, caps, caching."""

from __future__ import annotations

import gzip
import itertools
import math
import random
import socket
import threading
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
from _server import LocalServer, Response, endless, gzip_bomb, page

from extractor.fetch import (
    SYSTEM_CLOCK,
    Blocked,
    Clock,
    HostUnavailable,
    HTTPError,
    HttpFetcher,
    HttpOptions,
    InvalidURL,
    NetworkError,
    NotFound,
    NotHTML,
    RateLimited,
    RobotsDisallowed,
    Timeout,
    TooLarge,
    TooManyRedirects,
)
from extractor.fetch.http import backoff_delay, parse_retry_after
from extractor.jobs.batch import scrape
from extractor.model import Article, ErrorRecord

FAST = {"delay": 0.0, "backoff_base": 0.05, "connect_timeout": 2.0, "read_timeout": 2.0}


def fetcher(clock: Clock = SYSTEM_CLOCK, **overrides: object) -> HttpFetcher:
    return HttpFetcher(HttpOptions(**{**FAST, **overrides}), clock=clock)  # type: ignore[arg-type]


class HandClock:
    """A clock the test moves: waits pass at once and add to the time (no real sleeping)."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.waited: list[float] = []

    def now(self) -> float:
        return self.t

    def wait(self, event: threading.Event, seconds: float) -> bool:
        self.waited.append(seconds)
        self.t += seconds
        return event.is_set()

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def server() -> LocalServer:
    with LocalServer() as srv:
        yield srv


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


# ---------------------------------------------------------------- basics


def test_page_fields(server: LocalServer) -> None:
    server.routes["/a"] = Response(body=page("Alpha"), headers={"Content-Type": "text/html", "X-Test": "1"})
    before = datetime.now(timezone.utc)
    got = fetcher().fetch(server.url("/a"))
    assert got.url == got.final_url == server.url("/a")
    assert got.status == 200
    assert got.body == page("Alpha")
    assert got.header("x-test") == "1"
    assert got.content_type == "text/html"
    assert before <= got.fetched_at <= datetime.now(timezone.utc)
    assert got.elapsed > 0
    assert got.from_cache is False


def test_user_agent_is_sent(server: LocalServer) -> None:
    server.routes["/a"] = Response(body=page("A"))
    fetcher(user_agent="mybot/2.0 (+mailto:me@example.org)").fetch(server.url("/a"))
    assert server.hits_for("/a")[0].headers["User-Agent"] == "mybot/2.0 (+mailto:me@example.org)"


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, NotFound), (410, NotFound), (403, Blocked), (401, Blocked), (451, Blocked), (400, HTTPError)],
)
def test_status_errors_are_typed(server: LocalServer, status: int, error: type) -> None:
    server.routes["/x"] = Response(status, b"<html>no</html>")
    with pytest.raises(error) as info:
        fetcher().fetch(server.url("/x"))
    assert info.value.url == server.url("/x")
    assert str(status) in info.value.reason
    assert len(server.hits_for("/x")) == 1  # not retried


def test_invalid_url() -> None:
    with pytest.raises(InvalidURL):
        fetcher().fetch("ftp://example.org/file")


MALFORMED = [
    "http://h:99999/",  # port out of range
    "http://h:abc/",
    "http://h:0/",
    "http://[::1/",  # broken IPv6 literals
    "http://[zz::1]/",
    "http://[::1]x/",
    "http:///path",  # no host
    "http://user@/",
    "ftp://h/file",  # unsupported schemes
    "javascript:alert(1)",
    "h/no-scheme",
    "http://h/a\x00b",  # control characters
    "http://h/a\nb",
    "http://h\x7f/",
    "http://exa mple.org/",  # characters no host name has
    "http://h..org/",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_urls_are_invalid_url_without_a_request(server: LocalServer, url: str) -> None:
    with pytest.raises(InvalidURL) as info:
        fetcher().fetch(url)
    assert info.value.url == url
    assert info.value.reason


def test_redirect_to_a_malformed_url_is_invalid_url(server: LocalServer) -> None:
    server.routes["/to-bad-port"] = Response(302, headers={"Location": "http://h:99999/x"})
    server.routes["/to-bad-ipv6"] = Response(302, headers={"Location": "http://[::1/x"})
    for path in ("/to-bad-port", "/to-bad-ipv6"):
        with pytest.raises(InvalidURL) as info:
            fetcher().fetch(server.url(path))
        assert info.value.url == server.url(path)


def test_gzip_content_encoding_is_decoded(server: LocalServer) -> None:
    body = page("Zipped")
    server.routes["/z"] = Response(
        body=gzip.compress(body), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    assert fetcher().fetch(server.url("/z")).body == body


# ---------------------------------------------------------------- redirects


def test_redirect_chain_gives_final_url(server: LocalServer) -> None:
    server.routes["/r1"] = Response(301, headers={"Location": "/r2"})
    server.routes["/r2"] = Response(302, headers={"Location": server.url("/a")})
    server.routes["/a"] = Response(body=page("A"))
    got = fetcher().fetch(server.url("/r1"))
    assert got.url == server.url("/r1")
    assert got.final_url == server.url("/a")


def test_redirect_loop_fails_fast(server: LocalServer) -> None:
    server.routes["/loop1"] = Response(302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Response(302, headers={"Location": "/loop1"})
    with pytest.raises(TooManyRedirects) as info:
        fetcher(max_redirects=20).fetch(server.url("/loop1"))
    assert "loop" in info.value.reason
    assert len([h for h in server.hits if h.path.startswith("/loop")]) == 2


def test_redirect_limit_is_separate_from_retries(server: LocalServer) -> None:
    for i in range(5):
        server.routes[f"/hop{i}"] = Response(302, headers={"Location": f"/hop{i + 1}"})
    server.routes["/hop5"] = Response(body=page("End"))
    # Five redirects with zero retries allowed: redirects do not spend the retry budget.
    assert fetcher(max_retries=0, max_redirects=5).fetch(server.url("/hop0")).final_url.endswith("/hop5")
    with pytest.raises(TooManyRedirects):
        fetcher(max_retries=5, max_redirects=4).fetch(server.url("/hop0"))


# ---------------------------------------------------------------- retries and backoff


def test_503_then_200_is_retried(server: LocalServer) -> None:
    server.routes["/flaky"] = lambda req: (
        Response(503) if server.count("/flaky") == 1 else Response(body=page("Ok"))
    )
    assert fetcher().fetch(server.url("/flaky")).status == 200
    assert len(server.hits_for("/flaky")) == 2


def test_backoff_grows_and_gives_up(server: LocalServer) -> None:
    server.routes["/down"] = Response(502)
    start = time.monotonic()
    with pytest.raises(HTTPError) as info:
        fetcher(max_retries=3, backoff_base=0.1, breaker_threshold=100).fetch(server.url("/down"))
    assert info.value.status == 502
    times = [h.at for h in server.hits_for("/down")]
    assert len(times) == 4
    steps = gaps(times)
    assert steps[0] >= 0.04
    assert steps[2] > steps[0]
    assert time.monotonic() - start < 3


def test_429_retry_after_seconds_is_honoured(server: LocalServer) -> None:
    server.routes["/rl"] = lambda req: (
        Response(429, headers={"Retry-After": "1"}) if server.count("/rl") == 1 else Response(body=page("Ok"))
    )
    assert fetcher().fetch(server.url("/rl")).status == 200
    first, second = (h.at for h in server.hits_for("/rl"))
    assert second - first >= 0.9


def test_retry_after_pauses_the_whole_host(server: LocalServer) -> None:
    server.routes["/rl"] = lambda req: (
        Response(429, headers={"Retry-After": "1"}) if server.count("/rl") == 1 else Response(body=page("Ok"))
    )
    server.routes["/other"] = Response(body=page("Other"))
    f = fetcher()
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(f.fetch, server.url("/rl"))
        time.sleep(0.2)
        second = pool.submit(f.fetch, server.url("/other"))
        first.result(), second.result()
    rl_first = server.hits_for("/rl")[0].at
    assert server.hits_for("/other")[0].at - rl_first >= 0.9


def test_retry_after_longer_than_cap_gives_up(server: LocalServer) -> None:
    server.routes["/rl"] = Response(429, headers={"Retry-After": "3600"})
    start = time.monotonic()
    with pytest.raises(RateLimited) as info:
        fetcher(max_retry_after=5).fetch(server.url("/rl"))
    assert "3600" in info.value.reason
    assert time.monotonic() - start < 2


def test_rate_limited_after_retries(server: LocalServer) -> None:
    server.routes["/rl"] = Response(429)
    with pytest.raises(RateLimited):
        fetcher(max_retries=1).fetch(server.url("/rl"))
    assert len(server.hits_for("/rl")) == 2


def test_parse_retry_after_forms() -> None:
    now = datetime(2024, 5, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("7", now) == 7.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_backoff_delay_bounds() -> None:
    import random

    rng = random.Random(1)
    for attempt in range(6):
        step = min(10.0, 0.5 * 2**attempt)
        for _ in range(20):
            assert step / 2 <= backoff_delay(attempt, 0.5, 10.0, rng) <= step


def test_connection_refused_is_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError):
        fetcher(max_retries=1).fetch(f"http://127.0.0.1:{port}/")


def test_failing_host_is_paused(server: LocalServer) -> None:
    server.routes["/bad1"] = server.routes["/bad2"] = Response(500)
    server.routes["/good"] = Response(body=page("Good"))
    f = fetcher(max_retries=1, breaker_threshold=2, breaker_cooldown=30)
    for path in ("/bad1", "/bad2"):
        with pytest.raises(HTTPError):
            f.fetch(server.url(path))
    with pytest.raises(HostUnavailable) as info:
        f.fetch(server.url("/good"))
    assert "paused" in info.value.reason
    assert "not requested" in info.value.reason
    assert 25 < info.value.retry_in <= 30  # when to ask again: a pause, not a verdict on the URL
    assert server.hits_for("/good") == []  # not contacted while paused


def test_breaker_counts_urls_not_attempts(server: LocalServer) -> None:
    """One broken page whose retries all fail is one failure: it cannot pause a healthy host."""
    server.routes["/bad1"] = server.routes["/bad2"] = Response(500)
    server.routes["/good"] = Response(body=page("Good"))
    f = fetcher(max_retries=3, backoff_base=0.01, breaker_threshold=2, breaker_cooldown=30)
    with pytest.raises(HTTPError):
        f.fetch(server.url("/bad1"))
    assert len(server.hits_for("/bad1")) == 4  # four failed attempts, one failed URL
    assert f.fetch(server.url("/good")).status == 200  # a success starts the count again
    with pytest.raises(HTTPError):
        f.fetch(server.url("/bad1"))
    with pytest.raises(HTTPError):
        f.fetch(server.url("/bad2"))
    with pytest.raises(HostUnavailable):  # two failed URLs in a row: now it pauses
        f.fetch(server.url("/good"))


def test_paused_host_is_tried_again_after_cooldown(server: LocalServer) -> None:
    server.routes["/bad1"] = server.routes["/bad2"] = Response(500)
    server.routes["/good"] = Response(body=page("Good"))
    clock = HandClock()
    f = fetcher(clock, max_retries=1, breaker_threshold=2, breaker_cooldown=30.0)
    for path in ("/bad1", "/bad2"):
        with pytest.raises(HTTPError):
            f.fetch(server.url(path))
    with pytest.raises(HostUnavailable):
        f.fetch(server.url("/good"))
    clock.advance(31.0)
    assert f.fetch(server.url("/good")).status == 200


def test_host_failing_through_its_pauses_is_given_up(server: LocalServer) -> None:
    server.routes["/bad1"] = server.routes["/bad2"] = server.routes["/bad3"] = Response(500)
    server.routes["/good"] = Response(body=page("Good"))
    clock = HandClock()
    f = fetcher(clock, max_retries=0, breaker_threshold=2, breaker_cooldown=60.0, breaker_max_pauses=1)
    for path in ("/bad1", "/bad2"):
        with pytest.raises(HTTPError):
            f.fetch(server.url(path))
    with pytest.raises(HostUnavailable) as paused:
        f.fetch(server.url("/good"))
    assert paused.value.retry_in == 60.0
    clock.advance(60.5)
    with pytest.raises(HTTPError):  # half-open: one more failed URL and the host is given up
        f.fetch(server.url("/bad3"))
    with pytest.raises(HostUnavailable) as gone:
        f.fetch(server.url("/good"))
    assert gone.value.retry_in == math.inf
    assert "given up" in gone.value.reason
    assert server.hits_for("/good") == []


def test_breaker_can_be_turned_off(server: LocalServer) -> None:
    server.routes["/bad"] = Response(500)
    server.routes["/good"] = Response(body=page("Good"))
    f = fetcher(max_retries=0, breaker_threshold=0)
    for _ in range(5):
        with pytest.raises(HTTPError):
            f.fetch(server.url("/bad"))
    assert f.fetch(server.url("/good")).status == 200


# ---------------------------------------------------------------- timeouts and size caps


def test_read_timeout(server: LocalServer) -> None:
    server.routes["/slow"] = Response(body=page("Slow"), delay=1.0)
    with pytest.raises(Timeout):
        fetcher(read_timeout=0.2, max_retries=0).fetch(server.url("/slow"))


def test_slow_drip_hits_total_timeout(server: LocalServer) -> None:
    def drip(req: object) -> Response:
        def body():  # type: ignore[no-untyped-def]
            for _ in range(50):
                time.sleep(0.05)
                yield b"<p>drip</p>"

        return Response(body=body())

    server.routes["/drip"] = drip
    with pytest.raises(Timeout):
        fetcher(total_timeout=0.3, max_retries=0).fetch(server.url("/drip"))


def test_50mb_body_stops_reading_at_cap(server: LocalServer) -> None:
    sent: list[int] = []

    def huge(req: object) -> Response:
        def body():  # type: ignore[no-untyped-def]
            for chunk in endless(b"<p>" + b"x" * 65530 + b"</p>", 50 * 1024 * 1024):
                yield chunk
                sent.append(len(chunk))

        return Response(body=body())

    server.routes["/huge"] = huge
    with pytest.raises(TooLarge):
        fetcher().fetch(server.url("/huge"))  # default cap: 20 MB
    time.sleep(0.2)
    assert sum(sent) < 40 * 1024 * 1024  # the client hung up instead of draining 50 MB


def test_declared_length_over_cap_is_not_downloaded(server: LocalServer) -> None:
    server.routes["/big"] = Response(body=b"<html>" + b"x" * 2_000_000)
    start = time.monotonic()
    with pytest.raises(TooLarge) as info:
        fetcher(max_bytes=1_000_000).fetch(server.url("/big"))
    assert "Content-Length" in info.value.reason
    assert time.monotonic() - start < 2


def test_gzip_bomb_is_stopped_without_expanding(server: LocalServer) -> None:
    bomb = gzip_bomb(200 * 1024 * 1024)  # ~200 KB on the wire, 200 MB decoded
    server.routes["/bomb"] = Response(
        body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge):
            fetcher(max_bytes=5 * 1024 * 1024).fetch(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


# ---------------------------------------------------------------- content types


@pytest.mark.parametrize("ctype", ["application/pdf", "image/png", "application/json", "text/plain"])
def test_non_html_is_refused(server: LocalServer, ctype: str) -> None:
    server.routes["/doc"] = Response(body=b"%PDF-1.4 not html", headers={"Content-Type": ctype})
    with pytest.raises(NotHTML) as info:
        fetcher().fetch(server.url("/doc"))
    assert ctype in info.value.reason


def test_missing_content_type_is_sniffed(server: LocalServer) -> None:
    server.routes["/html"] = Response(body=page("Bare"), headers={})
    server.routes["/bin"] = Response(
        body=b"\x89PNG\r\n\x1a\n....", headers={"Content-Type": "application/octet-stream"}
    )
    assert fetcher().fetch(server.url("/html")).status == 200
    with pytest.raises(NotHTML):
        fetcher().fetch(server.url("/bin"))


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "PDF"),
        (random.Random(16).randbytes(6000), "control characters"),
    ],
    ids=["png", "pdf", "random"],
)
def test_binary_served_as_html_is_refused(server: LocalServer, body: bytes, why: str) -> None:
    server.routes["/fake"] = Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    server.routes["/fake-gz"] = Response(
        body=gzip.compress(body), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
    )
    for path in ("/fake", "/fake-gz"):
        with pytest.raises(NotHTML) as info:
            fetcher().fetch(server.url(path))
        assert why in info.value.reason
        assert "text/html" in info.value.reason
    [record] = list(scrape([server.url("/fake")], delay=0))
    assert isinstance(record, ErrorRecord)
    assert record.error == "NotHTML"


def test_text_in_wide_and_legacy_encodings_is_accepted(server: LocalServer) -> None:
    html = page("東京の記事").decode()
    server.routes["/u16"] = Response(body=html.encode("utf-16"), headers={"Content-Type": "text/html"})
    server.routes["/sjis"] = Response(
        body=html.encode("shift_jis"), headers={"Content-Type": "text/html; charset=shift_jis"}
    )
    records = list(scrape([server.url("/u16"), server.url("/sjis")], delay=0))
    assert [r.headline for r in records if isinstance(r, Article)] == ["東京の記事", "東京の記事"]


def test_accept_none_takes_any_type(server: LocalServer) -> None:
    server.routes["/feed"] = Response(body=b"<rss/>", headers={"Content-Type": "application/rss+xml"})
    assert fetcher().fetch(server.url("/feed"), accept=None).body == b"<rss/>"


# ---------------------------------------------------------------- robots.txt and pacing


def robots(text: str) -> Response:
    return Response(body=text.encode(), headers={"Content-Type": "text/plain"})


def test_robots_disallow_is_obeyed(server: LocalServer) -> None:
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private\n")
    server.routes["/private/a"] = Response(body=page("Secret"))
    server.routes["/public"] = Response(body=page("Open"))
    f = fetcher()
    with pytest.raises(RobotsDisallowed):
        f.fetch(server.url("/private/a"))
    assert f.fetch(server.url("/public")).status == 200
    assert server.hits_for("/private/a") == []
    assert len(server.hits_for("/robots.txt")) == 1  # fetched once per host
    assert fetcher(respect_robots=False).fetch(server.url("/private/a")).status == 200


def test_robots_rules_for_our_agent(server: LocalServer) -> None:
    server.routes["/robots.txt"] = robots("User-agent: mybot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    server.routes["/a"] = Response(body=page("A"))
    with pytest.raises(RobotsDisallowed):
        fetcher(user_agent="mybot/1.0").fetch(server.url("/a"))
    assert fetcher(user_agent="otherbot/1.0").fetch(server.url("/a")).status == 200


def test_robots_redirect_target_is_checked(server: LocalServer) -> None:
    server.routes["/robots.txt"] = robots("User-agent: *\nDisallow: /private\n")
    server.routes["/go"] = Response(302, headers={"Location": "/private/x"})
    with pytest.raises(RobotsDisallowed):
        fetcher().fetch(server.url("/go"))
    assert server.hits_for("/private/x") == []


def test_robots_server_error_means_disallow(server: LocalServer) -> None:
    server.routes["/robots.txt"] = Response(503)
    server.routes["/a"] = Response(body=page("A"))
    with pytest.raises(RobotsDisallowed) as info:
        fetcher().fetch(server.url("/a"))
    assert "503" in info.value.reason


def test_crawl_delay_is_honoured(server: LocalServer) -> None:
    server.routes["/robots.txt"] = robots("User-agent: *\nCrawl-delay: 0.2\n")
    server.fallback = Response(body=page("Any"))
    f = fetcher(delay=0.0)
    for i in range(4):
        f.fetch(server.url(f"/p{i}"))
    times = [h.at for h in server.hits if h.path.startswith("/p")]
    assert min(gaps(times)) >= 0.18


def test_per_host_delay(server: LocalServer) -> None:
    server.fallback = Response(body=page("Any"))
    f = fetcher(delay=0.15, per_host=4)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(f.fetch, [server.url(f"/p{i}") for i in range(4)]))
    times = sorted(h.at for h in server.hits if h.path.startswith("/p"))
    assert min(gaps(times)) >= 0.13


@pytest.mark.parametrize("limit", [1, 2])
def test_per_host_concurrency_limit(server: LocalServer, limit: int) -> None:
    active, peak, lock = [0], [0], threading.Lock()

    def slow(req: object) -> Response:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.1)
        with lock:
            active[0] -= 1
        return Response(body=page("Slow"))

    server.fallback = slow
    f = fetcher(per_host=limit)
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(f.fetch, [server.url(f"/s{i}") for i in range(6)]))
    assert peak[0] == limit


# ---------------------------------------------------------------- cache


def test_cache_revalidates_with_etag(server: LocalServer, tmp_path: Path) -> None:
    def tagged(req) -> Response:  # type: ignore[no-untyped-def]
        if req.headers.get("If-None-Match") == '"v1"':
            return Response(304, headers={"ETag": '"v1"'})
        return Response(body=page("Cached"), headers={"Content-Type": "text/html", "ETag": '"v1"'})

    server.routes["/c"] = tagged
    f = fetcher(cache=True, cache_dir=str(tmp_path))
    first, second = f.fetch(server.url("/c")), f.fetch(server.url("/c"))
    assert not first.from_cache
    assert second.from_cache
    assert second.body == first.body
    assert server.hits_for("/c")[1].headers.get("If-None-Match") == '"v1"'


def test_cache_uses_last_modified(server: LocalServer, tmp_path: Path) -> None:
    stamp = "Wed, 01 May 2024 10:00:00 GMT"

    def dated(req) -> Response:  # type: ignore[no-untyped-def]
        if req.headers.get("If-Modified-Since") == stamp:
            return Response(304)
        return Response(body=page("Dated"), headers={"Content-Type": "text/html", "Last-Modified": stamp})

    server.routes["/d"] = dated
    f = fetcher(cache=True, cache_dir=str(tmp_path))
    f.fetch(server.url("/d"))
    assert f.fetch(server.url("/d")).from_cache


def test_fresh_cache_entry_needs_no_request(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/f"] = Response(
        body=page("Fresh"), headers={"Content-Type": "text/html", "Cache-Control": "max-age=600"}
    )
    f = fetcher(cache=True, cache_dir=str(tmp_path))
    f.fetch(server.url("/f"))
    again = fetcher(cache=True, cache_dir=str(tmp_path)).fetch(server.url("/f"))  # a new job, same cache
    assert again.from_cache
    assert len(server.hits_for("/f")) == 1


def test_errors_and_block_pages_are_never_cached(server: LocalServer, tmp_path: Path) -> None:
    state = {"status": 403}
    server.routes["/e"] = lambda req: Response(
        state["status"],
        page("Blocked" if state["status"] == 403 else "Real"),
        headers={"Content-Type": "text/html", "Cache-Control": "max-age=600", "ETag": '"x"'},
    )
    f = fetcher(cache=True, cache_dir=str(tmp_path))
    with pytest.raises(Blocked):
        f.fetch(server.url("/e"))
    state["status"] = 200
    got = f.fetch(server.url("/e"))
    assert not got.from_cache
    assert b"Real" in got.body
    assert "If-None-Match" not in server.hits_for("/e")[1].headers


def test_cache_off_by_default(server: LocalServer) -> None:
    server.routes["/f"] = Response(
        body=page("F"), headers={"Content-Type": "text/html", "Cache-Control": "max-age=600"}
    )
    f = fetcher()
    f.fetch(server.url("/f"))
    assert not f.fetch(server.url("/f")).from_cache


def test_close_wakes_workers_waiting_on_a_host(server: LocalServer) -> None:
    server.fallback = Response(body=page("Any"))
    f = fetcher(delay=30.0)
    f.fetch(server.url("/first"))
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(f.fetch, server.url("/second"))  # must wait 30 s for its turn
        time.sleep(0.2)
        start = time.monotonic()
        f.close()
        with pytest.raises(NetworkError, match="closed"):
            waiting.result(timeout=5)
    assert time.monotonic() - start < 2
    assert server.hits_for("/second") == []


def test_a_hosts_delay_is_kept_between_request_starts_on_the_fetchers_clock(server: LocalServer) -> None:
    server.fallback = Response(body=page("Any"))
    clock = HandClock()
    f = fetcher(clock, delay=30.0)
    for path in ("/a", "/b", "/c"):
        f.fetch(server.url(path))
    # three starts on one host: the second and third each waited out the 30 s delay, and the
    # test took no 60 s of real time to show it
    assert clock.waited == [30.0, 30.0]
    assert [h.path for h in server.hits if h.path != "/robots.txt"] == ["/a", "/b", "/c"]
