"""Step 4, emitting: the runs inside the chosen containers as typed blocks.

Why a module of its own: what a block is (heading, caption, quote, list item) and which
lines are not article text (link lists, share prompts, "Read more", the headline and
standfirst the record holds in its own fields) is decided here, run by run; a thread's
posts become blocks here as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.lexicon.pages import BOILERPLATE_LINES
from ..core.tree import HtmlElement, collapse_ws
from ..model import Block, BlockKind, Comment
from .images import split_credit
from .inline import LinkFinder, code_language
from .listing import is_item_title
from .segment import Run, inside, run_inside
from .tables import TableGrid, data_table

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Whole-line boilerplate that sits inside article containers.
_BOILERPLATE_LINE = re.compile(
    r"^(?:" + BOILERPLATE_LINES + r")$",
    re.IGNORECASE | re.VERBOSE,
)


def _kind(run: Run, stop: set[HtmlElement]) -> tuple[BlockKind, int | None]:
    owner = run.owner
    tag = owner.tag
    if tag in _HEADINGS:
        return "heading", _HEADINGS[tag]
    if tag in ("figcaption", "caption"):
        return "caption", None
    if tag == "pre":
        return "preformatted", None
    node: HtmlElement | None = owner
    while node is not None and node not in stop:
        if node.tag == "blockquote":
            return "blockquote", None
        if node.tag == "figcaption":
            return "caption", None
        node = node.getparent()
    if tag in ("li", "dd", "dt"):
        return "list_item", _list_depth(owner, stop)
    return "paragraph", None


_LISTS = frozenset({"ul", "ol", "dl", "menu"})


def _list_depth(item: HtmlElement, stop: set[HtmlElement]) -> int | None:
    """A list item's nesting depth inside the chosen containers when it is nested (2: in a
    list inside another list's item), None at the top level: the renderings indent by it."""
    depth = 0
    node = item.getparent()
    while node is not None:
        if node.tag in _LISTS:
            depth += 1
        if node in stop:
            break
        node = node.getparent()
    return depth if depth >= 2 else None


class _Tables:
    """Which runs are cells of a data table inside the chosen containers, and that table's block.

    Every line of a data table goes into one ``table`` block, in the order the body has
    always had them (so ``body`` reads the same), with the table's grid beside; a layout
    table's cells stay blocks of their own (:func:`~.tables.data_table` tells them apart).
    """

    __slots__ = ("_any", "_blocks", "_cache", "_grids", "_owners", "_selected")

    def __init__(self, selected: set[HtmlElement], cache: dict[HtmlElement, bool]) -> None:
        self._selected = selected
        self._cache = cache
        self._owners: dict[HtmlElement, HtmlElement | None] = {}
        self._grids: dict[HtmlElement, TableGrid | None] = {}
        self._blocks: dict[HtmlElement, Block] = {}
        # Most chosen texts hold no table: then no run's ancestors need walking at all.
        self._any = any(node.tag == "table" or node.find(".//table") is not None for node in selected)

    def table_of(self, owner: HtmlElement) -> HtmlElement | None:
        """The data table the run's owner is a cell line of (not its caption), or None."""
        if not self._any:
            return None
        if owner in self._owners:
            return self._owners[owner]
        node: HtmlElement | None = owner
        table = None
        while node is not None:
            if node.tag == "caption":
                break  # a table's caption stays a caption block, before the table
            if node.tag == "table":
                table = node
                break
            if node in self._selected:
                break  # the table must be inside the chosen containers, not around them
            node = node.getparent()
        if table is not None and not inside(table, self._selected, self._cache):
            table = None
        if table is not None and table not in self._grids:
            self._grids[table] = data_table(table)
        found = table if table is not None and self._grids[table] is not None else None
        self._owners[owner] = found
        return found

    def add(self, blocks: list[Block], table: HtmlElement, text: str) -> None:
        """Add a kept line of ``table``: a new table block, or one more line of its block."""
        block = self._blocks.get(table)
        if block is not None and ((blocks and blocks[-1] is block) or any(b is block for b in blocks)):
            block.text += "\n" + text
            return
        grid = self._grids[table]
        assert grid is not None
        block = Block("table", text, rows=grid.rows, header=grid.header)
        self._blocks[table] = block
        blocks.append(block)


