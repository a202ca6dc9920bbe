"""Author strings -> clean person names.

Bylines arrive as "By Jane Doe and John Roe, Staff Writers | Jan 3, 2020",
"Von Max Muster", "jane@example.com", "@handle", "Staff", a URL, or the site's
own name. One string may hold several people; one person may be listed by
several sources. This module only cleans, splits, rejects and dedupes; which
source to trust is decided by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..core.lexicon.calendar import ENGLISH_MONTH_CAPITALISED
from ..core.lexicon.people import (
    AND_WORDS,
    AUTHOR_LABELS,
    JOB_TITLE_WORDS,
    JUNK_NAMES,
    ORGANISATION_WORDS,
    ROLE_WORDS,
    SITE_AFFIXES,
)

__all__ = ["clean_authors", "is_junk_name", "name_key", "split_names"]

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|reporting|story|text|words|photos?|compiled|edited|interview)\s+)?"
    r"(?:by|von|par|por|door|di|av|af|from|بقلم|מאת)(?:\b|(?=\s))\s*[:\-]?\s*",
    re.IGNORECASE,
)
# "BySummer Swann", "AuthorVenteur": a label run together with the name (adjacent elements
# joined by text_content()); only before a capital, so "Byron" and "Authority" stay.
_GLUED_LABEL = re.compile(r"^(?:By|Author|Written by|Posted by)(?=[A-Z][a-z])")
_LABEL = re.compile(
    rf"^(?:{AUTHOR_LABELS})\s*[:：●|]\s*",
    re.IGNORECASE,
)
# Separators between people; 'y'/'e' (es/pt "and") only in lower case, as they
# are also initials.
_SPLIT = re.compile(
    rf"\s*(?:[,;|/、，＆&]|\s(?:{AND_WORDS})\s|\s(?:y|e)\s)\s*",
    re.IGNORECASE,
)
_SPLIT_CASED_YE = re.compile(r"\s(?:Y|E)\s")
_TRAILING_META = re.compile(
    r"\s*(?:\b(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour|on)\b|"
    r"(?<![\w.-])\d|\s-\s|[|•·–—(\[»«]).*$",
    re.IGNORECASE,
)
# "Jane DoePublished March 3" (adjacent elements run together by text_content()).
_GLUED_META = re.compile(r"(?<=[a-z])(?:Published|Updated|Posted|Last|Veröffentlicht|Aktualisiert|Publié).*$")
# A dateline after the name: "Jane Doe December 3", "Jane DoeDec 3".
_DATE_TAIL = re.compile(rf"(?:\s+|\s*[-–—]\s*|(?<=[A-Za-z])){ENGLISH_MONTH_CAPITALISED}\s*\d.*$")
# "Jane DoeNEW YORK DAILY NEWS": a name glued to an upper-case credit line.
_GLUED_CAPS = re.compile(r"(?<=[a-z])(?=[A-Z]{2,})")
_IN_SECTION = re.compile(r"\s+(?:in\s+.*|at(?:\s+.*)?)$")  # "Jane Doe in Politics", "Jane Doe at Acme"
# "Doe, Jane" (library order, as Dublin Core and some CMSs write it).
_INVERTED = re.compile(r"^([A-Z][\w'’-]+),\s*([A-Z][\w'’-]+(?:\s+[A-Z]\.?)?)$")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_JOB_TITLE = re.compile(rf"\b(?:{JOB_TITLE_WORDS})\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    rf"\b(?:{ROLE_WORDS})\b",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_USERNAME = re.compile(r"[a-z][a-z0-9_.-]{2,30}")
# A one-word handle that carries digits: letters first (two at least), digits after them.
_HANDLE = re.compile(r"[A-Za-z][A-Za-z_.-]*[A-Za-z][A-Za-z_.-]*\d[A-Za-z0-9_.-]{0,28}")
_MAX_WORDS = 6
_MAX_LEN = 60


def name_key(name: str) -> str:
    """Comparison key: NFKC, casefolded, punctuation and spacing removed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return _NON_WORD.sub("", text)


