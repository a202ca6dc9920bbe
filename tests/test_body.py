"""Main-text detection on small hand-written pages."""

from __future__ import annotations

from extractor.body import extract_body
from extractor.core.tree import parse_html

PARA = (
    "The council met on Tuesday evening to discuss the new budget, which includes funding for "
    "roads, schools and the library, and which has been debated for several months."
)


def _page(article: str, extra: str = "") -> str:
    return f"""<html><head><title>T</title></head><body>
    <header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li>
    <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
    <div id="wrapper"><div class="content">{article}</div>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">A story about something else</a></li>
    <li><a href="/b">Another story about other things</a></li></ul></aside></div>
    {extra}
    <footer class="site-footer"><p>Copyright 2024 Example News. All rights reserved.</p></footer>
    </body></html>"""


def _texts(html: str, **kw: object) -> list[str]:
    return [b.text for b in extract_body(parse_html(html), **kw).blocks]  # type: ignore[arg-type]


def test_keeps_paragraphs_in_order_and_drops_navigation() -> None:
    html = _page(f"<h1>Budget approved</h1><p>{PARA}</p><p>Second. {PARA}</p><p>Third. {PARA}</p>")
    texts = _texts(html, headline="Budget approved")
    assert texts == [PARA, f"Second. {PARA}", f"Third. {PARA}"]


def test_headline_and_standfirst_are_not_body() -> None:
    html = _page(
        "<p class='kicker'>Local politics</p><h1>Budget approved</h1>"
        "<p class='dek'>Update: the mayor responds</p>"
        f"<p>{PARA}</p><p>More. {PARA}</p>"
    )
    texts = _texts(html, headline="Budget approved", standfirst="Update: the mayor responds")
    assert texts == [PARA, f"More. {PARA}"]


def test_block_kinds_heading_list_quote_caption() -> None:
    html = _page(
        f"<p>{PARA}</p><h2>What happens next</h2><p>Next. {PARA}</p>"
        "<ul><li>Roads get 2 million</li><li>Schools get 3 million</li></ul>"
        "<blockquote><p>We are delighted with the result of the vote.</p></blockquote>"
        "<figure><img src='/img/a.jpg' alt='The hall'><figcaption>The council hall on Tuesday. "
        "<span class='credit'>Photo: Jane Roe</span></figcaption></figure>"
        f"<p>Last. {PARA}</p>"
    )
    result = extract_body(parse_html(html), url="https://news.example/a")
    kinds = [(b.kind, b.text) for b in result.blocks]
    assert ("heading", "What happens next") in kinds
    assert ("list_item", "Roads get 2 million") in kinds
    assert ("blockquote", "We are delighted with the result of the vote.") in kinds
    assert ("caption", "The council hall on Tuesday.") in kinds
    assert all("Jane Roe" not in text for _, text in kinds)
    [image] = result.images
    assert image.src == "https://news.example/img/a.jpg"
    assert image.caption == "The council hall on Tuesday."
    assert image.credit == "Photo: Jane Roe"


def test_share_prompts_and_newsletter_inside_article_are_dropped() -> None:
    html = _page(
        f"<p>{PARA}</p><div class='share-box'><p>Liked this article? Share now!</p>"
        "<a href='#'>Facebook</a></div>"
        "<div class='newsletter-signup'><p>Sign up for our daily newsletter and never miss a story.</p></div>"
        f"<p>Later. {PARA}</p><p>Join the discussion</p><p>Read more</p>"
    )
    body = "\n".join(_texts(html))
    assert "Share now" not in body
    assert "newsletter" not in body
    assert "Join the discussion" not in body
    assert "Read more" not in body
    assert f"Later. {PARA}" in body


def test_excluded_comment_section_never_reaches_body() -> None:
    html = _page(
        f"<p>{PARA}</p><p>Two. {PARA}</p>",
        extra="""
        <section class="talk"><ol><li><p>I strongly disagree with the council, this budget is a
        waste of money and everybody in town knows it, frankly.</p></li></ol></section>""",
    )
    tree = parse_html(html)
    section = tree.xpath("//section[@class='talk']")
    texts = [b.text for b in extract_body(tree, exclude=section).blocks]
    assert texts == [PARA, f"Two. {PARA}"]


