"""XML from strangers without entity declarations: what sitemaps and feeds are parsed from.

Why not let the parser handle entities: libxml2 expands every declared entity once to
check it, even with ``resolve_entities=False``; a "billion laughs" DTD trips its
amplification limit, which is a fatal error, and the rest of the document is dropped
(a sitemap of 50,000 URLs ends after the first reference). And in recover mode, after
*any* error (an undeclared ``&nbsp;``, a bare ``&`` in a query string) it drops every later
entity reference, ``&amp;`` included, so later URLs lose their ``&`` and come out wrong.

So before parsing, :func:`neutralise_entities`

- removes the document type declaration (with its internal subset: no entity is ever
  declared, so none is expanded, however they nest);
- rewrites every entity reference as character references, which libxml2 keeps after
  errors: the five XML ones (``&amp;`` -> ``&#38;``), HTML's named ones that feeds use
  without declaring them (``&nbsp;`` -> ``&#160;``); any other name stays as its literal
  text (``&lol9;``), never expanded;
- escapes a bare ``&`` that starts no reference (``?a=1&b=2``) as ``&#38;``.

CDATA sections, comments and processing instructions are left as they are. UTF-16 and
UTF-32 documents are handled in their own encoding; anything else is treated as ASCII
compatible (UTF-8, Latin-1, ...), which is all these markup characters need.
"""

from __future__ import annotations

import re
from html.entities import html5
from re import Match

_PREDEFINED: dict[bytes, bytes] = {  # the five entities XML declares itself
    b"amp": b"&#38;",
    b"lt": b"&#60;",
    b"gt": b"&#62;",
    b"quot": b"&#34;",
    b"apos": b"&#39;",
}
_UTF8_BOM = b"\xef\xbb\xbf"
_SPACE = re.compile(rb"\s*")
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# Inside a DOCTYPE: quoted literals and comments are skipped whole; brackets and '>' count.
_DTD_TOKEN = re.compile(rb"\"[^\"]*\"|'[^']*'|<!--.*?-->|<\?.*?\?>|[\[\]>]", re.DOTALL)
# Where '&' is plain text: CDATA sections, comments, processing instructions (one group: re.split keeps them).
_VERBATIM = re.compile(rb"(<!\[CDATA\[.*?(?:\]\]>|\Z)|<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z))", re.DOTALL)
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z_:][\w.:-]*;)")
_NAMED_REFERENCE = re.compile(rb"&([A-Za-z_:][\w.:-]*;)")
# Byte-order marks, then the first characters of an XML document without one (XML 1.0 appendix F).
_WIDE_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


def neutralise_entities(data: bytes) -> bytes:
    """The document without its DOCTYPE and with every entity reference made harmless (see above)."""
    for mark, codec in _WIDE_ENCODINGS:
        if data.startswith(mark):
            text = data.decode(codec, errors="replace").lstrip("\ufeff")
            cleaned = _neutralise(text.encode("utf-8")).decode("utf-8")
            return "\ufeff".encode(codec) + cleaned.encode(codec)  # the mark tells the parser the encoding
    return _neutralise(data)


def _neutralise(data: bytes) -> bytes:
    data = _without_doctype(data)
    if b"&" not in data:
        return data
    parts = _VERBATIM.split(data)
    parts[::2] = [_references(text) if b"&" in text else text for text in parts[::2]]  # odd: verbatim
    return b"".join(parts)


def _references(text: bytes) -> bytes:
    """Every reference of markup text as character references; C-speed passes for the
    common ones (``&amp;`` in every other sitemap URL), a callback only for other names."""
    text = _BARE_AMPERSAND.sub(b"&#38;", text)
    for name, replacement in _PREDEFINED.items():
        text = text.replace(b"&" + name + b";", replacement)
    return _NAMED_REFERENCE.sub(_named, text)


def _prolog_end(data: bytes, pos: int = 0) -> int:
    """Where the DOCTYPE (or the root element) starts, looking from ``pos``: after the
    byte-order mark, the XML declaration, processing instructions, comments and whitespace.
    (A loop, not one regex: a repeated group costs the regex engine memory for every
    comment it repeats over.)"""
    if pos == 0 and data.startswith(_UTF8_BOM):
        pos = len(_UTF8_BOM)
    while True:
        space = _SPACE.match(data, pos)
        pos = space.end() if space else pos
        if data.startswith(b"<?", pos):
            opener, closer = b"<?", b"?>"
        elif data.startswith(b"<!--", pos):
            opener, closer = b"<!--", b"-->"
        else:
            return pos
        end = data.find(closer, pos + len(opener))
        if end < 0:
            return pos
        pos = end + len(closer)


def _without_doctype(data: bytes) -> bytes:
    """The document without the DOCTYPE declarations of its prolog (a second one would be
    read as the first once the first is gone)."""
    kept: list[bytes] = []
    pos = 0
    while True:
        begin = _prolog_end(data, pos)
        end = _doctype_end(data, begin) if _DOCTYPE.match(data, begin) else None
        if end is None:
            break
        kept.append(data[pos:begin])
        pos = end
    return b"".join([*kept, data[pos:]]) if kept else data


def _doctype_end(data: bytes, begin: int) -> int | None:
    """Just past the '>' that closes the DOCTYPE at ``begin``; None if it never closes (then
    no element follows it, and there is nothing to lose)."""
    depth = 0
    for token in _DTD_TOKEN.finditer(data, begin + len(b"<!DOCTYPE")):
        value = token.group()
        if value == b"[":
            depth += 1
        elif value == b"]":
            depth = max(0, depth - 1)
        elif value == b">" and depth == 0:
            return token.end()
    return None


def _named(match: Match[bytes]) -> bytes:
    ref = match.group(1)
    text = html5.get(ref.decode("ascii"))
    if text is not None:
        return "".join(f"&#{ord(char)};" for char in text).encode("ascii")
    return b"&#38;" + ref  # declared only by a DTD we do not read: its name, as text
