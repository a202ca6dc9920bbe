"""The pytest plugin (``extractor.fixtures.plugin``), run in pytester sessions.

This repository's own fixture regression run is not here: pyproject.toml sets
``extractor_fixtures = ["fixtures"]``, so this very suite collects every folder under
fixtures/ as one test (``fixtures/german-news``), exactly as a user's suite gets it. The
last test makes sure that run cannot silently disappear (a stale install without the
entry point would otherwise just skip it).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent
FIXTURES_ROOT = REPO / "fixtures"
GOOD = "no-comments-minimal"  # a fixture that passes, with no known failures
ENTRY_POINT = ("extractor-fixtures", "extractor.fixtures.plugin")


@pytest.fixture
def session(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A pytester session that loads the plugin only through ``-p``.

    Autoloading is off because an installed entry point would register the same
    module a second time under its entry-point name, which pluggy refuses.
    """
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    return pytester


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # --assert=plain: the plugin module is already imported by this session, so an inner
    # session asked to load it with -p would warn that it cannot rewrite its asserts.
    plugin = ("-p", "extractor.fixtures.plugin", "-p", "no:cacheprovider", "--assert=plain")
    return pytester.runpytest(*plugin, *args)


def _copy(pytester: pytest.Pytester, name: str, as_name: str | None = None, **changes: Any) -> Path:
    """A real fixture copied under ``fx/``, with ``changes`` made to its expected.json."""
    folder = pytester.path / "fx" / (as_name or name)
    shutil.copytree(FIXTURES_ROOT / name, folder)
    if changes:
        path = folder / "expected.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(changes)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def _collected(result: pytest.RunResult) -> list[str]:
    return [line for line in result.outlines if line and " " not in line and line != "no tests ran"]


def test_entry_point_is_declared() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, module = ENTRY_POINT
    assert project["entry-points"]["pytest11"] == {name: module}
    # The installed metadata has it only once the package is (re)installed from this pyproject.
    from importlib.metadata import entry_points

    installed = [ep for ep in entry_points(group="pytest11") if ep.name == name]
    assert all(ep.value == module for ep in installed)


def test_not_configured_it_collects_nothing_and_says_nothing(session: pytest.Pytester) -> None:
    _copy(session, GOOD)
    result = _run(session, "--collect-only", "-q")
    assert _collected(result) == ["test_plain.py::test_plain"]
    result = _run(session, "-W", "error")
    result.assert_outcomes(passed=1)
    assert "warning" not in result.stdout.str().lower()


def test_ini_option_collects_one_item_per_fixture_folder(session: pytest.Pytester) -> None:
    _copy(session, GOOD, "a")
    _copy(session, GOOD, "b")
    (session.path / "fx" / "not-a-fixture").mkdir()
    session.makeini("[pytest]\nextractor_fixtures = fx\n")
    result = _run(session, "--collect-only", "-q")
    assert _collected(result) == ["test_plain.py::test_plain", "fx/a", "fx/b"]
    _run(session).assert_outcomes(passed=3)


def test_failing_fixture_reports_its_field_difference(session: pytest.Pytester) -> None:
    _copy(session, GOOD)
    _copy(session, GOOD, "regressed", section="Roads")
    result = _run(session, "--extractor-fixtures", "fx")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*_ fixture regressed _*",
            "FAIL regressed  (*regressed)",
            "  section: expected 'Roads', got None",
            "FAILED fx/regressed - Failed: FAIL regressed*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_inconsistent_fixture_and_known_failure(session: pytest.Pytester) -> None:
    _copy(session, GOOD, "typo", headline="Mill Lane resurfacing from 32 September")
    _copy(session, GOOD, "known", section="Roads", known_failures={"section": "not stated yet"})
    result = _run(session, "--extractor-fixtures", "fx", "-rx")
    result.assert_outcomes(passed=1, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(
        [
            "fixture typo is inconsistent:",
            "  headline is not on the page: 'Mill Lane resurfacing from 32 September'",
            "XFAIL fx/known - known failures (section: not stated yet)",
        ]
    )


def test_paths_on_the_command_line_select_ini_fixtures(session: pytest.Pytester) -> None:
    _copy(session, GOOD, "a")
    _copy(session, GOOD, "b")
    session.makeini("[pytest]\nextractor_fixtures = fx\n")
    assert _collected(_run(session, "--collect-only", "-q", "test_plain.py")) == ["test_plain.py::test_plain"]
    assert _collected(_run(session, "--collect-only", "-q", "fx/b")) == ["fx/b"]
    assert _collected(_run(session, "--collect-only", "-q", "-k", "a and not plain")) == ["fx/a"]


def test_command_line_folder_replaces_the_ini_and_ignores_paths(session: pytest.Pytester) -> None:
    _copy(session, GOOD, "a")
    shutil.copytree(FIXTURES_ROOT / GOOD, session.path / "other" / "c")
    session.makeini("[pytest]\nextractor_fixtures = fx\n")
    result = _run(session, "--collect-only", "-q", "--extractor-fixtures", "other", "test_plain.py")
    assert _collected(result) == ["test_plain.py::test_plain", "other/c"]


def test_skip_and_threshold_ini_options(session: pytest.Pytester) -> None:
    _copy(session, GOOD, "regressed", section="Roads")
    session.makeini("[pytest]\nextractor_fixtures = fx\nextractor_fixtures_skip = section quotes\n")
    _run(session).assert_outcomes(passed=2)
    session.makeini("[pytest]\nextractor_fixtures = fx\nextractor_fixtures_threshold = 2\n")
    result = _run(session)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "extractor_fixtures_threshold must be a number between 0 and 1" in result.stderr.str()


def test_missing_folder_is_a_collection_error(session: pytest.Pytester) -> None:
    result = _run(session, "--extractor-fixtures", "nowhere")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["extractor fixtures folder not found: *nowhere"])


def test_one_line_helper_still_works_without_the_plugin(pytester: pytest.Pytester) -> None:
    _copy(pytester, GOOD, "a")
    _copy(pytester, GOOD, "regressed", section="Roads")
    pytester.makepyfile(
        test_sites=(
            "from extractor.fixtures.plugin import fixture_tests\ntest_fixture = fixture_tests('fx')\n"
        )
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "--assert=plain", "-q")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["  section: expected 'Roads', got None"])


def test_this_suite_runs_the_repositorys_fixtures(pytestconfig: pytest.Config) -> None:
    """The plugin is active here and pointed at fixtures/ (else: `pip install -e .` again)."""
    assert pytestconfig.pluginmanager.hasplugin("extractor-fixtures"), (
        "plugin not installed: pip install -e ."
    )
    assert [Path(str(p)).name for p in pytestconfig.getini("extractor_fixtures")] == ["fixtures"]
