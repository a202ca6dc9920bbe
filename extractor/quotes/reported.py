"""Reported speech: every speech cue outside quotations read with its sentence
('X said that ...', '..., X said.', 'according to X'), and reports extended by the
quotations that continue them.

Why a separate module: this is the third pass; it runs over cues, not quotation marks.
"""

from __future__ import annotations

import bisect
import re

from ..core.lexicon.quotes import (
    ACT_OBJECTS,
    ADJECTIVE_BEFORE,
    ADVERBIAL_WORDS,
    ADVERBS_BEFORE_CUE,
    ASKED_BEFORE,
    AUX,
    CONNECTORS,
    DETERMINERS,
    DISCOURSE_PHRASES,
    FINDING_NOUNS,
    GAP_RELATIVES,
    GAP_VERBS,
    GENERIC_HEARERS,
    INFERENCE_PARTICIPLES,
    INFINITIVE_BLOCK,
    ISSUED_TEXTS,
    MEDIA_OBJECTS,
    NOT_OBJECT_START,
    NOUN_MARKERS,
    OBJECT_PRONOUNS,
    OBLIGATION_MODALS,
    PASSIVE,
    PHONED_NEXT,
    PHONED_OBJECTS,
    PREPOSITIONS,
    PROGRESSIVE_ADVERBS,
    PROGRESSIVE_BEFORE,
    QUESTION_NOUNS,
    QUESTION_OPENERS,
    QUESTIONING_CUES,
    RELATIVE,
    RELATIVE_PRONOUNS,
    SPEECH_NOUNS,
    SUBORDINATE_OPENERS,
    SUBORDINATORS,
    TIME_START,
    TIME_THAT,
    TOPIC_OF_CUES,
    WORK_NOUNS,
    WORKS_BEFORE_NOUN,
    WRITING_CUES,
)
from .according import according_report
from .attribution import attribution_after, inverted_short_speaker
from .content import content_end, content_start_at, inside_quotation, is_intro_phrase, starts_content
from .direct import continues_quote
from .mentions import (
    CLAUSE,
    OBJECT,
    finite_clause,
    is_source_noun,
    names_something,
    reporting_complement,
    sentence_initial,
    source_mention,
)
from .records import FORM_CLAUSE, FORM_OBJECT, FORM_TOPIC, Found, Mark, Span, Token
from .sentences import (
    comma_in_number,
    paragraph_end,
    sentence_bounds,
    strip_span,
    tokenize,
    word_count,
    writers_question,
)
from .speakers import (
    addressee_after,
    is_capitalized,
    leading_np,
    leading_subject,
    np_after,
    plausible_speaker,
    possessive,
    speaker_before,
    verb_like_word,
)
from .tables import (
    ADDRESSEE_VERBS,
    ALL_CLOSERS,
    CLAUSE_OPENERS,
    COMPLEMENTIZERS,
    CUE_AUX,
    CUE_RE,
    DENSE,
    FINITE,
    LETTERS_RE,
    MARKS,
    MAX_JOINED,
    NEEDS_THAT,
    OBJECT_CUES,
    OBJECT_PREP,
    PRONOUNS,
    SKIP,
    SPEECH_ONLY,
    TOPIC_CUES,
    VERBS,
    WINDOW,
    WORD_RE,
    scan_cues,
)


def _kind_for(marks: list[Mark], mark_starts: list[int], start: int, end: int) -> str:
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


def _quotes_a_post(text: str, cue: str, speaker: Span) -> bool:
    """'X wrote:', or 'said:' after a one-word name ('nevergrowupever said:', 'Republicans
    say:'): a post or a side's statement quoted whole, not a pronoun's saying."""
    if cue in WRITING_CUES:
        return True
    words = WORD_RE.findall(text, speaker[0], speaker[1])
    return cue in {"said", "says", "say"} and len(words) == 1 and words[0].lower() not in PRONOUNS


def _ends_inverted(text: str, speaker: Span, cue: str, sent_end: int) -> bool:
    """The words after an inverted cue ('..., said X') are its speaker and close the clause:
    a comma or the sentence end follows them, or a place or time phrase ('said a source in the
    room') when the words hold no verb ('said the courts needed to step in') and the cue is
    not a plain verb form ('..., acknowledge the changes and face reality head on')."""
    if _np_closed(text, speaker[1], sent_end):
        return True
    return (
        _clause_final(text, speaker[1], sent_end)
        and not _holds_a_verb(text, speaker)
        and cue + "s" not in VERBS
    )


def _holds_a_verb(text: str, span: Span) -> bool:
    """'said the courts needed to step in ...': the words read as an inverted speaker hold a
    finite verb or an infinitive ('to' and a lower-case word), so they are the start of the
    reported clause, not a speaker."""
    words = WORD_RE.findall(text, span[0], span[1])
    lows = [w.lower() for w in words]
    if any(w in FINITE or w in AUX for w in lows):
        return True
    return any(lows[k] == "to" and words[k + 1].islower() for k in range(len(lows) - 1))


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
    tokens = tokenize(text, start, end, 41)
    if not tokens or len(tokens) > 40:
        return False
    first = tokens[0][2].lower()
    if first in COMPLEMENTIZERS or first in {"it", "there"} or first in SKIP or first in TIME_START:
        return False
    if first in PRONOUNS:
        return len(tokens) <= 4
    if first.isalpha() and first not in PREPOSITIONS and any(is_capitalized(t[2]) for t in tokens[1:5]):
        return True  # '..., says planetary defense researcher Rahil Makadia.': a role before a name
    return is_capitalized(tokens[0][2]) or first in DETERMINERS


# Words that open a phrase of time or place after the attribution's own time word
_SCENE_OPENERS = frozenset({"during", "after", "before", "while", "when", "as", "in", "at", "on"})


def _clause_final(text: str, cue_end: int, sent_end: int) -> bool:
    """True when nothing clause-like follows the cue ('..., a source said on Monday.')."""
    tokens = tokenize(text, cue_end, min(sent_end, cue_end + 200), 16)
    words = [t for t in tokens if t[2][0].isalnum()]
    if tokens and tokens[0][2] == ":":
        return False  # "..., the union wrote:" introduces what follows
    # (a quotation's words are not this clause's: ', adding, "They need to ...')
    own = next((tokens[:k] for k, t in enumerate(tokens) if t[2] in MARKS), tokens)
    k = 0
    while k < len(tokens) and k < 5 and (tokens[k][2].lower() in SKIP or tokens[k][2].lower() in TIME_START):
        k += 1
    if 0 < k < len(tokens) - 1 and tokens[k][2] == "," and tokens[k + 1][2].lower() in _SCENE_OPENERS:
        return True  # '..., Hollyfield told me Tuesday, during the hours I spent there.': the scene
    if any(t[2].lower() in FINITE for t in own[:10]):
        return False  # '..., the insurance that Uber maintains on behalf of drivers will kick in'

    if not words or tokens[0][2] == ",":
        return True
    first = words[0][2].lower()
    if first in COMPLEMENTIZERS:
        return False
    if k and (k == len(tokens) or tokens[k][2] in {",", ".", ";"}):
        return True
    if first == "to" and len(words) > 1 and _infinitive(words[1][2]):
        return False  # "..., Trump continues to build his lead": a verb chain, not a hearer
    return len(words) <= 8 and (
        first in TIME_START or first in {"in", "at", "to", "after", "before", "while", "whilst", "when"}
    )


_QUOTATION_CLOSED_RE = re.compile(r"[,?!][\"”’'»]+\s")


def _final_attribution(text: str, cue: str, cue_end: int, sent_end: int) -> tuple[int, Span | None] | None:
    """Where a sentence-closing attribution ends and its hearer, or None when a clause follows
    the cue. '..., a source said on Monday.' ends at the cue; '..., a spokesman told The Wall
    Street Journal.' and '..., Carter told a Senate panel Wednesday.' end after the hearer
    (with up to two lower-case nouns of its name), while 'told reporters he would ...' goes on."""
    if _quotation_next(text, cue_end, sent_end):
        return None  # 'someone had asked me, "Is X in Heat?"': the quotation is what was said
    if _clause_final(text, cue_end, sent_end):
        return cue_end, None
    if cue not in ADDRESSEE_VERBS:
        return None
    hearer, after = addressee_after(text, cue_end, sent_end)
    if hearer is None or _quotation_next(text, after, sent_end):
        return None
    for tok in tokenize(text, after, min(sent_end, after + 40), 3)[:2]:
        if _clause_final(text, after, sent_end):
            break
        word = tok[2]
        low = word.lower()
        if not (word.isalpha() and word.islower()) or low in FINITE or low in COMPLEMENTIZERS:
            return None
        if low in TIME_START or low in PREPOSITIONS or low in PRONOUNS or low.endswith(("ed", "ing")):
            return None
        after = tok[1]
        hearer = (hearer[0], after)
    return (after, hearer) if _clause_final(text, after, sent_end) else None


def _subordinate_only(text: str, start: int, end: int) -> bool:
    """'When I finally knocked on the door, the grandfather answered.': the words before the
    comma are a subordinate clause alone (no comma of a main clause after it), so they are
    the scene of the cue, not what was said."""
    first = WORD_RE.search(text, start, end)
    if first is not None and first.group().lower() in {"and", "but", "so"}:
        first = WORD_RE.search(text, first.end(), end)  # 'And while the two stars ...,'
    return first is not None and first.group().lower() in SUBORDINATORS and "," not in text[first.end() : end]


def _quotation_next(text: str, pos: int, end: int) -> bool:
    """A quotation opens right after ``pos`` (maybe after a comma or colon)."""
    rest = text[pos : min(end, pos + 6)].lstrip(" \t\u00a0,:")
    return rest[:1] in MARKS


