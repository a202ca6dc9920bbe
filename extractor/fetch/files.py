"""Pages from local files and folders.

A saved page has no transport, so its ``url`` is the file's ``file://`` URI
unless the caller knows the original address (a ``.url`` sidecar next to the
page is honoured: saved-page tooling often keeps one).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .http import DEFAULT_MAX_BYTES, looks_like_html
from .page import FetchError, NotFound, NotHTML, Page, TooLarge

HTML_SUFFIXES: frozenset[str] = frozenset({".html", ".htm", ".xhtml", ".shtml"})


def path_of(url_or_path: str | os.PathLike[str]) -> Path:
    """Accept ``file://`` URIs as well as plain paths."""
    text = os.fspath(url_or_path)
    if text.startswith("file:"):
        return Path(unquote(urlsplit(text).path))
    return Path(text)


def _sidecar_url(path: Path) -> str | None:
    sidecar = path.with_suffix(".url")
    try:
        text = sidecar.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text.splitlines()[0].strip() if text else None


def read_page(
    url_or_path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES, sniff: bool = True
) -> Page:
    """Read one saved page. ``sniff`` refuses files that do not look like HTML whatever their name."""
    path = path_of(url_or_path)
    requested = os.fspath(url_or_path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(requested, f"file is {size} bytes, over the {max_bytes} byte cap")
        with open(path, "rb") as fh:
            body = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise NotFound(requested, "no such file") from exc
    except IsADirectoryError as exc:
        raise NotFound(requested, "is a directory") from exc
    except OSError as exc:
        raise NotFound(requested, f"cannot read: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise TooLarge(requested, f"file grew past the {max_bytes} byte cap while reading")
    if sniff and path.suffix.lower() not in HTML_SUFFIXES and not looks_like_html(body):
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


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given, and HTML files inside folders (recursively, in sorted order so reruns agree)."""
    for item in paths:
        path = path_of(item)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if Path(name).suffix.lower() in HTML_SUFFIXES:
                        yield Path(root) / name
        else:
            yield path


def iter_file_pages(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Page | FetchError]:
    """Every page under ``paths``; failures are yielded, not raised, so one bad file never stops a batch."""
    for path in iter_paths(paths):
        try:
            yield read_page(path, max_bytes=max_bytes)
        except FetchError as exc:
            yield exc


class FileFetcher:
    """Fetcher over the local filesystem: ``fetch`` takes a path or a ``file://`` URI."""

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> Page:
        return read_page(url, max_bytes=self.max_bytes)

    def close(self) -> None:
        return None
