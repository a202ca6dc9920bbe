"""`extractor demo`: the main job, end to end, on a few bundled pages, offline.

A new user should see the real thing work before pointing it at the web:
the pages are served from a local HTTP server on 127.0.0.1 (with the
Content-Type each page's ``meta.json`` records), and the ordinary `scrape` job
fetches, extracts and writes them. Nothing here is a shortcut around the job:
only the origin of the pages is local.

The bundled pages (``demo_pages/``, package data, so an installed wheel has
them) are byte-for-byte copies of a handful of the repository's fixture
folders (``fixtures/<name>/page.html`` and ``meta.json``), picked to show
different kinds of page: a news article with comments, a forum thread, a blog
with threaded comments, a liveblog, a German page in windows-1252 and a
Japanese one in Shift_JIS. ``--fixtures DIR`` serves any fixture folder instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..core.headers import header_value
from ..fixtures import META_FILE, PAGE_FILE
from ..jobs import ScrapeOptions
from .console import HelpFormatter, run_guarded
from .scrape import run_scrape_job

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

DEFAULT_FIXTURES = "fixtures"
DEMO_PAGES = "demo_pages"  # beside this module, shipped as package data (pyproject.toml)
# The `scrape` command's own defaults, but no delay between requests to the one local host:
# what `extractor scrape URL... --delay 0` runs.
JOB_OPTIONS = ScrapeOptions.build(delay=0.0)


def bundled_pages() -> Traversable:
    """The demo pages inside the installed package, wherever (and however) it is installed."""
    return files("extractor.cli") / DEMO_PAGES


def _default_fixtures() -> Traversable:
    """./fixtures when the working directory has one (a checkout, or a user's own fixture
    folders), else the pages bundled with the package."""
    here = Path(DEFAULT_FIXTURES)
    return here if here.is_dir() else bundled_pages()


def _load_pages(folder: Traversable) -> dict[str, tuple[bytes, str]]:
    """URL path -> (page bytes, Content-Type) for every fixture folder, in name order."""
    pages: dict[str, tuple[bytes, str]] = {}
    for fixture in sorted(folder.iterdir(), key=lambda entry: entry.name):
        page = fixture / PAGE_FILE
        if not page.is_file():
            continue
        content_type = "text/html; charset=utf-8"
        meta_path = fixture / META_FILE
        if meta_path.is_file():
            headers = json.loads(meta_path.read_text(encoding="utf-8")).get("headers") or {}
            content_type = header_value(headers, "content-type") or content_type
        pages[f"/{fixture.name}/"] = (page.read_bytes(), content_type)
    return pages


def _handler(pages: dict[str, tuple[bytes, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body, ctype, status = b"User-agent: *\nAllow: /\n", "text/plain", 200
            elif self.path in pages:
                (body, ctype), status = pages[self.path], 200
            else:
                body, ctype, status = b"not found", "text/plain", 404
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        # quiet server; `format` is the name http.server gives this parameter
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            return

    return Handler


@contextmanager
def serve_fixtures(folder: Traversable) -> Iterator[list[str]]:
    """Serve the fixture pages on 127.0.0.1 (a free port) and yield their URLs."""
    pages = _load_pages(folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(pages))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        yield [f"http://{host}:{port}{path}" for path in pages]
    finally:
        server.shutdown()
        server.server_close()


def add_demo_parser(subparsers: Any) -> None:
    """Register ``demo`` on the top-level parser's subparsers."""
    parser = subparsers.add_parser(
        "demo",
        help="scrape the bundled fixture pages from a local server (offline)",
        description=(
            "Serve the fixture pages on 127.0.0.1 and run the ordinary `scrape` job on them:\n"
            "fetch, extract, write one record per page, print a summary."
        ),
        epilog=(
            "example:\n  extractor demo --output out/demo.jsonl\n"
            "  extractor demo --format csv --output out/demo.csv"
        ),
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--fixtures", default=None, metavar="DIR",
                        help="folder of fixture pages "
                             "(default: ./fixtures, else the bundled demo pages)")  # fmt: skip
    parser.add_argument("--output", "-o", default="out/demo.jsonl", metavar="PATH",
                        help="where to write the records (default: %(default)s)")  # fmt: skip
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format")
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Serve the pages and run the `scrape` job on their URLs, as ``extractor scrape URL... --delay 0
    --overwrite`` would; the job's exit code."""
    folder: Traversable = Path(args.fixtures) if args.fixtures else _default_fixtures()
    if not folder.is_dir():
        print(f"extractor: error: no fixtures folder: {folder}", file=sys.stderr)
        return 2
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with serve_fixtures(folder) as urls:
        if not urls:
            print(
                f"extractor: error: no fixture pages (folders with a page.html) in: {folder}", file=sys.stderr
            )
            return 2
        print(f"serving {len(urls)} fixture pages on {urls[0].rsplit('/', 2)[0]}", file=sys.stderr)
        # Guarded like a command of its own (as when the demo ran `extractor scrape ...`), so a
        # failed write is reported the same way and the closing line below still follows.
        code = run_guarded(
            lambda: run_scrape_job(urls, JOB_OPTIONS, args.output, args.format, overwrite=True)
        )
    print(f"records written to {args.output}", file=sys.stderr)
    return code
