"""`extractor fixtures record|check`: on copies of fixtures in tmp_path, and against a local HTTP server."""

from __future__ import annotations

import argparse
import io
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from _server import LocalServer, Response

from extractor.cli.fixtures import add_fixtures_parser, run_fixtures
from extractor.fixtures import load_fixture

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = "no-comments-minimal"


def _run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="extractor")
    add_fixtures_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["fixtures", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = run_fixtures(args, out, err)
    return code, out.getvalue(), err.getvalue()


def _copy(tmp_path: Path, *names: str) -> Path:
    root = tmp_path / "fx"
    for name in names:
        shutil.copytree(FIXTURES / name, root / name)
    return root


def _edit(folder: Path, **changes: Any) -> None:
    path = folder / "expected.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_check_passes_and_prints_a_summary(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    code, out, _ = _run("check", "--dir", str(root))
    assert code == 0
    assert SAMPLE in out
    assert "1 fixtures: 1 passed, 0 failed" in out


def test_check_names_the_regressed_field_and_exits_1(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    _edit(root / SAMPLE, headline="Mill Lane stays open")
    code, out, _ = _run("check", "--dir", str(root))
    assert code == 1
    assert f"FAIL {SAMPLE}" in out
    assert "headline: expected 'Mill Lane stays open', got 'Mill Lane resurfacing from 23 September'" in out
    assert "1 fixtures: 0 passed, 1 failed" in out


def test_check_block_diff_is_a_unified_diff(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    blocks = json.loads((root / SAMPLE / "expected.json").read_text(encoding="utf-8"))["blocks"]
    blocks[0] = {"kind": "paragraph", "text": blocks[0]["text"].replace("five days", "six days")}
    _edit(root / SAMPLE, blocks=blocks)
    code, out, _ = _run("check", "--dir", str(root))
    assert code == 1
    assert "blocks:" in out
    assert "-paragraph:" in out
    assert "+paragraph:" in out
    # A looser threshold accepts the near miss; a fixture's own threshold would win over it.
    assert _run("check", "--dir", str(root), "--threshold", "0.95")[0] == 0


def test_known_failures_are_reported_not_failing(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    _edit(root / SAMPLE, headline="Wrong", known_failures={"headline": "headline bug, see issue 99"})
    code, out, _ = _run("check", "--dir", str(root), "--show-known")
    assert code == 0
    assert "[known failure] headline" in out
    _edit(root / SAMPLE, headline="Mill Lane resurfacing from 23 September")
    code, out, _ = _run("check", "--dir", str(root))
    assert code == 0
    assert "fixed: headline now matches" in out


def test_skip_and_name_selection(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE, "german-news")
    _edit(root / SAMPLE, headline="Wrong")
    assert _run("check", "--dir", str(root), "--skip", "headline")[0] == 0
    code, out, _ = _run("check", "german-news", "--dir", str(root))
    assert "german-news" in out
    assert SAMPLE not in out
    code, _, err = _run("check", "nope", "--dir", str(root))
    assert code == 2
    assert "no such fixture" in err


def test_usage_errors(tmp_path: Path) -> None:
    assert _run("check", "--dir", str(tmp_path / "missing"))[0] == 2
    assert _run("check", "--dir", str(tmp_path))[0] == 2  # no fixtures in it
    assert _run()[0] == 2
    assert _run("record")[0] == 2
    assert _run("record", "--from-file", "x.html")[0] == 2  # needs --url


def test_update_accepts_new_output_but_keeps_partial_keys_and_rules(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    folder = root / SAMPLE
    before = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    _edit(folder, headline="Old headline", published="2024-09-11")
    code, out, _ = _run("check", "--dir", str(root), "--update")
    assert code == 1  # the run that updates still reports the regression it accepted
    assert "headline: expected 'Old headline'" in out
    assert "updated" in out
    after = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert after == before  # the page's truth came back, date-only stayed date-only
    assert list(after) == list(before)
    assert after["must_not_contain"] == before["must_not_contain"]
    assert _run("check", "--dir", str(root))[0] == 0


def test_update_never_accepts_leaked_boilerplate(tmp_path: Path) -> None:
    root = _copy(tmp_path, SAMPLE)
    folder = root / SAMPLE
    text = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["blocks"][0]["text"]
    rules = {"body": [text[:30]]}  # on the page and in the body: the rule fails on every run
    _edit(folder, must_not_contain=rules)
    code, out, _ = _run("check", "--dir", str(root), "--update")
    assert code == 1
    assert "not updated" in out
    assert "must_not_contain" in out
    assert json.loads((folder / "expected.json").read_text(encoding="utf-8"))["must_not_contain"] == rules


def _page() -> bytes:
    return (FIXTURES / SAMPLE / "page.html").read_bytes()


def test_record_from_file(tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_bytes(_page())
    root = tmp_path / "fx"
    code, out, _ = _run(
        "record",
        "--from-file",
        str(saved),
        "--url",
        "https://www.brackenford-tc.example/news/mill-lane-resurfacing",
        "--dir",
        str(root),
        "--header",
        "Content-Type: text/html",
        "--fetched-at",
        "2024-09-13T08:00:00+01:00",
    )
    assert code == 0
    folder = root / "brackenford-tc-example-news-mill-lane-resurfacing"
    assert str(folder) in out
    assert (folder / "page.html").read_bytes() == _page()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["headers"] == {"Content-Type": "text/html"}
    assert meta["fetched_at"] == "2024-09-13T08:00:00+01:00"
    assert "source" in meta
    assert "status" not in meta
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert expected["headline"] == "Mill Lane resurfacing from 23 September"
    assert expected["must_not_contain"] == {}
    assert expected["_notes"]
    # Recorded fixtures check clean straight away, and a second record never overwrites the first.
    assert _run("check", "--dir", str(root))[0] == 0
    assert load_fixture(folder).fetched_at == datetime.fromisoformat("2024-09-13T08:00:00+01:00")
    _run(
        "record",
        "--from-file",
        str(saved),
        "--url",
        "https://www.brackenford-tc.example/news/mill-lane-resurfacing",
        "--dir",
        str(root),
    )
    assert (root / "brackenford-tc-example-news-mill-lane-resurfacing-2").is_dir()


def test_record_urls_from_a_local_server(tmp_path: Path) -> None:
    body = "<html><head><meta charset='windows-1251'><title>Мост открыли</title></head><body><h1>Мост открыли</h1>"
    body += "<p>" + "Строительство моста длиной 84 метра заняло полтора года. " * 3 + "</p></body></html>"
    with LocalServer() as server:
        server.routes["/robots.txt"] = Response(404, b"")
        server.routes["/old"] = Response(301, b"", {"Location": "/news/most"})
        server.routes["/news/most"] = Response(
            200,
            body.encode("cp1251"),
            {"Content-Type": "text/html; charset=windows-1251", "Set-Cookie": "s=secret"},
        )
        server.routes["/gone"] = Response(404, b"<html>gone</html>")
        root = tmp_path / "fx"
        code, _out, err = _run(
            "record", server.url("/old"), server.url("/gone"), "--dir", str(root), "--delay", "0"
        )
    assert code == 1
    assert "NotFound" in err
    folders = [p for p in root.iterdir() if p.is_dir()]
    assert len(folders) == 1
    meta = json.loads((folders[0] / "meta.json").read_text(encoding="utf-8"))
    assert meta["url"] == server.url("/old")
    assert meta["final_url"] == server.url("/news/most")
    assert meta["status"] == 200
    assert meta["headers"]["Content-Type"] == "text/html; charset=windows-1251"
    assert "Set-Cookie" not in meta["headers"]
    assert datetime.fromisoformat(meta["fetched_at"]).utcoffset() is not None
    assert (folders[0] / "page.html").read_bytes() == body.encode("cp1251")
    expected = json.loads((folders[0] / "expected.json").read_text(encoding="utf-8"))
    assert expected["headline"] == "Мост открыли"
    assert _run("check", "--dir", str(root))[0] == 0


def test_record_refuses_an_existing_name(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    code, _, err = _run(
        "record", "--from-file", "x", "--url", "https://a.example/", "--dir", str(tmp_path), "--name", "taken"
    )
    assert code == 2
    assert "exists" in err


@pytest.mark.parametrize("value", ["1.5", "abc"])
def test_threshold_must_be_a_ratio(value: str) -> None:
    with pytest.raises(SystemExit):
        _run("check", "--threshold", value)


@pytest.mark.parametrize(
    "name", ["../escaped", "sub/../../escaped", "..", ".", "a/b", "a\\b", "ABSOLUTE", " "]
)
def test_record_refuses_a_name_that_leaves_the_folder(tmp_path: Path, name: str) -> None:
    """Issue 16, case 9: ``--name ../x`` or an absolute path wrote the page outside ``--dir``."""
    saved = tmp_path / "saved.html"
    saved.write_bytes(_page())
    root = tmp_path / "work" / "fx"
    outside = tmp_path / "work" / "escaped"
    name = str(outside) if name == "ABSOLUTE" else name
    code, out, err = _run(
        "record",
        "--from-file",
        str(saved),
        "--url",
        "https://a.example/n",
        "--dir",
        str(root),
        "--name",
        name,
    )
    assert code == 2
    assert "--name must be a plain folder name" in err
    assert out == ""
    assert not outside.exists()
    assert not root.exists() or not any(root.iterdir())  # nothing written anywhere


def test_record_accepts_a_plain_name(tmp_path: Path) -> None:
    saved = tmp_path / "saved.html"
    saved.write_bytes(_page())
    root = tmp_path / "fx"
    code, _, _ = _run(
        "record",
        "--from-file",
        str(saved),
        "--url",
        "https://a.example/n",
        "--dir",
        str(root),
        "--name",
        "mill-lane.v2",
    )
    assert code == 0
    assert (root / "mill-lane.v2" / "page.html").read_bytes() == _page()


def test_record_bad_name_exits_2_through_the_main_command(tmp_path: Path) -> None:
    from extractor.cli import main

    saved = tmp_path / "saved.html"
    saved.write_bytes(_page())
    argv = ["fixtures", "record", "--from-file", str(saved), "--url", "https://a.example/n"]
    assert main([*argv, "--dir", str(tmp_path / "fx"), "--name", "../out"]) == 2
    assert not (tmp_path / "out").exists()
