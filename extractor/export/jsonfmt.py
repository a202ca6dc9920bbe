"""JSON: one valid JSON array, streamed one record at a time.

The file is ``[``, the records separated by ``,`` and a newline, then ``]``,
so it is valid JSON without ever holding the batch in memory. Articles are
``Article.to_dict()`` (nested quotes and comments included); failed pages are
``{"url", "error", "message", "time"}`` objects in the same array, told apart
by their ``error`` key (see :func:`~extractor.export.base.record_from_dict`).
"""

from __future__ import annotations

from typing import IO

from .base import Exporter, Record, Target, dumps_record


class JsonExporter(Exporter):
    """A JSON array of records; ``indent`` pretty-prints each record."""

    format_name = "json"

    def __init__(self, target: Target, *, indent: int | None = None) -> None:
        super().__init__(target)
        self.indent = indent
        self._out: IO[str] | None = None
        self._count = 0

    def _begin(self) -> None:
        self._out = self._open(self.target)
        self._out.write("[")

    def _write(self, record: Record, key: str | None) -> None:
        assert self._out is not None
        self._out.write(",\n" if self._count else "\n")
        self._out.write(dumps_record(record, indent=self.indent))
        self._count += 1

    def _end(self) -> None:
        assert self._out is not None
        self._out.write("\n]\n")
