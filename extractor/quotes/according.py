"""'According to X' and its kin ('laut X', 'X zufolge' in other languages): who the source
is and which words of the sentence are its.

Why a separate module: the phrase is read differently from a verb of speech. Its source
follows it, its words can come before it, after it, or around it ('The HF35 will, according
to Ford, be used in ...'), and a rule or a sum can stand where a source would ('according to
the terms', 'according to simple division'). Reported speech (``reported``) hands it every
'according to' cue.
"""

from __future__ import annotations

import re

from ..core.lexicon.quotes import (
    AUX,
    CONJUNCTIONS,
    DETERMINERS,
    GAP_VERBS,
    LEAD_JUNK,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
)
from .content import content_end, is_intro_phrase
from .mentions import is_source_noun
from .records import Found, Span, Token
from .sentences import comma_in_number, tokenize, word_count
from .speakers import is_capitalized, np_after, title_case_role
from .tables import FINITE, NORM_NOUNS, PRONOUNS, VERBS, WORD_RE


def according_report(text: str, cue: re.Match[str], sent_start: int, sent_end: int) -> Found | None:
    """The statement an 'according to' cue reports in its sentence, or None (no source, or a
    rule or a sum in the source's place)."""
    got = _according(text, cue, sent_start, sent_end)
    if got is None:
        return None
    (cs, ce), spk = got
    if _is_norm(text, spk):
        return None  # 'resolved according to the Federal Arbitration Act': conformity
    if cs >= spk[1]:
        # 'According to the report, 4.5 billion people use them daily, making X a smart
        # choice': the content ends where the writer's reading of it begins
        ce = content_end(text, cs, ce)
    low = " ".join(cue.group().split()).lower()
    return Found(cs, ce, "", "indirect", text[spk[0] : spk[1]], spk[0], low)


def _according(text: str, cue: re.Match[str], sent_start: int, sent_end: int) -> tuple[Span, Span] | None:
    """(content span, speaker span) for 'According to X, C.' and 'C, according to X.'."""
    pre = text[sent_start : cue.start()].strip()
    lead = [
        t
        for t in tokenize(text, max(sent_start, cue.start() - 200), cue.start())
        if t[2].lower() not in LEAD_JUNK and t[2] != ","
    ]
    if not lead:
        spk = np_after(text, cue.end(), sent_end, max_tokens=16)
        if spk is not None:
            figure = _FIGURE_AFTER_SOURCE_RE.match(text, spk[0], spk[1])
            if figure is not None:
                # 'According to the survey 40% of young adults live at home, and ...': no comma,
                # the source's finding opens with its figure
                return (figure.end(1), sent_end), (spk[0], figure.start(1))
            described = _after_parenthesis(text, spk[1], sent_end)
            comma = text.find(",", described, sent_end)
            if 0 <= comma - described <= 3:
                start = _after_appositive(text, comma + 1, sent_end)
                if start == comma + 1:
                    name_end = _name_apposition(text, start, sent_end)
                    if name_end is not None:
                        # "According to the company's spokesman, John Smith, the plan ...": the
                        # source's name, set off by commas, is part of the source
                        return (name_end + 1, sent_end), (spk[0], name_end)
                return (start, sent_end), spk
            longer = _source_up_to_comma(text, spk, comma)
            if longer is not None:
                return (longer[1] + 1, sent_end), longer
        # "Laut Polizei wurde niemand verletzt": the source runs up to the verb
        spk = _capitalised_source(text, cue.end(), sent_end)
        return ((spk[1], sent_end), spk) if spk else None
    if pre.endswith(","):
        spk = np_after(text, cue.end(), sent_end, max_tokens=16)
        if spk is None:
            return None
        comma = text.find(",", spk[1], sent_end)
        # the aside ends at the comma right after the source, or after a second source joined
        # to it by 'and confirmed by one member'.
        aside = 0 <= comma - spk[1] <= 3 or (
            comma > 0 and bool(_JOINED_SOURCE_RE.fullmatch(text, spk[1], comma))
        )
        if aside and (
            is_intro_phrase(text, sent_start, sent_start + len(pre) - 1) or _stops_inside_clause(pre[:-1])
        ):
            # 'In other words, according to the story, the person who ...': the opener is the
            # writer's; 'The plan costs $30, although, according to X, there have been
            # sales': the clause after the conjunction is the source's; '..., and now,
            # according to the site, "you can ..."', 'tools which, according to X, "is a good
            # thing"': the words before stop inside a clause, the source's part follows. What
            # the source says follows its comma.
            verb = WORD_RE.search(text, comma + 1, sent_end)
            if verb is not None and verb.group().lower() in GAP_VERBS:
                # 'Among the precedents at risk, according to X, are 16 cases': the opener is
                # the fronted part of the source's clause; the whole sentence is said
                return (sent_start, sent_end), spk
            return (comma + 1, sent_end), spk
        if aside and _continues_clause(text, comma + 1, sent_end):
            # 'The HF35 will, according to Ford, be used in ...': the aside interrupts the
            # source's clause, which goes on after it (from a colon before it: 'the tribe is
            # rich: each adult, according to X, receives ...')
            colon = text.rfind(": ", sent_start, cue.start())
            return (colon + 2 if colon >= 0 else sent_start, sent_end), spk
        return (sent_start, cue.start()), spk
    return None