def _infinitive(word: str) -> bool:
    """After 'to', a lower-case word that is no determiner, pronoun or plural noun is a verb
    ('to build', 'to say'); 'to reporters', 'to the crowd', 'to CNN' name a hearer."""
    low = word.lower()
    return (
        word[:1].islower()
        and low not in INFINITIVE_BLOCK
        and low not in PRONOUNS
        and low not in {"me", "him", "them", "us", "you"}
        and not low.endswith("s")
    )


_RESUME_RE = re.compile(
    r"[^,.;:!?]{0,40}?,\s+(?!who\b|which\b|whose\b|a\b|an\b|the\b|\w+ing\b|according\b|citing\b)(?=\S)",
    re.IGNORECASE,
)


_RESUME_AFTER_SPEAKER_RE = re.compile(
    # (not the writer's scene: ', as the crowd cheered', ', during a visit to ...')
    r"[^,.;:!?]{0,40}?,\s+(?!who\b|which\b|whose\b|\w+ing\b|according\b|citing\b|during\b"
    r"|as\s+(?!long\b|soon\b|well\b|much\b|far\b))(?=\S)",
    re.IGNORECASE,
)


def _resumed_end(
    text: str, cue_end: int, sent_end: int, comma: int, resume: re.Pattern[str] = _RESUME_RE
) -> int:
    """'A, Mr. Obama said, but B.': the statement resumes after the attribution; else it ends at the comma."""
    m = resume.match(text, cue_end, sent_end)
    if m is None or word_count(text, m.end(), sent_end) < 3:
        return comma
    return content_end(text, m.end(), sent_end)


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
    # 'U.S. Rep. Mike Rogers, a Republican ..., said': the abbreviations' stops are no words
    head = [t for t in tokenize(text, sent_start, min(first, sent_start + 200)) if t[2] != "."]
    return 0 < len(head) <= 6 and all(is_capitalized(t[2]) or t[2].lower() in CONNECTORS for t in head)


def _names_someone(text: str, span: Span) -> bool:
    """A capitalised name in the mention (not only a capital that opens the sentence)."""
    words = WORD_RE.findall(text, span[0], span[1])
    return any(w[:1].isupper() and w.lower() not in PRONOUNS for w in words[1:]) or (
        len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in PRONOUNS
    )


