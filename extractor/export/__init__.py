"""Exporters: stream Article and ErrorRecord records to JSON, JSON Lines or CSV.

    from extractor.export import get_exporter

    with get_exporter("jsonl", "out.jsonl") as exporter:
        for record in records:
            exporter.export_item(record)

Every format implements the same interface (:class:`Exporter`), writes one
record at a time, and publishes files atomically when the batch finishes.
"""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import Any

from ..core.atomic import AtomicFile, commit_all
from .base import (
    ArticleIds,
    Exporter,
    Record,
    Target,
    article_id,
    dumps_record,
    record_from_dict,
    record_to_dict,
)
from .csvfmt import ARTICLE_FIELDS, COMMENT_FIELDS, ERROR_FIELDS, QUOTE_FIELDS, CsvExporter, table_paths
from .jsonfmt import JsonExporter
from .jsonl import JsonLinesExporter

EXPORTERS: MappingProxyType[str, type[Exporter]] = MappingProxyType(
    {"json": JsonExporter, "jsonl": JsonLinesExporter, "csv": CsvExporter}
)
FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def get_exporter(fmt: str, target: Target | os.PathLike[str], **options: Any) -> Exporter:
    """The exporter for a format name (``json``, ``jsonl`` or ``csv``), not yet started."""
    try:
        cls = EXPORTERS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return cls(target, **options)


__all__ = [
    "ARTICLE_FIELDS",
    "COMMENT_FIELDS",
    "ERROR_FIELDS",
    "EXPORTERS",
    "FORMATS",
    "QUOTE_FIELDS",
    "ArticleIds",
    "AtomicFile",
    "CsvExporter",
    "Exporter",
    "JsonExporter",
    "JsonLinesExporter",
    "Record",
    "Target",
    "article_id",
    "commit_all",
    "dumps_record",
    "get_exporter",
    "record_from_dict",
    "record_to_dict",
    "table_paths",
]
