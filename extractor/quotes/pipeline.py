"""The passes in order over one plain text: marks, direct quotes, reported speech,
transcript turns and patterns, then resolution and translation notes.

Why a separate module: this is where ``extract_quotes`` ties the steps together and turns
the records under construction into ``Quote`` records.
"""

from __future__ import annotations

import bisect
import re

from ..core.lexicon.quotes import (
    ADVERBS_BEFORE_CUE,
    AUX,
    CLAUSE_AFTER_QUOTE,
    COPULAS,
    DEMONSTRATIVE_SUBJECTS,
    FIRST_PERSON_OBJECTS,
    FIRST_SECOND_REFLEXIVES,
    FRAGMENT_ENDS,
    FRAGMENT_VERBS,
    INFERENCE_CUES,
    LIST_INTRODUCERS,
    MANNER_QUESTIONS,
    MODALS,
    NOT_SUBJECT_OPENERS,
    PLURAL_QUANTIFIERS,
    QUESTION_AUX,
    RELATIVE_PRONOUNS,
    SINGULAR_IN_S,
    SINGULAR_PRONOUNS,
    WRITERS_WORDS,
)
from ..model import Quote
from .confidence import passes, score
from .direct import direct_quotes, pattern_statements, transcript_turns
from .labels import label_statements
from .marks import scan_marks
from .mentions import auxiliary, imperative_opening, source_span
from .naming import naming_quotes
from .records import Found, Register, Span
from .register import is_news, kept_off_news, trimmed_off_news
from .reported import extend_reports, find_reported
from .resolve import resolve
from .sentences import sentence_bounds, sentence_ends, writers_question
from .tables import (
    DATELINE_RE,
    PRONOUNS,
    VERBS,
    WORD_RE,
    scan_translated,
)


def extract_quotes(
    text: str, *, register: Register | None = None, min_confidence: float | None = None
) -> list[Quote]:
    """Direct quotes and reported speech in plain text (paragraphs separated by newlines).

    ``register`` says how to read speech-act verbs with an object or a topic ('defended
    the plan', 'explained how the deal works'): ``"news"`` reports them, ``"web"`` does not
    (on guides, shops and blogs those verbs mostly mean something else: 'defending the
    castle', 'explains how the blender works'); None decides from the text
    (:func:`reads_as_news`). Never raises on odd input: a text the heuristics cannot read
    yields fewer quotes.

    Every quote carries ``confidence``, the probability that it is a right attribution
    (:mod:`.confidence`); quotes below ``min_confidence`` are dropped: None is the
    register's default bar (``confidence.MIN_CONFIDENCE``: reported speech 0.6 off news and 0.4
    in news copy; quotations 0.5 off news and none in news copy), 0 keeps every record the
    rules make, a higher bar trades recall for precision.
    """
    if not text or not isinstance(text, str):
        return []
    try:
        return _extract(text, register, min_confidence)
    except (ValueError, IndexError, RecursionError):  # pragma: no cover - defensive
        return []


def _extract(text: str, register: Register | None, min_confidence: float | None) -> list[Quote]:
    marks = scan_marks(text)
    ends = sentence_ends(text, marks)
    consumed: list[Span] = []
    direct = direct_quotes(text, marks, ends, consumed)
    reported = find_reported(text, marks, ends, consumed, direct)
    extend_reports(text, marks, ends, reported, direct)
    found = sorted(direct + reported, key=lambda f: f.start)
    found = sorted(found + transcript_turns(text, found), key=lambda f: f.start)
    found = sorted(found + pattern_statements(text, found), key=lambda f: f.start)
    found = sorted(found + naming_quotes(text, marks, ends, found), key=lambda f: f.start)
    found = label_statements(text, found)
    found = [
        f
        for f in found
        if _speaks(text, f, ends) and not _unfinished(text, f) and not _asked_by_writer(text, f, ends)
    ]
    found = [_without_dateline(text, f) for f in found]
    for f in found:
        _french_inversion(f)
        _recalled_speaker(text, f)
    news = is_news(text, register)
    if not news:
        found = [trimmed_off_news(text, f) for f in found if kept_off_news(text, f, ends)]
    markers = scan_translated(text)
    quotes: list[Quote] = []
    for k, f in enumerate(found):
        f.resolved = resolve(text, f, found[max(0, k - 6) : k])
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
    for quote in quotes:
        quote.confidence = score(text, quote, quotes, news)
    return [quote for quote in quotes if passes(quote, news, min_confidence)]