def test_repeated_copy_of_the_text_is_emitted_once() -> None:
    html = _page(f"<p>{PARA}</p><p>Two. {PARA}</p><div class='print-copy'><p>{PARA}</p></div>")
    texts = _texts(html)
    assert texts.count(PARA) == 1


def test_text_in_br_separated_div_is_found() -> None:
    html = _page(f"<div class='entry'>{PARA}<br><br>Second line. {PARA}<br>Third. {PARA}</div>")
    texts = _texts(html)
    assert texts == [PARA, f"Second line. {PARA}", f"Third. {PARA}"]


def test_byline_and_date_lines_at_the_top_are_dropped_when_the_record_holds_them() -> None:
    html = _page(f"<p>By Jane Roe</p><p>Published 3 March 2024</p><p>{PARA}</p><p>By then. {PARA}</p>")
    assert _texts(html, authors=["Jane Roe"], dated=True) == [PARA, f"By then. {PARA}"]
    # Without those fields the lines are the only place the information lives: kept.
    assert _texts(html) == ["By Jane Roe", "Published 3 March 2024", PARA, f"By then. {PARA}"]


def test_empty_and_junk_pages_do_not_crash() -> None:
    for html in ["", "<html></html>", "<p>", "\x00\x01garbage<<<>>>", "<html><body><script>x</script>"]:
        result = extract_body(parse_html(html))
        assert isinstance(result.blocks, list)


def test_json_ld_article_body_is_a_fallback_when_nothing_is_found() -> None:
    result = extract_body(parse_html("<html><body><div></div></body></html>"), article_body="One.\nTwo.")
    assert [b.text for b in result.blocks] == ["One.", "Two."]
    assert result.warnings


# --- modern pages (issue 12) ---------------------------------------------------------------

STEPS = [
    f"Step {n}: {word} the boards along the marked line, keeping the saw upright and the cut "
    f"slow, so that the edge stays straight and the panel fits without sanding later on."
    for n, word in enumerate(["Measure", "Cut", "Sand", "Glue", "Clamp", "Finish"], start=1)
]


def test_article_split_over_sibling_sections_is_kept_whole() -> None:
    # Step-by-step and page-builder pages: every section is its own container.
    sections = "".join(
        f'<section class="step"><h2>Step {n}</h2><div class="step-body"><p>{text}</p></div></section>'
        for n, text in enumerate(STEPS, start=1)
    )
    texts = _texts(_page(f'<div class="article-body">{sections}</div>'))
    for text in STEPS:
        assert text in texts
    assert "Most read" not in texts
    assert not any("Copyright" in t for t in texts)


def test_text_swallowed_by_an_unclosed_menu_button_is_found() -> None:
    # A misnested </button> (libxml2 leaves the button open); a browser closes it.
    html = f"""<html><body><header class="site-header"><button class="menu-button"><div><div>
    </button><a href="/">Home</a></header>
    <main><article><p>{PARA}</p><p>{STEPS[0]}</p></article></main>
    <footer><p>Copyright 2024 Example</p></footer></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[0] in texts


def test_text_after_a_stray_closing_html_tag_is_found() -> None:
    html = f"""<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>
    <div class="post"><p>{PARA}</p><p>{STEPS[1]}</p></div>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[1] in texts


def test_hidden_wrapper_holding_the_page_is_read() -> None:
    # React streams the page into <div hidden> and a script reveals it.
    html = f"""<html><body><div hidden id="S:0"><article><p>{PARA}</p><p>{STEPS[2]}</p>
    <p>{STEPS[4]}</p><p>{STEPS[5]}</p></article></div><div hidden class="modal"><p>Sign in to continue reading our stories.</p></div>
    </body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[2] in texts
    assert not any("Sign in" in t for t in texts)


def test_noscript_fallback_holding_the_text_is_read() -> None:
    html = f"""<html><body><div id="app"><a href="/">Home</a></div>
    <noscript><div class="topic"><p>{PARA}</p><p>{STEPS[3]}</p><p>{STEPS[4]}</p><p>{STEPS[5]}</p></div></noscript>
    <noscript><img src="/pixel.gif"> Please enable JavaScript.</noscript></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[3] in texts
    assert not any("enable JavaScript" in t for t in texts)


