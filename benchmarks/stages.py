"""Where one extract_article call spends its time: ms/page per step of extractor.extract._extract.

    python benchmarks/stages.py PAGES_DIR [--limit N] [--repeat N] [--no-comments]
    python benchmarks/stages.py PAGES_DIR --limit 200 --cprofile [--top 30]

Pages are found and loaded as bench.py does (sorted, decompressed up front, untimed), one
warm-up page runs first, then every page is extracted in this process with every step
that ``_extract`` calls wrapped in a timer. The wrappers replace the names in
``extractor.extract``'s namespace, so the steps are the pipeline's own, in its order, and
this script needs no change when a step's insides change:

- decode (``decode_html``), parse (the first ``parse_html``), index (``PageIndex``),
  metadata (``extract_metadata``), page type (``detect_page_type``), comment detection
  (``detect_comments``), comment records (``extract_comments``), body (the first
  ``extract_body``), body re-reads (the fresh parses and ``extract_body`` calls after the
  first: lone-comment and too-short pages), quotes (``extract_block_quotes``);
- finalize: the rest of the call (total minus the steps above): the base URL, the
  declared comment count, images made absolute, ``finalize_page_type``, the record.

Times are the process's CPU time (``time.process_time``) by default: on a machine shared
with other jobs, wall time also counts the waits for a core, which vary more between runs
than the differences measured; ``--wall`` uses ``time.perf_counter``. ``--project DIR``
imports the extractor of another checkout (DIR holding ``extractor/``), so the same script
times the code before and after a change.

``runs`` counts the pages on which a step ran (re-reads run on few); ms/page is over all
pages, so the rows add up to the total. ``--repeat N`` runs N passes and keeps, per step,
its fastest pass. ``--cprofile`` runs one pass under cProfile instead and prints the top
functions by cumulative and by own time. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import list_pages, load_pages  # noqa: E402 - the same page loading as bench.py

FIXED_FETCH_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)

# (row, name in extractor.extract, name of the row its second and later calls go to)
STEPS: list[tuple[str, str, str | None]] = [
    ("decode", "decode_html", None),
    ("parse", "parse_html", "body re-reads"),
    ("index", "PageIndex", None),
    ("metadata", "extract_metadata", None),
    ("page type", "detect_page_type", None),
    ("comment detection", "detect_comments", None),
    ("comment records", "extract_comments", None),
    ("body", "extract_body", "body re-reads"),
    ("quotes", "extract_block_quotes", None),
]
ROWS = [
    "decode",
    "parse",
    "index",
    "metadata",
    "page type",
    "comment detection",
    "comment records",
    "body",
    "body re-reads",
    "finalize",
    "quotes",
]


class StageClock:
    """Timers around the steps of one ``_extract`` call at a time; sums over pages."""

    def __init__(self, clock: Callable[[], float] = time.process_time) -> None:
        self.clock = clock
        self.seconds: dict[str, float] = dict.fromkeys(ROWS, 0.0)
        self.runs: dict[str, int] = dict.fromkeys(ROWS, 0)
        self._calls: dict[str, int] = {}
        self._ran: set[str] = set()

    def wrap(self, row: str, again: str | None, step: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            calls = self._calls.get(row, 0)
            self._calls[row] = calls + 1
            target = again if calls and again else row
            start = self.clock()
            try:
                return step(*args, **kwargs)
            finally:
                self.seconds[target] += self.clock() - start
                self._ran.add(target)

        return timed

    def page(self, run: Callable[[], Any]) -> None:
        """Time one whole call; what no step took is 'finalize'."""
        self._calls.clear()
        self._ran.clear()
        before = sum(self.seconds.values())
        start = self.clock()
        run()
        total = self.clock() - start
        self.seconds["finalize"] += total - (sum(self.seconds.values()) - before)
        self._ran.add("finalize")
        for row in self._ran:
            self.runs[row] += 1


def install(clock: StageClock) -> Callable[[], None]:
    """Wrap the steps in extractor.extract's namespace; returns the undo."""
    import extractor.extract as pipeline

    saved = {name: getattr(pipeline, name) for _row, name, _again in STEPS}
    for row, name, again in STEPS:
        setattr(pipeline, name, clock.wrap(row, again, saved[name]))

    def undo() -> None:
        for name, step in saved.items():
            setattr(pipeline, name, step)

    return undo


