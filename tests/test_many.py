"""extract_many and in_order: saved pages on every core, records in input order."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from extractor.jobs import extract_many, in_order
from extractor.model import Article, ErrorRecord

REPO = Path(__file__).resolve().parents[1]


def test_in_order_keeps_the_input_order_whatever_finishes_first() -> None:
    seen: set[str] = set()

    def slow_first(n: int) -> int:
        seen.add(threading.current_thread().name)
        time.sleep(0.05 if n % 3 == 0 else 0.0)
        return n * n

    assert list(in_order(slow_first, range(20), 4)) == [n * n for n in range(20)]
    assert len(seen) > 1  # it did run in several threads
    assert list(in_order(slow_first, range(5), 1)) == [0, 1, 4, 9, 16]


def test_in_order_holds_at_most_two_batches_in_flight() -> None:
    started: list[int] = []

    def record(n: int) -> int:
        started.append(n)
        return n

    results = in_order(record, range(100), 3)
    first = next(results)
    assert first == 0
    assert len(started) <= 2 * 3 + 1  # the window, plus the one that freed a slot
    assert list(results) == list(range(1, 100))


def test_extract_many_gives_the_same_records_in_order_with_any_number_of_workers(tmp_path: Path) -> None:
    pages = sorted((REPO / "fixtures").glob("*/page.html"))[:6]
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not gzip")
    inputs = [*pages[:3], broken, *pages[3:]]
    one = list(extract_many(inputs, workers=1, time_limit=0, memory_limit=0))
    two = list(extract_many(inputs, workers=2))
    assert [type(r) for r in one] == [Article, Article, Article, ErrorRecord, Article, Article, Article]
    assert one[3].error == "DecodeError"  # type: ignore[union-attr]
    assert [r.url for r in one] == [r.url for r in two]
    assert [r.to_dict() for r in one if isinstance(r, Article)] == [
        r.to_dict() for r in two if isinstance(r, Article)
    ]


def test_extract_many_refuses_zero_workers() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_many([], workers=0))
