"""Page metadata: headline, standfirst, authors, dates, language, site... (placeholder, being written)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .model import Image
from .tree import HtmlElement


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


def extract_metadata(tree: HtmlElement, url: str | None = None, *, fetched_at: datetime | None = None) -> Metadata:
    title = tree.findtext(".//title")
    return Metadata(headline=title.strip() if title else None)
