"""Tests for extractor.quotes: quotation marks, attribution, reported speech, robustness.

All texts here are written for these tests, except the few sentences of the
project's own sample page (../shared/seed/), which is our material, not eval data.
"""

from __future__ import annotations

import pytest

from extractor.model import Block, Quote
from extractor.quotes import extract_block_quotes, extract_quotes


def _only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [q.to_dict() for q in quotes]
    return quotes[0]


def _by_cue(quotes: list[Quote], cue: str) -> Quote:
    hits = [q for q in quotes if q.cue == cue]
    assert hits, [q.to_dict() for q in quotes]
    return hits[0]


# ---------------------------------------------------------------- quotation-mark styles

STYLES = {
    "straight": ('"', '"'),
    "english curly": ("“", "”"),
    "german low-high": ("„", "“"),
    "german chevrons": ("»", "«"),
    "french guillemets": ("« ", " »"),
    "polish/dutch": ("„", "”"),
    "swedish": ("”", "”"),
    "finnish chevrons": ("»", "»"),
    "cjk": ("「", "」"),
    "cjk double": ("『", "』"),
    "british single": ("‘", "’"),
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_quotation_mark_style_gives_a_direct_quote(style: str) -> None:
    opener, closer = STYLES[style]
    text = f"{opener}We will rebuild the harbour before winter,{closer} the mayor said."
    quote = _only(extract_quotes(text))
    assert quote.kind == "direct"
    assert quote.text == "We will rebuild the harbour before winter"
    assert quote.speaker == "the mayor"
    assert quote.cue == "said"
    assert quote.span is not None
    assert text[quote.span[0]] == opener[0]


def test_span_points_into_the_text() -> None:
    text = 'Intro sentence here.\n"The budget is balanced," the minister told reporters.'
    quote = _only(extract_quotes(text))
    start, end = quote.span or (0, 0)
    assert text[start:end] == '"The budget is balanced,"'
    assert quote.addressee == "reporters"


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and walked out of the room,” she said."
    quote = _only(extract_quotes(text))
    assert "‘never again’" in quote.text
    assert quote.speaker == "she"


def test_speaker_before_quote_with_colon() -> None:
    quote = _only(extract_quotes("The senator wrote: “This bill will not pass the chamber this year.”"))
    assert quote.kind == "direct"
    assert quote.speaker == "The senator"
    assert quote.cue == "wrote"


# ---------------------------------------------------------------- split, scare and multi-paragraph quotes


def test_split_quote_is_joined_into_one_statement() -> None:
    text = '"We are ready," he said. "The vote is next week."'
    quote = _only(extract_quotes(text))
    assert quote.text == "We are ready The vote is next week."
    assert quote.span == (0, len(text))
    assert quote.speaker == "he"


def test_split_quote_with_comma_continuation() -> None:
    text = "“The plan works,” said Ana Ruiz, a city planner, “but nobody reads it.”"
    quote = _only(extract_quotes(text))
    assert quote.speaker == "Ana Ruiz"
    assert quote.span == (0, len(text))


def test_scare_quotes_are_not_statements() -> None:
    text = 'The so-called "reform" changed little, and the "experts" disagreed about its cost.'
    assert extract_quotes(text) == []


def test_title_in_quotes_is_not_a_statement() -> None:
    assert extract_quotes('She appeared on "Morning Talk" last week to promote the book.') == []


def test_quote_over_several_paragraphs() -> None:
    text = (
        "“The first part of the speech went on for a while.\n"
        "“And the second part ended it,” the chairwoman said."
    )
    quote = _only(extract_quotes(text))
    assert quote.span == (0, text.index("”") + 1)
    assert quote.speaker == "the chairwoman"
    assert "first part" in quote.text
    assert "second part" in quote.text


def test_colon_intro_before_quoted_paragraph_is_a_block() -> None:
    text = (
        "The company sent us the following statement:\n"
        '"We take these concerns seriously and will cooperate fully with the investigation."'
    )
    quote = _only(extract_quotes(text))
    assert quote.kind == "block"
    assert quote.speaker == "The company"
    assert "following statement" in (quote.cue or "")


# ---------------------------------------------------------------- reported speech (English)


def test_said_that() -> None:
    quote = _only(extract_quotes("The governor said that the bridge would reopen in May."))
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "The governor", "said")
    assert quote.text == "that the bridge would reopen in May"


def test_told_with_addressee() -> None:
    quote = _only(extract_quotes("A company spokesman on Monday told Reuters that sales had doubled."))
    assert quote.speaker == "A company spokesman"
    assert quote.addressee == "Reuters"
    assert quote.cue == "told"
    assert quote.text == "that sales had doubled"


def test_according_to_before_and_after() -> None:
    quotes = extract_quotes(
        "According to the annual report, profits fell by a third. "
        "Prices will rise again next year, according to the central bank."
    )
    assert [q.speaker for q in quotes] == ["the annual report", "the central bank"]
    assert quotes[0].text == "profits fell by a third"
    assert quotes[1].text == "Prices will rise again next year"
    assert all(q.cue == "according to" for q in quotes)


@pytest.mark.parametrize("verb", ["added", "warned", "argued", "claimed", "denied", "insisted"])
def test_other_speech_verbs(verb: str) -> None:
    quote = _only(extract_quotes(f"The opposition leader {verb} that the figures were wrong."))
    assert quote.cue == verb
    assert quote.speaker == "The opposition leader"


def test_content_first_then_speaker() -> None:
    quote = _only(extract_quotes("The talks collapsed late on Friday night, two officials said."))
    assert quote.speaker == "two officials"
    assert quote.text == "The talks collapsed late on Friday night"


def test_inverted_speaker_with_apposition() -> None:
    quote = _only(extract_quotes("Costs will double, said Maria Lopez, an analyst at the bank."))
    assert quote.speaker == "Maria Lopez"
    assert quote.text == "Costs will double"


def test_second_clause_is_its_own_statement() -> None:
    quotes = extract_quotes("The minister said the port would open soon, adding that taxes would not rise.")
    assert [q.text for q in quotes] == ["the port would open soon", "that taxes would not rise"]
    assert {q.speaker for q in quotes} == {"The minister"}


def test_mixed_quote() -> None:
    quote = _only(extract_quotes('The judge said the ruling was "final and binding" for both sides.'))
    assert quote.kind == "mixed"
    assert quote.speaker == "The judge"


def test_pronoun_speaker_is_resolved() -> None:
    text = "Mayor Helen Park opened the meeting. She said the budget would be cut."
    quote = _only(extract_quotes(text))
    assert quote.speaker == "She"
    assert (quote.speaker_resolved or "").endswith("Helen Park")


def test_modal_and_passive_are_not_statements() -> None:
    assert extract_quotes("It is hard to say what the result will be.") == []
    assert extract_quotes("He was told to leave the building at once.") == []


# ---------------------------------------------------------------- German cues


def test_german_direct_quotes() -> None:
    quotes = extract_quotes(
        "„Die Lage ist ernst“, sagte Müller. »Wir handeln jetzt«, erklärte die Ministerin."
    )
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [
        ("direct", "Müller", "sagte"),
        ("direct", "die Ministerin", "erklärte"),
    ]


def test_german_reported_speech() -> None:
    quotes = extract_quotes(
        "Die Ministerin erklärte, die Gespräche seien gescheitert. "
        "Die Preise würden weiter steigen, so der Sprecher des Ministeriums. "
        "Laut Polizei wurde niemand verletzt."
    )
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Die Ministerin", "erklärte"),
        ("der Sprecher des Ministeriums", "so"),
        ("Polizei", "laut"),
    ]
    assert quotes[0].text == "die Gespräche seien gescheitert"
    assert quotes[1].text == "Die Preise würden weiter steigen"


def test_german_perfect_tense_and_a_dropped_subject() -> None:
    # the auxiliary before the participle is no part of the speaker
    quotes = extract_quotes(
        "Die Sprecherin hat versichert, dass die Preise stabil bleiben.", min_confidence=0.0
    )
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("Die Sprecherin", "versichert", "dass die Preise stabil bleiben")
    ]
    # a post's '[Ich] habe das Paket versichert' ('insured'), '[Ich] würde sagen': no speaker
    for text in (
        "Habe das Paket natürlich versichert, wäre allerdings trotzdem schade.",
        "Würde sagen der Erfolg hängt von den geeigneten Werkzeugen ab.",
    ):
        assert extract_quotes(text, min_confidence=0.0) == []
    # a name that is also an auxiliary still speaks
    for text, speaker in (
        ("Will Smith said the film was good.", "Will Smith"),
        ("Bin Laden said the war would go on.", "Bin Laden"),
    ):
        assert [q.speaker for q in extract_quotes(text, min_confidence=0.0)][:1] == [speaker]


