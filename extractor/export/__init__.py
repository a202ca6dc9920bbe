"""Writing records out (JSON, JSON Lines, CSV, Parquet, Markdown), as a finished batch or appended to
during a job.

Two kinds of writer, one interface (:class:`RecordWriter`: ``write``, ``sync``,
``close``, ``done``, ``resumed``) and one serialisation per format:

- the exporters (``extract``): one class per format (:class:`Exporter`),
  files published atomically when the batch finishes;

      from extractor.export import get_exporter

      with get_exporter("jsonl", "out.jsonl") as exporter:
          for record in records:
              exporter.export_item(record)

- the append-only writers (``scrape``, :mod:`extractor.export.append`): JSON
  Lines or CSV that survive a kill and resume where the job stopped, from
  :func:`open_output`.

Markdown (:mod:`extractor.export.markdownfmt`, one stream or one file per page) writes each
article's text as Markdown, rendered from the record; the clean HTML rendering is
:mod:`extractor.markup.html` (a rendering, not an output format: ``Article.to_html()``).

Parquet (:mod:`extractor.export.parquet`) is an exporter only: a Parquet file
is complete only once its footer is written, so it cannot be appended to and
resumed the way the append-only writers are. Its module is imported here but
imports pyarrow only when a file is written (an optional dependency).

The append-only writers load on first use: their resume rules need
:mod:`extractor.fetch` (which error kinds mean "never requested"), and a
program that only exports should not pay for importing the HTTP stack.
"""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .base import (
    ArticleIds,
    Exporter,
    Record,
    RecordWriter,
    Target,
    article_id,
    dumps_line,
    dumps_record,
    record_from_dict,
    record_to_dict,
)
from .csvfmt import ARTICLE_FIELDS, COMMENT_FIELDS, ERROR_FIELDS, QUOTE_FIELDS, CsvExporter, table_paths
from .jsonfmt import JsonExporter
from .jsonl import JsonLinesExporter
from .markdownfmt import MarkdownExporter
from .parquet import ParquetExporter

if TYPE_CHECKING:
    from .append import CsvAppender, JsonlAppender, OutputLocked, StreamWriter, open_output

EXPORTERS: MappingProxyType[str, type[Exporter]] = MappingProxyType(
    {
        "json": JsonExporter,
        "jsonl": JsonLinesExporter,
        "csv": CsvExporter,
        "parquet": ParquetExporter,
        "markdown": MarkdownExporter,
    }
)
FORMATS: tuple[str, ...] = tuple(EXPORTERS)

_APPEND_NAMES = frozenset({"CsvAppender", "JsonlAppender", "OutputLocked", "StreamWriter", "open_output"})


def get_exporter(fmt: str, target: Target | os.PathLike[str], **options: Any) -> Exporter:
    """The exporter for a format name (``json``, ``jsonl``, ``csv``, ``parquet`` or ``markdown``), not
    yet started."""
    try:
        cls = EXPORTERS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return cls(target, **options)


def __getattr__(name: str) -> Any:
    """Load :mod:`extractor.export.append` when one of its names is first asked for (see above)."""
    if name in _APPEND_NAMES:
        from . import append

        return getattr(append, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ARTICLE_FIELDS",
    "COMMENT_FIELDS",
    "ERROR_FIELDS",
    "EXPORTERS",
    "FORMATS",
    "QUOTE_FIELDS",
    "ArticleIds",
    "CsvAppender",
    "CsvExporter",
    "Exporter",
    "JsonExporter",
    "JsonLinesExporter",
    "JsonlAppender",
    "MarkdownExporter",
    "OutputLocked",
    "ParquetExporter",
    "Record",
    "RecordWriter",
    "StreamWriter",
    "Target",
    "article_id",
    "dumps_line",
    "dumps_record",
    "get_exporter",
    "open_output",
    "record_from_dict",
    "record_to_dict",
    "table_paths",
]
