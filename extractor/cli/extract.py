"""The ``extract`` subcommand: saved pages (files, folders, globs, stdin) -> one record each.

Its parser, the expansion of inputs into pages, reading each page through the
fetch layer's one reader, extraction, and export. The top-level ``--json PATH``
shortcut is the same work for one page, so it lives here too.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..core.dates import parse_timestamp
from ..core.limits import ExtractionError, run_limited
from ..export import FORMATS, CsvExporter, Exporter, Record, dumps_line, get_exporter
from ..export.parquet import INSTALL_HINT, pyarrow_available
from ..export.renderings import parse_with, with_renderings
from ..extract import extract_article
from ..fetch.files import read_body, walk_folder
from ..fetch.page import DEFAULT_MAX_BYTES, FetchError
from ..jobs import in_order, progress_bar
from ..model import ErrorRecord
from .console import PROG, HelpFormatter, UsageError, ratio, stderr_printer, utf8_stdout
from .scrape import add_page_limit_options, parse_size

if TYPE_CHECKING:
    from ..dask import Client

PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".html.gz", ".htm.gz")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")

EXTRACT_EPILOG = """\
inputs:
  A file (.html, .htm, optionally .gz compressed: detected by content), a folder
  (searched recursively for *.html, *.htm, *.html.gz, *.htm.gz), a glob
  (quote it; ** recurses), or - for standard input. Inputs are processed in
  the order given, folder and glob matches in sorted order.

records:
  The page URL comes from --url, else from the page's own <link rel=canonical>
  (as canonical_url); without --url a record's "url" is null. A page that
  cannot be read or extracted becomes an error record
  {"url", "error", "message", "time"}; the message names the input. Each
  input is capped at --max-bytes, read and (for gzip) decompressed: a larger
  one is TooLarge, corrupt gzip DecodeError, binary content (an image, a PDF)
  NotHTML; the other inputs are still extracted.

