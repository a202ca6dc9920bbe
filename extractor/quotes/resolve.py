"""Speaker resolution: the full name or organisation a pronoun or short form refers to.

Why a separate module: it runs once over all found statements, in order, after the passes.
"""

from __future__ import annotations

import re

from ..core.lexicon.quotes import CONNECTORS, POSSESSIVE_DETERMINERS, PREPOSITIONS
from .records import Found
from .speakers import is_capitalized
from .tables import GROUP_RE, PRON_PLUR, PRON_SING, PRONOUNS, PROPER_RUN_RE, RESOLVE_WINDOW


def resolve(text: str, found: Found, earlier: list[Found]) -> str | None:
    """The full name or organisation a pronoun or short form refers to, when it can be told."""
    speaker = (found.speaker or "").strip()
    if not speaker or found.speaker_pos is None:
        return None
    low = speaker.lower()
    window_start = max(0, found.speaker_pos - RESOLVE_WINDOW)
    if low in PRON_PLUR:
        groups = list(GROUP_RE.finditer(text, window_start, found.speaker_pos))
        if groups:
            return " ".join(groups[-1].group().split())
        return _previous_named(earlier)
    if low in PRON_SING:
        return _previous_named(earlier) or _nearest_name(text, window_start, found.speaker_pos)
    if low in _RELATIVES:
        # 'Netanyahu — who on Tuesday said', 'Alex Leary, who wrote': the name it follows
        hit = _ANTECEDENT_RE.search(text, window_start, found.speaker_pos)
        return " ".join(hit.group(1).split()) if hit else None
    words = speaker.split()
    if len(words) > 1 and words[-1].lower() in _RELATIVES:
        # 'a tech staffer at the State Department who told': the noun phrase before 'who'
        # ('Transit director Leanne Fosse, who': the name it ends in, not one after 'at')
        phrase = words[:-1]
        name = _name_at_end(phrase)
        k = len(phrase) - len(name.split()) - 1 if name else -1
        while k >= 0 and phrase[k].lower() in {"the", "a", "an"}:
            k -= 1
        return name if name and (k < 0 or phrase[k].lower() not in PREPOSITIONS) else " ".join(phrase)
    if len(words) == 1 and is_capitalized(speaker):
        pattern = re.compile(r"\b(?:[A-Z][\w'’.-]*\s+){1,3}" + re.escape(speaker) + r"\b")
        hit = pattern.search(text, window_start, found.speaker_pos)
        return " ".join(hit.group().split()) if hit else speaker
    if all(is_capitalized(w) or w.lower() in CONNECTORS for w in words):
        return speaker
    return _name_at_end(words)  # "Transit director Leanne Fosse": the name it ends in


def _name_at_end(words: list[str]) -> str | None:
    """The capitalised words (two or more) that end a described speaker, or None."""
    tail: list[str] = []
    for word in reversed(words):
        if not is_capitalized(word):
            break
        tail.insert(0, word)
    return " ".join(tail) if len(tail) >= 2 else None


_RELATIVES = frozenset({"who", "whom", "which"})
# A capitalised name (up to four words) right before the relative pronoun, after a comma or dash
_ANTECEDENT_RE = re.compile(r"((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’&-]*)\s*(?:,|—|–|--|-)?\s*\Z")


def _previous_named(earlier: list[Found]) -> str | None:
    for prev in reversed(earlier[-6:]):
        name = prev.speaker or ""
        first = re.split(r"[\s'’]", name.lower(), maxsplit=1)[0]
        if name and first not in PRONOUNS and first not in _NOT_A_NAME and is_capitalized(name):
            return prev.resolved or name  # "Oyelaran" was already resolved to "Martin Oyelaran"
    return None


# A capitalised speaker opening with one of these is no name to hand on ("I'd", 'Your book',
# 'My guys', 'This altercation')
_NOT_A_NAME = POSSESSIVE_DETERMINERS | {"i", "this", "that", "these", "those"}


def _nearest_name(text: str, start: int, end: int) -> str | None:
    last = None
    for match in PROPER_RUN_RE.finditer(text, start, end):
        last = match  # the last one
    return " ".join(last.group().split()) if last else None