def test_fallback_step_is_named_in_warnings() -> None:
    # The only scoring container holds a newsletter prompt, which emitting drops: the body
    # falls back in steps down to the page's visible lines, and says so.
    html = """<html><body><div class="box"><p>Sign up for our newsletter and get the best deals,
    news and offers in your inbox every week, all year long.</p></div>
    <div class="hours"><span>Open daily from nine</span></div></body></html>"""
    result = extract_body(parse_html(html))
    assert [b.text for b in result.blocks] == ["Open daily from nine"]
    assert [w for w in result.warnings if w.startswith("body_fallback:")] == ["body_fallback:paragraphs"]
    assert "no article text found" not in result.warnings


def test_page_builder_widget_blocks_holding_the_article_are_kept_whole() -> None:
    # Page builders call every block a "widget"; each block here is long enough to be kept
    # for its size, and together they are the article, so they must all be read.
    blocks = "".join(
        f'<section class="builder-section"><div class="builder-container"><div class="builder-column">'
        f'<div class="builder-widget"><p>{text} {PARA}</p><p>{PARA}</p><p>{text}</p><p>{PARA}</p>'
        f"<p>{PARA}</p><p>{PARA}</p></div></div></div></section>"
        for text in STEPS[:3]
    )
    html = f"""<html><body><nav><a href="/">Home</a></nav><div class="layout">{blocks}</div>
    <aside class="sidebar"><h3>Most read</h3><p>{PARA} {PARA} {PARA} {PARA} {PARA} {PARA}</p></aside>
    </body></html>"""
    texts = _texts(html)
    for text in STEPS[:3]:
        assert f"{text} {PARA}" in texts
    assert "Most read" not in texts


