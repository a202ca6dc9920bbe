"""extractor.meta.combine (and the extractor.meta readers): sources, precedence, junk rejection."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from extractor import extract_article
from extractor.core.tree import parse_html
from extractor.meta.authors import clean_authors
from extractor.meta.combine import Metadata, extract_metadata
from extractor.meta.headline import strip_site_name
from extractor.meta.jsonld import extract_items, iter_nodes, read_article

FETCHED = datetime(2024, 5, 10, 12, 0, tzinfo=timezone.utc)
URL = "https://news.example.org/2024/05/09/river-story"


def _meta(html: str, url: str | None = URL) -> Metadata:
    return extract_metadata(parse_html(html), url, fetched_at=FETCHED)


def _page(head: str = "", body: str = "", lang: str = "en") -> str:
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


def _ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


# --------------------------------------------------------------------- JSON-LD

ARTICLE_LD = """{
  "@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "River Floods Old Mill Town",
  "datePublished": "2024-05-09T08:30:00+02:00", "dateModified": "2024-05-09T10:00:00+02:00",
  "author": [{"@type": "Person", "name": "Ada Brook"}, {"@type": "Person", "name": "Tom Reed"}],
  "publisher": {"@type": "Organization", "name": "Example Tribune"},
  "articleSection": "Regional", "keywords": "floods, weather, mills",
  "image": {"@type": "ImageObject", "url": "https://news.example.org/img/mill.jpg", "caption": "The mill"},
  "interactionStatistic": {"@type": "InteractionCounter",
      "interactionType": "https://schema.org/CommentAction", "userInteractionCount": 17},
  "articleBody": "The river rose overnight.", "inLanguage": "en-GB"
}"""


def test_jsonld_article_fields() -> None:
    meta = _meta(_page(_ld(ARTICLE_LD), "<article><h1>River Floods Old Mill Town</h1></article>"))
    assert meta.page.headline == "River Floods Old Mill Town"
    assert meta.page.authors == ["Ada Brook", "Tom Reed"]
    assert meta.page.published is not None
    assert meta.page.published.utcoffset() == timedelta(hours=2)
    assert meta.page.published_raw == "2024-05-09T08:30:00+02:00"
    assert meta.page.modified_raw == "2024-05-09T10:00:00+02:00"
    assert meta.page.site_name == "Example Tribune"
    assert meta.page.section == "Regional"
    assert meta.page.tags == ["floods", "weather", "mills"]
    assert meta.page.images[0].src == "https://news.example.org/img/mill.jpg"
    assert meta.page.images[0].caption == "The mill"
    assert meta.comment_count == 17
    assert meta.article_body == "The river rose overnight."


def test_jsonld_graph_with_webpage_and_person_reference() -> None:
    graph = """{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Example Tribune"},
      {"@type": "WebPage", "@id": "https://news.example.org/x#page", "name": "Page name"},
      {"@type": ["Article", "BlogPosting"], "headline": "Graph Headline Here Now",
       "datePublished": "2023-02-01", "author": {"@type": "Person", "name": "Lena Park"}}
    ]}"""
    meta = _meta(_page(_ld(graph)))
    assert meta.page.headline == "Graph Headline Here Now"
    assert meta.page.authors == ["Lena Park"]
    assert meta.page.published == datetime(2023, 2, 1, tzinfo=timezone.utc)
    assert meta.page.site_name == "Example Tribune"


def test_jsonld_top_level_array_and_main_entity() -> None:
    data = """[{"@type": "Organization", "name": "Example Tribune"},
               {"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle",
                 "headline": "Nested Main Entity Story", "datePublished": "2022-07-04T09:00:00Z",
                 "author": "Sam Hill"}}]"""
    meta = _meta(_page(_ld(data)))
    assert meta.page.headline == "Nested Main Entity Story"
    assert meta.page.authors == ["Sam Hill"]
    assert meta.page.published_raw == "2022-07-04T09:00:00Z"


def test_jsonld_prefers_the_page_article_over_related_items() -> None:
    data = """{"@type": "NewsArticle", "headline": "Main Story About Bridges", "datePublished": "2022-01-02",
               "url": "https://news.example.org/2024/05/09/river-story",
               "hasPart": {"@type": "ItemList", "itemListElement": [
                  {"@type": "NewsArticle", "headline": "Other", "datePublished": "2019-01-01"}]}}"""
    meta = _meta(_page(_ld(data)))
    assert meta.page.published_raw == "2022-01-02"


@pytest.mark.parametrize(
    "broken",
    [
        '{"@type": "NewsArticle", "headline": "Broken But Readable", "datePublished": "2021-03-04",}',
        '<!-- {"@type": "NewsArticle", "headline": "Broken But Readable", "datePublished": "2021-03-04"} -->',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Broken But Readable", "datePublished": "2021-03-04"}\n//]]>',
        '{"@type": "NewsArticle", "headline": "Broken\tBut\nReadable", "datePublished": "2021-03-04"}',
    ],
)
def test_broken_jsonld_is_repaired(broken: str) -> None:
    article = read_article(extract_items(parse_html(_page(_ld(broken)))))
    assert article.headline == "Broken But Readable"
    assert article.published_raw == "2021-03-04"


def test_unrepairable_jsonld_is_skipped() -> None:
    html = _page(
        _ld('{"@type": "NewsArticle", "headline": ') + _ld('{"@type": "NewsArticle", "headline": "Fine"}')
    )
    assert read_article(extract_items(parse_html(html))).headline == "Fine"


_BUDGET_TEXT = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 5 + "</p>"


@pytest.mark.parametrize(
    "deep",
    [
        "[" * 1000 + "]" * 1000,  # the 2 KB block that cost the whole record
        "[" * 2000,
        '{"a": ' * 1000 + "1" + "}" * 1000,
        # under json's own limit, past the cap: nothing reading the items may recurse that deep
        '{"@type": "NewsArticle", "headline": "Deep", "about": ' + "[" * 300 + "]" * 300 + "}",
    ],
    ids=["arrays-1000", "unclosed-arrays-2000", "objects-1000", "article-with-300-deep-value"],
)
def test_an_over_deep_jsonld_block_is_skipped_and_the_article_still_extracts(deep: str) -> None:
    html = _page(
        "<title>Budget agreed | Town News</title>" + _ld(ARTICLE_LD) + _ld(deep),
        f"<article><h1>River Floods Old Mill Town</h1>{_BUDGET_TEXT}{_BUDGET_TEXT}</article>",
    )
    article = extract_article(html, URL, fetched_at=FETCHED)
    assert article.headline == "River Floods Old Mill Town"
    assert article.authors == ["Ada Brook", "Tom Reed"]  # the good block is still read
    assert "agreed the budget for the coming year" in article.body
    assert any(w.startswith("json-ld: block nested past") for w in article.warnings)


def test_iter_nodes_walks_data_of_any_depth_without_recursing() -> None:
    data: list[object] = [{"@type": "NewsArticle", "headline": "Top"}]
    inner = data
    for _ in range(5000):  # deeper than the recursion limit
        inner.append([])
        inner = inner[-1]  # type: ignore[assignment]
    inner.append({"@type": "Thing"})
    assert [node["@type"] for node, _ in iter_nodes(data)] == ["NewsArticle"]


def test_an_over_deep_parsely_meta_is_ignored() -> None:
    deep = '{"title": ' * 1000 + '"x"' + "}" * 1000
    meta = _meta(_page(f"<meta name='parsely-page' content='{deep}'><title>Fine Title Here</title>"))
    assert meta.page.headline == "Fine Title Here"


# ------------------------------------------------------------------ precedence


def test_jsonld_beats_opengraph_beats_microdata_for_dates() -> None:
    head = (
        _ld(
            '{"@type": "Article", "headline": "A Story Of Three Dates", "datePublished": "2021-01-01T10:00:00+01:00"}'
        )
        + '<meta property="article:published_time" content="2020-06-06T10:00:00Z">'
    )
    body = '<article><h1>A Story Of Three Dates</h1><span itemprop="datePublished" content="2019-02-02"></span></article>'
    assert _meta(_page(head, body)).page.published_raw == "2021-01-01T10:00:00+01:00"
    assert _meta(_page(head.split("</script>")[1], body)).page.published_raw == "2020-06-06T10:00:00Z"
    assert _meta(_page("", body)).page.published_raw == "2019-02-02"


def test_opengraph_and_meta_sources() -> None:
    head = """
      <title>Council Votes On Budget | City Herald</title>
      <meta property="og:title" content="Council Votes On Budget">
      <meta property="og:site_name" content="City Herald">
      <meta property="og:url" content="/politics/council-budget">
      <meta property="og:image" content="/img/council.jpg">
      <meta property="og:locale" content="de_DE">
      <meta property="article:section" content="Politics">
      <meta property="article:tag" content="budget"><meta property="article:tag" content="council">
      <meta name="description" content="The council met on Monday.">
      <meta name="dc.creator" content="Jo Winter">
      <meta name="dc.date" content="2022-03-01">
    """
    meta = _meta(_page(head, lang=""), url="https://herald.example.com/politics/council-budget?utm=1")
    assert meta.page.headline == "Council Votes On Budget"
    assert meta.page.site_name == "City Herald"
    assert meta.page.canonical_url == "https://herald.example.com/politics/council-budget"
    assert meta.page.images[0].src == "https://herald.example.com/img/council.jpg"
    assert meta.page.language == "de"
    assert meta.page.section == "Politics"
    assert meta.page.tags == ["budget", "council"]
    assert meta.page.description == "The council met on Monday."
    assert meta.page.authors == ["Jo Winter"]
    assert meta.page.published == datetime(2022, 3, 1, tzinfo=timezone.utc)


def test_canonical_link_wins_over_og_url() -> None:
    head = '<link rel="canonical" href="https://a.example.com/x"><meta property="og:url" content="https://b.example.com/y">'
    assert _meta(_page(head)).page.canonical_url == "https://a.example.com/x"


def test_parsely_page_json_meta() -> None:
    head = """<meta name="parsely-page" content='{"title": "Parsely Title Of Story", "pub_date": "2020-10-10T10:10:10Z",
              "author": "Mia Stone", "section": "Tech"}'>"""
    meta = _meta(_page(head))
    assert meta.page.published_raw == "2020-10-10T10:10:10Z"
    assert meta.page.authors == ["Mia Stone"]
    assert meta.page.section == "Tech"


