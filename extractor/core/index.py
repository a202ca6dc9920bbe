"""PageIndex: what the steps ask about a page's elements, computed once right after parsing.

Why: metadata, page type, comment detection and the body each walked the whole tree to
find elements by their class/id words or to order them, 30 to 50 walks a page, one Python
step per element each time. The index walks once, in C where it can: the elements in
document order, each one's position, and the elements grouped by their class/id text.
A question such as "which elements are named like a paywall box" then costs a test per
distinct class/id text of the page (a few hundred) instead of one per element (thousands),
and the answer comes back in document order.

The index describes the tree as parsed. It keeps its elements alive (lxml reuses an
element's Python proxy, and so its identity, only while a reference to it exists), so it
stays valid for lookups on elements after a later step detached some of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml import etree

from .tree import HtmlElement

__all__ = ["PageIndex", "raw_names"]

# Elements with a class or an id, in document order (one descendant step: see body/prune).
_NAMED = etree.XPath("descendant-or-self::*[@class or @id]")
_NOT_LETTER = re.compile(r"[^a-z0-9]+")


def raw_names(node: HtmlElement) -> str:
    """The class and id text of an element as written, "class id": the one key every
    class/id word test of the package reads (each test lowercases and splits it its own
    way, cached on this text)."""
    return f"{node.get('class') or ''} {node.get('id') or ''}"


class PageIndex:
    """Document order and class/id groups of one parsed tree (see the module docstring)."""

    __slots__ = ("_by_name", "_name_letters", "_position", "elements", "root")

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        # Elements only: the parser drops comments and processing instructions, and an
        # entity reference is no element.
        self.elements: list[HtmlElement] = list(root.iter(etree.Element))
        self._position: dict[HtmlElement, int] | None = None
        by_name: dict[str, list[HtmlElement]] = {}
        for node in _NAMED(root):
            by_name.setdefault(raw_names(node), []).append(node)
        self._by_name = by_name
        self._name_letters: str | None = None

    @property
    def position(self) -> dict[HtmlElement, int]:
        """Each element's place in document order (built on first use)."""
        if self._position is None:
            self._position = {node: n for n, node in enumerate(self.elements)}
        return self._position

    def names(self) -> list[str]:
        """The distinct class/id texts of the page (``raw_names`` form), first use first."""
        return list(self._by_name)

    def may_name(self, words: Iterable[str]) -> bool:
        """Could any class/id word of the page be one of ``words`` (lower-case letters and
        digits)? False is certain: every word a test of the package reads from a class/id
        text, whole or joined across ``-``/``_``, is a run of the page's name letters.

        Why: most pages name nothing a rare word test looks for (a paywall, a live blog);
        one substring search over the page's names answers that before any name is split.
        """
        if self._name_letters is None:
            self._name_letters = _NOT_LETTER.sub("", " ".join(self._by_name).lower())
        letters = self._name_letters
        return any(word in letters for word in words)

    def named(self, test: Callable[[str], bool]) -> list[HtmlElement]:
        """The elements whose class/id text passes ``test``, in document order.

        ``test`` runs once per distinct text; pass a cached function when the same test
        runs on many pages.
        """
        found = [node for name, nodes in self._by_name.items() if test(name) for node in nodes]
        if len(found) > 1:
            position = self.position
            found.sort(key=position.__getitem__)
        return found