def one_pass(pages: list[bytes], comments: bool, clock_fn: Callable[[], float]) -> StageClock:
    from extractor.extract import extract_article

    clock = StageClock(clock_fn)
    undo = install(clock)
    try:
        for data in pages:
            clock.page(
                lambda data=data: extract_article(data, None, fetched_at=FIXED_FETCH_TIME, comments=comments)
            )
    finally:
        undo()
    return clock


def format_stages(clock: StageClock, pages: int) -> str:
    total = sum(clock.seconds.values())
    lines = [f"{'stage':<18} {'ms/page':>8} {'share':>6} {'runs':>5}", "-" * 40]
    for row in ROWS:
        ms = 1000 * clock.seconds[row] / pages
        share = 100 * clock.seconds[row] / total if total else 0.0
        lines.append(f"{row:<18} {ms:>8.2f} {share:>5.1f}% {clock.runs[row]:>5}")
    lines.append("-" * 40)
    lines.append(f"{'total':<18} {1000 * total / pages:>8.2f} {100.0:>5.1f}% {pages:>5}")
    return "\n".join(lines)


def profile(pages: list[bytes], comments: bool, top: int) -> str:
    from extractor.extract import extract_article

    profiler = cProfile.Profile()
    profiler.enable()
    for data in pages:
        extract_article(data, None, fetched_at=FIXED_FETCH_TIME, comments=comments)
    profiler.disable()
    out = io.StringIO()
    for order in ("cumulative", "tottime"):
        out.write(f"\n== top {top} by {order} time ({len(pages)} pages; times are for all of them)\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ms/page per step of extract_article on a folder of pages.")
    parser.add_argument(
        "folder", type=Path, help="folder of .html/.htm pages, optionally .gz, searched recursively"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by path)")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="N", help="N passes; each step keeps its fastest"
    )
    parser.add_argument("--no-comments", action="store_true", help="extract with comments=False")
    parser.add_argument("--wall", action="store_true", help="wall time (perf_counter), not CPU time")
    parser.add_argument("--project", type=Path, default=REPO, help="checkout whose extractor/ is timed")
    parser.add_argument("--cprofile", action="store_true", help="one pass under cProfile: the top functions")
    parser.add_argument("--top", type=int, default=30, help="functions listed with --cprofile (default 30)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"stages: error: not a folder: {args.folder}", file=sys.stderr)
        return 2
    pages = load_pages(list_pages(args.folder, args.limit))
    if not pages:
        print("stages: error: no pages", file=sys.stderr)
        return 2
    comments = not args.no_comments
    sys.path.insert(0, str(args.project.resolve()))
    import extractor
    from extractor.extract import extract_article

    extract_article(pages[0], None, fetched_at=FIXED_FETCH_TIME, comments=comments)  # warm-up
    print(
        f"{len(pages)} pages from {args.folder}, extractor from {Path(extractor.__file__).parent}, "
        f"{'wall' if args.wall else 'CPU'} time"
        + (f", fastest of {args.repeat} passes per step" if args.repeat > 1 else "")
    )
    if args.cprofile:
        print(profile(pages, comments, args.top))
        return 0
    clock_fn = time.perf_counter if args.wall else time.process_time
    best = one_pass(pages, comments, clock_fn)
    for _ in range(args.repeat - 1):
        again = one_pass(pages, comments, clock_fn)
        for row in ROWS:
            if again.seconds[row] < best.seconds[row]:
                best.seconds[row] = again.seconds[row]
    print(format_stages(best, len(pages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