def test_visible_time_in_header_when_no_structured_date() -> None:
    body = """<article><header><h1>Quiet Morning In The Valley</h1>
              <p class="byline">By Nora Field</p><time datetime="2021-04-05T07:00:00+02:00">5 April</time></header>
              <p>Text.</p></article>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.published_raw == "2021-04-05T07:00:00+02:00"
    assert meta.page.published_source == "visible"
    assert meta.page.authors == ["Nora Field"]


def test_unmarked_dateline_text_near_headline() -> None:
    body = """<div><h1>Festival Opens Its Doors To Everyone</h1><div>Written by Max Weber on 1 June 2019</div>
              <p>Long paragraph of text about the festival and its many visitors this year.</p></div>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.published is not None
    assert meta.page.published.date().isoformat() == "2019-06-01"
    assert meta.page.authors == ["Max Weber"]


def test_url_date_is_last_resort() -> None:
    meta = _meta(_page("", "<h1>Nothing Dated On This Page</h1>"))
    assert meta.page.published == datetime(2024, 5, 9, tzinfo=timezone.utc)
    assert meta.page.published_source == "url"


def test_utc_meta_date_is_restated_in_visible_local_time() -> None:
    head = '<meta property="article:published_time" content="2016-12-23T00:47:31Z">'
    body = """<article><h1>Late Evening Story From Alabama</h1>
              <time class="dateline">Published: Dec. 22, 2016, 6:47 p.m.</time></article>"""
    meta = _meta(_page(head, body), url=None)
    assert meta.page.published is not None
    assert meta.page.published.date().isoformat() == "2016-12-22"
    assert meta.page.published == datetime(2016, 12, 23, 0, 47, 31, tzinfo=timezone.utc)  # same instant


