"""Attribution next to a quotation: 'he said', 'said Jane Doe, the mayor', '— Jane Doe',
'X said:' introductions, with the cue and any addressee.

Why a separate module: finding who said a quotation, and where that attribution sits, is
the bulk of reading direct quotes and is also used by reported speech and block quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.lexicon.quotes import (
    AMBIGUOUS_MARKS,
    AUX,
    CLAUSE_JOINERS,
    COLON_VERBS,
    COPULAS,
    CROSS_REFERENCE_WORDS,
    DETERMINERS,
    FIRST_SECOND_PERSON,
    INFINITIVE_BLOCK,
    LEAD_JUNK,
    LEAD_OPENERS,
    MANNER_START,
    MODALS,
    NOT_VERBS_IZE,
    NOUN_MARKERS,
    NUMBER_WORDS,
    PASSIVE,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    SOURCE_ARTICLES,
    SPEECH_NOUNS,
    SUBORDINATORS,
    TIME_START,
    TITLE_MINOR_WORDS,
    TRAILING_PREPOSITIONS,
)
from .content import adverbial_token, content_start_at
from .mentions import imperative_opening, is_source_noun, names_something, sentence_initial, source_mention
from .records import AttributionRecord, Mark, Span, Token
from .sentences import is_abbreviation, paragraph_end, sentence_bounds, strip_span, tokenize, word_count
from .speakers import (
    abbrev_token,
    addressee_after,
    is_capitalized,
    leading_np,
    np_after,
    plausible_speaker,
    possessive,
    skippable,
    speaker_before,
    split_segments,
    without_parentheses,
)
from .tables import (
    ADDRESSEE_VERBS,
    ALL_CLOSERS,
    ATTRIBUTION_ONLY,
    CHECKED_CUES,
    COMPLEMENTIZERS,
    CUE_RE,
    DASHES,
    FINITE,
    INVERTED_SHORT,
    MARKS,
    MAX_SPEAKER_TOKENS,
    NORM_NOUNS,
    OBJECT_CUES,
    PRONOUNS,
    QUOTING_END_RE,
    SENT_END_RE,
    SIGNATURE_MARKS,
    SKIP,
    STATEMENT_INTRO_RE,
    VERBS,
    WORD_RE,
)


def attribution_after(text: str, pos: int, limit: int, unlisted: bool = True) -> AttributionRecord | None:
    """'," he said.' / '," said Len Burman,' / '«, sagte Müller.' / '" — Jane Doe' after a quotation.

    ``unlisted`` also accepts verbs missing from the cue lists ('," Oliver barked.'); it is
    off for a quotation inside a sentence, where 'X verb-ed' is as often the main clause.
    """
    tokens = without_parentheses(tokenize(text, pos, min(limit, pos + 300), 40))
    k = 0
    while k < len(tokens) and tokens[k][2] == ",":
        k += 1
    if k < len(tokens) and tokens[k][2] in SIGNATURE_MARKS:
        return _dash_attribution(text, tokens[k:], limit)
    if k < len(tokens) and (k > 0 or _ends_with_comma(text, pos)):
        according = _according_after(text, tokens[k][0], limit)
        if according is not None:
            return according
    window = tokens[k : k + MAX_SPEAKER_TOKENS + 12]
    if unlisted and window and window[0][2].lower() not in VERBS:
        inverted = _inverted_unlisted(text, window, pos, limit)
        if inverted is not None:
            return inverted
    for j, tok in enumerate(window):
        low = tok[2].lower()
        if low in VERBS or (low in INVERTED_SHORT and j == 0):
            if j > 0 and window[j - 1][2].lower() in PASSIVE:
                return None
            if low.endswith("ing") and low not in INVERTED_SHORT:
                # '"A," adding, "B."' / '"a disaster" and asking, "B?"': a participle has no
                # subject of its own; it introduces the next quotation, not this one
                return None
            if j == 0 and is_capitalized(tok[2]) and _closes_with_stop(text, pos):
                return None  # '"A." Asked about it, X replied ...': the cue opens the next sentence
            if _introduces_next(text, tok[1], limit):
                return None  # '"A." Mr. Z said: "B."': the cue belongs to the quotation after the colon
            if (
                j == 0
                and j + 1 < len(window)
                and window[j + 1][2].lower() in COMPLEMENTIZERS
                and not _ends_with_comma(text, pos)
            ):
                # 'the ad "plainly" suggests that ...': the verb takes a clause; it is no attribution
                return None
            if low in INVERTED_SHORT:
                # '«...», so der Sprecher.' but not '("40001"), so there is no ...'
                spk = inverted_short_speaker(text, tok[1], limit)
                return AttributionRecord(window[0][0], spk[1], spk, tok[2]) if spk else None
            if j == 0 or all(skippable(w[2], low) for w in window[:j]):
                # '," said X' / '», a déclaré X' (an auxiliary before the inverted cue)
                spk = np_after(text, tok[1], limit)
                if spk is not None and low in CHECKED_CUES and not _opens_a_mention(text, spk):
                    return None  # '(or "inline") replies make conversations easier': a noun, then its verb
                if spk is not None and text[spk[0] : spk[1]].lower() in POSSESSIVE_DETERMINERS:
                    return None  # '"Time" Just Announced Its "Person of the Year"': the object's determiner
                return AttributionRecord(window[0][0], spk[1] if spk else tok[1], spk, tok[2])
            if not _ends_with_comma(text, pos) and not _closes_clause(text, tok[1], limit):
                return (
                    None  # '"..." Gov. X said it would be ...': a new statement, not this one's attribution
                )
            return _speaker_first(text, window[:j], tok, limit)
        if tok[2] in {".", "!", "?", ";", ":"} and not (
            tok[2] == "."
            and j > 0
            and (abbrev_token(window[j - 1][2]) or (j + 1 < len(window) and window[j + 1][2] == ","))
        ):
            return _unlisted_verb(text, window[:j], pos) if tok[2] == "." and unlisted else None
    return None


def _according_after(text: str, at: int, limit: int) -> AttributionRecord | None:
    """'"A," according to a court filing.' / '"A," laut Polizei.': a source phrase after the
    comma closing a quotation attributes it, as 'X said' would; it must close the clause
    (the source and nothing but a full stop after it), and a rule is no source ('according
    to the Act')."""
    cue = CUE_RE.match(text, at)
    if cue is None or not cue.group("acc") or not text[at].islower():
        return None
    spk = np_after(text, cue.end(), limit)
    if spk is None or text[spk[1] : limit].strip(" \t\u00a0.") or not source_mention(text, spk, cue.group()):
        return None
    words = WORD_RE.findall(text, spk[0], spk[1])
    if words[-1:] and words[-1].lower() in NORM_NOUNS:
        return None
    return AttributionRecord(at, spk[1], spk, " ".join(cue.group().split()))


def _opens_a_mention(text: str, span: Span) -> bool:
    """The words after an inverted cue name someone: a name somewhere in them ('retired Army
    Gen. X', 'theCUBE's Y'), a determiner, pronoun or number first, or a source noun ('said
    officials'); not a verb and its object ('replies make conversations easier')."""
    words = text[span[0] : span[1]].split()
    low = words[0].lower()
    return (
        any(not w.islower() for w in words)
        or low in DETERMINERS
        or low in PRONOUNS
        or low in NUMBER_WORDS
        or any(is_source_noun(w) for w in words)
    )


def inverted_short_speaker(text: str, cue_end: int, sent_end: int) -> Span | None:
    """The speaker after a short inverted cue ('..., so der Sprecher.'): a noun phrase led by an
    article or made of capitalised words, and nothing after it but the sentence's end.

    English 'so' takes a clause ('..., so there is no ...', '..., so I didn't.'), never a
    bare source: without this test those clauses became speakers.
    """
    spk = np_after(text, cue_end, sent_end, max_tokens=8)
    if spk is None or text[spk[1] : sent_end].strip(" .!?\"'”“«»„"):
        return None
    words = text[spk[0] : spk[1]].split()
    if not (words[0].lower() in SOURCE_ARTICLES or all(is_capitalized(w) for w in words)):
        return None
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 3:
        return None  # '..., so CELEBRATION!': a shout, not 'so die Polizei'
    return spk


_MAX_MANNER_TOKENS = 8


def _verb_like(word: str) -> bool:
    """A lower-case past tense ('barked', 'retaliated') or a listed attribution-only verb ('read')."""
    return (
        word.isalpha()
        and word.islower()
        and ((len(word) > 4 and word.endswith("ed")) or word in ATTRIBUTION_ONLY)
    )


def _requires_attribution(text: str, mark_end: int) -> bool:
    """'"A," X Y.' / '"A!" X Y.' / '"A?" X Y.': the quotation ends without closing its sentence."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in MARKS or text[j].isspace()):
        j -= 1
    return text[j] in ",!?"


def _unlisted_verb(text: str, before: list[Token], pos: int) -> AttributionRecord | None:
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
    if (
        len(rest) > 1
        and rest[0][2] == "to"
        and rest[1][2][0].islower()
        and rest[1][2] not in INFINITIVE_BLOCK
    ):
        return None  # '"...," the number needed to win.': an infinitive, not a manner phrase
    if rest and (
        len(rest) > _MAX_MANNER_TOKENS
        or not (rest[0][2].lower() in MANNER_START or rest[0][2].endswith("ly") or rest[0][2].lower() in SKIP)
    ):
        return None
    subject = leading_np(before[:v])
    if len(subject) != v:
        return None
    first = subject[0][2]
    if not (first.lower() in PRONOUNS | DETERMINERS or is_capitalized(first)):
        return None
    verb = before[v]
    return AttributionRecord(subject[0][0], verb[1], (subject[0][0], subject[-1][1]), verb[2])


def _inverted_unlisted(text: str, window: list[Token], pos: int, limit: int) -> AttributionRecord | None:
    """'"This is fantastic!" beamed a delegate from Ohio.': an unlisted verb, then the speaker."""
    if len(window) < 2 or not _verb_like(window[0][2]) or not _requires_attribution(text, pos):
        return None
    nxt = window[1][2]
    if not (is_capitalized(nxt) or nxt.lower() in DETERMINERS):
        return None
    if any(t[2].lower() in VERBS or t[2].lower() in AUX for t in window[1:MAX_SPEAKER_TOKENS]):
        return None  # '"...," retired general X said': the listed verb decides
    spk = np_after(text, window[0][1], limit)
    if spk is None:
        return None
    words = text[spk[0] : spk[1]].split()
    if not any(is_capitalized(w) for w in words) and not (
        window[0][2] in ATTRIBUTION_ONLY and words[0].lower() in DETERMINERS and len(words) <= 4
    ):
        return None  # '," read the email.' / '," read one.' need no name; '," beamed Ohio's Jo Ruiz.' does
    return AttributionRecord(window[0][0], spk[1], spk, window[0][2])


def _introduces_next(text: str, cue_end: int, limit: int) -> bool:
    """'he said:' (a colon right after the cue or its hearer) opens the next quotation."""
    tokens = tokenize(text, cue_end, min(limit, cue_end + 60), 6)
    for tok in tokens:
        if tok[2] == ":":
            return True
        if not (tok[2][0].isalnum() and (is_capitalized(tok[2]) or tok[2].lower() in SKIP)):
            return False
    return False


def _closes_with_stop(text: str, mark_end: int) -> bool:
    """The quotation ends on a full stop (inside or just before its closing mark)."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in MARKS or text[j].isspace()):
        j -= 1
    return text[j] == "."


def _ends_with_comma(text: str, mark_end: int) -> bool:
    """'"A," he said ...': a quotation closing on a comma is always completed by its attribution."""
    j = mark_end - 1
    while j > 0 and mark_end - j < 4 and (text[j] in MARKS or text[j].isspace()):
        j -= 1
    return text[j] == ","


def cue_takes_clause(text: str, attribution: AttributionRecord, mark_end: int, limit: int) -> bool:
    """'..., "A," one of the auditors said the budgets differ.': the speaker stands before
    the cue and a clause of its own follows the cue, so the cue reports that clause, not the
    quotation before it. Only for a quotation inside a sentence: one that opens the
    sentence ('"A," he said ...') is always completed by the attribution after it."""
    speaker = attribution.speaker
    if speaker is None or attribution.start < mark_end or speaker[1] > attribution.end:
        return False
    if attribution.addressee is not None or attribution.content_end is not None:
        return False
    cue_end = attribution.end
    if not text[speaker[1] : cue_end].strip():
        return False
    return not _closes_clause(text, cue_end, limit)


def _closes_clause(text: str, pos: int, limit: int) -> bool:
    """After 'he said' comes the end of the clause (or 'in an interview', 'of Cruz'), not a new clause."""
    tokens = tokenize(text, pos, min(limit, pos + 120), 12)
    k = 0
    while k < len(tokens) and k < 4 and (tokens[k][2].lower() in SKIP or tokens[k][2].lower() in TIME_START):
        if tokens[k][2].lower() in TRAILING_PREPOSITIONS and k == 0:
            return True
        k += 1
    if k >= len(tokens):
        return True
    word = tokens[k][2]
    if not word[0].isalnum() or word.lower() in TRAILING_PREPOSITIONS:
        return True
    if word.islower() and word.endswith("ly") and k + 1 < len(tokens):
        # "said pleasantly into the phone", "said quietly.": a manner adverb, then the clause ends
        nxt = tokens[k + 1][2]
        return not nxt[0].isalnum() or nxt.lower() in TRAILING_PREPOSITIONS | MANNER_START
    # "told Reuters.", "told reporters on Monday": the hearer, then the clause ends; "asked
    # fans to vote" goes on with an infinitive, a clause of its own
    cue_word = text[max(0, pos - 12) : pos].split()[-1:]
    return (
        bool(cue_word)
        and cue_word[0].lower() in ADDRESSEE_VERBS
        and not any(
            tokens[i][2].lower() == "to" and _infinitive_verb(tokens[i + 1][2], tokens[i][2] == "To")
            for i in range(k + 1, min(k + 4, len(tokens) - 1))
        )
    )


def _infinitive_verb(word: str, title_case: bool = False) -> bool:
    """After 'to', a word that is no determiner or pronoun: 'to vote', not 'to the crowd'. It
    is lower case, unless the line is in title case ('Asked Fans To Vote')."""
    low = word.lower()
    return (
        word.isalpha()
        and (word.islower() or (title_case and word[0].isupper()))
        and low not in DETERMINERS
        and low not in PRONOUNS
    )


def _speaker_first(text: str, before: list[Token], cue: Token, limit: int) -> AttributionRecord | None:
    """'" Flynn, a top Trump surrogate, said Thursday' -> Flynn (the name before the aside)."""
    # '"a mistake" in the check for the shooter, the director said': a preposition right
    # after the mark carries on the statement, even one that may also sit before a cue
    lead_prep = bool(before) and before[0][2][:1].islower() and before[0][2].lower() in PREPOSITIONS
    before = [t for t in before if not skippable(t[2], cue[2])]
    if not before or len(before) > MAX_SPEAKER_TOKENS + 8:
        return None
    segments = [s for s in split_segments(before) if s]
    if not segments or (len(segments) == 1 and segments[0][0][2] in CLAUSE_JOINERS):
        # '"Is Brando in Heat?" and I had answered wrongly': 'and' with its subject right
        # after the mark joins a clause of its own (not '"A" and against B, X said')
        return None
    while segments and segments[0] and segments[0][0][2].lower() in LEAD_JUNK:
        segments[0] = segments[0][1:]
    segments = [s for s in segments if s]
    if not segments:
        return None
    first = segments[0][0][2]
    content_end = None
    if lead_prep and len(segments) == 1 and before[-1][2] == ",":
        # '"A," in contrast to past years, says Jane Roe': the phrase carries on the
        # statement and the speaker follows the cue
        spk = np_after(text, cue[1], limit)
        if spk is None or not is_capitalized(text[spk[0] : spk[1]]):
            return None
        return AttributionRecord(before[-1][0], spk[1], spk, cue[2], None, before[-1][0])
    if len(segments) > 1 and (
        lead_prep or (first[0].islower() and first.lower() not in PRONOUNS | DETERMINERS)
    ):
        # '"A" to drive up the stock price, she said': the words after the mark belong to the statement
        speaker = segments[-1]
        if len(speaker) > 5:
            return None
        content_end = text.rfind(",", before[0][0], speaker[0][0])
        if content_end < 0:
            return None  # no comma ends the statement's words ('"A" b "A" said'): not this pattern
        before = speaker
    elif len(segments) > 1 and before[-1][2] != "," and len(segments[-1]) > 3:
        return None
    else:
        speaker = segments[0][:MAX_SPEAKER_TOKENS]
    addressee = None
    end = cue[1]
    if cue[2].lower() in ADDRESSEE_VERBS:
        addressee, end = addressee_after(text, cue[1], limit)
        end = max(end, cue[1])
    return AttributionRecord(
        before[0][0], end, (speaker[0][0], speaker[-1][1]), cue[2], addressee, content_end
    )


def _dash_attribution(
    text: str, tokens: list[Token], limit: int, max_apposition: int = 12
) -> AttributionRecord | None:
    """'"..." ― Jane Doe' (a name after a dash closes the paragraph) is an attribution; a
    doubled dash ('-- Jane Doe') is one dash. ``max_apposition`` words may describe the
    signer after the name."""
    if len(tokens) > 2 and tokens[1][2] in DASHES and tokens[1][0] == tokens[0][1]:
        tokens = [(tokens[0][0], tokens[1][1], tokens[0][2] + tokens[1][2]), *tokens[2:]]
    if len(tokens) < 2 or not is_capitalized(tokens[1][2]) or tokens[1][2].lower() in PRONOUNS:
        return None  # '"A." — We loved it': a sentence after the dash, not a signature
    spk = np_after(text, tokens[1][0], limit, max_tokens=8)
    if spk is None or not _only_apposition(text, spk[1], limit, max_apposition):
        return None
    words = tokenize(text, spk[0], spk[1])
    if len(words) > 1 and words[-1][2].islower() and words[-1][2].endswith(("ing", "ed")):
        # '-- Software engineer working on payments': the role, not the participle that
        # starts describing it
        spk = (spk[0], words[-2][1])
    return AttributionRecord(tokens[0][0], spk[1], spk, tokens[0][2])


# A signature on a line of its own may describe its writer at length ('-Jo Roe, best-selling
# author of Two Titles and Another One'); after a quotation in running text it stays short.
_LINE_APPOSITION_WORDS = 24
# an apostrophe inside a word ("women's", "O'Neil"), not a quotation mark
_WORD_APOSTROPHE_RE = re.compile(r"(?<=\w)['’](?=\w)")


def _only_apposition(text: str, start: int, limit: int, max_words: int = 12) -> bool:
    """Nothing, or a short apposition ('", a nurse from Ohio'), closes the paragraph after a
    dash attribution's name: a signature line describes its writer, it says nothing more."""
    rest = text[start:limit].strip(" .\u00a0\n")
    if not rest:
        return True
    return (
        (rest[0] == "," or _describes_role(rest))
        and not any(ch in rest for ch in "!?;:")
        and not any(ch in MARKS for ch in _WORD_APOSTROPHE_RE.sub("", rest))
        and word_count(text, start, limit, max_words + 1) <= max_words
    )


def _describes_role(rest: str) -> bool:
    """'working on payments', 'from Ohio', 'at a startup': a participle or a preposition goes
    on describing the signer ('walked out of the hall' is a sentence, not a signature)."""
    first = rest.split(maxsplit=1)[0]
    return first.islower() and (first.endswith("ing") or first in PREPOSITIONS)


def dash_line_after(text: str, mark_end: int, limit: int) -> AttributionRecord | None:
    """'"..."' closing its paragraph, then a line of its own '— Jane Doe': the signature
    line under a quotation names its author, as a dash after the closing mark does."""
    para_end = paragraph_end(text, mark_end)
    if text[mark_end:para_end].strip(" .,\u00a0\t") or para_end >= min(limit, len(text)):
        return None
    j = para_end
    while j < limit and j - para_end < 4 and text[j] in " \t\u00a0\n":
        j += 1
    if j >= limit or text[j] not in SIGNATURE_MARKS or text.count("\n", para_end, j) > 2:
        return None
    line_end = paragraph_end(text, j)
    if line_end > limit:
        return None
    tokens = without_parentheses(tokenize(text, j, line_end, 40))
    return _dash_attribution(text, tokens, line_end, _LINE_APPOSITION_WORDS)


# A signature line under a quotation: the name (a few capitalised words), then at most a
# role or place after a comma ('Ana K., Bremen'; 'Jo Roe, Head of Sales, Acme').
_NAME_LINE_MAX_WORDS = 15
_NAME_MAX_WORDS = 5
_NAME_ENDS = frozenset({",", "(", "|", "/", *DASHES})
_NOT_SIGNATURE = frozenset("!?;:")
_PARENTHESES_RE = re.compile(r"\([^()\n]*\)")


def name_line_after(text: str, mark_end: int, limit: int) -> tuple[AttributionRecord, bool] | None:
    """'"...."' closing its paragraph, then the next line only a name ('Ana K., Bremen',
    'Jo Roe, Head of Sales, Acme', 'Sam Lee'): testimonials and quote cards sign the line
    under the quotation, often without a dash. Returns the attribution and whether the name
    has an apposition after a comma (a role or place), which a heading never has.

    The quotation must close a sentence ('."', '!"', '?"') so a quoted title or a list of
    quoted search terms is not signed; the line must hold no sentence (no full stop after a
    word, no '!?;:', no digits in the name, no quotation) and open with a capitalised word
    that is no article, pronoun or preposition ('By Jo Roe' credits a book's author).
    """
    para_end = paragraph_end(text, mark_end)
    if text[mark_end:para_end].strip(" \t\u00a0") or para_end >= min(limit, len(text)):
        return None
    if not closes_sentence(text, mark_end):
        return None
    line_end = paragraph_end(text, para_end + 1)
    if line_end > limit:
        return None
    # 'Jo Roe, CEO of Acme (on the earnings call of May 7, 2024)': the aside is no part of it
    line = _PARENTHESES_RE.sub("", text[para_end + 1 : line_end])
    if (
        not line.strip()
        or any(ch in _NOT_SIGNATURE for ch in line)
        or any(ch in MARKS for ch in _WORD_APOSTROPHE_RE.sub("", line))
        or len(WORD_RE.findall(line)) > _NAME_LINE_MAX_WORDS
    ):
        return None
    tokens = without_parentheses(tokenize(text, para_end + 1, line_end, 60))
    name: list[Token] = []
    for tok in tokens:
        if tok[2] in _NAME_ENDS:
            break
        if tok[2] == "." and name and abbrev_token(name[-1][2]):
            continue  # 'Ana K.', 'R. Holm': an initial
        if not tok[2][0].isalpha() or not is_capitalized(tok[2]) or any(ch.isdigit() for ch in tok[2]):
            return None
        name.append(tok)
    if not name or len(name) > _NAME_MAX_WORDS:
        return None
    if name[0][2].lower() in TITLE_MINOR_WORDS | DETERMINERS | PRONOUNS | PREPOSITIONS:
        return None
    if line.rstrip().endswith(".") and not abbrev_token(tokens[-2][2] if len(tokens) > 1 else ""):
        return None  # 'Read the full story.': a sentence, not a signature
    after = tokens[len(name) :]
    while after and after[0][2] == ".":
        after = after[1:]
    apposition = bool(after) and after[0][2] == ","
    end = name[-1][1]
    if text.startswith(".", end) and abbrev_token(name[-1][2]):
        end += 1  # 'Ana K.': the initial keeps its full stop
    return AttributionRecord(name[0][0], line_end, (name[0][0], end), ""), apposition


def last_inside_marks(text: str, lo: int, mark_end: int) -> str:
    """The character a quotation ends on, inside its closing mark(s) (looking back from
    ``mark_end`` no further than ``lo`` and three characters)."""
    j = mark_end - 1
    while j > lo and mark_end - j < 4 and (text[j] in MARKS or text[j].isspace()):
        j -= 1
    return text[j]


def closes_sentence(text: str, mark_end: int) -> bool:
    """The quotation ends on a full stop, '!', '?' or an ellipsis inside its closing mark."""
    return last_inside_marks(text, 0, mark_end) in ".!?…"


@dataclass(slots=True, frozen=True)
class _VerbHit:
    """A quoting verb found by ``QUOTING_END_RE``, read like a ``CUE_RE`` match of a verb
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


def attribution_before(text: str, sent_start: int, quote_start: int) -> AttributionRecord | None:
    """'Clinton said, "...' / 'He told CNN: "...' / 'Said Ellis: "...' in the quotation's sentence."""
    before = text[sent_start:quote_start].rstrip()
    if not before:
        return None
    hits: list[re.Match[str] | _VerbHit] = list(
        CUE_RE.finditer(text, max(sent_start, quote_start - 200), quote_start)
    )
    quoting = QUOTING_END_RE.search(text, max(sent_start, quote_start - 40), quote_start)
    if quoting is not None and (not hits or hits[-1].end() <= quoting.start()):
        # 'the crowd, chanting "U-S-A!"': the quotation is the verb's object
        hits.append(_VerbHit(quoting.start("verb"), quoting.end("verb"), quoting.group("verb")))
    cue = hits[-1] if hits and hits[-1].group("verb") else None
    if cue is not None and (cue.group() or "")[:1].isupper() and not sentence_initial(text, cue.start()):
        return None  # 'told the Washington Post, "..."', 'Claims Adjuster': a name, not a cue
    if cue is not None and before[-1] not in ",:" and cue.end() < sent_start + len(before):
        return None  # only "X chanted "...": a cue right before the mark needs no comma
    if cue is not None:
        words_before = WORD_RE.findall(text, max(sent_start, cue.start() - 20), cue.start())
        if words_before and words_before[-1].lower() in NOUN_MARKERS:
            return None  # 'Ever heard the saying, "..."', 'his warning: "..."': a noun
        if (cue.group() or "").lower() == "called" and names_something(
            text, sent_start, cue.start(), cue.end()
        ):
            return None  # 'Sometimes called "memoize"', 'a device called a "driver"': naming
    # 'Said Dora Penn, who grew up next door, "..."': a sentence-initial cue, then a longer speaker
    max_gap = 8
    if cue is not None and not text[sent_start : cue.start()].strip():
        after_cue = tokenize(text, cue.end(), quote_start, 1)
        if after_cue and is_capitalized(after_cue[0][2]):
            max_gap = 24
    if cue is None or len(tokenize(text, cue.end(), quote_start)) > max_gap:
        return _colon_before(text, sent_start, quote_start) if before[-1] == ":" else None
    cue_word = cue.group() or ""
    speaker = None
    if cue_word.lower().endswith("ing"):
        # 'Ruiz thanked the crowd before asking, "..."': a participle's speaker is the subject,
        # or the speaker of the cue before it ('"A," Ruiz said, adding, "B."')
        earlier = [h for h in hits[:-1] if h.group("verb") and h.start() >= sent_start]
        if earlier:
            prev = earlier[-1]
            speaker = speaker_before(text, sent_start, prev.start()) or np_after(
                text, prev.end(), cue.start()
            )
        elif text[sent_start : cue.start()].lstrip()[:1] not in MARKS:
            speaker = _sentence_subject(text, sent_start, cue.start())
    speaker = speaker or speaker_before(text, sent_start, cue.start())
    if speaker is None and not text[sent_start : cue.start()].strip():
        first = (cue_word or "x").split()[0].lower()
        if not (first.endswith("ed") or first in FINITE):
            return None  # 'Say something like, "..."': an instruction to the reader
        speaker = np_after(text, cue.end(), quote_start)  # "Said Ellis: ..."
    if speaker is None and cue_word.lower().endswith("ing") and _after_comma(text, sent_start, cue.start()):
        speaker = _sentence_subject(text, sent_start, cue.start())  # 'X called it "A," adding: "B."'
    if speaker is None:
        # "From Bush's Facebook post:": a verb-like noun before the colon, no subject before it
        return _colon_before(text, sent_start, quote_start) if before[-1] == ":" else None
    addressee = None
    lead_from = cue.end()
    if cue_word.lower() in ADDRESSEE_VERBS:
        addressee, lead_from = addressee_after(text, cue.end(), quote_start)
        lead_from = max(lead_from, cue.end())
    content_start = None
    if speaker[0] < cue.start():
        content_start = _statement_lead(text, lead_from, quote_start)
    start = min(speaker[0], cue.start())
    if (
        speaker[1] < cue.start()
        and not cue_word.lower().endswith("ing")
        and word_count(text, speaker[1], cue.start(), 5) > 3
    ):
        # 'De Blasio said the move was made by X and said, "..."': the attribution is the
        # second cue; the words before it are a statement of their own
        start = cue.start()
    return AttributionRecord(start, quote_start, speaker, cue_word, addressee, content_start=content_start)


def _statement_lead(text: str, cue_end: int, quote_start: int) -> int | None:
    """'Swers said because Obama is popular, "he is a good surrogate."': words of the
    statement between the cue and the quotation make it one mixed statement starting there."""
    start = content_start_at(text, cue_end, quote_start)
    if start >= quote_start or word_count(text, start, quote_start, 3) < 2:
        return None
    first = WORD_RE.search(text, start, quote_start)
    if first is None:
        return None
    low = first.group().lower()
    if low in COMPLEMENTIZERS or low in LEAD_OPENERS or low in PRONOUNS:
        return start
    return None


def _after_comma(text: str, lo: int, pos: int) -> bool:
    """A comma (maybe inside a closing quotation mark: 'trust," adding') comes right before ``pos``."""
    return text[max(lo, pos - 8) : pos].rstrip().rstrip("".join(ALL_CLOSERS)).endswith(",")


_FROM_SOURCE_RE = re.compile(
    # 'More from the report:' and a dash before it ('... - More from the report:') too
    r"(?:^|(?<=[.!?\n])\s*|\s[–—-]\s+)\s*(?:More\s+from|From)\s+"
    r"(?P<source>(?:the|a|an|his|her|their|its|one)\s+[\w'’&.-]+(?:\s+[\w'’&.-]+){0,4}"
    # "From Bush's Facebook post:": a name's document
    r"|[A-Z][\w.&-]*['’]s(?:\s+[\w'’&.-]+){1,3}"
    r"|[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})\s*$"
)


def _colon_before(text: str, sent_start: int, quote_start: int) -> AttributionRecord | None:
    """'The headline reads: "..."' / 'Trump: "..."': the words before a colon that opens a quotation."""
    colon = text.rfind(":", sent_start, quote_start)
    tokens = tokenize(text, max(sent_start, colon - 200), colon)
    if not tokens or not tokens[-1][2][0].isalpha():
        return None
    source = _FROM_SOURCE_RE.search(text, sent_start, colon)
    if source is not None and colon - source.end() <= 1:
        # 'From the report: "..."', 'From the reader: "..."': the words come from what is named
        span = (source.start("source"), source.end("source"))
        return AttributionRecord(span[0], colon + 1, span, ":")
    word = tokens[-1]
    if _cross_reference(tokens):
        return None  # '(Also see: "Slowing Numbers Point to Recession")': a linked title
    if word[2].lower() in COPULAS and not _owned_speech_noun(tokens[:-1]):
        # 'A phrase that sums it up is: "..."', 'Often unstated is: "..."': a definition ("Clinton's
        # response was:" names whose words follow)
        return None
    if word[2][0].islower():
        speaker = speaker_before(text, sent_start, word[0])
        if speaker is not None and not source_mention(text, speaker, word[2], first_person=True):
            return None  # 'one of the most common questions homeowners ask:': no one speaks
        if (
            speaker is not None
            and word[2].lower() in SPEECH_NOUNS
            and not (
                plausible_speaker(text, speaker) and source_mention(text, speaker, "said", first_person=True)
            )
        ):
            # 'faced with a tangle of stems and the dreaded question:', 'The process begins
            # with a simple question:': the words before a speech noun are no speaker; the
            # sentence's subject may be ('Obama is rolling out a campaign message:')
            subject = _sentence_subject(text, sent_start, colon)
            if subject is None or text[subject[0] : subject[1]].lower() in FIRST_SECOND_PERSON:
                return None  # 'When I'm faced with the dreaded question:': the writer asks no one
            return AttributionRecord(subject[0], colon + 1, subject, word[2])
        if speaker is None and any(t[2].lower() in MODALS for t in tokens):
            return None  # 'at no point should anyone think:', 'the following must be included:'
        if speaker is None and word[2].lower() not in VERBS and _cited_sentence(text, quote_start):
            # 'The flyer used one of her lines as its headline: "Finally, someone listens."':
            # a colon after a noun presents a whole quoted sentence as cited words
            subject = _sentence_subject(text, sent_start, colon)
            opener = WORD_RE.search(text, sent_start, colon)
            if (
                (subject is not None and text[subject[0] : subject[1]].lower() in FIRST_SECOND_PERSON)
                or (subject is None and any(t[2].lower() == "you" for t in tokens))
                or (opener is not None and imperative_opening(text, opener.start(), opener.group()))
            ):
                # 'then you extend the meditation to all beings: "May we be well."', 'Use
                # details that show your interests: "..."': words the reader is told to use
                return None
            return AttributionRecord(subject[0] if subject else colon, colon + 1, subject, ":")
        if speaker is not None and not _speech_before_colon(text, speaker, colon, word[2]):
            return None  # 'the header with two subheaders in a second row:', 'could be even better:'
        return AttributionRecord(speaker[0], colon + 1, speaker, word[2]) if speaker else None
    names = leading_np(tokens)
    if not names or names[-1] != tokens[-1]:  # tokens by value: their offsets make them unique
        # 'McConnell delivered a blunt message to Trump: "..."': the sentence's subject speaks
        subject = _sentence_subject(text, sent_start, colon)
        return AttributionRecord(subject[0], colon + 1, subject, ":") if subject else None
    label = (names[0][0], names[-1][1])
    if not source_mention(text, label, "said", first_person=True):
        return None  # 'Perhaps: "..."', 'TL;DR: "..."': a word before a colon names no one
    return AttributionRecord(names[0][0], colon + 1, label, ":")


def _cross_reference(tokens: list[Token]) -> bool:
    """The words before a colon are a label of cross-reference alone ('Also see', 'Related',
    '(Read more'), opening the sentence or a parenthesis."""
    k = len(tokens)
    while k > 0 and len(tokens) - k < 3 and tokens[k - 1][2].lower() in CROSS_REFERENCE_WORDS:
        k -= 1
    return k < len(tokens) and (k == 0 or tokens[k - 1][2] in {"(", "|", "[", "—", "–"})


def _owned_speech_noun(tokens: list[Token]) -> bool:
    """The words end in someone's speech noun: "Clinton's response", 'his answer'."""
    if len(tokens) < 2 or tokens[-1][2].lower() not in SPEECH_NOUNS:
        return False
    owner = tokens[-2][2]
    return possessive(owner) or owner.lower() in POSSESSIVE_DETERMINERS


def _speech_before_colon(text: str, speaker: Span, colon: int, word: str) -> bool:
    """Between a speaker and a colon, a verb of speech or a verb form: 'X writes:', 'as one
    voter put it:', 'Smith told reporters:'. A noun phrase ('a second row:', 'even better:')
    introduces a list or an example, not someone's words, unless the noun names an
    utterance ('a snappy retort:')."""
    speaker_start, speaker_end = speaker
    low = word.lower()
    if low in VERBS or low in SPEECH_NOUNS:
        return True
    if len(low) > 7 and low.endswith(("izes", "ises")) and low not in NOT_VERBS_IZE:
        return True  # 'The review summarizes:', 'she emphasises:'
    if any(w.lower() in COLON_VERBS for w in WORD_RE.findall(text, speaker_start, colon)):
        return True  # 'as one voter put it:', 'Mr. Smith shot back:' (the verb may end the speaker span)
    # a verb form anywhere from the speaker's end to the colon, 'word' included
    return CUE_RE.search(text, speaker_end, colon) is not None or any(
        w.lower() in FINITE or w.lower().endswith("ed") for w in WORD_RE.findall(text, speaker_end, colon)
    )


_CITED_MIN_WORDS = 4


def _cited_sentence(text: str, quote_start: int) -> bool:
    """The quotation at ``quote_start`` is a whole sentence: a capital first word and a few words."""
    words = WORD_RE.findall(text, quote_start, min(len(text), quote_start + 200))
    return len(words) >= _CITED_MIN_WORDS and words[0][0].isupper()


def _sentence_subject(text: str, sent_start: int, end: int) -> Span | None:
    """A name or pronoun opening the sentence, taken as the speaker when no cue names one."""
    head = tokenize(text, sent_start, min(end, sent_start + 200))
    while head and (head[0][2].lower() in PREPOSITIONS or head[0][2].lower() in SUBORDINATORS):
        # "In the email, Ash ...", 'In June 2009, after X suffered a concussion, Axelrod ...':
        # skip the opening phrases
        comma = next((k for k, t in enumerate(head) if t[2] == ","), None)
        head = head[comma + 1 :] if comma is not None else []
    lead = leading_np(head)
    if not lead or lead[-1][1] >= end:
        return None
    first = lead[0][2]
    if first.lower() in PRONOUNS or (is_capitalized(first) and first.lower() not in DETERMINERS):
        return lead[0][0], lead[-1][1]
    return None


def colon_intro(text: str, para_start: int) -> AttributionRecord | None:
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
    for m in SENT_END_RE.finditer(text, prev_start, max(prev_start, prev_end - 1)):
        if m.group() != "\n" and not is_abbreviation(text, m.start()):
            clause_start = m.end()
    stmt = None
    for match in STATEMENT_INTRO_RE.finditer(text, clause_start, prev_end):
        stmt = match  # the last one
    if stmt is not None:
        speaker = speaker_before(text, clause_start, stmt.start())
        return AttributionRecord(prev_start, prev_end, speaker, " ".join(stmt.group("cue").split()))
    hits = [h for h in CUE_RE.finditer(text, clause_start, prev_end) if h.group("verb")]
    if not hits:
        return None
    speaker = speaker_before(text, clause_start, hits[-1].start())
    if speaker is None:
        return None
    return AttributionRecord(prev_start, prev_end, speaker, hits[-1].group())


_INTRO_MAX_TAIL = 6


def sentence_intro(
    text: str, ends: list[int], marks: list[Mark], sent_start: int
) -> AttributionRecord | None:
    """'Jane Doe agreed. "..."' / 'X said in a statement. "..."': a sentence that is only
    'speaker + cue' (maybe with 'in a statement', a day or a hearer) introduces the
    quotation that opens the next sentence of the same paragraph.
    """
    prev_start, prev_end = sentence_bounds(ends, max(0, sent_start - 1))
    prev_start, _ = strip_span(text, prev_start, prev_end, " \t\n\u00a0")
    if prev_end > sent_start or text[prev_end:sent_start].strip() or "\n" in text[prev_start:sent_start]:
        return None
    body = text[prev_start:prev_end].rstrip()
    if not body.endswith(".") or any(ch in body for ch in MARKS if ch not in AMBIGUOUS_MARKS):
        return None
    cue = None
    for match in CUE_RE.finditer(text, prev_start, prev_start + len(body)):
        cue = match  # the last one
    if cue is None or not cue.group("verb") or cue.group().lower() in OBJECT_CUES:
        return None
    tail = tokenize(text, cue.end(), prev_start + len(body) - 1)
    if len(tail) > _INTRO_MAX_TAIL or not all(
        adverbial_token(t[2]) and t[2].lower() not in COMPLEMENTIZERS for t in tail
    ):
        return None
    speaker = speaker_before(text, prev_start, cue.start())
    if speaker is None or not plausible_speaker(text, speaker):
        return None
    content_start = None
    if text[prev_start : speaker[0]].rstrip().endswith(",") and word_count(text, prev_start, speaker[0]) >= 3:
        content_start = prev_start  # 'A, Schiff said. "B."': one statement, reported then quoted
    return AttributionRecord(
        speaker[0], prev_start + len(body), speaker, cue.group(), content_start=content_start
    )
