"""Parquet export (issue 17): the exporter contract, the explicit schema, and the same content as CSV and JSON.

The schema is declared, never inferred, so the tests check it from both sides: every
field of the record model has its column (a field added to the model without one
fails here), the files carry exactly the declared schema whatever the data, and the
rows hold what the CSV and JSON exporters write for the same records.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import string
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_export import ExporterContract, export_csv, formula_article, leftovers, make_article, make_records

from extractor.cli import main
from extractor.export import ARTICLE_FIELDS, COMMENT_FIELDS, ERROR_FIELDS, QUOTE_FIELDS, get_exporter
from extractor.export import parquet as pqfmt
from extractor.export.parquet import ParquetExporter, read_records, record_rows, table_paths
from extractor.model import Article, Block, Comment, ErrorRecord, Image, PageMeta, Quote

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

REPO = Path(__file__).resolve().parents[1]
Records = list[Article | ErrorRecord]


def export(path: Path, records: Records, **options: Any) -> ParquetExporter:
    with ParquetExporter(path, **options) as exporter:
        for index, record in enumerate(records):
            exporter.export_item(record, key=f"input-{index}.html")
    return exporter


def articles_then_errors(records: Records) -> Records:
    """The order :func:`read_records` gives: the tables are separate, as in CSV."""
    return [r for r in records if isinstance(r, Article)] + [r for r in records if isinstance(r, ErrorRecord)]


def tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    return {table: pq.read_table(p).to_pylist() for table, p in table_paths(path).items()}


# -- the contract every exporter passes ---------------------------------------------------


class TestParquetContract(ExporterContract):
    fmt, suffix = "parquet", ".parquet"

    def read_back(self, path: Path) -> Any:
        return list(read_records(path))

    def assert_same(self, records: Records, written: Any) -> None:
        assert written == articles_then_errors(records)

    def test_writes_to_open_stream_without_closing_it(self) -> None:
        """Replaces the base test: a text stream cannot hold four binary tables, so it is refused."""
        import io

        with pytest.raises(TypeError, match=r"OUT\.parquet"):
            get_exporter(self.fmt, io.StringIO())

    def test_counts_articles_and_errors(self, tmp_path: Path) -> None:
        exporter = export(tmp_path / "out.parquet", make_records())
        assert (exporter.items_exported, exporter.errors_exported) == (3, 1)

    def test_output_is_utf8(self, tmp_path: Path) -> None:
        """Parquet is binary; its strings are UTF-8 and come back as written."""
        target = tmp_path / "out.parquet"
        self.export(target, [make_article()])
        [row] = pq.read_table(target, columns=["headline", "body"]).to_pylist()
        assert "東京" in row["headline"]
        assert "ünïcödé" in row["body"]

    def test_streams_records_to_disk_before_finish(self, tmp_path: Path) -> None:
        """A full row group is written to the temp file at once: memory holds one batch at most."""
        rng = random.Random(7)  # text that compresses little, so its size shows on disk
        big = make_article(1)
        big.blocks = [Block("paragraph", "".join(rng.choices(string.ascii_letters + " ", k=300_000)))]
        exporter = ParquetExporter(tmp_path / "out.parquet", batch_bytes=100_000)
        exporter.start_exporting()
        exporter.export_item(big)
        assert exporter.row_groups["articles"] == 1
        assert max((tmp_path / name).stat().st_size for name in leftovers(tmp_path)) > 150_000
        exporter.abort()
        assert list(tmp_path.iterdir()) == []


def test_row_groups_follow_batch_rows(tmp_path: Path) -> None:
    records: Records = [make_article(n) for n in range(5)]
    exporter = ParquetExporter(tmp_path / "out.parquet", batch_rows=2)
    exporter.start_exporting()
    for record in records:
        exporter.export_item(record)
        assert exporter.row_groups["articles"] == (records.index(record) + 1) // 2  # written as they fill
    exporter.finish_exporting()
    assert pq.ParquetFile(tmp_path / "out.parquet").metadata.num_row_groups == 3
    assert pq.ParquetFile(tmp_path / "out.quotes.parquet").metadata.num_row_groups == 5  # 2 quotes each
    assert list(read_records(tmp_path / "out.parquet")) == records


# -- the schema: declared from the model, never inferred ------------------------------------


def _names(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def _dates(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls) if "datetime" in str(f.type)}


def expected_columns() -> dict[str, set[str]]:
    """The columns the record model calls for, derived from its dataclass fields (not listed by hand).

    Articles: the page fields and the article's own (its quotes and comments are tables
    of their own; ``body`` is derived from ``blocks`` but written as a column too). Each
    date also has its ``_utc_offset`` column. Quotes' ``span`` is two columns, a comment's
    ``id`` is ``comment_id``. Every table has ``article_id``, articles and errors ``source``.
    """
    offsets = lambda cls: {f"{name}_utc_offset" for name in _dates(cls)}  # noqa: E731
    article = {*_names(PageMeta), *_names(Article), "body"} - {"meta", "quotes", "comments"}
    return {
        "articles": article | offsets(PageMeta) | offsets(Article) | {"article_id", "source"},
        "quotes": ({*_names(Quote)} - {"span"}) | {"span_start", "span_end", "article_id", "quote_index"},
        "comments": ({*_names(Comment)} - {"id"})
        | offsets(Comment)
        | {"comment_id", "article_id", "comment_index"},
        "errors": {*_names(ErrorRecord)} | offsets(ErrorRecord) | {"article_id", "source"},
    }


def test_every_model_field_has_its_column() -> None:
    """Fails when a field is added to a record class but not to the Parquet schema (or the reverse)."""
    schemas = pqfmt.SCHEMAS
    for table, columns in expected_columns().items():
        assert set(schemas[table].names) == columns, table


def test_nested_structs_have_every_field_of_their_class() -> None:
    articles = pqfmt.SCHEMAS["articles"]
    image = articles.field("images").type.value_type
    block = articles.field("blocks").type.value_type
    assert [image.field(i).name for i in range(image.num_fields)] == _names(Image)
    assert [block.field(i).name for i in range(block.num_fields)] == _names(Block)


def test_the_model_check_catches_a_new_field() -> None:
    """The check above is not vacuous: a record class with one more field is caught."""

    @dataclasses.dataclass
    class Grown(ErrorRecord):
        retry_after: datetime | None = None

    offsets = {f"{name}_utc_offset" for name in _dates(Grown)}
    wanted = {*_names(Grown)} | offsets | {"article_id", "source"}
    assert wanted - set(pqfmt.SCHEMAS["errors"].names) == {"retry_after", "retry_after_utc_offset"}


def test_every_csv_column_is_a_parquet_column() -> None:
    csv_tables = {"articles": ARTICLE_FIELDS, "quotes": QUOTE_FIELDS, "comments": COMMENT_FIELDS}
    csv_tables["errors"] = ERROR_FIELDS
    for table, fields in csv_tables.items():
        assert set(fields) <= set(pqfmt.SCHEMAS[table].names), table


def test_rows_have_exactly_the_schema_columns() -> None:
    """``from_pylist`` ignores keys the schema lacks: a row builder's extra key would vanish silently."""
    for index, record in enumerate([*make_records(), formula_article()]):
        for table, rows in record_rows(record, f"{index:016x}", "in.html"):
            for row in rows:
                assert list(row) == pqfmt.SCHEMAS[table].names, table


