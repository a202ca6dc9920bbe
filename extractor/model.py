"""The records the extractor returns.

Plain dataclasses with no imports from the rest of the package, so that any
layer (fetchers, exporters, a user's pipeline) can depend on them without
pulling in lxml or dateparser (``Article.to_markdown()`` and ``to_html()``
import their renderers from :mod:`extractor.export` only when called). Every
record is picklable and round-trips through ``to_dict()`` / ``from_dict()``
exactly, which is what the JSON exporters and the fixture regression tests
rely on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Generic, Literal, TypeVar, overload

BlockKind = Literal["paragraph", "heading", "list_item", "blockquote", "caption", "preformatted", "table"]
QuoteKind = Literal["direct", "indirect", "mixed", "block"]


def _dt_out(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _dt_in(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@dataclass(slots=True)
class Link:
    """A hyperlink inside a block's text: ``text[start:end]`` is the link text, ``href`` its target.

    Offsets, not markup, so that ``text`` stays the plain text every text consumer (the
    ``body``, quotes, metrics) reads, while the Markdown and HTML renderings can put the
    links back. ``href`` is absolute when the page URL is known.
    """

    start: int
    end: int
    href: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "href": self.href}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(start=int(data["start"]), end=int(data["end"]), href=data["href"])


@dataclass(slots=True)
class Block:
    """One unit of the article body, in reading order.

    ``text`` is always the block's plain text, the same words whatever the kind, so that
    ``body`` and every text measure read a table or a code block like any other block. The
    fields after ``level`` say what only some kinds have; ``to_dict()`` writes each of them
    only when it is set, so records of pages without tables, marked code or links keep the
    keys they always had, and ``from_dict()`` reads older records (which lack them) unchanged.
    """

    kind: BlockKind
    text: str
    # A heading's level (2 for <h2>); for a list item, its nesting depth when it is nested
    # (2: in a list inside another list's item), None at the top level.
    level: int | None = None
    # A table's cells, row by row ("" where a cell is empty or spanned), when kind == "table".
    # ``text`` is then the cells' texts one per line, as the body has always had them.
    rows: list[list[str]] | None = None
    header: bool = False  # a table's first row is its header row (<th> cells or <thead>)
    language: str | None = None  # a code block's language, when the page marks it (language-python)
    links: list[Link] = field(default_factory=list)  # the hyperlinks in ``text``, in order

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "level": self.level}
        if self.rows is not None or self.header:
            out["rows"] = [list(row) for row in self.rows] if self.rows is not None else None
            out["header"] = self.header
        if self.language is not None:
            out["language"] = self.language
        if self.links:
            out["links"] = [link.to_dict() for link in self.links]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        rows = data.get("rows")
        return cls(
            kind=data["kind"],
            text=data["text"],
            level=data.get("level"),
            rows=[[str(cell) for cell in row] for row in rows] if rows is not None else None,
            header=bool(data.get("header") or False),
            language=data.get("language"),
            links=[Link.from_dict(link) for link in data.get("links") or []],
        )


@dataclass(slots=True)
class Image:
    """An image that belongs to the article (not a logo, avatar or ad)."""

    src: str
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "alt": self.alt, "caption": self.caption, "credit": self.credit}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Image:
        return cls(
            src=data["src"], alt=data.get("alt"), caption=data.get("caption"), credit=data.get("credit")
        )


@dataclass(slots=True)
class Quote:
    """A quoted or reported statement found in the article text."""

    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_resolved: str | None = None
    cue: str | None = None
    addressee: str | None = None
    block_index: int | None = None
    span: tuple[int, int] | None = None  # character offsets into the text it was found in
    translated: bool = False
    # the quote finder's probability that this is a right attribution (0-1); None: not scored
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_resolved": self.speaker_resolved,
            "cue": self.cue,
            "addressee": self.addressee,
            "block_index": self.block_index,
            "span": list(self.span) if self.span is not None else None,
            "translated": self.translated,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        span = data.get("span")
        return cls(
            text=data["text"],
            kind=data["kind"],
            speaker=data.get("speaker"),
            speaker_resolved=data.get("speaker_resolved"),
            cue=data.get("cue"),
            addressee=data.get("addressee"),
            block_index=data.get("block_index"),
            span=(int(span[0]), int(span[1])) if span is not None else None,
            translated=bool(data.get("translated", False)),
            confidence=_float_or_none(data.get("confidence")),
        )


@dataclass(slots=True)
class Comment:
    """One reader comment or forum post, in page order."""

    text: str
    id: str | None = None
    parent_id: str | None = None
    depth: int = 0
    author: str | None = None
    author_url: str | None = None
    published: datetime | None = None
    published_raw: str | None = None
    likes: int | None = None
    dislikes: int | None = None
    liked_by: list[str] = field(default_factory=list)
    permalink: str | None = None
    author_deleted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "parent_id": self.parent_id,
            "depth": self.depth,
            "author": self.author,
            "author_url": self.author_url,
            "published": _dt_out(self.published),
            "published_raw": self.published_raw,
            "text": self.text,
            "likes": self.likes,
            "dislikes": self.dislikes,
            "liked_by": list(self.liked_by),
            "permalink": self.permalink,
            "author_deleted": self.author_deleted,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comment:
        return cls(
            text=data["text"],
            id=data.get("id"),
            parent_id=data.get("parent_id"),
            depth=int(data.get("depth") or 0),
            author=data.get("author"),
            author_url=data.get("author_url"),
            published=_dt_in(data.get("published")),
            published_raw=data.get("published_raw"),
            likes=data.get("likes"),
            dislikes=data.get("dislikes"),
            liked_by=list(data.get("liked_by") or []),
            permalink=data.get("permalink"),
            author_deleted=bool(data.get("author_deleted", False)),
        )


def _plain(value: Any) -> Any:
    """A field value as the JSON record holds it: dates as ISO text, records as dicts."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [v.to_dict() if hasattr(v, "to_dict") else v for v in value]
    return value


