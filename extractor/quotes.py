"""Quoted statements and reported speech with speaker attribution (issue 4).

How it works, in three linear passes over the text:

1. ``_scan_marks`` pairs quotation marks of every style in one left-to-right
   scan with a small bounded stack, so unbalanced marks cost nothing extra and
   a quotation that runs over several paragraphs (opening mark repeated at each
   paragraph start, closing mark only at the end) stays one quotation.
2. Direct quotes: a quotation that starts a sentence (or follows "X said:") and
   has an attribution next to it ('"...," he said.') becomes a statement; the
   quotations right after the attribution join it ("A," he said. "B."), as
   they continue the same speaker's words. Quotations inside a sentence (scare
   quotes, titles) are never statements on their own; they only make reported
   speech "mixed". Interview transcripts ("HOST: ..." paragraphs, two labels
   or more) give one statement per turn.
3. Reported speech: every speech cue outside quotations ("said", "told",
   "according to", "sagte", "laut") is read with its sentence: speaker before
   and content after ("X said that ..."), or content before and speaker after
   ("..., X said."). The content ends where the sentence (or the clause, when a
   second cue such as ", adding" follows) ends.

Everything language-specific is data in ``quote_cues``. No step looks further
than a bounded window around a cue, so a 1 MB text or a paragraph without any
punctuation stays linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .model import Block, Quote
from .quote_cues import (
    AMBIGUOUS_MARKS,
    ATTRIBUTION_ONLY_VERBS,
    LANGUAGES,
    QUOTE_PAIRS,
    QUOTING_VERBS,
    STATEMENT_PATTERNS,
    TRANSLATION_MARKERS,
)

Token = tuple[int, int, str]
Span = tuple[int, int]

# ---------------------------------------------------------------- tables derived from quote_cues


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string, so long lists stay readable."""
    return frozenset(spaced.split())


def _closers_by_opener() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for opener, closer in QUOTE_PAIRS:
        out.setdefault(opener, set()).add(closer)
    return {k: frozenset(v) for k, v in out.items()}


def _alternation(words: Sequence[str]) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie.

    Python's re tries alternatives one by one at every position; a trie shares
    prefixes, which makes the cue scan several times faster on long texts.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # longest match first: try the continuation, fall back to the word ending here
        return "(?:" + body + ")?"
    return body


_CLOSERS = _closers_by_opener()
_OPENERS = frozenset(_CLOSERS)
_ALL_CLOSERS = frozenset(c for _, c in QUOTE_PAIRS)
_MARKS = _OPENERS | _ALL_CLOSERS
# "''" (two apostrophes) is how some archives write a double quotation mark
_MARK_RE = re.compile("''|[" + re.escape("".join(sorted(_MARKS))) + "\n]")
_MAX_DEPTH = 6

_VERBS = frozenset().union(*(lang.verbs for lang in LANGUAGES))
_ATTRIBUTION_ONLY = ATTRIBUTION_ONLY_VERBS
_ADDRESSEE_VERBS = frozenset().union(*(lang.addressee_verbs for lang in LANGUAGES))
_NEEDS_THAT = frozenset().union(*(lang.needs_complementizer for lang in LANGUAGES))
_OBJECT_CUES = frozenset().union(*(lang.object_cues for lang in LANGUAGES))
_OBJECT_PREP = dict(pair for lang in LANGUAGES for pair in lang.object_preposition)
_SKIP = frozenset().union(*(lang.skip_words for lang in LANGUAGES))
# A language's own auxiliaries, by cue: French "a" before "déclaré", never before "said"
_CUE_AUX: dict[str, frozenset[str]] = {
    verb: lang.auxiliaries for lang in LANGUAGES if lang.auxiliaries for verb in lang.verbs
}
_COMPLEMENTIZERS = frozenset(w for lang in LANGUAGES for w in lang.complementizers)
_PRON_SING = frozenset().union(*(lang.pronouns_singular for lang in LANGUAGES))
_PRON_PLUR = frozenset().union(*(lang.pronouns_plural for lang in LANGUAGES))
_PRONOUNS = _PRON_SING | _PRON_PLUR
_GROUP_NOUNS = tuple(dict.fromkeys(n for lang in LANGUAGES for n in lang.group_nouns))
_ACCORDING_BEFORE = tuple(dict.fromkeys(p for lang in LANGUAGES for p in lang.according_before))
_ACCORDING_AFTER = tuple(dict.fromkeys(p for lang in LANGUAGES for p in lang.according_after))
_INVERTED_SHORT = frozenset(p for lang in LANGUAGES for p in lang.inverted_short)

_CUE_RE = re.compile(
    r"(?<![\w'’-])(?:(?<=, )(?P<inv>"
    + _alternation(sorted(_INVERTED_SHORT))
    + r")|(?P<acc>"
    + _alternation(_ACCORDING_BEFORE)
    + r")|(?P<after>"
    + _alternation(_ACCORDING_AFTER)
    + r")|(?P<verb>"
    + _alternation(sorted(_VERBS | _OBJECT_CUES))
    + r"))(?![\w'’-])",
    re.IGNORECASE,
)
_STATEMENT_INTRO_RE = re.compile(
    r"\b(?P<cue>(?:provided|gave|give|issued|released|sent|offered|shared|emailed|e-mailed|published|"
    r"posted|made|read)\b[^.:!?\n]{0,60}?\b(?:statement|comment|response|reply|remarks|answer)s?"
    r"|(?:statement|response|reply)\s+(?:read|reads|said|says))\b",
    re.IGNORECASE,
)
# A quoting verb ending the text before a quotation ('chanting, "', 'a sign reading "'); it is
# searched with ``endpos`` at the opening mark, so "$" anchors it right before the mark.
_QUOTING_END_RE = re.compile(
    r"(?<![\w'’-])(?P<verb>" + _alternation(sorted(QUOTING_VERBS)) + r")[ \t\u00a0]*[,:]?[ \t\u00a0]*$",
    re.IGNORECASE,
)
def _leading_chars(patterns: Sequence[str]) -> str:
    """The first literal character of each pattern ('\\(' counts as '('), for a lookahead."""
    return "".join(sorted({p[1] if p.startswith("\\") else p[0] for p in patterns}))


# The lookahead lets the scan skip positions that cannot start a marker before it tries
# every alternative there: same matches, about three times faster on English text.
_TRANSLATED_RE = re.compile(
    "(?=[" + re.escape(_leading_chars(TRANSLATION_MARKERS)) + "])(?:" + "|".join(TRANSLATION_MARKERS) + ")",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"\w+(?:[.'’&-]\w+)*|[^\w\s]")
_WORD_RE = re.compile(r"\w+")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.u", "n.c": dotted initials
_SENT_END_RE = re.compile(r"[.!?…]+[\"”’»«“'」』)\]]*(?=\s+[\"“„«»‘'「『(\[]{0,2}[\w])|\n")
_JOIN_GAP_RE = re.compile(r"[\s,.;:\u00a0]*(?:(?:but|and|then|aber|und)\s+)?", re.IGNORECASE)
_CONTENT_CUT_RE = re.compile(
    r",[\"”’»']?\s+(?:adding|saying|noting|arguing|warning|insisting|explaining|stressing|claiming|"
    r"according\s+to)\b|\s+and\s+(?:also\s+)?(?:added|said|warned|noted|argued|"
    r"insisted|told|called|urged|claimed|stressed|explained)\b",
    re.IGNORECASE,
)
_PROPER_RUN_RE = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|von|van|al|bin))*\s+[A-Z][\w'’-]+"
)
_GROUP_RE = re.compile(r"\b((?:[A-Z][\w&.-]*\s+){1,4})(?:" + _alternation(_GROUP_NOUNS) + r")\b")

_ABBREV = _words(
    "mr mrs ms dr sen sens rep reps gov gen lt col sgt capt cmdr adm maj cpl pvt supt atty hon fr pres "
    "st jr sr prof rev no vs etc inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e"
)
_LEAD_JUNK = _words(
    "but and so yet still however meanwhile when while as because if although though after before "
    "since where then now instead also indeed moreover later earlier what despite aber und doch"
)
_BLOCKERS = _words(
    "to not n't never would could should might must will can cannot did does do may shall zu nicht nie"
)
_PASSIVE = _words("was were been being be is are am get gets got getting")
_AUX = _words(
    "is was are were has had have will would can could did does do be been being may might must "
    "shall should ist war sind waren hat hatte haben wird wurde"
)
_PREPOSITIONS = _words(
    "of for at with from by about to into on in during after before despite over under than via "
    "von mit bei nach für über"
)
_DETERMINERS = _words("the a an another one two three several some many most other his her their its")
_CONNECTORS = _words("of for at with 's ’s and the de von der des")
_TIME_START = _words(
    "on in at during last this late early earlier yesterday today monday tuesday wednesday "
    "thursday friday saturday sunday am im"
)
_DASHES = frozenset({"—", "―", "–", "-"})
_SEPARATORS = frozenset({",", ";", ":", "(", ")", "—", "―", "–"})
_MAX_SPEAKER_TOKENS = 12
_MAX_JOINED = 4
_LOOKBACK = 200
_WINDOW = 3000
_DENSE = 12  # "said, adding" is the tightest real pair of cues
_RESOLVE_WINDOW = 1500
_QUOTABLE = ("paragraph", "blockquote", "list_item")


@dataclass(slots=True)
class _Mark:
    """One closed top-level quotation: opener index and the index after its closer.

    A quotation running over several paragraphs (the opening mark repeated at each
    paragraph start) is one mark per paragraph; ``continued`` marks the later ones, so
    a paragraph with its own attribution ('"B," she said.') can start a new statement.
    """

    start: int
    end: int
    continued: bool = False


