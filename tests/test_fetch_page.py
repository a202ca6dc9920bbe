"""The fetch layer's shared pieces: the one capped gunzip and the sniffing of binary bodies."""

from __future__ import annotations

import gzip
import random
import tracemalloc
import zlib

import pytest
from _server import gzip_bomb, page

from extractor import extract_article
from extractor.fetch import DecodeError, TooLarge, binary_reason, gunzip_capped
from extractor.fetch.page import CHUNK, Inflater

MB = 1024 * 1024

# ---------------------------------------------------------------- gunzip


def test_gunzip_undoes_gzip_and_leaves_other_bytes_alone() -> None:
    body = page("Plain") * 50
    assert gunzip_capped(gzip.compress(body)) == body
    assert gunzip_capped(body) is body
    # Concatenated members (as gzip.decompress reads them) and NUL padding after the last one.
    assert gunzip_capped(gzip.compress(body) + gzip.compress(b"tail") + b"\0" * 16) == body + b"tail"


def test_gunzip_output_is_exact_at_chunk_boundaries() -> None:
    # Long runs of one byte end in deflate matches that zlib may still hold when the input is used up.
    for size in (CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 40 * CHUNK):
        data = b"\0" * size + b"end"
        assert gunzip_capped(gzip.compress(data, 9), 64 * MB) == data


def test_gunzip_bomb_stops_at_the_cap_without_expanding() -> None:
    bomb = gzip_bomb(200 * MB)  # ~200 KB, 200 MB decoded
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as info:
            gunzip_capped(bomb, 4 * MB, "bomb.html.gz")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.url == "bomb.html.gz"
    assert "4194304 byte cap" in info.value.reason
    assert peak < 4 * MB + len(bomb) + 4 * CHUNK  # the cap, the input, a few chunks: never the 200 MB


def test_gunzip_of_exactly_the_cap_is_allowed() -> None:
    assert len(gunzip_capped(gzip.compress(b"a" * MB), MB)) == MB
    with pytest.raises(TooLarge):
        gunzip_capped(gzip.compress(b"a" * (MB + 1)), MB)


@pytest.mark.parametrize(
    "data",
    [
        gzip.compress(page("Cut") * 20)[:60],  # cut short
        b"\x1f\x8b\x08\x00garbage that is not deflate",
        gzip.compress(page("Crc"))[:-8] + b"\0\0\0\0" + gzip.compress(page("Crc"))[-4:],  # bad CRC
    ],
    ids=["cut", "not-deflate", "bad-crc"],
)
def test_corrupt_or_cut_gzip_is_a_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError):
        gunzip_capped(data)


def test_inflater_pieces_never_pass_a_chunk() -> None:
    inflater = Inflater("gzip")
    bomb = gzip_bomb(8 * MB)
    sizes = [len(p) for i in range(0, len(bomb), 1000) for p in inflater.feed(bomb[i : i + 1000])]
    assert max(sizes) <= CHUNK
    assert sum(sizes) == 8 * MB
    assert inflater.finished
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    deflated = raw.compress(b"raw deflate") + raw.flush()
    assert b"".join(Inflater("deflate").feed(deflated)) == b"raw deflate"


# ---------------------------------------------------------------- sniffing

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


def _random_bytes(n: int, seed: int = 16) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (PNG, "PNG"),
        (PDF, "PDF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"\x00\x00\x00\x18ftypmp42", "MP4"),
        (gzip.compress(b"<html>twice</html>"), "gzip"),  # gzip inside gzip: undone once, still not a page
        (_random_bytes(8192), "control characters"),
        (_random_bytes(300, seed=3), "control characters"),
        (b"\x7fELF\x02\x01\x01" + _random_bytes(500), "ELF"),
    ],
    ids=["png", "pdf", "jpeg", "zip", "webp", "mp4", "gzip-in-gzip", "random-8k", "random-300", "elf"],
)
def test_binary_bodies_are_named(body: bytes, why: str) -> None:
    reason = binary_reason(body)
    assert reason is not None
    assert why in reason


HTML = (
    "<!doctype html><html><head><meta charset='{charset}'><title>東京で会議</title></head>"
    "<body><article><h1>東京で会議</h1><p>市議会は火曜日に会合を開き、長い議論の末に橋の建設を"
    "七対六で可決した。</p><p>The council met on Tuesday; the vote was close: seven to six.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("charset", "codec"),
    [
        ("utf-8", "utf-8"),
        ("utf-8", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with a byte order mark
        ("utf-16le", "utf-16-le"),  # without one
        ("utf-16be", "utf-16-be"),
        ("utf-32", "utf-32"),
        ("shift_jis", "shift_jis"),
        ("euc-jp", "euc-jp"),
        ("iso-2022-jp", "iso-2022-jp"),  # ESC sequences are text here
        ("gb18030", "gb18030"),
    ],
)
def test_text_in_any_encoding_is_not_binary_and_still_extracts(charset: str, codec: str) -> None:
    body = HTML.format(charset=charset).encode(codec)
    assert binary_reason(body) is None
    article = extract_article(body)
    assert article.headline == "東京で会議"
    assert "seven to six" in article.body


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "euc-kr", "big5", "latin-1"])
def test_legacy_single_and_double_byte_text_is_not_binary(codec: str) -> None:
    words = {
        "cp1251": "Привет мир",
        "koi8-r": "Привет мир",
        "euc-kr": "안녕하세요",
        "big5": "臺北市",
        "latin-1": "Ça été",
    }
    body = (f"<html><body><p>{words[codec]} " * 400 + "</p></body></html>").encode(codec)
    assert binary_reason(body) is None


def test_empty_and_plain_text_are_not_binary() -> None:
    assert binary_reason(b"") is None
    assert binary_reason(b"just some words\r\n\tand a tab\x0c") is None


def test_deflate_arriving_one_byte_at_a_time() -> None:
    """Found by the fuzzing harness: zlib-wrapped or raw deflate is told by the first two
    bytes, and a first piece of one byte was judged raw (zlib.error on a good body)."""
    body = b"<p>hello</p>" * 50
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    for packed in (zlib.compress(body), zlib.compress(b""), raw.compress(body) + raw.flush()):
        inflater = Inflater("deflate")
        out = b"".join(piece for i in range(len(packed)) for piece in inflater.feed(packed[i : i + 1]))
        assert out == zlib.decompress(packed, -zlib.MAX_WBITS if packed[:1] != b"x" else zlib.MAX_WBITS)
        assert inflater.finished


def test_utf16_text_whose_characters_end_in_a_nul_byte_is_text() -> None:
    """Found by the fuzzing harness: U+0100, U+3000, U+4E00... put a NUL on the other side of
    the code unit; a few of them made a BOM-less UTF-16 page 'binary data' (NotHTML), a page
    the decoder reads."""
    for text in ("ĀĀĀĀĀ", "一\u3000二\u3000三\u3000" * 3):
        html = f"<!DOCTYPE html><html><head><title></title></head><body><p>{text}</p></body></html>"
        for codec in ("utf-16-le", "utf-16-be"):
            assert binary_reason(html.encode(codec)) is None, (text, codec)
