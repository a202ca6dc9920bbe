"""Tree helpers shared by the extractors."""

from __future__ import annotations

from extractor.tree import in_document_order, parse_html, text_of

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
    tree = parse_html("<html><body>" + "".join(f"<div id='d{i}'><p id='p{i}'>x</p></div>" for i in range(400))
                      + "</body></html>")
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
