"""Fuzzing extract_article: any bytes give an Article (never an exception) that keeps its invariants.

extract_article documents no exception (README, "Library": a pure function from a page to a
record), so every exception here is a bug: a lost record in a batch job. Inputs are the
hand-written seed pages mutated byte by byte, and structured input built to reach the
extractors' corners: tag soup with the class names they look for, deep nesting, hostile
attributes, JSON-LD of the wrong shape, meta tags with malformed URLs and dates.
Budgets and the long-run switch: tests/_fuzz.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from _fuzz import budget, malformed_urls, mutated, odd_dates, seed_files
from hypothesis import given
from hypothesis import strategies as st

from extractor import Article, extract_article
from extractor.export.base import dumps_record

HTML_SEEDS = seed_files("html")

# extract_article documents no exception: none is allowed.
DOCUMENTED_ERRORS: tuple[type[BaseException], ...] = ()

FETCHED_AT = datetime(2024, 3, 15, 12, 0, tzinfo=timezone.utc)


def _strings(value: Any) -> list[str]:
    """Every string in a record's dict form."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def check_article(article: Any) -> None:
    """What every record must satisfy, whatever the page: the cheap invariants."""
    assert isinstance(article, Article)
    assert isinstance(article.body, str)
    record = article.to_dict()
    for name in ("url", "canonical_url"):  # may echo the caller's url argument
        record.pop(name)
    assert not any("\x00" in s for s in _strings(record))  # no NUL in any text taken from the page
    for value in (article.published, article.modified, article.fetched_at):
        assert value is None or value.tzinfo is not None, value
    by_id = {c.id: c for c in article.comments if c.id is not None}
    assert len(by_id) == len(article.comments)  # every comment has an id, none shared
    for comment in article.comments:
        assert comment.published is None or comment.published.tzinfo is not None
        # threading is a forest: parents exist, chains end, depth counts the ancestors
        chain: list[str] = []
        node = comment
        while node.parent_id is not None:
            assert node.parent_id in by_id, (node.parent_id, list(by_id))
            assert node.parent_id not in chain, (comment.id, chain)
            assert node.parent_id != comment.id, (comment.id, chain)
            chain.append(node.parent_id)
            node = by_id[node.parent_id]
        assert comment.depth == len(chain), (comment.depth, chain)
    for quote in article.quotes:
        if quote.block_index is not None:
            assert 0 <= quote.block_index < len(article.blocks)
            if quote.span is not None:
                # relative to its block's text; a quote over several blocks runs on past its end
                rest = "\n".join(block.text for block in article.blocks[quote.block_index :])
                start, end = quote.span
                assert 0 <= start <= len(article.blocks[quote.block_index].text)
                assert start <= end <= len(rest)
    # The record is exportable: JSON text that encodes as UTF-8 and reads back the same.
    text = dumps_record(article)
    text.encode("utf-8")
    assert Article.from_dict(json.loads(text)).to_dict() == article.to_dict()


def run(
    page: bytes | str, url: str | None = None, headers: dict[str, str] | None = None, comments: bool = True
) -> None:
    try:
        article = extract_article(page, url, headers=headers, fetched_at=FETCHED_AT, comments=comments)
    except DOCUMENTED_ERRORS:
        return
    check_article(article)


# ---------------------------------------------------------------- mutated seeds


@budget(120)
@given(mutated(HTML_SEEDS))
def test_mutated_seed_pages(page: bytes) -> None:
    run(page, "https://news.example/2024/03/15/story")


def _fetchable_text(text: str) -> bool:
    return not any(ch < " " or "\ud800" <= ch <= "\udfff" for ch in text)


# The url argument comes from the caller: a job never passes one with control characters
# (check_url makes those InvalidURL records) and a str cannot hold a lone surrogate that
# UTF-8 can write; the record echoes the url, and links resolve against it. Page content
# gets every string above.
_caller_urls = malformed_urls().filter(_fetchable_text)


@budget(40)
@given(
    mutated(HTML_SEEDS),
    st.one_of(st.none(), _caller_urls),
    st.sampled_from(
        (
            None,
            "text/html",
            "text/html; charset=utf-16",
            'text/html; charset="shift_jis"',
            "charset=",
            "text/html; charset=utf-7",
        )
    ),
    st.booleans(),
)
def test_mutated_seed_pages_odd_url_and_header(
    page: bytes, url: str | None, ctype: str | None, comments: bool
) -> None:
    run(page, url, {"Content-Type": ctype} if ctype is not None else None, comments)


# ---------------------------------------------------------------- tag soup

