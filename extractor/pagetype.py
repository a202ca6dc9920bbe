"""What kind of page this is (article, live blog, forum thread, index) and whether a paywall cut it.

Two steps, because the evidence comes at two moments of the pipeline:

    page_type, paywall_hint = detect_page_type(tree, meta)     # before body pruning
    ...body extraction...
    page_type, paywalled = finalize_page_type(page_type, paywall_hint, blocks)

``detect_page_type`` reads the *unpruned* tree: the structured data, the
repeated entry markup of live blogs and forums, teaser lists and paywall
boxes are exactly what body extraction throws away. ``finalize_page_type``
then weighs those hints against what the body turned out to be: a paywall box
on a page that still serves 1,500 words did not cut anything, and a page of
headlines whose body is real running text is an article with a long rail.

The rules are general (schema.org types, class-name words, sentence
patterns), never tied to a site. Both functions are pure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Protocol

from lxml import etree

from .core.index import PageIndex, raw_names
from .core.lexicon.calendar import ENGLISH_MONTH_ABBREVIATIONS
from .core.lexicon.pages import (
    ENTRY_AUTHOR_WORDS,
    FORUM_WORDS,
    LIVE_BLOG_WORDS,
    PAYWALL_WORDS,
    WALL_HINTS,
    WALL_TEXTS,
)
from .core.lexicon.regions import COMMENT_LIST_WORDS, NOT_STAMP_WORDS, RAIL_WORDS
from .core.names import name_letters
from .core.tree import HtmlElement, collapse_ws, text_of
from .meta.jsonld import iter_nodes, node_types, page_items

__all__ = [
    "ARTICLE",
    "FORUM",
    "INDEX",
    "LIVEBLOG",
    "detect_page_type",
    "finalize_page_type",
    "named_as_comments",
]

ARTICLE, LIVEBLOG, FORUM, INDEX = "article", "liveblog", "forum", "index"

# schema.org types -> page type. Only top-level nodes count (depth 0: top, @graph,
# mainEntity), so a LiveBlogPosting listed in a "related" ItemList says nothing.
_LIVE_TYPES = frozenset({"liveblogposting"})
_FORUM_TYPES = frozenset({"discussionforumposting", "qapage"})
_INDEX_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage"})
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "techarticle",
        "report",
    }
)

_WORD = re.compile(r"[a-z0-9]+")
# The sentence a wall shows where the text stops. Short elements only (see _MAX_WALL_TEXT).
_WALL_TEXT = re.compile(
    WALL_TEXTS,
    re.IGNORECASE,
)
# The same on text already in lower case: without IGNORECASE the scan over a whole page is
# about nine times faster (18 -> 2 ms a page on wcxb-dev, with the WALL_HINTS prefilter).
_WALL_TEXT_LOWER = re.compile(WALL_TEXTS)
_MAX_WALL_TEXT = 300
_MIN_ENTRIES = 3
_MIN_ENTRY_WORDS = 12
# An article this long before the repeated entries makes them its comments.
_ARTICLE_BEFORE_ENTRIES_WORDS = 150
_MAX_ENTRY_LINK_SHARE = 0.25
_NOT_ENTRIES = frozenset({"a", "span", "script", "style", "option", "br", "meta", "link"})
_MIN_TEASERS = 5
_MIN_TEASER_WORDS = 3
_LONG_PARAGRAPH_WORDS = 40
_RUNNING_PARAGRAPH_WORDS = 20
_INDEX_MAX_RUNNING_WORDS = 150
# A body at least this long was evidently not cut by whatever wall the page also carries.
_UNCUT_WORDS = 600
_RUNNING_TEXT_PARAGRAPHS = 4
# Longer than teaser excerpts get (WordPress cuts them at 55 words).
_ARTICLE_PARAGRAPH_WORDS = 80
# A date or time as forums print them: 23.04.2020, 2020-04-23, 12/01/2018, 16:24, "3 days ago", "Jan 12".
_DATE_TEXT = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:[01]?\d|2[0-3]):[0-5]\d\b|"
    r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b|"
    rf"\b(?:{ENGLISH_MONTH_ABBREVIATIONS})[a-z]*\.?\s+\d{{1,2}}\b",
    re.IGNORECASE,
)
# The same on ASCII text lowered first (every letter of the pattern is lower case): the
# same answers, several times faster than IGNORECASE, on the ~150 entries a page tests.
_DATE_TEXT_LOWER = re.compile(_DATE_TEXT.pattern)
_DATE_TEXT_SPAN = 200
# Raw text read to find the first _DATE_TEXT_SPAN characters of collapsed text (see below).
_DATE_TEXT_READ = 800
_NON_ALNUM = re.compile(r"[^a-z0-9]")
# One descendant step with a predicate: libxml2 evaluates "//*[...]" (a child step from every
# node) and a union of two large node sets ("... | //time") by merging node sets with a
# duplicate check each time, which grows quadratically with the page (90k named elements:
# 5 s); this form is one linear scan and gives the same elements in the same order.
_NAMED_OR_TIME = etree.XPath("/descendant::*[@class or @id or self::time]")
_CLOCK = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*[ap]\.?m\.?)?\b", re.IGNORECASE)


class _HasText(Protocol):
    kind: str
    text: str


# --------------------------------------------------------------------------- public


def detect_page_type(
    tree: HtmlElement, meta: Any = None, index: PageIndex | None = None
) -> tuple[str | None, bool]:
    """(page type, paywall hint) from the unpruned tree, before body extraction.

    Structured data wins (a page that declares itself a LiveBlogPosting is
    one); then the shape of the markup: repeated timestamped entries (live
    blog or forum), a list of teaser headlines with no running text (index).
    ``meta`` (the page's ``PageMeta``) is optional and only used to tell an
    index from a dated article when the markup is ambiguous.
    """
    index = index if index is not None else PageIndex(tree)
    nodes = _top_nodes(tree, index)
    paywall_hint = _declared_paywall(nodes) or _paywall_markup(tree, index)
    declared = _declared_type(nodes)
    if declared is not None:
        return declared, paywall_hint
    shaped = _entry_shape(tree, index)
    if shaped is not None:
        return shaped, paywall_hint
    if _looks_like_index(tree, has_date=getattr(meta, "published", None) is not None):
        return INDEX, paywall_hint
    return ARTICLE, paywall_hint


def finalize_page_type(
    page_type: str | None, paywall_hint: bool, blocks: Sequence[_HasText] | Iterable[Any]
) -> tuple[str | None, bool]:
    """(page type, paywalled) once the body is known.

    A paywall hint counts only when the body is short: the wall must have cut
    something. An "index" verdict is withdrawn when the body turned out to be
    running text (several long paragraphs, or one longer than any teaser
    excerpt): the teasers were a rail.
    """
    texts = [(_kind(b), _text(b)) for b in blocks]
    words = sum(len(text.split()) for _kind_, text in texts)
    long_paragraphs = sum(
        1 for kind, text in texts if kind == "paragraph" and len(text.split()) >= _LONG_PARAGRAPH_WORDS
    )
    longest = max((len(text.split()) for kind, text in texts if kind == "paragraph"), default=0)
    if page_type == INDEX and (
        long_paragraphs >= _RUNNING_TEXT_PARAGRAPHS or longest >= _ARTICLE_PARAGRAPH_WORDS
    ):
        page_type = ARTICLE
    paywalled = bool(paywall_hint) and page_type != INDEX and words < _UNCUT_WORDS
    return page_type, paywalled


# --------------------------------------------------------------------------- structured data


def _top_nodes(tree: HtmlElement, index: PageIndex) -> list[dict[str, Any]]:
    """JSON-LD nodes that describe the page itself (depth 0), not items it lists."""
    nodes: list[dict[str, Any]] = []
    for item in page_items(tree, index):
        nodes.extend(node for node, depth in iter_nodes(item) if depth == 0)
    return nodes


def _declared_type(nodes: Sequence[dict[str, Any]]) -> str | None:
    types: set[str] = set()
    for node in nodes:
        types |= node_types(node)
    if types & _LIVE_TYPES:
        return LIVEBLOG
    if types & _FORUM_TYPES:
        return FORUM
    if types & _ARTICLE_TYPES:
        return ARTICLE
    if types & _INDEX_TYPES:
        return INDEX
    return None


def _declared_paywall(nodes: Sequence[dict[str, Any]]) -> bool:
    """schema.org paywall markup: ``isAccessibleForFree: false`` on the page or a part of it."""
    for node in nodes:
        for inner, _depth in iter_nodes(node):
            if _is_false(inner.get("isAccessibleForFree")):
                return True
    return False


def _is_false(value: Any) -> bool:
    if isinstance(value, bool):
        return value is False
    return isinstance(value, str) and value.strip().lower() in {"false", "no", "0"}


# --------------------------------------------------------------------------- markup shape


def _words(node: HtmlElement) -> frozenset[str]:
    """Words of class and id, plus joined forms ("live-update" -> "liveupdate")."""
    raw = f"{node.get('class') or ''} {node.get('id') or ''}"
    return _words_of(raw) if raw != " " else frozenset()


@lru_cache(maxsize=8192)
def _words_of(raw: str) -> frozenset[str]:
    """Cached on the attribute text: pages repeat a few hundred class names thousands of times."""
    raw = raw.lower()
    words = set(_WORD.findall(raw))
    for token in raw.split():
        words.add(_NON_ALNUM.sub("", token))
    return frozenset(words)


@lru_cache(maxsize=8192)
def _names_a_stamp(raw: str) -> bool:
    return any(_is_stamp_token(w) for w in _words_of(raw))


def _names_a_stamp_pair(classes: str, node_id: str) -> bool:
    """``_names_a_stamp`` of the pair; a stamp word holds "date" or "time", and most names
    hold neither, so those are answered without splitting them (most names are a page's
    own: the cache of ``_names_a_stamp`` cannot help them)."""
    raw = raw_names(classes, node_id)
    letters = name_letters(raw)
    return ("date" in letters or "time" in letters) and _names_a_stamp(raw)


def _stamp_holders(tree: HtmlElement, index: PageIndex | None = None) -> set[HtmlElement]:
    """Every element that is, or contains, a <time> or an element named like a date.

    Computed once per page, so that testing each candidate entry is a set
    lookup rather than a walk over its subtree.
    """
    holders: set[HtmlElement] = set()
    marked = (
        _NAMED_OR_TIME(tree)
        if index is None or index.root is not tree
        else index.in_order([*tree.iter("time"), *index.named(_names_a_stamp_pair)])
    )
    for el in marked:
        if el.tag == "time" or _names_a_stamp(f"{el.get('class') or ''} {el.get('id') or ''}"):
            if el in holders:
                continue
            holders.add(el)
            for ancestor in el.iterancestors():
                if ancestor in holders:
                    break
                holders.add(ancestor)
    return holders


def _in_comments(node: HtmlElement) -> bool:
    return any(_words(a) & COMMENT_LIST_WORDS for a in node.iterancestors() if isinstance(a.tag, str))


def named_as_comments(section: HtmlElement) -> bool:
    """Is this region, an ancestor of it or an element inside it named as reader comments?

    On a live blog the entries repeat like comments (a time, an author, a text); the
    comment detector's find is kept there only when the markup calls it comments.
    """
    return _in_comments(section) or any(
        _words(node) & COMMENT_LIST_WORDS for node in section.iter() if isinstance(node.tag, str)
    )


# Elements with at least _MIN_ENTRIES children, in document order (the only parents a run
# of entries can have; the test runs in C).
_PARENTS_OF_ENTRIES = etree.XPath(f"descendant-or-self::*[*[{_MIN_ENTRIES}]]")


def _entry_groups(tree: HtmlElement, index: PageIndex | None = None) -> Iterator[list[HtmlElement]]:
    """Runs of >= 3 sibling elements with the same tag and class that each carry a timestamp."""
    holders = _stamp_holders(tree, index)
    for parent in _PARENTS_OF_ENTRIES(tree):
        groups: dict[tuple[str, str], list[HtmlElement]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in _NOT_ENTRIES:
                key = (child.tag, (child.get("class") or "").split(" ")[0])
                groups.setdefault(key, []).append(child)
        for members in groups.values():
            if len(members) < _MIN_ENTRIES:
                continue
            stamped = [m for m in members if m in holders or _has_timestamp_text(m)]
            if len(stamped) >= _MIN_ENTRIES and len(stamped) * 2 >= len(members):
                yield stamped


def _has_timestamp_text(node: HtmlElement) -> bool:
    """A date or clock time at the start of the entry's text (the markup test is ``_stamp_holders``).

    The date test is only for entry containers (not paragraphs): three
    paragraphs that each mention "at 10:30" are not three updates.
    """
    raw = text_of(node)
    # The collapsed text of a prefix is a prefix of the whole collapsed text, so an entry
    # with a long text (a post and its replies) is not collapsed whole for its start.
    text = collapse_ws(raw[:_DATE_TEXT_READ])
    if len(text) < _DATE_TEXT_SPAN and len(raw) > _DATE_TEXT_READ:
        text = collapse_ws(raw)
    if _CLOCK.match(text[:12]):
        return True
    if node.tag == "p":
        return False
    start = text[:_DATE_TEXT_SPAN]
    if start.isascii():
        return _DATE_TEXT_LOWER.search(start.lower()) is not None
    return _DATE_TEXT.search(start) is not None


def _is_stamp_token(word: str) -> bool:
    if word in NOT_STAMP_WORDS:
        return False
    return word.startswith(("date", "time")) or word.endswith(("date", "time", "timestamp"))


def _entry_shape(tree: HtmlElement, index: PageIndex | None = None) -> str | None:
    """Live blog or forum from repeated timestamped entries; None when there are none.

    Comment lists have the same shape and are skipped: by their names, and by
    position (an article's own running text comes between its headline and
    its comments; a thread's or live blog's entries follow the headline).
    Teaser lists (each entry a linked headline) belong to index pages.
    """
    running: _RunningText | None = None
    for entries in _entry_groups(tree, index):
        first = entries[0]
        if _words(first) & COMMENT_LIST_WORDS or _in_comments(first):
            continue
        if sum(1 for e in entries if _teaser_link(e) is not None) * 2 >= len(entries):
            continue
        if sum(1 for e in entries if _own_text(e)) * 2 < len(entries):
            continue  # a list of dated links or excerpts (latest news, archives), not updates or posts
        if _in_rail(first):
            continue
        running = running if running is not None else _RunningText(tree, index)
        if running.words_before(first) >= _ARTICLE_BEFORE_ENTRIES_WORDS:
            continue
        kind = _entry_kind(entries)
        if kind is not None:
            return kind
    return None


def _entry_kind(entries: Sequence[HtmlElement]) -> str | None:
    """Names first (live/update vs post/message/reply), then authors on most entries (forum)."""
    words: set[str] = set()
    for entry in entries:
        words |= _words(entry)
        words |= {(entry.get("itemtype") or "").rsplit("/", 1)[-1].lower()}
    if "discussionforumposting" in words or (words & FORUM_WORDS and not words & LIVE_BLOG_WORDS):
        return FORUM
    if words & LIVE_BLOG_WORDS or "blogposting" in words:
        return LIVEBLOG
    if sum(1 for e in entries if _has_author(e)) * 2 > len(entries):
        return FORUM
    return None


class _RunningText:
    """Words of the page's running paragraphs (outside rails, not link lists), summed along the
    page once, so that each candidate group of entries asks for the words before it in
    O(log n) instead of a walk over every paragraph of the page per group.
    """

    def __init__(self, tree: HtmlElement, index: PageIndex | None = None) -> None:
        # The page index's document order when it is this tree's (only the order is read).
        self._order: dict[HtmlElement, int] = (
            index.position
            if index is not None and index.root is tree
            else {el: i for i, el in enumerate(tree.iter())}
        )
        h1 = next(tree.iter("h1"), None)
        self._start = self._order.get(h1, -1) if h1 is not None else -1
        self._positions: list[int] = []  # document positions of the running paragraphs
        self._cumulative: list[int] = [0]  # words of the running paragraphs before each position
        for p in tree.iter("p"):
            if not _link_heavy(p) and not _in_rail(p):
                self._positions.append(self._order[p])
                self._cumulative.append(self._cumulative[-1] + len(collapse_ws(text_of(p)).split()))

    def words_before(self, first: HtmlElement) -> int:
        """Words of paragraphs after the headline and before the first entry, outside rails.

        (Paragraphs inside the entries all come after the first one, so none is counted.)
        """
        low = bisect_right(self._positions, self._start)
        high = bisect_left(self._positions, self._order[first])
        return self._cumulative[high] - self._cumulative[low] if high > low else 0


def _own_text(entry: HtmlElement) -> bool:
    """An update or a post is mostly its own words; a teaser is mostly its link."""
    total = len(text_of(entry).split())
    linked = sum(len(text_of(a).split()) for a in entry.iter("a"))
    return total - linked >= _MIN_ENTRY_WORDS and linked <= total * _MAX_ENTRY_LINK_SHARE


def _in_rail(node: HtmlElement) -> bool:
    """Inside page furniture (aside, nav, footer, related/recent/sidebar boxes)."""
    for ancestor in node.iterancestors():
        if ancestor.tag in ("aside", "nav", "footer"):
            return True
        if _words(ancestor) & RAIL_WORDS:
            return True
    return False


def _has_author(entry: HtmlElement) -> bool:
    return any(_words(el) & ENTRY_AUTHOR_WORDS for el in entry.iter() if isinstance(el.tag, str))


def _teaser_link(entry: HtmlElement) -> HtmlElement | None:
    """A headline (h2-h4, or a link holding one) that links to another page."""
    for heading in entry.iter("h1", "h2", "h3", "h4"):
        links = [heading] if heading.tag == "a" else []
        links += list(heading.iter("a"))
        parent = heading.getparent()
        if parent is not None and parent.tag == "a":
            links.append(parent)
        for link in links:
            href = (link.get("href") or "").strip()
            if href and not href.startswith("#") and not href.partition("#")[2]:  # no fragment
                return link
    return None


def _looks_like_index(tree: HtmlElement, *, has_date: bool) -> bool:
    """Many linked headlines and little running text outside them: a section, tag or home page.

    Teaser excerpts do not count as running text (archive themes print
    55-word excerpts); a category description does, and stays under the bar.
    A page with its own publication date needs less text to stay an article.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    teasers = [heading for heading in root.iter("h2", "h3", "h4") if _is_teaser_heading(heading)]
    if len(teasers) < _MIN_TEASERS:
        return False
    running = 0
    linked: dict[HtmlElement, int] | None = None
    for p in root.iter("p"):
        words = len(collapse_ws(text_of(p)).split())
        if words >= _RUNNING_PARAGRAPH_WORDS and not _link_heavy(p):
            linked = linked if linked is not None else _linked_headings(root)
            if not _in_teaser(p, linked):
                running += words
    return running < (_INDEX_MAX_RUNNING_WORDS // 2 if has_date else _INDEX_MAX_RUNNING_WORDS)


def _is_teaser_heading(heading: HtmlElement) -> bool:
    """A linked headline in the page's main listing: menus ("Home") and rails do not count."""
    link = _teaser_link(_wrap(heading))
    if link is None or len(collapse_ws(text_of(link)).split()) < _MIN_TEASER_WORDS:
        return False
    return not _in_comments(heading) and not _in_rail(heading)


def _in_teaser(node: HtmlElement, linked: dict[HtmlElement, int]) -> bool:
    """Inside a small container (up to 3 levels up) that holds one or two linked headlines.

    ``linked``: the number of linked headlines (h2-h4) in each element, from _linked_headings.
    """
    for depth, ancestor in enumerate(node.iterancestors()):
        if depth >= 3 or ancestor.tag in ("body", "main"):
            return False
        count = linked.get(ancestor, 0)
        if count:
            return count <= 2
    return False


def _linked_headings(root: HtmlElement) -> dict[HtmlElement, int]:
    """For each element under root (root included), how many h2-h4 headlines that link to
    another page it holds, itself included: counted once per page (one climb per linked
    headline) instead of a walk over a container's headings per paragraph asked."""
    counts: dict[HtmlElement, int] = {}
    for heading in root.iter("h2", "h3", "h4"):
        if _teaser_link(_wrap(heading)) is not None:
            for node in (heading, *heading.iterancestors()):
                counts[node] = counts.get(node, 0) + 1
    return counts


def _wrap(heading: HtmlElement) -> HtmlElement:
    """The heading's parent when the parent is the link itself (``<a><h3>..</h3></a>``)."""
    parent = heading.getparent()
    return parent if parent is not None and parent.tag == "a" else heading


def _link_heavy(node: HtmlElement) -> bool:
    text = len(collapse_ws(text_of(node)))
    linked = sum(len(collapse_ws(text_of(a))) for a in node.iter("a"))
    return text > 0 and linked * 2 > text


# --------------------------------------------------------------------------- paywall markup


def _paywall_markup(tree: HtmlElement, index: PageIndex) -> bool:
    """A wall box in the body: a class/id word of paywall vendors, or the wall's sentence."""
    body = tree.find("body")
    root = body if body is not None else tree
    for el in index.named(_names_a_wall) if index.may_name(PAYWALL_WORDS) else ():
        if el.tag in _NOT_WALL_TAGS or (body is not None and not _under(el, body)):
            continue
        if _wall_sized(el):
            return True
    # One search over the page's text first: most pages carry no wall sentence,
    # and then no element's text needs to be read.
    if not _page_may_hold_wall_sentence(text_of(root)):
        return False
    for el in root.iter(*_WALL_TEXT_TAGS):
        text = collapse_ws(text_of(el))
        if text and len(text) <= _MAX_WALL_TEXT and _WALL_TEXT.search(text):
            return True
    return False


# The two characters whose lower case holds an ASCII letter besides A-Z (and U+0130 is two
# characters in lower case): a text without them lowers ASCII letters alone into ASCII.
_LOWERED_INTO_ASCII = ("\u0130", "\u212a")
_WALL_HINT_BYTES = tuple(hint.encode("ascii") for hint in WALL_HINTS)


def _page_may_hold_wall_sentence(text: str) -> bool:
    """``_may_hold_wall_sentence(text.lower())`` without lowering the whole page.

    Why: ``str.lower`` on a page's text beyond ASCII costs more than the rest of the test
    (1.2 of 1.5 ms a page on wcxb-dev). The hints are ASCII, so they are found in the UTF-8
    bytes lowered in ASCII only (the same places, unless the text holds one of the two
    characters that lower into ASCII); only the stretch around each is lowered for the
    sentence pattern (the same characters, lower-casing being char by char without U+0130).
    """
    if any(char in text for char in _LOWERED_INTO_ASCII):
        return _may_hold_wall_sentence(text.lower())
    data = text.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    reach = _WALL_SENTENCE_REACH
    for hint in _WALL_HINT_BYTES:
        at = lowered.find(hint)
        byte_at = char_at = 0  # the last byte offset turned into a character offset
        while at >= 0:
            # (a hint is ASCII, and no ASCII byte is inside a multi-byte character)
            char_at += len(data[byte_at:at].decode("utf-8", "surrogatepass"))
            byte_at = at
            if _WALL_TEXT_LOWER.search(text[max(0, char_at - reach) : char_at + reach].lower()) is not None:
                return True
            at = lowered.find(hint, at + len(hint))
    return False


def _may_hold_wall_sentence(page_text: str) -> bool:
    """Does the page's (lower-cased) text hold a wall sentence anywhere?

    Every wall sentence holds a hint (lexicon WALL_HINTS) and is shorter than
    _WALL_SENTENCE_REACH, and the pattern has no anchors: a sentence is found
    exactly when the pattern matches next to one of the hints, so only those
    stretches of the page are searched (a page names "subscribe" a few times,
    and the pattern's alternatives cost a step at every character of a scan).
    """
    reach = _WALL_SENTENCE_REACH
    for hint in WALL_HINTS:
        at = page_text.find(hint)
        while at >= 0:
            if _WALL_TEXT_LOWER.search(page_text, max(0, at - reach), at + reach) is not None:
                return True
            at = page_text.find(hint, at + len(hint))
    return False


# Longer than any wall sentence (their longest alternative, with its optional words, has ~90).
_WALL_SENTENCE_REACH = 160
_NOT_WALL_TAGS = frozenset({"script", "style", "noscript", "body", "html"})
_WALL_TEXT_TAGS = ("p", "div", "section", "aside", "h2", "h3", "h4", "strong", "span")


@lru_cache(maxsize=8192)
def _names_a_wall(classes: str, node_id: str) -> bool:
    raw = raw_names(classes, node_id)
    return bool(raw != " " and _words_of(raw) & PAYWALL_WORDS)


def _under(node: HtmlElement, ancestor: HtmlElement) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def _wall_sized(el: HtmlElement) -> bool:
    """A box that shows something: empty placeholders are mounted on free pages too."""
    if el.tag not in ("div", "section", "aside", "form", "p"):
        return False
    text = collapse_ws(text_of(el))
    return len(text) >= 20 or el.find(".//form") is not None or el.find(".//button") is not None


# --------------------------------------------------------------------------- blocks


def _kind(block: Any) -> str:
    return str(block.get("kind") if isinstance(block, dict) else getattr(block, "kind", ""))


def _text(block: Any) -> str:
    return str(block.get("text") if isinstance(block, dict) else getattr(block, "text", "")) or ""
