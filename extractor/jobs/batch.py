"""Batch scraping: sources -> fetch -> extract -> records, lazily, with a bounded worker pool.

``scrape()`` is the library entry point (a generator of Article / ErrorRecord);
``run_job()`` adds what a long command-line job needs on top: a resumable
output (see :mod:`extractor.export.append`), a progress bar and a summary.

Memory stays flat because nothing is materialised: URL sources are read
lazily, at most ``2 * workers`` pages are in flight, and each record is
written and dropped as it completes. The only state that grows is one 8-byte
hash per URL seen, which de-duplication and resuming need, and the URLs of
hosts the circuit breaker paused, held until the pause ends.
"""

from __future__ import annotations

import hashlib
import math
import multiprocessing
import os
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Collection, Generator, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from typing import IO, Any, cast
from urllib.parse import urlsplit

from ..core.limits import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIME_LIMIT,
    ExtractionError,
    LimitedPool,
    can_start_workers,
)
from ..export import RecordWriter
from ..extract import checked_bar as checked_bar  # re-exported by jobs for the Scrapy pipeline
from ..extract import extract_article
from ..fetch.discover import UrlFilter, discover, parse_date, url_key
from ..fetch.files import iter_file_pages
from ..fetch.http import DEFAULT_USER_AGENT, HttpFetcher, HttpOptions
from ..fetch.page import DEFAULT_MAX_BYTES, FetchError, HostUnavailable, InvalidURL, Page
from ..fetch.render import (
    BrowserRenderer,
    RenderOptions,
    RenderUnavailable,
    needs_rendering,
    render_unavailable,
)
from ..fetch.stdin import read_stdin_page
from ..fetch.urls import check_url, host_key
from ..fetch.warc import iter_warc_pages
from ..model import Article, ErrorRecord
from .waiting import WaitingUrls

Record = Article | ErrorRecord
Task = str | Page | FetchError  # a URL to fetch, or a page (or failure) a local source already produced
RENDER_MODES = ("auto", "always", "never")
# On an app shell that was not rendered because the render extra or Chromium is missing: its
# record is kept (with no body), and the warning says why.
NOT_RENDERED = "app_shell_not_rendered"


