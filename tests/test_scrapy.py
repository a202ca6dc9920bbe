"""extractor.scrapy (issue 17, item 4): Scrapy crawls give extractor's records, politely, on many workers.

Real crawls, each in its own process (`python -m scrapy crawl articles`, the README's command:
Twisted's reactor cannot be restarted inside one test process), against real HTTP servers on
loopback addresses, and the multi-worker test against a real redis-server (Debian's package):
`.ci/run` starts one and names it in EXTRACTOR_TEST_REDIS_URL; elsewhere the tests start their
own when `redis-server` is installed and skip when it is not (and when the `scrapy` extra is
missing). Under CI both are required: a missing one fails instead of skipping.
"""

from __future__ import annotations

# ruff: noqa: E402 - the scrapy imports come after the check that skips this file without the extra
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

IN_CI = bool(os.environ.get("CI"))
if not IN_CI:  # CI installs the extra: there a missing module fails at import instead of skipping
    for _module in ("scrapy", "scrapy_redis", "redis"):
        pytest.importorskip(_module)

import redis
import scrapy
from _server import Hit, LocalServer, Response, _QuietServer, page
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request
from scrapy.http import Response as ScrapyResponse
from scrapy.spidermiddlewares.httperror import HttpError

from extractor import extract_article
from extractor.model import Article
from extractor.scrapy import (
    ArticleItem,
    ArticlePipeline,
    ErrorItem,
    HostShardedQueue,
    PageItem,
    failure_kind,
    page_to_item,
    release_lease,
)
from extractor.scrapy.redis_queue import LEASE

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
QUIET = ["-s", "TELNETCONSOLE_ENABLED=False", "-s", "REMOTE_CONTROL_ENABLED=False", "-s", "LOG_LEVEL=INFO"]


