"""Direct quotes: quotations that are statements, joined into one statement per speaker turn,
plus interview-transcript turns and the whole-statement patterns of ``core.lexicon.quotes``.

Why a separate module: this is the second pass; it decides which quotations are speech
(not titles or scare quotes) and which following quotations continue the same statement.
"""

from __future__ import annotations

import bisect
import re

from ..core.lexicon.quotes import HONORIFICS, NEGATIONS, SPEECH_NOUNS, STATEMENT_PATTERNS, TITLE_MINOR_WORDS
from .attribution import (
    attribution_after,
    attribution_before,
    closes_sentence,
    colon_intro,
    cue_takes_clause,
    dash_line_after,
    last_inside_marks,
    name_line_after,
    sentence_intro,
)
from .content import is_intro_phrase
from .mentions import is_source_noun
from .records import AttributionRecord, Found, Mark, Span
from .sentences import (
    inner_text,
    is_paragraph_start,
    paragraph_end,
    sentence_bounds,
    strip_span,
    tokenize,
    word_count,
)
from .speakers import plausible_speaker
from .tables import (
    COMPLEMENTIZERS,
    CUE_END_RE,
    CUE_RE,
    DASHES,
    JOIN_GAP_RE,
    LETTERS_RE,
    MARKS,
    MAX_JOINED,
    SIGNATURE_MARKS,
    VERBS,
    WINDOW,
    WORD_RE,
)

_TITLE_MAX_WORDS = 8


def is_title_case(text: str, mark: Mark, max_words: int = 0) -> bool:
    """'"Meet the Press,"' / '"Make Your Kid a Millionaire"': a short quotation whose words are
    all capitalised (apart from minor words) names a show, book or slogan; it is not speech.
    (``max_words``: a longer limit where the context names a work, as a title and subtitle.)"""
    words = WORD_RE.findall(text, mark.start, mark.end)
    if not words or len(words) > (max_words or _TITLE_MAX_WORDS):
        return False
    major = [w for w in words if w.lower() not in TITLE_MINOR_WORDS]
    return bool(major) and len(major) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in major)


def _titled_after_comma(text: str, lead: str, mark: Mark) -> bool:
    """A title-case quotation after a comma ('in his article, "Fold-and-Cut Magic"', 'in a new
    book, "Crossing the Line: The Outrageous Story of ..."'): it names the work just mentioned."""
    if not lead.endswith(","):
        return False
    before = WORD_RE.findall(lead[-40:])
    if before and before[-1].lower() in SPEECH_NOUNS:
        return False  # 'she added the words, "Hillary Clinton."': words said, capitalised or not
    return is_title_case(text, mark, _WORK_TITLE_MAX_WORDS)


_WORK_TITLE_MAX_WORDS = 16  # 'Crossing the Line: The Outrageous Story of a Hockey Original'


def _ends_sentence(text: str, mark: Mark) -> bool:
    """The quotation closes on a full stop: what follows starts a new sentence."""
    return last_inside_marks(text, mark.start, mark.end) == "."


_NEGATED_BEFORE_RE = re.compile(r"(?:\b(?:" + "|".join(sorted(NEGATIONS)) + r")|n['’]t)\s+$", re.IGNORECASE)


def _reports(text: str, start: int, end: int) -> bool:
    """A cue between ``start`` and ``end`` that is not denied: 'He didn't suggest retaliation.'
    reports nothing, so the writer's sentence between two quotations of one speaker does not
    stop the second from continuing the first."""
    for cue in CUE_RE.finditer(text, start, end):
        if not _NEGATED_BEFORE_RE.search(text, max(start, cue.start() - 12), cue.start()):
            return True
    return False


