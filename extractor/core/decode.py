"""Bytes -> text, the way a browser would read the page, minus the browser's mistakes.

Candidates, in order; the first one that decodes cleanly wins:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. the ``charset`` of the HTTP ``Content-Type`` header;
3. ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` (or an XML declaration) near the
   top of the bytes;
4. detection: valid UTF-8 first (cheap, and by far the most common answer), then UTF-8 with
   a few stray single-byte characters, then charset-normalizer on a bounded sample of the
   page's text;
5. when nothing decodes cleanly, the first declared (else detected) charset with replacement
   characters, as browsers do, else UTF-8 with replacement characters: always succeeds.

"Cleanly" means a strict decode that produces no U+FFFD the bytes did not already encode.
Labels go through the WHATWG mapping browsers use (ISO-8859-1 and ASCII are read as
windows-1252, GB2312 as GB18030, Shift_JIS as windows-31j...), and labels browsers do not
know are skipped, so a page reads here as it renders for its readers.

One deliberate departure from browsers: a page whose bytes are (almost all) valid multi-byte
UTF-8 but which declares a legacy charset is read as UTF-8. This is what happens when a page
written in ISO-8859-1 is re-saved as UTF-8 by an editor or CMS that leaves the old ``<meta>``
or server header in place; browsers then show mojibake ("Ã©"), which no reader of the page
intended. Real legacy-encoded text essentially never forms valid multi-byte UTF-8, so the
override is safe; for multi-byte legacy charsets (Shift_JIS, GBK...) it requires strictly
valid UTF-8 with a handful of sequences, since their byte pairs can look like UTF-8 by chance.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

_REPLACEMENT = "\ufffd"
_BOM_CHAR = "\ufeff"

# UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Where to look for <meta charset>. WHATWG's prescan reads 1 KB, but heavy heads push the
# tag past 4 KB on real news pages; the scan stops at <body> so body text is never read.
_META_SCAN_BYTES = 65536
_BODY_START = re.compile(rb"<body[\s>]", re.IGNORECASE)
_HTML_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_META_CHARSET = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']\s*([a-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)""", re.IGNORECASE)

# Detection reads the page's text, not its markup: tags and scripts are ASCII noise that
# drowns the statistics of the few non-ASCII characters that actually identify a charset.
_DETECT_SCAN_BYTES = 1 << 20
_DETECT_SAMPLE_BYTES = 65536
_NON_TEXT = re.compile(
    rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(rb"<[^>]*>")
_HIGH_BYTE_LINES = re.compile(rb"[^\n]*[\x80-\xff][^\n]*")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
# How much worse than the detector's best guess windows-1252 may look and still win.
_CP1252_CHAOS_SLACK = 0.05
_CP1252_COHERENCE_SLACK = 0.05

# Multi-byte legacy text needs this many extra UTF-8 bytes (about 8 characters) before its
# declaration is overridden; accidental UTF-8 lookalikes are shorter than that.
_MIN_UTF8_EXTRA_BYTES = 16

# WHATWG labels Python does not know, or knows under another meaning.
_LABEL_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "x-sjis": "cp932",
        "windows-31j": "cp932",
        "x-gbk": "gb18030",
        "x-euc-jp": "euc_jp",
        "iso-8859-8-i": "iso8859-8",
        "csiso88598i": "iso8859-8",
        "logical": "iso8859-8",
        "windows-874": "cp874",
        "dos-874": "cp874",
        "x-mac-roman": "mac-roman",
        "x-mac-cyrillic": "mac-cyrillic",
        "x-mac-ukrainian": "mac-cyrillic",
        "koi8-ru": "koi8-u",
        "x-cp1250": "cp1250",
        "x-cp1251": "cp1251",
        "x-cp1252": "cp1252",
        "x-cp1253": "cp1253",
        "x-cp1254": "cp1254",
        "x-cp1255": "cp1255",
        "x-cp1256": "cp1256",
        "x-cp1257": "cp1257",
        "x-cp1258": "cp1258",
        "unicode-1-1-utf-8": "utf-8",
        "unicode20utf8": "utf-8",
        "x-unicode20utf8": "utf-8",
        "utf8mb4": "utf-8",
        "utf8mb3": "utf-8",
        "unicode": "utf-16-le",
        "unicodefeff": "utf-16-le",
        "csunicode": "utf-16-le",
        "iso-10646-ucs-2": "utf-16-le",
        "ucs-2": "utf-16-le",
        "unicodefffe": "utf-16-be",
    }
)

