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

from extractor.core.atomic import AtomicFile
from extractor.export import (
    ARTICLE_FIELDS,
    COMMENT_FIELDS,
    ERROR_FIELDS,
    QUOTE_FIELDS,
    CsvAppender,
    CsvExporter,
    JsonExporter,
    JsonLinesExporter,
    article_id,
    get_exporter,
    record_from_dict,
    table_paths,
)
from extractor.export.csvfmt import cell, neutralise_formula, restore_formula
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

    def export_then_fail(self, target: Path, record: Article, error: BaseException) -> None:
        """Export one record, then fail inside the exporter's context, as a run that crashes."""
        with get_exporter(self.fmt, target) as exporter:
            exporter.export_item(record)
            raise error

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
        with pytest.raises(RuntimeError, match="boom"):
            self.export_then_fail(target, make_article(1), RuntimeError("boom"))
        assert list(tmp_path.iterdir()) == []

    def test_failed_run_keeps_previous_output(self, tmp_path: Path) -> None:
        target = tmp_path / f"out{self.suffix}"
        self.export(target, [make_article(1)])
        before = target.read_bytes()
        with pytest.raises(KeyboardInterrupt):
            self.export_then_fail(target, make_article(2), KeyboardInterrupt())
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
        assert "東京" in text
        assert "ünïcödé" in text


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
                tables[table] = (header, [dict(zip(header, row, strict=True)) for row in reader])
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
        for article, row in zip(articles, rows, strict=True):
            assert_article_row(article, row)
            aid = row["article_id"]
            assert_quote_rows(article, [q for q in written["quotes"][1] if q["article_id"] == aid])
            assert_comment_rows(article, [c for c in written["comments"][1] if c["article_id"] == aid])
        assert len(written["errors"][1]) == len(errors)
        for error, row in zip(errors, written["errors"][1], strict=True):
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

    def test_article_id_is_the_hash_of_the_input_key(self, tmp_path: Path) -> None:
        self.export(tmp_path / "out.csv", make_records())
        rows = self.read_back(tmp_path / "out.csv")["articles"][1]
        assert rows[1]["article_id"] == article_id("input-2.html")
        assert rows[1]["source"] == "input-2.html"
        assert rows[0]["article_id"] == article_id("input-0.html")


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
    for quote, row in zip(article.quotes, rows, strict=True):
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
            confidence=float(row["confidence"]) if row["confidence"] else None,
        )
        assert rebuilt == quote


def assert_comment_rows(article: Article, rows: list[dict[str, str]]) -> None:
    assert len(rows) == len(article.comments)
    for comment, row in zip(article.comments, rows, strict=True):
        assert row["text"] == comment.text
        assert (row["comment_id"], row["parent_id"]) == (comment.id or "", comment.parent_id or "")
        assert int(row["depth"]) == comment.depth
        assert row["author"] == (comment.author or "")
        assert json.loads(row["liked_by"]) == comment.liked_by
        assert row["author_deleted"] == ("true" if comment.author_deleted else "false")
        assert row["likes"] == ("" if comment.likes is None else str(comment.likes))


# -- helpers ---------------------------------------------------------------------


def test_article_id_prefers_key_then_url_then_canonical() -> None:
    article = make_article(1)
    assert article_id(article, key="pages/a.html") == article_id("pages/a.html")
    assert article_id(article) == article_id("https://news.example/a/1")
    article.url = None
    assert article_id(article) == article_id("https://news.example/canonical/1")
    bare = make_article(1, url=None)
    assert article_id(bare, key="pages/x.html") == article_id("pages/x.html")
    assert len(article_id(bare)) == 16
    assert int(article_id(bare), 16) >= 0
    assert article_id(bare) == article_id(make_article(1, url=None))  # deterministic without a key
    assert article_id("a") != article_id("b")


def test_cell_encoding_is_the_documented_one() -> None:
    assert cell(None) == ""
    assert cell(True) == "true"
    assert cell(False) == "false"
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


# -- CSV formula injection (issue 16, case 5) ------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def formula_article() -> Article:
    """Every text column that comes from a page starts like a formula; numbers are negative."""
    article = make_article(1)
    article.headline, article.standfirst, article.section = FORMULAS[0], FORMULAS[1], FORMULAS[2]
    article.blocks = [Block("paragraph", "=cmd|' /C calc'!A0"), Block("paragraph", "plain")]
    article.quotes = [
        Quote(FORMULAS[3], "direct", speaker=FORMULAS[4], cue="-said", span=(0, 9), block_index=0)
    ]
    article.comments = [
        Comment(FORMULAS[5], id="-7", author="@anna", author_url="=evil()", likes=-3, dislikes=0),
        Comment("fine", id="c2", parent_id="-7", depth=1, permalink="+x"),
    ]
    return article


