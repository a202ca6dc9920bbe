"""Speakers: the noun phrase that names who spoke (or to whom), next to a cue word.

Why a separate module: direct quotes, reported speech and introductions all ask the same
question, "which words before or after this cue are the speaker?".
"""

from __future__ import annotations

import re

from ..core.lexicon.quotes import (
    ABBREV,
    ADVERB_ENDINGS,
    AFFIRMING_BEFORE_CUE,
    AFTER_NAME_STOPS,
    APPROXIMATORS,
    AUX,
    BLOCKERS,
    CLAUSE_JOINERS,
    CLAUSE_OPENERS_BEFORE_CUE,
    CONTRACTED_SUBJECTS,
    DETERMINERS,
    FREQUENCY_ADVERBS,
    GAP_VERBS,
    HYPOTHETICAL_SPEAKERS,
    LEAD_JUNK,
    NOT_SUBJECT_END,
    OBJECT_PRONOUNS,
    PARTICIPLE_TIME_WORDS,
    PASSIVE,
    PREPOSITIONS,
    RELATIVE,
    ROLE_TITLE_WORDS,
    SUBJECT_CLAUSE_JOINERS,
    TIME_START,
    TURN_VERBS,
    VERB_FIRST_OPENERS,
    WH_OBJECT_WORDS,
)
from .mentions import is_source_noun
from .records import Span, Token
from .sentences import tokenize
from .tables import (
    ASPECT_VERBS,
    COMPLEMENTIZERS,
    CUE_AUX,
    FINITE,
    LOOKBACK,
    MARKS,
    MAX_SPEAKER_TOKENS,
    PRONOUNS,
    SEPARATORS,
    SHARE_NOUNS,
    SKIP,
    VERBS,
    WORD_RE,
)


def is_capitalized(word: str) -> bool:
    return word[:1].isupper()


def name_part(tokens: list[Token], k: int) -> bool:
    """Token ``k`` is a capitalised word inside a run of capitalised words ('Theresa May',
    'Chairman Will Rogers'): a name, even when the same word in lower case is a modal
    ('may', 'will') that would end a subject or block a cue."""
    word = tokens[k][2]
    if not word[:1].isupper() or word.isupper():
        return False
    before = tokens[k - 1][2] if k > 0 else ""
    after = tokens[k + 1][2] if k + 1 < len(tokens) else ""
    return (before[:1].isupper() and before.isalpha() and len(before) > 1) or (
        k > 0 and after[:1].isupper() and after.isalpha()
    )


def abbrev_token(word: str) -> bool:
    return word.lower() in ABBREV or (len(word) == 1 and word.isupper())


def without_parentheses(tokens: list[Token]) -> list[Token]:
    """'Rep. John Mica (R-Fla.)' -> 'Rep. John Mica': party tags are not part of the name."""
    out: list[Token] = []
    depth = 0
    for tok in tokens:
        if tok[2] == "(":
            depth += 1
        elif tok[2] == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(tok)
    return out


def _last_clause_start(tokens: list[Token]) -> int:
    """Where the last clause joined by 'and' / 'but' with a pronoun subject begins ('she was
    packing and I told her she was free and [asked]': the verb before the cue is I's), else 0."""
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i][2].lower() in CLAUSE_JOINERS and tokens[i + 1][2].lower() in PRONOUNS:
            return i + 1
    return 0


def leading_np(tokens: list[Token]) -> list[Token]:
    """The subject at the start of a clause: a pronoun, or words up to the first verb-like word."""
    while tokens and (tokens[0][2].lower() in LEAD_JUNK or not tokens[0][2][0].isalnum()):
        tokens = tokens[1:]
    if not tokens:
        return []
    if tokens[0][2].lower() in PRONOUNS:
        return tokens[:1]
    first = tokens[0][2]
    if first[:1].islower() and (first.endswith("ed") or first.lower() in FINITE):
        return []  # 'bemoaned the unrest and said': a predicate without its subject
    out: list[Token] = []
    for tok in tokens[:10]:
        low = tok[2].lower()
        if tok[2] == "." and out and abbrev_token(out[-1][2]):
            out.append(tok)
            continue
        if not tok[2][0].isalnum() or low in AUX or low in VERBS or low in BLOCKERS:
            break
        if (
            out
            and not is_capitalized(tok[2])
            and (low.endswith("ed") or low in FINITE)
            and out[-1][2].lower() not in DETERMINERS
        ):
            # 'Clinton sought to ...', 'The mayor went on ...' (after an article the word is an
            # adjective or a noun: 'The retired neurosurgeon', 'the left wing')
            break
        out.append(tok)
    return out


