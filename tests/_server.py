"""A real HTTP server on 127.0.0.1 for fetcher and job tests (stdlib only, no traffic leaves the machine).

Routes map a path to a handler ``(request) -> Response``; a handler may also
stream its body by returning a ``Response`` whose ``body`` is an iterator.
Every request is logged (path, headers, monotonic time) so tests can assert
order and pacing.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Response:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before answering


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


Handler = Callable[["BaseHTTPRequestHandler"], Response]


def page(title: str, paragraphs: int = 3, extra: str = "") -> bytes:
    """A small article page written for these tests."""
    paras = "".join(
        f"<p>Paragraph {i} of the test story called {title}, long enough to be taken as body text by the"
        f" extractor, with a few more words about nothing in particular.</p>"
        for i in range(paragraphs)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>"
        f"<meta property='og:title' content='{title}'></head><body><header>Site</header>"
        f"<article><h1>{title}</h1>{paras}{extra}</article><footer>About</footer></body></html>"
    ).encode()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        return None  # clients hanging up mid-body is what the size-cap tests do on purpose


class LocalServer:
    """ThreadingHTTPServer on port 0 in a daemon thread; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler | Response] = {}
        self.fallback: Handler | Response | None = None
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._counters: dict[str, int] = {}
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return None

            def do_GET(self) -> None:
                server._handle(self)

        self._httpd = _QuietServer(("127.0.0.1", 0), _H)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        """How many times ``path`` was requested (for 'fail N times then succeed' handlers)."""
        with self._lock:
            self._counters[path] = self._counters.get(path, 0) + 1
            return self._counters[path]

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.hits.append(Hit(req.path, dict(req.headers), time.monotonic()))
        route = self.routes.get(req.path.split("?", 1)[0])
        if route is None:
            route = self.fallback
        if route is None:
            resp = Response(404, b"<html><body>not here</body></html>")
        elif isinstance(route, Response):
            resp = route
        else:
            resp = route(req)
        if resp.delay:
            time.sleep(resp.delay)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(req, resp)  # the client may stop reading on purpose (size caps)

    @staticmethod
    def _send(req: BaseHTTPRequestHandler, resp: Response) -> None:
        req.send_response(resp.status)
        for key, value in resp.headers.items():
            req.send_header(key, value)
        if isinstance(resp.body, bytes):
            req.send_header("Content-Length", str(len(resp.body)))
            req.end_headers()
            req.wfile.write(resp.body)
            return
        req.send_header("Transfer-Encoding", "chunked")
        req.send_header("Connection", "close")
        req.end_headers()
        for chunk in resp.body:
            if chunk:
                req.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        req.wfile.write(b"0\r\n\r\n")
        req.close_connection = True


def endless(chunk: bytes, total: int) -> Iterator[bytes]:
    """``total`` bytes made of ``chunk`` repeats, generated as sent (no big allocation)."""
    sent = 0
    while sent < total:
        piece = chunk[: total - sent]
        yield piece
        sent += len(piece)


def gzip_bomb(decoded_size: int) -> bytes:
    """Gzip of ``decoded_size`` zero bytes, compressed incrementally (~1000:1)."""
    compressor = gzip.compress  # small sizes only; big bombs are built by streaming below
    if decoded_size <= 1 << 20:
        return compressor(b"\0" * decoded_size)
    import zlib

    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [z.compress(block) for _ in range(decoded_size >> 20)]
    parts.append(z.flush())
    return b"".join(parts)
