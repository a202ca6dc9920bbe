"""itemprop microdata (schema.org in attributes) -> the article's fields.

Only properties whose nearest item scope is the article (or the page, or no
scope at all) are read: a comment's ``datePublished`` or the publisher's
``name`` use the same property names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..core.tree import HtmlElement, collapse_ws
from .regions import in_foreign_region

__all__ = ["Microdata", "read_microdata"]

_WANTED = frozenset(
    {
        "headline",
        "datepublished",
        "datecreated",
        "datemodified",
        "author",
        "creator",
        "publisher",
        "commentcount",
        "articlesection",
        "keywords",
        "description",
        "alternativeheadline",
    }
)
_DATES = frozenset({"datepublished", "datecreated", "datemodified"})
_FOREIGN_SCOPES = (
    "comment",
    "usercomments",
    "person",
    "organization",
    "imageobject",
    "videoobject",
    "newsmediaorganization",
    "answer",
    "question",
    "review",
    "rating",
    "offer",
)
# Items whose author is someone else than the page's: a comment's, an answer's under a
# question (the question's author opened the thread and is the page's), a product review's.
_OTHER_WRITERS = ("comment", "usercomments", "answer", "review", "rating", "offer")


@dataclass(slots=True)
class Microdata:
    headline: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    published_raw: str | None = None
    modified_raw: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None  # the article's itemprop="publisher" (its name when an item)
    comment_count: int | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)


def _scope_type(node: HtmlElement) -> str:
    """Local type name of the nearest enclosing item scope ('' when none)."""
    for anc in node.iterancestors():
        if anc.get("itemscope") is not None:
            return (anc.get("itemtype") or "").strip().rsplit("/", 1)[-1].lower()
    return ""


def _value(node: HtmlElement) -> str:
    for attr in ("content", "datetime", "value"):
        if node.get(attr):
            return collapse_ws(node.get(attr))
    return collapse_ws(node.text_content())


def _author_name(node: HtmlElement) -> str:
    """An author property may be an item (Person with its own ``name``) or text."""
    if node.get("itemscope") is not None:
        for inner in node.iterdescendants():
            if (inner.get("itemprop") or "").lower() in ("name", "givenname"):
                return _value(inner)
    return _value(node)


# Every element of the document with an itemprop, in document order. The descendant axis,
# not "//*[@itemprop]": libxml2 sorts the latter's result with sibling walks, quadratic on
# pages with thousands of siblings.
_ITEMPROPS = etree.XPath("/descendant::*[@itemprop]")


def read_microdata(tree: HtmlElement) -> Microdata:
    out = Microdata()
    for node in _ITEMPROPS(tree):
        props = {p.lower() for p in (node.get("itemprop") or "").split()} & _WANTED
        if not props:
            continue
        scope = _scope_type(node)
        if props & _DATES and scope == "question":
            scope = ""  # a question's dates are the thread's; its answers' stay foreign
        is_author = bool(props & {"author", "creator"})
        if scope.endswith(_FOREIGN_SCOPES) and not (is_author and not scope.endswith(_OTHER_WRITERS)):
            continue
        if in_foreign_region(node):
            continue
        _assign(out, props, node)
    return out


def _assign(out: Microdata, props: set[str], node: HtmlElement) -> None:
    if "publisher" in props:
        out.publisher = out.publisher or _author_name(node) or None
        return
    if props & {"author", "creator"}:
        name = _author_name(node)
        if name and name not in out.authors:
            out.authors.append(name)
        return
    value = _value(node)
    if not value:
        return
    if "headline" in props:
        out.headline = out.headline or value
    if "alternativeheadline" in props:
        out.alternative_headline = out.alternative_headline or value
    if "description" in props:
        out.description = out.description or value
    if props & {"datepublished", "datecreated"}:
        out.published_raw = out.published_raw or value
    if "datemodified" in props:
        out.modified_raw = out.modified_raw or value
    if "articlesection" in props:
        out.section = out.section or value
    if "keywords" in props and not out.keywords:
        out.keywords = [k.strip() for k in value.split(",") if k.strip()]
    if "commentcount" in props and out.comment_count is None and value.isdigit():
        out.comment_count = int(value)