def leading_subject(text: str, start: int, end: int) -> Span | None:
    """The subject opening the clause at ``start`` (``leading_np`` over at most 200
    characters, up to ``end``), as a span: who speaks for a participle or an object cue that
    has no subject of its own next to it."""
    tokens = tokenize(text, start, min(end, start + 200))
    opener = _opening_phrase_end(tokens)
    lead = leading_np(tokens[opener:])
    return (lead[0][0], lead[-1][1]) if lead else None


def _opening_phrase_end(tokens: list[Token]) -> int:
    """Where an opening phrase of time or place ends ('On Saturday,', 'In a statement on
    Monday,', 'Last week,'): the index after its comma, or 0. The subject follows it."""
    if not tokens or tokens[0][2].lower() not in PREPOSITIONS | TIME_START:
        return 0
    comma = next((k for k, t in enumerate(tokens[:8]) if t[2] == ","), None)
    if comma is None or any(t[2].lower() in VERBS or t[2].lower() in FINITE for t in tokens[:comma]):
        return 0
    return comma + 1


def split_segments(tokens: list[Token]) -> list[list[Token]]:
    """The tokens between separators; a comma inside a number ('66,000') separates nothing."""
    segments: list[list[Token]] = [[]]
    for k, tok in enumerate(tokens):
        if (tok[2] in SEPARATORS or tok[2] in MARKS) and not _in_number(tokens, k):
            segments.append([])
        else:
            segments[-1].append(tok)
    return segments


def _in_number(tokens: list[Token], k: int) -> bool:
    """Token ``k`` is the comma of '66,000': digits on both sides, no space."""
    if tokens[k][2] != "," or k == 0 or k + 1 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (
        before[1] == tokens[k][0]
        and after[0] == tokens[k][1]
        and before[2][-1:].isdigit()
        and after[2][:1].isdigit()
    )


def skippable(word: str, cue: str) -> bool:
    """An adverb or auxiliary that may stand between the speaker and ``cue`` (auxiliaries
    of a language only before that language's cues: 'le maire a déclaré', not 'a said')."""
    low = word.lower()
    return low in SKIP or low in CUE_AUX.get(cue.lower(), ())


def _cue_word(text: str, cue_start: int) -> str:
    m = WORD_RE.match(text, cue_start)
    return m.group() if m else ""


_TURN_REACH = 6  # words between a turn verb and 'to say' ('interrupted me in mid-sentence to')


_APPOSITION_DASHES = (" --", " —", " –", "—")


def _subject_word(word: str) -> bool:
    """A word a subject can end in: a pronoun, a name, a source noun ('He', 'Mexicans',
    'officials'; not 'but' or 'are' in 'but still concluded', 'are already saying')."""
    return word.lower() in PRONOUNS or is_capitalized(word) or is_source_noun(word)


