"""Markdown and clean HTML of the article (issue 18), read back by real parsers.

The Markdown is parsed with markdown-it-py (CommonMark, with its GFM table extension) and the
HTML with lxml, and the record's blocks must be found again, in order, with their kinds: headings
as headings of the same level, paragraphs as paragraphs, list items as list items at their
depth, quotes in a quote, tables as tables with the same cells, code as code with its language,
captions, and links with their targets. Never compared as strings: a rendering may change its
spacing, not what a parser reads in it. This holds on every fixture page, on a page of our own
with every kind of block, and on text full of Markdown and HTML syntax.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from extractor import extract_article
from extractor.core.urls import absolute_url, page_base
from extractor.export import get_exporter
from extractor.export.markdownfmt import MarkdownExporter, markdown_name
from extractor.fixtures import fixture_dirs, load_fixture
from extractor.fixtures.run import extract_fixture
from extractor.markup.markdown import PAGE_SEPARATOR, list_depths
from extractor.model import Article, Block, ErrorRecord, Image, Link

REPO = Path(__file__).resolve().parents[1]
FIXTURES = fixture_dirs(REPO / "fixtures")

# (kind, detail, content): detail is a heading's level, a list item's depth, a code block's
# language, a table's header flag; content the text (a table: its rows).
Item = tuple[str, Any, Any]


# -- reading Markdown back --------------------------------------------------------------------


def _inline(token: Token) -> tuple[str, list[tuple[str, str]], bool, list[str]]:
    """(text, links as (text, href), all of it emphasised, image srcs) of an inline token."""
    text: list[str] = []
    links: list[tuple[str, str]] = []
    images: list[str] = []
    open_link: tuple[str, int] | None = None
    emphasised = True
    depth = 0
    for child in token.children or []:
        if child.type in ("em_open", "em_close"):
            depth += 1 if child.type == "em_open" else -1
            continue
        if child.type == "link_open":
            open_link = (str(child.attrs["href"]), len("".join(text)))
            continue
        if child.type == "link_close":
            assert open_link is not None
            links.append(("".join(text)[open_link[1] :], open_link[0]))
            open_link = None
            continue
        if child.type == "image":
            images.append(str(child.attrs["src"]))
            continue
        if depth == 0 and child.content.strip():
            emphasised = False
        text.append("\n" if child.type in ("softbreak", "hardbreak") else child.content)
    return "".join(text), links, emphasised and bool(text), images


def read_markdown(markdown: str) -> tuple[list[Item], list[list[tuple[str, str]]]]:
    """The blocks a CommonMark reader finds, and each one's links; images as ("image", None, src)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    items: list[Item] = []
    links: list[list[tuple[str, str]]] = []
    lists = quotes = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "blockquote_open":
            quotes += 1
        elif token.type == "blockquote_close":
            quotes -= 1
        elif token.type == "heading_open":
            text, found, _, _ = _inline(tokens[index + 1])
            items.append(("heading", int(token.tag[1]), text))
            links.append(found)
        elif token.type == "paragraph_open":
            text, found, emphasised, images = _inline(tokens[index + 1])
            if images and not text:
                items.extend(("image", None, src) for src in images)
                links.extend([] for _ in images)
                index += 1
                continue
            kind, detail = "paragraph", None
            if lists:
                kind, detail = "list_item", lists
            elif quotes:
                kind = "blockquote"
            elif emphasised:
                kind = "caption"
            items.append((kind, detail, text))
            links.append(found)
        elif token.type == "fence":
            items.append(("preformatted", token.info or None, token.content[:-1]))
            links.append([])
        elif token.type == "table_open":
            rows: list[list[str]] = []
            header_cells: list[str] = []
            while tokens[index].type != "table_close":
                cell = tokens[index]
                if cell.type in ("th_open", "td_open"):
                    text = _inline(tokens[index + 1])[0]
                    if cell.type == "th_open":
                        header_cells.append(text)
                    else:
                        if tokens[index - 1].type == "tr_open":
                            rows.append([])
                        rows[-1].append(text)
                index += 1
            header = any(header_cells)  # a table without a header row is written with an empty one
            items.append(("table", header, [header_cells, *rows] if header else rows))
            links.append([])
        index += 1
    return items, links