def _participle(
    text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> Found | None:
    """'X said A, adding that B' / 'X mocked it, saying B': the speaker is the sentence's subject."""
    if low in _POSTING_CUES and _shares_media(text, cue.end(), sent_end):
        return None  # '..., tweeting the cover of the next day's paper': a thing shared
    speaker = sentence_speaker
    if speaker is None:
        opening = _after_opening_quotation(text, sent_start, cue.start())
        head = tokenize(text, opening, min(cue.start(), sent_start + 300))
        if opening > sent_start:
            # '"...," Vanco shares, noting': the attribution after the quotation, its verb dropped
            head = [t for t in head if t[2] not in {",", "—", "–"}]
            while len(head) > 1 and head[-1][2].islower() and head[-1][2].endswith(("s", "ed")):
                head.pop()
        while head and (
            head[0][2].lower() in PREPOSITIONS
            or (head[0][2][:1].isupper() and head[0][2].lower().endswith(("ed", "ing")))
        ):
            # "In a column Monday, X wrote ..., arguing", "Chastened by the analyses, X
            # revised ...": skip the opening phrase
            comma = next((k for k, t in enumerate(head) if t[2] == ","), None)
            head = head[comma + 1 :] if comma is not None else []
        lead = leading_np(head)
        speaker = (lead[0][0], lead[-1][1]) if lead else None
    if speaker is None:
        speaker = leading_subject(text, sent_start, cue.start())
    if speaker is None or not source_mention(text, speaker, low):
        return None
    if (
        low in INFERENCE_PARTICIPLES
        and CUE_RE.search(text, sent_start, cue.start()) is None
        and not _names_someone(text, speaker)
    ):
        # 'the meditation group showed big drops, suggesting that ...': with no one reporting
        # in the main clause, the participle is the writer's reading of a finding
        return None
    if any(w.lower() in OBLIGATION_MODALS for w in WORD_RE.findall(text, speaker[1], cue.start())[:1]):
        # 'Creators must engage pragmatically, acknowledging that ...': what the subject must
        # or should do is the writer's prescription, not a report
        return None
    start = content_start_at(text, cue.end(), sent_end)
    end = content_end(text, start, sent_end)
    if word_count(text, start, end) < 3 or not starts_content(text, start, end):
        return None
    complement = reporting_complement(text, cue.end(), start, end, low)
    if not complement or (complement == OBJECT and low in NEEDS_THAT):
        return None  # 'before adding a scandens into the mix': 'adding' reports a clause only
    form = _form(text, complement, start, low, end)
    return Found(start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low, form=form)


_OBJECT_END_RE = re.compile(
    r"[;:]|\s+(?:and|but)\s+(?:also\s+)?(?:said|says|added|called|urged)\b"
    # 'announced a $75 billion investment, and in January it agreed to ...': a new clause
    r"|,\s+and\s+(?=(?:in|on|at|during|after|before|he|she|it|they|we|I)\b)"
    r"|,\s*(?:but|while|although|though|yet|so|because|as|whereas)\b|\s+but\s+(?!also\b)",
    re.IGNORECASE,
)


def _form(text: str, complement: int, start: int, cue: str, end: int) -> str:
    """What the reported words are to their cue (``Found.form``): a topic ('explains how the
    engine works', 'described what happened'; after 'asked' or 'wondered' the question is
    what was said), the target of a speech act ('defended the plan'), or a clause. An
    object with 'as' and what it is called ('described it as engaging', 'pointed to the
    revenue as an indicator') is a characterisation the source made: a clause."""
    opener = WORD_RE.match(text, start)
    if (
        opener is not None
        and opener.group().lower() in _TOPIC_OPENERS
        and cue.split()[0] not in QUESTIONING_CUES
        and cue not in SPEECH_ONLY  # 'said when he arrived, ...'
    ):
        return FORM_TOPIC
    if complement == OBJECT and not _AS_PREDICATE_RE.match(text, start, min(end, start + _AS_REACH)):
        return FORM_OBJECT
    return FORM_CLAUSE


_TOPIC_OPENERS = QUESTION_OPENERS - {"if", "whether"}
_AS_REACH = 80
# 'as' and a predicate, not 'as well', 'as soon as', 'as part of', 'as if', 'as a result'
_AS_PREDICATE_RE = re.compile(
    r"(?:[^.;:]*?\s)?as\s+(?!(?:well|soon|much|many|long|far|part|if|though|of|to|for|in|with|such)\b"
    r"|a\s+result\b)[\w\"“‘']",
    re.IGNORECASE,
)


def _fronted(pre: str) -> bool:
    """Nothing, or only 'Continuing to' / 'Also', opens the sentence before the cue."""
    words = pre.split()
    return not words or (len(words) <= 2 and words[0][:1].isupper() and words[-1].lower() in {"to", "also"})


def _fronted_participle(text: str, cue: re.Match[str], low: str, sent_end: int) -> Found | None:
    """'Noting he majored in philosophy, Allen said ...', 'Promising that ..., Bolton said':
    a participle clause opening the sentence reports what the subject after its comma said."""
    start = content_start_at(text, cue.end(), sent_end, low)
    comma = text.find(",", start, sent_end)
    if comma < 0 or not starts_content(text, start, comma):
        return None
    if not reporting_complement(text, cue.end(), start, comma, low):
        return None
    lead = leading_np(tokenize(text, comma + 1, min(sent_end, comma + 200)))
    if not lead:
        return None
    speaker = (lead[0][0], lead[-1][1])
    if not plausible_speaker(text, speaker) or not source_mention(text, speaker, low):
        return None
    return Found(start, comma, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)


_TOPIC_RE = re.compile(r"about\s+", re.IGNORECASE)
_OF_RE = re.compile(r"\s+of\b", re.IGNORECASE)
_FOR_EXAMPLE_RE = re.compile(r",?\s*[$£€]?\d")


def _group_given_a_task(before: list[str]) -> bool:
    """The words before 'asked' end in a plural common noun and 'were'/'are' ('Participants
    were asked', 'users are asked'): a group set a task."""
    words = [w.lower() for w in before]
    if words[-2:] in (["have", "been"], ["had", "been"]):
        words = words[:-1]
        words[-1] = "were"
    if len(words) < 2 or words[-1] not in {"were", "are"}:
        return False
    noun = words[-2]
    return noun.endswith("s") and not noun.endswith("ss") and noun not in PRONOUNS


def _asked(text: str, cue: re.Match[str], sent_start: int, sent_end: int) -> Found | None:
    """'Asked about the bombing, Clinton said ...', 'when asked if he was bullied', 'the
    actress was asked what happened': a reported question whose asker goes unnamed (or is
    named after 'by'). The content is the question: after 'about', or from 'if' / a
    wh-word / 'to'; it ends at the next comma."""
    before = WORD_RE.findall(text, max(sent_start, cue.start() - 30), cue.start())
    if before and before[-1].lower() not in ASKED_BEFORE:
        return None
    if any(w.lower() in {"i", "we", "you"} for w in before[-3:]):
        return None  # 'I was asked to catch droplets': the page's own voice, asked to do something
    tokens = tokenize(text, cue.end(), min(sent_end, cue.end() + 300), 40)
    speaker: Span | None = None
    k = 0
    if cue.group().lower().endswith("about"):
        k = -1  # the content starts right after the cue
    else:
        while k < len(tokens) and k < 8:
            low = tokens[k][2].lower()
            if low == "about" or low in QUESTION_OPENERS or low == "to":
                break
            if low == "by" and speaker is None:
                np = np_after(text, tokens[k][1], sent_end)
                if np is None:
                    return None
                speaker = np
                while k < len(tokens) and tokens[k][0] < np[1]:
                    k += 1
                continue
            k += 1  # 'Asked on Fox News who ...', 'asked Tuesday whether ...'
        if k >= len(tokens) or k >= 8:
            return None
    if k >= 0 and tokens[k][2].lower() == "to" and speaker is None and _group_given_a_task(before):
        # 'Participants were asked to rate ...': a task set for a group, no words said ('Sanders
        # was asked to name a decision', 'Asked to explain, he said' are reporters' questions)
        return None
    if k == -1:
        start = cue.end()
    elif tokens[k][2].lower() == "about":
        start = tokens[k][1]
    else:
        start = tokens[k][0]
    comma = text.find(",", start, sent_end)
    end = comma if comma >= 0 else sent_end
    start, end = strip_span(text, start, end)
    if word_count(text, start, end) < 2:
        return None
    spk = text[speaker[0] : speaker[1]] if speaker else None
    return Found(
        start,
        end,
        "",
        "indirect",
        spk,
        speaker[0] if speaker else None,
        " ".join(cue.group().split()).lower(),
    )


def _object_report(
    text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> Found | None:
    """'X cited several factors', 'X called for lower taxes', 'X accused Y of Z': the object is
    the content."""
    pre = text[sent_start : cue.start()].rstrip()
    if low == "called" and names_something(text, sent_start, cue.start(), cue.end()):
        return None
    if low.split()[0].endswith("ing") and pre.endswith(","):
        speaker = sentence_speaker
        if speaker is None:
            speaker = leading_subject(text, sent_start, cue.start())
    else:
        speaker = speaker_before(text, sent_start, cue.start())
    if speaker is None or not plausible_speaker(text, speaker) or not source_mention(text, speaker, low):
        return None
    if _word_right_before(text, sent_start, speaker[0]) in {"which", "whom"}:
        return None  # 'Mr. Bush, whom he attacked viciously': the object is the relative pronoun
    if low.split()[0].endswith("ing") and not _finite_participle(text, sent_start, speaker, cue.start()):
        return None  # 'Original paper calling for ...': a noun and its participle
    start = cue.end()
    prep = OBJECT_PREP.get(low)
    if prep is not None:
        hit = next(
            (t for t in tokenize(text, start, min(sent_end, start + 120))[:8] if t[2].lower() == prep), None
        )
        start = hit[1] if hit else start
    start = content_start_at(text, start, sent_end)
    # a that-clause runs to its sentence's end ('pointed out that one shooting may have more
    # than one victim, so thousands of victims ...'); an object ends at the next clause
    m = None if _opens_with_complementizer(text, start) else _OBJECT_END_RE.search(text, start, sent_end)
    end = content_end(text, start, m.start() if m else sent_end)
    if _in_subordinate_clause(text, sent_start, speaker[0], as_too=True):
        end = _first_comma(text, start, end)  # 'Since she mentioned X, I wanted ...'
    if word_count(text, start, end) < 2 or not starts_content(text, start, end, NOT_OBJECT_START):
        return None
    if _shares_media(text, start, end):
        return None
    presented = _words_after_colon(text, start, end, sent_end)
    if presented is not None:
        if presented[0] == presented[1]:
            return None
        return Found(*presented, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)
    if low.startswith(("dismiss", "den")) and _object_has(text, start, end, ACT_OBJECTS):
        return None  # 'dismissed all pending lawsuits', 'denied the motion': an act in court
    first = WORD_RE.match(text, start)
    if first is not None and first.group().lower() in GAP_VERBS:
        return None  # 'Companies mentioned in this article are used as ...': a participle
    if low in {"call", "calls", "called", "calling"} and _phoned(text, start, end):
        return None  # 'the agent called me and walked me through it': a phone call
    tokens = tokenize(text, start, min(end, start + 200), 20)
    # (up to a joiner: 'described things in different ways and our practices changed' has
    # its verb in the second clause only)
    joiner = next((k for k, t in enumerate(tokens) if t[2].lower() in {"and", "but", ","}), len(tokens))
    clause = tokens and (tokens[0][2].lower() in COMPLEMENTIZERS or finite_clause(tokens[:joiner]))
    form = _form(text, CLAUSE if clause else OBJECT, start, low, end)
    return Found(start, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low, form=form)


def _inside_parentheses(text: str, pos: int, sent_start: int, sent_end: int) -> Span:
    """The bounds a cue reads its speaker and words in: its sentence, or the parenthesis it
    stands in ('... Central Park (representatives of the estates say they are unaware of such
    a shelter). As governor, ...': the aside is a sentence of its own)."""
    opening = text.rfind("(", sent_start, pos)
    if opening < 0 or text.find(")", opening, pos) >= 0:
        return sent_start, sent_end
    closing = _matching_paren(text, opening, sent_end + 200)
    if closing < 0:
        return sent_start, sent_end
    if (
        WORD_RE.findall(text, opening, pos)[:1] in (["who"], ["which"])
        and word_count(text, opening, pos, 3) < 2
    ):
        return sent_start, closing  # 'representatives (who say they are unaware)': its antecedent speaks
    return opening + 1, closing


_ANONYMITY_RE = re.compile(
    r"\s+(?:not\s+to\s+be\s+(?:identified|named|quoted)|that\s+(?:his|her|their)\s+names?\s+not\s+be"
    r"|for\s+anonymity|to\s+remain\s+anonymous)\b",
    re.IGNORECASE,
)
# 'reported to them since June', 'reports directly to the CEO.': whom one works under
_REPORTS_TO_RE = re.compile(
    r"\s+(?:directly\s+)?to\s+(?:him|her|them|me|us|the\s+\w+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    r"(?:\s+(?:since|for|until|directly)\b|\s*[.,;)]|\s*\Z)"
)


def _matching_paren(text: str, opening: int, limit: int) -> int:
    """The ')' closing the '(' at ``opening`` (one inside a quotation in it is passed over:
    '(X says "dietary restriction (either ...) has not ...")'), or -1 before ``limit``."""
    depth = 0
    for k in range(opening, min(limit, len(text))):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    return -1


def _relative_clause_end(text: str, speaker: Span, start: int, end: int) -> int:
    """'The company, which said it would cut jobs, declined to comment', 'Netanyahu — who said
    he was ready — doesn't know': after a relative pronoun set off by a comma or dash the
    reported words end where the main clause's verb comes back after the same mark."""
    if text[speaker[0] : speaker[1]].lower() not in {"who", "which"}:
        return end
    opener = text[max(0, speaker[0] - 3) : speaker[0]].strip()[-1:]
    if opener not in {",", "—", "–", "-"}:
        return end
    closer = re.compile(r",\s+" if opener == "," else r"\s*[—–]\s*|\s+--?\s+")
    for m in closer.finditer(text, start, end):
        words = [t[2] for t in tokenize(text, m.end(), min(end, m.end() + 30)) if t[2][0].isalnum()][:2]
        if words and words[0].lower() in _MAIN_CLAUSE_ADVERBS:
            words = words[1:]
        # (only after a clause of the relative's own: 'that the two men, and Mr. Cruz in
        # particular, must do more' goes on to its verb)
        if words and _main_verb(words[0]) and any(_main_verb(t[2]) for t in tokenize(text, start, m.start())):
            return m.start()
    return end


# A quotation of capitalised words (a title, with its minor words) followed by a comma
_TITLE_QUOTATION_RE = re.compile(
    r"[\"“](?:[A-Z0-9][\w'’-]*|(?:a|an|the|of|and|or|in|on|to|for|with|at|by|from)\b)"
    r"(?:[\s:,-]+(?:[A-Z0-9][\w'’-]*|(?:a|an|the|of|and|or|in|on|to|for|with|at|by|from)\b)){1,15}[,.]?[\"”]"
)
_MAIN_CLAUSE_ADVERBS = frozenset({"also", "then", "now", "still", "later", "quickly", "recently", "never"})


def _main_verb(word: str) -> bool:
    """A finite verb or auxiliary ('declined', 'has', "doesn't", 'told'), lower case."""
    return word[:1].islower() and (verb_like_word(word) or word.lower().endswith(("n't", "n’t")))


def _words_after_colon(text: str, start: int, end: int, sent_end: int) -> Span | None:
    """The words a short object only presents: a noun phrase headed by a speech noun or a
    finding before a colon ('pointed out one of the more interesting findings from the
    study: The intensity ...'); the statement is what follows the colon (an empty span when
    fewer than three words do: 'tweeted a concession early Wednesday:'). None when the
    object is the statement ('describes AI as a double-edged sword: ...')."""
    colon = text.find(":", end, sent_end)
    if colon < 0 or text[end:colon].strip() or word_count(text, start, end) > 8:
        return None
    words = [w.lower() for w in WORD_RE.findall(text, start, end)[:6]]
    if not any(w in SPEECH_NOUNS or w in FINDING_NOUNS for w in words):
        return None
    said = content_start_at(text, colon + 1, sent_end)
    said_end = content_end(text, said, sent_end)
    return (said, said_end) if word_count(text, said, said_end) >= 3 else (said, said)


_POSTING_CUES = frozenset({"tweeting", "posting", "sharing", "shared", "shares"})
_QUANTITY_NOUNS = frozenset(
    {"series", "number", "lot", "couple", "set", "list", "bunch", "string", "barrage"}
)
_OBJECT_DETERMINERS = DETERMINERS | {"this", "that", "these", "those", "my", "our", "your"}


def _shares_media(text: str, start: int, end: int) -> bool:
    """The object's head is a thing posted ('tweeted this photo', 'posted a video of'): ``MEDIA_OBJECTS``."""
    return _object_has(text, start, end, MEDIA_OBJECTS)


def _object_has(text: str, start: int, end: int, nouns: frozenset[str], head_only: bool = False) -> bool:
    """The object's noun phrase, up to its first preposition, clause word or punctuation and
    at most four words after its determiners, holds one of ``nouns`` ('all pending lawsuits',
    'a series of personal questions'); with ``head_only`` its last word must ("the attorney
    general's office last week", not 'the police shootings')."""
    stop = _PHRASE_STOP_RE.search(text, start, min(end, start + 80))
    found: list[str] = WORD_RE.findall(text, start, stop.start() if stop else min(end, start + 80))
    words: list[str] = []
    for word in found:
        low = word.lower()
        if (low in PREPOSITIONS and not (low == "of" and words and words[-1] in _QUANTITY_NOUNS)) or (
            low in _CLAUSE_WORDS or len(words) == 4
        ):
            break  # ('a series of personal questions': 'of' after a quantity goes on)
        if low in TIME_START and words:
            break  # 'the office last week'
        if low not in _OBJECT_DETERMINERS and low not in {"all", "s"}:
            words.append(low)
    if head_only:
        return bool(words) and words[-1] in nouns
    return any(w in nouns for w in words)


_PHRASE_STOP_RE = re.compile(r"[,;:.!?(]")
_CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "and", "or", "whether", "if", "how", "what", "why", "when", "where"}
)


