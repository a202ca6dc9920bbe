"""Fuzzing the byte-level readers: decode_html, the one capped gunzip, the binary sniff.

Each must take any bytes: decode_html never raises and returns text an lxml tree and a UTF-8
file can hold; gunzip_capped returns bytes or raises its two typed errors (TooLarge,
DecodeError); binary_reason and looks_like_html answer for any bytes and never call text in
any encoding binary. Round trips pin the answers where the right one is known.
Budgets and the long-run switch: tests/_fuzz.py.
"""

from __future__ import annotations

import codecs
import gzip
import zlib

import pytest
from _fuzz import budget, mutated, seed_files
from hypothesis import assume, given
from hypothesis import strategies as st

from extractor.core.decode import codecs_for_label, decode_html
from extractor.fetch.page import (
    CHUNK,
    DecodeError,
    Inflater,
    TooLarge,
    binary_reason,
    gunzip_capped,
    looks_like_html,
)

HTML_SEEDS = seed_files("html")

# fmt: off
_LABELS = (
    "utf-8", "UTF8", "utf-16", "utf-16le", "utf-16be", "utf-32", "unicode", "ucs-2", "iso-8859-1", "latin1",
    "windows-1252", "cp1251", "koi8-r", "shift_jis", "x-sjis", "euc-jp", "iso-2022-jp", "gb2312", "gbk",
    "gb18030", "big5", "euc-kr", "x-user-defined", "utf-7", "base64", "rot13", "hz", "idna", "punycode",
    "undefined", "mbcs", "unicode-escape", "raw_unicode_escape", "utf_8_sig", "cp65001", "", '"utf-8"', "'",
    "utf-8;", "utf-8,latin1", "x", "..", "-", ":", "_",
)
# fmt: on
_content_types = st.one_of(
    st.none(),
    st.sampled_from(_LABELS).map(lambda label: f"text/html; charset={label}"),
    st.text(max_size=40),
)
_any_bytes = st.one_of(st.binary(max_size=4096), mutated(HTML_SEEDS))


def _check_text(text: str, encoding: str) -> None:
    assert isinstance(text, str)
    assert isinstance(encoding, str)
    text.encode("utf-8")  # no lone surrogates: the text can be written out
    assert not text.startswith("\ufeff")
    assert encoding == "unicode" or codecs.lookup(encoding)


@budget(250)
@given(_any_bytes, _content_types)
def test_decode_any_bytes(data: bytes, content_type: str | None) -> None:
    _check_text(*decode_html(data, content_type))


@budget(100)
@given(st.sampled_from(_LABELS) | st.text(max_size=20), st.binary(max_size=512))
def test_declared_label_any_bytes(label: str, body: bytes) -> None:
    """Whatever a page declares, in its meta tag or in the header."""
    codecs_for_label(label)
    page = b'<html><head><meta charset="' + label.encode("utf-8", "surrogatepass") + b'"></head><body>' + body
    _check_text(*decode_html(page))
    _check_text(*decode_html(body, f"text/html; charset={label}"))


# Page text without NUL (an interleaved NUL pattern is how UTF-16 is sniffed), ESC (ISO-2022-JP)
# and C1 controls (U+0080-U+009F: no text has them; beside a Latin-1 lead character they are
# how double-encoded UTF-8 shows, which decoding repairs, see test_decode).
_page_text = st.text(
    st.characters(
        blacklist_characters="\x00\x1b" + "".join(map(chr, range(0x80, 0xA0))), blacklist_categories=("Cs",)
    ),
    max_size=300,
)


