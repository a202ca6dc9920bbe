"""Pages from WARC (and ARC) archives, via warcio.

Only HTTP ``response`` records (and ``resource`` records holding HTML) are
pages; requests, metadata, revisits and non-HTML responses are skipped
silently because an archive is mostly images and scripts. Each page keeps its
archived URL (``WARC-Target-URI``) and capture date (``WARC-Date``), so an
extraction from an archive is anchored to when the page was captured.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .http import CHUNK, DEFAULT_MAX_BYTES, looks_like_html
from .page import HTML_TYPES, FetchError, HTTPError, NetworkError, NotFound, Page, TooLarge, media_type


def _warc_date(value: str | None) -> datetime:
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return datetime.now(timezone.utc)


def _read_capped(record: Any, url: str, max_bytes: int) -> bytes:
    """Decoded payload (chunked / gzip undone by warcio), counted as it is read."""
    stream = record.content_stream()
    buf = bytearray()
    while True:
        piece = stream.read(CHUNK)
        if not piece:
            return bytes(buf)
        if len(buf) + len(piece) > max_bytes:
            raise TooLarge(url, f"archived body over the {max_bytes} byte cap")
        buf += piece


def _headers(record: Any) -> dict[str, str]:
    if record.http_headers is None:
        ctype = record.rec_headers.get_header("Content-Type")
        return {"Content-Type": ctype} if ctype else {}
    return {name: value for name, value in record.http_headers.headers}


def _is_html(headers: dict[str, str], body_head: bytes | None = None) -> bool:
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    mtype = media_type(ctype)
    if mtype in HTML_TYPES:
        return True
    return mtype in ("", "application/octet-stream") and body_head is not None and looks_like_html(body_head)


def record_to_page(record: Any, *, max_bytes: int, source: str) -> Page | FetchError | None:
    """One WARC record -> Page, a FetchError worth reporting, or None (not a page: skip)."""
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not url:
        return None
    headers = _headers(record)
    status = 200
    if record.http_headers is not None and record.rec_type == "response":
        try:
            status = int(record.http_headers.get_statuscode() or 0)
        except ValueError:
            status = 0
    declared = media_type(next((v for k, v in headers.items() if k.lower() == "content-type"), ""))
    if declared not in HTML_TYPES and declared not in ("", "application/octet-stream"):
        return None  # images, scripts, styles: not pages, not errors
    if 300 <= status < 400:
        return None  # the redirect target is a record of its own
    if status in (404, 410):
        return NotFound(url, f"archived HTTP {status}", status=status)
    if not 200 <= status < 300:
        return HTTPError(url, f"archived HTTP {status}", status=status)
    try:
        body = _read_capped(record, url, max_bytes)
    except FetchError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a damaged record must not end the archive
        return NetworkError(url, f"unreadable record in {source}: {exc}")
    if not _is_html(headers, body[:2048]):
        return None
    date = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return Page(url, url, status, headers, body, date, extra={"warc": source})


def iter_warc_pages(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | FetchError]:
    """Pages (and per-page errors) from each archive in turn; ARC files are converted on the fly."""
    for path in paths:
        source = os.fspath(path)
        try:
            with open(source, "rb") as fh:
                for record in ArchiveIterator(fh, arc2warc=True):
                    item = record_to_page(record, max_bytes=max_bytes, source=source)
                    if item is not None:
                        yield item
        except FileNotFoundError:
            yield NotFound(source, "no such archive")
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            yield NetworkError(source, f"archive unreadable: {exc}")


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
            item = record_to_page(record, max_bytes=self._max_bytes, source=path)
        if item is None:
            raise NotFound(url, "archived record is not an HTML page")
        if isinstance(item, FetchError):
            raise item
        return item

    def close(self) -> None:
        return None