def _phoned(text: str, start: int, end: int) -> bool:
    """'called me and ...', 'called us back', 'called them at home': a person called on the
    phone, not 'called me a liar' (naming someone)."""
    words = [w.lower() for w in WORD_RE.findall(text, start, min(end, start + 40))[:2]]
    if len(words) == 2 and words[0] in OBJECT_PRONOUNS and words[1] in PHONED_NEXT:
        return True
    if _CALLED_NAME_RE.match(text, start, min(end + 12, start + 80)):
        return True  # 'Murdoch called Ailes at home', 'Trump called Ailes and screamed': a call
    if _object_has(text, start, end, PHONED_OBJECTS, head_only=True):
        return True  # "called the attorney general's office last week", 'called police'
    if words[:1] == ["into"]:
        return True  # 'she called into the radio program'
    if text[max(0, start - 6) : start].lower().rstrip().endswith(" into"):
        return True
    # 'when she called the owner back': someone called back is phoned
    return bool(_CALLED_BACK_RE.match(text, start, min(end, start + 60)))


# A name alone as the object, then what a call comes with ('at home', 'and screamed', ', ...')
_CALLED_NAME_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][a-z][\w'’-]+(?:\s+(?:at|and|on|from|to)\b|\s*[,;]|\s*\.?\s*\Z)"
)
_CALLED_BACK_RE = re.compile(r"(?:the\s+|her\s+|his\s+|their\s+)?[\w'’-]+\s+back\b", re.IGNORECASE)


def _relative_gap(text: str, sent_start: int, speaker: Span, start: int, end: int) -> tuple[int, Span] | None:
    """'the rules, which officials said will start in May', 'what she said is growing demand':
    the cue sits in a relative clause whose pronoun is the subject (or object) of what was
    said. Returns the pronoun's offset and the speaker without it, or None. 'that' is left
    out: it is as often the complementizer ('argued that officials say the plan works')."""
    words = tokenize(text, max(sent_start, speaker[0] - 40), speaker[1])
    k = next((i for i, t in enumerate(words) if t[0] >= speaker[0]), None)
    if k is None:
        return None
    if words[k][2].lower() in GAP_RELATIVES and len(words) - k > 1:
        pronoun, speaker = words[k], (words[k + 1][0], speaker[1])
    elif k > 0 and words[k - 1][2].lower() in GAP_RELATIVES:
        pronoun = words[k - 1]
    else:
        return None
    if not pronoun[2].islower():
        return None  # 'What the mayor said was wrong.': a subject clause, the writer's verdict
    if pronoun[2] in {"who", "whom"} and not _relative_subject(text, speaker):
        return None  # 'who in 2010 said', 'who helped found EDGE said': 'who' is the speaker
    j = words.index(pronoun)
    if pronoun[2].lower() == "which" and j > 0 and words[j - 1][2].lower() in PREPOSITIONS:
        # 'a debate in which he said ...': the pronoun is a circumstance, not the words ('to
        # what she said is ...' is what she said)
        return None
    if len(tokenize(text, speaker[0], speaker[1], 6)) > 5:
        return None  # a short subject only: 'which advocates say', 'what many analysts said'
    head = tokenize(text, start, end, 1)
    if not head or not head[0][2][:1].isalnum():
        return None  # '..., which the customers deny.': nothing after the cue is reported
    if pronoun[2].lower() == "what" and head[0][2].lower() not in GAP_VERBS:
        return None
    return pronoun[0], speaker


def _relative_subject(text: str, speaker: Span) -> bool:
    """The words between 'who' and its cue are a subject of their own ('who police said', 'who
    she says', 'who Ms. Lee said'): a pronoun, a determiner, a name or a source noun, with no
    verb; not a time phrase or the pronoun's own verb ('who in 2010 said', 'who helped found
    EDGE, said')."""
    words = tokenize(text, speaker[0], speaker[1])
    if not words or not plausible_speaker(text, speaker):
        return False
    first = words[0][2]
    return (
        first.lower() in PRONOUNS
        or first.lower() in DETERMINERS
        or (is_capitalized(first) and first.lower() not in PREPOSITIONS)
        or is_source_noun(words[-1][2])
    )


def _relative_end(text: str, pronoun: int, end: int) -> int:
    """A relative clause set off by a comma or a dash ('the rules, which officials said will
    start in May, do not ...') ends at the next one; else the clause runs on to ``end``."""
    before = text[max(0, pronoun - 3) : pronoun].rstrip()
    if not before.endswith((",", "—", "–", "-")):
        return end
    for k in range(pronoun, end):
        if text[k] == "," or text[k] in "—–":
            return k
    return end


# What opens an amount ('20%', '$5', '€10'): after 'added' a sum, not something said
_AMOUNT_OPENERS = frozenset("0123456789$€£¥")


def _interrupted_relative(text: str, sent_start: int, speaker_start: int) -> int:
    """Where the words a parenthetical 'he says' reports begin: at a relative pronoun opening
    its clause right before the cue ('..., who, he says, taught him', 'types that, they claim,
    behave'), else the sentence start."""
    before = text[sent_start:speaker_start].rstrip().rstrip(",")
    words = list(WORD_RE.finditer(before))
    if len(words) < 3 or words[-1].group().lower() not in {"who", "which", "that"}:
        return sent_start
    at = sent_start + words[-1].start()
    lead = text[max(sent_start, at - 3) : at].rstrip()
    # 'two new types of infinity that, they claim, don't behave': 'that' needs no comma before it
    return at if words[-1].group().lower() == "that" or lead.endswith((",", "—", "–", "-")) else sent_start


def _interrupts(text: str, sent_start: int, speaker_start: int, cue_end: int, sent_end: int) -> bool:
    """'A, he said, B': commas on both sides of 'he said' and words on both sides of the commas."""
    before = text[sent_start:speaker_start].rstrip()
    if not before.endswith(",") or word_count(text, sent_start, speaker_start) < 2:
        return False
    tokens = tokenize(text, cue_end, min(sent_end, cue_end + 80))
    k = 0
    while k < len(tokens) and k < 4 and (tokens[k][2].lower() in SKIP or tokens[k][2].lower() in TIME_START):
        k += 1
    if k + 1 < len(tokens) and tokens[k][2] == "," and tokens[k + 1][2] in MARKS:
        return False  # 'For example, X told the Post, "...": the quotation after the comma is the report
    return k < len(tokens) and tokens[k][2] == "," and word_count(text, tokens[k][1], sent_end) >= 3


def _inverted_short(text: str, cue: re.Match[str], low: str, sent_start: int, sent_end: int) -> Found | None:
    """German '..., so der Sprecher.': a short cue, then only the speaker up to the sentence end."""
    spk = inverted_short_speaker(text, cue.end(), sent_end)
    if spk is None:
        return None  # English '..., so we left.' is a clause, not a source
    comma = cue.start() - 2
    if word_count(text, sent_start, comma) < 3:
        return None
    return Found(sent_start, comma, "", "indirect", text[spk[0] : spk[1]], spk[0], low)


def _title_cased(text: str, cue: re.Match[str]) -> bool:
    """A headline ('Paul Ryan Says He Is Not Ready'): a capitalised cue reports speech there
    when it is inflected and most words around it are capitalised too; all-capital text
    (legal boilerplate) and a lone capitalised noun ('all Claims') are not headlines."""
    word = cue.group().split()[0]
    if word.isupper() or not word.lower().endswith(("s", "ed", "ing")):
        return False
    around = LETTERS_RE.findall(text[max(0, cue.start() - 60) : cue.end() + 60])
    capital = sum(1 for w in around if w[:1].isupper())
    return capital >= 0.6 * max(1, len(around))


_WORD_BEFORE_RE = re.compile(r"\b(\w+) $")
_HEARER_TO = tuple(f"{hearer} to " for hearer in GENERIC_HEARERS)  # 'asks you to ...'


def _after_possessive(text: str, sent_start: int, cue_start: int) -> bool:
    """A possessive ends right before the cue, one space or more between ("the union's
    demands"; not a contraction: "he's said", "no one's claimed")."""
    last = tokenize(text, max(sent_start, cue_start - 40), cue_start)[-1:]
    return bool(last) and not text[last[0][1] : cue_start].strip() and possessive(last[0][2])


