"""Scrapy integration (``pip install -e '.[scrapy]'``): crawl with Scrapy, get extractor's records.

- :class:`ArticlePipeline`: downloaded pages (:class:`PageItem`) become :class:`ArticleItem` (the
  keys and values of ``Article.to_dict()``, so ``scrapy crawl ... -O out.jsonl`` writes
  ``extractor scrape``'s records) or :class:`ErrorItem`; a page never stops the crawl.
- :class:`ArticleSpiderMixin` / :class:`ArticleSpider` (``articles``): URL lists, sitemaps and
  feeds, read by :mod:`extractor.fetch.discover`'s parser and filter.
- :class:`CrawlDelayMiddleware`: robots.txt Crawl-delay honoured (Scrapy ignores it);
  :class:`RobotsTxtMiddleware`: Scrapy's, fixed to check the requests that wait for robots.txt.
- :class:`HostShardedQueue` + :class:`HostLeaseMiddleware`: scrapy-redis for several machines with
  one Redis queue and one lease per host, so a host's delay holds across every worker.

Settings modules: :mod:`extractor.scrapy.settings` (one machine) and
:mod:`extractor.scrapy.redis_settings` (many).
"""

from __future__ import annotations

try:
    import scrapy  # noqa: F401 - only to give a clear message when the extra is missing
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the installation
    raise ModuleNotFoundError(
        "extractor.scrapy needs the scrapy extra: pip install 'extractor[scrapy]'", name=exc.name
    ) from exc

from .items import ArticleItem, ErrorItem, PageItem
from .middlewares import CrawlDelayMiddleware, RobotsTxtMiddleware
from .pipelines import ArticlePipeline, check_page, page_to_item
from .redis_queue import HostLeaseMiddleware, HostShardedQueue, release_lease
from .spiders import ArticleSpider, ArticleSpiderMixin, failure_kind

__all__ = [
    "ArticleItem",
    "ArticlePipeline",
    "ArticleSpider",
    "ArticleSpiderMixin",
    "CrawlDelayMiddleware",
    "ErrorItem",
    "HostLeaseMiddleware",
    "HostShardedQueue",
    "PageItem",
    "RobotsTxtMiddleware",
    "check_page",
    "failure_kind",
    "page_to_item",
    "release_lease",
]
