"""extractor: structured extraction of news and article pages.

Every public name loads on first use (PEP 562): ``import extractor`` costs almost
nothing, so the pytest plugin that an install registers, a CLI ``--help`` or a pipeline
that only wants the records does not pay for lxml, dateparser, the HTTP stack or
multiprocessing before it needs them. ``extractor.extract_article`` is the one call
most users want; ``scrape`` runs many pages; the exporters write the records.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core.limits import ExtractionError, MemoryLimit, TimeLimit
    from .export import CsvExporter, JsonExporter, JsonLinesExporter, get_exporter
    from .extract import extract_article
    from .fetch.page import Page
    from .jobs import scrape
    from .model import Article, Block, Comment, ErrorRecord, Image, PageMeta, Quote
    from .quotes import extract_quotes

__all__ = [
    "Article",
    "Block",
    "Comment",
    "CsvExporter",
    "ErrorRecord",
    "ExtractionError",
    "Image",
    "JsonExporter",
    "JsonLinesExporter",
    "MemoryLimit",
    "Page",
    "PageMeta",
    "Quote",
    "TimeLimit",
    "extract_article",
    "extract_quotes",
    "get_exporter",
    "scrape",
]
__version__ = "0.1.0"

_HOMES = {
    "extract_article": "extractor.extract",
    "extract_quotes": "extractor.quotes",
    "scrape": "extractor.jobs",
    "Page": "extractor.fetch.page",
    "get_exporter": "extractor.export",
    "JsonExporter": "extractor.export",
    "JsonLinesExporter": "extractor.export",
    "CsvExporter": "extractor.export",
    "ExtractionError": "extractor.core.limits",
    "TimeLimit": "extractor.core.limits",
    "MemoryLimit": "extractor.core.limits",
    **dict.fromkeys(
        ("Article", "Block", "Comment", "ErrorRecord", "Image", "PageMeta", "Quote"), "extractor.model"
    ),
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
