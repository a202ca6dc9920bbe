"""Extraction jobs on a Dask cluster: ``read_inputs`` -> a bag of records -> ``to_jsonl`` / ``to_parquet``.

Optional (``pip install 'extractor[dask]'``: ``dask[bag]`` and ``distributed``)::

    from extractor.dask import connect, read_inputs, to_jsonl

    with connect() as client:  # a LocalCluster on this machine; connect("tcp://host:8786") for a cluster
        bag = read_inputs(["pages/", "crawl.warc.gz"], urls=["https://news.example/a"])
        to_jsonl(bag, "out.jsonl")

The records are the package's own: one :class:`~extractor.model.Article` or
:class:`~extractor.model.ErrorRecord` per input page, made by the same functions as
the one-process jobs (``extract_many`` for saved pages, the HTTP fetcher and
``extract_page`` for URLs, ``iter_warc_pages`` for archives), so a bag gives the records
those jobs give.

Decisions, and why:

- **Tasks carry names, not pages.** The graph holds paths, URLs and archive paths;
  each worker reads or fetches its pages itself and keeps the lxml trees to itself
  (they do not pickle). Only records travel, worker to client. An archive is one task
  (its records are read in order by ``iter_warc_pages``, the one place that knows how
  an archive is cut short or damaged): a crawl comes as many archives, which is where
  the parallelism is.
- **Every input gives exactly one record.** Each page's failure is an error record
  inside its task. When a worker dies, Dask recomputes what it held; a task whose
  workers kept dying (``KilledWorker``) is run again one input per task, and an input
  that still kills its worker is an ``ExtractionError`` record, so the output never
  silently lacks an input. Pages are extracted under the job's time and memory limits
  in a worker process of their own (:mod:`extractor.core.limits`), so a bad page costs
  an error record, not a Dask worker; that needs workers that may start processes,
  which the LocalCluster of :func:`connect` has (``distributed.worker.daemon: False``).
  On a cluster of daemonic workers the limits are dropped with a warning, as ``scrape``
  does in a daemonic process.
- **Records come back in input order** (:func:`iter_records`): at most
  ``2 x threads`` partitions are computed ahead of the one being written, so memory
  stays bounded however long the job is, and the writers are the package's exporters:
  ``to_jsonl`` and ``to_parquet`` write the files ``extract --format jsonl|parquet``
  writes (one writer issues the joinable ``article_id`` s and publishes the four
  Parquet tables together), on the client, so no shared file system is needed
  between the client and a remote cluster.
- **Politeness is cluster-wide** for URL inputs: a ``distributed.Semaphore`` with one
  lease per host (at most one request in flight to a host, whichever worker sends it)
  and the time the host may next be asked, kept in the scheduler's metadata, which the
  lease holder reads and writes (see :class:`HostGate`). The request itself is the
  package's :class:`~extractor.fetch.http.HttpFetcher` (robots.txt, redirects, retries,
  size caps, decoding).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import math
import os
import threading
import time
import warnings
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from .core.limits import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIME_LIMIT,
    ExtractionError,
    can_start_workers,
    run_limited,
)
from .export import Exporter, JsonLinesExporter, Record
from .export.parquet import ParquetExporter
from .fetch.discover import url_key
from .fetch.files import iter_paths
from .fetch.http import HttpFetcher, HttpOptions
from .fetch.page import DEFAULT_MAX_BYTES, FetchError, NetworkError, Page, RateLimited, RobotsDisallowed
from .fetch.robots import origin_of
from .fetch.urls import check_url, host_key
from .fetch.warc import iter_warc_pages
from .jobs import extract_many, extract_page, read_url_lines
from .model import ErrorRecord

try:
    import dask
    import dask.bag
    import distributed
    from dask.bag import Bag
    from dask.delayed import delayed
    from distributed import Client
except ImportError as exc:  # the plain install has no Dask: say what to install
    raise ImportError("extractor.dask needs Dask: pip install 'extractor[dask]'") from exc

# Typing: dask and distributed ship py.typed but leave most of the API used here unannotated
# (Client, LocalCluster, Semaphore, Bag.to_delayed, ...); each such call carries a targeted
# ``ignore[no-untyped-call]`` marked "untyped", and the values they return are given their
# types (Bag, Client) or kept to the narrow uses below.

__all__ = [
    "Bag",
    "Client",
    "HostGate",
    "Turn",
    "connect",
    "daemonic_workers",
    "iter_records",
    "map_inputs",
    "read_inputs",
    "to_jsonl",
    "to_parquet",
]

log = logging.getLogger(__name__)

WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Where the hosts' next allowed request times live in the scheduler's metadata, and the
# prefix of the per-host semaphores' names: shared by every job on one scheduler, so two
# jobs crawling one host share its turns too.
HOSTS_KEY = "extractor.hosts"
SEMAPHORE_PREFIX = "extractor.host:"
# A worker keeps this many hosts' semaphores (each refreshes its leases on the worker's
# event loop); older ones are dropped and made again on the next turn.
MAX_SEMAPHORES = 1024
# Partitions: at most this many inputs each, and about this many partitions for a small job,
# so that even a few hundred pages spread over every worker.
MAX_PARTITION_SIZE = 64
TARGET_PARTITIONS = 256

Kind = Literal["files", "urls", "warcs", "call"]


# ---------------------------------------------------------------- a job's plan


@dataclass(frozen=True, slots=True)
class _Job:
    """What every task of one job shares; small, pickled into the graph once per task."""

    comments: bool = True
    fetched_at: datetime | None = None
    time_limit: float | None = DEFAULT_TIME_LIMIT
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT
    max_bytes: int = DEFAULT_MAX_BYTES
    http: HttpOptions = field(default_factory=lambda: HttpOptions(per_host=1))


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One partition's work: the names of its inputs and how to turn each into a record.

    ``fn`` (kind ``call`` only) is called as ``fn(item, time_limit=..., memory_limit=...)``.
    """

    kind: Kind
    items: tuple[str, ...]
    job: _Job
    fn: Callable[..., Record] | None = None


