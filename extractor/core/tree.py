"""Text -> lxml tree, plus the small node helpers every extractor shares.

The tree is parsed once per page; extractors read it and never re-parse.
"""

from __future__ import annotations

import re

from lxml import etree, html
from selectolax.lexbor import LexborHTMLParser

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters libxml2 reads into the tree but lxml refuses to write back (XML 1.0 has no
# such characters): C0 controls but tab, LF, CR; U+FFFE and U+FFFF; lone surrogates.
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

HtmlElement = html.HtmlElement


def parse_html(text: str) -> HtmlElement:
    """Parse a decoded page into an lxml HTML tree; never raises on junk input.

    lxml refuses str input that still carries an XML encoding declaration, so
    the declaration is dropped (the text is already decoded).
    """
    text = xml_compatible(_XML_DECL.sub("", text, count=1))
    if not text.strip():
        # an etree parser with the HtmlElement lookup (see _parser), which lxml-stubs do not model
        return html.document_fromstring("<html><body></body></html>", parser=_parser())  # type: ignore[arg-type]
    # A raw-text element left open (an unclosed <textarea>) turns the rest of the page into
    # its text in the browser's tree: when that tree has far fewer elements than libxml2's
    # own recovery, the latter is kept, as the one that loses nothing. libxml2's own tree
    # has at most about as many elements as the text has start tags, so a browser tree
    # that reaches 80% of that bound is kept without reading the text a second time.
    opens = text.count("<")
    ordered = _html5_tree_order(text) if opens <= _QUICK_MAX_TAGS else None
    browser: HtmlElement | None = None
    if ordered is not None and ordered is not text:
        browser, _ = _parse(ordered)
        if _reaches_start_tag_bound(_element_count(browser), text, opens):
            return browser
    direct, read = _parse(text)
    if ordered is None or read is not text:
        ordered, browser = _html5_tree_order(read), None
    if ordered is read:
        return direct
    if browser is None:
        browser, _ = _parse(ordered)
    if _element_count(browser) < 0.8 * _element_count(direct):
        return direct
    return browser


# Pages with more tags than this are read by libxml2 first: it notices nesting deeper than
# it reads (see _parse), and Lexbor then gets the capped text (its time grows with the
# square of the nesting depth).
_QUICK_MAX_TAGS = 20_000
# Elements libxml2 adds that no tag in the text opens (html, head, body, an implied p).
_IMPLIED_ELEMENTS = 10


def _reaches_start_tag_bound(elements: float, text: str, opens: int) -> bool:
    """Does a tree of ``elements`` elements reach 80% of the start-tag bound of ``text``?

    The bound is at least the number of elements libxml2 builds from ``text``: every element
    is opened by a start tag or implied; ``<`` (``opens``: ``text.count("<")``, counted by the
    caller) also opens end tags, comments and doctypes (subtracted) and stray less-than signs
    in scripts and text (which only raise the bound). Checked on the 2,414 dev pages: never
    more than 2 elements over the tag count. The comments and doctypes are counted only when
    it matters: the bound without them subtracted is higher, and a tree that reaches 80% of it
    reaches 80% of the bound (each count is a scan of the page).
    """
    without_bangs = opens - text.count("</") + _IMPLIED_ELEMENTS
    return elements >= 0.8 * without_bangs or elements >= 0.8 * (without_bangs - text.count("<!"))


def xml_compatible(text: str) -> str:
    """``text`` with every character an lxml tree (or a UTF-8 file) cannot hold dropped: C0
    controls but tab, LF and CR, U+FFFE, U+FFFF; a form feed becomes a space, as HTML reads
    it, and a lone surrogate U+FFFD.

    Why: libxml2 keeps a stray control character or U+FFFF of a page in its text nodes, but
    lxml raises ``ValueError`` when any step writes such text back (``drop_tree`` moving a
    tail, a text node set), and the page's record was lost; a lone surrogate (which JSON can
    spell as ``\\ud800``) cannot be written to a UTF-8 file. Browsers show none of these.
    """
    if not _may_hold_non_xml(text):
        return text
    return _NOT_XML_CHAR.sub(_xml_substitute, text)


# The characters of _NOT_XML_CHAR but the surrogates, each looked for with a substring test.
_NON_XML_SINGLES = (*(chr(c) for c in (*range(9), 11, 12, *range(14, 32))), "\ufffe", "\uffff")


def _may_hold_non_xml(text: str) -> bool:
    """Could ``text`` hold a character ``_NOT_XML_CHAR`` matches? A quick first look:
    29 substring searches (memchr-like, in C) and, for text beyond ASCII, a UTF-8 encoding
    that fails on a lone surrogate, together a third of one regex scan of a page."""
    if any(char in text for char in _NON_XML_SINGLES):
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _xml_substitute(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\x0c":
        return " "
    return "\ufffd" if "\ud800" <= char <= "\udfff" else ""


def _parse(text: str) -> tuple[HtmlElement, str]:
    """libxml2's tree of the whole text, and the text it read.

    Why: libxml2 stops reading (recover mode keeps what came before) at an element nested
    256 deep or at a text or attribute over 10 MB (an inline script's data blob), and the
    rest of the page was silently lost. Both are rare, so the first read keeps the limits
    and costs nothing more; only a page that reached one is read again, with its nesting
    capped (``cap_nesting``) and the size limits lifted (``huge_tree``). The capped text
    is handed back so the HTML5 pass reads it too: Lexbor's tree construction takes time
    quadratic in the nesting depth (0.2 s at 10,000 levels, 33 s at 100,000).
    """
    root, hit_limit = _read(text, huge=False)
    if not hit_limit:
        return root, text
    capped = cap_nesting(text)
    root, _ = _read(capped, huge=True)
    return root, capped


def _read(text: str, *, huge: bool) -> tuple[HtmlElement, bool]:
    """The tree, and whether libxml2 stopped at one of its resource limits."""
    parser = _parser(huge=huge)
    try:
        root = html.document_fromstring(text, parser=parser)  # type: ignore[arg-type]  # see _parser
    except (etree.ParserError, ValueError):
        empty = html.document_fromstring("<html><body></body></html>", parser=_parser())  # type: ignore[arg-type]  # see _parser
        return empty, False
    last = parser.error_log.last_error
    return root, last is not None and last.type == _RESOURCE_LIMIT


_RESOURCE_LIMIT = etree.ErrorTypes.ERR_RESOURCE_LIMIT

# How deep a page's elements may nest once a page went past libxml2's limit (256).
# Browsers cap nesting too (WebKit and Chromium at 512) and make the elements past the cap
# siblings, so their text stays; ours is lower because libxml2 stops at 256 and the
# extractors walk the tree recursively (the body walk takes a frame a level).
MAX_NESTING = 240

_TAG = re.compile(r"<(?:!--.*?(?:-->|\Z)|[!?][^>]*>|(/?)([a-zA-Z][^\s/>]*)[^>]*>)", re.DOTALL)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "param",
        "keygen",
        "basefont",
        "bgsound",
        "frame",
    }
)
# Elements whose content is read as text, not markup, up to their own end tag.
_RAW = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "textarea", "title"}
)
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in _RAW}


