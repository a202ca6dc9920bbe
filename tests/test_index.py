"""PageIndex: document order and class/id lookups, computed once per parsed tree."""

from __future__ import annotations

import random
import re

from lxml import etree

from extractor.core.index import PageIndex
from extractor.core.tree import HtmlElement, parse_html

PAGE = """<html><body>
<div class="wrap" id="top"><p class="lead">one</p><p>two <b class="Pay-Wall box">x</b></p></div>
<section class="paywall"><span class="lead">y</span></section>
<footer id="site-footer"><a class="lead" href="/">home</a></footer>
</body></html>"""


def test_elements_and_positions_follow_document_order() -> None:
    tree = parse_html(PAGE)
    index = PageIndex(tree)
    walked = [node for node in tree.iter() if isinstance(node.tag, str)]
    assert index.elements == walked
    assert [index.position[node] for node in walked] == list(range(len(walked)))


def test_named_finds_every_element_whose_names_pass_in_document_order() -> None:
    tree = parse_html(PAGE)
    index = PageIndex(tree)
    asked: list[tuple[str, str]] = []

    def lead(classes: str, node_id: str) -> bool:
        asked.append((classes, node_id))
        return "lead" in classes.split()

    found = index.named(lead)
    assert [(node.tag, node.text) for node in found] == [("p", "one"), ("span", "y"), ("a", "home")]
    assert len(asked) == len(set(asked))  # one test per distinct class/id text
    assert sorted(asked) == sorted(index.names())
    named = [node for node in tree.iter() if node.get("class") is not None or node.get("id") is not None]
    assert {(node.get("class") or "", node.get("id") or "") for node in named} == set(index.names())


def test_may_name_is_false_only_when_no_name_can_hold_the_word() -> None:
    index = PageIndex(parse_html(PAGE))
    assert index.may_name({"paywall"})  # "Pay-Wall" joined, and the section's own class
    assert index.may_name({"sitefooter"})  # an id joined across its dash
    assert not index.may_name({"newsletter", "comments"})


def test_may_name_never_misses_a_joined_or_split_word_of_random_names() -> None:
    """The promise the word tests rely on: every letters-and-digits run of a name, and each
    name token with its separators taken out, is found (no false "no")."""
    rng = random.Random(7)
    alphabet = "abcXYZ09-_ :./"
    for _ in range(300):
        classes = " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(3))
        tree = parse_html(f'<html><body><div class="{classes}">x</div></body></html>')
        index = PageIndex(tree)
        for token in classes.lower().split():
            joined = re.sub(r"[^a-z0-9]", "", token)
            words = {joined, *re.findall(r"[a-z0-9]+", token)} - {""}
            for word in words:
                assert index.may_name({word}), (classes, word)


def test_an_element_detached_later_keeps_its_place() -> None:
    """The body prunes the shared tree after the index is built: lookups still answer."""
    tree = parse_html(PAGE)
    index = PageIndex(tree)
    footer = tree.get_element_by_id("site-footer")
    before = index.position[footer]
    footer.drop_tree()
    assert index.position[footer] == before


def test_having_finds_marked_elements_in_document_order() -> None:
    tree = parse_html(
        "<html><body><p itemprop='author'>A</p><span datetime='2024'>x</span>"
        "<a rel='author' href='/a'>B</a><time itemprop='datePublished'>y</time></body></html>"
    )
    index = PageIndex(tree)
    assert [node.tag for node in index.having("itemprop")] == ["p", "time"]
    assert [node.tag for node in index.having("datetime", "itemprop", "rel")] == ["p", "span", "a", "time"]


def test_span_holds_a_subtree_and_nothing_else() -> None:
    tree = parse_html(PAGE)
    index = PageIndex(tree)
    for node in index.elements:
        below = {index.position[d] for d in node.iter() if isinstance(d.tag, str)}
        assert set(index.span(node)) == below


def test_span_of_an_element_under_a_root_with_siblings_ends_at_the_index_end() -> None:
    """Tag soup can leave the root element with a sibling (two <html> elements at the top);
    the index covers the root's tree only."""
    from lxml import etree

    outer = etree.Element("x")
    first = etree.SubElement(outer, "html")
    body = etree.SubElement(first, "body")
    paragraph = etree.SubElement(body, "p")
    etree.SubElement(outer, "html")  # the root's sibling
    index = PageIndex(first)  # type: ignore[arg-type]  # a plain lxml element stands in for HtmlElement
    assert list(index.span(body)) == [index.position[body], index.position[paragraph]]  # type: ignore[index]


SHORT_PAGE = """<html><body>top text <div class="a">Posted on 3 May 2021<span>5 Comments</span> tail one
<p>  </p><p>\u00a0</p><p>%s</p></div> after div <section><h2>Reply</h2>  <i>x</i> y</section>
</body></html>"""


def _xpath_short_texts(node: HtmlElement, limit: int) -> list[tuple[str, object, bool]]:
    found = etree.XPath(f"descendant::text()[string-length(.) <= {limit} and normalize-space(.)]")(node)
    return [(str(text), text.getparent(), text.is_tail) for text in found]


def test_short_texts_under_give_what_the_xpath_gives_from_any_element() -> None:
    tree = parse_html(SHORT_PAGE % ("long " * 40))
    index = PageIndex(tree)
    assert [(str(t), t.getparent(), t.is_tail) for t in index.short_texts] == _xpath_short_texts(tree, 120)
    for node in index.elements:
        for limit in (80, 120):
            under = index.short_texts_under(node, limit)
            assert under is not None
            assert [(str(t), t.getparent(), t.is_tail) for t in under] == _xpath_short_texts(node, limit)
    assert index.short_texts_under(tree, 121) is None  # longer texts are not in the list


def test_comment_count_reads_the_same_with_and_without_the_index() -> None:
    from extractor.meta.byline import find_comment_count

    pages = [
        '<html><body><div><a href="#c">12 Comments</a></div><h3>Comments (4)</h3></body></html>',
        "<html><body><p>Intro</p><span>Kommentare (3)</span><div>7 replies</div></body></html>",
        "<html><body><nav><span>9 comments</span></nav><p>no count here</p></body></html>",
        '<html><body><a href="/post#comments"> 21 </a></body></html>',
    ]
    expected = [4, 3, None, 21]
    for page, count in zip(pages, expected, strict=True):
        tree = parse_html(page)
        assert find_comment_count(tree) == count
        assert find_comment_count(tree, PageIndex(tree)) == count
