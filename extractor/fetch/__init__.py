"""Getting pages: HTTP, local files, WARC archives, stdin; and finding URLs (sitemaps, feeds);
pages that need JavaScript rendered in headless Chromium through the HTTP fetcher (``render``).

Every fetcher returns a ``Page`` or raises a ``FetchError`` subclass whose
class name is the error type batch jobs record.
"""

from __future__ import annotations

from .cache import DiskCache, default_cache_dir
from .clock import SYSTEM_CLOCK, Clock, SystemClock
from .discover import Entry, UrlFilter, discover, parse_document, url_key
from .files import FileFetcher, iter_file_pages, read_page
from .http import DEFAULT_USER_AGENT, HttpFetcher, HttpOptions
from .page import (
    DEFAULT_MAX_BYTES,
    HTML_TYPES,
    NOT_REQUESTED,
    Blocked,
    DecodeError,
    Fetcher,
    FetchError,
    HostUnavailable,
    HTTPError,
    InvalidURL,
    NetworkError,
    NotASitemap,
    NotFound,
    NotHTML,
    Page,
    RateLimited,
    RobotsDisallowed,
    Timeout,
    TooLarge,
    TooManyRedirects,
    Truncated,
    binary_reason,
    gunzip_capped,
)
from .render import (
    BrowserRenderer,
    RenderError,
    RenderOptions,
    RenderUnavailable,
    find_browser,
    looks_like_app_shell,
    needs_rendering,
    render_unavailable,
)
from .stdin import StdinFetcher, read_stdin_page
from .urls import check_url
from .warc import WarcFetcher, iter_warc_pages

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_USER_AGENT",
    "HTML_TYPES",
    "NOT_REQUESTED",
    "SYSTEM_CLOCK",
    "Blocked",
    "BrowserRenderer",
    "Clock",
    "DecodeError",
    "DiskCache",
    "Entry",
    "FetchError",
    "Fetcher",
    "FileFetcher",
    "HTTPError",
    "HostUnavailable",
    "HttpFetcher",
    "HttpOptions",
    "InvalidURL",
    "NetworkError",
    "NotASitemap",
    "NotFound",
    "NotHTML",
    "Page",
    "RateLimited",
    "RenderError",
    "RenderOptions",
    "RenderUnavailable",
    "RobotsDisallowed",
    "StdinFetcher",
    "SystemClock",
    "Timeout",
    "TooLarge",
    "TooManyRedirects",
    "Truncated",
    "UrlFilter",
    "WarcFetcher",
    "binary_reason",
    "check_url",
    "default_cache_dir",
    "discover",
    "find_browser",
    "gunzip_capped",
    "iter_file_pages",
    "iter_warc_pages",
    "looks_like_app_shell",
    "needs_rendering",
    "parse_document",
    "read_page",
    "read_stdin_page",
    "render_unavailable",
    "url_key",
]
