"""Tables and regexes derived once from ``core.lexicon.quotes``.

Why a separate module: the cue data is language data (``core.lexicon.quotes``, which also
holds the quote finder's small word sets); this turns it into the sets and compiled
patterns that every step of the quote finder reads, so they are built once at import and
no step owns them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..core.lexicon.quotes import (
    ATTRIBUTION_ONLY_VERBS,
    LANGUAGES,
    NAMING_VERBS,
    QUOTE_PAIRS,
    QUOTING_VERBS,
    TRANSLATION_MARKERS,
)


def _closers_by_opener() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for opener, closer in QUOTE_PAIRS:
        out.setdefault(opener, set()).add(closer)
    return {k: frozenset(v) for k, v in out.items()}


# a character trie: each key one character ("" marks a word's end), each value the subtree
_Trie = dict[str, "_Trie"]


def _alternation(words: Sequence[str]) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie.

    Python's re tries alternatives one by one at every position; a trie shares
    prefixes, which makes the cue scan several times faster on long texts.
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    ends_here = "" in node
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # longest match first: try the continuation, fall back to the word ending here
        return "(?:" + body + ")?"
    return body


CLOSERS = _closers_by_opener()
OPENERS = frozenset(CLOSERS)
ALL_CLOSERS = frozenset(c for _, c in QUOTE_PAIRS)
MARKS = OPENERS | ALL_CLOSERS
# "''" (two apostrophes) is how some archives write a double quotation mark
MARK_RE = re.compile("''|[" + re.escape("".join(sorted(MARKS))) + "\n]")
MAX_DEPTH = 6

VERBS = frozenset().union(*(lang.verbs for lang in LANGUAGES))
ATTRIBUTION_ONLY = ATTRIBUTION_ONLY_VERBS
ADDRESSEE_VERBS = frozenset().union(*(lang.addressee_verbs for lang in LANGUAGES))
NEEDS_THAT = frozenset().union(*(lang.needs_complementizer for lang in LANGUAGES))
OBJECT_CUES = frozenset().union(*(lang.object_cues for lang in LANGUAGES))
OBJECT_PREP = dict(pair for lang in LANGUAGES for pair in lang.object_preposition)
SKIP = frozenset().union(*(lang.skip_words for lang in LANGUAGES))
# A language's own auxiliaries, by cue: French "a" before "déclaré", never before "said"
CUE_AUX: dict[str, frozenset[str]] = {
    verb: lang.auxiliaries for lang in LANGUAGES if lang.auxiliaries for verb in lang.verbs
}
COMPLEMENTIZERS = frozenset(w for lang in LANGUAGES for w in lang.complementizers)
PRON_SING = frozenset().union(*(lang.pronouns_singular for lang in LANGUAGES))
PRON_PLUR = frozenset().union(*(lang.pronouns_plural for lang in LANGUAGES))
PRONOUNS = PRON_SING | PRON_PLUR
SOURCE_NOUNS = frozenset().union(*(lang.source_nouns for lang in LANGUAGES))
AGENT_SUFFIXES = tuple(dict.fromkeys(x for lang in LANGUAGES for x in lang.agent_suffixes))
NOT_AGENTS = frozenset().union(*(lang.not_agents for lang in LANGUAGES))
NOT_SOURCES = frozenset().union(*(lang.not_sources for lang in LANGUAGES))
CLAUSE_OPENERS = frozenset().union(*(lang.clause_openers for lang in LANGUAGES))
FINITE = frozenset().union(*(lang.finite_verbs for lang in LANGUAGES))
INFINITIVE_CUES = frozenset().union(*(lang.infinitive_cues for lang in LANGUAGES))
SPEECH_ONLY = frozenset().union(*(lang.speech_only_verbs for lang in LANGUAGES))
OBJECT_CONTENT = frozenset().union(*(lang.object_content_verbs for lang in LANGUAGES))
GERUND_CUES = frozenset().union(*(lang.gerund_cues for lang in LANGUAGES))
SHARE_NOUNS = frozenset().union(*(lang.share_nouns for lang in LANGUAGES))
SELF_DOCUMENTS = frozenset().union(*(lang.self_documents for lang in LANGUAGES))
NORM_NOUNS = frozenset().union(*(lang.norm_nouns for lang in LANGUAGES))
TOPIC_CUES = frozenset().union(*(lang.topic_cues for lang in LANGUAGES))
ASPECT_VERBS = frozenset().union(*(lang.aspect_verbs for lang in LANGUAGES))
# The cue words of the languages whose sources and clauses the checks in ``mentions`` can read.
CHECKED_CUES = frozenset().union(*(lang.verbs | lang.object_cues for lang in LANGUAGES if lang.source_nouns))
_GROUP_NOUNS = tuple(dict.fromkeys(n for lang in LANGUAGES for n in lang.group_nouns))
_ACCORDING_BEFORE = tuple(dict.fromkeys(p for lang in LANGUAGES for p in lang.according_before))
_ACCORDING_AFTER = tuple(dict.fromkeys(p for lang in LANGUAGES for p in lang.according_after))
INVERTED_SHORT = frozenset(p for lang in LANGUAGES for p in lang.inverted_short)

CUE_RE = re.compile(
    r"(?<![\w'’-])(?:(?<=, )(?P<inv>"
    + _alternation(sorted(INVERTED_SHORT))
    + r")|(?P<acc>"
    + _alternation(_ACCORDING_BEFORE)
    + r")|(?P<after>"
    + _alternation(_ACCORDING_AFTER)
    + r")|(?P<verb>"
    + _alternation(sorted(VERBS | OBJECT_CUES))
    + r"))(?![\w'’-])",
    re.IGNORECASE,
)
# CUE_RE without IGNORECASE, for a scan of a whole text's lower-cased copy: the same matches
# about 2.5 times faster (case-insensitive matching tests every character both ways).
_CUE_LOWER_RE = re.compile(CUE_RE.pattern)


def scan_cues(text: str) -> Iterator[re.Match[str]]:
    """Every ``CUE_RE`` match in ``text``, in order (what ``CUE_RE.finditer(text)`` gives).

    Why: the cue scan over a page's whole text was the quote finder's largest cost. Each hit
    of the scan of the lower-cased copy is matched again on the text itself, so callers get
    its real case; a text whose lower-casing changes its length is scanned directly.
    """
    low = text.lower()
    if len(low) != len(text):
        yield from CUE_RE.finditer(text)
        return
    for hit in _CUE_LOWER_RE.finditer(low):
        cue = CUE_RE.match(text, hit.start())
        if cue is not None:
            yield cue


def scan_translated(text: str) -> list[int]:
    """The offsets of every translation note in ``text`` (``TRANSLATED_RE``), found on the
    lower-cased copy as ``scan_cues`` does."""
    low = text.lower()
    if len(low) != len(text):
        return [m.start() for m in TRANSLATED_RE.finditer(text)]
    return [m.start() for m in _TRANSLATED_LOWER_RE.finditer(low)]


STATEMENT_INTRO_RE = re.compile(
    r"\b(?P<cue>(?:provided|gave|give|issued|released|sent|offered|shared|emailed|e-mailed|published|"
    r"posted|made|read)\b[^.:!?\n]{0,60}?\b(?:statement|comment|response|reply|remarks|answer)s?"
    r"|(?:statement|response|reply)\s+(?:read|reads|said|says))\b",
    re.IGNORECASE,
)
# A quoting verb ending the text before a quotation ('chanting, "', 'a sign reading "'); it is
# searched with ``endpos`` at the opening mark, so "$" anchors it right before the mark.
QUOTING_END_RE = re.compile(
    r"(?<![\w'’-])(?P<verb>" + _alternation(sorted(QUOTING_VERBS)) + r")[ \t\u00a0]*[,:]?[ \t\u00a0]*$",
    re.IGNORECASE,
)

# A one-word cue verb right before a quotation's opening mark, no comma between ('21 percent
# said "A"'): the quotation is its object (quotes/direct.py).
CUE_END_RE = re.compile(
    r"(?<![\w'’-])(?:" + _alternation(sorted(v for v in VERBS if " " not in v and v.isascii())) + r")\s*$",
    re.IGNORECASE,
)

# A verb of naming, its object (one to five words) and an article, right before a quotation,
# as in 'call them', 'branded North Korea an', 'labeled the plan as' (quotes/naming.py).
NAMING_TAIL_RE = re.compile(
    r"(?<![\w'’-])(?P<verb>" + _alternation(sorted(NAMING_VERBS)) + r")\s+"
    r"(?P<obj>(?:[\w'’.-]+\s+){1,5}?)(?:as\s+)?(?:(?:an?|the)\s+)?$",
    re.IGNORECASE,
)


def _leading_chars(patterns: Sequence[str]) -> str:
    """The first literal character of each pattern ('\\(' counts as '('), for a lookahead."""
    return "".join(sorted({p[1] if p.startswith("\\") else p[0] for p in patterns}))


# The lookahead lets the scan skip positions that cannot start a marker before it tries
# every alternative there: same matches, about three times faster on English text.
TRANSLATED_RE = re.compile(
    "(?=[" + re.escape(_leading_chars(TRANSLATION_MARKERS)) + "])(?:" + "|".join(TRANSLATION_MARKERS) + ")",
    re.IGNORECASE,
)
# (on the lower-cased copy the plain alternation is faster: re skips ahead by its first letters)
_TRANSLATED_LOWER_RE = re.compile("(?:" + "|".join(TRANSLATION_MARKERS) + ")")
TOKEN_RE = re.compile(r"\w+(?:[.'’&-]\w+)*|[^\w\s]")
WORD_RE = re.compile(r"\w+")
LETTERS_RE = re.compile(r"[^\W\d_]+")  # words of letters only, in any script
DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.u", "n.c": dotted initials
SENT_END_RE = re.compile(
    # (the lookahead lets the scan skip every other character at once: 3 times faster)
    r"(?=[.!?…\n|])(?:[.!?…]+[\"”’»«“'」』)\]]*(?=\s+[\"“„«»‘'「『(\[]{0,2}[\w])|\n"
    # 'A: "..." (Source) | B: "..."': a bar between spaces separates items of a list
    r"|(?<=\s)\|(?=\s)"
    # 'conditions.An evidence-based ...': two blocks' text run together with no space (not a
    # web address: 'www.TheSite.com')
    r"|(?<=[a-z]{3})(?<!www)[.!?](?=[A-Z][a-z])"
    # 'adolescents.5 Data on ...': a footnote number glued to the full stop
    r"|(?<=[a-z]{3})\.(?=\d{1,3}\s+[A-Z][a-z]))"
)
JOIN_GAP_RE = re.compile(r"[\s,.;:\u00a0]*(?:(?:but|and|then|aber|und)\s+)?", re.IGNORECASE)
CONTENT_CUT_RE = re.compile(
    r",[\"”’»']?\s+(?:adding|saying|noting|arguing|warning|insisting|explaining|stressing|claiming|"
    r"according\s+to)\b|\s+and\s+(?:also\s+)?(?:added|said|warned|noted|argued|"
    r"insisted|told|called|urged|claimed|stressed|explained)\b"
    # 'calling Obama an "ignorant baboon" and tweeting a photo': a second act of the subject
    r"|\s+and\s+(?:then\s+)?(?:tweeting|posting|saying|adding|writing|telling|calling|urging|warning)\b"
    # '..., and no, in summer I do salads', '..., and I'm sure ...': the writer answers
    r"|,\s+(?:and|but|so)\s+(?:I|I['’]m|I['’]ve|I['’]d|no|my|we)\b"
    # '..., and that's totally true', ', which is true': the writer judging what was said
    r"|,\s+(?:and\s+that['’]s|which\s+is)\s+(?:totally\s+|absolutely\s+|so\s+|very\s+)?(?:true|right|correct|false|wrong)\b"
    # '..., and that holds just as true today': 'that' as a subject with its verb is the writer's
    r"|,[”\"’]?\s+and\s+that\s+(?:holds|remains|means|makes|seems|sounds|rings)\b"
    # '..., though they declined to provide detail', '..., but declined to elaborate': the writer
    # on the source's silence
    r"|,\s+(?:though|but|although)\s+(?:(?:they|he|she|it|the\s+\w+)\s+)?(?:(?:declined|refused)\s+to"
    r"|(?:would\s+not|wouldn['’]t|did\s+not|didn['’]t)\s+(?:say|elaborate|comment|respond|explain))\b"
    # '..., although police have not confirmed whether ...': another party has not vouched for it
    r"|,\s+(?:though|but|although)\s+(?:[\w'’.-]+\s+){1,3}(?:have|has|had|did)\s+not\s+(?:yet\s+)?"
    r"(?:confirmed|verified|disclosed|released|commented)\b"
    # '94 percent reported X, followed by 79 percent of Y', 'X, compared to 3 percent of Y': the
    # writer's comparison with other groups
    r"|,\s+(?:followed\s+by|compared\s+(?:to|with))\s+(?=[\w$%.-]*\d)"
    # 'claimed we'd pay $126, but never deigned to mention the airline': the speaker's deed
    r"|,\s+but\s+(?:never|then|later)\s+\w+ed\b"
    # 'claimed X, but offered no proof', 'said X, but has not disclosed details', 'noted X, but
    # did not buy her argument': the writer on what the source left out or thought of it
    r"|,\s+but\s+(?:(?:offered|provided|gave|cited)\s+no|downplayed)\b"
    r"|,\s+but\s+(?:has|have|had|did|does)\s+(?:not|yet\s+to)\s+(?:disclose|disclosed|release|released|"
    r"provide|provided|offer|offered|specify|specified|identify|identified|name|named|buy|bought)\b"
    # '..., and the American College of Sports Medicine ranks ...': a second source's report
    r"|,?\s+and\s+the\s+(?:[A-Z][\w&'’.-]*\s+(?:of\s+|for\s+|and\s+|on\s+)?){1,6}"
    r"(?:ranks|ranked|reports|reported|found|finds|says|said|estimates|estimated|shows|showed|notes|noted)\b"
    # '... save $750 a year (as long as you're keeping away from ...)': the writer to the reader
    r"|\s\((?=[^()]{0,80}\byou(?:['’]re|r)?\b(?!\s+know))"
    # '"... than my new bed" and didn't want to get out': the speaker's next deed, not words
    r"|(?<=[”\"])\s+and\s+(?:didn['’]t|did\s+not|couldn['’]t|wouldn['’]t)\s"
    # '... the Stoics, who argue that A, I looked up to see ...': the writer's main clause
    r"|,\s+I\s+(?=[a-z])"
    # '..., but there are two ways you can check', '..., but you can ...': the writer again
    r"|,\s+but\s+(?:there\s+(?:are|is)|you)\b"
    # ', but it is understood Sky is also keen', '"...," which
    # sounds like a faulty transliteration': the writer's own knowledge, story or verdict
    r"|,\s+but\s+it\s+(?:is|was)\s+(?:understood|believed|thought|known)\b"
    r"|(?<=[”\"]),?\s+which\s+(?:sounds|seems|looks|appears)\b"
    # 'it's free, however most people pay more': the writer's contrast
    r"|,[’'\"”]?\s+however\s+(?!,)"
    # 'says "several thousand days" which is at least 2000 days': the writer on the quoted words
    r"|(?<=[”\"])\s+which\s+(?:is|was|means)\b"
    # ', while a recent report from Activiate anticipates ...', ', but other reports suggest ...': a
    # second source's report after a contrast
    r"|,\s+(?:while|whereas|but|although|though)\s+(?:[\w%'’.&-]+\s+){1,6}"
    r"(?:anticipates|anticipated|estimates|estimated|predicts|predicted|suggest|suggests|suggested|"
    r"reports|reported|says|said|found|finds|shows|showed)\b"
    # '... a "game-changer" though it is yet to be established', '... without offering any
    # evidence that ...', ' (spokespeople wouldn't specify which one)': the writer's check on it
    r"|,?\s+(?:though|although)\s+it\s+(?:is|was|has)\s+(?:yet|not|still)\b"
    r"|\s+without\s+(?:offering|providing|giving|citing|presenting|producing)\s+(?:any\s+)?"
    r"(?:evidence|proof|details|support)\b"
    r"|\s\((?=[^()]{0,60}\b(?:wouldn['’]t|would\s+not|declined\s+to|didn['’]t|did\s+not|couldn['’]t|"
    r"could\s+not)\b)"
    # '21% reported anxiety and 17% reported depression': a second subject's own report
    r"|\s+and\s+(?:[\w%'’.-]+\s+){1,3}(?:reported|said|told|say|says|added)\b"
    # '45 percent said X—now just 35 percent say Y', 'X – a plan that 91 percent agreed would ...':
    # after a dash, a second subject's report
    r"|\s*[—–]\s*(?:[\w%'’.-]+\s+){1,4}(?:reported|said|told|say|says|added|shows|showed|found|finds|suggests)\b"
    r"|\s*[—–]\s*(?:[\w%'’.-]+\s+){1,5}(?:agreed|agree|agrees|believe|believed|believes)\b"
    # ', so why give the competition free data?', ', it appears the stereotype is false': the
    # writer's question or hedge ('research shows' after a dash: a second source, as above)
    r"|,\s+so\s+(?:why|what|how)\b|,\s+it\s+(?:appears|seems)\b"
    # '...; these are people running businesses so they know', '...; so I went': the writer's
    # own clause after a semicolon
    r"|;\s+(?=(?:these|those|this|it|so|I|we|you)\b)"
    # '54% said they want QR codes, signaling a desire for data', '..., a strong sign of
    # category crossover': the writer reading the finding, not part of it
    r"|(?:,[’'\"”]?\s+|\s*[—–]\s*)(?:making|highlighting|signaling|signalling|showing|indicating|reflecting|aligning|"
    r"underscoring|meaning|proving|demonstrating|marking|tying|leading)\b"
    r"|,\s+a\s+(?:strong\s+|clear\s+|sure\s+)?(?:sign|nod|testament|reminder|indication)\b"
    # '..., which the customers deny', '..., which the company disputes': another side's
    # answer to what was reported, not part of it
    r"|,\s+which\s+(?:[\w'’.-]+\s+){1,4}(?:deny|denies|denied|dispute|disputes|disputed|reject|rejects|rejected)\b"
    # '..., which can also harm mental health': the writer's comment on what was reported
    r"|[,–—]\s+which\s+(?:can|could|may|might)\b"
    # '... rotation of two degrees - so perhaps he won't miss': an aside after a dash
    r"|\s[-–—]\s+(?:so|but)\s"
    # 'they said it was overpowered - it's still as fast as when I bought it': the writer's
    # first person after a dash (in reported words a third party's 'I' would be 'he')
    r"|\s[-–—]\s+(?=[^.;:!?\"“”\n]{0,80}\b(?:I|I['’]m|I['’]ve|my|me)\b)"
    # '... he had cocaine in his system, Police Sgt. Lee Gragg told NBC News.', '..., the report
    # said.': a second source's attribution closing the sentence, not part of the reported words
    r"|,[”\"’]?\s+(?!(?:and|but|so|or|which|who|whom|that|as|what|when|while|if|because|since)\b)"
    r"(?:(?!(?:who|which|that|whom)\b)[\w'’.&-]+\s+){1,7}(?:said|says|told|tells|reported|reports|added|adds|wrote|writes)"
    r"(?:\s+[\w'’.&-]+){0,7}(?=[\s.]*\Z)",
    re.IGNORECASE,
)
# Any quotation mark, straight or curly, opening or closing: does a span hold a quotation?
QUOTE_MARK_RE = re.compile('["“”«»„]')
# A wire dateline opening an article's first sentence ('AMMAN (Reuters) - ', '(CBS News) ',
# 'NEW YORK (AP) — ', 'BEIJING—'): where the story was filed and by whom, not words anyone said
DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:,?\s+[A-Z][A-Za-z.'’-]*){0,3}\s+)?\((?:[A-Z][\w&.'’-]*)(?:\s+[A-Z][\w&.'’-]*){0,2}\)"
    r"\s*(?:[-—–]+\s*)?(?=[A-Z“\"])"
    # 'BEIJING—', 'NEW YORK — ': a city in capitals and a dash
    r"|[A-Z]{3,}(?:,?\s+[A-Z]{2,}){0,2}\s*[—–]\s*(?=[A-Z“\"])"
)
PROPER_RUN_RE = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|von|van|al|bin))*\s+[A-Z][\w'’-]+")
GROUP_RE = re.compile(r"\b((?:[A-Z][\w&.-]*\s+){1,4})(?:" + _alternation(_GROUP_NOUNS) + r")\b")

DASHES = frozenset({"—", "―", "–", "-"})
# What may open a signature under or after a quotation: a dash, or the tilde some testimonial
# lists use instead ('~ Jane Doe, nurse'); not a dash anywhere else ('~5 minutes').
SIGNATURE_MARKS = DASHES | {"~"}
SEPARATORS = frozenset({",", ";", ":", "(", ")", "—", "―", "–"})
MAX_SPEAKER_TOKENS = 12
MAX_JOINED = 4
LOOKBACK = 200
WINDOW = 3000
DENSE = 12  # "said, adding" is the tightest real pair of cues
RESOLVE_WINDOW = 1500
QUOTABLE = ("paragraph", "blockquote", "list_item")
