"""From comment items to the top-most elements to keep out of the body: the list with its
heading ("5 Comments"), and comment forms / "write a comment" boxes even when no comment
exists yet.

Why widen only a little: the lowest common ancestor of the items may also hold the
article (flat page layouts), so it is taken only when it adds little text of its own, and
climbing further is allowed only into comment-named wrappers.

The one hard rule: a section never contains the article. Removing a comment section from
the tree removes everything in it, so a wrapper that also holds the headline or the
article text (a page-wide ASP.NET <form>, a "comments" class on the content column)
would cost the whole body. Article anchors (the page's <h1>, the heading that repeats the
page title, itemprop=articleBody, an <article> that is no comment) are found once, and no
item, list region or form box may contain one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, cast

from lxml import etree

from ..core.index import PageIndex
from ..core.lexicon.comments import FORM_FIELD_WORDS, NOT_SECTION_WORDS, SECTION_WORDS
from ..core.tree import HtmlElement, collapse_ws, in_document_order, text_of
from . import hints
from .detect import Facts, choose_items, lowest_common_ancestor, nearest_members, scan, scope, short_text

_BOX_TAGS = frozenset(
    {"div", "section", "aside", "form", "ul", "ol", "footer", "header", "p", "h2", "h3", "h4", "span"}
)
_FIELD_WORDS = re.compile(FORM_FIELD_WORDS, re.IGNORECASE)
_NOT_SECTION = re.compile(NOT_SECTION_WORDS, re.IGNORECASE)
_SECTION_CONTAINER = re.compile(SECTION_WORDS, re.IGNORECASE)
# The same two on ASCII text lowered first: the same answers, about seven times faster than
# IGNORECASE on alternations of words (most class/id texts are a page's own: cache misses).
_NOT_SECTION_LOWER = re.compile(NOT_SECTION_WORDS)
_SECTION_CONTAINER_LOWER = re.compile(SECTION_WORDS)
Blocked = dict[int, HtmlElement]
Dated = dict[int, HtmlElement]
_MAX_OWN_TEXT = 300
_MAX_BOX_TEXT = 200
# A comment form holds fields, labels and a policy note; a form with more text than this
# wraps the page (ASP.NET puts one <form> around everything).
_MAX_FORM_TEXT = 2000
_MIN_TITLE_HEADING = 12
_MIN_ARTICLE_TEXT = 500


# Compiled once: element.xpath(string) compiles its expression on every call.
_PROSE = etree.XPath(".//p[string-length(normalize-space()) > 200]")
# Through the attribute axis: libxml2 tests named attributes there far faster than in a predicate.
_ARTICLE_BODY = etree.XPath(
    "descendant::*/@itemprop[. = 'articleBody']/.. | descendant::*/@property[. = 'articleBody']/.."
)
_OG_TITLE = etree.XPath("//meta[@property='og:title']/@content")


def top_level(items: list[HtmlElement]) -> list[HtmlElement]:
    """Items not inside another item (one shared climb, not one to the root per item)."""
    nearest = nearest_members(items)
    return [i for i in items if nearest[id(i)] is None]


def list_sections(items: list[HtmlElement], blocked: Blocked | None = None) -> list[HtmlElement]:
    """The element(s) that hold the comment list.

    blocked: id()s of the elements that contain an article anchor, never a section.
    """
    blocked = blocked or {}
    tops = top_level(items)
    if not tops:
        return []
    items_len = sum(len(collapse_ws(text_of(part))) for i in tops for part in scope(i))
    region = lowest_common_ancestor(tops)
    if (
        region is None
        or region.tag in ("body", "html")
        or id(region) in blocked
        or _extra_text(region, items_len) > max(_MAX_OWN_TEXT, 0.3 * items_len)
    ):
        return [part for top in tops for part in scope(top)]  # an item's parts: its footer's run too
    while True:
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html") or id(parent) in blocked:
            break
        extra = _extra_text(parent, items_len)
        if extra > max(_MAX_OWN_TEXT, 0.3 * items_len):
            break
        if not (_section_named(parent) or extra <= _MAX_BOX_TEXT):
            break
        region = parent
    return [region]


def _extra_text(node: HtmlElement, items_len: int) -> int:
    return max(0, len(collapse_ws(text_of(node))) - items_len)


def _section_named(node: HtmlElement) -> bool:
    return _section_named_pair(node.get("class") or "", node.get("id") or "")


def _section_named_pair(classes: str, node_id: str) -> bool:
    return bool(classes or node_id) and _section_words(hints.class_id_key(classes, node_id))


def _named_boxes(tree: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
    """The box elements under tree (forms aside) whose class/id names a comment section, in
    document order: from the page index when it describes tree (one test per distinct
    class/id pair of the page instead of one per box element), else by a walk."""
    if index is None or tree not in index.position:
        return [node for node in tree.iter(*_BOX_TAGS) if node.tag != "form" and _section_named(node)]
    position, below = index.position, index.span(tree)
    return [
        node
        for node in index.named(_section_named_pair)
        if node.tag in _BOX_TAGS and node.tag != "form" and position[node] in below
    ]


@lru_cache(maxsize=4096)
def _section_words(words: str) -> bool:
    """Cached per class/id string: pages repeat their class strings many times."""
    if words.isascii():  # (IGNORECASE also folds a few non-ASCII letters: those take the long way)
        words = words.lower()
        return bool(_SECTION_CONTAINER_LOWER.search(words)) and not _NOT_SECTION_LOWER.search(words)
    return bool(_SECTION_CONTAINER.search(words)) and not _NOT_SECTION.search(words)


def form_sections(
    tree: HtmlElement,
    blocked: Blocked | None = None,
    listed: list[HtmlElement] | None = None,
    index: PageIndex | None = None,
) -> list[HtmlElement]:
    """Comment forms and 'write a comment' boxes, widened to their comment-named wrapper.

    A form or box that holds the article (or far more text than a form) is a page
    wrapper: only the boxes around its text areas count then.

    listed: the comment list's own sections. A small comment-named box inside one is not
    measured (every comment's parts are comment-named, and the list holds them anyway);
    boxes with text areas still are, since one may widen beyond the list.
    ``index``: the PageIndex of tree's page, when the tree is still as it was indexed.
    """
    blocked = blocked or {}
    inside = {id(n): n for section in listed or () for n in section.iter()}
    found: list[HtmlElement] = []
    for form in tree.iter("form"):
        if _is_comment_form(form):
            if id(form) in blocked or short_text(form, _MAX_FORM_TEXT) is None:
                found.extend(_field_boxes(form, blocked))
            else:
                found.append(_widen_box(form, blocked))
    with_fields = _field_holders(tree)
    in_code = _in_code(tree)
    for node in _named_boxes(tree, index):
        if id(node) in in_code:
            continue  # markup shown as an example, not the page's own
        if id(node) in with_fields or node.get("id") == "disqus_thread":
            if id(node) in blocked:
                found.extend(_field_boxes(node, blocked))
            else:
                found.append(_widen_box(node, blocked))
        elif (
            node.tag not in ("span", "p")
            and id(node) not in blocked
            and id(node) not in inside
            and short_text(node, _MAX_BOX_TEXT) is not None
            and _is_comment_box(node)
        ):
            found.append(node)
    return found


def _field_holders(tree: HtmlElement) -> dict[int, HtmlElement]:
    """Every element that holds a text area or an editable box, by id(): found once per
    page instead of asking each comment-named box for its fields (values keep ids unique)."""
    holders: dict[int, HtmlElement] = {}
    for field in _FIELDS(tree):
        for node in field.iterancestors():
            if id(node) in holders:
                break
            holders[id(node)] = node
    return holders


_FIELDS = etree.XPath("descendant-or-self::textarea | descendant-or-self::*/@contenteditable[. = 'true']/..")


def _field_boxes(wrapper: HtmlElement, blocked: Blocked) -> list[HtmlElement]:
    """The small boxes around the comment text areas inside a page-wrapping form."""
    return [
        _widen_box(area, blocked)
        for area in wrapper.iter("textarea")
        if _FIELD_WORDS.search(f"{area.get('name') or ''} {area.get('id') or ''}")
    ]


def _is_comment_form(form: HtmlElement) -> bool:
    words = " ".join(filter(None, (form.get("class"), form.get("id"), form.get("action"), form.get("name"))))
    if _SECTION_CONTAINER.search(words):
        return True
    for area in form.iter("textarea"):
        if _FIELD_WORDS.search(f"{area.get('name') or ''} {area.get('id') or ''}"):
            return True
    return False


def _is_comment_box(node: HtmlElement) -> bool:
    """A short block named for comments and not a paragraph of prose (e.g. 'Write new comment').
    Spans and paragraphs are ruled out by the caller before their text is measured."""
    return not _PROSE(node)


def _in_code(tree: HtmlElement) -> dict[int, HtmlElement]:
    """Everything inside <pre> and <code> (code samples), by id(): found once per page
    rather than by a climb from every comment-named box."""
    return {id(d): d for box in tree.iter("pre", "code") for d in box.iterdescendants()}


def _widen_box(node: HtmlElement, blocked: Blocked | None = None) -> HtmlElement:
    """Climb to the comment-named wrapper of a form while it adds only a heading's worth of text."""
    blocked = blocked or {}
    base = len(collapse_ws(text_of(node)))
    region = node
    while True:
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html") or id(parent) in blocked:
            return region
        if len(collapse_ws(text_of(parent))) - base > _MAX_BOX_TEXT:
            return region
        region = parent


def merge_top_most(nodes: list[HtmlElement]) -> list[HtmlElement]:
    """Drop nodes inside other nodes (and repeats); keep document order."""
    unique = list({id(n): n for n in nodes}.values())
    nearest = nearest_members(unique)
    return in_document_order([n for n in unique if nearest[id(n)] is None])


class Detection(NamedTuple):
    """What finding the comment section yields for one page."""

    items: list[HtmlElement]  # the comment items, in page order
    sections: list[HtmlElement]  # top-most elements to keep out of the body
    dated: Dated  # elements that state a date or hold one (scan), by id()
    facts: Facts  # per-element memo filled while judging; reading the items reuses it
    widgets: list[HtmlElement]  # lists quoting other pages' comments: out of the body, no records


def find_sections(root: HtmlElement, index: PageIndex | None = None) -> Detection:
    """Items, top-most section elements, date holders and element facts of the page under root.

    The date holders and the facts come from the detection itself; reading each item
    later looks for its date only among the holders and asks the memo for author marks.
    """
    scanned = scan([root], index)
    facts = Facts(scanned[2])
    items = choose_items([root], scanned, facts)
    marks = headline_marks(root)
    items = _drop_article_items(items, marks)
    blocked = _blocking(article_anchors(root, items, marks))
    items = [i for i in items if id(i) not in blocked]
    listed = list_sections(items, blocked)
    sections = merge_top_most([*listed, *form_sections(root, blocked, listed, index)])
    widgets = merge_top_most(
        [
            region
            for group in facts.widgets
            for region in list_sections([m for m in group.members if id(m) not in blocked], blocked)
        ]
    )
    return Detection(items, sections, scanned[1], facts, widgets)


def headline_marks(root: HtmlElement) -> list[HtmlElement]:
    """The page's <h1>s, the headings that repeat the page title, and itemprop=articleBody."""
    title = _page_title(root)
    marks: list[HtmlElement] = []
    for heading in root.iter("h1", "h2", "h3"):
        if heading.tag == "h1":
            marks.append(heading)
            continue
        text = short_text(heading, 300)
        if title and text and len(text) >= _MIN_TITLE_HEADING and text.casefold() in title:
            marks.append(heading)
    marks.extend(_ARTICLE_BODY(root))
    return marks


def _page_title(root: HtmlElement) -> str:
    """og:title and <title>, casefolded and joined: headings are matched inside it."""
    doc = root.getroottree().getroot()
    values = [*_OG_TITLE(doc), *(text_of(t) for t in doc.iter("title"))]
    return " | ".join(collapse_ws(v).casefold() for v in values if v)


def article_anchors(
    root: HtmlElement, items: list[HtmlElement], marks: list[HtmlElement]
) -> list[HtmlElement]:
    """Elements of the article itself that no comment section may contain: the headline
    marks outside the items, and <article>s that are neither items, inside items nor
    around items and hold an article's worth of text."""
    ids = {id(i) for i in items}
    anchors = [m for m in marks if not _in_items(m, ids)]
    around: dict[int, HtmlElement] = {}
    for item in items:
        for ancestor in item.iterancestors():
            if id(ancestor) in around:
                break  # the rest of the chain is in already: one climb per item would be items x depth
            around[id(ancestor)] = ancestor
    for node in root.iter("article"):
        if id(node) in around or _in_items(node, ids):
            continue
        if short_text(node, _MIN_ARTICLE_TEXT) is None:
            anchors.append(node)
    return anchors


def _in_items(node: HtmlElement, ids: set[int]) -> bool:
    """The node is an item or inside one (ids: the items, alive in the caller)."""
    return id(node) in ids or any(id(a) in ids for a in node.iterancestors())


def _drop_article_items(items: list[HtmlElement], marks: list[HtmlElement]) -> list[HtmlElement]:
    """Items that hold the headline are the article, unless they are one of a kind with
    the others (a forum's opening post carries the thread title in the same markup as
    every reply). One that holds other items, or stands alone in its markup, is dropped.
    """
    holding = _blocking(marks)  # the marks and their ancestors: one climb per mark, not per item and mark
    holders = [i for i in items if id(i) in holding]
    if not holders:
        return items
    ids = {id(i) for i in items}
    shapes: dict[tuple[str, str], int] = {}
    for item in items:
        shapes[_shape(item)] = shapes.get(_shape(item), 0) + 1
    drop = {id(h) for h in holders if shapes[_shape(h)] < 2 or any(id(d) in ids for d in h.iterdescendants())}
    return [i for i in items if id(i) not in drop]


def _shape(node: HtmlElement) -> tuple[str, str]:
    """Tag and class words without numbers or striping: what repeated items share."""
    words = sorted(
        {
            re.sub(r"\d+", "", t).strip("-_")
            for t in (node.get("class") or "").split()
            if not hints.NOISE_TOKEN.match(t)
        }
    )
    return cast(str, node.tag), " ".join(w for w in words if w)


def _blocking(anchors: list[HtmlElement]) -> Blocked:
    """The anchors and all their ancestors, by id(): the elements that hold the article.
    The values keep the proxies alive, so the ids stay unique while the map is used."""
    blocked: Blocked = {}
    for anchor in anchors:
        blocked[id(anchor)] = anchor
        for anc in anchor.iterancestors():
            if id(anc) in blocked:
                break
            blocked[id(anc)] = anc
    return blocked
