"""One comment item -> one Comment record: author, date, text, votes, ids and threading.

Why parts are located before the text is rendered: the author line, the date, the vote
counter and the permalink sit inside the item next to the words; knowing them lets the
text block be chosen as what is left, and keeps chrome out of the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Container, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from lxml import etree

from ..core.dates import find_date_in_text, parse_date
from ..core.lexicon.comments import LISTED_CONTROLS, QUOTE_BOX_WORDS, SAYS_WORDS, WROTE_VERBS
from ..core.lexicon.pages import EPOCH_ATTRS
from ..core.tree import HtmlElement, collapse_ws, text_of
from ..core.urls import absolute_url
from ..model import Comment
from . import hints
from .detect import (
    SKIP_TAGS,
    dt_head_name,
    footer_name,
    is_author_element,
    is_date_element,
    scope,
    short_text,
    text_box_named,
    wrote_name,
)
from .text import render

_AUTHOR_TRAIL = re.compile(
    rf"\s*(?:{SAYS_WORDS})\s*[:,]?\s*$|\s*:\s*$",
    re.IGNORECASE,
)
_AUTHOR_LEAD = re.compile(
    r"^(?:posted by|written by|by|von|par|por|da|door|autor|author)\s*:?\s+", re.IGNORECASE
)
_NUMBER = re.compile(r"^\D{0,24}?([-+]?\d[\d.,]*)\s*(?:[kK]\b)?\D{0,24}$")


def _has_wrote_verb(text: str) -> bool:
    """A verb of hints.WROTE_LINE in the text: no head line without one. Substring tests
    on the lowercased text: a regex alternation over a whole comment cost more than the
    head-line search it spares."""
    low = text.lower()
    return any(verb in low for verb in WROTE_VERBS)


_LETTER = re.compile(r"[^\W\d_]")
_COMMENT_ANCHOR = re.compile(r"#(?:comment|post|p|msg|reply|c)[-_]?\d+$")
_TEXT_BLOCK_TAGS = frozenset({"div", "p", "section", "blockquote", "td", "span", "article", "dd", "li"})


@dataclass(slots=True)
class Parts:
    """The located parts of one item (elements, not yet text)."""

    author: HtmlElement | None = None
    author_name: str | None = None
    author_url: str | None = None
    date_value: datetime | None = None
    date_raw: str | None = None
    date_nodes: list[HtmlElement] = field(default_factory=list)
    text_block: HtmlElement | None = None
    likes: int | None = None
    dislikes: int | None = None
    vote_nodes: list[HtmlElement] = field(default_factory=list)
    liked_by: list[str] = field(default_factory=list)
    liked_by_node: HtmlElement | None = None
    permalink: str | None = None
    head_line: HtmlElement | None = None  # a plain-text "Ann wrote on <date>:" line


class IdView:
    """Membership in a set of id()s, with some ids added and some taken out, without a copy.

    Why: each comment is read with the page's set of nested items (replies are not its
    text), less its own parts, plus its own author and date elements; copying that set for
    every comment made reading n comments cost n * n steps (20,000 comments: 400 million).
    """

    __slots__ = ("_added", "_base", "_removed")

    def __init__(
        self, base: Container[int], *, added: Collection[int] = (), removed: Collection[int] = ()
    ) -> None:
        self._base = base
        self._added = frozenset(added)
        self._removed = frozenset(removed)

    def __contains__(self, key: object) -> bool:
        return key in self._added or (key not in self._removed and key in self._base)


# Compiled once: element.xpath(string) compiles its expression on every call.
_ITEMPROP_NAME = etree.XPath(".//*[@itemprop='name']")
_LINKS_WITH_HREF = etree.XPath(".//a[@href]")
# Single descendant steps, not unions: libxml2 sorts a union's merged sets (see detect._DATE_MARKUP).
_MEDIA = etree.XPath("descendant::*[self::img or self::iframe or self::video or self::object]")
_NAME_PARTS = etree.XPath("descendant::*[self::a or self::li or contains(@class,'name')]")
_LEAD_ANCHORS = etree.XPath("./a[@id or @name][1]|./*[1]/a[@id or @name][1]")


def build_comment(
    item: HtmlElement,
    nested: Container[int],
    *,
    fetched_at: datetime | None,
    language: str | None,
    dated: Mapping[int, HtmlElement] | None = None,
    author: Callable[[HtmlElement], bool] = is_author_element,
    base_url: str | None = None,
) -> Comment | None:
    """The record of one item, or None when it has no text (an empty shell: nothing to read).

    dated: the page's date holders (elements stating a date and their ancestors, by id())
    from the detection scan. Why: dates are looked for only among them, so reading an
    item costs little more than walking it once; without the map every element is tried.
    author: the author-element test, memoised by the detection that judged these items.
    base_url: the page's address; the permalink and author link are resolved against it
    (``#c5``, ``/user/ann`` mean nothing in a record read away from its page).
    """
    elements = _own_unquoted(item, nested)
    named = [n for n in elements if author(n)]
    datey = elements if dated is None else [n for n in elements if id(n) in dated]
    parts = Parts()
    _find_author(item, elements, named, parts)
    _find_text_block(item, elements, named, datey, parts)
    inside = _block_members(parts.text_block)  # dates, votes and permalinks sit outside the words
    _find_date(datey, parts, inside, fetched_at=fetched_at, language=language)
    _find_votes(elements, parts, inside)
    _find_permalink(item, elements, parts, inside)
    text = _comment_text(item, nested, parts)
    if not text and item.tag == "dt":
        text = _companion_text(item, nested)
    if not text:  # an empty shell (an article byline box, a bare footer) says nothing
        return None
    author_name = parts.author_name  # (``author`` is the element test passed in)
    return Comment(
        text=text,
        id=item_id(item),
        author=author_name,
        author_url=parts.author_url and absolute_url(parts.author_url, base_url),
        published=parts.date_value,
        published_raw=parts.date_raw,
        likes=parts.likes,
        dislikes=parts.dislikes,
        liked_by=parts.liked_by,
        permalink=parts.permalink and absolute_url(parts.permalink, base_url),
        author_deleted=bool(author_name and hints.DELETED_AUTHOR.match(author_name)),
    )


# ---------------------------------------------------------------- author


def _author_rank(node: HtmlElement, item: HtmlElement, candidates: list[HtmlElement]) -> int:
    """Lower is better: schema markup, a profile link in an author-named area, a name-named leaf,
    a bare profile link, anything else."""
    prop = (node.get("itemprop") or "").lower()
    if prop in ("author", "creator"):
        return 0
    profile = node.tag == "a" and bool(hints.profile_href(node.get("href") or ""))
    if profile and _author_area(node, item):
        return 1
    if _named(node) and not any(c is not node and _in_block(c, node) for c in candidates):
        words = f"{node.get('class') or ''} {node.get('id') or ''}"
        return 2 if hints.STRONG_AUTHOR_HINT.search(words) else 3
    if profile:
        return 4
    return 5


def _named(node: HtmlElement) -> bool:
    words = f"{node.get('class') or ''} {node.get('id') or ''}"
    return bool(hints.AUTHOR_HINT.search(words))


def _author_area(node: HtmlElement, item: HtmlElement) -> bool:
    for anc in (node, *node.iterancestors()):
        if _named(anc):
            return True
        if anc is item:
            break
    return False


def _find_author(
    item: HtmlElement, elements: list[HtmlElement], named: list[HtmlElement], parts: Parts
) -> None:
    data_author = item.get("data-author")
    candidates = [n for n in named if (n is not item or item.tag == "dt") and not is_label(n)]
    if candidates:
        best = min(candidates, key=lambda n: _author_rank(n, item, candidates))
        parts.author = best
        parts.author_name = _author_name(best) or None
        parts.author_url = _author_link(best)
    if data_author and not parts.author_name:
        parts.author_name = collapse_ws(data_author)
    if not parts.author_name:
        parts.author_name = next((name for n in elements if (name := footer_name(n))), None)
    if not parts.author_name and item.tag == "dt":
        name = dt_head_name(item)
        if name:  # the whole <dt> is the head line: chrome, not text
            parts.author_name, parts.head_line = name, item
    if not parts.author_name and any(_has_wrote_verb(text_of(root)) for root in scope(item)):
        for node in elements:  # (only when a head line's verb occurs at all: most items have none)
            name = _head_name(node, item)
            if name:
                parts.author_name, parts.head_line = name, node  # the line is chrome, not text
                break


def _head_name(node: HtmlElement, item: HtmlElement) -> str | None:
    """A plain-text 'Ann wrote on <date>:' line of the item's own (not the whole item)."""
    return wrote_name(node) if node is not item and node.tag not in ("blockquote", "q") else None


def is_label(node: HtmlElement) -> bool:
    """'Username', 'Author:' and similar field labels are not names, nor are the account
    statistics shown beside them ('152 Fans', '3,401 posts')."""
    text = short_text(node, 60) or ""
    return (
        text.endswith(":")
        or bool(hints.FIELD_LABEL.match(text))
        or bool(hints.BUTTON_WORDS.search(text))
        or hints.ACCOUNT_STAT.match(text)
    )


def _author_name(node: HtmlElement) -> str:
    prop_name = _ITEMPROP_NAME(node)
    linked = [t for a in node.iter("a") if a is not node and (t := short_text(a, 60))]
    if prop_name:
        text = collapse_ws(prop_name[0].get("content") or text_of(prop_name[0]))
    elif linked:
        text = linked[0]  # the name link inside an author line ("by <a>name</a> » date")
    else:
        text = _text_without_badges(node)
    text = _AUTHOR_TRAIL.sub("", text)
    text = re.sub(r"\s*\(\d+\)$", "", text)  # user numbers shown after the name
    text = _AUTHOR_LEAD.sub("", text)
    return text.strip(" \t-–—|·•")


def _text_without_badges(node: HtmlElement) -> str:
    """The node's text without reputation badges, ranks and counters next to the name."""
    parts: list[str] = [node.text or ""]
    for child in node:
        words = child.get("class") or "" if isinstance(child.tag, str) else ""
        if isinstance(child.tag, str) and not (words and hints.NOT_AUTHOR_HINT.search(words)):
            parts.append(_text_without_badges(child))
        parts.append(child.tail or "")
    return collapse_ws(" ".join(parts)).replace(" + ", " +").strip()


def _author_link(node: HtmlElement) -> str | None:
    if node.tag == "a" and node.get("href"):
        return node.get("href")
    inner: list[HtmlElement] = _LINKS_WITH_HREF(node)
    if inner:
        return inner[0].get("href")
    for anc in node.iterancestors():
        if anc.tag == "a" and anc.get("href"):
            return anc.get("href")
        break
    return None


# ---------------------------------------------------------------- text block


def _find_text_block(
    item: HtmlElement,
    elements: list[HtmlElement],
    named: list[HtmlElement],
    datey: list[HtmlElement],
    parts: Parts,
) -> None:
    """The element holding the words: the longest body-named element free of author and date lines.

    Without one, the item itself is rendered minus its meta elements.
    """
    candidates: list[tuple[HtmlElement, int]] = []
    for node in elements:
        if node is item or node.tag not in _TEXT_BLOCK_TAGS or not _text_named(node):
            continue
        text = collapse_ws(text_of(node))
        if text and not _LETTER.search(text):
            continue  # a post number or a counter, not words
        if text or _MEDIA(node):
            candidates.append((node, len(text)))
    if not candidates:
        return
    dates = [n for n in datey if n is not item and _date_ish(n)]
    meta = [*(n for n in named if n is not item), *dates]
    free = _not_holding(candidates, meta, item)
    if not free:  # mentions (profile links) may sit in the words; the post's own name and date may not
        own_meta = [n for n in (parts.author, *dates) if n is not None]
        free = _not_holding(candidates, own_meta, item)
    if free:
        parts.text_block = max(free, key=lambda c: c[1])[0]


def _not_holding(
    candidates: list[tuple[HtmlElement, int]], inner: list[HtmlElement], item: HtmlElement
) -> list[tuple[HtmlElement, int]]:
    """The candidates that hold none of the inner elements: one climb per inner element
    (up to the item) instead of a climb per pair."""
    ids = {id(n) for n, _ in candidates}
    holding: set[int] = set()
    for node in inner:
        for anc in (node, *node.iterancestors()):
            if id(anc) in ids:
                holding.add(id(anc))
            if anc is item:
                break
    return [(n, ln) for n, ln in candidates if id(n) not in holding]


def _block_members(block: HtmlElement | None) -> dict[int, HtmlElement]:
    """The text block and everything in it, by id() (values keep the proxies alive)."""
    return {id(n): n for n in block.iter()} if block is not None else {}


def _date_ish(node: HtmlElement) -> bool:
    """A short element that states a date (by markup or by wording): a meta line, not prose."""
    if is_date_element(node):
        return True
    raw = text_of(node)
    if len(raw) > 520 or not hints.date_like(raw):  # most elements: no date words at all
        return False
    text = short_text(node, 80)
    return text is not None and bool(text) and hints.date_like(text)


def _text_named(node: HtmlElement) -> bool:
    prop = (node.get("itemprop") or "").lower()
    if prop in hints.TEXT_ITEMPROPS:
        return True
    return text_box_named(node)


# ---------------------------------------------------------------- date


def _in_block(node: HtmlElement, block: HtmlElement | None) -> bool:
    return block is not None and (node is block or any(a is block for a in node.iterancestors()))


def _find_date(
    elements: list[HtmlElement],
    parts: Parts,
    inside: Mapping[int, HtmlElement],
    *,
    fetched_at: datetime | None,
    language: str | None,
) -> None:
    """Markup dates first (datetime attributes), then date-named elements, then any short text.

    elements: the item's elements that may hold a date (all of them, or the date holders);
    inside: the text block's elements (_block_members), whose dates are the words'."""
    outside = [n for n in elements if id(n) not in inside]
    for node in outside:
        if is_date_element(node) and not _joined_context(node):
            value = _markup_date(node, fetched_at=fetched_at, language=language)
            if value is not None:
                parts.date_value = value
                parts.date_raw = collapse_ws(text_of(node)) or _markup_raw(node)
                parts.date_nodes.append(node)
                return
    hinted = [n for n in outside if n is not parts.author and _date_named(_attr_words(n))]
    for texts_of in (_whole_text, _direct_texts):
        for node in hinted if texts_of is _whole_text else outside:
            if node is parts.author:
                continue
            texts = texts_of(node)  # the (costlier) label test only for date-like texts
            if texts and not _joined_context(node):
                for text in texts:
                    if _take_date(text, node, parts, fetched_at=fetched_at, language=language):
                        return
    for node in outside:
        if node is not parts.author:
            texts = _whole_text(node)
            if texts and not _joined_context(node):
                for text in texts:
                    if _take_date(text, node, parts, fetched_at=fetched_at, language=language):
                        return


def _take_date(
    text: str, node: HtmlElement, parts: Parts, *, fetched_at: datetime | None, language: str | None
) -> bool:
    if hints.JOINED.search(text):
        return False
    found = find_date_in_text(text, language=language, fetched_at=fetched_at)
    if found is None and len(text) <= 40:
        stamp = _strip_label(text)
        # The whole short text as a date, when what is left after the label still reads
        # as one and is not several elements' texts run together ("AnnOctober 2, 2012"):
        # the slow general parser only ever answers None to those.
        if hints.date_like(stamp) and not _GLUED.search(stamp):
            value = parse_date(stamp, language=language, fetched_at=fetched_at)
            found = (value, text) if value is not None else None
    if found is None:
        return False
    parts.date_value, raw = found
    parts.date_raw = collapse_ws(text) if len(text) <= 40 else raw
    parts.date_nodes.append(node)
    return True


# Several elements' texts run together: "AnnOctober 2", "Ashley KOctober 22" (an initial),
# "ann686October 22" (a user name ending in digits).
_GLUED = re.compile(r"[a-z][A-Z][a-z]|[A-Z]{2}[a-z]{2}|[a-z]\d+[A-Z][a-z]")


def _joined_context(node: HtmlElement) -> bool:
    """A date labelled 'Joined', 'Member since', 'Edited': it describes the account or an
    edit, not the post. The label is the node's own text or what stands right before it."""
    own = short_text(node, 80) or ""
    before = ""
    prev = node.getprevious()
    if prev is not None:
        before = (short_text(prev, 40) or "") + " " + (prev.tail or "")
    elif (parent := node.getparent()) is not None:
        before = parent.text or ""
        grand_prev = parent.getprevious()  # <dt>Joined:</dt><dd>date</dd>
        if grand_prev is not None and not before.strip():
            before = short_text(grand_prev, 40) or ""
    return bool(hints.JOINED.search(f"{before[-40:]} {own}"))


def _strip_label(text: str) -> str:
    """'Posted: 12 Jan 2018, 12:15' -> '12 Jan 2018, 12:15'; 'on' / 'am' / 'le' lead words, '@'
    before times and trailing '(#123)' / '#4' post numbers too."""
    text = collapse_ws(text)
    text = re.sub(r"\s*(?:\(\s*#?\d*\)?|#\d+)\s*$", "", text.replace("@", " ")).strip(" ,(")
    text = re.sub(r"^[^\d:]{0,20}?:\s*", "", text) if re.match(r"^[^\d]{0,20}:\s", text) else text
    text = text.lstrip(">»›•·|-–— ")  # quote marks and bullets before the stamp ("> on Tuesday ...")
    return re.sub(
        r"^(?:on|am|le|el|il|op|posted|gepostet|publié|publicado|»|-|–|\|)\s+", "", text, flags=re.IGNORECASE
    )


def _direct_texts(node: HtmlElement) -> list[str]:
    """The node's own text and tail and a date-like title, when short and date-like."""
    out: list[str] = []
    title = node.get("title")
    if title and len(title) <= 80 and hints.date_like(title):
        out.append(title)
    out.extend(
        text.strip()
        for text in (node.text, node.tail)
        if text and text.strip() and len(text) <= 80 and hints.date_like(text)
    )
    return out


def _whole_text(node: HtmlElement) -> list[str]:
    whole = short_text(node, 60)
    return [whole] if whole and hints.date_like(whole) else []


def _markup_date(node: HtmlElement, *, fetched_at: datetime | None, language: str | None) -> datetime | None:
    """The machine-readable value, but the displayed day when the two are within a day and a
    half: markup is often UTC while the reader sees (and means) the local day."""
    value = None
    for raw in (
        node.get("datetime"),
        node.get("content"),
        *(node.get(a) for a in EPOCH_ATTRS),
        node.get("title"),
    ):
        if raw:
            value = parse_date(raw, language=language, fetched_at=fetched_at)
            if value is not None:
                break
    shown_raw = short_text(node, 60)
    shown = parse_date(shown_raw, language=language, fetched_at=fetched_at) if shown_raw else None
    if value is None:
        return shown
    if (
        shown is not None
        and abs((shown - value).total_seconds()) <= 36 * 3600
        and shown.date() != value.date()
    ):
        return shown
    return value


def _markup_raw(node: HtmlElement) -> str | None:
    return node.get("datetime") or node.get("content") or node.get("title")


# ---------------------------------------------------------------- votes, permalink


def _attr_words(node: HtmlElement) -> str:
    """The words of the attributes that name an element's role, as a cache key: digits
    are read alike (hints.numberless) in all but a lone class string, which repeats as is."""
    keys = node.keys()
    if not keys:
        return ""  # most elements of a comment carry no attribute at all
    if len(keys) == 1:  # most of the rest carry one (a class)
        key = keys[0]
        if key not in _WORD_ATTRS:
            return ""
        return (node.get(key) or "") if key == "class" else hints.numberless(node.get(key) or "")
    return hints.numberless(" ".join(filter(None, (node.get(attr) for attr in _WORD_ATTR_ORDER))))


_WORD_ATTR_ORDER = ("class", "id", "title", "aria-label", "data-action", "data-type")
_WORD_ATTRS = frozenset(_WORD_ATTR_ORDER)


@lru_cache(maxsize=4096)
def _date_named(words: str) -> bool:
    """Cached per attribute string: every comment repeats its page's markup."""
    return bool(words) and hints.DATE_HINT.search(words)


def _count_of(node: HtmlElement) -> int | None:
    for attr in ("data-count", "data-likes", "data-value", "data-score"):
        value = node.get(attr)
        if value and value.strip().lstrip("+-").isdigit():
            return int(value.strip())
    text = short_text(node, 40)
    match = _NUMBER.match(text) if text else None
    if not match:
        return None
    digits = re.sub(r"[.,]", "", match.group(1))
    try:
        return abs(int(digits))
    except ValueError:
        return None


def _find_votes(elements: list[HtmlElement], parts: Parts, inside: Mapping[int, HtmlElement]) -> None:
    for node in elements:
        if id(node) in inside:
            continue
        words = _attr_words(node)
        if not words:
            continue
        role = _vote_role(words)
        if role is None:
            continue
        if parts.liked_by_node is None and role == "liked_by":
            parts.liked_by_node = node
            parts.liked_by = _names(node)
            continue
        if parts.dislikes is None and role == "dislike":
            count = _count_of(node)
            if count is not None:
                parts.dislikes = count
                parts.vote_nodes.append(node)
            continue
        if parts.likes is None and role == "like" and not _inside_any(node, parts.vote_nodes):
            count = _count_of(node)
            if count is not None:
                parts.likes = count
                parts.vote_nodes.append(node)


@lru_cache(maxsize=4096)
def _vote_role(words: str) -> str | None:
    """What an element's attribute words name: a likers list, a dislike or a like counter.
    Cached per string: each comment repeats its page's vote markup."""
    if hints.LIKED_BY_HINT.search(words):
        return "liked_by"
    if hints.DISLIKE_HINT.search(words):
        return "dislike"
    return "like" if hints.LIKE_HINT.search(words) else None


def _inside_any(node: HtmlElement, others: list[HtmlElement]) -> bool:
    return any(o is node or any(a is o for a in node.iterancestors()) for o in others)


def _names(node: HtmlElement) -> list[str]:
    names = [collapse_ws(text_of(n)) for n in _NAME_PARTS(node)]
    names = [n for n in names if n and len(n) <= 60]
    if not names:
        text = collapse_ws(text_of(node))
        names = [p.strip() for p in re.split(r",|\band\b|\bund\b|\bet\b", text) if p.strip()]
    out: list[str] = []
    for name in names:
        if name not in out and not hints.CHROME_TEXT.match(name):
            out.append(name)
    return out


def _find_permalink(
    item: HtmlElement, elements: list[HtmlElement], parts: Parts, inside: Mapping[int, HtmlElement]
) -> None:
    own_id = item.get("id")
    for node in elements:
        if node.tag != "a" or id(node) in inside:
            continue
        href = node.get("href") or ""
        if not href or href.startswith("javascript"):
            continue
        words = f"{_attr_words(node)} {node.get('rel') or ''}"
        text = collapse_ws(text_of(node)).lower()
        if (
            hints.PERMALINK_HINT.search(words)
            or text in ("link to comment", "permalink", "link", "#")
            or (own_id and href.endswith("#" + own_id))
            or _COMMENT_ANCHOR.search(href)
        ):
            parts.permalink = href
            return


# ---------------------------------------------------------------- text, id

_QUOTE_WORDS = re.compile(QUOTE_BOX_WORDS, re.IGNORECASE)


def _own_unquoted(item: HtmlElement, nested: Container[int]) -> list[HtmlElement]:
    """The item's own elements (its scope, replies left out) without quotations of other posts: a
    walk that stops at each quote instead of a climb from every element."""
    out: list[HtmlElement] = []
    for root in scope(item):
        stack = [root]
        while stack:
            node = stack.pop()
            tag = node.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS:
                continue
            if node is not root and (id(node) in nested or _quote_box(node)):
                continue
            out.append(node)
            stack.extend(reversed(node))
    return out


def _quote_box(node: HtmlElement) -> bool:
    """A quotation of another post: quote-named, or a bare <blockquote>/<q> (a text-named
    one is the post's own text box)."""
    words = node.get("class") or ""
    if words and _quote_named(words):
        return True
    return node.tag in ("blockquote", "q") and not (words and hints.TEXT_HINT.search(words))


@lru_cache(maxsize=4096)
def _quote_named(words: str) -> bool:
    """Cached per class string: every element of every comment is asked."""
    return _QUOTE_WORDS.search(words) is not None


def _comment_text(item: HtmlElement, nested: Container[int], parts: Parts) -> str:
    meta = (parts.author, parts.liked_by_node, parts.head_line, *parts.date_nodes, *parts.vote_nodes)
    skip = IdView(nested, added=[id(node) for node in meta if node is not None], removed=[id(item)])
    roots = [parts.text_block] if parts.text_block is not None else scope(item)
    text = "\n".join(t for r in roots if (t := render(r, skip)))
    lines = text.split("\n")
    if lines and hints.SAYS_AFTER.match(lines[0]) and len(lines[0]) <= 20:
        text = "\n".join(lines[1:])  # the tail of "<b>Ann</b> says:"
    if parts.text_block is None:
        text = _drop_meta_lines(text, parts)
    return "\n".join(
        line for line in text.split("\n") if not hints.BYLINE_LEFTOVER.match(line) and not control_line(line)
    )


_LINE_SEPARATORS = re.compile(r"\s*[|·•]\s*")


def control_line(line: str) -> bool:
    """A line of controls run together by separators ('Reply | Report', 'History | |'):
    every part a control word, and at least one separator (a lone word stays: it may be
    all a commenter wrote)."""
    if "|" not in line and "·" not in line and "•" not in line:
        return False  # (what a search for _LINE_SEPARATORS answers, without trying every position)
    parts = [p for p in _LINE_SEPARATORS.split(line) if p]
    return all(hints.CHROME_TEXT.match(p) or p.lower() in LISTED_CONTROLS for p in parts)


def _companion_text(item: HtmlElement, nested: Container[int]) -> str:
    """Text of the sibling that carries an item's words when the item holds only its meta
    line (<dt>author, date</dt><dd>text</dd> and similar two-part layouts)."""
    sibling = item.getnext()
    if (
        sibling is None
        or id(sibling) in nested
        or sibling.tag not in ("dd", "div", "p", "blockquote", "tr", "li")
    ):
        return ""
    return render(sibling, nested)


def _drop_meta_lines(text: str, parts: Parts) -> str:
    """Without a text block, a stray author or date line may remain: drop lines that are only that."""
    drop = {s for s in (parts.author_name, parts.date_raw) if s}
    return "\n".join(line for line in text.split("\n") if line not in drop)


_ID_ATTRS = ("data-comment-id", "data-commentid", "data-post-id", "data-postid", "data-id", "data-pid")


def item_id(item: HtmlElement) -> str | None:
    """The page's own id for the item: id attribute, data attribute, or a numbered anchor."""
    if item.get("id"):
        return item.get("id")
    for attr in _ID_ATTRS:
        if item.get(attr):
            return item.get(attr)
    for anchor in _LEAD_ANCHORS(item):
        value: str | None = anchor.get("id") or anchor.get("name")
        if value and hints.NUMBERED_ID.match(value):
            return value
    prev = item.getprevious()
    if prev is not None and prev.tag == "a":
        value = prev.get("id") or prev.get("name")
        if value and hints.NUMBERED_ID.match(value):
            return value
    return None


def stable_id(comment: Comment) -> str:
    """A content hash for items the page does not number, stable across runs."""
    key = "\x1f".join([comment.author or "", comment.published_raw or "", comment.text[:500]])
    return "h" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
