"""Issue 19: quotes on everyday pages. Sentences written for these tests, modelled on the
kinds of blog, shop, manual and forum prose where reporting words mean something else."""

from __future__ import annotations

import pytest

from extractor import extract_quotes
from extractor.model import Block
from extractor.quotes import extract_block_quotes


@pytest.mark.parametrize(
    "text",
    [
        "Much said about this experiment, and you can read my thoughts on the blog.",
        "Apple has added some great features to the new earbuds this spring.",
        "The system helps you progress by suggesting progressively heavier weights.",
        "Clear and friendly communication keeps their customers informed every step of the way.",
        "The Moray boasts 32 precision driver bits with extended necks made from steel.",
        "Have you ever wondered if there is a better way for students to learn at home?",
        "It's worth noting that the company made a major move in October.",
        "A Parisian watchmaker called Leon Leroy came up with the idea in 1922.",
        "I would personally say that the goal of forum software is to facilitate discussion.",
        "Lean Startup Week Call for Proposals is open until the end of July.",
    ],
)
def test_no_attribution_where_the_cue_word_reports_nothing(text: str) -> None:
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Federal and state officials said the two raised $350 million through the program.",
            "Federal and state officials",
            "the two raised $350 million through the program",
        ),
        (
            "Paul Ryan says he's not ready to support the nominee.",
            "Paul Ryan",
            "he's not ready to support the nominee",
        ),
        (
            "The Treasury Department announced new measures against the practice on Monday.",
            "The Treasury Department",
            "new measures against the practice on Monday",
        ),
        (
            "A law enforcement official familiar with the case said that charges were unlikely.",
            "A law enforcement official familiar with the case",
            "that charges were unlikely",
        ),
        (
            "The senator vowed to block the bill in committee.",
            "The senator",
            "to block the bill in committee",
        ),
    ],
)
def test_reports_by_sources_are_kept(text: str, speaker: str, content: str) -> None:
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.text) == (speaker, content)


def test_an_object_report_ends_where_the_narrator_takes_over() -> None:
    text = (
        "The company has repeatedly denied accusations of spying, but as the dispute escalates, "
        "the firm can't help but be viewed with suspicion."
    )
    (quote,) = extract_quotes(text)
    assert (quote.speaker, quote.cue, quote.text) == ("The company", "denied", "accusations of spying")


def test_a_trailing_source_tag_is_not_part_of_the_statement() -> None:
    (quote,) = extract_quotes("Dana Ruiz, director of the program, says reading comes first – City Weekly")
    assert quote.text == "reading comes first"


def test_a_citation_alone_is_no_statement() -> None:
    assert extract_quotes("As the philosopher Ann Vale says in Plain Reason (Harbor Press, 1997).") == []


def test_key_value_lines_of_code_are_no_quotations() -> None:
    blocks = [Block("paragraph", '{ category: "Fruits", price: "$1", stocked: true, name: "Apple" },')]
    assert extract_block_quotes(blocks) == []


def test_spec_lines_with_labels_are_no_transcript() -> None:
    text = "CPU: Intel Core i7-14700K 3.4 GHz 20-Core Processor\nGPU: NVIDIA RTX 4070 12 GB Video Card"
    assert extract_quotes(text) == []


def test_a_transcript_label_named_in_the_story_is_a_speaker() -> None:
    text = (
        "Chris Wallace pressed Mike Pence on the comparison.\n"
        "WALLACE: Do you really see those two as equivalent in any way?\n"
        "PENCE: Well, look, the comparison is simply not a fair one to make."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["WALLACE", "PENCE"]
