"""How likely a found quote is a real attribution: a logistic model over the record's form.

Why a learned score on top of the rules: the rules read one construction at a time, and on
pages they were not written from, a few shapes each (imagined speech, sign text, product
verbs) keep coming back as false attributions. Labelled predictions
(``benchmarks/quote_labels/``, about 4,000 of them over news, blogs, shops and forums, and
the records PolNeAR's annotators matched or did not) show
which combinations of cue, speaker form, span shape and page register go with wrong
records; a model over those features ranks every record, the pipeline drops the least likely
ones and each ``Quote`` carries its ``confidence`` so a user can set their own bar.

The features are words (``cue=said``, ``speaker_form=pronoun``, ...) so the weights table is
readable, and it is trained by ``benchmarks/train_quote_confidence.py`` (pure function here:
features in, probability out; the table lives in ``confidence_weights``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from ..core.lexicon.quotes import (
    CORE_REPORTING_CUES,
    DEMONSTRATIVE_SUBJECTS,
    DETERMINERS,
    FIRST_PERSON_WORDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SECOND_PERSON_WORDS,
    SUBORDINATORS,
)
from ..model import Quote
from .confidence_weights import BIAS, WEIGHTS
from .mentions import is_source_noun
from .records import Register
from .tables import CLAUSE_OPENERS, PRONOUNS, QUOTE_MARK_RE, WORD_RE

_FUNCTION_WORDS = (
    DETERMINERS | PRONOUNS | CLAUSE_OPENERS | SUBORDINATORS | PREPOSITIONS | DEMONSTRATIVE_SUBJECTS
)

# The bar a record must reach by default, by the text's register and the record's kind
# (benchmarks/train_quote_confidence.py prints the trade-off, leave-one-sample-out, and
# PolNeAR's scores when each text is filtered by a model that did not see it; figures of
# 2026-12-07, 3,968 labels). Off news (guides, shops, blogs) 0.6 for reported speech and 0.5
# for quotations: on the labelled web-register records precision 0.854 with no bar, 0.887 at
# 0.5 for every kind, 0.900 with these bars. In news copy 0.4 for reported speech and none for
# quotations: the records the model doubts there are mostly right statements with a poor
# speaker ('who', 'One of the docs who'), which PolNeAR counts by their words; these bars
# take labelled news-register records 0.895 -> 0.902 and PolNeAR statements 0.8624 -> 0.8609,
# direct F1 0.9210 -> 0.9232 (each text filtered by a model that did not see it); 0.5 for
# news would cost statements another 0.002, under 0.86.
# Quotations keep lower bars: their marks make them surer, and PolNeAR's short news texts,
# which read as 'web', lose direct quotes at 0.6. A caller who wants precision sets a higher
# bar.
MIN_CONFIDENCE: dict[Register, float] = {"web": 0.6, "news": 0.4}
MIN_CONFIDENCE_QUOTATIONS: dict[Register, float] = {"web": 0.5, "news": 0.0}

_DIGIT_RE = re.compile(r"\d")
_URL_RE = re.compile(r"https?:|www\.")
_LENGTH_BUCKETS = (4, 8, 15, 30, 60)
_COUNT_BUCKETS = (1, 2, 4, 8, 16)


def _bucket(value: int, cuts: Sequence[int]) -> str:
    for cut in cuts:
        if value <= cut:
            return str(cut)
    return "more"


def _word_class(word: str) -> str:
    """A word as the model sees it: lower-case words as themselves (function words, roles,
    verbs), and capitalised function words ('The', 'We', 'In', 'When') in lower case; any
    other capitalised word is 'Name', so no weight belongs to one person, brand or site."""
    low = word.lower()
    if word[:1].isupper() and low not in _FUNCTION_WORDS:
        return "Name"
    return low


def _speaker_form(speaker: str) -> str:
    """'none', 'pronoun', 'names' (every word capitalised), 'role' (a source noun heads
    it: 'the spokesman', 'officials'), 'capital' (capitalised start only) or 'lower'."""
    words = speaker.split()
    if not words:
        return "none"
    if speaker.lower() in PRONOUNS:
        return "pronoun"
    if all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return "names"
    if is_source_noun(words[-1].strip(".,;:")):
        return "role"
    return "capital" if words[0][:1].isupper() else "lower"


def _resolved(quote: Quote, words: list[str]) -> bool:
    """A pronoun or short name was resolved to a fuller one. (A relative pronoun's antecedent,
    'who' -> 'Alex Leary', came later than the weights: it leaves this feature as it was.)"""
    if words and words[-1].lower() in RELATIVE_PRONOUNS:
        return False
    return quote.speaker_resolved is not None and quote.speaker_resolved != quote.speaker


def _shape_words(quote: Quote, speaker: list[str], body: list[str]) -> list[str]:
    """The shapes wrong records take on the labelled pages: a clause read as the speaker
    (a relative pronoun, subordinator or preposition inside it), a span running on into
    the writer's words (a second reporting verb, ', but' / ', so', several sentences), a
    label or title instead of words said (every word capitalised, no end punctuation)."""
    out: list[str] = []
    inner = [w.lower().strip(".,;:") for w in speaker[1:]]
    for name, words in (
        ("relative", RELATIVE_PRONOUNS),
        ("subordinator", SUBORDINATORS),
        ("preposition", PREPOSITIONS),
    ):
        if any(w in words for w in inner):
            out.append(f"speaker_has={name}")
    if any(not w[:1].isalpha() for w in speaker):
        out.append("speaker_has=symbol")
    low = [w.lower().strip(".,;:\"'“”‘’") for w in body]
    if any(w in CORE_REPORTING_CUES for w in low):
        out.append(f"text_has=cue|{quote.kind}")
    joined = " ".join(body)
    for name, mark in (("but", ", but "), ("so", ", so "), ("and", ", and ")):
        if mark in joined:
            out.append(f"text_has={name}|{quote.kind}")
    sentences = sum(1 for w in body[:-1] if w.endswith((".", "?", "!")))
    out.append(f"text_sentences={_bucket(sentences + 1, (1, 2, 4))}|{quote.kind}")
    letters = [w for w in body if w[:1].isalpha()]
    if letters and all(w[:1].isupper() for w in letters):
        out.append("text_case=capitals")
    end = quote.text.rstrip()[-1:]
    out.append(f"text_end={end if end in '.?!:,;' else 'word' if end.isalnum() else 'other'}")
    out.append(f"text_words_kind={_bucket(len(body), _LENGTH_BUCKETS)}|{quote.kind}")
    return out


def features(text: str, quote: Quote, quotes: Sequence[Quote], news: bool) -> list[str]:
    """The words the model reads for ``quote``, found in ``text`` beside the text's other
    ``quotes``; ``news`` is the text's register (:func:`reads_as_news`)."""
    speaker = (quote.speaker or "").strip()
    cue = (quote.cue or "").lower()
    words = speaker.split()
    form = _speaker_form(speaker)
    out = [
        f"kind={quote.kind}",
        f"cue={cue}",
        f"cue_kind={cue}|{quote.kind}",
        f"cue_news={cue}|{news}",
        f"news={news}",
        f"speaker_form={form}",
        f"speaker_form_kind={form}|{quote.kind}",
        f"speaker_words={_bucket(len(words), (0, 1, 2, 3, 5))}",
        f"resolved={_resolved(quote, words)}",
    ]
    if words:
        out.append(f"speaker_head={_word_class(words[-1].strip('.,;:'))}")
        out.append(f"speaker_first={_word_class(words[0])}")
    body = quote.text.split()
    out.append(f"text_words={_bucket(len(body), _LENGTH_BUCKETS)}")
    out.append(f"text_first={_word_class(body[0].lower()) if body else ''}")
    first = quote.text[:1]
    out.append(f"text_start={'upper' if first.isupper() else 'lower' if first.islower() else 'other'}")
    low = quote.text.lower()
    tokens = set(WORD_RE.findall(low))
    for name, person in (("you", SECOND_PERSON_WORDS), ("first_person", FIRST_PERSON_WORDS)):
        if tokens & person:
            out.append(f"text_has={name}")
    for name, pattern in (("digit", _DIGIT_RE), ("url", _URL_RE)):
        if pattern.search(low):
            out.append(f"text_has={name}")
    for name, char in (("paren", "("), ("question", "?"), ("exclaim", "!")):
        if char in quote.text:
            out.append(f"text_has={name}")
    out.extend(_shape_words(quote, words, body))
    out.append(f"quotes_in_text={_bucket(len(quotes), _COUNT_BUCKETS)}")
    same = sum(1 for other in quotes if other.speaker == quote.speaker)
    out.append(f"same_speaker={_bucket(same, (1, 2, 4))}")
    if quote.span is not None:
        start, end = quote.span
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", end)
        para_end = len(text) if para_end < 0 else para_end
        before, after = text[para_start:start], text[end:para_end]
        out.append(f"speaker_before={bool(speaker) and speaker in before[-200:]}")
        out.append(f"cue_before={bool(cue) and cue in before.lower()}")
        share = (end - start) * 10 // max(1, para_end - para_start)
        out.append(f"paragraph_share={_bucket(share, (2, 5, 8, 9))}")
        out.append(f"after={after.strip()[:1] or 'end'}")
        out.append(f"before={before.strip()[-1:] or 'start'}")
        out.append(f"paragraph_marks={bool(QUOTE_MARK_RE.search(text, para_start, para_end))}")
    return out


