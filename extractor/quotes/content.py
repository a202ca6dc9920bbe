"""Where the words of a reported statement start and end around its cue.

Why a separate module: both attribution (a statement lead before a quotation) and reported
speech ("X said that ...") need to know where what was said begins and ends.
"""

from __future__ import annotations

from ..core.lexicon.quotes import (
    ADJUNCT_DETERMINERS,
    ADJUNCT_PREPOSITIONS,
    ADVERBIAL_WORDS,
    AUX,
    CONTENT_AFTER,
    DETERMINERS,
    GAP_VERBS,
    INFINITIVE_BLOCK,
    INTRO_PHRASE_START,
    IT_IDIOM_NEXT,
    NOT_CONTENT_START,
    PREPOSITIONS,
    RELATIVE,
    SET_PHRASE_OBJECTS,
    TIME_START,
    TOPIC_OF_CUES,
)
from .records import Token
from .sentences import tokenize, word_count
from .speakers import abbrev_token, is_capitalized, without_parentheses
from .tables import COMPLEMENTIZERS, CONTENT_CUT_RE, PRONOUNS, SKIP, WORD_RE

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
    if k >= len(tokens) or tokens[k][2].lower() not in ADJUNCT_PREPOSITIONS:
        return k
    j = k + 1
    if j < len(tokens) and tokens[j][2].lower() in ADJUNCT_DETERMINERS:
        j += 1
        stop = j + _ADJUNCT_MAX_WORDS
        while j < len(tokens) and j < stop:
            word = tokens[j][2]
            low = word.lower()
            if (
                not word[0].isalnum()
                or low in PREPOSITIONS
                or low in COMPLEMENTIZERS
                or low in DETERMINERS
                or low in PRONOUNS
                or low in AUX
                or low in RELATIVE
            ):
                break
            j += 1
        return j if j > k + 2 else k
    named = j
    while j < len(tokens) and (
        is_capitalized(tokens[j][2]) or (tokens[j][2] == "." and j > named and abbrev_token(tokens[j - 1][2]))
    ):
        j += 1
    return j if j > named else k


_PHRASE_MAX_WORDS = 7


def _phrase_word(word: str) -> bool:
    """A word that can stand inside a short prepositional phrase ('in regulatory filings'):
    no punctuation, auxiliary, 'that', pronoun or relative, which would open a clause."""
    low = word.lower()
    return (
        word[:1].isalnum()
        and low not in AUX
        and low not in COMPLEMENTIZERS
        and low not in PRONOUNS
        and low not in RELATIVE
    )


def _prepositional(tokens: list[Token]) -> bool:
    """The tokens are one short phrase opened by a preposition ('in regulatory filings')."""
    if not 1 < len(tokens) <= _PHRASE_MAX_WORDS or tokens[0][2].lower() not in ADJUNCT_PREPOSITIONS:
        return False
    return all(_phrase_word(t[2]) for t in tokens[1:])


def _opens_clause(word: str) -> bool:
    """A word that can open a clause with its subject: a determiner, a pronoun, 'there', a
    name or a number ('..., there are many roads'); not a verb ('..., lamented what') or a
    relative ('..., in which')."""
    low = word.lower()
    if low in RELATIVE:
        return False
    return low in DETERMINERS or low in PRONOUNS or low == "there" or word[:1].isupper() or word[:1].isdigit()


def _phrase_to_comma(tokens: list[Token], k: int) -> int:
    """Index after 'in reference to financial success,' at ``tokens[k]``: a phrase opened by a
    preposition and closed by a comma, with no verb, pronoun or 'that' in it, and a clause of
    at least three words after the comma ('As X says in reference to success, there are many
    roads'). ``k`` when there is none."""
    if k >= len(tokens) or tokens[k][2].lower() not in ADJUNCT_PREPOSITIONS:
        return k
    for j in range(k + 1, min(len(tokens), k + 2 + _PHRASE_MAX_WORDS)):
        word = tokens[j][2]
        if word == ",":
            rest = [t for t in tokens[j + 1 :] if t[2][:1].isalnum()]
            return j + 1 if j > k + 1 and len(rest) >= 3 and _opens_clause(rest[0][2]) else k
        if not _phrase_word(word):
            return k
    return k