# ------------------------------------------------------- comments and related lists


def test_date_in_comments_is_not_taken() -> None:
    body = """<article><h1>Opinion On The New Bridge Design</h1><p>Body text here.</p></article>
              <section id="comments"><div class="comment"><span class="author">Reader Joe</span>
              <time datetime="2023-08-08T10:00:00Z">8 Aug 2023</time><p>Nice.</p></div></section>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.published is None
    assert meta.page.authors == []


def test_related_list_dates_and_bylines_are_not_taken() -> None:
    body = """<article><h1>Main Story Of The Day Here</h1><p>Text.</p></article>
              <aside class="related-stories"><h3>More</h3><p class="byline">By Other Person</p>
              <time datetime="2020-02-02">2 Feb</time></aside>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.published is None
    assert meta.page.authors == []


def test_microdata_of_a_comment_is_ignored() -> None:
    body = """<h1>Main Headline Of This Page</h1>
              <div itemscope itemtype="https://schema.org/Comment">
                <span itemprop="author">Commenter Name</span><meta itemprop="datePublished" content="2022-02-02"></div>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.published is None
    assert meta.page.authors == []


# ----------------------------------------------------------------------- authors


def test_authors_split_and_prefix_stripped() -> None:
    assert clean_authors(["By Ada Brook, Tom Reed and Lu Chen"]) == ["Ada Brook", "Tom Reed", "Lu Chen"]
    assert clean_authors(["Von Max Muster und Erika Mustermann"]) == ["Max Muster", "Erika Mustermann"]
    assert clean_authors(["Par Jean Dupont et Marie Curie"]) == ["Jean Dupont", "Marie Curie"]


def test_authors_trailing_roles_emails_and_dates_removed() -> None:
    assert clean_authors(["By Jane Roe, Staff Writer"]) == ["Jane Roe"]
    assert clean_authors(["Mike Cole | mcole@example.com"]) == ["Mike Cole"]
    assert clean_authors(["By Cindy Vale December 14, 2016"]) == ["Cindy Vale"]
    assert clean_authors(["Teresa NewtonDec 12, 2016"]) == ["Teresa Newton"]
    assert clean_authors(["Written by Rob Lane in Science on 1 June 2019"]) == ["Rob Lane"]


def test_authors_inverted_order_and_dedupe() -> None:
    assert clean_authors(["Gill, Steve", "Steve Gill"]) == ["Steve Gill"]


@pytest.mark.parametrize(
    "junk", ["Staff", "By", "Admin", "admin", "@handle", "https://example.com/jane", "December"]
)
def test_junk_authors_rejected(junk: str) -> None:
    assert clean_authors([junk]) == []


def test_site_name_is_not_an_author() -> None:
    assert clean_authors(["City Herald"], ["cityherald"]) == []


def test_jsonld_organization_author_equal_to_publisher_rejected_person_kept() -> None:
    ld = """{"@type": "NewsArticle", "headline": "Story With Org Author",
             "author": [{"@type": "Organization", "name": "Example Tribune"}, {"@type": "Person", "name": "Ida Moss"}],
             "publisher": {"@type": "Organization", "name": "Example Tribune"}}"""
    assert _meta(_page(_ld(ld))).page.authors == ["Ida Moss"]
    only_org = """{"@type": "NewsArticle", "headline": "Story With Org Author",
             "author": {"@type": "Organization", "name": "Example Tribune"},
             "publisher": {"@type": "Organization", "name": "Example Tribune"}}"""
    assert _meta(_page(_ld(only_org))).page.authors == []


def test_meta_author_url_falls_back_to_visible_byline() -> None:
    head = '<meta property="article:author" content="https://www.facebook.com/someone">'
    body = (
        '<article><h1>A Headline For Testing Here</h1><div class="author-byline">By Lea Stein</div></article>'
    )
    assert _meta(_page(head, body), url=None).page.authors == ["Lea Stein"]


def test_byline_prefers_short_element_over_author_box() -> None:
    body = """<article><h1>Another Headline For Testing</h1>
              <div class="author-wrapper">By Ben Cole Ben Cole is a reporter covering transport and cities
              for many years Email Bio Follow <div class="author-byline">By Ben Cole</div></div></article>"""
    assert _meta(_page("", body), url=None).page.authors == ["Ben Cole"]


def test_author_slug_url_is_last_resort() -> None:
    head = '<meta property="article:author" content="https://news.example.org/editors/jon-fields">'
    assert _meta(_page(head, "<h1>Headline With No Byline Anywhere</h1>")).page.authors == ["Jon Fields"]


# ---------------------------------------------------------------------- headline


def test_strip_site_name_suffix_and_prefix() -> None:
    assert strip_site_name("Budget Passes | City Herald", ["cityherald"]) == "Budget Passes"
    assert strip_site_name("City Herald - Budget Passes", ["cityherald"]) == "Budget Passes"
    assert (
        strip_site_name("Budget Passes - Politics - City Herald News", ["cityherald"])
        == "Budget Passes - Politics"
    )
    assert strip_site_name("Budget - A Story", ["cityherald"]) == "Budget - A Story"


def test_h1_wins_when_title_agrees() -> None:
    head = "<title>Storm Hits The Coast Hard | Weather Daily</title>"
    body = '<header><h1 class="logo">Weather Daily</h1></header><article><h1>Storm Hits The Coast Hard</h1></article>'
    meta = _meta(_page(head + '<meta property="og:site_name" content="Weather Daily">', body), url=None)
    assert meta.page.headline == "Storm Hits The Coast Hard"


def test_lone_h1_beats_seo_title() -> None:
    head = '<meta property="og:title" content="10 Reasons To Visit The Coast This Summer">'
    body = "<article><h1>Why The Coast Is Worth A Visit</h1></article>"
    assert _meta(_page(head, body), url=None).page.headline == "Why The Coast Is Worth A Visit"


def test_title_without_h1_loses_site_suffix() -> None:
    head = '<title>Storm Hits The Coast | Weather Daily</title><meta property="og:site_name" content="Weather Daily">'
    assert _meta(_page(head), url=None).page.headline == "Storm Hits The Coast"


def test_site_name_inside_headline_is_kept() -> None:
    head = '<meta property="og:title" content="Jane Doe on Twitter"><meta property="og:site_name" content="Twitter">'
    assert _meta(_page(head), url=None).page.headline == "Jane Doe on Twitter"


def test_standfirst_after_headline() -> None:
    body = """<article><header><h1>Storm Hits The Coast Hard</h1>
              <p class="article-standfirst">Thousands without power as winds reach 120 km/h.</p></header>
              <p>Body.</p></article>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.standfirst == "Thousands without power as winds reach 120 km/h."


