"""The article's images, with the captions and credits their figures give them.

Why a module of its own: images are read from the chosen containers apart from the text
blocks, seeing through lazy-loading placeholders; credit spans inside figcaptions are
marked before pruning (which would drop them by their class names) and split off the
caption text afterwards.
"""

from __future__ import annotations

import re

from ..core.lexicon.regions import CREDIT_WORDS
from ..core.names import name_words
from ..core.tree import HtmlElement, collapse_ws, text_of
from ..core.urls import absolute_url
from ..model import Image
from .prune import drop

_CREDIT_TAIL = re.compile(
    r"\s*(?:/|\||–|—|-)?\s*[(\[]?\s*(?:©|\(c\)|(?:photo|image|credit|foto|bild|picture)s?\s*:)\s*(.+?)[)\]]?$",
    re.IGNORECASE,
)


def split_credit(text: str) -> tuple[str, str | None]:
    """A caption text without its trailing credit ("... © AP", "... Photo: X"), and that credit."""
    match = _CREDIT_TAIL.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), text[match.start() :].strip(" ()[]/|–—-")
    return text, None


def _clean_credit(credit: str | None) -> str | None:
    """The credit as written ("© Shutterstock", "Photo: AP"), without enclosing brackets."""
    if not credit:
        return None
    return credit.strip(" ()[]/|") or None


_LAZY_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src")


def _image_src(img: HtmlElement) -> str | None:
    """The URL the <img> names as its picture, seeing through lazy-loading placeholders.

    A lazy loader's attribute wins over a placeholder src (a data: URI or a
    1x1 gif); srcset is the last resort, and then its widest candidate.
    """
    src = (img.get("src") or "").strip()
    if src and not src.startswith("data:"):
        return src
    for attr in _LAZY_SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value
    srcset = img.get("srcset") or img.get("data-srcset") or ""
    best: tuple[float, str] | None = None
    for candidate in srcset.split(","):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):
            continue
        width = float(parts[1][:-1]) if len(parts) > 1 and parts[1][:-1].replace(".", "").isdigit() else 0.0
        if best is None or width > best[0]:
            best = (width, parts[0])
    return best[1] if best else None


def images_in(selected: list[HtmlElement], url: str | None) -> list[Image]:
    """The images inside the chosen containers, once each, with absolute URLs and the
    caption and credit of their figure."""
    images: list[Image] = []
    seen: set[str] = set()
    for container in selected:
        for img in container.iter("img", "amp-img"):
            src = _image_src(img)
            if not src:
                continue
            full = absolute_url(src, url)
            if full in seen:
                continue
            seen.add(full)
            caption = credit = None
            figure = next((a for a in img.iterancestors("figure")), None)
            if figure is not None:
                cap = figure.find(".//figcaption")
                if cap is not None:
                    caption, credit = _caption_parts(cap)
            images.append(Image(src=full, alt=img.get("alt") or None, caption=caption, credit=credit))
    return images


def _caption_parts(cap: HtmlElement) -> tuple[str | None, str | None]:
    """Caption text and credit, from credit markup or a trailing "© ..." line."""
    credit = cap.get("data-x-credit") or None
    caption = collapse_ws(text_of(cap)).rstrip(" /|–—-")
    if credit is None:
        caption, credit = split_credit(caption)
    return (caption or None), _clean_credit(credit)


def mark_figures(tree: HtmlElement) -> None:
    """Protect credit spans inside figcaptions from the class-name pruning.

    Credits are split off caption text later; removing them early would lose
    the credit for ``Image.credit``.
    """
    for cap in tree.iter("figcaption"):
        credit_nodes = [node for node in cap.iter() if node is not cap and name_words(node) & CREDIT_WORDS]
        if credit_nodes:
            cap.set("data-x-credit", collapse_ws(" ".join(text_of(c) for c in credit_nodes)))
            for node in credit_nodes:
                drop(node)
