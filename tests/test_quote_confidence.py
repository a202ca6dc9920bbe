"""The quote confidence model: every record is scored, the default bar drops only what it
should, and the weights table matches the features the code computes."""

from __future__ import annotations

import pytest

from extractor import extract_article
from extractor.model import Block, Quote
from extractor.quotes import extract_block_quotes, extract_quotes, reads_as_news
from extractor.quotes.confidence import (
    MIN_CONFIDENCE,
    MIN_CONFIDENCE_QUOTATIONS,
    confidence,
    default_bar,
    features,
)
from extractor.quotes.confidence_weights import WEIGHTS

NEWS = (
    '"We will appeal the ruling," the company\'s spokesman, John Smith, said on Monday. '
    "The regulator said the fine stands. Officials told reporters the case was closed.\n"
    "He added that the board would meet next week."
)
WEB = (
    "Our blender works wonders on frozen fruit. Customers love it.\n"
    'The fans spilled onto the pitch, chanting "Ole! Ole! Ole!"\n'
    "It may not matter what Sanders meant this week when he promised to push for a contested convention.\n"
    '"The best purchase I made this year," writes Ann Lee, a customer from Ohio.'
)
TEXTS = [
    NEWS,
    WEB,
    "« Nous avons gagné », a déclaré le ministre.",
    'Trump: "Sad!" he wrote later that day.',
    "The head of the union in Ohio said that the strike would go on.",
]


def _key(quote: Quote) -> tuple[object, ...]:
    return (quote.span, quote.cue, quote.speaker, quote.text)


@pytest.mark.parametrize("text", TEXTS)
def test_every_record_has_a_probability(text: str) -> None:
    found = extract_quotes(text, min_confidence=0.0)
    assert found
    for quote in found:
        assert quote.confidence is not None
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.confidence == round(quote.confidence, 3)


@pytest.mark.parametrize("text", TEXTS)
def test_a_higher_bar_keeps_a_subset(text: str) -> None:
    every = [_key(q) for q in extract_quotes(text, min_confidence=0.0)]
    default = [_key(q) for q in extract_quotes(text)]
    strict = [_key(q) for q in extract_quotes(text, min_confidence=0.9)]
    assert set(strict) <= set(default) <= set(every)
    assert all(
        q.confidence is not None and q.confidence >= 0.9 for q in extract_quotes(text, min_confidence=0.9)
    )


@pytest.mark.parametrize("text", TEXTS)
def test_the_default_bar_is_the_registers_and_judges_only_cues_the_model_knows(text: str) -> None:
    register = "news" if reads_as_news(text) else "web"
    expected = [
        _key(q)
        for q in extract_quotes(text, min_confidence=0.0)
        if f"cue={(q.cue or '').lower()}" not in WEIGHTS
        or (q.confidence or 0.0)
        >= (MIN_CONFIDENCE_QUOTATIONS if q.kind == "direct" else MIN_CONFIDENCE)[register]
    ]
    assert [_key(q) for q in extract_quotes(text)] == expected


def test_news_copy_keeps_every_quotation_and_every_plain_report_by_default() -> None:
    assert reads_as_news(NEWS)
    every = extract_quotes(NEWS, min_confidence=0.0)
    assert all(q.kind == "direct" or (q.confidence or 0.0) >= 0.4 for q in every)  # nothing to drop here
    assert [_key(q) for q in extract_quotes(NEWS)] == [_key(q) for q in every]


def test_off_news_a_doubtful_record_is_dropped_and_a_plain_one_kept() -> None:
    assert not reads_as_news(WEB)
    every = extract_quotes(WEB, min_confidence=0.0)
    kept = [_key(q) for q in extract_quotes(WEB)]
    chant = next(q for q in every if q.cue == "chanting")  # a clause read as the speaker
    review = next(q for q in every if q.cue == "writes")
    assert (chant.confidence or 0.0) < MIN_CONFIDENCE["web"] <= (review.confidence or 0.0)
    assert _key(chant) not in kept
    assert _key(review) in kept


