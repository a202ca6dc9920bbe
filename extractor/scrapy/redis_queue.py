"""scrapy-redis with the request queue sharded by host: polite across every worker of a crawl.

Why: stock scrapy-redis shares one request queue between workers, and each worker paces hosts
only in its own downloader slots, so two workers can fetch one host back to back, whatever
``DOWNLOAD_DELAY`` or Crawl-delay say. Here each host has its own queue in Redis, and a worker
may take a request only while it holds the host's lease:

- ``pop`` (one Lua script, so atomic across workers) takes the host that has been ready
  longest, whose lease is free and whose next-allowed time has come, pops its best request
  (priority first, then first in) and leases the host to this worker;
- when the request is done (downloaded, failed, or dropped by robots.txt)
  :class:`HostLeaseMiddleware` gives the lease back (a second script) and sets the host's
  next-allowed time to *now + the host's delay*: ``DOWNLOAD_DELAY``, or the Crawl-delay that
  :class:`~extractor.scrapy.CrawlDelayMiddleware` put on the host's slot.

So at most one request per host is in flight in the whole cluster, and the next one starts at
least the delay after the previous one ended. Times are Redis's own clock (``TIME``, in
microseconds), so workers on machines whose clocks disagree still agree on the wait. A lease
also has an expiry (``HOST_LEASE_TTL``, default twice ``DOWNLOAD_TIMEOUT`` plus a minute: robots.txt
and the page, each up to the timeout): a worker that dies holding one frees the host after it,
and a late give-back once another worker has taken the host over changes nothing (the lease's
token no longer matches).

This is the only scheduling logic here: scrapy-redis's ``Scheduler`` and ``RFPDupeFilter`` do the
rest (settings in :mod:`extractor.scrapy.redis_settings`). One Redis server, not Redis Cluster:
the scripts name per-host keys they are not passed.

When no host is ready, ``pop`` returns None and asks Scrapy's engine to call again when the first
host becomes ready (or after ``HOST_QUEUE_POLL_INTERVAL``, default 0.5 s, when all hosts are
leased by other workers). Scrapy has no public way for a scheduler to say "nothing now, ask me at
T"; without the nudge the engine asks only on its 5-second heartbeat, which stays the fallback.
"""

from __future__ import annotations

import logging
import pickle
import time
import uuid
from typing import Any

from redis import Redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import CallLaterResult, call_later
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.request import request_from_dict

logger = logging.getLogger(__name__)

# request.meta key: (queue key, host, token) of the lease this request was popped under.
LEASE = "extractor_host_lease"

_PUSH = """
local p, host = ARGV[1], ARGV[2]
local seq = redis.call('INCR', p .. ':seq')
redis.call('ZADD', p .. ':q:' .. host, -tonumber(ARGV[4]), string.format('%016d', seq) .. ARGV[3])
redis.call('INCR', p .. ':count')
if not redis.call('ZSCORE', p .. ':leased', host) then
  local at = redis.call('HGET', p .. ':next', host) or 0
  redis.call('ZADD', p .. ':ready', 'NX', at, host)
end
return 1
"""

# Returns {0, host, request} when a host was leased, {wait_us} when the first free host is not
# ready yet, {-1} when every host with requests is leased.
_POP = """
local p = ARGV[1]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
for _, host in ipairs(redis.call('ZRANGEBYSCORE', p .. ':leased', '-inf', now)) do
  redis.call('ZREM', p .. ':leased', host)
  redis.call('HDEL', p .. ':tokens', host)
  if redis.call('ZCARD', p .. ':q:' .. host) > 0 then
    redis.call('ZADD', p .. ':ready', 'NX', now, host)
  end
end
while true do
  local first = redis.call('ZRANGE', p .. ':ready', 0, 0, 'WITHSCORES')
  if #first == 0 then return {-1} end
  local host, at = first[1], tonumber(first[2])
  if at > now then return {at - now} end
  redis.call('ZREM', p .. ':ready', host)
  local item = redis.call('ZPOPMIN', p .. ':q:' .. host)
  if #item > 0 then
    redis.call('DECR', p .. ':count')
    redis.call('ZADD', p .. ':leased', now + tonumber(ARGV[3]), host)
    redis.call('HSET', p .. ':tokens', host, ARGV[2])
    return {0, host, string.sub(item[1], 17)}
  end
end
"""

