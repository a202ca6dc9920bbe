"""JSON-LD (<script type="application/ld+json">) -> the article's structured fields.

Pages nest the article anywhere: top-level objects, arrays of objects,
``@graph``, ``mainEntity``; they also ship broken JSON (trailing commas, raw
control characters, HTML comments, CDATA wrappers). Parsing is tolerant and
never raises; a block that cannot be repaired is skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..core.index import PageIndex
from ..core.tree import HtmlElement, collapse_ws, xml_compatible

__all__ = ["JsonLdArticle", "extract_items", "iter_nodes", "page_items", "read_article"]

ARTICLE_TYPES = frozenset(
    t.lower()
    for t in [
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SatiricalArticle",
        "AdvertiserContentArticle",
        "DiscussionForumPosting",
        "Review",
        "CreativeWork",
        "MedicalScholarlyArticle",
    ]
)
PAGE_TYPES = frozenset(t.lower() for t in ["WebPage", "ItemPage", "AboutPage", "CollectionPage", "QAPage"])
ORG_TYPES = frozenset(
    t.lower() for t in ["Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"]
)

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_HTML_COMMENT = re.compile(r"<!--|-->")
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_CONTROL = re.compile(r"[\x00-\x1f]")
_JS_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)
_MAX_DEPTH = 12
# Arrays and objects inside one another, counted one level each. Real blocks nest under 15;
# a block nested deeper is skipped whole, so no reader of the items can overrun Python's
# recursion limit (a 2 KB block of 1000 "[" turned the page into an error record).
_MAX_NESTING = 64


@dataclass(slots=True)
class JsonLdArticle:
    """What the best article-like JSON-LD node (plus its page) says; raw strings."""

    type: str | None = None
    headline: str | None = None
    description: str | None = None
    published_raw: str | None = None
    modified_raw: str | None = None
    authors: list[tuple[str, bool]] = field(default_factory=list)  # (name, is_person)
    author_urls: dict[str, str] = field(default_factory=dict)  # name -> the author's page
    publisher: str | None = None
    site_name: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    images: list[tuple[str, str | None]] = field(default_factory=list)  # (url, caption)
    comment_count: int | None = None
    article_body: str | None = None
    language: str | None = None
    url: str | None = None
    breadcrumb: list[str] = field(default_factory=list)


# A \u escape of a surrogate or of a C0 control: JSON spells characters no record can hold.
_ODD_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|00[01])[0-9a-fA-F]", re.ASCII)


def loads_json(text: str) -> Any:
    """``json.loads(text)`` with every string made one a record can hold (:func:`xml_compatible`).

    Why: ``"\\ud800"`` or ``"\\u0001"`` in a page's JSON decodes to a lone surrogate or a
    control character; taken as a headline or an author it made the record impossible to
    write as UTF-8, and the export failed. Raises what ``json.loads`` raises.
    """
    data = json.loads(text)
    return _holdable(data) if _ODD_ESCAPE.search(text) else data


def _holdable(data: Any) -> Any:
    """Clean every string value in parsed JSON, in place where it sits (no recursion)."""
    if isinstance(data, str):
        return xml_compatible(data)
    stack = [data]
    while stack:
        node = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(pairs):
            if isinstance(value, str):
                node[key] = xml_compatible(value)
            elif isinstance(value, (dict, list)):
                stack.append(value)
    return data


def _loads(text: str) -> Any:
    """json.loads, then the same text with the usual breakages repaired."""
    try:
        return loads_json(text)
    except ValueError:
        pass
    cleaned = _CDATA.sub("", _HTML_COMMENT.sub("", text))
    cleaned = _JS_LINE_COMMENT.sub("", cleaned)
    cleaned = _CONTROL.sub(" ", cleaned).strip().rstrip(";")
    cleaned = _TRAILING_COMMA.sub(r"\1", cleaned)
    try:
        return loads_json(cleaned)
    except ValueError:
        return _loads_concatenated(cleaned)


def _loads_concatenated(text: str) -> Any:
    """Several objects back to back ("{...}{...}"), a habit of some CMS templates."""
    decoder = json.JSONDecoder()
    items: list[Any] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            break
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except ValueError:
            break
        items.append(obj)
    return (_holdable(items) if _ODD_ESCAPE.search(text) else items) or None


def extract_items(tree: HtmlElement, errors: list[str] | None = None) -> list[Any]:
    """Every JSON-LD block of the page, parsed; a block that cannot be repaired
    is skipped and, when ``errors`` is given, reported there."""
    items: list[Any] = []
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind:
            continue
        text = script.text or ""
        if not text.strip():
            continue
        try:
            parsed = _loads(text)
        except RecursionError:  # json's decoder takes a call per level: nested far past the cap
            parsed, too_deep = None, True
        else:
            too_deep = parsed is not None and _nested_deeper(parsed, _MAX_NESTING)
        if parsed is not None and not too_deep:
            items.append(parsed)
        elif errors is not None:
            what = f"block nested past {_MAX_NESTING} levels" if too_deep else "unparseable block"
            errors.append(f"json-ld: {what} skipped ({len(text)} chars)")
    return items


def page_items(tree: HtmlElement, index: PageIndex | None, errors: list[str] | None = None) -> list[Any]:
    """``extract_items(tree, errors)``, parsed once per page when ``index`` (the tree's
    PageIndex) is given: the metadata and the page type both read the blocks. The items
    are shared between the readers, which only read them (nothing changes parsed JSON-LD
    after ``_loads``); the errors are reported to every caller that asks."""
    if index is None or index.root is not tree:
        return extract_items(tree, errors)

    def parse() -> tuple[list[Any], list[str]]:
        problems: list[str] = []
        return extract_items(tree, problems), problems

    items, problems = index.shared("json-ld", parse)
    if errors is not None:
        errors.extend(problems)
    return items


def _nested_deeper(data: Any, limit: int) -> bool:
    """Do arrays and objects nest more than ``limit`` levels in data? (No recursion.)"""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if level > limit:
            return True
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return False


def iter_nodes(data: Any, depth: int = 0) -> Iterator[tuple[dict[str, Any], int]]:
    """Every dict reachable through lists, @graph and property values, with its depth.

    Depth lets callers prefer the page's own article over one nested in a
    list of related items. Walked with an explicit stack, in document order, and
    no deeper than _MAX_NESTING levels of arrays and objects: data of any shape
    cannot overrun the recursion limit.
    """
    stack: list[tuple[Any, int, int]] = [(data, depth, 0)]
    while stack:
        value, at, levels = stack.pop()
        if at > _MAX_DEPTH or levels > _MAX_NESTING:
            continue
        if isinstance(value, list):
            stack.extend((item, at, levels + 1) for item in reversed(value))
        elif isinstance(value, dict):
            yield value, at
            inner = [
                (child, at if key in ("@graph", "mainEntity", "mainEntityOfPage") else at + 1, levels + 1)
                for key, child in value.items()
                if isinstance(child, (dict, list))
            ]
            stack.extend(reversed(inner))


def node_types(node: dict[str, Any]) -> set[str]:
    """Lowercased local type names ('http://schema.org/NewsArticle' -> 'newsarticle')."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if v}


