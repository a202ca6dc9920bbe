"""Saved pages with their expected records, and the comparison that checks them.

A fixture is a folder ``<name>/`` holding ``page.html`` (the bytes as served),
``meta.json`` (url, fetched_at, headers, source) and ``expected.json`` (a
*partial* ``Article.to_dict()``: only the fields the page's author knows to be
true, plus ``must_not_contain``). See ``fixtures/README.md`` for the format.

``compare()`` is a pure function of two dicts so that the same code serves the
pytest regression suite (``extractor.pytest_plugin``) and the ``fixtures
check`` command (``extractor.fixtures_cli``): it reports every difference as a
``FieldDiff`` instead of stopping at the first, because a fixture run is read
by a person deciding what regressed.

The second half of the module is the workflow around it: extract a fixture
(``run_fixture``), report (``format_result``, ``summary_table``), accept new
output (``updated_expected``) and save a page as a new fixture
(``record_fixture``). Only ``run_fixture`` and ``record_fixture`` touch the
extractor; everything else is plain data in, plain data out.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

PAGE_FILE = "page.html"
META_FILE = "meta.json"
EXPECTED_FILE = "expected.json"
MUST_NOT_CONTAIN = "must_not_contain"

_WS = re.compile(r"\s+")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Quotation marks and the punctuation that closes a quoted clause ("…,” said),
# including the CJK and Arabic full stop and commas.
# Stripped from both ends of quote texts so that the mark convention is not part
# of what a fixture asserts.
_QUOTE_EDGES = "\"'“”„‟«»‹›‚‘’「」『』,.;:。，、،؛ \t\n\u00a0\u202f"
_COPYRIGHT_PREFIX = re.compile(r"^(?:©|\(c\)|copyright\b)\s*", re.IGNORECASE)
_DATE_FIELDS = frozenset({"published", "modified", "fetched_at"})
# Free text compared by similarity when a threshold < 1 is set. The headline is
# not among them: it is short and exact, so a near miss is a real change.
_TEXT_FIELDS = frozenset({"standfirst", "description", "body"})
KNOWN_FAILURES = "known_failures"
TEXT_THRESHOLD = "text_threshold"


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One way in which an extracted record differs from its expectation."""

    field: str
    message: str
    # "value" (the field differs) or "must_not_contain" (boilerplate leaked in):
    # --update can accept the first, never the second.
    kind: str = "value"

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    @property
    def top_field(self) -> str:
        """The record field a diff is about: ``comments[2].author`` -> ``comments``."""
        return re.split(r"[\[.]", self.field, maxsplit=1)[0]


@dataclass(frozen=True, slots=True)
class Fixture:
    """One saved page plus what its author knows to be true about it."""

    name: str
    path: Path
    html: bytes
    url: str | None
    fetched_at: datetime | None
    headers: dict[str, str]
    expected: dict[str, Any]
    must_not_contain: dict[str, list[str]] = field(default_factory=dict)
    source: str | None = None
    final_url: str | None = None  # where redirects ended, when it differs from ``url``
    status: int | None = None
    # Per-fixture similarity threshold for free text (meta.json "text_threshold").
    text_threshold: float | None = None
    # Fields the extractor is known to get wrong: {field: reason} (expected.json).
    known_failures: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- loading


def fixture_dirs(root: str | Path) -> list[Path]:
    """Fixture folders under ``root`` in name order (stable test ids)."""
    base = Path(root)
    return sorted(p for p in base.iterdir() if p.is_dir() and (p / PAGE_FILE).is_file())