def expected_items(article: Article) -> tuple[list[Item], list[list[tuple[str, str]]]]:
    """What a reader should find for the record's blocks, and each block's links (resolved as
    the renderings resolve them: against the page's URL)."""
    base = page_base(article.url, article.canonical_url)
    items: list[Item] = []
    links: list[list[tuple[str, str]]] = []
    run: list[Block] = []
    for block in [*article.blocks, Block("paragraph", "")]:  # a sentinel ends a last list
        if block.kind == "list_item":
            run.append(block)
            continue
        items.extend(("list_item", depth, b.text) for b, depth in zip(run, list_depths(run), strict=True))
        links.extend(_links(b, base) for b in run)
        run = []
        if not block.text:
            continue
        if block.kind == "heading":
            items.append(("heading", block.level, block.text))
        elif block.kind == "preformatted":
            items.append(("preformatted", block.language, block.text))
        elif block.kind == "table":
            items.append(("table", block.header, block.rows))
        else:
            items.append((block.kind, None, block.text))
        links.append([] if block.kind in ("table", "preformatted") else _links(block, base))
    return items, links


def _links(block: Block, base: str | None) -> list[tuple[str, str]]:
    return [(block.text[link.start : link.end], absolute_url(link.href, base)) for link in block.links]


def _same_url(a: str, b: str) -> bool:
    return unquote(a) == unquote(b)


def assert_blocks_found_again(article: Article, markdown: str) -> None:
    """The record's blocks, in order and kind, are what a CommonMark reader finds in ``markdown``
    (after the headline and standfirst); images found are the article's, each image's caption
    follows it, and each block's links are there with their targets."""
    found, found_links = read_markdown(markdown)
    head: list[Item] = []
    if article.headline:
        head.append(("heading", 1, article.headline))
    if article.standfirst:
        head.append(("paragraph", None, article.standfirst))
    assert found[: len(head)] == head
    found, found_links = found[len(head) :], found_links[len(head) :]
    wanted, wanted_links = expected_items(article)
    images = {image.src: image for image in article.images}
    got: list[Item] = []
    got_links: list[list[tuple[str, str]]] = []
    previous_image: Image | None = None
    for item, item_links in zip(found, found_links, strict=True):
        if item[0] == "image":
            previous_image = next(img for src, img in images.items() if _same_url(src, item[2]))
            continue
        after_image, previous_image = previous_image, None
        own_caption = after_image is not None and item[0] == "caption" and item[2] == after_image.caption
        if own_caption and item not in wanted:  # the image's own caption, which no block holds
            continue
        got.append(item)
        got_links.append(item_links)
    assert got == wanted
    for have, want in zip(got_links, wanted_links, strict=True):
        assert [text for text, _ in have] == [text for text, _ in want]
        assert all(_same_url(h, w) for (_, h), (_, w) in zip(have, want, strict=True))


# -- reading HTML back ------------------------------------------------------------------------

ALLOWED_TAGS = {
    "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "li", "blockquote", "pre",
    "code", "table", "thead", "tbody", "tr", "th", "td", "figure", "img", "figcaption", "small", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}