def _text(value: Any) -> str | None:
    """A scalar or {"@value"/"name"/"text"} as clean text."""
    if isinstance(value, list):
        for item in value:
            text = _text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("text")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    text = collapse_ws(value)
    return text or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _authors(value: Any) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for item in _as_list(value):
        if isinstance(item, str):
            text = collapse_ws(item)
            if text:
                out.append((text, True))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                given, family = _text(item.get("givenName")), _text(item.get("familyName"))
                name = " ".join(p for p in (given, family) if p) or None
            if name:
                out.append((name, not (node_types(item) & ORG_TYPES)))
    return out


def _author_urls(value: Any) -> dict[str, str]:
    """Name -> url of the author objects that state one (their profile or home page)."""
    out: dict[str, str] = {}
    for item in _as_list(value):
        if isinstance(item, dict):
            name, url = _text(item.get("name")), item.get("url")
            if isinstance(url, list):
                url = next((u for u in url if isinstance(u, str)), None)
            if name and isinstance(url, str) and url.strip().startswith(("http://", "https://", "/")):
                out[collapse_ws(name)] = url.strip()
    return out


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in _as_list(value):
        text = _text(item)
        if text:
            words.extend(w.strip() for w in re.split(r"[,;]", text) if w.strip())
    return words


def _images(value: Any) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            out.append((item.strip(), None))
        elif isinstance(item, dict):
            src = item.get("url") or item.get("contentUrl") or item.get("@id")
            if isinstance(src, list):
                src = src[0] if src else None
            if isinstance(src, str) and src.strip():
                out.append((src.strip(), _text(item.get("caption"))))
    return out