def speaker_before(text: str, lo: int, cue_start: int) -> Span | None:
    """The speaker mention written just before a cue ('the vice president said').

    Returns None when the words before the cue make it a non-statement
    ('to say', 'would say', 'was told') or there is no plausible subject.
    """
    lo = max(lo, cue_start - LOOKBACK)
    before = text[lo:cue_start].rstrip()
    dash = next((d for d in _APPOSITION_DASHES if before.endswith(d)), None)
    if dash is not None:
        # 'Kall -- co-editor of a book on the debates -- said': the name before the dashes
        opening = before.rfind(dash, 0, len(before) - len(dash))
        ahead = WORD_RE.findall(before, max(0, opening - 20), opening)
        if opening > 0 and ahead and ahead[-1].lower() not in AUX:
            # (not 'has—provocatively echoing X—called for': an aside inside the verb phrase)
            return speaker_before(text, lo, lo + opening)
    tokens = [t for t in without_parentheses(tokenize(text, lo, cue_start)) if t[2] not in ("'", "’")]
    cue = _cue_word(text, cue_start)
    own_aux = CUE_AUX.get(cue.lower(), frozenset())
    while tokens and tokens[-1][2].lower() in own_aux:
        tokens.pop()  # 'Le maire a déclaré': the auxiliary of a French cue, not the English article
    if len(tokens) > 1 and tokens[-1][2].lower() == "to" and tokens[-2][2].lower() in ASPECT_VERBS:
        del tokens[-2:]  # 'Lewandowski continued to say': the report goes on
    elif tokens and tokens[-1][2].lower() == "to" and cue.lower() in {"say", "ask"}:
        # "O'Malley interjected to say", 'took to Twitter to say': the subject of the turn
        # speaks ('stood up to warn those around her' is an act, not a report)
        turn = next(
            (
                i
                for i in range(len(tokens) - 2, max(-1, len(tokens) - _TURN_REACH - 2), -1)
                if tokens[i][2].lower() in TURN_VERBS
            ),
            None,
        )
        if turn is not None and not any(t[2] in {".", "!", "?", ";", ":"} for t in tokens[turn:]):
            del tokens[turn:]
    if tokens and (
        (tokens[-1][2].lower() in BLOCKERS and not name_part(tokens, len(tokens) - 1))
        or _modifier_slot(tokens[-1][2])
    ):
        return None
    if (
        tokens
        and (cue.lower().endswith("ed") or cue.lower() == "told")
        and _NEGATED_PASSIVE_RE.fullmatch(tokens[-1][2])
    ):
        return None  # "the two stars weren't asked to jump": a denied passive
    if tokens and cue.lower().endswith("ed") and possessive(tokens[-1][2]):
        return None  # "the FDA's proposed label", "the company's reported earnings": an adjective
    while tokens and (
        skippable(tokens[-1][2], cue)
        or (len(tokens) > 1 and tokens[-1][2] in AFFIRMING_BEFORE_CUE and _subject_word(tokens[-2][2]))
        or (
            # 'has sharply criticized', 'publicly and repeatedly said': adverbs of the cue
            tokens[-1][2][:1].islower()
            and tokens[-1][2].endswith("ly")
            and (
                tokens[-1][2].lower().endswith(ADVERB_ENDINGS)
                or (len(tokens) > 1 and skippable(tokens[-2][2], cue))
            )
        )
    ):
        tokens.pop()
    if not tokens:
        return None
    last = tokens[-1][2].lower()
    if last in PASSIVE and text[cue_start : cue_start + 12].split()[0].lower().endswith("ing"):
        tokens.pop()  # "The White House is saying that ..."
        last = tokens[-1][2].lower() if tokens else ""
    if not tokens or ((last in BLOCKERS or last in PASSIVE) and not name_part(tokens, len(tokens) - 1)):
        return None
    k = len(tokens) - 1
    while (
        k > 0
        and tokens[k][2][:1].islower()
        and (tokens[k][2].endswith("ly") or tokens[k][2].lower() in FREQUENCY_ADVERBS)
    ):
        k -= 1
    if (
        k < len(tokens) - 1
        and tokens[k][2].lower() in PASSIVE | BLOCKERS
        and not cue.lower().endswith("ing")  # 'are quietly saying': progressive, not passive
    ):
        return None  # 'reps are often praised for', 'would never say': passive or modal
    segments = split_segments(tokens)
    if tokens[-1][2] in SEPARATORS:
        # "Trump, speaking to veterans, said" -> the segment before the aside
        filled = [s for s in segments if s]
        chosen = filled[-2] if len(filled) >= 2 else (filled[-1] if filled else [])
    else:
        chosen = segments[-1]
    chosen = _name_before_appositive(segments, chosen)
    chosen = _whole_list(tokens, segments, chosen)
    chosen = _after_joined_report(chosen)
    chosen = _after_finite_clause(chosen, cue)
    chosen = _after_report_frame(chosen)
    chosen = _relative_speaker(chosen)
    if not chosen:
        return None
    if chosen and chosen[-1][2].lower() in {"and", "but", "or", "und"}:
        own = leading_np(chosen[_last_clause_start(chosen[:-1]) : -1])
        chosen = own or leading_np(next((s for s in segments if s), []))
    # 'It may not matter what Sanders meant when he promised', 'astounding that Trump
    # demands': the subject of the clause the cue belongs to follows its subordinator; after
    # 'if' / 'unless' nothing was reported ('if data revealed that ...')
    gap_after = _verb_gap_after(text, cue_start + len(cue))
    sub = max(
        (
            i
            for i, t in enumerate(chosen[:-1])
            if (t[2].lower() in CLAUSE_OPENERS_BEFORE_CUE or (t[2].lower() == "what" and gap_after))
            and not (t[2].lower() == "that" and verb_like_word(chosen[i + 1][2]))
        ),
        default=None,
    )
    if sub is not None:
        if chosen[sub][2].lower() in {"if", "unless"}:
            return None
        chosen = chosen[sub + 1 :]
    while chosen and (chosen[0][2].lower() in LEAD_JUNK or not chosen[0][2][0].isalnum()):
        chosen = chosen[1:]
    if not chosen:
        return None
    chosen = chosen[-MAX_SPEAKER_TOKENS:]
    if chosen[0][2].lower() in PREPOSITIONS and not _approximate_share(chosen):
        opened = chosen
        chosen = _subject_after_opener(chosen)
        if (
            not chosen
            and len(opened) > 1
            and opened[0][2].lower() == "with"
            and cue.lower().endswith("ing")
            and not _ON_AFTER_RE.match(text, cue_start + len(cue))
        ):
            # 'with 22 percent saying they ...': the absolute clause's subject ('with several
            # deals pointing to', 'with Beethoven insisting on using' tell of things and habits)
            chosen = opened[1:]
        if not chosen:
            return None
    return chosen[0][0], chosen[-1][1]


