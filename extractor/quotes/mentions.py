"""Is a mention a source, and does a cue stand in a reporting construction?

Why a separate module: on blogs, shops and manuals most words that can report speech
do something else ("it works wonders", "the requirements demands", "Apple has added some
features", "a watchmaker called Leon"). News rarely shows it, everyday pages always do.
Two questions decide, asked by every pass that reads a cue outside quotation marks:

- ``source_mention``: can the words before the cue speak? A person or organisation by
  name, a third-person pronoun, or a noun phrase whose head is a person, role,
  organisation or document ("the spokesman", "officials", "a 2015 study"). Not a clause
  fragment ("It's worth", "that we've"), a determiner or adverb ("Much", "Ironically"),
  or the writer and reader ("I", "you": on a blog that is the page's own voice).
- ``reporting_complement``: does what follows the cue read as reported content: "that"
  or another clause opener, a quotation or colon, an infinitive after a cue that takes one
  ("vowed to fight"), or a finite clause ("said prices would rise")? A bare noun phrase
  ("added some great features", "suggesting heavier weights") is not.

Both read English only (the word lists live in ``core.lexicon.quotes``); a cue of another language
is let through, as before.
"""

from __future__ import annotations

import functools
import re

from ..core.lexicon.quotes import (
    ADVERB_ENDINGS,
    ADVERBS_BEFORE_CUE,
    APPROXIMATORS,
    ASPECT_BEFORE_ING,
    AUX,
    BARE_OPENERS,
    CLAUSE_PREPOSITIONS,
    CONJUNCTIONS,
    CONTRACTED_SUBJECTS,
    DETERMINERS,
    FIRST_SECOND_PERSON,
    IMPERATIVE_OPENERS,
    ISSUED_TEXTS,
    JOINERS,
    MANNER_QUESTIONS,
    NAME_JOINERS,
    NAMING_ADVERBS,
    NAMING_SUBJECTS,
    NOT_NAMED_BEFORE,
    NOT_VERBS_ED,
    NOUN_MARKERS,
    NUMBER_WORDS,
    OBJECT_OPENERS,
    OBJECT_WORDS,
    ONE_OF_GROUP,
    PARTICIPLE_NEXT,
    PLURAL_PEOPLE,
    POSSESSION_CUES,
    POSTMODIFIERS,
    PREPOSITIONS,
    PRONOUN_COMPANIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    THIRD_PERSON,
    TIME_PHRASE_LEADS,
    TIME_PHRASE_UNITS,
    TIME_WORDS,
    TITLE_MINOR_WORDS,
    TRAILING_WORDS,
)
from .records import Span, Token
from .sentences import tokenize
from .tables import (
    ADDRESSEE_VERBS,
    AGENT_SUFFIXES,
    CHECKED_CUES,
    CLAUSE_OPENERS,
    DASHES,
    FINITE,
    GERUND_CUES,
    INFINITIVE_CUES,
    LETTERS_RE,
    MARKS,
    NOT_AGENTS,
    NOT_SOURCES,
    OBJECT_CONTENT,
    PRONOUNS,
    SELF_DOCUMENTS,
    SHARE_NOUNS,
    SKIP,
    SOURCE_NOUNS,
    SPEECH_ONLY,
    TOPIC_CUES,
    WORD_RE,
)

# '47', '1,200', '56%': a count or share of people ('600mm' is a measure, not people)
_NUMBER_RE = re.compile(r"\d[\d,.]*%?")
_PRONOUN_AUX_RE = re.compile(r"^(?:he|she|they)['’](?:s|ve|re|d|ll)$", re.IGNORECASE)
# An auxiliary written onto its word: "I'm", "you've", "we're", "I'd", "doesn't"
_AUX_SUFFIX = r"\w['’](?:m|re|ve|d|ll)$|n['’]t$"
# In a mention: "It's worth", "that we've": a subject with its verb, so the cue is not its verb
_CONTRACTION_RE = re.compile(_AUX_SUFFIX + r"|^(?:it|that|there|what|here|let)['’]s$", re.IGNORECASE)
# After a cue: "he's", "they're", "doesn't": a subject or verb with its auxiliary attached
_VERB_CONTRACTION_RE = re.compile(
    _AUX_SUFFIX + r"|^(?:he|she|it|that|there|what|who|where|here)['’]s$", re.IGNORECASE
)


def auxiliary(low: str) -> bool:
    """A lower-cased auxiliary or negated one ('has', 'will', "doesn't"): it sits between a
    subject and its cue and is no part of the subject."""
    return low in AUX or low.endswith(("n't", "n’t"))


def _checked(cue: str) -> bool:
    """The checks below know this cue's language."""
    return cue.lower() in CHECKED_CUES or cue.split(" ")[0].lower() in CHECKED_CUES


_LETTER_RE = re.compile(r"[^\W\d_]")


