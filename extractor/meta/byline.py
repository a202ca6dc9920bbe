"""Visible bylines and datelines: what a reader sees under the headline.

The last resort after structured data: candidates are found by their markup
(rel=author, class "byline"/"author", <time>, class "date") and ranked by
their distance to the headline, so the article's own byline wins over an
author box at the bottom or a teaser in a sidebar (those regions are skipped
outright).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from lxml import etree

from ..core.dates import find_date_in_text, parse_date
from ..core.index import PageIndex, raw_names, short_texts
from ..core.lexicon.calendar import DATE_LABELS, MODIFIED_WORDS
from ..core.lexicon.people import (
    AUTHOR_LABELS,
    AUTHOR_PAGE_PATHS,
    BARE_AUTHOR_LABELS,
    BY_LABELS,
    THREAD_STARTER_LABELS,
)
from ..core.lexicon.regions import BYLINE_TOKENS, DATE_TOKENS, NOT_BYLINE_TOKENS
from ..core.tree import HtmlElement, class_id, collapse_ws, text_of
from .regions import in_foreign_region

__all__ = [
    "Byline",
    "VisibleDate",
    "find_byline_names",
    "find_comment_count",
    "find_visible_dates",
]

_BYLINE_TOKEN = re.compile(rf"(?:^|[\s_-])(?:{BYLINE_TOKENS})(?=[\s_-]|$)")
_NOT_BYLINE_TOKEN = re.compile(NOT_BYLINE_TOKENS)
_DATE_TOKEN = re.compile(rf"(?:^|[\s_-])(?:{DATE_TOKENS})(?=[\s_-]|$)")
_MODIFIED_HINT = re.compile(MODIFIED_WORDS, re.IGNORECASE)
_AUTHOR_LINK = re.compile(rf"/(?:{AUTHOR_PAGE_PATHS})/", re.IGNORECASE)
_BY_TEXT = re.compile(
    r"^\s*(?:(?:written|posted|reported|reporting|story|text|words)\s+by|by|von|par|por|door|di)"
    r"(?:\s+\S|(?-i:(?<=By)[A-Z][a-z]))",  # "ByDaryl Austin": two elements' texts run together
    re.IGNORECASE,
)
# The same after a separator: "Sunday 14 April 2024 · Reporting by Olu Benedict".
_BY_AFTER_SEPARATOR = re.compile(
    r"[·|•–—]\s*((?:(?:written|posted|reported|reporting|story|text|words)\s+)?(?:by|von|par|por)\s+\S.*)$",
    re.IGNORECASE,
)


def _by_phrase(text: str) -> str | None:
    """The "By ..." part of a short line, at its start or after a separator."""
    if _BY_TEXT.match(text):
        return text
    match = _BY_AFTER_SEPARATOR.search(text)
    return match.group(1) if match else None


_DIGIT = re.compile(r"\d")
_MAX_BYLINE_CHARS = 200
_MAX_DATELINE_CHARS = 160
_MAX_DATE_TRIES = 25  # dateparser costs ~1 ms a call: bound the calls per page
_MAX_LABELLED_TRIES = 5
_MAX_DATES = 4
_SHORT_BYLINE = 120
_MAX_BYLINE_TRIES = 8
_WINDOW = 60  # elements around the headline searched for unmarked bylines/datelines


@dataclass(slots=True)
class VisibleDate:
    value: datetime
    raw: str
    modified: bool
    distance: int


def _distance(pos: int, anchor: int | None) -> int:
    """Elements from the headline; things above it cost more than things below."""
    if anchor is None:
        return pos
    return pos - anchor if pos >= anchor else 3 * (anchor - pos)


def _is_byline_node(node: HtmlElement) -> bool:
    if "author" in (node.get("rel") or "").lower().split():
        return True
    if (node.get("itemprop") or "").lower() == "author":
        return True
    if node.tag == "a" and _AUTHOR_LINK.search(node.get("href") or ""):
        return True
    return _byline_names(class_id(node))


@lru_cache(maxsize=4096)
def _byline_names(names: str) -> bool:
    """Cached on the class/id text: a page repeats a few hundred distinct names thousands of times."""
    if not _BYLINE_TOKEN.search(names):
        return False
    return any(_BYLINE_TOKEN.search(t) and not _NOT_BYLINE_TOKEN.search(t) for t in names.split())


def _names_in(node: HtmlElement) -> list[str]:
    """The byline's text when it reads "By ...", else its link texts, else its text.

    "By A and B" keeps its connectors in the text; a bare list of links
    ("A", "B") is clearer from the links; a line like "Written by A in
    Section" is the text, whose tail the name cleaner cuts off. A part that credits other work
    ("Fact-checked by", "Reviewed by") names no author; when some links go to author pages,
    the others ("Guides", "Blog": the section) are no names either.
    """
    text = collapse_ws(node.text_content())
    if _CREDIT_START.match(text) or (node.tag == "a" and _OTHER_CREDIT_BEFORE.search(_text_before(node))):
        return []
    phrase = _by_phrase(text)
    if phrase and len(text) <= _MAX_BYLINE_CHARS:
        return [phrase]
    anchors = [a for a in node.iter("a") if 0 < len(collapse_ws(a.text_content())) <= 60]
    to_authors = [a for a in anchors if _AUTHOR_LINK.search(a.get("href") or "")]
    anchors = [a for a in to_authors or anchors if not _OTHER_CREDIT_BEFORE.search(_text_before(a, node))]
    links = [collapse_ws(a.text_content()) for a in anchors]
    if links and node.tag != "a":
        return links
    return [text] if text and len(text) <= _MAX_BYLINE_CHARS else []


# Credits for other work than writing: "Fact-checked by", "Reviewed by", "Edited by", "Tested
# by", "Illustrations by", "Photos by" (whoever follows is not an author).
_OTHER_CREDITS = (
    r"(?:medically\s+)?(?:fact[- ]?checked|reviewed|edited|tested|illustrat(?:ed|ions?)|photo(?:graph)?s?|"
    r"photographed|translated|produced|narrated|video)\s+by"
)
_CREDIT_START = re.compile(rf"^\s*{_OTHER_CREDITS}\b", re.IGNORECASE)
_OTHER_CREDIT_BEFORE = re.compile(rf"{_OTHER_CREDITS}\s*:?\s*$", re.IGNORECASE)


def _text_before(node: HtmlElement, within: HtmlElement | None = None) -> str:
    """The text right before ``node`` (its previous sibling and that one's tail, or the
    parent's own text), up to ``within`` when given: what labels a link."""
    previous = node.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is not None:
        return collapse_ws(previous.text_content() + (previous.tail or ""))[-60:]
    parent = node.getparent()
    if parent is None or parent is within:
        return collapse_ws(parent.text or "") if parent is not None else ""
    return collapse_ws((parent.text or "") or _text_before(parent, within))[-60:]


def _group(best: HtmlElement, chosen: set[HtmlElement]) -> list[HtmlElement]:
    """The best byline element plus its same-class siblings (one element per
    author is common)."""
    parent = best.getparent()
    if parent is None:
        return [best]
    return [best] + [
        sib
        for sib in parent
        if sib is not best and sib in chosen and sib.tag == best.tag and sib.get("class") == best.get("class")
    ]


def _cost(distance: int, text: str) -> int:
    """Nearness to the headline, with long texts (author boxes, bios) penalised."""
    return distance + max(0, len(text) - 40) // 4


# A link to a page: http(s), or relative; not "#...", "mailto:", "javascript:", "aim:" ...
_PAGE_HREF = re.compile(r"(?i)https?://|(?![a-z][a-z0-9+.-]*:)[^#\s]")


class Byline(NamedTuple):
    """One candidate byline: its raw name strings (still to be cleaned) and the links in it,
    link text -> href as written (an author's profile page)."""

    names: list[str]
    links: dict[str, str]


def find_byline_names(
    tree: HtmlElement, anchor: HtmlElement | None, index: PageIndex | None = None
) -> Iterator[Byline]:
    """Candidate bylines, nearest the headline ``anchor`` first. Lazy: callers stop at the
    first whose names survive cleaning (a lone "By" element does not). ``index`` (the
    page's ``PageIndex``) may be shared between calls on one page."""
    index = index if index is not None else PageIndex(tree)
    positions = index.position
    anchor_pos = positions.get(anchor) if anchor is not None else None
    scored: list[tuple[int, int, HtmlElement]] = []
    # (A link counts by its rel, itemprop or class/id, found above, or by its href: only the
    # links to an author page are added, the rest would fail _is_byline_node below.)
    author_links = [a for a in tree.iter("a") if _AUTHOR_LINK.search(a.get("href") or "")]
    marked = [*index.having("rel", "itemprop"), *author_links, *index.named(_byline_raw)]
    for node in index.in_order(marked):
        if node.tag in ("meta", "link", "script", "style", "body", "html", "img"):
            continue
        if not _is_byline_node(node):
            continue
        text = collapse_ws(node.text_content())
        if not text or len(text) > _SHORT_BYLINE or in_foreign_region(node):
            continue
        pos = positions[node]
        scored.append((_cost(_distance(pos, anchor_pos), text), pos, node))
    scored.extend(_by_text_candidates(index, anchor_pos))
    scored.sort(key=lambda item: item[0])
    # Explicitly labelled bylines anywhere ("Written by ...", "Posted by ...", "Author: ..."),
    # tried after the marked and nearby ones: templates put them in sidebars and author boxes
    # far from the headline, where the window around it does not reach.
    seen = {node for _d, _p, node in scored}
    labelled = [item for item in _labelled_bylines(tree, index, anchor_pos) if item[2] not in seen]
    scored = scored[:_MAX_BYLINE_TRIES] + sorted(labelled, key=lambda item: item[0])[:_MAX_LABELLED_TRIES]
    chosen = {node for _d, _p, node in scored}
    for _d, _p, best in scored:
        out: list[str] = []
        links: dict[str, str] = {}
        for node in _group(best, chosen):
            out.extend(_names_in(node))
            for link in node.iter("a"):
                text, href = collapse_ws(link.text_content()), (link.get("href") or "").strip()
                if text and len(text) <= 60 and _PAGE_HREF.match(href):
                    links.setdefault(text, href)
        if out:
            yield Byline(out, links)


def _by_text_candidates(index: PageIndex, anchor_pos: int | None) -> list[tuple[int, int, HtmlElement]]:
    """Short elements right after the headline whose text starts "By ..." (unmarked bylines)."""
    if anchor_pos is None:
        return []
    out: list[tuple[int, int, HtmlElement]] = []
    for pos in range(anchor_pos + 1, min(anchor_pos + _WINDOW + 1, len(index.elements))):
        node = index.elements[pos]
        if node.tag not in ("p", "div", "span", "li", "address", "section", "header", "strong", "em", "b"):
            continue
        raw = text_of(node)
        if len(raw) > _SHORT_BYLINE and len(raw.split(None, _SHORT_BYLINE // 2 + 1)) > _SHORT_BYLINE // 2 + 1:
            # More words than fit in _SHORT_BYLINE characters once collapsed: a container
            # of the article's text, skipped without collapsing all of it.
            continue
        text = collapse_ws(raw)
        if 4 <= len(text) <= _SHORT_BYLINE and _by_phrase(text) and not in_foreign_region(node):
            out.append((_cost(_distance(pos, anchor_pos), text) + 5, pos, node))
    return out


# "Written by Jane Doe", "Posted by jdoe", "Author: Jane Doe", "Author Jane Doe", "Thread
# starter jdoe" (a bare "By" is only trusted near the headline: "by" opens many other short
# lines). The label may stand alone in its element, the name in the next one.
_BYLINE_LABEL = (
    rf"(?:{BY_LABELS}|{THREAD_STARTER_LABELS})\s*[:：]?|(?:{AUTHOR_LABELS})\s*[:：]"
    r"|(?:authors?|autor|auteur)\s+(?=(?-i:[A-Z]))"
)
_LABELLED_BYLINE = re.compile(rf"^(?:{_BYLINE_LABEL}|(?:{BARE_AUTHOR_LABELS})\s*$)\s*", re.IGNORECASE)
_LABEL_ONLY = re.compile(
    rf"^(?:(?:{BY_LABELS}|{THREAD_STARTER_LABELS})\s*[:：]?|(?:{AUTHOR_LABELS})\s*[:：]?)\s*$", re.IGNORECASE
)


def _labelled_bylines(
    tree: HtmlElement, index: PageIndex, anchor_pos: int | None
) -> list[tuple[int, int, HtmlElement]]:
    """Short elements anywhere whose text is a labelled byline, outside foreign regions; a
    label alone in its element ("<p>Written by</p><p>Jane Doe</p>") stands for the element
    around it, label and name together."""
    out: list[tuple[int, int, HtmlElement]] = []
    for box, whole in _labelled_boxes(_label_texts(tree, index), _LABELLED_BYLINE, set()):
        if _LABEL_ONLY.match(whole):
            # (A column header or a form's option labels no byline: "Sort by: Author, Post time".)
            value = _labelled_value(box) if box.tag not in ("th", "option", "button") else None
            if value is None:
                continue
            box, whole = value
        pos = index.position.get(box)
        if pos is None or not 4 <= len(whole) <= _SHORT_BYLINE:
            continue
        if not in_foreign_region(box):
            out.append((_cost(_distance(pos, anchor_pos), whole) + 5, pos, box))
    return out


def _labelled_value(label: HtmlElement) -> tuple[HtmlElement, str] | None:
    """The element that holds the name a lone label ("Written by", "Thread starter") is for:
    the next element beside it when that is short ("<h2>Article by</h2><div>Jane Doe</div>"),
    else the element around both when its text is the label and more."""
    sibling = label.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()  # a comment or processing instruction
    if sibling is not None:
        text = collapse_ws(sibling.text_content())
        if text and len(text) <= 60:
            return sibling, text
    parent = label.getparent()
    if parent is None:
        return None
    whole = collapse_ws(parent.text_content())
    if _LABEL_ONLY.match(whole) or not _LABELLED_BYLINE.match(whole):
        return None
    return parent, whole


# Elements named like a byline or a date are found through the index (one test per
# distinct class/id pair); those marked by attributes or tags are looked up.
def _byline_raw(classes: str, node_id: str) -> bool:
    return _byline_names(raw_names(classes, node_id).lower())


def _date_raw(classes: str, node_id: str) -> bool:
    return _date_names(raw_names(classes, node_id).lower())


def _is_date_node(node: HtmlElement) -> bool:
    if node.tag == "time" or node.get("datetime"):
        return True
    return _date_names(class_id(node))


@lru_cache(maxsize=4096)
def _date_names(names: str) -> bool:
    return bool(_DATE_TOKEN.search(names))


def _date_of(
    node: HtmlElement, language: str | None, fetched_at: datetime | None
) -> tuple[datetime, str] | None:
    for attr in ("datetime", "content", "data-datetime", "data-timestamp", "data-time", "data-date", "title"):
        raw = node.get(attr)
        if raw:
            value = parse_date(raw, language=language, fetched_at=fetched_at)
            if value is not None:
                return value, raw.strip()
    # A dateline that wraps a machine-readable <time> means the same moment, stated exactly.
    for inner in node.iter("time"):
        raw = inner.get("datetime")
        if inner is not node and raw:
            value = parse_date(raw, language=language, fetched_at=fetched_at)
            if value is not None:
                return value, raw.strip()
    text = collapse_ws(node.text_content())
    if not text or len(text) > _MAX_DATELINE_CHARS:
        return None
    return find_date_in_text(text, language=language, fetched_at=fetched_at)


def find_visible_dates(
    tree: HtmlElement,
    anchor: HtmlElement | None,
    *,
    language: str | None,
    fetched_at: datetime | None,
    index: PageIndex | None = None,
) -> list[VisibleDate]:
    """Dates shown near the headline (<time>, class "date"...), nearest first."""
    index = index if index is not None else PageIndex(tree)
    positions = index.position
    anchor_pos = positions.get(anchor) if anchor is not None else None
    candidates = [
        (_distance(positions[node], anchor_pos), node)
        for node in index.in_order([*tree.iter("time"), *index.having("datetime"), *index.named(_date_raw)])
        if node.tag not in ("meta", "script", "style", "body", "html") and _is_date_node(node)
    ]
    candidates += _dateline_candidates(index, anchor_pos)
    candidates.sort(key=lambda item: item[0])
    tried = candidates[:_MAX_DATE_TRIES]
    # Labelled dates anywhere on the page come after the marked and nearby ones, with a
    # budget of their own (a page full of short numbered items near the headline would
    # otherwise use up every try).
    labelled = _labelled_candidates(tree, index, anchor_pos, {id(node) for _d, node in tried})
    tried += sorted(labelled, key=lambda item: item[0])[:_MAX_LABELLED_TRIES]
    out: list[VisibleDate] = []
    for distance, node in tried:
        if len(out) >= _MAX_DATES or in_foreign_region(node):
            continue
        found = _date_of(node, language, fetched_at)
        if found is None:
            continue
        context = " ".join(
            (node.get("class") or "", node.get("itemprop") or "", collapse_ws(node.text_content())[:40])
        )
        parent = node.getparent()
        if parent is not None:
            context += " " + (parent.get("class") or "")
        out.append(VisibleDate(found[0], found[1], bool(_MODIFIED_HINT.search(context)), distance))
    return out


_TEXT_TAGS = frozenset(
    {"p", "div", "span", "li", "small", "em", "strong", "b", "i", "dd", "td", "address", "font"}
)


def _dateline_candidates(index: PageIndex, anchor_pos: int | None) -> list[tuple[int, HtmlElement]]:
    """Unmarked short text elements right around the headline ("1 June 2019", "2019年3月15日")."""
    if anchor_pos is None:
        return []
    out: list[tuple[int, HtmlElement]] = []
    for pos in range(
        max(0, anchor_pos - _WINDOW // 6), min(anchor_pos + _WINDOW // 2 + 1, len(index.elements))
    ):
        node = index.elements[pos]
        if node.tag not in _TEXT_TAGS:
            continue
        text = text_of(node)  # (text_content()'s text, in half the time: most are containers)
        if len(text) <= _MAX_DATELINE_CHARS and _DIGIT.search(text):
            out.append((_distance(pos, anchor_pos) + 3, node))
    return out


# "Posted on ...", "Published: ...", "Last updated ...": a label, then (within the text) a date.
_LABELLED = re.compile(rf"^(?:{DATE_LABELS})\b(?:\s+(?:on|am|le|el|il|op))?\s*[:\-–—]?\s*\S", re.IGNORECASE)


def _label_texts(tree: HtmlElement, index: PageIndex) -> list[Any]:
    """The short texts a label is looked for in: the index's list when it describes
    ``tree`` (one list for the dates, the bylines and the comment detector), else libxml2's."""
    return index.short_texts if index.root is tree else short_texts(tree)


def _labelled_candidates(
    tree: HtmlElement, index: PageIndex, anchor_pos: int | None, have: set[int]
) -> list[tuple[int, HtmlElement]]:
    """Short elements anywhere on the page whose text labels a date as the article's ("Posted
    on 13 April 2023"): templates put them in sidebars, footers and boxes far from the
    headline, where the window around it does not reach. Scored like marked date elements."""
    out: list[tuple[int, HtmlElement]] = []
    for box, whole in _labelled_boxes(_label_texts(tree, index), _LABELLED, have):
        if len(whole) > _MAX_DATELINE_CHARS or not _DIGIT.search(whole):
            continue
        pos = index.position.get(box)
        if pos is not None:
            out.append((_distance(pos, anchor_pos), box))
    return out


def _labelled_boxes(
    texts: list[Any], label: re.Pattern[str], skip: set[int]
) -> Iterator[tuple[HtmlElement, str]]:
    """Each element (by id() not in ``skip``) whose short own text or tail (``texts``, from
    ``_label_texts``) starts with ``label`` and whose whole text does too, with that whole
    text, whitespace-collapsed: the text node is found in C, and its element is the one it
    belongs to (a tail's, the element's parent). Shared by the labelled dates and the
    labelled bylines."""
    seen = set(skip)
    for text in texts:
        if not label.match(text.lstrip()):
            continue
        owner = text.getparent()
        box = owner.getparent() if text.is_tail and owner is not None else owner
        if box is None or id(box) in seen or box.tag in ("script", "style", "title", "head", "html", "body"):
            continue
        seen.add(id(box))
        whole = collapse_ws(box.text_content())
        if label.match(whole):
            yield box, whole


_COMMENT_COUNT = re.compile(
    r"^\D{0,12}?(?:(?P<n1>\d{1,6})\s+(?:comments?|kommentare?|commentaires?|commenti|comentarios?|reacties|"
    r"reactions?|réactions?|responses?|replies|thoughts\s+on)\b"
    r"|(?:comments?|kommentare?|commentaires?|commenti|comentarios?|reacties|reactions?|réactions?|responses?)"
    r"\s*[(\[:]?\s*(?P<n2>\d{1,6})\s*[)\]]?\s*$)",
    re.IGNORECASE,
)
_COUNT_HEADINGS = ("h2", "h3", "h4")
_COUNT_OWN_TEXT_TAGS = frozenset({"a", "span", "div", "p", "button", "strong"})
_MAX_COUNT_CHARS = 80


def find_comment_count(tree: HtmlElement, index: PageIndex | None = None) -> int | None:
    """A count the page states ("Kommentare (3)", "12 Comments", "6 thoughts on ...").

    Headings win over links and spans (a comment-count link may round or
    lag); counts in teaser lists and sidebars belong to other articles and are
    skipped, while the comment section itself is where the heading lives.
    Headings are small: their whole text is read; other elements only their own
    text, as text_content() of every container would be quadratic. ``index``: the
    tree's PageIndex, whose short texts hold every own text that can state a count.
    """
    for node in tree.iter(*_COUNT_HEADINGS):
        count = _stated_count(node, node.text_content())
        if count is not None:
            return count
    if index is not None and index.root is tree:
        # An own text that states a count has at most _MAX_COUNT_CHARS characters and a
        # digit: it is in the index's short texts (those of XML whitespace only are not,
        # and state nothing), in document order, as the walk below meets them.
        for text in index.short_texts:
            # (Every form of a count has a digit: most short texts fail that test first.)
            if len(text) > _MAX_COUNT_CHARS or text.is_tail or not _DIGIT.search(text):
                continue
            node = text.getparent()
            if node is not None and node.tag in _COUNT_OWN_TEXT_TAGS:
                count = _stated_count(node, text)
                if count is not None:
                    return count
    else:
        for node in tree.iter(*_COUNT_OWN_TEXT_TAGS):
            count = _stated_count(node, node.text)
            if count is not None:
                return count
    best = _bare_count_link(tree)
    return best[1] if best is not None else None


def _stated_count(node: HtmlElement, text: str | None) -> int | None:
    """The count ``text`` (node's whole or own text) states, outside teaser lists and sidebars."""
    if not text or len(text) > _MAX_COUNT_CHARS:
        return None
    match = _COMMENT_COUNT.match(collapse_ws(text))
    if match is None or in_foreign_region(node, comments=False):
        return None
    return int(match.group("n1") or match.group("n2"))


# A comment icon with a bare number: <a href="#comments"><i class="icon"/>5</a>.
# (Links only: a contains() test on every element's class costs more than the rest of the step.)
_COUNT_LINKS = etree.XPath(
    "/descendant::a[contains(@href, '#comment') or contains(@href, '#respond') or contains(@href, '#disqus')]"
)


def _bare_count_link(tree: HtmlElement) -> tuple[int, int] | None:
    """The last resort: a link to the comment section whose whole text is a number."""
    for node in _COUNT_LINKS(tree):
        text = collapse_ws(node.text_content()).replace(",", "").replace(".", "")
        if text.isdigit() and len(text) < 7 and not in_foreign_region(node, comments=False):
            return (2, int(text))
    return None