_GROUP_HEARERS = frozenset(
    {"police", "officials", "authorities", "investigators", "officers", "detectives", "prosecutors"}
)
_NEGATED_PASSIVE_RE = re.compile(r"(?:was|were|is|are|wasn|weren|isn|aren)n?['’]t", re.IGNORECASE)
_NAME_JOINERS = frozenset({".", "-", "&", "de", "van", "von", "al", "bin", "of"})
_ON_AFTER_RE = re.compile(r"\s+(?:on|to)\b", re.IGNORECASE)
_MAX_JOINED_SUBJECT = 5


def _after_joined_report(chosen: list[Token]) -> list[Token]:
    """'One in three said the party doesn't care and one in four said ...': when the words
    before the cue hold an earlier report joined by 'and' / 'but', the speaker is the subject
    after the last joiner, not the whole first report."""
    verb = next((k for k, t in enumerate(chosen) if t[2].lower() in VERBS), None)
    if verb is None:
        return chosen
    joiner = max(
        (k for k in range(verb + 1, len(chosen) - 1) if chosen[k][2].lower() in CLAUSE_JOINERS), default=None
    )
    if joiner is None or len(chosen) - joiner - 1 > _MAX_JOINED_SUBJECT:
        # 'I asked about X and he let me know he's working on adding': a clause of its own
        # before the cue, not a subject
        return chosen
    if chosen[-1][2].lower().endswith(("'s", "’s")):
        # '... alongside Oscar and Eden Hazard in Chelsea's attacking style': a possessive
        # before an -ing word, which is an adjective there, not a subject and its cue
        return chosen
    return chosen[joiner + 1 :]


def _relative_speaker(chosen: list[Token]) -> list[Token]:
    """'I spoke with another assistant who said', 'We talked to residents who say': the writer's
    frame before the noun the relative clause describes; that noun (with 'who') speaks."""
    if len(chosen) < 4 or chosen[-1][2].lower() != "who" or chosen[0][2].lower() not in PRONOUNS:
        return chosen
    if not verb_like_word(chosen[1][2]) and chosen[1][2].lower() not in VERBS:
        return chosen
    if chosen[2][2].lower() not in PREPOSITIONS:
        return chosen
    return chosen[3:]


def _after_report_frame(chosen: list[Token]) -> list[Token]:
    """'They said he asked, "..."', 'Police say the suspect told ...': a report frames the
    cue's own clause; the speaker is the subject after the frame's verb (and its 'that')."""
    if len(chosen) < 3 or (chosen[0][2].lower() not in PRONOUNS and not is_capitalized(chosen[0][2])):
        return chosen
    frame = next((k for k in range(1, min(len(chosen) - 1, 4)) if chosen[k][2].lower() in _FRAME_VERBS), None)
    if frame is None:
        return chosen
    rest = chosen[frame + 1 :]
    if rest and rest[0][2].lower() == "that":
        rest = rest[1:]
    if (
        not rest
        or len(rest) > 4
        or not (
            rest[0][2].lower() in PRONOUNS or rest[0][2].lower() in DETERMINERS or is_capitalized(rest[0][2])
        )
        or any(verb_like_word(t[2]) or t[2].lower() in VERBS for t in rest)
    ):
        # ('De Blasio said the move was made by X and said': a clause of its own, not a subject)
        return chosen
    return rest


# -ing words that work as prepositions ('including some who warned')
_ING_PREPOSITIONS = frozenset({"including", "excluding", "regarding", "concerning", "following", "according"})
# What opens the object of an -ing participle ('dismissing all ...', 'raising the ...')
_PARTICIPLE_OBJECT_OPENERS = (
    DETERMINERS | OBJECT_PRONOUNS | {"all", "the", "this", "that", "these", "those", "any", "no"}
)
_FRAME_VERBS = frozenset(
    {"said", "say", "says", "told", "tell", "tells", "believe", "believed", "think", "thought"}
)


def _after_finite_clause(chosen: list[Token], cue: str) -> list[Token]:
    """'revenues dipped below expectations and State Treasurer X blamed', 'attendees cheered
    loudly as Steve Ballmer announced', 'the hall fell silent when a fight broke out and a
    guard said': a clause with a finite verb of its own stands before the subject of the cue,
    after its joiner (clause after clause). With nothing after the joiner ('protesters threw
    bombs while chanting') the participle's subject is the clause's. A participle after a
    noun ('a study published in', 'notices filed Friday', 'a survey conducted by') and a
    relative clause ('a graduate who asked not to be named') are part of the subject."""
    while True:
        verb = next((k for k in range(1, len(chosen) - 1) if _finite_verb(chosen, k, chosen[k + 1][2])), None)
        subordinate = False
        if verb is None:
            # 'allowing Obama to appear bipartisan just as Romney was attacking': a participle's
            # phrase, then a subordinate clause with its own subject
            verb = next(
                (k for k, t in enumerate(chosen[:-1]) if t[2].islower() and t[2].endswith("ing")), None
            )
            subordinate = True
        if verb is None:
            return chosen
        joiner = next(
            (
                k
                for k in range(verb + 1, len(chosen))
                if _joins_clause(chosen, k) and not (subordinate and chosen[k][2].lower() in CLAUSE_JOINERS)
            ),
            None,
        )
        if joiner is None:
            return chosen
        rest = chosen[joiner + 1 :]
        if not rest:
            # 'threw bombs while chanting': the participle's subject is the clause's ('and later
            # announced': the subject the two verbs share is found by the caller)
            ing = cue.lower().endswith("ing") and chosen[joiner][2].lower() != "and"
            return leading_np(chosen) if ing else chosen
        last = rest[-1][2].lower()
        if (
            (len(rest) > 1 and rest[0][2].lower() in PRONOUNS)  # 'as he keeps talking about'
            or last in SUBJECT_CLAUSE_JOINERS
            or last in PREPOSITIONS
            or last in FINITE
            or (last.endswith("ed") and len(rest) > 1)
        ):
            # 'using it as a ranking factor and later announced', 'began her speech before the
            # committee by slamming', 'as the meeting began vowing': no subject of the cue
            return chosen
        chosen = rest


