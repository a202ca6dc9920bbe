"""Exporters: every format passes the same contract tests (one abstract class, one subclass per format)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from extractor.export import (
    ARTICLE_FIELDS,
    COMMENT_FIELDS,
    ERROR_FIELDS,
    QUOTE_FIELDS,
    AtomicFile,
    CsvExporter,
    JsonExporter,
    JsonLinesExporter,
    article_id,
    get_exporter,
    record_from_dict,
    table_paths,
)
from extractor.export.csvfmt import cell
from extractor.model import Article, Block, Comment, ErrorRecord, Image, Quote

TRICKY = 'Commas, "double quotes", a\nnewline, a\r\nCRLF, tabs\tand ünïcödé — «ça» 東京 \u2028 end'


def make_article(n: int = 1, *, url: str | None = "https://news.example/a/{n}") -> Article:
    when = datetime(2024, 3, 5, 14, 30, tzinfo=timezone(timedelta(hours=1)))
    return Article(
        url=url.format(n=n) if url else None,
        canonical_url=f"https://news.example/canonical/{n}" if url else None,
        headline=f"Headline {n}: {TRICKY}",
        standfirst="A standfirst, with a comma",
        authors=["Ann O'Neil", 'Bo "The Pen" Chen'],
        published=when,
        published_raw="5 March 2024, 14:30",
        modified=when + timedelta(hours=2),
        language="en",
        site_name="Example News",
        section="World",
        tags=["a, b", "c|d"],
        description=TRICKY,
        images=[Image(src="https://news.example/i.jpg", alt="alt, text", caption="cap\nline", credit="cr")],
        blocks=[
            Block("heading", "Sub, head", level=2),
            Block("paragraph", TRICKY),
            Block("blockquote", "“Quoted,” she said."),
        ],
        quotes=[
            Quote("Quoted,", "direct", speaker="she", cue="said", block_index=2, span=(1, 8)),
            Quote('it was "fine"\nreally', "indirect", speaker_resolved="Ann O'Neil", translated=True),
        ],
        comments=[
            Comment("First, comment\nwith newline", id="c1", author="Zoë", published=when, likes=3),
            Comment(
                "Reply, «quoted»",
                id="c2",
                parent_id="c1",
                depth=1,
                author=None,
                dislikes=1,
                liked_by=["x", "y, z"],
                author_deleted=True,
                permalink="https://news.example/a/1#c2",
            ),
        ],
        comment_count=2,
        fetched_at=when + timedelta(days=1),
        warnings=["no byline"],
    )


def make_error(n: int = 1) -> ErrorRecord:
    return ErrorRecord(
        url=f"https://news.example/missing/{n}",
        error="NotFound",
        message='HTTP 404, "gone"\nsecond line',
        time=datetime(2024, 3, 6, tzinfo=timezone.utc),
    )


def make_records() -> list[Article | ErrorRecord]:
    return [make_article(1), make_error(1), make_article(2, url=None), make_article(3)]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


class ExporterContract:
    """The tests every format must pass; subclasses name the format and how to read it back."""

    fmt: str
    suffix: str

    def read_back(self, path: Path) -> Any:
        raise NotImplementedError

    def assert_same(self, records: list[Article | ErrorRecord], written: Any) -> None:
        raise NotImplementedError

    def export(self, target: Any, records: list[Article | ErrorRecord]) -> None:
        with get_exporter(self.fmt, target) as exporter:
            for index, record in enumerate(records):
                exporter.export_item(record, key=f"input-{index}.html")

    def test_round_trip(self, tmp_path: Path) -> None:
        records = make_records()
        target = tmp_path / f"out{self.suffix}"
        self.export(target, records)
        self.assert_same(records, self.read_back(target))

    def test_empty_batch_is_valid(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        self.export(target, [])
        self.assert_same([], self.read_back(target))

    def test_target_appears_only_on_finish(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        exporter = get_exporter(self.fmt, target)
        exporter.start_exporting()
        exporter.export_item(make_article())
        assert not target.exists()
        exporter.finish_exporting()
        assert target.exists()
        assert leftovers(tmp_path) == []

    def test_exception_mid_export_leaves_no_target_and_no_temp(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        with pytest.raises(RuntimeError, match="boom"), get_exporter(self.fmt, target) as exporter:
            exporter.export_item(make_article(1))
            raise RuntimeError("boom")
        assert list(tmp_path.iterdir()) == []

    def test_failed_run_keeps_previous_output(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        self.export(target, [make_article(1)])
        before = target.read_bytes()
        with pytest.raises(KeyboardInterrupt), get_exporter(self.fmt, target) as exporter:
            exporter.export_item(make_article(2))
            raise KeyboardInterrupt
        assert target.read_bytes() == before
        assert leftovers(tmp_path) == []

    def test_streams_records_to_disk_before_finish(self, tmp_path: Path) -> None:
        """A record is on disk (in the temp file) as soon as it is exported, not kept for the end."""
        big = make_article(1)
        big.blocks = [Block("paragraph", "word, " * 50_000)]
        exporter = get_exporter(self.fmt, tmp_path / f"out{self.suffix}")
        exporter.start_exporting()
        exporter.export_item(big)
        temp_sizes = [(tmp_path / name).stat().st_size for name in leftovers(tmp_path)]
        assert max(temp_sizes) > 200_000
        exporter.abort()
        assert list(tmp_path.iterdir()) == []

    def test_writes_to_open_stream_without_closing_it(self) -> None:
        stream = io.StringIO()
        with get_exporter(self.fmt, stream) as exporter:
            exporter.export_item(make_article())
        assert not stream.closed
        assert "Headline 1" in stream.getvalue()

    def test_life_cycle_is_enforced(self, tmp_path: Path) -> None:
        exporter = get_exporter(self.fmt, tmp_path / f"out{self.suffix}")
        with pytest.raises(RuntimeError):
            exporter.export_item(make_article())
        exporter.start_exporting()
        with pytest.raises(RuntimeError):
            exporter.start_exporting()
        with pytest.raises(TypeError):
            exporter.export_item({"headline": "a dict is not a record"})  # type: ignore[arg-type]
        exporter.finish_exporting()
        with pytest.raises(RuntimeError):
            exporter.export_item(make_article())

    def test_counts_articles_and_errors(self) -> None:
        with get_exporter(self.fmt, io.StringIO()) as exporter:
            for record in make_records():
                exporter.export_item(record)
        assert (exporter.items_exported, exporter.errors_exported) == (3, 1)

    def test_output_is_utf8(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        self.export(target, [make_article()])
        text = target.read_bytes().decode("utf-8")
        assert "東京" in text and "ünïcödé" in text


class TestJson(ExporterContract):
    fmt, suffix = "json", ".json"

    def read_back(self, path: Path) -> Any:
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def assert_same(self, records: list[Article | ErrorRecord], written: Any) -> None:
        assert isinstance(written, list)
        assert [record_from_dict(d) for d in written] == records
        assert written == [r.to_dict() for r in records]

    def test_error_objects_have_documented_keys(self) -> None:
        stream = io.StringIO()
        with JsonExporter(stream) as exporter:
            exporter.export_item(make_error())
        assert list(json.loads(stream.getvalue())[0]) == ["url", "error", "message", "time"]

    def test_indent_still_parses(self) -> None:
        stream = io.StringIO()
        with JsonExporter(stream, indent=2) as exporter:
            for record in make_records():
                exporter.export_item(record)
        assert [record_from_dict(d) for d in json.loads(stream.getvalue())] == make_records()


class TestJsonLines(ExporterContract):
    fmt, suffix = "jsonl", ".jsonl"

    def read_back(self, path: Path) -> Any:
        return path.read_text(encoding="utf-8")

    def assert_same(self, records: list[Article | ErrorRecord], written: Any) -> None:
        # splitlines() splits on U+2028 too: one record per line must survive it.
        lines = written.splitlines()
        assert len(lines) == len(records)
        assert [record_from_dict(json.loads(line)) for line in lines] == records


class TestCsv(ExporterContract):
    fmt, suffix = "csv", ".csv"

    def read_back(self, path: Path) -> Any:
        tables = {}
        for table, table_path in table_paths(path).items():
            with open(table_path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                header = next(reader)
                tables[table] = (header, [dict(zip(header, row)) for row in reader])
        return tables

    def assert_same(self, records: list[Article | ErrorRecord], written: Any) -> None:
        assert [written[t][0] for t in ("articles", "quotes", "comments", "errors")] == [
            list(ARTICLE_FIELDS),
            list(QUOTE_FIELDS),
            list(COMMENT_FIELDS),
            list(ERROR_FIELDS),
        ]
        articles = [r for r in records if isinstance(r, Article)]
        errors = [r for r in records if isinstance(r, ErrorRecord)]
        rows = written["articles"][1]
        assert len(rows) == len(articles)
        for article, row in zip(articles, rows):
            assert_article_row(article, row)
            aid = row["article_id"]
            assert_quote_rows(article, [q for q in written["quotes"][1] if q["article_id"] == aid])
            assert_comment_rows(article, [c for c in written["comments"][1] if c["article_id"] == aid])
        assert len(written["errors"][1]) == len(errors)
        for error, row in zip(errors, written["errors"][1]):
            assert ErrorRecord.from_dict({**row, "time": row["time"] or None}) == error

    def test_four_tables_next_to_target(self, tmp_path: Path) -> None:
        self.export(tmp_path / "out.csv", make_records())
        names = sorted(p.name for p in tmp_path.iterdir())
        assert names == ["out.comments.csv", "out.csv", "out.errors.csv", "out.quotes.csv"]

    def test_stream_gets_articles_table_only(self) -> None:
        stream = io.StringIO(newline="")
        with CsvExporter(stream) as exporter:
            for record in make_records():
                exporter.export_item(record)
        rows = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
        assert rows[0] == list(ARTICLE_FIELDS)
        assert len(rows) == 4
        assert exporter.articles_only
        assert exporter.dropped_rows == 3 * 2 + 3 * 2 + 1  # quotes + comments + the error

    def test_article_id_falls_back_to_key_without_url(self, tmp_path: Path) -> None:
        self.export(tmp_path / "out.csv", make_records())
        rows = self.read_back(tmp_path / "out.csv")["articles"][1]
        assert rows[1]["article_id"] == article_id("input-2.html")
        assert rows[1]["source"] == "input-2.html"
        assert rows[0]["article_id"] == article_id("https://news.example/canonical/1")


def assert_article_row(article: Article, row: dict[str, str]) -> None:
    assert row["headline"] == article.headline
    assert row["body"] == article.body
    assert row["description"] == article.description
    assert json.loads(row["authors"]) == article.authors
    assert json.loads(row["tags"]) == article.tags
    assert json.loads(row["warnings"]) == article.warnings
    assert [Image.from_dict(d) for d in json.loads(row["images"])] == article.images
    assert datetime.fromisoformat(row["published"]) == article.published
    assert row["url"] == (article.url or "")
    assert int(row["comment_count"]) == article.comment_count


def assert_quote_rows(article: Article, rows: list[dict[str, str]]) -> None:
    assert [int(r["quote_index"]) for r in rows] == list(range(len(article.quotes)))
    for quote, row in zip(article.quotes, rows):
        span = (int(row["span_start"]), int(row["span_end"])) if row["span_start"] else None
        rebuilt = Quote(
            text=row["text"],
            kind=row["kind"],  # type: ignore[arg-type]
            speaker=row["speaker"] or None,
            speaker_resolved=row["speaker_resolved"] or None,
            cue=row["cue"] or None,
            addressee=row["addressee"] or None,
            block_index=int(row["block_index"]) if row["block_index"] else None,
            span=span,
            translated=row["translated"] == "true",
        )
        assert rebuilt == quote


def assert_comment_rows(article: Article, rows: list[dict[str, str]]) -> None:
    assert len(rows) == len(article.comments)
    for comment, row in zip(article.comments, rows):
        assert row["text"] == comment.text
        assert (row["comment_id"], row["parent_id"]) == (comment.id or "", comment.parent_id or "")
        assert int(row["depth"]) == comment.depth
        assert row["author"] == (comment.author or "")
        assert json.loads(row["liked_by"]) == comment.liked_by
        assert row["author_deleted"] == ("true" if comment.author_deleted else "false")
        assert row["likes"] == ("" if comment.likes is None else str(comment.likes))


# -- helpers ---------------------------------------------------------------------


def test_article_id_prefers_canonical_then_url_then_key() -> None:
    article = make_article(1)
    assert article_id(article) == article_id("https://news.example/canonical/1")
    article.canonical_url = None
    assert article_id(article, key="ignored.html") == article_id("https://news.example/a/1")
    bare = make_article(1, url=None)
    assert article_id(bare, key="pages/x.html") == article_id("pages/x.html")
    assert len(article_id(bare)) == 16 and int(article_id(bare), 16) >= 0
    assert article_id(bare) == article_id(make_article(1, url=None))  # deterministic without a key
    assert article_id("a") != article_id("b")


def test_cell_encoding_is_the_documented_one() -> None:
    assert cell(None) == ""
    assert cell(True) == "true" and cell(False) == "false"
    assert cell(["a, b", "ö"]) == '["a, b", "ö"]'
    assert cell([]) == "[]"
    assert cell(datetime(2024, 1, 2, 3, 4, tzinfo=timezone.utc)) == "2024-01-02T03:04:00+00:00"
    assert cell(0) == "0"


def test_table_paths() -> None:
    paths = table_paths("dir/out.csv")
    assert {k: str(v) for k, v in paths.items()} == {
        "articles": "dir/out.csv",
        "quotes": "dir/out.quotes.csv",
        "comments": "dir/out.comments.csv",
        "errors": "dir/out.errors.csv",
    }
    assert str(table_paths("out")["quotes"]) == "out.quotes.csv"


def test_get_exporter_knows_the_formats() -> None:
    assert isinstance(get_exporter("json", io.StringIO()), JsonExporter)
    assert isinstance(get_exporter("JSONL", io.StringIO()), JsonLinesExporter)
    assert isinstance(get_exporter("csv", io.StringIO()), CsvExporter)
    with pytest.raises(ValueError, match="xml"):
        get_exporter("xml", io.StringIO())


def test_atomic_file_append_seeds_from_target(tmp_path: Path) -> None:
    target = tmp_path / "log.jsonl"
    target.write_text("one\n", encoding="utf-8")
    with AtomicFile(target, append=True) as f:
        f.write("two\n")
        assert target.read_text(encoding="utf-8") == "one\n"
    assert target.read_text(encoding="utf-8") == "one\ntwo\n"
    assert leftovers(tmp_path) == []


def test_atomic_file_respects_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with AtomicFile(tmp_path / "x.txt") as f:
            f.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.txt").stat().st_mode) == 0o644


def test_atomic_file_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        AtomicFile(tmp_path / "nope" / "x.txt").open()
