"""Rendering one comment's text: paragraph breaks kept as newlines, controls dropped.

Why a renderer of its own: text_content() glues "Reply" links, like counters and the
author line onto the comment, and loses paragraph breaks; the comment text must be the
words the commenter wrote and nothing of the page's chrome.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from ..core.lexicon.comments import NOT_TEXT_WORDS
from ..core.tree import HtmlElement, collapse_ws
from . import hints
from .detect import short_text

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "dd",
        "dt",
        "dl",
        "header",
        "footer",
        "figure",
        "figcaption",
        "hr",
        "aside",
        "center",
    }
)
_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "button",
        "form",
        "input",
        "textarea",
        "select",
        "option",
        "iframe",
        "object",
        "embed",
        "nav",
        "label",
    }
)
# Elements whose whole text may be a control ("Reply", "Report", "12 likes"); paragraphs never are.
_CONTROL_TAGS = frozenset(
    {"a", "button", "span", "li", "ul", "small", "div", "footer", "menu", "i", "b", "strong", "em", "font"}
)
_NOT_TEXT = re.compile(NOT_TEXT_WORDS, re.IGNORECASE)
_MAX_CONTROL_LEN = 40


def render(root: HtmlElement, skip: Container[int], *, keep_root: bool = True) -> str:
    """Text of root with paragraph breaks as "\\n"; subtrees whose id() is in skip are left out."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = collapse_ws("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        dropped = (
            not tag
            or tag in _DROP_TAGS
            or id(node) in skip
            or (node is not root and (is_control(node) or _not_text(node) or _section_heading(node)))
        )
        if not dropped:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if tag == "br":
                flush()
            if tag == "img" and node.get("alt") and _is_emoji(node.get("alt") or ""):
                current.append(node.get("alt") or "")
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
            if block:
                flush()
        if node is not root and node.tail:
            current.append(node.tail)

    if keep_root:
        walk(root)
    flush()
    return "\n".join(lines)


def is_control(node: HtmlElement) -> bool:
    """A link, button or small box whose whole text is a control word or a bare counter."""
    if node.tag not in _CONTROL_TAGS:
        return False
    text = short_text(node, _MAX_CONTROL_LEN)
    return text is not None and bool(text) and bool(hints.CHROME_TEXT.match(text))


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _section_heading(node: HtmlElement) -> bool:
    """'1 Comment', 'Leave a Reply': the comment section's own headings, which an item
    drawn as wide as the section would otherwise carry into its text."""
    if node.tag not in _HEADING_TAGS:
        return False
    text = short_text(node, 60)
    if not text:
        return False
    return bool(hints.SECTION_HEADING.search(text))


def _not_text(node: HtmlElement) -> bool:
    classes, node_id = node.get("class"), node.get("id")
    return bool(classes or node_id) and _not_text_words(hints.class_id_key(classes, node_id))


@lru_cache(maxsize=4096)
def _not_text_words(words: str) -> bool:
    """Cached per class/id string: each comment repeats its page's markup."""
    return bool(words.strip()) and bool(_NOT_TEXT.search(words))


def _is_emoji(alt: str) -> bool:
    """Emoji pictures (WordPress, Twitter) carry the character in alt; keep it in the text."""
    return 0 < len(alt) <= 4 and all(ord(ch) > 0x2000 for ch in alt)
