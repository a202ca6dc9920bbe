"""Append-only, resumable output files for long scraping jobs.

The normal exporters publish a file atomically when a batch *finishes*; a job
that runs for hours must instead keep every record it has already paid for,
survive SIGKILL, and carry on where it stopped. The rules that make that safe:

- one writer (the job's main thread) appends whole records with ``os.write``
  on an ``O_APPEND`` descriptor, and fsyncs every batch and on close, so a
  kill can tear at most the last record;
- JSON Lines: on reopening, bytes after the last newline (a torn line) are
  cut off; every complete line is a complete record;
- CSV (four tables, as :mod:`extractor.export.csvfmt` writes them): after
  each record a journal line with the four table sizes is appended; on
  reopening each table is cut back to the last journalled sizes, so a record
  is in all its tables or in none; the journal is removed when the writer closes
  (the tables then end with whole records), so a finished job leaves none;
- the URLs already written (articles *and* errors) are returned as ``done``
  so the job skips them, and (CSV) their ``article_id`` values are kept
  taken so a new record never reuses one; with ``retry_errors`` the error records are removed
  first (by an atomic rewrite) so their URLs are tried again without
  leaving two records for one URL; error records that say the page was never
  requested (``NOT_REQUESTED`` kinds: its host was paused) are always removed
  that way, since they are not an outcome of the URL;
- an exclusive ``flock`` stops two jobs appending to the same output.

Every writer here is a :class:`~extractor.export.base.RecordWriter`, like the
exporters, and serialises records with the same functions they use
(:func:`~extractor.export.base.dumps_line`, the row functions of
:mod:`~extractor.export.csvfmt`), so an appended file holds the same bytes
as an exported one.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import time
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import IO

from ..core.atomic import AtomicFile
from ..fetch.page import NOT_REQUESTED
from .base import ArticleIds, Record, RecordWriter, dumps_line
from .csvfmt import TABLES, csv_text, record_rows, restore_formula, table_paths

try:  # POSIX only; elsewhere the lock is skipped.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

KeyFn = Callable[[str], Hashable]
CSV_ORDER: tuple[str, ...] = ("articles", "quotes", "comments", "errors")


class OutputLocked(RuntimeError):
    """Another job is appending to this output."""


def _identity(url: str) -> Hashable:
    return url


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _open_append(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


def _lock(fd: int, path: Path) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        raise OutputLocked(f"{path} is being written by another job") from exc


def _replace_atomically(path: Path, lines: Iterator[bytes]) -> None:
    with AtomicFile(path, binary=True) as fh:
        for line in lines:
            fh.write(line)


class _Batcher:
    """fsync after ``every`` records or ``seconds``, whichever first: durability without a sync per line."""

    def __init__(self, every: int, seconds: float) -> None:
        self.every = max(1, every)
        self.seconds = seconds
        self.pending = 0
        self.last = time.monotonic()

    def due(self) -> bool:
        self.pending += 1
        return self.pending >= self.every or time.monotonic() - self.last >= self.seconds

    def reset(self) -> None:
        self.pending = 0
        self.last = time.monotonic()


# ---------------------------------------------------------------- JSON Lines


def _redo(kind: str | None, retry_errors: bool) -> bool:
    """Is an existing record of this error ``kind`` (None: an article) to be dropped and its
    URL tried again?"""
    return kind is not None and (retry_errors or kind in NOT_REQUESTED)


def scan_jsonl(path: Path) -> tuple[int, list[tuple[str | None, str | None]]]:
    """(offset just past the last complete line, [(url, error kind or None)] for each complete
    record line)."""
    good_end = 0
    seen: list[tuple[str | None, str | None]] = []
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break  # a torn last line: the job died while writing it
            good_end += len(line)
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                url = data.get("url")
                kind = str(data["error"]) if "error" in data else None
                seen.append((url if isinstance(url, str) else None, kind))
    return good_end, seen


class JsonlAppender:
    """Resumable JSON Lines output; ``done`` holds the keys of URLs already in the file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        resume: bool = True,
        retry_errors: bool = False,
        key: KeyFn = _identity,
        sync_every: int = 50,
        sync_seconds: float = 2.0,
    ) -> None:
        self.path = Path(path)
        self.done: set[Hashable] = set()
        self.resumed = 0
        self.truncated_bytes = 0
        self._fd = _open_append(self.path)
        _lock(self._fd, self.path)
        if resume:
            self._recover(retry_errors, key)
        else:
            os.ftruncate(self._fd, 0)
        self._batch = _Batcher(sync_every, sync_seconds)

    def _recover(self, retry_errors: bool, key: KeyFn) -> None:
        size = os.fstat(self._fd).st_size
        good_end, seen = scan_jsonl(self.path)
        if good_end < size:
            os.ftruncate(self._fd, good_end)
            os.fsync(self._fd)
            self.truncated_bytes = size - good_end
        if any(_redo(kind, retry_errors) for _, kind in seen):
            self._drop_error_lines(retry_errors)
            seen = [item for item in seen if not _redo(item[1], retry_errors)]
        self.done = {key(url) for url, _ in seen if url}
        self.resumed = len(seen)

    def _drop_error_lines(self, retry_errors: bool) -> None:
        def keep() -> Iterator[bytes]:
            with open(self.path, "rb") as fh:
                for line in fh:
                    try:
                        data = json.loads(line)
                    except ValueError:
                        continue
                    if not (
                        isinstance(data, dict) and "error" in data and _redo(str(data["error"]), retry_errors)
                    ):
                        yield line

        _replace_atomically(self.path, keep())
        # The descriptor (and its lock) still point at the old inode: move both to the new file.
        os.close(self._fd)
        self._fd = _open_append(self.path)
        _lock(self._fd, self.path)

    def write(self, record: Record, *, source: str | None = None) -> None:
        _write_all(self._fd, dumps_line(record).encode("utf-8"))
        if self._batch.due():
            self.sync()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._batch.reset()

    def close(self) -> None:
        if self._fd >= 0:
            self.sync()
            os.close(self._fd)
            self._fd = -1


