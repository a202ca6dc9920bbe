"""The ``extractor`` command line: the top-level parser and the subcommands' registration, nothing else.

Each subcommand is a pair ``add_<name>_parser(subparsers)`` /
``run_<name>(args) -> int``, registered in :data:`SUBCOMMANDS`; adding one
(``scrape``, ``fixtures``) means writing that pair and listing it there.
Each lives in its own module (``extract``, ``scrape``, ``fixtures``, ``demo``);
what they share about stdout, stderr and exit codes is in :mod:`.console`.

Exit codes: 0 every page extracted, 1 some pages failed (the others are still
written) or the output could not be written, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from .console import PROG, HelpFormatter, UsageError, run_guarded
from .demo import add_demo_parser
from .extract import add_extract_parser, optional_url, run_json_shortcut
from .fixtures import add_fixtures_parser
from .scrape import add_scrape_parser

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

SUBCOMMANDS: tuple[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None], ...] = (
    add_extract_parser,
    add_scrape_parser,
    add_fixtures_parser,
    add_demo_parser,
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the top-level options (``--version``, the ``--json`` shortcut) and
    every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract structured records (text, metadata, quotes, comments) from news and "
        "article pages.",
        epilog=MAIN_EPILOG,
        formatter_class=HelpFormatter,
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
    return run_guarded(lambda: _dispatch(parser, argv))


def _dispatch(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run what it asks for; failures are turned into exit codes by the caller."""
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
