"""Speed benchmark: our extract_article against trafilatura on the same pages, in the same run.

    python benchmarks/bench.py PAGES_DIR [--limit N] [--extractors ours,trafilatura,trafilatura-bare]

Each extractor runs in its own child process (so its peak RSS is its own):
the child reads and decompresses every page first (untimed), runs one
warm-up page, then times one pass over all pages. The parent prints pages/s,
ms/page, RSS after loading and peak RSS for each, and the ratio of our
pages/s to each peer's. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
FIXED_FETCH_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)

# name -> (module that must be importable, description)
EXTRACTORS: dict[str, tuple[str, str]] = {
    "ours": ("extractor", "extractor.extract_article (all fields, comments, quotes)"),
    "ours-nocomments": ("extractor", "extractor.extract_article(comments=False): all fields but comments"),
    "ours-limits": (
        "extractor",
        "extractor.extract_article(time_limit=30, memory_limit=2048): the job defaults, in a worker process",
    ),
    "trafilatura": ("trafilatura", "trafilatura.extract(include_comments=False): main text only"),
    "trafilatura-comments": (
        "trafilatura",
        "trafilatura.extract(include_comments=True): main text and comments",
    ),
    "trafilatura-bare": (
        "trafilatura",
        "trafilatura.bare_extraction(with_metadata=True): text, comments and metadata",
    ),
}


# -- child process ----------------------------------------------------------------


def list_pages(folder: Path, limit: int | None) -> list[Path]:
    pages = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(PAGE_SUFFIXES))
    return pages[:limit] if limit else pages


def load_pages(paths: list[Path]) -> list[bytes]:
    """Read and decompress every page up front so file I/O is not timed."""
    out = []
    for path in paths:
        data = path.read_bytes()
        out.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return out


def make_runner(name: str) -> Callable[[bytes], Any]:
    """The call being timed; every extractor gets the raw bytes and decodes them itself."""
    if name == "ours":
        from extractor import extract_article

        return lambda data: extract_article(data, None, fetched_at=FIXED_FETCH_TIME)
    if name == "ours-nocomments":
        from extractor import extract_article

        return lambda data: extract_article(data, None, fetched_at=FIXED_FETCH_TIME, comments=False)
    if name == "ours-limits":
        from extractor import extract_article

        return lambda data: extract_article(
            data, None, fetched_at=FIXED_FETCH_TIME, time_limit=30, memory_limit=2048
        )
    import trafilatura

    if name == "trafilatura":
        return lambda data: trafilatura.extract(data, include_comments=False)
    if name == "trafilatura-comments":
        return lambda data: trafilatura.extract(data, include_comments=True)
    if name == "trafilatura-bare":
        return lambda data: trafilatura.bare_extraction(data, with_metadata=True)
    raise ValueError(f"unknown extractor {name!r}")


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_worker(name: str, folder: Path, limit: int | None) -> dict[str, Any]:
    pages = load_pages(list_pages(folder, limit))
    runner = make_runner(name)
    rss_loaded = peak_rss_mb()
    if pages:
        with contextlib.suppress(Exception):  # warm-up: imports, lazy tables; failures count below
            runner(pages[0])
    errors = 0
    start = time.perf_counter()
    for data in pages:
        try:
            runner(data)
        except Exception:  # noqa: PERF203 - a failed run is counted, the others still run
            errors += 1
    seconds = time.perf_counter() - start
    return {
        "name": name,
        "pages": len(pages),
        "bytes": sum(len(p) for p in pages),
        "errors": errors,
        "seconds": seconds,
        "rss_loaded_mb": rss_loaded,
        "peak_rss_mb": peak_rss_mb(),
        "version": _version(name),
        "code": str(Path(sys.modules["extractor"].__file__ or "").parent)
        if "extractor" in sys.modules
        else "",
    }


def _version(name: str) -> str:
    module = "extractor" if name.startswith("ours") else "trafilatura"
    return str(getattr(sys.modules.get(module), "__version__", "?"))


# -- parent process ---------------------------------------------------------------


BASELINE_SUFFIX = "@baseline"


def spawn(name: str, folder: Path, limit: int | None, baseline: Path | None = None) -> dict[str, Any]:
    """Run one extractor in a fresh interpreter; a failure becomes a row with a note.

    ``name`` ending in ``@baseline``: the same extractor with the ``extractor`` package of the
    ``baseline`` checkout first on the path (the code before a change, in the same run).
    """
    worker = name.removesuffix(BASELINE_SUFFIX)
    module = EXTRACTORS[worker][0]
    if module != "extractor" and importlib.util.find_spec(module) is None:
        return {"name": name, "skipped": f"{module} not installed (pip install -e '.[bench]')"}
    cmd = [sys.executable, str(Path(__file__).resolve()), str(folder), "--worker", worker]
    if limit:
        cmd += ["--limit", str(limit)]
    env = dict(os.environ)
    first = baseline if name.endswith(BASELINE_SUFFIX) and baseline is not None else REPO
    env["PYTHONPATH"] = str(first) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": name, "skipped": f"worker failed: {tail}"}
    row: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    row["name"] = name
    return row


def format_table(rows: list[dict[str, Any]]) -> str:
    header = (
        f"{'extractor':<24} {'pages':>6} {'errors':>6} {'seconds':>8} {'pages/s':>8} "
        f"{'ms/page':>8} {'RSS start MB':>12} {'peak RSS MB':>11}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        if "skipped" in row:
            lines.append(f"{row['name']:<24} skipped: {row['skipped']}")
            continue
        rate = row["pages"] / row["seconds"] if row["seconds"] else float("inf")
        ms = 1000 * row["seconds"] / row["pages"] if row["pages"] else 0.0
        lines.append(
            f"{row['name']:<24} {row['pages']:>6} {row['errors']:>6} {row['seconds']:>8.2f} {rate:>8.1f} "
            f"{ms:>8.1f} {row['rss_loaded_mb']:>12.1f} {row['peak_rss_mb']:>11.1f}"
        )
    return "\n".join(lines)


def _rate(row: dict[str, Any]) -> float:
    return row["pages"] / row["seconds"]


def format_ratios(rows: list[dict[str, Any]]) -> list[str]:
    """Each of ours against each peer, then what turning comments on costs.

    The comment lines compare like with like: ours with comments against trafilatura
    with comments, over ours without comments against trafilatura without them; and the
    plain share of our own time that comments take (same trafilatura row on both sides).
    """
    timed = {r["name"]: r for r in rows if "skipped" not in r and r["seconds"] > 0}
    ours_names = [
        n + suffix
        for suffix in ("", BASELINE_SUFFIX)
        for n in ("ours", "ours-nocomments")
        if n + suffix in timed
    ]
    out = []
    for mine in ours_names:
        for name, row in timed.items():
            if not name.startswith("ours"):
                ratio = _rate(timed[mine]) / _rate(row)
                out.append(f"{mine} / {name}: {ratio:.2f}x pages/s ({'faster' if ratio >= 1 else 'slower'})")
    for mine in ("ours", "ours-nocomments"):
        if mine in timed and mine + BASELINE_SUFFIX in timed:
            change = _rate(timed[mine]) / _rate(timed[mine + BASELINE_SUFFIX])
            out.append(
                f"{mine} / {mine}{BASELINE_SUFFIX}: {change:.2f}x pages/s (this checkout over the baseline)"
            )
    if "ours" in timed and "ours-limits" in timed:
        limited, plain = _rate(timed["ours-limits"]), _rate(timed["ours"])
        extra_ms = (
            1000 * (timed["ours-limits"]["seconds"] - timed["ours"]["seconds"]) / timed["ours"]["pages"]
        )
        out.append(
            f"page limits on: ours at {limited / plain:.2f}x of its speed without them "
            f"({extra_ms:+.1f} ms/page for the worker round trip)"
        )
    if "ours" in timed and "ours-nocomments" in timed:
        on, off = _rate(timed["ours"]), _rate(timed["ours-nocomments"])
        out.append(
            f"comments on: ours at {on / off:.2f}x of its speed without comments "
            f"(ratio to any one peer drops {100 * (1 - on / off):.1f}%)"
        )
        if "trafilatura" in timed and "trafilatura-comments" in timed:
            both_on = on / _rate(timed["trafilatura-comments"])
            both_off = off / _rate(timed["trafilatura"])
            out.append(
                f"comments on for both: ours/trafilatura {both_on:.2f}x vs {both_off:.2f}x with comments off "
                f"(change {100 * (both_on / both_off - 1):+.1f}%)"
            )
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Pages/s and peak RSS of extract_article against trafilatura on a folder of pages.",
        epilog="example: python benchmarks/bench.py ../shared/data/dragnet-dev/pages --limit 200",
    )
    parser.add_argument(
        "folder", type=Path, help="folder of .html/.htm pages, optionally .gz, searched recursively"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by path)")
    parser.add_argument(
        "--extractors",
        default=",".join(EXTRACTORS),
        help=f"comma-separated, from: {', '.join(EXTRACTORS)} (default: all)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="run every extractor N times, interleaved, each in a fresh process, and keep each one's "
        "fastest pass (steadier ratios on a shared machine)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="DIR",
        help="a checkout of the code before a change (DIR holds extractor/): every ours* extractor "
        "also runs with that code, as NAME@baseline, interleaved in the same rounds",
    )
    parser.add_argument("--worker", choices=list(EXTRACTORS), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.folder.is_dir():
        print(f"bench: error: not a folder: {args.folder}", file=sys.stderr)
        return 2
    if args.worker:
        print(json.dumps(run_worker(args.worker, args.folder, args.limit)))
        return 0
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        print(f"bench: error: unknown extractor(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    if args.baseline is not None:
        if not (args.baseline / "extractor").is_dir():
            print(f"bench: error: no extractor/ in the baseline {args.baseline}", file=sys.stderr)
            return 2
        names += [name + BASELINE_SUFFIX for name in names if name.startswith("ours")]
    rows = [spawn(name, args.folder, args.limit, args.baseline) for name in names]
    for _ in range(args.repeat - 1):  # interleaved rounds; each extractor keeps its fastest
        for n, name in enumerate(names):
            again = spawn(name, args.folder, args.limit, args.baseline)
            if "skipped" not in again and "skipped" not in rows[n] and again["seconds"] < rows[n]["seconds"]:
                rows[n] = again
    done = [r for r in rows if "skipped" not in r]
    pages, size = (done[0]["pages"], done[0]["bytes"]) if done else (0, 0)
    print(
        f"{pages} pages from {args.folder} ({size / 1e6:.1f} MB decompressed), "
        f"Python {platform.python_version()}, one child process per extractor and round, 1 warm-up page"
        + (f", best of {args.repeat} rounds" if args.repeat > 1 else "")
    )
    for row in done:
        worker = row["name"].removesuffix(BASELINE_SUFFIX)
        where = f" [{row['code']}]" if row.get("code") else ""
        print(f"  {row['name']} {row['version']}: {EXTRACTORS[worker][1]}{where}")
    print(format_table(rows))
    for line in format_ratios(rows):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