def _continues_clause(text: str, pos: int, end: int) -> bool:
    """The words after an aside's closing comma go on with the clause before it: a verb in
    its plain form, its -s form or a participle ('be used', 'rise', 'receives', 'fallen'),
    not a new clause."""
    word = WORD_RE.search(text, pos, end)
    if word is None or not word.group().islower():
        return False
    low = word.group()
    if low.endswith("s") and not low.endswith("ss") and low not in PREPOSITIONS:
        # 'Each adult, according to court records, receives ...': the verb of the subject before
        return word_count(text, word.end(), end) >= 2
    return low in _CLAUSE_GOES_ON or (low.endswith(("ed", "en")) and low not in PREPOSITIONS)


# a source noun, then a figure opening what it found ('the survey 40% of ...')
_FIGURE_AFTER_SOURCE_RE = re.compile(
    r".*?\b(?:survey|poll|study|report|data|census|analysis|research)(\s+)(?=\d[\d.,]*\s*(?:%|percent\b))",
    re.IGNORECASE,
)
_JOINED_SOURCE_RE = re.compile(r"\s+and\s+[a-z]+ed\s+by\s+[^,;:]{1,60}")
# (and 'that': 'Kelly had begun to speculate, according to one source, that Trump ...')
_CLAUSE_GOES_ON = frozenset({"be", "have", "not", "never", "also", "still", "soon", "likely", "that"})


def _stops_inside_clause(pre: str) -> bool:
    """The words before the aside are not a clause of their own: they end in a conjunction
    ('..., although'), or their last phrase (after its comma or dash) ends in a relative
    pronoun or conjunction ('tools which') or is a conjunction and at most two more words
    ('and now', 'and at times')."""
    tail = WORD_RE.findall(pre[-30:])
    if tail and tail[-1].lower() in CONJUNCTIONS:
        return True
    last = max(pre.rfind(mark) for mark in (",", ";", "—", "–"))
    words = [w.lower() for w in WORD_RE.findall(pre, last + 1)]
    if not words:
        return False
    if words[-1] in RELATIVE_PRONOUNS or words[-1] in CONJUNCTIONS:
        return True
    return len(words) <= 3 and words[0] in CONJUNCTIONS


def _after_parenthesis(text: str, pos: int, end: int) -> int:
    """After 'According to OpenAI (the company that made ChatGPT)': the end of a parenthesis
    right after the source, which describes it; else ``pos``."""
    rest = text[pos:end]
    if not rest.lstrip().startswith("("):
        return pos
    close = text.find(")", pos, end)
    return close + 1 if close > 0 else pos


_NAME_APPOSITION_RE = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*),\s+")


def _name_apposition(text: str, start: int, sent_end: int) -> int | None:
    """Where a full name (two to four capitalised words) right at ``start`` ends, at its
    comma, or None."""
    m = _NAME_APPOSITION_RE.match(text, start, sent_end)
    if m is None or word_count(text, m.end(), sent_end) < 4:
        return None
    if any(w.lower() in DETERMINERS or w.lower() in PRONOUNS for w in m.group(1).split()):
        return None
    return m.end(1)