def _joins_clause(chosen: list[Token], k: int) -> bool:
    """Token ``k`` joins a new clause: a conjunction before a subject ('and State Treasurer X',
    'as Steve Ballmer', 'while he'), or at the end, before the cue ('while chanting')."""
    low = chosen[k][2].lower()
    if low not in SUBJECT_CLAUSE_JOINERS:
        return False
    if k == len(chosen) - 1:
        return True
    if low == "as" and k > 1 and chosen[k - 2][2].lower() == "as":
        return False  # 'as bad as she said': a comparison, no clause of the cue's own
    if any(t[2].lower() in WH_OBJECT_WORDS for t in chosen[:k]):
        return False  # 'contradicted what Trump and Lewandowski said': inside the object clause
    nxt = chosen[k + 1][2]
    return is_capitalized(nxt) or nxt.lower() in PRONOUNS or nxt.lower() in DETERMINERS


def _finite_verb(chosen: list[Token], k: int, nxt: str) -> bool:
    """Token ``k``, followed by the word ``nxt``, is the finite verb of a clause ('dipped',
    'broke', 'roared'), not a participle after a noun ('published in', 'filed Friday') or a
    verb inside a relative clause."""
    word, low = chosen[k][2], chosen[k][2].lower()
    if not word.islower() or any(t[2].lower() in RELATIVE for t in chosen[:k]):
        return False
    before = chosen[k - 1][2]
    if before.lower() in DETERMINERS or before.lower() in AUX or possessive(before):
        return False
    if low in FINITE and low not in AUX:
        return True
    if not low.endswith("ed"):
        return False
    return nxt.lower() not in _PARTICIPLE_NEXT and not is_capitalized(nxt) and not nxt[:1].isdigit()


# after a participle that ends a noun's description: its agent, place, time or goal
_PARTICIPLE_NEXT = PREPOSITIONS | PARTICIPLE_TIME_WORDS


def _abbreviated_tail(segment: list[Token]) -> bool:
    """One short capitalised word and its dot ('Calif.', 'Inc.', 'Jr.')."""
    return (
        len(segment) == 2
        and segment[1][2] == "."
        and segment[0][2].isalpha()
        and segment[0][2][:1].isupper()
        and len(segment[0][2]) <= 5
    )


def _name_before_appositive(segments: list[list[Token]], chosen: list[Token]) -> list[Token]:
    """'Sadie O'Connor, president of Reading Corps talks about', 'Bart Banino, an attorney at
    X, a firm specialising in Y, emphasized': the name the appositives describe speaks, not
    the last description before the cue."""
    k = next((i for i, seg in enumerate(segments) if seg is chosen), None)
    if k is None:
        return chosen
    before = [seg for seg in segments[:k] if seg]
    if _abbreviated_tail(chosen) and before and before[-1][-1][2][:1].isupper():
        # 'a gynecologist in San Mateo, Calif., who ..., noted', 'Mattel, Inc., echoed': a
        # state's or a firm's abbreviation ends the name before its comma
        return _name_before_appositive(segments, before[-1])
    if len(chosen) == 1 and chosen[0][2].isdigit() and len(chosen[0][2]) <= 3:
        # 'Shawn Styles, 30, who works nearby, said': an age after the name
        return before[-1] if before and _name_run(before[-1]) else chosen
    if not _appositive(chosen):
        # 'Christine Jew, senior specialist, product communications, for X, told': bare
        # lower-case titles after a name that opens the span describe it too
        # (two titles at least: in 'Trump, aides said, was furious' the one is the subject)
        titles = [*before[1:], chosen]
        if len(titles) >= 2 and _name_run(before[0]) and all(_bare_title(seg) for seg in titles):
            return before[0]
        return chosen
    for seg in reversed(before):
        if _name_run(seg):
            # (a dateline in capitals is no name: 'WASHINGTON, Secretary of State Hillary
            # Clinton said' names its speaker in the title's segment)
            return chosen if all(t[2].isupper() for t in seg) else seg
        if not _appositive(seg):
            break
    return chosen


