"""Parquet: four joinable tables with an explicit schema, streamed in row groups.

Given a target ``out.parquet`` the exporter writes, like the CSV exporter,

    out.parquet            articles   one row per article
    out.quotes.parquet     quotes     one row per quote
    out.comments.parquet   comments   one row per reader comment
    out.errors.parquet     errors     one row per page that failed

joined on ``article_id`` (the same id the CSV tables carry:
:class:`~extractor.export.base.ArticleIds`). All four are always written (with
no rows when empty) so a reader can rely on them existing.

Why an explicit schema (:data:`SCHEMAS`, built by :func:`schemas`): a writer
that infers types from the data gets them wrong in ways nobody sees. A list of
structs inferred from the first rows keeps only the keys those rows had (a
``credit`` that first appears on row 5,000 is dropped), a column that is null
in the first batch becomes type ``null`` and the next batch no longer fits,
and two runs of one job can write two different schemas. Every column here is
declared from the record model (:mod:`extractor.model`) with its type and
nullability, the Parquet files carry each column's description as field
metadata, and a test fails when a field is added to the model but not here.

Types, chosen so that the tables are lossless for every exported field (and
:func:`read_records` rebuilds the exact records):

- text is ``string`` (UTF-8), verbatim: Parquet is not opened by spreadsheets,
  so there is no formula escaping as in CSV;
- lists are ``list<string>``; ``images`` and ``blocks`` are lists of structs
  whose fields are the model's; ``author_urls`` is ``map<string, string>``;
- dates are ``timestamp[us, tz=UTC]`` (the instant, comparable across pages)
  plus ``<name>_utc_offset`` (``int32`` seconds east of UTC, as the page stated
  it; null for a date without an offset), because a UTC timestamp alone loses
  the local time a newsroom published at, which the CSV's ISO text keeps;
- counts and positions are ``int64``, flags ``bool``; a missing value is null.

Unlike CSV, the articles table also carries ``blocks`` (each block's kind,
text and level, a table's rows of cells and header flag, a code block's
language, the links as offsets into the text), so quotes' ``block_index`` can
be followed and the body's structure is kept; ``body`` is still there because most readers only
want the plain text.

Streaming: rows are buffered per table and written as a row group when the
buffer reaches ``batch_rows`` rows or about ``batch_bytes`` of text, so memory
stays bounded however long the batch is. The files are written to temporary
files next to the target and published together on finish, like every other
exporter.

pyarrow is an optional dependency (``pip install 'extractor[parquet]'``) and
is imported only when a Parquet file is written or read, or :data:`SCHEMAS`
is first asked for: the plain install never needs it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..core.atomic import AtomicFile
from ..model import Article, Block, Comment, ErrorRecord, Image, PageMeta, Quote
from .base import ArticleIds, Exporter, Record, Target, comment_values, is_stream, quote_values

# Bumped when a column is renamed, removed or changes type (adding a column does not).
SCHEMA_VERSION = "1"
TABLE_NAMES: tuple[str, ...] = ("articles", "quotes", "comments", "errors")
INSTALL_HINT = "Parquet needs pyarrow: pip install 'extractor[parquet]'"

# A row group per this many rows or about this much text, whichever comes first: large
# enough for good compression and fast scans, small enough that a batch of long pages
# never holds more than a few tens of MB in memory.
DEFAULT_BATCH_ROWS = 10_000
DEFAULT_BATCH_BYTES = 16 * 1024 * 1024
# What a row costs beyond its text (ids, numbers, Python objects), for the byte estimate.
_ROW_OVERHEAD = 256


def pyarrow_modules() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, imported now; ImportError with the install hint if missing.

    Typed ``Any``: pyarrow ships no type information (``pyarrow-stubs`` lags the releases by
    several majors), so its objects stay inside this module and its callers' narrow uses.
    """
    try:
        import pyarrow  # type: ignore[import-untyped, import-not-found, unused-ignore]
        import pyarrow.parquet as parquet  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return pyarrow, parquet


def pyarrow_available() -> bool:
    """Whether :func:`pyarrow_modules` would succeed (checked before a job starts, not after)."""
    try:
        pyarrow_modules()
    except ImportError:
        return False
    return True