def test_utility_classes_do_not_name_regions() -> None:
    # Tailwind/Bootstrap utilities describe looks or one breakpoint ("lg:hidden", "overflow-hidden",
    # "text-secondary"): a region so styled is not hidden, a sidebar or a promo.
    html = f"""<html><body><main class="overflow-hidden">
    <div class="max-lg:hidden text-secondary"><p>{PARA}</p><p>{STEPS[0]}</p></div>
    <div class="bg-promo"><p>{STEPS[1]}</p></div></main>
    <div class="hidden"><p>{STEPS[2]}</p></div></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[0] in texts
    assert STEPS[1] in texts
    assert STEPS[2] not in texts  # a bare "hidden" class does hide


# A product grid: each card a linked name, a one-line note and a price.
ITEMS = [
    ("Oak dining table with two extending leaves", "Seats six to ten."),
    ("Walnut coffee table with a lower shelf", "Rounded corners."),
    ("Pine bedside table with one soft-close drawer", "Tapered legs."),
    ("Ash writing desk with a hidden cable tray", "Cable tray."),
    ("Beech bookcase with five adjustable shelves", "Wall fixing included."),
    ("Cherry sideboard with two sliding doors", "Three compartments."),
]


def _category_page(intro: str) -> str:
    cards = "".join(
        f'<li class="product-card"><h3><a href="/p/{n}">{title}</a></h3><p class="summary">{summary}</p>'
        f'<span class="price">£{100 + n}</span><a href="/p/{n}">View</a></li>'
        for n, (title, summary) in enumerate(ITEMS)
    )
    return f"""<html><body><nav><a href="/">Home</a> <a href="/tables">Tables</a></nav>
    <main><h1>Tables and storage</h1><p>{intro}</p><ul class="grid">{cards}</ul></main>
    <footer><a href="/privacy">Privacy</a></footer></body></html>"""


def test_a_page_that_lists_items_gives_their_titles_and_notes() -> None:
    result = extract_body(parse_html(_category_page("Hand-made furniture for every room.")))
    texts = [b.text for b in result.blocks]
    assert result.items
    for title, summary in ITEMS:
        assert title in texts
        assert summary in texts
    assert texts.index(ITEMS[0][0]) < texts.index(ITEMS[-1][0])  # page order
    assert "View" not in texts
    assert "Home" not in texts
    assert "Privacy" not in texts


def test_items_that_outweigh_the_intro_many_times_make_a_list_whatever_the_page_declares() -> None:
    # A section front: og:type=article on every page of the site, a date on every card,
    # a one-paragraph intro box, and fifty stories.
    cards = "".join(
        f'<div class="card"><h3><a href="/s/{n}">{title} ({n})</a></h3><p>{summary}</p>'
        f"<time>March 6, 2026</time></div>"
        for n, (title, summary) in enumerate(ITEMS * 8)
    )
    html = f"""<html><body><div class="intro-box"><h2>About this section</h2><p>{PARA}</p></div>
    <main><div class="river">{cards}</div></main></body></html>"""
    result = extract_body(parse_html(html), dated=True, declared_article=True)
    texts = [b.text for b in result.blocks]
    assert result.items
    assert f"{ITEMS[0][0]} (0)" in texts
    assert f"{ITEMS[-1][0]} (47)" in texts


def test_a_flag_for_what_a_region_hides_does_not_name_it() -> None:
    # "hide-inline-ad" says the grid hides its ad slots; the grid is not an ad.
    html = _category_page("Hand-made furniture.").replace('class="grid"', 'class="grid hide-inline-ad"')
    texts = [b.text for b in extract_body(parse_html(html)).blocks]
    assert all(title in texts for title, _summary in ITEMS)


def test_a_short_article_beside_a_long_link_rail_stays_an_article() -> None:
    rail = "".join(f'<li><a href="/s/{n}">{title}</a></li>' for n, (title, _s) in enumerate(ITEMS * 2))
    html = f"""<html><body><div class="layout"><div class="post-body"><h1>Road closed</h1>
    <p>{PARA}</p></div><div class="rail"><h3>More stories</h3><ul>{rail}</ul></div></div></body></html>"""
    result = extract_body(parse_html(html), dated=True)
    texts = [b.text for b in result.blocks]
    assert not result.items
    assert PARA in texts
    assert ITEMS[0][0] not in texts


def test_short_page_builder_widgets_are_article_sections() -> None:
    # Each section of the article is one small "widget" of a page builder.
    widgets = "".join(
        f'<div class="pb-widget"><div class="pb-widget-container"><h2>Part {n}</h2><p>{text}</p></div></div>'
        for n, text in enumerate(STEPS, start=1)
    )
    texts = _texts(_page(f'<div class="pb-section">{widgets}</div>'))
    for text in STEPS:
        assert text in texts


def test_layout_flags_and_modifiers_do_not_name_a_sidebar() -> None:
    html = f"""<html><body><div class="layout with-sidebar"><div class="story story--sidebar-right">
    <p>{PARA}</p><p>{STEPS[0]}</p><p>{STEPS[1]}</p></div>
    <div class="sidebar"><div class="widget"><p>{STEPS[2]} {STEPS[3]} {STEPS[4]} {STEPS[5]} {PARA} {PARA}
    {PARA} {PARA}</p></div></div></div></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[0] in texts
    assert STEPS[1] in texts
    assert not any(STEPS[2] in t for t in texts)  # the sidebar's widget, long as it is


