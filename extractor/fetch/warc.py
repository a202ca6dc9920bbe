"""Pages from WARC (and ARC) archives, via warcio.

Only HTTP ``response`` records (and ``resource`` records holding HTML) are
pages. Requests, metadata and warcinfo records are not captures of documents
and are passed over; captures that are not HTML pages (images, scripts,
redirects, revisits) are skipped too, because an archive is mostly those, but
they are counted by reason (``skipped``) so a job's summary can say how many
there were. Each page keeps its archived URL (``WARC-Target-URI``) and capture
date (``WARC-Date``), so an extraction from an archive is anchored to when the
page was captured.

A record cut short (the archive file ends inside it, the crawler marked it
``WARC-Truncated``, or its payload is shorter than its HTTP ``Content-Length``)
is a :class:`Truncated` error, not a page: its partial text would be reported
as the whole article. A record labelled HTML whose bytes are binary is
:class:`NotHTML`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

# warcio ships neither type hints nor stubs: its two names are used as Any here
from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from ..core.dates import parse_timestamp
from ..core.headers import header_value
from .page import (
    CHUNK,
    DEFAULT_MAX_BYTES,
    HTML_TYPES,
    FetchError,
    HTTPError,
    NetworkError,
    NotFound,
    NotHTML,
    Page,
    TooLarge,
    Truncated,
    binary_reason,
    looks_like_html,
    media_type,
)

CAPTURE_TYPES = frozenset({"response", "resource", "revisit"})  # records that capture a document


@dataclass(frozen=True, slots=True)
class Skipped:
    """A capture that is not a page (an image, a redirect, a revisit): neither a page nor an error."""

    url: str
    reason: str


def _warc_date(value: str | None) -> datetime:
    if value:
        try:
            return parse_timestamp(value)
        except ValueError:
            pass
    return datetime.now(timezone.utc)


def _read_capped(record: Any, url: str, max_bytes: int) -> bytes:
    """Decoded payload (chunked / gzip undone by warcio), counted as it is read; a cut record raises."""
    stream = record.content_stream()
    buf = bytearray()
    while True:
        piece = stream.read(CHUNK)
        if not piece:
            break
        if len(buf) + len(piece) > max_bytes:
            raise TooLarge(url, f"archived body over the {max_bytes} byte cap")
        buf += piece
    missing = _missing_bytes(record)
    if missing:
        raise Truncated(url, f"archive ends inside this record: {missing} of {record.length} bytes missing")
    return bytes(buf)


def _missing_bytes(record: Any) -> int:
    """How many bytes of the record's declared length the archive file does not hold (0: whole).

    The record's reader counts down its WARC Content-Length; what it still owes
    once everything left has been read (and dropped) is what the file lacks.
    """
    raw = record.raw_stream
    if not hasattr(raw, "limit"):
        return 0
    while raw.read(CHUNK):
        pass
    return int(raw.limit)


def _declared_length(headers: dict[str, str]) -> int | None:
    """The HTTP Content-Length, when the archived payload is stored as sent (no transfer or
    content coding)."""
    lower = {k.lower(): v for k, v in headers.items()}
    if lower.get("content-encoding", "identity").strip().lower() != "identity":
        return None
    if "transfer-encoding" in lower:
        return None
    value = lower.get("content-length", "").strip()
    return int(value) if value.isdigit() else None


def _headers(record: Any) -> dict[str, str]:
    if record.http_headers is None:
        ctype = record.rec_headers.get_header("Content-Type")
        return {"Content-Type": ctype} if ctype else {}
    return dict(record.http_headers.headers)


def _is_html(headers: dict[str, str], body_head: bytes | None = None) -> bool:
    ctype = header_value(headers, "content-type") or ""
    mtype = media_type(ctype)
    if mtype in HTML_TYPES:
        return True
    return mtype in ("", "application/octet-stream") and body_head is not None and looks_like_html(body_head)


def record_to_page(record: Any, *, max_bytes: int, source: str) -> Page | FetchError | Skipped | None:
    """One WARC record -> Page, a FetchError worth reporting, Skipped (a capture that is not a page),
    or None (not a capture at all: a request, metadata, warcinfo)."""
    if record.rec_type not in CAPTURE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not url:
        return Skipped(url, "no target URI")
    if record.rec_type == "revisit":
        return Skipped(url, "revisit")  # the payload is another record's; that record is the page
    headers = _headers(record)
    status = 200
    if record.http_headers is not None and record.rec_type == "response":
        try:
            status = int(record.http_headers.get_statuscode() or 0)
        except ValueError:
            status = 0
    declared = media_type(header_value(headers, "content-type") or "")
    if declared not in HTML_TYPES and declared not in ("", "application/octet-stream"):
        return Skipped(url, "not HTML")  # images, scripts, styles: not pages, not errors
    if 300 <= status < 400:
        return Skipped(url, "redirect")  # the redirect target is a record of its own
    if status in (404, 410):
        return NotFound(url, f"archived HTTP {status}", status=status)
    if not 200 <= status < 300:
        return HTTPError(url, f"archived HTTP {status}", status=status)
    cut = record.rec_headers.get_header("WARC-Truncated")
    if cut:
        return Truncated(url, f"the crawler cut this payload short (WARC-Truncated: {cut})")
    try:
        body = _read_capped(record, url, max_bytes)
    except FetchError as exc:
        return exc
    except Exception as exc:
        return NetworkError(url, f"unreadable record in {source}: {exc}")
    expected = _declared_length(headers)
    if expected is not None and len(body) < expected:
        return Truncated(url, f"archived payload is {len(body)} of its {expected} bytes (Content-Length)")
    if not _is_html(headers, body[:2048]):
        return Skipped(url, "not HTML")
    binary = binary_reason(body)
    if binary is not None:
        return NotHTML(url, f"archived as {declared or 'untyped'} but {binary}")
    date = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return Page(url, url, status, headers, body, date, extra={"warc": source})


def iter_warc_pages(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: Counter[str] | None = None,
) -> Iterator[Page | FetchError]:
    """Pages (and per-page errors) from each archive in turn; ARC files are converted on the fly.

    Captures that are not pages are counted into ``skipped`` by reason
    (``not HTML``, ``redirect``, ``revisit``, ``no target URI``) when given.
    """
    for path in paths:
        source = os.fspath(path)
        try:
            fh = open(source, "rb")  # noqa: SIM115 - closed below; the failure check reads it
        except FileNotFoundError:
            yield NotFound(source, "no such archive")
            continue
        except OSError as exc:
            yield NetworkError(source, f"archive unreadable: {exc}")
            continue
        with fh:
            iterator = ArchiveIterator(fh, arc2warc=True)
            try:
                for record in iterator:
                    item = _checked(
                        record, record_to_page(record, max_bytes=max_bytes, source=source), source
                    )
                    if isinstance(item, Skipped):
                        if skipped is not None:
                            skipped[item.reason] += 1
                    elif item is not None:
                        yield item
            except Exception as exc:
                yield _archive_failure(source, fh, exc)
                continue
            leftover = _leftover_bytes(fh, iterator.offset)
            if leftover:
                yield Truncated(
                    source,
                    f"archive ends inside a record: {leftover} bytes after the last whole record"
                    f" (offset {iterator.offset}) hold no readable record",
                )


def _checked(
    record: Any, item: Page | FetchError | Skipped | None, source: str
) -> Page | FetchError | Skipped | None:
    """Whatever a record gave, it is :class:`Truncated` if the archive file ends inside it.

    A status line cut in half reads as a strange HTTP status, a header block cut
    short as a record of no type: either would hide the real failure.
    """
    if isinstance(item, Truncated):
        return item
    url = record.rec_headers.get_header("WARC-Target-URI") or source
    if record.rec_type is None or record.length is None:
        return Truncated(url, "a record's WARC headers are incomplete (the archive is cut short or damaged)")
    missing = _missing_bytes(record)
    if missing:
        return Truncated(url, f"archive ends inside this record: {missing} of {record.length} bytes missing")
    return item


def _leftover_bytes(fh: Any, offset: int) -> int:
    """Bytes after the last record warcio could read that are not padding: a record cut short."""
    size = os.fstat(fh.fileno()).st_size
    if offset >= size:
        return 0
    fh.seek(offset)
    rest = fh.read(CHUNK)
    return size - offset if rest.strip(b"\x00\r\n\t ") else 0


def _archive_failure(source: str, fh: Any, exc: Exception) -> FetchError:
    """The archive could not be read on: cut short (the file was read to its end) or damaged."""
    detail = str(exc) if isinstance(exc, ArchiveLoadFailed) else f"{type(exc).__name__}: {exc}"
    try:
        at_end = not fh.read(1)
    except OSError:
        at_end = False
    if at_end:
        return Truncated(source, f"archive ends inside a record; nothing after it could be read ({detail})")
    return NetworkError(source, f"archive unreadable: {detail}")


class WarcFetcher:
    """Random access by URL into archives; the URL -> offset index is built on first use."""

    def __init__(
        self, paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self._paths = [os.fspath(p) for p in paths]
        self._max_bytes = max_bytes
        self._index: dict[str, tuple[str, int]] | None = None

    def _build_index(self) -> dict[str, tuple[str, int]]:
        index: dict[str, tuple[str, int]] = {}
        for path in self._paths:
            with open(path, "rb") as fh:
                iterator = ArchiveIterator(fh, arc2warc=True)
                for record in iterator:
                    if record.rec_type in ("response", "resource"):
                        url = record.rec_headers.get_header("WARC-Target-URI")
                        if url and url not in index:
                            index[url] = (path, iterator.get_record_offset())
        return index

    def fetch(self, url: str) -> Page:
        if self._index is None:
            self._index = self._build_index()
        where = self._index.get(url)
        if where is None:
            raise NotFound(url, "not in the archives")
        path, offset = where
        with open(path, "rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh, arc2warc=True)))
            item = _checked(record, record_to_page(record, max_bytes=self._max_bytes, source=path), path)
        if item is None or isinstance(item, Skipped):
            reason = f" ({item.reason})" if item is not None else ""
            raise NotFound(url, f"archived record is not an HTML page{reason}")
        if isinstance(item, FetchError):
            raise item
        return item

    def close(self) -> None:
        return None