@cache
def schemas() -> Mapping[str, Any]:
    """The four tables' ``pyarrow.Schema`` objects by table name (built once, on first use).

    Every column is declared here, field by field, from the record model; nothing is
    inferred from data. Each field carries its description as metadata
    (``b"description"``) and each schema names its table and :data:`SCHEMA_VERSION`, so a
    Parquet file documents itself to whoever opens it later.
    """
    pa, _ = pyarrow_modules()

    def col(name: str, type_: Any, doc: str, *, nullable: bool = True) -> Any:
        return pa.field(name, type_, nullable=nullable, metadata={"description": doc})

    def strings() -> Any:
        return pa.list_(pa.field("element", pa.string(), nullable=False))

    def when(name: str, doc: str) -> list[Any]:
        return [
            col(name, pa.timestamp("us", tz="UTC"), f"{doc} (UTC instant)"),
            col(
                f"{name}_utc_offset", pa.int32(), f"{name}'s UTC offset as stated (seconds east); null: none"
            ),
        ]

    aid = col("article_id", pa.string(), "16 hex digits; joins the tables (as in CSV)", nullable=False)
    source = col("source", pa.string(), "the input the record came from: file path or requested URL")
    image = pa.struct(
        [
            pa.field("src", pa.string(), nullable=False),
            pa.field("alt", pa.string()),
            pa.field("caption", pa.string()),
            pa.field("credit", pa.string()),
        ]
    )
    link = pa.struct(
        [
            pa.field("start", pa.int64(), nullable=False),
            pa.field("end", pa.int64(), nullable=False),
            pa.field("href", pa.string(), nullable=False),
        ]
    )
    # A block's optional parts are null where the block has none (a paragraph has no rows),
    # as its JSON object lacks their keys; Block.from_dict reads both the same way.
    block = pa.struct(
        [
            pa.field("kind", pa.string(), nullable=False),
            pa.field("text", pa.string(), nullable=False),
            pa.field("level", pa.int64()),
            pa.field("rows", pa.list_(pa.field("element", strings(), nullable=False))),
            pa.field("header", pa.bool_()),
            pa.field("language", pa.string()),
            pa.field("links", pa.list_(pa.field("element", link, nullable=False))),
        ]
    )
    articles = [
        aid,
        source,
        col("url", pa.string(), "the page URL"),
        col("canonical_url", pa.string(), "the page's canonical URL"),
        col("headline", pa.string(), "headline"),
        col("standfirst", pa.string(), "standfirst (deck, subheading)"),
        col("authors", strings(), "author names in byline order", nullable=False),
        col("author_urls", pa.map_(pa.string(), pa.string()), "author name -> profile URL", nullable=False),
        col("publisher", pa.string(), "the publishing organisation (authors holds people only)"),
        *when("published", "publication date"),
        col("published_raw", pa.string(), "the publication date as the page wrote it"),
        col("published_source", pa.string(), "where the publication date was read"),
        *when("modified", "modification date"),
        col("modified_raw", pa.string(), "the modification date as the page wrote it"),
        col("language", pa.string(), "the page's language (primary subtag)"),
        col("site_name", pa.string(), "site name"),
        col("section", pa.string(), "section"),
        col("tags", strings(), "tags and keywords", nullable=False),
        col("description", pa.string(), "the page's description"),
        col("comment_count", pa.int64(), "comment count the page states"),
        col("page_type", pa.string(), "article, liveblog, forum or index"),
        col("paywalled", pa.bool_(), "a teaser cut short by a wall", nullable=False),
        col("images", pa.list_(pa.field("element", image, nullable=False)), "images", nullable=False),
        *when("fetched_at", "fetch time"),
        col("warnings", strings(), "extraction warnings", nullable=False),
        col("body", pa.string(), "the article text: the blocks' texts joined by newlines", nullable=False),
        col("blocks", pa.list_(pa.field("element", block, nullable=False)), "body blocks", nullable=False),
    ]
    quotes = [
        aid,
        col("quote_index", pa.int64(), "position among the article's quotes", nullable=False),
        col("kind", pa.string(), "direct, indirect, mixed or block", nullable=False),
        col("speaker", pa.string(), "speaker as written"),
        col("speaker_resolved", pa.string(), "speaker's full name when resolved"),
        col("cue", pa.string(), "the reporting verb"),
        col("addressee", pa.string(), "who was spoken to"),
        col("block_index", pa.int64(), "index into the article's blocks"),
        col("span_start", pa.int64(), "start offset in the text it was found in"),
        col("span_end", pa.int64(), "end offset in the text it was found in"),
        col("translated", pa.bool_(), "the quote is a translation", nullable=False),
        col("confidence", pa.float64(), "probability that the attribution is right"),
        col("text", pa.string(), "the quoted text", nullable=False),
    ]
    comments = [
        aid,
        col("comment_index", pa.int64(), "position in page order", nullable=False),
        col("comment_id", pa.string(), "the comment's id on the page"),
        col("parent_id", pa.string(), "id of the comment it replies to"),
        col("depth", pa.int64(), "reply depth, 0 for top level", nullable=False),
        col("author", pa.string(), "author name"),
        col("author_url", pa.string(), "author's profile URL"),
        *when("published", "comment date"),
        col("published_raw", pa.string(), "the date as the page wrote it"),
        col("likes", pa.int64(), "likes"),
        col("dislikes", pa.int64(), "dislikes"),
        col("liked_by", strings(), "names shown as liking it", nullable=False),
        col("author_deleted", pa.bool_(), "the author's account was deleted", nullable=False),
        col("permalink", pa.string(), "link to the comment"),
        col("text", pa.string(), "the comment text", nullable=False),
    ]
    errors = [
        aid,
        source,
        col("url", pa.string(), "the URL that failed"),
        col("error", pa.string(), "error kind, e.g. NotFound, TimeLimit", nullable=False),
        col("message", pa.string(), "what went wrong", nullable=False),
        *when("time", "when it failed"),
    ]
    tables = {"articles": articles, "quotes": quotes, "comments": comments, "errors": errors}
    return MappingProxyType(
        {
            name: pa.schema(
                fields, metadata={"extractor.table": name, "extractor.schema_version": SCHEMA_VERSION}
            )
            for name, fields in tables.items()
        }
    )