# Python codec name -> codecs to try, browser behaviour first. ISO-8859-1 and ASCII pages
# are read as windows-1252 by every browser (authors rely on its curly quotes), GB2312/GBK
# as GB18030, Shift_JIS as windows-31j (cp932, a strict superset), EUC-KR as windows-949,
# Big5 as Big5-HKSCS.
_CODEC_PLAN: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "ascii": ("cp1252",),
        "iso8859-1": ("cp1252",),
        "cp1252": ("cp1252",),
        "iso8859-9": ("cp1254",),
        "iso8859-11": ("cp874",),
        "tis-620": ("cp874",),
        "gb2312": ("gb18030",),
        "gbk": ("gb18030",),
        "gb18030": ("gb18030",),
        "shift_jis": ("cp932", "shift_jis"),
        "cp932": ("cp932",),
        "shift_jis_2004": ("shift_jis_2004", "cp932"),
        "shift_jisx0213": ("shift_jisx0213", "cp932"),
        "euc_kr": ("cp949",),
        "cp949": ("cp949",),
        "big5": ("big5hkscs", "cp950"),
        "big5hkscs": ("big5hkscs", "cp950"),
        "cp950": ("cp950", "big5hkscs"),
    }
)

# Other Python codec names that correspond to an encoding browsers support. Anything else
# (base64, rot-13, utf-7, unicode-escape, hz...) is skipped like an unknown label.
_PLAIN_CODECS: frozenset[str] = frozenset(
    {
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-10",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "cp1250",
        "cp1251",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "cp866",
        "cp874",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "euc_jp",
        "euc_jis_2004",
        "euc_jisx0213",
        "iso2022_jp",
    }
)