_DISCOURSE_RE = re.compile(
    r"\b(?:" + "|".join(p.replace(" ", r"\s+") for p in DISCOURSE_PHRASES) + r")\b", re.IGNORECASE
)


def _clause_follows(text: str, cue: re.Match[str], low: str, sent_end: int) -> bool:
    """After the cue (and its hearer), a that-clause, a quotation or a finite clause."""
    after = cue.end()
    if low in ADDRESSEE_VERBS:
        after = max(after, addressee_after(text, cue.end(), sent_end)[1])
    start = content_start_at(text, after, sent_end, low)
    tokens = tokenize(text, start, min(sent_end, start + 200), 20)
    if not tokens:
        return False
    first = tokens[0][2]
    if first.lower() == "to" and len(tokens) > 1 and tokens[1][2][:1].islower():
        return True  # 'by proposing to scale back the rule': an infinitive report
    return first.lower() in CLAUSE_OPENERS or first in MARKS or finite_clause(tokens)


def _comma_without_quotation(text: str, cue_end: int, sent_end: int) -> bool:
    """After 'called', a comma and no quotation close by: a phone call ('Customer today called,
    been without power'), not 'called, "This is a disaster"' or 'called Smith a liar'."""
    tokens = tokenize(text, cue_end, min(sent_end, cue_end + 80), 4)
    if not tokens or tokens[0][2] != ",":
        return False
    return not any(t[2] in MARKS for t in tokens)


def _word_right_before(text: str, sent_start: int, cue_start: int) -> str:
    """The word just before the cue, with one space between them ('' when there is none)."""
    m = _WORD_BEFORE_RE.search(text, max(sent_start, cue_start - 30), cue_start)
    return m.group(1).lower() if m else ""


def _reported_one(
    text: str, cue: re.Match[str], sent_start: int, sent_end: int, sentence_speaker: Span | None
) -> Found | None:
    """Read one cue with its sentence; None when it is not reported speech."""
    low = " ".join(cue.group().split()).lower()
    sent_start, sent_end = _inside_parentheses(text, cue.start(), sent_start, sent_end)
    before = WORD_RE.findall(text, max(sent_start, cue.start() - 20), cue.start())
    if (
        before
        and before[-1].lower() in NOUN_MARKERS
        and before[-1].lower() not in CUE_AUX.get(low, ())  # 'Le maire a déclaré'
        and not cue.group("acc")
    ):
        return None  # 'the demands of', 'his claims', 'a warning': the cue word is a noun
    if _after_possessive(text, sent_start, cue.start()):
        return None  # "the union's demands cost", "Trump's remarks": after a possessive, a noun
    if _DISCOURSE_RE.search(text, max(sent_start, cue.start() - 24), min(sent_end, cue.end() + 12)):
        return None  # 'Having said that, ...', 'All that said, ...': a set phrase
    right_before = _word_right_before(text, sent_start, cue.start())
    if right_before in WORKS_BEFORE_NOUN:
        return None  # 'it works wonders', 'does wonders for': the cue word is the verb's object
    if low.endswith("ed") and right_before in ADJECTIVE_BEFORE:
        return None  # 'to make informed decisions', 'a well informed reader': an adjective
    if (
        low.endswith("ed")
        and right_before.endswith("ly")
        and _ADJECTIVE_ADVERB_RE.search(text, max(sent_start, cue.start() - 40), cue.start())
    ):
        # 'The most commonly reported effects', 'a widely cited study': an adjective ('The
        # company recently reported', 'and most recently defended' are verbs)
        return None
    if low.endswith("s") and text[max(0, cue.start() - 2) : cue.start()].strip()[-1:].isdigit():
        return None  # '¥1,000 notes', '2 reports': a counted noun
    if low.endswith("s") and low not in TOPIC_CUES and _OF_RE.match(text, cue.end()):
        return None  # 'the unique demands of event work', 'reports of fraud': a plural noun
    if low.startswith(("ask", "request")) and _ANONYMITY_RE.match(text, cue.end()):
        return None  # 'who asked not to be identified': the source's terms, not words reported
    if low.startswith("report") and _REPORTS_TO_RE.match(text, cue.end()):
        return None  # 'Ailes has reported to them since June 2015': a line of command
    if text[cue.end() : cue.end() + 1] == "(" or text[cue.start() - 1 : cue.start()] in {".", "_"}:
        return None  # 'Logger.warning()', 'warning(': a name in code
    if cue.group()[:1].isupper() and text[max(0, cue.start() - 2) : cue.start()] == ", ":
        return None  # 'Insurance Sales Representative, Claims Adjuster': a list of titles
    if cue.group()[:1].isupper() and text[max(0, cue.start() - 3) : cue.start()].rstrip()[-1:] in _LABEL_ENDS:
        # 'Reconciliation Features: Say goodbye to ...', 'Court: Explains how ...': a label
        return None
    if cue.group()[:1].isupper() and not sentence_initial(text, cue.start()) and not _title_cased(text, cue):
        return None  # 'Lean Startup Week Call for Proposals', 'all Claims between you': a noun
    if cue.group("inv"):
        return _inverted_short(text, cue, low, sent_start, sent_end)
    if cue.group("after"):
        return None  # "X zufolge": rare; left to future work
    if cue.group("acc"):
        return according_report(text, cue, sent_start, sent_end)
    if _REFERENCE_AFTER_RE.match(text, cue.end()):
        return None  # 'the improvements mentioned above', 'as described below': the page's own text
    if writers_question(text, sent_start, sent_end):
        return None  # 'Who is responsible for approving or denying these requests?'
    if low in _RECALLS and _COUNT_AFTER_RE.match(text, cue.end()):
        return None  # 'Ford recalls 1.74 million of its cars': a product recall, not a memory
    if low == "say" and _FOR_EXAMPLE_RE.match(text, cue.end()):
        return None  # 'if each plays, say, 1,000 minutes': 'for example'
    if low in {"asked", "asked about"}:
        question = _asked(text, cue, sent_start, sent_end)
        if question is not None:
            return question
    if low == "called" and _comma_without_quotation(text, cue.end(), sent_end):
        return None  # 'Customer today called, been without A/C for four days'
    if (
        low.split(" ")[0].endswith("ing")
        and right_before in PREPOSITIONS
        and not _clause_follows(text, cue, low, sent_end)
    ):
        # 'book by calling our center', 'plan budgets better by predicting costs', 'a role in
        # predicting habit formation': a gerund named as a means or a topic ('criticised for
        # saying he would ...', 'after telling his aides he planned ...' still report)
        return None
    if low in OBJECT_CUES and low not in VERBS:
        return _object_report(text, cue, low, sent_start, sent_end, sentence_speaker)
    pre = text[sent_start : cue.start()].rstrip()
    if _passive_before(pre):
        return None  # 'practices are consistently met and maintained': a passive pair
    if low.endswith("ing") and _fronted(pre):
        return _fronted_participle(text, cue, low, sent_end)
    # '... a defense of "New York values," saying ...': the comma may sit inside the closing mark
    if low.endswith("ing") and (
        pre.rstrip("".join(ALL_CLOSERS)).endswith(",")
        or pre.split()[-1:] in (["despite"], ["by"], ["after"], ["before"])
    ):
        return _participle(text, cue, low, sent_start, sent_end, sentence_speaker)
    # "..., said Jeffrey Trimble, a senior official."  (inverted, content first)
    if pre.endswith(",") and low not in ADDRESSEE_VERBS and _inverted_speaker_ok(text, cue.end(), sent_end):
        after = np_after(text, cue.end(), sent_end)
        comma = sent_start + len(pre) - 1
        if (
            after
            and _ends_inverted(text, after, low, sent_end)
            and plausible_speaker(text, after)
            and source_mention(text, after, low)
            and word_count(text, sent_start, comma) >= 3
            and not _is_parenthetical_subject(text, sent_start, comma)
        ):
            return Found(sent_start, comma, "", "indirect", text[after[0] : after[1]], after[0], low)
    if sentence_speaker is not None and _AND_BEFORE_RE.search(
        text, max(sent_start, cue.start() - 20), cue.start()
    ):
        speaker: Span | None = sentence_speaker  # 'in which Trump called himself X and admitted that'
    else:
        speaker = speaker_before(text, sent_start, cue.start())
    first_word = low.split()[0]
    if (
        speaker is None
        and pre.endswith((",", " and", " but", " und"))
        # ', maintain your response': a bare base form after a comma is an instruction
        and (first_word.endswith(("ed", "s", "ing")) or first_word in FINITE or not pre.endswith(","))
    ):
        if sentence_speaker is not None:
            speaker = sentence_speaker
        else:
            speaker = leading_subject(text, sent_start, cue.start())
    if speaker is None or not plausible_speaker(text, speaker) or not source_mention(text, speaker, low):
        return None
    if first_word.endswith("ing") and not _finite_participle(text, sent_start, speaker, cue.start()):
        return None  # 'Establish clear policies describing how ...': a noun and its participle
    # "..., a source said."  (speaker and cue close the sentence)
    comma = text.rfind(",", sent_start, speaker[0])
    tail = _final_attribution(text, low, cue.end(), sent_end)
    if tail is not None and tail[1] is not None and _QUOTATION_CLOSED_RE.search(text, sent_start, comma):
        tail = None  # '"A," Doug Andres, a spokesman for X told the Post.': the quotation's own
    if (
        comma > sent_start
        and not text[comma + 1 : speaker[0]].strip()
        and tail is not None
        and word_count(text, sent_start, comma) >= 3
        and not is_intro_phrase(text, sent_start, comma)
        and not _subordinate_only(text, sent_start, comma)
    ):
        tail_end, hearer = tail
        end = _resumed_end(text, tail_end, sent_end, comma, _RESUME_AFTER_SPEAKER_RE)
        opening = _interrupted_relative(text, sent_start, speaker[0]) if end > tail_end else sent_start
        return Found(
            opening,
            end,
            "",
            "indirect",
            text[speaker[0] : speaker[1]],
            speaker[0],
            low,
            text[hearer[0] : hearer[1]] if hearer else None,
        )
    addressee = None
    start = cue.end()
    if low in ADDRESSEE_VERBS:
        addressee, start = addressee_after(text, cue.end(), sent_end)
        start = max(start, cue.end())
    if _interrupts(text, sent_start, speaker[0], start, sent_end):
        # "The museum, Mr. Obama said, would make ...": the statement is the whole sentence,
        # or the relative clause the cue interrupts ('named it after his mom — who, he
        # says, taught him everything')
        end = content_end(text, start, sent_end)
        opening = _interrupted_relative(text, sent_start, speaker[0])
        return Found(opening, end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)
    after_cue = start
    start = content_start_at(text, start, sent_end, low)
    end = content_end(text, start, sent_end)
    end = _relative_clause_end(text, speaker, start, end)
    if _word_right_before(text, sent_start, speaker[0]) in {"who", "which"}:
        end = _first_comma(text, start, end)  # 'Doocy, who she said condescended to her, ...'
    if text[after_cue:start].strip() == ":" and start < sent_end and _quotes_a_post(text, low, speaker):
        # 'Jane Smith wrote: A. B. C.', 'nevergrowupever said: A. B.': the words after a
        # colon, unquoted, run to the paragraph's end, as a forum post quotes another ('You
        # know what they say: safety first.' ends with its sentence)
        end = content_end(text, start, paragraph_end(text, start))
    gap = _relative_gap(text, sent_start, speaker, start, end) if addressee is None else None
    if gap is not None:
        pronoun, speaker = gap
        rel_end = _relative_end(text, pronoun, end)
        return Found(pronoun, rel_end, "", "indirect", text[speaker[0] : speaker[1]], speaker[0], low)
    if _in_subordinate_clause(
        text, sent_start, speaker[0], as_too=text[cue.end() : cue.end() + 1] != ","
    ) or (text[sent_start : speaker[0]].strip().lower() == "with"):
        # ('With critics saying the plan fails, the council ...': the same for a fronted
        # absolute clause)
        # 'When SEO companies say they review your site, those are ...': the main clause
        # after the subordinate one's comma is the writer's
        end = _first_comma(text, start, end)
    if word_count(text, start, end) < 2 or not starts_content(text, start, end):
        return None
    if text[after_cue:start].rstrip().endswith(",") and _TITLE_QUOTATION_RE.match(text, start):
        return None  # 'wrote in her book, "The Accordion Family: Boomerang Kids ...,"': its title
    if low in TOPIC_OF_CUES and _ABOUT_TOPIC_RE.match(text, start):
        return None  # 'what other shoppers are saying about a product': the topic only
    if _as_they_say(text, sent_start, speaker, cue):
        return None  # 'As they say, once the bullets start flying, ...': a saying, no source
    if low.startswith("add") and text[start : start + 1] in _AMOUNT_OPENERS:
        return None  # 'then added 20% tip', 'added $5 to the bill': a sum, not words
    if low in _ADDED and not text[after_cue:start].strip() and _plain_object(text, start, end):
        return None  # 'Hoka added winglets to the plates', 'It added many UI details': a thing
    if (low in WRITING_CUES or low in _POSTING_CUES) and (
        _shares_media(text, after_cue, end) or _object_has(text, after_cue, end, WORK_NOUNS)
    ):
        return None  # 'tweeted this photo', 'wrote an anonymous blog called ...': a thing made
    if low.startswith("ask") and _object_has(text, cue.end(), end, QUESTION_NOUNS):
        return None  # 'asked a series of personal questions to ...': the questions are not given
    complement = reporting_complement(text, after_cue, start, end, low)
    if not complement or (complement == CLAUSE and word_count(text, start, end) < 3):
        return None  # 'questioned his sincerity' is a speech act; 'said it' is no clause
    content_lead = text[after_cue:end].lstrip().lower()
    if low.startswith(("tell", "told", "ask")) and content_lead.startswith(_HEARER_TO):
        # 'Decorilla asks you to fill out a questionnaire', 'what the data tells you to do': how
        # a thing works, told to the reader ('Bernard urges you to consult an expert' is advice)
        return None
    if (
        addressee is not None
        and text[addressee[0] : addressee[1]].lower() in GENERIC_HEARERS
        and not (content_lead.startswith(tuple(COMPLEMENTIZERS)) or content_lead[:1] in MARKS)
    ):
        # 'The % Daily Value tells you how much ...', 'the command tells you little': the
        # reader as hearer is a figure of speech unless what follows is said ('told you that')
        return None
    if complement == OBJECT:
        # 'denied accusations of espionage, but as the trade war escalates, ...': the object
        # ends where the narrator's next clause begins
        m = _OBJECT_END_RE.search(text, start, end)
        end = content_end(text, start, m.start()) if m else end
        if _shares_media(text, after_cue, end):
            return None
        presented = _words_after_colon(text, after_cue, end, sent_end)
        if presented is not None:
            if presented[0] == presented[1]:
                return None
            start, end = presented
        topic = _TOPIC_RE.match(text, start) if addressee is not None else None
        if topic:
            # 'asked Bennett about the comments, the manager ...': the topic, up to the end
            # of its phrase
            start = topic.end()
            comma = text.find(",", start, end)
            end = comma if comma > 0 else end
    if low in NEEDS_THAT and not _opens_with_complementizer(text, start):
        return None
    if low in NEEDS_THAT and _determiner_that(tokenize(text, start, min(end, start + 80), 3)):
        return None  # 'the Chameleon adds that legacy with a hammock ...': 'that' is a determiner
    return Found(
        start,
        end,
        "",
        "indirect",
        text[speaker[0] : speaker[1]],
        speaker[0],
        low,
        text[addressee[0] : addressee[1]] if addressee else None,
        form=_form(text, complement, start, low, end),
    )


