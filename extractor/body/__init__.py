"""Main-text detection: which part of the page is the article, as ordered blocks.

The algorithm is general (no per-site rules) and runs in one pass over the tree:

1. *Prune* what is never article text: scripts, forms with inputs, hidden
   nodes, the comment sections found earlier, and containers whose class/id
   names them as navigation, sharing, related links, ads or newsletters
   (unless they hold most of the page's text, which happens on sloppy sites).
2. *Segment* the rest into text runs, the way a browser breaks lines: a run
   ends at every block-level element and at ``<br>``. Each run knows its
   owner element and how much of its text is link text.
3. *Score* containers readability-style from the runs they hold (length,
   commas), weighted by tag and class hints and penalised by link density;
   pick the best container and the siblings that look like more of it.
4. *Emit* the runs inside the chosen containers as typed blocks, dropping
   link lists and boilerplate lines (share prompts, "Read more", credits).

The tree is pruned in place: ``extract_article`` parses a fresh tree per
call and runs the body step last, so no other step sees the pruned tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import cast

from lxml import etree

from ..core.tree import HtmlElement, collapse_ws
from ..core.urls import absolute_url
from ..model import Block, BlockKind, Comment, Image

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

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "menu", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption",
        "html", "hgroup", "legend", "picture",
    }
)  # fmt: skip

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Class/id words that name a non-article region. Matched against the
# hyphen/underscore-separated parts of each class token and of the id.
_NEGATIVE_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "footer",
        "sidebar", "sidebars", "share", "sharing", "shares", "social",
        "sociable", "addthis", "sharethis", "related", "recommended", "recommendations",
        "recirc", "newsletter", "subscribe", "subscription", "signup", "promo", "promos",
        "advert", "advertisement", "advertising", "ad", "ads", "adsense", "adslot", "dfp",
        "sponsor", "sponsored", "cookie", "cookies", "consent", "popup", "modal", "overlay",
        "masthead", "skip", "toolbar", "pagination", "pager", "tags", "tagcloud", "byline",
        "comment", "comments", "commentlist", "respond", "disqus", "outbrain", "taboola",
        "trending", "popular", "mostread", "most", "banner", "teaser", "teasers", "rail",
        "print", "copyright", "login", "signin", "author", "bio", "meta",
        "timestamp", "jump", "toc", "hidden", "offscreen", "sr", "screenreader", "tools",
        "utility", "follow", "rss", "syndication", "links", "blogroll", "archive", "archives",
        "categories", "category", "lightbox", "gallery", "slideshow", "carousel", "video",
        "player", "header", "topbar", "bottom", "secondary", "complementary", "extra",
        "credit", "credits", "enlarge", "zoom", "rating", "vote", "votes",
        "likes", "reactions", "emoji", "feedback", "survey", "poll", "donate", "paywall",
        "alert", "notice", "message", "messages", "flash", "error", "side", "sharedaddy",
        "piano", "offer", "regwall", "subscriber", "upsell", "signature", "sig", "postsig",
        "nocontent", "recent", "recentposts", "copyrights", "fineprint", "disclaimer", "disclaimers",
        "gdpr", "ccpa", "onetrust", "didomi", "usercentrics", "cookiebot", "fides", "truste",
        "osano", "cookielaw", "cookiebanner", "cookienotice",
        # the same regions named in other languages
        "autor", "auteur", "rubrik", "kommentar", "kommentare", "teilen", "werbung", "anzeige",
        "partage", "commentaires", "publicite", "compartir", "comentarios", "publicidad",
    }
)  # fmt: skip
# Words that, in a class/id, mark the article itself.
_POSITIVE_WORDS = frozenset(
    {
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text",
        "blog", "hentry", "postbody", "storybody", "richtext", "prose", "column", "page",
        "single", "news", "inhalt", "artikel", "contenu", "contenido", "testo",
    }
)  # fmt: skip
# Negative words strong enough to override a positive one in the same name
# ("related-posts", "share-article", "entry-footer").
_STRONG_NEGATIVE = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
        "share", "sharing", "social", "sociable", "addthis", "sharethis", "related",
        "recommended", "recirc", "newsletter", "subscribe", "promo", "advert", "advertisement",
        "ad", "ads", "sponsor", "sponsored", "cookie", "consent", "popup", "modal", "comment",
        "comments", "commentlist", "respond", "disqus", "outbrain", "taboola", "trending",
        "mostread", "tags", "byline", "credit", "meta", "paywall", "print",
        "timestamp", "author", "bio", "tools", "toolbar", "teaser", "teasers",
        "autor", "auteur", "kommentar", "kommentare", "teilen", "werbung", "anzeige", "partage",
        "commentaires", "publicite", "compartir", "comentarios", "publicidad", "sharedaddy",
        "piano", "regwall", "upsell", "copyright", "secondary", "nocontent", "recent", "recentposts", "copyrights", "fineprint",
        "disclaimer", "disclaimers", "gdpr", "ccpa", "onetrust", "didomi", "usercentrics",
        "cookiebot", "fides", "truste", "osano", "cookielaw", "cookiebanner", "cookienotice",
    }
)  # fmt: skip
# Names of consent notices, the consent platforms' own prefixes included: such a notice is
# never the article, however long its list of purposes and vendors. ("cookies" alone also
# names a documentation section about cookies; such regions are judged by their words.)
_CONSENT_WORDS = frozenset(
    {"consent", "gdpr", "ccpa", "onetrust", "didomi", "usercentrics",
     "cookiebot", "fides", "truste", "osano", "cookielaw", "cookiebanner", "cookienotice"}
)  # fmt: skip
# The opening of a consent notice: cookies, and what the reader is asked to agree to.
_CONSENT_TEXT = re.compile(
    r"\bcookies?\b.{0,300}?\b(?:consent|partners|privacy|preferences|accept|personali[sz]|tracking)"
    r"|\b(?:consent|partners|privacy|preferences|accept|personali[sz]|tracking)\w*\b.{0,300}?\bcookies?\b",
    re.IGNORECASE | re.DOTALL,
)
# Joined class names that mark the article text itself; their ancestors are never pruned.
_CONTENT_MARKERS = frozenset(
    {
        "entrycontent", "entrybody", "postbody", "postcontent", "posttext", "postentry",
        "articlebody", "articlecontent", "articletext", "storybody", "storycontent", "storytext",
        "blogpost", "contentbody", "bodytext", "maincontent", "articlebodytext", "itemprop",
    }
)  # fmt: skip
# Regions of long, link-poor text that are still not the article: the size
# guard that rescues misnamed article wrappers must not rescue these.
_COMMENT_WORDS = frozenset(
    {
        "comment", "comments", "commentlist", "commentbody", "respond", "disqus", "replies",
        "reply", "kommentar", "kommentare", "commentaires", "comentarios", "discussion",
    }
)  # fmt: skip
_CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "photographer", "source", "courtesy"})
_ROLE_NEGATIVE = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog", "alertdialog"}
)

# First parts of utility class tokens that style an element (colour, type, box) and say
# nothing about what it holds.
_STYLE_PREFIXES = frozenset({"text", "bg", "border", "btn", "button", "color", "font", "fill", "stroke",
                             "overflow", "badge", "shadow", "outline", "rounded", "opacity", "leading",
                             "tracking", "decoration"})
# Words that make a class token a layout flag of the element ("with-sidebar", "has-comments",
# "hide-read-more-ad": what the element shows or hides inside it, not what it is).
_LAYOUT_FLAGS = frozenset({"with", "has", "no", "without", "hide"})
# First parts of class tokens that hide the element itself ("is-hidden", "visually-hidden").
_HIDING_PREFIXES = frozenset({"is", "visually", "u", "sr", "screen", "a11y", "js", "hidden"})
_NAME_SPLIT = re.compile(r"[\s_\-:./]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Whole-line boilerplate that sits inside article containers.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:liked|enjoyed|like)\s+this\s+(?:article|story|post)\b.* |
        share\s+(?:this|now|on|via)\b.* | share$ | tweet$ | email$ | print$ | pin\s+it$ |
        (?:join|start)\s+the\s+(?:discussion|conversation)\b.* |
        (?:read|see|view|show)\s+(?:more|also|all|full)\b.{0,60} |
        continue\s+reading\b.{0,60} | click\s+here\b.{0,80} |
        (?:sign\s+up|subscribe)\b.{0,120} | (?:advertisement|anzeige|publicité|werbung|ad)$ |
        (?:related|more)\s+(?:articles?|stories|posts|news|coverage)\b.{0,40} |
        (?:leave|write|post|add)\s+(?:a|new|your)\s+(?:comment|reply)\b.{0,80} |
        \d+\s+comments?$ | comments?\s*\(\d+\)$ | no\s+comments(?:\s+yet)?\.?$ |
        (?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lire\s+aussi|à\s+lire\s+aussi|
           voir\s+aussi|leer\s+más|lee\s+también|leggi\s+anche)\b.{0,120} |
        (?:photo|image|picture|bild|foto)\s*:.{0,60} | ©.{0,80} | \(c\)\s.{0,60} |
        (?:all\s+rights\s+reserved|copyright\b).{0,80} |
        follow\s+us\b.{0,80} | (?:already\s+a\s+subscriber|bereits\s+abonnent|déjà\s+abonné)\b.{0,60} |
        (?:subscribe|weiterlesen\s+mit|continue\s+reading\s+with)\b.{0,80} |
        関連記事 | 関連ニュース | 相關新聞 | 相关新闻 | 延伸閱讀 | 延伸阅读 | 推荐阅读 |
        اقرأ\s+أيضا.{0,60} | читайте\s+также.{0,60} | смотрите\s+также.{0,60} | like\s+this:? | loading\.{0,3} | like\s+loading\.{0,3} | (?:last\s+)?updated?:?$ | (?:tags?|topics?|filed\s+under|themen|schlagw(?:orte|örter)|stichw(?:orte|örter)|mots[-\s]clés|étiquettes|sujets|etiquetas|temas|argomenti|parole\s+chiave)\s*:.{0,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_TAIL = re.compile(
    r"\s*(?:/|\||–|—|-)?\s*[(\[]?\s*(?:©|\(c\)|(?:photo|image|credit|foto|bild|picture)s?\s*:)\s*(.+?)[)\]]?$",
    re.IGNORECASE,
)


# --- records -------------------------------------------------------------------------


# The warning of a body with no text at all (every fallback step came back empty).
NO_TEXT = "no article text found"


@dataclass(slots=True)
class BodyResult:
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The body is a list of items (titles and summaries), not one article's text.
    items: bool = False


@dataclass(slots=True)
class _Run:
    """A line of text as a browser would break it, with its owner element."""

    owner: HtmlElement
    text: str
    link_len: int


# --- step 1: pruning -------------------------------------------------------------------


def _name_words(node: HtmlElement) -> frozenset[str]:
    """Words of class tokens and the id that can name a region.

    Only each token's whole form and its first and last parts count: a middle
    part ("entry-author-jane" on WordPress posts) names an attribute of the
    region, not the region itself.
    """
    raw = f"{node.get('class') or ''} {node.get('id') or ''}"
    if raw == " ":
        return frozenset()
    return _words_of(raw)


# Region words recognised inside compounds as well ("relatedposts", "newsletterbox").
_COMPOUND_WORDS = ("related", "newsletter", "sharing", "social", "sidebar", "breadcrumb", "advert", "paywall",
                   "consent")


@lru_cache(maxsize=8192)
def _words_of(raw: str) -> frozenset[str]:
    """Cached on the raw attribute text: pages repeat the same class names many times."""
    words: set[str] = set()
    for token in _CAMEL.sub("-", raw).lower().split():
        if ":" in token or "[" in token:
            continue  # a utility class for one breakpoint or state ("max-lg:hidden"), not a name
        # A BEM modifier ("m-article--sidebar-right") is a variant of the block, not its role.
        parts = [p for p in _NAME_SPLIT.split(token.split("--")[0]) if p]
        if not parts or _LAYOUT_FLAGS.intersection(parts):
            continue  # "with-sidebar", "has-sidebar", "no-sidebar": how the page is laid out
        if len(parts) > 1:
            if parts[0] in _STYLE_PREFIXES:
                parts = parts[:1]  # a look, not a role: "text-secondary", "bg-promo", "overflow-hidden"
            if parts[-1] == "hidden" and parts[0] not in _HIDING_PREFIXES:
                parts = parts[:-1]  # "field--label-hidden": a part of the region is hidden
        words.add(parts[0])
        words.add(parts[-1])
        if len(parts) > 1:
            words.add("".join(parts))
        if parts[0].startswith("comment") or parts[-1].endswith(("comment", "comments")):
            words.add("comment")  # "commentbody", "blogcomment": compounds without a separator
        joined = "".join(parts)
        words.update(word for word in _COMPOUND_WORDS if word in joined)  # "jp-relatedposts", "socialshare"
    return frozenset(words)


def _is_hidden(node: HtmlElement) -> bool:
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = node.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _negative_region(node: HtmlElement) -> bool:
    """Does this element's class/id/role name it as a non-article region?"""
    role = (node.get("role") or "").lower()
    if role in _ROLE_NEGATIVE:
        return True
    words = _name_words(node)
    if not words:
        return node.tag in ("aside", "footer")
    if words & _STRONG_NEGATIVE:
        return True
    if words & _POSITIVE_WORDS:
        return False
    return bool(words & _NEGATIVE_WORDS) or node.tag in ("aside", "footer")