# The chunks behind each bag that read_inputs / map_inputs built, so that iter_records can
# name the inputs of a partition that could not be computed. Weak: a dropped bag frees them.
_PLANS: weakref.WeakKeyDictionary[Any, tuple[_Chunk, ...]] = weakref.WeakKeyDictionary()


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]] | str = (),
    *,
    urls: Iterable[str] = (),
    url_files: Iterable[str | os.PathLike[str]] = (),
    warcs: Iterable[str | os.PathLike[str]] = (),
    comments: bool = True,
    fetched_at: datetime | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    http: HttpOptions | None = None,
    partition_size: int | None = None,
) -> Bag:
    """A bag of records, one per page: saved pages, URLs and WARC/ARC archives, in that order.

    ``inputs`` are sorted by what they look like: ``http(s)://`` addresses are URLs, names
    ending in ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` are archives, anything else
    is a saved page or a folder of them (searched as ``extract_many`` searches). ``urls``,
    ``url_files`` (one URL a line, read here) and ``warcs`` say it explicitly. Paths must
    be readable by the workers under the same names (one machine, or a shared file system).

    Saved pages give the records ``extract_many`` gives (``fetched_at``: see there); URLs
    are fetched with ``http`` (:class:`~extractor.fetch.http.HttpOptions`; its ``delay`` is
    the pause between two requests to one host, robots.txt's Crawl-delay when longer) and
    give what ``scrape`` gives, in turns across hosts; archives give one record per page
    they hold, as ``scrape --warc`` does. Duplicate inputs are read once (URLs compared as
    ``scrape`` compares them). ``time_limit`` / ``memory_limit`` bound each page's
    extraction (seconds, MB; 0 or None: no limit). ``partition_size``: inputs per task
    (default: up to 64, fewer for small jobs).

    Building the bag reads nothing but folder listings and URL files; the pages are read
    where the bag is computed.
    """
    items = [inputs] if isinstance(inputs, str) else list(inputs)
    files: list[str] = []
    url_list = list(urls)
    warc_list = [os.fspath(path) for path in warcs]
    for item in items:
        name = os.fspath(item)
        if name.lower().startswith(("http://", "https://")):
            url_list.append(name)
        elif name.lower().endswith(WARC_SUFFIXES):
            warc_list.append(name)
        else:
            files.append(name)
    for path in url_files:
        with open(path, encoding="utf-8-sig") as fh:
            url_list.extend(read_url_lines(fh))
    options = dataclasses.replace(http or HttpOptions(), per_host=1)
    job = _Job(comments, fetched_at, time_limit or None, memory_limit or None, max_bytes, options)
    paths = _unique(os.fspath(path) for path in iter_paths(files))
    chunks = [
        *_chunks("files", paths, job, partition_size),
        *_chunks("urls", _host_turns(_unique(url_list, key=url_key)), job, partition_size),
        *_chunks("warcs", _unique(warc_list), job, 1),
    ]
    return _bag(chunks)