# A cue pointing at the page's own text: mentioned above, described below, noted earlier (a time
# phrase after 'earlier', as in announced earlier this year, is no such pointer).
_REFERENCE_AFTER_RE = re.compile(
    r"\s+(?:(?:above|below|hereafter)\b(?![-'’])|(?:earlier|previously)(?=\s*(?:[,.;:)]|$))"
    # 'mentioned in the "Create A Plan" section above', 'described in this article'
    r"|in\s+(?:the|this|our|my)\s+(?:\S+\s+){0,5}?(?:section|chapter|article|post|guide|paragraph)\b"
    r"(?:\s+(?:above|below))?(?=\s*(?:[,.;:)]|and\b|$)))",
    re.IGNORECASE,
)


_RECALLS = frozenset({"recall", "recalls", "recalled", "recalling"})
_COUNT_AFTER_RE = re.compile(r"\s+(?:about\s+|nearly\s+|more\s+than\s+|over\s+)?\d")
_LABEL_ENDS = frozenset({":", "–", "—", "|"})
_CONTRACTED_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
_WITH_BEFORE_RE = re.compile(r"\bwith\s+(?:[\w'’.-]+\s+){0,3}$", re.IGNORECASE)


def _finite_participle(text: str, sent_start: int, speaker: Span, cue_start: int) -> bool:
    """An -ing cue after its speaker reports only as a verb's complement: 'be' or a verb taking
    an -ing form before it ('X is demanding', 'she's claiming', 'he keeps saying', 'some are
    quietly saying'), 'and' coordinating it with such a verb, an absolute 'with X saying', or
    a text someone issued ('a statement saying ...')."""
    lo = max(sent_start, cue_start - 80)
    if text[lo:cue_start].rstrip(" \"'”’“‘").endswith(","):
        return True  # '," Mr. Trump told them, adding that ...': a participle clause
    words = [w.lower().replace("’", "'") for w in _CONTRACTED_WORD_RE.findall(text, lo, cue_start)]
    while words and (words[-1] in PROGRESSIVE_ADVERBS or words[-1].endswith("ly")):
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last in PROGRESSIVE_BEFORE or last in ("and", "but", "or") or last in ISSUED_TEXTS:
        return True
    if last in PREPOSITIONS or last.endswith(("'s", "'re", "'m")):
        return True  # 'by talking about', "she's claiming", "they're proposing", "Trump's saying"
    return bool(_WITH_BEFORE_RE.search(text, max(sent_start, speaker[0] - 40), speaker[0]))


_ADJECTIVE_ADVERB_RE = re.compile(
    r"\b(?:the|a|an|this|these|those|its|their|his|her|our|your)\s+(?:(?:most|more|less|least)\s+)?\w+ly\s+$",
    re.IGNORECASE,
)
_A_PEOPLE_RE = re.compile(r"the\s+[a-z]+(?:s|ese|ish|ch)")


def _as_they_say(text: str, sent_start: int, speaker: Span, cue: re.Match[str]) -> bool:
    """'As they say,' / 'as people say,': a proverb's frame; the generic 'they' is no source."""
    lead = " ".join(WORD_RE.findall(text[sent_start : speaker[0]].lower()))
    said = text[speaker[0] : speaker[1]].lower()
    # ('you know, as they say,': an aside may lead into the frame)
    aside = lead.endswith(" as") and text[sent_start : speaker[0]].rstrip()[:-2].rstrip()[-1:] == ","
    return (
        (lead in {"as", "but as", "and as", "so as"} or aside)
        # 'as they say,', 'as people say,', 'as the French say,': a people's proverb
        and (said in {"they", "people"} or _A_PEOPLE_RE.fullmatch(said) is not None)
        and cue.group().lower() == "say"
        and text[cue.end() : cue.end() + 1] == ","
    )


