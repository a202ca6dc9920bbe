"""The ``fixtures`` subcommand: save pages as regression fixtures, and check them.

    extractor fixtures record URL... --dir fixtures/
    extractor fixtures record --from-file page.html --url URL --dir fixtures/
    extractor fixtures check [NAME...] [--dir fixtures/] [--threshold 0.95] [--update]

A team that scrapes the same sites every day records a few pages per site
once, reviews the expected records, and runs ``check`` after every code or
site change: a failing field is named with its diff, and the exit status tells
CI. The on-disk format is documented in ``fixtures/README.md``; the work is in
:mod:`extractor.fixtures`, this module only parses arguments and prints.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from ..core.dates import parse_timestamp
from ..fixtures import (
    EXPECTED_FILE,
    FixtureResult,
    fixture_dirs,
    fixture_slug,
    format_result,
    load_fixture,
    named_folder,
    read_expected,
    record_fixture,
    run_fixture,
    summary_table,
    unique_folder,
    updated_expected,
    write_json,
)
from .console import HelpFormatter, ratio

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DIR = "fixtures"
RECORD_SOURCE = "Recorded with `extractor fixtures record` from {where}; describe the markup pattern here."

CHECK_EPILOG = """\
comparison:
  Only the fields in each expected.json are checked. Headline, dates, authors,
  tags and counts are exact; standfirst, description, body, blocks, comment
  and quote texts may be compared by similarity (--threshold, or
  "text_threshold" in a fixture's meta.json, which wins). Fields listed under
  "known_failures" in expected.json are reported but do not fail the run.

exit status: 0 every fixture matches, 1 a field regressed or a page failed, 2 usage error.

examples:
  extractor fixtures check
  extractor fixtures check german-news --dir fixtures/
  extractor fixtures check --threshold 0.95 --skip quotes
  extractor fixtures check --update        # show the diffs, then accept the new output
"""

RECORD_EPILOG = """\
format:
  DIR/<slug>/page.html      the bytes as served (decoded from gzip, not re-encoded)
  DIR/<slug>/meta.json      url, final_url, status, fetched_at, headers, source
  DIR/<slug>/expected.json  today's extraction as the expected record (review it!)
  The slug is made from the URL (host and path); an existing folder is never overwritten.

examples:
  extractor fixtures record https://news.example/2024/05/story --dir fixtures/
  extractor fixtures record --from-file saved.html --url https://news.example/story \\
      --header 'Content-Type: text/html; charset=windows-1251'
"""


# --------------------------------------------------------------------------- parser


def add_fixtures_parser(subparsers: Any) -> None:
    """Register ``fixtures record`` and ``fixtures check`` on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "fixtures",
        help="record pages as regression fixtures and check the extractor against them",
        description="Regression fixtures: saved pages with the record they must give.",
    )
    actions = parser.add_subparsers(dest="fixtures_command", metavar="ACTION")
    _add_record(actions)
    _add_check(actions)
    parser.set_defaults(run=run_fixtures, fixtures_command=None, _fixtures_parser=parser)


def _add_record(actions: Any) -> None:
    p = actions.add_parser(
        "record",
        help="save pages (fetched or from a file) with today's extraction as the expected record",
        description="Save pages as fixtures: the bytes as served, the fetch facts, and the current "
        "extraction as expected.json (to be reviewed).",
        epilog=RECORD_EPILOG,
        formatter_class=HelpFormatter,
    )
    p.add_argument("urls", nargs="*", metavar="URL", help="pages to fetch over HTTP(S)")
    p.add_argument("--dir", default=DEFAULT_DIR, help="fixtures folder (default: fixtures)")
    p.add_argument("--from-file", metavar="PATH", help="a saved page instead of fetching (needs --url)")
    p.add_argument("--url", metavar="URL", help="the address of the --from-file page")
    p.add_argument("--name", metavar="SLUG", help="folder name (one page only; default: from the URL)")
    p.add_argument("--source", metavar="TEXT", help="meta.json 'source': where the markup pattern comes from")
    p.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="'NAME: VALUE'",
        help="a response header of the --from-file page, e.g. 'Content-Type: text/html; charset=shift_jis'",
    )
    p.add_argument("--fetched-at", metavar="ISO", help="fetch time of the --from-file page (default: now)")
    p.add_argument("--user-agent", metavar="UA", help="User-Agent for fetching")
    p.add_argument("--delay", type=float, default=1.0, metavar="S", help="seconds between requests to a host")