_RELEASE = """
local p, host = ARGV[1], ARGV[2]
if redis.call('HGET', p .. ':tokens', host) ~= ARGV[3] then return 0 end
redis.call('HDEL', p .. ':tokens', host)
redis.call('ZREM', p .. ':leased', host)
local t = redis.call('TIME')
local at = tonumber(t[1]) * 1000000 + tonumber(t[2]) + tonumber(ARGV[4])
redis.call('HSET', p .. ':next', host, at)
if redis.call('ZCARD', p .. ':q:' .. host) > 0 then
  redis.call('ZADD', p .. ':ready', at, host)
end
return 1
"""

_SUFFIXES = ("ready", "leased", "tokens", "next", "count", "seq")


def host_of(request: Request) -> str:
    """The politeness unit: the URL's host name, as Scrapy's default download slot key."""
    return (urlparse_cached(request).hostname or "").lower()


def release_lease(server: Redis, lease: tuple[str, str, str], delay: float) -> bool:
    """Give a host's lease back; its next request may start ``delay`` seconds from now.

    False when the lease was no longer ours (it expired and another worker may hold the host):
    then nothing changes.
    """
    key, host, token = lease
    done = server.register_script(_RELEASE)(args=[key, host, token, int(delay * 1_000_000)])
    return bool(done)


