"""Quotes over an article's body blocks, read as one text, with block-relative spans.

Why a separate module: the article pipeline works on blocks, not plain text; this maps
between the two and adds bare <blockquote> statements introduced by 'He wrote:'.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..core.lexicon.quotes import CORE_REPORTING_CUES
from ..model import Block, Quote
from .attribution import colon_intro
from .confidence import passes, score
from .mentions import is_source_noun
from .pipeline import extract_quotes, writers_clause
from .records import Found, Register
from .register import is_news
from .resolve import resolve
from .tables import PRONOUNS, QUOTABLE, TRANSLATED_RE


def extract_block_quotes(
    blocks: Sequence[Block],
    page_type: str | None = None,
    *,
    register: Register | None = None,
    min_confidence: float | None = None,
) -> list[Quote]:
    """Quotes over the body blocks that can hold statements, read as one text.

    The blocks are joined with newlines so a quotation running over several
    paragraphs, or a paragraph ending in 'gave the following statement:' before
    a quoted one, is read across blocks; headings, captions and code act as a
    break. ``block_index`` is the block where the quote starts and ``span`` is
    relative to that block's text (it runs past the block's end, across the
    joining newlines, for a quote that spans several blocks).

    ``page_type`` is the page's kind (``Article.page_type``): on a forum thread only
    plain reports by a named source are kept (:func:`_forum_statement`). ``register`` and
    ``min_confidence`` are :func:`extract_quotes`'s (the register is decided from the joined
    text when None).
    """
    text, offsets = joined_text(blocks)
    code_page = sum(1 for block in blocks if block.kind == "preformatted") >= _CODE_PAGE_BLOCKS
    out: list[Quote] = []
    for quote in extract_quotes(text, register=register, min_confidence=min_confidence):
        if quote.span is None or (code_page and quote.kind == "indirect"):
            # On a page full of code (a manual, API docs) 'calls', 'returns', 'describes',
            # 'points to' tell what programs do; only quotations in marks are kept there.
            # (Labelled samples: 25 false reports dropped for 5 true ones.)
            continue
        index = max(0, bisect.bisect_right(offsets, quote.span[0]) - 1)
        quote.block_index = index
        quote.span = (quote.span[0] - offsets[index], quote.span[1] - offsets[index])
        if blocks[index].kind == "blockquote" and quote.kind == "direct":
            quote.kind = "block"
        out.append(quote)
    bare = _bare_blockquotes(blocks, {q.block_index for q in out})
    if bare:
        news = is_news(text, register)
        out.extend(q for q in _scored(bare, news) if passes(q, news, min_confidence))
    out.sort(key=lambda q: (q.block_index or 0, q.span[0] if q.span else 0))
    if page_type == "forum":
        out = [q for q in out if _forum_statement(q)]
    return out


def joined_text(blocks: Sequence[Block]) -> tuple[str, list[int]]:
    """The blocks that can hold statements as one text, newline-joined (the others, code
    lines among them, as empty lines), and where each block starts in it."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for block in blocks:
        body = block.text.replace("\n", " ") if block.kind in QUOTABLE and not _code_like(block.text) else ""
        offsets.append(pos)
        parts.append(body)
        pos += len(body) + 1
    return "\n".join(parts), offsets


def _forum_statement(quote: Quote) -> bool:
    """On a forum thread every post is its writer's own statement, and hearsay in it ('others
    have mentioned ...', 'it still says ...', 'they asked how come') is rarely a source's: keep
    a plain reporting cue ('said', 'told', 'according to', a quotation's colon or dash) with a
    speaker named as a person, a group or a source.
    """
    cue = (quote.cue or "").lower()
    if cue not in CORE_REPORTING_CUES and not (quote.kind in {"direct", "block"} and cue in _MARK_CUES):
        return False
    if quote.kind in {"indirect", "mixed"} and (quote.speaker or "").lower() in PRONOUNS:
        # 'She said on her days off she'd hardly ...', 'That she says yes and I'm happy?': a
        # post retelling a talk in its own words is the poster's story (labelled forum records:
        # 1 of 8 right), unlike the words it quotes ('she told me, "..."')
        return False
    return _names_a_source(quote.speaker or "")


_MARK_CUES = frozenset({":", "-", "–", "—", "―"})


def _names_a_source(speaker: str) -> bool:
    """'he', 'Tim Cook', 'the company's spokesman', 'analysts': a pronoun for a person, a
    name, or a noun for a source (not 'it', not a clause)."""
    words = speaker.split()
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0].lower() != "it"
    if len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]):
        return True
    return is_source_noun(words[-1])


# Code blocks that make a page a manual or API reference (64% of documentation pages in
# wcxb-dev have two or more, 4% of articles)
_CODE_PAGE_BLOCKS = 2