@dataclass(frozen=True, slots=True)
class ScrapeOptions:
    """Every option of a scraping job; ``scrape(**options)`` and the CLI use the same names."""

    # sources (besides the positional URLs)
    urls_file: str | None = None  # one URL a line; "-" for stdin
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    warcs: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    stdin: bool = False  # one HTML page on stdin
    stdin_url: str | None = None
    # filters
    since: datetime | str | None = None
    until: datetime | str | None = None
    include: str | None = None
    exclude: str | None = None
    max_urls: int | None = None
    # HTTP
    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0
    per_host: int = 2
    connect_timeout: float = 10.0
    timeout: float = 30.0
    total_timeout: float = 120.0
    retries: int = 3
    max_redirects: int = 10
    max_retry_after: float = 120.0
    backoff: float = 0.5
    max_bytes: int = DEFAULT_MAX_BYTES
    robots: bool = True
    breaker_threshold: int = 5  # failed URLs in a row that pause a host (0: never pause)
    breaker_cooldown: float = 60.0  # first pause, doubled for each further pause in a row
    breaker_max_pauses: int = 3  # pauses in a row after which a host's URLs are left for the next run
    cache: bool = False
    cache_dir: str | None = None
    cache_ttl: float | None = None
    # execution
    workers: int = 8
    processes: int = 0  # >0: extract in this many processes (pays off when fetching is cheap)
    # per page, in a worker process that is stopped when a page goes over (0: no limit)
    page_time_limit: float = DEFAULT_TIME_LIMIT  # seconds -> TimeLimit error record
    page_memory_limit: float = DEFAULT_MEMORY_LIMIT  # MB the page may take -> MemoryLimit error record
    comments: bool = True  # False: no comment records (and no comment-detection cost)
    quote_confidence: float | None = None  # the bar of extract_article's quotes; None: its default
    skip: Collection[str] = ()  # URLs not to fetch (already done)
    # pages that need JavaScript (extractor.fetch.render, the render extra): "auto" renders a URL
    # whose static page is an app shell with no text, "always" every URL (--render), "never" none
    render: str = "auto"
    render_timeout: float = 30.0  # seconds one page may take in the browser -> RenderError
    browser: str | None = None  # Chromium executable; None: the first chromium on PATH
    render_other_hosts: bool = False  # scripts and XHRs from other hosts too (their robots.txt, pacing)

    def __post_init__(self) -> None:
        checked_bar(self.quote_confidence)
        if self.render not in RENDER_MODES:
            raise ValueError(f"render must be one of {', '.join(RENDER_MODES)}, not {self.render!r}")
        if not self.render_timeout > 0:  # no "0: no limit" here: a page in a browser must end
            raise ValueError(
                f"render_timeout must be a number of seconds above 0, not {self.render_timeout!r}"
            )

    @classmethod
    def build(cls, **options: Any) -> ScrapeOptions:
        """Like the constructor, but tolerant of lists and with a clear error for unknown names."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise TypeError(f"unknown scrape option(s): {', '.join(unknown)}")
        for name in ("sitemaps", "feeds", "warcs", "files"):
            value = options.get(name)
            if isinstance(value, str):
                options[name] = (value,)
            elif value is not None:
                options[name] = tuple(value)
        return cls(**{k: v for k, v in options.items() if v is not None or k in ("max_urls", "cache_ttl")})

    def http_options(self) -> HttpOptions:
        return HttpOptions(
            user_agent=self.user_agent,
            delay=self.delay,
            per_host=self.per_host,
            connect_timeout=self.connect_timeout,
            read_timeout=self.timeout,
            total_timeout=self.total_timeout,
            max_retries=self.retries,
            max_redirects=self.max_redirects,
            max_retry_after=self.max_retry_after,
            backoff_base=self.backoff,
            max_bytes=self.max_bytes,
            respect_robots=self.robots,
            breaker_threshold=self.breaker_threshold,
            breaker_cooldown=self.breaker_cooldown,
            breaker_max_pauses=self.breaker_max_pauses,
            cache=self.cache,
            cache_dir=self.cache_dir,
            cache_ttl=self.cache_ttl,
            pool_size=max(8, self.workers * 2),
        )

    def render_options(self) -> RenderOptions:
        return RenderOptions(
            browser=self.browser,
            timeout=self.render_timeout,
            other_hosts=self.render_other_hosts,
        )

    def url_filter(self) -> UrlFilter:
        return UrlFilter(
            since=_as_date(self.since),
            until=_as_date(self.until),
            include=re.compile(self.include) if self.include else None,
            exclude=re.compile(self.exclude) if self.exclude else None,
        )


def _as_date(value: datetime | str | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD or ISO 8601)")
    return parsed


def url_hash(url: str) -> int:
    """8-byte digest of the normalised URL: the memory cost of remembering one URL."""
    return int.from_bytes(hashlib.blake2b(url_key(url).encode("utf-8"), digest_size=8).digest(), "big")


# ---------------------------------------------------------------- sources


def read_url_lines(lines: Iterable[str]) -> Iterator[str]:
    """URLs one a line; blank lines and ``#`` comments ignored."""
    for line in lines:
        url = line.strip()
        if url and not url.startswith("#"):
            yield url


def _url_file(path: str) -> Iterator[str]:
    if path == "-":
        yield from read_url_lines(sys.stdin)
        return
    with open(path, encoding="utf-8-sig") as fh:
        yield from read_url_lines(fh)


def _discovery_starts(fetcher: HttpFetcher, starts: Iterable[str]) -> Iterator[str]:
    """A bare site address means: the sitemaps its robots.txt lists, else /sitemap.xml.

    A malformed start, or a site whose robots.txt cannot be had, is passed on as it is (or as
    its /sitemap.xml): fetching it then reports the failure as an error record.
    """
    for start in starts:
        try:
            check_url(start)
        except InvalidURL:
            yield start
            continue
        parts = urlsplit(start)
        if parts.path in ("", "/") and not parts.query:
            try:
                listed = fetcher.robots_sitemaps(start)
            except FetchError:
                listed = []
            yield from listed or [f"{parts.scheme}://{parts.netloc}/sitemap.xml"]
        else:
            yield start


