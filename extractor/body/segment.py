"""Step 2, segmentation: the pruned tree as text runs, the way a browser breaks lines.

Why a module of its own: every later step (scoring, listing detection, emitting) works on
the same ``Run`` records, each a line of text with its owner element and its link text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.tree import HtmlElement, collapse_ws

# Elements at which a browser breaks the line: a run ends at each of them.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "menu", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption",
        "html", "hgroup", "legend", "picture",
    }
)  # fmt: skip


@dataclass(slots=True)
class Run:
    """A line of text as a browser would break it, with its owner element."""

    owner: HtmlElement
    text: str
    link_len: int


class _Segmenter:
    """Turns the tree into text runs in one recursive pass."""

    __slots__ = ("_link_len", "_parts", "runs")

    def __init__(self) -> None:
        self.runs: list[Run] = []
        self._parts: list[str] = []
        self._link_len = 0

    def _flush(self, owner: HtmlElement) -> None:
        if self._parts:
            text = collapse_ws("".join(self._parts))
            if text:
                self.runs.append(Run(owner, text, min(self._link_len, len(text))))
            self._parts = []
            self._link_len = 0

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._link_len += len(text.strip())

    def walk(self, node: HtmlElement, owner: HtmlElement, in_link: bool = False) -> None:
        # (``_flush`` and ``_add`` inlined where they are no-ops most of the time: an
        # empty line at most block boundaries, an empty text or tail on most elements.)
        tag = node.tag
        block = tag in BLOCK_TAGS
        if block:
            if self._parts:
                self._flush(owner)
            owner = node
        elif tag == "br":
            if self._parts:
                self._flush(owner)
            return
        elif tag == "img":
            return
        in_link = in_link or tag == "a"
        text = node.text
        if text:
            self._add(text, in_link)
        for child in node:
            self.walk(child, owner, in_link)
            tail = child.tail
            if tail:
                if self._parts and child.tag in BLOCK_TAGS:
                    self._flush(child)
                self._add(tail, in_link)
        if block and self._parts:
            self._flush(node)


def segment(root: HtmlElement) -> list[Run]:
    seg = _Segmenter()
    seg.walk(root, root)
    seg._flush(root)
    return seg.runs


def run_inside(run: Run, selected: set[HtmlElement], cache: dict[HtmlElement, bool]) -> bool:
    """Is the run's owner one of ``selected`` or inside one? ``cache`` keeps the answer for
    every element on the way up, so a pass over all runs walks each ancestor once."""
    return inside(run.owner, selected, cache)


def inside(element: HtmlElement, selected: set[HtmlElement], cache: dict[HtmlElement, bool]) -> bool:
    """Is ``element`` one of ``selected`` or inside one? (See :func:`run_inside` for ``cache``.)"""
    path: list[HtmlElement] = []
    node: HtmlElement | None = element
    result = False
    while node is not None:
        if node in cache:
            result = cache[node]
            break
        if node in selected:
            result = True
            break
        path.append(node)
        node = node.getparent()
    for n in path:
        cache[n] = result
    return result