# (The descendant axis, never ".//*[...]": libxml2 evaluates that as a child step from every
# node and sorts the merged result with comparisons that walk sibling lists, which grows
# quadratically on a page with thousands of siblings; the descendant axis is in document
# order already. Same elements, same order.)
_MAYBE_HIDDEN = etree.XPath("descendant::*[@hidden or @aria-hidden or @style]")
# Elements that can name a region, plus the unnamed tags that are regions by themselves.
_CANDIDATE_REGIONS = etree.XPath("descendant::*[@class or @id or @role or @itemprop or self::aside or self::footer]")


def _protected(named: list[HtmlElement]) -> set[HtmlElement]:
    """Elements marked as the article text, and all their ancestors."""
    out: set[HtmlElement] = set()
    for node in named:
        if node.get("itemprop") == "articleBody" or _name_words(node) & _CONTENT_MARKERS:
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
    return len(" ".join(node.text_content().split()))


def _form_is_chrome(form: HtmlElement) -> bool:
    """Comment, search and newsletter forms go; page-wrapping forms (ASP.NET) stay."""
    has_inputs = form.find(".//textarea") is not None or form.find(".//input") is not None
    return has_inputs and _text_len(form) < 1500


# Tags whose element can, through a parse that leaves it open or a script that shows it on
# load, end up wrapping the page's content; they get a second look before they go.
_SWALLOWING_TAGS = frozenset({"nav", "button", "header", "dialog", "div", "section", "main", "article",
                              "span", "aside", "footer", "ul", "li", "details", "form", "a"})


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
        sibling is not node and sibling.tag == node.tag and (sibling.get("class") or "").split()[:1] == [first]
        and not _is_hidden(sibling)
        for sibling in parent
    )