# 'category: "Fruits",', 'name = "x"', '"id": 3': a key and a quoted or literal value
_KEY_VALUE_RE = re.compile(
    r"(?:^|[{,\s])[\"']?[A-Za-z_][\w-]*[\"']?\s*[:=]\s*(?:[\"'\d\[{]|true\b|false\b|null\b)"
)


# '6:52:00 AM:', '[12:01:33]', '2024-04-26T06:51:42Z', '2024-04-26 06:51:42,123': a log line's stamp
_LOG_STAMP_RE = re.compile(
    r"\[?(?:\d{4}-\d\d-\d\d[T ])?\d{1,2}:\d\d:\d\d(?:[.,]\d+)?(?:Z|\s?[AP]M)?\]?:?(?=\s)"
)


# A whole paragraph that is one assignment or key of code: 'body: "Ahoy!",',
# "form.firstName = 'Taylor';", "r.message(body: 'Hi')"; an identifier, a string, code's
# punctuation. (A prose label with a quotation, 'Body: "..."' without a comma, is not.)
_CODE_LINE_RE = re.compile(
    r"""[A-Za-z_$][\w$]*(?:[.(][A-Za-z_$][\w$]*)*\s*[:=]\s*(["'])(?:\\.|(?!\1).)*\1\s*(?:[,;)]+\s*)$"""
    r"""|[a-z_$][\w$]*[A-Z_][\w$]*\s*:\s*(["'])(?:\\.|(?!\2).)*\2\s*$"""
)


def _code_like(text: str) -> bool:
    """A paragraph that is program text (an object literal, a line of code), not prose.

    Why: body extraction keeps inline code examples as paragraphs on documentation pages,
    and every quoted string there ('name: "Apple"') would read as a quotation. Two or
    more key/value pairs, braces around the paragraph, or time stamps of a log mark it as
    code.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[0] in "{[" and stripped.rstrip(",;")[-1:] in "}]":
        return True
    if ":" not in stripped and "=" not in stripped:
        return False  # every test below needs a key's colon or an assignment (most prose has neither)
    if _CODE_LINE_RE.match(stripped):
        return True  # 'body: "Ahoy!",', "firstName: 'Taylor'", "r.message(body: '...')": one line of code
    if _LOG_STAMP_RE.match(stripped) or (
        stripped.count(":") >= 4 and len(_LOG_STAMP_RE.findall(stripped)) >= 2
    ):
        return True  # '6:52:00 AM: warning ...': lines of a program's log (two stamps: 4 colons)
    pairs = len(_KEY_VALUE_RE.findall(stripped))
    return pairs >= 2 and len(stripped.split()) < 12 * pairs


def _scored(bare: list[tuple[Quote, str]], news: bool) -> list[Quote]:
    """Block statements with their ``confidence``, each read in the text it was found in:
    its intro, a newline and the block inside quotation marks."""
    out: list[Quote] = []
    for quote, joined in bare:
        span = (joined.index("\n") + 2, len(joined) - 1)
        probe = Quote(quote.text, quote.kind, quote.speaker, cue=quote.cue, span=span)
        quote.confidence = score(joined, probe, [probe], news)
        out.append(quote)
    return out


def _bare_blockquotes(blocks: Sequence[Block], have: set[int | None]) -> list[tuple[Quote, str]]:
    """A <blockquote> without quotation marks after an intro like 'He wrote:' is a block
    statement; each comes with the text it was read in (intro, newline, quoted block)."""
    out: list[tuple[Quote, str]] = []
    for index in range(1, len(blocks)):
        block, intro = blocks[index], blocks[index - 1]
        if (
            block.kind != "blockquote"
            or index in have
            or not block.text.strip()
            or intro.kind not in QUOTABLE
        ):
            continue
        joined = intro.text.replace("\n", " ") + '\n"' + block.text.replace("\n", " ") + '"'
        attribution = colon_intro(joined, len(intro.text) + 1)
        if attribution is None:
            continue
        spk = attribution.speaker
        if spk is not None and writers_clause(joined, spk):
            continue  # 'the author may indicate the sponsor by adding:' and a code line: no speaker
        probe = Found(
            0, 0, "", "block", joined[spk[0] : spk[1]] if spk else None, spk[0] if spk else None, None
        )
        out.append(
            (
                Quote(
                    text=block.text.strip(),
                    kind="block",
                    speaker=probe.speaker,
                    speaker_resolved=resolve(joined, probe, []),
                    cue=attribution.cue,
                    block_index=index,
                    span=(0, len(block.text)),
                    translated=bool(TRANSLATED_RE.search(intro.text)),
                ),
                joined,
            )
        )
    return out