def _bare_title(seg: list[Token]) -> bool:
    """'senior specialist', 'product communications', 'equity research': one to four
    lower-case words with no article, verb or function word (a job title or department)."""
    words = [t[2] for t in seg]
    return 0 < len(words) <= 4 and all(
        w.isalpha()
        and w.islower()
        and w not in DETERMINERS
        and w not in PREPOSITIONS
        and w not in PRONOUNS
        and w not in SKIP
        and not verb_like_word(w)
        for w in words
    )


def _whole_list(tokens: list[Token], segments: list[list[Token]], chosen: list[Token]) -> list[Token]:
    """'Elevance Health, Centene, and Cigna have announced', 'Smith, Jones and Brown said':
    every name of the list speaks, not only the last ones."""
    names = [t for t in chosen if t[2].lower() not in {"and", "or"}]
    if len(names) == len(chosen) or not names or not _name_run(names):
        return chosen  # no 'and' / 'or' in the speaker, or not names
    k = next((i for i, seg in enumerate(segments) if seg is chosen), None)
    if k is None:
        return chosen
    first = chosen
    members = 1
    for seg in reversed(segments[:k]):
        if seg and _name_run(seg):
            first = seg
            members += 1
            continue
        j = len(seg)
        while j > 0 and is_capitalized(seg[j - 1][2]):
            j -= 1
        if 0 < j < len(seg):
            first = seg[j:]  # 'other players like Elevance Health': the list's capitalised start
            members += 1
        break
    if first is chosen or (members == 2 and chosen[0][2].lower() == "and"):
        # ('... goals for Fermi, and Ajello said': a comma before 'and' joins two names only
        # in a list of three or more; with two it joins two clauses)
        return chosen
    return [t for t in tokens if first[0][0] <= t[0] <= chosen[-1][0] and t[2] not in SEPARATORS]


def _appositive(seg: list[Token]) -> bool:
    """A description set off by commas: 'an attorney at X', 'a firm specialising in Y',
    'president of Y' (a role noun first); not 'the ...', an opening phrase ('as one of ...',
    'In June') or a name."""
    if not seg:
        return False
    first = seg[0][2]
    if first.lower() in {"a", "an"}:
        return len(seg) > 1
    if title_case_role([t[2] for t in seg]):
        return True  # (only after a name: ``_name_before_appositive``)
    return (
        len(seg) >= 3
        and first.isalpha()
        and first.islower()
        and first not in DETERMINERS  # 'Similarly, several other studies suggest': the subject
        and is_source_noun(first)
    )


def title_case_role(words: list[str]) -> bool:
    """'Director of Public Affairs at the State Division', 'Deputy News Director at Buzzfeed':
    a capitalised job title (``ROLE_TITLE_WORDS`` in its first three words) with the place it
    holds after a preposition; not a list ('Bank of America and Citigroup')."""
    return (
        len(words) >= 3
        and is_capitalized(words[0])
        and any(w.lower() in ROLE_TITLE_WORDS for w in words[:3] if is_capitalized(w))
        and any(w in {"of", "at", "for"} for w in words[1:5])
        and "and" not in words[:4]
    )


def _name_run(seg: list[Token]) -> bool:
    """One to five capitalised words, with the particles names hold ('Rahm Emanuel', 'Bart
    Banino', 'Abu Bakr al Baghdadi')."""
    words = [t[2] for t in seg]
    return (
        0 < len(words) <= 6
        and is_capitalized(words[0])
        and words[0].lower() not in PREPOSITIONS | DETERMINERS  # 'In Tehran, residents have ...'
        and is_capitalized(words[-1])
        and all(is_capitalized(w) or w.lower() in _NAME_JOINERS for w in words)
    )


def _verb_gap_after(text: str, pos: int) -> bool:
    """A verb with no subject follows the cue ('what she said is growing demand'): the
    clause before the cue is a relative one whose pronoun is that verb's subject."""
    words = WORD_RE.findall(text, pos, pos + 40)
    return bool(words) and words[0].lower() in GAP_VERBS


def verb_like_word(word: str) -> bool:
    """An auxiliary, a listed finite verb or a lower-case '-ed' word: 'that have endorsed
    him' (after 'that' a verb makes it a relative pronoun, not a conjunction), a title with
    no verb in it, a clause's main verb coming back (``reported._main_verb``)."""
    low = word.lower()
    return low in AUX or low in FINITE or (low.endswith("ed") and word[:1].islower())


