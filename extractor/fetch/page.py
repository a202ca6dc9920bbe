"""Page: what a transport knew about one fetched document, the typed fetch errors, the limits
every input path shares, and the sniffing of bodies.

Everything after a fetch (decoding, extraction, export) is a pure function of a
``Page``, so the same ``Page`` read from HTTP, a folder, a WARC file or stdin
gives the same record. Errors are exceptions with a stable class name because
that name is what batch jobs write into the ``error`` field of an error record.

The size cap, the one capped gunzip (:func:`gunzip_capped`, built on
:class:`Inflater`) and the content sniffing (:func:`looks_like_html`,
:func:`binary_reason`) live here, so HTTP, files, folders, stdin, WARC and
sitemaps all refuse the same bombs and the same binary files the same way.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from ..core.headers import header_value

HTML_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # per document, counted after any decompression
CHUNK = 64 * 1024  # the most a decoder hands out at once: a bomb overshoots the cap by this at most
SNIFF_BYTES = 8192  # how much of a body the sniffing looks at


@dataclass(slots=True, frozen=True)
class Page:
    """One document as fetched: the bytes untouched, plus transport facts.

    ``url`` is what was asked for (the key users and resume logic rely on);
    ``final_url`` is where redirects ended (what relative links resolve
    against).
    """

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    fetched_at: datetime
    elapsed: float = 0.0
    from_cache: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """Case-insensitive header lookup: stored headers keep the server's casing."""
        return header_value(self.headers, name)

    @property
    def content_type(self) -> str | None:
        value = self.header("content-type")
        return media_type(value) if value else None


def media_type(content_type: str) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return content_type.split(";", 1)[0].strip().lower()


class FetchError(Exception):
    """A document could not be had. ``kind`` (the class name) is the error type written to outputs."""

    def __init__(self, url: str, reason: str, *, status: int | None = None) -> None:
        super().__init__(url, reason, status)
        self.url = url
        self.reason = reason
        self.status = status

    @property
    def kind(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        return f"{self.kind}: {self.reason} ({self.url})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only ``status`` would otherwise be lost crossing a process boundary.
        return (_rebuild_error, (type(self), self.url, self.reason, self.status))


def _rebuild_error(cls: type[FetchError], url: str, reason: str, status: int | None) -> FetchError:
    return cls(url, reason, status=status)


class Blocked(FetchError):
    """The server refused us (401/403/451, a challenge page)."""


class RateLimited(FetchError):
    """429 (or Retry-After longer than we are willing to wait) after the retries were spent."""


class NotFound(FetchError):
    """404 / 410, or a missing local file or archive record."""


class TooLarge(FetchError):
    """The (decoded) body passed the size cap; reading (or decompressing) stopped there."""


class DecodeError(FetchError):
    """Compressed content (gzip, deflate) is corrupt or ends before its end-of-stream marker."""


class Truncated(FetchError):
    """The document ends before its declared end (a WARC record cut short, a WARC-Truncated payload).

    Extracting what is there would report a partial article as a whole one.
    """


class Timeout(FetchError):
    """Connect, read or whole-download time limit reached."""


class NotHTML(FetchError):
    """The content type is not one we extract from, or the bytes are binary (an image, a PDF...)."""


class NotASitemap(FetchError):
    """A --sitemap or --feed address whose document is neither a sitemap (or index) nor a feed."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL for our user agent (or robots.txt was unreachable)."""


class NetworkError(FetchError):
    """Connection, DNS, TLS, protocol problems."""


class TooManyRedirects(NetworkError):
    """A redirect chain longer than the limit, or a loop."""


class HostUnavailable(NetworkError):
    """The host failed repeatedly and is paused (circuit breaker open); not contacted.

    Not a verdict on the URL, which was never requested: a scrape job waits out
    the pause and tries again, and a URL still unfetched when the job ends is
    left for the next run (see :data:`NOT_REQUESTED`). ``retry_in``: seconds until the
    host may be tried again (``math.inf``: given up for this run).
    """

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_in: float = math.inf
    ) -> None:
        super().__init__(url, reason, status=status)
        self.retry_in = retry_in

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unavailable, (self.url, self.reason, self.retry_in))


def _rebuild_unavailable(url: str, reason: str, retry_in: float) -> HostUnavailable:
    return HostUnavailable(url, reason, retry_in=retry_in)


