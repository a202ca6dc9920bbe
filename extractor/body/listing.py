"""Step 3b, pages that list items: a category, search results, a product grid, jobs.

Why a module of its own: on such a page the content is the items' linked titles and
summaries, which the article scorer counts against a region; this step decides whether
the page is a list and, if so, which region lists its items.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.lexicon.regions import ENTRY_WORDS
from ..core.names import name_words
from ..core.tree import HtmlElement
from .score import best_ancestor, lend_all, run_value
from .segment import Run, run_inside
from .trim import is_dateline

# A linked line titles a listed item (a headline, a product, a job) from this many characters
# and words; menu entries ("Home", "About us") are shorter.
_ITEM_TITLE_CHARS = 20
_ITEM_TITLE_WORDS = 3
# From this much link-poor text the chosen container is an article of its own: no listing.
_LISTING_MAX_OWN = 700
# Below this much text the chosen container is an intro line or a teaser, whatever the page
# declares itself to be.
_INTRO_LENGTH = 150
# An ancestor with this many times the chosen text in item titles and summaries makes the
# page a list whatever it declares: many CMSs mark every page og:type=article, and cards
# carry dates.
_LISTING_OUTWEIGHS = 8


def is_item_title(text: str) -> bool:
    return len(text) >= _ITEM_TITLE_CHARS and len(text.split()) >= _ITEM_TITLE_WORDS


def _item_value(run: Run) -> int:
    """What a run adds to a list of items: a linked title counts like text, a short link
    (a menu entry, "Read more") against it; short unlinked lines (prices, dates) are neutral."""
    n = len(run.text)
    if run.link_len > 0.5 * n:
        return n if is_item_title(run.text) or run.owner.tag == "li" else -n
    own = n - run.link_len
    return own if own >= 25 else 0


def listing_region(
    runs: list[Run], spared: set[HtmlElement], selected: list[HtmlElement], declared_article: bool
) -> HtmlElement | None:
    """The region that lists the page's items, when the page is a list of items (a
    category, search results, a product grid, a list of jobs) rather than one article.

    Why: there the content is the items' linked titles and their summaries, which the
    article chooser counts against a region. A listing is taken when the chosen text is
    short and an ancestor of it holds far more item text (titles and summaries). Short
    articles beside long link rails stay articles: the list must have the chosen text as
    one of its items (or as a short intro line) unless the page gives no sign of being
    an article (no date, no og:type/JSON-LD article, no post or story container) or the
    items outweigh the chosen text many times over (``_LISTING_OUTWEIGHS``).
    """
    chosen = set(selected)
    cache: dict[HtmlElement, bool] = {}
    inside = [run for run in runs if run_inside(run, chosen, cache)]
    own = sum(max(run_value(run), 0) for run in inside)
    if own >= _LISTING_MAX_OWN:
        return None
    # A short date line in the chosen text ("July 21, 2012") dates it as a post.
    declared_article = declared_article or any(
        len(run.text) <= 40 and is_dateline(run.text) for run in inside
    )
    values = [(run.owner, value) for run in runs if (value := _item_value(run))]
    sums = lend_all(values, spared)
    best = best_ancestor(selected[0], sums, 2 * own + 150)
    if best is None or _an_item(selected[0], best):
        return best
    if _names_an_entry(selected[0], best):
        return None
    if own >= _INTRO_LENGTH and declared_article and sums[best] < _LISTING_OUTWEIGHS * own:
        return None
    return best


def _up_to(node: HtmlElement, region: HtmlElement) -> Iterator[HtmlElement]:
    """``node`` and its ancestors below ``region``."""
    current: HtmlElement | None = node
    while current is not None and current is not region:
        yield current
        current = current.getparent()


def _an_item(node: HtmlElement, region: HtmlElement) -> bool:
    """Is ``node``, or an ancestor below ``region``, one of three or more like siblings
    (same tag and class; classless ones only as list items or articles)?"""
    return any(_has_like_siblings(current) for current in _up_to(node, region))


def _has_like_siblings(node: HtmlElement) -> bool:
    parent = node.getparent()
    if parent is None:
        return False
    tag, cls = node.tag, node.get("class")
    return (
        bool(cls or tag in ("li", "article"))
        and sum(1 for c in parent if c.tag == tag and c.get("class") == cls) >= 3
    )


def _names_an_entry(node: HtmlElement, region: HtmlElement) -> bool:
    """Is ``node``, or an ancestor below ``region``, named as one post or story?"""
    return any(name_words(current) & ENTRY_WORDS for current in _up_to(node, region))
