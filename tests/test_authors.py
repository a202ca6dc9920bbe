"""Authors are people; the organisation a page names as its author or publisher is ``publisher``.

Pages here are small hand-written models of real markup (issue 13: job titles, "Staff",
publishers as people, teasers' and answers' bylines).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from extractor import extract_article
from extractor.core.tree import parse_html
from extractor.meta.authors import sort_names
from extractor.meta.combine import Metadata, extract_metadata
from extractor.model import Article

FETCHED = datetime(2024, 5, 10, 12, 0, tzinfo=timezone.utc)
URL = "https://www.acmeworks.example/blog/river-story"
STORY = "".join(
    f"<p>The river rose again on day {n} and the town of Millbrook watched it climb.</p>" for n in range(8)
)


def _meta(html: str, url: str | None = URL) -> Metadata:
    return extract_metadata(parse_html(html), url, fetched_at=FETCHED)


def _page(head: str = "", body: str = "") -> str:
    return f'<html lang="en"><head>{head}</head><body>{body}</body></html>'


def _ld(obj: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# -- sorting names: people, organisations, junk --------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "people", "organisations"),
    [
        ("By Reuters", [], ["Reuters"]),  # a wire agency signs as an organisation
        ("By Jane Doe and AFP", ["Jane Doe"], ["AFP"]),
        ("Levitate Media", [], ["Levitate Media"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"], []),
        ("Staff", [], []),
        ("Marketing Team", [], []),  # a team that names no organisation is no one
    ],
)
def test_names_are_sorted_into_people_and_organisations(
    raw: str, people: list[str], organisations: list[str]
) -> None:
    found = sort_names([raw])
    assert (found.people, found.organisations) == (people, organisations)


@pytest.mark.parametrize(
    ("raw", "organisation"),
    [
        ("Acmeworks Staff", "Acmeworks"),
        ("The Acmeworks Team", "Acmeworks"),
        ("Acmeworks Editorial Team", "Acmeworks"),
        ("Team Acmeworks", "Acmeworks"),
        ("Acmeworks", "Acmeworks"),  # the site's own name
    ],
)
def test_a_collective_byline_gives_the_organisation_it_signs_for(raw: str, organisation: str) -> None:
    found = sort_names([raw], ["acmeworks"])
    assert (found.people, found.organisations) == ([], [organisation])


def test_a_lower_case_name_counts_where_the_author_is_stated_not_in_visible_text() -> None:
    assert sort_names(["kirstin boatto"], stated=True).people == ["kirstin boatto"]
    assert sort_names(["kirstin boatto"]).people == []


# -- the record's publisher ----------------------------------------------------------------------


def test_an_organisation_as_the_only_author_is_the_publisher_not_an_author() -> None:
    ld = {
        "@type": "BlogPosting",
        "headline": "River story",
        "author": {"@type": "Organization", "name": "Acme Works"},
    }
    meta = _meta(_page(_ld(ld), "<h1>River story</h1>"))
    assert meta.page.authors == []
    assert meta.page.publisher == "Acme Works"


def test_a_byline_naming_a_wire_agency_gives_the_publisher_and_no_author() -> None:
    body = '<article><h1>River story</h1><p class="byline">By Reuters</p></article>'
    ld = {
        "@type": "NewsArticle",
        "headline": "River story",
        "publisher": {"@type": "Organization", "name": "Portal"},
    }
    meta = _meta(_page(_ld(ld), body))
    assert (meta.page.authors, meta.page.publisher) == ([], "Reuters")


def test_with_people_as_authors_the_stated_publisher_is_the_publisher() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "River story",
        "author": [{"@type": "Person", "name": "Ida Moss"}, {"@type": "Organization", "name": "Acme Wire"}],
        "publisher": {"@type": "Organization", "name": "The Millbrook Courier"},
    }
    meta = _meta(_page(_ld(ld), "<h1>River story</h1>"))
    assert (meta.page.authors, meta.page.publisher) == (["Ida Moss"], "The Millbrook Courier")


def test_a_byline_of_the_sites_team_ends_the_search_for_a_person() -> None:
    """The nearest byline names the organisation: a person's byline on a teaser further down
    is not the page's author."""
    body = (
        '<article><h1>River story</h1><div class="author">By The Acmeworks Team</div>'
        + STORY
        + '</article><div class="more"><h3>Bridge story</h3><div class="author">By Ann Lee</div></div>'
    )
    meta = _meta(_page("", body))
    assert (meta.page.authors, meta.page.publisher) == ([], "Acmeworks")