_NON_WORD = re.compile(r"\W+")


def _norm(text: str | None) -> str:
    return _NON_WORD.sub(" ", (text or "").casefold()).strip()


def _same_norm(text: str, norm: str) -> bool:
    """``_norm(text) == norm`` for a non-empty ``norm``; a text that starts with an ASCII word
    character other than norm's first is answered without normalising it (every paragraph
    before the headline is compared)."""
    first = text[:1]
    if first.isascii() and (first.isalnum() or first == "_") and first.lower() != norm[0]:
        return False
    return _norm(text) == norm


def _keep(run: Run, kind: BlockKind, items: bool = False) -> bool:
    text = run.text
    n = len(text)
    if items and run.link_len > n * 0.5:
        return (is_item_title(text) or kind == "list_item") and not _BOILERPLATE_LINE.match(text)
    if kind == "heading":
        return run.link_len < n * 0.5 and not _BOILERPLATE_LINE.match(text)
    if run.link_len > n * 0.8 and not (n > 200 and run.link_len < n * 0.9):
        return False
    return not (n < 120 and _BOILERPLATE_LINE.match(text))


def emit(
    runs: list[Run],
    selected: list[HtmlElement],
    headline: str | None,
    standfirst: str | None,
    items: bool = False,
    url: str | None = None,
) -> list[Block]:
    """The runs inside the selected containers as typed blocks, without boilerplate lines,
    the headline, the standfirst and repeated paragraphs.

    A data table's lines become one ``table`` block; a block's links are kept as offsets
    into its text (absolute against ``url`` when it is known), a code block's language
    when the page marks it."""
    selected_set = set(selected)
    cache: dict[HtmlElement, bool] = {}
    tables = _Tables(selected_set, cache)
    link_finder = LinkFinder(url)
    headline_norm = _norm(headline)
    standfirst_norm = _norm(standfirst)
    headline_seen = standfirst_seen = False
    seen_texts: set[str] = set()
    blocks: list[Block] = []
    for run in runs:
        if not run_inside(run, selected_set, cache):
            continue
        kind, level = _kind(run, selected_set)
        if not _keep(run, kind, items):
            continue
        text = run.text
        if kind == "caption":
            text, _credit = split_credit(text)
            if not text:
                continue
        if not headline_seen and headline_norm and _same_norm(text, headline_norm):
            headline_seen = True
            # Kickers and section labels above the headline are not article text.
            if all(_is_label(b.text) for b in blocks):
                blocks.clear()
            continue
        if not standfirst_seen and standfirst_norm and _same_norm(text, standfirst_norm):
            standfirst_seen = True  # the standfirst is its own field
            continue
        if len(text) > 40:
            # Pages that ship a second copy (print view, hidden mobile layout) repeat paragraphs.
            if text in seen_texts:
                continue
            seen_texts.add(text)
        table = tables.table_of(run.owner)
        if table is not None:
            tables.add(blocks, table, text)
            continue
        block = Block(kind, text, level, links=link_finder.links(run, text))
        if kind == "preformatted":
            block.language = code_language(run.owner)
        blocks.append(block)
    return blocks


def thread_blocks(posts: Sequence[Comment]) -> list[Block]:
    """A thread's posts as body blocks, in page order: who wrote each post and when, as
    the page states them, then its paragraphs."""
    blocks: list[Block] = []
    for post in posts:
        stamp = collapse_ws(post.published_raw)
        author = collapse_ws(post.author)
        # Each line as the page writes it; a stamp that already names the author stands alone.
        if author and not (stamp and author.casefold() in stamp.casefold()):
            blocks.append(Block("paragraph", author))
        if stamp:
            blocks.append(Block("paragraph", stamp))
        blocks.extend(Block("paragraph", line.strip()) for line in post.text.split("\n") if line.strip())
    return blocks


def _is_label(text: str) -> bool:
    return len(text) < 80 and not text.rstrip().endswith((".", "!", "?", ":", "…"))
