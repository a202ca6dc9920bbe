"""The body step in order: prune, segment, choose, detect a listing, emit, trim, fall back.

Why a module of its own: this is where ``extract_body`` ties the stages together and
fills the ``BodyResult`` record, with the fallbacks that keep a page with text from
giving an empty body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from ..core.tree import HtmlElement, collapse_ws
from ..model import Block, Image
from .emit import emit
from .images import images_in, mark_figures
from .listing import listing_region
from .prune import prune
from .score import choose, fallback_regions
from .segment import segment
from .trim import trim_blocks

# The warning of a body with no text at all (every fallback step came back empty).
NO_TEXT = "no article text found"


@dataclass(slots=True)
class BodyResult:
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The body is a list of items (titles and summaries), not one article's text.
    items: bool = False


def extract_body(
    tree: HtmlElement,
    *,
    headline: str | None = None,
    standfirst: str | None = None,
    url: str | None = None,
    article_body: str | None = None,
    exclude: list[HtmlElement] | None = None,
    authors: Sequence[str] = (),
    dated: bool = False,
    declared_article: bool = False,
    named_regions: bool = True,
) -> BodyResult:
    """The article's own text as ordered blocks, plus its images; on a page that lists
    items, the listed items (``items`` is then set).

    ``dated`` and ``declared_article`` (the page states a date, or calls itself an article)
    keep a short article beside long link rails from being read as a list of items.
    ``named_regions=False`` keeps regions that only their names call boilerplate (banners,
    carousels, teasers): the last resort for a page where pruning left no text.
    """
    # Images (with captions and credits) are read before pruning drops credit spans.
    mark_figures(tree)
    spared = prune(tree, exclude, named=named_regions)
    body = tree.find("body")
    root = body if body is not None else tree
    runs = segment(root)
    result = BodyResult()
    if not runs:
        return _fallback(result, article_body)
    selected = choose(root, runs, spared)
    listing = listing_region(runs, spared, selected, declared_article or dated)
    if listing is not None:
        selected = [listing]
        result.items = True
    trim = partial(trim_blocks, authors=authors, dated=dated)
    emitted = emit(runs, selected, headline, standfirst, items=result.items, url=url)
    blocks = trim(emitted)
    if not blocks:
        # Never empty when the page has text: fall back in steps, and say which one gave it.
        # The chosen text may have been only lines the trim drops (trailing headings, the
        # header's date line): a step must then give more text than those lines, and a page
        # with such lines of its own is not read as a list of links.
        for step, fallback in fallback_regions(root, runs, spared):
            if step == "links" and emitted:
                break
            found = trim(emit(runs, fallback, headline, standfirst, items=step == "links", url=url))
            if found and _text_chars(found) > _text_chars(emitted):
                blocks, selected = found, fallback
                result.items = step == "links"  # the page's text is a list of linked entries
                result.warnings.append(f"body_fallback:{step}")
                break
        if not blocks:
            blocks = emitted  # those lines are all the text there is
    result.blocks = blocks
    result.images = images_in(selected, url)
    return _fallback(result, article_body)


def _text_chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def _fallback(result: BodyResult, article_body: str | None) -> BodyResult:
    """Use JSON-LD articleBody when the page's markup gave (almost) nothing.

    Some sites render the text with JavaScript and ship it only as
    structured data; a detected body far shorter than the declared one means
    detection failed rather than that the article is short.
    """
    found = sum(len(b.text) for b in result.blocks)
    declared = collapse_ws(article_body or "")
    if declared and (found == 0 or (len(declared) > 500 and found < 0.3 * len(declared))):
        paragraphs = [collapse_ws(x) for x in (article_body or "").split("\n")]
        result.blocks = [Block("paragraph", p) for p in paragraphs if p]
        result.warnings.append("body taken from JSON-LD articleBody")
    elif not result.blocks:
        result.warnings.append(NO_TEXT)
    return result