def _approximate_share(tokens: list[Token]) -> bool:
    """'about half of Democratic voters', 'nearly 60 percent': a quantity, not an opening phrase."""
    if len(tokens) < 2 or tokens[0][2].lower() not in APPROXIMATORS:
        return False
    nxt = tokens[1][2].lower()
    return nxt[:1].isdigit() or nxt in SHARE_NOUNS


def _subject_after_opener(tokens: list[Token]) -> list[Token]:
    """'In a radio interview Smith' / 'To which she' / 'At the bottom it': an opening
    phrase written without a comma, then the subject. The subject is the pronoun or the run
    of capitalised words right before the cue; a phrase with neither has no subject here."""
    while len(tokens) > 1 and tokens[-1][2] in FREQUENCY_ADVERBS:
        tokens = tokens[:-1]  # 'now at 86 she still says': the adverb of the cue
    if tokens[-1][2].lower() in PRONOUNS or tokens[-1][2].lower() == "it":
        return tokens[-1:]
    k = len(tokens)
    while k > 1 and (is_capitalized(tokens[k - 1][2]) or (tokens[k - 1][2] == "." and k < len(tokens))):
        k -= 1
    tail = tokens[k:]
    if not tail or k <= 1 or not is_capitalized(tail[0][2]):
        return []
    if tokens[k - 1][2].lower() in DETERMINERS | PREPOSITIONS:
        return []  # 'In the White House said': the capitalised words end the opening phrase
    return tail


def possessive(word: str) -> bool:
    """ "FDA's", "company's" (not "he's", "it's", "that's": a pronoun and 'is' or 'has')."""
    low = word.lower().replace("’", "'")
    return low.endswith("'s") and low[:-2] not in PRONOUNS | CONTRACTED_SUBJECTS


def _modifier_slot(word: str) -> bool:
    """'his proposed ban', 'an alleged incident', 'as predicted', 'That said,':
    the cue is an adjective or an idiom there, not a verb with a subject."""
    low = word.lower()
    return low in NOT_SUBJECT_END or word == "That"


def plausible_speaker(text: str, speaker: Span) -> bool:
    """A subject, not a clause: no verb before any relative pronoun ('X, who has ...' is fine).

    Short spans are checked too: 'Scarborough is one of many', 'There is other' and
    'Labor Secretary Ann Ruiz stopped' hold a verb; 'eight hours of' ends where a noun
    should follow; 'said when Boyle' starts with the cue of another clause.
    """
    tokens = tokenize(text, speaker[0], speaker[1])
    if not tokens:
        return False
    # 'She has since', 'Officials have often': auxiliaries and adverbs before the cue
    while len(tokens) > 1 and (
        tokens[-1][2].lower() in AUX
        or tokens[-1][2].lower() in SKIP
        or tokens[-1][2].lower()
        in {"not", "never", "already", "still", "often", "now", "since", "ever", "both", "all", "each"}
        or tokens[-1][2].endswith(("ly", "n't", "n’t"))
    ):
        tokens = tokens[:-1]
    first = tokens[0][2].lower()
    if first == "there" or (len(tokens) > 1 and first in VERBS):
        return False
    if first in VERB_FIRST_OPENERS and not (len(tokens) > 1 and is_capitalized(tokens[1][2])):
        return False  # 'Habe das Paket natürlich versichert', 'Würde sagen' (not 'Will Smith')
    if first in HYPOTHETICAL_SPEAKERS and (len(tokens) == 1 or tokens[1][2].lower() in RELATIVE):
        return False  # 'Anyone who says ...': no one in particular
    if tokens[-1][2].lower().endswith(("'ll", "’ll")):
        return False  # "ask most folks ..., and they'll say ...": what someone would say
    if (
        len(tokens) > 1
        and tokens[0][2].islower()
        and first.endswith("ing")
        and first not in _ING_PREPOSITIONS
        and tokens[1][2].lower() in _PARTICIPLE_OBJECT_OPENERS
    ):
        # 'dismissing all pending lawsuits and announcing': a participle and its object ('wedding
        # planners', 'gaming giant Nintendo' are nouns)
        return False
    if tokens[0][2][:1].islower() and first in AUX:
        return False  # 'are often equivalent to', 'is one of': a predicate, not a subject
    if _inside_relative_clause(tokens):
        return False
    if len(tokens) > 1 and tokens[-1][2].lower() in (PREPOSITIONS - {"by"}) | {"the", "a", "an"}:
        return False
    for i, tok in enumerate(tokens):
        low = tok[2].lower()
        if low in RELATIVE:
            return True
        if i > 0 and (low in AUX or low.endswith("n't")) and not name_part(tokens, i):
            return False
        if len(tokens) > 5 and low in VERBS:
            return False
    return True