def _comment_count(node: dict[str, Any]) -> int | None:
    direct = _int(node.get("commentCount"))
    if direct is not None:
        return direct
    for stat in _as_list(node.get("interactionStatistic")):
        if not isinstance(stat, dict):
            continue
        kind = stat.get("interactionType")
        kind_text = json.dumps(kind) if not isinstance(kind, str) else kind
        if "commentaction" in kind_text.lower():
            return _int(stat.get("userInteractionCount"))
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _node_url(node: dict[str, Any]) -> str | None:
    for key in ("url", "mainEntityOfPage", "@id"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


def _score(node: dict[str, Any], depth: int, url: str | None) -> float:
    """Prefer the page's own article: shallow, dated, titled, same URL."""
    score = -2.0 * depth
    if node.get("headline"):
        score += 2
    if node.get("datePublished"):
        score += 2
    if node.get("author"):
        score += 1
    if node.get("articleBody"):
        score += 1
    if url and _node_url(node) and _same_page(_node_url(node) or "", url):
        score += 3
    return score


def _same_page(a: str, b: str) -> bool:
    def key(u: str) -> str:
        return re.sub(r"^https?://(www\.)?|[?#].*$|/$", "", u.strip().lower())

    return key(a) == key(b)


def _best(
    nodes: list[tuple[dict[str, Any], int]], types: frozenset[str], url: str | None
) -> dict[str, Any] | None:
    candidates = [(n, d) for n, d in nodes if node_types(n) & types]
    if not candidates:
        return None
    return max(candidates, key=lambda nd: _score(nd[0], nd[1], url))[0]


def _breadcrumb(nodes: list[tuple[dict[str, Any], int]]) -> list[str]:
    for node, _depth in nodes:
        if "breadcrumblist" not in node_types(node):
            continue
        items = [i for i in _as_list(node.get("itemListElement")) if isinstance(i, dict)]
        items.sort(key=lambda i: _int(i.get("position")) or 0)
        names = [_text(i.get("name")) or _text(i.get("item")) for i in items]
        return [n for n in names if n and not n.startswith("http")]
    return []


def _fill_from(out: JsonLdArticle, node: dict[str, Any]) -> None:
    """Copy the fields of one node into ``out`` where ``out`` has none yet."""
    out.headline = out.headline or _text(node.get("headline")) or _text(node.get("name"))
    out.description = out.description or _text(node.get("description"))
    out.published_raw = (
        out.published_raw or _text(node.get("datePublished")) or _text(node.get("dateCreated"))
    )
    out.modified_raw = out.modified_raw or _text(node.get("dateModified"))
    if not out.authors:
        stated = node.get("author") if _authors(node.get("author")) else node.get("creator")
        out.authors = _authors(stated)
        out.author_urls = _author_urls(stated)
    publisher = node.get("publisher")
    out.publisher = out.publisher or (
        _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher)
    )
    out.section = out.section or _text(node.get("articleSection"))
    out.keywords = out.keywords or _keywords(node.get("keywords"))
    out.images = out.images or _images(node.get("image")) or _images(node.get("thumbnailUrl"))
    if out.comment_count is None:
        out.comment_count = _comment_count(node)
    out.article_body = out.article_body or _text(node.get("articleBody"))
    out.language = out.language or _text(node.get("inLanguage"))
    out.url = out.url or _node_url(node)


_REVIEW_TYPES = frozenset({"review"})
# Properties whose value may be a reference ({"@id": ...}) to a node elsewhere in the graph
# (Yoast and Rank Math state the author and the publisher once, as Person and Organization nodes).
_REFERENCED = ("author", "creator", "publisher")


def _with_references(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``node`` with its author, creator and publisher references replaced by the nodes they
    name (a shallow copy; the node itself when it has none)."""

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(item) for item in value]
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
            return by_id.get(value["@id"], value)
        return value

    if not any(key in node for key in _REFERENCED):
        return node
    return {key: resolve(value) if key in _REFERENCED else value for key, value in node.items()}


def _nodes_by_id(nodes: list[tuple[dict[str, Any], int]]) -> dict[str, dict[str, Any]]:
    """Nodes that name themselves (an @id and a name), by their @id; the first one wins."""
    out: dict[str, dict[str, Any]] = {}
    for node, _depth in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and node_id and (node.get("name") or node.get("givenName")):
            out.setdefault(node_id, node)
    return out


def read_article(items: list[Any], url: str | None = None) -> JsonLdArticle:
    """The article's fields from parsed JSON-LD blocks; empty when none describes one."""
    nodes = list(iter_nodes(items))
    out = JsonLdArticle()
    # A Review nested in another node (a business's or a product's "review") is a customer's,
    # not the page's article: its author is no author of the page.
    own = [(n, d) for n, d in nodes if d == 0 or not node_types(n) & ARTICLE_TYPES <= _REVIEW_TYPES]
    article = _best(own, ARTICLE_TYPES, url)
    page = _best(nodes, PAGE_TYPES, url)
    by_id = _nodes_by_id(nodes)
    if article is not None:
        out.type = min(node_types(article) & ARTICLE_TYPES)
        _fill_from(out, _with_references(article, by_id))
    if page is not None and page is not article:
        if article is None:
            out.type = "webpage"
        _fill_from(out, _with_references(page, by_id))
    site = _best(nodes, frozenset({"website"}), None)
    if site is not None:
        out.site_name = _text(site.get("name"))
    if out.publisher is None:
        org = _best(nodes, ORG_TYPES - {"website"}, None)
        out.publisher = _text(org.get("name")) if org is not None else None
    out.breadcrumb = _breadcrumb(nodes)
    return out