@dataclass(slots=True)
class PageMeta:
    """What the page states about itself: headline, byline, dates, site, section...

    The page-level part of an :class:`Article`, kept as one record so that the
    metadata extractor can hand it over whole instead of field by field. Its
    fields are, in this order, the record's keys between ``url`` and ``blocks``.
    """

    canonical_url: str | None = None
    headline: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    published_raw: str | None = None
    modified: datetime | None = None
    modified_raw: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    images: list[Image] = field(default_factory=list)
    # Where ``published`` was read: "json-ld", "meta", "microdata" (structured data),
    # "visible" (a date shown on the page), "url", "comments" (a thread's opening post), or
    # one of the first three with "-modified" when the page states only its modification
    # date. Last of the page fields, so that older records' key order is unchanged.
    published_source: str | None = None
    # The profile or home page of each author that states one (a byline's link, a JSON-LD
    # author's url), by the name as it is in ``authors``; absolute when the page URL is known.
    author_urls: dict[str, str] = field(default_factory=dict)
    # The organisation the page names as its author or publisher: ``authors`` holds people
    # only, so a byline of "By Reuters", "The Acme Team" or the site's own name lands here
    # (as "Reuters", "Acme"); otherwise the publisher the page states (JSON-LD ``publisher``,
    # ``itemprop="publisher"``, a publisher <meta>), also when people wrote the article.
    # Added after ``author_urls`` for the same reason as ``published_source``.
    publisher: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PageMeta:
        return cls(
            canonical_url=data.get("canonical_url"),
            headline=data.get("headline"),
            standfirst=data.get("standfirst"),
            authors=list(data.get("authors") or []),
            published=_dt_in(data.get("published")),
            published_raw=data.get("published_raw"),
            modified=_dt_in(data.get("modified")),
            modified_raw=data.get("modified_raw"),
            language=data.get("language"),
            site_name=data.get("site_name"),
            section=data.get("section"),
            tags=list(data.get("tags") or []),
            description=data.get("description"),
            images=[Image.from_dict(d) for d in data.get("images") or []],
            published_source=data.get("published_source"),
            author_urls=dict(data.get("author_urls") or {}),
            publisher=data.get("publisher"),
        )


