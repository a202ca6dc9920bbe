"""One pytest test per fixture folder, with one line in a user's test module.

    # tests/test_my_sites.py
    from extractor.pytest_plugin import fixture_tests

    test_fixture = fixture_tests("fixtures/")

Each folder under ``fixtures/`` (page.html + meta.json + expected.json, see
``fixtures/README.md``) becomes a test named after it, e.g.
``test_fixture[german-news]``. A test fails when the fixture itself is
inconsistent (an expected text that is not on the page, a vacuous
``must_not_contain``) or when a field regressed, with the same per-field diff
``extractor fixtures check`` prints. Fields the fixture lists under
``known_failures`` are reported as xfail instead of failing, after every other
field has been checked; once they pass, the test passes and says so.

This is a helper, not an auto-loaded ``pytest11`` plugin, on purpose: a
library should not add tests to every suite that happens to install it, and
one explicit line says which folder is checked. pytest is imported lazily so
importing :mod:`extractor` never requires it.
"""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

from .fixtures import (
    Extract,
    check_fixture,
    extract_fixture,
    fixture_dirs,
    format_result,
    load_fixture,
    run_fixture,
)

__all__ = ["fixture_tests", "resolve_root", "run_one"]


def resolve_root(root: str | Path, caller_file: str | None = None) -> Path:
    """The fixtures folder: as given (absolute or relative to the working directory),
    else relative to the test module that asked for it.

    Both are tried because pytest is run from the project root in CI but from
    anywhere on a laptop; the module-relative reading keeps working in both.
    """
    path = Path(root)
    if path.is_dir():
        return path.resolve()
    if caller_file is not None and not path.is_absolute():
        beside = Path(caller_file).resolve().parent / path
        if beside.is_dir():
            return beside
    raise FileNotFoundError(f"fixtures folder not found: {root}")


def fixture_tests(
    root: str | Path,
    *,
    skip: Iterable[str] = (),
    text_threshold: float = 1.0,
    extract: Extract = extract_fixture,
) -> Callable[[Path], None]:
    """A pytest test function parametrized over the fixture folders under ``root``.

    ``skip`` leaves fields unchecked (e.g. ``{"quotes"}``), ``text_threshold``
    is the default similarity for free text (a fixture's meta.json may set
    its own), ``extract`` replaces the extractor (a user's own pipeline that
    post-processes :func:`extractor.extract_article`).
    """
    import pytest

    frame = inspect.stack()[1]
    folder = resolve_root(root, frame.filename)
    skipped = frozenset(skip)

    @pytest.mark.parametrize("fixture_path", fixture_dirs(folder), ids=lambda p: p.name)
    def test_fixture(fixture_path: Path) -> None:
        run_one(fixture_path, skip=skipped, text_threshold=text_threshold, extract=extract)

    return test_fixture


def run_one(
    path: Path, *, skip: Iterable[str] = (), text_threshold: float = 1.0, extract: Extract = extract_fixture
) -> None:
    """The body of one fixture test: fail on problems, xfail on known failures only."""
    import pytest

    fixture = load_fixture(path)
    problems = check_fixture(fixture)
    if problems:
        pytest.fail(f"fixture {fixture.name} is inconsistent:\n  " + "\n  ".join(problems), pytrace=False)
    result, _record = run_fixture(fixture, skip=skip, text_threshold=text_threshold, extract=extract)
    if not result.ok:
        pytest.fail("\n" + format_result(result, show_known=True), pytrace=False)
    if result.fixed:
        warnings.warn(
            f"{fixture.name}: known failure(s) now pass: {', '.join(result.fixed)}; remove them from "
            "known_failures in expected.json",
            stacklevel=1,
        )
    if result.known:
        reasons = "; ".join(f"{k}: {v}" for k, v in fixture.known_failures.items() if k not in result.fixed)
        pytest.xfail(f"known failures ({reasons})")