@dataclass(slots=True)
class _Found:
    """A quote under construction, before speakers are resolved."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_pos: int | None
    cue: str | None
    addressee: str | None = None
    resolved: str | None = None  # filled in order, so later pronouns can reuse it
    # the quoted parts of a joined statement ('"A," he said, who ... "B."'); empty: the whole span
    parts: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class _Attribution:
    """Where 'he said' sits (so reported-speech search skips it), who and which cue."""

    start: int
    end: int
    speaker: Span | None
    cue: str
    addressee: Span | None = None
    content_end: int | None = None  # '"A" to drive up prices, she said': the statement runs past the mark
    content_start: int | None = None  # 'A, she said. "B."': the statement starts before the attribution


# ---------------------------------------------------------------- quotation marks


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
    if _is_paragraph_start(text, pos):
        return True
    j = pos
    while j > 0 and pos - j < 4 and text[j - 1] in " \t\u00a0":
        j -= 1
    while j > 0 and pos - j < 6 and text[j - 1] in _MARKS:
        j -= 1
    return j > 0 and j < pos and text[j - 1] in ".!?:"


def _continues_paragraph(text: str, newline: int, opener: str) -> int | None:
    """Index of the repeated opening mark that carries a quotation into the next paragraph."""
    j = newline + 1
    limit = min(len(text), j + 20)
    while j < limit and text[j].isspace():
        j += 1
    if j < len(text) and text[j] == opener:
        return j
    return None


def _closing_pair(text: str, start: int, stack: list[tuple[str, int]]) -> bool:
    """Whether "''" at ``start`` closes an open straight quotation (judged by its last character)."""
    prev = text[start - 1] if start > 0 else " "
    return any(opener == '"' for opener, _ in stack) and not prev.isspace()


def _scan_marks(text: str) -> list[_Mark]:
    """Pair quotation marks in one pass; return the top-level quotations in order.

    A closer that matches a deeper stack entry closes it and drops the unclosed
    marks above it, so a stray mark costs one quotation, not the rest of the text.
    """
    stack: list[tuple[str, int]] = []
    closed: list[Span] = []
    continued: set[int] = set()
    skip_to = -1
    for m in _MARK_RE.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = m.group()
        if ch == "''":
            ch, i = '"', m.end() - 1 if _closing_pair(text, m.start(), stack) else m.start()
        if ch == "\n":
            j = _continues_paragraph(text, i, stack[0][0]) if stack and _opens_statement(text, stack[0][1]) else None
            if j is not None:
                # the paragraph's part ends at the newline; the repeated opener starts the next part
                closed.append((stack[0][1], i))
                continued.add(j)
                stack = [(stack[0][0], j)]
                skip_to = j + 1
            else:
                stack = []
            continue
        hit = -1
        if ch in _ALL_CLOSERS and _can_close(text, i):
            for depth in range(len(stack) - 1, -1, -1):
                if ch in _CLOSERS[stack[depth][0]]:
                    hit = depth
                    break
        if hit >= 0:
            closed.append((stack[hit][1], i + 1))
            del stack[hit:]
        elif ch in _OPENERS and _can_open(text, i) and len(stack) < _MAX_DEPTH:
            stack.append((ch, i))
    closed.sort()
    top: list[_Mark] = []
    for start, end in closed:
        if top and start < top[-1].end:
            continue
        top.append(_Mark(start, end, start in continued))
    return top


# ---------------------------------------------------------------- sentences and tokens


def _is_abbreviation(text: str, dot: int) -> bool:
    """'Mr.', 'U.S.', 'J.' (an initial) do not end a sentence."""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and dot - j < 12 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    return word in _ABBREV or (len(word) == 1 and text[j].isupper()) or bool(_DOTTED_RE.fullmatch(word))


def _sentence_ends(text: str, marks: list[_Mark]) -> list[int]:
    """Sentence end offsets (after the punctuation), ignoring ends inside quotations."""
    starts = [m.start for m in marks]
    ends: list[int] = []
    for m in _SENT_END_RE.finditer(text):
        if m.group() == "\n":
            ends.append(m.start())
            continue
        if _is_abbreviation(text, m.start()):
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and marks[k].start < m.start() and m.end() < marks[k].end:
            continue
        ends.append(m.end())
    ends.append(len(text))
    return ends


def _sentence_bounds(ends: list[int], pos: int) -> Span:
    k = bisect.bisect_right(ends, pos)
    start = ends[k - 1] if k > 0 else 0
    end = ends[k] if k < len(ends) else ends[-1]
    return start, end


def _tokens(text: str, start: int, end: int, limit: int = 0) -> list[Token]:
    """Words and punctuation of text[start:end]; at most ``limit`` of them when it is set."""
    if not limit:
        return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, start, end)]
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        out.append((m.start(), m.end(), m.group()))
        if len(out) >= limit:
            break
    return out


def _strip_span(text: str, start: int, end: int, chars: str = " \t\n\u00a0\u202f,;:.—–-") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _word_count(text: str, start: int, end: int, cap: int = 8) -> int:
    """Words in text[start:end], counting at most ``cap`` (callers only compare with small numbers)."""
    n = 0
    for _ in _WORD_RE.finditer(text, start, end):
        n += 1
        if n >= cap:
            break
    return n


def _inner(text: str, mark: _Mark) -> str:
    return text[mark.start : mark.end].strip("".join(_MARKS) + " ,\n\u00a0\u202f\u2009")


def _paragraph_end(text: str, pos: int) -> int:
    """End of the paragraph holding ``pos``, looking at most _WINDOW characters ahead (keeps scans linear)."""
    j = text.find("\n", pos, pos + _WINDOW)
    return min(len(text), pos + _WINDOW) if j < 0 else j


def _is_paragraph_start(text: str, pos: int) -> bool:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] == "\n"


# ---------------------------------------------------------------- speakers


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper()


def _abbrev_token(word: str) -> bool:
    return word.lower() in _ABBREV or (len(word) == 1 and word.isupper())


def _without_parentheses(tokens: list[Token]) -> list[Token]:
    """'Rep. John Mica (R-Fla.)' -> 'Rep. John Mica': party tags are not part of the name."""
    out: list[Token] = []
    depth = 0
    for tok in tokens:
        if tok[2] == "(":
            depth += 1
        elif tok[2] == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(tok)
    return out


def _leading_np(tokens: list[Token]) -> list[Token]:
    """The subject at the start of a clause: a pronoun, or words up to the first verb-like word."""
    while tokens and (tokens[0][2].lower() in _LEAD_JUNK or not tokens[0][2][0].isalnum()):
        tokens = tokens[1:]
    if not tokens:
        return []
    if tokens[0][2].lower() in _PRONOUNS:
        return tokens[:1]
    out: list[Token] = []
    for tok in tokens[:10]:
        low = tok[2].lower()
        if tok[2] == "." and out and _abbrev_token(out[-1][2]):
            out.append(tok)
            continue
        if not tok[2][0].isalnum() or low in _AUX or low in _VERBS or low in _BLOCKERS:
            break
        if out and not _is_capitalized(tok[2]) and low.endswith("ed"):
            break
        out.append(tok)
    return out


def _split_segments(tokens: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        if tok[2] in _SEPARATORS or tok[2] in _MARKS:
            segments.append([])
        else:
            segments[-1].append(tok)
    return segments


def _skippable(word: str, cue: str) -> bool:
    """An adverb or auxiliary that may stand between the speaker and ``cue`` (auxiliaries
    of a language only before that language's cues: 'le maire a déclaré', not 'a said')."""
    low = word.lower()
    return low in _SKIP or low in _CUE_AUX.get(cue.lower(), ())


def _cue_word(text: str, cue_start: int) -> str:
    m = _WORD_RE.match(text, cue_start)
    return m.group() if m else ""


def _speaker_before(text: str, lo: int, cue_start: int) -> Span | None:
    """The speaker mention written just before a cue ('the vice president said').

    Returns None when the words before the cue make it a non-statement
    ('to say', 'would say', 'was told') or there is no plausible subject.
    """
    lo = max(lo, cue_start - _LOOKBACK)
    tokens = [t for t in _without_parentheses(_tokens(text, lo, cue_start)) if t[2] not in ("'", "’")]
    cue = _cue_word(text, cue_start)
    own_aux = _CUE_AUX.get(cue.lower(), frozenset())
    while tokens and tokens[-1][2].lower() in own_aux:
        tokens.pop()  # 'Le maire a déclaré': the auxiliary of a French cue, not the English article
    if tokens and (tokens[-1][2].lower() in _BLOCKERS or _modifier_slot(tokens[-1][2])):
        return None
    while tokens and _skippable(tokens[-1][2], cue):
        tokens.pop()
    if not tokens:
        return None
    last = tokens[-1][2].lower()
    if last in _PASSIVE and text[cue_start : cue_start + 12].split()[0].lower().endswith("ing"):
        tokens.pop()  # "The White House is saying that ..."
        last = tokens[-1][2].lower() if tokens else ""
    if not tokens or last in _BLOCKERS or last in _PASSIVE:
        return None
    segments = _split_segments(tokens)
    if tokens[-1][2] in _SEPARATORS:
        # "Trump, speaking to veterans, said" -> the segment before the aside
        filled = [s for s in segments if s]
        chosen = filled[-2] if len(filled) >= 2 else (filled[-1] if filled else [])
    else:
        chosen = segments[-1]
    if chosen and chosen[-1][2].lower() in {"and", "but", "or", "und"}:
        own = _leading_np(chosen[:-1])
        chosen = own if own else _leading_np(next((s for s in segments if s), []))
    while chosen and (chosen[0][2].lower() in _LEAD_JUNK or not chosen[0][2][0].isalnum()):
        chosen = chosen[1:]
    if not chosen:
        return None
    chosen = chosen[-_MAX_SPEAKER_TOKENS:]
    if chosen[0][2].lower() in _PREPOSITIONS:
        chosen = _subject_after_opener(chosen)
        if not chosen:
            return None
    return chosen[0][0], chosen[-1][1]


def _subject_after_opener(tokens: list[Token]) -> list[Token]:
    """'In a radio interview Smith' / 'To which she' / 'At the bottom it': an opening
    phrase written without a comma, then the subject. The subject is the pronoun or the run
    of capitalised words right before the cue; a phrase with neither has no subject here."""
    if tokens[-1][2].lower() in _PRONOUNS or tokens[-1][2].lower() == "it":
        return tokens[-1:]
    k = len(tokens)
    while k > 1 and (_is_capitalized(tokens[k - 1][2]) or (tokens[k - 1][2] == "." and k < len(tokens))):
        k -= 1
    tail = tokens[k:]
    if not tail or k <= 1 or not _is_capitalized(tail[0][2]):
        return []
    if tokens[k - 1][2].lower() in _DETERMINERS | _PREPOSITIONS:
        return []  # 'In the White House said': the capitalised words end the opening phrase
    return tail


_NOT_SUBJECT_END = _words("as the a an his her its their our my your")


def _modifier_slot(word: str) -> bool:
    """'his proposed ban', 'an alleged incident', 'as predicted', 'That said,':
    the cue is an adjective or an idiom there, not a verb with a subject."""
    low = word.lower()
    return low in _NOT_SUBJECT_END or word == "That"


_RELATIVE = _words("who which that whose whom where der die das")


def _plausible_speaker(text: str, speaker: Span) -> bool:
    """A subject, not a clause: no verb before any relative pronoun ('X, who has ...' is fine).

    Short spans are checked too: 'Scarborough is one of many', 'There is other' and
    'Labor Secretary Ann Ruiz stopped' hold a verb; 'eight hours of' ends where a noun
    should follow; 'said when Boyle' starts with the cue of another clause.
    """
    tokens = _tokens(text, speaker[0], speaker[1])
    if not tokens:
        return False
    # 'She has since', 'Officials have often': auxiliaries and adverbs before the cue
    while len(tokens) > 1 and (
        tokens[-1][2].lower() in _AUX
        or tokens[-1][2].lower() in _SKIP
        or tokens[-1][2].lower() in {"not", "never", "already", "still", "often", "now", "since", "ever"}
        or tokens[-1][2].endswith(("ly", "n't", "n’t"))
    ):
        tokens = tokens[:-1]
    first = tokens[0][2].lower()
    if first == "there" or (len(tokens) > 1 and first in _VERBS):
        return False
    if len(tokens) > 1 and tokens[-1][2].lower() in (_PREPOSITIONS - {"by"}) | {"the", "a", "an"}:
        return False
    for i, tok in enumerate(tokens):
        low = tok[2].lower()
        if low in _RELATIVE:
            return True
        if i > 0 and (low in _AUX or low.endswith("n't")):
            return False
        if len(tokens) > 5 and low in _VERBS:
            return False
    return True


# Lower-case words that, after a name, start a new phrase rather than continue
# the speaker ('sagte Petra Lindqvist nach der Abstimmung', 'said Jane Doe in a statement').
_AFTER_NAME_STOPS = _words("""
    on at after during before in to from while when via
    nach am im in bei vor auf gegenüber unserer unserem unseren dieser diesem zu zum zur mit
    à au aux lors devant après avant pendant en dans
    """)


def _np_after(text: str, start: int, end: int, max_tokens: int = 14) -> Span | None:
    """The speaker after an inverted cue ('said Steve Grubbs, an Iowa operative')."""
    out: list[Token] = []
    named = False
    for tok in _without_parentheses(_tokens(text, start, min(end, start + 250), max_tokens + 8))[:max_tokens]:
        low = tok[2].lower()
        if tok[2] in _SEPARATORS or tok[2] in {"!", "?"} or tok[2] in _MARKS:
            break
        if named and tok[2] in _AFTER_NAME_STOPS:
            break
        named = named or _is_capitalized(tok[2])
        if tok[2] == "." and (not out or not _abbrev_token(out[-1][2])):
            break
        if low in _COMPLEMENTIZERS or (out and low in _TIME_START and tok[2][0].islower()):
            break
        out.append(tok)
    while out and out[-1][2] == ".":
        out.pop()
    if not out:
        return None
    return out[0][0], out[-1][1]


def _addressee_after(text: str, start: int, end: int) -> tuple[Span | None, int]:
    """The hearer of 'told' ('told Reuters that', 'told reporters'); returns its span and where it ends."""
    tokens = _tokens(text, start, min(end, start + 200), 16)
    if not tokens:
        return None, start
    that = next((k for k, t in enumerate(tokens[:9]) if t[2].lower() in _COMPLEMENTIZERS), None)
    if that is not None and that > 0 and all(t[2][0].isalnum() or t[2] == "." for t in tokens[:that]):
        return (tokens[0][0], tokens[that - 1][1]), tokens[that - 1][1]
    out: list[Token] = []
    if _is_capitalized(tokens[0][2]):
        for tok in tokens:
            if _is_capitalized(tok[2]) or tok[2].lower() == "of":
                out.append(tok)
            else:
                break
    elif tokens[0][2].lower() in _DETERMINERS and len(tokens) > 1:
        out = tokens[:2]
    elif tokens[0][2][0].isalpha() and tokens[0][2].lower().endswith("s"):
        out = tokens[:1]  # "told reporters", "told supporters"
    if not out:
        return None, start
    return (out[0][0], out[-1][1]), out[-1][1]


# ---------------------------------------------------------------- direct quotes


def _attribution_after(text: str, pos: int, limit: int, unlisted: bool = True) -> _Attribution | None:
    """'," he said.' / '," said Len Burman,' / '«, sagte Müller.' / '" — Jane Doe' after a quotation.

    ``unlisted`` also accepts verbs missing from the cue lists ('," Oliver barked.'); it is
    off for a quotation inside a sentence, where 'X verb-ed' is as often the main clause.
    """
    tokens = _without_parentheses(_tokens(text, pos, min(limit, pos + 300), 40))
    k = 0
    while k < len(tokens) and tokens[k][2] == ",":
        k += 1
    if k < len(tokens) and tokens[k][2] in _DASHES:
        return _dash_attribution(text, tokens[k:], limit)
    window = tokens[k : k + _MAX_SPEAKER_TOKENS + 12]
    if unlisted and window and window[0][2].lower() not in _VERBS:
        inverted = _inverted_unlisted(text, window, pos, limit)
        if inverted is not None:
            return inverted
    for j, tok in enumerate(window):
        low = tok[2].lower()
        if low in _VERBS or (low in _INVERTED_SHORT and j == 0):
            if j > 0 and window[j - 1][2].lower() in _PASSIVE:
                return None
            if low.endswith("ing") and low not in _INVERTED_SHORT:
                # '"A," adding, "B."' / '"a disaster" and asking, "B?"': a participle has no
                # subject of its own; it introduces the next quotation, not this one
                return None
            if j == 0 and _is_capitalized(tok[2]) and _closes_with_stop(text, pos):
                return None  # '"A." Asked about it, X replied ...': the cue opens the next sentence
            if _introduces_next(text, tok[1], limit):
                return None  # '"A." Mr. Z said: "B."': the cue belongs to the quotation after the colon
            if j == 0 or all(_skippable(w[2], low) for w in window[:j]):
                # '," said X' / '», a déclaré X' (an auxiliary before the inverted cue)
                spk = _np_after(text, tok[1], limit)
                return _Attribution(window[0][0], spk[1] if spk else tok[1], spk, tok[2])
            if not _ends_with_comma(text, pos) and not _closes_clause(text, tok[1], limit):
                return (
                    None  # '"..." Gov. X said it would be ...': a new statement, not this one's attribution
                )
            return _speaker_first(text, window[:j], tok, limit)
        if tok[2] in {".", "!", "?", ";", ":"} and not (
            tok[2] == "."
            and j > 0
            and (_abbrev_token(window[j - 1][2]) or (j + 1 < len(window) and window[j + 1][2] == ","))
        ):
            return _unlisted_verb(text, window[:j], pos) if tok[2] == "." and unlisted else None
    return None


# Words that may follow an unlisted verb in a short attribution ('shot back with a laugh').
_MANNER_START = _words(
    "back up out with in at on to as before after during from into over again while amid "
    "through across without quickly"
)
_MAX_MANNER_TOKENS = 8


def _verb_like(word: str) -> bool:
    """A lower-case past tense ('barked', 'retaliated') or a listed attribution-only verb ('read')."""
    return word.isalpha() and word.islower() and (
        (len(word) > 4 and word.endswith("ed")) or word in _ATTRIBUTION_ONLY
    )


def _requires_attribution(text: str, mark_end: int) -> bool:
    """'"A," X Y.' / '"A!" X Y.' / '"A?" X Y.': the quotation ends without closing its sentence."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in _MARKS or text[j].isspace()):
        j -= 1
    return text[j] in ",!?"


def _unlisted_verb(text: str, before: list[Token], pos: int) -> _Attribution | None:
    """'"...," Oliver barked.' / '"...," an angry mayor shot back with a laugh.' / '"...," the suit reads.'

    Verb lists never cover every manner of speaking (barked, retaliated, fired back); a
    quotation that does not close its sentence, then a short 'subject + past tense
    [+ manner phrase]' sentence, is evidence enough.
    """
    if not _requires_attribution(text, pos) or not 2 <= len(before) <= 6 + _MAX_MANNER_TOKENS:
        return None
    v = next((i for i, t in enumerate(before) if i > 0 and _verb_like(t[2])), None)
    if v is None or v > 6:
        return None
    rest = before[v + 1 :]
    if len(rest) > 1 and rest[0][2] == "to" and rest[1][2][0].islower() and rest[1][2] not in _INFINITIVE_BLOCK:
        return None  # '"...," the number needed to win.': an infinitive, not a manner phrase
    if rest and (
        len(rest) > _MAX_MANNER_TOKENS
        or not (rest[0][2].lower() in _MANNER_START or rest[0][2].endswith("ly") or rest[0][2].lower() in _SKIP)
    ):
        return None
    subject = _leading_np(before[:v])
    if len(subject) != v:
        return None
    first = subject[0][2]
    if not (first.lower() in _PRONOUNS | _DETERMINERS or _is_capitalized(first)):
        return None
    verb = before[v]
    return _Attribution(subject[0][0], verb[1], (subject[0][0], subject[-1][1]), verb[2])


def _inverted_unlisted(text: str, window: list[Token], pos: int, limit: int) -> _Attribution | None:
    """'"This is fantastic!" beamed a delegate from Ohio.': an unlisted verb, then the speaker."""
    if len(window) < 2 or not _verb_like(window[0][2]) or not _requires_attribution(text, pos):
        return None
    nxt = window[1][2]
    if not (_is_capitalized(nxt) or nxt.lower() in _DETERMINERS):
        return None
    if any(t[2].lower() in _VERBS or t[2].lower() in _AUX for t in window[1:_MAX_SPEAKER_TOKENS]):
        return None  # '"...," retired general X said': the listed verb decides
    spk = _np_after(text, window[0][1], limit)
    if spk is None:
        return None
    words = text[spk[0] : spk[1]].split()
    if not any(_is_capitalized(w) for w in words) and not (
        window[0][2] in _ATTRIBUTION_ONLY and words[0].lower() in _DETERMINERS and len(words) <= 4
    ):
        return None  # '," read the email.' / '," read one.' need no name; '," beamed Ohio's Jo Ruiz.' does
    return _Attribution(window[0][0], spk[1], spk, window[0][2])


def _introduces_next(text: str, cue_end: int, limit: int) -> bool:
    """'he said:' (a colon right after the cue or its hearer) opens the next quotation."""
    tokens = _tokens(text, cue_end, min(limit, cue_end + 60), 6)
    for tok in tokens:
        if tok[2] == ":":
            return True
        if not (tok[2][0].isalnum() and (_is_capitalized(tok[2]) or tok[2].lower() in _SKIP)):
            return False
    return False


_TITLE_MAX_WORDS = 8
_MINOR_WORDS = _words("a an the of and or in on at to for with by from as is are be vs de du la le")


def _is_title_case(text: str, mark: _Mark) -> bool:
    """'"Meet the Press,"' / '"Make Your Kid a Millionaire"': a short quotation whose words are
    all capitalised (apart from minor words) names a show, book or slogan; it is not speech."""
    words = _WORD_RE.findall(text, mark.start, mark.end)
    if not words or len(words) > _TITLE_MAX_WORDS:
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and len(major) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in major)


def _ends_sentence(text: str, mark: _Mark) -> bool:
    """The quotation closes on a full stop: what follows starts a new sentence."""
    j = mark.end - 1
    while j > mark.start and mark.end - j < 4 and (text[j] in _MARKS or text[j].isspace()):
        j -= 1
    return text[j] == "."


def _closes_with_stop(text: str, mark_end: int) -> bool:
    """The quotation ends on a full stop (inside or just before its closing mark)."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in _MARKS or text[j].isspace()):
        j -= 1
    return text[j] == "."


def _ends_with_comma(text: str, mark_end: int) -> bool:
    """'"A," he said ...': a quotation closing on a comma is always completed by its attribution."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in _MARKS or text[j].isspace()):
        j -= 1
    return text[j] == ","


_TRAILING_PREPOSITIONS = _words(
    "in on at after before during of to via while as from with about when through"
)


def _closes_clause(text: str, pos: int, limit: int) -> bool:
    """After 'he said' comes the end of the clause (or 'in an interview', 'of Cruz'), not a new clause."""
    tokens = _tokens(text, pos, min(limit, pos + 120), 12)
    k = 0
    while (
        k < len(tokens) and k < 4 and (tokens[k][2].lower() in _SKIP or tokens[k][2].lower() in _TIME_START)
    ):
        if tokens[k][2].lower() in _TRAILING_PREPOSITIONS and k == 0:
            return True
        k += 1
    if k >= len(tokens):
        return True
    word = tokens[k][2]
    if not word[0].isalnum() or word.lower() in _TRAILING_PREPOSITIONS:
        return True
    if word.islower() and word.endswith("ly") and k + 1 < len(tokens):
        # "said pleasantly into the phone", "said quietly.": a manner adverb, then the clause ends
        nxt = tokens[k + 1][2]
        return not nxt[0].isalnum() or nxt.lower() in _TRAILING_PREPOSITIONS | _MANNER_START
    # "told Reuters.", "told reporters on Monday": the hearer, then the clause ends
    cue_word = text[max(0, pos - 12) : pos].split()[-1:]
    return bool(cue_word) and cue_word[0].lower() in _ADDRESSEE_VERBS


def _speaker_first(text: str, before: list[Token], cue: Token, limit: int) -> _Attribution | None:
    """'" Flynn, a top Trump surrogate, said Thursday' -> Flynn (the name before the aside)."""
    before = [t for t in before if not _skippable(t[2], cue[2])]
    if not before or len(before) > _MAX_SPEAKER_TOKENS + 8:
        return None
    segments = [s for s in _split_segments(before) if s]
    if not segments:
        return None
    while segments and segments[0] and segments[0][0][2].lower() in _LEAD_JUNK:
        segments[0] = segments[0][1:]
    segments = [s for s in segments if s]
    if not segments:
        return None
    first = segments[0][0][2]
    content_end = None
    if len(segments) > 1 and first[0].islower() and first.lower() not in _PRONOUNS | _DETERMINERS:
        # '"A" to drive up the stock price, she said': the words after the mark belong to the statement
        speaker = segments[-1]
        if len(speaker) > 5:
            return None
        content_end = text.rfind(",", before[0][0], speaker[0][0])
        before = speaker
    elif len(segments) > 1 and before[-1][2] != "," and len(segments[-1]) > 3:
        return None
    else:
        speaker = segments[0][:_MAX_SPEAKER_TOKENS]
    addressee = None
    end = cue[1]
    if cue[2].lower() in _ADDRESSEE_VERBS:
        addressee, end = _addressee_after(text, cue[1], limit)
        end = max(end, cue[1])
    return _Attribution(before[0][0], end, (speaker[0][0], speaker[-1][1]), cue[2], addressee, content_end)


def _dash_attribution(text: str, tokens: list[Token], limit: int) -> _Attribution | None:
    """'"..." ― Jane Doe' (a name after a dash closes the paragraph) is an attribution."""
    if len(tokens) < 2 or not _is_capitalized(tokens[1][2]):
        return None
    spk = _np_after(text, tokens[1][0], limit, max_tokens=8)
    if spk is None or not _only_apposition(text, spk[1], limit):
        return None
    return _Attribution(tokens[0][0], spk[1], spk, tokens[0][2])


_DASH_APPOSITION_WORDS = 12


def _only_apposition(text: str, start: int, limit: int) -> bool:
    """Nothing, or a short apposition ('", a nurse from Ohio'), closes the paragraph after a
    dash attribution's name: a signature line describes its writer, it says nothing more."""
    rest = text[start:limit].strip(" .\u00a0\n")
    if not rest:
        return True
    return (
        rest[0] == ","
        and not any(ch in rest for ch in "!?;:")
        and not any(ch in _MARKS for ch in rest)
        and _word_count(text, start, limit, _DASH_APPOSITION_WORDS + 1) <= _DASH_APPOSITION_WORDS
    )


def _dash_line_after(text: str, mark_end: int, limit: int) -> _Attribution | None:
    """'"..."' closing its paragraph, then a line of its own '— Jane Doe': the signature
    line under a quotation names its author, as a dash after the closing mark does."""
    para_end = _paragraph_end(text, mark_end)
    if text[mark_end:para_end].strip(" .,\u00a0\t") or para_end >= min(limit, len(text)):
        return None
    j = para_end
    while j < limit and j - para_end < 4 and text[j] in " \t\u00a0\n":
        j += 1
    if j >= limit or text[j] not in _DASHES or text.count("\n", para_end, j) > 2:
        return None
    line_end = _paragraph_end(text, j)
    if line_end > limit:
        return None
    tokens = _without_parentheses(_tokens(text, j, line_end, 30))
    return _dash_attribution(text, tokens, line_end)


@dataclass(slots=True, frozen=True)
class _VerbHit:
    """A quoting verb found by ``_QUOTING_END_RE``, read like a ``_CUE_RE`` match of a verb
    (``start()``, ``end()``, ``group()``) so the attribution code treats both alike."""

    begin: int
    finish: int
    word: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self, name: str | int = 0) -> str | None:
        return self.word if name in (0, "verb") else None