def continues_quote(text: str, ends: list[int], marks: list[Mark], k: int, after: int) -> bool:
    """Quotation k goes on with the statement ending at ``after``.

    It must follow right after it (same sentence, next sentence or next paragraph),
    close its own sentence and have no attribution of its own.
    """
    nxt = marks[k]
    if after > nxt.start:
        return False
    gap_start = after
    same_paragraph = text.count("\n", after, nxt.start) == 0
    _, sent_end = sentence_bounds(ends, max(after - 1, 0))
    if not same_paragraph and after < sent_end <= nxt.start and "\n" not in text[after:sent_end]:
        gap_start = sent_end  # '"A!" he said to a cheer.' then "B." opening the next paragraph
    elif same_paragraph:
        # the rest of the attribution sentence (", a law professor at ...") may sit in between
        if after < sent_end <= nxt.start:
            gap_start = sent_end
            _, next_end = sentence_bounds(ends, sent_end)
            if (
                next_end <= nxt.start
                and next_end - sent_end < WINDOW
                and not text[next_end : nxt.start].strip()
                and not _reports(text, sent_end, next_end)
            ):
                gap_start = next_end  # '"A," Obama said. He didn't suggest retaliation. "B."'
        elif nxt.start < sent_end and text[after : nxt.start].rstrip().endswith((",", ":", ".")):
            # '"A," Trump said during a rally in Kenansville, "B."' (or '... in Fort Mill, S.C. "B."')
            gap = text[after : nxt.start].strip()
            # ', 53, who lives in Springfield, Ill. "B."': a long apposition of the speaker may sit in between
            max_gap = 40 if gap.startswith(",") and gap.endswith(".") else 16
            gap_start = nxt.start if len(tokenize(text, after, nxt.start, max_gap + 1)) <= max_gap else after
    if _introduced_by_participle(text, after, nxt.start):
        return False  # '"A," she said, adding later, "B."': the second cue makes B a statement of its own
    if not same_paragraph and (_signed_paragraph(text, nxt.start) or _signature_line_after(text, nxt.end)):
        # '"B ... " ― Tom Ray', or "B" and a line '-Tom Ray, author' under it: a quotation
        # signed with its own name starts a new statement
        return False
    m = JOIN_GAP_RE.match(text, gap_start, nxt.start)
    if (m is None or m.end() != nxt.start) and _lower_start(text, nxt):
        # '"A," X said, and still "got to ..."': a lower-case quotation after 'and' + adverb
        # is a second predicate of the same statement
        m = _ADVERB_JOIN_RE.match(text, gap_start, nxt.start)
    if m is None or m.end() != nxt.start or text.count("\n", gap_start, nxt.start) > 2:
        return False
    limit = marks[k + 1].start if k + 1 < len(marks) else len(text)
    limit = min(limit, paragraph_end(text, nxt.end))
    if attribution_after(text, nxt.end, limit) is not None:
        return False
    rest = text[nxt.end : limit].strip()
    if rest == "" or sentence_bounds(ends, nxt.end - 1)[1] <= nxt.end + 1:
        return True
    if rest[0] in DASHES and word_count(text, nxt.start, nxt.end) >= 4:
        return True  # '... "B" - raising his profile.': a full sentence quoted, then a trailing remark
    # '... "It's basically just a tax increase" for the top bracket.': the writer ends the
    # quoted sentence, and the quotation still goes on with the statement, unless a cue ends the
    # quoted sentence ('... she points out.' is an attribution of its own)
    sent_end = sentence_bounds(ends, nxt.end)[1]
    return (
        rest[0].islower()
        and word_count(text, nxt.start, nxt.end) >= 4
        and CUE_RE.search(text, nxt.end, sent_end) is None
    )


_SIGNATURE_RE = re.compile(
    r"[—―–~-][ \t\u00a0]*[A-Z][\w'’.-]*(?:[ \t\u00a0]+[A-Z][\w'’.-]*){0,5}[ \t\u00a0.]*$"
)


def _signed_paragraph(text: str, pos: int) -> bool:
    """The paragraph holding ``pos`` ends with a dash and a name ('... ” ― Jane Doe.')."""
    end = paragraph_end(text, pos)
    return _SIGNATURE_RE.search(text, max(pos, end - 80), end) is not None