def _drop(node: HtmlElement) -> None:
    if node.getparent() is not None:
        node.drop_tree()  # keeps the tail text in the parent


def prune(root: HtmlElement, exclude: list[HtmlElement] | None = None, *, named: bool = True) -> set[HtmlElement]:
    """Remove everything that can never be article text, in place.

    Returns the regions whose name or tag called them boilerplate but that were kept
    for their size (``_choose`` does not let them lend weight to their ancestors).
    ``named=False`` keeps the regions that only weak words of their names call boilerplate
    ("banner", "carousel", "teaser"), and still drops footers, menus, cookie notices and the like;
    a hidden or swallowing region is then kept whenever it holds long link-poor text, not only
    when that is most of the page (a shop that shows the product only after a script ran).
    """
    for node in exclude or ():
        _drop(node)
    body = root.find("body")
    if body is None:
        body = root
    for node in list(body.iter("script", "style", "template")):
        _drop(node)  # never text; dropped first so that the shares below measure visible text
    with_fallbacks = _text_len(body)
    for node in list(body.iter("noscript")):
        if _holds_the_page(node, _text_len(node), with_fallbacks):
            # Some forum and app pages ship the text only as the no-JavaScript fallback.
            node.drop_tag()
        else:
            _drop(node)
    page_total = max(_text_len(body), 1)
    spared: set[HtmlElement] = set()
    doomed: list[HtmlElement] = []
    for node in root.iter(*_DROP_TAGS, "form"):
        if node.tag != "form" or _form_is_chrome(node):
            doomed.append(node)
    for node in _MAYBE_HIDDEN(root):
        if _is_hidden(node) and not _alternate_panel(node):
            doomed.append(node)
    for node in doomed:
        if node.tag in _SWALLOWING_TAGS:
            size = _text_len(node)
            # The second look (see _holds_the_page); reading without names, any long text will do.
            if _holds_the_page(node, size, page_total) if named else _long_link_poor(node, size):
                spared.add(node)
                continue
        _drop(node)
    total = max(_text_len(body), 1)
    candidates = _CANDIDATE_REGIONS(body)
    protected = _protected(candidates)
    # Second pass after the cheap removals, so text shares are measured on what is left.
    doomed = []
    for node in candidates:
        tag = node.tag
        if tag in ("html", "body", "main", "article") or tag not in BLOCK_TAGS and tag != "span":
            continue
        if node in protected:
            continue
        if _negative_region(node) and (named or _strongly_negative(node)):
            doomed.append(node)
    for node in doomed:
        if node.getparent() is None:
            continue
        if not _kept_for_size(node, total):
            _drop(node)
        elif _strongly_negative(node):
            spared.add(node)
    return spared


