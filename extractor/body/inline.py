"""What a block keeps of its markup besides the text: its hyperlinks and a code block's language.

Why a module of its own: the blocks' text is plain on purpose (quotes, metrics and the
``body`` read it), so the markup the Markdown and HTML renderings need back is found here,
after emitting, as offsets into that text (``Link``) and a field (``Block.language``).
Only runs that segmentation saw link text in are searched, so a page pays for its links
and nothing else.
"""

from __future__ import annotations

import re

from ..core.tree import HtmlElement, collapse_ws, text_of
from ..core.urls import absolute_url, split_url
from ..model import Link
from .segment import BLOCK_TAGS, Run

# Link targets that mean something away from the page. A fragment ("#fn1") points into the
# page itself, and script or data URLs are not links a reader can follow.
_FOLLOWABLE_SCHEMES = frozenset({"", "http", "https", "mailto", "ftp", "tel"})

# How pages mark a code block's language: Prism, highlight.js and CommonMark renderers write
# class="language-python" (or lang-) on the <pre> or its <code>, SyntaxHighlighter "brush:
# python"; GitHub puts "highlight-source-python" on a wrapper, Sphinx "highlight-python
# notranslate". A wrapper's bare "highlight-X" counts only in Sphinx's form: "highlight-box"
# on some <div> is a style, not a language.
_LANGUAGE_CLASS = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source|highlight)-([A-Za-z0-9_+#.-]+)|\bbrush:\s*([A-Za-z0-9_+#.-]+)"
)
_WRAPPER_CLASS = re.compile(
    r"(?:^|\s)(?:language|lang|highlight-source)-([A-Za-z0-9_+#.-]+)"
    r"|(?:^|\s)highlight-([A-Za-z0-9_+#.-]+)(?=\s(?:.*\s)?notranslate\b)"
)
_LANGUAGE_ATTRS = ("data-lang", "data-language")  # not lang=, which names the text's language (en, de)
# Class words that name no language: Sphinx's default lexer, "plain text", highlighter states.
_NOT_LANGUAGES = frozenset({"default", "none", "text", "plaintext", "plain", "nohighlight", "auto"})


def code_language(pre: HtmlElement) -> str | None:
    """The language a code block's markup names, lower-cased; None when it names none.

    Read from the ``<pre>`` and the ``<code>`` inside it, then from the classes of the two
    wrappers around it (highlighters put theirs on a ``<div>`` around the ``<pre>``).
    """
    code = pre.find("code")
    own = [pre] if code is None else [pre, code]
    for node in own:
        for attr in _LANGUAGE_ATTRS:
            value = (node.get(attr) or "").strip().lower()
            if value and value not in _NOT_LANGUAGES:
                return value
    wrappers = [node for _, node in zip(range(2), pre.iterancestors(), strict=False)]
    for node, pattern in [*((n, _LANGUAGE_CLASS) for n in own), *((n, _WRAPPER_CLASS) for n in wrappers)]:
        match = pattern.search(node.get("class") or "")
        if match:
            value = (match.group(1) or match.group(2)).lower()
            if value not in _NOT_LANGUAGES:
                return value
    return None


def _followable(href: str) -> bool:
    if not href or href.startswith("#"):
        return False
    parts = split_url(href)
    return parts is not None and parts.scheme.lower() in _FOLLOWABLE_SCHEMES


def _own_links(owner: HtmlElement, url: str | None) -> list[tuple[str, str]]:
    """(text, absolute href) of the links whose text is in ``owner``'s own runs, in order.

    A link is the owner's when the nearest line-breaking element above it is the owner; a
    link wrapping a line break or a block of its own spans several runs and is left out
    (its text is in no single run to point into).
    """
    found: list[tuple[str, str]] = []
    for anchor in owner.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not _followable(href):
            continue
        node = anchor.getparent()
        while node is not None and node is not owner and node.tag not in BLOCK_TAGS:
            node = node.getparent()
        if node is not owner:
            continue
        if any(child.tag in BLOCK_TAGS or child.tag == "br" for child in anchor.iterdescendants()):
            continue
        text = collapse_ws(text_of(anchor))
        if text:
            found.append((text, absolute_url(href, url)))
    return found


class LinkFinder:
    """Finds each emitted run's links as offsets into its text, one pass over the runs.

    An owner element can hold several runs (lines broken by ``<br>``), and some of them are
    dropped as boilerplate; each owner's links are therefore matched in order, from where
    the owner's last matched link was, and a link not found in a run is passed over.
    """

    __slots__ = ("_links", "_next", "_url")

    def __init__(self, url: str | None) -> None:
        self._url = url
        self._links: dict[HtmlElement, list[tuple[str, str]]] = {}
        self._next: dict[HtmlElement, int] = {}

    def links(self, run: Run, text: str) -> list[Link]:
        """The links in ``text`` (the run's text as emitted, a caption's without its credit)."""
        if not run.link_len:
            return []
        owner = run.owner
        if owner not in self._links:
            self._links[owner] = _own_links(owner, self._url)
        candidates = self._links[owner]
        found: list[Link] = []
        position = 0
        index = self._next.get(owner, 0)
        while index < len(candidates):
            link_text, href = candidates[index]
            start = text.find(link_text, position)
            if start >= 0:
                end = start + len(link_text)
                found.append(Link(start, end, href))
                position = end
                self._next[owner] = index + 1
            index += 1
        return found