_SIGNATURE_LINE_RE = re.compile(r"(?:[—―–-]{1,2}|~)[ \t\u00a0]*[A-Z]")  # ``tables.SIGNATURE_MARKS``
# a name and up to 24 words describing the signer (``attribution._LINE_APPOSITION_WORDS``)
_SIGNATURE_MAX_WORDS = 30


def _signature_line_after(text: str, pos: int) -> bool:
    """The paragraph after the one holding ``pos`` is a signature: a dash and a name, a few
    words long ('-Laurie Marbas, MD', '— Medium.com'), as testimonials are laid out."""
    end = paragraph_end(text, pos)
    if end >= len(text):
        return False
    line = text[end + 1 : paragraph_end(text, end + 1)].strip()
    return _SIGNATURE_LINE_RE.match(line) is not None and len(line.split()) <= _SIGNATURE_MAX_WORDS


_INNER_MARK_WORDS = 4


def _attribution_limit(text: str, marks: list[Mark], k: int) -> int:
    """Where the attribution after a quotation must end: at the next quotation, unless that
    one is a short name inside the attribution ('," Bill Eastland, wearing "Vote Ruiz" pins, said.')."""
    while k < len(marks):
        nxt = marks[k]
        lead = text[max(0, nxt.start - 3) : nxt.start].strip()
        if (
            word_count(text, nxt.start, nxt.end, _INNER_MARK_WORDS + 1) > _INNER_MARK_WORDS
            or not lead[-1:].isalpha()
        ):
            return nxt.start
        k += 1
    return len(text)


def _own_cue_start(text: str, attribution: AttributionRecord, mark: Mark) -> int:
    """Where the attribution of a quotation starts, for the reported-speech search to skip.

    'X will meet next week, Spicer said, adding, "A."': before a participle that introduces
    the quotation, 'Spicer said' reports the words before it; only 'adding' is the
    quotation's own.
    """
    if attribution.start >= mark.start or not attribution.cue.lower().endswith("ing"):
        return attribution.start
    at = text.rfind(attribution.cue, attribution.start, attribution.end)
    if at > attribution.start and any(h.group("verb") for h in CUE_RE.finditer(text, attribution.start, at)):
        return at
    return attribution.start


def _introduced_by_participle(text: str, lo: int, quote_start: int) -> bool:
    """', adding later, "B."' / ', saying: "B."': a participle cue right before the quotation."""
    tail = tokenize(text, max(lo, quote_start - 40), quote_start)
    words = [t for t in tail if t[2][0].isalnum()][-3:]
    return any(w[2].lower().endswith("ing") and w[2].lower() in VERBS for w in words) and bool(
        tail and tail[-1][2] in {",", ":"}
    )


_ADVERB_JOIN_RE = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:and|but)[ \t\u00a0]+(?:still|also|then|later|even|again)[ \t\u00a0]+",
    re.IGNORECASE,
)


def _lower_start(text: str, mark: Mark) -> bool:
    """The quotation's first word is lower-case: it carries on a clause begun before it."""
    first = WORD_RE.search(text, mark.start, mark.end)
    return first is not None and first.group()[0].islower()


def _embedded_cue(text: str, sent_start: int, quote_start: int) -> bool:
    """The cue right before the quotation sits inside the clause of an earlier speech cue of
    the same sentence ('X said aides were calling "A."'), with no punctuation between them:
    the quotation is the object of a reported clause, not a statement of its own."""
    hits = [
        h for h in CUE_RE.finditer(text, max(sent_start, quote_start - 300), quote_start) if h.group("verb")
    ]
    if len(hits) < 2:
        return False
    first, last = hits[0], hits[-1]
    gap = text[first.end() : last.start()]
    return not any(ch in gap for ch in ",;:()") and word_count(text, first.end(), last.start()) >= 2


