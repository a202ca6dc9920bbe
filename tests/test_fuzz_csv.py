"""Fuzzing the CSV writer: every record round-trips through the four tables.

Records with arbitrary text (formula triggers, NUL, CR/LF, quotes, separators, very long
cells, any script) are written by CsvExporter and read back with the csv module: one row per
article, quote, comment and error; every text cell reads back as the text written (after
restore_formula when formulas are neutralised); no text cell a spreadsheet would run; every
quote and comment row joins to exactly one article on article_id.
Budgets and the long-run switch: tests/_fuzz.py.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from _fuzz import budget
from hypothesis import given
from hypothesis import strategies as st

from extractor import Article, Block, Comment, ErrorRecord, Image, Quote
from extractor.export import (
    ARTICLE_FIELDS,
    COMMENT_FIELDS,
    ERROR_FIELDS,
    QUOTE_FIELDS,
    CsvExporter,
    table_paths,
)
from extractor.export.csvfmt import FORMULA_TRIGGERS, restore_formula

# fmt: off
_NASTY = (
    "=", "+", "-", "@", "\t", "\r", "'", "'=", "''+", "\x00", "\r\n", "\n", '"', ",", ";", "\u2028", "\x85",
    "\ufeff", " ",
)
# fmt: on
_text = st.one_of(
    st.text(max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(_NASTY), st.text(max_size=20)),
    st.builds(
        lambda s, n: s * n, st.text(min_size=1, max_size=8), st.integers(1000, 30000)
    ),  # very long cells
)
if sys.version_info < (3, 11):  # the csv module reads NUL only since 3.11 (bpo-27580); it writes it always
    _text = _text.map(lambda s: s.replace("\x00", ""))
_opt_text = st.none() | _text
_dates = st.none() | st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.just(timezone(timedelta(hours=-5))) | st.just(timezone.utc),
)

_blocks = st.lists(
    st.builds(Block, kind=st.sampled_from(("paragraph", "heading", "blockquote")), text=_text), max_size=4
)
_quotes = st.lists(
    st.builds(
        Quote,
        text=_text,
        kind=st.sampled_from(("direct", "indirect", "block")),
        speaker=_opt_text,
        cue=_opt_text,
        block_index=st.none() | st.integers(-1, 9),
        span=st.none() | st.tuples(st.integers(0, 9), st.integers(0, 99)),
    ),
    max_size=3,
)
_comments = st.lists(
    st.builds(
        Comment,
        text=_text,
        id=_opt_text,
        parent_id=_opt_text,
        depth=st.integers(0, 5),
        author=_opt_text,
        author_url=_opt_text,
        published=_dates,
        published_raw=_opt_text,
        likes=st.none() | st.integers(-5, 10**12),
        liked_by=st.lists(_text, max_size=2),
        permalink=_opt_text,
    ),
    max_size=3,
)
_articles = st.builds(
    Article,
    url=_opt_text,
    canonical_url=_opt_text,
    headline=_opt_text,
    standfirst=_opt_text,
    authors=st.lists(_text, max_size=3),
    published=_dates,
    published_raw=_opt_text,
    site_name=_opt_text,
    tags=st.lists(_text, max_size=2),
    description=_opt_text,
    images=st.lists(st.builds(Image, src=_text, caption=_opt_text), max_size=2),
    blocks=_blocks,
    quotes=_quotes,
    comments=_comments,
    comment_count=st.none() | st.integers(-1, 10**6),
    fetched_at=_dates,
    warnings=st.lists(_text, max_size=2),
)
_errors = st.builds(
    ErrorRecord,
    url=_opt_text,
    error=st.sampled_from(("NotFound", "ExtractionError", "=1+1")),
    message=_text,
    time=_dates,
)
_records = st.lists(
    st.tuples(
        _articles | _errors, st.none() | st.sampled_from(("a.html", "=b.html", "-", "pages/c.html")) | _text
    ),
    min_size=1,
    max_size=5,
)


def _read(path: Path) -> list[list[str]]:
    limit = csv.field_size_limit()
    csv.field_size_limit(1 << 30)  # very long cells: the reader's default limit is 128 KB
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))
    finally:
        csv.field_size_limit(limit)


def _expected(value: Any) -> str:
    return "" if value is None else value


def _check_text(read: str, written: str | None, escaped: bool) -> None:
    if escaped:
        assert not read.startswith(FORMULA_TRIGGERS), read[:20]
        read = restore_formula(read)
    assert read == _expected(written)


@budget(80)
@given(_records, st.booleans())
def test_csv_round_trip(records: list[tuple[Article | ErrorRecord, str | None]], escape: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.csv"
        with CsvExporter(target, escape_formulas=escape) as exporter:
            for record, key in records:
                exporter.export_item(record, key=key)
        tables = {name: _read(path) for name, path in table_paths(target).items()}

    fields = {
        "articles": ARTICLE_FIELDS,
        "quotes": QUOTE_FIELDS,
        "comments": COMMENT_FIELDS,
        "errors": ERROR_FIELDS,
    }
    rows: dict[str, list[dict[str, str]]] = {}
    for name, table in tables.items():
        assert tuple(table[0]) == fields[name]
        assert all(len(row) == len(fields[name]) for row in table[1:])
        rows[name] = [dict(zip(fields[name], row, strict=True)) for row in table[1:]]

    articles = [(r, k) for r, k in records if isinstance(r, Article)]
    errors = [(r, k) for r, k in records if isinstance(r, ErrorRecord)]
    assert len(rows["articles"]) == len(articles)
    assert len(rows["errors"]) == len(errors)
    ids = [row["article_id"] for row in rows["articles"]] + [row["article_id"] for row in rows["errors"]]
    assert len(set(ids)) == len(ids)  # one id per input: joins are never ambiguous

    for (article, key), row in zip(articles, rows["articles"], strict=True):
        for name in (
            "url",
            "canonical_url",
            "headline",
            "standfirst",
            "published_raw",
            "site_name",
            "description",
            "body",
        ):
            _check_text(row[name], getattr(article, name), escape)
        _check_text(row["source"], key, escape)
        assert json.loads(row["authors"]) == article.authors
        assert json.loads(row["tags"]) == article.tags
        assert json.loads(row["warnings"]) == article.warnings
        assert [d["src"] for d in json.loads(row["images"])] == [i.src for i in article.images]
        assert row["published"] == (article.published.isoformat() if article.published else "")
        assert row["comment_count"] == ("" if article.comment_count is None else str(article.comment_count))
        aid = row["article_id"]
        quotes = [q for q in rows["quotes"] if q["article_id"] == aid]
        assert len(quotes) == len(article.quotes)
        for quote, qrow in zip(article.quotes, quotes, strict=True):
            for name in ("text", "speaker", "cue"):
                _check_text(qrow[name], getattr(quote, name), escape)
        comments = [c for c in rows["comments"] if c["article_id"] == aid]
        assert len(comments) == len(article.comments)
        for comment, crow in zip(article.comments, comments, strict=True):
            for field, name in (
                ("comment_id", "id"),
                ("parent_id", "parent_id"),
                ("author", "author"),
                ("author_url", "author_url"),
                ("published_raw", "published_raw"),
                ("permalink", "permalink"),
                ("text", "text"),
            ):
                _check_text(crow[field], getattr(comment, name), escape)
            assert json.loads(crow["liked_by"]) == comment.liked_by
            assert crow["likes"] == ("" if comment.likes is None else str(comment.likes))
    article_ids = {row["article_id"] for row in rows["articles"]}
    assert all(row["article_id"] in article_ids for row in rows["quotes"] + rows["comments"])
    assert len(rows["quotes"]) == sum(len(a.quotes) for a, _ in articles)
    assert len(rows["comments"]) == sum(len(a.comments) for a, _ in articles)

    for (error, key), row in zip(errors, rows["errors"], strict=True):
        for name in ("url", "message"):
            _check_text(row[name], getattr(error, name), escape)
        _check_text(row["error"], error.error, escape)
        _check_text(row["source"], key, escape)