def _french_inversion(found: Found) -> None:
    """'« ... », a-t-elle estimé': the pronoun after the auxiliary's '-t-' is the speaker."""
    inverted = _FRENCH_INVERTED_RE.fullmatch(found.speaker or "")
    if inverted is not None and found.speaker_pos is not None:
        found.speaker = inverted.group(1)
        found.speaker_pos += inverted.start(1)


def _recalled_speaker(text: str, found: Found) -> None:
    """'"...," she recalls him saying': the words are the one she remembers speaking."""
    if found.speaker is None or found.speaker_pos is None:
        return
    m = _RECALLED_RE.match(text, found.speaker_pos + len(found.speaker))
    if m is not None:
        found.speaker, found.speaker_pos = m.group(1), m.start(1)


_RECALLED_RE = re.compile(
    r"\s+(?:recalls|recalled|remembers|remembered|heard|hears)\s+(him|her|them)\s+(?:saying|say|telling|tell)\b"
)
_FRENCH_INVERTED_RE = re.compile(r"(?:a|va|aurait)-t-(il|elle|on|ils|elles)", re.IGNORECASE)


def _without_dateline(text: str, found: Found) -> Found:
    """``found`` without a wire dateline at the start of its words or its speaker ('(CBS News)
    Sally Ride ... has died, her foundation said'; 'NEW YORK (AP) - NBC anchor Bob Costas says')."""
    if found.kind in {"indirect", "mixed"}:
        m = DATELINE_RE.match(text, found.start, found.end)
        if m is not None and m.end() < found.end:
            found.start = m.end()
            found.text = text[found.start : found.end]
    if found.speaker and found.speaker_pos is not None:
        m = DATELINE_RE.match(text, found.speaker_pos, found.speaker_pos + len(found.speaker))
        if m is not None and m.end() < found.speaker_pos + len(found.speaker):
            found.speaker = found.speaker[m.end() - found.speaker_pos :]
            found.speaker_pos = m.end()
    return found


def _names_a_thing(text: str, found: Found) -> bool:
    """'Dinner: "Marry Me" chicken': a quotation of a few words after a label, read on by a
    lower-case noun, names a dish, product or title; nobody says it."""
    if found.cue != ":" or len(WORD_RE.findall(found.text)) > 3:
        return False
    after = text[found.end : found.end + 24].lstrip("\"”’'» ")
    nxt = WORD_RE.match(after)
    word = nxt.group() if nxt is not None else ""
    return word.islower() and word not in CLAUSE_AFTER_QUOTE and word not in PRONOUNS and word not in VERBS


def _coordinated_subject(text: str, found: Found, span: Span) -> None:
    """'Others clutch their charging cables and say, "..."': a speaker that is a clause with
    its own verb, joined to the cue by 'and', speaks through its subject ('Others')."""
    words = WORD_RE.findall(text, span[0], span[1])
    if len(words) < 3 or not found.cue or not found.cue[:1].isalpha():
        return
    if words[-1].lower() == "and":
        span = (span[0], span[0] + text[span[0] : span[1]].rstrip().rfind(" and"))
    elif WORD_RE.findall(text, span[1], span[1] + 8)[:1] != ["and"]:
        return
    source = source_span(text, span, found.cue)
    if source is not None and source[0] == span[0] and source[1] < span[1]:
        found.speaker = text[source[0] : source[1]]


