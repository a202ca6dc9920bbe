"""Shared pieces of the fuzzing harness (tests/test_fuzz_*.py): budgets, seeds, mutators.

Why hypothesis and not a coverage-guided fuzzer: it runs inside the ordinary pytest run
(so CI needs nothing more than ``pip install -e '.[test]'``), it shrinks a failing input to
a small one that becomes a plain regression test, and its strategies can build structured
input (tag soup, JSON-LD, meta tags) that byte-level mutation rarely reaches.

Budgets. In CI every target runs a fixed number of examples, derandomized (the same inputs
every run, so a red build is reproducible and "found nothing" means something fixed) and
without an example database; the whole harness takes about half a minute on the 2-core
development machine. To fuzz longer, set ``EXTRACTOR_FUZZ_SCALE``: every target's budget is
multiplied by it and the inputs are random (new ones each run, failures kept in
``.hypothesis/`` and replayed first next time)::

    EXTRACTOR_FUZZ_SCALE=50 python -m pytest -q -p no:cacheprovider tests/test_fuzz_*.py

Seeds are hand-written pages and feeds under ``tests/fuzz_seeds/`` (see its README): real
shapes of markup, none copied from a real site.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SEEDS = Path(__file__).parent / "fuzz_seeds"

_SCALE_ENV = "EXTRACTOR_FUZZ_SCALE"

F = TypeVar("F", bound=Callable[..., object])


def scale() -> float:
    """The multiplier of every CI budget (1 unless ``EXTRACTOR_FUZZ_SCALE`` is set)."""
    raw = os.environ.get(_SCALE_ENV, "").strip()
    return float(raw) if raw else 1.0


def budget(ci_examples: int) -> Callable[[F], F]:
    """Hypothesis settings for one target: ``ci_examples`` derandomized examples in CI,
    ``ci_examples * EXTRACTOR_FUZZ_SCALE`` random ones when fuzzing longer."""
    long_run = bool(os.environ.get(_SCALE_ENV, "").strip())
    return settings(
        max_examples=max(1, int(ci_examples * scale())),
        deadline=None,  # a slow example is not a failure here (time is measured in benchmarks/)
        derandomize=not long_run,
        database=settings.default.database if long_run else None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
        print_blob=True,
    )


def seed_files(kind: str) -> list[bytes]:
    """The bytes of every seed of one kind (``html`` or ``xml``), in name order."""
    return [path.read_bytes() for path in sorted((SEEDS / kind).iterdir()) if path.is_file()]


# Byte strings worth splicing into markup: the edges where parsers and decoders disagree.
# fmt: off
MARKUP_TOKENS: tuple[bytes, ...] = (
    b"<", b">", b"</", b"/>", b"<!", b"<?", b"?>", b"<!--", b"-->", b"--!>", b"<![CDATA[", b"]]>",
    b"</body>", b"</html>", b"<body>", b"<html>", b"<head>", b"</head>", b"<div>", b"</div>", b"<p>",
    b"</p>", b"<li>", b"<ul>", b"<table>", b"<tr><td>", b"<article>", b'<section class="comments">',
    b'<div class="comment" data-id="1" data-parent-id="2">', b'<time datetime="', b"<time>", b"<script>",
    b"</script>", b'<script type="application/ld+json">', b"<style>", b"<textarea>", b"<title>",
    b"<plaintext>", b"<template>", b"<svg>", b"<math>", b"<noscript>", b"<iframe>", b"<select>", b"<form>",
    b"<frameset>", b'<meta charset="utf-16">', b'<meta charset="x-user-defined">',
    b'<meta charset="shift_jis">', b"<meta charset=utf-7>",
    b'<meta http-equiv="refresh" content="0;url=http://[x">',
    b'<meta property="article:author" content="http://[x/a/b">',
    b'<meta property="og:url" content="http://h:99999/">', b'<meta name="date" content="9999-99-99">',
    b'<link rel="canonical" href="//[::1">', b'<a href="http://[x">', b'<img src="http://h:-1/x.png">',
    b'<base href="http://[x/">', b" hidden ", b' style="display:none"', b' class="byline"',
    b' class="author"', b" itemscope ", b' itemprop="author"', b' itemtype="https://schema.org/Person"',
    b"&", b"&#", b"&#0;", b"&#x110000;", b"&#xD800;", b"&#99999999999;", b"&amp", b"&nbsp;", b"&lt;",
    b"\x00", b"\x01", b"\x0b", b"\x1b$B", b"\r", b"\r\n", b"\n", b"\t", b'"', b"'", b"=", b"`",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\xc3\xa9", b"\xe2\x80", b"\xe2\x80\xa8",
    b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xff", b"\x1f\x8b", b"{", b"}", b"[", b"]", b'":',
    b"null", b"1e999", b"-0", b'"@type":"Person"', b'"@graph":[', b"2024-02-30T25:61:00+99:00",
    b"0000-00-00", b"yesterday", b"3 hours ago", b"vor 2 Tagen", b"=HYPERLINK(", b"@SUM(", b"+1", b"-1",
)
# fmt: on


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes], tokens: tuple[bytes, ...] = MARKUP_TOKENS) -> bytes:
    """One seed changed by a few byte-level edits, AFL-style: delete, duplicate, repeat, splice
    (a slice of another seed), insert a token, flip a byte, truncate. Repeating a slice
    hundreds of times is what turns ``<div>`` into deep nesting and a comment into a long list."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(("delete", "duplicate", "repeat", "splice", "token", "byte", "truncate")))
        pos = draw(st.integers(0, len(data)))
        if op == "delete":
            del data[pos : pos + draw(st.integers(1, 256))]
        elif op == "duplicate":
            data[pos:pos] = data[pos : pos + draw(st.integers(1, 512))]
        elif op == "repeat":
            piece = bytes(data[pos : pos + draw(st.integers(1, 48))])
            data[pos:pos] = piece * draw(st.integers(2, 600))
        elif op == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[pos:pos] = other[start : start + draw(st.integers(1, 1024))]
        elif op == "token":
            data[pos:pos] = draw(st.sampled_from(tokens))
        elif op == "byte" and pos < len(data):
            data[pos] = draw(st.integers(0, 255))
        elif op == "truncate":
            del data[pos:]
    return bytes(data)