def load_fixture(path: str | Path) -> Fixture:
    """Read one fixture folder; raises ValueError on a malformed fixture.

    A fixture whose fetch time has no zone is rejected: relative dates in the
    page ("3 hours ago") are anchored on it, so it must name an instant.
    """
    folder = Path(path)
    meta = _read_json(folder / META_FILE)
    expected = _read_json(folder / EXPECTED_FILE)
    fetched_at = _parse_instant(meta["fetched_at"]) if meta.get("fetched_at") else None
    if fetched_at is not None and fetched_at.tzinfo is None:
        raise ValueError(f"{folder}: fetched_at must carry a timezone offset")
    must_not_contain = expected.pop(MUST_NOT_CONTAIN, None) or {}
    known_failures = expected.pop(KNOWN_FAILURES, None) or {}
    threshold = meta.get(TEXT_THRESHOLD)
    if threshold is not None and not 0.0 <= float(threshold) <= 1.0:
        raise ValueError(f"{folder}: text_threshold must be between 0 and 1, got {threshold!r}")
    return Fixture(
        name=folder.name,
        path=folder,
        html=(folder / PAGE_FILE).read_bytes(),
        url=meta.get("url"),
        fetched_at=fetched_at,
        headers=dict(meta.get("headers") or {}),
        expected=expected,
        must_not_contain={k: list(v) for k, v in must_not_contain.items()},
        source=meta.get("source"),
        final_url=meta.get("final_url"),
        status=meta.get("status"),
        text_threshold=None if threshold is None else float(threshold),
        known_failures={str(k): str(v) for k, v in known_failures.items()},
    )


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise TypeError(f"{path}: expected a JSON object")
    return data


# --------------------------------------------------------------------------- comparing


def compare(
    expected: Mapping[str, Any], actual: Mapping[str, Any] | Any, *, text_threshold: float = 1.0
) -> list[FieldDiff]:
    """Differences between a partial expected record and an extracted one.

    Only fields present in ``expected`` are checked, so a fixture states what
    its author knows and nothing more. Keys starting with ``_`` are notes.
    ``text_threshold`` < 1 accepts free text (standfirst, description, body,
    blocks as a whole, comment and quote texts) whose difflib similarity ratio
    reaches it (headline, dates, authors and counts stay exact); 1.0 means equal after
    whitespace folding. ``actual`` may be an ``Article`` (anything with
    ``to_dict()``) or its dict.
    """
    record = _as_record(actual)
    diffs: list[FieldDiff] = []
    for name, want in expected.items():
        if name.startswith("_"):
            continue
        if name == MUST_NOT_CONTAIN:
            diffs.extend(check_must_not_contain(want, record))
            continue
        checker = _checker_for(name)
        diffs.extend(checker(name, want, record.get(name), text_threshold))
    return diffs


def check_must_not_contain(
    rules: Mapping[str, Sequence[str]], actual: Mapping[str, Any] | Any
) -> list[FieldDiff]:
    """Boilerplate strings that leaked into a field (``body``, ``comments``, ...).

    Matching is on whitespace-folded text and case-sensitive: the strings are
    exact snippets of page furniture ("Write new comment"), and ignoring case
    would let them hit ordinary prose ("write new comments") by accident.
    """
    record = _as_record(actual)
    diffs: list[FieldDiff] = []
    for name, needles in rules.items():
        haystack = _norm(_field_text(record, name))
        for needle in needles:
            at = haystack.find(_norm(needle))
            if at >= 0:
                context = haystack[max(0, at - 40) : at + len(needle) + 40]
                diffs.append(
                    FieldDiff(name, f"must not contain {needle!r} (found in …{context}…)", "must_not_contain")
                )
    return diffs


def check_record(
    fixture: Fixture,
    actual: Mapping[str, Any] | Any,
    *,
    only: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    text_threshold: float = 1.0,
) -> list[FieldDiff]:
    """All differences between a fixture's expectations and one extracted record.

    ``only`` / ``skip`` select fields (``must_not_contain`` rules follow the
    field they guard), so work in progress (comments, quotes) can be checked
    apart from what must already hold.
    """
    wanted = None if only is None else frozenset(only)
    skipped = frozenset(skip)

    def selected(name: str) -> bool:
        return name not in skipped and (wanted is None or name in wanted)

    expected = {k: v for k, v in fixture.expected.items() if selected(k)}
    rules = {k: v for k, v in fixture.must_not_contain.items() if selected(k)}
    return compare(expected, actual, text_threshold=text_threshold) + check_must_not_contain(rules, actual)


def format_diffs(diffs: Iterable[FieldDiff]) -> str:
    """One readable report, e.g. for a failing assertion."""
    return "\n".join(str(d) for d in diffs)


_Checker = Callable[[str, Any, Any, float], list[FieldDiff]]