def test_files_carry_the_declared_schema_whatever_the_data(tmp_path: Path) -> None:
    """Null first rows, a struct field first seen late, empty tables: the file schema never changes."""
    sparse = Article(url="https://news.example/sparse")  # every optional field empty or None
    late = make_article(2)
    late.images = [Image("https://news.example/x.jpg", credit="only credit set")]
    target = tmp_path / "out.parquet"
    export(target, [sparse, sparse, late], batch_rows=1)
    for table, path in table_paths(target).items():
        written, declared = pq.read_schema(path), pqfmt.SCHEMAS[table]
        assert written.equals(declared), table  # names, types, nullability, in order
        assert written.metadata == declared.metadata
        assert [f.metadata for f in written] == [f.metadata for f in declared]
    rows = tables(target)["articles"]
    assert rows[2]["images"] == [late.images[0].to_dict()]
    assert rows[0]["published"] is None
    assert rows[0]["author_urls"] == []


def test_schema_documents_itself() -> None:
    for name, schema in pqfmt.SCHEMAS.items():
        assert schema.metadata[b"extractor.table"] == name.encode()
        assert schema.metadata[b"extractor.schema_version"] == pqfmt.SCHEMA_VERSION.encode()
        for field in schema:
            assert field.metadata[b"description"], (name, field.name)