_UNICODE_FAMILY: frozenset[str] = frozenset(
    {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)
_WIDE_UNICODE: frozenset[str] = _UNICODE_FAMILY - {"utf-8"}
_MULTI_BYTE_LEGACY: frozenset[str] = frozenset(
    {
        "gb18030",
        "cp932",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
        "cp949",
        "big5hkscs",
        "cp950",
        "euc_jp",
        "euc_jis_2004",
        "euc_jisx0213",
        "iso2022_jp",
    }
)

# windows-1252 leaves five bytes undefined; WHATWG maps them to the C1 controls, so a
# stray 0x81 does not make a whole Latin-1 page fall through to guesswork.
_CP1252_HOLES: MappingProxyType[int, int] = MappingProxyType(
    {0xDC00 + byte: byte for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
)


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a page's bytes; never raises for bytes input.

    ``content_type`` is the HTTP ``Content-Type`` header value, if the transport knew it.
    The encoding is a Python codec name (``"unicode"`` for str input). Text input is
    returned as is, except that leading BOM characters are dropped from any result since
    they are not page content.
    """
    if isinstance(data, str):
        return _strip_bom(data), "unicode"
    text, encoding = _decode_bytes(bytes(data), content_type)
    return repair_double_encoded(_strip_bom(text)), encoding


# C1 control characters: never text, but what UTF-8 continuation bytes become when UTF-8 is
# read as Latin-1 (U+2019 -> 'â\x80\x99').
_C1_RE = re.compile("[\u0080-\u009f]")
# The same characters one by one: 32 substring tests (memchr-like, in C) answer "does the
# page hold any?" about five times faster than one search with the character class above,
# which runs on every page (3.3 -> 0.7 ms a page on wcxb-dev); ASCII text skips both.
_C1_CHARS = tuple(chr(code) for code in range(0x80, 0xA0))
# One UTF-8 character read byte by byte as Latin-1: a lead byte, then 1-3 continuation bytes.
_LATIN1_UTF8_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]{1,3}")


def repair_double_encoded(text: str) -> str:
    r"""Undo UTF-8 that was encoded twice ('Doctorsâ\x80\x99 Day' -> 'Doctors\u2019 Day').

    Why: a CMS that reads its UTF-8 database as Latin-1 and writes the page as UTF-8 serves
    bytes that are valid UTF-8 but spell every non-ASCII character as two to four Latin-1
    ones; browsers show 'â€™' or nothing. A page is repaired only when it holds such a
    sequence with a C1 control character (no text has those) that decodes as one UTF-8
    character; then every lead-and-continuation sequence that does so is one, and a page
    without that evidence keeps its genuine 'Ã' or 'â'.
    """
    if text.isascii() or not any(char in text for char in _C1_CHARS):
        return text
    if not any(_C1_RE.search(m.group()) and _one_char(m.group()) for m in _LATIN1_UTF8_RE.finditer(text)):
        return text
    # the page is double-encoded: every such sequence is one character ('SÃ£o' -> 'São' too)
    return _LATIN1_UTF8_RE.sub(lambda m: _one_char(m.group()) or m.group(), text)


def _one_char(seq: str) -> str:
    """The one character ``seq`` spells as UTF-8 bytes read as Latin-1, else ''."""
    try:
        fixed = seq.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return fixed if len(fixed) == 1 and not _C1_RE.match(fixed) else ""


def _strip_bom(text: str) -> str:
    """Every leading BOM character: pages built from several files (PHP includes saved with
    a BOM) start with one per file, and none of them is page content."""
    return text.lstrip(_BOM_CHAR)


def _decode_bytes(data: bytes, content_type: str | None) -> tuple[str, str]:
    """Walk the candidates in order; the BOM outranks every declaration, as in browsers."""
    bom = _sniff_bom(data)
    if bom is not None:
        codec, size = bom
        text = _try_decode(data[size:], codec)
        if text is not None:
            return text, codec
        data = data[size:]
    declared = list(_declared_codecs(data, content_type))
    for codec in declared:
        found = _decode_declared(data, codec)
        if found is not None:
            return found
    found = _sniff_undeclared(data)
    if found is not None:
        return found
    detected = _detected_codecs(_detection_sample(data))
    for codec in detected:
        if codec in _WIDE_UNICODE:
            continue  # no NUL pattern (sniffed above), so not UTF-16/32
        text = _try_decode(data, codec)
        if text is not None:
            return text, codec
    return _decode_lenient(data, [*declared, *detected])


def _decode_lenient(data: bytes, candidates: list[str]) -> tuple[str, str]:
    """Nothing decodes cleanly: replace the broken bytes, as browsers do.

    The declared charset comes first: a Shift_JIS page with one corrupt byte should lose
    that byte, not every Japanese character to a UTF-8 reading.
    """
    for codec in candidates:
        if codec not in _WIDE_UNICODE:
            return data.decode(codec, errors="replace"), codec
    return data.decode("utf-8", errors="replace"), "utf-8"


def _sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _try_decode(data: bytes, codec: str) -> str | None:
    """Strict decode, or None when the bytes are not clean text in ``codec``.

    U+FFFD in the output counts as failure unless the bytes themselves encode it (a page
    that already went through a lossy conversion keeps its replacement characters).
    """
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codec != "cp1252":
            return None
        text = data.decode(codec, errors="surrogateescape").translate(_CP1252_HOLES)
    except LookupError:
        return None
    if _REPLACEMENT in text and text.count(_REPLACEMENT) > _encoded_replacements(data, codec):
        return None
    return text


def _encoded_replacements(data: bytes, codec: str) -> int:
    try:
        return data.count(_REPLACEMENT.encode(codec))
    except (UnicodeEncodeError, LookupError):
        return 0


# --- declarations -------------------------------------------------------------------------


def _declared_codecs(data: bytes, content_type: str | None) -> Iterator[str]:
    """Codecs to try from the header, then the meta tags, each once, in order."""
    seen: set[str] = set()
    for label in _declared_labels(data, content_type):
        for codec in codecs_for_label(label):
            if codec not in seen:
                seen.add(codec)
                yield codec


def _declared_labels(data: bytes, content_type: str | None) -> Iterator[str]:
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            yield match.group(1)
    yield from _meta_labels(data)


def _meta_labels(data: bytes) -> Iterator[str]:
    """Charset labels from ``<meta>`` tags (then an XML declaration) in the page head.

    Bytes are scanned directly with ASCII patterns, which is safe for every encoding a
    ``<meta>`` can declare (UTF-16 pages are caught by their BOM or NUL pattern instead).
    """
    head = data[:_META_SCAN_BYTES]
    body = _BODY_START.search(head)
    if body is not None:
        head = head[: body.start()]
    head = _HTML_COMMENT.sub(b"", head)
    for match in _META_CHARSET.finditer(head):
        yield match.group(1).decode("ascii")
    xml = _XML_ENCODING.match(data[:1024])
    if xml is not None:
        yield xml.group(1).decode("ascii")


def codecs_for_label(label: str) -> tuple[str, ...]:
    """Python codecs to try for a charset label, browser semantics; ``()`` when unknown."""
    key = label.strip().strip("\"'").strip().lower()
    if not key:
        return ()
    key = _LABEL_ALIASES.get(key, key)
    try:
        name = codecs.lookup(key).name
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return ()
    plan = _CODEC_PLAN.get(name)
    if plan is not None:
        return plan
    return (name,) if name in _PLAIN_CODECS else ()


def _decode_declared(data: bytes, codec: str) -> tuple[str, str] | None:
    """Decode with a declared codec, unless the bytes contradict the declaration.

    A declared UTF-16/32 on ASCII-compatible bytes is ignored (browsers read such pages as
    UTF-8); a legacy declaration on bytes that are really UTF-8 yields to UTF-8 (see the
    module docstring for why).
    """
    if codec in _WIDE_UNICODE:
        codec = _wide_codec_for_bytes(data, codec)
        if not codec:
            return None
    elif codec not in _UNICODE_FAMILY:
        utf8 = _utf8_over_legacy(data, multi_byte=codec in _MULTI_BYTE_LEGACY)
        if utf8 is not None:
            return utf8, "utf-8"
    text = _try_decode(data, codec)
    return None if text is None else (text, codec)


def _wide_codec_for_bytes(data: bytes, codec: str) -> str:
    """The byte order a BOM-less UTF-16/32 declaration really means, or '' to ignore it.

    Bytes without NULs are ASCII-compatible, so the declaration is wrong (often a page
    saved as "Unicode" by an editor and converted since); browsers ignore it too.
    """
    if b"\x00" not in data[:1024]:
        return ""
    if codec.startswith("utf-16"):
        return _utf16_order(data) or (codec if codec != "utf-16" else "utf-16-le")
    if codec == "utf-32":
        return "utf-32-be" if data.startswith(b"\x00") else "utf-32-le"
    return codec


def _utf16_order(data: bytes) -> str | None:
    """Spot BOM-less UTF-16 by its NUL bytes: ASCII markup leaves one NUL per character."""
    head = data[:1024]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > half // 2 and even * 10 < odd:
        return "utf-16-le"
    if even > half // 2 and odd * 10 < even:
        return "utf-16-be"
    return None


def _utf8_over_legacy(data: bytes, *, multi_byte: bool) -> str | None:
    """The page as UTF-8 when its bytes say UTF-8 louder than its legacy declaration."""
    if multi_byte:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return text if len(data) - len(text) >= _MIN_UTF8_EXTRA_BYTES else None
    return _mostly_utf8(data)


def _mostly_utf8(data: bytes) -> str | None:
    """Decode UTF-8 that carries at least one multi-byte character, mending stray bytes.

    Pages assembled from several sources often mix UTF-8 with a few windows-1252 bytes (a
    pasted curly quote or trademark sign). When valid multi-byte characters are at least as
    many as the invalid bytes, the page is UTF-8 and the strays are read as windows-1252;
    real single-byte text almost never forms even one valid multi-byte sequence.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    if len(text) == len(data):
        return None  # pure ASCII, or only stray bytes: no UTF-8 evidence
    invalid = len(data) - len(text.encode("utf-8", errors="ignore"))
    multi = len(text) - invalid - len(text.encode("ascii", errors="ignore"))
    if multi < 1 or multi < invalid:
        return None
    if invalid == 0:
        return text
    return _ESCAPED_RUN.sub(_mend_stray_bytes, text)


def _mend_stray_bytes(match: re.Match[str]) -> str:
    raw = bytes(ord(char) - 0xDC00 for char in match.group())
    return raw.decode("cp1252", errors="surrogateescape").translate(_CP1252_HOLES)


# --- detection ----------------------------------------------------------------------------


def _sniff_undeclared(data: bytes) -> tuple[str, str] | None:
    """Cheap, near-certain readings tried before any statistical detection.

    Valid UTF-8 is what a detector would say anyway, and a strict decode costs far less
    than a detector run on a large page.
    """
    order = _utf16_order(data)
    if order is not None:
        text = _try_decode(data, order)
        if text is not None:
            return text, order
    if data.isascii() and b"\x1b$" in data:  # 7-bit ISO-2022-JP escape sequences
        text = _try_decode(data, "iso2022_jp")
        if text is not None:
            return text, "iso2022_jp"
    text = _try_decode(data, "utf-8")
    if text is None:
        text = _mostly_utf8(data)
    return None if text is None else (text, "utf-8")


def _detection_sample(data: bytes) -> bytes:
    """The page's text lines that hold non-ASCII bytes, bounded, with markup removed.

    Removing ``<...>`` from bytes is safe in every ASCII-compatible encoding a detector can
    name: no multi-byte legacy charset uses ``<`` or ``>`` as a trail byte.
    """
    head = _NON_TEXT.sub(b"\n", data[:_DETECT_SCAN_BYTES])
    text = _TAG.sub(b"\n", head)
    lines = _HIGH_BYTE_LINES.findall(text)
    sample = b"\n".join(line.strip() for line in lines)
    if not sample:
        sample = data
    if len(sample) > _DETECT_SAMPLE_BYTES:
        cut = sample.rfind(b"\n", 0, _DETECT_SAMPLE_BYTES)
        sample = sample[: cut if cut > 0 else _DETECT_SAMPLE_BYTES]
    return sample


def _detected_codecs(sample: bytes) -> list[str]:
    """Detector guesses as codecs to try, best first, browser semantics applied."""
    codecs_out: list[str] = []
    for label in _detector_labels(sample):
        for codec in codecs_for_label(label):
            if codec not in codecs_out:
                codecs_out.append(codec)
    return codecs_out


def _detector_labels(sample: bytes) -> list[str]:
    """charset-normalizer's matches, best first, windows-1252 first when it is about as good."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(sample, preemptive_behaviour=False))
    except Exception:
        return []
    labels = [match.encoding for match in matches]
    return ["cp1252", *labels] if _windows_1252_about_as_good(matches) else labels


def _windows_1252_about_as_good(matches: list[CharsetMatch]) -> bool:
    """Break charset-normalizer's near-ties in favour of windows-1252.

    On a few hundred bytes of French or German, several Latin code pages decode with no
    "chaos" at all and the detector picks among them almost at random (windows-1257 for
    French, reading ç as į). windows-1252 is by far the most common legacy charset of the
    web, so, like browsers' detectors, it wins unless a rival is clearly better: less
    chaotic, or more coherent with a language (Turkish in windows-1254, say).
    """
    if not matches:
        return False
    best = matches[0]
    for match in matches:
        if "cp1252" in match.could_be_from_charset:
            return (
                match.chaos <= best.chaos + _CP1252_CHAOS_SLACK
                and match.coherence >= best.coherence - _CP1252_COHERENCE_SLACK
            )
    return False