# fmt: off
_CLASS_WORDS = (
    "article", "article-body", "content", "post", "entry", "story", "main", "comment", "comments", "reply",
    "children", "thread", "byline", "author", "date", "time", "meta", "nav", "menu", "share", "social",
    "related", "footer", "header", "sidebar", "ad", "promo", "newsletter", "cookie", "paywall", "premium",
    "live", "block", "teaser", "card", "hidden", "sr-only", "likes", "vote", "username", "avatar", "quote",
)
_TAGS = (
    "div", "p", "span", "a", "article", "section", "main", "aside", "nav", "header", "footer", "ul", "ol",
    "li", "h1", "h2", "h3", "h6", "blockquote", "q", "figure", "figcaption", "img", "time", "table", "tr",
    "td", "th", "pre", "code", "br", "hr", "b", "i", "em", "strong", "cite", "dl", "dt", "dd", "form",
    "textarea", "button", "script", "style", "noscript", "template", "iframe", "svg", "math", "select",
    "option", "picture", "source", "meta", "link", "title", "body", "html", "head", "font", "center",
    "marquee", "x-custom", "o:p",
)
_WORDS = (
    "The", "council", "said", "on", "Tuesday", "that", "\u201cwe will\u201d", '"never"', "«jamais»",
    "„nie“", "told", "reporters", "By", "Jane Doe", "Posted", "3 hours ago", "Reply", "Share", "12 likes",
    "Comments (5)", "=cmd|' /C calc'!A0", "@here", "+", "-", "\u200b", "\u2028", "\ufeff", "\x0b", "\r",
    "\t", "😀", "ẞ", "İ", "Ω", "ﷺ", "\u0301", "שלום", "مرحبا", "日本語", "중국", "2024-03-12", "12.03.2024",
    "yesterday", "\\", "&amp;",
)
_ATTR_NAMES = (
    "class", "id", "style", "hidden", "datetime", "href", "src", "data-src", "srcset", "content", "name",
    "property", "itemprop", "itemscope", "itemtype", "rel", "lang", "dir", "title", "alt", "aria-hidden",
    "aria-label", "role", "data-id", "data-comment-id", "data-parent-id", "data-parent", "data-count",
    "data-timestamp", "value", "type", "charset", "http-equiv", "colspan", "width", "onclick", "xmlns",
    "xml:lang",
)
# fmt: on


def _attr_value(name: str) -> st.SearchStrategy[str]:
    if name in ("href", "src", "data-src", "srcset", "itemtype", "content", "xmlns"):
        return malformed_urls()
    if name in ("datetime", "data-timestamp", "title"):
        return odd_dates()
    if name in ("class", "id", "role", "itemprop"):
        return st.lists(st.sampled_from(_CLASS_WORDS), max_size=4).map(" ".join)
    if name == "style":
        return st.sampled_from(("display:none", "display: none !important", "visibility:hidden", "", "x"))
    if name in (
        "data-id",
        "data-comment-id",
        "data-parent-id",
        "data-parent",
        "data-count",
        "colspan",
        "width",
    ):
        return st.one_of(
            st.integers(-5, 10).map(str), st.sampled_from(("", "1e999", "0x10", "99999999999999999999"))
        )
    return st.text(max_size=12)


_attributes = st.lists(
    st.sampled_from(_ATTR_NAMES).flatmap(lambda n: st.tuples(st.just(n), _attr_value(n))), max_size=4
)
_text = st.one_of(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25).map(" ".join),
    st.text(max_size=30),
)


def _quote_attr(value: str) -> str:
    return '"' + value.replace('"', "&quot;") + '"'


def _element(children: st.SearchStrategy[list[str]]) -> st.SearchStrategy[str]:
    def build(tag: str, attrs: list[tuple[str, str]], kids: list[str], close: bool) -> str:
        attr_text = "".join(f" {name}={_quote_attr(value)}" for name, value in attrs)
        return f"<{tag}{attr_text}>{''.join(kids)}" + (f"</{tag}>" if close else "")

    return st.builds(build, st.sampled_from(_TAGS), _attributes, children, st.booleans())


tag_soup = st.recursive(
    _text | st.sampled_from(("</body>", "</html>", "</div>", "</p>", "<p>", "<!--", "-->", "</script>")),
    lambda inner: _element(st.lists(inner, max_size=5)),
    max_leaves=60,
).map(lambda body: f"<!DOCTYPE html><html><head><title>Soup</title></head><body>{body}</body></html>")