def content_start_at(text: str, pos: int, end: int, cue: str = "") -> int:
    """Skip what sits between cue and content: time phrases, 'in a statement', a colon,
    and circumstance phrases ('in Virginia', 'at a rally', 'said of the plan'; see
    ``_adjunct_end``)."""
    tokens = tokenize(text, pos, min(end, pos + 160), 20)
    if cue.lower() in TOPIC_OF_CUES and tokens and tokens[0][2].lower() == "of":
        adjunct = _adjunct_end([(0, 0, "in"), *tokens[1:]], 0)
        if adjunct > 0:
            tokens = tokens[adjunct:]
    # ('confirmed in a (tech-heavy) post that': an aside in parentheses is no part of the phrase)
    plain = without_parentheses(tokens)
    for k, tok in enumerate(plain[:10]):
        if tok[2].lower() in COMPLEMENTIZERS:
            if all(adverbial_token(t[2]) for t in plain[:k]) or _prepositional(plain[:k]):
                return tok[0]  # 'said quietly that', 'admitting in regulatory filings that'
            break
    k = 0
    while k < len(tokens) and k < 14:
        low = tokens[k][2].lower()
        adjunct = _adjunct_end(tokens, k)
        if adjunct == k:
            adjunct = _phrase_to_comma(tokens, k)
        if adjunct > k:
            k = adjunct
            continue
        if tokens[k][2] in {",", ":"} or low in SKIP or low in TIME_START:
            k += 1
            continue
        if tokens[k][2] == "(":
            # 'says in The Last Word (Oxford University Press, 1997), ...': a citation
            close = text.find(")", tokens[k][0], end)
            after = next((i for i in range(k, len(tokens)) if tokens[i][0] > close), None)
            if close < 0 or after is None:
                return end
            k = after
            continue
        break
    return tokens[k][0] if k < len(tokens) else end


def starts_content(text: str, start: int, end: int, blocked: frozenset[str] = NOT_CONTENT_START) -> bool:
    """The words at ``start`` can open what was said ('to his portfolio' cannot, 'to cut taxes' can)."""
    head = tokenize(text, start, min(end, start + 60), 2)
    if not head:
        return False
    first = head[0][2].lower()
    nxt = head[1][2].lower() if len(head) > 1 else ""
    if first in blocked:
        if text[max(0, start - 3) : start].rstrip().endswith(","):
            return True  # 'said in the spring, when the story broke, "..."': an aside, then the words
        if first == "something" and ":" in text[start : min(end, start + 60)]:
            return True  # 'said something stunning about John: no one ...': the colon gives it
        return nxt in CONTENT_AFTER.get(first, ()) or (first == "by" and nxt[:1].isdigit())
    if blocked is NOT_CONTENT_START and first in GAP_VERBS:
        return False  # 'an article that Carson said was written ...': the subject is a gap, no clause
    if blocked is NOT_CONTENT_START and _set_phrase(text, start, end):
        return False
    if first == "which" and nxt == ",":
        return False  # '"...," Trump said which, given his history, triggered ...': the writer on it
    if first == "it" and nxt in IT_IDIOM_NEXT:
        return False  # 'tells it all in a new book', 'said it best': an idiom, nothing reported
    return not (first == "to" and nxt in INFINITIVE_BLOCK)


def _set_phrase(text: str, start: int, end: int) -> bool:
    """'said goodbye and exited', 'said the last prayer': the object makes the cue a greeting
    or a rite (``SET_PHRASE_OBJECTS``), after at most two determiners or adjectives."""
    for k, token in enumerate(tokenize(text, start, min(end, start + 50), 3)):
        if token[2] in SET_PHRASE_OBJECTS:
            return True
        word = token[2].lower()
        if k == 2 or not (
            word in DETERMINERS or (word.isalpha() and word.islower() and word not in PRONOUNS)
        ):
            return False
    return False


def adverbial_token(word: str) -> bool:
    """Words that may sit between a cue and 'that' ('said in a statement Monday that')."""
    low = word.lower()
    return low in ADVERBIAL_WORDS or low in SKIP or low in TIME_START or is_capitalized(word)


def content_end(text: str, start: int, end: int) -> int:
    """The reported clause ends at the sentence end or where a second cue clause starts."""
    for m in CONTENT_CUT_RE.finditer(text, start, end):
        if not inside_quotation(text, start, m.start()):
            return m.start()
        if not inside_quotation(text, start, m.end()):
            # '"... rebuilt around it," signaling a shift': the cut matched across the closing
            # mark; the words end after it
            space = text.find(" ", m.start(), m.end())
            return space if space > 0 else m.start()
    return end


def inside_quotation(text: str, start: int, pos: int) -> bool:
    """A quotation opened between ``start`` and ``pos`` is still open at ``pos``: its words
    ('"... these days, and I don't think ..."') are the speaker's, first person included.
    Doubled apostrophes (''...'') are quotation marks in some newspapers' text."""
    part = text[start:pos]
    return part.count("“") > part.count("”") or part.count('"') % 2 == 1 or part.count("''") % 2 == 1


_INTRO_PHRASE_MAX_WORDS = 8


def is_intro_phrase(text: str, start: int, end: int) -> bool:
    """'On the Republican stage' / 'Weighing in on the discussion': a short opener without a clause."""
    if word_count(text, start, end, _INTRO_PHRASE_MAX_WORDS + 1) > _INTRO_PHRASE_MAX_WORDS:
        return False
    words = WORD_RE.findall(text, start, end)
    if not words:
        return False
    first = words[0]
    return first.lower() in INTRO_PHRASE_START or (first.lower().endswith("ing") and is_capitalized(first))
