"""Tables in the body (issue 18): a data table is one ``table`` block with its grid; a table that
lays out the page is not, and the body text reads the same either way.

The pages are hand-written here: an old-school news page built from layout tables (banner row,
navigation cell, article cell, footer row) whose article holds a table of fees, and smaller
pages for each rule that tells the two kinds apart.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from extractor import extract_article
from extractor.body import extract_body
from extractor.body.tables import data_table
from extractor.core.tree import parse_html
from extractor.export import get_exporter
from extractor.model import Article, Block, Link

PARA = (
    "The harbour board voted on Tuesday to raise mooring fees for the first time in ten years, "
    "citing the cost of dredging the channel and repairing the north pier after the winter storms."
)
LATER = (
    "Residents who moor all year keep last year's rate until the end of the season, the board said, "
    "and fishing boats are exempt from the rise altogether."
)

FEES = (
    "<table class='fees'><caption>Mooring fees by boat length</caption>"
    "<thead><tr><th>Length</th><th>Old fee</th><th>New fee</th></tr></thead><tbody>"
    "<tr><td>Under 8 m</td><td>£12</td><td>£15</td></tr>"
    "<tr><td>8–12 m</td><td>£18</td><td>£22</td></tr>"
    "<tr><td rowspan='2'>Over 12 m</td><td>£25</td><td>£31</td></tr>"
    "<tr><td colspan='2'>plus £2 a metre</td></tr>"
    "</tbody></table>"
)

# The whole page is laid out with tables: a banner row, the navigation beside the article, a
# footer row. Only the fees table inside the article is data.
LAYOUT_PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour fees rise | Penhallow Gazette</title></head><body>
<table width="100%" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><a href="/"><img src="/img/banner.gif" alt="Penhallow Gazette"></a></td></tr>
<tr><td width="180" valign="top" class="leftnav"><a href="/news.html">News</a><br>
<a href="/sport.html">Sport</a><br><a href="/letters.html">Letters</a></td>
<td valign="top"><h1>Harbour fees rise for the first time in a decade</h1>
<p>{PARA}</p>
{FEES}
<p>{LATER}</p>
</td></tr>
<tr><td colspan="2" class="bottom">Penhallow Gazette, 4 Quay Street</td></tr>
</table></body></html>"""


def blocks_of(html: str) -> list[Block]:
    return extract_article(html.encode(), url="https://gazette.example/news/fees.html").blocks


def first_table(html: str) -> Block:
    return next(block for block in blocks_of(html) if block.kind == "table")


def test_a_data_table_inside_a_layout_table_is_one_table_block_with_its_grid() -> None:
    blocks = blocks_of(LAYOUT_PAGE)
    assert [block.kind for block in blocks] == ["paragraph", "caption", "table", "paragraph"]
    table = blocks[2]
    assert table.header is True
    assert table.rows == [
        ["Length", "Old fee", "New fee"],
        ["Under 8 m", "£12", "£15"],
        ["8–12 m", "£18", "£22"],
        ["Over 12 m", "£25", "£31"],
        ["", "plus £2 a metre", ""],  # under the rowspan, then the colspan's second place
    ]
    assert blocks[1].text == "Mooring fees by boat length"  # the caption stays a caption block


def test_the_body_text_is_the_cells_one_per_line_as_before_tables_were_blocks() -> None:
    """Plain-text users and text metrics see the same words in the same lines."""
    cells = [
        "Length", "Old fee", "New fee", "Under 8 m", "£12", "£15", "8–12 m", "£18", "£22",
        "Over 12 m", "£25", "£31", "plus £2 a metre",
    ]  # fmt: skip
    article = extract_article(LAYOUT_PAGE.encode())
    assert article.body == "\n".join([PARA, "Mooring fees by boat length", *cells, LATER])


def test_layout_tables_stay_paragraphs() -> None:
    """The page-building table holds the article in one cell: it is no table block, and neither
    the navigation cell nor the footer row leaks into the body."""
    blocks = blocks_of(LAYOUT_PAGE)
    assert sum(block.kind == "table" for block in blocks) == 1
    assert all("Quay Street" not in block.text and "Letters" not in block.text for block in blocks)