def read_html(html: str) -> list[Item]:
    """The blocks in clean HTML, as kinds: the same shape as :func:`read_markdown`'s."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    items: list[Item] = []
    for element in root.iter():
        tag = element.tag
        text = element.text_content()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and element.getparent().tag != "header":
            items.append(("heading", int(tag[1]), text))
        elif tag == "p" and element.getparent().tag == "blockquote":
            items.append(("blockquote", None, text))
        elif tag == "p" and element.getparent().tag != "header":
            items.append(("paragraph", None, text))
        elif tag == "li":
            own = (element.text or "") + "".join(
                child.text_content() + (child.tail or "") for child in element if child.tag != "ul"
            )
            items.append(("list_item", len(list(element.iterancestors("ul"))), own))
        elif tag == "pre":
            items.append(("preformatted", None, text))
        elif tag == "figcaption":
            small = element.find("small")
            caption = (element.text or "") + "".join(
                child.text_content() + (child.tail or "") for child in element if child is not small
            )
            items.append(("caption", None, caption.rstrip()))
        elif tag == "table":
            rows = [[cell.text_content() for cell in tr] for tr in element.iter("tr")]
            items.append(("table", element.find("thead") is not None, rows))
    return items


def assert_clean_html(html: str) -> None:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iterdescendants():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES.get(str(element.tag), set()), element.attrib
        for name in ("href", "src"):
            assert not (element.get(name) or "").lower().startswith(("javascript:", "data:", "vbscript:"))


def html_expected(article: Article) -> list[Item]:
    """What :func:`read_html` should find: the record's blocks, code without its language (the
    clean HTML has no attribute to keep it in), image captions where no caption block is."""
    wanted, _ = expected_items(article)
    return [("preformatted", None, c) if k == "preformatted" else (k, d, c) for k, d, c in wanted]


def assert_html_blocks_found_again(article: Article, html: str) -> None:
    found = read_html(html)
    captions_of_images = {image.caption for image in article.images if image.caption}
    wanted = html_expected(article)
    got = [
        item
        for item in found
        if not (item[0] == "caption" and item not in wanted and item[2] in captions_of_images)
    ]
    assert got == wanted


# -- every fixture page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_articles() -> dict[str, Article]:
    articles = {}
    for folder in FIXTURES:
        article = extract_fixture(load_fixture(folder))
        assert isinstance(article, Article)
        articles[folder.name] = article
    return articles


@pytest.mark.parametrize("name", [folder.name for folder in FIXTURES])
def test_every_fixture_page_reads_back_from_its_markdown(
    name: str, fixture_articles: dict[str, Article]
) -> None:
    article = fixture_articles[name]
    assert article.blocks, name  # a page with nothing to find would prove nothing
    assert_blocks_found_again(article, article.to_markdown())


@pytest.mark.parametrize("name", [folder.name for folder in FIXTURES])
def test_every_fixture_page_reads_back_from_its_html(name: str, fixture_articles: dict[str, Article]) -> None:
    article = fixture_articles[name]
    html = article.to_html()
    assert_clean_html(html)
    assert_html_blocks_found_again(article, html)


def test_the_fixture_pages_cover_the_kinds_and_links(fixture_articles: dict[str, Article]) -> None:
    """The round trips above are only as good as what the fixtures hold."""
    kinds = {block.kind for article in fixture_articles.values() for block in article.blocks}
    assert {"paragraph", "heading", "list_item", "blockquote", "caption"} <= kinds
    assert any(block.links for article in fixture_articles.values() for block in article.blocks)


# -- a page with every kind of block ----------------------------------------------------------

EVERYTHING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How the harbour sets its fees</title></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>How the harbour sets its fees</h1>
<p class="byline">By Ann Tregenza</p>
<p>The harbour board publishes its fees every spring, and this year it has also published the
<a href="/docs/method.pdf">method</a> behind them, along with <a href="https://board.example/minutes">the minutes</a>.</p>
<figure><img src="/img/quay.jpg" alt="Boats at the quay"><figcaption>Boats moored at the north quay.
<span class="credit">Photo: Jo Penrose</span></figcaption></figure>
<h2>The fees</h2>
<table><thead><tr><th>Length</th><th>Fee</th></tr></thead>
<tbody><tr><td>Under 8 m</td><td>£15 | a night</td></tr><tr><td>Over 8 m</td><td>£22 *plus* dues</td></tr></tbody></table>
<h3>Who pays what</h3>
<ul><li>Visitors pay by the night.<ul><li>Cash is no longer taken at the quay.</li></ul></li>
<li>Residents pay by the season.</li></ul>
<blockquote><p>A fair rise after ten years of frozen fees.</p><p>We will review it next spring.</p></blockquote>
<pre><code class="language-python">fee = base * length  # metres</code></pre>
<p>Questions go to the harbour office, which is open on weekdays from nine until five, and on Saturday mornings in summer.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def everything() -> Article:
    return extract_article(EVERYTHING.encode(), url="https://gazette.example/news/fees.html")


def test_a_page_with_every_kind_reads_back(everything: Article) -> None:
    kinds = [block.kind for block in everything.blocks]
    assert {"paragraph", "caption", "heading", "table", "list_item", "blockquote", "preformatted"} <= set(
        kinds
    )
    assert_blocks_found_again(everything, everything.to_markdown())
    assert_html_blocks_found_again(everything, everything.to_html())
    assert_clean_html(everything.to_html())


def test_markdown_keeps_levels_nesting_language_links_and_the_image(everything: Article) -> None:
    found, links = read_markdown(everything.to_markdown())
    assert ("heading", 2, "The fees") in found
    assert ("heading", 3, "Who pays what") in found
    assert ("list_item", 2, "Cash is no longer taken at the quay.") in found
    assert ("preformatted", "python", "fee = base * length # metres") in found
    assert (
        "table",
        True,
        [["Length", "Fee"], ["Under 8 m", "£15 | a night"], ["Over 8 m", "£22 *plus* dues"]],
    ) in found
    paragraph = found.index(next(item for item in found if item[0] == "paragraph"))
    assert links[paragraph] == [
        ("method", "https://gazette.example/docs/method.pdf"),
        ("the minutes", "https://board.example/minutes"),
    ]
    image = found.index(("image", None, "https://gazette.example/img/quay.jpg"))
    assert found[image + 1] == (
        "caption",
        None,
        "Boats moored at the north quay.",
    )  # its caption, right after
    assert '"Photo: Jo Penrose"' in everything.to_markdown()  # the credit, as the image's title


def test_body_only_leaves_out_the_headline(everything: Article) -> None:
    found, _ = read_markdown(everything.to_markdown(body_only=True))
    assert ("heading", 1, "How the harbour sets its fees") not in found
    assert "<article>" not in everything.to_html(body_only=True)


# -- escaping ---------------------------------------------------------------------------------

HOSTILE = [
    "# not a heading",
    "1. not a list",
    "2024) not a list either",
    "- not a bullet",
    "+ nor this",
    "> not a quote",
    "=== not an underline",
    "*not emphasis* and _not_ either",
    "<script>alert(1)</script> stays text",
    "[not a link](https://evil.example)",
    "![not an image](x.png)",
    "&amp; is five characters, &copy; six",
    "a `code` span that is not one",
    "back\\slash at the end \\",
    "~~not struck~~",
    "---",
    "|a|b|",
    "    four spaces are not code",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_syntax_in_text_stays_text(text: str) -> None:
    for kind in ("paragraph", "list_item", "blockquote", "caption"):
        article = Article(blocks=[Block(kind, text)])  # type: ignore[arg-type]
        found, _ = read_markdown(article.to_markdown())
        assert found == [(kind, 1 if kind == "list_item" else None, text.strip())], kind
    heading = Article(blocks=[Block("heading", text + " #", 2)])
    assert read_markdown(heading.to_markdown())[0] == [("heading", 2, text.strip() + " #")]
    html = Article(blocks=[Block("paragraph", text)]).to_html()
    assert_clean_html(html)
    assert read_html(html) == [("paragraph", None, text)]


@pytest.mark.parametrize("text", HOSTILE)
def test_syntax_in_table_cells_stays_text(text: str) -> None:
    block = Block("table", text, rows=[["head", "x"], [text.strip(), "y | z"]], header=True)
    found, _ = read_markdown(Article(blocks=[block]).to_markdown())
    assert found == [("table", True, [["head", "x"], [text.strip(), "y | z"]])]


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
        | st.sampled_from("#*_[]()<>!`\\|~&;-+=.:\n"),
        min_size=1,
    )
)
def test_any_text_reads_back_as_written(raw: str) -> None:
    """Whatever a page's text holds, the Markdown reader finds exactly that text in a paragraph."""
    text = " ".join(raw.split())  # block texts are whitespace-collapsed
    if not text:
        return
    found, _ = read_markdown(Article(blocks=[Block("paragraph", text)]).to_markdown())
    assert found == [("paragraph", None, text)]


