"""PageIndex: what the steps ask about a page's elements, computed once right after parsing.

Why: metadata, page type, comment detection and the body each walked the whole tree to
find elements by their class/id words, by a marking attribute, or to order them: 30 to 50
walks a page, a Python step (or an XPath predicate) per element each time. The index walks
once: the elements in document order, each one's position, the elements grouped by their
class and id, and the elements carrying one of the attributes the steps look for. A
question such as "which elements are named like a paywall box" then costs a test per
distinct class/id pair of the page (a few hundred) instead of one per element (thousands),
and the answer comes back in document order.

The index describes the tree as parsed. It keeps its elements alive (lxml reuses an
element's Python proxy, and so its identity, only while a reference to it exists), so
lookups still answer for elements a later step detached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from lxml import etree

from .lexicon.pages import INDEXED_ATTRIBUTES
from .names import name_letters
from .tree import HtmlElement

__all__ = ["INDEXED_ATTRIBUTES", "SHORT_TEXT_CHARS", "PageIndex", "raw_names", "short_texts"]

_T = TypeVar("_T")

# The longest text node kept in ``PageIndex.short_texts``: the labelled-date and byline
# lookups read texts up to this length, the comment detector's date test shorter ones.
SHORT_TEXT_CHARS = 120
# Each a "smart" string (``getparent()``, ``is_tail``): the text node and the element that
# owns it, picked in C. ``normalize-space`` drops the texts of XML whitespace only.
_SHORT_TEXTS = etree.XPath(
    f"descendant::text()[string-length(.) <= {SHORT_TEXT_CHARS} and normalize-space(.)]"
)


def short_texts(root: HtmlElement) -> list[Any]:
    """The not-blank text nodes under ``root`` of at most SHORT_TEXT_CHARS characters, in
    document order: what ``PageIndex.short_texts`` holds for its page, for any element."""
    return list(_SHORT_TEXTS(root))


def raw_names(classes: str, node_id: str) -> str:
    """Class and id as one text, "class id": the form the class/id word tests of the page
    type, the byline search and the body's region names read (each splits it its own way)."""
    return f"{classes} {node_id}"