def test_publisher_from_meta_and_microdata() -> None:
    head = '<meta name="citation_publisher" content="Millbrook University Press">'
    assert _meta(_page(head, "<h1>River story</h1>")).page.publisher == "Millbrook University Press"
    head = '<meta property="article:publisher" content="https://www.facebook.com/acme">'
    assert _meta(_page(head, "<h1>River story</h1>")).page.publisher is None  # a URL names no one
    body = (
        '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">River story</h1>'
        '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Millbrook Courier</span></div></article>'
    )
    assert _meta(_page("", body)).page.publisher == "Millbrook Courier"


def test_publisher_round_trips_and_old_records_load() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "River story",
        "author": {"@type": "Organization", "name": "Acme Works"},
    }
    article = extract_article(_page(_ld(ld), "<article><h1>River story</h1>" + STORY + "</article>"), URL)
    data = article.to_dict()
    assert list(data)[list(data).index("author_urls") + 1] == "publisher"
    assert Article.from_dict(json.loads(json.dumps(data))).publisher == "Acme Works"
    del data["publisher"]  # a record written before the field existed
    assert Article.from_dict(data).publisher is None


# -- threads: the question's author, not every answerer's -----------------------------------------


def test_answers_authors_in_microdata_are_not_the_pages() -> None:
    def post(kind: str, name: str, text: str) -> str:
        return (
            f'<div itemscope itemtype="https://schema.org/{kind}"><div itemprop="text"><p>{text}</p></div>'
            f'<div class="user-details" itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<a href="/users/1/{name}"><span itemprop="name">{name}</span></a></div></div>'
        )

    body = (
        "<h1>Why is my backup slow?</h1>"
        + post("Question", "drat", "I copy files every night and it takes hours.")
        + post("Answer", "Greg Dale", "Use incremental copies.")
        + post("Answer", "vartec", "Check the disk.")
    )
    assert _meta(_page("", body)).page.authors == ["drat"]


# -- job titles, credentials and other credits are no people -------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Mateusz HabernyFounder at Oakywood", ["Mateusz Haberny"]),  # an author card run together
        ("Liza BurkeMarketing DirectorMay 14, 2025", ["Liza Burke"]),
        ("By Preetam JinkaCo-founder and Chief Architect", ["Preetam Jinka"]),
        ("Written by Meghan Neville Content Marketing Coordinator", ["Meghan Neville"]),
        ("By Paul Frew, Home and Digital Security Expert", ["Paul Frew"]),  # the whole part is the title
        ("This post was written by Dana Pell, Head of Marketing and Community Development", ["Dana Pell"]),
        ("Ben Johns, Sr. Director of Operations, Atlas Van Lines", ["Ben Johns"]),  # and the employer
        ("Jane Doe, Senior Editor, and John Roe, Reporter", ["Jane Doe", "John Roe"]),
        ("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey"]),  # post-nominal letters
        ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"]),
        ("By Shelby Loos, DVM. Reviewed by Molly Price, DVM", ["Shelby Loos"]),  # a reviewer is no author
        ("Sofia KondratEdTech Content writer", []),  # no clean name in it: the next byline is tried
        ("Luxury Travel Expert", []),
    ],
)
def test_titles_credentials_and_other_credits_are_cut_off(raw: str, names: list[str]) -> None:
    assert sort_names([raw]).people == names


@pytest.mark.parametrize("handle", ["PaulWBryant", "FutureBSD", "GrinGEO", "BeauHD"])
def test_a_camel_case_handle_is_one_name(handle: str) -> None:
    assert sort_names([f"Posted by {handle} on Friday December 19, 2025"]).people == [handle]


def test_a_credit_line_run_into_a_name_is_cut_off() -> None:
    found = sort_names(["Jane DoeNEW YORK DAILY NEWS"])
    assert (found.people, found.organisations) == (["Jane Doe"], ["NEW YORK DAILY NEWS"])