# ---------------------------------------------------------------- CSV tables


def _read_journal(path: Path) -> list[int] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # The last element is either empty or a torn line: only newline-terminated lines count.
    for line in reversed(data.split(b"\n")[:-1]):
        parts = line.split()
        if len(parts) == len(CSV_ORDER) and all(p.isdigit() for p in parts):
            return [int(p) for p in parts]
    return None


# A body or comment cell can be longer than the csv module's default field limit (128 KiB).
_FIELD_LIMIT = 2**31 - 1


def _csv_written(path: Path) -> Iterator[tuple[str, str]]:
    """(url, article_id) of each row of a table we wrote; the url as it was before escaping."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, _FIELD_LIMIT))
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                yield restore_formula(row.get("url") or ""), row.get("article_id") or ""
    finally:
        csv.field_size_limit(limit)


def _error_rows(path: Path, retry_errors: bool) -> Iterator[tuple[list[str], bool]]:
    """Each row of the errors table (header first) and whether it stays when resuming."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        yield header, True
        column = header.index("error") if "error" in header else -1
        for row in reader:
            kind = row[column] if 0 <= column < len(row) else ""
            yield row, not _redo(kind, retry_errors)


def _drop_error_rows(path: Path, retry_errors: bool) -> bool:
    """Rewrite the errors table without the rows to retry (atomically); False if none was dropped."""
    if not path.exists() or all(keep for _, keep in _error_rows(path, retry_errors)):
        return False
    rows = (csv_text([row]).encode("utf-8") for row, keep in _error_rows(path, retry_errors) if keep)
    _replace_atomically(path, rows)
    return True