def test_no_standfirst_from_description_meta() -> None:
    head = '<meta name="description" content="Only a description.">'
    body = "<article><h1>Storm Hits The Coast Hard</h1><div><p>First body paragraph.</p></div></article>"
    assert _meta(_page(head, body), url=None).page.standfirst is None


# ------------------------------------------------------------------- misc fields


def test_breadcrumb_section_and_itemprop_comment_count() -> None:
    ld = """{"@type": "BreadcrumbList", "itemListElement": [
             {"@type": "ListItem", "position": 1, "name": "Home"},
             {"@type": "ListItem", "position": 2, "name": "Science"},
             {"@type": "ListItem", "position": 3, "name": "Comet Flyby Tonight"}]}"""
    body = '<article><h1>Comet Flyby Tonight</h1><meta itemprop="commentCount" content="4"></article>'
    meta = _meta(_page(_ld(ld), body), url=None)
    assert meta.page.section == "Science"
    assert meta.comment_count == 4


def test_language_from_content_language_meta() -> None:
    head = '<meta http-equiv="content-language" content="fr-FR">'
    assert _meta(_page(head, lang=""), url=None).page.language == "fr"


def test_empty_page_gives_empty_metadata() -> None:
    meta = _meta("<html><body></body></html>", url=None)
    assert meta.page.headline is None
    assert meta.page.authors == []
    assert meta.page.published is None