@budget(100)
@given(st.lists(tag_soup, min_size=1, max_size=3).map("".join), st.booleans())
def test_tag_soup(page: str, as_bytes: bool) -> None:
    run(page.encode("utf-8", "surrogatepass") if as_bytes else page, "https://news.example/a/b")


@st.composite
def deep_pages(draw: st.DrawFn) -> str:
    """Elements nested far past libxml2's 256 levels, closed or not, with text at every depth."""
    tag = draw(st.sampled_from(("div", "span", "li", "blockquote", "section", "ul", "table", "b", "a", "p")))
    depth = draw(st.integers(200, 3000))
    words = draw(_text)
    opened = f'<{tag} class="comment">{words}' if draw(st.booleans()) else f"<{tag}>"
    closing = f"</{tag}>" * draw(st.integers(0, depth))
    return f"<html><body><h1>Deep</h1><p>{words}</p>{opened * depth}<p>deepest {words}</p>{closing}<p>after</p></body></html>"


@budget(15)
@given(deep_pages())
def test_deep_nesting(page: str) -> None:
    run(page.encode("utf-8", "surrogatepass"))


# ---------------------------------------------------------------- comment threads

_comment_ids = st.sampled_from(("c1", "c2", "c3", "comment-c1", "1", "2", "p2", "", "c1 ", "#c2"))


@st.composite
def comment_threads(draw: st.DrawFn) -> str:
    """A comment section of the common shapes: nested lists of replies, flat lists with
    explicit reply markers (any direction: newest-first pages put a reply before its
    parent), "in reply to" links, depth classes; ids repeated, missing or pointing nowhere."""

    def item(n: int, inner: str) -> str:
        cid = draw(_comment_ids)
        attrs = f' id="{cid}" data-comment-id="{cid}"' if draw(st.booleans()) else ""
        if draw(st.booleans()):
            attrs += f' data-parent-id="{draw(_comment_ids)}"'
        depth_class = f" depth-{draw(st.integers(0, 4))}" if draw(st.booleans()) else ""
        reply = f'<a href="#{draw(_comment_ids)}">in reply to Ann</a> ' if draw(st.booleans()) else ""
        likes = draw(
            st.sampled_from(
                (
                    "",
                    '<span class="likes">12</span>',
                    '<span class="likes">-3</span>',
                    '<span class="likes">99999999999999999999</span>',
                    '<span class="likes">1e999</span>',
                )
            )
        )
        author = draw(st.sampled_from(("Ann", "Bo Chen", "=cmd", "", '<a href="http://[x/u/ann">ann</a>')))
        return (
            f'<li class="comment{depth_class}"{attrs}><div class="comment-author">{author}</div>'
            f'<time datetime="{draw(odd_dates())}">{draw(odd_dates())}</time>{reply}'
            f'<div class="comment-body"><p>{draw(_text)} {n}</p></div>{likes}{inner}</li>'
        )

    def thread(level: int) -> str:
        items = []
        for n in range(draw(st.integers(1, 4))):
            inner = (
                f'<ol class="children">{thread(level + 1)}</ol>' if level < 3 and draw(st.booleans()) else ""
            )
            items.append(item(n, inner))
        return "".join(items)

    return (
        f"<html><head><title>Thread</title></head><body><article><h1>Story</h1><p>{draw(_text)}</p></article>"
        f'<section id="comments" class="comments"><h2>Comments ({draw(st.integers(-1, 10**12))})</h2>'
        f'<ol class="comment-list">{thread(0)}</ol></section></body></html>'
    )


@budget(60)
@given(comment_threads())
def test_comment_threads(page: str) -> None:
    run(page.encode("utf-8", "surrogatepass"), "https://news.example/2024/03/15/story")


# ---------------------------------------------------------------- JSON-LD

# fmt: off
_LD_KEYS = (
    "@type", "@id", "@graph", "@context", "headline", "name", "alternativeHeadline", "description",
    "author", "creator", "publisher", "datePublished", "dateModified", "dateCreated", "uploadDate", "url",
    "image", "thumbnailUrl", "articleBody", "text", "articleSection", "keywords", "inLanguage",
    "commentCount", "comment", "interactionStatistic", "userInteractionCount", "mainEntityOfPage",
    "mainEntity", "isPartOf", "itemListElement", "liveBlogUpdate", "coverageStartTime", "sameAs", "logo",
    "isAccessibleForFree", "hasPart", "cssSelector", "parentItem", "upvoteCount", "position", "item",
    "givenName", "familyName",
)
_LD_TYPES = (
    "NewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "Comment",
    "Person", "Organization", "WebPage", "CollectionPage", "ItemList", "ListItem", "ImageObject",
    "InteractionCounter", "ReportageNewsArticle", "QAPage", "Question", "Answer", "VideoObject",
    "BreadcrumbList", "WebPageElement",
)
# fmt: on
_ld_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    _text,
    malformed_urls(),
    odd_dates(),
    st.sampled_from(_LD_TYPES),
    st.sampled_from(
        ("\ud800", "Ann \udcff Lee", "a\x00b", "\x01", "\ufffe", "\x0c", "\U0001f600")
    ),  # JSON escapes these
)
ld_values = st.recursive(
    _ld_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(_LD_KEYS), inner, max_size=6),
        st.builds(
            lambda t, d: {"@type": t, **d},
            st.one_of(st.sampled_from(_LD_TYPES), st.lists(st.sampled_from(_LD_TYPES), max_size=2)),
            st.dictionaries(st.sampled_from(_LD_KEYS), inner, max_size=6),
        ),
    ),
    max_leaves=40,
)


