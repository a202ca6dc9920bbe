"""Resolving the links a page gives: one home for every URL field of a record.

A record is read away from its page (a CSV row, a JSON line), where a relative
``href="#c5"`` or ``/user/ann`` means nothing; so every URL the extractor takes
from markup (canonical URL, images, comment permalinks and author links) is
made absolute against the page's address when that address is known. And a
malformed URL in the markup (``http://[oops``, on which ``urljoin`` raises)
must cost that one field, never the page's record.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def split_url(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or None for a URL Python cannot split (``http://[x``: "Invalid IPv6
    URL"; a host that changes under NFKC normalisation).

    Why: the extractors read hosts and paths of URLs taken from markup (meta tags, links,
    the canonical URL) to judge a page, and ``urlsplit`` raising there lost the whole
    record; a URL that cannot be split simply says nothing about the page.
    """
    try:
        return urlsplit(url)
    except ValueError:
        return None


def url_path(url: str) -> str:
    """The path of ``url``; ``""`` when it cannot be split."""
    parts = split_url(url)
    return parts.path if parts is not None else ""


def url_host(url: str) -> str:
    """The lower-cased host name of ``url``; ``""`` when it has none or cannot be split."""
    parts = split_url(url)
    return (parts.hostname or "") if parts is not None else ""


def absolute_url(href: str, base: str | None) -> str:
    """``href`` resolved against ``base`` as a browser would; as written when there is no base
    or either cannot be parsed, or when resolving leaves nothing (``?`` against a base of
    blanks or ``#``: an empty URL names no page and cannot be told from a missing one)."""
    if not base:
        return href
    try:
        return urljoin(base, href) or href
    except ValueError:  # e.g. "Invalid IPv6 URL": keep what the page said
        return href


def page_base(url: str | None, canonical_url: str | None, base_href: str | None = None) -> str | None:
    """The address the page's relative links resolve against: its URL, else the absolute
    http(s) canonical URL it declares (a saved page extracted without ``--url``), else None;
    a ``<base href>`` in the page, resolved against that address, comes first, as in browsers
    (an absolute one counts even when the page's own address is not known)."""
    address = url
    if not address and canonical_url:
        parts = split_url(canonical_url)
        if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
            address = canonical_url
    if base_href and base_href.strip():
        joined = absolute_url(base_href.strip(), address) if address else base_href.strip()
        parts = split_url(joined)
        if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
            return joined
    return address
