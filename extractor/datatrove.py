"""A datatrove pipeline step: HTML documents in, article text and metadata out.

For building text corpora from web crawls with datatrove
(``pip install 'extractor[datatrove]'``): put :class:`ExtractorStep` where
datatrove's own ``Trafilatura`` step would go, after a ``WarcReader``::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from extractor.datatrove import ExtractorStep

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), ExtractorStep(), JsonlWriter("corpus/")],
        tasks=4,
    ).run()

Each document's ``text`` (the page's HTML, as ``WarcReader`` yields it) is
replaced by the article's body text (its blocks joined by newlines), and the
record's fields go into ``doc.metadata`` under the names our JSON records use
(``headline``, ``authors``, ``published``, ``language``, ``page_type``...;
see :func:`article_metadata`). Documents whose page has no body text are
dropped. What the reader put in the metadata stays: ``url`` (the same value),
and ``date``, the crawl time, which also anchors relative dates on the page
("3 hours ago"). A later ``LanguageFilter`` overwrites ``language`` with its
detected code; ``metadata_prefix="page_"`` keeps the page's own beside it.

It follows the conventions of datatrove's extractors (``BaseExtractor``, whose
subclass it is, so code that checks for an extractor finds one): the same
statistics (``total``, ``extracted``, ``forwarded``, ``dropped``, ``timeout``,
``broken_process``, ``clean_error``, and ``doc_len`` of what is forwarded),
time tracked per document, and a page that fails is counted and skipped, never
fatal to the task. What differs, and why: datatrove's sandbox gives a page a
time limit in a child process; our extraction already runs each page in a
reusable worker under both a time and a memory limit (:mod:`extractor.core.limits`,
the same limits as ``extract`` and ``scrape``), so that is used instead and
``run`` is our own. A page over its time limit counts as ``timeout``, over its
memory limit as ``broken_process`` (datatrove's name for a child that died,
usually of memory), any other failure as ``clean_error``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from .core.dates import parse_timestamp
from .core.limits import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, MemoryLimit, TimeLimit, can_start_workers
from .extract import checked_bar, extract_article
from .model import Article

try:
    from datatrove.pipeline.extractors.base import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
        BaseExtractor,
    )
    from datatrove.utils.logging import logger  # type: ignore[import-untyped, import-not-found, unused-ignore]
    from datatrove.utils.typeshelper import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
        StatHints,
    )
except ImportError as exc:  # the plain install has no datatrove: say what to install
    raise ImportError("extractor.datatrove needs datatrove: pip install 'extractor[datatrove]'") from exc

# Record fields that are not metadata: the body is the document's text, and blocks repeat it.
_NOT_METADATA = frozenset({"body", "blocks", "quotes", "comments"})


def article_metadata(article: Article, *, quotes: bool = False, comments: bool = False) -> dict[str, Any]:
    """The record's fields as JSON-safe metadata: every field of its JSON form but the text itself.

    Dates are ISO 8601 text, lists stay lists, missing values are None, and every key is
    there for every document (datatrove's Parquet and JSON writers see one shape). Quotes
    and comments (lists of objects) only when asked for: most corpora want the text alone.
    """
    data = article.to_dict()
    meta = {key: value for key, value in data.items() if key not in _NOT_METADATA}
    if quotes:
        meta["quotes"] = data["quotes"]
    if comments:
        meta["comments"] = data["comments"]
    return meta


def _crawl_time(doc: Any) -> datetime | None:
    """The reader's ``date`` (WARC-Date, ISO 8601) as the fetch time, or None when absent or not ISO."""
    value = doc.metadata.get("date")
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_timestamp(value)
    except ValueError:
        return None


class ExtractorStep(BaseExtractor):  # type: ignore[misc]  # datatrove is untyped: its classes are Any
    """Replace each HTML document's text with the article's body; metadata from the record.

    ``comments``: also extract reader comments and put them (a list of objects) in
    ``metadata["comments"]``; off by default, which skips the comment section's work (the
    body never includes comments either way). ``quotes``: put the quotes found in the body
    in ``metadata["quotes"]``, those whose confidence reaches ``quote_confidence`` (None: the
    default bar, as ``extract_article``'s). ``time_limit`` (seconds) and ``memory_limit`` (MB) bound
    each page as ``extract --page-time-limit/--page-memory-limit`` do (0: no limit).
    ``metadata_prefix`` is put before every key this step adds (``"page_"`` keeps them
    apart from other steps' keys).
    """

    name = "📰 extractor"

    def __init__(
        self,
        *,
        comments: bool = False,
        quotes: bool = False,
        quote_confidence: float | None = None,
        time_limit: float = DEFAULT_TIME_LIMIT,
        memory_limit: float = DEFAULT_MEMORY_LIMIT,
        metadata_prefix: str = "",
    ) -> None:
        super().__init__(timeout=time_limit)
        self.comments = comments
        self.quotes = quotes
        self.quote_confidence = checked_bar(quote_confidence)
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.metadata_prefix = metadata_prefix
        self._warned_no_workers = False

    def extract(self, text: str) -> str:
        """``BaseExtractor``'s text-only interface: the body of one page (no limits, no metadata)."""
        return extract_article(text, comments=False).body

    def _limits(self) -> tuple[float | None, float | None]:
        """The page limits, or none where no worker can be started (a daemonic pool worker)."""
        if not (self.time_limit or self.memory_limit) or can_start_workers():
            return self.time_limit or None, self.memory_limit or None
        if not self._warned_no_workers:
            logger.warning("extractor: this process cannot start workers, so pages run without limits")
            self._warned_no_workers = True
        return None, None

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """Extract every document; yield those with body text, count and drop the others."""
        time_limit, memory_limit = self._limits()
        for doc in data:
            self.stat_update(StatHints.total)
            name = doc.metadata.get("url") or doc.id
            with self.track_time():
                try:
                    article = extract_article(
                        doc.text,
                        doc.metadata.get("url"),
                        fetched_at=_crawl_time(doc),
                        comments=self.comments,
                        quote_confidence=self.quote_confidence,
                        time_limit=time_limit,
                        memory_limit=memory_limit,
                    )
                except TimeLimit:
                    self.stat_update("timeout")
                    logger.warning(f"⏰ extractor: time limit on {name}; skipped")
                    continue
                except MemoryLimit:
                    self.stat_update("broken_process")
                    logger.warning(f"extractor: memory limit on {name}; skipped")
                    continue
                except Exception as exc:  # one bad page never stops the task, as in datatrove's extractors
                    self.stat_update("clean_error")
                    logger.warning(f"❌ extractor: {type(exc).__name__} on {name}: {exc}")
                    continue
                self.stat_update("extracted")
            if not article.body.strip():
                self.stat_update(StatHints.dropped)
                continue
            doc.text = article.body
            metadata = article_metadata(article, quotes=self.quotes, comments=self.comments)
            doc.metadata.update({self.metadata_prefix + key: value for key, value in metadata.items()})
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc


__all__ = ["ExtractorStep", "article_metadata"]
