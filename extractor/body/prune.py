"""Step 1, pruning: remove what is never article text before the page is segmented.

Why a module of its own: the decision which regions are boilerplate rests on the words of
class and id names, hidden state and forms, and on size guards that keep a sloppily named
article wrapper; the later steps only see what this step leaves. The class/id word sets
and their tokeniser live here, and the scorer reuses them for its class weights.
"""

from __future__ import annotations

import re

from lxml import etree

from ..core.lexicon.pages import CONSENT_TEXT_WORDS, CONSENT_WORDS
from ..core.lexicon.regions import (
    COMMENT_REGION_WORDS,
    CONTENT_MARKERS,
    NEGATIVE_WORDS,
    POSITIVE_WORDS,
    STRONG_NEGATIVE_WORDS,
)
from ..core.names import name_words
from ..core.tree import HtmlElement, text_of
from .segment import BLOCK_TAGS

# --- vocabularies (data, not logic) -------------------------------------------------

# Never-text elements. (<source> is not here: libxml2 treats it as a container
# and nests the <img> of a <picture> inside it.)
_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "button", "select", "option", "input", "textarea", "map", "audio", "video",
        "link", "meta", "head", "title", "dialog", "nav",
    }
)  # fmt: skip

# The opening of a consent notice: cookies, and what the reader is asked to agree to.
_CONSENT_TEXT = re.compile(
    rf"\bcookies?\b.{{0,300}}?\b(?:{CONSENT_TEXT_WORDS})"
    rf"|\b(?:{CONSENT_TEXT_WORDS})\w*\b.{{0,300}}?\bcookies?\b",
    re.IGNORECASE | re.DOTALL,
)
_CONSENT_TEXT_LOWER = re.compile(_CONSENT_TEXT.pattern, re.DOTALL)
_ROLE_NEGATIVE = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog", "alertdialog"}
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_hidden(node: HtmlElement) -> bool:
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = node.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _negative_region(node: HtmlElement, words: frozenset[str]) -> bool:
    """Does this element's class/id/role name it as a non-article region? (``words``: its
    ``name_words``.)"""
    role = (node.get("role") or "").lower()
    if role in _ROLE_NEGATIVE:
        return True
    if not words:
        return node.tag in ("aside", "footer")
    if words & STRONG_NEGATIVE_WORDS:
        return True
    if words & POSITIVE_WORDS:
        return False
    return bool(words & NEGATIVE_WORDS) or node.tag in ("aside", "footer")


# (The descendant axis, never ".//*[...]": libxml2 evaluates that as a child step from every
# node and sorts the merged result with comparisons that walk sibling lists, which grows
# quadratically on a page with thousands of siblings; the descendant axis is in document
# order already. Same elements, same order.)
_MAYBE_HIDDEN = etree.XPath("descendant::*[@hidden or @aria-hidden or @style]")
# Elements that can name a region, plus the unnamed tags that are regions by themselves.
_CANDIDATE_REGIONS = etree.XPath(
    "descendant::*[@class or @id or @role or @itemprop or self::aside or self::footer]"
)


def _protected(named: list[HtmlElement], words: list[frozenset[str]]) -> set[HtmlElement]:
    """Elements marked as the article text, and all their ancestors (``words``: each named
    element's ``name_words``, read once for this and the region test)."""
    out: set[HtmlElement] = set()
    for node, node_words in zip(named, words, strict=True):
        if node.get("itemprop") == "articleBody" or node_words & CONTENT_MARKERS:
            out.add(node)
            for ancestor in node.iterancestors():
                if ancestor in out:
                    break  # its ancestors are in already (a forum marks every post's body)
                out.add(ancestor)
    return out


def _link_density(node: HtmlElement, total: int | None = None) -> float:
    """Share of the node's text that is link text; ``total`` is its ``_text_len`` when known."""
    if total is None:
        total = _text_len(node)
    if not total:
        return 1.0
    return sum(_text_len(a) for a in node.iter("a")) / total


def _text_len(node: HtmlElement) -> int:
    """Length of the node's text, whitespace collapsed (``text_of``: the same text as
    ``text_content()``, half the time; pruning measures thousands of regions a page)."""
    return len(" ".join(text_of(node).split()))


def _form_is_chrome(form: HtmlElement) -> bool:
    """Comment, search and newsletter forms go; page-wrapping forms (ASP.NET) stay."""
    has_inputs = form.find(".//textarea") is not None or form.find(".//input") is not None
    return has_inputs and _text_len(form) < 1500


# Tags whose element can, through a parse that leaves it open or a script that shows it on
# load, end up wrapping the page's content; they get a second look before they go.
_SWALLOWING_TAGS = frozenset(
    {
        "nav",
        "button",
        "header",
        "dialog",
        "div",
        "section",
        "main",
        "article",
        "span",
        "aside",
        "footer",
        "ul",
        "li",
        "details",
        "form",
        "a",
    }
)


def _long_link_poor(node: HtmlElement, size: int) -> bool:
    """More than a few lines of text, most of it not links (``size`` is its ``_text_len``)."""
    return size > 500 and _link_density(node, size) < 0.5


def _holds_the_page(node: HtmlElement, size: int, total: int) -> bool:
    """Does this element hold most of the page's visible, link-poor text?

    Why: libxml2 (unlike a browser's HTML5 tree builder) leaves a ``<nav>``, ``<header>``
    or ``<button>`` open when its end tag is missing or misnested, and the rest of the
    page becomes its children; React's streamed pages ship the whole article in a
    ``<div hidden>`` that a script reveals. Dropping such an element by its tag, hidden
    state or name loses the article, so it is kept and its parts are judged one by one.
    ``size`` is the node's ``_text_len``, which every caller has measured already.
    """
    return size > 0.5 * total and _long_link_poor(node, size)