class PageIndex:
    """Document order, class/id groups and marked elements of one parsed tree."""

    __slots__ = (
        "_by_attribute",
        "_by_name",
        "_name_letters",
        "_position",
        "_shared",
        "_short_texts",
        "elements",
        "root",
    )

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        # Elements only: the parser drops comments and processing instructions.
        elements: list[HtmlElement] = list(root.iter(etree.Element))
        by_name: dict[tuple[str, str], list[HtmlElement]] = {}
        by_attribute: dict[str, list[HtmlElement]] = {name: [] for name in INDEXED_ATTRIBUTES}
        indexed = INDEXED_ATTRIBUTES
        for node in elements:
            keys = node.keys()
            if not keys:
                continue
            if len(keys) == 1:  # most attributed elements: one class, or one other attribute
                key = keys[0]
                if key != "class" and key != "id":
                    if key in indexed:
                        by_attribute[key].append(node)
                    continue
            else:
                named = False
                for key in keys:
                    if key == "class" or key == "id":
                        named = True
                    elif key in indexed:
                        by_attribute[key].append(node)
                if not named:
                    continue
            name = (node.get("class") or "", node.get("id") or "")
            group = by_name.get(name)
            if group is None:
                by_name[name] = [node]
            else:
                group.append(node)
        self.elements = elements
        self._by_name = by_name
        self._by_attribute = by_attribute
        self._position: dict[HtmlElement, int] | None = None
        self._name_letters: str | None = None
        self._short_texts: list[Any] | None = None
        self._shared: dict[str, Any] = {}

    @property
    def position(self) -> dict[HtmlElement, int]:
        """Each element's place in document order (built on first use)."""
        if self._position is None:
            self._position = {node: n for n, node in enumerate(self.elements)}
        return self._position

    @property
    def short_texts(self) -> list[Any]:
        """The page's text nodes (own texts and tails) of at most SHORT_TEXT_CHARS characters
        that are not blank, in document order, as lxml's "smart" strings (``getparent()``
        is the owner, for a tail the element before it; ``is_tail``). Built on first use.

        Why: the labelled dates, the labelled bylines and the comment detector's date test
        each asked libxml2 for this list (an XPath over every text node of the page, about
        1 ms a page each); one list, filtered by each, answers all three.
        """
        if self._short_texts is None:
            self._short_texts = short_texts(self.root)
        return self._short_texts

    def shared(self, key: str, build: Callable[[], _T]) -> _T:
        """``build()``, once per page under ``key``: what two steps read from the unchanged
        tree alike (the JSON-LD blocks: the metadata and the page type). The value is
        shared, so its readers must not change it."""
        if key not in self._shared:
            self._shared[key] = build()
        return cast(_T, self._shared[key])

    def short_texts_under(self, node: HtmlElement, limit: int) -> list[Any] | None:
        """What ``descendant::text()[string-length(.) <= limit and normalize-space(.)]``
        gives from ``node`` (an element of this tree, ``limit`` at most SHORT_TEXT_CHARS):
        the short texts owned by node or an element below it, node's own tail left out.
        None when a text's owner is no indexed element (the caller then asks libxml2)."""
        if limit > SHORT_TEXT_CHARS:
            return None
        position = self.position
        below = self.span(node)
        out: list[Any] = []
        for text in self.short_texts:
            if len(text) > limit:
                continue
            owner = text.getparent()
            at = position.get(owner)
            if at is None:
                return None
            if at in below and not (owner is node and text.is_tail):
                out.append(text)
        return out

    def span(self, node: HtmlElement) -> range:
        """The positions of node and everything below it (a subtree is one run in document
        order): ``position[x] in span(node)`` tells whether x is node or inside it."""
        start = self.position[node]
        after: HtmlElement | None = node
        while after is not None and after is not self.root:  # (the root may have siblings: junk)
            following = after.getnext()
            while following is not None and not isinstance(following.tag, str):
                following = following.getnext()
            if following is not None:
                return range(start, self.position[following])
            after = after.getparent()
        return range(start, len(self.elements))

    def in_order(self, nodes: Iterable[HtmlElement]) -> list[HtmlElement]:
        """The nodes (of this tree) without repeats, in document order."""
        return sorted(set(nodes), key=self.position.__getitem__)

    def names(self) -> list[tuple[str, str]]:
        """The distinct (class, id) pairs of the page, as written, first use first."""
        return list(self._by_name)

    def named(self, test: Callable[[str, str], bool]) -> list[HtmlElement]:
        """The elements whose (class, id) passes ``test``, in document order.

        ``test`` runs once per distinct pair; pass a cached function when the same test
        runs on many pages.
        """
        found = [
            node
            for (classes, node_id), nodes in self._by_name.items()
            if test(classes, node_id)
            for node in nodes
        ]
        if len(found) > 1:
            found.sort(key=self.position.__getitem__)
        return found

    def may_name(self, words: Iterable[str]) -> bool:
        """Could any class/id word of the page be one of ``words`` (lower-case letters and
        digits)? False is certain: every word a test of the package reads from a class/id
        text, whole or joined across ``-``/``_``, is a run of the page's name letters.

        Why: most pages name nothing a rare word test looks for (a paywall, a live blog);
        one substring search over the page's names answers that before any name is split.
        """
        if self._name_letters is None:
            joined = " ".join(f"{classes} {node_id}" for classes, node_id in self._by_name)
            self._name_letters = name_letters(joined)
        letters = self._name_letters
        return any(word in letters for word in words)

    def having(self, *attributes: str) -> list[HtmlElement]:
        """The elements carrying any of ``attributes`` (each one of INDEXED_ATTRIBUTES), in
        document order."""
        if len(attributes) == 1:
            return list(self._by_attribute[attributes[0]])
        return self.in_order(node for name in attributes for node in self._by_attribute[name])