def _strongly_negative(node: HtmlElement) -> bool:
    """Is this region named as something beside the article (a sidebar, comments, related
    links), not merely with a word page builders use for every block ("widget", "block")?"""
    role = (node.get("role") or "").lower()
    return role in _ROLE_NEGATIVE or node.tag in ("aside", "footer", "nav") or bool(
        _name_words(node) & _STRONG_NEGATIVE)


def _consent_text(node: HtmlElement) -> bool:
    """Do this region's opening words ask the reader to accept cookies?"""
    return bool(_CONSENT_TEXT.search(" ".join(node.text_content()[:1500].split())[:500]))


def _kept_for_size(node: HtmlElement, total: int) -> bool:
    """A "negative" region that holds most of the page is a sloppy name, not boilerplate;
    a cookie or consent notice is never kept, however much of a page of links it holds
    (its size is then its list of purposes and vendors)."""
    if _name_words(node) & _CONSENT_WORDS:
        return False
    size = _text_len(node)
    if _holds_the_page(node, size, total):
        return True  # a page wrapper: its opening words may be the notice it holds first
    if _consent_text(node):
        return False
    if node.tag in ("aside", "footer", "nav"):
        return False
    if node.tag == "span" and size > 300:
        return True  # an unclosed span swallowed the page; its name no longer describes it
    if size > 0.5 * total or size > 1000 and _name_words(node) & _POSITIVE_WORDS:
        return True
    if node.get("itemprop") == "articleBody":
        return True
    return size > 1000 and not _name_words(node) & _COMMENT_WORDS and _link_density(node, size) < 0.25


# --- step 2: segmentation --------------------------------------------------------------


class _Segmenter:
    """Turns the tree into text runs in one recursive pass."""

    __slots__ = ("_link_len", "_parts", "runs")

    def __init__(self) -> None:
        self.runs: list[_Run] = []
        self._parts: list[str] = []
        self._link_len = 0

    def _flush(self, owner: HtmlElement) -> None:
        if self._parts:
            text = collapse_ws("".join(self._parts))
            if text:
                self.runs.append(_Run(owner, text, min(self._link_len, len(text))))
            self._parts = []
            self._link_len = 0

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._link_len += len(text.strip())

    def walk(self, node: HtmlElement, owner: HtmlElement, in_link: bool = False) -> None:
        tag = node.tag
        if tag in BLOCK_TAGS:
            self._flush(owner)
            owner = node
        elif tag == "br":
            self._flush(owner)
            return
        elif tag == "img":
            return
        in_link = in_link or tag == "a"
        self._add(node.text, in_link)
        for child in node:
            self.walk(child, owner, in_link)
            if child.tail:
                if child.tag in BLOCK_TAGS:
                    self._flush(child)
                self._add(child.tail, in_link)
        if tag in BLOCK_TAGS:
            self._flush(node)


def segment(root: HtmlElement) -> list[_Run]:
    seg = _Segmenter()
    seg.walk(root, root)
    seg._flush(root)
    return seg.runs


# --- step 3: scoring -------------------------------------------------------------------

_TAG_WEIGHT = {
    "div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "address": -3,
    "th": -5, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
}  # fmt: skip


def _class_weight(node: HtmlElement) -> int:
    words = _name_words(node)
    weight = 0
    if words & _POSITIVE_WORDS:
        weight += 25
    if words & _NEGATIVE_WORDS:
        weight -= 25
    if node.get("itemprop") == "articleBody":
        weight += 50
    return weight


@dataclass(slots=True)
class _Stats:
    text_len: int = 0
    link_len: int = 0
    score: float = 0.0


