"""The README's main-job command: `demo` scrapes the fixtures from a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


def test_demo_scrapes_every_fixture_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "demo.jsonl"
    code = main(["demo", "--fixtures", str(ROOT / "fixtures"), "--output", str(out)])
    assert code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    slugs = sorted(p.parent.name for p in (ROOT / "fixtures").glob("*/page.html"))
    assert sorted(r["url"].rstrip("/").rsplit("/", 1)[1] for r in records) == slugs
    assert all(r["url"].startswith("http://127.0.0.1:") for r in records)
    by_slug = {r["url"].rstrip("/").rsplit("/", 1)[1]: r for r in records}
    assert by_slug["huawei-sample"]["headline"] == "Washington pressures allied countries to drop Huawei"
    assert all("error" not in r for r in records)


def test_demo_reports_a_missing_fixture_folder(tmp_path: Path) -> None:
    assert main(["demo", "--fixtures", str(tmp_path / "nope"), "--output", str(tmp_path / "o.jsonl")]) == 2


def test_demo_finds_the_checkouts_fixtures_from_another_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "demo.jsonl"
    assert main(["demo", "--output", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(list((ROOT / "fixtures").glob("*/page.html")))