class CsvAppender:
    """Resumable CSV output in the four-table layout of the CSV exporter, plus ``<out>.progress``."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        resume: bool = True,
        retry_errors: bool = False,
        key: KeyFn = _identity,
        sync_every: int = 50,
        sync_seconds: float = 2.0,
        escape_formulas: bool = True,
    ) -> None:
        self.paths = table_paths(path)
        self.escape_formulas = escape_formulas
        self._ids = ArticleIds()
        self.journal_path = self.paths["articles"].with_name(self.paths["articles"].name + ".progress")
        self.done: set[Hashable] = set()
        self.resumed = 0
        self.truncated_bytes = 0
        self._journal = _open_append(self.journal_path)
        _lock(self._journal, self.journal_path)
        self._fds = {table: _open_append(self.paths[table]) for table in CSV_ORDER}
        if resume:
            self._recover(retry_errors, key)
        else:
            for fd in [*self._fds.values(), self._journal]:
                os.ftruncate(fd, 0)
        self._sizes = {table: os.fstat(fd).st_size for table, fd in self._fds.items()}
        for table in self._fds:
            if self._sizes[table] == 0:
                self._append(table, csv_text([TABLES[table]]).encode("utf-8"))
        self._commit_point()
        self._compact_journal()
        self._batch = _Batcher(sync_every, sync_seconds)

    def _recover(self, retry_errors: bool, key: KeyFn) -> None:
        sizes = _read_journal(self.journal_path)
        if sizes is not None:
            for table, size in zip(CSV_ORDER, sizes, strict=True):  # _read_journal checks the count
                fd = self._fds[table]
                actual = os.fstat(fd).st_size
                if actual > size:
                    os.ftruncate(fd, size)
                    self.truncated_bytes += actual - size
            for fd in self._fds.values():
                os.fsync(fd)
        if _drop_error_rows(self.paths["errors"], retry_errors):
            os.close(self._fds["errors"])
            self._fds["errors"] = _open_append(self.paths["errors"])
        self.resumed = 0
        for table in ("articles", "errors"):
            for url, aid in _csv_written(self.paths[table]):
                self.resumed += 1
                self._ids.add(aid)
                if url:
                    self.done.add(key(url))

    def _append(self, table: str, data: bytes) -> None:
        if data:
            _write_all(self._fds[table], data)
            self._sizes[table] += len(data)

    def _commit_point(self) -> None:
        line = " ".join(str(self._sizes[t]) for t in CSV_ORDER) + "\n"
        _write_all(self._journal, line.encode("ascii"))

    def _compact_journal(self) -> None:
        """Keep the journal short across many resumes: one line for the state we start from."""
        os.fsync(self._journal)
        for fd in self._fds.values():
            os.fsync(fd)
        os.ftruncate(self._journal, 0)
        self._commit_point()
        os.fsync(self._journal)

    def write(self, record: Record, *, source: str | None = None) -> None:
        aid = self._ids.issue(record, source)
        for table, rows in record_rows(record, aid, source, escape_formulas=self.escape_formulas):
            self._append(table, csv_text(rows).encode("utf-8"))
        self._commit_point()
        if self._batch.due():
            self.sync()

    def sync(self) -> None:
        for fd in self._fds.values():
            os.fsync(fd)
        os.fsync(self._journal)
        self._batch.reset()

    def close(self) -> None:
        """Sync and close; the journal goes too: every table now ends with a whole record, so a
        later run has nothing to cut back (a kill never gets here and leaves the journal)."""
        if self._journal >= 0:
            self.sync()
            for fd in self._fds.values():
                os.close(fd)
            with contextlib.suppress(FileNotFoundError):
                self.journal_path.unlink()  # still holding the lock: no other job is appending
            os.close(self._journal)
            self._journal = -1


class StreamWriter:
    """Non-resumable output to an open text stream (stdout): JSON Lines only."""

    def __init__(self, stream: IO[str]) -> None:
        self.done: set[Hashable] = set()
        self.resumed = 0
        self.truncated_bytes = 0
        self._stream = stream

    def write(self, record: Record, *, source: str | None = None) -> None:
        self._stream.write(dumps_line(record))
        self._stream.flush()

    def sync(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


def open_output(
    fmt: str,
    target: str | os.PathLike[str] | IO[str],
    *,
    resume: bool = True,
    retry_errors: bool = False,
    key: KeyFn = _identity,
    escape_formulas: bool = True,
) -> RecordWriter:
    """The resumable writer for ``fmt`` ("jsonl" or "csv") at ``target`` (a path, or a stream for jsonl).

    ``escape_formulas`` is for csv (see :func:`extractor.export.csvfmt.neutralise_formula`).
    """
    fmt = fmt.lower()
    if hasattr(target, "write"):
        if fmt != "jsonl":
            raise ValueError("only jsonl can be written to a stream")
        return StreamWriter(target)  # type: ignore[arg-type]
    if fmt == "jsonl":
        return JsonlAppender(target, resume=resume, retry_errors=retry_errors, key=key)
    if fmt == "csv":
        return CsvAppender(
            target,
            resume=resume,
            retry_errors=retry_errors,
            key=key,
            escape_formulas=escape_formulas,
        )
    raise ValueError(f"scrape writes jsonl or csv, not {fmt!r}")
