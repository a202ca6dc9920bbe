"""Label lines: 'Sanders: Clinton needs to get away from personality politics.' — a line that
is a name, a colon and the words, as news headlines and summaries quote a speaker.

Why a separate module: a label line is read from the layout of a whole line and checked
against the rest of the text (the name must speak somewhere else in it), not from a cue in
a sentence; interview transcripts (several upper-case labels) are ``direct.transcript_turns``.
"""

from __future__ import annotations

import re

from ..core.lexicon.quotes import PREPOSITIONS, TITLE_MINOR_WORDS
from .records import Found
from .sentences import strip_span, word_count
from .tables import CUE_RE, SPEECH_ONLY, WORD_RE

_LABEL_RE = re.compile(
    r"^[ \t\"“]*(?P<label>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}):[ \t]+(?P<body>\S[^\n]*)$",
    re.MULTILINE,
)
# a quotation mark opening quoted words (not the apostrophe of "Clinton’s")
_OPENING_MARK_RE = re.compile(r"(?<!\w)[\"“‘«„']")
_MIN_WORDS = 3
# between a name and its cue: nothing, or one lower-case adverb ('Sanders also said')
_GAP_RE = re.compile(r"[ \t\u00a0]+(?:[a-z]+[ \t\u00a0]+)?")
# between an inverted cue and the name: up to two capitalised words ('said Sen. Bernie Sanders')
_TITLES_RE = re.compile(r"[ \t\u00a0]+(?:[A-Z][\w.'’-]*[ \t\u00a0]+){0,2}")
_MAX_WORDS = 30
# how far before or after the name a verb of saying may stand ('Sanders said', 'said Sen. Sanders')
_CUE_REACH = 24
# mentions of a label's name searched for a verb of saying: a speaker says something early on,
# and a heading word ('Step', 'Note') can occur dozens of times
_MAX_MENTIONS = 12


def _label_lines(text: str) -> list[re.Match[str]]:
    """``_LABEL_RE`` matched only on lines with a colon in their first 80 characters: the same
    matches as a MULTILINE scan of the whole text, a third of its time."""
    found: list[re.Match[str]] = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        colon = text.find(":", pos, min(line_end, pos + 80))
        if colon >= 0:
            m = _LABEL_RE.match(text, pos, line_end)
            if m is not None:
                found.append(m)
        if nl < 0:
            break
        pos = nl + 1
    return found


def _occurrences(text: str, word: str) -> list[int]:
    """Offsets of ``word`` as a whole word in ``text`` (a plain search: a regex compiled per
    label name cost more than the rest of the label pass)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append(at)
        at = text.find(word, end)
    return found


def _speaks_elsewhere(text: str, name: str, line: tuple[int, int]) -> bool:
    """``name`` is the subject or the inverted speaker of a verb of saying somewhere outside the
    line ('Sanders said', 'Sanders also argued', 'said Bernie Sanders'): the label is a speaker,
    not a heading word ('Note:', 'Price:', 'Monday:')."""
    for start in _occurrences(text, name)[:_MAX_MENTIONS]:
        if line[0] <= start < line[1]:
            continue
        end = start + len(name)
        after = text[end : end + _CUE_REACH]
        cue = CUE_RE.search(after)
        if (
            cue is not None
            and cue.group() in SPEECH_ONLY
            and _GAP_RE.fullmatch(after, 0, cue.start()) is not None
        ):
            return True
        before = text[max(0, start - _CUE_REACH) : start]
        hits = [h for h in CUE_RE.finditer(before) if h.group("verb") or h.group("acc")]
        inverted = hits[-1] if hits else None
        if (
            inverted is not None
            and (inverted.group() in SPEECH_ONLY or inverted.group("acc"))
            and _TITLES_RE.fullmatch(before, inverted.end())
        ):
            return True  # 'said Sen. Bernie Sanders', 'according to Sanders'
    return False


def label_statements(text: str, found: list[Found]) -> list[Found]:
    """``found`` with each 'Name: words' line added as a statement of Name, where the name
    speaks elsewhere in the text; a quotation read inside the line with the label as its
    speaker ('Ryan: "A" Have "B."') gives way to the whole line."""
    out = list(found)
    for m in _label_lines(text):
        # (the cheap tests first: most 'Word: ...' lines are headings, values or titles)
        label = m.group("label")
        words = WORD_RE.findall(label)
        if label.isupper() or any(w.lower() in TITLE_MINOR_WORDS or w.lower() in PREPOSITIONS for w in words):
            continue  # 'For Parents:', 'Rock On The Road:': a phrase or a title, not a name
        if text.count(words[-1]) < 2:
            continue  # the name appears nowhere else, so it speaks nowhere else
        start, end = strip_span(text, m.start("body"), m.end("body"), " \t.")
        first = text[start : start + 1]
        if not (first.isupper() or _OPENING_MARK_RE.match(text, start)):
            continue  # 'Delivery: 4.5 out of 5 stars': a value, not words said
        if text[end - 1 : end] in {":", "?"}:
            continue  # a question or an introduction, not a statement of the label's
        if not _MIN_WORDS <= word_count(text, start, end, _MAX_WORDS + 1) <= _MAX_WORDS:
            continue
        if not _speaks_elsewhere(text, words[-1], (m.start(), m.end())):
            continue
        inside = [f for f in out if f.start < end and start < f.end]
        if any(f.cue != ":" or f.start < start or f.end > end + 2 for f in inside):
            continue  # read already as something else
        out = [f for f in out if f not in inside]
        kind = "mixed" if _OPENING_MARK_RE.search(text, start, end) else "indirect"
        out.append(Found(start, end, text[start:end], kind, label, m.start("label"), ":"))
    return sorted(out, key=lambda f: f.start)
