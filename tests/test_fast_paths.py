"""The fast paths of issue 14 give the answers of the slow paths they stand in for.

Each speed change replaced a step by a cheaper one that must answer the same (records are
compared page by page with benchmarks/snapshot.py); these tests hold the equivalences on
small made-up inputs, including the characters where a shortcut would go wrong (the
letters that IGNORECASE folds beyond ASCII, U+0130 whose lower case is two characters).
"""

from __future__ import annotations

import random
import re

from extractor import pagetype
from extractor.body import emit, prune
from extractor.comments import declared_comment_count, sections
from extractor.core import decode, names
from extractor.core.tree import _NOSCRIPT, _defuse_raw_text, collapse_ws, parse_html

# Characters that trip case and byte shortcuts: IGNORECASE folds U+0130, U+0131, U+017F and
# U+212A onto ASCII letters; U+0130 lowers to two characters; U+00DF casefolds to two.
_TRICKY = ["\u0130", "\u0131", "\u017f", "\u212a", "\u00df", "\u00e9", "\u4e2d", "\U0001f600"]


def _texts(pieces: list[str], count: int, seed: int, longest: int = 20) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_c1_test_of_the_double_encoding_repair() -> None:
    assert decode.repair_double_encoded("Doctors\u00e2\u0080\u0099 Day") == "Doctors\u2019 Day"
    assert decode.repair_double_encoded("plain ascii") == "plain ascii"
    assert decode.repair_double_encoded("S\u00e3o Paulo \u00c3") == "S\u00e3o Paulo \u00c3"  # no C1: kept
    for text in _texts(["a", "\u00e2", "\u0080", "\u0099", "\u009f", "\u00a0", *_TRICKY], 2000, 1):
        slow_has_c1 = re.search("[\u0080-\u009f]", text) is not None
        fast_has_c1 = not text.isascii() and any(char in text for char in decode._C1_CHARS)
        assert fast_has_c1 == slow_has_c1


def test_name_letters_keeps_what_a_regex_keeps() -> None:
    assert names.name_letters("Entry-Date post_12 \u00e9t\u00e9") == "entrydatepost12t"
    for text in _texts(["a", "Z", "0", "-", "_", " ", ":", *_TRICKY], 3000, 2):
        assert names.name_letters(text) == re.sub(r"[^a-z0-9]+", "", text.lower())


def _region_words_whole(raw: str, compounds: bool) -> frozenset[str]:
    """region_words as it was before the token cache: the whole name at once."""
    return frozenset(
        word for token in raw.split() for word in names._token_words.__wrapped__(token, compounds)
    )


def test_region_words_are_the_union_of_their_tokens_words() -> None:
    raw = "entry-content jp-relatedPosts with-sidebar m-article--sidebar-right max-lg:hidden"
    words = names.region_words(raw)
    assert {"entry", "content", "entrycontent", "jp", "posts", "related", "m", "article"} <= words
    assert "sidebar" not in words  # a layout flag and a BEM modifier are no region names
    assert "related" not in names.region_words(raw, compounds=False)
    pieces = [
        "a",
        "B",
        "-",
        "_",
        "--",
        " ",
        ":",
        "[",
        "comment",
        "Related",
        "posts",
        "hidden",
        "is",
        *_TRICKY,
    ]
    for text in _texts(pieces, 2000, 3):
        for compounds in (True, False):
            assert names.region_words.__wrapped__(text, compounds=compounds) == _region_words_whole(
                text, compounds
            )


def test_stamp_names_are_answered_without_splitting_names_without_date_or_time() -> None:
    assert pagetype._names_a_stamp_pair("entry-date", "")
    assert pagetype._names_a_stamp_pair("post", "Time-Stamp")
    assert not pagetype._names_a_stamp_pair("post-body", "main")
    pieces = ["da", "te", "ti", "me", "-", " ", "up", "x", "Date", *_TRICKY]
    for text in _texts(pieces, 2000, 4, longest=8):
        assert pagetype._names_a_stamp_pair(text, "") == pagetype._names_a_stamp.__wrapped__(text + " ")


def test_wall_sentence_found_without_lowering_the_page() -> None:
    page = "Intro. " + "word " * 100 + "Subscribe now to CONTINUE reading. " + "\u4e2d" * 50
    assert pagetype._page_may_hold_wall_sentence(page)
    assert not pagetype._page_may_hold_wall_sentence("Subscribe to our newsletter. " * 20)
    pieces = [
        "subscribe now to continue reading",
        "SUBSCRIBERS ONLY",
        "Nur f\u00fcr Abonnenten",
        "Il vous reste 45 % de cet article",
        "subscri",
        "x" * 60,
        " ",
        *_TRICKY,
    ]
    for text in _texts(pieces, 1500, 5):
        assert pagetype._page_may_hold_wall_sentence(text) == pagetype._may_hold_wall_sentence(text.lower())


