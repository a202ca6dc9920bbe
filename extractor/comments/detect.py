"""Finding the comment section: which elements are single comments (items), and which
top-most elements hold the whole section (list, headings, forms) so the body never sees it.

Why groups: a comment section is a repeated pattern, items that share their markup
(same tag and class word, numbered ids, one schema.org type) and each carry an author-like
element, a date-like element and a text block. Class and id words in several languages
propose the groups; the per-item structure decides. A group of one is accepted only on a
comment-specific word or schema type, so a blog article marked "post" never becomes a
comment of itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import cast

from lxml import etree

from ..core.index import PageIndex
from ..core.lexicon.pages import EPOCH_ATTRS
from ..core.tree import HtmlElement, collapse_ws, in_document_order, text_of
from . import hints

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "option"}
)
_ITEM_TAGS = frozenset(
    {
        "div",
        "li",
        "article",
        "section",
        "table",
        "tr",
        "td",
        "tbody",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "p",
        "aside",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_MAX_META_TEXT = 80
_SAMPLE = 12
_MAX_GROUPS = 8
# Links to a comment or post itself (a comment's title may link there): not a teaser's target.
_COMMENT_HREF = re.compile(r"comment|cid=|reply|[?&]p=\d|showpost|msg|#", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Features:
    """What one candidate item carries, judged on its own content (nested items excluded)."""

    has_date: bool
    has_author: bool
    text_len: int
    teaser: bool
    linky: bool = False  # mostly the text of links to other pages


@dataclass(slots=True)
class Group:
    """Elements proposed as items of one comment list by a shared key."""

    members: list[HtmlElement]
    strength: int  # 3 schema, 2 comment word, 1 post/message word


# (groups, date holders, elements stating a date themselves): see scan().
Scan = tuple[list[Group], dict[int, HtmlElement], dict[int, HtmlElement]]


# Compiled once: element.xpath(string) compiles its expression on every call.
_RUN_STOPPERS = etree.XPath("descendant::*[self::h1 or self::h2 or self::h3 or self::form or self::textarea]")


_DIGIT_RUN = re.compile(r"\d+")


def _token_key(token: str) -> str:
    return _DIGIT_RUN.sub("", token.lower()).strip("-_")


_DATA_SET = frozenset(hints.ITEM_DATA_ATTRS)


def item_keys(node: HtmlElement) -> Sequence[tuple[tuple[str, ...], int]]:
    """Grouping keys (with strength) an element proposes itself under."""
    tag = cast(str, node.tag)  # an element's tag (the parser drops comments and PIs)
    names = node.keys()
    if not names:
        return ()
    if len(names) == 1 and names[0] == "class":  # most elements: the class words alone decide
        return _class_keys(tag, node.get("class") or "")
    keys: list[tuple[tuple[str, ...], int]] = []
    itemtype = node.get("itemtype")
    if itemtype and hints.SCHEMA_ITEM.search(itemtype):
        keys.append((("schema", itemtype.rsplit("/", 1)[-1].lower()), 3))
    itemprop = node.get("itemprop")
    if itemprop and itemprop.lower() in ("comment", "comments", "suggestedanswer", "acceptedanswer"):
        keys.append((("prop", itemprop.lower()), 3))
    classes = node.get("class")
    if classes:
        keys.extend(_class_keys(tag, classes))
    node_id = node.get("id")
    if node_id and node_id[-1].isdigit():
        numbered = _numbered_prefix(hints.numberless(node_id))
        if numbered is not None:
            keys.append((("id", tag, numbered[0]), numbered[1]))
    if not _DATA_SET.isdisjoint(names):
        for attr in hints.ITEM_DATA_ATTRS:
            if node.get(attr) is not None:
                keys.append((("data", tag, attr), 2 if "comment" in attr else 1))
                break
    return keys


@lru_cache(maxsize=4096)
def _numbered_prefix(node_id: str) -> tuple[str, int] | None:
    """The prefix and strength of a numbered id ("comment-1234" -> "comment-", 2), or None;
    cached on the id with its digits read alike (the prefix holds none)."""
    numbered = hints.NUMBERED_ID.match(node_id)
    if not numbered:
        return None
    prefix = numbered.group(1).lower()
    strong = hints.STRONG_ITEM.search(prefix) or prefix.strip("-_") in ("com", "c")
    return prefix, 2 if strong else 1


@lru_cache(maxsize=4096)
def _class_keys(tag: str, classes: str) -> tuple[tuple[tuple[str, ...], int], ...]:
    """The class-word keys of one tag and class string. Why cached: a page repeats a few
    hundred class strings over thousands of elements, and the word tests are regexes."""
    return tuple(
        (("cls", tag, found[0]), found[1]) for found in map(_token_item_key, classes.split()) if found
    )


@lru_cache(maxsize=16384)
def _token_item_key(token: str) -> tuple[str, int] | None:
    """The item key and strength one class token proposes, or None. Cached per token: most
    class strings of a page are its own, but their tokens recur across them ("col-md-6",
    "comment"), so each token's regex tests run once (1.3 -> 0.8 ms a page on wcxb-dev)."""
    if token[:3].lower() == "js-":
        token = token[3:]  # script hooks name the item too: "js-comment"
    if not token or hints.NOISE_TOKEN.match(token):
        return None
    key = _token_key(token)
    if hints.STRONG_ITEM.search(key) or key in ("com", "coms"):
        return key, 2
    if hints.WEAK_ITEM.search(key):
        return key, 1
    return None


@lru_cache(maxsize=4096)
def _signature(tag: str, classes: str) -> tuple[str, str]:
    """Tag and identity-bearing class tokens: what siblings of one repeated item share."""
    return tag, " ".join(t for t in sorted(classes.split()) if not hints.NOISE_TOKEN.match(t))


_MIN_SIBLINGS = 3