def test_home_link_h1_is_the_site_name_not_the_headline() -> None:
    head = "<title>Quiet Notes: Why I Still Write Letters</title>"
    body = """<header><h1><a href="/">Quiet Notes</a></h1></header>
              <div class="post"><h3>Why I Still Write Letters</h3><p>Text.</p></div>"""
    assert _meta(_page(head, body), url=None).page.headline == "Why I Still Write Letters"


def test_headline_colon_subtitle_is_not_cut() -> None:
    head = "<title>owner/tool: Convert files between formats quickly</title>"
    body = "<h1>owner/tool</h1>"
    assert _meta(_page(head, body), url=None).page.headline != "owner/tool: Convert"
    assert (
        _meta(_page(head, body), url=None).page.headline
        == "owner/tool: Convert files between formats quickly"
    )


def test_standfirst_is_not_a_byline() -> None:
    body = """<article><h1>Storm Hits The Coast Hard</h1><p>by Nora Field on 3 May 2021</p><p>Body text.</p></article>"""
    assert _meta(_page("", body), url=None).page.standfirst is None


def test_site_name_with_affix_rejected_but_longer_names_kept() -> None:
    assert clean_authors(["CBC News"], ["cbc"]) == []
    assert clean_authors(["The Herald Staff"], ["herald"]) == []
    assert clean_authors(["Example Submissions"], ["example"]) == ["Example Submissions"]


def test_french_dateline_is_paris_time_and_update_line_is_modified() -> None:
    body = """<article><h1>La boulangerie du village rouvre ses portes</h1>
              <p class="auteur">Par Marie Dupont</p>
              <span class="article__date">Publié le 12 janvier 2023 à 09h15</span>
              <span class="article__maj">Mis à jour le 13 janvier 2023</span><p>Texte.</p></article>"""
    meta = _meta(_page("", body, lang="fr"), url=None)
    assert meta.page.authors == ["Marie Dupont"]
    assert meta.page.published == datetime(2023, 1, 12, 8, 15, tzinfo=timezone.utc)  # 09:15 CET
    assert meta.page.published is not None
    assert meta.page.published.utcoffset() == timedelta(hours=1)
    assert meta.page.modified is not None
    assert meta.page.modified.date().isoformat() == "2023-01-13"


def test_site_name_from_title_when_no_site_meta() -> None:
    head = "<title>Bin collection changes in September | Brackenridge Borough Council</title>"
    body = "<h1>Bin collection changes in September</h1>"
    assert _meta(_page(head, body), url=None).page.site_name == "Brackenridge Borough Council"