def _complementizer_lead(lead: str) -> bool:
    """The words before a quotation end in a complementizer and a comma or colon ('said that,')."""
    words = lead[:-1].split()
    return lead[-1:] in {",", ":"} and bool(words) and words[-1].lower() in COMPLEMENTIZERS


def _clause_goes_on(text: str, ends: list[int], mark: Mark) -> bool:
    """The sentence goes on after the quotation with a lower-case word of the same clause
    ('"A" against what ...'), not with punctuation, an attribution or a new sentence."""
    if _ends_sentence(text, mark) or sentence_bounds(ends, mark.end - 1)[1] <= mark.end + 1:
        return False
    inner = text[mark.start : mark.end].rstrip("".join(MARKS) + " ")
    if inner[-1:] in {",", ";", ":", "!", "?"}:
        return False
    nxt = tokenize(text, mark.end, min(len(text), mark.end + 40), 1)
    return bool(nxt) and nxt[0][2][:1].isalpha() and nxt[0][2][:1].islower()


def _continuation_chain(marks: list[Mark], k: int) -> list[Mark]:
    """The paragraphs that carry on the quotation before ``marks[k]`` (marked ``continued``)."""
    chain: list[Mark] = []
    while k < len(marks) and marks[k].continued:
        chain.append(marks[k])
        k += 1
    return chain


def _skip_titles(
    text: str, ends: list[int], marks: list[Mark], k: int, after: int, consumed: list[Span]
) -> int:
    """'Perez said Sunday on NBC's "Meet the Press."': short quotations in the attribution's
    sentence are names."""
    if k >= len(marks) or marks[k].start < after:
        return k
    _, sent_end = sentence_bounds(ends, max(after - 1, 0))
    while (
        k < len(marks)
        and marks[k].end <= sent_end
        and word_count(text, marks[k].start, marks[k].end) <= 6
        and text[max(0, marks[k].start - 3) : marks[k].start].strip()[-1:] not in (",", ":")
    ):
        consumed.append((marks[k].start, marks[k].end))
        k += 1
    return k


def _leads_into(text: str, sent_start: int, quote_start: int, attribution: AttributionRecord) -> bool:
    """Words of the statement precede the quotation (and its attribution) in the same sentence."""
    if attribution.start < quote_start or text[sent_start:quote_start].rstrip().endswith((":", "(")):
        # 'Asked about it, Clinton said, "..."': the lead holds the attribution; 'as he'd
        # forecast ("A," he wrote)': a parenthesis opens the words
        return False
    if CUE_RE.search(text, sent_start, quote_start):
        return False
    return word_count(text, sent_start, quote_start) >= 3


def _interrupted_statement(text: str, head: int, attribution: AttributionRecord, mark: Mark) -> bool:
    """'A, he said, "b ..."': the attribution interrupts one sentence whose first part
    comes before it. The quotation opening in lower case shows that it does not start a
    sentence of its own but continues the words before the attribution."""
    if not head < attribution.start < mark.start or attribution.speaker is None:
        return False
    lead = text[head : attribution.start].rstrip()
    if not lead.endswith(",") or word_count(text, head, attribution.start, 3) < 3:
        return False
    if "," not in text[attribution.speaker[1] : mark.start] or not plausible_speaker(
        text, attribution.speaker
    ):
        return False  # commas set the attribution off on both sides: 'A, he said, "b"'
    if is_intro_phrase(text, head, attribution.start - 1):
        return False  # 'At one point, she said, "..."': a circumstance, not part of the words
    return _lower_start(text, mark)


def _signature_after(text: str, mark: Mark, limit: int) -> AttributionRecord | None:
    """'"A." — Jane Doe, nurse' / '"A!" ~ Sam': a quotation closing its sentence, then a dash
    (or tilde) and a name closing the paragraph or running up to the next quotation."""
    if is_title_case(text, mark) or not closes_sentence(text, mark.end):
        return None
    j = mark.end
    while j < limit and text[j] in " \t\u00a0":
        j += 1
    if j >= limit or text[j] not in SIGNATURE_MARKS:
        return None
    return attribution_after(text, mark.end, limit)