def scan(roots: Iterable[HtmlElement], index: PageIndex | None = None) -> Scan:
    """One pass over the page: the proposed groups, the elements that hold a date
    (themselves or below), and those that state one themselves, both by id().

    Groups: elements proposing themselves by name (class words, numbered ids, schema
    types, data attributes), and runs of 3+ same-tag, same-class siblings whatever their
    names say (some forums and widgets name nothing; strength 0, judged more strictly).
    The date map lets most groups fail before their items are examined: nearly every
    group that is no comment list lacks dates.

    Why so few Python steps per element: they were the largest cost of comment detection.
    lxml picks the elements that can matter (item tags, parents of 3+ children, date
    markup) in C; the one Python walk over the page reads short texts, tails and titles
    for the date test. Unnamed runs are formed only under parents that hold a date.

    Identity sets use id() of elements that the groups and the map keep alive: lxml
    reuses an element's proxy only while a reference to it exists.
    """
    by_key: dict[tuple[str, ...], Group] = {}
    parents: list[HtmlElement] = []
    dated: dict[int, HtmlElement] = {}
    stating: dict[int, HtmlElement] = {}
    for root in roots:
        if not isinstance(root.tag, str) or root.tag in SKIP_TAGS:
            continue
        hidden = _hidden(root)
        for node in root.iter(*_ITEM_TAGS):
            keys = item_keys(node)
            if not keys or id(node) in hidden:
                continue
            done: set[tuple[str, ...]] = set()  # a key proposed twice ("comment comment-1") counts once
            for key, strength in keys:
                if key not in done:
                    done.add(key)
                    by_key.setdefault(key, Group([], strength)).members.append(node)
        parents.extend(parent for parent in _PARENTS_OF_MANY(root) if id(parent) not in hidden)
        own = self_dated(root, hidden, index)
        stating.update(own)
        for node in own.values():
            for holder in chain((node,), node.iterancestors()):  # lazily: most climbs stop early
                if id(holder) in dated:
                    break
                dated[id(holder)] = holder
    # Unnamed runs are kept only when enough members hold a date (the test choose_items
    # would reject them by first): a run under a parent that holds no date at all is not
    # even formed, and most parents of a page hold none.
    siblings = [
        run
        for parent in parents
        if id(parent) in dated
        for run in _sibling_runs(parent)
        if not _undated(run, dated)
    ]
    for run in siblings:
        if _in_comment_region(run.members[0]):
            run.strength = 1  # repeated blocks in a comment-named region: named by it, weakly
    unique: dict[frozenset[int], Group] = {}
    for group in [*by_key.values(), *siblings]:
        ident = frozenset(id(m) for m in group.members)
        if ident not in unique or unique[ident].strength < group.strength:
            unique[ident] = group
    return list(unique.values()), dated, stating


_PARENTS_OF_MANY = etree.XPath(f"descendant-or-self::*[*[{_MIN_SIBLINGS}]]")  # has a 3rd child: count(*) >= 3
# One step with an or-chain of tests: a union of node sets ("a | b") or a parent step from
# attributes ("@x/..") makes libxml2 merge node sets with a duplicate check that grows
# quadratically with the number of dated elements (32,000 comments: 7 s; this form: 0.8 s).
_DATE_MARKUP = etree.XPath(
    "descendant-or-self::*[self::time or "
    + " or ".join(f"@{attr}" for attr in ("datetime", "itemprop", *EPOCH_ATTRS))
    + "]"
)


def self_dated(
    root: HtmlElement, hidden: dict[int, HtmlElement] | None = None, index: PageIndex | None = None
) -> dict[int, HtmlElement]:
    """The visible elements under root that state a date themselves: date markup, or a
    short own text, tail or title (at most _MAX_META_TEXT characters) that reads as a date.
    ``index``: the PageIndex of the tree root belongs to, when the caller has one."""
    hidden = _hidden(root) if hidden is None else hidden
    found: dict[int, HtmlElement] = {}
    for node in _date_markup(root, index):
        if id(node) not in hidden and is_date_element(node):
            found[id(node)] = node
    # The short own texts, tails and titles are picked in C (most of a page's text nodes
    # are long or whitespace); each comes back with the element that owns it (a tail's
    # owner is the element before it), and owners join in document order, as a walk
    # would meet them. A tail of root itself is not root's: it is not below root.
    owners: dict[int, HtmlElement] = {}
    short = (
        index.short_texts_under(root, _MAX_META_TEXT)
        if index is not None and root in index.position
        else None
    )
    for found_texts in (_SHORT_TEXTS(root) if short is None else short, _SHORT_TITLES(root)):
        for text in found_texts:
            owner = text.getparent()
            if (
                owner is None
                or id(owner) in hidden
                or id(owner) in found
                or id(owner) in owners
                or text.isspace()
                or not hints.date_like(text)
            ):
                continue
            owners[id(owner)] = owner
    for owner in in_document_order(list(owners.values())):
        found[id(owner)] = owner
    return found


# (Each a single XPath step: see _DATE_MARKUP on unions.)
_SHORT_TEXTS = etree.XPath(f"descendant::text()[string-length(.) <= {_MAX_META_TEXT} and normalize-space(.)]")
_SHORT_TITLES = etree.XPath(f"descendant-or-self::*/@title[string-length(.) <= {_MAX_META_TEXT}]")


def _date_markup(root: HtmlElement, index: PageIndex | None) -> list[HtmlElement]:
    """<time> and elements with a date attribute (or any itemprop) under root, in document
    order: from the index when it describes root's whole tree, else by XPath."""
    if index is None or root not in index.position:
        return cast(list[HtmlElement], _DATE_MARKUP(root))
    position, below = index.position, index.span(root)
    marked = index.having("datetime", "itemprop", *EPOCH_ATTRS)
    return index.in_order([*root.iter("time"), *(node for node in marked if position[node] in below)])


def _hidden(root: HtmlElement) -> dict[int, HtmlElement]:
    """Scripts, styles and other invisible parts under root, with everything inside them."""
    hidden: dict[int, HtmlElement] = {}
    for box in root.iter(*SKIP_TAGS):
        if id(box) not in hidden:
            hidden[id(box)] = box
            hidden.update((id(d), d) for d in box.iterdescendants())
    return hidden


def _sibling_runs(parent: HtmlElement) -> list[Group]:
    """The children of parent grouped by tag and class, 3 or more alike."""
    buckets: dict[tuple[str, str], list[HtmlElement]] = {}
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag not in _ITEM_TAGS:
            continue
        if len(child) == 0 and not (child.text or "").strip():
            continue  # an empty box (a table whose misplaced content a browser moved out) is no item
        buckets.setdefault(_signature(tag, child.get("class") or ""), []).append(child)
    return [Group(members, 0) for members in buckets.values() if len(members) >= _MIN_SIBLINGS]