def _attribution_before(text: str, sent_start: int, quote_start: int) -> _Attribution | None:
    """'Clinton said, "...' / 'He told CNN: "...' / 'Said Ellis: "...' in the quotation's sentence."""
    before = text[sent_start:quote_start].rstrip()
    if not before:
        return None
    hits: list[re.Match[str] | _VerbHit] = list(_CUE_RE.finditer(text, max(sent_start, quote_start - 200), quote_start))
    quoting = _QUOTING_END_RE.search(text, max(sent_start, quote_start - 40), quote_start)
    if quoting is not None and (not hits or hits[-1].end() <= quoting.start()):
        # 'the crowd, chanting "U-S-A!"': the quotation is the verb's object
        hits.append(_VerbHit(quoting.start("verb"), quoting.end("verb"), quoting.group("verb")))  # type: ignore[arg-type]
    cue = hits[-1] if hits and hits[-1].group("verb") else None
    if cue is not None and before[-1] not in ",:" and cue.end() < sent_start + len(before):
        return None  # only "X chanted "...": a cue right before the mark needs no comma
    # 'Said Dora Penn, who grew up next door, "..."': a sentence-initial cue, then a longer speaker
    max_gap = 8
    if cue is not None and not text[sent_start : cue.start()].strip():
        after_cue = _tokens(text, cue.end(), quote_start, 1)
        if after_cue and _is_capitalized(after_cue[0][2]):
            max_gap = 24
    if cue is None or len(_tokens(text, cue.end(), quote_start)) > max_gap:
        return _colon_before(text, sent_start, quote_start) if before[-1] == ":" else None
    speaker = None
    if cue.group().lower().endswith("ing"):
        # 'Ruiz thanked the crowd before asking, "..."': a participle's speaker is the subject,
        # or the speaker of the cue before it ('"A," Ruiz said, adding, "B."')
        earlier = [h for h in hits[:-1] if h.group("verb") and h.start() >= sent_start]
        if earlier:
            prev = earlier[-1]
            speaker = _speaker_before(text, sent_start, prev.start()) or _np_after(text, prev.end(), cue.start())
        elif text[sent_start:cue.start()].lstrip()[:1] not in _MARKS:
            speaker = _sentence_subject(text, sent_start, cue.start())
    speaker = speaker or _speaker_before(text, sent_start, cue.start())
    if speaker is None and not text[sent_start : cue.start()].strip():
        speaker = _np_after(text, cue.end(), quote_start)  # "Said Ellis: ..."
    if (
        speaker is None
        and cue.group().lower().endswith("ing")
        and _after_comma(text, sent_start, cue.start())
    ):
        speaker = _sentence_subject(text, sent_start, cue.start())  # 'X called it "A," adding: "B."'
    if speaker is None:
        return None
    addressee = None
    lead_from = cue.end()
    if cue.group().lower() in _ADDRESSEE_VERBS:
        addressee, lead_from = _addressee_after(text, cue.end(), quote_start)
        lead_from = max(lead_from, cue.end())
    content_start = None
    if speaker[0] < cue.start():
        content_start = _statement_lead(text, lead_from, quote_start)
    return _Attribution(
        min(speaker[0], cue.start()), quote_start, speaker, cue.group(), addressee, content_start=content_start
    )