def test_german_so_needs_a_comma_and_a_closing_speaker() -> None:
    assert extract_quotes("Es war so kalt, dass niemand kam.") == []


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "He said “this never closes and goes on and on.",
        '"""" "" said said said ,,,',
        "« « « » said",
        "\n\n\n“\n”\n",
        "'' '' ''",
        "said",
        "according to",
    ],
)
def test_malformed_text_never_raises(text: str) -> None:
    assert isinstance(extract_quotes(text), list)


def test_unbalanced_mark_costs_only_its_own_quote() -> None:
    text = 'He said “this never closes. "We will appeal," the lawyer said.'
    quote = _only([q for q in extract_quotes(text) if q.kind == "direct"])
    assert quote.speaker == "the lawyer"


def test_one_megabyte_text_completes() -> None:
    paragraph = (
        "Officials said the plan would cost more than expected. “We will fight this,” she said. "
        "He added “an unbalanced quote that never closes. According to the report, costs rose. "
    )
    text = "\n".join([paragraph * 4] * (1_000_000 // (len(paragraph) * 4) + 1))[:1_000_000]
    quotes = extract_quotes(text)  # how fast: benchmarks/quotes_scaling.py (no timed tests)
    assert isinstance(quotes, list)
    assert len(quotes) > 1000


def test_megabyte_without_punctuation_completes() -> None:
    text = ("the spokesman said that " * 50_000)[:1_000_000]
    assert isinstance(extract_quotes(text), list)


# ---------------------------------------------------------------- blocks and the sample page

SEED = [
    (
        "According to a Wall Street Journal report, US officials have reached out to their counterparts "
        "and telecom executives in allied countries, including Germany, Italy and Japan asking them to drop "
        "Huawei equipment and even offering financial incentives for doing so."
    ),
    (
        "When we reached out to Huawei representatives Germany to see what they thought about Washington "
        "pressuring foreign governments, they provided us with the following statement (translated from German):"
    ),
    (
        "\"HUAWEI's products and solutions are used in more than 170 countries by 46 of the world's 50 largest "
        "telecommunications network operators, Fortune 500 companies and hundreds of millions of consumers. "
        'We will continue to deliver our innovative solutions to our global customers."'
    ),
    "ZTE Corp is another Chinese company that has been in trouble with Washington.",
    (
        "Asked for comment on the Wall Street Journal report, a Chinese foreign ministry spokesman on Friday "
        "told Reuters that China hoped the relevant countries could provide a fair environment for its companies "
        "to compete worldwide."
    ),
]


def test_sample_page_statements() -> None:
    blocks = [Block(kind="heading", text="Washington pressures allied countries", level=2)]
    blocks += [Block(kind="paragraph", text=t) for t in SEED]
    quotes = extract_block_quotes(blocks)

    statement = _only([q for q in quotes if q.kind == "block"])
    assert statement.block_index == 3
    assert statement.speaker == "they"
    assert "Huawei" in (statement.speaker_resolved or "")
    assert statement.translated
    assert statement.text.startswith("HUAWEI's products")
    assert statement.span == (0, len(SEED[2]))

    spokesman = _by_cue(quotes, "told")
    assert spokesman.kind == "indirect"
    assert spokesman.addressee == "Reuters"
    assert spokesman.speaker == "a Chinese foreign ministry spokesman"
    assert spokesman.block_index == 5

    report = _by_cue(quotes, "according to")
    assert report.kind == "indirect"
    assert report.speaker == "a Wall Street Journal report"
    assert report.block_index == 1
    start, end = report.span or (0, 0)
    assert blocks[1].text[start:end].startswith("US officials have reached out")


def test_block_spans_are_relative_to_their_block() -> None:
    blocks = [
        Block(kind="paragraph", text="Nothing to see here."),
        Block(kind="paragraph", text='"Prices will fall," the trader said.'),
    ]
    quote = _only(extract_block_quotes(blocks))
    assert quote.block_index == 1
    start, end = quote.span or (0, 0)
    assert blocks[1].text[start:end] == '"Prices will fall,"'


def test_bare_blockquote_after_intro() -> None:
    blocks = [
        Block(kind="paragraph", text="In a letter to members, the union wrote:"),
        Block(kind="blockquote", text="We will not accept any cut to pensions, now or later."),
    ]
    quote = _only(extract_block_quotes(blocks))
    assert quote.kind == "block"
    assert quote.speaker == "the union"
    assert quote.block_index == 1


def test_captions_and_headings_are_not_read() -> None:
    blocks = [
        Block(kind="caption", text='"We won," the coach said after the final.'),
        Block(kind="heading", text='"We won," the coach said', level=2),
    ]
    assert extract_block_quotes(blocks) == []


# ---------------------------------------------------------------- span boundaries and false alarms


def test_cue_before_a_colon_opens_the_next_quotation() -> None:
    text = '"We came here to work," Ms. Lind said. "We are not a threat." Mr. Oduya said: "The vote was a shock."'
    first, second = extract_quotes(text)
    assert first.speaker == "Ms. Lind"
    assert first.text == "We came here to work We are not a threat."
    assert second.speaker == "Mr. Oduya"
    assert second.text == "The vote was a shock."


def test_quoted_phrase_ending_a_sentence_keeps_the_next_attribution_to_itself() -> None:
    text = (
        'Back in May he told the panel that voters were "tired of the hearings." '
        'On Friday, he remarked: "There is a legal process. It should not be politicized."'
    )
    quote = _by_cue(extract_quotes(text), "remarked")
    assert quote.kind == "direct"
    assert quote.text.startswith("There is a legal process")
    assert "tired" not in quote.text


def test_reported_content_runs_past_commas_to_the_sentence_end() -> None:
    said = _only(
        extract_quotes("The county chair said the count was fair, but required every campaign to organise.")
    )
    assert said.text.endswith("required every campaign to organise")
    called = _only(
        extract_quotes("She also called for all bidders to publish costs, including fees, before the vote.")
    )
    assert called.text.endswith("before the vote")


def test_opening_clause_before_a_quotation_belongs_to_the_statement() -> None:
    text = 'After the two upsets last spring, "there is real urgency to hold those seats," Okafor said.'
    quote = _only(extract_quotes(text))
    assert quote.kind == "mixed"
    assert quote.span is not None
    assert quote.span[0] == 0
    assert quote.speaker == "Okafor"


def test_name_apposition_said_clause_is_not_an_inversion() -> None:
    text = "Ms. Varga, a former official at the central bank, said the governor showed real patience in the talks."
    quote = _only(extract_quotes(text))
    assert quote.speaker == "Ms. Varga"
    assert quote.text.startswith("the governor showed")


@pytest.mark.parametrize(
    "text",
    [
        "His proposed levy on imports drew criticism from farmers across the region.",
        "That said, the plan still leaves several questions about funding unanswered.",
        "Mr. Holt now runs a small charity called Open Harbour Trust in the old port.",
        "It rained all day on the coast, so we left.",
    ],
)
def test_adjectives_idioms_and_names_are_not_speech(text: str) -> None:
    assert extract_quotes(text) == []


def test_interview_transcript_turns_are_statements() -> None:
    text = "Partial transcript:\nHOST: Why did you leave the committee so suddenly?\nMS. ABARA: Because the rules were never explained to us."
    host, guest = extract_quotes(text)
    assert (host.speaker, host.cue, host.kind) == ("HOST", ":", "direct")
    assert guest.speaker == "MS. ABARA"
    assert guest.text == "Because the rules were never explained to us."


def test_a_single_label_line_is_not_a_transcript() -> None:
    assert extract_quotes("UPDATE: The ferry schedule has changed for the weekend.") == []


def test_quotation_in_the_next_paragraph_continues_after_the_attribution_sentence() -> None:
    text = '"We will fix the bridge!" she said to loud applause.\n\n"And the county will pay for it, every cent."\n\nThe crowd left.'
    quote = _only(extract_quotes(text))
    assert quote.text == "We will fix the bridge! And the county will pay for it, every cent."


def test_unlisted_manner_verb_after_a_comma_quotation() -> None:
    quote = _only(extract_quotes('"That is quite enough for one evening," Oduya grumbled.'))
    assert (quote.speaker, quote.cue) == ("Oduya", "grumbled")


def test_rank_abbreviation_does_not_cut_the_speaker() -> None:
    text = '"They do not get it," said Army Capt. Jo Reyes, who said he would abstain. "The plan is far off."'
    quote = extract_quotes(text)[0]
    assert quote.speaker is not None
    assert "Jo Reyes" in quote.speaker


def test_participle_cue_takes_the_sentence_subject() -> None:
    text = (
        'In the email, Ash called the move "a breach of trust," adding: "I am informing every member today."'
    )
    quote = _by_cue(extract_quotes(text), "adding")
    assert quote.kind == "direct"
    assert quote.speaker == "Ash"
    assert quote.text == "I am informing every member today."


def test_quotation_opened_mid_paragraph_runs_into_the_next_paragraph() -> None:
    text = '"We met many groups," said Dana. "I think we need more talk about the world.\n\n"Groups want to ask questions."'
    quote = _only(extract_quotes(text))
    assert quote.text.endswith("Groups want to ask questions.")


def test_french_guillemets_with_no_break_spaces_and_passe_compose() -> None:
    text = "«\u00a0Nous n’y croyions plus\u00a0», a déclaré la boulangère, Hélène Marchal."
    [quote] = extract_quotes(text)
    assert quote.text == "Nous n’y croyions plus"
    assert quote.kind == "direct"
    assert quote.cue == "déclaré"
    assert quote.speaker is not None
    assert "boulangère" in quote.speaker


def test_statements_in_cjk_russian_and_arabic_punctuation() -> None:
    cases = {
        "建築師陳志明表示：「我們盡量保留原有的木造屋架。」": ("我們盡量保留原有的木造屋架。", "表示"),
        "市長の山田和夫さんは「商店街に人の流れを取り戻したい」と話した。": (
            "商店街に人の流れを取り戻したい",
            "話した",
        ),
        "«Мост открыт для всех жителей», — рассказал глава города Андрей Белов.": (
            "Мост открыт для всех жителей",
            "рассказал",
        ),
        "وقالت مديرة المكتبة ريم العطار إن «المكتبة مفتوحة للجميع مجانا».": (
            "المكتبة مفتوحة للجميع مجانا",
            "قالت",
        ),
    }
    for text, (content, cue) in cases.items():
        [quote] = extract_quotes(text)
        assert (quote.text, quote.cue, quote.kind) == (content, cue, "direct")
        assert quote.speaker


def test_a_cjk_title_in_corner_brackets_is_not_a_statement() -> None:
    assert extract_quotes("位於山城老街的百年戲院「光明座」歷時三年整修，日前終於完工。") == []


def test_described_speaker_resolves_to_the_name_it_ends_with() -> None:
    [quote] = extract_quotes(
        "Transit director Leanne Fosse said the chargers would let every bus charge overnight."
    )
    assert quote.speaker == "Transit director Leanne Fosse"
    assert quote.speaker_resolved == "Leanne Fosse"


# ---------------------------------------------------------------- precision of reported speech


@pytest.mark.parametrize(
    "text",
    [
        "Lena Voss reported from Bergen, and Tom Ash from Oslo.",
        "The mayor is adding to her lead after wins in four districts.",
        "The shortage was first reported by the Harbour Gazette.",
        "She joked with her brother at the table while the band played on.",
        "The singer yelled and waved a banner until the guards arrived.",
    ],
)
def test_a_cue_verb_followed_by_no_clause_is_not_reported_speech(text: str) -> None:
    assert extract_quotes(text) == []


def test_an_aside_after_the_cue_does_not_hide_the_content() -> None:
    quote = _only(extract_quotes("The mayor said, when the storm hit, that the levee would hold."))
    assert quote.speaker == "The mayor"
    assert "levee would hold" in quote.text


def test_object_cue_with_a_particle_is_not_speech_but_with_as_it_is() -> None:
    assert extract_quotes("Two suppliers have called off the contract because of the delays.") == []
    quote = _only(extract_quotes("The senator described the plan as a reckless gamble with savings."))
    assert quote.cue == "described"
    assert quote.text.startswith("the plan as")


@pytest.mark.parametrize(
    "text",
    [
        "On the opening night, the conductor continues to lead the orchestra with ease.",
        "Despite the falling orders and empty shelves, hiring continues to climb in the region.",
    ],
)
def test_an_opening_phrase_before_a_subject_is_not_content(text: str) -> None:
    assert extract_quotes(text) == []


def test_a_cue_right_after_a_rejected_cue_in_the_next_sentence_is_read() -> None:
    text = "The coach seemed to doubt what he had just said. He suggested that the season might be cut short."
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue) == ("He", "suggested")


# ---------------------------------------------------------------- direct quotes: titles and sentence order


def test_a_title_case_quotation_in_an_opening_phrase_is_a_name() -> None:
    text = 'On Sunday\'s edition of "Harbour Talk Tonight," the governor said the ferry would keep running.'
    quote = _only(extract_quotes(text))
    assert quote.kind == "indirect"
    assert quote.speaker == "the governor"
    assert quote.text == "the ferry would keep running"


def test_a_capitalised_cue_after_a_closed_quotation_opens_the_next_sentence() -> None:
    text = (
        'On the radio, he said, "I never promised to pay." '
        'Asked whether that was fair, Mr. Dale replied, "Maybe not. Maybe that is the point."'
    )
    first, second = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert (first.speaker, first.text) == ("he", "I never promised to pay.")
    assert (second.speaker, second.cue) == ("Mr. Dale", "replied")
    assert second.text == "Maybe not. Maybe that is the point."


def test_a_quotation_closing_its_sentence_keeps_the_attribution_before_it() -> None:
    text = (
        'Pressed on it, Ms. Imre said, "I take the blame." She went on by saying, "I am no natural speaker."'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.text) == ("Ms. Imre", "I take the blame.")
    assert (second.speaker, second.cue, second.text) == ("She", "saying", "I am no natural speaker.")


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            '"They only came for the free lunch," an angry Ruiz shot back with a grin.',
            "an angry Ruiz",
            "shot",
        ),
        ('"We will not accept this in our town," the petition reads.', "the petition", "reads"),
        (
            '"This is the best night of my life!" beamed Carla Benn of Dayton.',
            "Carla Benn of Dayton",
            "beamed",
        ),
        ('"Leave your umbrellas at home," opined the Valley Courier.', "the Valley Courier", "opined"),
    ],
)
def test_unlisted_attribution_verbs_right_after_a_quotation(text: str, speaker: str, cue: str) -> None:
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        'Voters want "a fair count," the number needed to settle the race.',
        'When the mayor praised "our volunteers," the crowd applauded loudly.',
    ],
)
def test_unlisted_verbs_need_a_quotation_that_starts_the_sentence(text: str) -> None:
    assert all(q.cue not in ("needed", "applauded") for q in extract_quotes(text))


