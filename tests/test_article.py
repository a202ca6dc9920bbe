"""extract_article(): the public entry point, as a pure function."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import extractor
from extractor import Article, extract_article, extract_quotes

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Bridge reopens after repairs | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<link rel="canonical" href="https://gazette.example/news/bridge-reopens">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened on Monday after six months of repairs that cost the town more
than two million pounds, the council said in a statement.</p>
<p>Traffic was light in the morning, but by the afternoon queues had formed on both banks as
drivers returned to their usual route into the town centre.</p></article>
<footer>© Riverside Gazette</footer></body></html>"""


def test_public_names() -> None:
    for name in ("extract_article", "extract_quotes", "Article", "Quote", "Comment"):
        assert hasattr(extractor, name)
    assert isinstance(extract_quotes("no quotes here"), list)


def test_bytes_and_str_give_the_same_record() -> None:
    fetched = datetime(2024, 1, 1, tzinfo=timezone.utc)
    a = extract_article(PAGE.encode("utf-8"), "https://gazette.example/x", fetched_at=fetched)
    b = extract_article(PAGE, "https://gazette.example/x", fetched_at=fetched)
    assert a == b
    assert a.headline == "Bridge reopens after repairs"
    assert a.body.startswith("The old river bridge reopened on Monday")
    assert "Home" not in a.body
    assert "©" not in a.body
    assert a.canonical_url == "https://gazette.example/news/bridge-reopens"


def test_same_input_same_record_across_threads() -> None:
    fetched = datetime(2024, 1, 1, tzinfo=timezone.utc)
    expected = extract_article(PAGE, None, fetched_at=fetched)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: extract_article(PAGE, None, fetched_at=fetched), range(16)))
    assert all(r == expected for r in results)
    assert pickle.loads(pickle.dumps(expected)) == expected


def test_naive_fetched_at_is_taken_as_utc() -> None:
    article = extract_article(PAGE, None, fetched_at=datetime(2024, 1, 1))
    assert article.fetched_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


def test_junk_input_gives_an_empty_record_not_an_exception() -> None:
    for junk in (
        b"",
        b"\xff\xfe\x00\x00garbage",
        b"<html><body></body></html>",
        "plain text only",
        b"\x00" * 100,
    ):
        article = extract_article(junk)
        assert isinstance(article, Article)
        assert article.body == "" or isinstance(article.body, str)


def test_forum_thread_body_holds_every_post_in_page_order() -> None:
    # Issue 12: a thread's body is its posts as people read the page, each post also a record.
    from pathlib import Path

    page = (
        Path(__file__).resolve().parent.parent / "fixtures" / "forum-phpbb-thread" / "page.html"
    ).read_bytes()
    article = extract_article(page, url="https://forum.example/viewtopic.php?t=1")
    assert article.page_type == "forum"
    assert len(article.comments) >= 3
    body = article.body
    positions = []
    for post in article.comments:
        first_line = post.text.split("\n")[0]
        assert first_line in body
        positions.append(body.index(first_line))
        assert post.author is not None
        assert post.author in body
    assert positions == sorted(positions)
    assert "Who is online" not in body


def test_a_product_grid_is_an_index_page_whose_body_is_the_items() -> None:
    names = [
        "Oak dining table with two leaves",
        "Walnut coffee table with a shelf",
        "Pine bedside table with a drawer",
        "Ash writing desk with a cable tray",
        "Beech bookcase with five shelves",
        "Cherry sideboard with sliding doors",
    ]
    cards = "".join(
        f'<div class="card"><h3><a href="/p/{n}">{name}</a></h3><span>£{100 + n}</span></div>'
        for n, name in enumerate(names)
    )
    html = f"""<html><head><title>Tables | Example Furniture</title></head><body>
    <nav><a href="/">Home</a></nav><main><h1>Tables</h1><p>Hand-made in our workshop.</p>
    <div class="grid">{cards}</div></main></body></html>"""
    article = extract_article(html, url="https://shop.example/tables")
    assert article.page_type == "index"
    assert [b.text for b in article.blocks if b.text in names] == names
    assert extract_article(PAGE).page_type == "article"


def test_a_page_whose_only_text_is_in_banner_named_regions_still_gets_a_body() -> None:
    slides = "".join(
        f'<div class="hero-banner"><h2>{title}</h2><p>{text}</p></div>'
        for title, text in [
            ("A legacy of precision", "One hundred and fifty years of watchmaking in one collection."),
            ("The lunar chronograph", "A dial with a meteorite face and a sapphire crystal back."),
        ]
    )
    html = f"""<html><body><nav><a href="/">Home</a> <a href="/watches">Watches</a></nav>
    <div class="home-carousel">{slides}</div>
    <footer class="site-footer"><p>Customer service: call us any day of the week.</p></footer></body></html>"""
    article = extract_article(html)
    texts = [b.text for b in article.blocks]
    assert "One hundred and fifty years of watchmaking in one collection." in texts
    assert not any("Customer service" in t for t in texts)  # the footer still goes
    assert "body_fallback:named_regions" in article.warnings


def test_a_product_shown_only_after_a_script_runs_is_read() -> None:
    # The shop hides the product until a script has checked the visitor's region, and the
    # description carries a "hidden" class its script lifts: both are the page's text.
    description = (
        "A hand-thrown stoneware mug with a speckled white glaze, holding twelve ounces; "
        "each one is made in our studio, so sizes and speckles vary a little. "
    ) * 4
    html = f"""<html><body><header><a href="/">Studio</a></header>
    <div class="region-gate" style="display:none"><h1>White speckle mug</h1><p>$32.00</p>
    <div class="product-description hidden"><p>Our everyday mug.</p><p>{description.strip()}</p></div></div>
    <nav>{"".join(f'<a href="/c/{n}">Stoneware collection {n}</a> ' for n in range(40))}</nav>
    <footer class="site-footer"><p>Free shipping on orders over $50.</p></footer></body></html>"""
    article = extract_article(html)
    assert any(b.text.startswith("A hand-thrown stoneware mug") for b in article.blocks)
    assert not any("Free shipping" in b.text or "collection" in b.text for b in article.blocks)
    assert "body_fallback:named_regions" in article.warnings


def test_a_lone_comment_beside_a_page_without_text_is_the_post() -> None:
    # The page's one text is marked up as one comment (its author and date in a comment
    # header): it is the post, not a reader's comment, and the body must not come out empty.
    paras = "".join(
        f"<p>Point {n}: green products, flexible booking and teams that bring their own "
        f"tools to every home they visit are this year's cleaning trends.</p>"
        for n in range(6)
    )
    page = f"""<html><head><title>Cleaning trends</title></head><body><nav><a href="/">Home</a></nav>
    <div class="comments-area"><ol class="comment-list"><li class="comment"><article class="comment-body">
    <footer class="comment-meta"><span class="comment-author">Karina Cohen</span>
    <time datetime="2025-12-01">December 1, 2025</time></footer>
    <div class="comment-content"><h2>The latest trends in house cleaning</h2>{paras}</div></article></li></ol>
    </div><footer>© Cleaning Co</footer></body></html>"""
    article = extract_article(page)
    assert article.comments == []
    assert "Point 0: green products" in article.body
    assert "Point 5:" in article.body
    assert "no article text found" not in article.warnings
