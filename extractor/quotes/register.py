"""What a text's register allows: news copy reports speech acts with an object or a topic,
the rest of the web mostly uses the same verbs in other senses.

Why a separate module: the pipeline asks one question of the whole text (does it read as
news?) and, when it does not, one question of each record (``kept_off_news``); both rest on
the same evidence from the labelled samples (benchmarks/quote_labels/) and change together.
"""

from __future__ import annotations

import re

from ..core.lexicon.quotes import (
    ADVERBS_BEFORE_CUE,
    MESSAGE_OBJECT_CUES,
    NEWS_REGISTER_CUES,
    NEWS_REGISTER_MIN,
    NOUN_MARKERS,
)
from .content import inside_quotation
from .mentions import is_source_noun
from .records import FORM_CLAUSE, FORM_OBJECT, Found, Register
from .sentences import sentence_bounds, tokenize
from .speakers import is_capitalized, leading_np
from .tables import DASHES, FINITE, PRONOUNS, QUOTE_MARK_RE, SELF_DOCUMENTS


def kept_off_news(text: str, found: Found, ends: list[int]) -> bool:
    """A record of a text that does not read as news: kept unless it is a speech act with an
    object or a topic (``_speech_act_report``) or names no source (``_named_in_web``)."""
    return not _speech_act_report(found) and _named_in_web(text, found, ends)


def trimmed_off_news(text: str, found: Found) -> Found:
    """``found`` with reported words that end before the writer's own next clause, joined by
    ', and' with a new subject and its verb ('say they buy more when offers feel tailored, and
    many brands are now treating ...', 'insisted the EV6 be included, and he didn't have to
    lobby hard'), or before its subject's next deed (', and has also targeted ...'). Off news
    copy that clause is the writer going on; in news copy it is as often the source's second
    point (PolNeAR: 'said changes cost many people their jobs, and some people have trouble
    adjusting'), so there it stays."""
    if found.kind not in {"indirect", "mixed"}:
        return found
    for m in _WRITER_CLAUSE_RE.finditer(text, found.start, found.end):
        if found.kind == "mixed" and QUOTE_MARK_RE.search(text, m.end(), found.end):
            break  # a quotation of the source's after it: the words go on
        if not inside_quotation(text, found.start, m.start()):
            found.end = m.start()
            found.text = text[found.start : found.end]
            break
    return found


_WRITER_CLAUSE_RE = re.compile(
    r",\s+and\s+(?=(?:many|most|some|recent|this|these|you|he|she|they|it|we)\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:is|are|was|were|has|have|had|can|will|would|did|didn['’]t)\b)"
    # 'says Apple "refused to pay", and has also targeted Microsoft': the subject's next deed
    r"|,\s+and\s+(?=(?:has|have|had)\s+(?:also\s+)?[a-z]+ed\b)",
    re.IGNORECASE,
)


def is_news(text: str, register: Register | None) -> bool:
    """The register a caller gave (``extract_quotes``'s ``register``), or when None the
    text's own (:func:`reads_as_news`)."""
    return register == "news" or (register is None and reads_as_news(text))


def reads_as_news(text: str) -> bool:
    """The text reports speech the way news copy does: 'said' or 'told' at least twice
    (``NEWS_REGISTER_CUES``). Elsewhere (guides, shops, blogs) the verbs of speech acts are
    mostly used in other senses, so ``_speech_act_report`` records are not kept there.

    (A find loop over the lower-cased text with a word-boundary check: three times faster
    than one case-insensitive regex over the whole text.)"""
    low = text.lower()
    seen = 0
    for word in _REGISTER_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not low[at - 1].isalnum()) and (end >= len(low) or not low[end].isalnum()):
                seen += 1
                if seen >= NEWS_REGISTER_MIN:
                    return True
            at = low.find(word, end)
    return False


_REGISTER_WORDS = tuple(sorted(NEWS_REGISTER_CUES))


def _speech_act_report(found: Found) -> bool:
    """A report whose words are not a clause but a topic ('explains how the engine works') or
    the object of a speech act ('defended the plan'), unless the object is the message itself
    ('announced the release')."""
    if found.kind == "direct" and found.form == FORM_OBJECT:
        return True  # 'Clinton calls them "lone wolves"': a naming quotation (quotes/naming.py)
    if found.kind not in {"indirect", "mixed"} or found.form == FORM_CLAUSE:
        return False
    return found.form != FORM_OBJECT or (found.cue or "").lower() not in MESSAGE_OBJECT_CUES


def _named_in_web(text: str, found: Found, ends: list[int]) -> bool:
    """Off news copy a record needs a named source: a report, or a quotation after a bare
    colon, with no speaker is the page's own voice far more often than an anonymous one
    (labelled samples: 0 of 7 right), and 'it' reports only when the sentence before has a
    source as its subject ('The committee recommends ... It also suggests', not 'A good
    logo builds trust ... It tells customers')."""
    if found.kind == "block":
        return True
    if not found.speaker:
        # kept: '"...." - a testimonial', 'the flyer reads, "..."' (a quotation with its verb)
        cue = found.cue or ""
        return cue[:1] in DASHES or (found.kind == "direct" and cue[:1].isalpha())
    if found.speaker.lower() != "it" or found.speaker_pos is None or found.kind == "direct":
        return True  # ('the flyer, it reads, "..."': a quotation is quoted whatever says it)
    start, _ = sentence_bounds(ends, found.speaker_pos)
    before_start, _ = sentence_bounds(ends, max(0, start - 1)) if start > 0 else (0, 0)
    words = [t[2] for t in leading_np(tokenize(text, before_start, min(start, before_start + 200)))]
    if not words or words[0].lower() in PRONOUNS:
        return False
    # the subject ends before its verb ('The committee also recommends', 'A good website
    # reassures'): its head noun is its last word
    k = next((k for k, w in enumerate(words) if k > 0 and _verb_like(w)), len(words))
    subject = words[:k]
    head = subject[-1].lower()
    return (
        is_source_noun(head)
        or head in SELF_DOCUMENTS  # 'The guide is short. It suggests ...': a document speaks
        or any(is_capitalized(w) and w.lower() not in NOUN_MARKERS for w in subject)
    )


def _verb_like(word: str) -> bool:
    """A lower-case word that can be a subject's verb or the adverb before it."""
    low = word.lower()
    return word.islower() and (
        low in FINITE or low in ADVERBS_BEFORE_CUE or (low.endswith(("s", "ed")) and not low.endswith("ss"))
    )
