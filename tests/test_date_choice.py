"""Which date is the publication date, and where it was read (issue 13).

Every path of extractor.meta.combine._published is walked: the record names its source, a
date more than a day after the fetch is never taken (the next candidate is), and a
modification date is never earlier than the publication date.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extractor import extract_article
from extractor.core.index import PageIndex
from extractor.core.tree import parse_html
from extractor.meta.combine import Metadata, extract_metadata
from extractor.meta.microdata import read_microdata
from extractor.meta.pagedate import find_page_date

FETCHED = datetime(2024, 5, 10, 12, 0, tzinfo=timezone.utc)
FUTURE = "2024-05-20T10:00:00Z"  # ten days after the fetch
URL = "https://news.example.org/2024/05/01/river-story"
_STORY = "<p>" + "The river rose through the night and the town kept watch. " * 12 + "</p>"


def _meta(head: str = "", body: str = "", url: str | None = None) -> Metadata:
    html = f'<html lang="en"><head>{head}</head><body>{body}</body></html>'
    return extract_metadata(parse_html(html), url, fetched_at=FETCHED)


def _ld(published: str | None = None, modified: str | None = None) -> str:
    fields = ['"@type": "NewsArticle"', '"headline": "River story"']
    if published:
        fields.append(f'"datePublished": "{published}"')
    if modified:
        fields.append(f'"dateModified": "{modified}"')
    return '<script type="application/ld+json">{' + ", ".join(fields) + "}</script>"


def _og(published: str) -> str:
    return f'<meta property="article:published_time" content="{published}">'


def _micro(published: str) -> str:
    return f'<div itemscope itemtype="https://schema.org/Article"><meta itemprop="datePublished" content="{published}"></div>'


_H1 = "<h1>River story</h1>"

# (head, body, url, source, day): one page per path that can set the publication date.
PATHS = [
    (_ld("2024-05-03T10:00:00Z"), _H1 + _STORY, None, "json-ld", "2024-05-03"),
    (_og("2024-05-03T10:00:00+02:00"), _H1 + _STORY, None, "meta", "2024-05-03"),
    ("", _micro("2024-05-03T10:00:00Z") + _H1 + _STORY, None, "microdata", "2024-05-03"),
    (
        '<meta name="parsely-pub-date" content="2024-05-03T10:00:00Z">',
        _H1 + _STORY,
        None,
        "meta",
        "2024-05-03",
    ),
    (
        "",
        _H1 + '<time datetime="2024-05-03T09:00:00+02:00">3 May</time>' + _STORY,
        None,
        "visible",
        "2024-05-03",
    ),
    ("", _H1 + "<p class='date'>May 3, 2024</p>" + _STORY, None, "visible", "2024-05-03"),
    ("", _H1 + _STORY, URL, "url", "2024-05-01"),
    (_ld(modified="2024-05-04T10:00:00Z"), _H1 + _STORY, None, "json-ld-modified", "2024-05-04"),
    (
        '<meta property="article:modified_time" content="2024-05-04T10:00:00Z">',
        _H1 + _STORY,
        None,
        "meta-modified",
        "2024-05-04",
    ),
    (
        "",
        '<div itemscope itemtype="https://schema.org/Article"><meta itemprop="dateModified" content="2024-05-04">'
        "</div>" + _H1 + _STORY,
        None,
        "microdata-modified",
        "2024-05-04",
    ),
    (
        "",
        _H1 + _STORY + "<div class='page-sidebar'><div class='post-date'>May 2, 2024</div></div>",
        None,
        "visible",
        "2024-05-02",
    ),
]


@pytest.mark.parametrize(("head", "body", "url", "source", "day"), PATHS)
def test_every_path_names_its_source(head: str, body: str, url: str | None, source: str, day: str) -> None:
    page = _meta(head, body, url).page
    assert page.published is not None
    assert (page.published_source, page.published.date().isoformat()) == (source, day)
    assert page.published_raw


@pytest.mark.parametrize(("head", "body", "url", "source", "day"), PATHS)
def test_the_record_carries_the_source(head: str, body: str, url: str | None, source: str, day: str) -> None:
    html = f'<html lang="en"><head>{head}</head><body>{body}</body></html>'
    article = extract_article(html, url, fetched_at=FETCHED)
    assert article.to_dict()["published_source"] == source
    assert article.published is not None
    assert article.published.date().isoformat() == day


def test_comment_dates_do_not_date_an_article() -> None:
    """Comment stamps are the readers', not the page's: the page-wide look skips them, and only
    a page read as a thread takes its first post's date (published_source "comments")."""
    posts = "".join(
        f"<li class='comment' id='post-{n}'><div class='comment-author'>user{n}</div>"
        f"<div class='comment-date'>2024-05-0{n} 10:00</div>"
        f"<div class='comment-content'><p>{'Reply text about the river and the mill. ' * 6}</p></div></li>"
        for n in range(1, 6)
    )
    html = f"<html><body><h1>River story</h1>{_STORY}<ol class='comment-list'>{posts}</ol></body></html>"
    article = extract_article(html, "https://news.example.org/river", fetched_at=FETCHED)
    assert len(article.comments) == 5
    assert article.page_type == "article"
    assert (article.published, article.published_source) == (None, None)