output:
  jsonl (default)  one JSON object per line
  json             one JSON array of objects
  csv              OUT.csv (articles), OUT.quotes.csv, OUT.comments.csv and
                   OUT.errors.csv, joined on article_id (a hash of the
                   input path, or of the URL for stdin; one id per input);
                   to stdout only the articles table is written. Lists (authors, tags, ...) are
                   JSON array text; dates ISO 8601; UTF-8. Text cells starting
                   with = + - @ (tab, CR) get a leading ' so spreadsheets do
                   not run them (--csv-raw-formulas: as they are).
  parquet          OUT.parquet (articles), OUT.quotes.parquet, OUT.comments.parquet
                   and OUT.errors.parquet, joined on article_id as in csv, with a
                   fixed, typed schema (lists, dates as UTC timestamps plus
                   their offset, body blocks); needs --output and pyarrow
                   (pip install 'extractor[parquet]').
  markdown         each article as Markdown (headline, standfirst, body: headings,
                   lists, quotes, code, tables, images, links), rendered from the
                   record; pages separated by a line --- on stdout or in --output
                   FILE.md, or one NAME.md per input with --output DIR/ (a folder;
                   NAME is the input's name without .html/.gz). Failed pages get no
                   Markdown, only their error line on stderr.
  Files appear only when complete (written to a temporary file, then renamed).
  Without --format, an --output ending in .json, .jsonl, .csv, .parquet or .md
  picks the format.
  --with markdown,html adds body_markdown and/or body_html (the body rendered
  as Markdown, as clean HTML) after "body" in json and jsonl records; without
  it the records are as always.

examples:
  extractor extract page.html
  extractor extract page.html --url https://example.com/news/1 --format json
  extractor extract pages/ --format csv --output out.csv
  extractor extract pages/ --output out.parquet
  extractor extract pages/ --format markdown --output md/
  extractor extract page.html --with markdown,html
  extractor extract 'pages/*.html.gz' --output out.jsonl --quiet
  extractor extract /data/pages/ --engine dask --scheduler tcp://10.0.0.5:8786 -o out.jsonl
  curl -s https://example.com/news/1 | extractor extract - --url https://example.com/news/1

exit status: 0 all pages extracted, 1 some failed (the others are written), 2 usage error.
"""


@dataclass(frozen=True, slots=True)
class Source:
    """One page to extract: a file path, or ``-`` for standard input."""

    path: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


# -- input discovery ------------------------------------------------------------


def is_page_file(path: Path) -> bool:
    """The names ``extract`` takes from a folder: :data:`PAGE_SUFFIXES`, as its help says.

    Not the fetch layer's :func:`~extractor.fetch.files.is_html_name`, which also
    takes ``.xhtml``/``.shtml`` and not a file named just ``.html``: ``extract``
    keeps taking from a folder exactly what it always took.
    """
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in PAGE_SUFFIXES)


def folder_pages(folder: Path) -> list[str]:
    """Every page file under ``folder``, recursively, sorted by path as text (a stable order).

    The walk is the fetch layer's (:func:`~extractor.fetch.files.walk_folder`); the
    sort by the whole path, unlike that walk's folder-by-folder order, keeps the
    order ``extract`` has always written records in.
    """
    return sorted(str(path) for path in walk_folder(folder, is_page_file))


def expand_input(item: str) -> tuple[list[str], str | None]:
    """One command-line input -> page paths, plus a note when it expands to nothing.

    A path that does not exist is kept as is, so it becomes an error record
    ("no such file") in the output instead of silently disappearing; an
    unmatched glob is treated the same way, like a shell does.
    """
    if item == STDIN:
        return [STDIN], None
    path = Path(item)
    if path.is_dir():
        pages = folder_pages(path)
        return pages, None if pages else f"no .html/.htm(.gz) pages in folder: {item}"
    if not path.exists() and _GLOB_CHARS & set(item):
        matches = sorted(m for m in glob.glob(item, recursive=True) if not Path(m).is_dir())
        if matches:
            return matches, None
    return [item], None


def expand_inputs(items: Sequence[str]) -> tuple[list[Source], list[str]]:
    """All inputs -> sources (duplicates dropped, first occurrence kept) and notes."""
    seen: set[str] = set()
    sources: list[Source] = []
    notes: list[str] = []
    for item in items:
        paths, note = expand_input(item)
        if note:
            notes.append(note)
        for path in paths:
            if path not in seen:
                seen.add(path)
                sources.append(Source(path))
    return sources, notes


# -- one page -> one record ---------------------------------------------------------


def read_source(
    source: Source, stdin: IO[bytes] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> bytes:
    """The page's bytes through the fetch layer's one reader: capped, gzip undone within the cap
    (recognised by its magic bytes whatever the file is called), binary refused (``FetchError``)."""
    name = display_name(source)
    if source.is_stdin:
        return read_body(stdin or sys.stdin.buffer, name, max_bytes=max_bytes)
    return read_body(Path(source.path), name, max_bytes=max_bytes)


def display_name(source: Source) -> str:
    """How messages name the input: its path, or ``<stdin>``."""
    return "<stdin>" if source.is_stdin else source.path


def read_error(source: Source, url: str | None, exc: BaseException) -> ErrorRecord:
    """Map a read failure to an error record with a one-line, path-first message."""
    now = datetime.now(timezone.utc)
    name = display_name(source)
    if isinstance(exc, FetchError):  # TooLarge, DecodeError, NotHTML: the kind is the class name
        return ErrorRecord(url, exc.kind, f"{name}: {exc.reason}", now)
    if isinstance(exc, FileNotFoundError):
        return ErrorRecord(url, "NotFound", f"no such file: {name}", now)
    if isinstance(exc, IsADirectoryError):
        return ErrorRecord(url, "ReadError", f"is a folder: {name}", now)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return ErrorRecord(url, "ReadError", f"cannot read {name}: {reason}", now)


def extract_source(
    source: Source,
    url: str | None,
    fetched_at: datetime | None,
    stdin: IO[bytes] | None = None,
    *,
    comments: bool = True,
    quote_confidence: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    in_worker: bool = False,
) -> Record:
    """Read and extract one page; any failure becomes an :class:`ErrorRecord`.

    A page over ``time_limit`` (seconds) or ``memory_limit`` (MB) becomes a ``TimeLimit``
    or ``MemoryLimit`` record. ``in_worker``: extract in a worker process of the library's
    pool even without limits (so that pages extracted from several threads run in parallel)."""
    try:
        data = read_source(source, stdin, max_bytes=max_bytes)
    except (OSError, FetchError) as exc:
        return read_error(source, url, exc)
    try:
        if in_worker and not time_limit and not memory_limit:
            kwargs = {"fetched_at": fetched_at, "comments": comments, "quote_confidence": quote_confidence}
            return run_limited(extract_article, (data, url), kwargs, time_limit=None, memory_limit=None)
        return extract_article(
            data,
            url,
            fetched_at=fetched_at,
            comments=comments,
            quote_confidence=quote_confidence,
            time_limit=time_limit,
            memory_limit=memory_limit,
        )
    except Exception as exc:
        name = display_name(source)
        kind, detail = (
            (exc.kind, exc.reason) if isinstance(exc, ExtractionError)  # TimeLimit, MemoryLimit, ...
            else ("ExtractionError", f"{type(exc).__name__}: {exc}")
        )  # fmt: skip
        message = f"{name}: {detail}".splitlines()[0]
        return ErrorRecord(url, kind, message, datetime.now(timezone.utc))


# -- argument types -----------------------------------------------------------------


def parse_iso_datetime(value: str) -> datetime:
    """argparse type for --fetched-at: ISO 8601, ``Z`` accepted, naive means UTC."""
    try:
        return parse_timestamp(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {value!r}") from None


def optional_url(value: str) -> str | None:
    """An empty --url (as a harness passes for pages without one) means no URL."""
    return value.strip() or None


# Output suffixes that name a format other than their own name.
_SUFFIX_FORMATS = {"md": "markdown", "markdown": "markdown"}


def infer_format(fmt: str | None, output: str | None) -> str:
    """``--format``, else the ``--output`` suffix when it names a format, else jsonl."""
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != STDIN else ""
    suffix = _SUFFIX_FORMATS.get(suffix, suffix)
    return suffix if suffix in FORMATS else "jsonl"


# -- extract ------------------------------------------------------------------------


def add_extract_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``extract`` on the top-level parser's subparsers."""
    parser = subparsers.add_parser(
        "extract",
        help="extract article records from saved pages",
        description="Extract one record per page (headline, authors, dates, body, quotes, comments).",
        epilog=EXTRACT_EPILOG,
        formatter_class=HelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="page files, folders, quoted globs, or - for stdin"
    )
    parser.add_argument(
        "--url",
        type=optional_url,
        metavar="URL",
        help="the page's URL (only with a single input), e.g. --url https://example.com/news/1",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the --output suffix, else jsonl), e.g. --format csv",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="write here instead of stdout, atomically; for csv and parquet also PATH's "
        ".quotes/.comments/.errors tables, e.g. --output out.csv",
    )
    parser.add_argument(
        "--with",
        dest="renderings",
        type=parse_with,
        default=(),
        metavar="LIST",
        help="json/jsonl: add the body rendered as markdown (body_markdown) and/or html "
        "(body_html) to each record (default: neither; records as always), e.g. --with markdown,html",
    )
    parser.add_argument(
        "--fetched-at",
        type=parse_iso_datetime,
        metavar="ISO",
        help="when the pages were fetched; anchors relative dates like '2 hours ago' "
        "(default: now; naive means UTC), e.g. --fetched-at 2024-05-01T12:00:00Z",
    )
    parser.add_argument(
        "--no-comments",
        dest="comments",
        action="store_false",
        help="skip reader comments (no comment records; faster)",
    )
    parser.add_argument(
        "--quote-confidence",
        type=ratio,
        metavar="BAR",
        help="keep quotes whose confidence (0-1) reaches BAR: 0 keeps every quote the rules find, "
        "0.7 or 0.8 fewer and more precise ones (default: reported speech 0.6 off news copy, 0.4 "
        "in news; quotations 0.5 off news, none in news)",
    )
    parser.add_argument(
        "--csv-raw-formulas",
        dest="escape_formulas",
        action="store_false",
        help="csv: write text cells starting with = + - @ as they are (default: a leading ' so that "
        "spreadsheets show them as text instead of running them as formulas)",
    )
    parser.add_argument(
        "--max-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="largest page, as read and after gzip is undone; larger is a TooLarge error record "
        "(default: 20MB), e.g. --max-bytes 50MB",
    )
    parser.add_argument(
        "--quiet", "-q", action="store_true", help="no per-page error lines or notes on stderr"
    )
    add_page_limit_options(parser)
    parser.add_argument(
        "--workers",
        type=_positive_int,
        metavar="N",
        help="pages extracted at once, each in a worker process; the records come out in input "
        "order whatever N is (default: the number of CPUs, here "
        f"{os.cpu_count() or 1}; 1, in this process, when both page limits are 0); with "
        "--engine dask, the LocalCluster's worker processes (default: one per CPU)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where the pages are extracted: local (worker processes on this machine, the default) "
        "or dask (a Dask cluster: --scheduler's, else a LocalCluster started for the run; needs "
        "pip install 'extractor[dask]'); the records are the same, in the same order",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of a running Dask cluster, whose workers read the "
        "inputs under the names given (absolute paths on a shared file system), e.g. "
        "--scheduler tcp://10.0.0.5:8786",
    )
    parser.set_defaults(run=run_extract)