# ---------------------------------------------------------------- helpers


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _ping(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The CI's redis-server, else one of our own on a free loopback port, else skip."""
    given = os.environ.get("EXTRACTOR_TEST_REDIS_URL")
    if given:
        assert _ping(given), f"EXTRACTOR_TEST_REDIS_URL={given} does not answer"
        yield given
        return
    binary = shutil.which("redis-server")
    if binary is None:
        if IN_CI:
            pytest.fail("redis-server is not installed (.ci/run installs it)")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    cmd = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    proc = subprocess.Popen([*cmd, "--dir", str(folder)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while not _ping(url):
            assert proc.poll() is None, "redis-server exited at start"
            assert time.monotonic() < deadline, "redis-server did not answer within 10 s"
            time.sleep(0.05)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


class HostServer(LocalServer):
    """The project's test server, on another loopback address (all of 127.0.0.0/8 is loopback)."""

    def __init__(self, host: str) -> None:
        super().__init__()
        handler = self._httpd.RequestHandlerClass
        self._httpd.server_close()
        self._httpd = _QuietServer((host, 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )


def _crawl(
    tmp: Path, out: str, *args: str, settings: str = "extractor.scrapy.settings"
) -> subprocess.Popen[bytes]:
    """Start `python -m scrapy crawl articles ... -O out` as a user would; :func:`_finish` waits."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": settings}
    cmd = [sys.executable, "-m", "scrapy", "crawl", "articles", "-O", out, *QUIET, *args]
    with (tmp / f"{out}.log").open("wb") as log:
        return subprocess.Popen(cmd, cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)


def _finish(tmp: Path, out: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> list[dict[str, Any]]:
    """Wait for the crawl (killed past ``timeout``), check it ended well, read its records."""
    try:
        code = proc.wait(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    log = (tmp / f"{out}.log").read_text(errors="replace")
    assert code == 0, f"scrapy exited with {code}:\n{log[-4000:]}"
    assert "Traceback" not in log, log[-4000:]
    return [json.loads(line) for line in (tmp / out).read_text(encoding="utf-8").splitlines()]


def _fixture(name: str) -> tuple[bytes, dict[str, str]]:
    meta = json.loads((FIXTURES / name / "meta.json").read_text(encoding="utf-8"))
    return (FIXTURES / name / "page.html").read_bytes(), dict(meta.get("headers") or {})


def _gaps(hits: list[Hit]) -> list[float]:
    times = sorted(hit.at for hit in hits)
    return [b - a for a, b in itertools.pairwise(times)]


# ---------------------------------------------------------------- items and pipeline, in process


def test_article_item_has_the_record_keys_in_order() -> None:
    body, headers = _fixture("german-news")
    article = extract_article(body, "http://news.example/a", headers=headers)
    item = ArticleItem.from_article(article)
    assert list(item.to_dict()) == list(article.to_dict())
    assert item.to_dict() == article.to_dict()
    assert item.to_article().to_dict() == article.to_dict()


def test_a_page_whose_extraction_raises_becomes_an_error_item(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(page: object, comments: bool, quote_confidence: float | None = None) -> Article:
        raise RecursionError("too deep for this test")

    monkeypatch.setattr("extractor.scrapy.pipelines.extract_page", boom)
    body, headers = _fixture("german-news")
    item = PageItem("http://news.example/a", "http://news.example/a", 200, headers, body, datetime.now())
    result = page_to_item(item, time_limit=None, memory_limit=None)
    assert isinstance(result, ErrorItem)
    assert (result.url, result.error) == ("http://news.example/a", "ExtractionError")
    assert "RecursionError: too deep" in result.message


def test_the_quote_bar_reaches_the_record_and_is_checked_at_start() -> None:
    body, headers = _fixture("german-news")
    item = PageItem("http://news.example/a", "http://news.example/a", 200, headers, body, datetime.now())
    every = page_to_item(item, quote_confidence=0.0, time_limit=None, memory_limit=None)
    strict = page_to_item(item, quote_confidence=1.0, time_limit=None, memory_limit=None)
    assert isinstance(every, ArticleItem)
    assert isinstance(strict, ArticleItem)
    assert every.quotes  # the fixture has statements
    assert [q for q in every.quotes if (q["confidence"] or 0.0) >= 1.0] == strict.quotes
    assert ArticlePipeline(quote_confidence=0.8).quote_confidence == 0.8
    with pytest.raises(ValueError, match="from 0 to 1"):
        ArticlePipeline(quote_confidence=1.5)
    from scrapy.utils.test import get_crawler

    set_bar = ArticlePipeline.from_crawler(get_crawler(settings_dict={"EXTRACTOR_QUOTE_CONFIDENCE": "0.7"}))
    assert set_bar.quote_confidence == 0.7
    assert ArticlePipeline.from_crawler(get_crawler()).quote_confidence is None


def test_scrapy_failures_get_the_readme_kinds() -> None:
    def http(status: int) -> HttpError:
        return HttpError(ScrapyResponse("http://a.example/", status=status), "filtered")

    assert failure_kind(http(404))[0] == "NotFound"
    assert failure_kind(http(403))[0] == "Blocked"
    assert failure_kind(http(429))[0] == "RateLimited"
    assert failure_kind(http(500)) == ("HTTPError", "HTTP 500")
    assert failure_kind(IgnoreRequest("Forbidden by robots.txt"))[0] == "RobotsDisallowed"
    assert failure_kind(IgnoreRequest("max redirections reached"))[0] == "TooManyRedirects"
    assert failure_kind(DownloadTimeoutError("took too long"))[0] == "Timeout"
    assert failure_kind(ConnectionResetError("reset"))[0] == "NetworkError"


# ---------------------------------------------------------------- one machine, real crawls

PAGES = [
    "german-news",
    "legacy-shift-jis-japanese",
    "legacy-windows-1251-russian",
    "wordpress-blog-threaded",
    "forum-phpbb-thread",
]
IN_SITEMAP = ["cjk-chinese-traditional", "french-guillemets"]
IN_FEED = ["news-jsonld-byline"]
REDIRECTED = "rtl-arabic"  # requested as /go, redirected to /f/rtl-arabic
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def test_crawl_gives_the_records_extract_article_gives(tmp_path: Path) -> None:
    """URL list, sitemap and feed through the README's command; every record as extract_article's."""
    served: dict[str, tuple[bytes, dict[str, str]]] = {}
    with LocalServer() as server:
        for name in [*PAGES, *IN_SITEMAP, *IN_FEED, REDIRECTED]:
            body, headers = _fixture(name)
            served[f"/f/{name}"] = (body, headers)
            server.routes[f"/f/{name}"] = Response(body=body, headers=headers)
        server.routes["/go"] = Response(301, b"", headers={"Location": f"/f/{REDIRECTED}"})
        server.routes["/blob"] = Response(body=PNG)  # text/html by default: binary all the same
        server.routes["/robots.txt"] = Response(
            body=b"User-agent: *\nDisallow: /private\n", headers={"Content-Type": "text/plain"}
        )
        locs = "".join(f"<url><loc>{server.url('/f/' + n)}</loc></url>" for n in IN_SITEMAP)
        server.routes["/sitemap.xml"] = Response(
            body=f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{locs}</urlset>".encode(),
            headers={"Content-Type": "application/xml"},
        )
        items = "".join(f"<item><title>{n}</title><link>/f/{n}</link></item>" for n in IN_FEED)
        server.routes["/feed.rss"] = Response(
            body=f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(),
            headers={"Content-Type": "application/rss+xml"},
        )
        listed = [server.url(f"/f/{n}") for n in PAGES]
        listed += [server.url("/go"), server.url("/blob"), server.url("/missing"), "http:///no-host"]
        listed.append(server.url("/private/page"))  # last: it waits for robots.txt behind the others
        (tmp_path / "urls.txt").write_text("\n".join(listed) + "\n", encoding="utf-8")
        proc = _crawl(
            tmp_path,
            "out.jsonl",
            "-a",
            "urls_file=urls.txt",
            "-a",
            f"sitemaps={server.url('/sitemap.xml')}",
            "-a",
            f"feeds={server.url('/feed.rss')}",
            "-s",
            "DOWNLOAD_DELAY=0",
        )
        records = _finish(tmp_path, "out.jsonl", proc)

    errors = {r["url"]: r["error"] for r in records if "error" in r}
    assert errors == {
        server.url("/blob"): "NotHTML",
        server.url("/missing"): "NotFound",
        "http:///no-host": "InvalidURL",
        server.url("/private/page"): "RobotsDisallowed",
    }
    articles = {r["url"]: r for r in records if "error" not in r}
    expected_urls = {server.url(f"/f/{n}") for n in [*PAGES, *IN_SITEMAP, *IN_FEED]} | {server.url("/go")}
    assert set(articles) == expected_urls
    assert len(records) == len(articles) + len(errors)  # each page once
    for url, record in articles.items():
        final = server.url(f"/f/{REDIRECTED}") if url == server.url("/go") else url
        body, headers = served[final.removeprefix(server.base)]
        article = extract_article(
            body, final, headers=headers, fetched_at=datetime.fromisoformat(record["fetched_at"])
        )
        article.url = url  # the requested URL is the record's identity, as in `scrape`
        assert record == json.loads(json.dumps(article.to_dict())), url
    assert articles[server.url("/f/german-news")]["headline"]  # a real page, not an empty record


def test_crawl_delay_from_robots_txt_is_honoured(tmp_path: Path) -> None:
    """Scrapy ignores Crawl-delay; with DOWNLOAD_DELAY=0 only the middleware spaces these requests."""
    with LocalServer() as server:
        server.routes["/robots.txt"] = Response(
            body=b"User-agent: *\nCrawl-delay: 1\n", headers={"Content-Type": "text/plain"}
        )
        for i in range(3):
            server.routes[f"/p{i}"] = Response(body=page(f"Story {i}"))
        (tmp_path / "urls.txt").write_text("".join(server.url(f"/p{i}") + "\n" for i in range(3)))
        proc = _crawl(tmp_path, "out.jsonl", "-a", "urls_file=urls.txt", "-s", "DOWNLOAD_DELAY=0")
        records = _finish(tmp_path, "out.jsonl", proc)
        hits = list(server.hits)
    assert sorted(r["headline"] for r in records) == ["Story 0", "Story 1", "Story 2"]
    assert min(hits, key=lambda h: h.at).path == "/robots.txt"
    assert len(hits) == 4
    assert min(_gaps(hits)) >= 1.0, _gaps(hits)


# ---------------------------------------------------------------- the host-sharded Redis queue


def _queue(server: Any, job: str, **kwargs: Any) -> HostShardedQueue:
    return HostShardedQueue(server, scrapy.Spider(name="queue-test"), f"{job}:requests", **kwargs)


def test_queue_leases_one_request_per_host_and_keeps_the_delay(redis_url: str) -> None:
    server = redis.Redis.from_url(redis_url)
    job = uuid.uuid4().hex
    queue = _queue(server, job, lease_ttl=60)
    queue.push(Request("http://a.example/1"))
    queue.push(Request("http://a.example/2", priority=5))
    queue.push(Request("http://a.example/3"))
    queue.push(Request("http://b.example/1"))
    queue.push(Request("http://b.example/2"))
    assert len(queue) == 5
    first, second = queue.pop(), queue.pop()
    assert first is not None
    assert second is not None
    by_host = {r.url.split("/")[2]: r for r in (first, second)}
    assert by_host["a.example"].url == "http://a.example/2"  # priority first within a host
    assert by_host["b.example"].url == "http://b.example/1"
    assert queue.pop() is None  # both hosts in flight
    assert release_lease(server, by_host["a.example"].meta[LEASE], 60.0)
    assert not release_lease(server, by_host["a.example"].meta[LEASE], 0.0)  # once only
    assert release_lease(server, by_host["b.example"].meta[LEASE], 0.3)
    assert queue.pop() is None  # a waits 60 s, b 0.3 s
    time.sleep(0.35)
    third = queue.pop()
    assert third is not None
    assert third.url == "http://b.example/2"
    assert queue.pop() is None  # b leased again, a still waiting
    assert len(queue) == 2
    queue.clear()
    assert server.keys(f"{job}:*") == []


def test_an_expired_lease_frees_the_host_and_a_late_release_changes_nothing(redis_url: str) -> None:
    server = redis.Redis.from_url(redis_url)
    job = uuid.uuid4().hex
    queue = _queue(server, job, lease_ttl=0.2)
    queue.push(Request("http://c.example/1"))
    queue.push(Request("http://c.example/2"))
    held = queue.pop()
    assert held is not None
    assert queue.pop() is None
    time.sleep(0.25)  # the worker holding it "died"
    again = queue.pop()
    assert again is not None
    assert again.url == "http://c.example/2"
    assert not release_lease(server, held.meta[LEASE], 0.0)  # the dead worker's token is stale
    assert queue.pop() is None  # ... and did not free the host under the new holder
    queue.clear()


# ---------------------------------------------------------------- politeness across workers

HOSTS = ("127.0.0.2", "127.0.0.3", "127.0.0.4")
DELAY = 0.5  # DOWNLOAD_DELAY given to the workers
SLOW_HOST, CRAWL_DELAY = "127.0.0.4", 0.8  # its robots.txt asks for more than DOWNLOAD_DELAY
SERVICE = 0.25  # seconds each page takes to answer: requests stay in flight that long
PAGES_PER_HOST = 6


def test_two_redis_workers_keep_each_hosts_delay_and_fetch_hosts_in_parallel(
    tmp_path: Path, redis_url: str
) -> None:
    servers = {host: HostServer(host) for host in HOSTS}
    urls = []
    for host, server in servers.items():
        rules = b"User-agent: *\nCrawl-delay: 0.8\n" if host == SLOW_HOST else b"User-agent: *\nAllow: /\n"
        server.routes["/robots.txt"] = Response(body=rules, headers={"Content-Type": "text/plain"})
        for i in range(PAGES_PER_HOST):
            server.routes[f"/p{i}"] = Response(body=page(f"{host} story {i}"), delay=SERVICE)
            urls.append(server.url(f"/p{i}"))
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    job = uuid.uuid4().hex
    shared = ["-a", "urls_file=urls.txt", "-s", f"REDIS_URL={redis_url}", "-s", f"DOWNLOAD_DELAY={DELAY}"]
    shared += ["-s", f"SCHEDULER_QUEUE_KEY={job}:requests", "-s", f"SCHEDULER_DUPEFILTER_KEY={job}:seen"]
    shared += ["-s", "HOST_QUEUE_POLL_INTERVAL=0.1"]
    procs: dict[int, subprocess.Popen[bytes]] = {}
    for server in servers.values():
        server.__enter__()
    try:
        for n in (1, 2):  # the same command on both workers, as on two machines
            agent = ["-s", f"USER_AGENT=extractor-test-worker-{n}"]
            procs[n] = _crawl(
                tmp_path, f"out{n}.jsonl", *shared, *agent, settings="extractor.scrapy.redis_settings"
            )
        records = [r for n, proc in procs.items() for r in _finish(tmp_path, f"out{n}.jsonl", proc, 90)]
    finally:
        for proc in procs.values():  # the other worker, when the first one failed
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for server in servers.values():
            server.__exit__()
        client = redis.Redis.from_url(redis_url)
        leftovers = client.keys(f"{job}:*")  # the crawl keeps its keys (SCHEDULER_PERSIST)
        if leftovers:
            client.delete(*leftovers)

    # Every page exactly once, over both workers' outputs.
    assert sorted(r["url"] for r in records) == sorted(urls)
    assert all("error" not in r for r in records)

    hits = {host: sorted(server.hits, key=lambda h: h.at) for host, server in servers.items()}
    gaps = {host: _gaps(host_hits) for host, host_hits in hits.items()}
    report = {host: [round(g, 3) for g in host_gaps] for host, host_gaps in gaps.items()}
    for host, host_gaps in gaps.items():
        floor = CRAWL_DELAY if host == SLOW_HOST else DELAY
        assert min(host_gaps) >= floor, (host, report)

    # Both workers fetched, and handed hosts to each other (the gaps above span workers).
    agent = {host: [h.headers.get("User-Agent", "") for h in host_hits] for host, host_hits in hits.items()}
    assert {a[-1] for host_agents in agent.values() for a in host_agents} == {"1", "2"}
    handovers = sum(
        a[-1] != b[-1] for host_agents in agent.values() for a, b in itertools.pairwise(host_agents)
    )
    assert handovers > 0, agent

    # Different hosts in flight at once: a request is in flight for SERVICE s after it arrives.
    pages = [(host, h.at) for host, host_hits in hits.items() for h in host_hits if h.path != "/robots.txt"]
    overlapping = [
        (a, b)
        for i, a in enumerate(pages)
        for b in pages[i + 1 :]
        if a[0] != b[0] and abs(a[1] - b[1]) < SERVICE
    ]
    assert overlapping, report
    print("per-host gaps (s):", report, "cross-host overlaps:", len(overlapping), "handovers:", handovers)
