"""extractor: structured extraction of news and article pages.

The extraction names are imported eagerly; the fetching and exporting names
(`scrape`, `Page`, the exporters) and the per-page limit errors (`TimeLimit`,
`MemoryLimit`, their base `ExtractionError`) load on first use, so that a
pipeline that only calls `extract_article` does not pay for importing the HTTP
stack or multiprocessing.
"""

from __future__ import annotations

from typing import Any

from .extract import extract_article
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

_LAZY = {
    "scrape": ("extractor.jobs", "scrape"),
    "Page": ("extractor.fetch.page", "Page"),
    "get_exporter": ("extractor.export", "get_exporter"),
    "JsonExporter": ("extractor.export", "JsonExporter"),
    "JsonLinesExporter": ("extractor.export", "JsonLinesExporter"),
    "CsvExporter": ("extractor.export", "CsvExporter"),
    "ExtractionError": ("extractor.core.limits", "ExtractionError"),
    "TimeLimit": ("extractor.core.limits", "TimeLimit"),
    "MemoryLimit": ("extractor.core.limits", "MemoryLimit"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
