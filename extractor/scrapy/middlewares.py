"""Host pacing for Scrapy: every request checked against robots.txt, Crawl-delay, delays from the end.

Scrapy's ``RobotsTxtMiddleware`` reads robots.txt for Allow / Disallow only and ignores
``Crawl-delay`` and ``Request-rate``, so a site that asks for 10 s between requests gets
``DOWNLOAD_DELAY``. :class:`CrawlDelayMiddleware` watches the robots.txt responses that middleware
downloads (they pass through the downloader middlewares like any response), reads them with the
package's own robots reader (:func:`~extractor.fetch.robots.rules_from_response`: RFC 9309,
Crawl-delay or the interval Request-rate implies, whichever is longer, capped by
``CRAWL_DELAY_MAX``, default 60 s as in ``extractor scrape``), and raises that host's download
slot delay to it, without the random jitter (a Crawl-delay is a minimum, not an average). It is
set on the live slot and in the downloader's per-slot settings, so a slot Scrapy drops when idle
and makes again keeps it. Robots.txt is fetched before the host's first page
(``RobotsTxtMiddleware`` holds the page until it has the rules), so the delay is in place before
that page is sent.

It also counts a host's delay from the moment a request to it *ended*, not from when Scrapy
sent it: Scrapy sends the next request once the delay has passed since the previous start,
which a host sees as a shorter gap when the previous request waited for its connection (the
first request of a host, its robots.txt) and a slow response left no gap at all. Moving the
slot's ``lastseen`` to the end makes "at least the delay between two requests" hold as the
server measures it.

With scrapy-redis the host slot's delay is also what
:class:`~extractor.scrapy.redis_queue.HostLeaseMiddleware` writes into the host's next-allowed
time, which makes it hold across all workers.

:class:`RobotsTxtMiddleware` replaces Scrapy's (2.19) to fix one bug that matters here: the
requests that arrive while a host's robots.txt is being fetched each ``await`` the same Deferred,
and awaiting a Deferred hands its result to the first waiter only (the others get None, which
Scrapy reads as "no robots.txt": allowed). A crawl starting with many URLs of one site fetched
every one of them but the first two unchecked.
"""

from __future__ import annotations

import logging
import time
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from ..fetch.http import HttpOptions
from ..fetch.robots import rules_from_response

logger = logging.getLogger(__name__)


class CrawlDelayMiddleware:
    """Downloader middleware: robots.txt Crawl-delay / Request-rate -> the host slot's delay.

    Without ``ROBOTSTXT_OBEY`` there is no robots.txt to read, and only the counting of delays
    from the end of the previous request remains.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        # The agent RobotsTxtMiddleware matches rules for (it runs before the User-Agent header is set).
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or ""
        self.max_delay = settings.getfloat("CRAWL_DELAY_MAX", HttpOptions().max_crawl_delay)
        self.base_delay = settings.getfloat("DOWNLOAD_DELAY")
        self.delays: dict[str, float] = {}  # slot key (host) -> the delay robots.txt asked for
        crawler.signals.connect(self._left_downloader, signal=signals.request_left_downloader)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("dont_obey_robotstxt") and urlsplit(request.url).path == "/robots.txt":
            self._read(request, response)
        return response

    def _left_downloader(self, request: Request, spider: object = None) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        slot = engine.downloader.slots.get(engine.downloader.get_slot_key(request))
        if slot is not None and slot.delay > 0:
            # Scrapy's clock for slot pacing is time.monotonic, as here.
            slot.lastseen = max(slot.lastseen, time.monotonic())

    def _read(self, request: Request, response: Response) -> None:
        # A robots.txt that redirected (http -> https) still speaks for the host first asked.
        first = (request.meta.get("redirect_urls") or [request.url])[0]
        host = (urlsplit(first).hostname or "").lower()
        rules = rules_from_response((response.status, response.body), time.monotonic(), 0.0, 0.0)
        delay = rules.delay(self.user_agent)
        if delay is None or delay <= 0:
            return
        delay = min(delay, self.max_delay)
        self.delays[host] = delay
        self._apply(host, delay)
        self.crawler.stats.set_value(f"extractor/crawl_delay/{host}", delay)
        logger.info("robots.txt of %s asks for %.2f s between requests", host, delay)

    def _apply(self, key: str, delay: float) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        entry: dict[str, Any] = downloader.per_slot_settings.setdefault(key, {})
        entry["delay"] = max(float(entry.get("delay", self.base_delay)), delay)
        entry["jitter"] = 0.0
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
            # robots.txt itself has just ended: the host's next request waits the delay from now
            # (it left the downloader before this delay was known, so _left_downloader skipped it).
            slot.lastseen = max(slot.lastseen, time.monotonic())


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with each request that waits for robots.txt given the rules.

    Each waiter chains its own Deferred onto the pending one and passes the result on, as Scrapy
    did before it awaited the shared Deferred directly. Use it in place of Scrapy's (the settings
    modules here do).
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine: Deferred[RobotParser | None] = Deferred()

        def relay(result: RobotParser | None) -> RobotParser | None:
            mine.callback(result)
            return result  # for the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(mine)
