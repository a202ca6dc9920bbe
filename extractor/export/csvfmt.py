"""CSV: four joinable tables, one row per article, quote, comment and failed page.

Given a target ``out.csv`` the exporter writes

    out.csv            articles   (ARTICLE_FIELDS)  one row per article
    out.quotes.csv     quotes     (QUOTE_FIELDS)    one row per quote
    out.comments.csv   comments   (COMMENT_FIELDS)  one row per reader comment
    out.errors.csv     errors     (ERROR_FIELDS)    one row per page that failed

All four are always written (header only when empty), so a script can rely on
them existing. They join on ``article_id``, a stable hash of the input the
record came from (its key: the file path or requested URL; else its URL,
else its canonical URL; see :func:`~extractor.export.base.article_id`), made
unique within the output by :class:`~extractor.export.base.ArticleIds`, so
two inputs with one canonical URL never share rows. Failed pages get their own table
rather than an ``error`` column in ``articles``, because they share no other
column with articles.

Encoding, fixed so that the tables are lossless for every exported field:

- UTF-8 without BOM, RFC 4180 quoting (the ``csv`` module's ``excel``
  dialect): a cell with a comma, a quote or a newline is quoted, quotes are
  doubled, rows end with CRLF, newlines inside cells are kept as they are;
- lists (``authors``, ``tags``, ``warnings``, ``liked_by``) and lists of
  objects (``images``) are JSON array text, e.g. ``["Ann Lee", "Bo Chen"]``;
  an empty list is ``[]``;
- dates are ISO 8601, booleans ``true`` / ``false``, a missing value (None)
  is an empty cell;
- the article text is ``body`` (the blocks joined by newlines); block kinds
  and heading levels are only in the JSON formats;
- a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return (or with apostrophes before one) gets a leading ``'``
  (:func:`neutralise_formula`), because a spreadsheet opening the file
  would otherwise run it as a formula (OWASP
  "CSV injection": page text is written by strangers). Only text from the
  record is touched, never the numbers, dates, booleans and lists we format
  ourselves; ``escape_formulas=False`` writes text verbatim.

Rows are built and encoded by the functions of this module alone
(:func:`record_rows`, :func:`csv_text`), for this exporter and for the
resumable :class:`~extractor.export.append.CsvAppender` alike, so the two
write the same bytes for the same records.

Writing to a stream (e.g. stdout) writes the articles table only: one stream
cannot hold four tables. :attr:`CsvExporter.dropped_rows` counts what was
left out so the caller can say so.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..model import Article, ErrorRecord
from .base import ArticleIds, Exporter, Record, Target, comment_values, is_stream, quote_values

ARTICLE_FIELDS: tuple[str, ...] = (
    "article_id",
    "source",
    "url",
    "canonical_url",
    "headline",
    "standfirst",
    "authors",
    "author_urls",
    "publisher",
    "published",
    "published_raw",
    "published_source",
    "modified",
    "modified_raw",
    "language",
    "site_name",
    "section",
    "tags",
    "description",
    "comment_count",
    "page_type",
    "paywalled",
    "images",
    "fetched_at",
    "warnings",
    "body",
)
QUOTE_FIELDS: tuple[str, ...] = (
    "article_id",
    "quote_index",
    "kind",
    "speaker",
    "speaker_resolved",
    "cue",
    "addressee",
    "block_index",
    "span_start",
    "span_end",
    "translated",
    "confidence",
    "text",
)
COMMENT_FIELDS: tuple[str, ...] = (
    "article_id",
    "comment_index",
    "comment_id",
    "parent_id",
    "depth",
    "author",
    "author_url",
    "published",
    "published_raw",
    "likes",
    "dislikes",
    "liked_by",
    "author_deleted",
    "permalink",
    "text",
)
ERROR_FIELDS: tuple[str, ...] = ("article_id", "source", "url", "error", "message", "time")

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_FIELDS,
    "quotes": QUOTE_FIELDS,
    "comments": COMMENT_FIELDS,
    "errors": ERROR_FIELDS,
}


def table_paths(target: str | os.PathLike[str]) -> dict[str, Path]:
    """Where each table goes: ``out.csv`` -> ``out.csv``, ``out.quotes.csv``, ..."""
    path = Path(target)
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    return {table: path if table == "articles" else path.with_name(f"{stem}.{table}.csv") for table in TABLES}


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet would run it as a formula, else unchanged.

    The apostrophe is the usual defence: Excel, LibreOffice and Google Sheets
    show the cell as text, and it is one visible character that a reader of
    the raw file can strip (:func:`restore_formula`). Text that already starts
    with apostrophes before a trigger (``'=x``) gets one more, so that stripping
    one gives back exactly the text written, whatever it was.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_TRIGGERS) else text


def restore_formula(text: str) -> str:
    """Inverse of :func:`neutralise_formula` for a cell read back (e.g. URLs on resume)."""
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(FORMULA_TRIGGERS) else text


def cell(value: Any, *, escape_formulas: bool = True) -> str:
    """Encode one value the documented way (JSON text for lists, ISO dates, true/false).

    Only ``str`` values (text taken from the page or the input) are neutralised:
    an int such as ``-3`` is ours and stays a number.
    """
    if isinstance(value, str):
        return neutralise_formula(value) if escape_formulas else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        items = [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
        return json.dumps(items, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def article_row(article: Article, aid: str, source: str | None, *, escape_formulas: bool = True) -> list[str]:
    values: dict[str, Any] = {"article_id": aid, "source": source, "body": article.body}
    return [
        cell(values[name] if name in values else getattr(article, name), escape_formulas=escape_formulas)
        for name in ARTICLE_FIELDS
    ]


def quote_rows(article: Article, aid: str, *, escape_formulas: bool = True) -> Iterator[list[str]]:
    for values in quote_values(article, aid):
        yield [cell(values[name], escape_formulas=escape_formulas) for name in QUOTE_FIELDS]


def comment_rows(article: Article, aid: str, *, escape_formulas: bool = True) -> Iterator[list[str]]:
    for values in comment_values(article, aid):
        yield [cell(values[name], escape_formulas=escape_formulas) for name in COMMENT_FIELDS]


def error_row(error: ErrorRecord, aid: str, source: str | None, *, escape_formulas: bool = True) -> list[str]:
    values: dict[str, Any] = {"article_id": aid, "source": source, **error.to_dict()}
    values["time"] = error.time
    return [cell(values[name], escape_formulas=escape_formulas) for name in ERROR_FIELDS]


def record_rows(
    record: Record, aid: str, source: str | None, *, escape_formulas: bool = True
) -> Iterator[tuple[str, Iterable[list[str]]]]:
    """(table, rows) for one record: its error row, or its quote, comment and article rows.

    An article's own row comes last: an appender that lost its journal then
    still never has an article row without the quote and comment rows before it.
    """
    if isinstance(record, ErrorRecord):
        yield "errors", [error_row(record, aid, source, escape_formulas=escape_formulas)]
        return
    yield "quotes", quote_rows(record, aid, escape_formulas=escape_formulas)
    yield "comments", comment_rows(record, aid, escape_formulas=escape_formulas)
    yield "articles", [article_row(record, aid, source, escape_formulas=escape_formulas)]


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV text in the documented encoding (``excel`` dialect: RFC 4180 quoting, CRLF)."""
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


