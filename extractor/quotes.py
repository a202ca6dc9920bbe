"""Quoted statements (issue 4). Until that lands, no quotes are reported."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Block, Quote


def extract_quotes(text: str) -> list[Quote]:
    """Quotes and reported speech in plain text; empty until the quotes work lands."""
    return []


def extract_block_quotes(blocks: Sequence[Block]) -> list[Quote]:
    """Run extract_quotes over the body blocks that can hold statements."""
    out: list[Quote] = []
    for index, block in enumerate(blocks):
        if block.kind in ("paragraph", "blockquote", "list_item"):
            for quote in extract_quotes(block.text):
                quote.block_index = index
                out.append(quote)
    return out