_T = TypeVar("_T")


class _PageField(Generic[_T]):
    """An ``Article`` attribute that reads and writes the same-named field of ``article.meta``.

    Why: the page-level fields live in :class:`PageMeta`, but ``article.headline``,
    ``article.authors = [...]`` and ``getattr(article, "section")`` (the CSV
    exporter) were the record's interface and keep working unchanged.
    """

    __slots__ = ("name",)

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> _PageField[_T]: ...

    @overload
    def __get__(self, obj: Article, owner: type[Any] | None = None) -> _T: ...

    def __get__(self, obj: Article | None, owner: type[Any] | None = None) -> _T | _PageField[_T]:
        if obj is None:
            return self
        value: _T = getattr(obj.meta, self.name)
        return value

    def __set__(self, obj: Article, value: _T) -> None:
        setattr(obj.meta, self.name, value)


@dataclass(slots=True, init=False)
class Article:
    """Everything extracted from one article page.

    The page-level fields (headline, authors, dates, site, images...) are one
    :class:`PageMeta` in ``meta``, which extraction passes through whole; each
    of them also reads and writes as an attribute of the article
    (``article.headline`` is ``article.meta.headline``).

    ``body`` is derived from ``blocks`` (their texts joined by newlines) so the
    two can never disagree; it is still written by ``to_dict()`` because most
    consumers only want the plain text.
    """

    url: str | None
    meta: PageMeta
    blocks: list[Block]
    quotes: list[Quote]
    comments: list[Comment]
    comment_count: int | None
    # What kind of page this is: "article", "liveblog", "forum" (a thread),
    # "index" (a section or tag page listing other articles), or None when
    # not determined. An index page is flagged, not mangled into an article.
    page_type: str | None
    # The page shows a teaser cut short by a paywall or registration wall.
    paywalled: bool
    fetched_at: datetime | None
    warnings: list[str]

    canonical_url = _PageField[str | None]()
    headline = _PageField[str | None]()
    standfirst = _PageField[str | None]()
    authors = _PageField[list[str]]()
    published = _PageField[datetime | None]()
    published_raw = _PageField[str | None]()
    modified = _PageField[datetime | None]()
    modified_raw = _PageField[str | None]()
    language = _PageField[str | None]()
    site_name = _PageField[str | None]()
    section = _PageField[str | None]()
    tags = _PageField[list[str]]()
    description = _PageField[str | None]()
    images = _PageField[list[Image]]()
    published_source = _PageField[str | None]()
    author_urls = _PageField[dict[str, str]]()
    publisher = _PageField[str | None]()

    def __init__(
        self,
        url: str | None = None,
        canonical_url: str | None = None,
        headline: str | None = None,
        standfirst: str | None = None,
        authors: list[str] | None = None,
        published: datetime | None = None,
        published_raw: str | None = None,
        modified: datetime | None = None,
        modified_raw: str | None = None,
        language: str | None = None,
        site_name: str | None = None,
        section: str | None = None,
        tags: list[str] | None = None,
        description: str | None = None,
        images: list[Image] | None = None,
        blocks: list[Block] | None = None,
        quotes: list[Quote] | None = None,
        comments: list[Comment] | None = None,
        comment_count: int | None = None,
        page_type: str | None = None,
        paywalled: bool = False,
        fetched_at: datetime | None = None,
        warnings: list[str] | None = None,
        *,
        meta: PageMeta | None = None,
        published_source: str | None = None,
        author_urls: dict[str, str] | None = None,
        publisher: str | None = None,
    ) -> None:
        """Build from a :class:`PageMeta` (``meta=``) or from the page fields as keywords.

        Both ways are kept on purpose: extraction passes its ``PageMeta`` through
        whole, while users and tests have always written ``Article(headline=...,
        authors=[...])`` (the parameters keep their old order too). Giving ``meta``
        and a page field at once is an error rather than a guess at which wins. The page
        fields are not dataclass fields, so ``dataclasses.replace(article, headline=...)``
        raises TypeError; a copy with one page field changed is
        ``replace(article, meta=replace(article.meta, headline=...))``.
        """
        keywords = PageMeta(
            canonical_url=canonical_url,
            headline=headline,
            standfirst=standfirst,
            authors=authors if authors is not None else [],
            published=published,
            published_raw=published_raw,
            modified=modified,
            modified_raw=modified_raw,
            language=language,
            site_name=site_name,
            section=section,
            tags=tags if tags is not None else [],
            description=description,
            images=images if images is not None else [],
            published_source=published_source,
            author_urls=author_urls if author_urls is not None else {},
            publisher=publisher,
        )
        if meta is None:
            meta = keywords
        elif keywords != PageMeta():
            raise TypeError("Article(): give the page fields either in meta= or as keywords, not both")
        self.url = url
        self.meta = meta
        self.blocks = blocks if blocks is not None else []
        self.quotes = quotes if quotes is not None else []
        self.comments = comments if comments is not None else []
        self.comment_count = comment_count
        self.page_type = page_type
        self.paywalled = paywalled
        self.fetched_at = fetched_at
        self.warnings = warnings if warnings is not None else []

    @property
    def body(self) -> str:
        return "\n".join(block.text for block in self.blocks)

    def to_markdown(self, *, body_only: bool = False) -> str:
        """The article as Markdown (CommonMark with GFM pipe tables): the headline as a level-1
        heading, the standfirst, then the body; ``body_only`` gives the body alone.

        The renderer lives in its own folder below the model (:mod:`extractor.markup.markdown`)
        and is imported here on first call, so loading the model still imports nothing.
        """
        from .markup.markdown import article_markdown

        return article_markdown(self, body_only=body_only)

    def to_html(self, *, body_only: bool = False) -> str:
        """The article as clean HTML: semantic tags only, no scripts, styles or attributes
        other than ``href``, ``src`` and ``alt`` (:mod:`extractor.markup.html`, imported on
        first call); an ``<article>`` element, or with ``body_only`` the body's elements alone.
        """
        from .markup.html import article_html

        return article_html(self, body_only=body_only)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record: ``url``, the ``meta`` fields, ``blocks``, ``body``, then the rest."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "meta":
                out.update(self.meta.to_dict())
                continue
            out[f.name] = _plain(getattr(self, f.name))
            if f.name == "blocks":
                out["body"] = self.body
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            url=data.get("url"),
            meta=PageMeta.from_dict(data),
            blocks=[Block.from_dict(d) for d in data.get("blocks") or []],
            quotes=[Quote.from_dict(d) for d in data.get("quotes") or []],
            comments=[Comment.from_dict(d) for d in data.get("comments") or []],
            comment_count=data.get("comment_count"),
            page_type=data.get("page_type"),
            paywalled=bool(data.get("paywalled", False)),
            fetched_at=_dt_in(data.get("fetched_at")),
            warnings=list(data.get("warnings") or []),
        )


@dataclass(slots=True)
class ErrorRecord:
    """What a batch writes for a page that could not be fetched or extracted.

    A failing page never stops a batch; it becomes one of these so the output
    still says, per input, what happened.
    """

    url: str | None
    error: str  # the error type, e.g. "NotFound", "DecodeError", "ExtractionError"
    message: str
    time: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "error": self.error, "message": self.message, "time": _dt_out(self.time)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorRecord:
        return cls(
            url=data.get("url"), error=data["error"], message=data["message"], time=_dt_in(data.get("time"))
        )