def readme_schema() -> dict[tuple[str, str], str]:
    """(table, column) -> type, from the README's Parquet table (rows: table | columns | type | meaning)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Parquet output") :]
    section = section[: section.index("\n#")]
    documented: dict[tuple[str, str], str] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] not in pqfmt.TABLE_NAMES:
            continue
        for column in re.findall(r"`([^`]+)`", re.sub(r"\(.*?\)", "", cells[1])):  # notes aside
            assert (cells[0], column) not in documented, column
            documented[cells[0], column] = cells[2].strip("`")
    return documented


def test_readme_table_documents_exactly_the_schema() -> None:
    """The README's schema table is the documentation users read: it may not drift from SCHEMAS."""
    declared = {
        (table, field.name): short_type(field.type) + ("" if field.nullable else " not null")
        for table, schema in pqfmt.SCHEMAS.items()
        for field in schema
    }
    assert readme_schema() == declared


def short_type(type_: Any) -> str:
    """How the README names a type: pyarrow's name, lists and maps without their element names."""
    if pa.types.is_map(type_):
        return f"map<{short_type(type_.key_type)}, {short_type(type_.item_type)}>"
    if pa.types.is_list(type_):
        return f"list<{short_type(type_.value_type)}>"
    if pa.types.is_struct(type_):
        return "struct<" + ", ".join(type_.field(i).name for i in range(type_.num_fields)) + ">"
    return str(type_)


# -- the same content as the other exporters --------------------------------------------------


def model_value(row: dict[str, Any], name: str) -> Any:
    """A Parquet cell as the record holds it: a date with its stated offset, a map as a dict."""
    if f"{name}_utc_offset" in row:
        return pqfmt._utc_back(row[name], row[f"{name}_utc_offset"])
    if name == "author_urls":
        return dict(row[name])
    return row[name]


def test_tables_hold_the_csv_exporters_content(tmp_path: Path) -> None:
    """Cell by cell: each Parquet value, encoded as CSV encodes it, is the CSV exporter's cell."""
    from extractor.export.csvfmt import TABLES, cell

    records = [*make_records(), formula_article(), Article(url="https://news.example/empty")]
    csv_tables = export_csv(tmp_path / "out.csv", records, escape_formulas=False)
    export(tmp_path / "out.parquet", records)
    parquet_tables = tables(tmp_path / "out.parquet")
    for table, columns in TABLES.items():
        assert len(parquet_tables[table]) == len(csv_tables[table]), table
        assert csv_tables[table], table  # every table has rows to compare
        for prow, crow in zip(parquet_tables[table], csv_tables[table], strict=True):
            assert {c: cell(model_value(prow, c), escape_formulas=False) for c in columns} == crow


def test_records_read_back_are_the_json_exporters_records(tmp_path: Path) -> None:
    """Lossless: every record rebuilt from the four tables is the JSON exporter's object, key for key."""
    records = [*make_records(), formula_article(), Article()]
    json_path = tmp_path / "out.json"
    with get_exporter("json", json_path) as exporter:
        for record in articles_then_errors(records):
            exporter.export_item(record)
    export(tmp_path / "out.parquet", records)
    back = [record.to_dict() for record in read_records(tmp_path / "out.parquet")]
    assert back == json.loads(json_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "when",
    [
        datetime(2024, 3, 5, 14, 30, 15, 123456, tzinfo=timezone(timedelta(hours=5, minutes=45))),
        datetime(2024, 7, 1, 9, 0, tzinfo=ZoneInfo("America/St_Johns")),  # -02:30 in summer
        datetime(2024, 1, 1, 0, 0, tzinfo=timezone.utc),
        datetime(2023, 12, 31, 23, 59),  # naive: stays naive
    ],
)
def test_dates_keep_their_instant_and_stated_offset(tmp_path: Path, when: datetime) -> None:
    article = Article(url="https://news.example/d", published=when, fetched_at=when)
    article.comments = [Comment("c", published=when)]
    error = ErrorRecord("https://news.example/e", "NotFound", "gone", time=when)
    export(tmp_path / "out.parquet", [article, error])
    back_article, back_error = read_records(tmp_path / "out.parquet")
    assert isinstance(back_article, Article)
    assert isinstance(back_error, ErrorRecord)
    for value in (back_article.published, back_article.fetched_at, back_article.comments[0].published):
        assert value is not None
        assert value.isoformat() == when.isoformat()
    assert back_error.time is not None
    assert back_error.time.isoformat() == when.isoformat()
    stored = tables(tmp_path / "out.parquet")["articles"][0]["published"]
    assert stored.utcoffset() == timedelta(0)  # the column holds the UTC instant
    assert stored == (when if when.tzinfo else when.replace(tzinfo=timezone.utc))