@dataclass(slots=True)
class _Sources:
    """Produces the job's tasks lazily, once per normalised URL."""

    options: ScrapeOptions
    fetcher: HttpFetcher
    urls: Iterable[str]
    already: frozenset[int]  # handled by an earlier run: skipped, not "duplicates"
    seen: set[int] = field(default_factory=set)
    duplicates: int = 0
    skipped: int = 0
    discovery_errors: list[Outcome] = field(default_factory=list)
    archive_skipped: Counter[str] = field(default_factory=Counter)  # WARC captures that are not pages

    def _fresh(self, url: str) -> bool:
        digest = url_hash(url)
        if digest in self.already:
            self.skipped += 1
            return False
        if digest in self.seen:
            self.duplicates += 1
            return False
        self.seen.add(digest)
        return True

    def tasks(self) -> Iterator[Task]:
        flt = self.options.url_filter()
        count = 0
        for task in self._raw_tasks(flt):
            url = task if isinstance(task, str) else task.url
            if not isinstance(task, FetchError) and not _pattern_ok(flt, url):
                continue
            if not self._fresh(url):
                continue
            yield task
            count += 1
            if self.options.max_urls is not None and count >= self.options.max_urls:
                return

    def _raw_tasks(self, flt: UrlFilter) -> Iterator[Task]:
        opts = self.options
        yield from self.urls
        if opts.urls_file:
            yield from _url_file(opts.urls_file)
        starts = [*opts.sitemaps, *opts.feeds]
        if starts:
            entries = discover(
                _discovery_starts(self.fetcher, starts),
                lambda u: self.fetcher.fetch(u, accept=None).body,
                url_filter=flt,
                on_error=self._discovery_failed,
            )
            for entry in entries:
                yield entry.url
        if opts.files:
            yield from iter_file_pages(opts.files, max_bytes=opts.max_bytes)
        if opts.warcs:
            yield from iter_warc_pages(opts.warcs, max_bytes=opts.max_bytes, skipped=self.archive_skipped)
        if opts.stdin:
            try:
                yield read_stdin_page(opts.stdin_url, max_bytes=opts.max_bytes)
            except FetchError as exc:
                yield exc

    def _discovery_failed(self, url: str, exc: Exception) -> None:
        if not self._fresh(url):
            return  # already recorded (by an earlier run): one record per URL, always
        kind = exc.kind if isinstance(exc, FetchError) else "DiscoveryError"
        reason = exc.reason if isinstance(exc, FetchError) else str(exc)
        record = ErrorRecord(url, kind, f"discovery: {reason}", _now())
        # A sitemap on a paused host was not requested: not written, so the next run reads it.
        self.discovery_errors.append(
            Outcome(record, url, retry_in=math.inf if isinstance(exc, HostUnavailable) else None)
        )


def _pattern_ok(flt: UrlFilter, url: str) -> bool:
    if flt.include is not None and not flt.include.search(url):
        return False
    return not (flt.exclude is not None and flt.exclude.search(url))


# ---------------------------------------------------------------- work


@dataclass(slots=True, frozen=True)
class Outcome:
    """One finished task: the record plus what the summary needs to know about it."""

    record: Record
    source: str
    nbytes: int = 0
    from_cache: bool = False
    # Not None: never requested, because its host (or a redirect's) is paused for this many
    # seconds (math.inf: given up for the run); the record is a HostUnavailable error. The
    # engine tries it again after the pause; run_job does not write one still unfetched at the
    # end, so the next run tries it again.
    retry_in: float | None = None
    rendered: bool = False  # the record is the page as the browser showed it

    @property
    def unfetched(self) -> bool:
        return self.retry_in is not None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def extract_page(page: Page, comments: bool = True, quote_confidence: float | None = None) -> Article:
    """Page -> Article. Relative links resolve against where redirects ended; ``url`` stays what was asked."""
    article = extract_article(
        page.body,
        page.final_url,
        headers=page.headers,
        fetched_at=page.fetched_at,
        comments=comments,
        quote_confidence=quote_confidence,
    )
    article.url = page.url
    return article


def _error(url: str, exc: BaseException) -> ErrorRecord:
    if isinstance(exc, (FetchError, ExtractionError)):
        return ErrorRecord(url, exc.kind, exc.reason, _now())
    return ErrorRecord(url, "ExtractionError", f"{type(exc).__name__}: {exc}", _now())


def _extract(
    page: Page, extractors: Executor | None, comments: bool, quote_confidence: float | None
) -> Article:
    if extractors is not None:
        return extractors.submit(extract_page, page, comments, quote_confidence).result()
    return extract_page(page, comments, quote_confidence)