def map_inputs(
    fn: Callable[..., Record],
    items: Sequence[str],
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
    partition_size: int | None = None,
) -> Bag:
    """A bag of ``fn(item, time_limit=..., memory_limit=...)``, one record per item, in order.

    For callers with their own idea of a record (the ``extract`` command's, whose records
    name no URL unless told): ``fn`` must be picklable and must not raise for a failing
    page (an exception is caught and becomes an ``ExtractionError`` record all the same).
    It is given the limits the worker can honour: the job's, or None on a daemonic worker.
    """
    job = _Job(time_limit=time_limit or None, memory_limit=memory_limit or None)
    return _bag(list(_chunks("call", list(items), job, partition_size, fn)))


def _unique(items: Iterable[str], key: Callable[[str], str] = str) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _host_turns(urls: Sequence[str]) -> list[str]:
    """The URLs taken one host at a time, round robin (hosts in order of first appearance).

    Why: a list sorted by site would otherwise hand every worker the same host at once,
    and all but one would wait for its turn; interleaved, consecutive tasks ask different
    hosts and the workers fetch in parallel. Each host's own URLs keep their order.
    """
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_key(url), []).append(url)
    rounds = itertools.zip_longest(*by_host.values())
    return [url for batch in rounds for url in batch if url is not None]


def _partition_size(count: int, wanted: int | None) -> int:
    if wanted is not None:
        if wanted < 1:
            raise ValueError("partition_size must be at least 1")
        return wanted
    return max(1, min(MAX_PARTITION_SIZE, math.ceil(count / TARGET_PARTITIONS)))


def _chunks(
    kind: Kind, items: Sequence[str], job: _Job, size: int | None, fn: Callable[..., Record] | None = None
) -> Iterator[_Chunk]:
    step = _partition_size(len(items), size)
    for start in range(0, len(items), step):
        yield _Chunk(kind, tuple(items[start : start + step]), job, fn)


def _bag(chunks: list[_Chunk]) -> Bag:
    # pure=False: fetching is not a pure function of the URL, and two jobs must not share results.
    parts = [delayed(_run, pure=False)(chunk) for chunk in chunks] or [delayed(list)()]
    bag: Bag = dask.bag.from_delayed(parts)  # type: ignore[no-untyped-call]  # untyped: see the imports
    if chunks:
        _PLANS[bag] = tuple(chunks)
    return bag


# ---------------------------------------------------------------- on the workers


def _run(chunk: _Chunk) -> list[Record]:
    """One partition: each input -> one record, in order; a page's failure is its error record."""
    job = chunk.job
    if chunk.kind == "files":
        time_limit, memory_limit = _limits(job)
        records = extract_many(
            chunk.items,
            workers=1,
            fetched_at=job.fetched_at,
            comments=job.comments,
            time_limit=time_limit,
            memory_limit=memory_limit,
            max_bytes=job.max_bytes,
        )
        return list(records)
    if chunk.kind == "urls":
        fetcher = _fetcher(job.http)
        gate = HostGate.here()
        return [_fetch_and_extract(url, fetcher, gate, job) for url in chunk.items]
    if chunk.kind == "warcs":
        return [
            _error(item.url, item) if isinstance(item, FetchError) else _extract(item, job)
            for item in iter_warc_pages(chunk.items, max_bytes=job.max_bytes)
        ]
    assert chunk.fn is not None
    return [_call(chunk.fn, item, job) for item in chunk.items]


def _call(fn: Callable[..., Record], item: str, job: _Job) -> Record:
    time_limit, memory_limit = _limits(job)
    try:
        return fn(item, time_limit=time_limit, memory_limit=memory_limit)
    except Exception as exc:
        return ErrorRecord(None, "ExtractionError", f"{item}: {_one_line(exc)}", _now())


_daemon_warned = threading.Event()


def _limits(job: _Job) -> tuple[float | None, float | None]:
    """The job's page limits, or none in a worker that may not start the process they need."""
    if not (job.time_limit or job.memory_limit) or can_start_workers():
        return job.time_limit, job.memory_limit
    if not _daemon_warned.is_set():
        _daemon_warned.set()
        warnings.warn(
            "this Dask worker is a daemonic process, which cannot start the worker process that "
            "per-page time and memory limits need: pages are extracted without limits (start "
            "workers with DASK_DISTRIBUTED__WORKER__DAEMON=False to keep them)",
            stacklevel=2,
        )
    return None, None


def _extract(page: Page, job: _Job) -> Record:
    time_limit, memory_limit = _limits(job)
    try:
        if time_limit or memory_limit:
            article: Record = run_limited(
                extract_page, (page, job.comments), {}, time_limit=time_limit, memory_limit=memory_limit
            )
        else:
            article = extract_page(page, job.comments)
    except Exception as exc:
        return _error(page.url, exc)
    return article


def _error(url: str | None, exc: BaseException) -> ErrorRecord:
    if isinstance(exc, (FetchError, ExtractionError)):
        return ErrorRecord(url, exc.kind, exc.reason, _now())
    return ErrorRecord(url, "ExtractionError", _one_line(exc), _now())


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- fetching politely


class _PacedFetcher(HttpFetcher):
    """The package's fetcher, plus the origins whose robots.txt this process has asked for.

    The cluster's gate needs each host's pacing delay after the request, to tell the other
    workers when the host may be asked next: ``HttpFetcher.pacing_delay`` gives it from the
    fetcher's own robots check (rules cached per origin), so no second copy is requested.
    """

    def __init__(self, options: HttpOptions) -> None:
        super().__init__(options)
        self.robots_read: set[str] = set()  # origins whose robots.txt this process has asked for


_fetchers: dict[HttpOptions, _PacedFetcher] = {}
_fetchers_lock = threading.Lock()


def _fetcher(options: HttpOptions) -> _PacedFetcher:
    """One fetcher per worker process and options (its connections and robots.txt rules are reused)."""
    with _fetchers_lock:
        fetcher = _fetchers.get(options)
        if fetcher is None:
            fetcher = _fetchers[options] = _PacedFetcher(options)
        return fetcher


@dataclass(slots=True)
class Turn:
    """One turn on a host: ``delay`` is how long after the turn the host must be left alone."""

    delay: float


class HostGate:
    """Cluster-wide turns on hosts: at most one request in flight per host, and the host's
    delay honoured between the end of one turn and the start of the next, whichever workers
    take them.

    A turn holds the host's ``distributed.Semaphore`` (one lease, named after the host), so
    turns on a host never overlap. Holding the lease, the worker reads the time the host may
    next be asked (wall-clock seconds in the scheduler's metadata, under :data:`HOSTS_KEY`),
    sleeps until then, makes its request(s), and writes back ``now + delay``. Only the lease
    holder reads or writes a host's time, so there is no race; the metadata store answers a
    host never seen with a default instead of blocking, as a ``distributed.Variable`` would.
    The delay counts from the end of the turn, not its start: a turn may hold more than one
    request (a retry after a 503, a redirect on the same host, robots.txt being refreshed),
    and the fetcher does not say when the last of them started. That is stricter than the
    one-process ``scrape`` (which counts from request start) by one download time per page.
    A worker that dies in a turn keeps the lease until the scheduler's lease timeout
    (``distributed.scheduler.locks.lease-timeout``, 30 s by default) frees it: more polite,
    not less. Wall-clock times assume the cluster's machines keep their clocks in step (NTP).

    Limits: a turn is taken on the host of the URL asked for; a redirect to another host is
    followed inside that turn and paced by the fetcher of the worker that follows it (per
    process), not across the cluster. The scheduler keeps one semaphore and one time per host
    for as long as it runs (small: a name and a number).
    """

    def __init__(self) -> None:
        self._semaphores: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def here(cls) -> HostGate | None:
        """This worker process's gate, or None outside a Dask worker (a one-process scheduler:
        the fetcher's own per-host pacing, at one request per host, holds there)."""
        try:
            distributed.get_worker()
        except ValueError:
            return None
        with _gate_lock:
            global _gate
            if _gate is None:
                _gate = cls()
            return _gate

    def _semaphore(self, host: str) -> Any:
        with self._lock:
            semaphore = self._semaphores.get(host)
            if semaphore is None:
                name = SEMAPHORE_PREFIX + host
                semaphore = distributed.Semaphore(max_leases=1, name=name)  # type: ignore[no-untyped-call]  # untyped
                self._semaphores[host] = semaphore
                while len(self._semaphores) > MAX_SEMAPHORES:
                    self._semaphores.popitem(last=False)  # a turn in progress holds its own reference
            else:
                self._semaphores.move_to_end(host)
            return semaphore

    @contextlib.contextmanager
    def turn(self, host: str, delay: float) -> Iterator[Turn]:
        """Wait for ``host``'s turn; the caller may lengthen ``Turn.delay`` before leaving."""
        semaphore = self._semaphore(host)
        semaphore.acquire()
        try:
            client = distributed.get_client()
            ready = float(client.get_metadata([HOSTS_KEY, host], default=0.0))  # type: ignore[no-untyped-call]  # untyped
            wait = ready - time.time()
            if wait > 0:
                time.sleep(wait)
            turn = Turn(delay)
            try:
                yield turn
            finally:
                client.set_metadata([HOSTS_KEY, host], time.time() + turn.delay)  # type: ignore[no-untyped-call]  # untyped
        finally:
            semaphore.release()