def _opener_as_speaker(text: str, found: Found) -> bool:
    """A one-word speaker that opens an instruction or a question to the reader ('Get used
    to people asking "..."', 'Ever wondered how ...?', 'That said, ...'): the sentence has no
    source. A label before a colon or a dash ('Review: "..."') is left alone."""
    word = found.speaker or ""
    if " " in word or found.speaker_pos is None or not found.cue or not found.cue[:1].isalpha():
        return False
    if word.lower() in {"that", "this"} and found.cue == "said":
        after = found.speaker_pos + len(word)
        return text[after : after + 7].strip().startswith("said,")  # 'That said, experts ...'
    return word.lower() in NOT_SUBJECT_OPENERS or imperative_opening(text, found.speaker_pos, word)


def _would_say(found: Found) -> bool:
    """'They'd say "..."': 'd before a cue's plain form is 'would', a hypothetical speaker
    ('he'd said' is 'had' and reports)."""
    cue = (found.cue or "").lower()
    return bool(_WOULD_RE.search(found.speaker or "")) and cue + "s" in VERBS


_WOULD_RE = re.compile(r"^\w+['’]d$")


def _obliged(text: str, found: Found) -> bool:
    """'They have to stand up and say "..."', 'what they cannot do is say ...': words a
    speaker must, should or cannot say are advice or a hypothesis, not a statement."""
    if not found.cue or not found.cue[:1].isalpha() or found.speaker_pos is None:
        return False
    end = found.speaker_pos + len(found.speaker or "")
    at = _cue_after_speaker(text, found, 60)
    if at < 0 or "," in text[end:at] or len(text[end:at].split()) > 6:
        return False  # (only the cue's own verb phrase: not 'He said he must go, and added')
    return _OBLIGATION_RE.search(text, end, at) is not None


_OBLIGATION_RE = re.compile(
    r"\b(?:(?:have|has|need|needs|ought)\s+to|must|should|cannot|can['’]t|shouldn['’]t)\b", re.IGNORECASE
)


def _asked_by_writer(text: str, found: Found, ends: list[int]) -> bool:
    """'What does “faded” suggest?': a quotation with a cue and no speaker inside the
    writer's own question is a word the writer asks about, not a statement."""
    if found.speaker or found.kind == "block":
        return False
    start, end = sentence_bounds(ends, found.start)
    return writers_question(text, start, end)


def _cue_after_speaker(text: str, found: Found, reach: int) -> int:
    """Where the cue word stands after the speaker's mention (at most ``reach`` characters
    on), or -1: the records keep the cue's word, not its offset."""
    end = (found.speaker_pos or 0) + len(found.speaker or "")
    return text.find(found.cue or "", end, end + reach) if found.cue else -1


def _to_oneself(text: str, found: Found) -> bool:
    """'telling yourself, "Wow, ..."', 'I asked myself whether ...': the cue's hearer is the
    writer or the reader, so the words are an inner voice, not a source's."""
    if not found.cue or found.speaker_pos is None or not found.cue[:1].isalpha():
        return False
    at = _cue_after_speaker(text, found, 80)
    if at < 0:
        return False
    nxt = WORD_RE.search(text, at + len(found.cue), at + len(found.cue) + 20)
    return nxt is not None and nxt.group().lower() in FIRST_SECOND_REFLEXIVES


def _speaks(text: str, found: Found, ends: list[int]) -> bool:
    """The speaker a cue names is a source (``mentions``); transcript labels and unnamed
    speakers are left as they are, and so are quotations in marks: their words are quoted
    whoever the speaker turns out to be."""
    if not found.speaker or found.speaker_pos is None:
        return True
    if (
        _to_oneself(text, found)
        or _opener_as_speaker(text, found)
        or _would_say(found)
        or _obliged(text, found)
    ):
        return False
    span = (found.speaker_pos, found.speaker_pos + len(found.speaker))
    if found.kind in {"direct", "block"} or not found.cue or found.cue in {":", "-", "–", "—", "―"}:
        # quotations are quoted whoever speaks, unless the "speaker" is a clause of the
        # writer's: 'it also raises one of the questions homeowners ask:', 'Let me put it in
        # the words of X:', 'Here is what my son says:'
        if writers_clause(text, span) or _names_a_thing(text, found):
            return False
        _coordinated_subject(text, found, span)
        words = (found.speaker or "").split()
        if len(words) > 1 and words[-1].islower() and words[-1] in ADVERBS_BEFORE_CUE:
            found.speaker = found.speaker.rsplit(None, 1)[0]  # '"We won," he even said': he
        return True
    source = source_span(text, span, found.cue)
    if source is None or _disagrees(text, source, found.cue) or _question_inside(text, source):
        return False
    if _writers_inference(text, source, found, sentence_bounds(ends, source[0])[0]):
        return False
    if source != span:
        found.speaker, found.speaker_pos = text[source[0] : source[1]], source[0]
    return True


