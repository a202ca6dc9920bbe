"""The ``scrape`` subcommand: argument parsing only; the work is in :mod:`extractor.jobs.batch`.

    python cli.py scrape --urls FILE --format jsonl --output OUT --delay 0

Rerunning the same command with the same output resumes the job.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from ..core.limits import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT
from ..export import OutputLocked, open_output
from ..export.renderings import RenderingWriter, parse_with
from ..fetch.http import DEFAULT_USER_AGENT
from ..fetch.render import render_unavailable
from ..jobs import ScrapeOptions, run_job, url_hash
from .console import HelpFormatter, ratio

# The CLI-wide convention (extractor/cli/console.py): 0 all pages ok, 1 some failed (still recorded), 2 usage.
# 3: the job ended with URLs not fetched (their host stayed paused); they are not in the output,
# so rerunning the same command fetches them.
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOT_FETCHED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def parse_size(text: str) -> int:
    """``20MB``, ``512k``, ``1000000`` -> bytes."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    value = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = units.get(value[-1:], 1)
    number = value[:-1] if value[-1:] in units else value
    try:
        return int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}") from None


def _non_negative(unit: str) -> Any:
    """argparse type: a number >= 0 of ``unit`` (0 turns the limit off)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not value >= 0 or value == float("inf"):
            raise argparse.ArgumentTypeError(f"not a number of {unit} (0: no limit): {text!r}")
        return value

    return parse


def add_page_limit_options(group: Any) -> None:
    """``--page-time-limit`` / ``--page-memory-limit``, shared by ``extract`` and ``scrape``."""
    group.add_argument(
        "--page-time-limit", type=_non_negative("seconds"), default=DEFAULT_TIME_LIMIT, metavar="S",
        help="seconds one page's extraction may take; a page over it is stopped and becomes a TimeLimit "
        "error record, and the job goes on (0: no limit; default: %(default)g)",
    )  # fmt: skip
    group.add_argument(
        "--page-memory-limit", type=_non_negative("MB"), default=DEFAULT_MEMORY_LIMIT, metavar="MB",
        help="MB of memory one page's extraction may take (Linux); a page over it becomes a MemoryLimit "
        "error record, and the job goes on (0: no limit; default: %(default)g)",
    )  # fmt: skip


_EXAMPLES = """examples:
  extractor scrape --urls urls.txt --format jsonl --output out.jsonl --delay 0
  extractor scrape https://news.example/a https://news.example/b -o out.jsonl
  extractor scrape --sitemap https://news.example/sitemap.xml --since 2024-01-01 -o out.jsonl
  extractor scrape --feed https://news.example/rss --include '/2024/' --max-urls 500 -o out.csv --format csv
  extractor scrape --warc crawl.warc.gz -o out.jsonl
  extractor scrape --urls urls.txt -o out.jsonl --cache --user-agent 'mybot/1.0 (me@example.org)'
  extractor scrape https://app.example/story --render -o out.jsonl   # through headless Chromium