def __getattr__(name: str) -> Any:
    """``SCHEMAS``: :func:`schemas` as a module constant, built (and pyarrow imported) on first use."""
    if name == "SCHEMAS":
        return schemas()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def table_paths(target: str | os.PathLike[str]) -> dict[str, Path]:
    """Where each table goes: ``out.parquet`` -> ``out.parquet``, ``out.quotes.parquet``, ..."""
    path = Path(target)
    stem = path.name[: -len(".parquet")] if path.name.lower().endswith(".parquet") else path.name
    return {
        table: path if table == "articles" else path.with_name(f"{stem}.{table}.parquet")
        for table in TABLE_NAMES
    }


# -- records -> rows ----------------------------------------------------------------


def _when(name: str, value: datetime | None) -> dict[str, Any]:
    """A date as its two columns: the UTC instant and the offset it was stated with."""
    if value is None:
        return {name: None, f"{name}_utc_offset": None}
    offset = value.utcoffset()
    if offset is None:  # naive: stored as if UTC, and told apart by the null offset
        return {name: value.replace(tzinfo=timezone.utc), f"{name}_utc_offset": None}
    return {name: value, f"{name}_utc_offset": int(offset.total_seconds())}


def article_row(article: Article, aid: str, source: str | None) -> dict[str, Any]:
    """The articles-table row of one article (its quotes and comments are rows of their own tables)."""
    return {
        "article_id": aid,
        "source": source,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "authors": list(article.authors),
        "author_urls": list(article.author_urls.items()),
        "publisher": article.publisher,
        **_when("published", article.published),
        "published_raw": article.published_raw,
        "published_source": article.published_source,
        **_when("modified", article.modified),
        "modified_raw": article.modified_raw,
        "language": article.language,
        "site_name": article.site_name,
        "section": article.section,
        "tags": list(article.tags),
        "description": article.description,
        "comment_count": article.comment_count,
        "page_type": article.page_type,
        "paywalled": article.paywalled,
        "images": [image.to_dict() for image in article.images],
        **_when("fetched_at", article.fetched_at),
        "warnings": list(article.warnings),
        "body": article.body,
        "blocks": [block.to_dict() for block in article.blocks],
    }