def _work(
    task: Task,
    fetcher: HttpFetcher,
    extractors: Executor | None,
    renderer: BrowserRenderer | None,
    options: ScrapeOptions,
) -> Outcome:
    """Fetch (unless the source already did), render when asked or needed, and extract; never
    raises for a page-level failure. What to extract and when to render are the job's
    ``options`` (``comments``, ``quote_confidence``, ``render``).

    Only URLs are rendered: a saved page or a WARC record is read as it was kept (its scripts
    would fetch from the live site). ``render="always"`` renders what the fetcher fetched;
    ``"auto"`` extracts the static page first and renders it only when :func:`needs_rendering`
    says so (no body text, and an app shell), so a job of ordinary pages never starts a browser.
    """
    comments, render, quote_confidence = options.comments, options.render, options.quote_confidence
    if isinstance(task, FetchError):
        return Outcome(_error(task.url, task), task.url)
    url = task if isinstance(task, str) else task.url
    rendered = False
    try:
        page = fetcher.fetch(task) if isinstance(task, str) else task
        if renderer is not None and render == "always" and isinstance(task, str):
            page = renderer.render(page)
            rendered = True
    except HostUnavailable as exc:
        return Outcome(_error(url, exc), url, retry_in=exc.retry_in)
    except FetchError as exc:
        return Outcome(_error(url, exc), url)
    try:
        article = _extract(page, extractors, comments, quote_confidence)
        if render == "auto" and isinstance(task, str) and needs_rendering(article.body, page.body):
            if renderer is None:
                article.warnings.append(NOT_RENDERED)
            else:
                page = renderer.render(page)
                rendered = True
                article = _extract(page, extractors, comments, quote_confidence)
    except Exception as exc:  # a RenderError too: the page's record, and the job goes on
        return Outcome(_error(url, exc), url, len(page.body), page.from_cache)
    return Outcome(article, url, len(page.body), page.from_cache, rendered=rendered)


def _renderer(options: ScrapeOptions, fetcher: HttpFetcher) -> BrowserRenderer | None:
    """The job's browser (started only when a page needs it), or None: rendering is off, or in
    "auto" mode the extra or Chromium is missing (shells then keep their empty record, with
    the ``app_shell_not_rendered`` warning; "always" without them never gets this far)."""
    if options.render == "never" or render_unavailable(options.browser) is not None:
        return None
    return BrowserRenderer(fetcher, options.render_options())


def _extraction_pool(options: ScrapeOptions) -> Executor | None:
    """Where pages are extracted: with a per-page limit, in worker processes that are stopped
    when a page goes over (``processes`` of them, or with 0 up to one per CPU, started only as
    extraction needs them); without, as before (in the fetch threads, or a process pool)."""
    limited = bool(options.page_time_limit or options.page_memory_limit)
    if limited and can_start_workers():
        size = options.processes or min(os.cpu_count() or 1, max(1, options.workers))
        return LimitedPool(size, time_limit=options.page_time_limit, memory_limit=options.page_memory_limit)
    if limited:
        warnings.warn("scrape() in a daemonic process (a multiprocessing.Pool worker) cannot start worker "
                      "processes: pages are extracted without time and memory limits",
                      stacklevel=3)  # fmt: skip
    return _process_pool(options.processes)


def _process_pool(processes: int) -> ProcessPoolExecutor | None:
    if processes <= 0:
        return None
    # forkserver: forking a process that already runs fetch threads is unsafe.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=processes, mp_context=ctx)


