"""The ``extractor`` command line: argument parsing and wiring, nothing else.

Each subcommand is a pair ``add_<name>_parser(subparsers)`` /
``run_<name>(args) -> int``, registered in :data:`SUBCOMMANDS`; adding one
(``scrape``, ``fixtures``) means writing that pair and listing it there.

Exit codes: 0 every page extracted, 1 some pages failed (the others are still
written) or the output could not be written, 2 usage error.
"""

from __future__ import annotations

import argparse
import glob
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from .. import __version__
from ..core.limits import ExtractionError
from ..export import FORMATS, CsvExporter, Exporter, get_exporter
from ..export.base import Record, dumps_record
from ..extract import extract_article
from ..fetch.files import read_body
from ..fetch.page import DEFAULT_MAX_BYTES, FetchError
from ..model import ErrorRecord
from .demo import add_demo_parser
from .fixtures import add_fixtures_parser
from .scrape import add_page_limit_options, add_scrape_parser, parse_size

PROG = "extractor"
PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".html.gz", ".htm.gz")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")

MAIN_EPILOG = """\
commands:
  extract     extract article records from saved pages (run `extractor extract --help`)

shortcut:
  --json PATH [--url URL]
              extract one page and print its record as a single JSON object;
              PATH may be - for stdin. Exit 1 (and an error object) if it fails.

examples:
  extractor extract page.html
  extractor extract pages/ --format csv --output out.csv
  extractor --json page.html --url https://example.com/news/1
  python -m extractor extract 'pages/**/*.html.gz' --output out.jsonl
"""

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
  Files appear only when complete (written to a temporary file, then renamed).
  Without --format, an --output ending in .json, .jsonl or .csv picks the format.

examples:
  extractor extract page.html
  extractor extract page.html --url https://example.com/news/1 --format json
  extractor extract pages/ --format csv --output out.csv
  extractor extract 'pages/*.html.gz' --output out.jsonl --quiet
  curl -s https://example.com/news/1 | extractor extract - --url https://example.com/news/1

exit status: 0 all pages extracted, 1 some failed (the others are written), 2 usage error.
"""


class UsageError(Exception):
    """A problem with the command line found after parsing; reported with exit code 2."""


@dataclass(frozen=True, slots=True)
class Source:
    """One page to extract: a file path, or ``-`` for standard input."""

    path: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


# -- input discovery ------------------------------------------------------------


def is_page_file(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in PAGE_SUFFIXES)


def folder_pages(folder: Path) -> list[str]:
    """Every page file under ``folder``, recursively, in a stable sorted order.

    ``os.walk`` (not ``rglob``) because it does not follow symlinked folders,
    so a link loop cannot make the walk endless.
    """
    found: list[str] = []
    for dirpath, _dirnames, filenames in os.walk(folder):
        found.extend(str(Path(dirpath) / name) for name in filenames if is_page_file(Path(name)))
    return sorted(found)


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


def read_source(source: Source, stdin: IO[bytes] | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The page's bytes through the fetch layer's one reader: capped, gzip undone within the cap
    (recognised by its magic bytes whatever the file is called), binary refused (``FetchError``)."""
    name = _display_name(source)
    if source.is_stdin:
        return read_body(stdin or sys.stdin.buffer, name, max_bytes=max_bytes)
    return read_body(Path(source.path), name, max_bytes=max_bytes)


def _display_name(source: Source) -> str:
    return "<stdin>" if source.is_stdin else source.path


def read_error(source: Source, url: str | None, exc: BaseException) -> ErrorRecord:
    """Map a read failure to an error record with a one-line, path-first message."""
    now = datetime.now(timezone.utc)
    name = _display_name(source)
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
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
) -> Record:
    """Read and extract one page; any failure becomes an :class:`ErrorRecord`.

    A page over ``time_limit`` (seconds) or ``memory_limit`` (MB) becomes a ``TimeLimit``
    or ``MemoryLimit`` record."""
    try:
        data = read_source(source, stdin, max_bytes=max_bytes)
    except (OSError, FetchError) as exc:
        return read_error(source, url, exc)
    try:
        return extract_article(
            data, url, fetched_at=fetched_at, comments=comments, time_limit=time_limit, memory_limit=memory_limit
        )
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        name = _display_name(source)
        kind, detail = (
            (exc.kind, exc.reason) if isinstance(exc, ExtractionError)  # TimeLimit, MemoryLimit, ...
            else ("ExtractionError", f"{type(exc).__name__}: {exc}")
        )  # fmt: skip
        message = f"{name}: {detail}".splitlines()[0]
        return ErrorRecord(url, kind, message, datetime.now(timezone.utc))


# -- argument types -----------------------------------------------------------------