def _table(inner: str) -> str:
    return f"<html><body><table>{inner}</table></body></html>"


def _grid(html: str) -> list[list[str]] | None:
    table = parse_html(html).find(".//table")
    assert table is not None
    grid = data_table(table)
    return grid.rows if grid is not None else None


def test_a_header_less_grid_of_short_cells_is_data() -> None:
    html = _table("<tr><td>Headquarters</td><td>Truro</td></tr><tr><td>Founded</td><td>1887</td></tr>")
    assert _grid(html) == [["Headquarters", "Truro"], ["Founded", "1887"]]
    table = parse_html(html).find(".//table")
    assert table is not None
    grid = data_table(table)
    assert grid is not None
    assert grid.header is False


@pytest.mark.parametrize(
    ("name", "inner"),
    [
        ("one row", "<tr><td>Name</td><td>Truro</td></tr>"),
        (
            "one column without header",
            "<tr><td>Truro</td></tr><tr><td>Bodmin</td></tr><tr><td>Looe</td></tr>",
        ),
        (
            "a cell holding the article",
            f"<tr><td>Home</td><td>{PARA} {PARA} {PARA} {PARA}</td></tr><tr><td>a</td><td>b</td></tr>",
        ),
        (
            "a cell of paragraphs",
            f"<tr><td>Nav</td><td><p>{PARA}</p><p>{LATER}</p></td></tr><tr><td>x</td><td>y</td></tr>",
        ),
        (
            "a nested table",
            "<tr><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></td><td>e</td></tr><tr><td>f</td><td>g</td></tr>",
        ),
        (
            "a form in a cell",
            "<tr><td>Search</td><td><form><input name=q></form>Go</td></tr><tr><td>a</td><td>b</td></tr>",
        ),
        ("role=presentation", "<tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>"),
        (
            "a title bar over one text",
            "<tr><th>Latest book</th></tr><tr><td>More books by the author</td></tr>",
        ),
    ],
)
def test_layout_tables_are_not_data(name: str, inner: str) -> None:
    html = _table(inner)
    if name == "role=presentation":
        html = html.replace("<table>", "<table role='presentation'>")
    assert _grid(html) is None, name


def test_header_cells_make_a_table_data_even_with_long_cells_under_them() -> None:
    """A schedule whose 'resources' column holds a paragraph is still a table of data."""
    html = _table(
        "<thead><tr><th>Date</th><th>Topic</th></tr></thead>"
        f"<tr><td>Sep 6</td><td>{PARA} {PARA} {PARA} {PARA}</td></tr><tr><td>Sep 8</td><td>Review</td></tr>"
    )
    rows = _grid(html)
    assert rows is not None
    assert rows[0] == ["Date", "Topic"]


def test_a_heading_in_a_cell_does_not_make_a_layout_table() -> None:
    """Editors write a section label row as an <h5> in a spanning cell (an ingredients table)."""
    html = _table(
        "<tr><td>Ingredient</td><td>Per person</td></tr><tr><td colspan='2'><h5>Vegetables</h5></td></tr>"
        "<tr><td>Onions</td><td>1 and a half</td></tr>"
    )
    assert _grid(html) == [["Ingredient", "Per person"], ["Vegetables", ""], ["Onions", "1 and a half"]]


def test_a_corner_cell_left_empty_still_makes_a_header_row() -> None:
    html = _table("<tr><td></td><th>2023</th><th>2024</th></tr><tr><th>Sales</th><td>4</td><td>5</td></tr>")
    table = parse_html(html).find(".//table")
    assert table is not None
    grid = data_table(table)
    assert grid is not None
    assert grid.header is True
    assert grid.rows == [["", "2023", "2024"], ["Sales", "4", "5"]]


def test_a_huge_colspan_is_capped() -> None:
    html = _table(
        "<tr><td colspan='100000'>Total</td></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>"
    )
    rows = _grid(html)
    assert rows is not None
    assert len(rows[0]) == 50