def _inside_relative_clause(tokens: list[Token]) -> bool:
    """The span is a relative clause with a verb of its own before the cue ('which is what
    the director', 'who has gotten less credit than aides', 'much of which can be credited
    to the laws'): the cue then belongs to another clause, and the span is no subject.
    A bare relative pronoun ('Ann, who said ...') or one with adverbs ('who in 2010') is
    a speaker that resolution ties to its noun."""
    words = [t[2].lower() for t in tokens]
    if len(words) > 2 and words[1] == "of" and words[2] in RELATIVE:
        words = words[2:]  # 'much of which', 'many of whom'
    if words[0] not in RELATIVE:
        return False
    return any(w in AUX or w in VERBS for w in words[1:])


def np_after(text: str, start: int, end: int, max_tokens: int = 14) -> Span | None:
    """The speaker after an inverted cue ('said Steve Grubbs, an Iowa operative')."""
    out: list[Token] = []
    named = False
    window = without_parentheses(tokenize(text, start, min(end, start + 250), max_tokens + 8))[:max_tokens]
    for k, tok in enumerate(window):
        low = tok[2].lower()
        if (tok[2] in SEPARATORS or tok[2] in {"!", "?"} or tok[2] in MARKS) and not _in_number(window, k):
            break
        if named and tok[2] in AFTER_NAME_STOPS:
            break
        named = named or is_capitalized(tok[2])
        if tok[2] == "." and (not out or not abbrev_token(out[-1][2])):
            break
        if low in COMPLEMENTIZERS or (
            out and low in TIME_START and tok[2][0].islower() and out[-1][2].lower() not in DETERMINERS
        ):
            break  # ('according to an early gauge': after an article 'early' is an adjective)
        if out and low == "and" and k + 1 < len(window) and _finite_verb(window, k + 1, ""):
            break  # 'according to court records and confirmed by one member': a second clause
        out.append(tok)
    while out and out[-1][2] == ".":
        out.pop()
    if not out:
        return None
    if len(out) == 1 and is_capitalized(out[0][2]) and is_source_noun(out[0][2]):
        # 'says Co-Founder, Stephanie Özcan': a title, then the name it belongs to
        rest = window[len(out) :]
        if len(rest) > 2 and rest[0][2] == ",":
            name = []
            for tok in rest[1:]:
                if not is_capitalized(tok[2]):
                    break
                name.append(tok)
            if len(name) >= 2 and _name_run(name):
                return out[0][0], name[-1][1]
    return out[0][0], out[-1][1]


def addressee_after(text: str, start: int, end: int) -> tuple[Span | None, int]:
    """The hearer of 'told' ('told Reuters that', 'told reporters'); returns its span and where it ends."""
    tokens = tokenize(text, start, min(end, start + 200), 16)
    if not tokens:
        return None, start
    that = next((k for k, t in enumerate(tokens[:9]) if t[2].lower() in COMPLEMENTIZERS), None)
    if that is not None and that > 0 and all(t[2][0].isalnum() or t[2] == "." for t in tokens[:that]):
        # 'asked me not to share that ...', 'urged the appeals court to find that ...': the
        # 'that' belongs to the infinitive's verb, and the hearer ends before it
        infinitive = next((k for k in range(that) if tokens[k][2].lower() in {"to", "not"}), None)
        last = that - 1 if infinitive is None else infinitive - 1
        if last >= 0:
            return (tokens[0][0], tokens[last][1]), tokens[last][1]
    out: list[Token] = []
    first = tokens[0][2].lower()
    nxt = tokens[1][2].lower() if len(tokens) > 1 else ""
    if first in OBJECT_PRONOUNS and nxt != "to" and (first != "her" or nxt in DETERMINERS | PRONOUNS):
        # 'told me the plan would work', 'told her the plan ...' (not 'her mother'; 'urged him to
        # resign' keeps its hearer in the content, as infinitive reports do)
        out = tokens[:1]
    elif is_capitalized(tokens[0][2]):
        for tok in tokens:
            if is_capitalized(tok[2]) or tok[2].lower() == "of":
                out.append(tok)
            else:
                break
        after = tokens[len(out)][2] if len(out) < len(tokens) else ""
        if after.lower() in _GROUP_HEARERS:
            out.append(tokens[len(out)])  # 'told Atlanta police Rogers fondled ...': a city's force
    elif tokens[0][2].lower() in DETERMINERS and len(tokens) > 1:
        out = tokens[:2]
        if is_capitalized(tokens[1][2]):
            # 'told the Washington Post', 'told the New York Times': the whole name
            for tok in tokens[2:]:
                if not is_capitalized(tok[2]):
                    break
                out.append(tok)
    elif tokens[0][2][0].isalpha() and tokens[0][2].lower().endswith("s"):
        out = tokens[:1]  # "told reporters", "told supporters"
    elif tokens[0][2].islower() and is_source_noun(tokens[0][2]) and nxt in PRONOUNS | DETERMINERS:
        out = tokens[:1]  # 'told police he was the Joker', 'told staff the plan ...'
    if not out:
        return None, start
    return (out[0][0], out[-1][1]), out[-1][1]
