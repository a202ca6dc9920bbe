"""Per-page time and memory limits: a page that would hang or swamp a job becomes a typed error
record (TimeLimit, MemoryLimit), and the next page is still extracted.

The hangs are real: a catastrophic regex and a pure-Python endless loop, run inside the worker
process. They reach a real extraction through a worker ``initializer`` (a picklable module-level
function, as for ProcessPoolExecutor) that wraps the body step in the worker only; the page that
trips it carries a marker. The memory cases use a real page too large for the limit, and a step
that allocates without end.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import signal
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from _server import LocalServer, Response, page

from extractor import ExtractionError, MemoryLimit, TimeLimit, extract_article
from extractor.cli import main
from extractor.cli.scrape import add_scrape_parser
from extractor.core import limits
from extractor.core.limits import LimitedPool
from extractor.jobs import batch as jobs
from extractor.jobs.batch import ScrapeOptions, scrape
from extractor.model import Article, ErrorRecord

MARKER = "trips-the-injected-step"
# Far below any hang (which never ends) and far above a small page's extraction on a busy machine.
LIMIT = 2.0
WELL_BEFORE = 60.0


# ---------------------------------------------------------------- what runs inside the workers


def catastrophic_regex() -> object:
    """Exponential backtracking in the C regex engine: 2**60 paths, never finishes."""
    return re.match(r"(a+)+$", "a" * 60 + "b")


def endless_loop() -> None:
    n = 0
    while True:
        n += 1


def allocate_without_end() -> None:
    blocks = []
    while True:
        blocks.append(bytearray(16 * 1024 * 1024))


def double(x: int) -> int:
    return 2 * x


def fail() -> None:
    raise ValueError("not this one")


def fail_with_lxml_error() -> None:
    from lxml import etree

    etree.fromstring("<unclosed")  # XMLSyntaxError carries an unpicklable error log


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


TRAPS = {"regex": catastrophic_regex, "loop": endless_loop, "memory": allocate_without_end}


def install_trap(kind: str) -> None:
    """Worker initializer: the body step of a page that carries MARKER runs the trap."""
    from extractor import extract as article

    real = article.extract_body

    def body_step(tree: object, **kwargs: object) -> object:
        if MARKER in tree.text_content():  # type: ignore[attr-defined]
            TRAPS[kind]()
        return real(tree, **kwargs)  # type: ignore[arg-type]

    article.extract_body = body_step  # type: ignore[assignment]


def trapped(title: str) -> bytes:
    return page(title, extra=f"<p>{MARKER}</p>")


def huge_page(paragraphs: int = 300_000) -> bytes:
    """About 14 MB of HTML; extracting it takes well over 100 MB (and half a minute)."""
    paras = "".join(f"<p>Paragraph {i} of a page far too big to extract.</p>" for i in range(paragraphs))
    return f"<html><head><meta charset=utf-8><title>Big</title></head><body><article>{paras}</article></body></html>".encode()


@pytest.fixture
def pool() -> Iterator[LimitedPool]:
    with LimitedPool(1, time_limit=LIMIT, memory_limit=256) as p:
        yield p


def trapped_shared_pool(monkeypatch: pytest.MonkeyPatch, kind: str) -> LimitedPool:
    """The pool behind extract_article(time_limit=...), with the trap installed in its workers."""
    trap_pool = LimitedPool(1, initializer=install_trap, initargs=(kind,))
    monkeypatch.setattr(limits, "_shared", trap_pool)
    return trap_pool


# ---------------------------------------------------------------- the pool


@pytest.mark.parametrize("hang", [catastrophic_regex, endless_loop])
def test_a_hang_is_stopped_and_the_worker_replaced(pool: LimitedPool, hang: object) -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimit) as info:
        pool.call(hang)  # type: ignore[arg-type]
    assert time.monotonic() - started < WELL_BEFORE
    assert info.value.kind == "TimeLimit"
    assert info.value.limit == LIMIT
    assert isinstance(info.value, ExtractionError)
    assert pool.call(double, 21) == 42  # a fresh worker takes the next call


def test_endless_allocation_is_a_memory_limit(pool: LimitedPool) -> None:
    with pytest.raises(MemoryLimit) as info:
        pool.call(allocate_without_end)
    assert info.value.kind == "MemoryLimit"
    assert "256 MB" in info.value.reason
    assert pool.call(double, 2) == 4


def test_worker_exceptions_come_back_as_they_were(pool: LimitedPool) -> None:
    with pytest.raises(ValueError, match="not this one"):
        pool.call(fail)
    with pytest.raises(ExtractionError, match=r"^XMLSyntaxError: "):  # unpicklable: its type and text
        pool.call(fail_with_lxml_error)
    assert pool.call(double, 5) == 10  # the same worker, still in step
    with pytest.raises((pickle.PicklingError, AttributeError)):  # a lambda cannot be sent
        pool.call(double, lambda: 1)
    assert pool.call(double, 6) == 12


def test_a_worker_killed_while_idle_is_replaced(pool: LimitedPool) -> None:
    assert pool.call(double, 1) == 2
    [worker] = pool._idle
    os.kill(worker._process.pid, signal.SIGKILL)  # type: ignore[union-attr] - as the OOM killer would
    time.sleep(0.2)
    assert pool.call(double, 3) == 6


def test_a_worker_that_dies_is_an_extraction_error_and_is_replaced() -> None:
    with LimitedPool(1, time_limit=LIMIT) as pool:
        with pytest.raises(ExtractionError, match="died \\(SIGKILL\\)") as info:
            pool.call(die)
        assert info.value.kind == "ExtractionError"
        assert pool.call(double, 4) == 8


def test_a_worker_that_dies_under_a_memory_limit_is_a_memory_limit(pool: LimitedPool) -> None:
    with pytest.raises(MemoryLimit, match="SIGKILL"):  # what the kernel's OOM killer does
        pool.call(die)
    assert pool.call(double, 4) == 8


def test_limits_are_checked() -> None:
    with pytest.raises(ValueError, match="time_limit must be a positive number of seconds"):
        LimitedPool(1, time_limit=-1)
    with pytest.raises(ValueError, match="time_limit must be a positive number of seconds"):
        extract_article(page("x"), time_limit=float("nan"))


# ---------------------------------------------------------------- extract_article with a time limit


@pytest.mark.parametrize("kind", ["regex", "loop"])
def test_extract_article_time_limit(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    trap_pool = trapped_shared_pool(monkeypatch, kind)
    try:
        started = time.monotonic()
        with pytest.raises(TimeLimit):
            extract_article(trapped("Stuck story"), "https://news.example/stuck", time_limit=LIMIT)
        assert time.monotonic() - started < WELL_BEFORE
        article = extract_article(page("Next story"), "https://news.example/next", time_limit=LIMIT)
        assert article.headline == "Next story"
        assert "Paragraph 2" in article.body
    finally:
        trap_pool.shutdown()


def test_extract_article_memory_limit_on_a_real_page() -> None:
    with pytest.raises(MemoryLimit):
        extract_article(huge_page(), memory_limit=100)
    article = extract_article(page("Small story"), memory_limit=100)
    assert article.headline == "Small story"


def test_limited_extraction_gives_the_same_record() -> None:
    html = page("Same story", paragraphs=5)
    fetched = extract_article(b"<p>x</p>").fetched_at
    plain = extract_article(html, "https://news.example/same", fetched_at=fetched)
    limited = extract_article(
        html, "https://news.example/same", fetched_at=fetched, time_limit=30, memory_limit=512
    )
    assert limited.to_dict() == plain.to_dict()


# ---------------------------------------------------------------- scrape


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        srv.routes["/stuck"] = Response(body=trapped("Stuck story"))
        srv.fallback = lambda req: Response(body=page(f"Story {req.path.strip('/')}"))
        yield srv


@pytest.mark.parametrize(("kind", "error"), [("regex", "TimeLimit"), ("memory", "MemoryLimit")])
def test_scrape_turns_a_page_over_a_limit_into_an_error_record(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, kind: str, error: str
) -> None:
    monkeypatch.setattr(jobs, "LimitedPool", partial(LimitedPool, initializer=install_trap, initargs=(kind,)))
    urls = [server.url("/a"), server.url("/stuck"), *(server.url(f"/p{i}") for i in range(3))]
    started = time.monotonic()
    records = list(scrape(urls, delay=0, workers=2, page_time_limit=LIMIT, page_memory_limit=256))
    assert time.monotonic() - started < WELL_BEFORE
    by_url = {r.url: r for r in records}
    assert len(records) == len(urls)
    stuck = by_url[server.url("/stuck")]
    assert isinstance(stuck, ErrorRecord)
    assert stuck.error == error
    assert "stopped" in stuck.message
    others = [by_url[u] for u in urls if u != server.url("/stuck")]
    assert all(isinstance(r, Article) for r in others)
    assert [r.headline for r in others] == ["Story a", "Story p0", "Story p1", "Story p2"]  # type: ignore[union-attr]


def test_scrape_limits_default_on_and_zero_is_off() -> None:
    assert (ScrapeOptions().page_time_limit, ScrapeOptions().page_memory_limit) == (30.0, 2048.0)
    pool = jobs._extraction_pool(ScrapeOptions(processes=2, page_time_limit=5, page_memory_limit=0))
    assert isinstance(pool, LimitedPool)
    assert (pool.max_workers, pool.time_limit, pool.memory_limit) == (2, 5.0, None)
    assert jobs._extraction_pool(ScrapeOptions(workers=1)).max_workers == 1  # type: ignore[union-attr]
    assert jobs._extraction_pool(ScrapeOptions(page_time_limit=0, page_memory_limit=0)) is None


def run_scrape_cli(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="cli.py")
    add_scrape_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_scrape_cli_options_records_and_resume(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        jobs, "LimitedPool", partial(LimitedPool, initializer=install_trap, initargs=("regex",))
    )
    urls = [server.url("/a"), server.url("/stuck"), server.url("/b")]
    out = tmp_path / "out.jsonl"
    argv = ["scrape", *urls, "--delay", "0", "-o", str(out), "--page-time-limit", str(LIMIT)]
    assert run_scrape_cli(argv) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((r["url"], r.get("error")) for r in records) == sorted(
        [(urls[0], None), (urls[1], "TimeLimit"), (urls[2], None)]
    )
    assert "TimeLimit 1" in capsys.readouterr().err
    assert run_scrape_cli(argv) == 0  # resumed: every URL already has its record
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


# ---------------------------------------------------------------- extract


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    (root / "a.html").write_bytes(page("Alpha story"))
    (root / "b.html").write_bytes(trapped("Bravo story"))
    (root / "c.html").write_bytes(page("Charlie story"))
    return root


def test_extract_cli_time_limit(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trap_pool = trapped_shared_pool(monkeypatch, "loop")
    try:
        assert main(["extract", str(folder), "--page-time-limit", str(LIMIT)]) == 1
    finally:
        trap_pool.shutdown()
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("error") or r["headline"] for r in records] == ["Alpha story", "TimeLimit", "Charlie story"]
    assert records[1]["message"].startswith(f"{folder / 'b.html'}: extraction took longer than 2 s")
    assert "done: 2 ok, 1 failed of 3 pages" in err


def test_extract_cli_memory_limit_on_a_real_page(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "b.html").write_bytes(huge_page())
    assert main(["extract", str(folder), "--page-memory-limit", "100", "-q"]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("error") or r["headline"] for r in records] == [
        "Alpha story",
        "MemoryLimit",
        "Charlie story",
    ]


def test_extract_cli_limits_off_runs_in_process(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(limits, "_shared", None)
    (folder / "b.html").write_bytes(page("Bravo story"))
    assert main(["extract", str(folder), "--page-time-limit", "0", "--page-memory-limit", "0"]) == 0
    assert limits._shared is None  # no worker pool was made
    assert len(capsys.readouterr().out.splitlines()) == 3


@pytest.mark.parametrize("command", ["extract", "scrape"])
def test_help_shows_the_limits_and_their_defaults(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--page-time-limit S" in text
    assert "TimeLimit" in text
    assert "default: 30)" in text
    assert "--page-memory-limit MB" in text
    assert "MemoryLimit" in text
    assert "default: 2048)" in text


def test_bad_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "x.html", "--page-time-limit", "-1"]) == 2
    assert "0: no limit" in capsys.readouterr().err


def scrape_in_a_pool_worker(url: str) -> list[str]:
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        records = list(scrape([url], delay=0))
    return [type(r).__name__ for r in records] + [str(w.message) for w in caught]


def test_scrape_in_a_daemonic_process_goes_on_without_limits(server: LocalServer) -> None:
    """A multiprocessing.Pool worker may not start processes: the job warns and extracts in threads."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as mp_pool:
        [result] = mp_pool.map(scrape_in_a_pool_worker, [server.url("/a")])
    assert result[0] == "Article"
    assert any("without time and memory limits" in text for text in result[1:])
    with (
        pytest.raises(RuntimeError, match="daemonic"),
        multiprocessing.get_context("spawn").Pool(1) as mp_pool,
    ):
        mp_pool.apply(extract_article, (page("x"),), {"time_limit": 5})
