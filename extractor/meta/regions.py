"""Where on the page a node sits: the article's header, or a region whose dates
and names belong to someone else (comments, related-article lists, sidebars).

Visible dates and bylines are only trusted near the headline and outside
those regions, because a comment's timestamp or a teaser's byline looks
exactly like the article's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.lexicon.regions import COMMENT_TOKENS, FOREIGN_REGION_PREFIXES, FOREIGN_REGION_WORDS
from ..core.names import region_words
from ..core.tree import HtmlElement, class_id
from ..core.urls import split_url

__all__ = ["headline_nodes", "in_foreign_region", "is_home_link", "main_h1"]

# Class/id tokens of regions whose metadata is not the article's.
_COMMENT_TOKEN = re.compile(rf"(?:^|[\s_-])(?:{COMMENT_TOKENS})(?=[\s_-]|$)")
_FOREIGN_TAGS = frozenset({"nav"})
# Foreign only outside an <article>: inside one they hold the article's own meta.
_FOREIGN_OUTSIDE_ARTICLE = frozenset({"aside", "footer"})


def in_foreign_region(node: HtmlElement, *, comments: bool = True) -> bool:
    """True when ``node`` (or an ancestor) is a comment, related, sidebar or nav region
    (``comments=False``: comment regions do not count).

    <footer> and <aside> count only outside an <article>: WordPress puts the
    post's own date and author in a <footer class="entry-meta">, and many
    sites an <aside> of article facts, inside the article.
    """
    chain = [node, *node.iterancestors()]
    for anc in chain:
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("body", "html"):
            break
        if tag in _FOREIGN_TAGS:
            return True
        listing = _names_a_listing(f"{anc.get('class') or ''} {anc.get('id') or ''}")
        if listing or (comments and _COMMENT_TOKEN.search(class_id(anc))):
            return True
        if tag in _FOREIGN_OUTSIDE_ARTICLE and not _has_article_ancestor(anc):
            return True
        if comments and (anc.get("itemtype") or "").lower().endswith(("/comment", "/usercomments")):
            return True
    return False


@lru_cache(maxsize=4096)
def _names_a_listing(names: str) -> bool:
    """Do the class/id names call the box a list of other articles (related, sidebar, rail)?"""
    if names == " ":
        return False
    words = region_words(names, compounds=False)
    return not words.isdisjoint(FOREIGN_REGION_WORDS) or any(
        word.startswith(FOREIGN_REGION_PREFIXES) for word in words
    )


def _has_article_ancestor(node: HtmlElement) -> bool:
    return any(a.tag == "article" for a in node.iterancestors())


def is_home_link(node: HtmlElement) -> bool:
    """True for a heading that is a link to the site's front page: the site's
    name or logo set in an <h1> (blog templates do this), not a headline."""
    text = node.text_content().strip()
    for link in node.iter("a"):
        href = link.get("href")
        parts = split_url(href) if href is not None else None  # None too for a malformed href
        is_root = parts is not None and parts.path.rstrip("/") in (
            "",
            ".",
            "/index.html",
            "/index.php",
        )
        if is_root and len(link.text_content().strip()) >= 0.8 * len(text):
            return True
    return False


def main_h1(tree: HtmlElement) -> HtmlElement | None:
    """The page's headline element: the first <h1> outside foreign regions that
    is not the site's name, preferring one inside <article> or <main>."""
    h1s = [h for h in headline_nodes(tree) if not is_home_link(h)]
    if not h1s:
        return None
    for h in h1s:
        if any(a.tag in ("article", "main") for a in h.iterancestors()):
            return h
    return h1s[0]


def headline_nodes(tree: HtmlElement) -> list[HtmlElement]:
    """Every non-empty <h1> outside foreign regions, in page order."""
    return [h for h in tree.iter("h1") if not in_foreign_region(h) and h.text_content().strip()]