def _written_lowercase(low: str, text: str) -> bool:
    """Is ``low`` (a lower-cased word) written as a whole word in lower case somewhere in the
    text? A capitalised sentence opener that also appears in lower case ("Analytics" /
    "analytics") is a common noun. (One search for the word: a set of every lower-case word
    of the text cost more than all the questions asked of it.)"""
    if not low.islower() or LETTERS_RE.fullmatch(low) is None:
        return False
    at = text.find(low)
    while at >= 0:
        after = at + len(low)
        if (at == 0 or _LETTER_RE.match(text, at - 1) is None) and _LETTER_RE.match(text, after) is None:
            return True
        at = text.find(low, at + 1)
    return False


_LONG_SOURCE_NOUNS = tuple(sorted(n for n in SOURCE_NOUNS if len(n) >= 5))


@functools.lru_cache(maxsize=4096)
def is_source_noun(word: str) -> bool:
    low = word.lower().strip("'’")
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if "-" in low:
        low = low.rsplit("-", 1)[1]  # 'ex-wife', 'co-founder': the last part names the kind
    for form in (
        low,
        low[:-1] if low.endswith("s") else "",
        low[:-2] if low.endswith("es") else "",
        low[:-3] + "y" if low.endswith("ies") else "",
    ):
        if not form:
            continue
        if form in SOURCE_NOUNS:
            return True
        if form.endswith("ier"):
            continue  # 'easier', 'earlier': a comparative ('cashier', 'soldier' are listed)
        if form not in NOT_AGENTS and len(form) > 4 and form.endswith(AGENT_SUFFIXES):
            return True
        if len(form) > 7 and form not in NOT_AGENTS and form.endswith(_LONG_SOURCE_NOUNS):
            return True  # 'neurosurgeon', 'newspaperman': a compound of a source noun
    return False


def _adverb(word: str, text: str = "") -> bool:
    """An -ly adverb: written in lower case, with an adverb's ending, or seen in lower case
    elsewhere in ``text``."""
    low = word.lower()
    if not low.endswith("ly"):
        return False
    return (
        word[:1].islower() or low.endswith(ADVERB_ENDINGS) or (bool(text) and _written_lowercase(low, text))
    )


def sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"“”'‘’«»„(")
    return not before or before[-1] in ".!?\n:;"


def _trailing_name_start(words: list[Token], text: str, dash_ends: bool = False) -> int:
    """Index of the run of capitalised words (joiners allowed inside, not first) that ends
    ``words``; ``len(words)`` when the last word is not capitalised. With ``dash_ends`` a dash
    between two words ends the run ('at his estate - Lewandowski')."""
    k = len(words)
    while (
        k > 0
        and (words[k - 1][2][:1].isupper() or (k < len(words) and words[k - 1][2].lower() in NAME_JOINERS))
        and not (dash_ends and k < len(words) and text[words[k - 1][1] : words[k][0]].strip() in DASHES)
    ):
        k -= 1
    while k < len(words) and not words[k][2][:1].isupper():
        k += 1  # a run does not start with a joiner
    return k


def _name_run(words: list[Token], text: str) -> bool:
    """The mention ends in a name: a run of capitalised words (joiners allowed inside),
    not a single capitalised sentence opener that is a common word."""
    k = _trailing_name_start(words, text)
    run = words[k:]
    if not run:
        return False
    if len(run) == 1 and k == 0 and sentence_initial(text, run[0][0]):
        word = run[0][2]
        low = word.lower()
        if low in NOT_SOURCES or _adverb(word, text) or low in FIRST_SECOND_PERSON:
            return False
        if _written_lowercase(low, text) and not is_source_noun(word):
            return False
    return all(w[2].lower() not in NOT_SOURCES for w in run[:1])


def _reduced_relative(lows: list[str]) -> int | None:
    """Index of the pronoun opening a relative clause without 'whom' at the end of a span
    ('the experts I interviewed', 'people we spoke to', 'the aides he met with'): a noun,
    then the pronoun, a past verb and at most a preposition. None when there is none."""
    if len(lows) < 3:
        return None
    for i in range(max(1, len(lows) - 3), len(lows) - 1):
        if lows[i] not in {"i", "we", "he", "she", "they"} or lows[i - 1] in DETERMINERS:
            continue
        verb, rest = lows[i + 1], lows[i + 2 :]
        past = verb.endswith("ed") or verb in FINITE
        if past and verb not in AUX and len(rest) <= 1 and all(w in PREPOSITIONS for w in rest):
            return i
    return None


# subjects a sentence adverb can open ('Suddenly everyone', 'Finally they'); a capitalised
# word in -ly before a name is a name ('Family spokesman', 'Schlafly')
_AFTER_SENTENCE_ADVERB = frozenset(
    {
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "nobody",
        "people",
        "they",
        "he",
        "she",
        "we",
        "many",
        "some",
    }
)


def source_mention(text: str, span: Span, cue: str, first_person: bool = False) -> bool:
    """The words at ``span`` name someone who can say, write or find something.

    ``first_person`` lets "I" and "we" speak (a direct quotation in a story); reported
    speech by the page's own "I" or its reader "you" is the writer's voice, not a source.
    """
    return source_span(text, span, cue, first_person) is not None