def _score(runs: list[_Run]) -> dict[HtmlElement, _Stats]:
    stats: dict[HtmlElement, _Stats] = {}
    for run in runs:
        n = len(run.text)
        node: HtmlElement | None = run.owner
        while node is not None:
            st = stats.get(node)
            if st is None:
                st = stats[node] = _Stats()
            st.text_len += n
            st.link_len += run.link_len
            node = node.getparent()
        if n - run.link_len < 25:
            continue
        points = 1 + run.text.count(",") + run.text.count("，") + min(n // 100, 3)
        owner = run.owner
        targets = [owner] if owner.tag in ("div", "td", "section", "article") else []
        parent = owner.getparent()
        if parent is not None:
            targets.append(parent)
            grand = parent.getparent()
            if grand is not None:
                targets.append(grand)
        for level, target in enumerate(targets):
            stats[target].score += points / (1 if level == 0 else 2 * level)
    return stats


def _final_score(node: HtmlElement, st: _Stats) -> float:
    base: float = st.score + _TAG_WEIGHT.get(cast(str, node.tag), 0) + _class_weight(node)
    density = st.link_len / st.text_len if st.text_len else 1.0
    return base * (1.0 - density)


def _run_value(run: _Run) -> int:
    """What a run adds to a region that holds it: its own text, less what is link text.

    Link lines (menus, teaser headlines) count against a region; short link-free lines
    (labels, buttons, dates, headings) count for nothing either way.
    """
    n = len(run.text)
    link = run.link_len
    if link > 0.5 * n:
        return -n
    own = n - link
    if own < 25:
        return 0
    return own - link


# Text (in characters, less link text) from which the seed is an article of its own.
_ARTICLE_LENGTH = 1000


def _region_sums(runs: list[_Run], spared: set[HtmlElement], teasers: bool) -> dict[HtmlElement, int]:
    """Each element's sum of the run values in its subtree.

    A region kept only for its size although its name calls it a sidebar, related
    links or the like (``spared``) counts for itself but lends nothing to its
    ancestors: it must not pull the article's container up to the page wrapper.
    """
    sums: dict[HtmlElement, int] = {}
    after_headline = False
    for run in runs:
        value = _run_value(run)
        if not value:
            continue
        headline = value < 0 and len(run.text) <= 150
        if not teasers and value > 0 and after_headline and len(run.text) < 400:
            value = 0  # a teaser's summary under its linked headline
        after_headline = headline
        if not value:
            continue
        _lend(sums, run.owner, value, spared)
    return sums


def _choose(root: HtmlElement, runs: list[_Run], spared: set[HtmlElement] | None = None) -> list[HtmlElement]:
    """The article's containers: the best-scoring one with its siblings, grown to the
    ancestor that holds the rest of the text when the article is split over many blocks.

    Why grow: site builders and step-by-step pages put each section in a container of
    its own, so the best single container holds a fraction of the text. An ancestor is
    taken when it adds clearly more text than link text (``_region_sums``); the
    tag-and-class scoring of the seed keeps pages whose text sits beside long link
    lists as precise as before.
    """
    spared = spared or set()
    selected = _seed(root, runs, spared)
    sums = _region_sums(runs, spared, teasers=True)
    own = sum(sums.get(node, 0) for node in selected)
    if own >= _ARTICLE_LENGTH:
        # The seed is an article of its own: teaser lists beside it are other articles.
        sums = _region_sums(runs, spared, teasers=False)
        own = sum(sums.get(node, 0) for node in selected)
    best = _best_ancestor(selected[0].getparent(), sums, own + max(150, int(0.3 * max(own, 0))))
    return [best] if best is not None else selected


def _best_ancestor(start: HtmlElement | None, sums: dict[HtmlElement, int], floor: int) -> HtmlElement | None:
    """From ``start`` up to the body, the element with the largest sum of at least ``floor``
    (the higher one on a tie: it adds nothing and holds the rest)."""
    best: HtmlElement | None = None
    node = start
    while node is not None and node.tag != "html":
        total = sums.get(node, 0)
        if total >= floor:
            best, floor = node, total
        node = node.getparent()
    return best


# --- step 3b: pages that list items ----------------------------------------------------

# A linked line titles a listed item (a headline, a product, a job) from this many characters
# and words; menu entries ("Home", "About us") are shorter.
_ITEM_TITLE_CHARS = 20
_ITEM_TITLE_WORDS = 3
# From this much link-poor text the chosen container is an article of its own: no listing.
_LISTING_MAX_OWN = 700
# Below this much text the chosen container is an intro line or a teaser, whatever the page
# declares itself to be.
_INTRO_LENGTH = 150
# An ancestor with this many times the chosen text in item titles and summaries makes the
# page a list whatever it declares: many CMSs mark every page og:type=article, and cards
# carry dates.
_LISTING_OUTWEIGHS = 8
# Class words of the container of one post or story.
_ENTRY_WORDS = frozenset({"hentry", "entry", "post", "article", "story", "blogpost", "articlebody",
                          "postbody", "entrycontent", "postcontent"})


def _is_item_title(text: str) -> bool:
    return len(text) >= _ITEM_TITLE_CHARS and len(text.split()) >= _ITEM_TITLE_WORDS


def _item_value(run: _Run) -> int:
    """What a run adds to a list of items: a linked title counts like text, a short link
    (a menu entry, "Read more") against it; short unlinked lines (prices, dates) are neutral."""
    n = len(run.text)
    if run.link_len > 0.5 * n:
        return n if _is_item_title(run.text) or run.owner.tag == "li" else -n
    own = n - run.link_len
    return own if own >= 25 else 0


def _listing(runs: list[_Run], spared: set[HtmlElement], selected: list[HtmlElement],
             declared_article: bool) -> HtmlElement | None:
    """The region that lists the page's items, when the page is a list of items (a
    category, search results, a product grid, a list of jobs) rather than one article.

    Why: there the content is the items' linked titles and their summaries, which the
    article chooser counts against a region. A listing is taken when the chosen text is
    short and an ancestor of it holds far more item text (titles and summaries). Short
    articles beside long link rails stay articles: the list must have the chosen text as
    one of its items (or as a short intro line) unless the page gives no sign of being
    an article (no date, no og:type/JSON-LD article, no post or story container) or the
    items outweigh the chosen text many times over (``_LISTING_OUTWEIGHS``).
    """
    chosen = set(selected)
    cache: dict[HtmlElement, bool] = {}
    inside = [run for run in runs if _inside(run, chosen, cache)]
    own = sum(max(_run_value(run), 0) for run in inside)
    if own >= _LISTING_MAX_OWN:
        return None
    # A short date line in the chosen text ("July 21, 2012") dates it as a post.
    declared_article = declared_article or any(len(run.text) <= 40 and _is_dateline(run.text) for run in inside)
    sums: dict[HtmlElement, int] = {}
    for run in runs:
        value = _item_value(run)
        if value:
            _lend(sums, run.owner, value, spared)
    best = _best_ancestor(selected[0], sums, 2 * own + 150)
    if best is None or _an_item(selected[0], best):
        return best
    if _names_an_entry(selected[0], best):
        return None
    if own >= _INTRO_LENGTH and declared_article and sums[best] < _LISTING_OUTWEIGHS * own:
        return None
    return best


def _lend(sums: dict[HtmlElement, int], owner: HtmlElement, value: int, spared: set[HtmlElement]) -> None:
    """Add a run's value to its owner and every ancestor up to a spared region."""
    node: HtmlElement | None = owner
    while node is not None:
        sums[node] = sums.get(node, 0) + value
        if node in spared:
            break
        node = node.getparent()


def _up_to(node: HtmlElement, region: HtmlElement) -> Iterator[HtmlElement]:
    """``node`` and its ancestors below ``region``."""
    current: HtmlElement | None = node
    while current is not None and current is not region:
        yield current
        current = current.getparent()


def _an_item(node: HtmlElement, region: HtmlElement) -> bool:
    """Is ``node``, or an ancestor below ``region``, one of three or more like siblings
    (same tag and class; classless ones only as list items or articles)?"""
    return any(_has_like_siblings(current) for current in _up_to(node, region))


def _has_like_siblings(node: HtmlElement) -> bool:
    parent = node.getparent()
    if parent is None:
        return False
    tag, cls = node.tag, node.get("class")
    return bool(cls or tag in ("li", "article")) and sum(
        1 for c in parent if c.tag == tag and c.get("class") == cls) >= 3


def _names_an_entry(node: HtmlElement, region: HtmlElement) -> bool:
    """Is ``node``, or an ancestor below ``region``, named as one post or story?"""
    return any(_name_words(current) & _ENTRY_WORDS for current in _up_to(node, region))


def _seed(root: HtmlElement, runs: list[_Run], spared: set[HtmlElement] | None = None) -> list[HtmlElement]:
    """The best-scoring container plus siblings that continue the article.

    Containers inside a region named as a sidebar or the like (kept only for its size)
    are candidates only when nothing outside such regions scores at all.
    """
    stats = _score(runs)
    aside = {node for region in spared or () if _strongly_negative(region) for node in region.iter()}
    best: HtmlElement | None = None
    best_score = float("-inf")
    for outside in (True, False):
        for node, st in stats.items():
            if node.tag in ("html", "body") or st.score <= 0 or outside and node in aside:
                continue
            score = _final_score(node, st)
            if score > best_score:
                best, best_score = node, score
        if best is not None or not aside:
            break
    if best is None:
        body = root.find("body")
        return [body if body is not None else root]
    # Climb to an ancestor that scores nearly as well: the best node is then
    # one section of a longer article (a recipe box, a split story body).
    above: HtmlElement | None = best.getparent()
    for _ in range(4):
        if above is None or above.tag in ("html", "body"):
            break
        nst = stats.get(above)
        if nst is not None and _final_score(above, nst) >= best_score * 0.75:
            best = above
        above = above.getparent()
    best_score = max(best_score, _final_score(best, stats[best]))
    selected = [best]
    parent = best.getparent()
    if parent is None:
        return selected
    threshold = max(10.0, best_score * 0.2)
    selected = []
    for sibling in parent:
        if sibling is best:
            selected.append(sibling)
            continue
        sibling_stats = stats.get(sibling)
        if sibling_stats is None or not sibling_stats.text_len:
            continue
        density = sibling_stats.link_len / sibling_stats.text_len
        if (
            _final_score(sibling, sibling_stats) >= threshold
            and density < 0.3
            or sibling.tag == "p"
            and density < 0.25
            and (sibling_stats.text_len > 80 or sibling_stats.text_len > 20 and density == 0)
        ):
            selected.append(sibling)
    return selected


# --- step 4: emitting blocks -----------------------------------------------------------


def _kind(run: _Run, stop: set[HtmlElement]) -> tuple[BlockKind, int | None]:
    owner = run.owner
    tag = owner.tag
    if tag in _HEADINGS:
        return "heading", _HEADINGS[tag]
    if tag in ("figcaption", "caption"):
        return "caption", None
    if tag == "pre":
        return "preformatted", None
    node: HtmlElement | None = owner
    while node is not None and node not in stop:
        if node.tag == "blockquote":
            return "blockquote", None
        if node.tag == "figcaption":
            return "caption", None
        node = node.getparent()
    if tag in ("li", "dd", "dt"):
        return "list_item", None
    return "paragraph", None


def _inside(run: _Run, selected: set[HtmlElement], cache: dict[HtmlElement, bool]) -> bool:
    path: list[HtmlElement] = []
    node: HtmlElement | None = run.owner
    result = False
    while node is not None:
        if node in cache:
            result = cache[node]
            break
        if node in selected:
            result = True
            break
        path.append(node)
        node = node.getparent()
    for n in path:
        cache[n] = result
    return result


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def _split_credit(text: str) -> tuple[str, str | None]:
    match = _CREDIT_TAIL.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), text[match.start() :].strip(" ()[]/|–—-")
    return text, None