def quote_rows(article: Article, aid: str) -> list[dict[str, Any]]:
    return list(quote_values(article, aid))


def comment_rows(article: Article, aid: str) -> list[dict[str, Any]]:
    rows = []
    for values in comment_values(article, aid):
        row: dict[str, Any] = {}
        for name, value in values.items():
            row.update(_when(name, value) if name == "published" else {name: value})
        rows.append(row)  # 'published' as the schema's instant and offset, in its place
    return rows


def error_row(error: ErrorRecord, aid: str, source: str | None) -> dict[str, Any]:
    return {
        "article_id": aid,
        "source": source,
        "url": error.url,
        "error": error.error,
        "message": error.message,
        **_when("time", error.time),
    }


def record_rows(record: Record, aid: str, source: str | None) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table, rows) for one record, as dicts keyed by the :data:`SCHEMAS` column names.

    Public so that other writers of these tables (the Dask integration's ``to_parquet``)
    build rows the one way this exporter does: ``pyarrow.Table.from_pylist(rows,
    schema=SCHEMAS[table])``.
    """
    if isinstance(record, ErrorRecord):
        yield "errors", [error_row(record, aid, source)]
        return
    yield "quotes", quote_rows(record, aid)
    yield "comments", comment_rows(record, aid)
    yield "articles", [article_row(record, aid, source)]


def _text_size(value: Any) -> int:
    """About how many characters of text a row value holds (for the row group's byte budget)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(_text_size(item) for item in value)
    if isinstance(value, dict):
        return sum(_text_size(item) for item in value.values())
    return 0


# -- the exporter -------------------------------------------------------------------


class _TableBuffer:
    """One table's pending rows and its open ``ParquetWriter``; a full buffer becomes a row group."""

    def __init__(self, writer: Any, schema: Any, batch_rows: int, batch_bytes: int) -> None:
        self.writer = writer
        self.schema = schema
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.rows: list[dict[str, Any]] = []
        self.size = 0
        self.row_groups = 0

    def add(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.rows.append(row)
            self.size += _text_size(row) + _ROW_OVERHEAD
        if len(self.rows) >= self.batch_rows or self.size >= self.batch_bytes:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        pa, _ = pyarrow_modules()
        self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self.row_groups += 1
        self.rows = []
        self.size = 0


class ParquetExporter(Exporter):
    """Articles, quotes, comments and errors as four Parquet files with the schemas of :data:`SCHEMAS`.

    ``batch_rows`` / ``batch_bytes``: a table's buffered rows are written as one row group
    when either is reached. ``compression``: any codec pyarrow's ``ParquetWriter`` takes
    (zstd by default: text compresses 3-5x and every current reader decodes it). A path
    target only: a stream (stdout) cannot hold a binary file per table.
    """

    format_name = "parquet"

    def __init__(
        self,
        target: Target,
        *,
        batch_rows: int = DEFAULT_BATCH_ROWS,
        batch_bytes: int = DEFAULT_BATCH_BYTES,
        compression: str = "zstd",
    ) -> None:
        if is_stream(target):
            raise TypeError("Parquet is written to files (OUT.parquet and its .quotes/.comments/.errors)")
        if batch_rows < 1 or batch_bytes < 1:
            raise ValueError("batch_rows and batch_bytes must be positive")
        super().__init__(target)
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.compression = compression
        self._ids = ArticleIds()
        self._tables: dict[str, _TableBuffer] = {}

    @property
    def row_groups(self) -> dict[str, int]:
        """How many row groups each table has written so far."""
        return {name: table.row_groups for name, table in self._tables.items()}

    def _begin(self) -> None:
        _, pq = pyarrow_modules()
        tables = schemas()
        for table, path in table_paths(self.target).items():  # type: ignore[arg-type]  # not a stream: __init__
            atomic = AtomicFile(path, binary=True)
            self._atomic_files.append(atomic)
            writer = pq.ParquetWriter(atomic.open(), tables[table], compression=self.compression)
            self._tables[table] = _TableBuffer(writer, tables[table], self.batch_rows, self.batch_bytes)

    def _write(self, record: Record, key: str | None) -> None:
        aid = self._ids.issue(record, key)
        for table, rows in record_rows(record, aid, key):
            self._tables[table].add(rows)

    def _end(self) -> None:
        """Write the last rows and each file's footer; the base class then publishes the files."""
        for table in self._tables.values():
            table.flush()
            table.writer.close()

    def abort(self) -> None:
        """Close the writers (else pyarrow writes their footers to freed files later), then discard."""
        for table in self._tables.values():
            with contextlib.suppress(Exception):
                table.writer.close()
        self._tables.clear()
        super().abort()


# -- reading back -------------------------------------------------------------------


def _utc_back(value: datetime | None, offset: int | None) -> datetime | None:
    """Inverse of :func:`_when`: the stated offset again, or a naive date when none was stated."""
    if value is None:
        return None
    if offset is None:
        return value.replace(tzinfo=None)
    return value.astimezone(timezone(timedelta(seconds=offset)))


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    _, pq = pyarrow_modules()
    for batch in pq.ParquetFile(path).iter_batches():
        yield from batch.to_pylist()


def read_records(target: str | os.PathLike[str]) -> Iterator[Record]:
    """The records a :class:`ParquetExporter` wrote to ``target``: every article, then every error.

    Each article is rebuilt whole (its quotes and comments joined back on ``article_id``)
    and equals the record that was written; errors follow, in their order (the two kinds
    are separate tables, so their interleaving is not kept, as with CSV). The quotes and
    comments tables are held in memory, grouped by article; the articles are streamed.
    """
    paths = table_paths(target)
    quotes: dict[str, list[Quote]] = {}
    for row in _rows(paths["quotes"]):
        span = (row["span_start"], row["span_end"]) if row["span_start"] is not None else None
        quote = Quote(
            text=row["text"],
            kind=row["kind"],
            speaker=row["speaker"],
            speaker_resolved=row["speaker_resolved"],
            cue=row["cue"],
            addressee=row["addressee"],
            block_index=row["block_index"],
            span=span,
            translated=row["translated"],
            confidence=row["confidence"],
        )
        quotes.setdefault(row["article_id"], []).append(quote)
    comments: dict[str, list[Comment]] = {}
    for row in _rows(paths["comments"]):
        comment = Comment(
            text=row["text"],
            id=row["comment_id"],
            parent_id=row["parent_id"],
            depth=row["depth"],
            author=row["author"],
            author_url=row["author_url"],
            published=_utc_back(row["published"], row["published_utc_offset"]),
            published_raw=row["published_raw"],
            likes=row["likes"],
            dislikes=row["dislikes"],
            liked_by=row["liked_by"],
            permalink=row["permalink"],
            author_deleted=row["author_deleted"],
        )
        comments.setdefault(row["article_id"], []).append(comment)
    for row in _rows(paths["articles"]):
        meta = PageMeta(
            canonical_url=row["canonical_url"],
            headline=row["headline"],
            standfirst=row["standfirst"],
            authors=row["authors"],
            published=_utc_back(row["published"], row["published_utc_offset"]),
            published_raw=row["published_raw"],
            modified=_utc_back(row["modified"], row["modified_utc_offset"]),
            modified_raw=row["modified_raw"],
            language=row["language"],
            site_name=row["site_name"],
            section=row["section"],
            tags=row["tags"],
            description=row["description"],
            images=[Image.from_dict(image) for image in row["images"]],
            published_source=row["published_source"],
            author_urls=dict(row["author_urls"]),
            publisher=row.get("publisher"),  # files written before the column existed have none
        )
        yield Article(
            url=row["url"],
            meta=meta,
            blocks=[Block.from_dict(block) for block in row["blocks"]],
            quotes=quotes.pop(row["article_id"], []),
            comments=comments.pop(row["article_id"], []),
            comment_count=row["comment_count"],
            page_type=row["page_type"],
            paywalled=row["paywalled"],
            fetched_at=_utc_back(row["fetched_at"], row["fetched_at_utc_offset"]),
            warnings=row["warnings"],
        )
    for row in _rows(paths["errors"]):
        yield ErrorRecord(
            url=row["url"],
            error=row["error"],
            message=row["message"],
            time=_utc_back(row["time"], row["time_utc_offset"]),
        )
