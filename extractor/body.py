"""Main text detection (placeholder: all <p> text)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Block, Image
from .tree import HtmlElement, node_text


@dataclass(slots=True)
class BodyResult:
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_body(tree: HtmlElement, *, headline: str | None = None, url: str | None = None,
                 article_body: str | None = None, exclude: list[HtmlElement] | None = None) -> BodyResult:
    blocks = [Block("paragraph", t) for p in tree.iter("p") if (t := node_text(p))]
    return BodyResult(blocks=blocks)