def parse_iso_datetime(value: str) -> datetime:
    """argparse type for --fetched-at: ISO 8601, ``Z`` accepted, naive means UTC."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def optional_url(value: str) -> str | None:
    """An empty --url (as a harness passes for pages without one) means no URL."""
    return value.strip() or None


def infer_format(fmt: str | None, output: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".") if output and output != STDIN else ""
    return suffix if suffix in FORMATS else "jsonl"


# -- extract ------------------------------------------------------------------------


def add_extract_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract article records from saved pages",
        description="Extract one record per page (headline, authors, dates, body, quotes, comments).",
        epilog=EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
        help="write here instead of stdout, atomically; for csv also PATH's .quotes/.comments/.errors "
        "tables, e.g. --output out.csv",
    )
    parser.add_argument(
        "--fetched-at",
        type=parse_iso_datetime,
        metavar="ISO",
        help="when the pages were fetched; anchors relative dates like '2 hours ago' "
        "(default: now; naive means UTC), e.g. --fetched-at 2024-05-01T12:00:00Z",
    )
    parser.add_argument(
        "--no-comments", dest="comments", action="store_false",
        help="skip reader comments (no comment records; faster)",
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
    parser.set_defaults(run=run_extract)


def check_output_path(output: str | None) -> None:
    if output is None or output == STDIN:
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"--output is a folder: {output}")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"--output folder does not exist: {path.parent}")


def run_extract(args: argparse.Namespace) -> int:
    if args.inputs.count(STDIN) > 1:
        raise UsageError("- (stdin) can be given only once")
    sources, notes = expand_inputs(args.inputs)
    if args.url and len(sources) > 1:
        raise UsageError(f"--url needs a single input, got {len(sources)} pages")
    if not sources:
        raise UsageError("no .html/.htm(.gz) pages found in: " + " ".join(args.inputs))
    check_output_path(args.output)
    say = _stderr_printer(args.quiet)
    for note in notes:
        say(f"note: {note}")
    to_stdout = args.output in (None, STDIN)
    fmt = infer_format(args.format, args.output)
    options = {"escape_formulas": args.escape_formulas} if fmt == "csv" else {}
    exporter = get_exporter(fmt, _stdout() if to_stdout else args.output, **options)
    failed = export_sources(
        exporter, sources, args.url, args.fetched_at, say, comments=args.comments, max_bytes=args.max_bytes,
        time_limit=args.page_time_limit, memory_limit=args.page_memory_limit,
    )  # fmt: skip
    if isinstance(exporter, CsvExporter) and exporter.articles_only and exporter.dropped_rows:
        say(
            f"note: CSV to stdout holds the articles table only; {exporter.dropped_rows} quote, comment "
            "and error rows were left out (use --output FILE.csv for all four tables)"
        )
    if failed:
        say(f"{failed} of {len(sources)} pages failed")
    return 1 if failed else 0


def export_sources(
    exporter: Exporter,
    sources: Sequence[Source],
    url: str | None,
    fetched_at: datetime | None,
    say: Callable[[str], None],
    *,
    comments: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
) -> int:
    """Extract and export every source, one at a time; returns how many failed."""
    failed = 0
    records = _records(
        sources, url, fetched_at, comments, max_bytes=max_bytes, time_limit=time_limit, memory_limit=memory_limit
    )
    with exporter:
        for source, record in zip(sources, records):
            if isinstance(record, ErrorRecord):
                failed += 1
                say(f"error: {record.message}")
            exporter.export_item(record, key=None if source.is_stdin else source.path)
    return failed


def _records(
    sources: Sequence[Source],
    url: str | None,
    fetched_at: datetime | None,
    comments: bool = True,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_limit: float | None = None,
    memory_limit: float | None = None,
) -> Iterator[Record]:
    for source in sources:
        yield extract_source(
            source, url, fetched_at, comments=comments, max_bytes=max_bytes, time_limit=time_limit,
            memory_limit=memory_limit,
        )  # fmt: skip


# -- --json shortcut ----------------------------------------------------------------


def run_json_shortcut(path: str, url: str | None) -> int:
    """``--json PATH``: one page in, one JSON object out (used by the evaluation harness)."""
    record = extract_source(Source(path), url, None)
    out = _stdout()
    out.write(dumps_record(record))
    out.write("\n")
    out.flush()
    if isinstance(record, ErrorRecord):
        print(f"{PROG}: error: {record.message}", file=sys.stderr)
        return 1
    return 0


# -- main ---------------------------------------------------------------------------

SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    add_extract_parser,
    add_scrape_parser,
    add_fixtures_parser,
    add_demo_parser,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract structured records (text, metadata, quotes, comments) from news and "
        "article pages.",
        epilog=MAIN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,  # later subcommands add flags; abbreviations would silently change meaning
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--json",
        metavar="PATH",
        dest="json_path",
        help="extract one page (a file or - for stdin) and print one JSON object, e.g. --json page.html",
    )
    parser.add_argument(
        "--url",
        dest="json_url",
        type=optional_url,
        metavar="URL",
        help="the page URL for --json, e.g. --url https://example.com/news/1",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``extractor``, ``python -m extractor`` and ``python cli.py``."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.json_path is not None:
            if args.command is not None:
                raise UsageError("--json cannot be combined with a command")
            return run_json_shortcut(args.json_path, args.json_url)
        if args.json_url is not None:
            raise UsageError("--url before the command is only for --json; put it after the command")
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        return int(args.run(args))
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `| head`: the reader left; stop quietly like other Unix tools
        _silence_stdout()
        return 1
    except OSError as exc:  # the output could not be written; nothing partial was left behind
        print(f"{PROG}: error: cannot write output: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; no output written", file=sys.stderr)
        return 130


def _stderr_printer(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            print(f"{PROG}: {message}", file=sys.stderr)

    return say


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _stdout() -> IO[str]:
    """stdout as UTF-8 text whatever the locale, since records are UTF-8 by contract."""
    stream = sys.stdout
    if getattr(stream, "encoding", "utf-8").lower().replace("-", "") != "utf8":
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    return stream


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
