"""Sentences and tokens: sentence ends, paragraph bounds, words and spans.

Why a separate module: the low-level text helpers every later step uses to look a bounded
distance around a quotation or cue.
"""

from __future__ import annotations

import bisect
import re

from ..core.lexicon.quotes import ABBREV, LOWER_ABBREV
from .records import Mark, Span, Token
from .tables import DOTTED_RE, MARKS, SENT_END_RE, TOKEN_RE, WINDOW, WORD_RE

_LETTERS_AND_DOTS_RE = re.compile(r"(?:[^\W\d_]|\.)+\Z")


def is_abbreviation(text: str, dot: int) -> bool:
    """'Mr.', 'U.S.', 'J.' (an initial) do not end a sentence."""
    if text[dot] != ".":
        return False
    # the run of letters and dots (at most 12) right before the dot
    run = _LETTERS_AND_DOTS_RE.search(text, max(0, dot - 12), dot)
    j = run.start() if run else dot
    word = text[j:dot].lower()
    return word in ABBREV or (len(word) == 1 and text[j].isupper()) or bool(DOTTED_RE.fullmatch(word))


_LOWER_WORD_BEFORE_RE = re.compile(r"(?<![\w.'’-])[a-z]{3,}\Z")
# (a word all in lower case: 'iOS', 'eBay' after the dot keep the old reading)
_LOWER_WORD_AFTER_RE = re.compile(r"\s+[a-z]+(?![\w.])")


def _plain_word_before(text: str, dot: int) -> bool:
    """The word before the dot is a plain lower-case word of three letters or more that no
    list knows as an abbreviation ('her', 'time'; not 'approx', 'Ga', 'o.o', 'etc')."""
    run = _LOWER_WORD_BEFORE_RE.search(text, max(0, dot - 30), dot)
    return run is not None and run.group() not in ABBREV and run.group() not in LOWER_ABBREV


def sentence_ends(text: str, marks: list[Mark]) -> list[int]:
    """Sentence end offsets (after the punctuation), ignoring ends inside quotations."""
    starts = [m.start for m in marks]
    ends: list[int] = []
    for m in SENT_END_RE.finditer(text):
        if m.group() == "\n":
            ends.append(m.start())
            continue
        if is_abbreviation(text, m.start()):
            continue
        if (
            m.group() in {".", ".)"}
            and text[m.end() : m.end() + 3].strip()[:1].islower()
            and not (_plain_word_before(text, m.start()) and _LOWER_WORD_AFTER_RE.match(text, m.end()))
        ):
            # 'Sen. David Perdue (R-Ga.) said', 'sp. z o.o. has', 'e.g. the': an
            # abbreviation, since a sentence opens with a capital (but 'for her. while she',
            # in a post written all in lower case, ends one)
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and marks[k].start < m.start() and m.end() < marks[k].end:
            continue
        ends.append(m.end())
    ends.append(len(text))
    return ends


def sentence_bounds(ends: list[int], pos: int) -> Span:
    k = bisect.bisect_right(ends, pos)
    start = ends[k - 1] if k > 0 else 0
    end = ends[k] if k < len(ends) else ends[-1]
    return start, end


def tokenize(text: str, start: int, end: int, limit: int = 0) -> list[Token]:
    """Words and punctuation of text[start:end]; at most ``limit`` of them when it is set."""
    if not limit:
        return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]
    out: list[Token] = []
    for m in TOKEN_RE.finditer(text, start, end):
        out.append((m.start(), m.end(), m.group()))
        if len(out) >= limit:
            break
    return out


def strip_span(text: str, start: int, end: int, chars: str = " \t\n\u00a0\u202f,;:.—–-") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def word_count(text: str, start: int, end: int, cap: int = 8) -> int:
    """Words in text[start:end], counting at most ``cap`` (callers only compare with small numbers)."""
    n = 0
    for _ in WORD_RE.finditer(text, start, end):
        n += 1
        if n >= cap:
            break
    return n


def inner_text(text: str, mark: Mark) -> str:
    return text[mark.start : mark.end].strip("".join(MARKS) + " ,\n\u00a0\u202f\u2009")


def paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph holding ``pos``, looking at most WINDOW characters ahead (keeps scans linear)."""
    j = text.find("\n", pos, pos + WINDOW)
    return min(len(text), pos + WINDOW) if j < 0 else j


def is_paragraph_start(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n"


_QUESTION_OPENERS_RE = re.compile(
    r"\s*(?:who|what|which|how|why|when|where|should|do|does|did|is|are|can|could|would|will|have|has)\b",
    re.IGNORECASE,
)


def writers_question(text: str, sent_start: int, sent_end: int) -> bool:
    """The sentence is a question opening with a question word ('Who is responsible for
    approving or denying these requests?'): the writer asks; nobody is reported."""
    return text[sent_start:sent_end].rstrip().endswith("?") and bool(
        _QUESTION_OPENERS_RE.match(text, sent_start)
    )


def comma_in_number(text: str, pos: int) -> bool:
    """The comma at ``pos`` groups a number's digits ('12,000'): it ends no clause."""
    return text[pos - 1 : pos].isdigit() and text[pos + 1 : pos + 2].isdigit()
