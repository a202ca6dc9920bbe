"""The command line, run in-process through main([...]) plus one real subprocess per entry point."""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _server import gzip_bomb

from extractor.cli import extract as cli_extract
from extractor.cli import main
from extractor.cli.extract import folder_pages
from extractor.cli.main import build_parser
from extractor.export import ARTICLE_FIELDS, COMMENT_FIELDS, ERROR_FIELDS, QUOTE_FIELDS, article_id
from extractor.fetch.files import iter_paths

REPO = Path(__file__).resolve().parents[1]


def page(title: str, extra: str = "") -> bytes:
    """A small article page written for these tests."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>The council met on Tuesday, and the vote, after a long debate, was close: seven to six.</p>"
        "<p>“We will build the bridge,” said the mayor, who spoke for twenty minutes — in Ünïcode.</p>"
        f"{extra}</article></body></html>"
    ).encode()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """pages/a.html, pages/b.htm, pages/sub/c.html.gz, pages/notes.txt (ignored)."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_bytes(page("Alpha story"))
    (root / "b.htm").write_bytes(page("Bravo story"))
    (root / "sub" / "c.html.gz").write_bytes(gzip.compress(page("Charlie story")))
    (root / "notes.txt").write_text("not a page", encoding="utf-8")
    return root


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_single_file_to_stdout_as_jsonl(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(pages / "a.html")]) == 0
    out, err = capsys.readouterr()
    [record] = jsonl(out)
    assert record["headline"] == "Alpha story"
    assert "seven to six" in record["body"]
    assert record["url"] is None
    assert err == ""


def test_folder_is_searched_recursively_in_sorted_order(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(pages)]) == 0
    headlines = [r["headline"] for r in jsonl(capsys.readouterr().out)]
    assert headlines == ["Alpha story", "Bravo story", "Charlie story"]


def test_folder_walk_keeps_each_callers_names_and_order(tmp_path: Path) -> None:
    """One walk (the fetch layer's) behind two callers that keep what they always took, in their order:
    ``extract`` .html/.htm(.gz) sorted by the whole path; ``scrape --files`` any HTML suffix, each
    folder's files before its subfolders."""
    for name in ["z.html", "a/x.htm", "a/b/y.HTML.gz", "a.xhtml", "m.shtml.gz", ".html", "n.txt", "c.htm.gz"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"<p>x</p>")
    assert folder_pages(tmp_path) == [
        str(tmp_path / name) for name in [".html", "a/b/y.HTML.gz", "a/x.htm", "c.htm.gz", "z.html"]
    ]
    assert [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])] == [
        "a.xhtml", "c.htm.gz", "m.shtml.gz", "z.html", "a/x.htm", "a/b/y.HTML.gz"
    ]  # fmt: skip


def test_glob_expands_to_matching_files(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(pages / "**" / "*.gz")]) == 0
    assert [r["headline"] for r in jsonl(capsys.readouterr().out)] == ["Charlie story"]