def _after_opening_quotation(text: str, start: int, end: int) -> int:
    """Where the words after a quotation opening the sentence start ('"2025 parties lean into
    play," Vanco shares, noting ...': 'Vanco'); ``start`` when the sentence opens otherwise."""
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    if text[start + lead : start + lead + 1] not in MARKS:
        return start
    close = next((k for k in range(start + lead + 1, end) if text[k] in ALL_CLOSERS), -1)
    return close + 1 if close > 0 else start


def _passive_before(pre: str) -> bool:
    """The text before 'and <cue>' ends in a passive ('are consistently met and'), so the
    cue is its second participle, not a verb of the sentence's subject."""
    words = [w.lower() for w in WORD_RE.findall(pre[-60:])]
    if len(words) < 3 or words[-1] not in {"and", "or"}:
        return False
    return any(w in PASSIVE for w in words[-5:-2])


def _plain_object(text: str, start: int, end: int) -> bool:
    """The words after the cue open with neither 'that', a quotation mark, a pronoun nor a
    name, and hold no auxiliary: an object noun phrase ('winglets to the plates', 'many other
    details')."""
    first = WORD_RE.match(text, start)
    if first is None or text[start : start + 1] in MARKS:
        return False
    word = first.group()
    if not word.islower() or word in COMPLEMENTIZERS or word in PRONOUNS:
        return False
    # 'added the move would do a lot of damage': an auxiliary soon after makes it a clause
    # (not one in a relative clause: 'added a new page where they are ...')
    for w in WORD_RE.findall(text, start, min(end, start + 60))[1:8]:
        if w.lower() in RELATIVE or w.lower() == "where":
            return True
        if w.lower() in AUX:
            return False
    return True


_ADDED = frozenset({"add", "adds", "added"})
# 'about' opening a topic, not 'about 20 people' (a number follows)
_ABOUT_TOPIC_RE = re.compile(r"about\s+(?![$£€]?\d|a\s+(?:third|quarter|half|dozen)\b)", re.IGNORECASE)


def _determiner_that(tokens: list[Token]) -> bool:
    """'that legacy with', 'that high standard,': 'that' before a noun and the preposition
    or comma closing its phrase is a determiner, not the start of a clause."""
    if len(tokens) < 3 or tokens[0][2].lower() != "that":
        return False
    noun, after = tokens[1][2], tokens[2][2].lower()
    return (
        noun.isalpha()
        and noun.islower()
        and noun not in PRONOUNS
        and noun not in PREPOSITIONS
        and noun not in SUBORDINATORS
        and noun not in ADVERBIAL_WORDS
        and noun != "as"
        and noun not in ADVERBS_BEFORE_CUE  # 'that instead of ...'
        and not noun.endswith("s")  # 'that products with GTINs are ...': a plural is a subject
        and after in _PHRASE_CLOSERS
    )


_PHRASE_CLOSERS = frozenset({"with", "for", "of", ","})


def _opens_with_complementizer(text: str, start: int) -> bool:
    """The content opens with 'that' / 'que' / 'qu'il' / 'dass'."""
    head = text[start : start + 12].split()
    if not head:
        return False
    first = head[0].lower()
    return first in COMPLEMENTIZERS or any(
        c.endswith(("'", "’")) and first.startswith(c) for c in COMPLEMENTIZERS
    )


def find_reported(
    text: str, marks: list[Mark], ends: list[int], consumed: list[Span], direct: list[Found]
) -> list[Found]:
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
    out: list[Found] = []
    last_sentence: Span = (-1, -1)
    sentence_speaker: Span | None = None
    last_pos = -DENSE
    for cue in scan_cues(text):
        pos = cue.start()
        if _inside(mark_spans, mark_starts, pos) or _inside(skip, skip_starts, pos):
            continue
        if (
            out
            and out[-1].start < pos < out[-1].end
            and not _CLAUSE_MARK_RE.search(text, out[-1].start, pos)
            and not _AND_BEFORE_RE.search(text, max(out[-1].start, pos - 20), pos)
        ):
            continue  # inside the previous statement with no clause boundary before it: part of it
        sent_start, sent_end = sentence_bounds(ends, pos)
        if pos - last_pos < DENSE and last_pos >= sent_start:
            continue  # right after a cue that was not speech: cue words packed like junk, not prose
        # bounded windows keep a punctuation-free megabyte linear
        sent_start, sent_end = max(sent_start, pos - 1000), min(sent_end, cue.end() + WINDOW)
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
            # unless a new clause starts there ("..., but he said that ...", "..., and rights
            # groups warned that ...", "..., describing the team as ...")
            cut = _split_point(text, out[-1], found, cue, sent_start)
            if cut is None or cut <= out[-1].start:
                continue
            out[-1].end = cut
        if found.speaker_pos is not None:
            sentence_speaker = (found.speaker_pos, found.speaker_pos + len(found.speaker or ""))
        out.append(found)
    kept: list[Found] = []
    # quotations attributed after them ('"A," the union wrote.'): statements of their own
    direct_parts = sorted(
        (f.start, f.end) for f in direct if f.speaker_pos is not None and f.speaker_pos > f.start
    )
    part_starts = [a for a, _ in direct_parts]
    lead_cuts = _lead_cue_cuts(text, direct)
    for found in out:
        # 'X said A but added, "B."', 'X said A, to which Y interjected: "B."': reported words
        # end before the clause of a quotation's own cue
        cut = next((c for c, cue_at in lead_cuts if found.start < c and cue_at < found.end), None)
        if cut is not None and word_count(text, found.start, cut) >= 3:
            found.end = min(found.end, cut)
        # 'the impact it said X would have: "A," the union wrote.': reported words end where a
        # quotation attributed by its own following 'X wrote' begins; a quotation introduced
        # inside the report ('said X: "A."', 'saying, "A."') may still be part of it
        j = bisect.bisect_right(part_starts, found.start)
        if j < len(direct_parts) and direct_parts[j][0] < found.end:
            found.end = direct_parts[j][0]
        found.start, found.end = strip_span(
            text, found.start, _without_citation(text, found.start, found.end)
        )
        if word_count(text, found.start, found.end) < (2 if found.cue in OBJECT_CUES else 3):
            continue
        if _TIME_ONLY_RE.fullmatch(text, found.start, found.end):
            continue  # 'as the Post reported ten days ago': when, not what

        found.kind = _kind_for(marks, mark_starts, found.start, found.end)
        if found.kind == "direct":
            # 'told the Post, "A."': the words inside the marks, as a quotation's text is
            k = bisect.bisect_left(mark_starts, found.start)
            if k < len(marks) and marks[k].start == found.start and marks[k].end >= found.end:
                inner_end = min(found.end, marks[k].end - 1)
                found.start, found.end = strip_span(text, found.start + 1, inner_end, " \t\n\u00a0,")
        found.text = text[found.start : found.end]
        if _is_title(text, found, marks, mark_starts):
            continue  # 'said on "Fox News Sunday"': a title, not the statement
        kept.append(found)
    return _drop_nested(kept)


_TIME_ONLY_RE = re.compile(
    r"(?:(?:about|some|nearly|almost|more\s+than)\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|several|a\s+few|few)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:ago|earlier|before)|(?:earlier|last|this|late|early)\s+(?:week|month|year|night|morning|"
    r"afternoon|evening|spring|summer|fall|autumn|winter)",
    re.IGNORECASE,
)
_CLAUSE_OPEN_RE = re.compile(r",?\s(?:but|while|and|whereas|to\s+which)\s", re.IGNORECASE)


def _lead_cue_cuts(text: str, direct: list[Found]) -> list[tuple[int, int]]:
    """For each quotation whose cue comes before it in its sentence ('but added, "A"'), where
    the clause holding that cue opens and where the cue is: (clause start, cue start)."""
    cuts: list[tuple[int, int]] = []
    for f in direct:
        if f.speaker_pos is None or f.speaker_pos >= f.start or not f.cue or not f.cue[:1].isalpha():
            continue
        lo = max(0, f.start - 200)
        hits = list(
            re.finditer(
                r"(?<![\w'’-])" + re.escape(f.cue) + r"(?![\w'’-])", text[lo : f.start], re.IGNORECASE
            )
        )
        if not hits:
            continue
        cue_at = lo + hits[-1].start()
        opens = list(_CLAUSE_OPEN_RE.finditer(text, max(lo, cue_at - 100), cue_at))
        if not opens:
            ahead = WORD_RE.findall(text, max(lo, f.speaker_pos - 20), f.speaker_pos)
            if (
                f.speaker_pos < cue_at
                and text[f.speaker_pos : f.speaker_pos + 1].isupper()
                and not (ahead and ahead[-1].lower() in RELATIVE_PRONOUNS)  # 'in which Adelson said:'
            ):
                # '..., the design, etc. Jeff writes, "A"': no opener, the named speaker starts it
                cuts.append((f.speaker_pos, cue_at))
            continue
        if opens[-1].group().strip().lower() == "and" and f.cue.lower().endswith("ing"):
            continue  # 'suggests laying out ... and asking yourself, "A"': one series of gerunds
        cuts.append((opens[-1].start(), cue_at))
    return sorted(cuts)