def test_a_speaker_and_cue_sentence_introduces_the_next_quotation() -> None:
    text = 'Professor Ada Kemp of the state college agreed. "Voters are tired. They want a plain answer."'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == (
        "direct",
        "Professor Ada Kemp of the state college",
        "agreed",
    )
    assert quote.text == "Voters are tired. They want a plain answer."
    statement = _only(extract_quotes('Lee Marsh said in a statement. "We regret the delay."'))
    assert (statement.speaker, statement.text) == ("Lee Marsh", "We regret the delay.")


def test_reported_then_quoted_by_the_same_attribution_is_one_mixed_statement() -> None:
    text = 'The board may wait until spring, Okoro said. "The other factor is the budget."'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("mixed", "Okoro")
    assert quote.span == (0, len(text))


def test_a_sentence_with_content_after_the_cue_does_not_introduce_a_quotation() -> None:
    text = 'Ms. Dean said the plan failed. "It was a long year for everyone."'
    assert all(q.kind != "direct" for q in extract_quotes(text))


def test_a_clause_between_cue_and_quotation_belongs_to_the_statement() -> None:
    text = 'Perla said because turnout was low, "the result is not a mandate."'
    quote = _only(extract_quotes(text))
    assert quote.kind == "mixed"
    assert quote.span is not None
    assert text[quote.span[0] :].startswith("because turnout")
    told = _only(extract_quotes('Ms. Hale told the Tribune on Monday, "We are not leaving."'))
    assert told.kind == "direct"
    assert told.text == "We are not leaving."


# ---------------------------------------------------------------- direct quotes: marks over paragraphs


def test_a_paragraph_with_its_own_attribution_starts_a_new_statement() -> None:
    text = (
        'Mr. Ober said: "There is no magic in the word. It is a talking point.\n\n'
        '"Calling it by another name changes nothing," Mr. Ober said. "Not one adviser asked me to."'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.text) == (
        "Mr. Ober",
        "There is no magic in the word. It is a talking point.",
    )
    assert second.text == "Calling it by another name changes nothing Not one adviser asked me to."
    assert second.span is not None
    assert second.span[0] == text.index('"Calling')