def test_rel_category_and_rel_tag_links() -> None:
    body = """<article><h1>Sowing Tomatoes Early This Spring</h1>
              <span class="cat-links"><a href="/c/garden" rel="category tag">Gardening</a></span>
              <span class="tags-links"><a href="/t/seeds" rel="tag">seeds</a><a href="/t/tom" rel="tag">tomatoes</a></span>
              </article><aside class="widget"><a href="/t/x" rel="tag">cloud-tag</a></aside>"""
    meta = _meta(_page("", body), url=None)
    assert meta.page.section == "Gardening"
    assert meta.page.tags == ["seeds", "tomatoes"]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<h2 class="kommentare__titel">Kommentare (3)</h2>', 3),
        ('<h3 id="comments-title">12 Comments</h3>', 12),
        ('<h2 class="comments-title">6 thoughts on “Sowing”</h2>', 6),
        ('<aside class="related"><a href="/y">40 comments</a></aside>', None),
    ],
)
def test_visible_comment_count(markup: str, expected: int | None) -> None:
    body = f"<article><h1>Counting The Comments Below</h1><p>Text.</p></article>{markup}"
    assert _meta(_page("", body), url=None).comment_count == expected


def test_first_body_paragraph_is_not_a_standfirst() -> None:
    body = "<article><h1>Bridge Reopens After Repairs</h1><p>The old bridge reopened on Monday morning.</p></article>"
    assert _meta(_page("", body), url=None).page.standfirst is None
    header = """<article><header><h1>Bridge Reopens After Repairs</h1>
                <p>Traffic is back after eight months of work.</p></header><p>Body.</p></article>"""
    assert _meta(_page("", header), url=None).page.standfirst == "Traffic is back after eight months of work."


# -- found by the fuzzing harness (tests/test_fuzz_extract.py) ------------------------------

_STORY = "<p>" + "The council met on Monday and voted for the new plan. " * 4 + "</p>"


def test_a_url_python_cannot_split_costs_nothing_but_itself() -> None:
    """urlsplit raises on 'http://[x' (an unclosed IPv6 bracket); read for the site's name,
    an author's profile path, the date in the path or a home link, it lost the record."""
    page = f"<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>{_STORY}</article></body></html>"
    assert extract_article(page, url="http://[x/2024/05/09/story").headline == "Bridge vote"
    author_url = '<meta property="article:author" content="http://[x/authors/jane-doe">'
    assert (
        extract_article(_page(author_url, f"<article><h1>Bridge vote</h1>{_STORY}</article>")).authors == []
    )
    home = f'<h1><a href="http://[x/">Site</a></h1><article><h2>Bridge vote</h2>{_STORY}</article>'
    assert extract_article(_page("", home)).headline == "Site"  # a malformed link is no home link
    teasers = "".join(
        f'<div class="teaser"><h2><a href="http://[x/{i}">Teaser {i}</a></h2></div>' for i in range(8)
    )
    assert extract_article(_page("", teasers)).page_type is not None


def test_json_escapes_of_characters_a_record_cannot_hold_are_cleaned() -> None:
    """'\\ud800' in JSON-LD decodes to a lone surrogate, '\\u0001' to a control character: as
    a headline or an author they made the record impossible to write as UTF-8."""
    ld = '{"@type": "NewsArticle", "headline": "Bad \\ud800 title \\ud83d\\ude00", "author": {"@type": "Person", "name": "Ann\\u0001 Lee"}}'
    article = extract_article(_page(_ld(ld), "<p>text</p>"))
    assert article.headline == "Bad \ufffd title \U0001f600"
    assert article.authors == ["Ann Lee"]
    parsely = """<meta name="parsely-page" content='{"title": "T \\ud800", "author": "Bo\\u0002 Chen"}'>"""
    article = extract_article(_page(parsely, "<p>text</p>"))
    assert "\ud800" not in (article.headline or "")
    assert article.authors == ["Bo Chen"]


# -- dates the page states in less usual places (issue 13) ----------------------------------

_STORY = "<p>" + "The river rose through the night and the town kept watch. " * 12 + "</p>"


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">{}</div></div>',
        '<section class="m-article--sidebar-right">{}</section>',
        '<div class="lg:mr-[--sidebar-width]">{}</div>',
        '<article class="newsletter-post">{}</article>',
    ],
)
def test_a_date_in_a_box_that_only_page_builders_call_a_widget_or_sidebar_is_the_articles(
    wrapper: str,
) -> None:
    """Region words are read as in the body (whole tokens, first and last parts; no BEM
    modifiers or utility classes): such names are layout, not a list of other articles."""
    body = "<h1>River story</h1>" + wrapper.format("<span class='date'>May 2, 2024</span>") + _STORY
    assert _meta(_page(body=body), url=None).page.published == datetime(2024, 5, 2, tzinfo=timezone.utc)