def test_text_in_closed_tabs_is_content_but_hidden_modals_are_not() -> None:
    html = f"""<html><body><main><h1>Install the client</h1><p>{PARA}</p>
    <div class="tabs"><button>Linux</button><button>Windows</button></div>
    <div class="tab-panel active"><p>{STEPS[0]}</p></div>
    <div class="tab-panel" hidden><p>{STEPS[1]}</p></div>
    <div role="tabpanel" style="display:none"><p>{STEPS[2]}</p></div>
    <div class="modal" hidden><p>{STEPS[3]}</p></div></main></body></html>"""
    texts = _texts(html)
    assert STEPS[0] in texts
    assert STEPS[1] in texts
    assert STEPS[2] in texts
    assert STEPS[3] not in texts


def test_a_list_page_of_short_linked_names_gives_the_names() -> None:
    names = [
        "Ada",
        "ALGOL 68",
        "APL",
        "AWK",
        "BASIC",
        "BCPL",
        "C",
        "COBOL",
        "Eiffel",
        "Erlang",
        "Forth",
        "Fortran",
        "Haskell",
        "Lisp",
        "ML",
        "Modula-2",
        "Oberon",
        "Pascal",
        "Prolog",
        "Ruby",
        "Scheme",
        "Simula",
        "Smalltalk",
        "SNOBOL",
        "Tcl",
    ]
    names = [f"{name} ({1960 + n})" for n, name in enumerate(names)]
    items = "".join(f'<li><a href="/wiki/{n}">{n}</a></li>' for n in names)
    html = f"""<html><body><nav class="menu"><a href="/">Main page</a> <a href="/random">Random</a></nav>
    <main><h1>List of languages</h1><p>An index of notable programming languages.</p>
    <div class="content"><ul>{items}</ul></div></main></body></html>"""
    result = extract_body(parse_html(html))
    texts = [b.text for b in result.blocks]
    assert result.items
    assert [t for t in texts if t in names] == names
    assert "Random" not in texts