def test_a_closing_mark_after_a_stray_space_still_closes() -> None:
    text = '"I really regret that advice, " he said. "We lost a decade."'
    quote = _only(extract_quotes(text))
    assert quote.speaker == "he"
    assert quote.text == "I really regret that advice We lost a decade."


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz is one of many slamming the mayor for the move.",
        "There is other promising news for the mayor in the county.",
        "The panel subjected her to more than eight hours of questioning in October about the budget.",
    ],
)
def test_a_clause_is_not_a_speaker(text: str) -> None:
    assert extract_quotes(text) == []


def test_auxiliaries_and_adverbs_before_the_cue_do_not_spoil_the_speaker() -> None:
    quote = _only(extract_quotes("The mayor has since said that she would run again."))
    assert (quote.speaker or "").startswith("The mayor")
    assert quote.text == "that she would run again"


def test_a_short_name_in_quotation_marks_inside_the_attribution() -> None:
    text = '"We have had better years than this one," Ohio delegate Bo Ames, wearing "Vote Ruiz" pins, said.'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("direct", "Ohio delegate Bo Ames")
    assert quote.text == "We have had better years than this one"


def test_a_sentence_initial_said_with_a_long_apposition() -> None:
    text = 'Said Dora Penn, who grew up two doors down from the family, "We were all so proud of him."'
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue) == ("Dora Penn", "Said")
    assert quote.text == "We were all so proud of him."


def test_a_long_apposition_between_the_parts_of_a_quotation() -> None:
    text = (
        '"He talks off the cuff all the time," said Ed Marr, 53, who lives near the lake and flew '
        'his own plane to a rally on Monday in Peoria, Ill. ". . . I just want somebody who speaks like we do."'
    )
    quote = _only(extract_quotes(text))
    assert quote.speaker == "Ed Marr"
    assert quote.text.endswith("speaks like we do.")


def test_a_manner_adverb_after_the_cue_closes_the_attribution() -> None:
    text = '"How are you today?" Ms. Lott, a retired nurse, said pleasantly into the phone.'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("direct", "Ms. Lott")


def test_a_mistyped_curly_opener_closes_a_quotation() -> None:
    text = "“Apparently not,“ he said. “A leopard does not change its spots.”"
    quote = _only(extract_quotes(text))
    assert quote.speaker == "he"
    assert quote.text == "Apparently not A leopard does not change its spots."


def test_read_with_a_plain_noun_phrase_after_a_quotation() -> None:
    quote = _only(extract_quotes('"Our movement has already changed the debate," read the email.'))
    assert (quote.speaker, quote.cue) == ("the email", "read")
    assert extract_quotes("She read the report twice before the meeting began.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ms. Blaine thanked the crowd before asking her, "Where do we go from here?"', "Ms. Blaine"),
        ('"We cannot pay for this anymore," Ms. Odum said, adding later, "The fund is empty."', "Ms. Odum"),
    ],
)
def test_a_participle_before_a_quotation_takes_the_earlier_speaker(text: str, speaker: str) -> None:
    quote = next(q for q in extract_quotes(text) if q.cue in ("asking", "adding"))
    assert quote.kind == "direct"
    assert quote.speaker == speaker
    assert quote.text in ("Where do we go from here?", "The fund is empty.")


def test_words_between_joined_parts_may_report_something_of_their_own() -> None:
    text = (
        '"Revenues are up a little," said Mr. Eko, who noted that prices had fallen by half. '
        '"But nobody is buying."'
    )
    quotes = extract_quotes(text, min_confidence=0.0)
    assert any(q.cue == "noted" and "prices had fallen" in q.text for q in quotes)
    assert sum(1 for q in quotes if q.cue == "said") == 1


# ---------------------------------------------------------------- quotations as a verb's object


@pytest.mark.parametrize(
    ("text", "words", "cue"),
    [
        (
            'Dozens of nurses marched past the hospital while chanting, "Fair pay now."',
            "Fair pay now.",
            "chanting",
        ),
        ('The fans spilled onto the pitch, chanting "Ole! Ole! Ole!"', "Ole! Ole! Ole!", "chanting"),
        ('At the bottom of the flyer it reads, "Bring a friend and a folding chair."', None, "reads"),
        ('Ms. Ortiz blogged: "The council has stopped listening to the valley."', None, "blogged"),
    ],
)
def test_a_quotation_right_after_a_quoting_verb_is_a_statement(
    text: str, words: str | None, cue: str
) -> None:
    # the rule, whatever the confidence model makes of a one-sentence text (bar 0)
    quote = _only(extract_quotes(text, min_confidence=0.0))
    assert quote.kind == "direct"
    assert quote.cue == cue
    if words:
        assert quote.text == words


def test_quoting_verbs_are_no_cues_without_a_quotation() -> None:
    assert (
        extract_quotes("The fans spilled onto the pitch, chanting slogans about the coach and the owner.")
        == []
    )
    assert extract_quotes("At the bottom of the flyer it reads like an invitation to everyone nearby.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('To which she said, "Then bring your own chairs next time."', "she"),
        ('In a radio interview Ms. Kroll declared "The bridge is safe. The report is wrong."', "Ms. Kroll"),
    ],
)
def test_an_opening_phrase_without_a_comma_is_not_the_speaker(text: str, speaker: str) -> None:
    quote = _only(extract_quotes(text))
    assert quote.speaker == speaker


def test_a_finite_verb_right_after_the_cue_is_a_relative_clause_not_a_report() -> None:
    text = "Nobody has found the memo that Mr. Oduya said was written about the flood in May."
    assert extract_quotes(text) == []


# ---------------------------------------------------------------- interrupted statements


def test_a_lower_case_quotation_after_an_interrupting_attribution_continues_the_sentence() -> None:
    text = (
        'Across the older farms of the valley, she said, "we have no idea what the yield will be" this year.'
    )
    quote = _only(extract_quotes(text))
    assert quote.kind == "mixed"
    assert quote.span == (0, len(text) - 1)
    assert quote.speaker == "she"


@pytest.mark.parametrize(
    "text",
    [
        'Across the older farms of the valley, she said, "We have no idea what the yield will be."',
        'At one point, a farmer asked, "how long will it take?"',
    ],
)
def test_a_capitalised_quotation_or_an_opening_phrase_keeps_the_quotation_alone(text: str) -> None:
    quote = _only(extract_quotes(text))
    assert quote.kind == "direct"
    assert text[quote.span[0]] == '"'


# ---------------------------------------------------------------- participles after a quotation


@pytest.mark.parametrize(
    "text",
    [
        'Mr. Lund told the radio station that the mayor "ran a sloppy office," adding, "He never read a memo."',
        'Ms. Ruiz wrote that the vote was a "farce" for the town and asking, "Who will fix the roads now?"',
    ],
)
def test_a_participle_after_a_quotation_introduces_the_next_one(text: str) -> None:
    quotes = extract_quotes(text)
    last = quotes[-1]
    assert last.kind == "direct"
    assert last.text in ("He never read a memo.", "Who will fix the roads now?")
    assert last.span[0] > text.index(",") or last.span[0] > text.index("and asking")


def test_a_colon_after_a_noun_presents_a_whole_quoted_sentence() -> None:
    text = 'Ms. Adler used one of her lines as its headline: "Finally, someone who listens to us."'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.text) == ("direct", "Finally, someone who listens to us.")
    assert quote.speaker == "Ms. Adler"
    # a short label after a colon is a name, not cited words
    assert extract_quotes('Ms. Adler used one of her lines as its headline: "Vote early."') == []


# ---------------------------------------------------------------- English "a" after a cue


def test_english_a_after_a_cue_is_the_article_not_the_french_auxiliary() -> None:
    quote = _only(extract_quotes("The clerk said a new rule was needed to stop the fraud."))
    assert quote.text == "a new rule was needed to stop the fraud"
    assert quote.speaker == "The clerk"


def test_an_inverted_speaker_may_open_with_the_english_article() -> None:
    text = "Winning the county is well within reach for the party, said a handful of local organizers."
    quote = _only(extract_quotes(text))
    assert quote.text == "Winning the county is well within reach for the party"
    assert quote.speaker == "a handful of local organizers"


def test_the_french_auxiliary_still_sits_before_a_french_cue() -> None:
    quote = _only(extract_quotes("Le maire a déclaré que la piscine rouvrira en juin."))
    assert quote.speaker == "Le maire"
    assert quote.text == "que la piscine rouvrira en juin" or quote.text == "la piscine rouvrira en juin"


