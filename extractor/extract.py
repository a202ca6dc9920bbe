"""extract_article(): the one place that orders the extraction steps.

decode -> parse once -> metadata -> body (comment regions excluded) -> quotes.
Everything here is a pure function of its inputs: no network, no globals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone
from functools import partial

from .body import NO_TEXT, BodyResult, extract_body, thread_blocks
from .comments import declared_comment_count, detect_comments, extract_comments
from .core.decode import decode_html
from .core.headers import header_value
from .core.index import PageIndex
from .core.tree import HtmlElement, base_href, parse_html, text_of
from .core.urls import absolute_url, page_base
from .meta.combine import Metadata, extract_metadata, thread_author
from .model import Article, Comment, Image
from .pagetype import ARTICLE, FORUM, INDEX, LIVEBLOG, detect_page_type, finalize_page_type, named_as_comments
from .quotes import checked_bar as checked_bar  # re-exported: the bar's check for jobs and steps
from .quotes import extract_block_quotes


def _declared_count(from_metadata: int | None, sections: list[HtmlElement], tree: HtmlElement) -> int | None:
    """The count the page states: structured data first, then a visible "Comments (5)"."""
    if from_metadata is not None:
        return from_metadata
    count = declared_comment_count(sections) if sections else None
    return count if count is not None else declared_comment_count(tree, read=sections)


def _not_a_comment_section(sections: list[HtmlElement], records: list[Comment]) -> bool:
    """Do the found sections hold far more text than the comments read from them?

    Why: a section that gives no comment records (or a few words of them) but holds
    thousands of characters was misjudged (a newsletter platform's post body looks like
    a list of dated items); excluding it would leave the article without its text.
    """
    held = sum(len(text_of(section)) for section in sections)
    read = sum(len(record.text) for record in records)
    return held > 1000 and read < 0.25 * held


def _unmangle_index(meta: Metadata) -> None:
    """A section or tag page lists other articles: their bylines and dates are not the page's.

    Only what the page states about itself in structured data is kept.
    """
    if meta.authors_source == "byline":
        meta.page.authors = []
    meta.page.publisher = meta.publisher_unless_byline
    if meta.page.published_source in ("visible", "url"):
        meta.page.published = None
        meta.page.published_raw = None
        meta.page.published_source = None


# A body shorter than this (characters) is read again keeping weakly named regions.
_TOO_SHORT = 200


def _chars(body: BodyResult) -> int:
    return sum(len(block.text) for block in body.blocks)


def _posts_outweigh(records: list[Comment], body: BodyResult) -> bool:
    """Do the posts found hold clearly more text than the list of items the body found?
    Then the page is a thread whose posts the item chooser only sampled."""
    return body.items and sum(len(r.text) for r in records) > 1.25 * _chars(body)


def _absolute_images(images: list[Image], base: str | None) -> list[Image]:
    """Images with absolute sources: without a given URL they were left as the page wrote
    them, and the page's canonical URL (``base``) can still resolve them."""
    if not base:
        return images
    out: list[Image] = []
    seen: set[str] = set()
    for image in images:
        src = absolute_url(image.src, base)
        if src not in seen:
            seen.add(src)
            out.append(image if src == image.src else replace(image, src=src))
    return out


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    fetched_at: datetime | None = None,
    comments: bool = True,
    time_limit: float | None = None,
    memory_limit: float | None = None,
    quote_confidence: float | None = None,
) -> Article:
    """Extract one article record from a page's bytes (or decoded text).

    ``fetched_at`` anchors relative dates ("3 hours ago"); it defaults to now,
    which is the only clock read in the pipeline. ``comments=False`` skips the
    comment section (no records, no exclusion from the body beyond what the body
    extractor's own boilerplate rules remove): for jobs that only want the article.

    ``time_limit`` (seconds) and ``memory_limit`` (MB the page may take) run the
    extraction in a reusable worker process that is stopped when the page goes over:
    :class:`~extractor.core.limits.TimeLimit` or :class:`~extractor.core.limits.MemoryLimit` is
    raised (an :class:`~extractor.core.limits.ExtractionError`), whatever the page was doing
    (a Python loop, a regex, lxml's C code). None or 0: no limit, and no worker.

    ``quote_confidence`` is the bar a quote's ``confidence`` must reach to be kept
    (:func:`~extractor.quotes.extract_quotes`'s ``min_confidence``): None is the default by
    register, 0 keeps every record the rules make, 0.7 or 0.8 buys precision with recall;
    outside 0-1 it is a ValueError.
    """
    checked_bar(quote_confidence)
    if fetched_at is None:
        fetched_at = datetime.now(timezone.utc)
    elif fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    if time_limit or memory_limit:
        from .core.limits import run_limited

        kwargs = {
            "headers": dict(headers) if headers else None,
            "fetched_at": fetched_at,
            "comments": comments,
            "quote_confidence": quote_confidence,
        }
        return run_limited(_extract, (html, url), kwargs, time_limit=time_limit, memory_limit=memory_limit)
    return _extract(
        html,
        url,
        headers=headers,
        fetched_at=fetched_at,
        comments=comments,
        quote_confidence=quote_confidence,
    )


