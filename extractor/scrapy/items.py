"""The items a crawl passes around: a downloaded page, then its article record or its error record.

Why dataclass items with JSON-safe fields, and not the :class:`~extractor.model.Article` itself:
Scrapy's feed exporters read an item field by field (``itemadapter``) and write a ``datetime`` in
their own format without its time zone, and ``Article`` keeps its page fields in a nested
``meta`` record and computes ``body``. :class:`ArticleItem` has exactly the keys of
``Article.to_dict()``, in the same order, holding the same values (dates as ISO 8601 text), so
``scrapy crawl ... -O out.jsonl`` writes the same record that ``extractor scrape`` writes, and
:meth:`ArticleItem.to_article` gives the typed record back. :class:`ErrorItem` is
``ErrorRecord.to_dict()`` the same way: in JSON Lines an error line is told from an article line
by its ``error`` key, as in the project's own JSONL output.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ..fetch.page import Page
from ..model import Article, ErrorRecord


@dataclass(slots=True)
class PageItem:
    """A page as downloaded, on its way to :class:`~extractor.scrapy.ArticlePipeline`.

    The spider only downloads; extraction happens in the pipeline, so it runs off the
    crawler's event loop (in threads or limited worker processes) and a spider of the
    user's own can hand over pages by yielding these. Holds bytes: never exported, the
    pipeline replaces it with an :class:`ArticleItem` or an :class:`ErrorItem`.
    """

    url: str  # what was asked for: the record's identity, as in ``scrape``
    final_url: str  # where redirects ended: what relative links resolve against
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime

    def to_page(self) -> Page:
        return Page(self.url, self.final_url, self.status, self.headers, self.body, self.fetched_at)


@dataclass(slots=True)
class ArticleItem:
    """``Article.to_dict()`` as a Scrapy item: same keys, same order, same JSON-safe values."""

    url: str | None = None
    canonical_url: str | None = None
    headline: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_raw: str | None = None
    modified: str | None = None
    modified_raw: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    published_source: str | None = None
    author_urls: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None
    blocks: list[dict[str, Any]] = field(default_factory=list)
    body: str = ""
    quotes: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    comment_count: int | None = None
    page_type: str | None = None
    paywalled: bool = False
    fetched_at: str | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article) -> ArticleItem:
        # A key added to Article.to_dict() and not here fails loudly (TypeError) rather than
        # being dropped from every crawl's output.
        return cls(**article.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_article(self) -> Article:
        return Article.from_dict(self.to_dict())


@dataclass(slots=True)
class ErrorItem:
    """``ErrorRecord.to_dict()`` as a Scrapy item: a page that could not be fetched or extracted."""

    url: str | None
    error: str  # the kind, as in the README's table: NotFound, RobotsDisallowed, TimeLimit, ...
    message: str
    time: str | None = None

    @classmethod
    def from_record(cls, record: ErrorRecord) -> ErrorItem:
        return cls(**record.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_record(self) -> ErrorRecord:
        return ErrorRecord.from_dict(self.to_dict())
