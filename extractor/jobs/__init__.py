"""Jobs: many pages in, records out (sources -> fetch -> extract -> export).

- ``batch``: ``scrape()`` and ``run_job()``, the batch runner: sources (URLs, URL lists,
  sitemaps and feeds, files, WARC, stdin) fetched politely, extracted in a bounded worker
  pool, each page an ``Article`` or an ``ErrorRecord``, with progress and a summary
- ``many``: ``extract_many()``, saved pages extracted on every core, records in input
  order; ``in_order()``, the ordered parallel map it and the ``extract`` command share
- ``waiting``: URLs set aside while their host is paused, handed back after the pause

The library's entry points for many pages are ``scrape`` (fetching) and ``extract_many``
(pages on disk); the command line's ``scrape``
subcommand is a thin parser over ``ScrapeOptions`` and ``run_job``.
"""

from .batch import (
    JobSummary,
    Outcome,
    ScrapeOptions,
    checked_bar,
    count_known_inputs,
    extract_page,
    iter_outcomes,
    progress_bar,
    read_url_lines,
    run_job,
    scrape,
    url_hash,
)
from .many import extract_many, in_order
from .waiting import WaitingUrls

__all__ = [
    "JobSummary",
    "Outcome",
    "ScrapeOptions",
    "WaitingUrls",
    "checked_bar",
    "count_known_inputs",
    "extract_many",
    "extract_page",
    "in_order",
    "iter_outcomes",
    "progress_bar",
    "read_url_lines",
    "run_job",
    "scrape",
    "url_hash",
]