def _workers(args: argparse.Namespace) -> int:
    """--workers as given; else one per CPU, or 1 (in this process) when both limits are off."""
    if args.workers is not None:
        return int(args.workers)
    return (os.cpu_count() or 1) if args.page_time_limit or args.page_memory_limit else 1


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def check_output_path(output: str | None, *, folder: bool = False) -> None:
    """Refuse an ``--output`` that is a folder (unless ``folder``: one file per page goes into
    it) or whose folder is missing, before any page is read."""
    if output is None or output == STDIN:
        return
    path = Path(output)
    if path.is_dir() and not folder:
        raise UsageError(f"--output is a folder: {output}")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"--output folder does not exist: {path.parent}")


def is_folder_output(output: str | None) -> bool:
    """An ``--output`` that names a folder: an existing one, or a path ending in a separator."""
    if output is None or output == STDIN:
        return False
    return Path(output).is_dir() or output.endswith(("/", os.sep))


@contextlib.contextmanager
def dask_engine(
    args: argparse.Namespace, sources: Sequence[Source], say: Callable[[str], None]
) -> Iterator[Client | None]:
    """``--engine dask``: a client of the ``--scheduler``'s cluster, or of a LocalCluster of
    ``--workers`` processes, for the length of the run; None for the local engine. Refuses
    what a cluster cannot do (stdin) and a cluster it cannot reach, before any page is read,
    and says when its workers cannot hold the page limits."""
    if args.engine != "dask":
        if args.scheduler:
            raise UsageError("--scheduler needs --engine dask")
        yield None
        return
    if any(source.is_stdin for source in sources):
        raise UsageError("--engine dask: the workers read the pages themselves, so - (stdin) cannot be one")
    if args.scheduler and args.workers is not None:
        raise UsageError(
            "--workers sizes the LocalCluster of --engine dask; a --scheduler's cluster has its own"
        )
    try:
        from ..dask import connect, daemonic_workers
    except ImportError as exc:
        raise UsageError(f"--engine dask: {exc}") from None
    with contextlib.ExitStack() as stack:
        try:
            client = stack.enter_context(connect(args.scheduler, workers=args.workers))
        except OSError as exc:
            where = (
                f"reach the Dask scheduler at {args.scheduler}" if args.scheduler else "start a LocalCluster"
            )
            raise UsageError(f"--engine dask: cannot {where}: {exc}") from None
        if (args.page_time_limit or args.page_memory_limit) and daemonic_workers(client):
            say(
                "note: the Dask workers are daemonic processes, which cannot start the process a "
                "page's time and memory limits need: pages are extracted without limits (start the "
                "workers with DASK_DISTRIBUTED__WORKER__DAEMON=False)"
            )
        yield client


