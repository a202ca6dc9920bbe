"""Reader comments (placeholder; the comments work replaces this)."""

from __future__ import annotations

import re
from datetime import datetime

from .model import Comment
from .tree import HtmlElement

_COMMENT_HINT = re.compile(r"\b(comments?|commentlist|comment-list|disqus|respond|discussion)\b")


def find_comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """Top-most elements that hold the comment section (list, form), to keep out of the body."""
    found: list[HtmlElement] = []
    for node in tree.iter("div", "section", "ol", "ul", "aside", "form"):
        hint = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if _COMMENT_HINT.search(hint) and not any(a in found for a in node.iterancestors()):
            found.append(node)
    return found


def extract_comments(
    sections: list[HtmlElement], *, fetched_at: datetime | None = None, language: str | None = None
) -> tuple[list[Comment], list[str]]:
    """Comment records from the sections, in page order, and warnings."""
    return [], []