def _checker_for(name: str) -> _Checker:
    """The comparison rule for a field; exact equality unless the field needs more."""
    special: dict[str, _Checker] = {
        "blocks": _compare_blocks,
        "comments": _compare_comments,
        "images": _compare_images,
        "quotes": _compare_quotes,
        "language": _compare_language,
    }
    if name in special:
        return special[name]
    if name in _DATE_FIELDS:
        return _compare_date
    if name in _TEXT_FIELDS:
        return _compare_text
    return _compare_exact


def _compare_exact(name: str, want: Any, got: Any, _threshold: float) -> list[FieldDiff]:
    if _normalise_value(want) == _normalise_value(got):
        return []
    return [FieldDiff(name, f"expected {want!r}, got {got!r}")]


def _compare_text(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    if want is None or got is None:
        return _compare_exact(name, want, got, threshold)
    ratio = _similarity(str(want), str(got))
    if ratio >= threshold:
        return []
    return [FieldDiff(name, f"expected {want!r}, got {got!r} (similarity {ratio:.2f})")]


def _compare_language(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Language tags: a bare expectation ("en") accepts any region ("en-GB").

    Whether a record says "en" or "en-GB" is a normalisation choice the model
    leaves open; a fixture that cares about the region spells it out.
    """
    if want is None or got is None:
        return _compare_exact(name, want, got, threshold)
    want_tag = str(want).replace("_", "-").lower()
    got_tag = str(got).replace("_", "-").lower()
    if "-" not in want_tag:
        got_tag = got_tag.split("-", 1)[0]
    if want_tag == got_tag:
        return []
    return [FieldDiff(name, f"expected {want!r}, got {got!r}")]


def _compare_date(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Dates are instants: equal if they name the same moment, whatever the offset.

    A date-only expectation ("2024-03-04") is for pages that state only a day;
    it accepts any time on that day. A naive extracted datetime never equals an
    aware expectation: it does not name an instant.
    """
    if want is None or got is None:
        return _compare_exact(name, want, got, threshold)
    problem = _date_problem(str(want), got, day_only=False)
    return [FieldDiff(name, problem)] if problem else []


def _date_problem(want: str, got: Any, *, day_only: bool) -> str | None:
    try:
        actual = got if isinstance(got, datetime) else _parse_instant(str(got))
    except ValueError:
        return f"expected {want}, got unparseable {got!r}"
    if _DATE_ONLY.match(want) or day_only:
        expected_day = date.fromisoformat(want[:10])
        return (
            None if expected_day in _local_days(actual, want) else f"expected day {expected_day}, got {got}"
        )
    expected = _parse_instant(want)
    if actual.tzinfo is None:
        return f"expected {want}, got {got} (no timezone)"
    return None if actual == expected else f"expected {want}, got {got}"


def _local_days(actual: datetime, want: str) -> set[date]:
    """The day of ``actual`` as written and as seen in the expectation's offset.

    Either reading is accepted, so a record that kept the page's own offset and
    one that normalised to UTC both pass a day-level check.
    """
    days = {actual.date()}
    if actual.tzinfo is not None and not _DATE_ONLY.match(want):
        zone = _parse_instant(want).tzinfo
        if zone is not None:
            days.add(actual.astimezone(zone).date())
    return days


def _compare_blocks(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Blocks as an ordered list of (kind, text); a unified diff shows what moved."""
    expected_lines = [_block_line(b) for b in want or []]
    actual_lines = [_block_line(b) for b in got or []]
    if expected_lines == actual_lines:
        return []
    ratio = _similarity("\n".join(expected_lines), "\n".join(actual_lines))
    if threshold < 1.0 and ratio >= threshold:
        return []
    diff = "\n".join(
        difflib.unified_diff(expected_lines, actual_lines, "expected", "actual", n=1, lineterm="")
    )
    summary = f"{len(expected_lines)} expected blocks, {len(actual_lines)} extracted (similarity {ratio:.2f})"
    return [FieldDiff(name, f"{summary}\n{diff}")]


def _block_line(block: Mapping[str, Any]) -> str:
    return f"{block.get('kind')}: {_norm(block.get('text'))}"


def _compare_images(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Images in order; each compared on the keys its expectation gives."""
    want_list, got_list = list(want or []), list(got or [])
    if len(want_list) != len(got_list):
        return [
            FieldDiff(
                name,
                f"expected {len(want_list)} images {[i.get('src') for i in want_list]}, "
                f"got {len(got_list)} {[i.get('src') for i in got_list]}",
            )
        ]
    diffs: list[FieldDiff] = []
    for index, (w, g) in enumerate(zip(want_list, got_list)):
        for key, value in w.items():
            normalise = _credit if key == "credit" else _normalise_value
            if normalise(value) != normalise(g.get(key)):
                diffs.append(FieldDiff(f"{name}[{index}].{key}", f"expected {value!r}, got {g.get(key)!r}"))
    return diffs


def _credit(value: Any) -> Any:
    """A credit without its copyright sign: "© Shutterstock" and "Shutterstock" agree.

    Fixtures write the credit line as the page shows it; whether a record keeps
    the sign is a rendering convention the model leaves open.
    """
    if not isinstance(value, str):
        return value
    return _COPYRIGHT_PREFIX.sub("", _norm(value)) or None


def _compare_comments(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Comments in page order, on the keys each expectation gives.

    ``published`` is checked on the day only (pages often show just a date or a
    relative one), ``text`` after whitespace folding (paragraph separators
    inside a comment are a rendering choice). A different count is reported as
    a diff of one-line summaries, which shows missing or extra comments at once.
    """
    want_list, got_list = list(want or []), list(got or [])
    if len(want_list) != len(got_list):
        keys = sorted({k for w in want_list for k in w} & {"author", "depth", "published", "text"})
        expected_lines = [_comment_line(c, keys) for c in want_list]
        actual_lines = [_comment_line(c, keys) for c in got_list]
        diff = "\n".join(
            difflib.unified_diff(expected_lines, actual_lines, "expected", "actual", n=1, lineterm="")
        )
        return [FieldDiff(name, f"expected {len(want_list)} comments, got {len(got_list)}\n{diff}")]
    diffs: list[FieldDiff] = []
    for index, (w, g) in enumerate(zip(want_list, got_list)):
        for key, value in w.items():
            problem = _comment_field_problem(key, value, g.get(key), threshold)
            if problem:
                diffs.append(FieldDiff(f"{name}[{index}].{key}", problem))
    return diffs


def _comment_field_problem(key: str, want: Any, got: Any, threshold: float) -> str | None:
    if key == "published" and want is not None and got is not None:
        return _date_problem(str(want), got, day_only=True)
    if key == "text" and want is not None and got is not None:
        ratio = _similarity(str(want), str(got))
        return None if ratio >= threshold else f"expected {want!r}, got {got!r} (similarity {ratio:.2f})"
    if _normalise_value(want) == _normalise_value(got):
        return None
    return f"expected {want!r}, got {got!r}"


def _comment_line(comment: Mapping[str, Any], keys: Sequence[str]) -> str:
    parts = []
    for key in keys:
        value = comment.get(key)
        if key == "published" and value:
            value = str(value)[:10]
        if key == "text":
            value = _norm(value)[:70]
        parts.append(f"{key}={value}")
    return " | ".join(parts)


def _compare_quotes(name: str, want: Any, got: Any, threshold: float) -> list[FieldDiff]:
    """Quotes are a recall check: each expected statement must be found.

    Extra extracted quotes are not errors: where reported speech starts and
    ends is a judgement call, and a fixture cannot enumerate every reading.
    Texts match without their quotation marks and closing punctuation.
    """
    candidates = list(got or [])
    diffs: list[FieldDiff] = []
    for index, w in enumerate(want or []):
        target = _quote_text(w.get("text"))
        match = _best_quote(target, candidates, threshold)
        if match is None:
            diffs.append(FieldDiff(f"{name}[{index}]", f"not found: {w.get('text')!r}"))
            continue
        for key, value in w.items():
            if key != "text" and _normalise_value(value) != _normalise_value(match.get(key)):
                diffs.append(
                    FieldDiff(
                        f"{name}[{index}].{key}",
                        f"expected {value!r}, got {match.get(key)!r} for {w.get('text')!r}",
                    )
                )
    return diffs


def _best_quote(
    target: str, candidates: Sequence[Mapping[str, Any]], threshold: float
) -> Mapping[str, Any] | None:
    best: Mapping[str, Any] | None = None
    best_ratio = 0.0
    for candidate in candidates:
        ratio = _similarity(target, _quote_text(candidate.get("text")))
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best if best is not None and best_ratio >= threshold else None


def _quote_text(text: Any) -> str:
    return _norm(text).strip(_QUOTE_EDGES)


# --------------------------------------------------------------------------- fixture sanity


def check_fixture(fixture: Fixture) -> list[str]:
    """Problems in a fixture itself, independent of any extractor.

    Catches the mistakes that make a fixture silently useless: an expected text
    that is not on the page (a typo would make the test unpassable), a
    forbidden string that is not on the page (the check could never fail), or
    one that the expected body itself contains (the check could never pass).
    """
    problems: list[str] = []
    if fixture.fetched_at is None:
        problems.append("meta.json: fetched_at is missing")
    if not fixture.url:
        problems.append("meta.json: url is missing")
    if not fixture.source:
        problems.append("meta.json: source (origin of the markup pattern) is missing")
    page = _norm(_page_text(fixture))
    for name in ("headline", "standfirst"):
        value = fixture.expected.get(name)
        if value and _norm(value) not in page:
            problems.append(f"{name} is not on the page: {value!r}")
    for index, image in enumerate(fixture.expected.get("images") or []):
        if not _src_in_page(str(image.get("src") or ""), fixture.html):
            problems.append(f"images[{index}].src is not in the page source: {image.get('src')!r}")
    for index, block in enumerate(fixture.expected.get("blocks") or []):
        if _norm(block.get("text")) not in page:
            problems.append(f"blocks[{index}] text is not on the page: {block.get('text')!r}")
    for index, comment in enumerate(fixture.expected.get("comments") or []):
        for line in str(comment.get("text") or "").split("\n"):
            if _norm(line) not in page:
                problems.append(f"comments[{index}] text is not on the page: {line!r}")
    for name in fixture.known_failures:
        if name not in fixture.expected and name not in fixture.must_not_contain:
            problems.append(f"known_failures.{name}: the fixture does not check that field")
    expected_body = _norm(_field_text(fixture.expected, "body"))
    for name, needles in fixture.must_not_contain.items():
        for needle in needles:
            if _norm(needle) not in page:
                problems.append(f"must_not_contain.{name} {needle!r} is not on the page")
            if name == "body" and _norm(needle) in expected_body:
                problems.append(f"must_not_contain.body {needle!r} occurs in the expected body")
    return problems


def _src_in_page(src: str, html: bytes) -> bool:
    """The image URL as written, or its path (pages often link images relative to themselves)."""
    from urllib.parse import urlsplit

    if src.encode("utf-8") in html:
        return True
    path = urlsplit(src).path
    return len(path) > 1 and path.encode("utf-8") in html


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _page_text(fixture: Fixture) -> str:
    """All text of the page, markup dropped, decoded as the page declares.

    Deliberately independent of the extractor's decoding so that a decoding bug
    cannot make a broken fixture look consistent.
    """
    from lxml import html as lxml_html  # local: loading and comparing need no lxml

    charset = "utf-8"
    content_type = next((v for k, v in fixture.headers.items() if k.lower() == "content-type"), "")
    declared = re.search(r"charset=([\w.:-]+)", content_type) or _META_CHARSET.search(fixture.html[:4096])
    if declared:
        found = declared.group(1)
        charset = found.decode("ascii") if isinstance(found, bytes) else found
    text = fixture.html.decode(charset, errors="replace")
    return lxml_html.document_fromstring(text).text_content()


# --------------------------------------------------------------------------- helpers


def _as_record(actual: Mapping[str, Any] | Any) -> Mapping[str, Any]:
    if hasattr(actual, "to_dict"):
        record: Mapping[str, Any] = actual.to_dict()
        return record
    return cast(Mapping[str, Any], actual)


def _field_text(record: Mapping[str, Any], name: str) -> str:
    """The text of a field as one string, for substring checks.

    ``body`` falls back to the blocks' texts; lists of records (comments,
    quotes, blocks) contribute their ``text``.
    """
    value = record.get(name)
    if name == "body" and value is None:
        value = [b.get("text") for b in record.get("blocks") or []]
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return str(value.get("text") or "")
    if isinstance(value, Iterable):
        return "\n".join(_field_text({"v": item}, "v") for item in value)
    return str(value)


def _norm(text: Any) -> str:
    """Whitespace folding (incl. no-break spaces): layout, not content."""
    return _WS.sub(" ", str(text or "")).strip()


def _normalise_value(value: Any) -> Any:
    if isinstance(value, str):
        return _norm(value)
    if isinstance(value, (list, tuple)):
        return [_normalise_value(v) for v in value]
    return value


def _similarity(a: str, b: str) -> float:
    a, b = _norm(a), _norm(b)
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _parse_instant(value: str) -> datetime:
    """ISO-8601 including a trailing 'Z', which fromisoformat only takes from 3.11."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


# --------------------------------------------------------------------------- running fixtures

# What a freshly recorded expectation pins, and on which keys for list items.
RECORDED_FIELDS: tuple[str, ...] = (
    "headline",
    "standfirst",
    "description",
    "authors",
    "published",
    "modified",
    "language",
    "site_name",
    "canonical_url",
    "section",
    "tags",
    "comment_count",
    "page_type",
    "paywalled",
    "images",
    "blocks",
    "comments",
    "quotes",
)
_ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "images": ("src", "alt", "caption", "credit"),
    "blocks": ("kind", "text"),
    "comments": ("author", "depth", "published", "text"),
    "quotes": ("text", "speaker"),
}
# Response headers that describe the transfer, not the saved bytes (page.html is
# stored decoded), or that carry credentials: never written to meta.json.
_DROPPED_HEADERS = frozenset(
    {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "set-cookie"}
)
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60

Extract = Callable[[Fixture], Any]


@dataclass(frozen=True, slots=True)
class FixtureResult:
    """The outcome of re-extracting one fixture, split the way a reviewer reads it.

    ``diffs`` are regressions; ``known`` are diffs in fields the fixture lists
    under ``known_failures`` (reported, not failing); ``fixed`` names known
    failures that now pass, so their entry can be removed.
    """

    name: str
    path: Path
    checked: tuple[str, ...] = ()
    diffs: tuple[FieldDiff, ...] = ()
    known: tuple[FieldDiff, ...] = ()
    fixed: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.diffs

    @property
    def status(self) -> str:
        if self.error is not None:
            return "ERROR"
        return "FAIL" if self.diffs else "ok"

    @property
    def failed_fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.top_field for d in self.diffs))