# Words that open a reported clause between a cue and a quotation ('said that in 2009,
# "..."', 'said because ...', 'said he came up with the idea: "..."'); anything else there
# ('told the AP,', 'said on the other hand,', 'proclaimed at a press conference,') is
# circumstance, and the statement is the quotation alone.
_LEAD_OPENERS = _words("because since although though if unless whether there it")


def _statement_lead(text: str, cue_end: int, quote_start: int) -> int | None:
    """'Swers said because Obama is popular, "he is a good surrogate."': words of the
    statement between the cue and the quotation make it one mixed statement starting there."""
    start = _content_start(text, cue_end, quote_start)
    if start >= quote_start or _word_count(text, start, quote_start, 3) < 2:
        return None
    first = _WORD_RE.search(text, start, quote_start)
    if first is None:
        return None
    low = first.group().lower()
    if low in _COMPLEMENTIZERS or low in _LEAD_OPENERS or low in _PRONOUNS:
        return start
    return None


def _after_comma(text: str, lo: int, pos: int) -> bool:
    """A comma (maybe inside a closing quotation mark: 'trust," adding') comes right before ``pos``."""
    return text[max(lo, pos - 8) : pos].rstrip().rstrip("".join(_ALL_CLOSERS)).endswith(",")


def _colon_before(text: str, sent_start: int, quote_start: int) -> _Attribution | None:
    """'The headline reads: "..."' / 'Trump: "..."': the words before a colon that opens a quotation."""
    colon = text.rfind(":", sent_start, quote_start)
    tokens = _tokens(text, max(sent_start, colon - 200), colon)
    if not tokens or not tokens[-1][2][0].isalpha():
        return None
    word = tokens[-1]
    if word[2][0].islower():
        speaker = _speaker_before(text, sent_start, word[0])
        if speaker is None and word[2].lower() not in _VERBS and _cited_sentence(text, quote_start):
            # 'The flyer used one of her lines as its headline: "Finally, someone listens."':
            # a colon after a noun presents a whole quoted sentence as cited words
            subject = _sentence_subject(text, sent_start, colon)
            return _Attribution(subject[0] if subject else colon, colon + 1, subject, ":")
        return _Attribution(speaker[0], colon + 1, speaker, word[2]) if speaker else None
    names = _leading_np(tokens)
    if not names or names[-1] is not tokens[-1]:
        # 'McConnell delivered a blunt message to Trump: "..."': the sentence's subject speaks
        subject = _sentence_subject(text, sent_start, colon)
        return _Attribution(subject[0], colon + 1, subject, ":") if subject else None
    return _Attribution(names[0][0], colon + 1, (names[0][0], names[-1][1]), ":")


_CITED_MIN_WORDS = 4


def _cited_sentence(text: str, quote_start: int) -> bool:
    """The quotation at ``quote_start`` is a whole sentence: a capital first word and a few words."""
    words = _WORD_RE.findall(text, quote_start, min(len(text), quote_start + 200))
    return len(words) >= _CITED_MIN_WORDS and words[0][0].isupper()


def _sentence_subject(text: str, sent_start: int, end: int) -> Span | None:
    """A name or pronoun opening the sentence, taken as the speaker when no cue names one."""
    head = _tokens(text, sent_start, min(end, sent_start + 200))
    if head and head[0][2].lower() in _PREPOSITIONS:
        # "In the email, Ash ...": skip the opening phrase
        comma = next((k for k, t in enumerate(head) if t[2] == ","), None)
        head = head[comma + 1 :] if comma is not None else []
    lead = _leading_np(head)
    if not lead or lead[-1][1] >= end:
        return None
    first = lead[0][2]
    if first.lower() in _PRONOUNS or (_is_capitalized(first) and first.lower() not in _DETERMINERS):
        return lead[0][0], lead[-1][1]
    return None


def _colon_intro(text: str, para_start: int) -> _Attribution | None:
    """'They provided us with the following statement:' ending the paragraph before a quotation."""
    if para_start <= 1:
        return None
    prev_end = para_start - 1
    while prev_end > 0 and text[prev_end - 1] in " \t\n":
        prev_end -= 1
    prev_start = text.rfind("\n", max(0, prev_end - 2000), prev_end) + 1
    intro = text[prev_start:prev_end].rstrip(" )")
    if not intro.endswith(":"):
        return None
    clause_start = prev_start
    for m in _SENT_END_RE.finditer(text, prev_start, max(prev_start, prev_end - 1)):
        if m.group() != "\n" and not _is_abbreviation(text, m.start()):
            clause_start = m.end()
    stmt = None
    for stmt in _STATEMENT_INTRO_RE.finditer(text, clause_start, prev_end):
        pass
    if stmt is not None:
        speaker = _speaker_before(text, clause_start, stmt.start())
        return _Attribution(prev_start, prev_end, speaker, " ".join(stmt.group("cue").split()))
    hits = [h for h in _CUE_RE.finditer(text, clause_start, prev_end) if h.group("verb")]
    if not hits:
        return None
    speaker = _speaker_before(text, clause_start, hits[-1].start())
    if speaker is None:
        return None
    return _Attribution(prev_start, prev_end, speaker, hits[-1].group())


_INTRO_MAX_TAIL = 6


def _sentence_intro(text: str, ends: list[int], marks: list[_Mark], sent_start: int) -> _Attribution | None:
    """'Jane Doe agreed. "..."' / 'X said in a statement. "..."': a sentence that is only
    'speaker + cue' (maybe with 'in a statement', a day or a hearer) introduces the
    quotation that opens the next sentence of the same paragraph.
    """
    prev_start, prev_end = _sentence_bounds(ends, max(0, sent_start - 1))
    prev_start, _ = _strip_span(text, prev_start, prev_end, " \t\n\u00a0")
    if prev_end > sent_start or text[prev_end:sent_start].strip() or "\n" in text[prev_start:sent_start]:
        return None
    body = text[prev_start:prev_end].rstrip()
    if not body.endswith(".") or any(ch in body for ch in _MARKS if ch not in AMBIGUOUS_MARKS):
        return None
    cue = None
    for cue in _CUE_RE.finditer(text, prev_start, prev_start + len(body)):
        pass
    if cue is None or not cue.group("verb") or cue.group().lower() in _OBJECT_CUES:
        return None
    tail = _tokens(text, cue.end(), prev_start + len(body) - 1)
    if len(tail) > _INTRO_MAX_TAIL or not all(
        _adverbial_token(t[2]) and t[2].lower() not in _COMPLEMENTIZERS for t in tail
    ):
        return None
    speaker = _speaker_before(text, prev_start, cue.start())
    if speaker is None or not _plausible_speaker(text, speaker):
        return None
    content_start = None
    if text[prev_start : speaker[0]].rstrip().endswith(",") and _word_count(text, prev_start, speaker[0]) >= 3:
        content_start = prev_start  # 'A, Schiff said. "B."': one statement, reported then quoted
    return _Attribution(speaker[0], prev_start + len(body), speaker, cue.group(), content_start=content_start)