def _ld_text(value: Any, wrap: int, damage: int) -> str:
    text = json.dumps(value, allow_nan=True)
    text = "[" * wrap + text + "]" * wrap
    return text[: len(text) - damage] if damage else text


@budget(100)
@given(
    st.lists(st.tuples(ld_values, st.integers(0, 1500), st.integers(0, 3)), min_size=1, max_size=3),
    st.sampled_from(
        [
            *HTML_SEEDS[:1],
            b"<html><head></head><body><h1>Title</h1><p>Some text of the story.</p></body></html>",
        ]
    ),
)
def test_odd_json_ld(items: list[tuple[Any, int, int]], seed: bytes) -> None:
    scripts = "".join(
        f'<script type="application/ld+json">{_ld_text(value, wrap, damage)}</script>'
        for value, wrap, damage in items
    )
    page = seed.replace(b"</head>", scripts.encode("utf-8", "surrogatepass") + b"</head>", 1)
    run(page, "https://news.example/2024/03/15/story")


# ---------------------------------------------------------------- meta tags

# fmt: off
_META_KEYS = (
    ("property", "og:title"), ("property", "og:url"), ("property", "og:image"),
    ("property", "og:site_name"), ("property", "og:type"), ("property", "og:locale"),
    ("property", "og:description"), ("property", "article:author"), ("property", "article:published_time"),
    ("property", "article:modified_time"), ("property", "article:section"), ("property", "article:tag"),
    ("name", "author"), ("name", "date"), ("name", "description"), ("name", "keywords"),
    ("name", "twitter:creator"), ("name", "twitter:image"), ("name", "parsely-pub-date"),
    ("name", "parsely-author"), ("name", "sailthru.date"), ("name", "dc.date"), ("name", "DC.creator"),
    ("itemprop", "datePublished"), ("name", "article:published_time"), ("http-equiv", "content-language"),
    ("name", "citation_author"), ("name", "byl"), ("name", "pubdate"),
)
# fmt: on


@budget(100)
@given(
    st.lists(
        st.tuples(st.sampled_from(_META_KEYS), st.one_of(malformed_urls(), odd_dates(), _text)),
        min_size=1,
        max_size=8,
    ),
    st.lists(
        st.tuples(st.sampled_from(("canonical", "amphtml", "author", "alternate", "next")), malformed_urls()),
        max_size=3,
    ),
    st.one_of(st.none(), _caller_urls),
)
def test_odd_meta_tags(
    metas: list[tuple[tuple[str, str], str]], links: list[tuple[str, str]], url: str | None
) -> None:
    head = "".join(
        f"<meta {attr}={_quote_attr(key)} content={_quote_attr(value)}>" for (attr, key), value in metas
    )
    head += "".join(f"<link rel={_quote_attr(rel)} href={_quote_attr(href)}>" for rel, href in links)
    page = (
        f"<html><head><title>Meta test</title>{head}</head><body><article><h1>Meta test</h1>"
        f'<p class="byline">By Ann Lee</p><p>{"Enough words to make this read as a paragraph of text. " * 5}</p>'
        "</article></body></html>"
    )
    run(page.encode("utf-8", "surrogatepass"), url)


@budget(10)
@given(st.integers(-3, 3), st.sampled_from(HTML_SEEDS))
def test_fetched_at_any_offset(hours: int, page: bytes) -> None:
    """Relative dates resolve against fetched_at in any zone, naive or not."""
    when = (
        datetime(2024, 3, 15, 12, 0, tzinfo=timezone(timedelta(hours=hours)))
        if hours
        else datetime(2024, 3, 15)
    )
    check_article(extract_article(page, "https://news.example/a", fetched_at=when))