def iter_elements(root: HtmlElement) -> Iterator[HtmlElement]:
    """Elements under root (root included) in document order, skipping scripts, styles
    and other invisible parts. lxml's own iterator does the walking; the few hidden
    subtrees are collected first and left out."""
    if not isinstance(root.tag, str) or root.tag in SKIP_TAGS:
        return
    hidden = _hidden(root)
    if not hidden:
        yield from root.iter(etree.Element)
        return
    for node in root.iter(etree.Element):
        if id(node) not in hidden:
            yield node


def scope(member: HtmlElement) -> list[HtmlElement]:
    """The elements that make up one item: itself, plus for a <dt> the <dd>s that follow it
    (definition-list layouts put author and date in <dt>, text and footer in <dd>), and
    for a numbered table row the unnumbered rows after it (one post over several rows)."""
    follows: Callable[[HtmlElement], bool]
    if member.tag == "dt":
        follows = _is_dd
    elif member.tag == "tr" and member.get("id"):
        follows = _is_unnumbered_row
    elif footer_line(member):
        return [*footer_run(member), member]
    else:
        return [member]
    roots = [member]
    sibling = member.getnext()
    while sibling is not None and follows(sibling) and len(roots) < 5:
        roots.append(sibling)
        sibling = sibling.getnext()
    return roots


def _is_dd(sibling: HtmlElement) -> bool:
    return sibling.tag == "dd"


def _is_unnumbered_row(sibling: HtmlElement) -> bool:
    return sibling.tag == "tr" and not sibling.get("id")


_FOOTER_TAGS = frozenset({"p", "div", "span", "dd", "small"})
_RUN_TAGS = frozenset({"p", "div", "blockquote", "ul", "ol", "pre", "a", "br", "table", "dl"})
_MAX_RUN = 12


def footer_name(node: HtmlElement) -> str | None:
    """The name in a plain-text byline ('Posted by: Ann |', 'written by Ann, <date>'),
    where no markup marks the name."""
    if not node.text or not hints.FOOTER_LEAD.match(node.text):
        return None
    match = hints.FOOTER_NAME.match(short_text(node, 200) or "")
    name = match.group("name").strip() if match else ""
    return name if name and not hints.date_like(name) else None


def wrote_name(node: HtmlElement) -> str | None:
    """The name in a plain-text head line ('Ann schrieb am 21.06.2022 um 15:12:', 'Ann
    wrote:'), where no markup marks the name: what follows the verb must be a date or
    nothing but a colon, so that a sentence of the comment ('my son wrote to them') is
    never read as one."""
    text = short_text(node, 120)
    match = hints.WROTE_LINE.match(text) if text else None
    if match is None:
        return None
    rest = match.group("rest").strip()
    if rest not in ("", ":") and not hints.date_like(rest):
        return None
    name = _NAME_LEAD.sub("", match.group("name")).strip()
    return name if name and len(name.split()) <= 4 and not hints.date_like(name) else None


def dt_head_name(node: HtmlElement) -> str | None:
    """The name in a <dt> head that is nothing but a name and a date ('1. Ann Lee - October
    26, 2012', 'Ann | 3 hours ago'), where no markup marks the name: definition-list
    comment layouts put the head in the <dt> and the words in the <dd>. What follows the
    last separator must read as a date, and what precedes it as a short name."""
    if node.tag != "dt":
        return None
    text = short_text(node, 120)
    if not text:
        return None
    separators = list(_HEAD_SEPARATOR.finditer(text))
    if not separators or not hints.date_like(text[separators[-1].end() :]):
        return None
    name = _NAME_LEAD.sub("", text[: separators[-1].start()]).strip()
    return name if name and len(name.split()) <= 8 and not hints.date_like(name) else None


_HEAD_SEPARATOR = re.compile(r"\s+[-–—|]\s+")


def _in_comment_region(node: HtmlElement) -> bool:
    """Some ancestor is named for comments ('comments', 'comment-list')."""
    return any(
        hints.STRONG_ITEM.search(hints.class_id_key(a.get("class"), a.get("id")))
        for a in node.iterancestors()
        if a.get("class") or a.get("id")
    )


# Before the name on a head line: a comment number ("11 Ann says:"), a "by" ("by Ann writes:").
_NAME_LEAD = re.compile(
    r"^\s*(?:#?\d{1,4}[.)]?\s+)?(?:(?:(?:posted |written )?by|von|par|por|door)\s*:?\s+)?", re.IGNORECASE
)


def footer_line(node: HtmlElement) -> bool:
    """A short 'Posted by: Ann | date' line that closes a comment printed above it."""
    if node.tag not in _FOOTER_TAGS or not node.text or not hints.FOOTER_LEAD.match(node.text):
        return False
    text = short_text(node, 200)
    return text is not None and hints.date_like(text)


def footer_run(footer: HtmlElement) -> list[HtmlElement]:
    """The blocks above a footer line that make up its comment, in page order.

    The run climbs over paragraph-like siblings and must end at the footer of the
    previous comment or at a heading that opens the comment list; a run ending anywhere
    else (the article's own "Posted by" line under its title) is no comment's.
    """
    signature = _signature(cast(str, footer.tag), footer.get("class") or "")
    run: list[HtmlElement] = []
    sibling = footer.getprevious()
    while sibling is not None and len(run) <= _MAX_RUN:
        tag = sibling.tag
        if not isinstance(tag, str):
            sibling = sibling.getprevious()
            continue
        if (
            tag in _FOOTER_TAGS
            and _signature(tag, sibling.get("class") or "") == signature
            and footer_line(sibling)
        ):
            return run[::-1]
        if tag in _HEADINGS or tag in ("h5", "h6"):
            heading = short_text(sibling, 80)
            return run[::-1] if heading and hints.COMMENT_HEADING.search(heading) else []
        if tag not in _RUN_TAGS or _RUN_STOPPERS(sibling):
            return []
        run.append(sibling)
        sibling = sibling.getprevious()
    return []


_DATE_PROPS = frozenset({"datecreated", "datepublished", "commenttime", "uploaddate"})
_EPOCH_SET = frozenset(EPOCH_ATTRS)


