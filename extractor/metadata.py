"""Page metadata: headline, standfirst, authors, dates, language, site, section, tags...

Each field is read from every syntax that can state it (see ``extractor.meta``)
and the first good value wins in one fixed precedence, strongest first:

    JSON-LD > OpenGraph / article:* > itemprop microdata > other <meta>
    (Dublin Core, Parse.ly, Sailthru, citation_*, name=date...) > <time> and
    dated elements near the headline > visible byline / dateline text

"Good" means it survives junk rejection: site names, "Staff" or "By" are not
authors; dates in comments or related lists are never looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from .dates import normalise_language, parse_date
from .meta.authors import clean_authors, name_key
from .meta.byline import find_byline_names, find_visible_dates
from .meta.headline import choose_headline, find_standfirst
from .meta.jsonld import JsonLdArticle, extract_items, read_article
from .meta.metatags import (
    AUTHOR_KEYS,
    DESCRIPTION_KEYS,
    IMAGE_KEYS,
    MODIFIED_KEYS,
    OG_PUBLISHED_KEYS,
    OTHER_PUBLISHED_KEYS,
    SECTION_KEYS,
    SITE_NAME_KEYS,
    TAG_KEYS,
    MetaTags,
    link_href,
    read_meta,
)
from .meta.microdata import Microdata, read_microdata
from .meta.regions import headline_nodes, main_h1
from .model import Image
from .tree import HtmlElement, collapse_ws

__all__ = ["Metadata", "extract_metadata"]

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


@dataclass(slots=True)
class Metadata:
    headline: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_raw: str | None = None
    modified: datetime | None = None
    modified_raw: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    canonical_url: str | None = None
    images: list[Image] = field(default_factory=list)
    comment_count: int | None = None
    article_body: str | None = None  # JSON-LD articleBody, a cross-check for the body
    warnings: list[str] = field(default_factory=list)
    # Where the published date came from ("json-ld", "meta", "microdata", "visible", "url").
    published_source: str | None = None
    # Where the authors came from ("json-ld", "meta", "microdata", "byline").
    authors_source: str | None = None


@dataclass(slots=True)
class _Sources:
    """Everything read from the page once, shared by the field choosers."""

    tree: HtmlElement
    url: str | None
    meta: MetaTags
    ld: JsonLdArticle
    micro: Microdata
    h1: HtmlElement | None
    language: str | None
    site_keys: list[str]
    fetched_at: datetime | None


def _language(tree: HtmlElement, meta: MetaTags, ld: JsonLdArticle) -> str | None:
    candidates = (
        tree.get("lang"),
        tree.get("xml:lang"),
        meta.first("content-language", "dc.language", "language", "og:locale"),
        ld.language,
    )
    for value in candidates:
        lang = normalise_language(value)
        if lang:
            return lang
    return None


def _site_name(meta: MetaTags, ld: JsonLdArticle) -> str | None:
    value = meta.first("og:site_name") or ld.site_name or ld.publisher or meta.first("application-name")
    return collapse_ws(value) or None


def _host_key(url: str | None) -> str | None:
    """'https://www.example-news.co.uk/x' -> 'examplenews' (the registrable label)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    labels = [lbl for lbl in host.split(".") if lbl not in ("www", "m", "amp", "mobile", "edition")]
    while len(labels) > 1 and (len(labels[-1]) <= 3 and labels[-1] in ("com", "org", "net", "co", "uk", "jp", "de",
                                                                         "fr", "au", "ne", "or", "go", "ac")):
        labels.pop()
    return name_key(labels[-1]) if labels else None


def _site_keys(meta: MetaTags, ld: JsonLdArticle, url: str | None) -> list[str]:
    names = [*(meta.all(k) for k in SITE_NAME_KEYS)]
    flat = [v.lstrip("@") for values in names for v in values]
    flat += [ld.site_name or "", ld.publisher or ""]
    keys = [name_key(v) for v in flat if v]
    host = _host_key(url)
    if host:
        keys.append(host)
    return list(dict.fromkeys(k for k in keys if k))


def _headline(src: _Sources) -> str | None:
    h1s = [collapse_ws(h.text_content()) for h in headline_nodes(src.tree)]
    if src.h1 is not None:
        first = collapse_ws(src.h1.text_content())
        h1s = [first, *[h for h in h1s if h != first]]
    title_tag = src.tree.findtext(".//title")
    structured = [
        src.ld.headline,
        src.micro.headline,
        *(src.meta.all("og:title")),
        *(src.meta.all("twitter:title")),
        src.meta.first("parsely-title", "sailthru.title", "dc.title", "citation_title", "title"),
        title_tag,
    ]
    return choose_headline([h for h in h1s if h and len(h) <= 300], structured, src.site_keys)


def _meta_author_strings(meta: MetaTags) -> list[str]:
    """Values of the first author key that has any; article:author is often a URL."""
    for key in AUTHOR_KEYS:
        values = [v for v in meta.all(key) if v and not v.startswith(("http://", "https://", "/"))]
        if values:
            return values
    return []


