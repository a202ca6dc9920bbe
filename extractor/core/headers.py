"""HTTP header lookup: one home for the case-insensitive search every reader of headers needs.

Why: stored headers keep the server's casing ("content-type", "Content-Type", "CONTENT-TYPE"),
and saved pages, WARC records, fixtures and live responses all hand them over as plain
mappings. A lookup written inline in each reader drifted (first match in some, last in
another); this one returns the first match, as ``Page.header`` always did.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["header_value"]


def header_value(headers: Mapping[str, str] | None, name: str) -> str | None:
    """The value of header ``name`` (any casing), the first one if the mapping has several; None if absent."""
    if not headers:
        return None
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None