# ---------------------------------------------------------------- circumstance after a cue


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ruiz said Sunday in Springfield as the crowd cheered.",
        "Mayor Ruiz said on Tuesday at a rally in Dayton.",
        "Mayor Ruiz said during the debate.",
    ],
)
def test_a_cue_followed_only_by_time_and_place_has_no_content(text: str) -> None:
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mayor Ruiz said in Dayton the levy would fail again.", "the levy would fail again"),
        ("Mayor Ruiz said at the time the levy would fail again.", "the levy would fail again"),
        ("Mayor Ruiz said Monday at a rally that the levy would fail.", "that the levy would fail"),
    ],
)
def test_reported_content_starts_after_time_and_place(text: str, content: str) -> None:
    assert _only(extract_quotes(text)).text == content


def test_said_of_names_the_topic_not_the_words() -> None:
    assert extract_quotes("Jane Doe, a tax professor, said of the new county plan.") == []
    quote = _only(extract_quotes("Jane Doe said of the new county plan that it would help nobody."))
    assert quote.text == "that it would help nobody"
    # other verbs keep their object: 'complained of X' reports X
    quote = _only(
        extract_quotes("Jane Doe complained of the long delays at the county office.", register="news")
    )
    assert quote.text.startswith("of the long delays") or quote.text.startswith("the long delays")


# ---------------------------------------------------------------- reported speech, then the speaker's quotation


@pytest.mark.parametrize("gap", [" ", "\n", "\n\n"])
def test_an_unattributed_quotation_after_reported_speech_continues_it(gap: str) -> None:
    text = "Jane Doe said the council would vote on the budget soon." + gap + '"We cannot wait any longer."'
    quote = _only(extract_quotes(text))
    assert quote.kind == "mixed"
    assert quote.speaker == "Jane Doe"
    assert quote.span == (text.index("the council"), len(text))


def test_a_quotation_with_its_own_attribution_after_reported_speech_stays_apart() -> None:
    text = 'Jane Doe said the council would vote on the budget soon. "We cannot wait," Tom Ray said.'
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "Jane Doe"), ("direct", "Tom Ray")]


def test_a_quotation_in_the_next_paragraph_continues_only_when_it_fills_it() -> None:
    text = 'Jane Doe said the council would vote on the budget soon.\n"We cannot wait." The clerk left.'
    quote = _only(extract_quotes(text))
    assert quote.kind == "indirect"
    assert quote.span[1] < text.index("\n")


# ---------------------------------------------------------------- signature lines


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_dash_line_under_a_quotation_names_its_author(gap: str) -> None:
    text = (
        '"We will never give up on this fight."' + gap + "— Jane Doe, a nurse from Ohio\n\nMore news follows."
    )
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Jane Doe", "—")
    assert quote.span == (0, text.index(gap))


def test_a_dash_line_that_goes_on_as_a_sentence_is_no_signature() -> None:
    text = '"We will never give up on this fight."\n— Jane Doe walked out of the hall and then she left town.'
    assert extract_quotes(text) == []


def test_a_paragraph_signed_with_a_name_starts_a_new_statement() -> None:
    text = (
        "“We will never give up on this fight.” ― Jane Doe\n“Nobody asked us about the plan.” ― Tom Ray, Ohio"
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will never give up on this fight.", "Jane Doe"),
        ("Nobody asked us about the plan.", "Tom Ray"),
    ]


def test_a_signed_paragraph_does_not_carry_on_the_quotation_before_it() -> None:
    text = (
        "“We will never give up on this fight.” ― Jane Doe\n"
        "“Nobody asked us.” The plan went ahead anyway in the end. ― Tom Ray"
    )
    quote = extract_quotes(text)[0]
    assert (quote.text, quote.speaker) == ("We will never give up on this fight.", "Jane Doe")
    assert quote.span[1] < text.index("\n")


def test_reported_words_end_where_a_quotation_attributed_after_it_begins() -> None:
    text = (
        "The letter also referenced the change it said the new law would bring to nurses: "
        '"It opens the door for all of us to be treated fairly," the union wrote.'
    )
    quotes = extract_quotes(text)
    quote = _by_cue(quotes, "wrote")
    assert (quote.kind, quote.speaker) == ("direct", "the union")
    assert all(q.span[1] <= text.index('"') for q in quotes if q is not quote)


# ------------------------------------------------ quotations inside a reported clause


def test_a_quotation_after_that_comma_is_part_of_the_clause_that_goes_on() -> None:
    text = (
        'The spokeswoman Jane Roe said via email that, "Of course the mayor is going to defend '
        'himself" against what the office sees as a coordinated attack by rivals.'
    )
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("mixed", "The spokeswoman Jane Roe")
    assert quote.span[1] == text.index(" by rivals") + len(" by rivals")
    assert quote.span[0] <= text.index("that,")


def test_a_verb_taking_a_clause_after_a_quotation_is_no_attribution() -> None:
    text = (
        'City Attorney John Doe said in the letter that the flyer "clearly and wrongly" '
        "suggests that the department supports the campaign."
    )
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("mixed", "City Attorney John Doe", "said")
    assert quote.span == (text.index("that the flyer"), len(text) - 1)


def test_a_second_lower_case_quotation_after_and_still_joins_the_statement() -> None:
    text = (
        'Smith "got a special deal," Brown said, and still "got to sit in on the meeting when it was held."'
    )
    quote = _only(extract_quotes(text))
    assert quote.speaker == "Brown"
    assert quote.span[1] == len(text)
    assert "got to sit in" in quote.text


def test_a_quotation_ending_a_clause_reported_by_an_earlier_cue_is_mixed() -> None:
    text = 'The mayor said the aides were calling "every ten minutes."'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("mixed", "The mayor", "said")
    assert quote.span == (text.index("the aides"), len(text))


def test_a_prepositional_phrase_after_the_quotation_belongs_to_the_statement() -> None:
    text = 'The agency made a "mistake" in the background check for the shooter, the director has said.'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("mixed", "the director")
    assert quote.span == (0, text.index(", the director"))


def test_an_inverted_speaker_after_a_phrase_that_carries_on_the_quotation() -> None:
    text = (
        '"These groups have been preparing the ground for voters," in sharp contrast to earlier '
        "races when parties did that work, says Jane Roe, a professor at the state college."
    )
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker) == ("mixed", "Jane Roe")
    assert quote.span == (0, text.index(", says"))


def test_quotations_inside_reported_clauses_complete_on_unbalanced_marks() -> None:
    text = ('X said that, "a b c d against what e f g said the h were calling "i j ' * 20000)[:1_000_000]
    quotes = extract_quotes(text)  # how fast: benchmarks/quotes_scaling.py
    assert isinstance(quotes, list)
    assert all(0 <= q.span[0] < q.span[1] <= len(text) for q in quotes if q.span)


@pytest.mark.parametrize(
    "text",
    [
        "Costs rose sharply, much of which can be credited to the rules proposed during his first term in office.",
        "The memo was leaked, which is what the director described as a breach of the agency's trust.",
        "The deputy, who has gotten less credit than aides say she deserves, stayed on for another year.",
    ],
)
def test_a_relative_clause_with_its_own_verb_is_no_speaker(text: str) -> None:
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the verb before 'and asked' is the last joined clause's, whose subject is 'he' (not 'She')
        (
            "She was packing and he told her she was not his boss anymore and asked her if they were a couple now.",
            "he",
        ),
        ("Others clutch their charging cables and say, “Absolutely not.”", "Others"),
    ],
)
def test_a_cue_after_and_takes_the_subject_of_the_last_joined_clause(text: str, speaker: str) -> None:
    speakers = [q.speaker for q in extract_quotes(text, min_confidence=0.0) if q.cue in {"asked", "say"}]
    assert speakers == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Lee seemed impressed. He even said the rookie was ahead of where he had been.", "He"),
        ("Critics still say the plan would fail.", "Critics"),
        ("She herself said the plan would fail.", "She"),
        # after 'but' the adverb belongs to a verb phrase of the subject before it
        ("A review cleared the firms of spying but still concluded that their gear was weak.", "A review"),
    ],
)
def test_an_adverb_between_subject_and_cue_is_not_part_of_the_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, min_confidence=0.0)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Dr. Ann Lee, a surgeon in San Mateo, Calif., who has done 1,100 operations, noted that few surgeons do it.",
            "Dr. Ann Lee",
        ),
        ("Rabbi Joe Katz, of Boca Raton, Fla., said he and other rabbis were alarmed.", "Rabbi Joe Katz"),
    ],
)
def test_a_state_abbreviation_after_a_place_is_no_speaker(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract_quotes(text, min_confidence=0.0)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "Windslowe, who police said uses several aliases, was arraigned on Tuesday.",
            "police",
            "who police said uses several aliases",
        ),
        ("Doocy, who she said talked down to her, kept his job.", "she", "who she said talked down to her"),
        # 'who' with a time phrase or its own verb before the cue is the speaker itself
        ("Jane Roe, who helped found the group, said she did not condone violence.", "Jane Roe", None),
    ],
)
def test_who_before_another_subject_is_what_was_said(text: str, speaker: str, words: str | None) -> None:
    quote = _only(extract_quotes(text, min_confidence=0.0))
    assert quote.speaker == speaker
    if words is not None:
        assert quote.text == words