class HostShardedQueue:
    """``SCHEDULER_QUEUE_CLASS`` for scrapy-redis: one Redis queue per host, one lease per host.

    scrapy-redis builds it with ``(server, spider, key, serializer)`` and calls ``push``,
    ``pop``, ``len`` and ``clear``, as for its own queues.
    """

    def __init__(
        self,
        server: Redis,
        spider: Spider,
        key: str,
        serializer: Any = None,
        *,
        lease_ttl: float | None = None,
        poll_interval: float | None = None,
    ) -> None:
        self.server = server
        self.spider = spider
        self.key = key % {"spider": spider.name}
        self.serializer: Any = serializer if serializer is not None else _Pickle
        settings = getattr(spider, "settings", None)  # None for a spider made outside a crawler
        if lease_ttl is None:
            ttl = settings.getfloat("HOST_LEASE_TTL", 0.0) if settings is not None else 0.0
            timeout = settings.getfloat("DOWNLOAD_TIMEOUT", 180.0) if settings is not None else 180.0
            lease_ttl = ttl if ttl > 0 else 2 * timeout + 60.0
        if poll_interval is None:
            poll_interval = (
                settings.getfloat("HOST_QUEUE_POLL_INTERVAL", 0.5) if settings is not None else 0.5
            )
        self.lease_ttl = lease_ttl
        self.poll_interval = max(poll_interval, 0.01)
        self._push = server.register_script(_PUSH)
        self._pop = server.register_script(_POP)
        self._wake: CallLaterResult | None = None
        self._wake_at = 0.0

    def __len__(self) -> int:
        """Requests waiting in the queue, all hosts, all workers (not those in flight)."""
        return int(self.server.get(f"{self.key}:count") or 0)

    def push(self, request: Request) -> None:
        request.meta.pop(LEASE, None)  # a retry or redirect copies the meta of the request it replaces
        data = self.serializer.dumps(request.to_dict(spider=self.spider))
        self._push(args=[self.key, host_of(request), data, request.priority])

    def pop(self, timeout: float = 0) -> Request | None:
        """The next request of a host this worker may fetch now, or None (never blocks).

        ``timeout`` (scrapy-redis's ``SCHEDULER_IDLE_BEFORE_CLOSE``) is ignored: blocking here
        would stall the event loop and every download in flight with it.
        """
        token = uuid.uuid4().hex
        reply = self._pop(args=[self.key, token, int(self.lease_ttl * 1_000_000)])
        if int(reply[0]) != 0:
            wait = self.poll_interval if int(reply[0]) < 0 else int(reply[0]) / 1_000_000
            self._wake_engine_in(min(wait, self.poll_interval))
            return None
        host = reply[1].decode() if isinstance(reply[1], bytes) else str(reply[1])
        request = request_from_dict(self.serializer.loads(reply[2]), spider=self.spider)
        request.meta[LEASE] = (self.key, host, token)
        return request

    def clear(self) -> None:
        keys = [f"{self.key}:{suffix}" for suffix in _SUFFIXES]
        keys.extend(self.server.scan_iter(match=f"{self.key}:q:*"))
        self.server.delete(*keys)

    def _wake_engine_in(self, seconds: float) -> None:
        """Ask the engine for its next request in ``seconds`` (one pending nudge at a time)."""
        crawler = getattr(self.spider, "crawler", None)
        if crawler is None:  # a queue used outside a crawl (tests, tools): nobody to wake
            return
        due = time.monotonic() + seconds
        if self._wake is not None and self._wake_at <= due:
            return
        if self._wake is not None:
            self._wake.cancel()
        self._wake_at = due
        self._wake = call_later(seconds, self._wake_engine, crawler)

    def _wake_engine(self, crawler: Crawler) -> None:
        self._wake = None
        # The engine's private "call _next_request soon" handle: the one way to be asked again
        # before the heartbeat. Looked up defensively, so a Scrapy that renames it only loses
        # the nudge (requests then start on the heartbeat), never politeness.
        slot = getattr(crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()


class _Pickle:
    """scrapy-redis's default serializer (pickle), for a queue built without one."""

    @staticmethod
    def dumps(obj: Any) -> bytes:
        return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def loads(data: bytes) -> Any:
        return pickle.loads(data)  # our own queue's bytes, as scrapy-redis's default does


class HostLeaseMiddleware:
    """Downloader middleware: gives a request's host lease back the moment the request is done.

    Three ways a leased request can end, and each one releases (a second release of the same
    lease does nothing): it left the downloader (``request_left_downloader``: a response or a
    download error), a middleware answered it without the downloader (``process_response``: a
    cache hit), or a middleware dropped it before the downloader (``process_exception``:
    robots.txt disallows it). The delay set is the larger of ``DOWNLOAD_DELAY`` and the delay of
    the host's download slot, which carries the robots.txt Crawl-delay.
    """

    def __init__(self, crawler: Crawler) -> None:
        from scrapy_redis.connection import get_redis_from_settings  # type: ignore[import-untyped]

        self.crawler = crawler
        self.server: Redis = get_redis_from_settings(crawler.settings)
        self.base_delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        crawler.signals.connect(self._left_downloader, signal=signals.request_left_downloader)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostLeaseMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        self.release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self.release(request)

    def _left_downloader(self, request: Request, spider: Spider | None = None) -> None:
        self.release(request)

    def delay_for(self, request: Request) -> float:
        delay = self.base_delay
        engine = self.crawler.engine
        if engine is not None:
            slot = engine.downloader.slots.get(engine.downloader.get_slot_key(request))
            if slot is not None:
                delay = max(delay, slot.delay)
        return delay

    def release(self, request: Request) -> None:
        lease = request.meta.pop(LEASE, None)
        if lease is None:
            return
        key, host, token = lease
        if not release_lease(self.server, (key, host, token), self.delay_for(request)):
            logger.warning("the lease on %s had expired before its request ended (HOST_LEASE_TTL)", host)