def _page(text: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


@budget(150)
@given(
    _page_text,
    st.sampled_from(
        ("", '<meta charset="utf-8">', '<meta charset="windows-1252">', '<meta charset="shift_jis">')
    ),
    st.booleans(),
)
def test_utf8_round_trip(text: str, head: str, bom: bool) -> None:
    """UTF-8 bytes read back as the text they encode: with a BOM, declared, or undeclared;
    a legacy declaration on bytes that are UTF-8 yields to UTF-8 (decode.py's docstring)."""
    assume(not text.startswith("\ufeff"))
    html = _page(text, head)
    data = (codecs.BOM_UTF8 if bom else b"") + html.encode("utf-8")
    if head and "utf-8" not in head and not bom:
        assume(len(data) - len(html) >= 16)  # enough multi-byte evidence to override a declaration
    assert decode_html(data) == (html, "utf-8")


@budget(100)
@given(_page_text, st.sampled_from(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")))
def test_wide_unicode_with_bom_round_trip(text: str, codec: str) -> None:
    assume(not text.startswith("\ufeff"))
    html = _page(text)
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    assert decode_html(bom + html.encode(codec)) == (html, codec)


# ---------------------------------------------------------------- the capped gunzip


@budget(150)
@given(st.one_of(st.binary(max_size=2048), st.binary(max_size=2048).map(lambda b: b"\x1f\x8b" + b)))
def test_gunzip_any_bytes(data: bytes) -> None:
    try:
        out = gunzip_capped(data, 1 << 20)
    except (TooLarge, DecodeError):
        return
    assert isinstance(out, bytes)


@budget(150)
@given(st.lists(st.binary(max_size=3000), min_size=1, max_size=3), st.integers(0, 64), st.integers(1, 9000))
def test_gunzip_round_trip_cap_and_cut(members: list[bytes], padding: int, cap: int) -> None:
    """Concatenated members and NUL padding read back whole; past the cap TooLarge; any cut
    inside the stream DecodeError, never a silently short page."""
    whole = b"".join(members)
    data = b"".join(gzip.compress(m, mtime=0) for m in members) + b"\x00" * padding
    assert gunzip_capped(data, len(whole)) == whole
    if cap < len(whole):
        with pytest.raises(TooLarge):
            gunzip_capped(data, cap)
    ends = {0}
    for m in members:
        ends.add(max(ends) + len(gzip.compress(m, mtime=0)))
    cut = cap % max(ends)
    if cut >= 2 and cut not in ends:  # a cut between members leaves whole members: gzip cannot tell
        with pytest.raises(DecodeError):
            gunzip_capped(data[:cut], len(whole))


@budget(100)
@given(
    st.binary(max_size=512),
    st.integers(1, 1000),
    st.sampled_from(("gzip", "deflate-zlib", "deflate-raw", "identity")),
    st.integers(1, 5000),
)
def test_inflater_round_trip_in_pieces(unit: bytes, repeat: int, how: str, step: int) -> None:
    """The decoder of HTTP bodies: any split of the stream gives the same bytes, in pieces
    no larger than CHUNK (what the callers' caps count on), also past several CHUNKs."""
    data = unit * repeat
    if how == "gzip":
        packed, encoding = gzip.compress(data, mtime=0), "gzip"
    elif how == "deflate-zlib":
        packed, encoding = zlib.compress(data), "deflate"
    elif how == "deflate-raw":
        raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        packed, encoding = raw.compress(data) + raw.flush(), "deflate"
    else:
        packed, encoding = data, "identity"
    inflater = Inflater(encoding)
    pieces = [p for start in range(0, len(packed), step) for p in inflater.feed(packed[start : start + step])]
    assert all(len(p) <= CHUNK for p in pieces)
    assert b"".join(pieces) == data
    assert inflater.finished


@budget(100)
@given(
    st.binary(max_size=2048),
    st.sampled_from(("gzip", "x-gzip", "deflate", "identity", "")),
    st.integers(1, 512),
)
def test_inflater_any_bytes(data: bytes, encoding: str, step: int) -> None:
    inflater = Inflater(encoding)
    try:
        for start in range(0, len(data), step):
            for piece in inflater.feed(data[start : start + step]):
                assert len(piece) <= CHUNK
    except zlib.error:
        pass


# ---------------------------------------------------------------- the binary sniff


@budget(200)
@given(_any_bytes)
def test_sniff_any_bytes(data: bytes) -> None:
    reason = binary_reason(data)
    assert reason is None or isinstance(reason, str)
    assert isinstance(looks_like_html(data), bool)


# Text a page can hold: no control characters (tab, LF, CR kept), no surrogates.
_visible_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), whitelist_characters="\t\n\r"), min_size=0, max_size=2000
)
# fmt: off
_TEXT_CODECS = (
    "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252", "cp1251", "cp932", "gb18030",
    "euc_kr", "big5", "iso2022_jp", "koi8-r",
)
# fmt: on


@budget(200)
@given(_visible_text, _visible_text, st.sampled_from(_TEXT_CODECS), st.booleans())
def test_sniff_never_calls_text_binary(title: str, body: str, codec: str, bom: bool) -> None:
    """A page in any encoding, with or without a byte order mark, whatever its script, is text
    (UTF-32 only with its mark: browsers do not read UTF-32 at all, and decode.py knows it
    by its mark or a declaration)."""
    html = _page(body, f"<title>{title}</title>")
    data = html.encode(codec, errors="ignore")
    if (bom or codec.startswith("utf-32")) and codec.startswith("utf"):
        data = {
            "utf-8": codecs.BOM_UTF8,
            "utf-16-le": codecs.BOM_UTF16_LE,
            "utf-16-be": codecs.BOM_UTF16_BE,
            "utf-32-le": codecs.BOM_UTF32_LE,
            "utf-32-be": codecs.BOM_UTF32_BE,
        }[codec] + data
    assert binary_reason(data) is None, (codec, data[:64])
