"""The README's main-job command: `demo` scrapes fixture pages from a local server.

Without ``--fixtures`` it serves the pages bundled with the package (``extractor/cli/demo_pages``,
package data), so an installed wheel runs it from any folder; the last tests build the package
the way an install does and check the pages go with it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.cli.demo import JOB_OPTIONS
from extractor.cli.scrape import add_scrape_parser, options_from_args

ROOT = Path(__file__).resolve().parents[1]
DEMO_PAGES = ROOT / "extractor" / "cli" / "demo_pages"
BUNDLED = sorted(p.parent.name for p in DEMO_PAGES.glob("*/page.html"))


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


def test_demo_reports_a_folder_without_fixture_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty" / "not-a-fixture").mkdir(parents=True)
    assert main(["demo", "--fixtures", str(tmp_path / "empty"), "--output", str(tmp_path / "o.jsonl")]) == 2
    assert "no fixture pages" in capsys.readouterr().err


def test_demo_runs_from_any_folder_on_the_bundled_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./fixtures here
    out = tmp_path / "demo.jsonl"
    assert main(["demo", "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["url"].rstrip("/").rsplit("/", 1)[1] for r in records) == BUNDLED
    assert all("error" not in r for r in records)
    err = capsys.readouterr().err
    assert err.startswith(f"serving {len(BUNDLED)} fixture pages on http://127.0.0.1:")
    assert err.endswith(f"records written to {out}\n")


def test_the_bundled_pages_are_a_few_fixture_folders_unchanged() -> None:
    assert 4 <= len(BUNDLED) <= 8
    assert sum(p.stat().st_size for p in DEMO_PAGES.rglob("*") if p.is_file()) < 200_000
    for slug in BUNDLED:
        for name in ("page.html", "meta.json"):
            assert (DEMO_PAGES / slug / name).read_bytes() == (ROOT / "fixtures" / slug / name).read_bytes()


def test_demo_runs_the_scrape_command_with_no_delay() -> None:
    parser = argparse.ArgumentParser()
    add_scrape_parser(parser.add_subparsers(dest="command"))
    assert options_from_args(parser.parse_args(["scrape", "--delay", "0"])) == JOB_OPTIONS


# -- packaging: the pages are package data ---------------------------------------------------


def _copy_of_the_project(tmp_path: Path) -> Path:
    """What a build needs, copied, so building never writes into the checkout."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "extractor", src / "extractor", ignore=shutil.ignore_patterns("__pycache__"))
    return src


def _build_wheel(src: Path, dist: Path) -> tuple[Path | None, str]:
    """A wheel built offline (pip, else the ``build`` front end); (None, why not) when neither can."""
    commands = [[sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                 "-w", str(dist), "."]]  # fmt: skip
    if importlib.util.find_spec("build") is not None:
        commands.append(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), "."]
        )
    reasons = []
    for command in commands:
        result = subprocess.run(command, cwd=src, capture_output=True, text=True, timeout=300, check=False)
        wheels = sorted(dist.glob("*.whl"))
        if result.returncode == 0 and wheels:
            return wheels[0], ""
        lines = [line.strip() for line in (result.stderr + result.stdout).splitlines()]
        # The build backend's own complaint (e.g. "error: invalid command 'bdist_wheel'"), not pip's wrapper.
        errors = [line for line in lines if line.startswith("error:") and "subprocess" not in line]
        reasons.append(f"{command[2]}: {errors[0] if errors else 'exit ' + str(result.returncode)}")
    return None, "; ".join(reasons)


def test_the_wheel_carries_the_demo_pages(tmp_path: Path) -> None:
    wheel, why = _build_wheel(_copy_of_the_project(tmp_path), tmp_path / "dist")
    if wheel is None:
        pytest.skip(f"cannot build a wheel offline here (old setuptools needs the 'wheel' package): {why}")
    names = set(zipfile.ZipFile(wheel).namelist())
    for slug in BUNDLED:
        assert f"extractor/cli/demo_pages/{slug}/page.html" in names
        assert f"extractor/cli/demo_pages/{slug}/meta.json" in names
    assert "extractor/py.typed" in names


def test_an_installed_build_runs_the_demo_from_any_folder(tmp_path: Path) -> None:
    """setuptools' build_py lays out the package as a wheel holds it (package data included), with
    nothing but setuptools; the demo then runs from that copy in an empty folder."""
    src = _copy_of_the_project(tmp_path)
    lib = tmp_path / "lib"
    build = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py", "--build-lib", str(lib)],
        cwd=src, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if build.returncode != 0:
        pytest.skip(f"setuptools cannot build the package here: {build.stderr.strip()[-300:]}")
    for slug in BUNDLED:
        assert (lib / "extractor" / "cli" / "demo_pages" / slug / "page.html").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = elsewhere / "demo.jsonl"
    env = {**os.environ, "PYTHONPATH": str(lib)}
    where = subprocess.run(
        [sys.executable, "-c", "import extractor; print(extractor.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(lib)  # the built copy, not the checkout
    run = subprocess.run(
        [sys.executable, "-m", "extractor", "demo", "--output", str(out)],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert f"serving {len(BUNDLED)} fixture pages" in run.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(BUNDLED)