# '... overlooked – K-12 Dive', '(Oxford University Press, 1997)': where the writer cites a
# source, not what the source said (the dash form case-sensitive: '– it's being rebuilt
# around it' is the quotation's own words)
_CITATION_TAIL_RE = re.compile(
    r"(?:(?-i:\s+[–—-]\s+(?:[A-Z0-9][\w.&'’-]*\s*){1,5})|\s*\([^()]*\b(?:1[5-9]|20)\d\d\b[^()]*\)"
    # '... how to get help (Figure 7)', '... in 2011 [4]', '... [88,89]': a pointer to a figure or notes
    r"|\s*\((?:see\s+)?(?:Figure|Fig\.|Table|Chart|Exhibit|Source)\b[^()]*\)|\s*\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]"
    # '... its feeling of safety (such as Tofugu and Lonely Planet)': who the source is
    r"|\s*\((?:such\s+as|e\.g\.,?|including|like)\s+(?-i:[A-Z])[^()]*\))\W*$",
    re.IGNORECASE,
)


def _without_citation(text: str, start: int, end: int) -> int:
    """The end of reported content without a trailing source tag or parenthesised citation."""
    m = _CITATION_TAIL_RE.search(text, start, end)
    return m.start() if m else end


_CLAUSE_JOIN_RE = re.compile(
    r"(?:(?:[,;][\"”’'»]*|\s[–—])\s*(?:(?:but|and|while|whereas|as|though|although|yet|so|aber|und)\s+)?"
    # 'which some say is too high while others say ...': a contrast opens a clause of its own
    r"|\s(?:while|whereas)\s+)$",
    re.IGNORECASE,
)
# a boundary where a second report may start inside the first one's content
_CLAUSE_MARK_RE = re.compile(r"[,;][\"”’'»]*\s|\s[–—]\s|\s(?:while|whereas)\s", re.IGNORECASE)
# 'called him "driven" and asserted that ...': a second cue of the same subject
_AND_BEFORE_RE = re.compile(r"\s(?:and|but)\s+(?:also\s+|even\s+|then\s+|later\s+)?$", re.IGNORECASE)


def _split_point(text: str, prev: Found, found: Found, cue: re.Match[str], sent_start: int) -> int | None:
    """Where ``prev``'s content ends because ``found``, a report inside it, starts a new clause.

    A new subject after ', but' / '; ' / ' — ' starts one ('..., and rights groups warned
    that'); after a bare comma only when ``prev`` sits in an opening subordinate clause
    ('While only 7 percent said they are undecided, 27 percent said ...'); otherwise a comma
    is inside the report ('reported that during the visit, President Erdogan reiterated').
    The same subject goes on after ', describing ...', or after ' and asserted that ...' /
    an object report's ' and dismissed criticism ...'.
    """
    lo = prev.start
    pos = cue.start()
    if found.speaker_pos is not None and found.speaker_pos > lo:
        strong = (
            found.speaker_pos < pos
            and not _opens_subordinate(text, sent_start, prev)
            and not _clause_up_to_comma(text, lo, found.speaker_pos)
        )
        return _new_clause_before(text, lo, found.speaker_pos, strong=strong)
    cut = _new_clause_before(text, lo, pos)
    if cut is not None:
        return cut
    m = _AND_BEFORE_RE.search(text, max(lo, pos - 20), pos)
    if m is None:
        return None
    after = text[cue.end() : cue.end() + 6].lstrip().lower()
    if (prev.cue or "") in OBJECT_CUES or after.startswith("that"):
        return m.start()
    return None


_SUBORDINATOR_BEFORE_RE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(SUBORDINATE_OPENERS - {"as"}) + [re.escape(p).replace(r"\ ", r"\s+") for p in TIME_THAT]
    )
    + r")\s+(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)
_AS_BEFORE_RE = re.compile(r"(?:^|[.!?]\s+|\n)as\s+(?:[\w'’.-]+\s+){0,3}$", re.IGNORECASE)


def _in_subordinate_clause(text: str, sent_start: int, speaker_start: int, as_too: bool = False) -> bool:
    """The speaker opens a clause after 'when' / 'if' / 'because' ... ('when they declared ...',
    'When HCA recently told employees ...'). 'As' only with ``as_too``, when the cue has its own
    content ('As the reader mentioned wanting new furniture, I would ...'): 'As X said, ...'
    reports the main clause."""
    lo = max(sent_start, speaker_start - 40)
    if _SUBORDINATOR_BEFORE_RE.search(text, lo, speaker_start):
        return True
    return as_too and bool(_AS_BEFORE_RE.search(text[max(0, sent_start - 2) : speaker_start].lstrip()))


def _first_comma(text: str, start: int, end: int) -> int:
    """The first comma between ``start`` and ``end`` outside a quotation, else ``end``."""
    pos = text.find(",", start, end)
    while pos >= 0:
        if not comma_in_number(text, pos) and not inside_quotation(text, start, pos):
            return pos
        pos = text.find(",", pos + 1, end)
    return end


def _opens_subordinate(text: str, sent_start: int, prev: Found) -> bool:
    """``prev``'s speaker follows a sentence-opening 'While' / 'Though' / 'As' ..."""
    if prev.speaker_pos is None or not sent_start <= prev.speaker_pos <= prev.start:
        return False
    words = WORD_RE.findall(text, sent_start, prev.speaker_pos)
    return bool(words) and words[0].lower() in SUBORDINATE_OPENERS


def _clause_up_to_comma(text: str, lo: int, speaker_pos: int) -> bool:
    """The report's words from ``lo`` to the comma right before ``speaker_pos`` are a whole
    clause ('claimed that the budget was balanced, one of the auditors said ...'): the comma
    closes that report and the speaker after it starts another. An opening phrase there
    ('reported that during the visit, President Erdogan reiterated ...') is no clause."""
    comma = text.rfind(",", lo, speaker_pos)
    if comma < 0 or text[comma + 1 : speaker_pos].strip() or text.find(",", lo, comma) >= 0:
        return False
    tokens = tokenize(text, lo, comma)
    if tokens and tokens[0][2].lower() in COMPLEMENTIZERS:
        tokens = tokens[1:]
    return len(tokens) >= 3 and finite_clause(tokens)


def _new_clause_before(text: str, lo: int, speaker_pos: int | None, strong: bool = False) -> int | None:
    """Offset of the ', but' that starts a new clause just before a speaker, if there is one.

    ``strong``: a comma alone is not enough ('reported that during the visit, President
    Erdogan reiterated ...' is one report); a conjunction, a semicolon or a dash is.
    """
    if speaker_pos is None or speaker_pos <= lo:
        return None
    m = _CLAUSE_JOIN_RE.search(text, max(lo, speaker_pos - 20), speaker_pos)
    if m is None or (strong and m.group().strip().rstrip("\"”’'»") == ","):
        return None
    return m.start()


def _is_title(text: str, found: Found, marks: list[Mark], mark_starts: list[int]) -> bool:
    """Content that is only a short quoted name, maybe after 'on'/'in' ('on "Face the Nation"')."""
    tokens = tokenize(text, found.start, min(found.end, found.start + 80))
    if not tokens or tokens[0][2].lower() not in {"on", "in"}:
        return False
    tokens = tokens[1:]
    while tokens and tokens[0][2].lower() in DETERMINERS | {"'s", "’s"}:
        tokens = tokens[1:]
    if not tokens or word_count(text, tokens[0][0], found.end) > 6:
        return False
    k = bisect.bisect_left(mark_starts, tokens[0][0])
    return any(marks[j].start < found.end for j in range(k, min(k + 1, len(marks))))


def _quoted_sequel(
    text: str, marks: list[Mark], ends: list[int], mark_starts: list[int], found: Found, taken: list[Span]
) -> int | None:
    """Index of the quotation that carries on reported speech: 'She says people should be
    free to choose. "It is their life."' (or the same quotation as the next paragraph).

    News prose attributes an unattributed quotation to the speaker of the report right
    before it: the writer paraphrases, then quotes the same person. The quotation must open
    the sentence after the report, close its own sentence and have no attribution of its
    own; a quotation already read as someone's statement is not taken.
    """
    _, sent_end = sentence_bounds(ends, found.start)
    if found.end > sent_end:
        return None
    k = bisect.bisect_left(mark_starts, sent_end)
    if k >= len(marks) or marks[k].continued:
        return None
    mark = marks[k]
    gap = text[sent_end : mark.start]
    if gap.strip() or gap.count("\n") > 2 or mark.start - sent_end > 10:
        return None
    para_end = paragraph_end(text, mark.end)
    if "\n" in gap and text[mark.end : para_end].strip():
        return None  # a quotation in the next paragraph carries on only when it fills that paragraph
    if any(s < mark.end and mark.start < e for s, e in taken):
        return None
    if word_count(text, mark.start, mark.end, 4) < 3 or sentence_bounds(ends, mark.end - 1)[1] > mark.end + 1:
        return None
    limit = min(marks[k + 1].start if k + 1 < len(marks) else len(text), para_end)
    if attribution_after(text, mark.end, limit) is not None:
        return None
    return k


def extend_reports(
    text: str, marks: list[Mark], ends: list[int], reported: list[Found], direct: list[Found]
) -> None:
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
            and joined < MAX_JOINED
            and continues_quote(text, ends, marks, k + 1, found.end)
            and not any(s < marks[k + 1].end and marks[k + 1].start < e for s, e in taken)
        ):
            k += 1
            joined += 1
            found.end = marks[k].end
        found.kind = "mixed"
        found.text = text[found.start : found.end]
        taken.append((found.start, found.end))


def _drop_nested(found: list[Found]) -> list[Found]:
    """Reported speech inside another report's content ('A told B that ..., a source said') counts once."""
    out: list[Found] = []
    reach = -1
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.end <= reach:
            continue
        out.append(f)
        reach = max(reach, f.end)
    return out