def _authors(src: _Sources) -> tuple[list[str], str | None]:
    persons = [name for name, is_person in src.ld.authors if is_person]
    orgs = [name for name, is_person in src.ld.authors if not is_person]
    ordered: list[tuple[str, list[str]]] = [
        ("json-ld", persons),
        ("meta", _meta_author_strings(src.meta)),
        ("microdata", src.micro.authors),
        ("byline", find_byline_names(src.tree, src.h1)),
        ("json-ld", orgs),
    ]
    for source, raw in ordered:
        names = clean_authors(raw, src.site_keys)
        if names:
            return names, source
    return [], None


def _parse(raw: str | None, src: _Sources) -> datetime | None:
    return parse_date(raw, language=src.language, fetched_at=src.fetched_at) if raw else None


def _url_date(url: str | None) -> tuple[datetime, str] | None:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if match is None:
        return None
    raw = "-".join((match.group(1), match.group(2).zfill(2), match.group(3).zfill(2)))
    value = parse_date(raw)
    return (value, raw) if value is not None else None


def _published(src: _Sources) -> tuple[datetime | None, str | None, str | None]:
    og = src.meta.first_with_key(OG_PUBLISHED_KEYS)
    other = src.meta.first_with_key(OTHER_PUBLISHED_KEYS)
    ordered = [
        ("json-ld", src.ld.published_raw),
        ("meta", og[1] if og else None),
        ("microdata", src.micro.published_raw),
        ("meta", other[1] if other else None),
    ]
    for source, raw in ordered:
        value = _parse(raw, src)
        if value is not None:
            return value, raw, source
    for visible in find_visible_dates(src.tree, src.h1, language=src.language, fetched_at=src.fetched_at):
        if not visible.modified:
            return visible.value, visible.raw, "visible"
    from_url = _url_date(src.url)
    if from_url is not None:
        return from_url[0], from_url[1], "url"
    return None, None, None


def _modified(src: _Sources) -> tuple[datetime | None, str | None]:
    meta = src.meta.first_with_key(MODIFIED_KEYS)
    for raw in (src.ld.modified_raw, meta[1] if meta else None, src.micro.modified_raw):
        value = _parse(raw, src)
        if value is not None:
            return value, raw
    return None, None


def _canonical(src: _Sources) -> str | None:
    href = link_href(src.tree, "canonical") or src.meta.first("og:url") or src.ld.url
    if not href:
        return None
    return urljoin(src.url, href) if src.url else href


def _images(src: _Sources) -> list[Image]:
    alt = src.meta.first("og:image:alt", "twitter:image:alt")
    found: list[tuple[str, str | None, str | None]] = [(u, None, c) for u, c in src.ld.images]
    for key in IMAGE_KEYS:
        found.extend((v, alt, None) for v in src.meta.all(key))
    out: list[Image] = []
    seen: set[str] = set()
    for raw, image_alt, caption in found:
        src_url = urljoin(src.url, raw) if src.url else raw
        if not src_url or src_url in seen or src_url.startswith("data:"):
            continue
        seen.add(src_url)
        out.append(Image(src=src_url, alt=image_alt, caption=caption))
    return out


def _section(src: _Sources, headline: str | None) -> str | None:
    value = src.meta.first(SECTION_KEYS[0]) or src.ld.section or src.micro.section or src.meta.first(*SECTION_KEYS[1:])
    if value:
        return value
    crumbs = [c for c in src.ld.breadcrumb if not headline or name_key(c) != name_key(headline)]
    return crumbs[-1] if len(crumbs) > 1 else None


def _split_tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for value in values:
        tags.extend(t.strip() for t in re.split(r"[,;]", value) if t.strip())
    return tags


def _tags(src: _Sources) -> list[str]:
    options = [src.meta.all("article:tag"), src.ld.keywords, src.micro.keywords]
    options += [_split_tags(src.meta.all(k)) for k in TAG_KEYS[1:]]
    for tags in options:
        if tags:
            return list({t.casefold(): t for t in reversed(tags)}.values())[::-1]
    return []


def extract_metadata(tree: HtmlElement, url: str | None = None, *, fetched_at: datetime | None = None) -> Metadata:
    """Read every metadata syntax of the page once and choose each field by precedence."""
    meta = read_meta(tree)
    ld = read_article(extract_items(tree), url)
    src = _Sources(
        tree=tree,
        url=url,
        meta=meta,
        ld=ld,
        micro=read_microdata(tree),
        h1=main_h1(tree),
        language=_language(tree, meta, ld),
        site_keys=_site_keys(meta, ld, url),
        fetched_at=fetched_at,
    )
    headline = _headline(src)
    authors, authors_source = _authors(src)
    published, published_raw, published_source = _published(src)
    modified, modified_raw = _modified(src)
    comment_count = ld.comment_count if ld.comment_count is not None else src.micro.comment_count
    return Metadata(
        headline=headline,
        standfirst=find_standfirst(src.h1, headline),
        authors=authors,
        published=published,
        published_raw=published_raw,
        modified=modified,
        modified_raw=modified_raw,
        language=src.language,
        site_name=_site_name(meta, ld),
        section=_section(src, headline),
        tags=_tags(src),
        description=meta.first(*DESCRIPTION_KEYS) or ld.description or src.micro.description,
        canonical_url=_canonical(src),
        images=_images(src),
        comment_count=comment_count,
        article_body=ld.article_body,
        published_source=published_source,
        authors_source=authors_source,
    )