def check_parquet(to_stdout: bool) -> None:
    """Refuse Parquet to stdout or without pyarrow before any page is read, not after the batch."""
    if to_stdout:
        raise UsageError("--format parquet writes four files: give --output OUT.parquet")
    if not pyarrow_available():
        raise UsageError(f"--format parquet: {INSTALL_HINT}")


def run_extract(args: argparse.Namespace) -> int:
    """Expand the inputs, extract each page and export the records; the exit code (see :mod:`.console`)."""
    if args.inputs.count(STDIN) > 1:
        raise UsageError("- (stdin) can be given only once")
    sources, notes = expand_inputs(args.inputs)
    if args.url and len(sources) > 1:
        raise UsageError(f"--url needs a single input, got {len(sources)} pages")
    if not sources:
        raise UsageError("no .html/.htm(.gz) pages found in: " + " ".join(args.inputs))
    fmt = infer_format(args.format, args.output)
    folder = fmt == "markdown" and is_folder_output(args.output)
    check_output_path(args.output, folder=folder)
    if args.renderings and fmt not in ("json", "jsonl"):
        raise UsageError(f"--with adds fields to json and jsonl records, not to {fmt}")
    say = stderr_printer(args.quiet)
    for note in notes:
        say(f"note: {note}")
    to_stdout = args.output in (None, STDIN)
    if fmt == "parquet":
        check_parquet(to_stdout)
    options: dict[str, Any] = {"escape_formulas": args.escape_formulas} if fmt == "csv" else {}
    if folder:
        Path(args.output).mkdir(exist_ok=True)
        options["folder"] = True
    exporter = get_exporter(fmt, utf8_stdout() if to_stdout else args.output, **options)
    started = time.monotonic()
    bar = progress_bar(len(sources), args.quiet or len(sources) < 2, sys.stderr)
    with dask_engine(args, sources, say) as client:
        try:
            failed = export_sources(
                exporter, sources, args.url, args.fetched_at, say, comments=args.comments,
                quote_confidence=args.quote_confidence, max_bytes=args.max_bytes,
                time_limit=args.page_time_limit, memory_limit=args.page_memory_limit,
                workers=_workers(args), client=client,
                renderings=args.renderings, on_record=bar.update if bar is not None else None,
            )  # fmt: skip
        finally:
            if bar is not None:
                bar.close()
    if isinstance(exporter, CsvExporter) and exporter.articles_only and exporter.dropped_rows:
        say(
            f"note: CSV to stdout holds the articles table only; {exporter.dropped_rows} quote, comment "
            "and error rows were left out (use --output FILE.csv for all four tables)"
        )
    if len(sources) > 1 or failed:
        say(_summary(len(sources), failed, time.monotonic() - started))
    return 1 if failed else 0


