"""Properties of the quote finder and of the records it fills, on generated text.

The finder reads any text (news, shop pages, forum posts, code) with hand-made rules; these
properties hold for every input whatever the rules decide: it never raises, every span lies
inside the text, a report's text is the text at its span, records survive to_dict/from_dict,
and whitespace collapsing is idempotent. Budgets: tests/_fuzz.py.
"""

from __future__ import annotations

from _fuzz import budget
from hypothesis import given
from hypothesis import strategies as st

from extractor.core.tree import collapse_ws
from extractor.model import Block, Quote
from extractor.quotes import extract_block_quotes, extract_quotes

# Words the finder reacts to, mixed with plain ones: names, pronouns, cues, nouns that look
# like cues, quotation marks of several languages, punctuation and line breaks.
_WORDS = (
    "said",
    "says",
    "told",
    "added",
    "adding",
    "according to",
    "asked",
    "Asked about",
    "called",
    "claims",
    "reports",
    "notes",
    "warned",
    "that",
    "which",
    "who",
    "whom",
    "when",
    "if",
    "and",
    "but",
    "the",
    "a",
    "his",
    "her",
    "officials",
    "the report",
    "Mr. Smith",
    "Kelly",
    "She",
    "he",
    "they",
    "It",
    "you",
    "I",
    "we",
    "56%",
    "six in 10",
    "1,000",
    "(R-Ga.)",
    "sp. z o.o.",
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "'",
    ":",
    ",",
    ";",
    ".",
    "?",
    "\u2014",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "Logger.warning()",
    "6:52:00 AM:",
    "body:",
    "prices would rise",
    "the plan",
    "was",
    "is",
    "would",
    "never",
    "often",
    "Dota boasts",
)
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)


@budget(300)
@given(_TEXT)
def test_quote_spans_lie_inside_the_text(text: str) -> None:
    for quote in extract_quotes(text):
        assert quote.span is not None
        start, end = quote.span
        assert 0 <= start < end <= len(text)
        if quote.kind == "indirect":
            assert quote.text == text[start:end]
        if quote.speaker is not None and quote.speaker_resolved is None:
            assert quote.speaker.strip()


@budget(150)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("paragraph", "blockquote", "list_item", "heading", "preformatted")), _TEXT
        ),
        max_size=6,
    )
)
def test_block_quotes_point_into_their_blocks(items: list[tuple[str, str]]) -> None:
    blocks = [Block(kind=kind, text=text) for kind, text in items]  # type: ignore[arg-type]
    for quote in extract_block_quotes(blocks):
        assert quote.block_index is not None
        assert 0 <= quote.block_index < len(blocks)
        assert quote.span is not None
        assert 0 <= quote.span[0] <= len(blocks[quote.block_index].text)


_OPTIONAL_TEXT = st.none() | st.text(max_size=20)


@budget(200)
@given(
    st.builds(
        Quote,
        text=st.text(max_size=40),
        kind=st.sampled_from(("direct", "indirect", "mixed", "block")),
        speaker=_OPTIONAL_TEXT,
        speaker_resolved=_OPTIONAL_TEXT,
        cue=_OPTIONAL_TEXT,
        addressee=_OPTIONAL_TEXT,
        block_index=st.none() | st.integers(0, 500),
        span=st.none() | st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)),
        translated=st.booleans(),
        confidence=st.none() | st.floats(min_value=0.0, max_value=1.0),
    )
)
def test_quote_records_round_trip(quote: Quote) -> None:
    assert Quote.from_dict(quote.to_dict()) == quote


@budget(200)
@given(st.text(max_size=80) | _TEXT)
def test_collapse_ws_is_idempotent(text: str) -> None:
    once = collapse_ws(text)
    assert collapse_ws(once) == once
    assert once == once.strip()