def extract_fixture(fixture: Fixture) -> Any:
    """The record the extractor gives for a fixture today, as a job would produce it.

    Links resolve against the final URL (after redirects); the record keeps the
    requested one, like ``extractor.jobs`` does.
    """
    from .article import extract_article  # local: comparing needs no extractor

    article = extract_article(
        fixture.html, fixture.final_url or fixture.url, headers=fixture.headers, fetched_at=fixture.fetched_at
    )
    article.url = fixture.url
    return article


def run_fixture(
    fixture: Fixture,
    *,
    skip: Iterable[str] = (),
    text_threshold: float = 1.0,
    extract: Extract = extract_fixture,
) -> tuple[FixtureResult, dict[str, Any] | None]:
    """Extract one fixture and compare; returns the result and the extracted record.

    The fixture's own ``text_threshold`` (meta.json) wins over the caller's
    default: the person who wrote the page knows how stable its text is. An
    exception in the extractor is a result (``error``), not a crash, so one
    broken page does not hide the others.
    """
    skipped = frozenset(skip)
    threshold = fixture.text_threshold if fixture.text_threshold is not None else text_threshold
    checked = tuple(
        k
        for k in [*fixture.expected, *fixture.must_not_contain]
        if not k.startswith("_") and k not in skipped
    )
    try:
        record = _as_record(extract(fixture))
    except Exception as exc:  # noqa: BLE001 - reported per fixture
        error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return FixtureResult(fixture.name, fixture.path, tuple(dict.fromkeys(checked)), error=error), None
    diffs = check_record(fixture, record, skip=skipped, text_threshold=threshold)
    known_fields = frozenset(fixture.known_failures)
    regressions = tuple(d for d in diffs if d.top_field not in known_fields)
    known = tuple(d for d in diffs if d.top_field in known_fields)
    still_failing = {d.top_field for d in known}
    fixed = tuple(f for f in fixture.known_failures if f not in still_failing and f not in skipped)
    result = FixtureResult(
        fixture.name, fixture.path, tuple(dict.fromkeys(checked)), regressions, known, fixed
    )
    return result, dict(record)