def _writers_inference(text: str, source: Span, found: Found, sentence_start: int) -> bool:
    """'If they are right, it suggests that ...', '..., and it explains why we see changes':
    'it' with a verb of inference is the writer reasoning, when a condition precedes it in
    its sentence or what follows is a why/how question (a document's 'It suggests eating
    more beans' and 'which it explains is ...' stay reports)."""
    if (
        text[source[0] : source[1]].lower() not in DEMONSTRATIVE_SUBJECTS
        or (found.cue or "").lower() not in INFERENCE_CUES
    ):
        return False
    lead = WORD_RE.findall(text, found.start, min(found.end, found.start + 20))[:1]
    if lead and lead[0].lower() in MANNER_QUESTIONS:
        return True
    clause = WORD_RE.findall(text, max(sentence_start, source[0] - 120), source[0])
    return any(w.lower() == "if" for w in clause)


def _disagrees(text: str, source: Span, cue: str) -> bool:
    """'he', 'she' or 'it' with a cue in its plain form ('It encompasses steps that confirm
    ...', 'let him explain'): the pronoun is not the cue's subject, unless an auxiliary or
    'to' stands between them ('he did not say', 'she will confirm'). A plural noun with the
    cue's -s form ('frequent calls and reports') is no subject either."""
    low = cue.lower()
    if _plural_with_s_form(text[source[0] : source[1]], low):
        return True
    if text[source[0] : source[1]].lower() not in SINGULAR_PRONOUNS:
        return False
    if low not in VERBS or low + "s" not in VERBS:
        return False  # 'said', 'told', 'says': no plain form
    at = text.find(cue, source[1])
    between = [w.lower() for w in WORD_RE.findall(text, source[1], at if at >= 0 else source[1])]
    return not any(auxiliary(w) or w in MODALS or w == "to" for w in between)


def _plural_with_s_form(speaker: str, cue: str) -> bool:
    """'regular and frequent calls reports': the speaker's last word is a lower-case plural
    ('calls', not 'Reuters', 'the news', 'the analysis') and the cue is a verb's -s form
    ('reports', 'points out'), so the two cannot be subject and verb."""
    last = speaker.rsplit(None, 1)[-1] if speaker.strip() else ""
    verb = cue.split()[0] if cue.strip() else ""
    if last.lower() in PLURAL_QUANTIFIERS and len(speaker.split()) == 1:
        # 'most demands, especially ...', 'many reports': a quantifier takes the plain form
        return verb.endswith("s") and not verb.endswith("ss") and cue in VERBS
    if (
        not last.isalpha()
        or not last.islower()
        or not last.endswith("s")
        or last.endswith(("ss", "us", "is", "ics"))
        or last in SINGULAR_IN_S
    ):
        return False
    return verb.endswith("s") and not verb.endswith("ss") and cue in VERBS


def _unfinished(text: str, found: Found) -> bool:
    """Reported content that is a sentence's frame, not what was reported: a copula before a
    colon ('according to ACSM, the #1 reason people don't exercise is:' and a list, 'according
    to the BLS, notable roles include:') or the writer's question to the reader ('Did you know
    that, according to studies, ...')."""
    if found.kind != "indirect":
        return False
    words = WORD_RE.findall(text, found.start, found.end)
    if not words:
        return False
    if len(words) > 1 and words[0].lower() in QUESTION_AUX and words[1].lower() == "you":
        return True  # 'Did you know that': the writer asks the reader
    last = words[-1].lower()
    before_colon = text[found.end : found.end + 3].lstrip()[:1] == ":"
    return before_colon and (last in COPULAS or last in LIST_INTRODUCERS)


