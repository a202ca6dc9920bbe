"""Comment word tables: the yes/no date test and the cache keys of attribute words.

date_like(): one case per alternative of DATE_LIKE and the boundaries each one checks,
so a faster rewrite of the pattern cannot change which texts count as dates.
"""

from __future__ import annotations

import pytest

from extractor.comments import hints
from extractor.comments.hints import date_like, numberless

DATES = [
    "2012-07-24",
    "posted 2012/7/4 at noon",
    "24.07.2012",
    "7/24/12",
    "July 17th, 2012, 6:40 pm",
    "Oct. 3",
    "3rd of March",
    "12 Jan",
    "22. Oktober 2012",
    "März 2020",
    "il 5 agosto",
    "ib-jan-2020",
    "at 14:05",
    "3 hours ago",
    "5min ago",
    "Yesterday",
    "gestern, 12 Uhr",
    "aujourd'hui",
    "vor 3 Tagen",
    "il y a 5 minutes",
    "hace 2 días",
    "há 4 horas",
    "2 giorni fa",
    "3 dagen geleden",
    "2 Stunden",
]
NOT_DATES = [
    "",
    "   ",
    "Reply",
    "12345-12-12",  # a digit run longer than a year
    "2012-07-245",  # a day with a digit after it
    "1/2",
    "24.07.",
    "room 12",
    "a12:30",  # a clock glued to a word
    "Marching 12",  # a month inside a longer word
    "primary 12",
    "12 marchers",
    "todays",
    "hierarchy",
    "3 hours",
    "version 2.1",
    "1,234 posts",
]


@pytest.mark.parametrize("text", DATES)
def test_dates_are_recognised(text: str) -> None:
    assert date_like(text)


@pytest.mark.parametrize("text", NOT_DATES)
def test_non_dates_are_not(text: str) -> None:
    assert not date_like(text)


def test_numbered_ids_share_one_cache_key() -> None:
    assert numberless("comment-1234 reply") == numberless("comment-5678 reply") == "comment-0000 reply"
    assert numberless("comment-98") == "comment-00"  # digits are read alike, none is dropped


@pytest.mark.parametrize(
    "words", ["comment-body-1234", "post_message_77", "likes-list-3", "vote-up-5", "author-99 x1"]
)
def test_word_tables_answer_alike_on_the_key(words: str) -> None:
    for table in (
        hints.TEXT_HINT,
        hints.LIKE_HINT,
        hints.DISLIKE_HINT,
        hints.LIKED_BY_HINT,
        hints.AUTHOR_HINT,
        hints.NOT_AUTHOR_HINT,
        hints.DATE_HINT,
    ):
        assert table.search(numberless(words)) == table.search(words)


@pytest.mark.parametrize(
    "text", ["AnnOctober 2, 2012", "Ashley KOctober 22, 2012", "ann686October 22, 2012 1:23 PM"]
)
def test_glued_texts_never_reach_the_general_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several elements' texts run together are no stamp: dateparser (which loads every
    language's tables for a page without one) is not asked, and no date is taken."""
    from extractor.comments import records
    from extractor.core import dates

    def refuse(*_args: object) -> None:
        raise AssertionError("dateparser asked for " + text)

    monkeypatch.setattr(dates, "_parse_with_dateparser", refuse)
    dates._parse_cached.cache_clear()
    parts = records.Parts()
    assert not records._take_date(text, None, parts, fetched_at=None, language=None)  # type: ignore[arg-type]
    assert parts.date_value is None