# URLs as pages write them when something went wrong: each one has broken a URL parser somewhere.
# fmt: off
MALFORMED_URLS: tuple[str, ...] = (
    "http://[x", "http://[x/authors/jane-doe", "https://[::1", "http://[::1]:99999/", "http://h:99999/",
    "http://h:-1/", "http://h:1e3/", "http://h:0x50/", "https://h:65536/a", "http://h:/", "http://:80/",
    "//[x", "//h:99999", "http:///path", "http://", "https:", "http:/x", "javascript:alert(1)", "mailto:",
    "data:text/html,<p>x</p>", "file:///etc/passwd", "http://ex ample.com/a b", "http://a@b@c/",
    "http://%zz/", "http://h/%", "http://h/\x00", "http://h/\ud800", "http://xn--/",
    "http://h\u3002example/", "http://ⓔⓧⓐⓜⓟⓛⓔ.com/", "http://h/?q=\r\nSet-Cookie:x", "\\\\server\\share",
    "http:\\\\h\\a", "  ", "http://h/" + "a/" * 300, "https://news.example/authors/" + "x-" * 200, "?", "#",
    "#c5", "/user/ann",
)
# fmt: on


def malformed_urls() -> st.SearchStrategy[str]:
    """Known-bad URLs, relative ones, and arbitrary text that happens to start like a URL."""
    return st.one_of(
        st.sampled_from(MALFORMED_URLS),
        st.builds(
            lambda scheme, rest: scheme + rest,
            st.sampled_from(("http://", "https://", "//", "")),
            st.text(max_size=40),
        ),
    )


# Date strings that a page or feed may carry: valid, invalid, relative, extreme.
# fmt: off
ODD_DATES: tuple[str, ...] = (
    "2024-03-12T09:30:00+01:00", "2024-03-12", "2024-03", "2024", "0000", "0000-00-00", "2024-13",
    "2024-00", "2024-02-30", "2024-02-30T25:61:61Z", "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+14:00", "10000-01-01", "-2024-01-01", "2024-03-12T09:30:00+99:99",
    "2024-03-12T09:30:00.123456789Z", "1710235800", "1710235800000", "99999999999999999999", "1e20", "NaN",
    "Infinity", "-0", "Tue, 12 Mar 2024 09:30:00 GMT", "Tue, 32 Mar 2024 09:30:00 +0100",
    "Mon, 01 Jan 0001 00:00:00 -2359", "12.03.2024", "32.13.2024", "3/12/24", "yesterday", "3 hours ago",
    "in 100000 days", "100000 years ago", "vor 2 Tagen", "il y a 3 jours", "2 дня назад", "昨天",
    "2024年4月1日 10時30分", "", " ", "T", "Z",
)
# fmt: on


def odd_dates() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(ODD_DATES), st.text(alphabet="0123456789-:TZ+ ./", max_size=30))
