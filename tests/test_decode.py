"""Tests for extractor.core.decode: every page here is text written for these tests, encoded."""

from __future__ import annotations

import codecs
import random

import pytest

from extractor.core import decode
from extractor.core.decode import codecs_for_label, decode_html

FRENCH = (
    "Le garçon était très fâché contre sa cousine aînée. « Ça suffit ! » a-t-elle répondu, "
    "avant de partir à la fête du village où l'on mangeait des crêpes et du gâteau. "
    "Les élèves préféraient déjà les châteaux de la Loire à la forêt."
)
GERMAN = (
    "Über die Straße gehen Müller und Schäfer. Die Größe der Häuser ist außergewöhnlich, "
    "und die Bürger sind fröhlich. Später öffnet die Bäckerei, süße Brötchen für alle."
)
JAPANESE = (
    "すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。"
    "人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。"
)
CHINESE = (
    "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"
    "今天的天气很好，我们一起去公园散步，看看湖边的花和树，然后在茶馆里喝茶聊天。"
)
RUSSIAN = "Все люди рождаются свободными и равными в своем достоинстве и правах."


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>Test page</title></head>\n"
        f"<body><article><p>{body}</p></article></body></html>\n"
    )


def meta(charset: str) -> str:
    return f'<meta charset="{charset}">'