def _alternate_panel(node: HtmlElement) -> bool:
    """Is this hidden element one of a set of panels shown one at a time (tabs, accordion
    panes, slides), whose text a reader reaches with a click?

    A tab panel says so (``role=tabpanel``); otherwise it has a visible sibling of the same
    tag and first class, the panel that happens to be open.
    """
    if (node.get("role") or "").lower() == "tabpanel":
        return True
    classes = (node.get("class") or "").split()
    parent = node.getparent()
    if not classes or parent is None:
        return False
    first = classes[0]
    return any(
        sibling is not node
        and sibling.tag == node.tag
        and (sibling.get("class") or "").split()[:1] == [first]
        and not _is_hidden(sibling)
        for sibling in parent
    )


def drop(node: HtmlElement) -> None:
    if node.getparent() is not None:
        node.drop_tree()  # keeps the tail text in the parent


def prune(
    root: HtmlElement, exclude: list[HtmlElement] | None = None, *, named: bool = True
) -> set[HtmlElement]:
    """Remove everything that can never be article text, in place.

    Returns the regions whose name or tag called them boilerplate but that were kept
    for their size (``choose`` does not let them lend weight to their ancestors).
    ``named=False`` keeps the regions that only weak words of their names call boilerplate
    ("banner", "carousel", "teaser"), and still drops footers, menus, cookie notices and the like;
    a hidden or swallowing region is then kept whenever it holds long link-poor text, not only
    when that is most of the page (a shop that shows the product only after a script ran).
    """
    for node in exclude or ():
        drop(node)
    body = root.find("body")
    if body is None:
        body = root
    for node in list(body.iter("script", "style", "template")):
        drop(node)  # never text; dropped first so that the shares below measure visible text
    with_fallbacks = _text_len(body)
    fallbacks = list(body.iter("noscript"))
    for node in fallbacks:
        if _holds_the_page(node, _text_len(node), with_fallbacks):
            # Some forum and app pages ship the text only as the no-JavaScript fallback.
            node.drop_tag()
        else:
            drop(node)
    page_total = max(_text_len(body) if fallbacks else with_fallbacks, 1)
    spared: set[HtmlElement] = set()
    doomed: list[HtmlElement] = [
        node for node in root.iter(*_DROP_TAGS, "form") if node.tag != "form" or _form_is_chrome(node)
    ]
    doomed.extend(node for node in _MAYBE_HIDDEN(root) if _is_hidden(node) and not _alternate_panel(node))
    for node in doomed:
        if node.tag in _SWALLOWING_TAGS:
            size = _text_len(node)
            # The second look (see _holds_the_page); reading without names, any long text will do.
            if _holds_the_page(node, size, page_total) if named else _long_link_poor(node, size):
                spared.add(node)
                continue
        drop(node)
    total = max(_text_len(body), 1)
    candidates = _CANDIDATE_REGIONS(body)
    words_of = [name_words(node) for node in candidates]
    protected = _protected(candidates, words_of)
    # Second pass after the cheap removals, so text shares are measured on what is left.
    regions: list[tuple[HtmlElement, frozenset[str]]] = []
    for node, words in zip(candidates, words_of, strict=True):
        tag = node.tag
        if tag in ("html", "body", "main", "article") or (tag not in BLOCK_TAGS and tag != "span"):
            continue
        if node in protected:
            continue
        if _negative_region(node, words) and (named or strongly_negative(node, words)):
            regions.append((node, words))
    for node, words in regions:
        if node.getparent() is None:
            continue
        if not _kept_for_size(node, total, words):
            drop(node)
        elif strongly_negative(node, words):
            spared.add(node)
    return spared


def strongly_negative(node: HtmlElement, words: frozenset[str] | None = None) -> bool:
    """Is this region named as something beside the article (a sidebar, comments, related
    links), not merely with a word page builders use for every block ("widget", "block")?
    (``words``: its ``name_words`` when the caller has them.)"""
    role = (node.get("role") or "").lower()
    return (
        role in _ROLE_NEGATIVE
        or node.tag in ("aside", "footer", "nav")
        or bool((name_words(node) if words is None else words) & STRONG_NEGATIVE_WORDS)
    )


def _consent_opening(text: str) -> bool:
    """Do a region's opening words (``text`` is its ``text_of``) ask the reader to accept
    cookies? ASCII openings are lowered for a pattern without IGNORECASE (the same matches,
    several times faster)."""
    opening = " ".join(text[:1500].split())[:500]
    if opening.isascii():
        return _CONSENT_TEXT_LOWER.search(opening.lower()) is not None
    return _CONSENT_TEXT.search(opening) is not None


def _kept_for_size(node: HtmlElement, total: int, words: frozenset[str]) -> bool:
    """A "negative" region that holds most of the page is a sloppy name, not boilerplate;
    a cookie or consent notice is never kept, however much of a page of links it holds
    (its size is then its list of purposes and vendors). ``words``: its ``name_words``."""
    if words & CONSENT_WORDS:
        return False
    text = text_of(node)  # read once for its size and its opening words
    size = len(" ".join(text.split()))  # _text_len
    if _holds_the_page(node, size, total):
        return True  # a page wrapper: its opening words may be the notice it holds first
    if _consent_opening(text):
        return False
    if node.tag in ("aside", "footer", "nav"):
        return False
    if node.tag == "span" and size > 300:
        return True  # an unclosed span swallowed the page; its name no longer describes it
    if size > 0.5 * total or (size > 1000 and words & POSITIVE_WORDS):
        return True
    if node.get("itemprop") == "articleBody":
        return True
    return size > 1000 and not words & COMMENT_REGION_WORDS and _link_density(node, size) < 0.25