def test_unsafe_links_and_images_are_dropped_text_kept() -> None:
    article = Article(
        url="https://news.example/a",
        images=[Image("javascript:alert(1)", alt="x", caption="A caption")],
        blocks=[Block("paragraph", "Click here now", links=[Link(6, 10, "javascript:alert(1)")])],
    )
    markdown = article.to_markdown()
    assert "javascript" not in markdown
    assert read_markdown(markdown)[0] == [
        ("caption", None, "A caption"),
        ("paragraph", None, "Click here now"),
    ]
    html = article.to_html()
    assert_clean_html(html)
    assert "javascript" not in html


def test_a_table_without_a_header_row_gets_an_empty_one() -> None:
    block = Block("table", "a\nb\nc\nd", rows=[["a", "b"], ["c", "d"]], header=False)
    markdown = Article(blocks=[block]).to_markdown()
    assert read_markdown(markdown)[0] == [("table", False, [["a", "b"], ["c", "d"]])]
    assert read_html(Article(blocks=[block]).to_html()) == [("table", False, [["a", "b"], ["c", "d"]])]


def test_a_code_block_with_backticks_keeps_them() -> None:
    code = "print(```)  # three backticks"
    found, _ = read_markdown(Article(blocks=[Block("preformatted", code, language="python")]).to_markdown())
    assert found == [("preformatted", "python", code)]


def test_a_list_jumping_two_levels_nests_one() -> None:
    blocks = [Block("list_item", "top"), Block("list_item", "deep", 3), Block("list_item", "back")]
    found, _ = read_markdown(Article(blocks=blocks).to_markdown())
    assert found == [("list_item", 1, "top"), ("list_item", 2, "deep"), ("list_item", 1, "back")]


# -- the exporter and the command line --------------------------------------------------------

PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{t}</title></head><body><article>"
    "<h1>{t}</h1><p>The council met on Tuesday evening to discuss the new budget for roads, schools and "
    "the library, which has been debated for several months by {t}.</p></article></body></html>"
)


