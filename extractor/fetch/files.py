"""Pages from local files and folders, and the one reader of local bytes (files and stdin).

A saved page has no transport, so its ``url`` is the file's ``file://`` URI
unless the caller knows the original address (a ``.url`` sidecar next to the
page is honoured: saved-page tooling often keeps one).

:func:`read_body` is what every local input goes through (``scrape --files``,
``scrape --stdin``, ``extract`` on files, folders and ``-``): the size cap on
what is read, gzip undone within the same cap whatever the file is called, and
binary content refused, so a ``.gz`` bomb or a PNG named ``.html`` becomes an
error for that input, never a crash of the batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

from .page import (
    DEFAULT_MAX_BYTES,
    FetchError,
    NotFound,
    NotHTML,
    Page,
    TooLarge,
    binary_reason,
    gunzip_capped,
    looks_like_html,
)

HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm", ".xhtml", ".shtml"})
GZIP_SUFFIX = ".gz"


def is_html_name(path: Path) -> bool:
    """``page.html``, ``page.htm.gz``...: an HTML suffix, optionally followed by ``.gz``."""
    name = path.name.lower().removesuffix(GZIP_SUFFIX)
    return Path(name).suffix in HTML_SUFFIXES


def read_body(source: Path | IO[bytes], name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of one local page (a file, or a stream such as stdin), checked the same way for all.

    At most ``max_bytes`` are read and, if the bytes are gzip (by magic, not by
    name), at most ``max_bytes`` are decompressed: a bomb costs the cap plus one
    chunk of memory, then :class:`TooLarge`. Corrupt gzip is :class:`DecodeError`;
    binary content (an image, a PDF, random bytes) is :class:`NotHTML`. ``name``
    (a path, a URL, ``<stdin>``) is what the errors carry. ``OSError`` from
    opening or reading propagates, so each caller names it its own way.
    """
    if isinstance(source, Path):
        size = source.stat().st_size
        if size > max_bytes:
            raise TooLarge(name, f"file is {size} bytes, over the {max_bytes} byte cap")
        with open(source, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    else:
        raw = source.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise TooLarge(name, f"input is over the {max_bytes} byte cap; stopped reading")
    body = gunzip_capped(raw, max_bytes, name)
    reason = binary_reason(body)
    if reason is not None:
        raise NotHTML(name, reason)
    return body


def path_of(url_or_path: str | os.PathLike[str]) -> Path:
    """Accept ``file://`` URIs as well as plain paths."""
    text = os.fspath(url_or_path)
    if text.startswith("file:"):
        return Path(unquote(urlsplit(text).path))
    return Path(text)


def _sidecar_url(path: Path) -> str | None:
    """``story.url`` beside ``story.html`` (or ``story.html.gz``): the address the page was saved from."""
    name = path.name.removesuffix(GZIP_SUFFIX).removesuffix(GZIP_SUFFIX.upper())
    sidecar = path.with_name(name).with_suffix(".url")
    try:
        text = sidecar.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text.splitlines()[0].strip() if text else None


def read_page(
    url_or_path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, sniff: bool = True
) -> Page:
    """Read one saved page (``.gz`` undone, see :func:`read_body`).

    ``sniff`` refuses a file without an HTML name whose content does not look
    like HTML either; binary content is refused whatever the name.
    """
    path = path_of(url_or_path)
    requested = os.fspath(url_or_path)
    try:
        body = read_body(path, requested, max_bytes=max_bytes)
    except FileNotFoundError as exc:
        raise NotFound(requested, "no such file") from exc
    except IsADirectoryError as exc:
        raise NotFound(requested, "is a directory") from exc
    except OSError as exc:
        raise NotFound(requested, f"cannot read: {exc.strerror or exc}") from exc
    if sniff and not is_html_name(path) and not looks_like_html(body):
        raise NotHTML(requested, f"{path.suffix or 'no suffix'} file that does not look like HTML")
    mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    uri = path.resolve().as_uri()
    original = _sidecar_url(path)
    return Page(
        url=requested if requested.startswith("file:") else uri,
        final_url=original or uri,
        status=200,
        headers={},
        body=body,
        fetched_at=mtime,
        extra={"path": str(path)},
    )


def walk_folder(folder: Path, accept: Callable[[Path], bool] = is_html_name) -> Iterator[Path]:
    """The one folder walk: every file under ``folder`` whose name ``accept`` takes, recursively.

    Each folder's files come in name order, then its subfolders in name order,
    so reruns agree. ``os.walk`` (not ``rglob``) because it does not follow
    symlinked folders, so a link loop cannot make the walk endless; a folder
    that cannot be read is passed over. ``accept`` is given the bare file name
    as a ``Path`` (``scrape --files`` takes :func:`is_html_name`; ``extract``
    takes its own narrower list of suffixes).
    """
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if accept(Path(name)):
                yield Path(root) / name


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given, and HTML files (``.gz`` too) inside folders, recursively, in sorted order
    so reruns agree."""
    for item in paths:
        path = path_of(item)
        if path.is_dir():
            yield from walk_folder(path)
        else:
            yield path


def iter_file_pages(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | FetchError]:
    """Every page under ``paths``; failures are yielded, not raised, so one bad file never stops a batch."""
    for path in iter_paths(paths):
        try:
            yield read_page(path, max_bytes=max_bytes)
        except FetchError as exc:  # noqa: PERF203 - a failing file becomes an error record
            yield exc


class FileFetcher:
    """Fetcher over the local filesystem: ``fetch`` takes a path or a ``file://`` URI."""

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> Page:
        return read_page(url, max_bytes=self.max_bytes)

    def close(self) -> None:
        return None
