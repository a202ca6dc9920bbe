"""Many saved pages in, records out in input order, on every core: ``extract_many``.

Why a module of its own: the command line's ``extract`` and library users share the one
way of running pages in parallel and keeping their order (``in_order``); ``scrape`` (the
batch runner in ``batch``) is for fetching, with per-host politeness, and is not needed for
pages already on disk.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from typing import TypeVar

from ..core.limits import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, ExtractionError, run_limited
from ..extract import extract_article
from ..fetch.files import iter_paths, read_page
from ..fetch.page import DEFAULT_MAX_BYTES, FetchError
from ..model import Article, ErrorRecord

__all__ = ["extract_many", "in_order"]

T = TypeVar("T")
R = TypeVar("R")


def in_order(fn: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[R]:
    """``fn(item)`` for every item, ``workers`` at a time in threads, results in input order.

    At most ``2 * workers`` items are in flight, so a long input is never all in memory;
    ``fn`` should not raise (a job turns each failure into an error record). Threads suit
    callers whose ``fn`` waits: on files, and on worker processes doing the extraction.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    window = 2 * workers
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="in-order") as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def extract_many(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    fetched_at: datetime | None = None,
    comments: bool = True,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    memory_limit: float | None = DEFAULT_MEMORY_LIMIT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | ErrorRecord]:
    """One record per saved page (files, folders searched for .html/.htm(.gz)), in input order.

    ``workers`` pages (default: one per CPU) are extracted at once, each in a worker process
    under ``time_limit`` seconds and ``memory_limit`` MB (None or 0: no limit); the records
    are the same, in the same order, whatever ``workers`` is. A page that cannot be read, or
    that fails, crashes or hangs its worker, is an :class:`ErrorRecord` and the rest go on.
    A record's ``url`` is the file's ``file:`` URL (or the URL in a ``.url`` file beside the
    page, see ``fetch.files``); ``fetched_at`` defaults to each file's modification time.
    """
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise ValueError("workers must be at least 1")

    def one(path: os.PathLike[str]) -> Article | ErrorRecord:
        return _extract_file(path, fetched_at, comments, time_limit, memory_limit, max_bytes, count > 1)

    yield from in_order(one, iter_paths(inputs), count)


def _extract_file(
    path: os.PathLike[str],
    fetched_at: datetime | None,
    comments: bool,
    time_limit: float | None,
    memory_limit: float | None,
    max_bytes: int,
    in_worker: bool,
) -> Article | ErrorRecord:
    name = os.fspath(path)
    try:
        page = read_page(path, max_bytes=max_bytes)
    except FetchError as exc:
        return ErrorRecord(name, exc.kind, exc.reason, datetime.now(timezone.utc))
    when = fetched_at or page.fetched_at
    try:
        if time_limit or memory_limit or in_worker:
            kwargs = {"headers": page.headers, "fetched_at": when, "comments": comments}
            article: Article = run_limited(
                extract_article, (page.body, page.final_url), kwargs, time_limit=time_limit or None,
                memory_limit=memory_limit or None,
            )  # fmt: skip
        else:
            article = extract_article(
                page.body, page.final_url, headers=page.headers, fetched_at=when, comments=comments
            )
    except ExtractionError as exc:
        return ErrorRecord(page.url, exc.kind, f"{name}: {exc.reason}", datetime.now(timezone.utc))
    except Exception as exc:
        detail = f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]
        return ErrorRecord(page.url, "ExtractionError", detail, datetime.now(timezone.utc))
    article.url = page.url
    return article