_gate: HostGate | None = None
_gate_lock = threading.Lock()


def _fetch_and_extract(url: str, fetcher: _PacedFetcher, gate: HostGate | None, job: _Job) -> Record:
    try:
        check_url(url)
        page = _polite_fetch(url, fetcher, gate)
    except FetchError as exc:
        return _error(url, exc)
    return _extract(page, job)


def _polite_fetch(url: str, fetcher: _PacedFetcher, gate: HostGate | None) -> Page:
    """Fetch ``url`` in the host's turns: robots.txt first in a turn of its own (once per origin
    and worker process), so that every request to a host, robots.txt too, waits its delay."""
    if gate is None:
        return fetcher.fetch(url)
    host = host_key(url)
    options = fetcher.options
    origin = origin_of(url)
    if options.respect_robots and origin not in fetcher.robots_read:
        with gate.turn(host, options.delay) as turn:
            try:
                turn.delay = fetcher.pacing_delay(url)
            except RobotsDisallowed:
                fetcher.robots_read.add(origin)  # read, and it says no: the page turn reports it
            except NetworkError:
                pass  # not cached: the page's turn asks again and reports what went wrong
            except FetchError:
                pass  # the host is paused (HostUnavailable) or the URL is bad: reported below
            else:
                fetcher.robots_read.add(origin)
    with gate.turn(host, options.delay) as turn:
        try:
            turn.delay = fetcher.pacing_delay(url)  # cached rules: no request (unless expired)
            return fetcher.fetch(url)
        except RateLimited:
            # Told to wait longer than we will: nobody in the cluster asks this host for that long.
            turn.delay = max(turn.delay, options.max_retry_after)
            raise


# ---------------------------------------------------------------- the client's side