def _summary(total: int, failed: int, seconds: float) -> str:
    """The one line a job of several pages ends with on stderr, like scrape's 'done:' line."""
    rate = f", {total / seconds:.1f} pages/s" if seconds > 0 else ""
    return f"done: {total - failed} ok, {failed} failed of {total} pages in {seconds:.1f}s{rate}"


def export_sources(
    exporter: Exporter,
    sources: Sequence[Source],
    url: str | None,
    fetched_at: datetime | None,
    say: Callable[[str], None],
    *,
    comments: bool = True,
    quote_confidence: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    workers: int = 1,
    client: Client | None = None,
    renderings: Sequence[str] = (),
    on_record: Callable[[], object] | None = None,
) -> int:
    """Extract and export every source, in input order; returns how many failed.

    ``workers`` > 1 extracts that many pages at once in worker processes, a Dask ``client``
    on its cluster's workers (see ``_records``); ``renderings`` (``--with``) adds the body's
    renderings to each article's JSON (:func:`with_renderings`)."""
    failed = 0
    records = _records(
        sources,
        url,
        fetched_at,
        comments,
        quote_confidence=quote_confidence,
        max_bytes=max_bytes,
        time_limit=time_limit,
        memory_limit=memory_limit,
        workers=workers,
        client=client,
    )
    with exporter:
        for source, record in zip(sources, records, strict=True):  # one record per source
            if isinstance(record, ErrorRecord):
                failed += 1
                say(f"error: {record.message}")
            exporter.export_item(
                with_renderings(record, renderings), key=None if source.is_stdin else source.path
            )
            if on_record is not None:
                on_record()  # the progress bar, when there is one
    return failed


