"""A spider mixin that crawls URL lists, sitemaps and feeds, and the ready-made ``articles`` spider.

Discovery reuses :mod:`extractor.fetch.discover` for everything but the transport: the same
parser (sitemaps, sitemap indexes, gzip, RSS / Atom / RDF feeds, no entity expansion), the same
date and pattern filter as ``extractor scrape`` (``since``, ``until``, ``include``, ``exclude``,
built by :meth:`~extractor.jobs.ScrapeOptions.url_filter`), the same de-duplication key. Only the
walk differs: :func:`~extractor.fetch.discover.discover` fetches with a blocking callable, while
here every sitemap is a Scrapy request, so it is paced, robots-checked and (with Redis) shared
across machines like any page.

Spider arguments (``scrapy crawl articles -a NAME=VALUE``) carry the ``scrape`` option names:
``urls_file`` (one URL a line, ``#`` comments), ``urls``, ``sitemaps`` and ``feeds`` (URLs
separated by whitespace), ``since`` / ``until`` (YYYY-MM-DD or ISO 8601), ``include`` /
``exclude`` (regular expressions), ``max_urls``.

Every failure becomes an :class:`~extractor.scrapy.ErrorItem` whose ``error`` is one of the kinds
of the README's table, mapped from Scrapy's exceptions (:func:`failure_record`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadTimeoutError,
    IgnoreRequest,
    UnsupportedURLSchemeError,
)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeout
from twisted.python.failure import Failure

from ..fetch.discover import UrlFilter, parse_document, url_key
from ..fetch.http import BLOCK_STATUSES
from ..fetch.page import FetchError, InvalidURL
from ..fetch.urls import check_url
from ..jobs import ScrapeOptions, read_url_lines
from ..model import ErrorRecord
from .items import ErrorItem, PageItem

# request.meta key: the URL as the list or sitemap gave it, kept through redirects (meta is
# copied to the redirected request), because the requested URL is the record's identity.
REQUESTED = "extractor_url"


def _words(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    return tuple(value)


def status_kind(status: int) -> str:
    """An HTTP error status as ``scrape`` names it (its fetcher's mapping)."""
    if status in BLOCK_STATUSES:
        return "Blocked"
    if status in (404, 410):
        return "NotFound"
    if status == 429:
        return "RateLimited"
    return "HTTPError"


def failure_kind(exc: BaseException) -> tuple[str, str]:
    """(error kind, message) for an exception a Scrapy download or middleware raised.

    Kinds are the README's: what a user filters on must not depend on the engine that fetched
    the page. An exception Scrapy adds later and we do not know is a ``NetworkError`` whose
    message names it.
    """
    if isinstance(exc, HttpError):
        status = exc.response.status
        return status_kind(status), f"HTTP {status}"
    if isinstance(exc, FetchError):
        return exc.kind, exc.reason
    message = str(exc) or type(exc).__name__
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in message:
            return "RobotsDisallowed", message
        if "redirection" in message:
            return "TooManyRedirects", message
        if "max size" in message:  # HttpCompressionMiddleware: decompressed over DOWNLOAD_MAXSIZE
            return "TooLarge", message
        return "HTTPError", f"request ignored: {message}"
    if isinstance(exc, (DownloadTimeoutError, TwistedTimeout, TCPTimedOutError)):
        return "Timeout", message
    if isinstance(exc, DownloadCancelledError) and "max size" in message:
        return "TooLarge", message
    if isinstance(exc, UnsupportedURLSchemeError):
        return "InvalidURL", message
    if isinstance(exc, CannotResolveHostError):
        return "NetworkError", f"cannot resolve host: {message}"
    return "NetworkError", f"{type(exc).__name__}: {message}"


def failure_record(url: str, exc: BaseException) -> ErrorItem:
    kind, message = failure_kind(exc)
    return ErrorItem.from_record(ErrorRecord(url, kind, message, datetime.now(timezone.utc)))


def _requested(request: Request) -> str:
    value = request.meta.get(REQUESTED)
    return value if isinstance(value, str) else request.url


class ArticleSpiderMixin:
    """Mix into a ``scrapy.Spider``: start requests from URL lists, sitemaps and feeds; pages out.

    ``parse_article`` yields a :class:`PageItem` per page (the pipeline extracts it);
    ``article_failed`` and ``discovery_failed`` turn failures into error items. A subclass may
    set the class attributes ``urls`` / ``sitemaps`` / ``feeds`` instead of passing arguments.
    """

    urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()

    def __init__(
        self,
        *args: Any,
        urls: str | Iterable[str] | None = None,
        urls_file: str | None = None,
        sitemaps: str | Iterable[str] | None = None,
        feeds: str | Iterable[str] | None = None,
        since: str | datetime | None = None,
        until: str | datetime | None = None,
        include: str | None = None,
        exclude: str | None = None,
        max_urls: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.urls = _words(urls) or type(self).urls
        self.urls_file = urls_file
        self.sitemaps = _words(sitemaps) or type(self).sitemaps
        self.feeds = _words(feeds) or type(self).feeds
        # The scrape options object checks the dates and patterns as the CLI does (ValueError).
        options = ScrapeOptions(since=since, until=until, include=include, exclude=exclude)
        self.url_filter: UrlFilter = options.url_filter()
        self.max_urls = int(max_urls) if max_urls not in (None, "") else None
        self._seen: set[str] = set()  # url_key of the pages requested from discovery
        self._found = 0

    # ------------------------------------------------------------ start

    def listed_urls(self) -> Iterator[str]:
        yield from self.urls
        if self.urls_file:
            with open(self.urls_file, encoding="utf-8-sig") as fh:
                yield from read_url_lines(fh)

    async def start(self) -> AsyncIterator[Request | ErrorItem]:
        for url in self.listed_urls():
            if self._pattern_ok(url):
                yield self.article_request(url)
        for url in (*self.sitemaps, *self.feeds):
            yield self.discovery_request(url)

    def _pattern_ok(self, url: str) -> bool:
        flt = self.url_filter
        if flt.include is not None and not flt.include.search(url):
            return False
        return not (flt.exclude is not None and flt.exclude.search(url))

    def article_request(self, url: str) -> Request | ErrorItem:
        """The request for one page, or an ``InvalidURL`` error item for a URL that is not one."""
        try:
            check_url(url)
            return Request(
                url, callback=self.parse_article, errback=self.article_failed, meta={REQUESTED: url}
            )
        except (InvalidURL, ValueError) as exc:
            return failure_record(url, exc if isinstance(exc, InvalidURL) else InvalidURL(url, str(exc)))

    def discovery_request(self, url: str) -> Request | ErrorItem:
        try:
            check_url(url)
            return Request(
                url, callback=self.parse_discovery, errback=self.discovery_failed, meta={REQUESTED: url}
            )
        except (InvalidURL, ValueError) as exc:
            return failure_record(url, exc if isinstance(exc, InvalidURL) else InvalidURL(url, str(exc)))

    # ------------------------------------------------------------ callbacks

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        yield PageItem(
            url=_requested(response.request) if response.request is not None else response.url,
            final_url=response.url,
            status=response.status,
            headers={str(k): str(v) for k, v in response.headers.to_unicode_dict().items()},
            body=response.body,
            fetched_at=datetime.now(timezone.utc),
        )

    def parse_discovery(self, response: Response) -> Iterator[Request | ErrorItem]:
        """A sitemap index yields its child sitemaps; a sitemap or feed its (filtered) pages."""
        url = _requested(response.request) if response.request is not None else response.url
        try:
            found = parse_document(response.body, response.url)
        except FetchError as exc:  # TooLarge / DecodeError from the capped gunzip
            yield _discovery_error(url, exc.kind, exc.reason)
            return
        flt = self.url_filter
        if found.kind == "unknown":
            yield _discovery_error(url, "DiscoveryError", "not a sitemap or feed")
        elif found.kind == "sitemapindex":
            for child in found.entries:
                # A child sitemap last modified before ``since`` cannot list newer pages.
                if child.date is None or flt.since is None or child.date >= flt.since:
                    yield self.discovery_request(child.url)
        else:
            for entry in found.entries:
                key = url_key(entry.url)
                if key in self._seen or not flt.accepts(entry):
                    continue
                if self.max_urls is not None and self._found >= self.max_urls:
                    return
                self._seen.add(key)
                self._found += 1
                yield self.article_request(entry.url)

    def article_failed(self, failure: Failure) -> Iterator[ErrorItem]:
        request = getattr(failure, "request", None)
        url = _requested(request) if isinstance(request, Request) else "?"
        yield failure_record(url, _exception(failure))

    def discovery_failed(self, failure: Failure) -> Iterator[ErrorItem]:
        request = getattr(failure, "request", None)
        url = _requested(request) if isinstance(request, Request) else "?"
        kind, message = failure_kind(_exception(failure))
        yield _discovery_error(url, kind, message)


def _exception(failure: Failure) -> BaseException:
    return failure.value if failure.value is not None else RuntimeError("a failure without an exception")


def _discovery_error(url: str, kind: str, message: str) -> ErrorItem:
    record = ErrorRecord(url, kind, f"discovery: {message}", datetime.now(timezone.utc))
    return ErrorItem.from_record(record)


class ArticleSpider(ArticleSpiderMixin, scrapy.Spider):
    """``scrapy crawl articles -a urls_file=urls.txt -O out.jsonl`` (``extractor.scrapy.settings``)."""

    name = "articles"