@contextlib.contextmanager
def connect(
    scheduler: str | None = None,
    *,
    workers: int | None = None,
    threads_per_worker: int = 1,
    timeout: float = 30.0,
) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``), or of a LocalCluster of
    ``workers`` processes (default: one per CPU) started now and stopped on leaving.

    The LocalCluster listens on 127.0.0.1 only, without a dashboard, and its workers (also
    the ones its nannies restart) may start processes, so the per-page limits hold there.
    One thread per worker: extraction is CPU work; a URL job that waits on hosts may want
    more (``threads_per_worker``). The client is the default one while the block runs.
    """
    if scheduler is not None:
        with distributed.Client(scheduler, timeout=timeout) as client:  # type: ignore[no-untyped-call]  # untyped
            yield client
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise ValueError("workers must be at least 1")
    # For the whole life of the cluster: a nanny reads it whenever it (re)starts a worker.
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(  # type: ignore[no-untyped-call]  # untyped
            n_workers=count, threads_per_worker=threads_per_worker, processes=True, host="127.0.0.1",
            # No dashboard; the scheduler's plain HTTP routes (health, metrics) on loopback, any port.
            dashboard_address="127.0.0.1:0", scheduler_kwargs={"dashboard": False},
        ) as cluster,
        distributed.Client(cluster, timeout=timeout) as client,  # type: ignore[no-untyped-call]  # untyped
    ):  # fmt: skip
        yield client


def _daemonic() -> bool:
    import multiprocessing

    return multiprocessing.current_process().daemon


def daemonic_workers(client: Client) -> list[str]:
    """The addresses of the cluster's workers that are daemonic processes: there, pages are
    extracted without their time and memory limits (asked now, so that the one who starts
    the job hears it, not only the workers' logs)."""
    answers: dict[str, bool] = client.run(_daemonic)
    return sorted(address for address, daemonic in answers.items() if daemonic)


@contextlib.contextmanager
def _using(client: Client | None) -> Iterator[Client]:
    """The given client, else the default one, else a LocalCluster for the duration."""
    if client is None:
        with contextlib.suppress(ValueError):  # no default client
            client = distributed.get_client()
    if client is not None:
        yield client
        return
    with connect() as started:
        yield started


def iter_records(bag: Bag, *, client: Client | None = None) -> Iterator[Record]:
    """The bag's records, in its order, computed on the cluster (``client``; else the default
    client; else a LocalCluster started for the duration).

    At most ``2 x`` the cluster's threads (4 at least) partitions are computed ahead of the
    one being read, and each is released from the cluster once read. A partition that Dask
    gave up on (its workers kept dying: ``KilledWorker``) is, for a bag of
    :func:`read_inputs` or :func:`map_inputs`, run again one input per task, and an input
    that still fails is an ``ExtractionError`` record, so every input has its record.
    """
    plan = _PLANS.get(bag)
    with _using(client) as active:
        parts = bag.to_delayed(optimize_graph=True)  # type: ignore[no-untyped-call]  # untyped
        window = max(4, 2 * sum(active.nthreads().values()))  # type: ignore[no-untyped-call]  # untyped
        pending: list[tuple[int, Any]] = []
        try:
            for index, part in enumerate(parts):
                pending.append((index, active.compute(part)))  # type: ignore[no-untyped-call]  # untyped
                if len(pending) >= window:
                    yield from _settle(active, plan, *pending.pop(0))
            while pending:
                yield from _settle(active, plan, *pending.pop(0))
        finally:  # the reader stopped early (or failed): the partitions still under way are not wanted
            for _index, future in pending:
                future.cancel()


def _settle(client: Client, plan: tuple[_Chunk, ...] | None, index: int, future: Any) -> list[Record]:
    try:
        records: list[Record] = future.result()
    except distributed.KilledWorker as exc:
        if plan is None:
            raise
        records = _recover(client, plan[index], exc)
    finally:
        future.release()
    return records


def _recover(client: Client, chunk: _Chunk, exc: BaseException) -> list[Record]:
    """A lost partition's inputs, each in a task of its own: only an input that kills its
    worker again is lost, as an error record that says so."""
    log.warning(
        "partition of %d inputs lost (%s); running them again one per task", len(chunk.items), _one_line(exc)
    )
    futures = [
        client.submit(_run, dataclasses.replace(chunk, items=(item,)), pure=False) for item in chunk.items
    ]
    records: list[Record] = []
    for item, future in zip(chunk.items, futures, strict=True):
        try:
            records.extend(future.result())
        except distributed.KilledWorker as again:  # noqa: PERF203 - each input gets its own record
            records.append(_lost(chunk, item, again))
        finally:
            future.release()  # type: ignore[no-untyped-call]  # untyped
    return records


def _lost(chunk: _Chunk, item: str, exc: BaseException) -> ErrorRecord:
    """The record of an input whose worker died every time it was tried."""
    reason = f"the Dask worker running this input died each time it was tried ({_one_line(exc)})"
    if chunk.kind == "files":
        return ErrorRecord(Path(item).resolve().as_uri(), "ExtractionError", f"{item}: {reason}", _now())
    if chunk.kind == "call":
        return ErrorRecord(None, "ExtractionError", f"{item}: {reason}", _now())
    return ErrorRecord(item, "ExtractionError", reason, _now())


def to_jsonl(bag: Bag, path: str | os.PathLike[str], *, client: Client | None = None) -> int:
    """Write the bag's records to ``path`` as JSON Lines, in order (the file appears when
    complete); returns how many were written."""
    return _export(bag, JsonLinesExporter(path), client)


def to_parquet(bag: Bag, path: str | os.PathLike[str], *, client: Client | None = None) -> int:
    """Write the bag's records as the four Parquet tables of ``extract --format parquet``
    (:mod:`extractor.export.parquet`: ``path`` and its ``.quotes``/``.comments``/``.errors``,
    with that module's explicit schema); returns how many records were written."""
    return _export(bag, ParquetExporter(path), client)


def _export(bag: Bag, exporter: Exporter, client: Client | None) -> int:
    count = 0
    with exporter:
        for record in iter_records(bag, client=client):
            # The input a record came from keys its article_id, as in scrape's outputs.
            exporter.export_item(record, key=record.url)
            count += 1
    return count