class CsvExporter(Exporter):
    """Articles, quotes, comments and errors as four CSV tables (one for a stream).

    ``escape_formulas`` (default on): text cells a spreadsheet would run as a
    formula get a leading ``'`` (see :func:`neutralise_formula`).
    """

    format_name = "csv"
    newline = ""  # the csv module writes its own line endings and embedded newlines

    def __init__(self, target: Target, *, escape_formulas: bool = True) -> None:
        super().__init__(target)
        self.escape_formulas = escape_formulas
        self._outputs: dict[str, IO[str]] = {}
        self._ids = ArticleIds()
        self.dropped_rows = 0

    @property
    def articles_only(self) -> bool:
        """True when writing to a stream, where only the articles table fits."""
        return is_stream(self.target)

    def _begin(self) -> None:
        if self.articles_only:
            outputs: dict[str, Target] = {"articles": self.target}
        else:
            outputs = dict(table_paths(self.target))  # type: ignore[arg-type]
        for table, output in outputs.items():
            out = self._open(output)
            out.write(csv_text([TABLES[table]]))
            self._outputs[table] = out

    def _write(self, record: Record, key: str | None) -> None:
        aid = self._ids.issue(record, key)
        for table, rows in record_rows(record, aid, key, escape_formulas=self.escape_formulas):
            out = self._outputs.get(table)
            if out is None:
                self.dropped_rows += sum(1 for _ in rows)
            else:
                out.write(csv_text(rows))

    def _end(self) -> None:
        """Nothing to add: every row is complete when written."""