def _extract(
    html: bytes | str,
    url: str | None,
    *,
    headers: Mapping[str, str] | None,
    fetched_at: datetime,
    comments: bool,
    quote_confidence: float | None = None,
) -> Article:
    """The steps, in order, in this process (what a limited worker runs)."""
    text, _encoding = decode_html(html, header_value(headers, "content-type"))
    tree = parse_html(text)
    index = PageIndex(tree)  # read by the steps up to the body, which changes the tree
    meta = extract_metadata(tree, url, fetched_at=fetched_at, index=index)
    page = meta.page  # what the page states about itself: the record's, bar two fields set below
    base = page_base(url, page.canonical_url, base_href(tree))  # what relative links resolve against
    page_type, paywall_hint = detect_page_type(tree, page, index)  # reads the unpruned tree
    # The comment section is found first so the body never sees it.
    detection = detect_comments(tree, index) if comments else None
    sections = list(detection.sections) if detection is not None else []
    if page_type == LIVEBLOG:
        # A live blog's entries (with their times) are its body, never reader comments.
        sections = [section for section in sections if named_as_comments(section)]
    records, comment_warnings = extract_comments(
        sections, fetched_at=fetched_at, language=page.language, detection=detection, base_url=base
    )
    if sections and _not_a_comment_section(sections, records):
        sections = []
    read_body = partial(
        extract_body,
        headline=page.headline,
        standfirst=page.standfirst,
        url=base,  # links and images in the body are made absolute against it
        authors=page.authors,
        dated=page.published is not None or page.modified is not None,
        declared_article=meta.declares_article,
    )
    body = read_body(
        tree,
        article_body=meta.article_body,
        exclude=[*sections, *detection.widgets] if detection is not None else sections,
    )
    if (
        page_type != FORUM
        and len(records) == 1
        and _chars(body) < _TOO_SHORT
        and len(records[0].text) > _TOO_SHORT
    ):
        # A lone "comment" beside a page with no text of its own is the post itself, its
        # byline and date read as a commenter's (page builders wrap a post in dated, named
        # boxes): read the page again without taking it out. (A thread of one post stays
        # a thread.)
        again = read_body(parse_html(text))
        if _chars(again) > _chars(body):
            body, records, sections = again, [], []
    if not records and _chars(body) < _TOO_SHORT:
        # Pruning by region names left (almost) nothing: read a fresh parse of the page again
        # keeping the weakly named regions (a shop's hero banners and carousels can be all
        # the text it has); the first tree was pruned in place.
        again = read_body(parse_html(text), named_regions=False)
        if _chars(again) > 2 * _chars(body):
            body = again
            body.warnings = [w for w in body.warnings if not w.startswith("body_fallback:")]
            body.warnings.append("body_fallback:named_regions")
    images = _absolute_images(body.images or page.images, base)
    page_type, paywalled = finalize_page_type(page_type, paywall_hint, body.blocks)
    detected_thread = page_type == FORUM
    if page_type == INDEX:
        _unmangle_index(meta)
    elif records and (
        page_type == FORUM or (len(records) > 1 and (not body.blocks or _posts_outweigh(records, body)))
    ):
        # A thread's posts are all records (the opening one too, as forum users expect)
        # and together the page's own text, in page order, as people read the page;
        # a page whose only text is a list of posts is a thread whatever its markup said.
        page_type = FORUM
        body.blocks = thread_blocks(records)
        body.warnings = [w for w in body.warnings if w != NO_TEXT and not w.startswith("body_fallback:")]
        if page.published is None and records[0].published is not None:
            # A thread is published when its opening post is: the first post's date.
            page = replace(
                page,
                published=records[0].published,
                published_raw=records[0].published_raw,
                published_source="comments",
            )
        if not page.authors and detected_thread:
            # Its author is the opening post's (a page found to be a list of posts only may
            # list job ads or reviews: their writers are not the page's).
            page = replace(page, **thread_author(records[0]))
    elif body.items and page_type == ARTICLE:
        # The body is the page's list of items: a category, search results, a product grid.
        page_type = INDEX
        _unmangle_index(meta)
    article = Article(
        url=url,
        # The page's own URL stands in for a canonical one it does not state; the
        # body's images, when it has any, are the article's (with absolute sources).
        meta=replace(page, canonical_url=page.canonical_url or url, images=images),
        blocks=body.blocks,
        comments=records,
        comment_count=_declared_count(meta.comment_count, sections, tree) if comments else meta.comment_count,
        page_type=page_type,
        paywalled=paywalled,
        fetched_at=fetched_at,
        warnings=[*meta.warnings, *comment_warnings, *body.warnings],
    )
    article.quotes = extract_block_quotes(article.blocks, page_type, min_confidence=quote_confidence)
    return article