def test_article_ids_are_the_csv_ids(tmp_path: Path) -> None:
    """The same inputs get the same ``article_id`` in CSV and Parquet, so outputs of either join."""
    records = [*make_records(), make_article(1)]  # a repeated record gets the "#2" variant in both
    csv_tables = export_csv(tmp_path / "out.csv", records)
    export(tmp_path / "out.parquet", records)
    parquet_tables = tables(tmp_path / "out.parquet")
    for table in ("articles", "quotes", "comments", "errors"):
        assert [r["article_id"] for r in parquet_tables[table]] == [
            r["article_id"] for r in csv_tables[table]
        ]


def test_schemas_are_public_for_other_writers() -> None:
    """What the Dask integration uses: one schema per table, and rows that fit it."""
    assert set(pqfmt.SCHEMAS) == set(pqfmt.TABLE_NAMES)
    assert pqfmt.SCHEMAS is pqfmt.schemas()
    for table, rows in record_rows(make_article(), "0" * 16, None):
        assert pa.Table.from_pylist(rows, schema=pqfmt.SCHEMAS[table]).num_rows == len(rows)


# -- command line ---------------------------------------------------------------------------


def page(title: str) -> bytes:
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<meta property='article:published_time' content='2024-05-01T08:30:00+02:00'></head>"
        f"<body><article><h1>{title}</h1>"
        "<p>The council met on Tuesday, and the vote, after a long debate, was close: seven to six.</p>"
        "<p>“We will build the bridge,” said the mayor, who spoke for twenty minutes in Ünïcode.</p>"
        "</article></body></html>"
    ).encode()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    for name in ("alpha", "bravo", "charlie"):
        (root / f"{name}.html").write_bytes(page(f"{name.title()} story"))
    return root


def test_extract_writes_parquet_with_the_jsonl_records(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(pages / "missing.html")
    common = ["extract", str(pages), missing, "--fetched-at", "2024-05-02T00:00:00Z", "--workers", "1"]
    assert main([*common, "--format", "jsonl"]) == 1
    expected = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    out = tmp_path / "out.parquet"
    assert main([*common, "--output", str(out)]) == 1  # the format follows the suffix
    written = [record.to_dict() for record in read_records(out)]
    assert [d for d in written if "error" not in d] == [d for d in expected if "error" not in d]
    [error] = [d for d in written if "error" in d]
    [expected_error] = [d for d in expected if "error" in d]
    assert {k: error[k] for k in ("url", "error", "message")} == {
        k: expected_error[k] for k in ("url", "error", "message")
    }
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "out.comments.parquet",
        "out.errors.parquet",
        "out.parquet",
        "out.quotes.parquet",
    ]
    assert pq.read_table(out, columns=["source"]).column("source").to_pylist()[0] == str(pages / "alpha.html")


def test_extract_parquet_needs_an_output_file(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(pages), "--format", "parquet"]) == 2
    assert "give --output OUT.parquet" in capsys.readouterr().err


def test_extract_parquet_without_pyarrow_is_a_usage_error_before_any_page(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.setitem(sys.modules, name, None)  # "import pyarrow" now fails, as on a plain install
    assert main(["extract", str(pages), "-o", str(tmp_path / "out.parquet")]) == 2
    assert "pip install 'extractor[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "out.parquet").exists()


def test_scrape_refuses_parquet_with_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Not resumable (see the README), so ``scrape`` does not offer it."""
    assert main(["scrape", "https://news.example/", "--format", "parquet", "-o", "out.parquet"]) == 2
    assert "invalid choice: 'parquet'" in capsys.readouterr().err


def test_plain_import_never_loads_pyarrow() -> None:
    code = (
        "import sys, extractor, extractor.export, extractor.export.parquet, extractor.cli.extract;"
        "print('pyarrow' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