def http_equiv(charset: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'


# --- UTF-8 and BOMs --------------------------------------------------------------------------


def test_utf8_declared() -> None:
    html = page(FRENCH + " Emoji: 🎉", head=meta("utf-8"))
    text, encoding = decode_html(html.encode("utf-8"))
    assert (text, encoding) == (html, "utf-8")


def test_utf8_undeclared() -> None:
    html = page(GERMAN + " " + JAPANESE)
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


def test_utf8_bom_is_stripped() -> None:
    html = page(FRENCH)
    text, encoding = decode_html(codecs.BOM_UTF8 + html.encode("utf-8"))
    assert (text, encoding) == (html, "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    html = page(GERMAN + " " + CHINESE, head=meta("utf-16"))
    text, encoding = decode_html(bom + html.encode(codec))
    assert (text, encoding) == (html, codec)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_utf32_with_bom(bom: bytes, codec: str) -> None:
    html = page(FRENCH)
    assert decode_html(bom + html.encode(codec)) == (html, codec)


def test_bom_outranks_header() -> None:
    html = page(FRENCH)
    data = codecs.BOM_UTF8 + html.encode("utf-8")
    assert decode_html(data, "text/html; charset=ISO-8859-1") == (html, "utf-8")


def test_utf16_without_bom_is_sniffed() -> None:
    html = page(GERMAN)
    assert decode_html(html.encode("utf-16-le")) == (html, "utf-16-le")
    assert decode_html(html.encode("utf-16-be")) == (html, "utf-16-be")


def test_meta_utf16_on_ascii_compatible_bytes_is_ignored() -> None:
    html = page(GERMAN, head=meta("utf-16"))
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


# --- declared legacy charsets ------------------------------------------------------------------


def test_windows_1252_declared_in_meta() -> None:
    html = page("“Quoted,” she said — it cost 5 € (déjà vu).", head=http_equiv("windows-1252"))
    data = html.encode("cp1252")
    assert b"\x93" in data
    assert b"\x94" in data
    assert b"\x80" in data
    text, encoding = decode_html(data)
    assert encoding == "cp1252"
    assert "“Quoted,” she said" in text
    assert "5 €" in text


def test_iso_8859_1_label_is_read_as_windows_1252() -> None:
    html = page("“Curly” quotes and ‘single’ ones, 10 €.", head=meta("ISO-8859-1"))
    text, encoding = decode_html(html.encode("cp1252"))
    assert (text, encoding) == (html, "cp1252")


def test_windows_1252_undefined_bytes_map_to_c1_controls() -> None:
    data = page("caf\x81é", head=meta("latin1")).encode("latin-1")
    text, encoding = decode_html(data)
    assert encoding == "cp1252"
    assert "caf\x81é" in text


def test_shift_jis_declared() -> None:
    html = page(JAPANESE, head=meta("Shift_JIS"))
    text, encoding = decode_html(html.encode("cp932"))
    assert (text, encoding) == (html, "cp932")


def test_shift_jis_is_read_as_windows_31j() -> None:
    # 0x8160 is WAVE DASH in JIS but FULLWIDTH TILDE in windows-31j, as browsers show it.
    data = page("x", head=meta("shift_jis")).encode("ascii").replace(b">x<", b">\x81\x60<")
    text, encoding = decode_html(data)
    assert encoding == "cp932"
    assert ">\uff5e<" in text


def test_x_sjis_label() -> None:
    html = page(JAPANESE, head=http_equiv("x-sjis"))
    assert decode_html(html.encode("shift_jis")) == (html, "cp932")


def test_gbk_declared() -> None:
    html = page(CHINESE, head=meta("gbk"))
    assert decode_html(html.encode("gbk")) == (html, "gb18030")


def test_gb2312_label_reads_gbk_only_characters() -> None:
    # 镕 and 喆 are in GBK but not in GB2312; browsers read GB2312 pages as GBK.
    html = page(CHINESE + "朱镕基，张喆。", head=meta("gb2312"))
    assert decode_html(html.encode("gbk")) == (html, "gb18030")


def test_http_header_charset() -> None:
    html = page(RUSSIAN)
    assert decode_html(html.encode("cp1251"), 'text/html; charset="windows-1251"') == (html, "cp1251")


def test_header_wins_over_meta_when_it_decodes_cleanly() -> None:
    html = page(RUSSIAN, head=meta("iso-8859-1"))
    text, encoding = decode_html(html.encode("cp1251"), "text/html; charset=windows-1251")
    assert (text, encoding) == (html, "cp1251")


def test_meta_wins_when_header_decode_fails() -> None:
    html = page("“Smart” quotes — and é, ü, ß.", head=meta("windows-1252"))
    text, encoding = decode_html(html.encode("cp1252"), "text/html; charset=utf-8")
    assert (text, encoding) == (html, "cp1252")


def test_first_meta_that_decodes_wins() -> None:
    html = page(JAPANESE, head=meta("utf-8") + http_equiv("shift_jis"))
    assert decode_html(html.encode("cp932")) == (html, "cp932")


def test_unknown_labels_are_skipped() -> None:
    html = page(FRENCH, head=meta("klingon-8") + meta("base64"))
    assert decode_html(html.encode("utf-8"), "text/html; charset=rot13") == (html, "utf-8")


def test_meta_inside_comment_is_ignored() -> None:
    html = page(FRENCH, head="<!-- " + meta("shift_jis") + " -->")
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


def test_meta_after_a_long_head_is_found() -> None:
    script = "<script>var x = '" + "a" * 6000 + "';</script>"
    html = page(GERMAN, head=script + meta("iso-8859-15"))
    assert decode_html(html.encode("iso8859-15")) == (html, "iso8859-15")


def test_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="windows-1251"?>\n' + page(RUSSIAN)
    assert decode_html(html.encode("cp1251")) == (html, "cp1251")


# --- declarations contradicted by the bytes ------------------------------------------------------


def test_meta_iso_8859_1_but_bytes_are_utf8() -> None:
    html = page(FRENCH, head=http_equiv("iso-8859-1"))
    text, encoding = decode_html(html.encode("utf-8"))
    assert (text, encoding) == (html, "utf-8")
    assert "Ã©" not in text


def test_header_latin1_but_bytes_are_utf8() -> None:
    html = page(GERMAN)
    assert decode_html(html.encode("utf-8"), "text/html; charset=ISO-8859-1") == (html, "utf-8")


def test_ascii_bytes_keep_their_declared_charset() -> None:
    html = page("Plain ASCII text only.", head=meta("iso-8859-1"))
    assert decode_html(html.encode("ascii")) == (html, "cp1252")


def test_shift_jis_declared_but_bytes_are_utf8() -> None:
    html = page(JAPANESE, head=meta("shift_jis"))
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


def test_utf8_with_stray_windows_1252_bytes() -> None:
    data = page("Zoë’s café — ünïcödé").encode("utf-8") + b"<p>Acme\x99 and \x93more\x94</p>"
    text, encoding = decode_html(data, "text/html; charset=utf-8")
    assert encoding == "utf-8"
    assert "Zoë’s café — ünïcödé" in text
    assert "Acme™ and “more”" in text


def test_encoded_replacement_characters_are_kept() -> None:
    html = page("Already lossy: \ufffd here.", head=meta("utf-8"))
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


# --- detection -----------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [FRENCH, GERMAN, FRENCH + " " + GERMAN])
def test_latin1_without_declaration(body: str) -> None:
    html = page(body)
    text, encoding = decode_html(html.encode("latin-1"))
    assert text == html
    assert encoding == "cp1252"


def test_gbk_without_declaration() -> None:
    html = page(CHINESE * 3)
    text, encoding = decode_html(html.encode("gbk"))
    assert text == html
    assert encoding == "gb18030"


def test_shift_jis_without_declaration() -> None:
    html = page(JAPANESE * 3)
    text, encoding = decode_html(html.encode("cp932"))
    assert text == html
    assert encoding == "cp932"


def test_iso_2022_jp_without_declaration() -> None:
    html = page(JAPANESE)
    assert decode_html(html.encode("iso2022_jp")) == (html, "iso2022_jp")


def test_valid_utf8_skips_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(sample: bytes) -> list[str]:
        raise AssertionError("detector ran on valid UTF-8")

    monkeypatch.setattr(decode, "_detector_labels", explode)
    html = page((FRENCH + JAPANESE) * 2000)
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")


def test_detection_sample_is_bounded_and_markup_free() -> None:
    data = page((GERMAN + "<br>\n") * 5000, head="<script>var s = 'ß';</script>").encode("latin-1")
    sample = decode._detection_sample(data)
    assert 0 < len(sample) <= 65536
    assert b"<" not in sample
    assert b"var s" not in sample


# --- degenerate input ------------------------------------------------------------------------------


def test_empty_bytes() -> None:
    assert decode_html(b"") == ("", "utf-8")
    assert decode_html(b"", "text/html; charset=iso-8859-1") == ("", "cp1252")


@pytest.mark.parametrize("seed", range(8))
def test_random_binary_never_raises(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    text, encoding = decode_html(data, "text/html; charset=utf-8")
    assert isinstance(text, str)
    assert text
    assert codecs.lookup(encoding)


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe\x00\xd8", b"\xef\xbb\xbf\xff\xfe", b"\x00" * 100, b"<meta charset=utf-16>\x00\x00<p>"],
)
def test_broken_boms_and_nuls_never_raise(data: bytes) -> None:
    text, _encoding = decode_html(data)
    assert isinstance(text, str)


def test_str_input_is_returned_as_is() -> None:
    html = page(FRENCH)
    assert decode_html(html) == (html, "unicode")
    assert decode_html("\ufeff" + html) == (html, "unicode")


# --- label table -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ISO-8859-1", ("cp1252",)),
        ("us-ascii", ("cp1252",)),
        ("latin1", ("cp1252",)),
        (" 'UTF8' ", ("utf-8",)),
        ("gb2312", ("gb18030",)),
        ("Shift_JIS", ("cp932", "shift_jis")),
        ("windows-31j", ("cp932",)),
        ("euc-kr", ("cp949",)),
        ("iso-8859-9", ("cp1254",)),
        ("x-mac-cyrillic", ("mac-cyrillic",)),
        ("utf-7", ()),
        ("hz-gb-2312", ()),
        ("x-user-defined", ()),
        ("", ()),
    ],
)
def test_codecs_for_label(label: str, expected: tuple[str, ...]) -> None:
    assert codecs_for_label(label) == expected


