"""The writer interface every output implements, and the one JSON serialisation of a record.

Two kinds of writer share :class:`RecordWriter`: the exporters of ``extract``
(:class:`Exporter` and its subclasses, one per format) and the append-only
writers of long ``scrape`` jobs (:mod:`extractor.export.append`). A job
runner therefore takes any writer, and each format is serialised once:
:func:`dumps_record` / :func:`dumps_line` for JSON and JSON Lines, the row
functions of :mod:`extractor.export.csvfmt` for CSV.

Exporters are modelled on Scrapy's item exporters: ``start_exporting()``, then
``export_item(record)`` once per record, then ``finish_exporting()``; or use
the exporter as a context manager, which finishes on success and aborts on an
exception. Exporters stream: a record is serialised and written when it
arrives, so memory stays flat however long the batch is.

A *target* is either a path, written atomically through
:class:`~extractor.core.atomic.AtomicFile` (nothing appears at the path
until ``finish_exporting()``), or an already open text stream such as
``sys.stdout``, which is written directly and never closed by the exporter.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from ..core.atomic import AtomicFile, commit_all
from ..model import Article, ErrorRecord

if TYPE_CHECKING:  # typing.Self is 3.11+; typing_extensions is only needed by type checkers
    from typing_extensions import Self

Record = Article | ErrorRecord
Target = str | os.PathLike[str] | IO[str]

ARTICLE_ID_LENGTH = 16

# Characters json.dumps(ensure_ascii=False) leaves raw but str.splitlines() and
# pre-2019 JavaScript treat as line breaks; escaping them keeps one record per line.
_LINE_BREAK_ESCAPES = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def article_id(record: Article | ErrorRecord | str | None, key: str | None = None) -> str:
    """A stable 16-hex-digit id that joins an article's rows across tables.

    It is the first 16 hex digits of the SHA-1 of ``key`` (the input the record
    came from: a file path, the requested URL), else the record's URL, else its
    canonical URL, so the same input gets the same id in every run. The input
    comes first because it is what is unique in a job: many inputs can share
    one canonical URL (a site that points every page at its home page, query
    variants of one story), and rows keyed on that would join across them. A
    bare string is hashed as is. A record with neither key nor URL falls back
    to its own serialised content, which is still deterministic.
    """
    if isinstance(record, str):
        basis = record
    elif key:
        basis = key
    elif isinstance(record, Article) and (record.url or record.canonical_url):
        basis = record.url or record.canonical_url or ""
    elif isinstance(record, ErrorRecord) and record.url:
        basis = record.url
    elif record is not None:
        basis = json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)
    else:
        raise ValueError("article_id needs a record or a key")
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:ARTICLE_ID_LENGTH]


class ArticleIds:
    """Hands out :func:`article_id` values that are unique within one output.

    Two records with the same basis (the same key given twice, records without
    key or URL and with equal content) would otherwise share an id and their
    quote and comment rows would join to both. The second gets the id of
    ``"<first id>#2"``, the third ``"#3"``..., so ids stay deterministic for the
    same inputs in the same order. ``taken`` seeds the ids already in an output
    being appended to (a resumed job), so new records never reuse them and the
    old ones keep theirs. Ids are held as 64-bit ints: one per record.
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken: set[int] = set()
        for aid in taken:
            self.add(aid)

    def add(self, aid: str) -> None:
        """Mark an id as used (ignored unless it is 16 hex digits, as ours are)."""
        if len(aid) == ARTICLE_ID_LENGTH:
            with contextlib.suppress(ValueError):
                self._taken.add(int(aid, 16))

    def issue(self, record: Article | ErrorRecord, key: str | None = None) -> str:
        """The id for this record: its :func:`article_id`, or the next free variant of it."""
        first = aid = article_id(record, key)
        n = 1
        while int(aid, 16) in self._taken:
            n += 1
            aid = article_id(f"{first}#{n}")
        self._taken.add(int(aid, 16))
        return aid