def checked_bar(bar: float | None) -> float | None:
    """``bar`` when it is a valid confidence bar (None: the default, or a number from 0 to 1);
    ValueError otherwise. One check for every entry point that takes a bar from a user
    (job options, the Scrapy pipeline's setting, the datatrove step), so a typo fails at
    start, not as an error record on every page."""
    if bar is not None and not 0.0 <= bar <= 1.0:
        raise ValueError(f"quote_confidence must be from 0 to 1, not {bar!r}")
    return bar


def default_bar(
    cue: str | None, news: bool, weights: Mapping[str, float] = WEIGHTS, kind: str = "indirect"
) -> float:
    """The bar a record must reach when the caller sets none: its register's for its kind
    (``MIN_CONFIDENCE``, ``MIN_CONFIDENCE_QUOTATIONS`` for direct quotes), but only for a cue
    the model (``weights``) was trained on. The labels are of English pages, and a cue it has
    no weight for (another language's verb, a rare one) leaves it with nothing but the
    record's shape to go on, too little to drop on."""
    if f"cue={(cue or '').lower()}" not in weights:
        return 0.0
    bars = MIN_CONFIDENCE_QUOTATIONS if kind == "direct" else MIN_CONFIDENCE
    return bars["news" if news else "web"]


def passes(quote: Quote, news: bool, min_confidence: float | None) -> bool:
    """The record reaches the caller's bar, or by default :func:`default_bar`."""
    bar = default_bar(quote.cue, news, kind=quote.kind) if min_confidence is None else min_confidence
    return (quote.confidence or 0.0) >= bar


def score(text: str, quote: Quote, quotes: Sequence[Quote], news: bool) -> float:
    """``quote``'s confidence as the record keeps it (three decimals); arguments as
    :func:`features`'."""
    return round(confidence(features(text, quote, quotes, news)), 3)


def confidence(
    feature_words: Sequence[str], bias: float = BIAS, weights: Mapping[str, float] = WEIGHTS
) -> float:
    """The model's probability that the record with these features is a right attribution
    (the shipped model, or the ``bias`` and ``weights`` of one being trained)."""
    z = bias + sum(weights.get(word, 0.0) for word in feature_words)
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