# -- bylines whose label and name sit in separate elements ----------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="meta"><p>Written by</p><p>Edzel Tabing</p></div>',
        '<div class="meta"><span>Written by:</span><span>Edzel Tabing</span></div>',
        '<section><h2>Article by</h2><div class="text-xl">Edzel Tabing</div></section>',
        '<p class="info">Author Edzel Tabing</p>',
        '<div class="tags"><strong>Contributors: Edzel Tabing</strong></div>',
        "<div><span>ByEdzel Tabing</span></div>",  # two elements' texts run together
        '<div class="content-item"><h3>Author</h3><p> Edzel Tabing</p></div>',
        "<dl><dt>Author</dt><dd>Edzel Tabing &lt;edzel at example dot org&gt;</dd></dl>",
    ],
)
def test_a_labelled_byline_gives_its_name(byline: str) -> None:
    body = f"<article><h1>River story</h1>{byline}{STORY}</article>"
    assert _meta(_page("", body)).page.authors == ["Edzel Tabing"]


def test_a_forum_thread_starter_label_names_the_threads_author() -> None:
    body = (
        '<div class="p-title"><h1>Which GPU should I buy?</h1></div><ul class="listInline"><li>'
        '<span class="u-srOnly">Thread starter</span> <a href="/members/ridwan123.5/" class="username">ridwan123</a>'
        "</li></ul>"
        '<div class="message"><div class="message-user"><a class="username" href="/members/mod.1/">Lutfij</a></div>'
        "<p>Moved to the graphics cards section.</p></div>"
    )
    assert _meta(_page("", body)).page.authors == ["ridwan123"]


@pytest.mark.parametrize(
    "phrase",
    ["Insights from", "Human in the Loop", "Your favourite family meals", "I review different modules"],
)
def test_a_phrase_is_not_a_name(phrase: str) -> None:
    assert sort_names([phrase]).people == []


def test_name_particles_and_a_name_before_a_cut_off_date_are_kept() -> None:
    assert sort_names(["Michelina C. de la Maza", "Jan van der Berg"]).people == [
        "Michelina C. de la Maza",
        "Jan van der Berg",
    ]
    assert sort_names(["Posted by David at December 16, 2025 11:15 AM"]).people == ["David"]


@pytest.mark.parametrize(
    ("raw", "people"),
    [
        ("content: Acme, design: Scott McDaniel, code: Steve Beger", []),  # credits for other work
        ("Paramita (Guha) Ghosh", ["Paramita Guha Ghosh"]),
        ("Jean-Luc Aufranc (CNXSoft)", ["Jean-Luc Aufranc"]),
        ("Maria &amp; Katerina", ["Maria", "Katerina"]),  # an entity escaped twice by the CMS
        ("Holly Wilgus, E-RYT 200", ["Holly Wilgus"]),
        ("John WarrenReviewed 06/08/2024", []),  # a customer review's signature
        ("WESTPORT, Wash. July 24, 2012 (AP)", []),  # a dateline
        ("Posted by Ree in Pioneer Woman", ["Ree"]),  # the section after the name
        ("Authors List", []),
    ],
)
def test_credits_brackets_entities_and_review_signatures(raw: str, people: list[str]) -> None:
    assert sort_names([raw]).people == people


def test_initials_are_no_name_in_visible_text_but_a_stated_short_name_is() -> None:
    assert sort_names(["CM"]).people == []
    assert sort_names(["KT"], stated=True).people == ["KT"]


def test_a_json_ld_author_given_by_reference_is_read() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "River story",
                "author": {"@id": "https://www.acmeworks.example/#/schema/person/1"},
                "publisher": {"@id": "https://www.acmeworks.example/#org"},
            },
            {
                "@type": "Person",
                "@id": "https://www.acmeworks.example/#/schema/person/1",
                "name": "Jayesh Shinde",
            },
            {"@type": "Organization", "@id": "https://www.acmeworks.example/#org", "name": "Acme Works Ltd"},
        ],
    }
    meta = _meta(_page(_ld(graph), "<h1>River story</h1>"))
    assert (meta.page.authors, meta.page.publisher) == (["Jayesh Shinde"], "Acme Works Ltd")


def test_a_customer_reviews_author_is_not_the_pages() -> None:
    business = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": "Acme Works",
        "review": [
            {"@type": "Review", "author": {"@type": "Person", "name": "Tony Rotundo"}, "reviewBody": "Great."}
        ],
    }
    assert _meta(_page(_ld(business), "<h1>Gym equipment rental</h1>")).page.authors == []


def test_a_site_named_author_gives_way_to_a_byline_naming_a_person() -> None:
    head = '<meta name="author" content="Acme Works">'
    body = '<article><h1>River story</h1><p class="byline">by Meaghan Weeden</p></article>'
    assert _meta(_page(head, body)).page.authors == ["Meaghan Weeden"]


