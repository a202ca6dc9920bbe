"""Step 3, scoring: which containers hold the article.

Why a module of its own: containers are scored readability-style from the runs they
hold, the best one is grown to the ancestor that holds the rest of the article, and
when that gives no text the fallback regions are tried in order; all of it is one
question, where the article is, asked of the same runs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import TypeVar, cast

from lxml import etree

from ..core.lexicon.regions import NEGATIVE_WORDS, POSITIVE_WORDS
from ..core.names import name_words
from ..core.tree import HtmlElement
from .prune import strongly_negative
from .segment import Run

_V = TypeVar("_V")

_TAG_WEIGHT = {
    "div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "form": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "address": -3,
    "th": -5, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5,
}  # fmt: skip


def _class_weight(node: HtmlElement) -> int:
    words = name_words(node)
    weight = 0
    if words & POSITIVE_WORDS:
        weight += 25
    if words & NEGATIVE_WORDS:
        weight -= 25
    if node.get("itemprop") == "articleBody":
        weight += 50
    return weight


@dataclass(slots=True)
class _Stats:
    text_len: int = 0
    link_len: int = 0
    score: float = 0.0


def _score(runs: list[Run]) -> dict[HtmlElement, _Stats]:
    """Each element's text and link text (its runs and those below it) and its score.

    The keys are in the order a walk up from each run's owner, run after run, meets them
    (the first of equal scores wins in ``_seed``). The lengths are added to the owners,
    then once from each element to its parent, deepest first: the same sums as adding
    every run to every ancestor, without walking the ancestors once per run.
    """
    stats: dict[HtmlElement, _Stats] = {}
    up: dict[HtmlElement, HtmlElement | None] = {}
    depth: dict[HtmlElement, int] = {}
    for run in runs:
        n = len(run.text)
        owner = run.owner
        st = stats.get(owner)
        if st is None:
            _discover(owner, stats, up, depth, _Stats, ())
            st = stats[owner]
        st.text_len += n
        st.link_len += run.link_len
        if n - run.link_len < 25:
            continue
        points = 1 + run.text.count(",") + run.text.count("，") + min(n // 100, 3)
        targets = [owner] if owner.tag in ("div", "td", "section", "article") else []
        parent = owner.getparent()
        if parent is not None:
            targets.append(parent)
            grand = parent.getparent()
            if grand is not None:
                targets.append(grand)
        for level, target in enumerate(targets):
            stats[target].score += points / (1 if level == 0 else 2 * level)
    for node in sorted(depth, key=depth.__getitem__, reverse=True):
        above = up[node]
        if above is not None:
            st, ast = stats[node], stats[above]
            ast.text_len += st.text_len
            ast.link_len += st.link_len
    return stats


def _discover(
    owner: HtmlElement,
    table: dict[HtmlElement, _V],
    up: dict[HtmlElement, HtmlElement | None],
    depth: dict[HtmlElement, int],
    empty: Callable[[], _V],
    stops: Collection[HtmlElement],
) -> None:
    """Enter ``owner`` (not in ``table`` yet) and its ancestors that are not in it yet into
    ``table`` (each with ``empty()``), bottom up, up to the root or a ``stops`` element
    (entered too); ``up`` gets each one's element above (None at the root or a stop),
    ``depth`` its depth under the top of its chain (a parent before a child when sorted)."""
    path: list[HtmlElement] = []
    node: HtmlElement | None = owner
    while node is not None and node not in table:
        table[node] = empty()
        path.append(node)
        if node in stops:
            node = None
            break
        node = node.getparent()
    # node: the known element the chain joins, or None (root or stop)
    level = depth[node] + 1 if node is not None else 0
    above = node
    for entered in reversed(path):
        up[entered] = above
        depth[entered] = level
        above = entered
        level += 1


def _final_score(node: HtmlElement, st: _Stats) -> float:
    base: float = st.score + _TAG_WEIGHT.get(cast(str, node.tag), 0) + _class_weight(node)
    density = st.link_len / st.text_len if st.text_len else 1.0
    return base * (1.0 - density)


def run_value(run: Run) -> int:
    """What a run adds to a region that holds it: its own text, less what is link text.

    Link lines (menus, teaser headlines) count against a region; short link-free lines
    (labels, buttons, dates, headings) count for nothing either way.
    """
    n = len(run.text)
    link = run.link_len
    if link > 0.5 * n:
        return -n
    own = n - link
    if own < 25:
        return 0
    return own - link


# Text (in characters, less link text) from which the seed is an article of its own.
_ARTICLE_LENGTH = 1000


def _region_sums(runs: list[Run], spared: set[HtmlElement], teasers: bool) -> dict[HtmlElement, int]:
    """Each element's sum of the run values in its subtree.

    A region kept only for its size although its name calls it a sidebar, related
    links or the like (``spared``) counts for itself but lends nothing to its
    ancestors: it must not pull the article's container up to the page wrapper.
    """
    values: list[tuple[HtmlElement, int]] = []
    after_headline = False
    for run in runs:
        value = run_value(run)
        if not value:
            continue
        headline = value < 0 and len(run.text) <= 150
        if not teasers and value > 0 and after_headline and len(run.text) < 400:
            value = 0  # a teaser's summary under its linked headline
        after_headline = headline
        if not value:
            continue
        values.append((run.owner, value))
    return lend_all(values, spared)


def lend_all(values: list[tuple[HtmlElement, int]], spared: set[HtmlElement]) -> dict[HtmlElement, int]:
    """What ``lend`` gives for each (owner, value) in turn into an empty dict, the same keys
    in the same order, with each element's parent asked once: the values are added to
    their owners, then from each element to the one above it, deepest first."""
    sums: dict[HtmlElement, int] = {}
    up: dict[HtmlElement, HtmlElement | None] = {}
    depth: dict[HtmlElement, int] = {}
    for owner, value in values:
        if owner not in sums:
            _discover(owner, sums, up, depth, int, spared)
        sums[owner] += value
    for node in sorted(depth, key=depth.__getitem__, reverse=True):
        above = up[node]
        if above is not None:
            sums[above] += sums[node]
    return sums


def choose(root: HtmlElement, runs: list[Run], spared: set[HtmlElement] | None = None) -> list[HtmlElement]:
    """The article's containers: the best-scoring one with its siblings, grown to the
    ancestor that holds the rest of the text when the article is split over many blocks.

    Why grow: site builders and step-by-step pages put each section in a container of
    its own, so the best single container holds a fraction of the text. An ancestor is
    taken when it adds clearly more text than link text (``_region_sums``); the
    tag-and-class scoring of the seed keeps pages whose text sits beside long link
    lists as precise as before.
    """
    spared = spared or set()
    selected = _seed(root, runs, spared)
    sums = _region_sums(runs, spared, teasers=True)
    own = sum(sums.get(node, 0) for node in selected)
    if own >= _ARTICLE_LENGTH:
        # The seed is an article of its own: teaser lists beside it are other articles.
        sums = _region_sums(runs, spared, teasers=False)
        own = sum(sums.get(node, 0) for node in selected)
    best = best_ancestor(selected[0].getparent(), sums, own + max(150, int(0.3 * max(own, 0))))
    return [best] if best is not None else selected


def best_ancestor(start: HtmlElement | None, sums: dict[HtmlElement, int], floor: int) -> HtmlElement | None:
    """From ``start`` up to the body, the element with the largest sum of at least ``floor``
    (the higher one on a tie: it adds nothing and holds the rest)."""
    best: HtmlElement | None = None
    node = start
    while node is not None and node.tag != "html":
        total = sums.get(node, 0)
        if total >= floor:
            best, floor = node, total
        node = node.getparent()
    return best


def lend(sums: dict[HtmlElement, int], owner: HtmlElement, value: int, spared: set[HtmlElement]) -> None:
    """Add a run's value to its owner and every ancestor up to a spared region."""
    node: HtmlElement | None = owner
    while node is not None:
        sums[node] = sums.get(node, 0) + value
        if node in spared:
            break
        node = node.getparent()