# --------------------------------------------------------------------------- reporting


def format_result(result: FixtureResult, *, show_known: bool = False) -> str:
    """A readable block per fixture: every failing field with its diff, indented."""
    lines = [f"{result.status} {result.name}  ({result.path})"]
    if result.error is not None:
        lines.append(f"  extraction failed: {result.error}")
    for diff in result.diffs:
        lines.append(_indent(str(diff)))
    if show_known:
        for diff in result.known:
            lines.append(_indent(f"[known failure] {diff}"))
    for name in result.fixed:
        lines.append(f"  fixed: {name} now matches; remove it from known_failures")
    return "\n".join(lines)


def _indent(text: str) -> str:
    head, *rest = text.split("\n")
    return "\n".join(["  " + head, *("      " + line for line in rest)])


def summary_table(results: Sequence[FixtureResult]) -> str:
    """One row per fixture (result, fields checked, failing fields, known failures) and a total line."""
    rows = [("fixture", "result", "checked", "failing fields", "known failures")]
    for r in results:
        known = sorted({d.top_field for d in r.known})
        rows.append(
            (
                r.name,
                r.status,
                str(len(r.checked)),
                ", ".join(r.failed_fields) if r.error is None else r.error[:60],
                ", ".join(known) + (f" (fixed: {', '.join(r.fixed)})" if r.fixed else ""),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    failed = sum(1 for r in results if not r.ok)
    with_known = sum(1 for r in results if r.known)
    lines.append(
        f"{len(results)} fixtures: {len(results) - failed} passed, {failed} failed"
        + (f" ({with_known} with known failures)" if with_known else "")
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- accepting new output


def updated_expected(
    expected: Mapping[str, Any], actual: Mapping[str, Any] | Any, fields: Iterable[str]
) -> dict[str, Any]:
    """``expected`` (as read from expected.json) with ``fields`` replaced by ``actual``'s values.

    The key set stays partial: only fields already pinned are rewritten, and
    list items keep the keys the fixture compared them on (so a fixture that
    pins comment authors and texts does not start pinning permalinks). Notes,
    ``must_not_contain`` and ``known_failures`` are kept: boilerplate that
    leaked into the output is a bug to fix, not new truth to accept.
    """
    record = _as_record(actual)
    out = dict(expected)
    for name in fields:
        if name not in out or name.startswith("_") or name in (MUST_NOT_CONTAIN, KNOWN_FAILURES):
            continue
        out[name] = _projected(name, out[name], record.get(name))
    return out


def _projected(name: str, old: Any, new: Any) -> Any:
    """``new`` in the shape of ``old``: same item keys, date-only stays date-only."""
    if name in _ITEM_KEYS and isinstance(new, list):
        keys = _item_keys(name, old)
        return [{k: _item_value(name, k, item.get(k), old) for k in keys if k in item} for item in new]
    if name in _DATE_FIELDS and isinstance(old, str) and _DATE_ONLY.match(old) and new:
        return str(new)[:10]
    return new


def _item_keys(name: str, old: Any) -> tuple[str, ...]:
    used = [k for item in old or [] if isinstance(item, Mapping) for k in item]
    return tuple(dict.fromkeys(used)) or _ITEM_KEYS[name]


def _item_value(name: str, key: str, value: Any, old: Any) -> Any:
    if name == "comments" and key == "published" and value:
        return str(value)[:10]  # comments are compared on the day
    return value


def recorded_expected(record: Mapping[str, Any] | Any, note: str) -> dict[str, Any]:
    """A first expectation from the extractor's output, to be reviewed by a person.

    It pins the fields in ``RECORDED_FIELDS`` and leaves an empty
    ``must_not_contain`` for the reviewer to fill with the page's furniture.
    """
    data = _as_record(record)
    out: dict[str, Any] = {"_notes": [note]}
    for name in RECORDED_FIELDS:
        value = data.get(name)
        out[name] = _projected(name, [dict.fromkeys(_ITEM_KEYS[name])] if name in _ITEM_KEYS else None, value)
    out[MUST_NOT_CONTAIN] = {}
    return out


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Pretty, UTF-8 JSON (reviewable diffs), written to a temporary file and renamed."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_expected(folder: Path) -> dict[str, Any]:
    """expected.json as written, ``must_not_contain`` and notes included."""
    return _read_json(Path(folder) / EXPECTED_FILE)


# --------------------------------------------------------------------------- recording


def fixture_slug(url: str) -> str:
    """A folder name from a URL: host without www, then the path, lowercase ASCII words."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or "page"
    host = host.removeprefix("www.")
    slug = _SLUG_JUNK.sub("-", f"{host} {parts.path}".lower()).strip("-")
    return slug[:_MAX_SLUG].rstrip("-") or "page"


def named_folder(root: Path, name: str) -> Path:
    """``root/name`` for a fixture name a person chose; ValueError unless ``name`` is one plain
    folder name.

    Why: the name comes from the command line, and ``../x``, ``/tmp/x`` or ``a/b`` would
    write the page outside the fixtures folder (or below it, where ``fixtures check``,
    which reads the folder's direct subfolders, never looks).
    """
    if (
        not name.strip()
        or name in (".", "..")
        or any(sep in name for sep in ("/", "\\", "\0"))
        or Path(name).is_absolute()
        or Path(name).name != name
    ):
        raise ValueError(f"--name must be a plain folder name inside {root}, not {name!r}")
    return root / name


def unique_folder(root: Path, slug: str) -> Path:
    """``root/slug``, or ``slug-2``, ``slug-3``... if taken: recording never overwrites."""
    candidate, n = root / slug, 2
    while candidate.exists():
        candidate, n = root / f"{slug}-{n}", n + 1
    return candidate


def saved_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() not in _DROPPED_HEADERS}


def record_fixture(
    folder: Path,
    *,
    html: bytes,
    url: str,
    fetched_at: datetime,
    headers: Mapping[str, str],
    source: str,
    final_url: str | None = None,
    status: int | None = None,
    extract: Extract = extract_fixture,
) -> Fixture:
    """Save a page as served plus the extractor's current record as its expectation.

    ``folder`` must not exist yet. The expectation is today's output, marked as
    such in ``_notes``: it catches regressions at once, and becomes truth once
    a person has checked it against the page.
    """
    if fetched_at.tzinfo is None:
        raise ValueError("fetched_at must carry a timezone offset")
    folder.mkdir(parents=True, exist_ok=False)
    (folder / PAGE_FILE).write_bytes(html)
    meta: dict[str, Any] = {"url": url}
    if final_url and final_url != url:
        meta["final_url"] = final_url
    if status is not None:
        meta["status"] = status
    meta.update({"fetched_at": fetched_at.isoformat(), "headers": saved_headers(headers), "source": source})
    write_json(folder / META_FILE, meta)
    fixture = load_fixture_from(folder, meta, {})
    note = (
        f"Recorded from the extractor's output ({fetched_at.date().isoformat()}): review every field "
        "against the page, delete what you cannot vouch for, and list page furniture in must_not_contain."
    )
    write_json(folder / EXPECTED_FILE, recorded_expected(extract(fixture), note))
    return load_fixture(folder)


def load_fixture_from(folder: Path, meta: Mapping[str, Any], expected: Mapping[str, Any]) -> Fixture:
    """A Fixture from a folder's page and given meta/expected dicts (before they are written)."""
    fetched = meta.get("fetched_at")
    return Fixture(
        name=folder.name,
        path=folder,
        html=(folder / PAGE_FILE).read_bytes(),
        url=meta.get("url"),
        fetched_at=_parse_instant(fetched) if fetched else None,
        headers=dict(meta.get("headers") or {}),
        expected=dict(expected),
        source=meta.get("source"),
        final_url=meta.get("final_url"),
        status=meta.get("status"),
    )