def test_a_bare_relative_pronoun_still_speaks_for_its_noun() -> None:
    quotes = extract_quotes(
        "The mayor met Jane Roe, who said the clinic would close in May.", min_confidence=0.0
    )
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "who", "the clinic would close in May")
    ]


def test_no_comma_after_the_words_no_statement_running_past_the_mark() -> None:
    """Found by the fuzzing harness: '"A" b "A" said' took the second quotation as the speaker
    and the missing comma (rfind: -1) as the statement's end, giving span (0, -1)."""
    for text in ("“we will” council “we will” said", '"A" b "A" said.'):
        for quote in extract_quotes(text):
            assert quote.span is not None
            assert 0 <= quote.span[0] <= quote.span[1] <= len(text)
    said = _only(extract_quotes('"A" to drive up the stock price, she said.', min_confidence=0.0))
    assert (said.speaker, said.span) == ("she", (0, 31))  # the comma form still reads as before


def test_a_typewriter_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next() -> None:
    # Typewriter-style texts mark quotations with two apostrophes and, like every news style,
    # leave a quotation open when it carries on into the next paragraph.
    text = (
        "''People make all these claims,'' Mrs. Clinton said, a hint of frustration in her voice. "
        "''And it's hard for voters to really evaluate them.\n\n"
        "''That's why I've tried to say what I will do.''\n\nHer approach has put her ahead."
    )
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.kind) == ("Mrs. Clinton", "direct")
    assert "That's why I've tried" in quote.text
    assert "Her approach" not in quote.text


def test_a_continued_quotation_that_the_writer_ends_still_joins_the_statement() -> None:
    text = (
        "''It's more tinkering,'' said Alan Cole, an economist. ''I wouldn't call it reform. "
        "It's basically just a tax increase'' for the top income bracket.\n\nRepublicans object."
    )
    quote = _only(extract_quotes(text))
    assert quote.speaker == "Alan Cole"
    assert "basically just a tax increase" in quote.text


def test_a_continued_quotation_with_its_own_cue_is_a_second_statement() -> None:
    text = (
        "“It was the last beachhead,” says Pamela Lyon, a scholar. Lyon sees it as exceptionalism. "
        "“We've been ripped from every central position we've inhabited,” she points out. Earth is not the center."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "It was the last beachhead",
        "We've been ripped from every central position we've inhabited",
    ]
    assert (quotes[1].speaker, quotes[1].cue) == ("she", "points")


@pytest.mark.parametrize(
    "text",
    [
        "Officials SAID on Monday, according to Reuters, that prices would rise, she told reporters.",
        "İstanbul's mayor said the plan, announced Tuesday, would go ahead, sagte er.",  # lower() grows
        "unsaid words, a stellar tell-all: nothing here reports, nothing, says the Text",
    ],
)
def test_the_cue_scan_of_the_lower_cased_text_finds_what_the_cue_pattern_finds(text: str) -> None:
    from extractor.quotes.tables import CUE_RE, scan_cues

    expected = [(m.span(), m.group(), m.lastgroup) for m in CUE_RE.finditer(text)]
    assert expected  # each text holds cues
    assert [(m.span(), m.group(), m.lastgroup) for m in scan_cues(text)] == expected


def test_a_capitalised_opener_written_in_lower_case_elsewhere_is_a_common_word() -> None:
    from extractor.quotes.mentions import _written_lowercase

    text = "Analytics said so.\nThe analytics team and Analyticsfoo; unanalytics."
    assert _written_lowercase("analytics", text)
    assert not _written_lowercase("analyticsfoo", text)  # only capitalised
    assert not _written_lowercase("analytic", text)  # no whole word
    assert not _written_lowercase("team's", "the team's view")  # not a run of letters


@pytest.mark.parametrize("focus", ["Even", "Only"])
def test_a_focus_adverb_before_the_speaker_is_not_part_of_it(focus: str) -> None:
    text = f"{focus} Rendell, a stalwart Clinton supporter, said it would be easier to raise the gas tax."
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue) == ("Rendell", "said")
    assert quote.text == "it would be easier to raise the gas tax"


def test_a_report_before_a_participle_that_introduces_a_quotation_is_kept() -> None:
    text = 'Ryan and Trump will meet next week, Spicer said, adding, "They need to have a good talk."'
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker, q.cue, q.text) for q in quotes] == [
        ("indirect", "Spicer", "said", "Ryan and Trump will meet next week"),
        ("direct", "Spicer", "adding", "They need to have a good talk."),
    ]


def test_the_subject_after_an_opening_phrase_drops_the_cues_adverb() -> None:
    text = 'My mother has softened, but even now at 86 she still says things such as, "We are not all equal."'
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue, quote.text) == ("she", "says", "We are not all equal.")


def test_a_second_verb_after_but_reports_for_the_sentences_subject() -> None:
    text = "The spokesman refused to answer questions on the race but said no meeting was planned with Trump."
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue, quote.text) == (
        "The spokesman",
        "said",
        "no meeting was planned with Trump",
    )


def test_a_fronted_according_to_report_ends_where_the_writers_reading_begins() -> None:
    text = (
        "According to Hootsuite's 2021 report, more than 4.48 billion people use these platforms daily, "
        "making social media a smart choice for a brand."
    )
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue) == ("Hootsuite's 2021 report", "according to")
    assert quote.text == "more than 4.48 billion people use these platforms daily"


def test_a_quoted_title_before_the_cue_leaves_the_cue_its_own_clause() -> None:
    # the quotation sits in an opening phrase; 'Ms. Lane said' reports the clause after it
    text = (
        'In her first book, "Quiet Rooms," and in a talk, Ms. Lane said the city had told its '
        "planners that it would not keep the old rules."
    )
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Ms. Lane", "said")
    assert quote.text == "the city had told its planners that it would not keep the old rules"


def test_a_quotation_inside_a_sentence_keeps_an_attribution_that_closes_it() -> None:
    text = 'In poorer towns, "we don\'t know how many jobs will go," the mayor said on Monday.'
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.speaker, quote.cue) == ("mixed", "the mayor", "said")
    assert quote.span is not None
    assert quote.span[0] == 0  # the opening phrase is part of it


def test_one_member_of_a_group_of_sources_is_a_source() -> None:
    quote = _only(extract_quotes("One of the auditors said the two budgets were quite different."))
    assert (quote.speaker, quote.text) == ("One of the auditors", "the two budgets were quite different")
    assert extract_quotes("One of the reasons said a lot about the budget.") == []


def test_a_capitalised_modal_inside_a_name_is_part_of_the_speaker() -> None:
    # 'May' and 'Will' are modals in lower case; between capitalised words they are names
    quote = _only(extract_quotes("Prime Minister Theresa May said on Monday that the vote would go ahead."))
    assert (quote.speaker, quote.text) == ("Prime Minister Theresa May", "that the vote would go ahead")
    quote = _only(extract_quotes("County chairman Will Rogers said the visit would help the region."))
    assert (quote.speaker, quote.text) == ("County chairman Will Rogers", "the visit would help the region")
    assert extract_quotes("The board will say nothing until the audit is done.") == []


def test_a_whole_clause_before_a_comma_ends_a_report_when_another_source_speaks() -> None:
    text = "The mayor claimed that the budget was balanced, one of the auditors said the figures were wrong."
    first, second = extract_quotes(text)
    assert (first.speaker, first.text) == ("The mayor", "that the budget was balanced")
    assert (second.speaker, second.text) == ("one of the auditors", "the figures were wrong")
    # an opening phrase before the comma is part of the first report
    quote = _only(
        extract_quotes("The minister reported that during the visit, President Smith repeated his support.")
    )
    assert quote.text == "that during the visit, President Smith repeated his support"