def iter_outcomes(
    urls: Iterable[str],
    options: ScrapeOptions,
    *,
    done: Collection[int] = (),
    stats: JobSummary | None = None,
) -> Generator[Outcome, None, None]:
    """The engine: a bounded window of tasks on a thread pool, outcomes yielded as they finish.

    ``done`` holds url hashes (:func:`url_hash`) already handled, e.g. read back from an output.
    A URL refused because its host is paused waits (see :mod:`extractor.jobs.waiting`) and is tried
    again when the pause ends; only a host given up for the run yields ``unfetched`` outcomes.
    Pages are rendered in one browser for the whole job (``options.render``), closed at the end
    however the job ends; ``render="always"`` without Playwright or Chromium raises
    RenderUnavailable before anything is fetched.
    """
    if options.render == "always" and (problem := render_unavailable(options.browser)) is not None:
        raise RenderUnavailable(problem)
    fetcher = HttpFetcher(options.http_options())
    renderer = _renderer(options, fetcher)
    already = frozenset(done) | {url_hash(u) for u in options.skip}
    sources = _Sources(options, fetcher, urls, already)
    extractors = _extraction_pool(options)
    workers = max(1, options.workers)
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="scrape")
    inflight: set[Future[Outcome]] = set()
    waiting = WaitingUrls()
    tasks = sources.tasks()
    more = True

    def settle(finished: Iterable[Future[Outcome]]) -> Iterator[Outcome]:
        for future in finished:
            outcome = future.result()
            if outcome.retry_in is not None and outcome.retry_in < math.inf:
                # The host is paused, not given up: ask again when it may be tried.
                waiting.park(outcome.source, time.monotonic() + outcome.retry_in)
            else:
                yield outcome

    try:
        while True:
            while len(inflight) < 2 * workers:
                task: Task | None = waiting.pop_ready(time.monotonic())
                if task is None and more:
                    task = next(tasks, None)
                    more = task is not None
                yield from _drain_discovery_errors(sources)
                if task is None:
                    break
                inflight.add(pool.submit(_work, task, fetcher, extractors, renderer, options))
            if not inflight and not waiting:
                break
            # With the window full nothing could be submitted anyway: wait for a result, not the clock.
            room = len(inflight) < 2 * workers
            timeout = waiting.seconds_to_next(time.monotonic()) if room else None
            if inflight:
                finished, inflight = wait(inflight, timeout=timeout, return_when=FIRST_COMPLETED)
                yield from settle(finished)
            elif timeout:
                time.sleep(timeout)  # only paused hosts' URLs are left: wait for the first pause to end
    finally:
        if stats is not None:
            stats.duplicates += sources.duplicates
            stats.skipped += sources.skipped
            stats.not_fetched.update(waiting.by_host())  # stopped while these waited: next run
            stats.archive_skipped.update(sources.archive_skipped)
        for future in inflight:
            future.cancel()
        pool.shutdown(wait=False, cancel_futures=True)
        if extractors is not None:
            extractors.shutdown(wait=False, cancel_futures=True)
        if renderer is not None:
            renderer.close()  # before the fetcher: the browser's requests are the fetcher's
        fetcher.close()


def scrape(urls: Iterable[str] | str | None = None, **options: Any) -> Iterator[Record]:
    """Fetch and extract pages lazily, yielding an Article or an ErrorRecord per input.

    ``urls`` is an iterable of URLs (or one URL); the other sources and every
    politeness / execution knob are keyword options with the CLI's names
    (see :class:`ScrapeOptions`). Records arrive in completion order. Safe to
    call from a thread or a process: no global state, no signal handlers.
    Stopping the iteration early cancels the pending work. A URL whose host is paused by the
    circuit breaker is fetched after the pause; if the host is given up for the run (it kept
    failing through ``breaker_max_pauses`` pauses), the URL's record is a ``HostUnavailable``
    error saying it was not requested. ``render="always"`` loads every URL in headless Chromium
    (the render extra), ``"auto"`` (the default) only app shells with no text; a page that fails
    to render is a ``RenderError`` record.
    """
    opts = ScrapeOptions.build(**options)
    url_list: Iterable[str] = [urls] if isinstance(urls, str) else (urls or ())
    for outcome in iter_outcomes(url_list, opts):
        yield outcome.record


# ---------------------------------------------------------------- command-line jobs