def export_csv(
    path: Path, records: list[Article | ErrorRecord], **options: Any
) -> dict[str, list[dict[str, str]]]:
    with CsvExporter(path, **options) as exporter:
        for index, record in enumerate(records):
            exporter.export_item(record, key=f"input-{index}.html")
    return {table: read_csv(table_path) for table, table_path in table_paths(path).items()}


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_neutralises_formula_text_cells_by_default(tmp_path: Path) -> None:
    error = ErrorRecord("=bad", "NotFound", "-1 pages", datetime(2024, 1, 1, tzinfo=timezone.utc))
    tables = export_csv(tmp_path / "out.csv", [formula_article(), error])
    [row] = tables["articles"]
    assert row["headline"] == "'" + FORMULAS[0]
    assert (row["standfirst"], row["section"]) == ("'+1+2", "'-2+3")
    assert row["body"] == "'=cmd|' /C calc'!A0\nplain"
    [quote] = tables["quotes"]
    assert (quote["text"], quote["speaker"], quote["cue"]) == ("'@SUM(A1)", "'\t=1", "'-said")
    first, second = tables["comments"]
    assert (first["text"], first["author"], first["author_url"]) == ("'\r=1", "'@anna", "'=evil()")
    assert (first["comment_id"], second["parent_id"], second["permalink"]) == ("'-7", "'-7", "'+x")
    [err] = tables["errors"]
    assert (err["url"], err["message"]) == ("'=bad", "'-1 pages")
    # No cell that a spreadsheet would run is left, in any table (a plain number is not one).
    for rows in tables.values():
        for written in rows:
            risky = [v for v in written.values() if v[:1] in ("=", "+", "-", "@", "\t", "\r")]
            assert all(v.lstrip("-").isdigit() for v in risky), risky


def test_csv_numbers_and_our_own_cells_are_never_escaped(tmp_path: Path) -> None:
    tables = export_csv(tmp_path / "out.csv", [formula_article()])
    first = tables["comments"][0]
    assert (first["likes"], first["dislikes"], first["depth"], first["comment_index"]) == (
        "-3",
        "0",
        "0",
        "0",
    )
    quote = tables["quotes"][0]
    assert (quote["span_start"], quote["span_end"], quote["block_index"]) == ("0", "9", "0")
    assert tables["articles"][0]["comment_count"] == "2"
    assert cell(-3) == "-3"
    assert cell("-3") == "'-3"
    assert cell("-3", escape_formulas=False) == "-3"


def test_csv_raw_formulas_option_writes_text_verbatim(tmp_path: Path) -> None:
    article = formula_article()
    tables = export_csv(tmp_path / "out.csv", [article], escape_formulas=False)
    assert tables["articles"][0]["headline"] == FORMULAS[0]
    assert tables["comments"][0]["text"] == "\r=1"
    assert tables["quotes"][0]["speaker"] == "\t=1"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_formats_keep_formula_text_verbatim(fmt: str) -> None:
    stream = io.StringIO()
    with get_exporter(fmt, stream) as exporter:
        exporter.export_item(formula_article())
    text = stream.getvalue()
    data = json.loads(text) if fmt == "json" else json.loads(text.splitlines()[0])
    record = data[0] if fmt == "json" else data
    assert record_from_dict(record) == formula_article()


# -- CSV article ids: one per input, joins exact (issue 16, case 9a) ---------------------


def shared_canonical(n: int) -> Article:
    """Different inputs (URLs with tracking variants, say) that all declare one canonical URL."""
    article = make_article(n)
    article.canonical_url = "https://news.example/"
    article.comments = [
        Comment(f"comment of {n}", id="c1"),
        Comment(f"reply of {n}", id="c2", parent_id="c1"),
    ]
    article.quotes = [Quote(f"quote of {n}", "direct")]
    return article


def assert_joins_exactly(tables: dict[str, list[dict[str, str]]], headline_of: dict[str, int]) -> None:
    """Each article's quotes and comments join to it alone, by article_id."""
    for table in ("quotes", "comments"):
        for row in tables[table]:
            assert row["text"].endswith(f" of {headline_of[row['article_id']]}")