def _seed(root: HtmlElement, runs: list[Run], spared: set[HtmlElement] | None = None) -> list[HtmlElement]:
    """The best-scoring container plus siblings that continue the article.

    Containers inside a region named as a sidebar or the like (kept only for its size)
    are candidates only when nothing outside such regions scores at all.
    """
    stats = _score(runs)
    aside = {node for region in spared or () if strongly_negative(region) for node in region.iter()}
    best: HtmlElement | None = None
    best_score = float("-inf")
    for outside in (True, False):
        for node, st in stats.items():
            if node.tag in ("html", "body") or st.score <= 0 or (outside and node in aside):
                continue
            score = _final_score(node, st)
            if score > best_score:
                best, best_score = node, score
        if best is not None or not aside:
            break
    if best is None:
        body = root.find("body")
        return [body if body is not None else root]
    # Climb to an ancestor that scores nearly as well: the best node is then
    # one section of a longer article (a recipe box, a split story body).
    above: HtmlElement | None = best.getparent()
    for _ in range(4):
        if above is None or above.tag in ("html", "body"):
            break
        nst = stats.get(above)
        if nst is not None and _final_score(above, nst) >= best_score * 0.75:
            best = above
        above = above.getparent()
    best_score = max(best_score, _final_score(best, stats[best]))
    selected = [best]
    parent = best.getparent()
    if parent is None:
        return selected
    threshold = max(10.0, best_score * 0.2)
    selected = []
    for sibling in parent:
        if sibling is best:
            selected.append(sibling)
            continue
        sibling_stats = stats.get(sibling)
        if sibling_stats is None or not sibling_stats.text_len:
            continue
        density = sibling_stats.link_len / sibling_stats.text_len
        if (_final_score(sibling, sibling_stats) >= threshold and density < 0.3) or (
            sibling.tag == "p"
            and density < 0.25
            and (sibling_stats.text_len > 80 or (sibling_stats.text_len > 20 and density == 0))
        ):
            selected.append(sibling)
    return selected


def fallback_regions(
    root: HtmlElement, runs: list[Run], spared: set[HtmlElement]
) -> Iterator[tuple[str, list[HtmlElement]]]:
    """Where to look when the chosen container gave no text, most precise first.

    ``densest``: the element whose subtree has the most text beyond its link text;
    ``main``: the page's ``<main>``, ``role=main`` or ``<article>`` element; ``paragraphs``:
    every visible line of the page that is not a link list or boilerplate line; ``links``:
    those lines with the linked titles and list entries as well (a portfolio or directory
    page whose only text is its links).
    """
    sums = _region_sums(runs, spared, teasers=True)
    densest = max(
        ((total, node) for node, total in sums.items() if node.tag != "html" and total > 0),
        key=lambda pair: pair[0],
        default=None,
    )
    if densest is not None:
        yield "densest", [densest[1]]
    main = root.find(".//main")
    if main is None:
        main = next(iter(_MAIN_OR_ARTICLE(root)), None)
    if main is not None:
        yield "main", [main]
    yield "paragraphs", [root]
    yield "links", [root]


# The first element that is role=main or an <article> (one step: a union sorts both sets).
_MAIN_OR_ARTICLE = etree.XPath("descendant::*[@role='main' or self::article][1]")
