"""The body's renderings added to JSON records on request (``--with markdown,html``):
``body_markdown`` / ``body_html`` right after ``body``.

Why here, shared by ``extract`` and ``scrape``: the record's JSON is what every JSON writer
serialises, so the renderings ride on the record (:class:`RenderedArticle`) and a run without
``--with`` never meets this module's classes (its records are unchanged, byte for byte).
"""

from __future__ import annotations

import argparse
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import fields
from typing import Any

from ..model import Article
from .base import Record, RecordWriter

__all__ = ["RENDERINGS", "RenderedArticle", "RenderingWriter", "parse_with", "with_renderings"]

# What --with can add to a JSON record, by the name given, and the field it adds.
RENDERINGS = {"markdown": "body_markdown", "html": "body_html"}


def parse_with(value: str) -> tuple[str, ...]:
    """argparse type for --with: a comma-separated subset of :data:`RENDERINGS`, in that order."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in RENDERINGS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"choose from {', '.join(RENDERINGS)} (comma-separated), got {value!r}"
        )
    return tuple(name for name in RENDERINGS if name in names)


class RenderedArticle(Article):
    """An article whose JSON record carries its body's renderings (``--with``) after ``body``.

    Why a subclass of the record rather than an exporter option: the JSON and JSON Lines
    exporters serialise ``record.to_dict()``, so the added fields go through the one
    serialisation every JSON writer shares, and a run without ``--with`` never meets this
    class (its records are unchanged, byte for byte).
    """

    __slots__ = ("renderings",)

    def __init__(self, article: Article, renderings: dict[str, str]) -> None:
        for name in (f.name for f in fields(Article)):
            setattr(self, name, getattr(article, name))
        self.renderings = renderings

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in super().to_dict().items():
            out[key] = value
            if key == "body":
                out.update(self.renderings)
        return out


def with_renderings(record: Record, names: Sequence[str]) -> Record:
    """``record`` with the renderings ``names`` (from :data:`RENDERINGS`) added to its JSON; an
    error record, or no names, as it is."""
    if not names or not isinstance(record, Article):
        return record
    renderings = {}
    for name in names:
        if name == "markdown":
            renderings[RENDERINGS[name]] = record.to_markdown(body_only=True)
        elif name == "html":
            renderings[RENDERINGS[name]] = record.to_html(body_only=True)
    return RenderedArticle(record, renderings)


class RenderingWriter:
    """A :class:`~extractor.export.base.RecordWriter` that adds the renderings ``names`` to each
    article before the writer it wraps writes it (``scrape --with``); resume is the wrapped
    writer's."""

    def __init__(self, writer: RecordWriter, names: Sequence[str]) -> None:
        self._writer = writer
        self._names = tuple(names)

    @property
    def done(self) -> AbstractSet[Hashable]:
        return self._writer.done

    @property
    def resumed(self) -> int:
        return self._writer.resumed

    def write(self, record: Record, *, source: str | None = None) -> None:
        self._writer.write(with_renderings(record, self._names), source=source)

    def sync(self) -> None:
        self._writer.sync()

    def close(self) -> None:
        self._writer.close()