class InvalidURL(NetworkError):
    """Not an http(s) URL we can fetch: other scheme, no host, bad port or IPv6 literal, control
    characters."""


class HTTPError(FetchError):
    """Any other non-success status (other 4xx, 5xx after retries)."""


@runtime_checkable
class Fetcher(Protocol):
    """Anything that turns a URL (or path) into a ``Page`` or raises a ``FetchError``."""

    def fetch(self, url: str) -> Page: ...

    def close(self) -> None: ...


ERROR_TYPES: tuple[type[FetchError], ...] = (
    Blocked,
    RateLimited,
    NotFound,
    TooLarge,
    DecodeError,
    Truncated,
    Timeout,
    NotHTML,
    RobotsDisallowed,
    NetworkError,
    TooManyRedirects,
    HostUnavailable,
    InvalidURL,
    HTTPError,
)

NOT_REQUESTED: frozenset[str] = frozenset({HostUnavailable.__name__})
"""Error kinds that mean the page was never requested: not an outcome, so a resumed job tries them again."""

# ---------------------------------------------------------------- decompression


class Inflater:
    """Incremental gzip / deflate decoder whose every output piece is at most :data:`CHUNK` bytes.

    Callers count the pieces against their cap and stop, so a bomb never
    expands past the cap plus one piece, whatever its ratio. Concatenated gzip
    members are decoded in turn (as ``gzip.decompress`` does) and NUL padding
    after the last member is ignored. ``encoding`` is a Content-Encoding:
    ``gzip``, ``x-gzip``, ``deflate`` (zlib-wrapped or raw), or ``""`` /
    ``identity`` (pieces are passed through, cut to :data:`CHUNK`).
    """

    def __init__(self, encoding: str = "gzip") -> None:
        self._encoding = encoding.strip().lower()
        self._zlib: zlib._Decompress | None = None
        self._wbits = 0
        self._head = b""  # deflate bytes held until the two that tell its wrapping have come

    @property
    def finished(self) -> bool:
        """Whether the stream so far ends at an end-of-stream marker (always true for identity)."""
        return self._encoding in ("", "identity") or (self._zlib is not None and self._zlib.eof)

    def _start(self, first: bytes) -> None:
        if self._encoding in ("gzip", "x-gzip"):
            self._wbits = 16 + zlib.MAX_WBITS
        else:  # deflate: zlib-wrapped per the RFC, raw deflate in practice too
            zlib_header = (
                len(first) >= 2 and (first[0] & 0x0F) == 8 and ((first[0] << 8) | first[1]) % 31 == 0
            )
            self._wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(self._wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of ``data``; raises ``zlib.error`` on corrupt input."""
        if self._encoding in ("", "identity"):
            for start in range(0, len(data), CHUNK):
                yield data[start : start + CHUNK]
            return
        if not data:
            return
        if self._zlib is None and self._encoding not in ("gzip", "x-gzip"):
            # Which deflate (zlib-wrapped or raw) is told by the first two bytes; a body
            # that arrives one byte at a time must not be judged on one.
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            self._head = b""
        while True:
            if self._zlib is None:
                self._start(data)
            elif self._zlib.eof:
                if not data.strip(b"\x00"):
                    return  # padding after the last member
                self._zlib = zlib.decompressobj(self._wbits)  # the next gzip member
            assert self._zlib is not None
            out = self._zlib.decompress(data, CHUNK)
            data = self._zlib.unconsumed_tail or self._zlib.unused_data
            if out:
                yield out
            # A full piece with no input left may mean output still pending inside zlib: ask again.
            if not data and (self._zlib.eof or len(out) < CHUNK):
                return


def is_gzip(data: bytes) -> bool:
    """gzip is recognised by its magic bytes, not by a name: servers and files mislabel both ways."""
    return data[:2] == b"\x1f\x8b"


def gunzip_capped(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, url: str = "") -> bytes:
    """Undo gzip if ``data`` is gzip, never holding more than ``max_bytes`` + one :data:`CHUNK`.

    The one gunzip of the package: saved ``.gz`` pages, stdin and sitemaps go
    through it. A bomb raises :class:`TooLarge`; corrupt or cut-short data
    raises :class:`DecodeError`. Bytes that are not gzip come back unchanged.
    """
    if not is_gzip(data):
        return data
    inflater = Inflater("gzip")
    out = bytearray()
    view = memoryview(data)
    try:
        # Fed in CHUNK slices so no step copies more than a chunk of the compressed input.
        for start in range(0, len(data), CHUNK):
            for piece in inflater.feed(bytes(view[start : start + CHUNK])):
                if len(out) + len(piece) > max_bytes:
                    raise TooLarge(url, f"gzip data expands past the {max_bytes} byte cap; stopped there")
                out += piece
    except zlib.error as exc:
        raise DecodeError(url, f"bad gzip data: {exc}") from exc
    if not inflater.finished:
        raise DecodeError(url, "bad gzip data: it ends before its end-of-stream marker (cut short)")
    return bytes(out)


# ---------------------------------------------------------------- sniffing

_SNIFF_MARKERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta",
    b"<title",
    b"<div",
    b"<p>",
    b"<article",
)


def looks_like_html(body: bytes) -> bool:
    """An HTML tag near the start: for bodies whose type is missing or generic (octet-stream)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return any(marker in head for marker in _SNIFF_MARKERS)


# Formats that are never a page, by their first bytes. Two-letter magics that can
# begin text ("MZ", "BM") are left to the control-character test.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office / EPUB document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (old Office) document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska / WebM media"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
# C0 controls that no text encoding uses as text: tab, LF, FF, CR, ESC (ISO-2022-JP) and
# SO / SI (ISO-2022-KR) are left out. Random bytes have about 10% of these; text has ~0.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x10, 0x1B), *range(0x1C, 0x20)])
_TEXT_CONTROLS = frozenset("\t\n\x0c\r\x1b\x0e\x0f")
MAX_CONTROL_SHARE = 0.02  # of the sniffed head; measured on the bundled and dev pages: at most 0


def _magic_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4 / ISO media"
    if _BZIP2.match(head):
        return "bzip2 data"
    return None


def _wide_codec(head: bytes) -> str | None:
    """UTF-16 / UTF-32, by byte order mark or by NULs in every other (every fourth) byte.

    Markup is ASCII, so a wide-encoded page has its NULs on one side of each
    code unit; random bytes spread theirs evenly. The other side is not free of
    NULs: every character of the form U+xx00 has one there (U+3000, the
    ideographic space, U+4E00 "一", U+0100 "Ā"...), so UTF-16 needs that side to
    hold a quarter of the NULs of the markup side at most (a twentieth lost pages
    of such text as "binary", while decode.py reads them as UTF-16).
    """
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if head.startswith(bom):
            return codec
    lanes = [head[i::4].count(0) / max(1, len(head[i::4])) for i in range(4)]
    if min(lanes[1:]) >= 0.5 and lanes[0] < 0.05:
        return "utf-32-le"
    if min(lanes[:3]) >= 0.5 and lanes[3] < 0.05:
        return "utf-32-be"
    even = (lanes[0] + lanes[2]) / 2
    odd = (lanes[1] + lanes[3]) / 2
    if odd >= 0.05 and even <= odd / 4:
        return "utf-16-le"
    if even >= 0.05 and odd <= even / 4:
        return "utf-16-be"
    return None


def binary_reason(body: bytes) -> str | None:
    """Why ``body`` is binary (an image, a PDF, an archive, random bytes), or None for text.

    Checked on the first :data:`SNIFF_BYTES`: known magic bytes first, then the
    share of control characters that no text uses. Text in any encoding passes:
    UTF-8 and legacy single- and multi-byte encodings (Shift-JIS, GBK, EUC-KR,
    ISO-2022-JP with its ESC sequences) have none of those controls, and
    UTF-16 / UTF-32 (with or without a byte order mark) are judged on their
    decoded characters, not on their NUL bytes. A server's ``text/html`` label
    does not make a PNG a page, so every input path asks this of the bytes.
    """
    head = body[:SNIFF_BYTES]
    if not head:
        return None
    kind = _magic_kind(head)
    if kind is not None:
        return f"{kind} (magic bytes {head[:8]!r}), not a page"
    codec = _wide_codec(head)
    if codec is not None:
        sample = head.decode(codec, errors="replace")
        controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
        total = len(sample)
        unit = "characters"
    else:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        total = len(head)
        unit = "bytes"
    share = controls / total
    if share > MAX_CONTROL_SHARE:
        return f"binary data: {share:.1%} control characters in the first {total} {unit}, not a page"
    return None
