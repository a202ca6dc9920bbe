"""Markdown: the article as CommonMark (with GFM pipe tables), and the ``markdown`` output format.

Why a renderer from the record, not from the page: the record is what the extractor
decided is the article (no navigation, no share boxes), typed block by block, so the
Markdown is that decision written down and can be rebuilt from a stored JSON record
(``Article.from_dict(...).to_markdown()``) without the page.

What each block becomes: a heading ``#`` at its level; a paragraph; a list item ``-``,
indented by its nesting depth (``Block.level``; the record does not say whether a list was
numbered, so every list is a bullet list); consecutive block quotes one ``>`` quote; a code
block a fenced block with its language; a table a GFM pipe table (a table without a header
row gets an empty one: GFM tables must have one); a caption an emphasised paragraph after
its image. Images sit before the caption block that matches their caption, or, when none
does, at the top of the body (the record keeps no other position for them): ``![alt](src
"credit")`` then their caption. Links are ``[text](href)``. All text is escaped, so a
page's ``*``, ``#``, ``<b>`` or ``1.`` at the start of a line stays text; only code blocks
are verbatim.

:func:`body_items` (the block and image order) is shared with the HTML renderer
(:mod:`extractor.markup.html`), so both renderings place images the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..core.urls import absolute_url, page_base, split_url

# The shapes of the records these renderers read (extractor.model's ArticleLike, BlockLike, ImageLike and
# LinkLike have them). Why not import the model: ArticleLike.to_markdown() calls this module, and the
# model imports nothing of the package; reading the records by their shape keeps the imports
# one way.


class LinkLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def href(self) -> str: ...


class BlockLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def level(self) -> int | None: ...
    @property
    def rows(self) -> Sequence[Sequence[str]] | None: ...
    @property
    def header(self) -> bool: ...
    @property
    def language(self) -> str | None: ...
    @property
    def links(self) -> Sequence[LinkLike]: ...


class ImageLike(Protocol):
    @property
    def src(self) -> str: ...
    @property
    def alt(self) -> str | None: ...
    @property
    def caption(self) -> str | None: ...
    @property
    def credit(self) -> str | None: ...


class ArticleLike(Protocol):
    @property
    def url(self) -> str | None: ...
    @property
    def blocks(self) -> Sequence[BlockLike]: ...
    @property
    def canonical_url(self) -> str | None: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def standfirst(self) -> str | None: ...
    @property
    def images(self) -> Sequence[ImageLike]: ...


# What ``extract --format markdown`` writes between two pages of one stream: a thematic break
# alone on its line. No page's Markdown has that line (a ``-`` starting a text line is
# escaped), so splitting the stream on it gives the pages back; and the stream as a whole is
# still a Markdown document, with a rule between the articles.
PAGE_SEPARATOR = "---"

# LinkLike and image targets a reader can follow: a scheme-less (relative) URL resolves against
# the page, the rest (javascript:, data:, vbscript:) are dropped with the link kept as text.
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "ftp", "tel"})

# Characters that are Markdown syntax anywhere in a line. "|" only matters inside tables and
# "#", ">", "+", "-", "=" and "1." only at the start of a line (below).
_INLINE = re.compile(r"([\\`*_\[\]<~])")
_INLINE_HEADING = re.compile(r"([\\`*_\[\]<~#])")  # a heading's "#" could close it ("C #")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # "&amp;" would be read as an entity, "&" alone is text
_LINE_START = re.compile(r"^(?:([#>+\-=])|(\d+)([.)]))")
# A destination is written bare, so what would end it or be read as syntax is percent-encoded.
_DESTINATION = re.compile(r"[\s()<>\\\x00-\x1f\x7f]")


def escape(text: str, *, heading: bool = False) -> str:
    """``text`` with every character Markdown would read as syntax inside a line escaped (in a
    heading, ``#`` too)."""
    return _ENTITY.sub(r"\\&", (_INLINE_HEADING if heading else _INLINE).sub(r"\\\1", text))


def escape_line_start(text: str) -> str:
    """Escape, on each line of ``text``, what only at the start of a line is syntax: a heading
    ``#``, a quote ``>``, a bullet ``-`` or ``+``, an ordered-list number ``1.``, a setext ``=``.

    Lines are stripped first: spaces around a line of text mean nothing in Markdown but an
    indented code block (four at the start) or a line break (two at the end).
    """
    return "\n".join(_escape_start(line.strip(" \t")) for line in text.split("\n"))


def _escape_start(line: str) -> str:
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    end = match.end(2)
    return line[:end] + "\\" + line[end:]


def safe_url(url: str, base: str | None) -> str | None:
    """``url`` resolved against the page, or None when it is not one a reader should follow."""
    url = url.strip()
    parts = split_url(url)
    if not url or parts is None or parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    return absolute_url(url, base)


def _destination(url: str) -> str:
    return _DESTINATION.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _title(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def link_spans(text: str, links: Sequence[LinkLike]) -> Iterator[tuple[str, str | None]]:
    """``text`` cut into (piece, href) spans, href None between links; links that overlap one
    before them or fall outside the text (a record edited by hand) are left out."""
    position = 0
    for link in sorted(links, key=lambda link: (link.start, link.end)):
        if link.start < position or link.end > len(text) or link.start >= link.end:
            continue
        if link.start > position:
            yield text[position : link.start], None
        yield text[link.start : link.end], link.href
        position = link.end
    if position < len(text):
        yield text[position:], None


def inline(
    text: str, links: Sequence[LinkLike] = (), base: str | None = None, *, heading: bool = False
) -> str:
    """A block's text as Markdown inline content: escaped, its links as ``[text](href)``."""
    out = []
    for piece, href in link_spans(text, links):
        url = safe_url(href, base) if href is not None else None
        escaped = escape(piece, heading=heading)
        out.append(f"[{escaped}]({_destination(url)})" if url else escaped)
    return "".join(out)


# -- the order of blocks and images, shared with the HTML renderer ------------------------------


@dataclass(slots=True, frozen=True)
class Figure:
    """An image where the renderings put it; ``caption`` is the caption block it heads, if any."""

    image: ImageLike
    caption: BlockLike | None


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def body_items(article: ArticleLike) -> list[BlockLike | Figure]:
    """The body in reading order: each block, and each image as a :class:`Figure`.

    An image goes where the caption block with its caption is (the block then belongs to the
    figure); the images no caption block places are the lead images, first.
    """
    images = list(article.images)
    placed: dict[int, Figure] = {}  # block index -> its figure
    for index, block in enumerate(article.blocks):
        if block.kind != "caption":
            continue
        for image in images:
            if image.caption and _norm(image.caption) == _norm(block.text):
                placed[index] = Figure(image, block)
                images.remove(image)
                break
    items: list[BlockLike | Figure] = [Figure(image, None) for image in images]
    for index, block in enumerate(article.blocks):
        items.append(placed.get(index, block))
    return items


def list_depths(blocks: Sequence[BlockLike]) -> list[int]:
    """Each of a run of list items' depth (1 = top level), never deeper than one more than the
    item before it: a list can only open inside an item, so a jump is read as one level."""
    depths: list[int] = []
    for block in blocks:
        wanted = block.level if block.level and block.level > 1 else 1
        depths.append(min(wanted, (depths[-1] if depths else 0) + 1))
    return depths


def groups(items: Sequence[BlockLike | Figure]) -> Iterator[tuple[str, list[BlockLike | Figure]]]:
    """Consecutive list items and consecutive block quotes together (one list, one quote);
    every other item alone. Yields (kind, items)."""
    run: list[BlockLike | Figure] = []
    kind = ""
    for item in items:
        item_kind = item.kind if not isinstance(item, Figure) else "figure"
        if run and item_kind == kind and kind in ("list_item", "blockquote"):
            run.append(item)
            continue
        if run:
            yield kind, run
        run, kind = [item], item_kind
    if run:
        yield kind, run


# -- Markdown ---------------------------------------------------------------------------------


def _fence(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _cell(text: str) -> str:
    return escape(text).replace("|", "\\|") or " "


def table_markdown(block: BlockLike) -> str:
    """A GFM pipe table; one without a header row gets an empty one (GFM requires a header)."""
    rows = [row for row in block.rows or [] if row]
    if not rows:  # a table block without cells (a record written by hand): its lines as text
        return "\n\n".join(escape_line_start(inline(line)) for line in block.text.split("\n") if line)
    width = max(len(row) for row in rows)
    padded = [[*row, *[""] * (width - len(row))] for row in rows]
    head, body = (padded[0], padded[1:]) if block.header else ([""] * width, padded)
    lines = ["| " + " | ".join(_cell(text) for text in head) + " |", "|" + " --- |" * width]
    lines.extend("| " + " | ".join(_cell(text) for text in row) + " |" for row in body)
    return "\n".join(lines)


def _figure(figure: Figure, base: str | None) -> str:
    image = figure.image
    src = safe_url(image.src, base)
    parts = []
    if src:
        title = f" {_title(image.credit)}" if image.credit else ""
        parts.append(f"![{escape(image.alt or '')}]({_destination(src)}{title})")
    if figure.caption is not None:
        parts.append(_block(figure.caption, base))
    elif image.caption:
        parts.append(f"*{escape(image.caption)}*")
    return "\n\n".join(parts)


def _block(block: BlockLike, base: str | None) -> str:
    if block.kind == "heading":
        level = min(max(block.level or 2, 1), 6)
        return "#" * level + " " + inline(block.text, block.links, base, heading=True).replace("\n", " ")
    if block.kind == "preformatted":
        fence = _fence(block.text)
        return f"{fence}{block.language or ''}\n{block.text}\n{fence}"
    if block.kind == "table":
        return table_markdown(block)
    if block.kind == "caption":
        return f"*{escape_line_start(inline(block.text, block.links, base))}*"
    return escape_line_start(inline(block.text, block.links, base))


def body_markdown(article: ArticleLike) -> str:
    """The article's body (blocks and images) as Markdown, without headline or standfirst."""
    base = page_base(article.url, article.canonical_url)
    parts: list[str] = []
    for kind, items in groups(body_items(article)):
        blocks = [item for item in items if not isinstance(item, Figure)]
        if kind == "list_item":
            depths = list_depths(blocks)
            parts.append(
                "\n".join(
                    "  " * (depth - 1) + "- " + escape_line_start(inline(block.text, block.links, base))
                    for block, depth in zip(blocks, depths, strict=True)
                )
            )
        elif kind == "blockquote":
            parts.append(
                "\n>\n".join("> " + escape_line_start(inline(b.text, b.links, base)) for b in blocks)
            )
        elif kind == "figure":
            parts.extend(_figure(item, base) for item in items if isinstance(item, Figure))
        else:
            parts.extend(_block(block, base) for block in blocks)
    return "\n\n".join(part for part in parts if part) + "\n" if parts else ""


def article_markdown(article: ArticleLike, *, body_only: bool = False) -> str:
    """The article as one Markdown document: ``# headline``, the standfirst, then the body."""
    body = body_markdown(article)
    if body_only:
        return body
    head = []
    if article.headline:
        head.append("# " + escape(article.headline, heading=True).replace("\n", " "))
    if article.standfirst:
        head.append(escape_line_start(escape(article.standfirst)))
    if not head:
        return body
    return "\n\n".join(head) + "\n" + ("\n" + body if body else "")
