"""Fuzzing the sitemap and feed parsers: any document gives entries or one of two typed errors.

parse_document may raise only what it documents (TooLarge for a gzip bomb, DecodeError for
corrupt gzip); anything else would be swallowed by discover() as "one broken sitemap" and
its URLs silently lost. Entries must be usable: str URLs, timezone-aware dates (the
--since/--until window compares them with aware datetimes). Inputs are the hand-written
seeds mutated byte by byte (plain and gzipped) and documents built from odd URLs and dates.
Budgets and the long-run switch: tests/_fuzz.py.
"""

from __future__ import annotations

import gzip
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from _fuzz import budget, malformed_urls, mutated, odd_dates, seed_files
from hypothesis import given
from hypothesis import strategies as st

from extractor.fetch.discover import Discovered, UrlFilter, discover, parse_date, parse_document, url_key
from extractor.fetch.page import DecodeError, NotASitemap, TooLarge

XML_SEEDS = seed_files("xml")

# fmt: off
_XML_TOKENS: tuple[bytes, ...] = (
    b"<", b">", b"</", b"/>", b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="utf-16"?>',
    b'<!DOCTYPE x [<!ENTITY a "&a;">]>', b'<!ENTITY b SYSTEM "file:///etc/passwd">', b"&a;", b"&amp;",
    b"&#0;", b"&#x110000;", b"]]>", b"<![CDATA[", b"<loc>", b"</loc>", b"<url>", b"</url>", b"<lastmod>",
    b"</lastmod>", b"<item>", b"<link>", b"</link>", b"<entry>", b'<link href="', b"<pubDate>",
    b"<updated>", b'<guid isPermaLink="false">', b'xmlns="', b'xmlns:x=""', b'xml:base="http://[x/"', b"x:",
    b"http://[x", b"http://h:99999/", b"2024-13-45", b"0000", b"Tue, 32 Mar 2024 25:61:00 +9999", b"\x00",
    b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\r\n", b'"', b"'",
)
# fmt: on


def check_discovered(found: Discovered) -> None:
    assert found.kind in ("urlset", "sitemapindex", "feed", "unknown")
    for entry in found.entries:
        assert isinstance(entry.url, str)
        assert entry.url
        assert entry.date is None or entry.date.tzinfo is not None
        assert entry.title is None or isinstance(entry.title, str)
        url_key(entry.url)


def parse(data: bytes, base_url: str | None) -> None:
    try:
        found = parse_document(data, base_url)
    except (TooLarge, DecodeError):
        return
    check_discovered(found)


_base_urls = st.one_of(st.none(), st.just("https://news.example/sitemap.xml"), malformed_urls())


@budget(250)
@given(mutated(XML_SEEDS, _XML_TOKENS), _base_urls, st.booleans())
def test_mutated_seed_documents(data: bytes, base_url: str | None, gzipped: bool) -> None:
    parse(gzip.compress(data, mtime=0) if gzipped else data, base_url)


_text = st.one_of(malformed_urls(), odd_dates(), st.text(max_size=30))


def _el(name: str, value: str | None) -> str:
    return "" if value is None else f"<{name}>{escape(value)}</{name}>"


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A sitemap, sitemap index, RSS or Atom document of odd URLs, dates and titles."""
    kind = draw(st.sampled_from(("urlset", "sitemapindex", "rss", "rdf", "atom")))
    items = draw(
        st.lists(
            st.tuples(
                st.one_of(st.none(), malformed_urls()),
                st.one_of(st.none(), odd_dates()),
                st.one_of(st.none(), _text),
            ),
            max_size=6,
        )
    )
    if kind in ("urlset", "sitemapindex"):
        child = "url" if kind == "urlset" else "sitemap"
        body = "".join(f"<{child}>{_el('loc', u)}{_el('lastmod', d)}</{child}>" for u, d, _ in items)
        doc = f'<{kind} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</{kind}>'
    elif kind in ("rss", "rdf"):
        body = "".join(
            f"<item>{_el('title', t)}{_el('link', u)}{_el('guid', t)}{_el('pubDate', d)}</item>"
            for u, d, t in items
        )
        doc = (
            f"<rss><channel>{body}</channel></rss>"
            if kind == "rss"
            else f'<rdf:RDF xmlns:rdf="x">{body}</rdf:RDF>'
        )
    else:
        base = draw(st.one_of(st.none(), malformed_urls()))
        attr = f' xml:base="{escape(base, {chr(34): "&quot;"})}"' if base is not None else ""
        body = "".join(
            f'<entry>{_el("title", t)}<link href="{escape(u or "", {chr(34): "&quot;"})}"/>{_el("updated", d)}</entry>'
            for u, d, t in items
        )
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom"{attr}>{body}</feed>'
    return ('<?xml version="1.0" encoding="utf-8"?>' + doc).encode("utf-8", "surrogatepass")


@budget(200)
@given(documents(), _base_urls)
def test_built_documents(data: bytes, base_url: str | None) -> None:
    parse(data, base_url)


@budget(200)
@given(st.one_of(odd_dates(), st.text(max_size=40)))
def test_parse_date_any_text(text: str) -> None:
    value = parse_date(text)
    assert value is None or value.tzinfo is not None


@budget(200)
@given(st.one_of(malformed_urls(), st.text(max_size=60)))
def test_url_key_any_text(url: str) -> None:
    assert isinstance(url_key(url), str)


@budget(40)
@given(
    st.lists(mutated(XML_SEEDS, _XML_TOKENS), min_size=1, max_size=4),
    st.sampled_from((None, datetime(2024, 3, 1), datetime(2024, 3, 1, tzinfo=timezone.utc))),
)
def test_discover_walk(documents: list[bytes], since: datetime | None) -> None:
    """Walking indexes: every document a broken one, and discovery still ends with no exception
    escaping and no error reported but by a typed parser error or the transport."""
    errors: list[Exception] = []
    served = iter(documents)

    def get(url: str) -> bytes:
        return next(served, b"")

    for entry in discover(
        ["https://news.example/sitemap.xml"],
        get,
        url_filter=UrlFilter(since=since),
        on_error=lambda u, e: errors.append(e),
    ):
        assert entry.date is None or entry.date.tzinfo is not None
    assert all(isinstance(e, (TooLarge, DecodeError, NotASitemap)) for e in errors), errors
