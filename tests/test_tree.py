"""Tree helpers shared by the extractors."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from extractor import Article, extract_article
from extractor.core.decode import decode_html
from extractor.core.tree import MAX_NESTING, HtmlElement, cap_nesting, in_document_order, parse_html, text_of

PAGE = """<html><body>
<div id="a"><p id="a1">one</p><p id="a2">two <b id="a2b">bold</b></p></div>
<!-- a comment between the boxes -->
<div id="b"><ul><li id="b1">x</li><li id="b2">y</li></ul></div>
</body></html>"""


def _by_id(ids: list[str]) -> list:
    tree = parse_html(PAGE)
    return [tree.get_element_by_id(i) for i in ids]


def test_nodes_come_back_in_document_order_whatever_the_input_order() -> None:
    nodes = _by_id(["b2", "a2b", "b", "a1", "a", "b1", "a2"])
    assert [n.get("id") for n in in_document_order(nodes)] == ["a", "a1", "a2", "a2b", "b", "b1", "b2"]


def test_an_ancestor_sorts_before_its_descendants() -> None:
    nodes = _by_id(["a2b", "a2", "a"])
    assert [n.get("id") for n in in_document_order(nodes)] == ["a", "a2", "a2b"]


def test_many_siblings_and_their_children_sort_in_document_order() -> None:
    # Comments straight under <body>: hundreds of siblings (positions are read once per parent).
    tree = parse_html(
        "<html><body>"
        + "".join(f"<div id='d{i}'><p id='p{i}'>x</p></div>" for i in range(400))
        + "</body></html>"
    )
    expected = [n for n in tree.iter() if n.get("id")]
    shuffled = expected[1::2][::-1] + expected[::2]
    assert in_document_order(shuffled) == expected


def test_fewer_than_two_nodes_are_returned_as_given() -> None:
    assert in_document_order([]) == []
    (only,) = _by_id(["b1"])
    assert in_document_order([only]) == [only]


def test_text_of_reads_what_text_content_reads() -> None:
    tree = parse_html(
        "<html><body><div id='d'>A &amp; B <!-- note --><b>bold</b> tail<script>var x = '<p>';</script>"
        "<p>caf\u00e9 &#8212; <i>x</i></p>\n  after</div>end</body></html>"
    )
    for node in tree.iter():
        if isinstance(node.tag, str):
            assert text_of(node) == node.text_content()
    assert text_of(tree.get_element_by_id("d")).startswith("A & B bold tail")


# -- markup past what libxml2 reads alone: stray end tags, deep nesting, huge text nodes --

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "huawei-sample" / "page.html"
AD_SLOT = 'data-slot="top"><span class="ad__label">Advertisement</span>'
FETCHED = datetime(2018, 11, 27, tzinfo=timezone.utc)


def _extract(page: str) -> Article:
    return extract_article(page, url="https://www.phonepulse.example/news/1", fetched_at=FETCHED)


def test_a_stray_body_and_html_end_tag_in_an_ad_slot_loses_nothing_after_it() -> None:
    page = SAMPLE.read_text(encoding="utf-8")
    assert page.count(AD_SLOT) == 1
    strayed = _extract(page.replace(AD_SLOT, AD_SLOT + "</body></html>"))
    clean = _extract(page)
    assert len(clean.comments) == 5
    assert clean.quotes
    assert strayed.body == clean.body
    assert [c.text for c in strayed.comments] == [c.text for c in clean.comments]
    assert [q.text for q in strayed.quotes] == [q.text for q in clean.quotes]


def _nested(depth: int) -> str:
    opened = "".join(f"<div id='d{i}'>level {i} " for i in range(depth))
    return (
        f"<html><body><p>Before the nest.</p>{opened}{'</div>' * depth}<p>After the nest.</p></body></html>"
    )


def _depth(root: HtmlElement) -> int:
    return max(sum(1 for _ in node.iterancestors()) for node in root.iter())


def test_elements_nested_past_the_cap_become_siblings_and_keep_their_text_in_order() -> None:
    root = parse_html(_nested(1000))
    text = text_of(root)
    expected = ["Before the nest."] + [f"level {i}" for i in range(1000)] + ["After the nest."]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions
    assert positions == sorted(positions)
    assert _depth(root) <= MAX_NESTING + 2
    assert root.get_element_by_id("d999") is not None


def test_a_page_nested_a_thousand_deep_keeps_the_article_after_the_nest() -> None:
    para = "<p>" + "The council met on Tuesday to discuss the budget for the coming year. " * 4 + "</p>"
    nest = "<div>" * 1000 + "<p>Deep in the nest.</p>" + "</div>" * 1000
    page = (
        "<html><head><title>Budget</title></head><body><article><h1>Budget agreed</h1>"
        f"{para}{nest}<p>The vote after the nest passed easily, said the council's chair.</p>{para}"
        "</article></body></html>"
    )
    article = _extract(page)
    assert "The vote after the nest passed easily" in article.body
    assert "Deep in the nest." in article.body


def test_a_text_over_libxml2s_10_mb_limit_does_not_end_the_page() -> None:
    blob = "<script>var data = '" + "A" * 11_000_000 + "';</script>"
    root = parse_html(f"<html><body><p>Before the blob.</p>{blob}<p>After the blob.</p></body></html>")
    assert root.xpath("string(//p[2])") == "After the blob."


def test_the_cap_leaves_every_bundled_page_as_it_is() -> None:
    for page in sorted(SAMPLE.parent.parent.glob("*/page.html")):
        text, _ = decode_html(page.read_bytes())
        assert cap_nesting(text) == text, page.parent.name


def test_the_cap_does_not_count_tags_written_inside_scripts_or_comments() -> None:
    fake = "<div>" * 100
    page = "<html><body>" + "<div>" * 40 + f"<script>var s = '{fake}';</script><!-- {fake} -->"
    page += "<p>x</p>" + "</div>" * 40 + "</body></html>"
    assert cap_nesting(page, depth=50) == page
    assert cap_nesting(page, depth=30) != page


# -- found by the fuzzing harness (tests/test_fuzz_extract.py) ------------------------------


def test_characters_lxml_cannot_write_back_do_not_lose_the_page() -> None:
    """U+FFFF, U+FFFE and C0 controls are kept by libxml2 in text nodes; a step that moved
    such text (drop_tree moving a tail beside a pruned <nav>) raised ValueError."""
    for odd in ("\uffff", "\ufffe", "\x01", "\x0b", "\x1f"):
        page = (
            f"<html><body><article><h1>Title</h1><p>The story{odd} goes on here.</p>{odd}"
            f"<nav>menu</nav>after{odd} the menu</article></body></html>"
        )
        article = extract_article(page)
        assert "The story goes on here." in article.body
        assert "after the menu" in article.body
    assert "a b" in text_of(parse_html("<p>a\x0cb</p>"))  # a form feed is HTML whitespace
    assert text_of(parse_html("<p>a\ud800b</p>")) == "a\ufffdb"  # a lone surrogate (str input)


def test_an_unclosed_textarea_does_not_swallow_the_rest_of_the_page() -> None:
    """A browser reads everything after a <textarea> written as self-closing (``<textarea/>``,
    a forum's reply box) as its text; libxml2 closes it there. The tree with the page's
    elements is the one kept."""
    paragraphs = "".join(f"<p>Paragraph {n} of the story, told at some length.</p>" for n in range(40))
    page = f"<html><body><form><textarea name='q'/></form><article><h1>Title</h1>{paragraphs}</article></body></html>"
    tree = parse_html(page)
    assert len(tree.findall(".//p")) == 40
    assert tree.find(".//h1") is not None
