"""Quotation marks: pairing every style of mark in one left-to-right scan.

Why a separate module: this is the first pass (``scan_marks``); everything after it
works on the top-level quotations it returns.
"""

from __future__ import annotations

from ..core.lexicon.quotes import AMBIGUOUS_MARKS
from .records import Mark, Span
from .sentences import is_paragraph_start
from .tables import ALL_CLOSERS, CLOSERS, MARK_RE, MARKS, MAX_DEPTH, OPENERS


def _can_open(text: str, i: int) -> bool:
    """An opener needs no word glued before it; an ambiguous one also needs a word after it."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() and (text[i] in AMBIGUOUS_MARKS or text[i] in '"”'):
        return False
    if text[i] in AMBIGUOUS_MARKS or text[i] == '"':
        return not prev.isalnum()
    return True


def _can_close(text: str, i: int) -> bool:
    """A closer needs no space before it; an ambiguous one no word after it (else it is an apostrophe)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in AMBIGUOUS_MARKS:
        return not prev.isspace() and not nxt.isalnum()
    if prev == " " and i > 1 and text[i - 2] in ",.!?'’" and not nxt.isalnum():
        return True  # 'regret that, ” he said' / '"... the 'Clinton' name,' " said': a stray space
    return not prev.isspace() or text[i] in "«»"


def _opens_statement(text: str, pos: int) -> bool:
    """A quotation opening a paragraph or a sentence may run on into the next paragraphs.

    One that opens mid-sentence is a phrase; left open at a paragraph end it is a stray mark.
    """
    if is_paragraph_start(text, pos):
        return True
    j = pos
    while j > 0 and pos - j < 4 and text[j - 1] in " \t\u00a0":
        j -= 1
    while j > 0 and pos - j < 6 and text[j - 1] in MARKS:
        j -= 1
    return j > 0 and j < pos and text[j - 1] in ".!?:"


def _continues_paragraph(text: str, newline: int, opener: str) -> int | None:
    """Index of the repeated opening mark that carries a quotation into the next paragraph."""
    j = newline + 1
    limit = min(len(text), j + 20)
    while j < limit and text[j].isspace():
        j += 1
    if j < len(text) and (text[j] == opener or (opener == '"' and text.startswith("''", j))):
        return j  # ("''" is the straight double mark of typewriter-style texts)
    return None


def _closing_pair(text: str, start: int, stack: list[tuple[str, int]]) -> bool:
    """Whether "''" at ``start`` closes an open straight quotation (judged by its last character)."""
    prev = text[start - 1] if start > 0 else " "
    return any(opener == '"' for opener, _ in stack) and not prev.isspace()


def scan_marks(text: str) -> list[Mark]:
    """Pair quotation marks in one pass; return the top-level quotations in order.

    A closer that matches a deeper stack entry closes it and drops the unclosed
    marks above it, so a stray mark costs one quotation, not the rest of the text.
    """
    stack: list[tuple[str, int]] = []
    closed: list[Span] = []
    continued: set[int] = set()
    skip_to = -1
    for m in MARK_RE.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = m.group()
        if ch == "''":
            ch, i = '"', m.end() - 1 if _closing_pair(text, m.start(), stack) else m.start()
        if ch == "\n":
            j = (
                _continues_paragraph(text, i, stack[0][0])
                if stack and _opens_statement(text, stack[0][1])
                else None
            )
            if j is not None:
                # the paragraph's part ends at the newline; the repeated opener starts the next part
                closed.append((stack[0][1], i))
                continued.add(j)
                stack = [(stack[0][0], j)]
                skip_to = j + (2 if text.startswith("''", j) else 1)
            else:
                stack = []
            continue
        hit = -1
        if ch in ALL_CLOSERS and _can_close(text, i):
            for depth in range(len(stack) - 1, -1, -1):
                if ch in CLOSERS[stack[depth][0]]:
                    hit = depth
                    break
        if hit >= 0:
            closed.append((stack[hit][1], i + 1))
            del stack[hit:]
        elif ch in OPENERS and _can_open(text, i) and len(stack) < MAX_DEPTH:
            stack.append((ch, i))
    closed.sort()
    top: list[Mark] = []
    for start, end in closed:
        if top and start < top[-1].end:
            continue
        top.append(Mark(start, end, start in continued))
    return top