def test_a_relative_clause_around_the_cue_is_the_report_pronoun_included() -> None:
    text = "The rules, which officials said will take effect next month, do not apply to farms."
    quote = _only(extract_quotes(text, min_confidence=0.0))
    assert (quote.speaker, quote.text) == ("officials", "which officials said will take effect next month")
    quote = _only(
        extract_quotes(
            "The clinic has adapted to what she said is growing demand for care.", min_confidence=0.0
        )
    )
    assert (quote.speaker, quote.text) == ("she", "what she said is growing demand for care")
    # a sentence-opening 'What X said was ...' is the writer's verdict on it
    assert extract_quotes("What the mayor said was wrong.") == []
    # 'in which' is a circumstance: the report is the clause after the cue
    quote = _only(
        extract_quotes("It was a debate in which he said that the tax would go.", min_confidence=0.0)
    )
    assert (quote.speaker, quote.text) == ("he", "that the tax would go")


def test_a_contrast_with_while_starts_a_second_report() -> None:
    text = "The stock, which some say is far too dear while others say it is still cheap, fell."
    first, second = extract_quotes(text, min_confidence=0.0)
    assert (first.speaker, first.text) == ("some", "which some say is far too dear")
    assert (second.speaker, second.text) == ("others", "it is still cheap")


def test_a_source_phrase_after_a_quotation_attributes_it() -> None:
    text = "The ruling came late.\n\n“The evidence cannot support a charge,” according to a filing by the county attorney."
    quote = _only(extract_quotes(text))
    assert (quote.kind, quote.text) == ("direct", "The evidence cannot support a charge")
    assert (quote.speaker, quote.cue) == ("a filing by the county attorney", "according to")
    # a rule is no source, and a sentence after the source keeps it from closing the clause
    assert extract_quotes("“Refunds are final,” according to the terms.") == []
    assert extract_quotes("“Refunds are final,” according to Ann Lee, who runs the shop, and others.") == []


def test_an_upper_case_us_before_a_title_is_the_country() -> None:
    quote = _only(extract_quotes("“The vote is ours,” US Senator Ann Hale said."))
    assert (quote.speaker, quote.text) == ("US Senator Ann Hale", "The vote is ours")
    # the pronoun still marks the writer's aside
    assert extract_quotes('Trust us, we have found ourselves saying, "It works."') == []


def test_a_name_and_colon_line_is_a_statement_when_the_name_speaks_elsewhere() -> None:
    text = "Okafor: The budget will not pass this year.\n\nMayor Ada Okafor said on Monday that talks had failed."
    first, second = extract_quotes(text)
    assert (first.speaker, first.cue, first.kind) == ("Okafor", ":", "indirect")
    assert first.text == "The budget will not pass this year"
    assert second.speaker == "Mayor Ada Okafor"
    # quoted words inside the line: the whole line is the statement
    text = (
        "Okafor: ‘Reckless Cuts’ Will Cost ‘Thousands Of Jobs.’\n\nOn Monday, Okafor said the plan was wrong."
    )
    quote = extract_quotes(text)[0]
    assert (quote.speaker, quote.kind) == ("Okafor", "mixed")
    assert quote.text == "‘Reckless Cuts’ Will Cost ‘Thousands Of Jobs.’"
    # a heading word, a value or a phrase is no speaker, and a name that never speaks is no source
    for line in (
        "Note: The shop is closed on Monday.",
        "Okafor: 4.5 out of 5 stars",
        "For Okafor: Read the plan before the vote.",
        "Sunrise: The first light comes at six.",
    ):
        text = line + "\n\nOkafor said the shop would reopen."
        assert [q.speaker for q in extract_quotes(text)] == ["Okafor"], line


def test_a_participle_after_a_quotation_closing_on_a_comma_reports() -> None:
    text = "The mayor held up “the old budget,” saying the cuts would hurt schools."
    quote = _only(extract_quotes(text))
    assert (quote.speaker, quote.cue, quote.text) == ("The mayor", "saying", "the cuts would hurt schools")


def test_content_first_then_speaker_told_a_hearer() -> None:
    for text, speaker, hearer in (
        (
            "The bridge will reopen in the spring, a city spokeswoman told The Daily Ledger.",
            "a city spokeswoman",
            "The Daily Ledger",
        ),
        (
            "The bridge will reopen in the spring, Mayor Ada Okafor told reporters.",
            "Mayor Ada Okafor",
            "reporters",
        ),
        (
            "The bridge will reopen in the spring, Okafor told a council panel Tuesday.",
            "Okafor",
            "a council panel",
        ),
    ):
        quote = _only(extract_quotes(text, min_confidence=0.0))
        assert (quote.speaker, quote.cue, quote.addressee) == (speaker, "told", hearer), text
        assert quote.text == "The bridge will reopen in the spring"
    # the hearer followed by a clause: the clause is what was told
    quote = _only(
        extract_quotes(
            "After the vote, the mayor told reporters the bridge would reopen.", min_confidence=0.0
        )
    )
    assert (quote.speaker, quote.text) == ("the mayor", "the bridge would reopen")
    quote = _only(extract_quotes("After the arrest, Holmes told police he was the Joker.", register="news"))
    assert (quote.addressee, quote.text) == ("police", "he was the Joker")
    # a second source closing the sentence, with a long name for its hearer
    text = "Holmes told police he was the Joker, law enforcement sources told ABC News affiliate KMGH-TV in Denver."
    quotes = extract_quotes(text, register="news", min_confidence=0.0)
    assert "he was the Joker" in [q.text for q in quotes]


def test_inverted_speaker_with_a_place_or_time_after_it() -> None:
    quote = _only(extract_quotes("The budget will not pass this year, said a council aide in the chamber."))
    assert (quote.speaker, quote.text) == ("a council aide", "The budget will not pass this year")


def test_people_named_by_what_sets_them_apart_speak() -> None:
    for text, speaker in (
        ("Those surveyed say the library should open on Sundays.", "Those surveyed"),
        ("Those close to the mayor say she will not run again.", "Those close to the mayor"),
        ("Those over 60 say they read the paper every day.", "Those over 60"),
        ("One in three said the library should open on Sundays.", "One in three"),
    ):
        assert _only(extract_quotes(text)).speaker == speaker, text
    # 'those' before a noun is a determiner: the results are no speaker
    assert extract_quotes("Those results show the library should open on Sundays.") == []


def test_two_reports_joined_by_and_each_have_their_speaker() -> None:
    text = "Most parents said the school was too far and many teachers said the bus came late."
    first, second = extract_quotes(text)
    assert (first.speaker, first.text) == ("Most parents", "the school was too far")
    assert (second.speaker, second.text) == ("many teachers", "the bus came late")
    # a clause of its own before the cue is no subject: nothing is reported by 'adding'
    text = (
        "I asked about adding a dark mode and the developer let me know he is working on adding that option."
    )
    assert [q.cue for q in extract_quotes(text)] == []


def test_a_clause_before_the_subject_is_not_part_of_the_speaker() -> None:
    for text, speaker in (
        (
            'Revenues dipped below forecasts and State Treasurer Ann Ruiz blamed it on the "cold winter."',
            "State Treasurer Ann Ruiz",
        ),
        (
            "The hall fell silent when a fight broke out near the doors and a guard said that the exits were open.",
            "a guard",
        ),
        ("Fans cheered loudly as the mayor announced that the team would get a parade.", "the mayor"),
        (
            (
                "The storm let the governor look presidential, allowing her to appear bipartisan just as"
                " Senator Ruiz was attacking her as reckless."
            ),
            "Senator Ruiz",
        ),
    ):
        quote = _only(extract_quotes(text, register="news", min_confidence=0.0))
        assert quote.speaker == speaker, text
    # 'what X and Y said': both names speak
    text = "It contradicted what Marlow and Okafor told reporters, that the gap had closed."
    assert _only(extract_quotes(text, register="news", min_confidence=0.0)).speaker == "Marlow and Okafor"
    # a participle after a noun describes it ('published in'), and a subject that two verbs
    # share stays the subject
    for text, speaker in (
        (
            "A study published in the journal Nature says most people sleep badly.",
            "A study published in the journal Nature",
        ),
        (
            "Google began using speed as a ranking factor and later announced that it would rank mobile pages first.",
            "Google",
        ),
    ):
        assert _only(extract_quotes(text, register="news", min_confidence=0.0)).speaker == speaker, text


def test_with_a_share_saying_is_an_absolute_report() -> None:
    quote = _only(
        extract_quotes(
            "The park is popular, with 60 percent of residents saying they visit it weekly.",
            min_confidence=0.0,
        )
    )
    assert (quote.speaker, quote.cue, quote.text) == (
        "60 percent of residents",
        "saying",
        "they visit it weekly",
    )
    # fronted, the absolute clause ends at its comma; the main clause is the writer's
    quote = _only(
        extract_quotes(
            "With analysts predicting that prices will fall, buyers should wait a month.", min_confidence=0.0
        )
    )
    assert (quote.speaker, quote.text) == ("analysts", "that prices will fall")
    # 'insisting on' a habit and things 'pointing to' a trend report nothing
    for text in (
        "Many painters loved tea, with Turner famously insisting on brewing it for ten minutes.",
        "Sales grew, with several deals pointing to a busy spring.",
    ):
        assert extract_quotes(text) == [], text