def test_every_planned_codec_exists() -> None:
    planned = {c for plan in decode._CODEC_PLAN.values() for c in plan}
    for codec in planned | decode._PLAIN_CODECS | set(decode._LABEL_ALIASES.values()):
        assert codecs.lookup(codec).name


def test_declared_charset_survives_a_corrupt_byte() -> None:
    good = page(JAPANESE, head=meta("Shift_JIS")).encode("cp932")
    data = good.replace("自由".encode("cp932"), b"\x81\x7f")  # 0x817F is not a character
    text, encoding = decode_html(data)
    assert encoding == "cp932"
    assert text.count("\ufffd") == 1
    assert "すべての人間は" in text
    assert "理性と良心" in text


def test_latin1_meta_on_mostly_utf8_bytes_with_strays() -> None:
    data = page(FRENCH, head=meta("iso-8859-1")).encode("utf-8").replace(b"</p>", b" \x93ok\x94</p>")
    text, encoding = decode_html(data)
    assert encoding == "utf-8"
    assert FRENCH + " “ok”" in text


def test_windows_1252_text_with_one_utf8_lookalike_stays_windows_1252() -> None:
    # "É”" is C9 94 in windows-1252, which happens to be a valid UTF-8 pair.
    html = page("« CAFÉ” » " + FRENCH, head=meta("windows-1252"))
    assert decode_html(html.encode("cp1252")) == (html, "cp1252")


def test_header_utf16_without_bom_follows_the_nul_pattern() -> None:
    html = page(GERMAN)
    data = html.encode("utf-16-be")
    assert decode_html(data, "text/html; charset=utf-16") == (html, "utf-16-be")
    assert decode_html(data, "text/html; charset=utf-16le") == (html, "utf-16-be")


def test_a_label_with_a_nul_is_an_unknown_label() -> None:
    """Found by the fuzzing harness: codecs.lookup raises ValueError, not LookupError, on a NUL."""
    assert codecs_for_label("\x00") == ()
    assert codecs_for_label("utf-8\x00") == ()


def test_every_leading_bom_is_dropped() -> None:
    """Found by the fuzzing harness: a page built from several files saved with a BOM (PHP
    includes) starts with several; only the first was dropped and U+FEFF led the text."""
    html = page(FRENCH)
    assert decode_html(codecs.BOM_UTF8 * 3 + html.encode("utf-8")) == (html, "utf-8")
    assert decode_html(codecs.BOM_UTF16_LE * 3 + html.encode("utf-16-le")) == (html, "utf-16-le")
    assert decode_html("\ufeff\ufeff" + html) == (html, "unicode")


def test_double_encoded_utf8_is_repaired() -> None:
    """A CMS that reads its UTF-8 as Latin-1 and writes UTF-8 again serves 'â\\x80\\x99' for U+2019."""
    text = "Doctors’ Day: “Caution is warranted” – São Paulo"
    twice = text.encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode_html(f"<p>{twice.decode('utf-8')}</p>".encode())[0] == f"<p>{text}</p>"


@pytest.mark.parametrize("text", ["São Paulo, Ãle, tête-à-tête", "Â is a letter; so is Ã©"])
def test_latin_letters_without_c1_evidence_stay(text: str) -> None:
    """Without a C1 control character there is no sign of double encoding: 'Ã©' stays."""
    assert decode_html(text.encode("utf-8"))[0] == text
