"""From comment items to the top-most elements to keep out of the body: the list with its
heading ("5 Comments"), and comment forms / "write a comment" boxes even when no comment
exists yet.

Why widen only a little: the lowest common ancestor of the items may also hold the
article (flat page layouts), so it is taken only when it adds little text of its own, and
climbing further is allowed only into comment-named wrappers.
"""

from __future__ import annotations

import re

from ..tree import HtmlElement, collapse_ws
from .detect import choose_items, lowest_common_ancestor, short_text

_BOX_TAGS = frozenset({"div", "section", "aside", "form", "ul", "ol", "footer", "header", "p", "h2", "h3", "h4", "span"})
_FIELD_WORDS = re.compile(r"comment|message|reply|body|text|kommentar|commentaire|comentario|antwort|respuesta|post",
                          re.IGNORECASE)
_NOT_SECTION = re.compile(r"no-?comments?-?(?:count)?\b|comment-?count|comments?-?link|comments?-?num|meta", re.IGNORECASE)
_SECTION_CONTAINER = re.compile(r"comment|kommentar|commentaire|comentario|commento|disqus|respond|reply|replies"
                                r"|discussion|reactions|leserbrief|talkback", re.IGNORECASE)
_MAX_OWN_TEXT = 300
_MAX_BOX_TEXT = 200


def top_level(items: list[HtmlElement]) -> list[HtmlElement]:
    """Items not inside another item."""
    ids = {id(i) for i in items}
    return [i for i in items if not any(id(a) in ids for a in i.iterancestors())]


def list_sections(items: list[HtmlElement]) -> list[HtmlElement]:
    """The element(s) that hold the comment list."""
    tops = top_level(items)
    if not tops:
        return []
    items_len = sum(len(collapse_ws(i.text_content())) for i in tops)
    region = lowest_common_ancestor(tops)
    if region is None or region.tag in ("body", "html") or _extra_text(region, items_len) > max(_MAX_OWN_TEXT, 0.3 * items_len):
        return tops
    while True:
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        extra = _extra_text(parent, items_len)
        if extra > max(_MAX_OWN_TEXT, 0.3 * items_len):
            break
        if not (_section_named(parent) or extra <= _MAX_BOX_TEXT):
            break
        region = parent
    return [region]


def _extra_text(node: HtmlElement, items_len: int) -> int:
    return max(0, len(collapse_ws(node.text_content())) - items_len)


def _section_named(node: HtmlElement) -> bool:
    words = f"{node.get('class') or ''} {node.get('id') or ''}"
    return bool(_SECTION_CONTAINER.search(words)) and not _NOT_SECTION.search(words)


def form_sections(tree: HtmlElement) -> list[HtmlElement]:
    """Comment forms and 'write a comment' boxes, widened to their comment-named wrapper."""
    found: list[HtmlElement] = []
    for form in tree.iter("form"):
        if _is_comment_form(form):
            found.append(_widen_box(form))
    for node in tree.iter(*_BOX_TAGS):
        if node.tag == "form" or not _section_named(node) or _inside_code(node):
            continue
        if node.xpath(".//textarea|.//*[@contenteditable='true']") or node.get("id") == "disqus_thread":
            found.append(_widen_box(node))
        elif short_text(node, _MAX_BOX_TEXT) is not None and _is_comment_box(node):
            found.append(node)
    return found


def _is_comment_form(form: HtmlElement) -> bool:
    words = " ".join(filter(None, (form.get("class"), form.get("id"), form.get("action"), form.get("name"))))
    if _SECTION_CONTAINER.search(words):
        return True
    for area in form.iter("textarea"):
        if _FIELD_WORDS.search(f"{area.get('name') or ''} {area.get('id') or ''}"):
            return True
    return False


def _is_comment_box(node: HtmlElement) -> bool:
    """A short block named for comments and not a paragraph of prose (e.g. 'Write new comment')."""
    if node.tag in ("span", "p"):
        return False
    return not node.xpath(".//p[string-length(normalize-space()) > 200]")


def _inside_code(node: HtmlElement) -> bool:
    return any(a.tag in ("pre", "code") for a in node.iterancestors())


def _widen_box(node: HtmlElement) -> HtmlElement:
    """Climb to the comment-named wrapper of a form while it adds only a heading's worth of text."""
    base = len(collapse_ws(node.text_content()))
    region = node
    while True:
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return region
        if len(collapse_ws(parent.text_content())) - base > _MAX_BOX_TEXT:
            return region
        region = parent


def merge_top_most(nodes: list[HtmlElement], tree: HtmlElement) -> list[HtmlElement]:
    """Drop nodes inside other nodes; keep document order."""
    ids = {id(n) for n in nodes}
    keep = {id(n) for n in nodes if not any(id(a) in ids for a in n.iterancestors())}
    return [n for n in tree.iter() if id(n) in keep]


def find_sections(root: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """(comment items, top-most section elements) of the page under root."""
    items = choose_items([root])
    return items, merge_top_most([*list_sections(items), *form_sections(root)], root)