def _records(
    sources: Sequence[Source],
    url: str | None,
    fetched_at: datetime | None,
    comments: bool = True,
    *,
    quote_confidence: float | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    workers: int = 1,
    client: Client | None = None,
) -> Iterator[Record]:
    """One record per source, in the sources' order.

    With ``workers`` > 1 (and more than one source), that many pages are read and extracted
    at once: threads read the files and hand each page to a worker process of the library's
    pool (``core.limits``), which holds the page's time and memory limits, or none when both
    are 0. At most ``2 * workers`` pages are in flight, and records are yielded in input
    order, so the output is the same as one page at a time, only sooner; a page that crashes
    or hangs its worker is an error record as before.

    With a Dask ``client``, the cluster's workers read and extract the pages (each under the
    same limits, in a process of its own) and the records come back in input order: the same
    records as here (:mod:`extractor.dask`).
    """
    if client is not None:
        from ..dask import iter_records, map_inputs

        one = partial(
            extract_path, url=url, fetched_at=fetched_at, comments=comments,
            quote_confidence=quote_confidence, max_bytes=max_bytes,
        )  # fmt: skip
        paths = [source.path for source in sources]
        bag = map_inputs(one, paths, time_limit=time_limit, memory_limit=memory_limit)
        yield from iter_records(bag, client=client)
        return
    if any(source.is_stdin for source in sources):
        workers = 1  # stdin is read once, in order: one page at a time, in this process
    extract = partial(
        extract_source, url=url, fetched_at=fetched_at, comments=comments,
        quote_confidence=quote_confidence, max_bytes=max_bytes, time_limit=time_limit,
        memory_limit=memory_limit, in_worker=workers > 1,
    )  # fmt: skip
    yield from in_order(extract, sources, workers)


def extract_path(path: str, **options: Any) -> Record:
    """:func:`extract_source` for a file named by its path: what a Dask worker is handed."""
    return extract_source(Source(path), **options)


# -- --json shortcut ----------------------------------------------------------------


def run_json_shortcut(path: str, url: str | None) -> int:
    """``--json PATH``: one page in, one JSON object out (used by the evaluation harness)."""
    record = extract_source(Source(path), url, None)
    out = utf8_stdout()
    out.write(dumps_line(record))
    out.flush()
    if isinstance(record, ErrorRecord):
        print(f"{PROG}: error: {record.message}", file=sys.stderr)
        return 1
    return 0