def is_date_element(node: HtmlElement) -> bool:
    """An element that states a date by markup (not by its wording)."""
    if node.tag == "time":
        return True
    keys = node.keys()
    if not keys:
        return False
    if "datetime" in keys or not _EPOCH_SET.isdisjoint(keys):
        return True
    prop = node.get("itemprop")
    return bool(prop) and (prop or "").lower() in _DATE_PROPS


def is_author_element(node: HtmlElement) -> bool:
    """An element that names a person by markup: itemprop, class words or a profile link."""
    prop = node.get("itemprop")
    if prop and prop.lower() in ("author", "creator"):
        return True
    # Every other sign asks for a short text; the cheap signs are tried first.
    tag = node.tag
    classes, node_id = node.get("class"), node.get("id")
    if (classes or node_id) and _author_named(classes, node_id):
        return _short(node)
    if tag == "cite" or (tag == "a" and hints.profile_href(node.get("href") or "")):
        return _short(node)
    if tag in _NAME_TAGS and _framed_as_name(node):
        return _short(node)
    return False


def _author_named(classes: str | None, node_id: str | None) -> bool:
    """Class/id words that name an author box and nothing else. Both are tested through
    one cache: class strings repeat over a page, and ids do once their numbers are read
    alike (hints.numberless)."""
    name, other = _class_author_words(classes or "")
    if node_id:
        by_id = _class_author_words(hints.numberless(node_id))
        name, other = name or by_id[0], other or by_id[1]
    return name and not other


@lru_cache(maxsize=4096)
def _class_author_words(classes: str) -> tuple[bool, bool]:
    """(names an author, names something else) for one class string."""
    return hints.AUTHOR_HINT.search(classes), hints.NOT_AUTHOR_HINT.search(classes)


_NAME_TAGS = frozenset({"a", "b", "strong", "span", "em", "i", "font"})


def _framed_as_name(node: HtmlElement) -> bool:
    """'<b>Ann</b> says:' or 'by <a>Ann</a>': the words around the element make it a name."""
    if node.tail and hints.SAYS_AFTER.match(node.tail):
        return True
    prev = node.getprevious()
    before: str | None
    if prev is not None:
        before = (text_of(prev) if len(prev) == 0 else "") + (prev.tail or "")
    else:
        parent = node.getparent()
        before = parent.text if parent is not None else None
    return bool(before and hints.BY_BEFORE.search(before[-30:]))


def _short(node: HtmlElement) -> bool:
    text = short_text(node, 60)
    return text is not None and len(text) > 0 and len(text.split()) <= 8


def short_text(node: HtmlElement, limit: int) -> str | None:
    """The node's collapsed text when it is at most limit characters, else None.

    Why bounded: meta elements are tested all over the item; lxml builds the raw text
    in C, and only short ones are collapsed and returned.
    """
    text = text_of(node)
    if len(text) > 4 * limit + 200:
        return None
    text = collapse_ws(text)
    return text if len(text) <= limit else None


# An element's evidence as one int of four 32-bit fields (dates, teaser marks, text chars,
# outward-link chars): summing a subtree is then one integer addition per element, not a
# loop over slots. Sums and differences of subtrees stay exact (Python ints do not
# overflow), and every field of a final result is a count, so it unpacks correctly.
_MARKS, _TEXT, _LINKS = 32, 64, 96
_FIELD = (1 << 32) - 1


