"""Clean HTML: the article as semantic elements only, rebuilt from the record.

Why from the record and not by cleaning the page's own markup: the record already holds
only the article (the extractor's decision), so the HTML is built, not filtered, and can
hold nothing the record does not: no script, no style, no class, no event handler, no
attribute but ``href`` on links and ``src`` and ``alt`` on images (with unsafe URL schemes
such as ``javascript:`` dropped), and every text escaped.

The elements: ``<article>`` around ``<h1>`` (the headline) and a ``<p>`` (the standfirst)
in a ``<header>``, then the body; ``<h1>``-``<h6>``, ``<p>``, ``<ul>``/``<li>`` nested by
the list items' depth, ``<blockquote>`` (consecutive quote blocks in one), ``<pre><code>``,
``<table>`` with ``<thead>``/``<th>`` for a header row and ``<tbody>``, ``<figure>`` with
``<img>`` and ``<figcaption>`` (the credit in ``<small>``), ``<a href>``. Images are placed as
in the Markdown (:func:`~extractor.markup.markdown.body_items`). A code block's language is
not written: ``class="language-..."`` would be an attribute the clean HTML does not carry.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..core.urls import page_base
from .markdown import (
    ArticleLike,
    BlockLike,
    Figure,
    LinkLike,
    body_items,
    groups,
    link_spans,
    list_depths,
    safe_url,
)


def _text(text: str) -> str:
    return escape(text, quote=False)


def inline_html(text: str, links: Sequence[LinkLike] = (), base: str | None = None) -> str:
    """A block's text, escaped, with its links as ``<a href>``."""
    out = []
    for piece, href in link_spans(text, links):
        url = safe_url(href, base) if href is not None else None
        out.append(f'<a href="{escape(url)}">{_text(piece)}</a>' if url else _text(piece))
    return "".join(out)


def table_html(block: BlockLike) -> str:
    """``<table>``, the header row (when the block has one) in ``<thead>`` as ``<th>`` cells."""
    rows = [row for row in block.rows or [] if row]
    if not rows:
        return "".join(f"<p>{_text(line)}</p>" for line in block.text.split("\n") if line)
    width = max(len(row) for row in rows)
    padded = [[*row, *[""] * (width - len(row))] for row in rows]
    parts = ["<table>"]
    if block.header:
        parts.append("<thead><tr>" + "".join(f"<th>{_text(c)}</th>" for c in padded[0]) + "</tr></thead>")
        padded = padded[1:]
    if padded:
        parts.append("<tbody>")
        parts.extend("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>" for row in padded)
        parts.append("</tbody>")
    parts.append("</table>")
    return "".join(parts)


def _figure(figure: Figure, base: str | None) -> str:
    image = figure.image
    src = safe_url(image.src, base)
    img = f'<img src="{escape(src)}" alt="{escape(image.alt or "")}">' if src else ""
    if figure.caption is not None:
        caption = inline_html(figure.caption.text, figure.caption.links, base)
    else:
        caption = _text(image.caption or "")
    if image.credit:
        caption += (" " if caption else "") + f"<small>{_text(image.credit)}</small>"
    if not img and not caption:
        return ""
    return f"<figure>{img}{f'<figcaption>{caption}</figcaption>' if caption else ''}</figure>"


def _list(blocks: Sequence[BlockLike], base: str | None) -> str:
    """List items as nested ``<ul>``: a deeper item opens a list inside the item before it."""
    out: list[str] = []
    depth = 0
    for block, wanted in zip(blocks, list_depths(blocks), strict=True):
        if wanted > depth:
            out.append("<ul>" * (wanted - depth))
        else:
            out.append("</li>" + "</ul></li>" * (depth - wanted))
        out.append("<li>" + inline_html(block.text, block.links, base))
        depth = wanted
    out.append("</li>" + "</ul></li>" * (depth - 1) + "</ul>")
    return "".join(out)


def _block(block: BlockLike, base: str | None) -> str:
    text = inline_html(block.text, block.links, base)
    if block.kind == "heading":
        level = min(max(block.level or 2, 1), 6)
        return f"<h{level}>{text}</h{level}>"
    if block.kind == "preformatted":
        return f"<pre><code>{_text(block.text)}</code></pre>"
    if block.kind == "table":
        return table_html(block)
    if block.kind == "caption":
        return f"<figure><figcaption>{text}</figcaption></figure>"
    return f"<p>{text}</p>"


def body_html(article: ArticleLike) -> str:
    """The body's elements (blocks and images), one per line, without the ``<article>`` around them."""
    base = page_base(article.url, article.canonical_url)
    parts: list[str] = []
    for kind, items in groups(body_items(article)):
        blocks = [item for item in items if not isinstance(item, Figure)]
        if kind == "list_item":
            parts.append(_list(blocks, base))
        elif kind == "blockquote":
            inner = "".join(f"<p>{inline_html(b.text, b.links, base)}</p>" for b in blocks)
            parts.append(f"<blockquote>{inner}</blockquote>")
        elif kind == "figure":
            parts.extend(_figure(item, base) for item in items if isinstance(item, Figure))
        else:
            parts.extend(_block(block, base) for block in blocks)
    return "".join(f"{part}\n" for part in parts if part)


def article_html(article: ArticleLike, *, body_only: bool = False) -> str:
    """The article as one ``<article>`` element: a ``<header>`` with the headline and
    standfirst, then the body; ``body_only`` gives the body's elements alone."""
    body = body_html(article)
    if body_only:
        return body
    head = ""
    if article.headline:
        head += f"<h1>{_text(article.headline)}</h1>"
    if article.standfirst:
        head += f"<p>{_text(article.standfirst)}</p>"
    header = f"<header>{head}</header>\n" if head else ""
    return f"<article>\n{header}{body}</article>\n"
