"""The one reading of class and id names as region words ("what is this box?").

Why one module: the body's pruning, its scoring and image credits, and the metadata's
"foreign region" test (comments, sidebars, related lists) all ask what a box's class/id
says it is; they read the names the same way, with the conventions of real markup:

- only each token's whole form and its first and last parts count ("entry-author-jane":
  the middle part names an attribute, not the region; "elementor-widget-container" is a
  container);
- a BEM modifier ("m-article--sidebar-right") is a variant of the block, not its role;
- a utility class for one breakpoint or state ("max-lg:hidden", "[--sidebar-width:18rem]")
  is no name;
- layout flags ("with-sidebar", "no-sidebar") say how the page is laid out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon.regions import COMPOUND_WORDS, HIDING_PREFIXES, LAYOUT_FLAGS, STYLE_PREFIXES
from .tree import HtmlElement

__all__ = ["name_letters", "name_words", "region_words"]

_NAME_SPLIT = re.compile(r"[\s_\-:./]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


# Every byte but a-z and 0-9 (see name_letters).
_NOT_LETTER_BYTES = bytes(b for b in range(256) if not (0x61 <= b <= 0x7A or 0x30 <= b <= 0x39))


def name_letters(raw: str) -> str:
    """The lower-cased text with everything but a-z and 0-9 taken out ("Entry-Date" ->
    "entrydate"): every word any class/id reader of the package takes from a name, whole
    or joined across separators, is a substring of it, so a word missing here is missing
    from every reading, and a test for a rare word can answer before the name is split.

    Deleting the other bytes of the UTF-8 text gives what deleting ``[^a-z0-9]`` from
    the text gives (a non-ASCII character is only bytes >= 0x80), in a tenth of the time
    of the regex substitution.
    """
    return raw.lower().encode("utf-8", "ignore").translate(None, _NOT_LETTER_BYTES).decode("ascii")


def name_words(node: HtmlElement) -> frozenset[str]:
    """Words of class tokens and the id that can name a region.

    Only each token's whole form and its first and last parts count: a middle
    part ("entry-author-jane" on WordPress posts) names an attribute of the
    region, not the region itself.
    """
    raw = f"{node.get('class') or ''} {node.get('id') or ''}"
    if raw == " ":
        return frozenset()
    return region_words(raw)


@lru_cache(maxsize=8192)
def region_words(raw: str, *, compounds: bool = True) -> frozenset[str]:
    """Cached on the raw attribute text: pages repeat the same class names many times.

    ``compounds``: also the lexicon's COMPOUND_WORDS found inside a token ("jp-relatedposts",
    "socialshare"); without them only the parts themselves count, for tests where a word
    buried in a layout name ("layout__2-sidebars-inline") must not count.

    Most names a page has are its own (a cache cannot help them), but their tokens recur
    across them ("col-md-6", "widget"): each token is read once (``_token_words``, cached),
    and a name is the union of its tokens' words.
    """
    words: set[str] = set()
    for token in raw.split():
        words.update(_token_words(token, compounds))
    return frozenset(words)


@lru_cache(maxsize=16384)
def _token_words(token: str, compounds: bool) -> tuple[str, ...]:
    """The region words of one class/id token (see ``region_words``).

    The common cases skip work: no camel-case split without a capital, no split of a token
    that has no separator, no search for compound words unless one of them occurs.
    """
    if not token.islower():  # (a capital, or no letter at all: the split finds nothing then)
        token = _CAMEL.sub("-", token)
    token = token.lower()
    if ":" in token or "[" in token:
        return ()  # a utility class for one breakpoint or state ("max-lg:hidden"), not a name
    # A BEM modifier ("m-article--sidebar-right") is a variant of the block, not its role.
    head = token.split("--", 1)[0] if "--" in token else token
    parts = [head] if head.isalnum() else [p for p in _NAME_SPLIT.split(head) if p]
    if not parts or not LAYOUT_FLAGS.isdisjoint(parts):
        return ()  # "with-sidebar", "has-sidebar", "no-sidebar": how the page is laid out
    if len(parts) > 1:
        if parts[0] in STYLE_PREFIXES:
            parts = parts[:1]  # a look, not a role: "text-secondary", "bg-promo", "overflow-hidden"
        if parts[-1] == "hidden" and parts[0] not in HIDING_PREFIXES:
            parts = parts[:-1]  # "field--label-hidden": a part of the region is hidden
    first, last = parts[0], parts[-1]
    words = [first, last]
    joined = "".join(parts) if len(parts) > 1 else first
    if len(parts) > 1:
        words.append(joined)
    if first.startswith("comment") or last.endswith(("comment", "comments")):
        words.append("comment")  # "commentbody", "blogcomment": compounds without a separator
    if compounds and _COMPOUND.search(joined):
        words.extend(word for word in COMPOUND_WORDS if word in joined)  # "jp-relatedposts", "socialshare"
    return tuple(words)


_COMPOUND = re.compile("|".join(COMPOUND_WORDS))