_SIGNED_MIN_WORDS = 3
_CITED_MIN_WORDS = 4


def _cited_sentence(text: str, mark: Mark) -> bool:
    """The quotation is a sentence of its own, not a term inside the writer's ('known as
    "the rule of three." - Radio Today' credits the paragraph, not the term): a few words,
    opening with a capital or an editor's bracket ('"[She] goal ..."')."""
    first = text[mark.start + 1 : mark.start + 3].lstrip(" .…")[:1]
    return (first.isupper() or first == "[") and word_count(
        text, mark.start, mark.end, _CITED_MIN_WORDS
    ) >= _CITED_MIN_WORDS


def _signed_below(text: str, marks: list[Mark]) -> dict[int, AttributionRecord]:
    """The quotations that are a paragraph of their own with a name on the line under them
    ('"Fast delivery and kind staff."' / 'Ana K., Bremen'), by index in ``marks``.

    A name line with a role or place after a comma signs its quotation alone; a bare name
    ('Sam Lee', 'Mirela') only when the layout repeats on the page, as testimonial lists
    do: one quotation and one short capitalised line is as often a quote and a heading.
    """
    found: dict[int, tuple[AttributionRecord, bool]] = {}
    for i, mark in enumerate(marks):
        if (
            not is_paragraph_start(text, mark.start)
            or word_count(text, mark.start, mark.end) < _SIGNED_MIN_WORDS
            or is_title_case(text, mark)
        ):
            continue
        hit = name_line_after(text, mark.end, marks[i + 1].start if i + 1 < len(marks) else len(text))
        if hit is not None:
            found[i] = hit
    repeated = len(found) >= 2
    return {i: record for i, (record, apposition) in found.items() if apposition or repeated}