def cap_nesting(text: str, depth: int = MAX_NESTING) -> str:
    """The page with elements nested past ``depth`` made siblings, their text kept in order.

    Why: a page nested deeper than libxml2 reads (256) lost everything from the deep
    element to its end. A browser keeps it: past its cap (512 in WebKit and Chromium) a
    new element goes beside the deepest one instead of inside it. This does the same on
    the markup, in one pass in linear time: an element opened past ``depth`` closes the
    one opened there before it, the end tags of elements so closed are dropped, and the
    markup above ``depth`` passes through untouched. Text stays where it was in the page,
    so reading order and block breaks are kept; only the nesting past ``depth`` is lost.
    Tags are read the way the HTML5 serialisation writes them (``>`` escaped in attribute
    values, unescaped text only in script, style and the like); on raw markup the depth
    counted can only be higher than libxml2's, which closes unclosed <p>, <li>...
    """
    out: list[str] = []
    stack: list[str] = []
    open_names: dict[str, int] = {}  # how many of each name the stack holds: O(1) "is it open?"
    flat: int | None = None  # stack index of the element open past depth, if any
    pos = 0
    # No tag can start after the last ">": searching only up to it keeps a failed match from
    # rescanning the rest of the page at every later "<".
    endpos = text.rfind(">") + 1
    while (match := _TAG.search(text, pos, endpos)) is not None:
        out.append(text[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        name = (match.group(2) or "").lower()
        if not name:  # comment, doctype, processing instruction
            out.append(token)
        elif match.group(1):  # an end tag
            if not open_names.get(name):
                out.append(token)
                continue
            at = len(stack) - 1
            while stack[at] != name:  # amortised O(1): every element passed is popped below
                at -= 1
            if flat is not None and at <= flat:
                out.append(token if at == flat else f"</{stack[flat]}>")
                flat = None
            if at < depth:
                out.append(token)
            for popped in stack[at:]:
                open_names[popped] -= 1
            del stack[at:]
        elif name in _VOID or token.endswith("/>"):
            out.append(token)
        else:
            if len(stack) >= depth:
                if flat is not None:
                    out.append(f"</{stack[flat]}>")
                flat = len(stack)
            out.append(token)
            stack.append(name)
            open_names[name] = open_names.get(name, 0) + 1
            if name in _RAW:
                raw_end = _RAW_END[name].search(text, pos)
                stop = raw_end.start() if raw_end is not None else len(text)
                out.append(text[pos:stop])
                pos = stop
    out.append(text[pos:])
    return "".join(out)


_COUNT_ELEMENTS = etree.XPath("count(//*)")


def _element_count(root: HtmlElement) -> float:
    return float(_COUNT_ELEMENTS(root))


def _html5_tree_order(text: str) -> str:
    """The page re-serialised from a browser-grade (HTML5) tree, for libxml2 to read.

    Why: libxml2's HTML parser does not build the tree a browser builds. It leaves a
    ``<button>``, ``<nav>`` or ``<header>`` open when a misnested end tag follows
    (``<button><div></button>``) so the rest of the page becomes part of the menu, and it
    drops everything after a stray ``</html>``. Lexbor (through selectolax) implements the
    WHATWG tree construction; its serialisation is properly nested, so libxml2 then
    builds the same tree a reader's browser shows. Costs about 2 ms on a 150 kB page.
    """
    try:
        serialised = LexborHTMLParser(text).html
    except Exception:
        return text
    if not serialised:
        return text
    # A browser with scripts on keeps <noscript> content as raw text, written back as is;
    # an unclosed <iframe> in it ("<noscript><iframe src=...></noscript>", tag managers)
    # would make libxml2 read the rest of the page as the frame's text.
    return _NOSCRIPT.sub(_defuse_raw_text, serialised) if "<noscript" in serialised else serialised


_NOSCRIPT = re.compile(r"(<noscript\b[^>]*>)(.*?)(</noscript>)", re.IGNORECASE | re.DOTALL)
_RAW_TEXT_TAGS = re.compile(
    r"</?(?:iframe|textarea|xmp|plaintext|title|noembed|noframes)\b[^>]*>", re.IGNORECASE
)


_RAW_TEXT_NAMES = ("iframe", "textarea", "xmp", "plaintext", "title", "noembed", "noframes")


def _defuse_raw_text(match: re.Match[str]) -> str:
    inner = match.group(2)
    # Most fallbacks hold no such tag: a tag needs a "<", and in ASCII text its name
    # lower-cased (IGNORECASE also folds a few non-ASCII letters: that text takes the regex).
    if "<" not in inner:
        return match.group(0)
    if inner.isascii():
        lowered = inner.lower()
        if not any(name in lowered for name in _RAW_TEXT_NAMES):
            return match.group(0)
    return match.group(1) + _RAW_TEXT_TAGS.sub("", inner) + match.group(3)


def _parser(*, huge: bool = False) -> etree.HTMLParser:
    """An HTML parser whose elements are all plain HtmlElement.

    Why not lxml.html's own parser: it picks a class per element (FormElement,
    InputElement...) through a Python callback that runs every time an element is
    touched from Python, a fixed cost on every step of every extractor. Nothing here
    needs the form helpers; the C-level default lookup gives the same HtmlElement API.
    Parsers are not thread-safe to share while parsing, hence one per call (cheap).
    """
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, recover=True, default_doctype=False, huge_tree=huge
    )
    parser.set_element_class_lookup(_LOOKUP)
    return parser


_LOOKUP = etree.ElementDefaultClassLookup(
    element=html.HtmlElement,
    comment=html.HtmlComment,
    pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)


def collapse_ws(text: str | None) -> str:
    """Fold runs of whitespace (incl. NBSP) to single spaces and strip.

    str.split() splits on exactly the characters regex \\s matches (str.isspace), NBSP
    included, and is several times faster than a substitution: this runs on every text
    the extractors read.
    """
    if not text:
        return ""
    return " ".join(text.split())


def node_text(node: HtmlElement) -> str:
    """Visible-ish text of a node, whitespace-collapsed."""
    return collapse_ws(text_of(node))


def base_href(root: HtmlElement) -> str:
    """The page's ``<base href>`` ('' when it has none): where its relative links resolve.

    Why not ``//head/base``: a descendant search visits every element of the page (0.2 ms
    a page on wcxb-dev); the parser always makes ``<head>`` a child of the root, so two
    child lookups answer the same.
    """
    head = root.find("head")
    base = head.find("base[@href]") if head is not None else None
    return (base.get("href") or "") if base is not None else ""


def class_id(node: HtmlElement) -> str:
    """Lowercased class and id of a node, the usual input of boilerplate hints."""
    return f"{node.get('class') or ''} {node.get('id') or ''}".lower()


def in_document_order(nodes: list[HtmlElement]) -> list[HtmlElement]:
    """The nodes (one tree, no duplicates) sorted by where they start in the document.

    Why not a walk: ordering a handful of nodes by walking the whole page costs a step
    per element of the page; comparing paths from the root costs a few steps per node.
    """
    if len(nodes) < 2:
        return list(nodes)
    positions: dict[object, int] = {}  # child -> its position among its parent's children
    return sorted(nodes, key=lambda node: _path_key(node, positions))


def _path_key(node: HtmlElement, positions: dict[object, int]) -> list[int]:
    """The child positions from the root down to node: lists compare in document order
    (a prefix, the ancestor, sorts first).

    ``positions`` is filled once per parent met (the proxies it holds stay alive, so their
    identity is stable): ``parent.index(child)`` walks the sibling list each time, which
    made ordering thousands of siblings (comments straight under <body>) quadratic.
    """
    path: list[int] = []
    child = node
    parent = child.getparent()
    while parent is not None:
        if child not in positions:
            positions.update((sibling, n) for n, sibling in enumerate(parent))
        path.append(positions[child])
        child, parent = parent, parent.getparent()
    path.reverse()
    return path


def text_of(node: HtmlElement) -> str:
    """node.text_content(), about twice as fast.

    Why: text_content() evaluates XPath string() and wraps the result as a "smart" string
    that remembers its element; libxml2's text serialiser builds the plain string
    directly. Same text (checked equal on 837,000 elements of real pages); the comment
    detector reads the text of thousands of elements per page.
    """
    return etree.tostring(node, method="text", encoding=str, with_tail=False)
