"""Scrapy settings for article crawls on one machine: ``SCRAPY_SETTINGS_MODULE=extractor.scrapy.settings``.

Why these values: the same politeness and limits as ``extractor scrape`` by default, so moving a
job from the CLI to Scrapy does not make it ruder or change its records: robots.txt obeyed and
its Crawl-delay honoured (Scrapy ignores it by default), one request at a time per host, 1 s
between requests to a host and never less (no random jitter: a delay is a minimum), 20 MB per
page, 3 retries, 10 redirects, the CLI's user agent, UTF-8 feeds. Import them into a project's
own settings (``from extractor.scrapy.settings import *``) or point Scrapy at this module.
"""

from __future__ import annotations

from ..core.limits import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT
from ..fetch.http import DEFAULT_USER_AGENT, HttpOptions
from ..fetch.page import DEFAULT_MAX_BYTES

BOT_NAME = "extractor"
SPIDER_MODULES = ["extractor.scrapy.spiders"]

USER_AGENT = DEFAULT_USER_AGENT
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.0
CONCURRENT_REQUESTS_PER_DOMAIN = 1
CRAWL_DELAY_MAX = HttpOptions().max_crawl_delay
DOWNLOAD_MAXSIZE = DEFAULT_MAX_BYTES
DOWNLOAD_TIMEOUT = HttpOptions().total_timeout
RETRY_TIMES = HttpOptions().max_retries
REDIRECT_MAX_TIMES = HttpOptions().max_redirects

ITEM_PIPELINES = {"extractor.scrapy.pipelines.ArticlePipeline": 300}
DOWNLOADER_MIDDLEWARES = {
    # Scrapy's, with the waiting requests checked too (see extractor.scrapy.middlewares).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "extractor.scrapy.middlewares.RobotsTxtMiddleware": 100,
    # Before HttpCompressionMiddleware (590) in the response chain: it reads robots.txt decompressed.
    "extractor.scrapy.middlewares.CrawlDelayMiddleware": 560,
}

EXTRACTOR_COMMENTS = True
EXTRACTOR_QUOTE_CONFIDENCE = None  # a quote's confidence bar (0-1); None: extract_article's default
EXTRACTOR_PAGE_TIME_LIMIT = DEFAULT_TIME_LIMIT
EXTRACTOR_PAGE_MEMORY_LIMIT = DEFAULT_MEMORY_LIMIT

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