def _clean_credit(credit: str | None) -> str | None:
    """The credit as written ("© Shutterstock", "Photo: AP"), without enclosing brackets."""
    if not credit:
        return None
    return credit.strip(" ()[]/|") or None


def _keep(run: _Run, kind: BlockKind, items: bool = False) -> bool:
    text = run.text
    n = len(text)
    if items and run.link_len > n * 0.5:
        return (_is_item_title(text) or kind == "list_item") and not _BOILERPLATE_LINE.match(text)
    if kind == "heading":
        return run.link_len < n * 0.5 and not _BOILERPLATE_LINE.match(text)
    if run.link_len > n * 0.8 and not (n > 200 and run.link_len < n * 0.9):
        return False
    return not (n < 120 and _BOILERPLATE_LINE.match(text))


_LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src")


def _image_src(img: HtmlElement) -> str | None:
    """The URL the <img> names as its picture, seeing through lazy-loading placeholders.

    A lazy loader's attribute wins over a placeholder src (a data: URI or a
    1x1 gif); srcset is the last resort, and then its widest candidate.
    """
    src = (img.get("src") or "").strip()
    if src and not src.startswith("data:"):
        return src
    for attr in _LAZY_SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    best: tuple[float, str] | None = None
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):
            continue
        width = float(parts[1][:-1]) if len(parts) > 1 and parts[1][:-1].replace(".", "").isdigit() else 0.0
        if best is None or width > best[0]:
            best = (width, parts[0])
    return best[1] if best else None