def write_pages(folder: Path, *titles: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for title in titles:
        path = folder / f"{title.lower()}.html"
        path.write_text(PAGE.format(t=title), encoding="utf-8")
        paths.append(path)
    return paths


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "cli.py"), *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_markdown_stream_separates_pages_and_skips_failed_ones(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", "Alpha", "Beta")
    result = run_cli(
        "extract", str(pages[0]), "missing.html", str(pages[1]), "--format", "markdown", cwd=tmp_path
    )
    assert result.returncode == 1  # one page failed
    assert "missing.html" in result.stderr
    parts = result.stdout.split(f"\n{PAGE_SEPARATOR}\n")
    assert len(parts) == 2
    assert [read_markdown(part)[0][0] for part in parts] == [("heading", 1, "Alpha"), ("heading", 1, "Beta")]


def test_markdown_to_a_file_by_its_suffix_and_to_a_folder_one_file_per_page(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", "Alpha", "Beta")
    assert run_cli("extract", str(tmp_path / "pages"), "-o", "out.md", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out.md").read_text(encoding="utf-8").count(f"\n{PAGE_SEPARATOR}\n") == 1
    other = write_pages(tmp_path / "other", "Alpha")[0]  # the same name from another folder
    result = run_cli(
        "extract", *map(str, pages), str(other), "--format", "markdown", "-o", "md/", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "md").iterdir()) == ["alpha.2.md", "alpha.md", "beta.md"]
    assert read_markdown((tmp_path / "md" / "beta.md").read_text(encoding="utf-8"))[0][0] == (
        "heading",
        1,
        "Beta",
    )


def test_with_adds_the_renderings_and_nothing_else(tmp_path: Path) -> None:
    (page,) = write_pages(tmp_path / "pages", "Alpha")
    when = ("--fetched-at", "2024-05-01T12:00:00Z")
    plain = run_cli("extract", str(page), *when, cwd=tmp_path)
    rendered = run_cli("extract", str(page), *when, "--with", "html,markdown", cwd=tmp_path)
    assert plain.returncode == rendered.returncode == 0
    record = json.loads(rendered.stdout)
    keys = list(record)
    assert keys[keys.index("body") + 1 : keys.index("body") + 3] == ["body_markdown", "body_html"]
    assert read_markdown(record.pop("body_markdown"))[0][0][0] == "paragraph"
    assert record.pop("body_html").startswith("<p>")
    assert json.dumps(record, ensure_ascii=False) + "\n" == plain.stdout  # the rest, byte for byte


def test_with_is_refused_where_records_have_no_room_for_it(tmp_path: Path) -> None:
    (page,) = write_pages(tmp_path / "pages", "Alpha")
    result = run_cli("extract", str(page), "--with", "markdown", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 2
    assert "--with" in result.stderr
    assert run_cli("extract", str(page), "--with", "pdf", cwd=tmp_path).returncode == 2


def test_the_exporter_writes_nothing_for_error_records_and_names_files_from_inputs(tmp_path: Path) -> None:
    out = io.StringIO()
    with get_exporter("markdown", out) as exporter:
        exporter.export_item(Article(headline="One"))
        exporter.export_item(ErrorRecord("https://x.example", "NotFound", "gone"))
        exporter.export_item(Article(headline="Two"))
    assert out.getvalue() == f"# One\n\n{PAGE_SEPARATOR}\n\n# Two\n"
    assert markdown_name("pages/Story One.html.gz") == "Story_One"
    assert markdown_name(None) == "stdin"
    folder = tmp_path / "md"
    folder.mkdir()
    with MarkdownExporter(folder) as exporter:  # an existing folder: one file per page
        exporter.export_item(Article(headline="One"), key="a/story.html")
        assert not list(folder.glob("*.md"))  # published on finish, like every exporter's files
    assert (folder / "story.md").read_text(encoding="utf-8") == "# One\n"


def test_a_failed_folder_export_leaves_no_files(tmp_path: Path) -> None:
    folder = tmp_path / "md"
    folder.mkdir()
    exporter = MarkdownExporter(folder)
    exporter.start_exporting()
    exporter.export_item(Article(headline="One"), key="a.html")
    exporter.abort()
    assert not list(folder.iterdir())  # not the page's file, nor its temporary file


def test_the_markdown_help_is_documented() -> None:
    """The README's subsection names the options the command line has."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Markdown and HTML") :]
    section = section[: section.index("\n#")]
    for needle in ("--format markdown", "--with markdown,html", "body_markdown", "body_html", "---"):
        assert needle in section
    assert re.search(r"one .*NAME\.md per input", section)