@dataclass(slots=True)
class JobSummary:
    ok: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    resumed: int = 0  # records already in the output from earlier runs
    skipped: int = 0  # inputs not fetched because the output already has them
    duplicates: int = 0  # inputs skipped because their URL was seen (or already written)
    bytes: int = 0
    from_cache: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    not_fetched: Counter[str] = field(default_factory=Counter)  # per host: paused, left for a rerun
    archive_skipped: Counter[str] = field(default_factory=Counter)  # WARC captures not pages, by reason
    rendered: int = 0  # records of pages rendered in the browser
    not_rendered: int = 0  # app shells left unrendered (no render extra or Chromium): empty bodies

    @property
    def done(self) -> int:
        return self.ok + sum(self.failed.values())

    @property
    def pages_per_second(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.unfetched:
            self.not_fetched[host_key(outcome.source)] += 1
        elif isinstance(outcome.record, ErrorRecord):
            self.failed[outcome.record.error] += 1
        else:
            self.ok += 1
            self.not_rendered += NOT_RENDERED in outcome.record.warnings
        self.rendered += outcome.rendered
        self.bytes += outcome.nbytes
        self.from_cache += outcome.from_cache

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "failed": dict(self.failed),
            "resumed": self.resumed,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "bytes": self.bytes,
            "from_cache": self.from_cache,
            "elapsed": round(self.elapsed, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "interrupted": self.interrupted,
            "not_fetched": dict(self.not_fetched),
            "archive_skipped": dict(self.archive_skipped),
            "rendered": self.rendered,
            "not_rendered": self.not_rendered,
        }

    def format(self) -> str:
        failed = sum(self.failed.values())
        kinds = ", ".join(f"{k} {v}" for k, v in self.failed.most_common())
        lines = [
            f"{'interrupted' if self.interrupted else 'done'}: {self.ok} ok, {failed} failed"
            + (f" ({kinds})" if kinds else ""),
            f"  {self.bytes / 1e6:.1f} MB in {self.elapsed:.1f}s, {self.pages_per_second:.1f} pages/s"
            + (f", {self.from_cache} from cache" if self.from_cache else ""),
        ]
        if self.rendered:
            lines.append(f"  {self.rendered} pages rendered in a browser")
        if self.not_rendered:
            lines.append(
                f"  {self.not_rendered} pages need JavaScript and were not rendered (no body):"
                " pip install 'extractor[render]' and Chromium (apt-get install chromium)"
            )
        if self.resumed or self.skipped or self.duplicates:
            lines.append(
                f"  {self.resumed} records already in the output ({self.skipped} inputs skipped),"
                f" {self.duplicates} duplicate inputs"
            )
        if self.not_fetched:
            hosts = ", ".join(f"{host} {n}" for host, n in self.not_fetched.most_common(5))
            more = len(self.not_fetched) - 5
            lines.append(
                f"  not fetched: {sum(self.not_fetched.values())} (host paused: {hosts}"
                + (f", {more} more hosts" if more > 0 else "")
                + "); rerun the same command to fetch them"
            )
        if self.archive_skipped:
            reasons = ", ".join(f"{k} {v}" for k, v in self.archive_skipped.most_common())
            lines.append(
                f"  {sum(self.archive_skipped.values())} archive records skipped, not pages ({reasons})"
            )
        if self.interrupted:
            lines.append("  rerun the same command to resume")
        return "\n".join(lines)


def progress_bar(total: int | None, quiet: bool, stream: IO[str]) -> Any:
    """A tqdm bar on a terminal, else None (logs and pipes stay clean): scrape's and extract's."""
    if quiet or not (hasattr(stream, "isatty") and stream.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="page", file=stream, dynamic_ncols=True, smoothing=0.1)


def count_known_inputs(urls: Collection[str], options: ScrapeOptions) -> int | None:
    """How many inputs there are, when that is cheap to know (no discovery, no archives)."""
    if options.sitemaps or options.feeds or options.warcs or options.files:
        return None
    total = len(urls)
    if options.urls_file and options.urls_file != "-":
        with open(options.urls_file, encoding="utf-8-sig") as fh:
            total += sum(1 for _ in read_url_lines(fh))
    return total + (1 if options.stdin else 0)


def run_job(
    urls: Collection[str],
    options: ScrapeOptions,
    writer: RecordWriter,
    *,
    quiet: bool = False,
    stderr: IO[str] | None = None,
) -> JobSummary:
    """Run a job into ``writer``, closing it at the end.

    Any :class:`~extractor.export.base.RecordWriter` will do; a resumable one
    (from :func:`extractor.export.append.open_output`, opened with
    ``key=url_hash``) makes the job skip the URLs already in its output.

    KeyboardInterrupt (Ctrl-C, or SIGTERM turned into it by the CLI) stops the
    job cleanly: what was written is synced, and a rerun resumes.
    """
    err = stderr if stderr is not None else sys.stderr
    summary = JobSummary(resumed=writer.resumed)
    opts = options
    total = count_known_inputs(urls, opts)
    if total is not None:
        total = max(0, total - writer.resumed)  # what is left to do, assuming the inputs did not change
    bar = progress_bar(total, quiet, err)
    started = time.monotonic()
    # The writer's ``done`` set holds url hashes (it was opened with key=url_hash).
    done = cast("Collection[int]", writer.done)
    outcomes = iter_outcomes(urls, opts, done=done, stats=summary)
    try:
        for outcome in outcomes:
            if not outcome.unfetched:  # never requested: left out, so a rerun tries it
                writer.write(outcome.record, source=outcome.source)
            summary.add(outcome)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(ok=summary.ok, failed=sum(summary.failed.values()), refresh=False)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        outcomes.close()
        writer.close()
        summary.elapsed = time.monotonic() - started
        if bar is not None:
            bar.close()
    return summary


def _drain_discovery_errors(sources: _Sources) -> Iterator[Outcome]:
    while sources.discovery_errors:
        yield sources.discovery_errors.pop()
