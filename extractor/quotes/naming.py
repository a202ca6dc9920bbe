"""Naming quotations: 'Obama and Clinton call them "lone wolves"', 'Japan branded North Korea
an "outlaw nation in the neighborhood."', 'declaring it "another super Tuesday"'.

Why a separate module: the quotation is the second object of a verb of naming, so it is the
subject's words although no verb of saying stands right before it and the sentence often goes
on after it. The direct pass leaves such a quotation alone (its cue is not next to the mark)
and the reported pass reads clauses, not quotations; this pass runs after both, on the
quotations nobody claimed.
"""

from __future__ import annotations

from ..core.lexicon.quotes import OBJECT_PRONOUNS, PREPOSITIONS, REFLEXIVES
from .direct import is_title_case
from .mentions import names_something, source_mention
from .records import FORM_OBJECT, Found, Mark
from .sentences import inner_text, sentence_bounds, word_count
from .speakers import (
    leading_subject,
    plausible_speaker,
    speaker_before,
)
from .tables import COMPLEMENTIZERS, FINITE, NAMING_TAIL_RE, VERBS, WORD_RE

_REACH = 80  # characters before the quotation that can hold the verb and its object
_MAX_WORDS = 15  # a name or a phrase, not a statement
_NOT_SUBJECT_END = frozenset({"and", "or", "but", "to"})
_WRITER = frozenset({"i", "we"})
_NOT_IN_OBJECT = PREPOSITIONS | COMPLEMENTIZERS | frozenset({"and", "or", "but", "who", "which", "not"})


def naming_quotes(text: str, marks: list[Mark], ends: list[int], found: list[Found]) -> list[Found]:
    """A record for each quotation no other pass took that is named by a subject who speaks:
    its words are the quotation's, its cue the verb of naming. ``form`` is FORM_OBJECT, so a
    text that does not read as news drops it (``register.kept_off_news``): there 'calls it
    "the best"' is mostly a product's name or the page's own voice."""
    out: list[Found] = []
    taken = [(f.start, f.end) for f in found]
    for mark in marks:
        if any(s < mark.end and mark.start < e for s, e in taken):
            continue
        words = word_count(text, mark.start, mark.end)
        if words == 0 or words > _MAX_WORDS or is_title_case(text, mark):
            continue
        sent_start, _ = sentence_bounds(ends, mark.start)
        m = NAMING_TAIL_RE.search(text, max(sent_start, mark.start - _REACH), mark.start)
        if m is None or not _is_object(m.group("obj")):
            continue
        verb = m.group("verb")
        low = verb.lower()
        before = WORD_RE.findall(text, max(sent_start, m.start("verb") - 12), m.start("verb"))
        if before and before[-1].lower() in _NOT_SUBJECT_END:
            continue  # 'prompted Rubio to make a joke and call Trump "..."': the subject is far back
        if low == "called" and names_something(text, sent_start, m.start("verb"), m.end("verb")):
            continue  # 'a group called the "We The People Foundation"': a name given
        speaker = _subject(text, sent_start, m.start("verb"), low)
        if speaker is None or not plausible_speaker(text, speaker) or not source_mention(text, speaker, low):
            continue
        if text[speaker[0] : speaker[1]].lower() in _WRITER:
            continue  # 'I call this "trading up the chain"': the writer's own coinage
        out.append(
            Found(
                mark.start,
                mark.end,
                inner_text(text, mark),
                "direct",
                text[speaker[0] : speaker[1]],
                speaker[0],
                low,
                form=FORM_OBJECT,
            )
        )
        taken.append((mark.start, mark.end))
    return out


def _is_object(obj: str) -> bool:
    """The words between verb and quotation are one noun phrase ('them', 'North Korea',
    "Obama's actions"), not a clause or a prepositional phrase."""
    words = [w.lower() for w in WORD_RE.findall(obj)]
    if not words or words[0] in REFLEXIVES:
        return False  # 'who call themselves "water protectors"': a name they go by
    if any(w in _NOT_IN_OBJECT or w in FINITE for w in words):
        return False
    return words[0] in OBJECT_PRONOUNS or not any(w in VERBS for w in words)


def _subject(text: str, sent_start: int, verb_start: int, low: str) -> tuple[int, int] | None:
    """Who names: the subject right before the verb, or for a participle after a comma
    ('Clinton celebrated with supporters, declaring it "..."') the sentence's subject."""
    if low.endswith("ing") and text[sent_start:verb_start].rstrip().endswith(","):
        return leading_subject(text, sent_start, verb_start)
    return speaker_before(text, sent_start, verb_start)
