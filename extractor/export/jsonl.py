"""JSON Lines: one record per line, the format for long and appendable batches.

Each line is one JSON object, the same objects as the JSON exporter writes,
serialised by :func:`~extractor.export.base.dumps_line` as every JSON Lines
writer does (the resumable ones of :mod:`extractor.export.append` too).
Line separators that ``str.splitlines()`` would split on (U+0085, U+2028,
U+2029) are written as ``\\u`` escapes, so one physical line is always one
record whichever way a consumer splits the file.
"""

from __future__ import annotations

from typing import IO

from .base import Exporter, Record, Target, dumps_line


class JsonLinesExporter(Exporter):
    """Newline-delimited JSON records."""

    format_name = "jsonl"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self._out: IO[str] | None = None

    def _begin(self) -> None:
        self._out = self._open(self.target)

    def _write(self, record: Record, key: str | None) -> None:
        assert self._out is not None
        self._out.write(dumps_line(record))

    def _end(self) -> None:
        """Nothing to close the stream with: every line is already a complete record."""
