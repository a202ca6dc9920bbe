"""Headline and standfirst: the visible <h1> when the structured titles agree with
it, else the best structured title with the site's name cut off.

<title> and og:title usually carry " | Site" or "Site - " decorations; the
<h1> usually does not but may be a logo or a section name. Agreement between
the two kinds is the signal: the h1 wins only when some structured title
says the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..core.lexicon.regions import HEADER_WORDS, STANDFIRST_TOKENS
from ..core.tree import HtmlElement, class_id, collapse_ws
from .authors import name_key
from .regions import in_foreign_region

__all__ = ["choose_headline", "find_standfirst", "site_name_from_title", "strip_site_name"]

# Separators between a headline and a site/section name in <title>.
_SEPARATOR = re.compile(r"\s+[|\-–—~·•»«/:]{1,2}\s+|\s*[|·•»«｜]\s*|\s+::\s+")
# Stripping a known site name may also cut at "Blog Name: Post" (no space before
# the colon); agreement may not, as "Headline: subtitle" is the same shape.
_STRIP_SEPARATOR = re.compile(_SEPARATOR.pattern + r"|(?<=\w):\s+")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
_STANDFIRST_TOKEN = re.compile(rf"(?:^|[\s_-])(?:{STANDFIRST_TOKENS})(?=[\s_-]|$)")
_BYLINE_OR_DATE = re.compile(
    r"^\s*(?:(?:written|posted|published|updated)\s+(?:by|on)|by|von|par|por|door|published|updated|posted)\b"
    r"|^\W*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\W*$",
    re.IGNORECASE,
)
_HEADER_HINT = re.compile(HEADER_WORDS)
_MAX_H2_DEK = 300
_STANDFIRST_WINDOW = 25
_MIN_STANDFIRST, _MAX_STANDFIRST = 15, 600


def _is_site_part(part: str, site_keys: Sequence[str]) -> bool:
    """A title segment that names the site: equal to a site key, or a short
    segment containing one ("CBC News" for "CBC")."""
    key = name_key(part)
    if not key:
        return True
    short = len(part.split()) <= 5
    for site in site_keys:
        if not site:
            continue
        if key == site or (short and len(key) >= 4 and len(site) >= 4 and (key in site or site in key)):
            return True
    return False


def _is_site_name(text: str, site_keys: Sequence[str]) -> bool:
    key = name_key(text)
    return not key or key in site_keys


def strip_site_name(title: str | None, site_keys: Sequence[str]) -> str | None:
    """'Headline | Site' / 'Site - Headline' / 'Headline - Section - Site' -> 'Headline'."""
    if not title:
        return None
    text = collapse_ws(title)
    for _ in range(3):
        seps = list(_STRIP_SEPARATOR.finditer(text))
        if not seps:
            break
        head, tail = text[: seps[-1].start()], text[seps[-1].end() :]
        if head and _is_site_part(tail, site_keys):
            text = head.strip()
            continue
        head, tail = text[: seps[0].start()], text[seps[0].end() :]
        if tail and _is_site_part(head, site_keys):
            text = tail.strip()
            continue
        break
    return text or None


def site_name_from_title(title: str | None, headline: str | None) -> str | None:
    """'Headline | Site' with a known headline -> 'Site' (pages without site meta)."""
    if not title or not headline:
        return None
    text, key = collapse_ws(title), name_key(headline)
    for sep in _SEPARATOR.finditer(text):
        head, tail = text[: sep.start()].strip(), text[sep.end() :].strip()
        if name_key(head) == key and _name_sized(tail):
            return tail
        if name_key(tail) == key and _name_sized(head):
            return head
    return None


def _name_sized(text: str) -> bool:
    return bool(text) and len(text.split()) <= 6 and len(text) <= 60


def agrees(h1: str, title: str) -> bool:
    """True when a structured title is the h1, a truncation of it, or the h1 plus decoration."""
    hk, tk = name_key(h1), name_key(title)
    if not hk or not tk:
        return False
    if hk == tk:
        return True
    if _ELLIPSIS.search(title) and len(tk) >= 20 and hk.startswith(name_key(_ELLIPSIS.sub("", title))):
        return True
    for sep in _SEPARATOR.finditer(title):
        if name_key(title[: sep.start()]) == hk or name_key(title[sep.end() :]) == hk:
            return True
    return False


def headline_like(text: str) -> bool:
    """Long enough to be a headline rather than a section or a person's name."""
    if any("\u3040" <= ch <= "\u9fff" for ch in text):
        return len(text) >= 12
    return len(text.split()) >= 4


def choose_headline(
    h1s: Sequence[str], structured: Iterable[str | None], site_keys: Sequence[str]
) -> str | None:
    """The h1 that a structured title agrees with; else a lone headline-like h1;
    else the first structured title, cleaned.

    ``structured`` is ordered strongest first (JSON-LD, microdata, og:title,
    twitter:title, ..., <title>). A lone h1 beats a disagreeing structured
    title because og:title and <title> are often SEO variants of the visible
    headline, while a single h1 on an article page rarely is anything else.
    """
    titles = [collapse_ws(t) for t in structured if t and collapse_ws(t)]
    visible = [h for h in h1s if not _is_site_part(h, site_keys)]
    for h1 in visible:
        if any(agrees(h1, t) for t in titles):
            return h1
    if len(visible) == 1 and headline_like(visible[0]):
        return visible[0]
    for title in titles:
        cleaned = strip_site_name(title, site_keys)
        if cleaned and not _is_site_name(cleaned, site_keys):
            return cleaned
    return visible[0] if visible else (titles[0] if titles else None)


def _standfirst_tokens(node: HtmlElement) -> bool:
    toks = f"{node.get('class') or ''} {node.get('id') or ''} {node.get('itemprop') or ''}".lower().split()
    return any(_STANDFIRST_TOKEN.search(t) for t in toks)


def find_standfirst(h1: HtmlElement | None, headline: str | None) -> str | None:
    """The dek under (or just above) the headline.

    A marked element (class "standfirst", "dek", "subtitle"...) near the h1
    first; else an <h2> right after the h1, or a <p> right after it when both
    sit in the article's header. A bare <p> after the h1 elsewhere is the
    body's first paragraph, not a dek.
    """
    if h1 is None:
        return None
    near = h1.xpath(f"following::*[position() <= {_STANDFIRST_WINDOW}] | preceding::*[position() <= 6]")
    for node in near:
        if not isinstance(node.tag, str) or not _standfirst_tokens(node):
            continue
        if _fits(node, headline) and not in_foreign_region(node):
            return collapse_ws(node.text_content())
    sibling = h1.getnext()
    if sibling is not None and _is_header_dek(h1, sibling) and _fits(sibling, headline):
        return collapse_ws(sibling.text_content())
    return None


def _is_header_dek(h1: HtmlElement, sibling: HtmlElement) -> bool:
    if sibling.tag == "h2":
        return len(collapse_ws(sibling.text_content())) <= _MAX_H2_DEK
    if sibling.tag != "p":
        return False
    parent = h1.getparent()
    return parent is not None and (
        parent.tag in ("header", "hgroup") or bool(_HEADER_HINT.search(class_id(parent)))
    )


def _fits(node: HtmlElement, headline: str | None) -> bool:
    """Dek-sized, not the headline again, and not a byline or dateline."""
    text = collapse_ws(node.text_content())
    if not (_MIN_STANDFIRST <= len(text) <= _MAX_STANDFIRST) or _BYLINE_OR_DATE.search(text):
        return False
    return not headline or name_key(text) != name_key(headline)