def _continues(text: str, ends: list[int], marks: list[_Mark], k: int, after: int) -> bool:
    """Quotation k goes on with the statement ending at ``after``.

    It must follow right after it (same sentence, next sentence or next paragraph),
    close its own sentence and have no attribution of its own.
    """
    nxt = marks[k]
    if after > nxt.start:
        return False
    gap_start = after
    same_paragraph = text.count("\n", after, nxt.start) == 0
    _, sent_end = _sentence_bounds(ends, max(after - 1, 0))
    if not same_paragraph and after < sent_end <= nxt.start and "\n" not in text[after:sent_end]:
        gap_start = sent_end  # '"A!" he said to a cheer.' then "B." opening the next paragraph
    elif same_paragraph:
        # the rest of the attribution sentence (", a law professor at ...") may sit in between
        if after < sent_end <= nxt.start:
            gap_start = sent_end
            _, next_end = _sentence_bounds(ends, sent_end)
            if (
                next_end <= nxt.start
                and next_end - sent_end < _WINDOW
                and not text[next_end : nxt.start].strip()
                and not _CUE_RE.search(text, sent_end, next_end)
            ):
                gap_start = next_end  # '"A," Obama said. He didn't suggest retaliation. "B."'
        elif nxt.start < sent_end and text[after : nxt.start].rstrip().endswith((",", ":", ".")):
            # '"A," Trump said during a rally in Kenansville, "B."' (or '... in Fort Mill, S.C. "B."')
            gap = text[after : nxt.start].strip()
            # ', 53, who lives in Springfield, Ill. "B."': a long apposition of the speaker may sit in between
            max_gap = 40 if gap.startswith(",") and gap.endswith(".") else 16
            gap_start = nxt.start if len(_tokens(text, after, nxt.start, max_gap + 1)) <= max_gap else after
    if _introduced_by_participle(text, after, nxt.start):
        return False  # '"A," she said, adding later, "B."': the second cue makes B a statement of its own
    if not same_paragraph and _signed_paragraph(text, nxt.start):
        return False  # '"B ... " ― Tom Ray': a paragraph signed with its own name starts a new statement
    m = _JOIN_GAP_RE.match(text, gap_start, nxt.start)
    if m is None or m.end() != nxt.start or text.count("\n", gap_start, nxt.start) > 2:
        return False
    limit = marks[k + 1].start if k + 1 < len(marks) else len(text)
    limit = min(limit, _paragraph_end(text, nxt.end))
    if _attribution_after(text, nxt.end, limit) is not None:
        return False
    rest = text[nxt.end : limit].strip()
    if rest == "" or _sentence_bounds(ends, nxt.end - 1)[1] <= nxt.end + 1:
        return True
    # '... "B" - raising his profile.': a full sentence quoted, then a trailing remark
    return rest[0] in _DASHES and _word_count(text, nxt.start, nxt.end) >= 4


_SIGNATURE_RE = re.compile(r"[—―–-][ \t\u00a0]*[A-Z][\w'’.-]*(?:[ \t\u00a0]+[A-Z][\w'’.-]*){0,5}[ \t\u00a0.]*$")


def _signed_paragraph(text: str, pos: int) -> bool:
    """The paragraph holding ``pos`` ends with a dash and a name ('... ” ― Jane Doe.')."""
    end = _paragraph_end(text, pos)
    return _SIGNATURE_RE.search(text, max(pos, end - 80), end) is not None


_INNER_MARK_WORDS = 4


def _attribution_limit(text: str, marks: list[_Mark], k: int) -> int:
    """Where the attribution after a quotation must end: at the next quotation, unless that
    one is a short name inside the attribution ('," Bill Eastland, wearing "Vote Ruiz" pins, said.')."""
    while k < len(marks):
        nxt = marks[k]
        lead = text[max(0, nxt.start - 3) : nxt.start].strip()
        if _word_count(text, nxt.start, nxt.end, _INNER_MARK_WORDS + 1) > _INNER_MARK_WORDS or not lead[-1:].isalpha():
            return nxt.start
        k += 1
    return len(text)


def _introduced_by_participle(text: str, lo: int, quote_start: int) -> bool:
    """', adding later, "B."' / ', saying: "B."': a participle cue right before the quotation."""
    tail = _tokens(text, max(lo, quote_start - 40), quote_start)
    words = [t for t in tail if t[2][0].isalnum()][-3:]
    return any(w[2].lower().endswith("ing") and w[2].lower() in _VERBS for w in words) and bool(
        tail and tail[-1][2] in {",", ":"}
    )


def _continuation_chain(marks: list[_Mark], k: int) -> list[_Mark]:
    """The paragraphs that carry on the quotation before ``marks[k]`` (marked ``continued``)."""
    chain: list[_Mark] = []
    while k < len(marks) and marks[k].continued:
        chain.append(marks[k])
        k += 1
    return chain


def _skip_titles(
    text: str, ends: list[int], marks: list[_Mark], k: int, after: int, consumed: list[Span]
) -> int:
    """'Perez said Sunday on NBC's "Meet the Press."': short quotations in the attribution's sentence are names."""
    if k >= len(marks) or marks[k].start < after:
        return k
    _, sent_end = _sentence_bounds(ends, max(after - 1, 0))
    while (
        k < len(marks)
        and marks[k].end <= sent_end
        and _word_count(text, marks[k].start, marks[k].end) <= 6
        and text[max(0, marks[k].start - 3) : marks[k].start].strip()[-1:] not in (",", ":")
    ):
        consumed.append((marks[k].start, marks[k].end))
        k += 1
    return k


def _leads_into(text: str, sent_start: int, quote_start: int, attribution: _Attribution) -> bool:
    """Words of the statement precede the quotation (and its attribution) in the same sentence."""
    if attribution.start < quote_start or text[sent_start:quote_start].rstrip().endswith(":"):
        return False  # 'Asked about it, Clinton said, "..."': the lead holds the attribution
    if _CUE_RE.search(text, sent_start, quote_start):
        return False
    return _word_count(text, sent_start, quote_start) >= 3


def _interrupted_statement(text: str, head: int, attribution: _Attribution, mark: _Mark) -> bool:
    """'A, he said, "b ..."': the attribution interrupts one sentence whose first part
    comes before it. The quotation opening in lower case shows that it does not start a
    sentence of its own but continues the words before the attribution."""
    if not head < attribution.start < mark.start or attribution.speaker is None:
        return False
    lead = text[head : attribution.start].rstrip()
    if not lead.endswith(",") or _word_count(text, head, attribution.start, 3) < 3:
        return False
    if "," not in text[attribution.speaker[1] : mark.start] or not _plausible_speaker(text, attribution.speaker):
        return False  # commas set the attribution off on both sides: 'A, he said, "b"'
    if _is_intro_phrase(text, head, attribution.start - 1):
        return False  # 'At one point, she said, "..."': a circumstance, not part of the words
    first = _WORD_RE.search(text, mark.start, mark.end)
    return first is not None and first.group()[0].islower()


def _direct_quotes(text: str, marks: list[_Mark], ends: list[int], consumed: list[Span]) -> list[_Found]:
    out: list[_Found] = []
    k = 0
    while k < len(marks):
        mark = marks[k]
        k += 1
        if _word_count(text, mark.start, mark.end) == 0:
            continue
        sent_start, _ = _sentence_bounds(ends, mark.start)
        sent_start = max(sent_start, mark.start - 1000)
        before = text[sent_start : mark.start]
        limit = min(_attribution_limit(text, marks, k), _paragraph_end(text, mark.end))
        attribution: _Attribution | None = None
        kind = "direct"
        start = mark.start
        lead = before.strip()
        if lead and lead[-1] not in ",:" and lead not in ("(", "—", "–", "-"):
            # 'Both parties "saw Burma as ...," said Victor Cha': the sentence is the statement
            if _ends_sentence(text, mark) or _is_title_case(text, mark):
                attribution = None  # 'On NBC's "Meet the Press," Perez said ...': a name, not words said
            else:
                attribution = _attribution_after(text, mark.end, limit, unlisted=False)
            if attribution is not None:
                kind, start = "mixed", sent_start + len(before) - len(before.lstrip())
            else:
                attribution = _attribution_before(text, sent_start, mark.start)
                if attribution is not None and _sentence_bounds(ends, mark.end - 1)[1] > mark.end + 1:
                    attribution = (
                        None  # 'Obama said "it gets me mad" every time ...': left to reported speech
                    )
        elif not lead or lead in ("(", "—", "–", "-"):
            attribution = _attribution_after(text, mark.end, limit)
            if attribution is None and limit == _paragraph_end(text, mark.end):
                attribution = _dash_line_after(text, mark.end, marks[k].start if k < len(marks) else len(text))
            if attribution is None and _is_paragraph_start(text, mark.start):
                attribution = _colon_intro(text, sent_start + len(before) - len(before.lstrip()))
                if attribution is not None and _paragraph_end(text, mark.end) - mark.end < 3:
                    kind = "block"
            if attribution is None and not lead:
                attribution = _sentence_intro(text, ends, marks, sent_start)
        elif _ends_sentence(text, mark):
            # 'Clinton said, "A." She followed up by saying ...': what follows is the next sentence
            attribution = _attribution_before(text, sent_start, mark.start)
        else:
            attribution = _attribution_after(text, mark.end, limit) or _attribution_before(
                text, sent_start, mark.start
            )
            if attribution is not None and _leads_into(text, sent_start, mark.start, attribution):
                # 'After the 2014 victories, "there is a sense of urgency," Law said': the
                # opening clause is part of what was said
                kind, start = "mixed", sent_start + len(before) - len(before.lstrip())
        chain: list[_Mark] = []
        if attribution is None:
            # '"A.\n"B," she said.': a quotation over several paragraphs is attributed at its end
            chain = _continuation_chain(marks, k)
            if chain:
                last = chain[-1]
                chain_limit = marks[k + len(chain)].start if k + len(chain) < len(marks) else len(text)
                attribution = _attribution_after(text, last.end, min(chain_limit, _paragraph_end(text, last.end)))
        if attribution is None:
            continue
        end = mark.end
        if attribution is not None and chain:
            end, k = chain[-1].end, k + len(chain)
        if attribution.content_end is not None:
            kind, end = ("mixed" if kind == "direct" else kind), attribution.content_end
        if attribution.content_start is not None:
            kind, start = "mixed", attribution.content_start
        elif kind == "direct" and not chain:
            head = sent_start + len(before) - len(before.lstrip())
            if _interrupted_statement(text, head, attribution, mark):
                # 'In poorer towns, he said, "we don't know" how many jobs will go.'
                kind, start = "mixed", head
                end = max(end, _strip_span(text, mark.end, _sentence_bounds(ends, mark.end - 1)[1])[1])
        pieces = [_inner(text, mark)] + [_inner(text, m) for m in chain]
        consumed.append((attribution.start, attribution.end))
        if attribution.start >= mark.end:
            k = _skip_titles(text, ends, marks, k, attribution.end, consumed)
        parts: list[Span] = [(start, end)]
        # "A," he said. "B."  -> one statement, when B has no attribution of its own
        while (
            k < len(marks)
            and (len(pieces) < _MAX_JOINED or marks[k].continued)
            and _continues(text, ends, marks, k, max(end, attribution.end))
        ):
            parts.append((marks[k].start, marks[k].end))
            end = marks[k].end
            pieces.append(_inner(text, marks[k]))
            k += 1
        spk = attribution.speaker
        adr = attribution.addressee
        out.append(
            _Found(
                start=start,
                end=end,
                text=" ".join(p for p in pieces if p),
                kind=kind,
                speaker=text[spk[0] : spk[1]] if spk else None,
                speaker_pos=spk[0] if spk else None,
                cue=" ".join(attribution.cue.split()),
                addressee=text[adr[0] : adr[1]] if adr else None,
                parts=parts if len(parts) > 1 else [],
            )
        )
    return out


# ---------------------------------------------------------------- reported speech


# Prepositions that open a circumstance of the speaking ('said Sunday in Virginia', 'said
# on Tuesday at a rally'): where and when it was said.
_ADJUNCT_PREPOSITIONS = _words("in at on during")
_ADJUNCT_DETERMINERS = _words("a an the his her their its this that last")
_ADJUNCT_MAX_WORDS = 4


def _adjunct_end(tokens: list[Token], k: int) -> int:
    """Index after the circumstance phrase at ``tokens[k]`` ('in Virginia', 'at a rally',
    'during the debate'), or ``k`` when none starts there.

    The phrase is a preposition, then a run of capitalised words (a place or an event) or a
    determiner and a few nouns. It ends before the next preposition, a comma, 'that' or a
    word that can open a clause (a determiner or pronoun: 'said at the time the deal ...').
    A speech verb does not take such a phrase as its object, so the reported words can only
    start after it; when nothing but adjuncts follows, the cue has no content after it.
    """
    if k >= len(tokens) or tokens[k][2].lower() not in _ADJUNCT_PREPOSITIONS:
        return k
    j = k + 1
    if j < len(tokens) and tokens[j][2].lower() in _ADJUNCT_DETERMINERS:
        j += 1
        stop = j + _ADJUNCT_MAX_WORDS
        while j < len(tokens) and j < stop:
            word = tokens[j][2]
            low = word.lower()
            if (
                not word[0].isalnum()
                or low in _PREPOSITIONS
                or low in _COMPLEMENTIZERS
                or low in _DETERMINERS
                or low in _PRONOUNS
                or low in _AUX
                or low in _RELATIVE
            ):
                break
            j += 1
        return j if j > k + 2 else k
    named = j
    while j < len(tokens) and (
        _is_capitalized(tokens[j][2]) or (tokens[j][2] == "." and j > named and _abbrev_token(tokens[j - 1][2]))
    ):
        j += 1
    return j if j > named else k


