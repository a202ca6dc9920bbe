"""The page's date when nothing near the headline states one: a last, page-wide look.

Why apart from the dateline finder (``meta/byline.py``): that one ranks dates by their
distance to the headline and skips sidebars, related lists and comments outright, which
is right while a better date may come. When structured data, the dateline, the URL and
the modification date have all said nothing, a page whose template puts the post's date
in a "sidebar" box, or far from an <h1> that names the site, still shows a date marked
as one. This takes the first element, in document order, that is marked as a date
(class, id or itemprop "date", "time", "publish", "posted"..., or a <time>) and holds a
full date with its year, outside comments and outside links (a teaser's date sits in or
under its link).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from ..core.dates import find_date_in_text, names_a_year, parse_date
from ..core.index import PageIndex
from ..core.lexicon.calendar import OTHER_DATE_LABELS, PAGE_DATE_NAME_CUES
from ..core.lexicon.regions import COMMENT_TOKENS, FOREIGN_REGION_PREFIXES, FOREIGN_REGION_WORDS
from ..core.names import region_words
from ..core.tree import HtmlElement, class_id, collapse_ws

__all__ = ["find_page_date"]

_CUE = re.compile(PAGE_DATE_NAME_CUES)
_COMMENT = re.compile(rf"(?:^|[\s_-])(?:{COMMENT_TOKENS})(?=[\s_-]|$)")
_OTHER_LABEL = re.compile(rf"\b(?:{OTHER_DATE_LABELS})\b", re.IGNORECASE)
# Other articles' boxes; a sidebar is not one of them here: templates put the post's own
# date and category there ("single-post-sidebar"), and related lists inside it are named.
_OTHERS = FOREIGN_REGION_WORDS - {"sidebar", "rightrail", "siderail"}
_MAX_TEXT = 80  # characters: a date line, not a paragraph that mentions a date
_MAX_TRIES = 30  # each try may cost a dateparser call


@lru_cache(maxsize=4096)
def _marked(classes: str, node_id: str) -> bool:
    return bool(_CUE.search(f"{classes} {node_id}".lower()))


def _teaser_item(item: HtmlElement) -> bool:
    """A list item that links a title of its own (a related or latest post's entry)."""
    return any(len(collapse_ws(link.text_content()).split()) >= 4 for link in item.iter("a"))


def _outside(node: HtmlElement) -> bool:
    """Not in a comment, not in a link or a list item that links another title (a teaser),
    not in script or style."""
    for anc in [node, *node.iterancestors()]:
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in ("a", "script", "style", "noscript", "template", "button", "select"):
            return False
        if tag == "li" and _teaser_item(anc):
            return False
        if tag in ("body", "html"):
            return True
        names = class_id(anc)
        if _COMMENT.search(names) or (anc.get("itemtype") or "").lower().endswith("comment"):
            return False
        if names != " " and _names_others(names):
            return False
    return True


@lru_cache(maxsize=4096)
def _names_others(names: str) -> bool:
    words = region_words(names, compounds=False)
    return not words.isdisjoint(_OTHERS) or any(word.startswith(FOREIGN_REGION_PREFIXES) for word in words)


def _date_of(
    node: HtmlElement, language: str | None, fetched_at: datetime | None
) -> tuple[datetime, str] | None:
    for attr in ("datetime", "content"):
        raw = node.get(attr)
        if raw and names_a_year(raw):
            value = parse_date(raw, language=language, fetched_at=fetched_at)
            if value is not None:
                return value, raw.strip()
    text = collapse_ws(node.text_content())
    if not text or len(text) > _MAX_TEXT or not names_a_year(text) or _OTHER_LABEL.search(text):
        return None
    found = find_date_in_text(text, language=language, fetched_at=fetched_at)
    if found is None or not names_a_year(found[1]):
        return None
    return found


def find_page_date(
    index: PageIndex, *, language: str | None, fetched_at: datetime | None
) -> tuple[datetime, str] | None:
    """(value, raw) of the first marked date element of the page, or None."""
    marked = [*index.named(_marked), *index.having("datetime")]
    marked += [node for node in index.having("itemprop") if _CUE.search((node.get("itemprop") or "").lower())]
    tries = 0
    for node in index.in_order(marked):
        if node.tag in ("meta", "script", "style", "body", "html", "head", "link") or not _outside(node):
            continue
        tries += 1
        if tries > _MAX_TRIES:
            break
        found = _date_of(node, language, fetched_at)
        if found is not None:
            return found
    return None