def _strip_decoration(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub(" ", text).strip(" \t\n-–—:|,;•·")
    text = _GLUED_LABEL.sub("", text)
    for _ in range(2):
        text = _LABEL.sub("", _PREFIX.sub("", text)).strip(" -–—:|,;")
    return text


def split_names(text: str) -> list[str]:
    """'By A, B and C' -> ['A', 'B', 'C'], decoration removed, nothing rejected yet."""
    text = _strip_decoration(text)
    if not text or text.startswith(("http://", "https://", "www.", "@", "/")):
        return []  # a profile URL or a handle names no one in a printable way
    text = _DATE_TAIL.sub("", _GLUED_META.sub("", _EMAIL.sub(" | ", text)))
    text = _GLUED_CAPS.sub(" | ", text)
    inverted = _INVERTED.match(text)
    if inverted:
        return [f"{inverted.group(2)} {inverted.group(1)}"]
    parts = _SPLIT.split(text)
    names: list[str] = []
    for part in parts:
        part = _strip_decoration(part)
        if not _is_cjk(part):
            part = _IN_SECTION.sub("", _TRAILING_META.sub("", part)).strip(" -–—:|,;.'\"")
        if part:
            names.append(part)
    return names


def _is_cjk(text: str) -> bool:
    return any(
        "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text
    )


def _names_site(key: str, site: str) -> bool:
    """True when ``key`` is the site's own name, give or take a word like "News" or "Staff".

    Only whole affixes count: "CBC News" on a site called "CBC" is the site,
    while a name that merely contains the site's name plus other words
    ("Example Submissions" on example.com, a person whose blog is named after
    them on a longer domain) is kept.
    """
    if key == site:
        return True
    longer, shorter = (key, site) if len(key) > len(site) else (site, key)
    if len(shorter) < 3 or shorter not in longer:
        return False
    rest = longer.replace(shorter, " ", 1).split()
    return all(_affix_words(part) for part in rest)


def _affix_words(text: str) -> bool:
    """'newsstaff' -> True: the text is a run of site affixes."""
    if not text:
        return True
    return any(text.startswith(a) and _affix_words(text[len(a) :]) for a in SITE_AFFIXES)


_PERSON_WORD = re.compile(r"[A-Z][a-z'’-]+|[A-Z]\.?")


def _owners_name(name: str) -> bool:
    """Does a name the site also goes by read as a person's ("Sara Harberson" on her own
    site): two to four capitalised words (or initials), none of them a site affix or an
    organisation's word ("CBC News", "Acme Labs", "Daily Herald" are not)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_PERSON_WORD.fullmatch(w) for w in words):
        return False
    return not any(w.lower().strip(".") in SITE_AFFIXES or w.lower() in ORGANISATION_WORDS for w in words)


def is_junk_name(name: str, site_keys: Iterable[str] = ()) -> bool:
    """True for strings that are not a person's name (or are the site itself)."""
    key = name_key(name)
    if len(key) < 2 or len(name) > _MAX_LEN:
        return True
    if key in JUNK_NAMES or name.startswith("@") or _URL.search(name) or "@" in name:
        return True
    if any(_names_site(key, site) for site in site_keys if site) and not _owners_name(name):
        return True
    if _is_cjk(name):
        return False
    words = name.split()
    if len(words) == 1 and _HANDLE.fullmatch(name):
        return False  # a forum or social handle with digits ("LingoLover94", "josh_wilmot90")
    if len(words) > _MAX_WORDS or _DIGIT.search(name):
        return True
    if _ROLE_WORDS.search(name) or _JOB_TITLE.search(name):
        return True
    if len(words) == 1 and _USERNAME.fullmatch(name):
        return False  # a username ("jdoe"); generic words are in the junk lists
    # A name has at least one capitalised word; "the team" has none. Scripts
    # without case (Arabic, Hebrew, Thai...) cannot be judged this way.
    cased = [w for w in words if w[:1].lower() != w[:1].upper()]
    return bool(cased) and not any(w[:1].isupper() for w in cased)


def clean_authors(raw: Iterable[str], site_keys: Iterable[str] = ()) -> list[str]:
    """Split, clean, reject and dedupe author strings, keeping first-seen order."""
    sites = [k for k in site_keys if k]
    out: list[str] = []
    seen: set[str] = set()
    for text in raw:
        if not text:
            continue
        for name in split_names(text):
            key = name_key(name)
            if key in seen or is_junk_name(name, sites):
                continue
            seen.add(key)
            out.append(name)
    return out