Every line of the output (article or error record) carries the requested URL in "url".
An error record is {"url", "error", "message", "time"}; the job goes on. Interrupted
(Ctrl-C, kill), the same command resumes: pages already written are skipped.
A host whose URLs keep failing (--host-failures in a row) is paused and its other URLs are
fetched after the pause; a host still failing after --host-pauses pauses is left for the next
run: its URLs are not written, the summary says "not fetched", and a rerun fetches them.
Exit status: 0 all pages ok, 1 some pages failed (each has an error record), 2 usage,
3 some URLs not fetched (host paused; rerun to fetch them), 130 stopped.
Pages that need JavaScript (pip install 'extractor[render]' and Chromium): an app shell with
no text (an empty <div id="root"> and a script bundle, a <noscript> asking for JavaScript) is
rendered in headless Chromium on its own; --render renders every URL, --no-render none."""


def add_scrape_parser(subparsers: Any) -> None:
    """Register ``scrape`` on an ``argparse`` subparsers object."""
    p = subparsers.add_parser(
        "scrape",
        help="fetch and extract many pages into JSON Lines or CSV (resumable)",
        description="Fetch pages (URLs, a URL file, sitemaps, feeds, folders, WARC files, stdin), extract "
        "articles, and append records to OUTPUT as they finish. Rerun the same command to resume.",
        epilog=_EXAMPLES,
        formatter_class=HelpFormatter,
    )
    src = p.add_argument_group("sources")
    src.add_argument("inputs", nargs="*", metavar="URL", help="page URLs")
    src.add_argument("--urls", dest="urls_file", metavar="FILE", help="file with one URL a line ('-': stdin)")
    src.add_argument(
        "--sitemap",
        dest="sitemaps",
        action="append",
        default=[],
        metavar="URL",
        help="sitemap or sitemap index (gzip ok); a bare site URL uses its robots.txt sitemaps",
    )
    src.add_argument("--feed", dest="feeds", action="append", default=[], metavar="URL", help="RSS/Atom feed")
    src.add_argument(
        "--warc", dest="warcs", action="append", default=[], metavar="FILE", help="WARC/ARC file"
    )
    src.add_argument("--files", action="append", default=[], metavar="PATH", help="saved HTML file or folder")
    src.add_argument("--stdin", action="store_true", help="read one HTML page from stdin")
    src.add_argument("--stdin-url", metavar="URL", help="the address of the page given on stdin")

    flt = p.add_argument_group("filters (sitemaps and feeds; patterns apply to every URL)")
    flt.add_argument("--since", metavar="DATE", help="only entries dated on/after DATE (YYYY-MM-DD)")
    flt.add_argument("--until", metavar="DATE", help="only entries dated on/before DATE")
    flt.add_argument("--include", metavar="REGEX", help="only URLs matching REGEX")
    flt.add_argument("--exclude", metavar="REGEX", help="skip URLs matching REGEX")
    flt.add_argument("--max-urls", type=int, metavar="N", help="stop after N inputs")

    out = p.add_argument_group("output")
    out.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                     help="jsonl (default), or csv: OUT plus .quotes/.comments/.errors tables")  # fmt: skip
    out.add_argument(
        "--output", "-o", default="-", metavar="OUT", help="output file ('-': stdout, no resume)"
    )
    out.add_argument("--overwrite", action="store_true", help="start OUT afresh instead of resuming")
    out.add_argument("--retry-errors", action="store_true", help="on resume, retry URLs that failed before")
    out.add_argument("--csv-raw-formulas", dest="escape_formulas", action="store_false",
                     help="csv: text cells starting with = + - @ as they are "
                          "(default: a leading ')")  # fmt: skip
    out.add_argument(
        "--with",
        dest="renderings",
        type=parse_with,
        default=(),
        metavar="LIST",
        help="jsonl: add the body rendered as markdown (body_markdown) and/or html (body_html) to "
        "each record (default: neither; records as always), e.g. --with markdown,html",
    )
    out.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")

    net = p.add_argument_group("HTTP")
    net.add_argument("--user-agent", default=DEFAULT_USER_AGENT, help="identify yourself (add a contact)")
    net.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="S",
        help="seconds between requests to one host (robots.txt Crawl-delay may raise it)",
    )
    net.add_argument("--per-host", type=int, default=2, metavar="N", help="concurrent requests per host")
    net.add_argument("--workers", type=int, default=8, metavar="N", help="fetch threads")
    net.add_argument(
        "--processes", type=int, default=0, metavar="N",
        help="extraction processes "
             "(0: with a page limit, up to one per CPU; without, in the fetch threads)",
    )  # fmt: skip
    net.add_argument("--no-comments", dest="comments", action="store_false",
                     help="skip reader comments (no comment records; faster)")  # fmt: skip
    net.add_argument("--quote-confidence", type=ratio, metavar="BAR",
                     help="keep quotes whose confidence (0-1) reaches BAR (0: every quote; "
                          "default: reported speech 0.6 off news copy, 0.4 in news; "
                          "quotations 0.5 off news, none in news)")  # fmt: skip
    net.add_argument("--timeout", type=float, default=30.0, metavar="S", help="read timeout")
    net.add_argument("--connect-timeout", type=float, default=10.0, metavar="S",
                     help="seconds to wait for a connection (default: %(default)s)")  # fmt: skip
    net.add_argument("--retries", type=int, default=3, metavar="N", help="retries on 429/5xx/network errors")
    net.add_argument("--max-redirects", type=int, default=10, metavar="N",
                     help="redirects per page, counted apart from retries "
                          "(default: %(default)s)")  # fmt: skip
    net.add_argument(
        "--max-retry-after",
        type=float,
        default=120.0,
        metavar="S",
        help="longest Retry-After to wait; longer fails with RateLimited",
    )
    net.add_argument(
        "--max-bytes", type=parse_size, default=parse_size("20MB"), metavar="SIZE", help="body size cap"
    )
    net.add_argument("--host-failures", dest="breaker_threshold", type=int, default=5, metavar="N",
                     help="pause a host after N of its URLs failed in a row, retries spent"
                     " (0: never pause; default: %(default)s)")  # fmt: skip
    net.add_argument("--host-cooldown", dest="breaker_cooldown", type=float, default=60.0, metavar="S",
                     help="first pause of a failing host, doubled for each further pause in a row;"
                     " its URLs are fetched after the pause (default: %(default)s)")  # fmt: skip
    net.add_argument("--host-pauses", dest="breaker_max_pauses", type=int, default=3, metavar="N",
                     help="after N pauses in a row, leave the host's URLs for the next run"
                     " (default: %(default)s)")  # fmt: skip
    net.add_argument("--ignore-robots", dest="robots", action="store_false", help="do not obey robots.txt")
    net.add_argument("--cache", action="store_true", help="use the on-disk HTTP cache")
    net.add_argument("--cache-dir", metavar="DIR", help="cache folder (implies --cache)")
    net.add_argument(
        "--cache-ttl", type=float, metavar="S", help="reuse cached pages this long without asking"
    )
    ren = p.add_argument_group(
        "pages that need JavaScript (pip install 'extractor[render]' and Chromium: apt-get install chromium)"
    )
    mode = ren.add_mutually_exclusive_group()
    mode.add_argument("--render", dest="render", action="store_const", const="always", default="auto",
                      help="load every URL in headless Chromium and extract what its scripts wrote (default: "
                      "only pages whose static HTML has no text and is an app shell)")  # fmt: skip
    mode.add_argument("--no-render", dest="render", action="store_const", const="never",
                      help="never start a browser, not even for app shells")  # fmt: skip
    ren.add_argument("--render-timeout", type=float, default=30.0, metavar="S",
                     help="seconds one page may take in the browser (loading, its scripts, their requests);"
                     " a page over it becomes a RenderError record (default: %(default)g)")  # fmt: skip
    ren.add_argument("--browser", metavar="PATH",
                     help="Chromium executable (default: the first of chromium, chromium-browser, "
                     "chromium-headless-shell, google-chrome on PATH)")  # fmt: skip
    ren.add_argument("--render-other-hosts", action="store_true",
                     help="let pages load scripts and data from other hosts (a CDN), each under its own "
                     "robots.txt and delay (default: the page's host only)")  # fmt: skip
    add_page_limit_options(p.add_argument_group("limits per page (extraction)"))
    p.set_defaults(func=run_scrape, run=run_scrape)  # extractor.cli.main dispatches on ``run``


def options_from_args(args: argparse.Namespace) -> ScrapeOptions:
    names = {
        "urls_file", "sitemaps", "feeds", "warcs", "files", "stdin", "stdin_url", "since", "until", "include",
        "exclude", "max_urls", "user_agent", "delay", "per_host", "workers", "processes", "timeout",
        "connect_timeout", "retries", "max_redirects", "max_retry_after", "max_bytes", "robots", "cache",
        "cache_dir", "cache_ttl", "comments", "quote_confidence", "breaker_threshold", "breaker_cooldown",
        "breaker_max_pauses", "page_time_limit", "page_memory_limit", "render", "render_timeout", "browser",
        "render_other_hosts",
    }  # fmt: skip
    values = {name: getattr(args, name) for name in names if hasattr(args, name)}
    if values.get("cache_dir"):
        values["cache"] = True
    return ScrapeOptions.build(**values)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """``kill`` ends the job like Ctrl-C: synced output, summary, resumable."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_scrape(args: argparse.Namespace) -> int:
    """Run the job described by ``args``: 0 all ok, 1 some pages failed (each has an error record),
    3 some URLs not fetched (host paused; a rerun fetches them), 130 stopped."""
    try:
        options = options_from_args(args)
    except (TypeError, ValueError) as exc:
        print(f"scrape: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not (args.inputs or options.urls_file or options.sitemaps or options.feeds or options.warcs
            or options.files or options.stdin):  # fmt: skip
        print(
            "scrape: give URLs, --urls FILE, --sitemap, --feed, --warc, --files or --stdin", file=sys.stderr
        )
        return EXIT_USAGE
    if options.urls_file and options.urls_file != "-" and not Path(options.urls_file).is_file():
        # Checked before the output is opened: a typo in the list's name must not leave an
        # empty output file behind, nor read as a problem with the output.
        what = "is not a file" if Path(options.urls_file).exists() else "not found"
        print(f"scrape: --urls file {what}: {options.urls_file}", file=sys.stderr)
        return EXIT_USAGE
    if options.render == "always" and (problem := render_unavailable(options.browser)) is not None:
        # Before the output is opened: one clear line, not one RenderError record per page.
        print(f"scrape: --render: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.renderings and args.format != "jsonl":
        print(f"scrape: --with adds fields to jsonl records, not to {args.format}", file=sys.stderr)
        return EXIT_USAGE
    return run_scrape_job(
        args.inputs, options, args.output, args.format, overwrite=args.overwrite,
        retry_errors=args.retry_errors, escape_formulas=args.escape_formulas, quiet=args.quiet,
        renderings=args.renderings,
    )  # fmt: skip


def run_scrape_job(
    urls: Collection[str],
    options: ScrapeOptions,
    output: str,
    fmt: str,
    *,
    overwrite: bool = False,
    retry_errors: bool = False,
    escape_formulas: bool = True,
    quiet: bool = False,
    renderings: Sequence[str] = (),
) -> int:
    """Run one job into ``output`` (``-``: stdout) and print its summary: what ``scrape`` does once its
    options are checked, and what ``demo`` runs on its local pages. The exit code as :func:`run_scrape`."""
    target = sys.stdout if output == "-" else output
    try:
        writer = open_output(fmt, target, resume=not overwrite, retry_errors=retry_errors,
                             key=url_hash, escape_formulas=escape_formulas)  # fmt: skip
    except (OutputLocked, ValueError, OSError) as exc:
        print(f"scrape: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if renderings:
        writer = RenderingWriter(writer, renderings)
    with _sigterm_as_interrupt():
        summary = run_job(urls, options, writer, quiet=quiet)
    if not quiet:
        print(summary.format(), file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    if summary.not_fetched:
        return EXIT_NOT_FETCHED
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK
