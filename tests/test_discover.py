"""Sitemaps, sitemap indexes, feeds, filters and URL normalisation."""

from __future__ import annotations

import gzip
import re
import sys
from datetime import datetime, timezone

import pytest
from _server import LocalServer, Response, gzip_bomb, page

from extractor.fetch import (
    DecodeError,
    HttpFetcher,
    HttpOptions,
    NotASitemap,
    TooLarge,
    UrlFilter,
    discover,
    gunzip_capped,
    parse_document,
    url_key,
)
from extractor.fetch.discover import Discovered, Entry, parse_date
from extractor.jobs.batch import scrape
from extractor.model import Article, ErrorRecord

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def urlset(*items: tuple[str, str | None]) -> bytes:
    body = "".join(f"<url><loc>{u}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</url>" for u, d in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset {NS}>{body}</urlset>'.encode()


def index(*items: tuple[str, str | None]) -> bytes:
    body = "".join(
        f"<sitemap><loc>{u}</loc>{f'<lastmod>{d}</lastmod>' if d else ''}</sitemap>" for u, d in items
    )
    return f'<?xml version="1.0"?><sitemapindex {NS}>{body}</sitemapindex>'.encode()


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>First</title><link>https://example.org/a</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
<item><title>Guid only</title><guid>https://example.org/b</guid><pubDate>Wed, 03 Jan 2024 10:00:00 +0100</pubDate></item>
<item><title>Not a link</title><guid isPermaLink="false">tag-123</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/">
<entry><title>E1</title><link rel="alternate" type="text/html" href="/e1"/><link rel="edit" href="/edit/1"/>
<published>2024-02-01T00:00:00Z</published></entry>
<entry><title>E2</title><link href="https://example.org/e2"/><updated>2024-02-05T00:00:00+02:00</updated></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>C</title></channel><item><title>R</title><link>https://example.org/r</link>
<dc:date>2024-03-01</dc:date></item></rdf:RDF>"""


def test_urlset() -> None:
    doc = parse_document(
        urlset(("https://example.org/1", "2024-01-02"), ("/rel", None)), "https://example.org/s.xml"
    )
    assert doc.kind == "urlset"
    assert [e.url for e in doc.entries] == ["https://example.org/1", "https://example.org/rel"]
    assert doc.entries[0].date == datetime(2024, 1, 2, tzinfo=timezone.utc)
    assert doc.entries[1].date is None


def test_gzip_and_index() -> None:
    doc = parse_document(gzip.compress(index(("https://example.org/s1.xml.gz", "2024-01-01T00:00:00Z"))))
    assert doc.kind == "sitemapindex"
    assert doc.entries[0].url.endswith("s1.xml.gz")


def test_gzip_bomb_sitemap_is_refused() -> None:
    with pytest.raises(TooLarge):
        gunzip_capped(gzip.compress(b"\0" * 3_000_000), max_bytes=1_000_000)


def test_sitemap_bomb_and_corrupt_gzip_are_typed_errors_and_discovery_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The package exports the function ``discover`` under the module's name; patch the module itself.
    monkeypatch.setattr(sys.modules["extractor.fetch.discover"], "MAX_SITEMAP_BYTES", 1_000_000)
    docs = {
        "https://e.org/bomb.xml.gz": gzip_bomb(3_000_000),
        "https://e.org/cut.xml.gz": gzip.compress(
            urlset(*[(f"https://e.org/c{i}", None) for i in range(50)])
        )[:200],
        "https://e.org/ok.xml.gz": gzip.compress(urlset(("https://e.org/fine", None))),
    }
    errors: dict[str, Exception] = {}
    found = list(discover(list(docs), docs.__getitem__, on_error=errors.__setitem__))
    assert [e.url for e in found] == ["https://e.org/fine"]
    assert isinstance(errors["https://e.org/bomb.xml.gz"], TooLarge)
    assert isinstance(errors["https://e.org/cut.xml.gz"], DecodeError)


def test_a_document_that_is_no_sitemap_or_feed_is_a_typed_error() -> None:
    """'--sitemap' pointing at an HTML page is an error the user sees, not an empty success."""
    docs = {
        "https://e.org/page.html": b"<html><body><p>Not a sitemap</p></body></html>",
        "https://e.org/ok.xml": urlset(("https://e.org/fine", None)),
    }
    errors: dict[str, Exception] = {}
    found = list(discover(list(docs), docs.__getitem__, on_error=errors.__setitem__))
    assert [e.url for e in found] == ["https://e.org/fine"]
    assert list(errors) == ["https://e.org/page.html"]
    assert isinstance(errors["https://e.org/page.html"], NotASitemap)


def test_rss_atom_rdf() -> None:
    rss = parse_document(RSS)
    assert rss.kind == "feed"
    assert [e.url for e in rss.entries] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    assert rss.entries[1].date == datetime(2024, 1, 3, 9, 0, tzinfo=timezone.utc)
    atom = parse_document(ATOM)
    assert [e.url for e in atom.entries] == ["https://example.org/e1", "https://example.org/e2"]
    assert atom.entries[1].date == datetime(2024, 2, 4, 22, 0, tzinfo=timezone.utc)
    rdf = parse_document(RDF)
    assert [(e.url, e.date) for e in rdf.entries] == [
        ("https://example.org/r", datetime(2024, 3, 1, tzinfo=timezone.utc))
    ]


def test_garbage_and_entities_are_harmless() -> None:
    assert parse_document(b"not xml at all").kind == "unknown"
    xxe = b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>'
    assert all("root:" not in e.url for e in parse_document(xxe).entries)


def test_dates() -> None:
    assert parse_date("2024") == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert parse_date("2024-05-06T07:08:09+02:00") == datetime(2024, 5, 6, 5, 8, 9, tzinfo=timezone.utc)
    assert parse_date("Mon, 06 May 2024 07:08:09 GMT") == datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    assert parse_date("yesterday-ish") is None
    assert parse_date(None) is None


def test_url_key_normalises() -> None:
    assert url_key("HTTPS://Example.org:443/a?b=2&a=1&utm_source=x#top") == url_key(
        "https://example.org/a?a=1&b=2"
    )
    assert url_key("http://example.org") == url_key("http://EXAMPLE.org/")
    assert url_key("https://example.org/a") != url_key("https://example.org/b")
    assert url_key("https://example.org/a?id=1") != url_key("https://example.org/a?id=2")


def test_filter() -> None:
    from extractor.fetch import Entry

    flt = UrlFilter(
        since=datetime(2024, 1, 1),
        until=datetime(2024, 6, 30),
        include=re.compile("/news/"),
        exclude=re.compile("/video/"),
    )
    assert flt.accepts(Entry("https://e.org/news/1", parse_date("2024-03-01")))
    assert not flt.accepts(Entry("https://e.org/news/1", parse_date("2023-12-31")))
    assert not flt.accepts(Entry("https://e.org/news/1", parse_date("2024-07-01")))
    assert not flt.accepts(Entry("https://e.org/sport/1", parse_date("2024-03-01")))
    assert not flt.accepts(Entry("https://e.org/news/video/1", parse_date("2024-03-01")))
    assert flt.accepts(Entry("https://e.org/news/undated"))
    assert not UrlFilter(require_date=True).accepts(Entry("https://e.org/x"))


def test_discover_walks_index_dedups_and_filters() -> None:
    docs = {
        "https://e.org/index.xml": index(
            ("https://e.org/old.xml", "2020-01-01"),
            ("https://e.org/new.xml.gz", "2024-05-01"),
            ("https://e.org/new.xml.gz", None),
        ),
        "https://e.org/old.xml": urlset(("https://e.org/ancient", "2019-01-01")),
        "https://e.org/new.xml.gz": gzip.compress(
            urlset(
                ("https://e.org/a", "2024-04-01"),
                ("https://E.org/a#dup", "2024-04-01"),
                ("https://e.org/b", "2023-01-01"),
            )
        ),
    }
    fetched: list[str] = []

    def get(url: str) -> bytes:
        fetched.append(url)
        return docs[url]

    found = list(discover(["https://e.org/index.xml"], get, url_filter=UrlFilter(since=datetime(2024, 1, 1))))
    assert [e.url for e in found] == ["https://e.org/a"]
    assert "https://e.org/old.xml" not in fetched  # index lastmod before `since`: not even read
    assert fetched.count("https://e.org/new.xml.gz") == 1


def test_discover_reports_broken_documents_and_limits() -> None:
    errors: list[str] = []

    def get(url: str) -> bytes:
        if "broken" in url:
            raise OSError("boom")
        return urlset(*[(f"https://e.org/{i}", None) for i in range(10)])

    found = list(
        discover(
            ["https://e.org/broken.xml", "https://e.org/ok.xml"],
            get,
            max_urls=3,
            on_error=lambda u, e: errors.append(u),
        )
    )
    assert len(found) == 3
    assert errors == ["https://e.org/broken.xml"]


def test_scrape_from_sitemap_and_feed_over_http() -> None:
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = Response(
            body=f"User-agent: *\nAllow: /\nSitemap: {srv.url('/sitemap_index.xml')}\n".encode(),
            headers={"Content-Type": "text/plain"},
        )
        srv.routes["/sitemap_index.xml"] = Response(
            body=index((srv.url("/news.xml.gz"), None)), headers={"Content-Type": "application/xml"}
        )
        srv.routes["/news.xml.gz"] = Response(
            body=gzip.compress(
                urlset(
                    (srv.url("/a1"), "2024-05-01"),
                    (srv.url("/a2"), "2024-05-02"),
                    (srv.url("/old"), "2010-01-01"),
                )
            ),
            headers={"Content-Type": "application/x-gzip"},
        )
        srv.routes["/feed"] = Response(
            body=f"<rss><channel><item><link>{srv.url('/a2')}</link></item><item><link>{srv.url('/f1')}</link></item></channel></rss>".encode(),
            headers={"Content-Type": "application/rss+xml"},
        )
        srv.routes["/missing.xml"] = Response(404)
        srv.fallback = lambda req: Response(body=page(req.path.strip("/").upper()))
        records = list(
            scrape(
                sitemaps=[srv.base],
                feeds=[srv.url("/feed"), srv.url("/missing.xml")],
                since="2024-01-01",
                delay=0,
            )
        )
    articles = sorted(r.url for r in records if isinstance(r, Article))
    assert articles == [srv.url("/a1"), srv.url("/a2"), srv.url("/f1")]  # a2 once although listed twice
    assert [(r.url, r.error) for r in records if isinstance(r, ErrorRecord)] == [
        (srv.url("/missing.xml"), "NotFound")
    ]


def test_robots_sitemaps_listing() -> None:
    with LocalServer() as srv:
        srv.routes["/robots.txt"] = Response(
            body=b"Sitemap: /s1.xml\nSitemap: https://other.example/s2.xml\n",
            headers={"Content-Type": "text/plain"},
        )
        sitemaps = HttpFetcher(HttpOptions(delay=0)).robots_sitemaps(srv.url("/"))
    assert "https://other.example/s2.xml" in sitemaps


# -- entity declarations are never read, and every URL still is (issue 16, case 9) --------------

LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
)
# Parameter entities, a '>' and a ']' inside a literal, a comment with a quote: the DOCTYPE is still read to its end.
TRICKY_DTD = LAUGHS + '<!-- it\'s ] > --><!ENTITY q "a > b ] c"><!ENTITY % pe "<!ENTITY x \'y\'>">%pe;'


def bomb_sitemap(count: int = 120, encoding: str = "utf-8") -> tuple[bytes, list[str]]:
    urls = [f"https://news.example/story/{n}?page={n}&section=world" for n in range(count)]
    items = []
    for n, url in enumerate(urls):
        lastmod = "&lol9;" if n == 3 else "2024-05-01"
        items.append(f"<url><loc>{url.replace('&', '&amp;')}</loc><lastmod>{lastmod}</lastmod></url>")
    doc = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n<!DOCTYPE urlset [{TRICKY_DTD}]>\n'
        f"<urlset {NS}>{''.join(items)}<url><loc>&lol9;</loc></url></urlset>"
    )
    return doc.encode(encoding), urls


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32"])
def test_billion_laughs_sitemap_keeps_every_url(encoding: str) -> None:
    data, urls = bomb_sitemap(encoding=encoding)
    found = parse_document(data)
    assert found.kind == "urlset"
    assert [e.url for e in found.entries[: len(urls)]] == urls  # every <loc>, with its '&', in order
    assert all("lollol" not in e.url for e in found.entries)  # nothing was expanded
    assert found.entries[3].date is None
    assert found.entries[4].date == datetime(2024, 5, 1, tzinfo=timezone.utc)


def test_billion_laughs_feeds_keep_every_link() -> None:
    rss = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{LAUGHS}]><rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>A&nbsp;B &lol9;</title><link>https://f.example/a?p=1&amp;q=2</link></item>"
        "<item><title>C</title><link>https://f.example/b?p=1&amp;q=2</link></item></channel></rss>"
    ).encode()
    entries = parse_document(rss).entries
    assert [(e.url, e.title) for e in entries] == [
        ("https://f.example/a?p=1&q=2", "A\xa0B &lol9;"),  # HTML's &nbsp; is known; &lol9; stays its name
        ("https://f.example/b?p=1&q=2", "C"),
    ]
    atom = (
        f'<?xml version="1.0"?><!DOCTYPE feed [{LAUGHS}]><feed xmlns="http://www.w3.org/2005/Atom">'
        '<entry><title>&lol9;</title><link href="https://f.example/a?p=1&amp;q=2"/></entry>'
        '<entry><link href="https://f.example/b?p=1&amp;q=2"/></entry></feed>'
    ).encode()
    assert [e.url for e in parse_document(atom).entries] == [
        "https://f.example/a?p=1&q=2",
        "https://f.example/b?p=1&q=2",
    ]


def test_urls_after_an_undeclared_entity_or_a_bare_ampersand_keep_their_ampersands() -> None:
    """After any error the parser (recover mode) dropped every later '&amp;' from the text."""
    doc = urlset(
        ("https://e.org/a?x=1&nbsp;", None),  # an HTML entity no sitemap declares
        ("https://e.org/b?x=1&y=2", None),  # a bare '&', as broken sitemaps write query strings
        ("https://e.org/c?x=1&amp;y=2", None),
        ("<![CDATA[https://e.org/d?x=1&y=2]]>", None),  # CDATA is text as it is
        ("https://e.org/e?x=1&#38;y=&#x32;", None),
    )
    assert [e.url for e in parse_document(doc).entries] == [
        "https://e.org/a?x=1",  # the no-break space is trimmed like other space
        "https://e.org/b?x=1&y=2",
        "https://e.org/c?x=1&y=2",
        "https://e.org/d?x=1&y=2",
        "https://e.org/e?x=1&y=2",
    ]


def test_discover_walks_past_a_bomb_in_an_index() -> None:
    bomb, urls = bomb_sitemap(count=5)
    docs = {
        "https://e.org/index.xml": index(("https://e.org/bomb.xml", None), ("https://e.org/next.xml", None)),
        "https://e.org/bomb.xml": gzip.compress(bomb),
        "https://e.org/next.xml": urlset(("https://e.org/after", None)),
    }
    found = [e.url for e in discover(["https://e.org/index.xml"], docs.__getitem__)]
    assert found[:5] == urls
    assert found[-1] == "https://e.org/after"


def test_a_malformed_loc_costs_that_entry_not_the_sitemap() -> None:
    doc = urlset(("https://e.org/a", None), ("http://[oops/b", None), ("/c", None))
    urls = [e.url for e in parse_document(doc, "https://e.org/sitemap.xml").entries]
    assert urls == ["https://e.org/a", "http://[oops/b", "https://e.org/c"]


# -- found by the fuzzing harness (tests/test_fuzz_discover.py) ------------------------------


def test_an_undeclared_prefix_on_the_root_costs_nothing() -> None:
    """Recovery leaves 'rdf:RDF' as the tag when xmlns:rdf is missing; etree.QName raised
    ValueError on it and the whole feed was lost (discover reports it as a broken document)."""
    rdf = b'<rdf:RDF xmlns="http://purl.org/rss/1.0/"><item><link>https://e.org/a</link></item></rdf:RDF>'
    assert [e.url for e in parse_document(rdf).entries] == ["https://e.org/a"]
    prefixed = b"<x:urlset><x:url><x:loc>https://e.org/b</x:loc></x:url></x:urlset>"
    assert parse_document(prefixed) == Discovered("urlset", [Entry("https://e.org/b")])


def test_a_lastmod_that_is_no_date_costs_that_date() -> None:
    """'0000' and '2024-13' match the year(-month) form but are no dates: ValueError lost the sitemap."""
    assert parse_date("0000") is None
    assert parse_date("2024-13") is None
    assert parse_date("2024-00") is None
    doc = urlset(("https://e.org/a", "0000"), ("https://e.org/b", "2024-03"))
    assert [(e.url, e.date) for e in parse_document(doc).entries] == [
        ("https://e.org/a", None),
        ("https://e.org/b", datetime(2024, 3, 1, tzinfo=timezone.utc)),
    ]


def test_a_link_that_resolves_to_nothing_stays_as_written() -> None:
    """href="?" against xml:base "  " (or "#") joined to '': an entry with an empty URL."""
    for base in ("  ", "#"):
        feed = f'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}"><entry><link href="?"/></entry></feed>'
        assert [e.url for e in parse_document(feed.encode()).entries] == ["?"]
