"""Reader comments and forum posts as records.

find_comment_sections() runs before the body extractor so that comment text never
reaches the body; extract_comments() turns the same sections into Comment records in page
order. detect.py proposes and judges groups of comment items, sections.py widens them to
the whole section (with forms), records.py reads one item, text.py renders its words.

Quoted text: forum posts that quote an earlier post keep the quote in their text. The
annotated forum data we measure against includes it, and a reader of the record sees what
the page shows; threading (parent_id) carries the reply relation instead.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from datetime import datetime
from functools import lru_cache

from lxml import etree

from ..core.index import PageIndex
from ..core.tree import HtmlElement, collapse_ws, text_of
from ..model import Comment
from . import hints
from .detect import choose_items, is_author_element, scope
from .records import IdView, build_comment, stable_id
from .sections import Detection, find_sections

__all__ = [
    "Detection",
    "declared_comment_count",
    "detect_comments",
    "extract_comments",
    "find_comment_sections",
]

_DEPTH_CLASS = re.compile(r"\b(?:depth|level)-?(\d+)\b", re.IGNORECASE)
_PARENT_ATTRS = ("data-parent-id", "data-parent", "data-parentid", "data-reply-to", "data-in-reply-to")


def detect_comments(tree: HtmlElement, index: PageIndex | None = None) -> Detection:
    """Items, sections and the facts gathered on the way, for a caller that wants both the
    sections and the records (extract_article): pass it to extract_comments(detection=),
    and no per-page cache keeps the tree alive afterwards. ``index``: the tree's
    PageIndex, when the caller has one."""
    return find_sections(_page_root(tree), index)


def find_comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """Top-most elements of the comment section(s), comment forms included, in page order."""
    return list(_detect(_page_root(tree)).sections)


@lru_cache(maxsize=4)
def _detect(root: HtmlElement) -> Detection:
    """Items, sections, date holders and element facts of one page, memoised per root element.

    Why a cache: extract_comments() receives the sections that find_comment_sections()
    returned a moment earlier and needs the items found on the way; detection is the
    costly step. Bounded, keyed by element identity (the key keeps the tree alive, so an
    id can never be reused); a caller that edits the tree between the two calls must not
    rely on it.
    """
    return find_sections(root)


def _page_root(node: HtmlElement) -> HtmlElement:
    root = node.getroottree().getroot()
    body = root.find("body")
    return body if body is not None else root


def extract_comments(
    sections: list[HtmlElement],
    *,
    fetched_at: datetime | None = None,
    language: str | None = None,
    detection: Detection | None = None,
    base_url: str | None = None,
) -> tuple[list[Comment], list[str]]:
    """Comment records from the sections, in page order, and warnings.

    detection: what detect_comments() found on the sections' page (else it is looked up
    in, or computed into, a small per-page cache). base_url: the page's address, against
    which permalinks and author links are made absolute."""
    if not sections:
        return [], []
    found = detection if detection is not None else _detect(_page_root(sections[0]))
    all_items, dated, facts = found.items, found.dated, found.facts
    inside = {id(s) for s in sections}
    items = [i for i in all_items if id(i) in inside or any(id(a) in inside for a in i.iterancestors())]
    holders: dict[int, HtmlElement] | None = dated
    author = facts.author
    if not items and not all_items:
        items = choose_items(sections)  # sections chosen by the caller, not by us
        holders, author = None, is_author_element
    ids = {id(i) for i in items}
    # The other parts of two-part items (the <dd> of a <dt> head, a footer's run), which may
    # hold replies of their own: what lies in another item's parts is not this item's.
    # By id(), each with its part (kept alive, so the id stays its own) and its item.
    parts: dict[int, tuple[HtmlElement, HtmlElement]] = {}
    own_parts: dict[int, list[int]] = {}
    for item in items:
        extra = [r for r in scope(item) if r is not item]
        if extra:
            own_parts[id(item)] = [id(r) for r in extra]
            parts.update((id(r), (r, item)) for r in extra)
    nested = ids | parts.keys() if parts else ids
    comments: list[Comment] = []
    kept: list[HtmlElement] = []
    for item in items:
        # (a view, not a copy: a copy of the page-wide set per item made n items cost n * n)
        own: Container[int] = IdView(nested, removed=own_parts[id(item)]) if id(item) in own_parts else nested
        record = build_comment(
            item,
            own,
            fetched_at=fetched_at,
            language=language,
            dated=holders,
            author=author,
            base_url=base_url,
        )
        if record is not None:
            comments.append(record)
            kept.append(item)
    _assign_ids(comments)
    _thread(kept, comments, parts)
    warnings: list[str] = []
    undated = sum(1 for c in comments if c.published is None)
    if comments and undated:
        warnings.append(f"comments: {undated} of {len(comments)} without a readable date")
    return comments, warnings


def _assign_ids(comments: list[Comment]) -> None:
    seen: set[str] = set()
    for comment in comments:
        if comment.id is None or comment.id in seen:
            comment.id = stable_id(comment)
        while comment.id in seen:
            comment.id += "x"
        seen.add(comment.id)


def _thread(
    items: list[HtmlElement], comments: list[Comment], parts: dict[int, tuple[HtmlElement, HtmlElement]]
) -> None:
    """parent_id and depth from nesting, else from explicit reply markers or depth classes.

    parts: the other parts of two-part items, by id(), with their items: a reply nested in
    a <dt> item's <dd> is that item's reply. Explicit markers may point forward (a page
    listing newest first shows a reply before its parent), so a marker that would close a
    loop ("in reply to" its own nested reply) is refused, and depths are counted once every
    link is known: the threads are always trees.
    """
    index = {id(item): n for n, item in enumerate(items)}
    index.update((key, index[id(item)]) for key, (_part, item) in parts.items() if id(item) in index)
    by_id = {c.id: c for c in comments if c.id}
    position = {id(c): n for n, c in enumerate(comments)}
    forest = _Forest(len(items))
    nested = [next((index[id(a)] for a in item.iterancestors() if id(a) in index), None) for item in items]
    for n, parent_n in enumerate(nested):  # nesting first: it outranks any marker
        if parent_n is not None and not forest.link(n, parent_n):
            nested[n] = None
    for n, item in enumerate(items):
        comment = comments[n]
        parent_n = nested[n]
        if parent_n is not None:
            comment.parent_id = comments[parent_n].id
            comment.depth = comments[parent_n].depth + 1
            continue
        explicit = _explicit_parent(item, by_id)
        if explicit is not None and forest.link(n, position[id(explicit)]):
            comment.parent_id = explicit.id
            comment.depth = explicit.depth + 1
            continue
        level = _depth_class(item)
        if level is not None and level > 0:
            parent = next((m for m in range(n - 1, -1, -1) if comments[m].depth == level - 1), None)
            if parent is not None and forest.link(n, parent):
                comment.parent_id = comments[parent].id
                comment.depth = level
    for comment, depth in zip(comments, forest.depths(), strict=True):
        comment.depth = depth


class _Forest:
    """Parent links between comments (by position) that can never close a loop.

    A link is made only from a comment that has no parent yet, and is refused when the
    would-be parent is in the comment's own tree; trees are tracked with union-find, so
    each link costs about O(1) however long the threads.
    """

    def __init__(self, size: int) -> None:
        self.parent: list[int | None] = [None] * size
        self._tree = list(range(size))  # union-find: a member of the same tree, up to its representative

    def _find(self, n: int) -> int:
        while self._tree[n] != n:
            self._tree[n] = self._tree[self._tree[n]]
            n = self._tree[n]
        return n

    def link(self, child: int, parent: int) -> bool:
        """Make ``parent`` the parent of ``child``; False (and no link) when that would loop."""
        if self.parent[child] is not None:
            return False
        child_tree, parent_tree = self._find(child), self._find(parent)
        if child_tree == parent_tree:
            return False
        self._tree[child_tree] = parent_tree
        self.parent[child] = parent
        return True

    def depths(self) -> list[int]:
        """How many ancestors each comment has (each link walked once)."""
        depth: list[int | None] = [None] * len(self.parent)
        for n in range(len(self.parent)):
            path: list[int] = []
            m = n
            while depth[m] is None and self.parent[m] is not None:
                path.append(m)
                m = self.parent[m]  # type: ignore[assignment]
            base = depth[m]
            if base is None:
                base = depth[m] = 0
            for k in reversed(path):
                base += 1
                depth[k] = base
        return [d or 0 for d in depth]


def _explicit_parent(item: HtmlElement, by_id: dict[str, Comment]) -> Comment | None:
    for attr in _PARENT_ATTRS:
        value = item.get(attr)
        if value and value in by_id:
            return by_id[value]
        for prefix in ("comment-", "post-", "p", "c"):
            if value and prefix + value in by_id:
                return by_id[prefix + value]
    for link in item.iter("a"):
        href = link.get("href") or ""
        if "#" not in href:
            continue
        prev, parent = link.getprevious(), link.getparent()
        before = collapse_ws(
            (prev.tail if prev is not None else parent.text if parent is not None else None) or ""
        )
        label = f"{before} {collapse_ws(text_of(link))}"
        if hints.IN_REPLY_TO.search(label):
            target = by_id.get(href.rsplit("#", 1)[1])
            if target is not None:
                return target
    return None


def _depth_class(item: HtmlElement) -> int | None:
    match = _DEPTH_CLASS.search(item.get("class") or "")
    return int(match.group(1)) - 1 if match else None


def declared_comment_count(
    tree_or_sections: HtmlElement | Iterable[HtmlElement], read: Iterable[HtmlElement] = ()
) -> int | None:
    """The comment count the page shows ("Comments (5)", "12 Kommentare", a bare "5" on a
    link to #comments), or None.

    A count is only trusted from a short text that is nothing but the count and its word,
    or a bare number on an element that names comments (class, title or link target).
    read: subtrees already searched without a count (the comment sections, before the
    whole page is): what lies inside them is not read again.
    """
    roots = [tree_or_sections] if isinstance(tree_or_sections, HtmlElement) else list(tree_or_sections)
    skip = {id(section): section for section in read}
    for root in roots:
        if id(root) in skip or any(id(above) in skip for above in root.iterancestors()):
            continue  # inside a section searched already
        # A walk that can leave out a subtree: a section searched already, and the elements
        # below one whose text has no digit (their texts are parts of its text).
        walk = etree.iterwalk(root, events=("start",))
        for _event, node in walk:
            if id(node) in skip:
                walk.skip_subtree()
                continue
            if node.tag not in _COUNT_TAGS:
                continue
            raw = text_of(node)
            if not _DIGIT.search(raw):
                walk.skip_subtree()
                continue  # both forms need a digit; most elements fail here, before collapsing
            if len(raw) > 360:
                continue
            text = collapse_ws(raw)  # what short_text(node, 40) gives, without reading the text twice
            if not text or len(text) > 40:
                continue
            match = hints.DECLARED_COUNT.match(text)
            if match:
                return int(re.sub(r"[.,]", "", match.group(1) or match.group(2)))
            if _BARE_COUNT.match(text) and _names_comments(node):
                return int(re.sub(r"[.,]", "", text))
    return None


_COUNT_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "span", "a", "div", "p", "strong", "b", "li"})
_BARE_COUNT = re.compile(r"^\d{1,6}$")
_DIGIT = re.compile(r"\d")


def _names_comments(node: HtmlElement) -> bool:
    words = " ".join(
        filter(None, (node.get("class"), node.get("id"), node.get("title"), node.get("aria-label")))
    )
    href = node.get("href") or ""
    return bool(
        re.search(
            r"comment|kommentar|commentaire|comentario|disqus|respond|reactions",
            f"{words} {href}",
            re.IGNORECASE,
        )
    ) and not re.search(r"like|vote|share|view|read", words, re.IGNORECASE)