def record_to_dict(record: Record) -> dict[str, Any]:
    """The JSON shape of a record: ``Article.to_dict()`` or ``{url, error, message, time}``."""
    return record.to_dict()


def record_from_dict(data: dict[str, Any]) -> Record:
    """Inverse of :func:`record_to_dict`: an object with an ``error`` key is an error record."""
    if "error" in data:
        return ErrorRecord.from_dict(data)
    return Article.from_dict(data)


def dumps_record(record: Record, *, indent: int | None = None) -> str:
    """One record as JSON text: UTF-8 characters kept, Unicode line separators escaped."""
    text = json.dumps(record_to_dict(record), ensure_ascii=False, indent=indent)
    return text.translate(_LINE_BREAK_ESCAPES)


def dumps_line(record: Record) -> str:
    """One record as a JSON Lines line, newline included: what every JSON Lines writer writes.

    The record is on one physical line whichever way a reader splits lines
    (see :func:`dumps_record`), so a file of these lines can be appended to and
    cut back to its last newline without ever splitting a record.
    """
    return dumps_record(record) + "\n"


def quote_values(article: Article, aid: str) -> Iterator[dict[str, Any]]:
    """One row of the quotes table per quote, as plain values: the one layout the CSV and
    Parquet exporters both write (each formats the cells its own way)."""
    for index, quote in enumerate(article.quotes):
        start, end = quote.span if quote.span is not None else (None, None)
        yield {
            "article_id": aid,
            "quote_index": index,
            "kind": quote.kind,
            "speaker": quote.speaker,
            "speaker_resolved": quote.speaker_resolved,
            "cue": quote.cue,
            "addressee": quote.addressee,
            "block_index": quote.block_index,
            "span_start": start,
            "span_end": end,
            "translated": quote.translated,
            "confidence": quote.confidence,
            "text": quote.text,
        }


def comment_values(article: Article, aid: str) -> Iterator[dict[str, Any]]:
    """One row of the comments table per comment, as plain values (see :func:`quote_values`)."""
    for index, comment in enumerate(article.comments):
        yield {
            "article_id": aid,
            "comment_index": index,
            "comment_id": comment.id,
            "parent_id": comment.parent_id,
            "depth": comment.depth,
            "author": comment.author,
            "author_url": comment.author_url,
            "published": comment.published,
            "published_raw": comment.published_raw,
            "likes": comment.likes,
            "dislikes": comment.dislikes,
            "liked_by": list(comment.liked_by),
            "author_deleted": comment.author_deleted,
            "permalink": comment.permalink,
            "text": comment.text,
        }


def is_stream(target: object) -> bool:
    return hasattr(target, "write")


@runtime_checkable
class RecordWriter(Protocol):
    """What a job needs from any output: write records one at a time, sync, close.

    Both kinds of writer satisfy it. The append-only writers of
    :mod:`extractor.export.append` are opened ready to write and may resume an
    existing output: ``done`` holds the keys of the URLs it already has (so the
    job skips them) and ``resumed`` counts its records. An :class:`Exporter`
    writes a new output after ``start_exporting()``: nothing is done, nothing
    resumed. ``source`` names the input a record came from (a path or the
    requested URL); formats that keep it (CSV) write it and derive the record's
    ``article_id`` from it. ``close()`` completes the output; closing twice is
    harmless.
    """

    @property
    def done(self) -> AbstractSet[Hashable]:
        """Keys of the URLs already in the output (empty for a new one)."""
        ...

    @property
    def resumed(self) -> int:
        """How many records the output held when it was opened."""
        ...

    def write(self, record: Record, *, source: str | None = None) -> None:
        """Serialise and write one record."""
        ...

    def sync(self) -> None:
        """Push what was written so far towards the disk (how far depends on the writer)."""
        ...

    def close(self) -> None:
        """Complete the output; the writer takes no more records."""
        ...