def test_a_denied_cue_between_two_quotations_does_not_stop_the_second() -> None:
    # 'He did not mention the fee.' reports nothing: the next quotation goes on with the first
    quote = _only(
        extract_quotes(
            '"The bridge will open in May," the mayor said at the hearing. '
            'She did not mention the fee. "We are ready for the traffic."'
        )
    )
    assert quote.speaker == "the mayor"
    assert quote.text.endswith("We are ready for the traffic.")
    # a sentence that does report something is a statement of its own: no joining over it
    quotes = extract_quotes(
        '"The bridge will open in May," the mayor said at the hearing. '
        'She mentioned the fee. "We are ready for the traffic."'
    )
    assert not any(
        q.text.endswith("traffic.") and q.speaker == "the mayor" and "May" in q.text for q in quotes
    )


def test_went_on_and_plural_state_after_a_quotation_attribute_it() -> None:
    quote = _only(extract_quotes('"The roof needs a new coat before winter," she went on.'))
    assert (quote.speaker, quote.text) == ("she", "The roof needs a new coat before winter")
    quote = _only(extract_quotes('"Sleep matters more than diet," the authors state in the review.'))
    assert quote.speaker == "the authors"
    # 'went' with no manner phrase after it is an ordinary verb
    assert extract_quotes('"We lost the game," they went home.') == []


def test_a_turn_verb_before_to_say_hands_the_statement_to_its_subject() -> None:
    quote = _only(
        extract_quotes(
            'The coach, who had been quiet all evening, interjected to say: "We train twice a day."'
        )
    )
    assert (quote.speaker, quote.text) == ("The coach", "We train twice a day.")
    quote = _only(extract_quotes("The baker took to Facebook to say that the shop would reopen on Friday."))
    assert (quote.speaker, quote.text) == ("The baker", "that the shop would reopen on Friday")
    # declining or wanting to say something reports nothing
    assert extract_quotes("The baker declined to say whether the shop would reopen.") == []


def test_a_quoted_name_before_a_noun_and_its_cue_is_no_statement() -> None:
    # 'asked fans to vote': the hearer and an infinitive follow the cue, so the clause goes on
    # and the quotation before it is a name modifying the subject
    assert [q.kind for q in extract_quotes("“Night Shift” star Ana Ruiz asked fans to vote.")] != ["direct"]
    assert [q.kind for q in extract_quotes("“Night Shift” Star Asked Fans To Vote.")] != ["direct"]
    # a possessive after an inverted cue opens its object: it is no speaker
    assert not any(
        q.speaker == "Its"
        for q in extract_quotes("‘Vogue’ Just Announced Its ‘Face Of The Year’ And Fans Agree.")
    )
    # the hearer alone, or a time after it, still closes the attribution
    quote = _only(extract_quotes("“We will open in May” she told reporters on Monday."))
    assert (quote.speaker, quote.text) == ("she", "We will open in May")


def test_more_from_and_a_names_document_before_a_colon_are_the_source() -> None:
    quote = _only(extract_quotes('From the mayor\'s newsletter: "The pool opens on the first of June."'))
    assert (quote.speaker, quote.text) == ("the mayor's newsletter", "The pool opens on the first of June.")
    quote = _only(extract_quotes('From Lena\'s blog post: "Bake the crust for ten minutes first."'))
    assert quote.speaker == "Lena's blog post"
    quote = _only(
        extract_quotes('Weights are not enough - More from the study: "Samples must match the population."')
    )
    assert (quote.speaker, quote.text) == ("the study", "Samples must match the population.")
    # an instruction to the reader before a colon is still nobody's statement
    assert extract_quotes('Say something like: "I need a minute."') == []


# ---------------------------------------------------------------- naming quotations


def test_a_naming_verb_quotes_its_second_object() -> None:
    text = (
        'When the attackers act alone, the senator and the governor call them "lone wolves" and '
        "describe their acts as crimes. Officials said the review would take a month."
    )
    quote = _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "call")
    assert (quote.speaker, quote.kind, quote.text) == (
        "the senator and the governor",
        "direct",
        "lone wolves",
    )


def test_a_participle_of_naming_speaks_for_the_subject() -> None:
    text = 'The mayor celebrated with supporters, declaring it "another great night for our city" on Tuesday.'
    quote = _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "declaring")
    assert (quote.speaker, quote.text) == ("The mayor", "another great night for our city")


def test_naming_quotations_are_news_only() -> None:
    text = 'Reviewers call it "the smoothest ride in town" on their blogs.'
    assert [q for q in extract_quotes(text, register="web", min_confidence=0.0) if q.cue == "call"] == []
    assert _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "call").text == (
        "the smoothest ride in town"
    )


@pytest.mark.parametrize(
    "text",
    [
        'They joined a group called the "People First Fund" last year.',  # a name given
        'That prompted the senator to make a joke and call the governor "very flexible" on stage.',
    ],
)
def test_no_naming_record_without_a_subject_naming_an_object(text: str) -> None:
    assert [q.cue for q in extract_quotes(text, register="news", min_confidence=0.0)] == [], text


def test_a_quotation_after_a_preposition_is_not_named() -> None:
    text = 'The committee called for "a full review of the contract" on Monday.'
    quote = _only(extract_quotes(text, register="news", min_confidence=0.0))
    assert (quote.cue, quote.kind) == ("called for", "mixed")  # the object report, not a naming


def test_a_quotation_right_after_a_cue_belongs_to_that_cue() -> None:
    text = 'Asked about the vote, 21 percent said "not too likely" and 14 percent said "not at all likely."'
    quotes = extract_quotes(text, register="news", min_confidence=0.0)
    said = {q.text: q.speaker for q in quotes if q.cue == "said"}
    assert said == {"not too likely": "21 percent", "not at all likely.": "14 percent"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an -ed word after an article is an adjective, not the subject's verb
        (
            'The retired surgeon gave no details, saying that he was "refining some practices."',
            "The retired surgeon",
        ),
        # an irregular past tense ends the subject
        ("The governor shot back in a statement, saying he had made money in down markets.", "The governor"),
    ],
)
def test_the_subject_of_a_participle_report(text: str, speaker: str) -> None:
    assert _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "saying").speaker == speaker


def test_a_report_ends_where_a_quotation_with_its_own_cue_begins() -> None:
    text = 'The minister said it was too early to name winners but added, "I think you all know the results."'
    quotes = extract_quotes(text, register="news", min_confidence=0.0)
    assert _by_cue(quotes, "said").text == "it was too early to name winners"
    assert _by_cue(quotes, "added").text == "I think you all know the results."


def test_a_series_of_gerunds_stays_one_report() -> None:
    text = (
        "The organizer suggests laying out every shirt on the bed and then picking up each one "
        'and asking yourself, "does this still fit?" Most people keep too much.'
    )
    report = _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "suggests")
    assert "does this still fit?" in report.text


def test_a_participle_speaks_for_the_subject_after_opening_phrases() -> None:
    text = (
        "In June 2009, after the minister fell ill, Marlow sent flowers, telling her, "
        '"you are an all-star player and we need you for the long run!"'
    )
    assert _by_cue(extract_quotes(text, register="news", min_confidence=0.0), "telling").speaker == "Marlow"


def test_a_name_set_off_after_an_according_to_source_is_the_source() -> None:
    quote = _only(
        extract_quotes(
            "According to the company's spokesman, John Smith, the plan will cost $2 million.",
            register="news",
            min_confidence=0.0,
        )
    )
    assert (quote.speaker, quote.text) == (
        "the company's spokesman, John Smith",
        "the plan will cost $2 million",
    )
    listed = _only(
        extract_quotes(
            "According to the report, Canada, Mexico and the United States will all grow this year.",
            register="news",
            min_confidence=0.0,
        )
    )
    assert listed.speaker == "the report"  # one capitalised word is not a name set off


def test_a_copula_before_a_colon_defines_unless_it_names_someones_words() -> None:
    text = 'A phrase that sums up product fit is: "is the product flying off the shelf"? Few agree.'
    assert extract_quotes(text, register="news", min_confidence=0.0) == []
    owned = _only(
        extract_quotes(
            'The mayor\'s answer was: "We will rebuild the bridge."', register="news", min_confidence=0.0
        )
    )
    assert (owned.speaker, owned.text) == ("The mayor's answer", "We will rebuild the bridge.")
