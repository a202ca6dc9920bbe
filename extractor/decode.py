"""Bytes -> text. (Placeholder being replaced by the decoding work.)"""

from __future__ import annotations


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used)."""
    if isinstance(data, str):
        return data, "unicode"
    return data.decode("utf-8", errors="replace"), "utf-8"