@pytest.mark.parametrize(
    ("head", "body", "url", "source", "day"),
    [
        # a future structured date: the next structured statement
        (_ld(FUTURE) + _og("2024-05-03T10:00:00Z"), _H1 + _STORY, None, "meta", "2024-05-03"),
        # ... or the dateline, or the URL
        (_ld(FUTURE), _H1 + "<p class='date'>May 2, 2024</p>" + _STORY, None, "visible", "2024-05-02"),
        (_ld(FUTURE), _H1 + _STORY, URL, "url", "2024-05-01"),
        # a future dateline, then the URL
        ("", _H1 + "<p class='date'>May 25, 2024</p>" + _STORY, URL, "url", "2024-05-01"),
        # a future modification date is no fallback either: the page-wide look is
        (
            _ld(modified=FUTURE),
            _H1 + _STORY + "<aside class='sidebar'><span class='date'>April 30, 2024</span></aside>",
            None,
            "visible",
            "2024-04-30",
        ),
    ],
)
def test_a_future_date_falls_back_to_the_next_candidate(
    head: str, body: str, url: str | None, source: str, day: str
) -> None:
    page = _meta(head, body, url).page
    assert page.published is not None
    assert (page.published_source, page.published.date().isoformat()) == (source, day)


@pytest.mark.parametrize(
    "future",
    [
        "2024-05-12T00:00:00Z",
        "2030-01-01",
        "May 25, 2024",
        "25/05/2024",
    ],
)
def test_a_page_whose_only_date_is_in_the_future_has_none(future: str) -> None:
    for head, body in (
        (_ld(future), _H1 + _STORY),
        ("", _H1 + f"<p class='date'>{future}</p>" + _STORY),
        ("", _H1 + _STORY + f"<div class='widget'><span class='post-date'>{future}</span></div>"),
    ):
        page = _meta(head, body).page
        assert page.published is None, (head, body)
        assert page.published_source is None
    assert _meta("", _H1 + _STORY, "https://news.example.org/2030/01/01/x").page.published is None


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (_ld("2024-05-03T10:00:00Z", "2024-04-01T10:00:00Z"), _H1 + _STORY),
        (_og("2024-05-03T10:00:00Z"), _H1 + '<p class="updated">Updated April 1, 2024</p>' + _STORY),
        (_ld("2024-05-03T10:00:00Z") + '<meta property="article:modified_time" content="2024-05-02">', _H1),
    ],
)
def test_modified_is_never_earlier_than_published(head: str, body: str) -> None:
    page = _meta(head, body).page
    assert page.published is not None
    assert page.modified is None or page.modified >= page.published


# -- the structured date against the dateline under the headline --------------------------------


def test_a_template_stamp_in_both_structured_dates_yields_to_the_dateline() -> None:
    # datePublished == dateModified == the last save; the page shows when it was written.
    head = _ld("Mar 3, 2024", "Mar 3, 2024")
    page = _meta(head, _H1 + "<p class='post-date'>January 31, 2023</p>" + _STORY).page
    assert (page.published_source, page.published) == ("visible", datetime(2023, 1, 31, tzinfo=timezone.utc))


def test_a_structured_date_after_its_modification_yields_to_the_dateline() -> None:
    head = _ld("2024-03-12", "2024-03-10")
    page = _meta(head, _H1 + "<p class='post-date'>November 2, 2022</p>" + _STORY).page
    assert page.published == datetime(2022, 11, 2, tzinfo=timezone.utc)


def test_two_sources_against_one() -> None:
    head = _ld("2023-08-29T10:00:00Z") + '<meta name="date" content="November 25, 2023">'
    page = _meta(head, _H1 + "<p class='date'>Nov 25, 2023 5:00 am</p>" + _STORY).page
    assert page.published is not None
    assert page.published.date().isoformat() == "2023-11-25"
    assert page.published_source == "visible"


@pytest.mark.parametrize(
    ("head", "dateline"),
    [
        # a consistent structured date is not overruled by one dateline alone
        (_ld("2024-03-03T10:00:00Z", "2024-04-01T10:00:00Z"), "January 31, 2023"),
        # an update shown under the headline is not the publication
        (_ld("2024-03-03T10:00:00Z", "2024-03-03T10:00:00Z"), "Updated January 31, 2023"),
        # a dateline without its year cannot say which year
        (_ld("2024-03-03T10:00:00Z", "2024-03-03T10:00:00Z"), "Jan 31"),
        # a later dateline is no reason to doubt the structured date
        (_ld("2024-03-03T10:00:00Z", "2024-03-03T10:00:00Z"), "April 30, 2024"),
    ],
)
def test_the_structured_date_stands(head: str, dateline: str) -> None:
    page = _meta(head, _H1 + f"<p class='date'>{dateline}</p>" + _STORY).page
    assert page.published_source == "json-ld"
    assert page.published == datetime(2024, 3, 3, 10, tzinfo=timezone.utc)


