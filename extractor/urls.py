"""Resolving the links a page gives: one home for every URL field of a record.

A record is read away from its page (a CSV row, a JSON line), where a relative
``href="#c5"`` or ``/user/ann`` means nothing; so every URL the extractor takes
from markup (canonical URL, images, comment permalinks and author links) is
made absolute against the page's address when that address is known. And a
malformed URL in the markup (``http://[oops``, on which ``urljoin`` raises)
must cost that one field, never the page's record.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def absolute_url(href: str, base: str | None) -> str:
    """``href`` resolved against ``base`` as a browser would; as written when there is no base
    or either cannot be parsed."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:  # e.g. "Invalid IPv6 URL": keep what the page said
        return href


def page_base(url: str | None, canonical_url: str | None) -> str | None:
    """The address the page's relative links resolve against: its URL, else the absolute
    http(s) canonical URL it declares (a saved page extracted without ``--url``), else None."""
    if url:
        return url
    if not canonical_url:
        return None
    try:
        parts = urlsplit(canonical_url)
    except ValueError:
        return None
    return canonical_url if parts.scheme in ("http", "https") and parts.netloc else None