def source_span(text: str, span: Span, cue: str, first_person: bool = False) -> Span | None:
    """The source named at ``span`` (see ``source_mention``), or None. A clause ending in
    the cue gives its subject: 'When reviewed at the time they' -> 'they', 'The town
    released a statement' -> 'The town'; otherwise the span itself."""
    if not _checked(cue):
        return span
    tokens = [t for t in tokenize(text, span[0], span[1]) if t[2] not in ("(", ")", "[", "]")]
    if not tokens:
        return None
    words = [t for t in tokens if t[2][:1].isalnum()]
    # 'Mexican officials now', 'He immediately', 'ministers all': adverbs before the cue
    while (
        len(words) > 1
        and not _name_continues(words)
        and (
            words[-1][2].lower() in SKIP
            or words[-1][2].lower() in TRAILING_WORDS
            or auxiliary(words[-1][2].lower())
            or words[-1][2].lower() in ADVERBS_BEFORE_CUE
            or _adverb(words[-1][2])
            # 'devotees started admitting', 'she kept saying': the verb of aspect before an
            # -ing cue goes with the cue
            or (
                words[-1][2].lower() in ASPECT_BEFORE_ING
                and cue.split(" ")[0].endswith("ing")
                and cue != "writing"  # 'kept writing his speech': an activity
            )
        )
    ):
        words = words[:-1]
    while (
        len(words) > 1
        and words[0][2][:1].isupper()
        and words[0][2].lower().endswith("ly")
        and words[0][2].lower() not in APPROXIMATORS
        and words[1][2] in _AFTER_SENTENCE_ADVERB
    ):
        words = words[1:]  # 'Suddenly everyone', 'Finally officials': a sentence adverb
    if len(words) == 1 and words[0][2].lower() == "which":
        # 'The column type, which tells ...': a thing, unless what it stands for is a
        # source, as in 'the report, which said ...'
        return span if _antecedent_is_source(text, words[0][0]) else None
    if words and (_PRONOUN_AUX_RE.match(words[0][2]) or words[0][2].lower() == "who") and len(words) <= 3:
        return span  # "he's said", "who in 2010 said"
    while len(words) > 1 and words[0][2].lower() in JOINERS | {"but", "so", "then", "like"}:
        words = words[1:]  # 'and he', 'but officials', 'like Mark Twain said'
    words = _without_time_phrase(words)
    if not words or any(_CONTRACTION_RE.search(w[2]) for w in words):
        return None  # "It's worth", "that we've", "I'm": a subject with its own verb
    if words[0][2].lower() in MANNER_QUESTIONS:
        return None  # 'How the National Cyber Security Centre defends ...': a headline
    if len(words) > 1 and imperative_opening(text, words[0][0], words[0][2]):
        # 'See what customers say about ...': the writer's instruction ('Review: "..."', a
        # label, is a single word)
        return None
    subject = _clause_subject_name(words, text)
    if subject is not None:
        return (subject, words[-1][1])
    lows = [w[2].lower() for w in words]
    sub = max((i for i, low in enumerate(lows[:-1]) if low in SUBORDINATORS), default=None)
    if sub is not None:
        # 'It gets your attention when a leader', 'Even as officials': the subordinate
        # clause's own subject speaks
        return source_span(text, (words[sub + 1][0], words[-1][1]), cue, first_person)
    if len(lows) >= 2 and lows[0] in {"this", "these"} and lows[-1] in SELF_DOCUMENTS:
        return None  # 'This article describes Portage', 'this guide explains': the page itself
    verb = _clause_verb(words, lows)
    if verb is not None:
        # 'The town released a statement', 'She also sent a tweet': a subject, its verb and
        # object, the subject speaking; 'restarted the first agent', 'Put your toddler
        # down' have no subject
        if not verb:
            return None
        return source_span(text, (words[0][0], words[verb - 1][1]), cue, first_person)
    if len(lows) > 1 and lows[0] in AUX and not words[1][2][:1].isupper():
        return None  # 'Can anyone suggest how ...?', 'Does the report say': a question
    if lows[0] in SUBJECT_PRONOUNS:
        if (
            len(lows) > 1
            and lows[-1] not in RELATIVE_PRONOUNS  # '... the Police Department which': below
            and not words[-1][2][:1].isupper()  # '... footage of Trump talking about': Trump
            and not (lows[1] in JOINERS or lows[1] in DETERMINERS or lows[1] in PRONOUN_COMPANIONS)
        ):
            # 'he fought really hard, adding', 'He sent ... vowing': the pronoun with its own
            # verb; the pronoun is the speaker
            return (words[0][0], words[0][1])
        kept = [t for t in tokens if t[1] <= span[1]]
        while len(kept) > 1 and auxiliary(kept[-1][2].lower()):
            kept.pop()  # 'He doesn't deny': 'He'
        end = kept[-1][1]
        while end < span[1] and text[end] in ")]":
            end += 1  # 'he [the author]'
        return (words[0][0], end)  # 'he and his wife', 'they both'
    if len(lows) > 1 and lows[-1] in SUBJECT_PRONOUNS and lows[-2] not in JOINERS:
        return (words[-1][0], words[-1][1])  # 'When reviewed at the time they', 'Even as he'
    # "the insurance that Uber" / "a former staffer who": the cue belongs to a relative clause
    rel = next((i for i, w in enumerate(lows) if w in RELATIVE_PRONOUNS and i > 0), None)
    if rel is not None:
        if rel == len(words) - 1 and (lows[rel] in {"who", "whom"}):
            return span  # "a former staff member ... who said", "many of whom say"
        if rel == len(words) - 1 or _subject_relative(lows[rel + 1 :]):
            # 'organizations that have endorsed him say': the relative clause describes
            # the subject, which comes before it
            words, lows = words[:rel], lows[:rel]
        else:
            # 'which Apple's chief executive called': the subject of the relative clause
            words, lows = words[rel + 1 :], lows[rel + 1 :]
    if len(words) == 1:
        low = lows[0]
        alone = (words[0][0], words[0][1])  # 'It still', 'we now': the pronoun without its adverb
        if low in THIRD_PERSON:
            return alone
        if low in FIRST_SECOND_PERSON:
            return alone if first_person and low in {"i", "we"} else None
    elif (relative_at := _reduced_relative(lows)) is not None:
        # 'all the experts I interviewed', 'the officials we spoke to': a relative clause
        # without 'whom' describes the subject before it
        return source_span(text, (words[0][0], words[relative_at - 1][1]), cue, first_person)
    elif any(w in FIRST_SECOND_PERSON or w in {"he", "she", "they", "it"} for w in lows):
        return None  # "I believe an evolutionary story": a clause
    end = words[-1][1]
    while end < span[1] and text[end] in ")]%":
        end += 1  # 'a 2015 study [10]', '56%'
    trimmed = (words[0][0], end)
    if _name_run(_before_object_of_preposition(words), text):
        return trimmed
    if len(lows) > 2 and lows[0] in ONE_OF_GROUP and lows[1] == "of":
        # 'one of the former prosecutors', 'each of his aides': one member of a group of
        # sources is a source; 'one of the reasons' is not
        rest = words[2:]
        return trimmed if _name_run(rest, text) or any(is_source_noun(w[2]) for w in rest) else None
    if _people_described(lows):
        return trimmed
    before = _before_preposition(words)
    head = _head_noun(before)
    if head is None:
        return None
    if (
        any(is_source_noun(w[2]) for w in before[-3:])
        and not _verb_after_plural_source(before)
        and not _source_noun_as_modifier(before, head)
    ):
        # 'an official familiar with the case', 'people close to him'; not 'women abstain
        # from fasting': a verb after the noun makes the words a clause
        return trimmed
    share = head[0].rsplit("-", 1)[-1]
    if share in SHARE_NOUNS or _NUMBER_RE.fullmatch(share):
        # '47 percent said', 'majorities of Democrats say', 'three-fourths say', 'six in 10
        # say', '31 percent of those surveyed say': a share of people
        rest = [w for w in words if w[0] >= head[1]]
        share_ok = (
            not rest
            or _name_run(rest, text)
            or any(is_source_noun(w[2]) for w in rest)
            or (rest[0][2].lower() in {"of", "in", "out"} and len(rest) <= 6)
        )
        return trimmed if share_ok else None
    return trimmed if is_source_noun(head[0]) else None