# -- the day ------------------------------------------------------------------------------------


def test_a_utc_timestamp_takes_the_day_its_url_names() -> None:
    page = _meta(_og("2024-05-02T02:41:41+00:00"), _H1 + _STORY, URL).page
    assert page.published is not None
    assert page.published.date().isoformat() == "2024-05-01"
    assert page.published == datetime(2024, 5, 2, 2, 41, 41, tzinfo=timezone.utc)  # the same instant
    same_day = _meta(_og("2024-05-01T14:00:00+00:00"), _H1 + _STORY, URL).page
    assert same_day.published is not None
    assert same_day.published.utcoffset() == timedelta(0)


def test_the_url_says_which_number_is_the_day() -> None:
    url = "https://blog.example.org/2023/october/03/wine-styles/"
    page = _meta("", _H1 + "<p class='date'>03/10/2023</p>" + _STORY, url).page
    assert page.published == datetime(2023, 10, 3, tzinfo=timezone.utc)
    assert _meta("", _H1 + _STORY, url).page.published == datetime(2023, 10, 3, tzinfo=timezone.utc)


def test_a_vague_relative_date_comes_after_an_exact_one() -> None:
    body = (
        _H1
        + "<span class='date'>1 year ago</span><time datetime='2023-10-04' title='Modified'>Oct 4, 2023</time>"
        + _STORY
    )
    page = _meta("", body).page
    assert page.published is not None
    assert page.published.date().isoformat() == "2023-10-04"


# -- the page-wide last look --------------------------------------------------------------------


@pytest.mark.parametrize(
    "elsewhere",
    [
        "<ul class='latest'><li><a href='/a'>Another story about the town mill</a><span class='date'>May 1, 2024</span></li></ul>",
        "<div class='comments'><div class='comment'><span class='comment-date'>May 1, 2024</span></div></div>",
        "<div class='stats'><span class='post-date'>Last post: May 1, 2024</span></div>",
        "<a href='/x' class='date-link'>May 1, 2024</a>",
        "<div class='date'>Our offices are closed on 1 May 2024 and will reopen after the long holiday weekend with new hours.</div>",
    ],
)
def test_the_page_wide_look_skips_other_things_dates(elsewhere: str) -> None:
    tree = parse_html(f"<html><body><h1>River story</h1>{_STORY}{elsewhere}</body></html>")
    assert find_page_date(PageIndex(tree), language="en", fetched_at=FETCHED) is None
    shown = parse_html(
        f"<html><body>{elsewhere}<div class='entry-date'>Posted April 30, 2024</div></body></html>"
    )
    found = find_page_date(PageIndex(shown), language="en", fetched_at=FETCHED)
    assert found is not None
    assert found[0] == datetime(2024, 4, 30, tzinfo=timezone.utc)


# -- microdata --------------------------------------------------------------------------------


def test_a_question_item_dates_the_thread_and_its_answers_do_not() -> None:
    html = (
        "<html><body><div itemscope itemtype='https://schema.org/Question'>"
        "<meta itemprop='datePublished' content='2023-08-13 13:38:21'>"
        "<div itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
        "<meta itemprop='datePublished' content='2023-09-01'></div></div></body></html>"
    )
    assert read_microdata(parse_html(html)).published_raw == "2023-08-13 13:38:21"
    answer_only = (
        "<html><body><div itemscope itemtype='https://schema.org/Answer'>"
        "<meta itemprop='datePublished' content='2023-09-01'></div></body></html>"
    )
    assert read_microdata(parse_html(answer_only)).published_raw is None


def test_a_numeric_structured_date_is_read_the_way_the_page_shows_it() -> None:
    html = (
        '<html lang="en"><head><meta property="article:published_time" content="03-09-2026"></head>'
        f"<body><h1>River story</h1><p class='date'>March 9, 2026</p>{_STORY}</body></html>"
    )
    page = extract_metadata(
        parse_html(html), None, fetched_at=datetime(2026, 12, 1, tzinfo=timezone.utc)
    ).page
    assert (page.published, page.published_source) == (datetime(2026, 3, 9, tzinfo=timezone.utc), "meta")
    # fetched in March, the day-first reading (3 September) lies in the future: never taken
    early = extract_metadata(
        parse_html(html), None, fetched_at=datetime(2026, 3, 20, tzinfo=timezone.utc)
    ).page
    assert early.published == datetime(2026, 3, 9, tzinfo=timezone.utc)