def test_copyright_and_fine_print_blocks_never_join_the_article() -> None:
    legal = (
        "All trademarks are the property of their owners; reproduction without permission is prohibited. " * 3
    )
    html = f"""<html><body><div class="wrapper"><div class="middle"><div id="content"><p>{PARA}</p>
    <p>{STEPS[0]}</p></div></div><div class="copyrights">{legal}</div><div class="fineprint">{legal}</div>
    </div></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[0] in texts
    assert not any("trademarks" in t for t in texts)


def test_a_short_post_with_a_date_line_beside_a_link_rail_stays_an_article() -> None:
    # No date in the metadata, but the post itself shows one.
    rail = "".join(f'<li><a href="/s/{n}">{title}</a></li>' for n, (title, _s) in enumerate(ITEMS * 2))
    html = f"""<html><body><div class="layout"><div class="upper"><h1>Road closed</h1><p>July 21, 2012</p>
    <p>{PARA}</p></div><div class="rail"><h3>More stories</h3><ul>{rail}</ul></div></div></body></html>"""
    result = extract_body(parse_html(html))
    texts = [b.text for b in result.blocks]
    assert not result.items
    assert PARA in texts
    assert ITEMS[0][0] not in texts


_CONSENT_PURPOSES = " ".join(
    f"Purpose {n}: we and our partners store and access information on your device, use precise "
    f"data and measure how content and advertising perform for audience research."
    for n in range(4)
)


def _listing_with_notice(notice_attrs: str, opening: str) -> str:
    # The notice is long, but less than half the page: a page wrapper that opens with the
    # notice is kept (see the next test).
    cards = "".join(
        f'<div class="card"><h3><a href="/s/{n}">{title}</a></h3><p>{summary}</p></div>'
        for n, (title, summary) in enumerate(ITEMS * 4)
    )
    return f"""<html><body><main><div class="feed">{cards}</div></main>
    <div {notice_attrs}><h2>Your privacy</h2><p>{opening}</p><p>{_CONSENT_PURPOSES}</p>
    <button>Accept all</button></div></body></html>"""


def test_a_consent_notice_is_never_the_body_of_a_page_of_links() -> None:
    # By a consent platform's name, and by its opening words under a name that only says "overlay".
    for attrs, opening in (
        ('id="onetrust-consent-sdk"', "Manage your choices below."),
        ('class="site-overlay"', "We and our partners use cookies to personalise ads."),
    ):
        result = extract_body(parse_html(_listing_with_notice(attrs, opening)))
        texts = [b.text for b in result.blocks]
        assert result.items, attrs
        assert ITEMS[0][0] in texts
        assert ITEMS[-1][0] in texts
        assert not any("partners" in t for t in texts), attrs


def test_a_page_wrapper_that_opens_with_a_cookie_notice_is_kept() -> None:
    html = f"""<html><body><div class="site-overlay"><p>We and our partners use cookies to personalise ads.
    <a href="/privacy">Privacy</a></p><article><h1>Road closed</h1><p>{PARA}</p><p>{STEPS[0]}</p>
    <p>{STEPS[1]}</p></article></div></body></html>"""
    texts = _texts(html)
    assert PARA in texts
    assert STEPS[1] in texts


def test_a_section_about_cookies_is_still_content() -> None:
    html = f"""<html><body><main><h1>Sessions</h1><p>{PARA}</p><section id="cookies"><h2>Cookies</h2>
    <p>{STEPS[0]} {STEPS[1]} {STEPS[2]} {STEPS[3]} {STEPS[4]} {STEPS[5]} {PARA}</p></section></main>
    </body></html>"""
    texts = _texts(html)
    assert any(STEPS[0] in t for t in texts)


def test_a_page_of_only_links_falls_back_to_its_linked_entries() -> None:
    # A portfolio page: filter buttons and client names, all links; nothing else to give.
    filters = "".join(f'<li><a href="#{w}">{w}</a></li>' for w in ("All", "Healthcare", "Education"))
    clients = "".join(f'<h4><a href="/work/{n}">Client {n}</a></h4>' for n in range(6))
    result = extract_body(
        parse_html(f"""<html><body><ul class="filters">{filters}</ul>
    <div class="grid">{clients}</div></body></html>""")
    )
    texts = [b.text for b in result.blocks]
    assert "body_fallback:links" in result.warnings
    assert result.items
    assert "Healthcare" in texts


def test_a_choice_that_gives_only_headings_falls_back_to_the_text() -> None:
    # A strip of teaser headlines in <article> cards is chosen over the text, which sits in
    # a region sloppily named "page-footer"; headings alone are no body, so the next step runs.
    cards = "".join(
        f'<div class="picks-entry"><article class="pick"><h3><span>Nine hours at the '
        f"city's dessert gallery, part {n}</span></h3></article></div>"
        for n in range(14)
    )
    text = "".join(f"<p>{PARA} {STEPS[n]}</p>" for n in range(6))
    result = extract_body(
        parse_html(f"""<html><body><div class="picks">{cards}</div>
    <div class="page-footer">{text}</div></body></html>""")
    )
    assert result.blocks
    assert all(b.kind == "paragraph" for b in result.blocks)
    assert f"{PARA} {STEPS[5]}" in [b.text for b in result.blocks]
    assert result.warnings == ["body_fallback:densest"]


def test_a_post_that_is_only_headings_keeps_them_rather_than_falling_back_to_chrome() -> None:
    # A photo post: a date line and two headings are all its text; the trim would leave
    # nothing, and neither a stray label elsewhere nor the menu's links is a better body.
    menu = "".join(f'<li><a href="/c/{n}">Category {n}</a></li>' for n in range(30))
    html = f"""<html><body><div class="top"><a href="/">Home</a><p>Choose edition</p></div>
    <div class="post"><p class="meta">kids - November 12, 2012</p><h1>Eat, drink, and keep the kids
    occupied</h1><h2>Fourteen ways to set a festive family table</h2><img src="/a.jpg"></div>
    <ul class="menu">{menu}</ul></body></html>"""
    result = extract_body(parse_html(html), dated=True)
    texts = [b.text for b in result.blocks]
    assert "Fourteen ways to set a festive family table" in texts
    assert "Choose edition" not in texts
    assert "Category 3" not in texts
    assert result.warnings == []
    assert not result.items