# -- several authors, and credits for other work beside them --------------------------------------


def test_a_byline_naming_everyone_wins_over_structured_data_naming_the_first() -> None:
    head = '<meta name="author" content="Rui Ma">'
    body = (
        '<article><h1>River story</h1><div class="byline">Written by <span>Dr Rui Ma</span>, '
        "<span>Heba Ledwon</span> and <span>Manoel Cortes</span></div>" + STORY + "</article>"
    )
    assert _meta(_page(head, body)).page.authors == ["Dr Rui Ma", "Heba Ledwon", "Manoel Cortes"]


def test_a_paper_lists_every_author_in_citation_author() -> None:
    head = '<meta name="author" content="Jennifer Huberty">' + "".join(
        f'<meta name="citation_author" content="{name}">' for name in ("Huberty, Jennifer", "Green, Jeni")
    )
    assert _meta(_page(head, "<h1>River story</h1>")).page.authors == ["Jennifer Huberty", "Jeni Green"]


@pytest.mark.parametrize(
    "byline",
    [
        (
            '<div class="byline">By <a href="/author/20/">Scott Levine</a> | Fact-checked by '
            '<a href="/author/21/">Frank Bass</a></div>'
        ),
        (
            '<div class="authors"><p class="authors"><span>By</span> <a href="/author/scott/">Scott Levine</a></p>'
            '<p class="authors"><span>Fact-checked by</span> <a href="/author/frank/">Frank Bass</a></p></div>'
        ),
        '<div class="author"><a href="/author/scott/">Scott Levine</a> in <a href="/guides/">Guides</a></div>',
    ],
)
def test_a_fact_checker_or_a_section_beside_the_author_is_not_an_author(byline: str) -> None:
    body = f"<article><h1>River story</h1>{byline}{STORY}</article>"
    assert _meta(_page("", body)).page.authors == ["Scott Levine"]


def test_a_threads_author_is_its_opening_posts_when_the_page_names_none() -> None:
    posts = "".join(
        f'<div class="post" id="p{n}"><dl class="postprofile"><dt><a class="username" href="/memberlist.php?u={n}">'
        f'{name}</a></dt></dl><span class="post-date">2024-0{n}-1{n} 10:0{n}</span><div class="content">'
        f"Reply number {n} says something about the river at some length here.</div></div>"
        for n, name in ((1, "b.scherer"), (2, "jdoe"), (3, "river_fan"))
    )
    article = extract_article(
        _page("", f"<h1>Thread title</h1><div class='topic posts'>{posts}</div>"), fetched_at=FETCHED
    )
    assert article.page_type == "forum"
    assert article.authors == ["b.scherer"]


def test_a_sort_menus_option_is_no_byline_label() -> None:
    body = (
        '<article><h1>River story</h1><form><label>Sort by<select name="sk"><option value="a">Author</option>'
        '<option value="t">Post time</option></select></label></form>' + STORY + "</article>"
    )
    assert _meta(_page("", body)).page.authors == []


def test_the_owner_of_a_personal_site_keeps_a_name_with_an_inner_capital() -> None:
    meta = _meta(
        _page('<meta name="author" content="Elizabeth McCravy">', "<h1>River story</h1>"),
        url="https://elizabethmccravy.example/best-podcast-equipment/",
    )
    assert (meta.page.authors, meta.page.publisher) == (["Elizabeth McCravy"], None)


def test_a_publishers_tagline_is_cut_off() -> None:
    ld = {
        "@type": "Article",
        "headline": "River story",
        "publisher": {"@type": "Organization", "name": "Education Data Initiative - U.S. Education Research"},
    }
    assert _meta(_page(_ld(ld), "<h1>River story</h1>")).page.publisher == "Education Data Initiative"


def test_an_unmarked_by_line_after_the_headline_is_found_but_a_long_text_starting_with_by_is_not() -> None:
    from extractor.meta.byline import find_byline_names

    words = " ".join(["word"] * 70)
    page = (
        "<html><body><h1>The headline of the story</h1>"
        f"<div><p>By and large the story goes on: {words}</p></div>"  # 70+ words: no byline
        "<p>By Jane Doe</p></body></html>"
    )
    tree = parse_html(page)
    found = list(find_byline_names(tree, tree.find(".//h1")))
    assert [byline.names for byline in found] == [["By Jane Doe"]]
