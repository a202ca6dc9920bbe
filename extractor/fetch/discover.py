"""Finding article URLs: XML sitemaps (plain, gzip, indexes), RSS / Atom / RDF feeds.

Parsing is pure (bytes in, entries out); walking sitemap indexes takes a
``get`` callable so discovery runs over any transport and tests need no
network. URLs are de-duplicated on a normalised key but yielded exactly as
the site wrote them, because the requested URL is the record's identity.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree
from w3lib.url import canonicalize_url

from ..core.dates import parse_timestamp
from ..core.urls import absolute_url
from .page import NotASitemap, gunzip_capped
from .xml_entities import neutralise_entities

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|yclid|igshid)$", re.IGNORECASE
)
DocKind = Literal["urlset", "sitemapindex", "feed", "unknown"]


@dataclass(slots=True, frozen=True)
class Entry:
    """One URL found by discovery, with the date the source gave it (lastmod, pubDate, updated)."""

    url: str
    date: datetime | None = None
    title: str | None = None


@dataclass(slots=True, frozen=True)
class Discovered:
    kind: DocKind
    entries: list[Entry]  # pages (urlset, feed) or child sitemaps (sitemapindex)


# ---------------------------------------------------------------- URLs


def url_key(url: str) -> str:
    """De-duplication key: same page, same key (case of scheme/host, default port, fragment, tracking).

    Never raises: a malformed URL (bad port, broken IPv6 literal) is its own key, and fetching
    it reports what is wrong with it.
    """
    try:
        return _normal_key(url.strip())
    except ValueError:
        return url.strip()


def _normal_key(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = (
        parts.port
        if parts.port not in (None, 80 if scheme == "http" else 443 if scheme == "https" else -1)
        else None
    )
    netloc = f"{host}:{port}" if port else host
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    )
    rebuilt = urlunsplit((scheme, netloc, parts.path or "/", query, ""))
    return canonicalize_url(rebuilt) if scheme in ("http", "https") else rebuilt


# ---------------------------------------------------------------- dates


def parse_date(text: str | None) -> datetime | None:
    """W3C datetime (sitemaps, Atom) or RFC 822 (RSS); always timezone-aware (UTC if unspecified)."""
    if not text:
        return None
    text = text.strip()
    parsed: datetime | None = None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text)
    if match:
        try:
            parsed = datetime(int(match.group(1)), int(match.group(2) or 1), 1)
        except ValueError:  # "0000", "2024-13": a date that does not exist is no date
            return None
    else:
        try:
            parsed = parse_timestamp(text, naive_is_utc=False)
        except ValueError:
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


# ---------------------------------------------------------------- parsing


_PARSER_OPTS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "recover": True,
    "huge_tree": False,
    "remove_comments": True,
}


def _local(tag: object) -> str:
    """The lower-cased local name of a tag: ``{ns}url`` -> ``url``; ``x:url`` -> ``url``.

    Read from the string, not with ``etree.QName``, which raises on the tags recovery
    leaves when a prefix is not declared (``<rdf:RDF>`` without ``xmlns:rdf``) and lost
    the whole document.
    """
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def _children(node: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in node:
        if _local(child.tag) == name:
            yield child


def _text(node: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(node, name):
            if child.text and child.text.strip():
                return child.text.strip()
    return None


def parse_document(data: bytes, base_url: str | None = None) -> Discovered:
    """Parse a sitemap, sitemap index or feed; the root element says which.

    Entity declarations are never read and references never expanded
    (:func:`~extractor.fetch.xml_entities.neutralise_entities`), so an entity bomb
    neither costs memory nor ends the parse: every ``<loc>`` and ``<link>`` is read.
    Gzip (``sitemap.xml.gz``, by magic) is undone by the package's one capped
    gunzip: a bomb raises ``TooLarge``, corrupt data ``DecodeError``.
    """
    data = gunzip_capped(data, MAX_SITEMAP_BYTES, base_url or "")
    try:
        root = etree.fromstring(neutralise_entities(data.lstrip()), etree.XMLParser(**_PARSER_OPTS))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        return Discovered("unknown", [])
    kind = _local(root.tag)
    if kind == "urlset":
        return Discovered("urlset", _sitemap_entries(root, "url", base_url))
    if kind == "sitemapindex":
        return Discovered("sitemapindex", _sitemap_entries(root, "sitemap", base_url))
    if kind in ("rss", "rdf"):
        return Discovered("feed", _rss_entries(root, base_url))
    if kind == "feed":
        return Discovered("feed", _atom_entries(root, base_url))
    return Discovered("unknown", [])


def _resolve(url: str, base_url: str | None) -> str:
    return absolute_url(url, base_url)  # a malformed entry stays as written: fetching reports it


def _sitemap_entries(root: etree._Element, item: str, base_url: str | None) -> list[Entry]:
    out: list[Entry] = []
    for node in _children(root, item):
        loc = _text(node, "loc")
        if loc:
            out.append(Entry(_resolve(loc, base_url), parse_date(_text(node, "lastmod"))))
    return out


def _rss_entries(root: etree._Element, base_url: str | None) -> list[Entry]:
    # RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it.
    items = [n for n in root.iter() if _local(n.tag) == "item"]
    out: list[Entry] = []
    for item in items:
        link = _text(item, "link")
        if not link:
            for guid in _children(item, "guid"):
                if guid.get("isPermaLink", "true").lower() != "false" and guid.text:
                    link = guid.text.strip()
        if link:
            date = parse_date(_text(item, "pubdate", "date", "published", "updated"))
            out.append(Entry(_resolve(link, base_url), date, _text(item, "title")))
    return out


def _atom_link(entry: etree._Element) -> str | None:
    fallback = None
    for link in _children(entry, "link"):
        href = link.get("href")
        rel = link.get("rel", "alternate")
        if (
            href
            and rel == "alternate"
            and link.get("type", "text/html") in ("text/html", "application/xhtml+xml")
        ):
            return href
        fallback = fallback or (href if rel == "alternate" else None)
    return fallback


def _atom_entries(root: etree._Element, base_url: str | None) -> list[Entry]:
    base = root.get("{http://www.w3.org/XML/1998/namespace}base") or base_url
    out: list[Entry] = []
    for entry in _children(root, "entry"):
        href = _atom_link(entry)
        if href:
            date = parse_date(_text(entry, "published", "updated"))
            out.append(Entry(_resolve(href, base), date, _text(entry, "title")))
    return out


# ---------------------------------------------------------------- walking


@dataclass(slots=True, frozen=True)
class UrlFilter:
    """Date window and URL patterns; undated entries pass the date test unless ``require_date``."""

    since: datetime | None = None
    until: datetime | None = None
    include: re.Pattern[str] | None = None
    exclude: re.Pattern[str] | None = None
    require_date: bool = False

    def accepts(self, entry: Entry) -> bool:
        if self.include is not None and not self.include.search(entry.url):
            return False
        if self.exclude is not None and self.exclude.search(entry.url):
            return False
        if entry.date is None:
            return not self.require_date
        if self.since is not None and entry.date < _aware(self.since):
            return False
        return not (self.until is not None and entry.date > _aware(self.until))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def discover(
    starts: Iterable[str],
    get: Callable[[str], bytes],
    *,
    url_filter: UrlFilter | None = None,
    max_urls: int | None = None,
    max_documents: int = 10_000,
    on_error: Callable[[str, Exception], None] | None = None,
) -> Iterator[Entry]:
    """Walk sitemaps / indexes / feeds breadth-first, yielding page entries lazily and once each.

    A child sitemap whose index ``lastmod`` is older than ``since`` is skipped
    unread: its pages cannot be newer than the sitemap itself.
    """
    flt = url_filter or UrlFilter()
    queue: deque[str] = deque(starts)
    seen_docs: set[str] = set()
    seen_urls: set[str] = set()
    yielded = 0
    while queue and len(seen_docs) < max_documents:
        doc_url = queue.popleft()
        key = url_key(doc_url)
        if key in seen_docs:
            continue
        seen_docs.add(key)
        try:
            found = parse_document(get(doc_url), doc_url)
        except Exception as exc:
            if on_error is not None:
                on_error(doc_url, exc)
            continue
        if found.kind == "unknown":
            # an HTML page or any other document given as a sitemap: an error the user sees
            # (an error record, exit 1), not an empty job that looks like success
            if on_error is not None:
                on_error(
                    doc_url, NotASitemap(doc_url, "neither a sitemap, a sitemap index nor an RSS/Atom feed")
                )
            continue
        if found.kind == "sitemapindex":
            for child in found.entries:
                if child.date is None or flt.since is None or child.date >= _aware(flt.since):
                    queue.append(child.url)
            continue
        for entry in found.entries:
            page_key = url_key(entry.url)
            if page_key in seen_urls or not flt.accepts(entry):
                continue
            seen_urls.add(page_key)
            yield entry
            yielded += 1
            if max_urls is not None and yielded >= max_urls:
                return
