"""`extractor demo`: the main job, end to end, on the bundled fixture pages, offline.

A new user should see the real thing work before pointing it at the web:
the fixture pages are served from a local HTTP server on 127.0.0.1 (with the
Content-Type each fixture records), and the ordinary `scrape` job fetches,
extracts and writes them. Nothing here is a shortcut around the job: only the
origin of the pages is local.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DEFAULT_FIXTURES = "fixtures"
# The fixture pages of a source checkout (an editable install, as the README's command
# makes), found from any working directory. An installed wheel carries no pages yet:
# shipping them as package data comes with the cli/ move (issue 15).
_CHECKOUT_FIXTURES = Path(__file__).resolve().parents[2] / DEFAULT_FIXTURES


def _default_fixtures() -> Path:
    """./fixtures when the working directory has one, else the checkout's own."""
    here = Path(DEFAULT_FIXTURES)
    return here if here.is_dir() or not _CHECKOUT_FIXTURES.is_dir() else _CHECKOUT_FIXTURES


def _load_pages(folder: Path) -> dict[str, tuple[bytes, str]]:
    """URL path -> (page bytes, Content-Type) for every fixture folder."""
    pages: dict[str, tuple[bytes, str]] = {}
    for page in sorted(folder.glob("*/page.html")):
        content_type = "text/html; charset=utf-8"
        meta_path = page.with_name("meta.json")
        if meta_path.exists():
            headers = json.loads(meta_path.read_text(encoding="utf-8")).get("headers") or {}
            for key, value in headers.items():
                if key.lower() == "content-type":
                    content_type = value
        pages[f"/{page.parent.name}/"] = (page.read_bytes(), content_type)
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

        def log_message(self, format: str, *args: Any) -> None:  # quiet server
            return

    return Handler


@contextmanager
def serve_fixtures(folder: Path) -> Iterator[list[str]]:
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
    parser = subparsers.add_parser(
        "demo",
        help="scrape the bundled fixture pages from a local server (offline)",
        description=(
            "Serve the fixture pages on 127.0.0.1 and run the ordinary `scrape` job on them:\n"
            "fetch, extract, write one record per page, print a summary."
        ),
        epilog="example:\n  extractor demo --output out/demo.jsonl\n  extractor demo --format csv --output out/demo.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--fixtures", default=None, metavar="DIR",
                        help="folder of fixture pages (default: ./fixtures, else the checkout's fixtures/)")  # fmt: skip
    parser.add_argument("--output", "-o", default="out/demo.jsonl", metavar="PATH",
                        help="where to write the records (default: %(default)s)")  # fmt: skip
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format")
    parser.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from .main import main  # the same `scrape` command a user would type

    folder = Path(args.fixtures) if args.fixtures else _default_fixtures()
    if not folder.is_dir():
        print(f"extractor: error: no fixtures folder: {folder}", file=sys.stderr)
        return 2
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with serve_fixtures(folder) as urls, tempfile.TemporaryDirectory() as tmp:
        url_file = Path(tmp) / "urls.txt"
        url_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
        print(f"serving {len(urls)} fixture pages on {urls[0].rsplit('/', 2)[0]}", file=sys.stderr)
        code = main(
            ["scrape", "--urls", str(url_file), "--format", args.format, "--output", args.output,
             "--delay", "0", "--overwrite"]
        )  # fmt: skip
    print(f"records written to {args.output}", file=sys.stderr)
    return code