class Exporter(ABC):
    """Base class: owns the output files and the start / export / finish life cycle.

    Subclasses implement :meth:`_begin`, :meth:`_write` and :meth:`_end` and
    open their outputs with :meth:`_open`; the base class publishes them all
    together on finish and discards them all on abort. An exporter is also a
    :class:`RecordWriter` (``write`` is ``export_item``, ``close`` is
    ``finish_exporting``), so a started exporter can be handed to anything
    that takes a writer.
    """

    format_name: ClassVar[str]
    # Line ending written for "\n" in files; "\n" everywhere so output is byte-identical across OSes.
    newline: ClassVar[str | None] = "\n"

    def __init__(self, target: Target) -> None:
        self.target = target
        self.items_exported = 0
        self.errors_exported = 0
        self._atomic_files: list[AtomicFile] = []
        self._streams: list[IO[str]] = []
        self._state = "new"

    # -- public life cycle -------------------------------------------------
    def start_exporting(self) -> None:
        if self._state != "new":
            raise RuntimeError(f"{type(self).__name__}: start_exporting() called twice")
        self._state = "open"
        try:
            self._begin()
        except BaseException:
            self.abort()
            raise

    def export_item(self, record: Record, *, key: str | None = None) -> None:
        """Write one record. ``key`` names the input it came from (used for ids when there is no URL)."""
        if self._state != "open":
            raise RuntimeError(f"{type(self).__name__}: export_item() outside start/finish")
        if not isinstance(record, (Article, ErrorRecord)):
            raise TypeError(f"expected Article or ErrorRecord, got {type(record).__name__}")
        self._write(record, key)
        if isinstance(record, ErrorRecord):
            self.errors_exported += 1
        else:
            self.items_exported += 1

    def finish_exporting(self) -> None:
        """Write any trailer and publish the files; the outputs are complete after this."""
        if self._state != "open":
            raise RuntimeError(f"{type(self).__name__}: finish_exporting() without start_exporting()")
        try:
            self._end()
            for stream in self._streams:
                stream.flush()
            commit_all(self._atomic_files)
        except BaseException:
            self.abort()
            raise
        self._state = "finished"

    def abort(self) -> None:
        """Discard every file written so far (streams cannot be taken back, only left alone)."""
        for atomic in self._atomic_files:
            atomic.abort()
        self._state = "aborted"

    def __enter__(self) -> Self:
        self.start_exporting()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            if self._state != "finished":  # close() (RecordWriter) may have finished it already
                self.finish_exporting()
        elif self._state == "open":
            self.abort()

    # -- RecordWriter ------------------------------------------------------
    @property
    def done(self) -> AbstractSet[Hashable]:
        """Always empty: an exporter writes a new output, it never resumes one."""
        return frozenset()

    @property
    def resumed(self) -> int:
        """Always 0, for the same reason as :attr:`done`."""
        return 0

    def write(self, record: Record, *, source: str | None = None) -> None:
        """:meth:`export_item` under the :class:`RecordWriter` name (``source`` is its ``key``)."""
        self.export_item(record, key=source)

    def sync(self) -> None:
        """Flush the outputs. Files still appear only on finish: until then they are temporary files."""
        if self._state != "open":
            return
        for stream in self._streams:
            stream.flush()
        for atomic in self._atomic_files:
            atomic.stream.flush()

    def close(self) -> None:
        """:meth:`finish_exporting` if the exporter is open; otherwise nothing (closing twice is harmless)."""
        if self._state == "open":
            self.finish_exporting()

    # -- for subclasses ----------------------------------------------------
    def _open(self, target: Target) -> IO[str]:
        """Open one output: an atomic file for a path, the stream itself otherwise."""
        if is_stream(target):
            stream: IO[str] = target  # type: ignore[assignment]
            self._streams.append(stream)
            return stream
        atomic = AtomicFile(os.fspath(target), newline=self.newline)  # type: ignore[arg-type]
        self._atomic_files.append(atomic)
        return atomic.open()

    @abstractmethod
    def _begin(self) -> None:
        """Open the outputs and write any header."""

    @abstractmethod
    def _write(self, record: Record, key: str | None) -> None:
        """Serialise and write one record."""

    @abstractmethod
    def _end(self) -> None:
        """Write any trailer (files are published by the base class)."""
