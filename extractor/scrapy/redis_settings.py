"""Scrapy settings for one crawl shared by many workers through Redis (scrapy-redis, sharded by host).

``SCRAPY_SETTINGS_MODULE=extractor.scrapy.redis_settings scrapy crawl articles -s REDIS_URL=...``
on every worker. Everything in :mod:`extractor.scrapy.settings`, plus scrapy-redis's scheduler
and duplicate filter with the host-sharded queue and the lease give-back middleware of
:mod:`extractor.scrapy.redis_queue`.

``SCHEDULER_PERSIST = True`` because the queue is shared: with scrapy-redis's default a worker
that finishes first deletes the queue and the seen-set under the others' feet. The keys
therefore outlive the crawl: the seen-set makes a rerun of the same command skip what was
already fetched (a resume); a new job takes its own keys (``-s
SCHEDULER_QUEUE_KEY=JOB:requests -s SCHEDULER_DUPEFILTER_KEY=JOB:dupefilter``) or deletes them.
"""

from __future__ import annotations

from .settings import *  # noqa: F403 - a settings module extends the base one by star import
from .settings import DOWNLOADER_MIDDLEWARES

REDIS_URL = "redis://127.0.0.1:6379/0"
SCHEDULER = "scrapy_redis.scheduler.Scheduler"
SCHEDULER_QUEUE_CLASS = "extractor.scrapy.redis_queue.HostShardedQueue"
DUPEFILTER_CLASS = "scrapy_redis.dupefilter.RFPDupeFilter"
SCHEDULER_PERSIST = True
# Innermost, so that its process_response / process_exception run before any other middleware
# can turn the outcome into a new request (a retry, a redirect) and end the chain.
DOWNLOADER_MIDDLEWARES = {
    **DOWNLOADER_MIDDLEWARES,
    "extractor.scrapy.redis_queue.HostLeaseMiddleware": 950,
}