def _images(selected: list[HtmlElement], url: str | None) -> list[Image]:
    images: list[Image] = []
    seen: set[str] = set()
    for container in selected:
        for img in container.iter("img", "amp-img"):
            src = _image_src(img)
            if not src:
                continue
            full = absolute_url(src, url)
            if full in seen:
                continue
            seen.add(full)
            caption = credit = None
            figure = next((a for a in img.iterancestors("figure")), None)
            if figure is not None:
                cap = figure.find(".//figcaption")
                if cap is not None:
                    caption, credit = _caption_parts(cap)
            images.append(Image(src=full, alt=img.get("alt") or None, caption=caption, credit=credit))
    return images


def _caption_parts(cap: HtmlElement) -> tuple[str | None, str | None]:
    """Caption text and credit, from credit markup or a trailing "© ..." line."""
    credit = cap.get("data-x-credit") or None
    caption = collapse_ws(cap.text_content()).rstrip(" /|–—-")
    if credit is None:
        caption, credit = _split_credit(caption)
    return (caption or None), _clean_credit(credit)


def extract_body(
    tree: HtmlElement,
    *,
    headline: str | None = None,
    standfirst: str | None = None,
    url: str | None = None,
    article_body: str | None = None,
    exclude: list[HtmlElement] | None = None,
    authors: Sequence[str] = (),
    dated: bool = False,
    declared_article: bool = False,
    named_regions: bool = True,
) -> BodyResult:
    """The article's own text as ordered blocks, plus its images; on a page that lists
    items, the listed items (``items`` is then set).

    ``dated`` and ``declared_article`` (the page states a date, or calls itself an article)
    keep a short article beside long link rails from being read as a list of items.
    ``named_regions=False`` keeps regions that only their names call boilerplate (banners,
    carousels, teasers): the last resort for a page where pruning left no text.
    """
    # Images (with captions and credits) are read before pruning drops credit spans.
    prune_root = tree
    _mark_figures(tree)
    spared = prune(prune_root, exclude, named=named_regions)
    body = tree.find("body")
    root = body if body is not None else tree
    runs = segment(root)
    result = BodyResult()
    if not runs:
        return _fallback(result, article_body)
    selected = _choose(root, runs, spared)
    listing = _listing(runs, spared, selected, declared_article or dated)
    if listing is not None:
        selected = [listing]
        result.items = True
    trim = partial(_trim, authors=authors, dated=dated)
    emitted = _emit(runs, selected, headline, standfirst, items=result.items)
    blocks = trim(emitted)
    if not blocks:
        # Never empty when the page has text: fall back in steps, and say which one gave it.
        # The chosen text may have been only lines the trim drops (trailing headings, the
        # header's date line): a step must then give more text than those lines, and a page
        # with such lines of its own is not read as a list of links.
        for step, fallback in _fallback_regions(root, runs, spared):
            if step == "links" and emitted:
                break
            found = trim(_emit(runs, fallback, headline, standfirst, items=step == "links"))
            if found and _text_chars(found) > _text_chars(emitted):
                blocks, selected = found, fallback
                result.items = step == "links"  # the page's text is a list of linked entries
                result.warnings.append(f"body_fallback:{step}")
                break
        if not blocks:
            blocks = emitted  # those lines are all the text there is
    result.blocks = blocks
    result.images = _images(selected, url)
    return _fallback(result, article_body)


def _text_chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def _fallback_regions(
    root: HtmlElement, runs: list[_Run], spared: set[HtmlElement]
) -> Iterator[tuple[str, list[HtmlElement]]]:
    """Where to look when the chosen container gave no text, most precise first.

    ``densest``: the element whose subtree has the most text beyond its link text;
    ``main``: the page's ``<main>``, ``role=main`` or ``<article>`` element; ``paragraphs``:
    every visible line of the page that is not a link list or boilerplate line; ``links``:
    those lines with the linked titles and list entries as well (a portfolio or directory
    page whose only text is its links).
    """
    sums = _region_sums(runs, spared, teasers=True)
    densest = max(((total, node) for node, total in sums.items() if node.tag != "html" and total > 0),
                  key=lambda pair: pair[0], default=None)
    if densest is not None:
        yield "densest", [densest[1]]
    main = root.find(".//main")
    if main is None:
        main = next(iter(_MAIN_OR_ARTICLE(root)), None)
    if main is not None:
        yield "main", [main]
    yield "paragraphs", [root]
    yield "links", [root]


# The first element that is role=main or an <article> (one step: a union sorts both sets).
_MAIN_OR_ARTICLE = etree.XPath("descendant::*[@role='main' or self::article][1]")


