"""Unit tests of the fixture comparison, loading, running and reporting, and of the folders themselves.

Each folder under fixtures/ is a hand-written page with the record its author
knows to be true. Their regression run (every field must match, fields a
fixture lists under ``known_failures`` are xfail) goes through the pytest
plugin, as a user's suite gets it: see ``test_fixtures_plugin.py``. The
one-line helper (``extractor.fixtures.plugin.fixture_tests``) is tested here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extractor import Article, Block, Comment, Quote
from extractor.fixtures import (
    FieldDiff,
    Fixture,
    FixtureResult,
    check_fixture,
    check_must_not_contain,
    check_record,
    compare,
    fixture_dirs,
    fixture_slug,
    format_result,
    load_fixture,
    recorded_expected,
    run_fixture,
    summary_table,
    updated_expected,
)
from extractor.fixtures.plugin import fixture_tests, run_one

FIXTURES_ROOT = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE_DIRS = fixture_dirs(FIXTURES_ROOT)


@lru_cache(maxsize=32)
def _fixture(path: Path) -> Fixture:
    return load_fixture(path)


def test_fixtures_exist() -> None:
    assert len(FIXTURE_DIRS) >= 20


def _meta(path: Path) -> dict[str, Any]:
    return json.loads((path / "meta.json").read_text(encoding="utf-8"))


def test_fixtures_cover_the_shapes_users_meet() -> None:
    """Issue 6: live blogs, forums, an index page, paywalls, RTL, CJK, legacy encodings, AMP, lazy images."""
    expected = {p.name: _fixture(p).expected for p in FIXTURE_DIRS}
    page_types = {e.get("page_type") for e in expected.values()}
    assert {"article", "liveblog", "forum", "index"} <= page_types
    assert any(e.get("paywalled") is True for e in expected.values())
    assert any(e.get("language") == "ar" for e in expected.values())
    assert {"zh", "ja"} & {e.get("language") for e in expected.values()}
    charsets = {str(_meta(p)["headers"].get("Content-Type", "")).lower() for p in FIXTURE_DIRS}
    assert any("shift_jis" in c for c in charsets)
    assert any("windows-1251" in c for c in charsets)
    pages = [_fixture(p).html for p in FIXTURE_DIRS]
    assert any("<html ⚡".encode() in page for page in pages)
    assert any(b"data-src=" in page and b"<noscript>" in page for page in pages)
    assert any(b'dir="rtl"' in page for page in pages)


@pytest.mark.parametrize("path", FIXTURE_DIRS, ids=lambda p: p.name)
def test_fixture_files_stay_small_and_sourced(path: Path) -> None:
    assert (path / "page.html").stat().st_size < 64 * 1024
    assert len(_meta(path).get("source") or "") >= 40, "meta.json source must say where the markup comes from"


@pytest.mark.parametrize("path", FIXTURE_DIRS, ids=lambda p: p.name)
def test_fixture_is_consistent(path: Path) -> None:
    """The fixture files agree with each other, whatever the extractor does."""
    assert check_fixture(_fixture(path)) == []


# --------------------------------------------------------------------------- comparing


def _record(**overrides: Any) -> dict[str, Any]:
    article = Article(
        url="https://news.example/a",
        headline="Bridge reopens after repairs",
        authors=["Ada Byrne"],
        language="en-GB",
        blocks=[Block("paragraph", "The bridge reopened on Monday."), Block("heading", "Traffic")],
        comments=[
            Comment(
                text="First!\nSecond line",
                author="Kim",
                depth=0,
                published=Article.from_dict({"published": "2024-01-02T23:30:00+00:00"}).published,
            ),
            Comment(text="Reply here", author="Lee", depth=1),
        ],
        quotes=[Quote(text="“It is safe again,”", kind="direct", speaker="Ada Byrne")],
    )
    record = article.to_dict()
    record.update(overrides)
    return record


def _fields(diffs: list[FieldDiff]) -> list[str]:
    return [d.field for d in diffs]


def test_differing_headline_is_named() -> None:
    diffs = compare({"headline": "Bridge stays closed"}, _record())
    assert _fields(diffs) == ["headline"]
    assert "Bridge stays closed" in diffs[0].message
    assert "Bridge reopens" in diffs[0].message


def test_partial_expectation_ignores_unspecified_fields() -> None:
    assert compare({"headline": "Bridge reopens after repairs"}, _record(section="Nonsense")) == []


def test_notes_are_ignored() -> None:
    assert compare({"_notes": ["anything"], "authors": ["Ada Byrne"]}, _record()) == []


def test_accepts_article_objects() -> None:
    article = Article(headline="H")
    assert compare({"headline": "H"}, article) == []
    assert _fields(compare({"headline": "X"}, article)) == ["headline"]


def test_null_expectation_requires_absence() -> None:
    assert _fields(compare({"standfirst": None}, _record(standfirst="A dek"))) == ["standfirst"]
    assert compare({"standfirst": None}, _record()) == []


def test_text_threshold_accepts_near_misses_in_free_text_only() -> None:
    expected = {"standfirst": "The bridge is open again"}
    record = _record(standfirst="The bridge is open again.")
    assert _fields(compare(expected, record)) == ["standfirst"]
    assert compare(expected, record, text_threshold=0.9) == []
    # The headline, dates, authors and counts stay exact whatever the threshold.
    assert _fields(compare({"headline": "Bridge reopens after repair"}, _record(), text_threshold=0.5)) == [
        "headline"
    ]
    assert _fields(compare({"authors": ["Ada Byrn"]}, _record(), text_threshold=0.5)) == ["authors"]


def test_text_threshold_applies_to_blocks_and_body() -> None:
    blocks = [
        {"kind": "paragraph", "text": "The bridge reopened on Monday!"},
        {"kind": "heading", "text": "Traffic"},
    ]
    assert _fields(compare({"blocks": blocks}, _record())) == ["blocks"]
    assert compare({"blocks": blocks}, _record(), text_threshold=0.9) == []
    assert compare({"body": "The bridge reopened on Monday!\nTraffic"}, _record(), text_threshold=0.9) == []


def test_lists_compare_exactly_and_in_order() -> None:
    assert _fields(compare({"authors": ["Ada Byrne", "Sam Lo"]}, _record())) == ["authors"]
    assert _fields(compare({"tags": ["b", "a"]}, _record(tags=["a", "b"]))) == ["tags"]


def test_dates_compare_as_instants() -> None:
    record = _record(published="2024-05-08T10:00:00Z")
    assert compare({"published": "2024-05-08T06:00:00-04:00"}, record) == []
    assert _fields(compare({"published": "2024-05-08T06:00:00+00:00"}, record)) == ["published"]


def test_naive_datetime_does_not_match_an_instant() -> None:
    diffs = compare({"published": "2024-05-08T06:00:00-04:00"}, _record(published="2024-05-08T06:00:00"))
    assert _fields(diffs) == ["published"]
    assert "no timezone" in diffs[0].message


def test_date_only_expectation_matches_any_time_that_day() -> None:
    assert compare({"modified": "2024-03-04"}, _record(modified="2024-03-04T09:12:00+01:00")) == []
    assert _fields(compare({"modified": "2024-03-04"}, _record(modified="2024-03-05T00:10:00+01:00"))) == [
        "modified"
    ]
    assert _fields(compare({"modified": "2024-03-04"}, _record())) == ["modified"]


def test_language_without_region_accepts_any_region() -> None:
    assert compare({"language": "en"}, _record()) == []
    assert compare({"language": "en-gb"}, _record()) == []
    assert _fields(compare({"language": "en-US"}, _record())) == ["language"]
    assert _fields(compare({"language": "de"}, _record())) == ["language"]


def test_blocks_diff_names_the_changed_block() -> None:
    expected = {
        "blocks": [
            {"kind": "paragraph", "text": "The bridge reopened on Monday."},
            {"kind": "paragraph", "text": "Traffic"},
        ]
    }
    diffs = compare(expected, _record())
    assert _fields(diffs) == ["blocks"]
    assert "-paragraph: Traffic" in diffs[0].message
    assert "+heading: Traffic" in diffs[0].message


def test_blocks_ignore_whitespace_layout() -> None:
    expected = {
        "blocks": [
            {"kind": "paragraph", "text": "The bridge\u00a0reopened  on Monday."},
            {"kind": "heading", "text": "Traffic"},
        ]
    }
    assert compare(expected, _record()) == []


def test_images_compare_given_keys_and_tolerate_copyright_sign() -> None:
    record = _record(
        images=[{"src": "https://img.example/1.jpg", "alt": "x", "caption": "C", "credit": "Shutterstock"}]
    )
    assert (
        compare({"images": [{"src": "https://img.example/1.jpg", "credit": "© Shutterstock"}]}, record) == []
    )
    assert _fields(compare({"images": [{"src": "https://img.example/1.jpg", "caption": "D"}]}, record)) == [
        "images[0].caption"
    ]
    assert _fields(compare({"images": []}, record)) == ["images"]


def test_comments_compare_day_text_and_depth() -> None:
    expected = {
        "comments": [
            {
                "author": "Kim",
                "published": "2024-01-03T00:30:00+01:00",
                "text": "First! Second line",
                "depth": 0,
            },
            {"author": "Lee", "text": "Reply here", "depth": 2},
        ]
    }
    assert _fields(compare(expected, _record())) == ["comments[1].depth"]


def test_comments_count_mismatch_shows_summary_diff() -> None:
    diffs = compare({"comments": [{"author": "Kim", "text": "First! Second line"}]}, _record())
    assert _fields(diffs) == ["comments"]
    assert "expected 1 comments, got 2" in diffs[0].message
    assert "author=Lee" in diffs[0].message


def test_comment_published_checked_on_the_day() -> None:
    expected = {"comments": [{"published": "2024-01-05"}, {}]}
    assert _fields(compare(expected, _record())) == ["comments[0].published"]


def test_quotes_are_a_recall_check_without_quotation_marks() -> None:
    assert compare({"quotes": [{"text": "It is safe again", "speaker": "Ada Byrne"}]}, _record()) == []
    assert _fields(compare({"quotes": [{"text": "It is safe again", "speaker": "Bo"}]}, _record())) == [
        "quotes[0].speaker"
    ]
    assert _fields(compare({"quotes": [{"text": "Never again"}]}, _record())) == ["quotes[0]"]


def test_must_not_contain_detects_boilerplate_in_body() -> None:
    record = _record(
        blocks=[{"kind": "paragraph", "text": "Text."}, {"kind": "paragraph", "text": "Share  now!"}]
    )
    record.pop("body")
    diffs = check_must_not_contain({"body": ["Share now!", "Join the discussion"]}, record)
    assert _fields(diffs) == ["body"]
    assert "Share now!" in diffs[0].message


def test_must_not_contain_checks_comment_texts_and_runs_from_compare() -> None:
    diffs = compare({"must_not_contain": {"comments": ["Reply here"], "body": ["Nowhere"]}}, _record())
    assert _fields(diffs) == ["comments"]


# --------------------------------------------------------------------------- loading and sanity


def _write_fixture(
    folder: Path, *, fetched_at: str = "2024-01-01T12:00:00+00:00", expected: dict[str, Any] | None = None
) -> Path:
    folder.mkdir()
    (folder / "page.html").write_bytes(
        b"<html><body><h1>T</h1><p>Body text here.</p><div class='share'>Share now!</div></body></html>"
    )
    meta = {
        "url": "https://x.example/t",
        "fetched_at": fetched_at,
        "headers": {"Content-Type": "text/html"},
        "source": "unit test",
    }
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    if expected is None:
        expected = {
            "headline": "T",
            "blocks": [{"kind": "paragraph", "text": "Body text here."}],
            "must_not_contain": {"body": ["Share now!"]},
        }
    (folder / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return folder


def test_load_fixture_splits_must_not_contain(tmp_path: Path) -> None:
    fx = load_fixture(_write_fixture(tmp_path / "one"))
    assert fx.name == "one"
    assert fx.url == "https://x.example/t"
    assert fx.source == "unit test"
    assert fx.fetched_at is not None
    assert fx.fetched_at.utcoffset() is not None
    assert "must_not_contain" not in fx.expected
    assert fx.must_not_contain == {"body": ["Share now!"]}
    assert fx.headers == {"Content-Type": "text/html"}
    assert check_fixture(fx) == []


def test_load_fixture_rejects_naive_fetch_time(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fetched_at must carry a timezone offset"):
        load_fixture(_write_fixture(tmp_path / "naive", fetched_at="2024-01-01T12:00:00"))


def test_check_fixture_finds_typos_and_vacuous_rules(tmp_path: Path) -> None:
    expected = {
        "blocks": [{"kind": "paragraph", "text": "Body text hear."}],
        "must_not_contain": {"body": ["Not on page", "Body text"]},
    }
    fx = load_fixture(_write_fixture(tmp_path / "bad", expected=expected))
    problems = check_fixture(fx)
    assert any("blocks[0]" in p for p in problems)
    assert any("'Not on page' is not on the page" in p for p in problems)
    assert any("'Body text' occurs in the expected body" in p for p in problems)


def test_check_record_selects_fields_and_their_rules(tmp_path: Path) -> None:
    fx = load_fixture(_write_fixture(tmp_path / "sel"))
    record = _record(headline="Wrong", blocks=[{"kind": "paragraph", "text": "Share now!"}])
    record.pop("body")
    assert _fields(check_record(fx, record)) == ["headline", "blocks", "body"]
    assert _fields(check_record(fx, record, only={"headline"})) == ["headline"]
    assert _fields(check_record(fx, record, skip={"blocks", "body"})) == ["headline"]


# --------------------------------------------------------------------------- running, reporting, updating


def test_diff_top_field_and_kind() -> None:
    assert FieldDiff("comments[2].author", "x").top_field == "comments"
    assert FieldDiff("images[0].src", "x").top_field == "images"
    assert FieldDiff("headline", "x").top_field == "headline"
    leak = check_must_not_contain({"body": ["Monday"]}, _record())
    assert [d.kind for d in leak] == ["must_not_contain"]


def test_run_fixture_separates_known_failures_and_reports_fixed(tmp_path: Path) -> None:
    expected = {
        "headline": "T",
        "authors": ["Nobody"],
        "blocks": [{"kind": "paragraph", "text": "Body text here."}],
        "known_failures": {"authors": "byline not found yet", "blocks": "was broken"},
    }
    fx = load_fixture(_write_fixture(tmp_path / "k", expected=expected))
    assert fx.known_failures == {"authors": "byline not found yet", "blocks": "was broken"}
    assert "known_failures" not in fx.expected
    record = _record(headline="T", authors=[], blocks=[{"kind": "paragraph", "text": "Body text here."}])
    result, got = run_fixture(fx, extract=lambda _fx: record)
    assert result.ok
    assert result.diffs == ()
    assert got is not None
    assert [d.field for d in result.known] == ["authors"]
    assert result.fixed == ("blocks",)
    result, _ = run_fixture(fx, extract=lambda _fx: dict(record, headline="U"))
    assert not result.ok
    assert result.failed_fields == ("headline",)


def test_run_fixture_reports_extractor_errors(tmp_path: Path) -> None:
    fx = load_fixture(_write_fixture(tmp_path / "e"))

    def boom(_fx: Fixture) -> Any:
        raise RuntimeError("parser exploded")

    result, record = run_fixture(fx, extract=boom)
    assert record is None
    assert result.status == "ERROR"
    assert "parser exploded" in (result.error or "")


def test_per_fixture_threshold_wins_over_the_default(tmp_path: Path) -> None:
    folder = _write_fixture(
        tmp_path / "t", expected={"blocks": [{"kind": "paragraph", "text": "Body text here"}]}
    )
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["text_threshold"] = 0.9
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    fx = load_fixture(folder)
    record = _record(blocks=[{"kind": "paragraph", "text": "Body text here."}])
    assert run_fixture(fx, text_threshold=1.0, extract=lambda _fx: record)[0].ok
    meta["text_threshold"] = 1.5
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="text_threshold must be between 0 and 1"):
        load_fixture(folder)


def test_known_failure_on_an_unchecked_field_is_a_fixture_problem(tmp_path: Path) -> None:
    expected = {"headline": "T", "known_failures": {"section": "never checked"}}
    fx = load_fixture(_write_fixture(tmp_path / "u", expected=expected))
    assert any("known_failures.section" in p for p in check_fixture(fx))


def test_format_result_and_summary_table_name_the_field() -> None:
    bad = FixtureResult(
        "bad-one",
        Path("fixtures/bad-one"),
        ("headline", "blocks"),
        (FieldDiff("headline", "expected 'A', got 'B'"),),
    )
    good = FixtureResult(
        "good-one", Path("fixtures/good-one"), ("headline",), known=(FieldDiff("quotes[0]", "not found"),)
    )
    text = format_result(bad)
    assert text.startswith("FAIL bad-one")
    assert "  headline: expected 'A', got 'B'" in text
    table = summary_table([bad, good])
    assert "bad-one" in table
    assert "FAIL" in table
    assert "headline" in table
    assert "good-one" in table
    assert "quotes" in table
    assert table.splitlines()[-1] == "2 fixtures: 1 passed, 1 failed (1 with known failures)"


def test_updated_expected_keeps_partial_keys_notes_and_rules() -> None:
    expected = {
        "_notes": ["keep me"],
        "headline": "Old",
        "published": "2024-01-02",
        "comments": [{"author": "Kim", "text": "Old text"}],
        "must_not_contain": {"body": ["Share"]},
        "known_failures": {"quotes": "issue 4"},
    }
    record = _record(headline="New", published="2024-01-03T10:00:00+00:00")
    out = updated_expected(expected, record, ["headline", "published", "comments", "must_not_contain"])
    assert out["_notes"] == ["keep me"]
    assert out["must_not_contain"] == {"body": ["Share"]}
    assert out["known_failures"] == {"quotes": "issue 4"}
    assert out["headline"] == "New"
    assert out["published"] == "2024-01-03"
    assert out["comments"] == [
        {"author": "Kim", "text": "First!\nSecond line"},
        {"author": "Lee", "text": "Reply here"},
    ]
    assert set(out) == set(expected)


def test_recorded_expected_pins_the_main_fields() -> None:
    out = recorded_expected(_record(), "note")
    assert out["_notes"] == ["note"]
    assert out["must_not_contain"] == {}
    assert out["headline"] == "Bridge reopens after repairs"
    assert out["blocks"][1] == {"kind": "heading", "text": "Traffic"}
    assert set(out["comments"][0]) == {"author", "depth", "published", "text"}
    assert out["comments"][0]["published"] == "2024-01-02"
    assert compare({k: v for k, v in out.items() if k != "must_not_contain"}, _record()) == []


def test_fixture_slug() -> None:
    assert (
        fixture_slug("https://www.News.example/2024/05/a-story.html?x=1")
        == "news-example-2024-05-a-story-html"
    )
    assert fixture_slug("http://forum.example/viewtopic.php?t=1") == "forum-example-viewtopic-php"


def test_run_one_fails_with_the_field_and_xfails_known(tmp_path: Path) -> None:
    folder = _write_fixture(tmp_path / "p")
    with pytest.raises(pytest.fail.Exception, match="headline"):
        run_one(
            folder,
            extract=lambda _fx: _record(
                headline="Wrong", blocks=[{"kind": "paragraph", "text": "Body text here."}]
            ),
        )
    run_one(
        folder,
        extract=lambda _fx: _record(headline="T", blocks=[{"kind": "paragraph", "text": "Body text here."}]),
    )
    expected = {"headline": "T", "known_failures": {"headline": "not yet"}}
    known = _write_fixture(tmp_path / "q", expected=expected)
    with pytest.raises(pytest.xfail.Exception, match="not yet"):
        run_one(known, extract=lambda _fx: _record(headline="Wrong"))


def test_fixture_tests_builds_one_parametrized_test(tmp_path: Path) -> None:
    _write_fixture(tmp_path / "a")
    _write_fixture(tmp_path / "b")
    test = fixture_tests(tmp_path)
    marks = [m for m in getattr(test, "pytestmark", []) if m.name == "parametrize"]
    assert len(marks) == 1
    assert [p.name for p in marks[0].args[1]] == ["a", "b"]
    with pytest.raises(FileNotFoundError):
        fixture_tests(tmp_path / "missing")