def direct_quotes(text: str, marks: list[Mark], ends: list[int], consumed: list[Span]) -> list[Found]:
    out: list[Found] = []
    signed = _signed_below(text, marks)
    k = 0
    while k < len(marks):
        mark = marks[k]
        k += 1
        if word_count(text, mark.start, mark.end) == 0:
            continue
        sent_start, _ = sentence_bounds(ends, mark.start)
        sent_start = max(sent_start, mark.start - 1000)
        before = text[sent_start : mark.start]
        limit = min(_attribution_limit(text, marks, k), paragraph_end(text, mark.end))
        attribution: AttributionRecord | None = None
        kind = "direct"
        start = mark.start
        lead = before.strip()
        signature = _signature_after(text, mark, limit) if lead and _cited_sentence(text, mark) else None
        if signature is not None and lead[-1] not in ",:":
            # '... of the year." — Jane Doe "B."', 'Review: "A." — Sam Lee, nurse': a signature
            # after the quotation names its speaker, whatever leads into it
            attribution = signature
        elif lead and lead[-1] not in ",:" and lead not in ("(", "—", "–", "-"):
            # 'Both parties "saw Burma as ...," said Victor Cha': the sentence is the statement
            if _ends_sentence(text, mark) or is_title_case(text, mark):
                attribution = None  # 'On NBC's "Meet the Press," Perez said ...': a name, not words said
            elif CUE_END_RE.search(text, max(sent_start, mark.start - 40), mark.start):
                # 'to which 21 percent said "A" and 14 percent said "B."': the quotation is the
                # object of the cue right before it, not the statement of the next one
                attribution = None
            else:
                attribution = attribution_after(text, mark.end, limit, unlisted=False)
            if attribution is not None and cue_takes_clause(text, attribution, mark.end, limit):
                attribution = None  # 'Even as X claimed that "A," one of them said B.': B is reported
            elif attribution is not None and lead[-1] != "(":
                # (not 'as he'd forecast ("A," he wrote)': a parenthesis opens the words)
                kind, start = "mixed", sent_start + len(before) - len(before.lstrip())
            if attribution is None:
                attribution = attribution_before(text, sent_start, mark.start)
                if attribution is not None and sentence_bounds(ends, mark.end - 1)[1] > mark.end + 1:
                    attribution = (
                        None  # 'Obama said "it gets me mad" every time ...': left to reported speech
                    )
                elif attribution is not None and _embedded_cue(text, sent_start, mark.start):
                    attribution = (
                        None  # 'X said aides were calling "A."': the quotation ends a reported clause
                    )
        elif not lead or lead in ("(", "—", "–", "-"):
            attribution = attribution_after(text, mark.end, limit)
            if attribution is None and limit == paragraph_end(text, mark.end):
                attribution = dash_line_after(text, mark.end, marks[k].start if k < len(marks) else len(text))
            if attribution is None and not lead:
                attribution = signed.get(k - 1)  # '"..."' and the line 'Ana K., Bremen' under it
            if attribution is None and is_paragraph_start(text, mark.start):
                attribution = colon_intro(text, sent_start + len(before) - len(before.lstrip()))
                if attribution is not None and paragraph_end(text, mark.end) - mark.end < 3:
                    kind = "block"
            if attribution is None and not lead:
                attribution = sentence_intro(text, ends, marks, sent_start)
        elif _ends_sentence(text, mark):
            # 'Clinton said, "A." She followed up by saying ...': what follows is the next sentence
            attribution = attribution_before(text, sent_start, mark.start) or signature
            if (
                attribution is not None
                and attribution.end <= mark.start
                and _titled_after_comma(text, lead, mark)
            ):
                attribution = None  # 'tells it all in a new book, "Crossing the Line."': a title
        else:
            attribution = attribution_after(text, mark.end, limit)
            if attribution is not None and cue_takes_clause(text, attribution, mark.end, limit):
                attribution = None  # 'In her book, "A," and in a talk, X said B.': B is reported
            attribution = attribution or attribution_before(text, sent_start, mark.start)
            if (
                attribution is not None
                and attribution.end <= mark.start
                and _titled_after_comma(text, lead, mark)
            ):
                attribution = None  # 'describes the results in his article, "Fold-and-Cut Magic"': a title
            if (
                attribution is not None
                and attribution.end <= mark.start
                and _complementizer_lead(lead)
                and _clause_goes_on(text, ends, mark)
            ):
                attribution = None  # 'X said that, "A" against ...': left to reported speech
            if attribution is not None and _leads_into(text, sent_start, mark.start, attribution):
                # 'After the 2014 victories, "there is a sense of urgency," Law said': the
                # opening clause is part of what was said
                kind, start = "mixed", sent_start + len(before) - len(before.lstrip())
        chain: list[Mark] = []
        if attribution is None:
            # '"A.\n"B," she said.': a quotation over several paragraphs is attributed at its end
            chain = _continuation_chain(marks, k)
            if chain:
                last = chain[-1]
                chain_limit = marks[k + len(chain)].start if k + len(chain) < len(marks) else len(text)
                attribution = attribution_after(
                    text, last.end, min(chain_limit, paragraph_end(text, last.end))
                )
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
                end = max(end, strip_span(text, mark.end, sentence_bounds(ends, mark.end - 1)[1])[1])
        pieces = [inner_text(text, mark)] + [inner_text(text, m) for m in chain]
        consumed.append((_own_cue_start(text, attribution, mark), attribution.end))
        if attribution.start >= mark.end:
            k = _skip_titles(text, ends, marks, k, attribution.end, consumed)
        parts: list[Span] = [(start, end)]
        # "A," he said. "B."  -> one statement, when B has no attribution of its own
        while (
            k < len(marks)
            and (len(pieces) < MAX_JOINED or marks[k].continued)
            and k not in signed  # a quotation signed on the line under it is a statement of its own
            and continues_quote(text, ends, marks, k, max(end, attribution.end))
        ):
            parts.append((marks[k].start, marks[k].end))
            end = marks[k].end
            pieces.append(inner_text(text, marks[k]))
            k += 1
        spk = attribution.speaker
        adr = attribution.addressee
        out.append(
            Found(
                start=start,
                end=end,
                text=" ".join(p for p in pieces if p),
                kind=kind,
                speaker=text[spk[0] : spk[1]] if spk else None,
                speaker_pos=spk[0] if spk else None,
                cue=" ".join(attribution.cue.split()) or None,  # a name line under a quotation has no cue
                addressee=text[adr[0] : adr[1]] if adr else None,
                parts=parts if len(parts) > 1 else [],
            )
        )
    return out