def _emit(runs: list[_Run], selected: list[HtmlElement], headline: str | None,
          standfirst: str | None, items: bool = False) -> list[Block]:
    """The runs inside the selected containers as typed blocks, without boilerplate lines,
    the headline, the standfirst and repeated paragraphs."""
    selected_set = set(selected)
    cache: dict[HtmlElement, bool] = {}
    headline_norm = _norm(headline)
    standfirst_norm = _norm(standfirst)
    headline_seen = standfirst_seen = False
    seen_texts: set[str] = set()
    blocks: list[Block] = []
    for run in runs:
        if not _inside(run, selected_set, cache):
            continue
        kind, level = _kind(run, selected_set)
        if not _keep(run, kind, items):
            continue
        text = run.text
        if kind == "caption":
            text, _credit = _split_credit(text)
            if not text:
                continue
        if not headline_seen and headline_norm and _norm(text) == headline_norm:
            headline_seen = True
            # Kickers and section labels above the headline are not article text.
            if all(_is_label(b.text) for b in blocks):
                blocks.clear()
            continue
        if not standfirst_seen and standfirst_norm and _norm(text) == standfirst_norm:
            standfirst_seen = True  # the standfirst is its own field
            continue
        if len(text) > 40:
            # Pages that ship a second copy (print view, hidden mobile layout) repeat paragraphs.
            if text in seen_texts:
                continue
            seen_texts.add(text)
        blocks.append(Block(kind, text, level))
    return blocks


def thread_blocks(posts: Sequence[Comment]) -> list[Block]:
    """A thread's posts as body blocks, in page order: who wrote each post and when, as
    the page states them, then its paragraphs."""
    blocks: list[Block] = []
    for post in posts:
        stamp = collapse_ws(post.published_raw)
        author = collapse_ws(post.author)
        # Each line as the page writes it; a stamp that already names the author stands alone.
        if author and not (stamp and author.casefold() in stamp.casefold()):
            blocks.append(Block("paragraph", author))
        if stamp:
            blocks.append(Block("paragraph", stamp))
        blocks.extend(Block("paragraph", line.strip()) for line in post.text.split("\n") if line.strip())
    return blocks


def _fallback(result: BodyResult, article_body: str | None) -> BodyResult:
    """Use JSON-LD articleBody when the page's markup gave (almost) nothing.

    Some sites render the text with JavaScript and ship it only as
    structured data; a detected body far shorter than the declared one means
    detection failed rather than that the article is short.
    """
    found = sum(len(b.text) for b in result.blocks)
    declared = collapse_ws(article_body or "")
    if declared and (found == 0 or len(declared) > 500 and found < 0.3 * len(declared)):
        paragraphs = [collapse_ws(x) for x in (article_body or "").split("\n")]
        result.blocks = [Block("paragraph", p) for p in paragraphs if p]
        result.warnings.append("body taken from JSON-LD articleBody")
    elif not result.blocks:
        result.warnings.append(NO_TEXT)
    return result


def _is_label(text: str) -> bool:
    return len(text) < 80 and not text.rstrip().endswith((".", "!", "?", ":", "…"))


def _mark_figures(tree: HtmlElement) -> None:
    """Protect credit spans inside figcaptions from the class-name pruning.

    Credits are split off caption text later; removing them early would lose
    the credit for ``Image.credit``.
    """
    for cap in tree.iter("figcaption"):
        credits = [node for node in cap.iter() if node is not cap and _name_words(node) & _CREDIT_WORDS]
        if credits:
            cap.set("data-x-credit", collapse_ws(" ".join(c.text_content() for c in credits)))
            for node in credits:
                _drop(node)


_BYLINE = re.compile(
    r"^(?:(?:posted|written|published|words|text|story|photos?)\s+)?"
    r"(?:by|von|par|por|door|di|av|af)\s+[^\W\d_][^.!?]{0,80}$",
    re.IGNORECASE,
)
_DATE_WORDS = (
    r"(?:updated|published|posted|last\s+modified|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|"
    r"stand|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|actualizado|publicado|pubblicato|aggiornato)"
)
_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\w*\.?"
)
_DATELINE_WORDS = re.compile(rf"^{_DATE_WORDS}\b[^.!?]{{0,80}}$", re.IGNORECASE)
# A date written as a date: numeric (2024/05/20, 20.05.2024, 2023年10月5日) or with a month name.
_DATE_IN_LINE = re.compile(
    rf"\d{{1,4}}\s*[./\-年]\s*\d{{1,2}}\s*[./\-月]\s*\d{{1,4}}"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\b\d{{1,2}}\.?\s+{_MONTHS}\s+(?:19|20)\d{{2}}",
    re.IGNORECASE,
)


def _is_dateline(text: str) -> bool:
    """A short line that states a date: "Published 3 March 2024", "2024/05/20 14:30 | By X".

    Few words, so that a sentence mentioning a year ("drained in 2019") is never one.
    """
    if _DATELINE_WORDS.match(text):
        return True
    return len(text) < 70 and len(text.split()) <= 8 and bool(_DATE_IN_LINE.search(text))


def _trim(blocks: list[Block], authors: Sequence[str] = (), dated: bool = False) -> list[Block]:
    """Drop the article header's byline and date lines, and trailing orphan headings.

    Only short lines before the first real paragraph are candidates, so a
    sentence that starts with "By" in the text is never touched; and only
    lines whose content the record already holds in its own fields: a byline
    that names one of the extracted authors, a date line when the page's date
    was extracted. Anything else stays text rather than being lost.
    """
    surnames = {a.split()[-1].casefold() for a in authors if a.split()}
    out: list[Block] = []
    in_header = True
    for block in blocks:
        if in_header and block.kind == "paragraph" and len(block.text) >= 120:
            in_header = False
        if in_header and block.kind != "caption" and len(block.text) < 100:
            text = block.text
            folded = text.casefold()
            if _BYLINE.match(text) and any(name in folded for name in surnames):
                continue
            if dated and _is_dateline(text):
                continue
        out.append(block)
    while out and out[-1].kind == "heading":
        out.pop()
    return out
