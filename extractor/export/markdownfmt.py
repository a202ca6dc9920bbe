"""The Markdown output format: :class:`MarkdownExporter`, one stream with a separator line
between pages, or one ``.md`` file per page (the rendering itself is :mod:`extractor.markup.markdown`).

Why a module apart from the renderer: the renderer is what ``Article.to_markdown()`` calls and
must not import the model or the exporters' base; the exporter needs both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from ..core.atomic import AtomicFile
from ..markup.markdown import PAGE_SEPARATOR, article_markdown
from ..model import Article
from .base import Exporter, Record, Target, is_stream

_PAGE_SUFFIXES = (".gz", ".html", ".htm", ".xhtml", ".shtml")
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


def markdown_name(key: str | None) -> str:
    """The file name (without ``.md``) a page's Markdown gets in a folder: its input's name
    without the page suffixes (``news/story.html.gz`` -> ``story``), ``stdin`` for standard input."""
    if not key:
        return "stdin"
    name = Path(key).name
    lowered = name.lower()
    for suffix in _PAGE_SUFFIXES:
        if lowered.endswith(suffix):
            name, lowered = name[: -len(suffix)], lowered[: -len(suffix)]
    return _UNSAFE_NAME.sub("_", name).strip("._") or "page"


class MarkdownExporter(Exporter):
    """Markdown: one stream with :data:`PAGE_SEPARATOR` between pages, or one ``.md`` per page.

    ``folder=True`` (or a target that is an existing folder) writes ``NAME.md`` per page into
    it (``NAME`` from :func:`markdown_name`; a second page with the same name gets
    ``NAME.2.md``), each written to a temporary file and all published on finish, like every
    exporter's files. Failed pages (error records) have no Markdown: they are counted, and the
    command line reports them, but nothing is written for them.
    """

    format_name = "markdown"

    def __init__(self, target: Target, *, folder: bool | None = None) -> None:
        super().__init__(target)
        if folder is None:
            folder = not is_stream(target) and Path(target).is_dir()  # type: ignore[arg-type]
        self.folder = folder
        self._out: IO[str] | None = None
        self._count = 0
        self._names: set[str] = set()
        self._pending: list[AtomicFile] = []

    def _begin(self) -> None:
        if self.folder:
            if is_stream(self.target):
                raise ValueError("MarkdownExporter(folder=True) needs a folder path, not a stream")
            return
        self._out = self._open(self.target)

    def _write(self, record: Record, key: str | None) -> None:
        if not isinstance(record, Article):
            return
        text = article_markdown(record)
        if not self.folder:
            assert self._out is not None
            self._out.write(f"\n{PAGE_SEPARATOR}\n\n" if self._count else "")
            self._out.write(text)
            self._count += 1
            return
        stem = markdown_name(key)
        name, n = f"{stem}.md", 1
        while name in self._names:
            n += 1
            name = f"{stem}.{n}.md"
        self._names.add(name)
        atomic = AtomicFile(Path(self.target) / name, newline=self.newline)  # type: ignore[arg-type]
        atomic.open().write(text)
        atomic.sync()  # closed now, published on finish: a folder of pages holds no open files
        self._pending.append(atomic)
        self._count += 1

    def _end(self) -> None:
        for atomic in self._pending:
            atomic.publish()
        self._pending = []

    def abort(self) -> None:
        for atomic in self._pending:
            atomic.abort()
        self._pending = []
        super().abort()