def test_a_date_in_a_related_posts_box_is_still_not_the_articles() -> None:
    body = (
        "<h1>River story</h1>" + _STORY
        + "<div class='related-posts'><span class='date'>May 2, 2024</span><a href='/x'>Other</a></div>"
    )  # fmt: skip
    assert _meta(_page(body=body), url=None).page.published is None


def test_a_labelled_date_far_from_the_headline_is_found() -> None:
    filler = "".join(f"<div><span>item {n}</span></div>" for n in range(60))
    body = f"<h1>River story</h1>{_STORY}{filler}<p>Posted on April 13, 2023 by Ann Lee</p>"
    meta = _meta(_page(body=body), url=None)
    assert meta.page.published == datetime(2023, 4, 13, tzinfo=timezone.utc)
    assert meta.page.published_source == "visible"


def test_a_site_prefixed_published_meta_key_is_read() -> None:
    head = '<meta name="w-published-date" content="2024-05-03T06:03:43Z">'
    meta = _meta(_page(head=head, body="<h1>River story</h1>" + _STORY), url=None)
    assert meta.page.published == datetime(2024, 5, 3, 6, 3, 43, tzinfo=timezone.utc)
    assert meta.page.published_source == "meta"


def test_a_page_that_states_only_its_modification_date_is_dated_by_it() -> None:
    head = '<meta property="article:modified_time" content="2024-04-30T10:39:42+00:00">'
    meta = _meta(_page(head=head, body="<h1>River story</h1>" + _STORY), url=None)
    assert meta.page.published == datetime(2024, 4, 30, 10, 39, 42, tzinfo=timezone.utc)
    assert meta.page.modified == meta.page.published


def test_a_thread_without_a_page_date_is_dated_by_its_opening_post() -> None:
    posts = "".join(
        f"<div class='post' id='post-{n}'><div class='post-author'>user{n}</div>"
        f"<span class='post-date'>2024-0{n}-1{n} 10:0{n}</span>"
        f"<div class='post-body'>Reply number {n} says something about the river at some length here.</div></div>"
        for n in range(1, 5)
    )
    page = _page(body=f"<h1>Thread title</h1><div class='posts'>{posts}</div>")
    article = extract_article(page, fetched_at=FETCHED)
    assert article.page_type == "forum"
    assert article.published is not None
    assert article.published.date().isoformat() == "2024-01-11"


# -- authors: handles and site owners (issue 13) ----------------------------------------------


@pytest.mark.parametrize("handle", ["LingoLover94", "josh_wilmot90", "Pippin06"])
def test_a_handle_with_digits_is_kept_whole(handle: str) -> None:
    assert clean_authors([handle]) == [handle]
    assert clean_authors([f"By {handle} 3 days ago"]) == [handle]


def test_a_name_with_a_date_after_it_loses_the_date_not_the_name() -> None:
    assert clean_authors(["Jane Doe 12 March 2024"]) == ["Jane Doe"]
    assert clean_authors(["Covid19 Team"]) == []


def test_the_owner_of_a_personal_site_is_its_author() -> None:
    """A site called after its owner signs with a person's name; the site-name rule keeps
    rejecting organisations and the site's own brand."""
    assert clean_authors(["Sara Harberson"], ["saraharberson"]) == ["Sara Harberson"]
    assert clean_authors(["CBC News"], ["cbc"]) == []
    assert clean_authors(["Acme Labs"], ["acmelabs"]) == []
    assert clean_authors(["Business Insider"], ["businessinsider"]) == []


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("BySummer Swann-June 12, 2025", ["Summer Swann"]),  # label and date run together with the name
        ("AuthorVenteur", ["Venteur"]),
        ("David JacksonLast updated", ["David Jackson"]),
        ("Eliz - Product marketer", ["Eliz"]),  # a spaced hyphen separates, a name's hyphen does not
        ("Anne-Marie Slaughter", ["Anne-Marie Slaughter"]),
        ("Anne May", ["Anne May"]),  # a month's name without a day is a name
        ("Byron Smith", ["Byron Smith"]),
        ("Jane Doe at Acme Corp", ["Jane Doe"]),  # where the author works, as "in Politics" is a section
    ],
)
def test_bylines_run_together_with_labels_and_dates_give_the_name(raw: str, names: list[str]) -> None:
    assert clean_authors([raw]) == names


# -- where the date came from, and dates that cannot be right (issue 13) ----------------------


def test_the_record_says_where_the_publication_date_was_read() -> None:
    head = '<meta property="article:published_time" content="2024-05-03T10:00:00Z">'
    article = extract_article(_page(head=head, body="<h1>River story</h1>" + _STORY), fetched_at=FETCHED)
    assert article.published_source == "meta"
    assert article.to_dict()["published_source"] == "meta"
    shown = extract_article(
        _page(body="<h1>River story</h1><p class='date'>May 2, 2024</p>" + _STORY), fetched_at=FETCHED
    )
    assert (shown.published_source, shown.published) == ("visible", datetime(2024, 5, 2, tzinfo=timezone.utc))


