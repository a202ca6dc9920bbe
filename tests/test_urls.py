"""check_url: what the fetcher accepts, and a typed InvalidURL for the rest (no network)."""

from __future__ import annotations

import pytest

from extractor import extract_article
from extractor.core.urls import page_base
from extractor.fetch import InvalidURL, check_url
from extractor.fetch.discover import url_key
from extractor.fetch.urls import host_key

GOOD = [
    "http://example.org/",
    "HTTPS://Example.ORG/a?b=c#d",
    "https://example.org./trailing-dot",
    "http://bücher.example/umlaut-host",
    "http://[::1]:8080/x",
    "http://[fe80::1%25eth0]/zone",
    "http://user:pass@example.org/",
    "http://example.org:/empty-port",
    "http://example.org/a path with spaces",
    "http://127.0.0.1:65535/",
]
BAD = [
    ("http://h:99999/", "malformed"),
    ("http://h:abc/", "malformed"),
    ("http://h:0/", "port 0"),
    ("http://[::1/", "malformed"),
    ("http://[::1]x/", "IPv6"),
    ("http://[v1.fe]/", "IPv6"),
    ("http:///path", "no host"),
    ("http://user@/", "no host"),
    ("ftp://h/file", "not an http(s) URL"),
    ("mailto:a@b.org", "not an http(s) URL"),
    ("/relative/path", "not an http(s) URL"),
    ("http://h/a\x00b", "control character"),
    ("http://h/a\tb", "control character"),
    ("http://h/\u0085", "control character"),
    ("http://exa mple.org/", "not allowed in host"),
    ("http://h%41.org/", "not allowed in host"),
    ("http://a..b/", "bad host name"),
    ("http://" + "a" * 64 + ".org/", "bad host name"),
]


@pytest.mark.parametrize("url", GOOD)
def test_fetchable_urls_pass(url: str) -> None:
    check_url(url)


@pytest.mark.parametrize(("url", "why"), BAD)
def test_malformed_urls_are_invalid_url(url: str, why: str) -> None:
    with pytest.raises(InvalidURL) as info:
        check_url(url, "http://asked.example/")
    assert why in info.value.reason
    assert info.value.url == "http://asked.example/"


@pytest.mark.parametrize(("url", "_why"), BAD)
def test_keys_of_malformed_urls_never_raise(url: str, _why: str) -> None:
    assert url_key(url)
    assert host_key(url) is not None


def test_host_key_is_the_lower_case_netloc() -> None:
    assert host_key("http://Example.ORG:8080/a") == "example.org:8080"


@pytest.mark.parametrize(
    ("url", "canonical", "base_href", "expected"),
    [
        (None, None, "https://ex.org/news/", "https://ex.org/news/"),
        ("https://ex.org/a/b", None, "../c/", "https://ex.org/c/"),
        ("https://ex.org/a/b", None, "", "https://ex.org/a/b"),
        (None, "https://ex.org/story", "/base/", "https://ex.org/base/"),
        (None, None, "relative/", None),
        ("https://ex.org/a", None, "javascript:void(0)", "https://ex.org/a"),
    ],
)
def test_page_base_takes_the_pages_base_href_first(
    url: str | None, canonical: str | None, base_href: str, expected: str | None
) -> None:
    assert page_base(url, canonical, base_href) == expected


def test_links_and_images_resolve_against_base_href_without_a_page_url() -> None:
    html = (
        b'<html><head><base href="https://ex.org/news/"></head><body><article><h1>Title</h1>'
        b'<p>A paragraph long enough to be the body of this article, with a <a href="../about">'
        b"relative link</a> in it, and more words after it to be sure.</p>"
        b'<img src="img/a.jpg" alt="a"></article></body></html>'
    )
    article = extract_article(html)
    assert [link.href for block in article.blocks for link in block.links] == ["https://ex.org/about"]
    assert [image.src for image in article.images] == ["https://ex.org/news/img/a.jpg"]