def imperative_opening(text: str, pos: int, word: str) -> bool:
    """``word`` at ``pos`` opens its sentence as a capitalised verb of instruction ('See',
    'Take', 'Avoid'): an imperative sentence, whose subject is the reader."""
    if not word[:1].isupper() or word.lower() not in IMPERATIVE_OPENERS:
        return False
    before = text[max(0, pos - 3) : pos].rstrip(" \t\u00a0\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _count(word: str) -> bool:
    return word in NUMBER_WORDS or word.isdigit()


def _people_described(lows: list[str]) -> bool:
    """A group of people named by what sets them apart, not by a noun: 'one in three', 'two
    in five' (a share of those asked), 'those surveyed', 'those close to him', 'those over 60'
    ('those' with a participle, an adjective that follows its noun, or a preposition).
    'Those results' or 'those figures' have a noun head and are read as nouns."""
    if len(lows) == 3 and lows[1] == "in" and _count(lows[0]) and _count(lows[2]):
        return True
    if len(lows) < 2 or lows[0] != "those":
        return False
    nxt = lows[1]
    return (nxt.endswith("ed") and nxt not in NOT_VERBS_ED) or nxt in POSTMODIFIERS or nxt in PREPOSITIONS


def _verb_after_plural_source(words: list[Token]) -> bool:
    """A plural source noun followed by a lower-case word that is no plural noun, participle,
    source noun or adjective of the kind that follows a noun ('familiar', 'close'): a
    present-tense verb ('women abstain from', 'consumers want to find'), so the words are a
    clause with its own verb, not a mention."""
    for k in range(len(words) - 1):
        low = words[k][2].lower()
        plural = low.endswith("s") and not low.endswith(("'s", "’s"))
        if not (plural or low in PLURAL_PEOPLE) or not is_source_noun(low):
            continue
        nxt = words[k + 1][2]
        nlow = nxt.lower()
        if (
            nxt[:1].islower()
            and nxt.isalpha()
            and not nlow.endswith(("s", "ed", "ing", "en"))
            and nlow not in POSTMODIFIERS
            and nlow not in JOINERS
            and not is_source_noun(nxt)
        ):
            return True
    return False


def _name_continues(words: list[Token]) -> bool:
    """The last word is capitalised after a capitalised word: part of a name ('USA Today',
    'Good Morning America'), not an adverb to trim."""
    last, before = words[-1][2], words[-2][2]
    return last[:1].isupper() and before[:1].isupper() and before.lower() not in PRONOUNS


def _without_time_phrase(words: list[Token]) -> list[Token]:
    """'Four years ago Oracle', 'Last year AMD and Intel', 'year AMD': the time phrase that
    opens the sentence is not part of the speaker."""
    lows = [w[2].lower() for w in words]
    if "ago" in lows[:4] and lows.index("ago") < len(lows) - 1:
        return words[lows.index("ago") + 1 :]
    k = 0
    while k < min(2, len(lows) - 1) and lows[k] in TIME_PHRASE_LEADS:
        k += 1
    if k < len(lows) - 1 and lows[k] in TIME_PHRASE_UNITS and (k > 0 or words[k + 1][2][:1].isupper()):
        return words[k + 1 :]
    return words


def _subject_relative(rest: list[str]) -> bool:
    """The words after a relative pronoun start with its verb ('that have endorsed him',
    'who fights with'), so the pronoun is the clause's subject, not its object."""
    if not rest:
        return False
    first = rest[0]
    return first in AUX or first in FINITE or (first.endswith(("ed", "es")) and len(first) > 4)


def _antecedent_is_source(text: str, pos: int) -> bool:
    """The noun phrase right before a relative 'which' at ``pos`` names a source."""
    before = tokenize(text, max(0, pos - 80), pos)
    while before and not before[-1][2][:1].isalnum():
        before = before[:-1]
    k = len(before)
    while k > 0 and before[k - 1][2][:1].isalnum() and len(before) - k < 5:
        k -= 1
    words = before[k:]
    return bool(words) and (_name_run(words, text) or is_source_noun(words[-1][2]))


def _clause_verb(words: list[Token], lows: list[str]) -> int | None:
    """Index of a verb inside a mention: a lower-case '-ed' word before a determiner
    ('released a statement', 'restarted the first agent'). None when there is none. (A
    present-tense '-s' verb cannot be told from a plural noun this way: 'users claim'.)"""
    for i, low in enumerate(lows):
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        if (
            low.endswith("ed")
            and words[i][2][:1].islower()
            and nxt in DETERMINERS
            and nxt not in NUMBER_WORDS
        ):
            return i
        if nxt in OBJECT_OPENERS and _verb_before_object(words[i][2], i):
            return i  # 'creates reports', 'Put your toddler', 'send a tweet', 'shows both'
    return None


def _verb_before_object(word: str, i: int) -> bool:
    """``word``, before an object opener, is a verb: not a function word, a share ('half
    the voters'), an adverb or connector ('Meanwhile the report'), nor a capitalised
    name inside the mention."""
    low = word.lower()
    if word[:1].isupper() and i > 0:
        return False
    return not (
        low in TRAILING_WORDS
        or low in {"among", "amid", "despite", "unlike", "like"}
        or low in PREPOSITIONS
        or low in DETERMINERS
        or low in NOT_SOURCES
        or low in SKIP
        or low in SHARE_NOUNS
        or low in JOINERS
        or low in ADVERBS_BEFORE_CUE
        or low in SUBORDINATORS
        or low in FIRST_SECOND_PERSON
        or low in THIRD_PERSON
        or low.endswith(("ly", "'s", "’s"))
        or not low.isalpha()
    )


def _before_preposition(words: list[Token]) -> list[Token]:
    """The words up to the first preposition: 'a spokesman for the company' -> 'a spokesman'."""
    cut = next((i for i, w in enumerate(words) if i > 0 and w[2].lower() in PREPOSITIONS), len(words))
    return words[:cut]


def _before_object_of_preposition(words: list[Token]) -> list[Token]:
    """The words before the first preposition that ends the mention's head ('the zero in
    Zero Waste' -> 'the zero', 'The news comes after Kia' -> 'The news comes'), so that a
    name in the preposition's object does not make the mention a name. A preposition
    between two capitalised words is part of a name ('Centers for Disease Control')."""
    for i in range(1, len(words) - 1):
        if (words[i][2].lower() in PREPOSITIONS or words[i][2].lower() == "as") and not (
            words[i - 1][2][:1].isupper() and words[i + 1][2][:1].isupper()
        ):
            return words[:i]
    return words


def _clause_subject_name(words: list[Token], text: str) -> int | None:
    """Start of a name that opens the cue's own clause inside a longer mention: 'shortly
    after Trump said', 'what Prime Minister Malcolm Turnbull called', 'at his estate -
    Lewandowski asserts'. The words before it are another clause's, not the speaker's."""
    k = _trailing_name_start(words, text, dash_ends=True)
    while 0 < k < len(words) and words[k - 1][2].islower() and is_source_noun(words[k - 1][2]):
        k -= 1  # 'what aide Kevin Phillips called': the role is part of the name
    if k == 0 or k == len(words):
        return None
    if k > 1 and words[k - 1][2].lower() == "the" and words[k - 2][2].lower() in CLAUSE_PREPOSITIONS:
        k -= 1  # 'after the Daily Ledger said'
    previous = words[k - 1]
    low = previous[2].lower()
    if low in CLAUSE_PREPOSITIONS or low == "what" or text[previous[1] : words[k][0]].strip() in DASHES:
        return words[k][0]
    return None


def _source_noun_as_modifier(words: list[Token], head: tuple[str, int]) -> bool:
    """A source noun right before a lower-case head noun modifies it ('The service model
    emphasizes', 'user experience tells'): the head is no source. A postmodifier after the
    source noun ('an official familiar with', 'people close to') and an issued text ('other
    emails suggest') leave the mention a source."""
    if is_source_noun(head[0]) or head[0] in POSTMODIFIERS or head[0] in ISSUED_TEXTS:
        return False
    k = next((i for i, w in enumerate(words) if w[1] == head[1]), None)
    if k is None or k == 0 or not words[k][2][:1].islower() or not words[k][2].isalpha():
        return False
    # (listed source nouns only: an agent ending makes adjectives look like nouns, 'subsequent')
    return words[k - 1][2] in SOURCE_NOUNS


def _head_noun(words: list[Token]) -> tuple[str, int] | None:
    """The last of ``words`` (a mention cut at its first preposition), skipping a participle:
    'a spokesman' -> spokesman, 'People briefed' -> People. Returns the word (lower case)
    and its end offset."""
    cut = len(words)
    while cut > 1 and words[cut - 1][2].lower().endswith("ed") and words[cut - 1][2][:1].islower():
        cut -= 1
    if cut == 0:
        return None
    head = words[cut - 1]
    low = head[2].lower()
    if (
        low in DETERMINERS
        and not low[:1].isdigit()
        and low not in {"one", "two", "three", "several", "many", "most", "some", "other"}
    ):
        return None
    return None if low in NOT_SOURCES else (low, head[1])


NONE, CLAUSE, OBJECT = 0, 1, 2


def reporting_complement(text: str, cue_end: int, start: int, end: int, cue: str) -> int:
    """What follows the cue (from ``cue_end``; content at ``start``) is reported content:
    ``CLAUSE`` (a that-clause, quotation, infinitive or finite clause), ``OBJECT`` (the
    object of a speech act, 'denied the accusations'), or ``NONE`` (falsy)."""
    cue = cue.lower()
    if not _checked(cue) or cue in SPEECH_ONLY:
        return CLAUSE
    gap = text[cue_end:start]
    if ":" in gap or any(ch in MARKS for ch in gap):
        return CLAUSE
    if any(w.lower() in CLAUSE_OPENERS for w in LETTERS_RE.findall(gap)):
        return CLAUSE
    tokens = tokenize(text, start, min(end, start + 200), 20)
    if not tokens:
        return NONE
    first = tokens[0][2]
    low = first.lower()
    if low == "that" and _relative_that(tokens, gap, cue):
        return NONE
    if first in MARKS or low in CLAUSE_OPENERS or _VERB_CONTRACTION_RE.search(first):
        return CLAUSE
    if _adjunct_start(first, cue) and any(
        t[2].lower() == "that" and _adjunct_end(tokens[i][2]) for i, t in enumerate(tokens[1:16], 0)
    ):
        return CLAUSE  # 'said Thursday during a town hall that ...', 'told a crowded hall that ...'
    if cue in INFINITIVE_CUES:
        # 'vowed to fight', 'telling schools to let students ...'
        k = next((i for i, t in enumerate(tokens[:5]) if t[2].lower() == "to"), None)
        if k is not None and k + 1 < len(tokens) and tokens[k + 1][2] in MARKS:
            k += 1  # 'vowed to "defend the act"'
        if k is not None and k + 1 < len(tokens) and tokens[k + 1][2][:1].islower():
            return CLAUSE
    if low == "to":
        return NONE
    if cue in POSSESSION_CUES and low not in {"of", "about"}:
        return NONE  # 'the P16s boasts certified apps', 'Dota boasts an endless array—no two ...'
    if low.endswith("ing") and cue in GERUND_CUES:
        return CLAUSE  # 'suggests reducing regulations'
    if low in {"of", "about"}:
        # 'complained of the imbalance', 'boasted of his skills', 'asked Clinton about her
        # emails': the topic of a speech act
        topic = cue in OBJECT_CONTENT or cue in TOPIC_CUES or (cue in ADDRESSEE_VERBS and low == "about")
        return OBJECT if topic else NONE
    if finite_clause(tokens):
        return CLAUSE
    # 'announced new measures', 'tweeted her thanks': a speech act whose object is the content
    return OBJECT if cue in OBJECT_CONTENT and low not in PREPOSITIONS else NONE


def _relative_that(tokens: list[Token], gap: str, cue: str) -> bool:
    """'reports on a vulnerability that led to ...', 'said in a statement that was released
    Monday': a "that" with its verb right after it, following a noun phrase after the cue,
    is a relative clause on that noun, not the reported clause. An addressee ('told
    reporters that was wrong') leaves it a complement."""
    if len(tokens) < 2 or cue in ADDRESSEE_VERBS or not LETTERS_RE.search(gap):
        return False
    nxt = tokens[1][2].lower()
    return nxt in FINITE or (nxt.endswith("ed") and nxt not in NOT_VERBS_ED)


def _adjunct_start(word: str, cue: str) -> bool:
    """What may stand between a cue and its 'that': a circumstance ('said Thursday during a
    town hall that', 'said in a statement that', 'said, in 2015, that') or, after a cue that
    names its addressee, the addressee ('told a crowded hall that'). An object ('boasts a
    great gaming mode, that ...', 'wrote up a treatment ... that') is not."""
    low = word.lower()
    if low == "to":
        return False
    return (
        cue in ADDRESSEE_VERBS
        or word == ","
        or low in PREPOSITIONS
        or low in TIME_WORDS
        or word[:1].isupper()
        or word[:1].isdigit()
    )


def _adjunct_end(word: str) -> bool:
    """'said Thursday, that', 'told a hall in Baltimore that': 'that' after a comma, a name,
    a number or a time word opens the reported clause; after a common noun it is a relative
    ('projects that back this up')."""
    return word == "," or word[:1].isupper() or word[:1].isdigit() or word.lower() in TIME_WORDS


def finite_clause(tokens: list[Token]) -> bool:
    """A subject, then a finite verb before the first comma: 'prices would rise', 'Trump has
    the potential', 'the company cut 100 jobs', 'he wants'. Lists, noun phrases and
    gerunds ('some great features', 'progressively heavier weights') have none."""
    words: list[str] = []
    if tokens and (
        tokens[0][2].lower() in PREPOSITIONS
        or tokens[0][2].lower() in {"despite", "although", "while", "whilst", "when", "if", "as"}
    ):
        # 'says despite all that, Obama wasn't ...': an opening adjunct, then the clause
        comma = next((i for i, t in enumerate(tokens[:8]) if t[2] == ","), None)
        if comma is None:
            return False
        tokens = tokens[comma + 1 :]
    segment = 0
    for k, tok in enumerate(tokens):
        if tok[2] in MARKS:
            return bool(words)  # 'said Kaine "has a passion ...': a subject, then quoted words
        if tok[2] in {",", ";", ":", "(", "—", "–"}:
            # 'say the program, run by the department, has brought ...': a short subject and
            # its apposition; a participle after the comma ('..., ensuring') ends the clause
            nxt = tokens[k + 1][2] if k + 1 < len(tokens) else ""
            if (
                tok[2] in {",", "(", "—", "–"}
                and 0 < len(words) <= 4
                and segment == 0
                and not nxt.endswith("ing")
                and nxt.lower() not in CONJUNCTIONS
            ):
                segment += 1
                continue
            break
        words.append(tok[2])
    if len(words) < 2:
        return False
    first = words[0].lower()
    if first in BARE_OPENERS or _VERB_CONTRACTION_RE.search(first):
        nxt = words[1].lower()
        return nxt not in PREPOSITIONS and nxt[:1].isalpha() and nxt not in DETERMINERS
    if (
        first in PREPOSITIONS
        or first in {"up", "out", "down", "off", "back"}
        or first.endswith(("ing", "ly"))
    ):
        return False  # 'progressively heavier weights', 'about the process'
    for i in range(1, min(len(words), 16)):
        low = words[i].lower()
        prev = words[i - 1].lower()
        if prev in {"that", "which", "who", "whose"} and i > 1:
            continue  # 'technology that sets it apart', 'bass which is': a relative clause's verb
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if prev in JOINERS:
            continue  # 'asked all the right questions and got my business going': a second predicate
        if low in AUX or _VERB_CONTRACTION_RE.search(low):
            return True
        if low in FINITE and nxt not in PARTICIPLE_NEXT:
            return True  # 'the company cut jobs'; not 'necks made from steel'
        if (
            low.endswith("ed")
            and nxt not in PARTICIPLE_NEXT
            and len(low) > 4
            and prev
            not in {"the", "a", "an", "with", "and", "or", "his", "her", "its", "their", "our", "my", "your"}
            and prev not in PREPOSITIONS
        ):
            return True
        if (
            low.endswith("s")
            and not low.endswith(("ss", "us", "is", "'s", "’s"))
            and len(low) > 3
            and words[i][:1].islower()
            and prev not in DETERMINERS
            and (
                words[i - 1][:1].isupper()
                or nxt in {"that", "no", "not", "it", "them", "him", "us"}
                or (
                    nxt == "to"
                    and i + 2 < len(words)
                    and words[i + 2][:1].islower()
                    and words[i + 2].lower() not in DETERMINERS
                )
            )
        ):
            return True
    return False


def _object_of_preposition(words: list[str]) -> bool:
    """The name right before the cue follows a preposition ('from the magnificent Heathervescent
    called'): the object of a phrase, so 'called' has no subject there and is a participle."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k == len(words):
        return False
    while k > 0 and words[k - 1].islower() and words[k - 1] not in PREPOSITIONS and len(words) - k < 5:
        k -= 1
    return k > 0 and words[k - 1] in PREPOSITIONS


def _title_to_sentence_end(text: str, start: int) -> bool:
    """From ``start`` to the sentence end only capitalised words (a title or a name, with its
    minor words): 'called Fights In Tight Spaces.' (not 'called Smith a liar')."""
    stop = len(text)
    for ch in ".!?\n":
        k = text.find(ch, start)
        if k != -1:
            stop = min(stop, k)
    words = WORD_RE.findall(text, start, stop)
    return bool(words) and all(w[:1].isupper() or w.lower() in TITLE_MINOR_WORDS for w in words)


def _names_by_relative(word: str) -> bool:
    """The word before 'they called' is a noun the clause describes ('a phenomenon they
    called'): not a joiner, a verb of its own ('said they called') or punctuation. ('what he
    called the "pessimistic" vision' is his characterisation, a report.)"""
    return word.isalpha() and word not in NOT_NAMED_BEFORE and not word.endswith("ed")


def names_something(text: str, sent_start: int, cue_start: int, cue_end: int) -> bool:
    """'a program called Sandy Hook Promise', 'The program, called EB-5', 'showers (also
    called handheld showers)', 'Sometimes called memoize': naming, not speech.

    'called' with no object of its own, right after a comma or parenthesis or opening the
    sentence, gives a name (', called "total crap"' with a quotation is speech); after an
    indefinite noun phrase ('a company called') a name or a quoted term is named.
    """
    pre = text[sent_start:cue_start].rstrip()
    words = pre.split()
    adverb = False
    while words and words[-1].lower().strip("(") in NAMING_ADVERBS:
        adverb = True
        words[-1] = words[-1][:1] if words[-1].startswith("(") else ""
        if not words[-1]:
            words.pop()
    pre = " ".join(words)
    if not pre or pre.endswith("("):
        return True  # 'Sometimes called memoize', 'strength (called myofibrillar hypertrophy)'
    if adverb and pre.endswith((",", "—", "–")):
        return True  # 'a relocation company, also called a relocation management company'
    last = words[-1].lower().replace("’", "'")
    if last in {"is", "are", "was", "were", "be", "been", "being"} or (
        last.endswith("'s") and last[:-2] in CONTRACTED_SUBJECTS
    ):
        return True  # "It's also called earned marketing", 'is often called': 'be' + called names
    nxt = tokenize(text, cue_end, min(len(text), cue_end + 40), 1)
    if not nxt:
        return False
    last_two = [w.lower() for w in pre.split()[-2:]]
    if len(last_two) == 2 and last_two[1] in NAMING_SUBJECTS and _names_by_relative(last_two[0]):
        return True  # 'a new phenomenon they called "weird generalizations"'
    if len(last_two) == 2 and last_two[1] in NAMING_SUBJECTS and last_two[0] in {"what", "which"}:
        # 'which they called bunn', 'what he called tribalism': the relative pronoun is the
        # object, so what follows is the name given to it, not words reported
        return True
    if pre.endswith((",", "—", "–")):
        # ', called EB-5', ', called full-stack'; ', called the speech a "critical moment"',
        # ', called her "the first lady"' have an object: speech
        low = nxt[0][2].lower()
        return nxt[0][2] not in MARKS and low not in NOUN_MARKERS and low not in OBJECT_WORDS
    tail = pre.split()[-4:]
    indefinite = any(w.lower() in {"a", "an", "something", "someone"} for w in tail)
    if nxt[0][2].lower() in {"a", "an"} and indefinite:
        return True  # 'a device called a "driver"': a term is named
    if nxt[0][2].lower() == "the" and indefinite:
        name = tokenize(text, nxt[0][1], min(len(text), nxt[0][1] + 40), 1)
        if name and (name[0][2][:1].isupper() or name[0][2] in MARKS):
            return True  # 'a group called the "People First Fund"': a name is given
    if not (nxt[0][2][:1].isupper() or nxt[0][2] in MARKS):
        return False
    if (
        (tail[-1][:1].islower() and tail[-1].lower() not in PRONOUNS) or _object_of_preposition(words)
    ) and _title_to_sentence_end(text, cue_end):
        # 'the John Wick simulator called Fights In Tight Spaces.', 'a video from the
        # magnificent Heathervescent called "Slices of Life."': a title is named
        return True
    # 'a Parisian watchmaker called Leon', 'something called X': an indefinite noun is named
    return indefinite and not any(w.lower() in PRONOUNS for w in tail)
