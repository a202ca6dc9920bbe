"""The item pipeline: downloaded pages in, article records (or error records) out.

Why a pipeline and not extraction in the spider callback: extraction is CPU work (tens of
milliseconds a page, seconds for a pathological one), and a callback runs on the crawler's
event loop, where it would stall every download in flight. The pipeline hands each page to a
thread pool; with the page limits on (the default, as in ``extractor scrape``), the thread waits
for one of the reusable worker processes of :func:`~extractor.core.limits.run_limited`, so one
Scrapy process extracts on every core and a page that hangs or eats memory is stopped and
becomes a ``TimeLimit`` / ``MemoryLimit`` error item. Whatever goes wrong with one page becomes
an :class:`~extractor.scrapy.ErrorItem`; the crawl never stops for a page.

Settings: ``EXTRACTOR_COMMENTS`` (default True), ``EXTRACTOR_PAGE_TIME_LIMIT`` (seconds, default
30; 0: none), ``EXTRACTOR_PAGE_MEMORY_LIMIT`` (MB, default 2048; 0: none), ``EXTRACTOR_THREADS``
(pages extracted at once, default: the number of CPUs).
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from scrapy.utils.asyncio import is_asyncio_available
from scrapy.utils.defer import maybe_deferred_to_future

from ..core.limits import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIME_LIMIT,
    ExtractionError,
    can_start_workers,
    run_limited,
)
from ..fetch.http import looks_like_challenge
from ..fetch.page import HTML_TYPES, Blocked, FetchError, NotHTML, binary_reason, looks_like_html
from ..jobs import checked_bar, extract_page
from ..model import Article, ErrorRecord
from .items import ArticleItem, ErrorItem, PageItem


def check_page(item: PageItem) -> None:
    """Raise ``NotHTML`` / ``Blocked`` for what ``scrape``'s fetcher would not extract either.

    The same rules as the HTTP fetcher's, so a crawl and ``extractor scrape`` agree on which
    pages are errors: a declared type other than HTML; a missing or generic type whose body does
    not start like HTML; binary bytes (an image, a PDF) whatever the label; an anti-bot
    challenge page served with status 200.
    """
    page = item.to_page()
    ctype = page.content_type or ""
    sniff = ctype in ("", "application/octet-stream")
    if not sniff and ctype not in HTML_TYPES:
        raise NotHTML(item.url, f"content type {ctype!r}", status=item.status)
    if sniff and not looks_like_html(item.body):
        raise NotHTML(item.url, f"content type {ctype or 'missing'!r} and the body does not look like HTML")
    binary = binary_reason(item.body)
    if binary is not None:
        raise NotHTML(item.url, f"content type {ctype or 'missing'!r} but {binary}", status=item.status)
    if looks_like_challenge(item.body):
        raise Blocked(
            item.url, f"HTTP {item.status} but the page is an anti-bot challenge", status=item.status
        )


def page_to_item(
    item: PageItem,
    *,
    comments: bool = True,
    quote_confidence: float | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
) -> ArticleItem | ErrorItem:
    """One downloaded page -> its record as an item. Never raises for a page-level failure.

    The record is ``extract_page``'s, the function ``extractor scrape`` uses: the same record as
    ``extract_article(body, final_url, headers=..., fetched_at=...)`` with ``url`` the requested
    URL.
    """
    try:
        check_page(item)
        page = item.to_page()
        if (time_limit or memory_limit) and can_start_workers():
            article: Article = run_limited(
                extract_page,
                (page, comments, quote_confidence),
                {},
                time_limit=time_limit or None,
                memory_limit=memory_limit or None,
            )
        else:
            article = extract_page(page, comments, quote_confidence)
    except (FetchError, ExtractionError) as exc:
        return _error(item.url, exc.kind, exc.reason)
    except Exception as exc:
        return _error(item.url, "ExtractionError", f"{type(exc).__name__}: {exc}")
    return ArticleItem.from_article(article)


def _error(url: str, kind: str, message: str) -> ErrorItem:
    return ErrorItem.from_record(ErrorRecord(url, kind, message, datetime.now(timezone.utc)))


def _limit(value: float) -> float | None:
    return value if value > 0 else None


def _bar(value: Any) -> float | None:
    """``EXTRACTOR_QUOTE_CONFIDENCE``: unset or empty is the default bar, else a number from 0
    to 1 (checked by the pipeline)."""
    return None if value is None or value == "" else float(value)


class ArticlePipeline:
    """Turns each :class:`PageItem` into an :class:`ArticleItem` or an :class:`ErrorItem`.

    Other items pass through untouched, so it can sit in a project beside its own pipelines.
    """

    def __init__(
        self,
        *,
        comments: bool = True,
        quote_confidence: float | None = None,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
        threads: int | None = None,
        stats: StatsCollector | None = None,
    ) -> None:
        self.comments = comments
        self.quote_confidence = checked_bar(quote_confidence)
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.threads = threads or os.cpu_count() or 1
        self._stats = stats
        self._executor: ThreadPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticlePipeline:
        settings = crawler.settings
        return cls(
            comments=settings.getbool("EXTRACTOR_COMMENTS", True),
            quote_confidence=_bar(settings.get("EXTRACTOR_QUOTE_CONFIDENCE")),
            time_limit=_limit(settings.getfloat("EXTRACTOR_PAGE_TIME_LIMIT", DEFAULT_TIME_LIMIT)),
            memory_limit=_limit(settings.getfloat("EXTRACTOR_PAGE_MEMORY_LIMIT", DEFAULT_MEMORY_LIMIT)),
            threads=settings.getint("EXTRACTOR_THREADS", 0) or None,
            stats=crawler.stats,
        )

    def open_spider(self) -> None:
        # Our own threads, not the reactor's pool: that one also resolves host names, and
        # pages waiting there for extraction would hold DNS lookups up.
        self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="extractor")

    def close_spider(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def convert(self, item: PageItem) -> ArticleItem | ErrorItem:
        """The pipeline's work on one page, in the calling thread."""
        return page_to_item(
            item,
            comments=self.comments,
            quote_confidence=self.quote_confidence,
            time_limit=self.time_limit,
            memory_limit=self.memory_limit,
        )

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        if is_asyncio_available():
            if self._executor is None:
                self.open_spider()
            result = await asyncio.get_running_loop().run_in_executor(self._executor, self.convert, item)
        else:  # a Twisted reactor without asyncio: the reactor's thread pool is what there is
            from twisted.internet.threads import deferToThread

            result = await maybe_deferred_to_future(deferToThread(self.convert, item))
        if self._stats is not None:
            key = "article" if isinstance(result, ArticleItem) else f"error/{result.error}"
            self._stats.inc_value(f"extractor/{key}")
        return result
