"""<meta> and <link> tags -> a lookup of their values, plus the named groups we read.

OpenGraph, article:*, Twitter cards, Dublin Core, Parse.ly, Sailthru, citation_*
and the plain name="author"/"date" tags all share one shape (a key and a
content), so they are read in one pass into ``{key: [values]}`` and each
field lists the keys it trusts, strongest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..core.tree import HtmlElement, collapse_ws
from .jsonld import loads_json

__all__ = [
    "AUTHOR_KEYS",
    "DESCRIPTION_KEYS",
    "IMAGE_KEYS",
    "MODIFIED_KEYS",
    "OG_PUBLISHED_KEYS",
    "OTHER_PUBLISHED_KEYS",
    "PUBLISHER_KEYS",
    "SECTION_KEYS",
    "SITE_NAME_KEYS",
    "TAG_KEYS",
    "TITLE_KEYS",
    "MetaTags",
    "read_meta",
]

OG_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "og:pubdate",
)
OTHER_PUBLISHED_KEYS = (
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "date_published",
    "datepublished",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "displaydate",
    "date",
    "created",
    "timestamp",
)
# Any other key that says "published date" at its end ("published", "w-published-date",
# "post_publish_time"): site-prefixed variants of the keys above, read after them.
PUBLISHED_KEY_PATTERN = re.compile(
    r"(?:^|[-_.:])(?:published|publish|publication)(?:[-_.]?(?:date|time|on))?$"
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "updated_time",
    "bt:moddate",
)
AUTHOR_KEYS = (
    "article:author",
    "og:article:author",
    "author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
    "cxenseparse:author",
)  # twitter:creator is a handle, not a name
# The publishing organisation (Dublin Core, Highwire citation_*, plain name="publisher");
# article:publisher is read too but is mostly a URL, which the reader skips.
PUBLISHER_KEYS = (
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
    "publisher",
    "og:publisher",
    "article:publisher",
)
TITLE_KEYS = (
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "citation_title",
    "title",
)
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
SITE_NAME_KEYS = (
    "og:site_name",
    "application-name",
    "al:android:app_name",
    "al:ios:app_name",
    "twitter:site",
)
SECTION_KEYS = ("article:section", "parsely-section", "section", "category", "dc.subject")
TAG_KEYS = ("article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords")
IMAGE_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")


class MetaTags:
    """Lowercased meta keys to their values in page order (a key may repeat)."""

    __slots__ = ("_values",)

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        values: dict[str, list[str]] = {}
        for key, value in pairs:
            values.setdefault(key, []).append(value)
        self._values = values

    def all(self, key: str) -> list[str]:
        return list(self._values.get(key, ()))

    def first(self, *keys: str) -> str | None:
        """The first non-empty value among ``keys``, in the order given."""
        for key in keys:
            for value in self._values.get(key, ()):
                if value:
                    return value
        return None

    def matching(self, pattern: re.Pattern[str]) -> list[str]:
        """Values of every key ``pattern`` matches (searched), in the order keys first appear."""
        return [
            value for key, values in self._values.items() if pattern.search(key) for value in values if value
        ]

    def first_with_key(self, keys: Iterable[str]) -> tuple[str, str] | None:
        for key in keys:
            for value in self._values.get(key, ()):
                if value:
                    return key, value
        return None


def _meta_pairs(tree: HtmlElement) -> Iterable[tuple[str, str]]:
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None:
            content = meta.get("value")
        if content is None:
            continue
        content = collapse_ws(content)
        for attr in ("property", "name", "http-equiv", "itemprop"):
            key = meta.get(attr)
            if attr == "itemprop" and key and _in_item_scope(meta):
                continue  # microdata of some item (a comment, a person): read by the microdata reader
            if key:
                for part in key.split():  # RDFa allows several properties in one attribute
                    yield part.strip().lower(), content
    yield from _parsely_page(tree)


def _parsely_page(tree: HtmlElement) -> Iterable[tuple[str, str]]:
    """<meta name="parsely-page" content='{"title":..,"pub_date":..,"author":..}'>."""
    for meta in tree.iter("meta"):
        if (meta.get("name") or "").lower() != "parsely-page":
            continue
        try:
            data = loads_json(meta.get("content") or "")
        except (ValueError, RecursionError):  # RecursionError: nested past json's call depth
            continue
        if not isinstance(data, dict):
            continue
        for src, dst in (
            ("title", "parsely-title"),
            ("pub_date", "parsely-pub-date"),
            ("section", "parsely-section"),
        ):
            if isinstance(data.get(src), str):
                yield dst, collapse_ws(data[src])
        authors = data.get("authors") or data.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str):
                yield "parsely-author", collapse_ws(author)


def _in_item_scope(node: HtmlElement) -> bool:
    return any(anc.get("itemscope") is not None for anc in node.iterancestors())


def read_meta(tree: HtmlElement) -> MetaTags:
    """One pass over <meta>: the lookup every field reads from."""
    return MetaTags(_meta_pairs(tree))


def link_href(tree: HtmlElement, rel: str) -> str | None:
    """href of the first <link rel=...> with that rel token."""
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        if rel in rels and link.get("href"):
            return link.get("href", "").strip() or None
    return None