def test_a_date_more_than_a_day_after_the_fetch_is_never_the_publication_date() -> None:
    later = FETCHED + timedelta(days=1, hours=2)
    head = f'<meta property="article:published_time" content="{later.isoformat()}">'
    assert _meta(_page(head=head, body="<h1>River story</h1>" + _STORY), url=None).page.published is None
    within = FETCHED + timedelta(hours=20)  # a time zone ahead of the fetcher's clock
    head = f'<meta property="article:published_time" content="{within.isoformat()}">'
    assert _meta(_page(head=head, body="<h1>River story</h1>" + _STORY), url=None).page.published == within


def test_a_modification_before_the_publication_is_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2024-05-03T10:00:00Z">'
        '<meta property="article:modified_time" content="2024-04-01T10:00:00Z">'
    )
    meta = _meta(_page(head=head, body="<h1>River story</h1>" + _STORY), url=None)
    assert meta.page.published == datetime(2024, 5, 3, 10, tzinfo=timezone.utc)
    assert (meta.page.modified, meta.page.modified_raw) == (None, None)


# -- author links (issue 13) -------------------------------------------------------------------


def test_each_author_keeps_the_profile_link_the_byline_gives() -> None:
    body = (
        '<h1>River story</h1><p class="byline">By <a href="/authors/jane-doe">Jane Doe</a> and '
        '<a href="https://other.example/bo">Bo Li</a> and <a href="mailto:max@example.org">Max Roe</a></p>'
    ) + _STORY
    article = extract_article(_page(body=body), URL, fetched_at=FETCHED)
    assert article.authors == ["Jane Doe", "Bo Li", "Max Roe"]
    assert article.author_urls == {
        "Jane Doe": "https://news.example.org/authors/jane-doe",  # made absolute against the page
        "Bo Li": "https://other.example/bo",
    }


def test_a_json_ld_author_objects_url_is_kept() -> None:
    ld = _ld(
        '{"@type": "NewsArticle", "headline": "River story", "author": ['
        '{"@type": "Person", "name": "Ann Lee", "url": "https://news.example.org/staff/ann"},'
        '{"@type": "Person", "name": "Max Roe"}]}'
    )
    article = extract_article(_page(head=ld, body="<h1>River story</h1>" + _STORY), URL, fetched_at=FETCHED)
    assert article.authors == ["Ann Lee", "Max Roe"]
    assert article.to_dict()["author_urls"] == {"Ann Lee": "https://news.example.org/staff/ann"}


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Benjamin Johnson, Sr. Director of Operations", ["Benjamin Johnson"]),
        ("Cort Honey, Digital-Security Expert", ["Cort Honey"]),
        ("Jane Doe, Founder", ["Jane Doe"]),
        ("Martin Luther King Jr.", ["Martin Luther King Jr"]),  # a name's suffix is no title
    ],
)
def test_a_job_title_after_a_comma_is_not_another_author(raw: str, names: list[str]) -> None:
    assert clean_authors([raw]) == names


def test_a_labelled_byline_far_from_the_headline_is_found() -> None:
    filler = "".join(f"<div><span>item {n}</span></div>" for n in range(80))
    body = f"<h1>River story</h1>{_STORY}{filler}<div class='box'><h3>Written by Cassidy Horton</h3></div>"
    assert _meta(_page(body=body), url=None).page.authors == ["Cassidy Horton"]


def test_a_bare_by_far_from_the_headline_is_not_a_byline() -> None:
    filler = "".join(f"<div><span>item {n}</span></div>" for n in range(80))
    body = f"<h1>River story</h1>{_STORY}{filler}<p>By the river there is a mill</p>"
    assert _meta(_page(body=body), url=None).page.authors == []


def test_json_ld_is_parsed_once_per_page_and_each_caller_hears_of_a_broken_block() -> None:
    from extractor.core.index import PageIndex
    from extractor.meta.jsonld import page_items

    tree = parse_html(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script>'
        '<script type="application/ld+json">{broken</script></head><body><p>x</p></body></html>'
    )
    index = PageIndex(tree)
    first: list[str] = []
    second: list[str] = []
    items = page_items(tree, index, first)
    assert page_items(tree, index, second) is items  # the second reader gets the same parse
    assert items == extract_items(tree) == [{"@type": "NewsArticle", "headline": "A"}]
    assert first == second
    assert len(first) == 1
    assert "unparseable" in first[0]