def writers_clause(text: str, span: Span) -> bool:
    """A speaker span of several words holding 'it', 'me', 'you', 'what' ... is a clause; 'you'
    alone is the reader."""
    raw = WORD_RE.findall(text, span[0], span[1])
    # an upper-case 'US' before a capitalised word is the country ('US Senator X'), not the pronoun
    words = [
        w if w.isupper() and len(w) > 1 and k + 1 < len(raw) and raw[k + 1][0].isupper() else w.lower()
        for k, w in enumerate(raw)
    ]
    first = WORD_RE.search(text, span[0], span[1])
    if len(words) > 1 and first is not None and imperative_opening(text, first.start(), first.group()):
        return True  # 'Avoid generalities and use details that show your interests: "..."'
    if len(words) > 1 and words[-1] in FIRST_PERSON_OBJECTS:
        return True  # 'Trust me, I have found myself saying, "..."': the writer's aside
    if words == ["you"]:
        return True  # 'You say the same thing every time: "It is bedtime."': the reader, told what to say
    modal = next((k for k, w in enumerate(words) if k > 0 and w in MODALS), None)
    relative = next((k for k, w in enumerate(words) if w in {"who", "which", "that", "whom"}), None)
    lower_aux = words[0] in AUX and text[span[0] : span[0] + 1].islower()  # not 'Will Estrada'
    # 'Has your SEO company ever asked you: "..."': a question to the reader ('Will', 'May'
    # and 'Can' may be names)
    inverted = words[0] in QUESTION_AUX and len(words) > 2
    if len(words) > 1 and (
        lower_aux or inverted or (modal is not None and (relative is None or relative > modal))
    ):
        # '"resolved" promises are often equivalent to', 'the author may indicate ... by': a
        # clause around the quotation, not who said it
        return True
    if len(words) > 2 and any(w in WRITERS_WORDS for w in words):
        return True
    return _clause_fragment(text, span, words, raw)


def _clause_fragment(text: str, span: Span, words: list[str], raw: list[str]) -> bool:
    """A span that cannot name who speaks because it is part of a clause: it ends in a
    word that needs more after it ('a technical way of', 'showing excitement and'), holds
    a verb of its own ('An N-gram is a ...', 'The question he keeps'), a question word
    inside ('This setup exposes how clients ...') or opens with a negated imperative
    ('Don't be discouraged by those who')."""
    if len(words) < 2:
        return False
    if words[-1] in FRAGMENT_ENDS and raw[-1].islower():  # ('Al From' is a name)
        return True
    # (a verb after a relative pronoun is the relative clause's: 'an official who was not
    # authorized')
    relative = next((k for k, w in enumerate(words) if w in RELATIVE_PRONOUNS), len(words))
    if "," not in text[span[0] : span[1]] and any(w in FRAGMENT_VERBS for w in words[1:relative]):
        return True
    if _question_inside(text, span) or _CONTRACTED_VERB_RE.search(text, span[0], span[1]):
        return True  # 'They're going to be asking, "..."'
    return bool(_NEGATED_IMPERATIVE_RE.match(text, span[0]))


def _question_inside(text: str, span: Span) -> bool:
    """A question word after the first word of a speaker span ('This setup exposes how
    clients handle ... state writes'): the span is a clause, not a name."""
    return any(w.lower() in _MID_QUESTION for w in WORD_RE.findall(text, span[0], span[1])[1:])


_MID_QUESTION = frozenset({"how", "what", "why", "whether"})
_CONTRACTED_VERB_RE = re.compile(r"\w['’](?:re|ve|ll|m)\b")
_NEGATED_IMPERATIVE_RE = re.compile(r"(?:Don['’]t|Do not|Never)\s+[a-z]")


def _translated(markers: list[int], found: Found) -> bool:
    """The article says the quoted words are translated, in or just before the quote's sentence.

    ``markers`` are the offsets of every translation note, found once per text.
    """
    lo = max(0, (found.speaker_pos if found.speaker_pos is not None else found.start) - 400)
    k = bisect.bisect_left(markers, lo)
    return k < len(markers) and markers[k] < found.end + 80