def test_entry_date_test_reads_the_start_of_a_long_entry() -> None:
    long_entry = parse_html(
        "<html><body><div><span>Mar 3, 2021</span> " + "<p>reply text</p>" * 400 + "</div></body></html>"
    ).find(".//div")
    assert pagetype._has_timestamp_text(long_entry)
    late = parse_html(
        "<html><body><div>" + "<p>reply text</p>" * 400 + "Mar 3, 2021</div></body></html>"
    ).find(".//div")
    assert not pagetype._has_timestamp_text(late)  # the date is not at the start
    for text in _texts(
        ["0", "12", ":", ".", "/", "-", " ", "Jan", "SEPT", "hours", "AGO", *_TRICKY], 2000, 6
    ):
        assert (pagetype._DATE_TEXT_LOWER.search(text.lower()) is not None) == (
            pagetype._DATE_TEXT.search(text) is not None
        ) or not text.isascii()
    rng = random.Random(7)
    for _ in range(2000):
        raw = "".join(rng.choice(["a", "bb", " ", "\n", "\u00a0"]) for _ in range(rng.randint(0, 60)))
        cut = rng.randint(0, len(raw))
        assert collapse_ws(raw).startswith(collapse_ws(raw[:cut]))  # why a prefix is enough


def test_section_words_of_ascii_and_other_names() -> None:
    assert sections._section_words("comments-area ")
    assert not sections._section_words("comment-count ")
    pieces = ["comment", "COMMENT", "-", "count", "link", "meta", "Disqus", "reply", " ", "x", *_TRICKY]
    for text in _texts(pieces, 2000, 8):
        slow = bool(sections._SECTION_CONTAINER.search(text)) and not sections._NOT_SECTION.search(text)
        assert sections._section_words.__wrapped__(text) == slow


def test_consent_opening_of_ascii_and_other_texts() -> None:
    assert prune._consent_opening("We use COOKIES to improve your experience. Accept all?")
    assert not prune._consent_opening("A recipe for cookies with chocolate.")
    pieces = ["cookies", "Cookie", " and our ", "PARTNERS", "privacy", "x" * 40, "\n", *_TRICKY]
    for text in _texts(pieces, 2000, 9):
        opening = " ".join(text[:1500].split())[:500]
        assert prune._consent_opening(text) == bool(prune._CONSENT_TEXT.search(opening))


def test_headline_comparison_shortcut() -> None:
    headline = emit._norm("Why Gardens Spread")
    assert emit._same_norm("why gardens spread!", headline)
    assert not emit._same_norm("Another paragraph", headline)
    for text in _texts(["a", "W", "_", " ", ".", "\u00a0", "1", *_TRICKY], 2000, 10, longest=6):
        for other in ("w", "why", "_x", "1a", "\u00e9t\u00e9", "ss"):
            assert emit._same_norm(text, other) == (emit._norm(text) == other) if text else True


def test_noscript_defusing_skips_only_fallbacks_without_raw_text_tags() -> None:
    page = "<noscript><img src=a.png></noscript><noscript><IFRAME src=x></noscript>"
    assert (
        _NOSCRIPT.sub(_defuse_raw_text, page) == "<noscript><img src=a.png></noscript><noscript></noscript>"
    )
    dotless = "<noscript><\u0131frame src=x></noscript>"  # IGNORECASE reads it as <iframe>
    assert _NOSCRIPT.sub(_defuse_raw_text, dotless) == "<noscript></noscript>"


def test_declared_count_skips_digitless_subtrees_and_searched_sections() -> None:
    tree = parse_html(
        "<html><body><div><p>No numbers here <span>at all</span></p></div>"
        "<section id='c'><h3>12 Comments</h3></section>"
        "<div><a href='#comments' class='comments-link'>7</a></div></body></html>"
    )
    section = tree.find(".//section")
    assert declared_comment_count(tree) == 12
    assert declared_comment_count(tree, read=[section]) == 7  # the section was read already
    assert declared_comment_count([section]) == 12
    inner = section.find("h3")
    assert declared_comment_count(inner, read=[section]) is None  # inside a section read already