def test_a_cue_in_another_language_is_kept_whatever_its_score() -> None:
    text = "« Nous avons gagné », a déclaré le ministre."
    (quote,) = extract_quotes(text, min_confidence=0.0)
    assert f"cue={quote.cue}" not in WEIGHTS
    assert [_key(q) for q in extract_quotes(text)] == [_key(quote)]


def test_a_clean_news_attribution_outranks_a_clause_read_as_speaker() -> None:
    (news,) = [q for q in extract_quotes(NEWS, min_confidence=0.0) if q.speaker and "spokesman" in q.speaker]
    (chant,) = [q for q in extract_quotes(WEB, min_confidence=0.0) if q.cue == "chanting"]
    assert (news.confidence or 0.0) > 0.9
    assert (news.confidence or 0.0) > (chant.confidence or 0.0)


def test_features_name_no_person_and_read_the_same_twice() -> None:
    text = '"We won," Maria Gonzalez said on Sunday.'
    found = extract_quotes(text, min_confidence=0.0)
    words = features(text, found[0], found, reads_as_news(text))
    assert words == features(text, found[0], found, reads_as_news(text))
    assert {"speaker_first=Name", "speaker_head=Name", "speaker_form=names"} <= set(words)
    assert not [w for w in words if "maria" in w.lower() or "gonzalez" in w.lower()]
    assert found[0].confidence == round(confidence(words), 3)


def test_the_weights_table_only_holds_features_the_code_makes() -> None:
    made: set[str] = set()
    for text in TEXTS:
        found = extract_quotes(text, min_confidence=0.0)
        for quote in found:
            made.update(w.split("=", 1)[0] for w in features(text, quote, found, reads_as_news(text)))
    assert {key.split("=", 1)[0] for key in WEIGHTS} <= made


def test_block_statements_and_articles_carry_the_score_and_take_the_bar() -> None:
    blocks = [
        Block("paragraph", "Our blender works wonders on frozen fruit. Customers love it."),
        Block("paragraph", 'The fans spilled onto the pitch, chanting "Ole! Ole! Ole!"'),
        Block("paragraph", "In a statement, the council wrote:"),
        Block("blockquote", "We regret the closure and will reopen the library in spring."),
    ]
    every = extract_block_quotes(blocks, min_confidence=0.0)
    assert every
    assert all(q.confidence is not None for q in every)
    assert any(q.kind == "block" for q in every)
    assert len(extract_block_quotes(blocks)) < len(every)
    html = "<html><body><article>" + "".join(f"<p>{b.text}</p>" for b in blocks) + "</article></body></html>"
    default = extract_article(html)
    assert {q.text for q in default.quotes} <= {
        q.text for q in extract_article(html, quote_confidence=0.0).quotes
    }
    assert all(q.confidence is not None for q in default.quotes)


def test_off_news_quotations_have_a_lower_bar_than_reported_speech() -> None:
    # a quotation's marks make it surer; PolNeAR's short news texts read as 'web' and keep
    # their direct quotes only at the lower bar (benchmarks/train_quote_confidence.py)
    assert default_bar("said", news=False, kind="direct") < default_bar("said", news=False, kind="indirect")
    assert default_bar("said", news=True, kind="direct") == 0.0 < default_bar("said", news=True)


def test_in_news_copy_a_doubtful_report_is_dropped_by_default() -> None:
    text = (
        "The mayor said the bridge would reopen in May. Officials told reporters the repairs cost $2 million. "
        "Many who claim otherwise have not read the report."
    )
    assert reads_as_news(text)
    doubtful = next(q for q in extract_quotes(text, min_confidence=0.0) if q.cue == "claim")
    assert (doubtful.confidence or 0.0) < default_bar("claim", news=True)  # 'Many who': a fragment
    assert [q.cue for q in extract_quotes(text)] == ["said"]


def test_extract_article_rejects_a_bar_outside_0_to_1() -> None:
    from extractor import extract_article

    with pytest.raises(ValueError, match="from 0 to 1"):
        extract_article("<html><body><p>One line.</p></body></html>", quote_confidence=1.2)
