"""Data tables in the body: which ``<table>`` elements are tables of data, and their cells as a grid.

Why a module of its own: a ``<table>`` on the web is as often page layout (the whole page
built from table cells, one of which holds the article) as it is a table of data, and only
a data table should become a ``table`` block; a layout table's cells stay the paragraphs
they always were. The decision is made once per table here, from the table alone, and the
grid (colspan and rowspan placed, so columns line up) is what the renderers write.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..core.tree import HtmlElement
from .segment import segment

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
# A span larger than this is a page's layout trick (or a broken attribute), not a column count:
# capped so that colspan="100000" cannot blow a one-cell table up into a huge grid.
_MAX_SPAN = 50
# A cell holding more text than this, or several lines (paragraphs) of more than PROSE_CELL
# together, is a page region (an article, a sidebar) rather than a datum. Read off the 458
# tables inside wcxb-dev and dragnet-dev bodies: the cells of spec sheets, price lists,
# schedules and pros-and-cons tables are under this; layout tables' text cells above.
LONG_CELL = 600
PROSE_CELL = 300
# Without header cells, a table is data only when it is a real grid (2 x 2 at least) of short
# cells (median): a layout table's cells hold paragraphs and link lists.
SHORT_CELL_MEDIAN = 150
# Elements a data cell never holds: a cell with one of them is a region of the page laid out
# by the table. (Headings are not among them: editors write a cell's label as an <h4>.)
_REGION_TAGS = ("article", "section", "form", "iframe", "main", "nav", "aside")


@dataclass(slots=True)
class TableGrid:
    """A data table's cells: ``rows`` of equal length, ``header`` when the first row is a header row."""

    rows: list[list[str]]
    header: bool


def _table_rows(table: HtmlElement) -> list[HtmlElement]:
    """The table's own rows in document order (not those of a table nested in a cell)."""
    rows: list[HtmlElement] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _span(cell: HtmlElement, name: str) -> int:
    value = (cell.get(name) or "").strip()
    try:
        span = int(value) if value else 1
    except ValueError:
        return 1
    return min(max(span, 1), _MAX_SPAN)


def cell_lines(cell: HtmlElement) -> list[str]:
    """A cell's lines of text as the body reads them (segmentation's runs)."""
    return [run.text for run in segment(cell)]


def _is_region(lines: list[str]) -> bool:
    """A cell that holds a page region: a long text, or paragraphs rather than one datum."""
    length = sum(len(line) for line in lines)
    return length > LONG_CELL or (len(lines) > 1 and length > PROSE_CELL)


@dataclass(slots=True)
class _Grid:
    rows: list[list[str]]
    heads: list[list[bool]]  # which places are <th> cells
    trs: list[HtmlElement]  # the <tr> each row came from
    region: bool  # some cell holds a page region (see _is_region)


def _grid(rows: list[HtmlElement]) -> _Grid:
    """Cells placed in a grid: a colspan or rowspan cell takes its text to its first position and
    leaves "" in the others, so the words are there once and the columns line up."""
    grid: list[list[str]] = []
    heads: list[list[bool]] = []
    kept: list[HtmlElement] = []  # the <tr> of each grid row
    region = False
    pending: dict[int, int] = {}  # column -> rows below that a rowspan above still covers
    for tr in rows:
        placed: dict[int, tuple[str, bool]] = {}  # column -> (text, a <th>)
        for column, left in pending.items():
            if left > 0:
                placed[column] = ("", False)
                pending[column] = left - 1
        column = 0
        for cell in tr:
            if cell.tag not in _CELLS:
                continue
            while column in placed:
                column += 1
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            lines = cell_lines(cell)
            region = region or _is_region(lines)
            for offset in range(colspan):
                placed[column + offset] = (" ".join(lines) if offset == 0 else "", cell.tag == "th")
                if rowspan > 1:
                    pending[column + offset] = rowspan - 1
            column += colspan
        places = [placed.get(c, ("", False)) for c in range(max(placed, default=-1) + 1)]
        if any(text for text, _ in places):  # a spacer row (&nbsp; cells) holds nothing
            grid.append([text for text, _ in places])
            heads.append([head for _, head in places])
            kept.append(tr)
    width = max((len(row) for row in grid), default=0)
    for row, head in zip(grid, heads, strict=True):
        row.extend([""] * (width - len(row)))
        head.extend([False] * (width - len(head)))
    return _Grid(grid, heads, kept, region)


def data_table(table: HtmlElement) -> TableGrid | None:
    """The table's grid when it is a table of data, None when it lays out the page.

    Data: no table nested in it, no cell that is a page region (a form, a long text or
    paragraphs, unless in the columns under a header row), and either header cells (``<th>``
    or ``<thead>``) over at least one row of data, or a grid of two rows and two columns or
    more whose cells are short.
    """
    if table.find(".//table") is not None or (table.get("role") or "").lower() in ("presentation", "none"):
        return None
    rows = _table_rows(table)
    if len(rows) < 2:
        return None
    for tr in rows:
        for cell in tr:
            if cell.tag in _CELLS and next(cell.iter(*_REGION_TAGS), None) is not None:
                return None
    grid = _grid(rows)
    lengths = [len(text) for row in grid.rows for text in row if text]
    if len(grid.rows) < 2:
        return None
    # The first row heads the table when it is in <thead> or all its cells with text are <th>
    # (a corner cell left empty is common: <td></td><th>2023</th><th>2024</th>).
    section = grid.trs[0].getparent()
    head_row = (section is not None and section.tag == "thead") or all(
        head for text, head in zip(grid.rows[0], grid.heads[0], strict=True) if text
    )
    width = len(grid.rows[0])
    if width < 2 and len(grid.rows) < 3:
        return None  # a box with a title bar over one text (a sidebar widget), not a column of data
    if grid.region and not (head_row and width >= 2):
        return None  # a page region in a cell, unless it is a column under a header row
    has_header_cells = head_row or any(any(row) for row in grid.heads)
    if not has_header_cells and (width < 2 or statistics.median(lengths) > SHORT_CELL_MEDIAN):
        return None
    return TableGrid(grid.rows, head_row)
