"""extractor.core.dates: fast paths, dateparser fallback, relative dates, language hints."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extractor.core.dates import find_date_in_text, normalise_language, parse_date

FETCHED = datetime(2024, 5, 10, 12, 0, tzinfo=timezone.utc)


def _offset(value: datetime | None) -> timedelta | None:
    assert value is not None
    return value.utcoffset()


def test_iso_z_is_utc() -> None:
    value = parse_date("2020-01-03T10:00:00Z")
    assert value == datetime(2020, 1, 3, 10, 0, tzinfo=timezone.utc)


def test_iso_offset_is_kept_not_converted() -> None:
    value = parse_date("2020-01-03T23:30:00-05:00")
    assert value is not None
    assert (value.year, value.month, value.day, value.hour) == (2020, 1, 3, 23)
    assert _offset(value) == timedelta(hours=-5)


def test_iso_compact_offset_and_long_fraction() -> None:
    value = parse_date("2020-01-03T10:00:00.123456789+0100")
    assert value is not None
    assert _offset(value) == timedelta(hours=1)
    assert value.microsecond == 123456


def test_date_only_is_midnight_utc() -> None:
    assert parse_date("2021-09-30") == datetime(2021, 9, 30, tzinfo=timezone.utc)


def test_naive_datetime_gets_utc() -> None:
    assert parse_date("2021-09-30 08:15:00") == datetime(2021, 9, 30, 8, 15, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("3 hours ago", "en", FETCHED - timedelta(hours=3)),
        ("yesterday", "en", FETCHED - timedelta(days=1)),
        ("vor 2 Tagen", "de", FETCHED - timedelta(days=2)),
        ("il y a 5 minutes", "fr", FETCHED - timedelta(minutes=5)),
        ("hace 3 días", "es", FETCHED - timedelta(days=3)),
    ],
)
def test_relative_dates_resolve_against_fetched_at(raw: str, language: str, expected: datetime) -> None:
    value = parse_date(raw, language=language, fetched_at=FETCHED)
    assert value is not None
    assert abs(value - expected) < timedelta(minutes=1)


def test_relative_date_without_language_hint_uses_small_default_list() -> None:
    value = parse_date("vor 2 Tagen", fetched_at=FETCHED)
    assert value is not None
    assert value.date() == (FETCHED - timedelta(days=2)).date()


def test_naive_fetched_at_is_taken_as_utc() -> None:
    naive = FETCHED.replace(tzinfo=None)
    assert parse_date("3 hours ago", language="en", fetched_at=naive) == parse_date(
        "3 hours ago", language="en", fetched_at=FETCHED
    )


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("03.01.2020", "de", (2020, 1, 3)),
        ("01/03/2020", "en", (2020, 1, 3)),
        ("01/03/2020", "fr", (2020, 3, 1)),
        ("25/12/2019", "en", (2019, 12, 25)),
        ("2020/01/03", None, (2020, 1, 3)),
        ("2020年1月3日", "ja", (2020, 1, 3)),
        ("January 3, 2020", "en", (2020, 1, 3)),
        ("3rd March 2021", "en", (2021, 3, 3)),
        ("3. Januar 2020", "de", (2020, 1, 3)),
        ("3 janvier 2020", "fr", (2020, 1, 3)),
        ("Mon, 03 Jan 2020 10:00:00 GMT", None, (2020, 1, 3)),
    ],
)
def test_common_forms(raw: str, language: str | None, expected: tuple[int, int, int]) -> None:
    value = parse_date(raw, language=language, fetched_at=FETCHED)
    assert value is not None
    assert (value.year, value.month, value.day) == expected


def test_japanese_date_with_time_is_local_time() -> None:
    value = parse_date("2019年04月21日 12時00分更新", language="ja")
    assert value is not None
    assert (value.year, value.month, value.day, value.hour) == (2019, 4, 21, 12)
    assert _offset(value) == timedelta(hours=9)


def test_unstated_offset_uses_the_language_zone_only_with_a_time() -> None:
    berlin = parse_date("3. März 2024, 14:30 Uhr", language="de")
    assert berlin is not None
    assert _offset(berlin) == timedelta(hours=1)
    summer = parse_date("2021-07-01 08:15:00", language="fr")
    assert summer is not None
    assert _offset(summer) == timedelta(hours=2)
    assert parse_date("2021-07-01 08:15:00", language="en") == datetime(
        2021, 7, 1, 8, 15, tzinfo=timezone.utc
    )
    assert parse_date("4. März 2024", language="de") == datetime(2024, 3, 4, tzinfo=timezone.utc)


def test_relative_dates_stay_in_utc_whatever_the_language() -> None:
    value = parse_date("vor 2 Stunden", language="de", fetched_at=FETCHED)
    assert value == FETCHED - timedelta(hours=2)
    assert _offset(value) == timedelta(0)


def test_epoch_seconds_and_milliseconds() -> None:
    assert parse_date("1578045600") == datetime(2020, 1, 3, 10, 0, tzinfo=timezone.utc)
    assert parse_date("1578045600000") == datetime(2020, 1, 3, 10, 0, tzinfo=timezone.utc)


def test_english_with_zone_name_keeps_local_wall_time() -> None:
    value = parse_date("Jan 3, 2020 10:00 PM EST", language="en")
    assert value is not None
    assert (value.day, value.hour) == (3, 22)
    assert _offset(value) == timedelta(hours=-5)


def test_english_pm_with_dots() -> None:
    assert parse_date("Dec. 22, 2016, 6:47 p.m.") == datetime(2016, 12, 22, 18, 47, tzinfo=timezone.utc)


def test_implausible_dates_are_rejected() -> None:
    assert parse_date("1970-01-01T00:00:00Z") is None
    assert parse_date("2030-01-01", fetched_at=FETCHED) is None
    assert parse_date("2030-01-01") is not None  # no clock is read without fetched_at
    assert parse_date("2150-01-01") is None
    assert parse_date("not a date at all", language="en") is None
    assert parse_date("") is None
    assert parse_date(None) is None


def test_find_date_in_text_returns_raw_substring() -> None:
    found = find_date_in_text("Published 3:45 PM ET, Mon January 3, 2020 in Politics", language="en")
    assert found is not None
    value, raw = found
    assert (value.year, value.month, value.day) == (2020, 1, 3)
    assert raw == "January 3, 2020"


def test_find_date_in_text_relative_short_text() -> None:
    found = find_date_in_text("vor 2 Tagen", language="de", fetched_at=FETCHED)
    assert found is not None
    assert found[1] == "vor 2 Tagen"


def test_find_date_in_text_without_date() -> None:
    assert find_date_in_text("Share this article with your friends", language="en") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("en-US", "en"), ("de_DE", "de"), ("FR", "fr"), ("pt-br", "pt"), ("", None), (None, None), ("12", None)],
)
def test_normalise_language(raw: str | None, expected: str | None) -> None:
    assert normalise_language(raw) == expected


@pytest.mark.parametrize(
    "text", ["Posts by Jonathan Jones", "Jane Doe", "Read more", "Subscribe for updates", "Staff Writer"]
)
def test_english_text_without_date_words_skips_dateparser_which_finds_nothing_in_it(text: str) -> None:
    import dateparser  # type: ignore[import-untyped]

    from extractor.core.dates import _may_name_a_date

    assert not _may_name_a_date(text, "en")
    assert dateparser.parse(text, languages=["en"]) is None  # what the shortcut saves asking
    assert parse_date(text, language="en") is None


@pytest.mark.parametrize("text", ["yesterday", "last Tuesday", "Dec 5", "3 hours ago", "noon today"])
def test_english_date_words_still_reach_the_parsers(text: str) -> None:
    from extractor.core.dates import _may_name_a_date

    assert _may_name_a_date(text, "en")
    assert parse_date(text, language="en", fetched_at=datetime(2026, 1, 10, tzinfo=timezone.utc)) is not None