_TURN_RE = re.compile(
    r"^[ \t\"“„«»']*(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+(?P<body>\S[^\n]*)",
    re.MULTILINE,
)
_MIN_TURNS = 2


def _spoken(body: str) -> bool:
    """A turn's words are speech: mostly lower-case words, not a spec line
    ('CPU: Intel Core i7-14700K 3.4 GHz 20-Core Processor')."""
    words = LETTERS_RE.findall(body)
    lower = sum(1 for w in words if w.islower())
    return lower >= 3 and lower >= 0.4 * len(words)


def _named_in(text: str, label: str) -> bool:
    """The label names a person: with an honorific ('MS. ABARA:'), as a role ('HOST:'), or
    as a name the article also writes in running text ('PENCE:' and 'Mike Pence')."""
    words = label.replace(".", " ").split()
    if words and (words[0].lower() in HONORIFICS or (len(words) == 1 and is_source_noun(words[0]))):
        return True
    name = label.title()
    return name != label and re.search(r"[a-z,]\s+(?:\w+\s+)?" + re.escape(name) + r"\b", text) is not None


def transcript_turns(text: str, found: list[Found]) -> list[Found]:
    """'WALLACE: Do you really see ...' paragraphs of an interview transcript are the speaker's words.

    A single capitalised label could be a heading ('UPDATE: ...'); a transcript has several
    turns, so the labels count only when at least two paragraphs start with one.
    """
    turns = [m for m in _TURN_RE.finditer(text) if _spoken(m.group("body"))]
    labels = [m.group("label") for m in turns]
    named = {label for label in labels if labels.count(label) >= 2 or _named_in(text, label)}
    turns = [m for m in turns if m.group("label") in named]
    if len(turns) < _MIN_TURNS or len(named) < 2:
        return []
    taken = sorted((f.start, f.end) for f in found)
    starts = [a for a, _ in taken]
    out: list[Found] = []
    for m in turns:
        start, end = strip_span(text, m.start("body"), m.end("body"), " \t\"“”„«»'")
        if word_count(text, start, end) < 3:
            continue
        k = bisect.bisect_right(starts, end) - 1
        if k >= 0 and taken[k][1] > start:
            continue  # already read as a quotation or reported speech
        label = m.group("label")
        out.append(Found(start, end, text[start:end], "direct", label, m.start("label"), ":"))
    return out


_STATEMENT_RES = tuple(re.compile(p) for p in STATEMENT_PATTERNS)
# Each whole-statement pattern needs its own quotation marks ("「", "«"); a text holding none
# of them cannot match, and skipping the pattern spares a full scan of every English text.
_STATEMENT_MARKS = tuple(
    frozenset(ch for ch in p if ch in MARKS and ch not in "\"'") for p in STATEMENT_PATTERNS
)


def pattern_statements(text: str, found: list[Found]) -> list[Found]:
    """Direct statements matched by the whole-statement patterns, where nothing else was found."""
    out: list[Found] = []
    taken = [(f.start, f.end) for f in found]
    for regex, marks in zip(_STATEMENT_RES, _STATEMENT_MARKS, strict=True):  # both from STATEMENT_PATTERNS
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
                Found(
                    start, end, m.group("q").strip(), "direct", speaker or None, speaker_pos, m.group("cue")
                )
            )
            taken.append((start, end))
    return out
