"""Page type and paywall detection: small hand-written pages, then every fixture that states the truth."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractor.core.tree import parse_html
from extractor.fixtures import extract_fixture, fixture_dirs, load_fixture
from extractor.model import Block
from extractor.pagetype import detect_page_type, finalize_page_type

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

_PARA = (
    "<p>The council met on Tuesday evening to discuss the plan for the harbour wall, which has been "
    "leaking for three winters and now floods the car park at every spring tide, residents said.</p>"
)


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>T</title>{head}</head><body>{body}</body></html>"


def _ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def _detect(html: str) -> tuple[str | None, bool]:
    return detect_page_type(parse_html(html))


def test_plain_article() -> None:
    assert _detect(_page(f"<article><h1>Harbour wall</h1>{_PARA * 4}</article>")) == ("article", False)


@pytest.mark.parametrize(
    ("ld_type", "expected"),
    [
        ("LiveBlogPosting", "liveblog"),
        ("DiscussionForumPosting", "forum"),
        ("CollectionPage", "index"),
        ("NewsArticle", "article"),
    ],
)
def test_declared_json_ld_type_wins(ld_type: str, expected: str) -> None:
    html = _page(f"<article><h1>H</h1>{_PARA}</article>", _ld(f'{{"@type": "{ld_type}", "headline": "H"}}'))
    assert _detect(html)[0] == expected


def test_json_ld_in_a_related_list_says_nothing() -> None:
    related = '{"@type": "NewsArticle", "headline": "H", "hasPart": {"@type": "ItemList", "itemListElement": [{"@type": "LiveBlogPosting"}]}}'
    assert _detect(_page(f"<h1>H</h1>{_PARA * 3}", _ld(related)))[0] == "article"


def _entries(cls: str, n: int = 4, author: bool = False) -> str:
    who = '<span class="username">kim</span>' if author else ""
    return "".join(
        f'<div class="{cls}"><time datetime="2024-01-0{i + 1}T10:00:00Z">10:0{i}</time>{who}'
        f"<p>Entry number {i} says something long enough to count as running text in an update.</p></div>"
        for i in range(n)
    )


def test_repeated_timestamped_updates_are_a_liveblog() -> None:
    assert _detect(_page(f"<h1>Live</h1><div class='stream'>{_entries('update')}</div>"))[0] == "liveblog"


def test_repeated_posts_with_authors_are_a_forum() -> None:
    html = _page(f"<h2>Topic</h2><div id='posts'>{_entries('post', author=True)}</div>")
    assert _detect(html)[0] == "forum"


def test_comment_lists_do_not_make_an_article_a_forum_or_liveblog() -> None:
    comments = f"<section id='comments' class='comments'>{_entries('comment-body', author=True)}</section>"
    assert _detect(_page(f"<article><h1>H</h1>{_PARA * 3}</article>{comments}"))[0] == "article"


def test_a_list_of_dated_links_is_not_a_liveblog() -> None:
    items = "".join(
        f'<li class="latest"><a href="/n/{i}">Short headline number {i} about things</a> <time>09:0{i}</time></li>'
        for i in range(6)
    )
    assert _detect(_page(f"<article><h1>H</h1>{_PARA * 3}</article><ul>{items}</ul>"))[0] == "article"


def _teasers(n: int) -> str:
    return "".join(
        f'<article class="post"><h2><a href="/2024/01/story-{i}/">Story {i} headline</a></h2>'
        f'<time datetime="2024-01-0{i % 9 + 1}">Jan {i % 9 + 1}</time><p>One-line teaser {i}.</p></article>'
        for i in range(n)
    )


def test_teaser_list_without_running_text_is_an_index() -> None:
    assert _detect(_page(f"<h1>Category: Environment</h1>{_teasers(8)}"))[0] == "index"


def test_article_with_a_related_rail_stays_an_article() -> None:
    html = _page(f"<article><h1>H</h1>{_PARA * 5}</article><aside>{_teasers(6)}</aside>")
    assert _detect(html)[0] == "article"


def test_updates_after_an_articles_running_text_are_not_a_liveblog() -> None:
    # ~175 words of paragraphs between the headline and the entries: an article with a stream
    assert (
        _detect(_page(f"<h1>Live</h1>{_PARA * 5}<div class='stream'>{_entries('update')}</div>"))[0]
        == "article"
    )
    assert (
        _detect(_page(f"<h1>Live</h1>{_PARA * 2}<div class='stream'>{_entries('update')}</div>"))[0]
        == "liveblog"
    )


def test_only_running_text_between_headline_and_entries_counts() -> None:
    # Paragraphs above the headline, in a rail or made of links are not the article's text.
    links = "<p><a href='/a'>A link that is most of this paragraph's text here</a> and a bit</p>"
    html = _page(
        f"{_PARA * 5}<h1>Live</h1><aside>{_PARA * 5}</aside>{links * 8}"
        f"<div class='stream'>{_entries('update')}</div>"
    )
    assert _detect(html)[0] == "liveblog"


def _cards(n: int, excerpt: str) -> str:
    return "".join(
        f'<div class="card"><h2><a href="/2024/01/story-{i}/">Story {i} headline here</a></h2>{excerpt}</div>'
        for i in range(n)
    )


_EXCERPT = "<p>" + " ".join(["word"] * 30) + " excerpt.</p>"


def test_long_excerpts_in_teaser_cards_are_not_running_text() -> None:
    assert _detect(_page(f"<h1>Category</h1>{_cards(8, _EXCERPT)}"))[0] == "index"
    # the same paragraphs outside the cards (an intro), or in the list's own wrapper, are
    assert _detect(_page(f"<h1>Category</h1>{_EXCERPT * 6}{_cards(8, _EXCERPT)}"))[0] == "article"
    assert (
        _detect(_page(f"<h1>Category</h1><div class='list'>{_cards(8, '')}{_EXCERPT * 6}</div>"))[0]
        == "article"
    )


def test_finalize_withdraws_index_when_the_body_is_running_text() -> None:
    long = [Block("paragraph", "word " * 60) for _ in range(4)]
    assert finalize_page_type("index", False, long) == ("article", False)
    assert finalize_page_type("index", False, long[:1]) == ("index", False)


def test_json_ld_paywall_flag() -> None:
    html = _page(
        f"<article><h1>H</h1>{_PARA}</article>",
        _ld('{"@type": "NewsArticle", "headline": "H", "isAccessibleForFree": "False"}'),
    )
    assert _detect(html) == ("article", True)


def test_paywall_box_and_wall_sentence() -> None:
    box = (
        "<div class='paywall-box'><p>Get unlimited access for one pound a week.</p><button>Go</button></div>"
    )
    assert _detect(_page(f"<h1>H</h1>{_PARA}{box}"))[1] is True
    sentence = "<p class='cta'>Subscribe to continue reading.</p>"
    assert _detect(_page(f"<h1>H</h1>{_PARA}{sentence}"))[1] is True
    placeholder = "<div id='paywall'></div>"
    assert _detect(_page(f"<h1>H</h1>{_PARA}{placeholder}"))[1] is False


def test_premium_badge_alone_is_not_a_wall() -> None:
    assert _detect(_page(f"<span class='premium'>Premium</span><h1>H</h1>{_PARA}"))[1] is False


def test_paywall_needs_a_short_body() -> None:
    short = [Block("paragraph", "word " * 50)]
    long = [Block("paragraph", "word " * 100) for _ in range(8)]
    assert finalize_page_type("article", True, short) == ("article", True)
    assert finalize_page_type("article", True, long) == ("article", False)
    assert finalize_page_type("article", False, short) == ("article", False)
    assert finalize_page_type("article", True, [{"kind": "paragraph", "text": "a b c"}]) == ("article", True)


_STATED = [p for p in fixture_dirs(FIXTURES) if "page_type" in load_fixture(p).expected]


@pytest.mark.parametrize("path", _STATED, ids=lambda p: p.name)
def test_fixture_pages(path: Path) -> None:
    """Every fixture that states its page type and paywall flag gets both right."""
    from extractor.core.decode import decode_html
    from extractor.meta.combine import extract_metadata

    fx = load_fixture(path)
    content_type = next((v for k, v in fx.headers.items() if k.lower() == "content-type"), None)
    tree = parse_html(decode_html(fx.html, content_type)[0])
    meta = extract_metadata(tree, fx.url, fetched_at=fx.fetched_at)
    page_type, hint = detect_page_type(tree, meta.page)
    blocks = extract_fixture(fx).blocks
    assert finalize_page_type(page_type, hint, blocks) == (
        fx.expected["page_type"],
        fx.expected.get("paywalled", False),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Subscribe now to continue reading.",
        "To keep reading, please log in.",
        "This article is only available to members.",
        "The story is exclusive for subscribers.",
        "Subscribers only",
        "Already a subscriber? Sign in.",
        "Reserved for subscribers.",
        "Weiterlesen mit SZ Plus",
        "Nur für Abonnenten",
        "Réservé aux abonnés",
        "Il vous reste 80 % de cet article à lire.",
        "Exclusivo para suscriptores",
        "Riservato agli abbonati",
    ],
)
def test_every_wall_sentence_holds_a_hint(sentence: str) -> None:
    """The substring prefilter never hides a wall sentence the pattern would find."""
    from extractor.core.lexicon.pages import WALL_HINTS, WALL_TEXTS

    assert re.search(WALL_TEXTS, sentence, re.IGNORECASE)
    assert any(hint in sentence.lower() for hint in WALL_HINTS)