def test_csv_article_ids_are_unique_per_input_sharing_a_canonical_url(tmp_path: Path) -> None:
    records = [shared_canonical(n) for n in range(20)]
    tables = export_csv(tmp_path / "out.csv", list(records))
    ids = [row["article_id"] for row in tables["articles"]]
    assert len(set(ids)) == 20
    assert_joins_exactly(tables, {aid: n for n, aid in enumerate(ids)})
    again = export_csv(tmp_path / "again.csv", [shared_canonical(n) for n in range(20)])
    assert [row["article_id"] for row in again["articles"]] == ids  # stable across runs


def test_csv_article_ids_stay_unique_without_keys_or_with_a_repeated_key(tmp_path: Path) -> None:
    bare = make_article(1, url=None)  # no key, no URL: the id comes from the content, twice the same
    with CsvExporter(tmp_path / "out.csv") as exporter:
        exporter.export_item(bare)
        exporter.export_item(make_article(1, url=None))
        exporter.export_item(shared_canonical(1), key="same.html")
        exporter.export_item(shared_canonical(2), key="same.html")
    ids = [row["article_id"] for row in read_csv(tmp_path / "out.csv")]
    assert len(set(ids)) == 4
    assert all(len(aid) == 16 for aid in ids)
    assert ids[0] == article_id(bare)
    assert ids[2] == article_id("same.html")


def test_csv_appender_keeps_ids_unique_and_stable_across_resume(tmp_path: Path) -> None:
    out = tmp_path / "job.csv"
    writer = CsvAppender(out)
    for n in range(3):
        writer.write(shared_canonical(n), source=f"https://news.example/story?v={n}")
    writer.close()
    first_ids = [row["article_id"] for row in read_csv(out)]
    writer = CsvAppender(out)  # resume: the rows already written keep their ids
    assert writer.resumed == 3
    for n in range(3, 6):
        writer.write(shared_canonical(n), source=f"https://news.example/story?v={n}")
    writer.write(shared_canonical(6), source="https://news.example/story?v=0")  # a key seen before the resume
    writer.close()
    rows = read_csv(out)
    ids = [row["article_id"] for row in rows]
    assert ids[:3] == first_ids
    assert len(set(ids)) == 7
    assert ids[:6] == [article_id(f"https://news.example/story?v={n}") for n in range(6)]
    tables = {t: read_csv(p) for t, p in table_paths(out).items()}
    assert_joins_exactly(tables, {aid: n for n, aid in enumerate(ids)})


def test_csv_appender_resumes_over_cells_longer_than_the_csv_field_limit(tmp_path: Path) -> None:
    out = tmp_path / "job.csv"
    long = make_article(1)
    long.blocks = [Block("paragraph", "word " * 60_000)]  # 300 KB, past the csv module's 128 KiB default
    writer = CsvAppender(out)
    writer.write(long, source="https://news.example/a/1")
    writer.close()
    writer = CsvAppender(out, key=str)
    assert writer.resumed == 1
    assert writer.done == {"https://news.example/a/1"}
    writer.close()


def test_csv_appender_neutralises_formulas_and_reads_its_urls_back(tmp_path: Path) -> None:
    out = tmp_path / "job.csv"
    writer = CsvAppender(out, key=str)
    writer.write(formula_article(), source="https://news.example/a/1")
    writer.write(
        ErrorRecord("=x", "FetchError", "bad URL", datetime(2024, 1, 1, tzinfo=timezone.utc)), source="=x"
    )
    writer.close()
    assert read_csv(out)[0]["headline"] == "'" + FORMULAS[0]
    assert read_csv(table_paths(out)["errors"])[0]["url"] == "'=x"
    writer = CsvAppender(out, key=str)
    assert writer.done == {"https://news.example/a/1", "=x"}  # the URL as given, so it is not redone
    writer.close()
    raw = tmp_path / "raw.csv"
    writer = CsvAppender(raw, escape_formulas=False)
    writer.write(formula_article(), source="https://news.example/a/1")
    writer.close()
    assert read_csv(raw)[0]["headline"] == FORMULAS[0]


def test_text_with_apostrophes_before_a_trigger_round_trips() -> None:
    """Found by the fuzzing harness: "'=x" was written as is and read back (restore_formula)
    as "=x", so a resumed job did not know a source written that way."""
    for text in ("'=x", "''+1", "'-", "'@a", "=x", "'Tis", "'", "''", "plain"):
        assert restore_formula(neutralise_formula(text)) == text
        assert not neutralise_formula(text).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neutralise_formula("'=x") == "''=x"
    assert neutralise_formula("'Tis") == "'Tis"