# 'said of the plan': after a verb of saying, "of" names the topic, not the words said
# ('complained of pain', 'warned of a crisis' keep theirs: there the object is the content).
_TOPIC_OF_CUES = _words("said says say saying")


def _content_start(text: str, pos: int, end: int, cue: str = "") -> int:
    """Skip what sits between cue and content: time phrases, 'in a statement', a colon,
    and circumstance phrases ('in Virginia', 'at a rally', 'said of the plan'; see
    ``_adjunct_end``)."""
    tokens = _tokens(text, pos, min(end, pos + 160), 20)
    if cue.lower() in _TOPIC_OF_CUES and tokens and tokens[0][2].lower() == "of":
        adjunct = _adjunct_end([(0, 0, "in")] + tokens[1:], 0)
        if adjunct > 0:
            tokens = tokens[adjunct:]
    for k, tok in enumerate(tokens[:10]):
        if tok[2].lower() in _COMPLEMENTIZERS:
            if all(_adverbial_token(t[2]) for t in tokens[:k]):
                return tok[0]
            break
    k = 0
    while k < len(tokens) and k < 14:
        low = tokens[k][2].lower()
        adjunct = _adjunct_end(tokens, k)
        if adjunct > k:
            k = adjunct
            continue
        if tokens[k][2] in {",", ":"} or low in _SKIP or low in _TIME_START:
            k += 1
            continue
        break
    return tokens[k][0] if k < len(tokens) else end


# A reported clause or object never opens with these: after them the cue word was a
# plain verb ("reported from Paris", "added to his lead", "joked with a friend"),
# a passive participle ("first reported by the Post") or the content is missing
# ("said when she resigned", "said and did the same things").
_NOT_CONTENT_START = _words("by from with into onto off as while when until than and or nor von mit")
# ... unless the next word shows an adverbial that the content follows
# ("say by 55% to 41% that ...", "said as much", "would not say when, or if, ...").
_CONTENT_AFTER = {"by": _words("a an"), "as": _words("much well a an"), "when": _words(", or")}
_INFINITIVE_BLOCK = _words("the a an his her their its our my your this that these those")


# After an object cue only the passive agent and particles rule the object out: "described
# as reckless" and "criticized with harsh words" do report speech ("called off a deal" does not).
_NOT_OBJECT_START = _words("by off")


def _starts_content(text: str, start: int, end: int, blocked: frozenset[str] = _NOT_CONTENT_START) -> bool:
    """The words at ``start`` can open what was said ('to his portfolio' cannot, 'to cut taxes' can)."""
    head = _tokens(text, start, min(end, start + 60), 2)
    if not head:
        return False
    first = head[0][2].lower()
    nxt = head[1][2].lower() if len(head) > 1 else ""
    if first in blocked:
        if text[max(0, start - 3) : start].rstrip().endswith(","):
            return True  # 'said in the spring, when the story broke, "..."': an aside, then the words
        return nxt in _CONTENT_AFTER.get(first, ()) or (first == "by" and nxt[:1].isdigit())
    if blocked is _NOT_CONTENT_START and first in _GAP_VERBS:
        return False  # 'an article that Carson said was written ...': the subject is a gap, no clause
    return not (first == "to" and nxt in _INFINITIVE_BLOCK)


# A reported clause has its own subject. When a finite verb follows the cue directly, the
# subject was moved out ('the plan, which he said would cut taxes'); the cue sits inside a
# relative clause and the words after it are not a report of their own.
_GAP_VERBS = _words("was were is are has had have will would could should can did does may might must")


_ADVERBIAL = _words(
    "in a an the on at with to during statement interview speech email letter news conference "
    "press release tweet post earlier later also previously repeatedly , : ; - reporters"
)


def _adverbial_token(word: str) -> bool:
    """Words that may sit between a cue and 'that' ('said in a statement Monday that')."""
    low = word.lower()
    return low in _ADVERBIAL or low in _SKIP or low in _TIME_START or _is_capitalized(word)


def _content_end(text: str, start: int, end: int) -> int:
    """The reported clause ends at the sentence end or where a second cue clause starts."""
    m = _CONTENT_CUT_RE.search(text, start, end)
    return m.start() if m else end


def _kind_for(marks: list[_Mark], mark_starts: list[int], start: int, end: int) -> str:
    k = bisect.bisect_left(mark_starts, start)
    if k < len(marks) and marks[k].start <= start + 1 and marks[k].end >= end - 1:
        return "direct"
    if k > 0 and marks[k - 1].end > start:
        return "mixed"
    return "mixed" if k < len(marks) and marks[k].start < end else "indirect"