def test_spacer_rows_are_left_out() -> None:
    html = _table(
        "<tr><td>a</td><td>b</td></tr><tr><td>&nbsp;</td><td></td></tr><tr><td>c</td><td>d</td></tr>"
    )
    assert _grid(html) == [["a", "b"], ["c", "d"]]


def test_a_data_table_nested_in_a_layout_cell_is_a_table_block_and_the_outer_is_not() -> None:
    page = (
        "<html><body><table><tr><td class='nav'><a href='/a'>A</a></td><td>"
        f"<p>{PARA}</p><table><tr><th>Town</th><th>Fee</th></tr><tr><td>Truro</td><td>£3</td></tr></table>"
        f"<p>{LATER}</p></td></tr></table></body></html>"
    )
    blocks = blocks_of(page)
    assert [block.kind for block in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].rows == [["Town", "Fee"], ["Truro", "£3"]]


def test_a_table_in_the_article_header_is_not_trimmed_as_a_byline_or_date() -> None:
    """The header trim drops short byline and date lines; a table of dates is the article's."""
    page = (
        "<html><body><article><table><tr><th>Vote</th><th>When</th></tr>"
        "<tr><td>Final</td><td>9 April 2024</td></tr></table>"
        f"<p>{PARA}</p><p>{LATER}</p></article></body></html>"
    )
    result = extract_body(parse_html(page), dated=True)
    assert result.blocks[0].kind == "table"
    assert result.blocks[0].text == "Vote\nWhen\nFinal\n9 April 2024"  # short, and it states a date


# -- the record: to_dict / from_dict, and what each format writes ------------------------------


def table_article() -> Article:
    return Article(
        url="https://gazette.example/news/fees.html",
        headline="Harbour fees rise",
        blocks=[
            Block("paragraph", "See the minutes.", links=[Link(4, 15, "https://board.example/minutes")]),
            Block(
                "table",
                "Length\nFee\nUnder 8 m\n£15",
                rows=[["Length", "Fee"], ["Under 8 m", "£15"]],
                header=True,
            ),
            Block("preformatted", "print(fee)", language="python"),
        ],
    )


def test_block_round_trips_and_older_records_load() -> None:
    article = table_article()
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    old = {"kind": "paragraph", "text": "Old record", "level": None}  # before tables and links
    assert Block.from_dict(old) == Block("paragraph", "Old record")
    assert Block.from_dict(old).to_dict() == old  # and writes back the same keys


def test_only_blocks_that_have_them_carry_the_new_keys() -> None:
    """Records of pages without tables, marked code or links keep the keys they always had."""
    data = table_article().to_dict()["blocks"]
    assert data[0] == {
        "kind": "paragraph",
        "text": "See the minutes.",
        "level": None,
        "links": [{"start": 4, "end": 15, "href": "https://board.example/minutes"}],
    }
    assert data[1]["rows"] == [["Length", "Fee"], ["Under 8 m", "£15"]]
    assert data[1]["header"] is True
    assert data[2] == {"kind": "preformatted", "text": "print(fee)", "level": None, "language": "python"}
    assert Block("heading", "Plain", 2).to_dict() == {"kind": "heading", "text": "Plain", "level": 2}


def test_json_writes_the_rows_and_csv_the_body_text_unchanged(tmp_path: Path) -> None:
    article = table_article()
    with get_exporter("json", tmp_path / "out.json") as exporter:
        exporter.export_item(article)
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))[0]
    assert written["blocks"][1]["rows"] == [["Length", "Fee"], ["Under 8 m", "£15"]]
    out = io.StringIO()
    with get_exporter("csv", out) as exporter:
        exporter.export_item(article)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["body"] == "See the minutes.\nLength\nFee\nUnder 8 m\n£15\nprint(fee)"


def test_parquet_keeps_rows_header_language_and_links(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from extractor.export.parquet import read_records

    article = table_article()
    with get_exporter("parquet", tmp_path / "out.parquet") as exporter:
        exporter.export_item(article)
    (back,) = list(read_records(tmp_path / "out.parquet"))
    assert isinstance(back, Article)
    assert back.blocks == article.blocks
    assert back.to_dict() == article.to_dict()