def test_stdin_with_url(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page("Delta story"))))
    assert main(["extract", "-", "--url", "https://news.example/d", "--format", "json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["headline"] == "Delta story"
    assert record["url"] == "https://news.example/d"


def test_missing_file_becomes_error_record_and_exit_1(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(pages / "nope.html")
    assert main(["extract", str(pages / "a.html"), missing]) == 1
    out, err = capsys.readouterr()
    good, bad = jsonl(out)
    assert good["headline"] == "Alpha story"
    assert bad["error"] == "NotFound"
    assert bad["message"] == f"no such file: {missing}"
    assert set(bad) == {"url", "error", "message", "time"}
    assert f"extractor: error: no such file: {missing}\n" in err


def test_corrupt_gzip_is_a_decode_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.html.gz"
    bad.write_bytes(gzip.compress(page("Echo"))[:30])
    assert main(["extract", str(bad), "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert jsonl(out)[0]["error"] == "DecodeError"
    assert err == ""  # --quiet


MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def test_gzip_bomb_in_a_folder_is_an_error_record_and_the_good_pages_are_written(
    pages: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (pages / "sub" / "bomb.html.gz").write_bytes(gzip_bomb(40 * MB))  # 40 KB, past the 20 MB default cap
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(pages), "--output", str(out)]) == 1
    records = jsonl(out.read_text(encoding="utf-8"))
    assert [r.get("headline") or r["error"] for r in records] == [
        "Alpha story", "Bravo story", "TooLarge", "Charlie story"
    ]  # fmt: skip
    assert records[2]["message"].startswith(str(pages / "sub" / "bomb.html.gz") + ": gzip data expands past")
    assert "done: 3 ok, 1 failed of 4 pages" in capsys.readouterr().err


def test_gzip_bomb_on_stdin_and_through_json_is_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = gzip_bomb(40 * MB)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bomb)))
    assert main(["extract", "-", "--quiet"]) == 1
    [record] = jsonl(capsys.readouterr().out)
    assert record["error"] == "TooLarge"
    assert record["message"].startswith("<stdin>: ")
    (tmp_path / "bomb.html.gz").write_bytes(bomb)
    assert main(["--json", str(tmp_path / "bomb.html.gz")]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["error"] == "TooLarge"
    assert "expands past the 20971520 byte cap" in err


def test_max_bytes_caps_plain_and_gzip_pages(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (pages / "big.html").write_bytes(page("Big", "<p>filler</p>" * 2000))
    (pages / "big.html.gz").write_bytes(gzip.compress(page("Big gz", "<p>filler</p>" * 2000)))
    assert main(["extract", str(pages), "--max-bytes", "16k", "--quiet"]) == 1
    records = jsonl(capsys.readouterr().out)
    assert [r.get("headline") or r["error"] for r in records] == [
        "Alpha story", "Bravo story", "TooLarge", "TooLarge", "Charlie story"
    ]  # fmt: skip


def test_binary_input_is_not_html(
    pages: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (pages / "image.html").write_bytes(PNG)
    (pages / "report.htm.gz").write_bytes(gzip.compress(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256))))
    assert main(["extract", str(pages), "--quiet"]) == 1
    records = jsonl(capsys.readouterr().out)
    assert [r.get("headline") or r["error"] for r in records] == [
        "Alpha story", "Bravo story", "NotHTML", "NotHTML", "Charlie story"
    ]  # fmt: skip
    assert "PNG" in records[2]["message"]
    assert "PDF" in records[3]["message"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(random.Random(5).randbytes(3000))))
    assert main(["--json", "-"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "NotHTML"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "shift_jis", "euc-kr"])
def test_pages_in_wide_and_legacy_encodings_still_extract(
    tmp_path: Path, codec: str, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "한국 기사" if codec == "euc-kr" else "東京の記事"
    html = page(title).decode().replace("charset='utf-8'", f"charset='{codec}'")
    (tmp_path / "p.html").write_bytes(html.encode(codec, errors="xmlcharrefreplace"))
    assert main(["extract", str(tmp_path / "p.html")]) == 0
    [record] = jsonl(capsys.readouterr().out)
    assert record["headline"] == title
    assert "seven to six" in record["body"]


def test_exception_in_extraction_does_not_stop_the_batch(
    pages: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = cli_extract.extract_article

    def flaky(html: bytes, url: str | None = None, **kwargs: object) -> object:
        if b"Bravo" in html:
            raise ValueError("cannot cope\nwith this page")
        return real(html, url, **kwargs)

    monkeypatch.setattr(cli_extract, "extract_article", flaky)
    assert main(["extract", str(pages)]) == 1
    out, err = capsys.readouterr()
    records = jsonl(out)
    assert [r.get("error") for r in records] == [None, "ExtractionError", None]
    assert records[1]["message"] == f"{pages / 'b.htm'}: ValueError: cannot cope"
    assert "done: 2 ok, 1 failed of 3 pages" in err


def test_csv_output_file_writes_the_joinable_tables(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main(["extract", str(pages), str(pages / "gone.html"), "--output", str(out), "-q"]) == 1
    tables = {}
    for name, fields in [
        ("", ARTICLE_FIELDS),
        (".quotes", QUOTE_FIELDS),
        (".comments", COMMENT_FIELDS),
        (".errors", ERROR_FIELDS),
    ]:
        with open(tmp_path / f"out{name}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
            tables[name] = rows
        with open(tmp_path / f"out{name}.csv", encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == list(fields)
    articles = tables[""]
    assert [r["headline"] for r in articles] == ["Alpha story", "Bravo story", "Charlie story"]
    assert articles[0]["article_id"] == article_id(str(pages / "a.html"))
    assert "seven to six" in articles[0]["body"]
    assert "\n" in articles[0]["body"]
    assert [r["error"] for r in tables[".errors"]] == ["NotFound"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_csv_to_stdout_is_articles_only_with_a_note(
    pages: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def with_quote(html: bytes, url: str | None = None, **kwargs: object) -> object:
        from extractor.model import Quote

        article = real(html, url, **kwargs)
        article.quotes = [Quote("We will build the bridge", "direct", speaker="the mayor")]
        return article

    real = cli_extract.extract_article
    monkeypatch.setattr(cli_extract, "extract_article", with_quote)
    assert main(["extract", str(pages / "a.html"), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == list(ARTICLE_FIELDS)
    assert len(rows) == 2
    assert "articles table only" in err


def test_format_follows_output_suffix(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["extract", str(pages / "a.html"), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["headline"] == "Alpha story"


def test_fetched_at_is_passed_through(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(pages / "a.html"), "--fetched-at", "2024-05-01T12:00:00Z"]) == 0
    assert jsonl(capsys.readouterr().out)[0]["fetched_at"] == "2024-05-01T12:00:00+00:00"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract", "{pages}", "--url", "https://x.example/"], "--url needs a single input"),
        (["extract", "{pages}/a.html", "--fetched-at", "yesterday"], "not an ISO 8601 date-time"),
        (["extract", "{pages}/a.html", "--format", "xml"], "invalid choice"),
        (["extract", "{pages}/a.html", "-o", "{pages}/no/such/dir/out.jsonl"], "folder does not exist"),
        (["extract", "-", "-"], "only once"),
        (["extract"], "the following arguments are required"),
    ],
)
def test_usage_errors_exit_2(
    pages: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main([a.format(pages=pages) for a in argv])
    err = capsys.readouterr().err
    assert code == 2
    assert f"extractor: error: {message}" in err or message in err.splitlines()[-1]


def test_empty_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"extractor: error: no .html/.htm(.gz) pages found in: {tmp_path}\n"


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"]])
def test_help_explains_flags_with_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert "e.g." in out
    if argv[0] == "extract":
        for flag in ("--url", "--format", "--output", "--fetched-at", "--quiet"):
            assert flag in out
        assert "out.quotes.csv" in out.lower() or "OUT.quotes.csv" in out


@pytest.mark.parametrize("command", ["extract", "scrape", "demo"])
def test_every_option_with_a_default_says_it_in_help(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newcomer reads the defaults in --help ('--delay S ... (default: 1.0 s)'), not in the code."""
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    parser = _subparser(command)
    for action in parser._actions:
        if not action.option_strings or action.nargs == 0 or action.default in (None, [], argparse.SUPPRESS):
            continue
        flag = (
            action.option_strings[-1]
            if action.option_strings[-1].startswith("--")
            else action.option_strings[0]
        )
        block = out.split(f" {flag} ", 1)[1][:600] if f" {flag} " in out else ""
        assert "default" in block.split(" --", 1)[0], f"{command} {flag}: no default in --help"


def _subparser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand, as main() builds it."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[command]


def test_json_shortcut_prints_one_object(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", str(pages / "sub" / "c.html.gz"), "--url", ""]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["headline"] == "Charlie story"
    assert record["url"] is None


def test_json_shortcut_failure_prints_error_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", str(tmp_path / "nope.html")]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["error"] == "NotFound"
    assert err.startswith("extractor: error: no such file:")


def test_cli_py_from_a_checkout(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page("Foxtrot story"))
    result = subprocess.run(
        [sys.executable, "cli.py", "extract", str(tmp_path / "p.html"), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))[0]["headline"] == "Foxtrot story"


def test_python_m_extractor_json_shortcut(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page("Golf story"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "extractor",
            "--json",
            str(tmp_path / "p.html"),
            "--url",
            "https://g.example/1",
        ],
        cwd=REPO,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.decode("utf-8"))
    assert (record["headline"], record["url"]) == ("Golf story", "https://g.example/1")


def test_no_comments_flag_drops_comment_records(capsys: pytest.CaptureFixture[str]) -> None:
    page_file = Path(__file__).resolve().parents[1] / "fixtures" / "wordpress-blog-threaded" / "page.html"
    assert main(["extract", str(page_file)]) == 0
    [with_comments] = jsonl(capsys.readouterr().out)
    assert main(["extract", "--no-comments", str(page_file)]) == 0
    [without] = jsonl(capsys.readouterr().out)
    assert len(with_comments["comments"]) >= 3
    assert without["comments"] == []
    assert without["headline"] == with_comments["headline"]


# -- CSV: formula cells and one article_id per input (issue 16, cases 5 and 9a) ------------


def shared_canonical_page(n: int) -> bytes:
    """Pages that differ but name one canonical URL (as a site pointing every page home does)."""
    return page(f"Story {n}").replace(
        b"</head>", b"<link rel='canonical' href='https://news.example/'></head>"
    )


@pytest.mark.parametrize("command", ["extract", "scrape"])
def test_csv_neutralises_formulas_unless_asked_not_to(command: str, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "evil.html").write_bytes(page("=HYPERLINK(&quot;http://evil.example&quot;)"))
    source = [str(tmp_path / "in")] if command == "extract" else ["--files", str(tmp_path / "in")]
    for name, extra in (("safe", []), ("raw", ["--csv-raw-formulas"])):
        out = tmp_path / f"{name}.csv"
        assert main([command, *source, "--format", "csv", "--output", str(out), "-q", *extra]) == 0
        with open(out, encoding="utf-8", newline="") as fh:
            [row] = list(csv.DictReader(fh))
        expected = '=HYPERLINK("http://evil.example")'
        assert row["headline"] == (expected if extra else "'" + expected)


@pytest.mark.parametrize("command", ["extract", "scrape"])
def test_csv_article_ids_are_one_per_input_with_a_shared_canonical(command: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        (folder / f"p{n:02}.html").write_bytes(shared_canonical_page(n))
    source = [str(folder)] if command == "extract" else ["--files", str(folder)]
    out = tmp_path / "out.csv"
    assert main([command, *source, "--format", "csv", "--output", str(out), "-q"]) == 0
    with open(out, encoding="utf-8", newline="") as fh:
        articles = list(csv.DictReader(fh))
    with open(tmp_path / "out.quotes.csv", encoding="utf-8", newline="") as fh:
        quotes = list(csv.DictReader(fh))
    assert {a["canonical_url"] for a in articles} == {"https://news.example/"}
    ids = {a["article_id"]: a["headline"] for a in articles}
    assert len(ids) == 12
    assert quotes
    assert all(ids[q["article_id"]] for q in quotes)
    assert sorted(q["article_id"] for q in quotes) == sorted(ids)  # one quote per page, each to its own


def test_console_script_is_the_packages_main() -> None:
    """pyproject's ``extractor`` script, ``python -m extractor`` and ``cli.py`` all run ``extractor.cli:main``."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, name = scripts["extractor"].partition(":")
    assert (module, name) == ("extractor.cli", "main")
    assert getattr(importlib.import_module(module), name) is main


def test_extract_with_several_workers_writes_what_one_worker_writes(tmp_path: Path) -> None:
    """--workers N extracts pages in parallel worker processes; the records come out in input
    order, byte for byte the same as one page at a time, a broken page included."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for fixture in sorted((REPO / "fixtures").glob("*/page.html*")):
        (pages / f"{fixture.parent.name}.{fixture.name}").write_bytes(fixture.read_bytes())
    (pages / "zz-broken.html.gz").write_bytes(b"\x1f\x8b not gzip")
    outputs = []
    for workers, limit in (("1", "30"), ("3", "30"), ("2", "0")):
        out = tmp_path / f"out-{workers}-{limit}.jsonl"
        code = main([
            "extract", str(pages), "--output", str(out), "--quiet", "--workers", workers,
            "--page-time-limit", limit, "--fetched-at", "2024-05-01T12:00:00Z",
        ])  # fmt: skip
        assert code == 1  # the broken page
        # (an error record's "time" is when it happened: the one field that differs by run)
        outputs.append(re.sub(rb', "time": "[^"]*"', b"", out.read_bytes()))
    lines = outputs[0].splitlines()
    assert len(lines) == len(list(pages.iterdir())) > 10
    assert json.loads(lines[-1])["error"] == "DecodeError"
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]


def test_extract_workers_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "page.html", "--workers", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_scrape_with_a_missing_url_list_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["scrape", "--urls", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--urls file not found" in err
    assert "cannot write output" not in err
    assert not out.exists()
    assert main(["scrape", "--urls", str(tmp_path), "-o", str(out)]) == 2
    assert "is not a file" in capsys.readouterr().err


def test_every_scrape_flag_is_a_library_option_or_an_output_choice() -> None:
    """The README says scrape(**options) takes the command line's options under their dest names;
    the flags that are not options are about writing the output, which a library caller does."""
    from dataclasses import fields

    from extractor.jobs import ScrapeOptions

    output_flags = {
        "help",
        "format",
        "output",
        "overwrite",
        "retry_errors",
        "escape_formulas",
        "quiet",
        "renderings",
    }
    options = {f.name for f in fields(ScrapeOptions)}
    for action in _subparser("scrape")._actions:
        if action.option_strings:
            assert action.dest in options | output_flags, action.option_strings


def test_extract_on_many_inputs_ends_with_a_summary_line(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newcomer sees that the job finished and how it went, on stderr, unless --quiet."""
    assert main(["extract", str(pages), "--output", str(pages.parent / "out.jsonl")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("extractor: done: ")
    assert " failed of " in err[-1]
    assert main(["extract", str(pages), "--output", str(pages.parent / "out2.jsonl"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_quote_confidence_sets_the_bar_of_the_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    page_file = Path(__file__).resolve().parents[1] / "fixtures" / "huawei-sample" / "page.html"
    runs = {}
    for bar in (None, "0", "0.9"):
        assert main(["extract", *(["--quote-confidence", bar] if bar else []), str(page_file)]) == 0
        [record] = jsonl(capsys.readouterr().out)
        runs[bar] = [(q["text"], q["confidence"]) for q in record["quotes"]]
    assert set(runs["0.9"]) < set(runs[None]) <= set(runs["0"])
    assert runs["0.9"]
    assert all(c >= 0.9 for _, c in runs["0.9"])
    assert main(["extract", "--quote-confidence", "2", str(page_file)]) == 2
    assert "from 0 to 1" in capsys.readouterr().err