def _merged(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping spans: ``_inside`` looks at one span only, so nested ones must be merged."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(spans: list[Span], starts: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _according(text: str, cue: re.Match[str], sent_start: int, sent_end: int) -> tuple[Span, Span] | None:
    """(content span, speaker span) for 'According to X, C.' and 'C, according to X.'."""
    pre = text[sent_start : cue.start()].strip()
    lead = [
        t
        for t in _tokens(text, max(sent_start, cue.start() - 200), cue.start())
        if t[2].lower() not in _LEAD_JUNK and t[2] != ","
    ]
    if not lead:
        spk = _np_after(text, cue.end(), sent_end, max_tokens=16)
        if spk is not None:
            comma = text.find(",", spk[1], sent_end)
            if 0 <= comma - spk[1] <= 3:
                return (comma + 1, sent_end), spk
        # "Laut Polizei wurde niemand verletzt": the source runs up to the verb
        spk = _capitalised_source(text, cue.end(), sent_end)
        return ((spk[1], sent_end), spk) if spk else None
    if pre.endswith(","):
        spk = _np_after(text, cue.end(), sent_end, max_tokens=16)
        return ((sent_start, cue.start()), spk) if spk else None
    return None


def _capitalised_source(text: str, start: int, end: int) -> Span | None:
    """'laut Polizei wurde ...': articles and capitalised nouns up to the first other word."""
    out: list[Token] = []
    articles = {"der", "die", "das", "des", "dem", "den", "einem", "einer", "eines", "von", "vom"}
    for tok in _tokens(text, start, min(end, start + 150))[:8]:
        if _is_capitalized(tok[2]) or tok[2].lower() in articles:
            out.append(tok)
        else:
            break
    while out and not _is_capitalized(out[-1][2]):
        out.pop()
    return (out[0][0], out[-1][1]) if out else None


def _np_closed(text: str, np_end: int, sent_end: int) -> bool:
    """The inverted speaker ends at a comma or the sentence end; more words make it a clause.

    '..., said Ms. Brainard conveyed respect' is 'Name, apposition, said CLAUSE', not an inversion.
    """
    rest = text[np_end:sent_end].lstrip()
    return not rest or rest[0] in ",.;!?(—–"


def _inverted_speaker_ok(text: str, start: int, end: int) -> bool:
    """After '..., said' comes a speaker, not a clause ('said he would' is a clause)."""
    if end - start > 300:
        return False
    tokens = _tokens(text, start, end, 41)
    if not tokens or len(tokens) > 40:
        return False
    first = tokens[0][2].lower()
    if first in _COMPLEMENTIZERS or first in {"it", "there"} or first in _SKIP or first in _TIME_START:
        return False
    if first in _PRONOUNS:
        return len(tokens) <= 4
    return _is_capitalized(tokens[0][2]) or first in _DETERMINERS


def _clause_final(text: str, cue_end: int, sent_end: int) -> bool:
    """True when nothing clause-like follows the cue ('..., a source said on Monday.')."""
    tokens = _tokens(text, cue_end, min(sent_end, cue_end + 200), 16)
    words = [t for t in tokens if t[2][0].isalnum()]
    if tokens and tokens[0][2] == ":":
        return False  # "..., the union wrote:" introduces what follows
    if not words or tokens[0][2] == ",":
        return True
    first = words[0][2].lower()
    if first in _COMPLEMENTIZERS:
        return False
    k = 0
    while (
        k < len(tokens) and k < 5 and (tokens[k][2].lower() in _SKIP or tokens[k][2].lower() in _TIME_START)
    ):
        k += 1
    if k and (k == len(tokens) or tokens[k][2] in {",", ".", ";"}):
        return True
    if first == "to" and len(words) > 1 and _infinitive(words[1][2]):
        return False  # "..., Trump continues to build his lead": a verb chain, not a hearer
    return len(words) <= 8 and (
        first in _TIME_START or first in {"in", "at", "to", "after", "before", "while", "when"}
    )


def _infinitive(word: str) -> bool:
    """After 'to', a lower-case word that is no determiner, pronoun or plural noun is a verb
    ('to build', 'to say'); 'to reporters', 'to the crowd', 'to CNN' name a hearer."""
    low = word.lower()
    return (
        word[:1].islower()
        and low not in _INFINITIVE_BLOCK
        and low not in _PRONOUNS
        and low not in {"me", "him", "them", "us", "you"}
        and not low.endswith("s")
    )


# A clause-opening phrase ('Despite the rain,', 'On the Republican stage,', 'Weighing in,')
# is no statement of its own: before '..., X said' the content must be a clause.
_INTRO_PHRASE_START = _words(
    "despite on in at during after before since when while if although though as with without "
    "for from by under amid among unlike like"
)
_INTRO_PHRASE_MAX_WORDS = 8


def _is_intro_phrase(text: str, start: int, end: int) -> bool:
    """'On the Republican stage' / 'Weighing in on the discussion': a short opener without a clause."""
    if _word_count(text, start, end, _INTRO_PHRASE_MAX_WORDS + 1) > _INTRO_PHRASE_MAX_WORDS:
        return False
    words = _WORD_RE.findall(text, start, end)
    if not words:
        return False
    first = words[0]
    return first.lower() in _INTRO_PHRASE_START or (first.lower().endswith("ing") and _is_capitalized(first))


_RESUME_RE = re.compile(
    r"[^,.;:!?]{0,40}?,\s+(?!who\b|which\b|whose\b|a\b|an\b|the\b|\w+ing\b|according\b|citing\b)(?=\S)",
    re.IGNORECASE,
)


_RESUME_AFTER_SPEAKER_RE = re.compile(
    r"[^,.;:!?]{0,40}?,\s+(?!who\b|which\b|whose\b|\w+ing\b|according\b|citing\b)(?=\S)", re.IGNORECASE
)


def _resumed_end(
    text: str, cue_end: int, sent_end: int, comma: int, resume: re.Pattern[str] = _RESUME_RE
) -> int:
    """'A, Mr. Obama said, but B.': the statement resumes after the attribution; else it ends at the comma."""
    m = resume.match(text, cue_end, sent_end)
    if m is None or _word_count(text, m.end(), sent_end) < 3:
        return comma
    return _content_end(text, m.end(), sent_end)


def _is_parenthetical_subject(text: str, sent_start: int, comma: int) -> bool:
    """'Trump, speaking to veterans, said ...': the part before the comma is 'Name, aside'."""
    first = text.find(",", sent_start, comma)
    if first < 0:
        return False
    last_aside = text.rfind(",", sent_start, comma)
    if last_aside >= 0 and text[last_aside + 1 : last_aside + 8].split()[:1] in (
        ["who"],
        ["which"],
        ["whose"],
    ):
        return True  # "Aparna Mathur, who studies tax policy, said ...
    head = _tokens(text, sent_start, min(first, sent_start + 200))
    return 0 < len(head) <= 5 and all(_is_capitalized(t[2]) or t[2].lower() in _CONNECTORS for t in head)


def _participle(
    text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> _Found | None:
    """'X said A, adding that B' / 'X mocked it, saying B': the speaker is the sentence's subject."""
    speaker = sentence_speaker
    if speaker is None:
        head = _tokens(text, sent_start, min(cue.start(), sent_start + 300))
        while head and head[0][2].lower() in _PREPOSITIONS:
            # "In a column Monday, X wrote ..., arguing": skip the opening phrase
            comma = next((k for k, t in enumerate(head) if t[2] == ","), None)
            head = head[comma + 1 :] if comma is not None else []
        lead = _leading_np(head)
        speaker = (lead[0][0], lead[-1][1]) if lead else None
    if speaker is None:
        lead = _leading_np(_tokens(text, sent_start, min(cue.start(), sent_start + 200)))
        speaker = (lead[0][0], lead[-1][1]) if lead else None
    if speaker is None:
        return None
    start = _content_start(text, cue.end(), sent_end)
    end = _content_end(text, start, sent_end)
    if _word_count(text, start, end) < 3 or not _starts_content(text, start, end):
        return None
    return _Found(start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)


_OBJECT_END_RE = re.compile(r"[;:]|\s+(?:and|but)\s+(?:also\s+)?(?:said|says|added|called|urged)\b")


def _names_something(text: str, sent_start: int, cue: re.Match[str]) -> bool:
    """'a program called Sandy Hook Promise', 'The program, called EB-5': naming, not speech.

    'called' right after a comma, or after an indefinite noun phrase ('a company called'),
    followed by a capitalised name is a participle that gives a name.
    """
    nxt = _tokens(text, cue.end(), min(len(text), cue.end() + 40), 1)
    if not nxt or not _is_capitalized(nxt[0][2]):
        return False
    pre = text[sent_start : cue.start()].rstrip()
    if pre.endswith(","):
        return True
    words = pre.split()[-4:]
    return any(w.lower() in {"a", "an"} for w in words) and not any(_is_capitalized(w) for w in words[1:])


def _object_report(
    text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> _Found | None:
    """'X cited several factors', 'X called for lower taxes', 'X accused Y of Z': the object is the content."""
    pre = text[sent_start : cue.start()].rstrip()
    if low == "called" and _names_something(text, sent_start, cue):
        return None
    if low.endswith("ing") and pre.endswith(","):
        speaker = sentence_speaker
        if speaker is None:
            lead = _leading_np(_tokens(text, sent_start, min(cue.start(), sent_start + 200)))
            speaker = (lead[0][0], lead[-1][1]) if lead else None
    else:
        speaker = _speaker_before(text, sent_start, cue.start())
    if speaker is None or not _plausible_speaker(text, speaker):
        return None
    start = cue.end()
    prep = _OBJECT_PREP.get(low)
    if prep is not None:
        hit = next(
            (t for t in _tokens(text, start, min(sent_end, start + 120))[:8] if t[2].lower() == prep), None
        )
        start = hit[1] if hit else start
    start = _content_start(text, start, sent_end)
    m = _OBJECT_END_RE.search(text, start, sent_end)
    end = _content_end(text, start, m.start() if m else sent_end)
    if _word_count(text, start, end) < 2 or not _starts_content(text, start, end, _NOT_OBJECT_START):
        return None
    return _Found(start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)


def _interrupts(text: str, sent_start: int, speaker_start: int, cue_end: int, sent_end: int) -> bool:
    """'A, he said, B': commas on both sides of 'he said' and words on both sides of the commas."""
    before = text[sent_start:speaker_start].rstrip()
    if not before.endswith(",") or _word_count(text, sent_start, speaker_start) < 2:
        return False
    tokens = _tokens(text, cue_end, min(sent_end, cue_end + 80))
    k = 0
    while (
        k < len(tokens) and k < 4 and (tokens[k][2].lower() in _SKIP or tokens[k][2].lower() in _TIME_START)
    ):
        k += 1
    return k < len(tokens) and tokens[k][2] == "," and _word_count(text, tokens[k][1], sent_end) >= 3


_SOURCE_ARTICLES = _words("der die das ein eine einer des dem den")


def _inverted_short(text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int) -> _Found | None:
    """German '..., so der Sprecher.': a short cue, then only the speaker up to the sentence end."""
    spk = _np_after(text, cue.end(), sent_end, max_tokens=8)
    if spk is None or text[spk[1] : sent_end].strip(" .!?\"'”“«»„"):
        return None
    words = text[spk[0] : spk[1]].split()
    if not (words[0].lower() in _SOURCE_ARTICLES or all(_is_capitalized(w) for w in words)):
        return None  # English '..., so we left.' is a clause, not a source
    comma = cue.start() - 2
    if _word_count(text, sent_start, comma) < 3:
        return None
    return _Found(sent_start, comma, "", "indirect", text[spk[0] : spk[1]], spk[0], low)


def _reported_one(
    text: str, cue: re.Match[str], sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> _Found | None:
    """Read one cue with its sentence; None when it is not reported speech."""
    low = " ".join(cue.group().split()).lower()
    if cue.group("inv"):
        return _inverted_short(text, cue, low, sent_start, sent_end)
    if cue.group("after"):
        return None  # "X zufolge": rare; left to future work
    if cue.group("acc"):
        got = _according(text, cue, sent_start, sent_end)
        if got is None:
            return None
        (cs, ce), spk = got
        return _Found(cs, ce, "", "indirect", text[spk[0] : spk[1]], spk[0], low)
    if low in _OBJECT_CUES and low not in _VERBS:
        return _object_report(text, cue, low, sent_start, sent_end, sentence_speaker)
    pre = text[sent_start : cue.start()].rstrip()
    if low.endswith("ing") and (
        pre.endswith(",") or pre.split()[-1:] in (["despite"], ["by"], ["after"], ["before"])
    ):
        return _participle(text, cue, low, sent_start, sent_end, sentence_speaker)
    # "..., said Jeffrey Trimble, a senior official."  (inverted, content first)
    if pre.endswith(",") and low not in _ADDRESSEE_VERBS and _inverted_speaker_ok(text, cue.end(), sent_end):
        after = _np_after(text, cue.end(), sent_end)
        comma = sent_start + len(pre) - 1
        if (
            after
            and _np_closed(text, after[1], sent_end)
            and _plausible_speaker(text, after)
            and _word_count(text, sent_start, comma) >= 3
            and not _is_parenthetical_subject(text, sent_start, comma)
        ):
            return _Found(sent_start, comma, "", "indirect", text[after[0] : after[1]], after[0], low)
    speaker = _speaker_before(text, sent_start, cue.start())
    if speaker is None and pre.endswith((",", " and", " und")):
        if sentence_speaker is not None:
            speaker = sentence_speaker
        else:
            lead = _leading_np(_tokens(text, sent_start, min(cue.start(), sent_start + 200)))
            speaker = (lead[0][0], lead[-1][1]) if lead else None
    if speaker is None or not _plausible_speaker(text, speaker):
        return None
    # "..., a source said."  (speaker and cue close the sentence)
    comma = text.rfind(",", sent_start, speaker[0])
    if (
        comma > sent_start
        and not text[comma + 1 : speaker[0]].strip()
        and _clause_final(text, cue.end(), sent_end)
        and _word_count(text, sent_start, comma) >= 3
        and not _is_intro_phrase(text, sent_start, comma)
    ):
        end = _resumed_end(text, cue.end(), sent_end, comma, _RESUME_AFTER_SPEAKER_RE)
        return _Found(sent_start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)
    addressee = None
    start = cue.end()
    if low in _ADDRESSEE_VERBS:
        addressee, start = _addressee_after(text, cue.end(), sent_end)
        start = max(start, cue.end())
    if _interrupts(text, sent_start, speaker[0], start, sent_end):
        # "The museum, Mr. Obama said, would make ...": the statement is the whole sentence
        end = _content_end(text, start, sent_end)
        return _Found(sent_start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)
    start = _content_start(text, start, sent_end, low)
    end = _content_end(text, start, sent_end)
    if _word_count(text, start, end) < 3 or not _starts_content(text, start, end):
        return None
    if low in _NEEDS_THAT and text[start : start + 5].lower().rstrip() not in _COMPLEMENTIZERS:
        return None
    return _Found(
        start,
        end,
        "",
        "indirect",
        text[speaker[0] : speaker[1]],
        speaker[0],
        low,
        text[addressee[0] : addressee[1]] if addressee else None,
    )


def _reported(
    text: str, marks: list[_Mark], ends: list[int], consumed: list[Span], direct: list[_Found]
) -> list[_Found]:
    mark_spans = [(m.start, m.end) for m in marks]
    mark_starts = [m.start for m in marks]
    # attributions and statements are skipped; the words between the parts of a joined
    # quotation (', who said he would abstain.') may still report something of their own
    skip = _merged(consumed + [part for f in direct for part in (f.parts or [(f.start, f.end)])])
    skip_starts = [s for s, _ in skip]
    direct_speakers = sorted(
        (f.speaker_pos, f.speaker_pos + len(f.speaker))
        for f in direct
        if f.speaker and f.speaker_pos is not None
    )
    direct_starts = [s for s, _ in direct_speakers]
    out: list[_Found] = []
    last_sentence: Span = (-1, -1)
    sentence_speaker: Span | None = None
    last_pos = -_DENSE
    for cue in _CUE_RE.finditer(text):
        pos = cue.start()
        if _inside(mark_spans, mark_starts, pos) or _inside(skip, skip_starts, pos):
            continue
        if out and out[-1].start < pos < out[-1].end and _new_clause_before(text, out[-1].start, pos) is None:
            continue  # inside the previous statement and no new clause right before it: part of it
        sent_start, sent_end = _sentence_bounds(ends, pos)
        if pos - last_pos < _DENSE and last_pos >= sent_start:
            continue  # right after a cue that was not speech: cue words packed like junk, not prose
        # bounded windows keep a punctuation-free megabyte linear
        sent_start, sent_end = max(sent_start, pos - 1000), min(sent_end, cue.end() + _WINDOW)
        if (sent_start, sent_end) != last_sentence:
            last_sentence, sentence_speaker = (sent_start, sent_end), None
        if sentence_speaker is None:
            j = bisect.bisect_left(direct_starts, pos) - 1
            if j >= 0 and direct_starts[j] >= sent_start:
                sentence_speaker = direct_speakers[j]
        found = _reported_one(text, cue, sent_start, sent_end, sentence_speaker)
        if found is None:
            last_pos = pos
            continue
        if out and out[-1].start < found.start < out[-1].end:
            # a cue inside reported content is part of it ("said leaders had agreed to ..."),
            # unless a new clause starts there ("..., but he said that ...")
            cut = _new_clause_before(text, out[-1].start, found.speaker_pos)
            if cut is None:
                continue
            out[-1].end = cut
        if found.speaker_pos is not None:
            sentence_speaker = (found.speaker_pos, found.speaker_pos + len(found.speaker or ""))
        out.append(found)
    kept: list[_Found] = []
    # quotations attributed after them ('"A," the union wrote.'): statements of their own
    direct_parts = sorted(
        (f.start, f.end) for f in direct if f.speaker_pos is not None and f.speaker_pos > f.start
    )
    part_starts = [a for a, _ in direct_parts]
    for found in out:
        # 'the impact it said X would have: "A," the union wrote.': reported words end where a
        # quotation attributed by its own following 'X wrote' begins; a quotation introduced
        # inside the report ('said X: "A."', 'saying, "A."') may still be part of it
        j = bisect.bisect_right(part_starts, found.start)
        if j < len(direct_parts) and direct_parts[j][0] < found.end:
            found.end = direct_parts[j][0]
        found.start, found.end = _strip_span(text, found.start, found.end)
        if _word_count(text, found.start, found.end) < (2 if found.cue in _OBJECT_CUES else 3):
            continue
        found.text = text[found.start : found.end]
        found.kind = _kind_for(marks, mark_starts, found.start, found.end)
        if _is_title(text, found, marks, mark_starts):
            continue  # 'said on "Fox News Sunday"': a title, not the statement
        kept.append(found)
    return _drop_nested(kept)


_CLAUSE_JOIN_RE = re.compile(
    r"[,;]\s*(?:(?:but|and|while|as|though|although|yet|so|aber|und)\s+)?$", re.IGNORECASE
)


def _new_clause_before(text: str, lo: int, speaker_pos: int | None) -> int | None:
    """Offset of the ', but' that starts a new clause just before a speaker, if there is one."""
    if speaker_pos is None or speaker_pos <= lo:
        return None
    m = _CLAUSE_JOIN_RE.search(text, max(lo, speaker_pos - 20), speaker_pos)
    return m.start() if m else None


def _is_title(text: str, found: _Found, marks: list[_Mark], mark_starts: list[int]) -> bool:
    """Content that is only a short quoted name, maybe after 'on'/'in' ('on "Face the Nation"')."""
    tokens = _tokens(text, found.start, min(found.end, found.start + 80))
    if not tokens or tokens[0][2].lower() not in {"on", "in"}:
        return False
    tokens = tokens[1:]
    while tokens and tokens[0][2].lower() in _DETERMINERS | {"'s", "’s"}:
        tokens = tokens[1:]
    if not tokens or _word_count(text, tokens[0][0], found.end) > 6:
        return False
    k = bisect.bisect_left(mark_starts, tokens[0][0])
    return any(marks[j].start < found.end for j in range(k, min(k + 1, len(marks))))


def _quoted_sequel(
    text: str, marks: list[_Mark], ends: list[int], mark_starts: list[int], found: _Found, taken: list[Span]
) -> int | None:
    """Index of the quotation that carries on reported speech: 'She says people should be
    free to choose. "It is their life."' (or the same quotation as the next paragraph).

    News prose attributes an unattributed quotation to the speaker of the report right
    before it: the writer paraphrases, then quotes the same person. The quotation must open
    the sentence after the report, close its own sentence and have no attribution of its
    own; a quotation already read as someone's statement is not taken.
    """
    _, sent_end = _sentence_bounds(ends, found.start)
    if found.end > sent_end:
        return None
    k = bisect.bisect_left(mark_starts, sent_end)
    if k >= len(marks) or marks[k].continued:
        return None
    mark = marks[k]
    gap = text[sent_end : mark.start]
    if gap.strip() or gap.count("\n") > 2 or mark.start - sent_end > 10:
        return None
    para_end = _paragraph_end(text, mark.end)
    if "\n" in gap and text[mark.end : para_end].strip():
        return None  # a quotation in the next paragraph carries on only when it fills that paragraph
    if any(s < mark.end and mark.start < e for s, e in taken):
        return None
    if _word_count(text, mark.start, mark.end, 4) < 3 or _sentence_bounds(ends, mark.end - 1)[1] > mark.end + 1:
        return None
    limit = min(marks[k + 1].start if k + 1 < len(marks) else len(text), para_end)
    if _attribution_after(text, mark.end, limit) is not None:
        return None
    return k


def _extend_reports(text: str, marks: list[_Mark], ends: list[int], reported: list[_Found], direct: list[_Found]) -> None:
    """Reported speech followed by its speaker's unattributed quotation becomes one mixed statement."""
    if not marks:
        return
    mark_starts = [m.start for m in marks]
    taken = sorted(part for f in direct for part in (f.parts or [(f.start, f.end)]))
    for found in reported:
        k = _quoted_sequel(text, marks, ends, mark_starts, found, taken)
        if k is None:
            continue
        found.end = marks[k].end
        joined = 1
        while (
            k + 1 < len(marks)
            and joined < _MAX_JOINED
            and _continues(text, ends, marks, k + 1, found.end)
            and not any(s < marks[k + 1].end and marks[k + 1].start < e for s, e in taken)
        ):
            k += 1
            joined += 1
            found.end = marks[k].end
        found.kind = "mixed"
        found.text = text[found.start : found.end]
        taken.append((found.start, found.end))


def _drop_nested(found: list[_Found]) -> list[_Found]:
    """Reported speech inside another report's content ('A told B that ..., a source said') counts once."""
    out: list[_Found] = []
    reach = -1
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.end <= reach:
            continue
        out.append(f)
        reach = max(reach, f.end)
    return out


# ---------------------------------------------------------------- resolution


def _resolve(text: str, found: _Found, earlier: list[_Found]) -> str | None:
    """The full name or organisation a pronoun or short form refers to, when it can be told."""
    speaker = (found.speaker or "").strip()
    if not speaker or found.speaker_pos is None:
        return None
    low = speaker.lower()
    window_start = max(0, found.speaker_pos - _RESOLVE_WINDOW)
    if low in _PRON_PLUR:
        groups = list(_GROUP_RE.finditer(text, window_start, found.speaker_pos))
        if groups:
            return " ".join(groups[-1].group().split())
        return _previous_named(earlier)
    if low in _PRON_SING:
        return _previous_named(earlier) or _nearest_name(text, window_start, found.speaker_pos)
    words = speaker.split()
    if len(words) == 1 and _is_capitalized(speaker):
        pattern = re.compile(r"\b(?:[A-Z][\w'’.-]*\s+){1,3}" + re.escape(speaker) + r"\b")
        hit = pattern.search(text, window_start, found.speaker_pos)
        return " ".join(hit.group().split()) if hit else speaker
    if all(_is_capitalized(w) or w.lower() in _CONNECTORS for w in words):
        return speaker
    # "Transit director Leanne Fosse": the name at the end of a described speaker
    tail: list[str] = []
    for word in reversed(words):
        if not _is_capitalized(word):
            break
        tail.insert(0, word)
    return " ".join(tail) if len(tail) >= 2 else None


_STATEMENT_RES = tuple(re.compile(p) for p in STATEMENT_PATTERNS)
# Each whole-statement pattern needs its own quotation marks ("「", "«"); a text holding none
# of them cannot match, and skipping the pattern spares a full scan of every English text.
_STATEMENT_MARKS = tuple(frozenset(ch for ch in p if ch in _MARKS and ch not in "\"'") for p in STATEMENT_PATTERNS)


def _pattern_statements(text: str, found: list[_Found]) -> list[_Found]:
    """Direct statements matched by the whole-statement patterns, where nothing else was found."""
    out: list[_Found] = []
    taken = [(f.start, f.end) for f in found]
    for regex, marks in zip(_STATEMENT_RES, _STATEMENT_MARKS):
        if marks and not any(ch in text for ch in marks):
            continue
        for m in regex.finditer(text):
            start, end = m.span("q")
            if any(s < end and start < e for s, e in taken):
                continue
            speaker = m.group("speaker").strip() if "speaker" in regex.groupindex else None
            speaker_pos = m.start("speaker") if speaker else None
            if speaker and "で" in speaker:
                # 開館式で市長の… : an adverbial ("at the ceremony") before the speaker
                cut = speaker.rindex("で") + 1
                speaker, speaker_pos = speaker[cut:], (speaker_pos or 0) + cut
            out.append(
                _Found(
                    start, end, m.group("q").strip(), "direct", speaker or None, speaker_pos, m.group("cue")
                )
            )
            taken.append((start, end))
    return out


def _previous_named(earlier: list[_Found]) -> str | None:
    for prev in reversed(earlier[-6:]):
        name = prev.speaker or ""
        if name and name.lower() not in _PRONOUNS and _is_capitalized(name):
            return prev.resolved or name  # "Oyelaran" was already resolved to "Martin Oyelaran"
    return None


def _nearest_name(text: str, start: int, end: int) -> str | None:
    last = None
    for last in _PROPER_RUN_RE.finditer(text, start, end):
        pass
    return " ".join(last.group().split()) if last else None


def _translated(markers: list[int], found: _Found) -> bool:
    """The article says the quoted words are translated, in or just before the quote's sentence.

    ``markers`` are the offsets of every translation note, found once per text.
    """
    lo = max(0, (found.speaker_pos if found.speaker_pos is not None else found.start) - 400)
    k = bisect.bisect_left(markers, lo)
    return k < len(markers) and markers[k] < found.end + 80


# ---------------------------------------------------------------- public API


def extract_quotes(text: str) -> list[Quote]:
    """Direct quotes and reported speech in plain text (paragraphs separated by newlines).

    Never raises on odd input: a text the heuristics cannot read yields fewer quotes.
    """
    if not text or not isinstance(text, str):
        return []
    try:
        return _extract(text)
    except (ValueError, IndexError, RecursionError):  # pragma: no cover - defensive
        return []


_TURN_RE = re.compile(
    r"^[ \t\"“„«»']*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?P<body>\S[^\n]*)",
    re.MULTILINE,
)
_MIN_TURNS = 2


def _transcript_turns(text: str, found: list[_Found]) -> list[_Found]:
    """'WALLACE: Do you really see ...' paragraphs of an interview transcript are the speaker's words.

    A single capitalised label could be a heading ('UPDATE: ...'); a transcript has several
    turns, so the labels count only when at least two paragraphs start with one.
    """
    turns = list(_TURN_RE.finditer(text))
    if len(turns) < _MIN_TURNS or len({m.group("label") for m in turns}) < 2:
        return []
    taken = sorted((f.start, f.end) for f in found)
    starts = [a for a, _ in taken]
    out: list[_Found] = []
    for m in turns:
        start, end = _strip_span(text, m.start("body"), m.end("body"), " \t\"“”„«»'")
        if _word_count(text, start, end) < 3:
            continue
        k = bisect.bisect_right(starts, end) - 1
        if k >= 0 and taken[k][1] > start:
            continue  # already read as a quotation or reported speech
        label = m.group("label")
        out.append(_Found(start, end, text[start:end], "direct", label, m.start("label"), ":"))
    return out


def _extract(text: str) -> list[Quote]:
    marks = _scan_marks(text)
    ends = _sentence_ends(text, marks)
    consumed: list[Span] = []
    direct = _direct_quotes(text, marks, ends, consumed)
    reported = _reported(text, marks, ends, consumed, direct)
    _extend_reports(text, marks, ends, reported, direct)
    found = sorted(direct + reported, key=lambda f: f.start)
    found = sorted(found + _transcript_turns(text, found), key=lambda f: f.start)
    found = sorted(found + _pattern_statements(text, found), key=lambda f: f.start)
    markers = [m.start() for m in _TRANSLATED_RE.finditer(text)]
    quotes: list[Quote] = []
    for k, f in enumerate(found):
        f.resolved = _resolve(text, f, found[max(0, k - 6) : k])
        quotes.append(
            Quote(
                text=f.text,
                kind=f.kind,  # type: ignore[arg-type]
                speaker=f.speaker,
                speaker_resolved=f.resolved,
                cue=f.cue,
                addressee=f.addressee,
                span=(f.start, f.end),
                translated=_translated(markers, f),
            )
        )
    return quotes


def extract_block_quotes(blocks: Sequence[Block]) -> list[Quote]:
    """Quotes over the body blocks that can hold statements, read as one text.

    The blocks are joined with newlines so a quotation running over several
    paragraphs, or a paragraph ending in 'gave the following statement:' before
    a quoted one, is read across blocks; headings, captions and code act as a
    break. ``block_index`` is the block where the quote starts and ``span`` is
    relative to that block's text (it runs past the block's end, across the
    joining newlines, for a quote that spans several blocks).
    """
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for block in blocks:
        body = block.text.replace("\n", " ") if block.kind in _QUOTABLE else ""
        offsets.append(pos)
        parts.append(body)
        pos += len(body) + 1
    text = "\n".join(parts)
    out: list[Quote] = []
    for quote in extract_quotes(text):
        if quote.span is None:
            continue
        index = max(0, bisect.bisect_right(offsets, quote.span[0]) - 1)
        quote.block_index = index
        quote.span = (quote.span[0] - offsets[index], quote.span[1] - offsets[index])
        if blocks[index].kind == "blockquote" and quote.kind == "direct":
            quote.kind = "block"
        out.append(quote)
    out.extend(_bare_blockquotes(blocks, {q.block_index for q in out}))
    out.sort(key=lambda q: (q.block_index or 0, q.span[0] if q.span else 0))
    return out


def _bare_blockquotes(blocks: Sequence[Block], have: set[int | None]) -> list[Quote]:
    """A <blockquote> without quotation marks after an intro like 'He wrote:' is a block statement."""
    out: list[Quote] = []
    for index in range(1, len(blocks)):
        block, intro = blocks[index], blocks[index - 1]
        if (
            block.kind != "blockquote"
            or index in have
            or not block.text.strip()
            or intro.kind not in _QUOTABLE
        ):
            continue
        joined = intro.text.replace("\n", " ") + '\n"' + block.text.replace("\n", " ") + '"'
        attribution = _colon_intro(joined, len(intro.text) + 1)
        if attribution is None:
            continue
        spk = attribution.speaker
        probe = _Found(
            0, 0, "", "block", joined[spk[0] : spk[1]] if spk else None, spk[0] if spk else None, None
        )
        out.append(
            Quote(
                text=block.text.strip(),
                kind="block",
                speaker=probe.speaker,
                speaker_resolved=_resolve(joined, probe, []),
                cue=attribution.cue,
                block_index=index,
                span=(0, len(block.text)),
                translated=bool(_TRANSLATED_RE.search(intro.text)),
            )
        )
    return out