def _add_check(actions: Any) -> None:
    p = actions.add_parser(
        "check",
        help="re-extract every fixture and compare field by field",
        description="Re-extract every fixture, compare with its expected record, print a diff per "
        "failing field and a summary table.",
        epilog=CHECK_EPILOG,
        formatter_class=HelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="only these fixtures (folder names)")
    p.add_argument("--dir", default=DEFAULT_DIR, help="fixtures folder (default: fixtures)")
    p.add_argument(
        "--threshold",
        type=ratio,
        default=1.0,
        metavar="R",
        help="similarity (0-1) accepted for free text unless a fixture sets its own (default 1.0: equal)",
    )
    p.add_argument("--skip", action="append", default=[], metavar="FIELD", help="do not check FIELD")
    p.add_argument(
        "--update",
        action="store_true",
        help="after showing the diffs, write the new output into expected.json (same fields only)",
    )
    p.add_argument("--show-known", action="store_true", help="also print the diffs of known failures")
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary table")


# --------------------------------------------------------------------------- run


def run_fixtures(args: argparse.Namespace, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Dispatch ``fixtures record`` / ``fixtures check``; returns the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    if args.fixtures_command == "record":
        return run_record(args, out, err)
    if args.fixtures_command == "check":
        return run_check(args, out, err)
    parser = getattr(args, "_fixtures_parser", None)
    if parser is not None:
        parser.print_help(err)
    else:
        print("extractor fixtures: choose an action: record or check", file=err)
    return EXIT_USAGE


def run_check(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    root = Path(args.dir)
    if not root.is_dir():
        print(f"extractor fixtures check: no such folder: {root}", file=err)
        return EXIT_USAGE
    folders = fixture_dirs(root)
    if args.names:
        wanted = set(args.names)
        missing = wanted - {f.name for f in folders}
        if missing:
            print(f"extractor fixtures check: no such fixture(s): {', '.join(sorted(missing))}", file=err)
            return EXIT_USAGE
        folders = [f for f in folders if f.name in wanted]
    if not folders:
        print(f"extractor fixtures check: no fixtures (folders with page.html) in {root}", file=err)
        return EXIT_USAGE
    results = [_check_one(folder, args, out) for folder in folders]
    print(summary_table(results), file=out)
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def _check_one(folder: Path, args: argparse.Namespace, out: IO[str]) -> FixtureResult:
    try:
        fixture = load_fixture(folder)
    except (ValueError, TypeError, KeyError, OSError) as exc:
        result = FixtureResult(folder.name, folder, error=f"bad fixture: {type(exc).__name__}: {exc}")
        print(format_result(result), file=out)
        return result
    result, record = run_fixture(fixture, skip=args.skip, text_threshold=args.threshold)
    noisy = not result.ok or result.fixed or (args.show_known and result.known)
    if noisy and not args.quiet:
        print(format_result(result, show_known=args.show_known) + "\n", file=out)
    if args.update and record is not None and result.diffs:
        _update(folder, result, record, out)
    return result


def _update(folder: Path, result: FixtureResult, record: dict[str, Any], out: IO[str]) -> None:
    """Accept the new output for the fields that differ; leaked boilerplate is never accepted."""
    fields = list(dict.fromkeys(d.top_field for d in result.diffs if d.kind == "value"))
    refused = sorted({d.field for d in result.diffs if d.kind != "value"})
    if fields:
        write_json(folder / EXPECTED_FILE, updated_expected(read_expected(folder), record, fields))
        print(f"updated {folder / EXPECTED_FILE}: {', '.join(fields)}", file=out)
    if refused:
        print(
            f"not updated {folder.name}: must_not_contain rules still fail for {', '.join(refused)} "
            "(boilerplate in the output is a bug; edit the rule by hand if it is wrong)",
            file=out,
        )


def run_record(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    root = Path(args.dir)
    if args.from_file and args.urls:
        print("extractor fixtures record: give URLs or --from-file, not both", file=err)
        return EXIT_USAGE
    if args.from_file and not args.url:
        print("extractor fixtures record: --from-file needs --url (the page's address)", file=err)
        return EXIT_USAGE
    if not args.from_file and not args.urls:
        print("extractor fixtures record: give at least one URL, or --from-file PATH --url URL", file=err)
        return EXIT_USAGE
    if args.name and len(args.urls) > 1:
        print("extractor fixtures record: --name needs a single page", file=err)
        return EXIT_USAGE
    if args.name:
        try:
            named_folder(root, args.name)
        except ValueError as exc:
            print(f"extractor fixtures record: {exc}", file=err)
            return EXIT_USAGE
    if args.name and (root / args.name).exists():
        print(f"extractor fixtures record: {root / args.name} exists; choose another --name", file=err)
        return EXIT_USAGE
    root.mkdir(parents=True, exist_ok=True)
    if args.from_file:
        return _record_file(args, root, out, err)
    return _record_urls(args, root, out, err)


def _folder(root: Path, args: argparse.Namespace, url: str) -> Path:
    return named_folder(root, args.name) if args.name else unique_folder(root, fixture_slug(url))


def _record_file(args: argparse.Namespace, root: Path, out: IO[str], err: IO[str]) -> int:
    try:
        html = Path(args.from_file).read_bytes()
        headers = _parse_headers(args.header)
        fetched_at = parse_timestamp(args.fetched_at) if args.fetched_at else datetime.now(timezone.utc)
    except (OSError, ValueError) as exc:
        print(f"extractor fixtures record: {exc}", file=err)
        return EXIT_USAGE
    folder = _folder(root, args, args.url)
    record_fixture(
        folder,
        html=html,
        url=args.url,
        fetched_at=fetched_at,
        headers=headers,
        source=args.source or RECORD_SOURCE.format(where=f"the saved file {Path(args.from_file).name}"),
    )
    print(f"recorded {folder}", file=out)
    return EXIT_OK


def _record_urls(args: argparse.Namespace, root: Path, out: IO[str], err: IO[str]) -> int:
    from ..fetch.http import HttpFetcher, HttpOptions
    from ..fetch.page import FetchError

    options = HttpOptions(delay=args.delay, **({"user_agent": args.user_agent} if args.user_agent else {}))
    failed = 0
    with HttpFetcher(options) as fetcher:
        for url in args.urls:
            try:
                page = fetcher.fetch(url)
            except FetchError as exc:
                print(f"extractor fixtures record: {exc}", file=err)
                failed += 1
                continue
            folder = _folder(root, args, page.url)
            record_fixture(
                folder,
                html=page.body,
                url=page.url,
                final_url=page.final_url,
                status=page.status,
                fetched_at=page.fetched_at,
                headers=dict(page.headers),
                source=args.source or RECORD_SOURCE.format(where=page.final_url),
            )
            print(f"recorded {folder}", file=out)
    if failed:
        print(f"extractor fixtures record: {failed} of {len(args.urls)} pages failed", file=err)
    return EXIT_FAILED if failed else EXIT_OK


def _parse_headers(values: Sequence[str]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values:
        name, sep, rest = value.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"--header must look like 'Name: value', got {value!r}")
        headers[name.strip()] = rest.strip()
    return headers


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m extractor.cli.fixtures ...``: the subcommand on its own (until it is registered)."""
    parser = argparse.ArgumentParser(prog="extractor")
    subparsers = parser.add_subparsers(dest="command")
    add_fixtures_parser(subparsers)
    args = parser.parse_args(["fixtures", *(sys.argv[1:] if argv is None else argv)])
    return run_fixtures(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
