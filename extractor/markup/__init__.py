"""Markdown and clean HTML renderings of an article record (issue 18).

Why a folder of its own, below the model in the import order: ``Article.to_markdown()`` and
``Article.to_html()`` call these renderers, so they read the records by their shape
(:class:`~extractor.markup.markdown.ArticleLike`) and import nothing but ``core``; the
Markdown output format (:mod:`extractor.export.markdownfmt`) and ``extract --with`` use them.
"""

from __future__ import annotations

from .html import article_html, body_html
from .markdown import article_markdown, body_markdown

__all__ = ["article_html", "article_markdown", "body_html", "body_markdown"]