def _after_appositive(text: str, start: int, sent_end: int) -> int:
    """'According to MNI, publisher of the data that powers X, the sector imports ...',
    'According to John Smith, a spokesman for the agency, the plan ...': a noun phrase (or a
    relative clause: 'According to Kohn, who serves as director, ...') set off by commas
    right after the source describes it; what the source says follows. The
    phrase opens with a determiner or a source noun and has no verb of its own (one inside
    a relative clause is the phrase's)."""
    comma = text.find(",", start, sent_end)
    if comma < 0 or word_count(text, comma + 1, sent_end) < 4:
        return start
    words = WORD_RE.findall(text, start, comma)
    if words and words[0] in {"who", "which"}:
        return comma + 1  # 'According to Kohn, who serves as director, the center ...'
    if title_case_role(words):
        return comma + 1  # 'According to Tom Namako, Deputy News Director at Buzzfeed, the NYPD ...'
    if not words or not words[0].islower() or not (words[0] in DETERMINERS or is_source_noun(words[0])):
        return start
    for w in words:
        low = w.lower()
        if low in RELATIVE_PRONOUNS:
            break
        if low in FINITE or low in AUX or low in VERBS:
            return start
    # the clause after it opens with its subject ('the sector imports'), not 'along with
    # cheese, ..., can help' (the phrase was the subject itself) or 'which brings'
    nxt = WORD_RE.search(text, comma + 1, sent_end)
    if nxt is None or not (
        nxt.group().lower() in DETERMINERS
        or nxt.group().lower() in SUBJECT_PRONOUNS
        or nxt.group()[:1].isupper()
        or nxt.group()[:1].isdigit()
    ):
        return start
    return comma + 1


def _source_up_to_comma(text: str, spk: Span, comma: int) -> Span | None:
    """'According to data from over 66,000 responses in the 2025 survey, ...': the source runs
    on past a preposition to the comma, when the words up to it hold no verb."""
    while comma > 0 and comma_in_number(text, comma):
        comma = text.find(",", comma + 1)
    if comma < 0:
        return None
    words = tokenize(text, spk[1], comma)
    if not words or len(words) > 10 or any(t[2].lower() in FINITE or t[2].lower() in AUX for t in words):
        return None
    return spk[0], comma


def _is_norm(text: str, span: Span) -> bool:
    """The source of 'according to' is a rule, an order or a sum ('the Act', 'the terms',
    'size', 'the prompts given', 'simple division'), not someone who says something."""
    words = [w.lower() for w in WORD_RE.findall(text, span[0], span[1])]
    if len(words) > 1 and words[-1] in _NORM_PARTICIPLES:
        words.pop()  # 'the prompts given', 'the instructions provided'
    return bool(words) and words[-1] in NORM_NOUNS


_NORM_PARTICIPLES = frozenset({"given", "provided", "listed", "shown", "above", "below"})


def _capitalised_source(text: str, start: int, end: int) -> Span | None:
    """'laut Polizei wurde ...': articles and capitalised nouns up to the first other word."""
    out: list[Token] = []
    articles = {"der", "die", "das", "des", "dem", "den", "einem", "einer", "eines", "von", "vom"}
    for tok in tokenize(text, start, min(end, start + 150))[:8]:
        if is_capitalized(tok[2]) or tok[2].lower() in articles:
            out.append(tok)
        else:
            break
    while out and not is_capitalized(out[-1][2]):
        out.pop()
    if out and out[-1][2].endswith(("'s", "’s")):
        # 'According to Google's keyword tool there are ...': the possessive's own noun
        for tok in tokenize(text, out[-1][1], min(end, out[-1][1] + 60))[:3]:
            low = tok[2].lower()
            if not tok[2].isalpha() or not tok[2].islower() or low in DETERMINERS or low in PRONOUNS:
                break
            if low in FINITE or low in {"there", "it", "here"}:
                break
            out.append(tok)
    return (out[0][0], out[-1][1]) if out else None