class Facts:
    """Per-call memo: what each element says by itself, summed over its subtree.

    Why: one element is looked at by many proposed groups; with subtree sums, an item's
    evidence is its sum minus the sums of the items nested in it, so judging a group costs
    little more than its size. Sums are taken in one lxml iterwalk per unseen subtree
    (no Python recursion, no repeated child lists). The memo keeps the elements alive
    (unique id()s). It also carries what judging learns about groups as a whole: which
    ones quote other pages' comments (widgets, kept out of the body by the caller).
    """

    def __init__(self, stating: Mapping[int, HtmlElement]) -> None:
        self._stating = stating  # elements that state a date themselves (self_dated)
        self._author: dict[int, bool] = {}
        self._named: dict[int, int] = {}
        self._sum: dict[int, int] = {}
        self._keep: list[HtmlElement] = []
        self.widgets: list[Group] = []  # groups found to quote other pages' comments (_passing)
        self.elsewhere: dict[
            int, tuple[Group, bool]
        ] = {}  # _passing's answer per group (kept alive), by id()
        self._page_ids: set[str] | None = None

    def page_ids(self, node: HtmlElement) -> set[str]:
        """The ids and anchor names of node's page, read once per call."""
        if self._page_ids is None:
            self._page_ids = _ids_and_names(node.getroottree().getroot())
        return self._page_ids

    def author(self, node: HtmlElement) -> bool:
        """is_author_element(), memoised: judging and record building both ask it. The
        element is kept alive so its id() stays its own."""
        key = id(node)
        found = self._author.get(key)
        if found is None:
            found = self._author[key] = is_author_element(node)
            self._keep.append(node)
        return found

    def named(self, node: HtmlElement) -> int:
        """1 when the element names a person (author markup or a 'Posted by: Ann' line),
        memoised like author(): the names search (names_any) asks it of the elements of
        every judged item, and groups overlap."""
        key = id(node)
        found = self._named.get(key)
        if found is None:
            text = node.text
            found = self._named[key] = int(
                self.author(node)
                or (bool(text) and not (text or "").isspace() and footer_name(node) is not None)
                or (node.tag == "dt" and dt_head_name(node) is not None and _in_comment_region(node))
            )
            self._keep.append(node)
        return found

    def names_any(self, member: HtmlElement, inner: list[HtmlElement]) -> bool:
        """Whether an element of the item's own visible content names a person: the item
        itself does not count (it is not its own author line) unless it is a <dt> head,
        and the items nested in it (replies) have names of their own.

        Why a search, not a sum: only existence is asked, and a comment's name line comes
        first, so most walks stop after a few elements (a sum visits every element of
        every member of every judged group)."""
        named = self.named
        skip_self = member.tag != "dt"
        nested = {id(child) for child in inner}
        for root in scope(member):
            walker = etree.iterwalk(root, events=("start",))
            for _event, element in walker:
                tag = element.tag
                if not isinstance(tag, str) or tag in SKIP_TAGS or id(element) in nested:
                    walker.skip_subtree()
                elif (element is not member or not skip_self) and named(element):
                    return True
        return False

    def total(self, node: HtmlElement) -> int:
        """Sum of the elements' own evidence (_own_facts) over the visible subtree, plus the
        tails inside it, packed (see _MARKS): one lxml iterwalk, every element's sum
        memoised (subtrees already summed are skipped)."""
        sums = self._sum
        known = sums.get(id(node))
        if known is not None:
            return known
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            return 0
        stating = self._stating
        stack: list[int] = []
        keep = self._keep.append
        walker = etree.iterwalk(node, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if event == "start":
                if not isinstance(tag, str) or tag in SKIP_TAGS or id(element) in sums:
                    walker.skip_subtree()
                    continue
                stack.append(_own_facts(element, stating))
                continue
            tail = element.tail
            if not isinstance(tag, str) or tag in SKIP_TAGS:
                if tail and stack:  # a script's tail is its parent's text
                    stack[-1] += len(tail.strip()) << _TEXT
                continue
            value = sums.get(id(element))
            if value is None:
                value = stack.pop()
                sums[id(element)] = value
                keep(element)
            if stack:
                stack[-1] += (value + (len(tail.strip()) << _TEXT)) if tail else value
        return sums[id(node)]


def _own_facts(node: HtmlElement, stating: Mapping[int, HtmlElement]) -> int:
    """Dates, teaser marks, own text chars and outward-link chars of one element, packed
    (see _MARKS); names are Facts.named()'s."""
    text = node.text.strip() if node.text else ""
    tag = node.tag
    marked = (tag in _HEADINGS and _links_elsewhere(node)) or bool(
        text and len(text) <= 30 and hints.READ_MORE.match(text)
    )
    value = (id(node) in stating) + (marked << _MARKS) + (len(text) << _TEXT)
    if tag == "a":
        href = node.get("href") or ""
        if href and "#" not in href and not hints.profile_href(href):
            value += len(collapse_ws(text_of(node))) << _LINKS
    return value


def features(member: HtmlElement, facts: Facts, inner: list[HtmlElement]) -> Features:
    """Date, text and teaser evidence of one candidate item; has_author is left False
    (names are the costly fact: _group_features adds them to groups worth it).

    inner: the items nested directly in this one (replies), whose evidence is not its own.
    """
    acc = 0
    for root in scope(member):
        acc += facts.total(root)
    for child in inner:
        acc -= facts.total(child)
        if child.tail:
            acc += len(child.tail.strip()) << _TEXT  # the tail is the parent's text
    dates, marks = acc & _FIELD, (acc >> _MARKS) & _FIELD
    text_len, link_len = (acc >> _TEXT) & _FIELD, acc >> _LINKS
    linky = text_len < 300 and link_len >= 0.6 * text_len > 0
    return Features(dates > 0, False, text_len, marks > 0, linky)


def _has_author(member: HtmlElement, facts: Facts, inner: list[HtmlElement]) -> bool:
    """A name in the item's own content (replies' names are theirs), other than the item
    itself as a whole, or a data-author attribute or a 'Posted by' footer."""
    return (
        bool(member.get("data-author")) or facts.names_any(member, inner) or footer_name(member) is not None
    )


def _inner_map(members: list[HtmlElement]) -> dict[int, list[HtmlElement]]:
    """For each member, the members nested directly inside it."""
    nearest = nearest_members(members)
    inner: dict[int, list[HtmlElement]] = {id(m): [] for m in members}
    for m in members:
        host = nearest.get(id(m))
        if host is not None:
            inner[id(host)].append(m)
    return inner


def nearest_members(members: list[HtmlElement]) -> dict[int, HtmlElement | None]:
    """For each member (by id()), the nearest member among its ancestors, or None.

    Why a shared walk: members of one list sit under one chain of ancestors, and each
    ancestor's answer is found once (a climb stops at an ancestor already answered), so
    the cost is the number of distinct ancestors, not members times depth.
    """
    ids = {id(m) for m in members}
    answer: dict[int, tuple[HtmlElement, HtmlElement | None]] = {}  # ancestor -> (itself, nearest member)
    out: dict[int, HtmlElement | None] = {}
    for m in members:
        path: list[HtmlElement] = []
        found: HtmlElement | None = None
        for anc in m.iterancestors():
            if id(anc) in ids:
                found = anc
                break
            known = answer.get(id(anc))
            if known is not None:
                found = known[1]
                break
            path.append(anc)
        for node in path:
            answer[id(node)] = (node, found)
        out[id(m)] = found
    return out


def _links_elsewhere(heading: HtmlElement) -> bool:
    """A heading linking to another page: the mark of a teaser, not of a comment."""
    text = collapse_ws(text_of(heading))
    if len(text.split()) < 3 or hints.SAYS_END.search(text):
        return False  # a name in a heading (author panes, "Ann says:"), not a title
    for link in heading.iter("a"):
        href = link.get("href") or ""
        rel = (link.get("rel") or "").lower()
        if any(word in rel for word in ("external", "nofollow", "ugc")):
            continue  # a commenter's own website: user content, not a teaser's target
        if (
            href
            and "#" not in href
            and not href.startswith("javascript")
            and not hints.profile_href(href)
            and not _COMMENT_HREF.search(href)
        ):
            return True
    return False


@dataclass(slots=True)
class Judged:
    group: Group
    feats: list[Features]
    score: float


def _undated(group: Group, dated: dict[int, HtmlElement] | None) -> bool:
    """Too few members hold any date for the group's strength to pass (see _verdict): a
    necessary test on page-level marks, so it rejects without looking into the items."""
    if dated is None:
        return False
    n = len(group.members)
    if group.strength >= 2 and n >= 3:
        return False
    have = sum(1 for m in group.members if any(id(r) in dated for r in scope(m)))
    if group.strength >= 2:
        # One or two comment-named items without dates pass only when the page numbers
        # them as comments: the same test as _verdict's, decided before any walk.
        return have < 0.5 * n and not all(_comment_numbered(m) for m in group.members)
    return have < (0.8 if group.strength == 0 else 0.7) * n


def _judge_sample(group: Group, facts: Facts, dated: dict[int, HtmlElement] | None = None) -> Judged | None:
    """The verdict on a spread sample of the members: most proposed groups fail, and cheaply.

    The score is scaled up to the group's size so samples can be ranked against each other.
    """
    members = group.members
    n = len(members)
    if n == 1 and group.strength < 2:
        return None
    if _undated(group, dated):
        return None
    if n <= _SAMPLE:
        return _judge_full(group, facts)
    sample = Group(_spread_sample(members), group.strength)
    feats = _group_features(sample, facts, _inner_map(members))
    verdict = _passing(group, _verdict(sample, feats) if feats is not None else None, facts)
    if verdict is not None:
        verdict.score *= n / _SAMPLE
    return verdict


def _spread_sample(members: list[HtmlElement]) -> list[HtmlElement]:
    """At most _SAMPLE members, spread evenly over the list (all of a short one)."""
    if len(members) <= _SAMPLE:
        return members
    step = len(members) / _SAMPLE
    return [members[int(k * step)] for k in range(_SAMPLE)]


def _judge_full(group: Group, facts: Facts) -> Judged | None:
    feats = _group_features(group, facts, _inner_map(group.members))
    return _passing(group, _verdict(group, feats) if feats is not None else None, facts)


def _passing(group: Group, verdict: Judged | None, facts: Facts) -> Judged | None:
    """The verdict, unless the group passed as comments but quotes other pages' comments:
    such a widget is no comment list, and it is noted in facts.widgets (kept out of the
    body like a comment section, with no records). Asked once per group, on a spread
    sample of its members like the first verdict: the test counts shares."""
    if verdict is None:
        return None
    known = facts.elsewhere.get(id(group))
    if known is None:
        known = facts.elsewhere[id(group)] = (
            group,
            _comments_elsewhere(_spread_sample(group.members), facts),
        )
        if known[1]:
            facts.widgets.append(group)
    return None if known[1] else verdict


def _group_features(group: Group, facts: Facts, inner: dict[int, list[HtmlElement]]) -> list[Features] | None:
    """The members' features, or None when the group fails without its names.

    Why two steps: names are the costly fact (author markup tests on every element), and
    most groups fail on text, teaser marks or dates alone (see _hopeless)."""
    cheap = [features(m, facts, inner[id(m)]) for m in group.members]
    if _hopeless(group.strength, cheap):
        return None
    return [
        Features(f.has_date, _has_author(m, facts, inner[id(m)]), f.text_len, f.teaser, f.linky)
        for m, f in zip(group.members, cheap, strict=True)
    ]


def _hopeless(strength: int, feats: list[Features]) -> bool:
    """_verdict's rejections that do not depend on authors, on author-less features: true
    only when _verdict would return None whatever the names."""
    n = len(feats)
    dated = sum(1 for f in feats if f.has_date)
    texted = sum(1 for f in feats if f.text_len >= 15)
    teasers = sum(1 for f in feats if f.teaser or (f.linky and strength < 2))
    if texted < 0.6 * n or teasers > 0.3 * n:
        return True
    if strength == 0 and (n < _MIN_SIBLINGS or min(dated, texted) < 0.8 * n or teasers):
        return True
    return strength < 2 and dated < 0.7 * n


def _verdict(group: Group, feats: list[Features]) -> Judged | None:
    n = len(group.members)
    dated = sum(1 for f in feats if f.has_date)
    authored = sum(1 for f in feats if f.has_author)
    texted = sum(1 for f in feats if f.text_len >= 15)
    # Link-heavy items are teasers unless comment words name the group (a commenter's
    # name often links to a website, and a short comment is then mostly link text).
    teasers = sum(1 for f in feats if f.teaser or (f.linky and group.strength < 2))
    if texted < 0.6 * n or teasers > 0.3 * n:
        return None
    if group.strength == 0 and (n < _MIN_SIBLINGS or min(dated, authored, texted) < 0.8 * n or teasers):
        return None  # unnamed repeated blocks: only clear author + date + text items
    numbered = all(_comment_numbered(m) for m in group.members)
    if dated < 0.5 * n and not (group.strength >= 2 and (n >= 3 or numbered) and authored >= 0.7 * n):
        return None  # undated comments pass only on comment words and authors throughout
    if group.strength < 2 and (authored < 0.7 * n or dated < 0.7 * n):
        return None  # "post"/"message" words also name articles and teasers: ask for more
    if n == 1 and not (authored or group.strength >= 3 or _numbered_comment(group.members[0], feats[0])):
        return None
    good = sum(1 for f in feats if f.has_date and f.text_len >= 15)
    sizes = sorted(f.text_len for f in feats)
    wordy = 0.5 + min(1.0, sizes[n // 2] / 300)  # comments say something; topic lists are short
    score = good * (1.0 + authored / n) * wordy + 0.5 * group.strength
    return Judged(group, feats, score)


def _one_comment_wrapper(judged: Judged, others: list[Judged]) -> bool:
    """A lone item that holds the section's heading ("1 Comment") and another judged item:
    the wrapper of a one-comment list, which would otherwise win over its comment (an
    outer group wins over the groups inside it, and a list of one has no second comment
    to give it away as a container; see _contains_many)."""
    members = judged.group.members
    return (
        len(members) == 1
        and _holds_section_heading(members[0])
        and any(o is not judged and _inside(o.group, judged.group) for o in others)
    )


def _holds_section_heading(node: HtmlElement) -> bool:
    """A heading inside that is nothing but the section's title or count ("1 Comment",
    "Comments", "No Reactions"): a comment never carries one, its list does."""
    for heading in node.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = short_text(heading, 60)
        if text and hints.SECTION_HEADING.match(text):
            return True
    return False


# A link to one comment or to a comment form: "#comment-106", "#respond", "#c5501".
_COMMENT_FRAGMENT = re.compile(r"#(?:comments?|respond|reply|c\d|p\d|post-?\d|msg)", re.IGNORECASE)


def _comments_elsewhere(members: list[HtmlElement], facts: Facts) -> bool:
    """Items that quote comments of other pages ('Recent comments' widgets: each item links
    to a comment under another post), not comments of this one.

    Why by link targets and not by a heading's words: a page's own comments link to
    themselves (a fragment naming the item or an element in it), to other comments of
    this page (a quote's source), or to this page (a reply link that only adds a query),
    so whatever other pages they link to are few; most items of a widget link to a
    comment on another page, and the pages differ.
    """
    pages: list[str] = []
    linking = 0
    for member in members:
        inside: set[str] | None = None
        elsewhere = False
        for link in _FRAGMENT_LINKS(member):
            href = link.get("href")
            if not _COMMENT_FRAGMENT.search(href):
                continue
            page, fragment = href.split("#", 1)
            if inside is None:  # the ids and anchor names in the member, once it has such a link
                inside = _ids_and_names(member)
            if fragment in inside:
                continue
            if any(char.isdigit() for char in fragment) and fragment in facts.page_ids(member):
                continue  # another comment of this page (a quote's source)
            pages.append(page.split("?", 1)[0])
            elsewhere = True
        linking += elsewhere
    distinct = {page for page in pages if page}
    return linking >= 0.6 * len(members) and len(pages) >= 3 and len(distinct) >= max(3, 0.5 * len(pages))


_FRAGMENT_LINKS = etree.XPath("descendant-or-self::a[contains(@href, '#')]")
# Two queries, not one union ("@id | a/@name"): libxml2 merges a union's node sets with a
# duplicate check that grows quadratically when both are large (anchors named per comment).
_IDS = etree.XPath("descendant-or-self::*/@id")
_ANCHOR_NAMES = etree.XPath("descendant-or-self::a/@name")


def _ids_and_names(node: HtmlElement) -> set[str]:
    """The ids and anchor names in node's subtree (node included)."""
    return {*_IDS(node), *_ANCHOR_NAMES(node)}


def _comment_numbered(node: HtmlElement) -> bool:
    """The page numbers the element as a comment: id="comment-979764", "dsq-comment-5"."""
    numbered = hints.NUMBERED_ID.match(node.get("id") or "")
    return bool(numbered and hints.STRONG_ITEM.search(numbered.group(1)))


def _numbered_comment(node: HtmlElement, feat: Features) -> bool:
    """A lone item without a name line still counts when the page numbers it as a comment
    and it carries a date and some words."""
    return _comment_numbered(node) and feat.has_date and feat.text_len >= 40


def expand(group: Group) -> Group:
    """Each member widened to its largest ancestor that holds no other member.

    Why: many layouts name only the text box ("post", "message-body") while the author
    and date sit beside it in an unnamed cell or wrapper; the item is the whole unit.
    A climb stops at the first ancestor another member's climb already passed: that one
    and everything above it are shared.
    """
    seen: dict[int, tuple[HtmlElement, int]] = {}
    for m in group.members:
        for anc in m.iterancestors():
            known = seen.get(id(anc))
            if known is not None:
                seen[id(anc)] = (anc, known[1] + 1)
                break
            seen[id(anc)] = (anc, 1)
    widened: list[HtmlElement] = []
    for m in group.members:
        top = m
        for anc in m.iterancestors():
            if anc.tag in ("body", "html") or seen[id(anc)][1] > 1:
                break
            top = anc
        widened.append(top)
    shapes = {(w.tag, parent.tag if (parent := w.getparent()) is not None else "") for w in widened}
    if len(shapes) > 1:  # not a repeated pattern: keep the group as it was (and failing)
        return group
    # The name was on a part (a "comments" counter, a "message" box), not on the widened
    # unit: judge it as a weakly named group.
    return Group(widened, min(group.strength, 1))


def _nearest_member(node: HtmlElement, ids: set[int]) -> HtmlElement | None:
    for anc in node.iterancestors():
        if id(anc) in ids:
            return anc
    return None


def _contains_many(outer: Group, inner: Group) -> bool:
    """True when some outer item holds two or more inner items in its own content and the
    outer group is the smaller one: a container (posts quoting two posts are not)."""
    if len(outer.members) >= len(inner.members):
        return False
    ids = {id(m) for m in outer.members}
    counts: dict[int, int] = {}
    for m in inner.members:
        if id(m) in ids:
            continue
        host = _nearest_member(m, ids)
        if host is not None:
            counts[id(host)] = counts.get(id(host), 0) + 1
            if counts[id(host)] >= 2:
                return True
    return False


def _inside(inner: Group, outer: Group) -> bool:
    """True when every inner item sits inside some outer item."""
    ids = {id(m) for m in outer.members}
    return all(id(m) in ids or _nearest_member(m, ids) is not None for m in inner.members)


def choose_items(
    roots: Iterable[HtmlElement], scanned: Scan | None = None, facts: Facts | None = None
) -> list[HtmlElement]:
    """The comment items under the roots, in document order (threaded replies included).

    scanned: the result of scan(roots) when the caller keeps it for later steps; facts:
    the memo to fill (the caller reads the same items' elements afterwards).
    """
    roots = list(roots)
    groups, dated, stating = scanned if scanned is not None else scan(roots)
    facts = facts if facts is not None else Facts(stating)
    sampled: list[tuple[Judged, Group]] = []
    for group in groups:
        verdict = _judge_sample(group, facts, dated)
        if verdict is None and len(group.members) >= 2 and group.strength > 0:
            # (an unnamed run's members share one parent: expand() would return them as they are)
            group = expand(group)
            verdict = _judge_sample(group, facts, dated)
        if verdict is not None:
            sampled.append((verdict, group))
    sampled.sort(key=lambda pair: -pair[0].score)
    judged = []
    for rough, group in sampled[:_MAX_GROUPS]:  # full judgement only for the best-looking few
        verdict = rough if rough.group is group else _judge_full(group, facts)
        if verdict is not None:
            judged.append(verdict)
    judged = [j for j in judged if not any(o is not j and _contains_many(j.group, o.group) for o in judged)]
    judged = [j for j in judged if not _one_comment_wrapper(j, judged)]
    judged = [
        j
        for j in judged
        if not any(o is not j and _inside(j.group, o.group) and not _inside(o.group, j.group) for o in judged)
    ]
    if not judged:
        return []
    judged.sort(key=lambda j: -j.score)
    chosen = [judged[0]]
    for other in judged[1:]:
        if _covered(other.group, chosen) or other.group.strength == 0:
            continue  # unnamed blocks never join a list found otherwise (related-topic lists)
        if _overlaps(other.group, chosen) or (
            _near(other.group, chosen[0].group) and _median_text(other) >= 0.25 * _median_text(chosen[0])
        ):
            chosen.append(other)
    for n, judged_group in enumerate(chosen):
        wider = _widen_to_words(judged_group.group)
        verdict = _judge_full(wider, facts) if wider is not None else None
        if verdict is not None:
            chosen[n] = verdict
    items = _union(chosen)
    if len(chosen) == 1 and len(roots) == 1:
        return list(items.values())  # one group's members: found in document order
    return _document_order(roots, items)


def _widen_to_words(group: Group) -> Group | None:
    """The items' parents, when each item is only a comment's head (title, name, date) and
    a text-named box beside it holds the words: 'div.comment-top + div.comment-body'
    inside one wrapper per comment. None when that is not the shape.

    Each parent must hold exactly one item (a thread's wrapper holding replies is no
    comment's), share one signature with the others, and for most items the text box
    beside it must say something (15 characters, half of what the head says).
    """
    members = group.members
    if len(members) < 2:
        return None  # a lone item's parent is the list, not a comment
    parents: list[HtmlElement] = []
    for member in members:
        parent = member.getparent()
        if parent is None or parent.tag in ("body", "html") or (parents and parent is parents[-1]):
            return None
        parents.append(parent)
    if len({_signature(cast(str, p.tag), p.get("class") or "") for p in parents}) != 1:
        return None
    ids = {id(m) for m in members}
    worded = 0
    for parent, member in zip(parents, members, strict=True):  # one parent per member
        if any(id(d) in ids for d in parent.iterdescendants() if d is not member):
            return None
        said = len(collapse_ws(text_of(member)))
        beside = max(
            (
                len(collapse_ws(text_of(sib)))
                for sib in parent
                if sib is not member and isinstance(sib.tag, str) and text_box_named(sib)
            ),
            default=0,
        )
        worded += beside >= max(15, said // 2)
    return Group(parents, group.strength) if worded >= 0.6 * len(members) else None


def text_box_named(node: HtmlElement) -> bool:
    """Class/id words that name a comment's text box ('comment-body', 'postcontent')."""
    classes, node_id = node.get("class"), node.get("id")
    return bool(classes or node_id) and _text_words(hints.class_id_key(classes, node_id))


@lru_cache(maxsize=4096)
def _text_words(words: str) -> bool:
    """Cached per class/id string: every comment of a page repeats the same few."""
    return hints.TEXT_HINT.search(words)


def _median_text(judged: Judged) -> float:
    """Typical text size of a group's items: lists of other topics beside a thread are short."""
    sizes = sorted(f.text_len for f in judged.feats)
    return float(sizes[len(sizes) // 2]) if sizes else 0.0


def _union(chosen: list[Judged]) -> dict[int, HtmlElement]:
    """Members of the chosen groups that carry a date or an author, minus those that sit
    inside an item of another group (an inner box of the same post)."""
    items: dict[int, HtmlElement] = {}
    owner: dict[int, int] = {}
    for n, j in enumerate(chosen):
        well_dated = sum(f.has_date for f in j.feats) >= 0.8 * len(j.feats)
        for m, f in zip(j.group.members, j.feats, strict=True):  # feats: one per member (_verdict)
            if (f.has_date or (f.has_author and not well_dated)) and id(
                m
            ) not in items:  # a wrapper sharing the class is not one
                items[id(m)] = m
                owner[id(m)] = n
    # The <dd>s of a <dt> item and a footer's run, by id(): (the part, the group of its item).
    tails = {id(r): (r, owner[key]) for key, m in items.items() for r in scope(m) if r is not m}
    inner: set[int] = set()
    for key, m in items.items():
        if key in tails:
            inner.add(key)
            continue
        for a in m.iterancestors():
            group = owner.get(id(a))
            if group is None and id(a) in tails:
                group = tails[id(a)][1]  # inside an item's <dd>: a reply when of the same group
            if group is not None and group != owner[key]:
                inner.add(key)
                break
    return {key: m for key, m in items.items() if key not in inner}


def _member_within(node: HtmlElement, ids: set[int]) -> bool:
    """The node is one of the members (ids: theirs, alive in the caller) or inside one."""
    return id(node) in ids or _nearest_member(node, ids) is not None


def _covered(group: Group, chosen: list[Judged]) -> bool:
    """Every member is, or sits inside, an item already chosen.

    (Each chosen group's ids are collected once, not once per member: that made a list of
    n comments cost n * n steps.)"""
    chosen_ids = [{id(m) for m in j.group.members} for j in chosen]
    return all(any(_member_within(m, ids) for ids in chosen_ids) for m in group.members)


def _overlaps(group: Group, chosen: list[Judged]) -> bool:
    """Some members sit inside chosen items and others do not: two markups of one list."""
    for j in chosen:
        ids = {id(m) for m in j.group.members}
        if any(_member_within(m, ids) for m in group.members):
            return True
    return False


def _near(group: Group, anchor: Group) -> bool:
    """A second group joins only when it sits next to the first (a forum's opening post)."""
    top = lowest_common_ancestor(anchor.members)
    if top is None:
        return False
    region = top
    for _ in range(3):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    return all(any(a is region for a in m.iterancestors()) for m in group.members)


def _document_order(roots: Iterable[HtmlElement], items: dict[int, HtmlElement]) -> list[HtmlElement]:
    ordered: list[HtmlElement] = []
    seen: set[int] = set()
    for root in roots:
        for node in iter_elements(root):
            if id(node) in items and id(node) not in seen:
                seen.add(id(node))
                ordered.append(node)
    return ordered


def lowest_common_ancestor(nodes: list[HtmlElement]) -> HtmlElement | None:
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0].getparent()
    first_chain = [nodes[0], *nodes[0].iterancestors()]
    common = {id(a): i for i, a in enumerate(first_chain)}
    best = 0
    for node in nodes[1:]:
        for anc in (node, *node.iterancestors()):
            if id(anc) in common:
                best = max(best, common[id(anc)])
                break
        else:
            return None
    return first_chain[best]
