"""Does a long `extract` job keep its memory flat? RSS sampled along a job of N pages.

Usage (from the project root):

    python benchmarks/memory.py ../shared/data/wcxb-dev/pages ../shared/data/dragnet-dev/pages \\
        --pages 10000 --every 500

What it does, and why this way:

- It makes a temporary folder of N symbolic links that cycle over the pages found in the
  given folders (so 10,000 pages can come from a few thousand files), and runs the real
  command-line job on it, ``python -m extractor extract FOLDER --format jsonl --quiet``,
  with its default per-page limits (extraction then runs in a reusable worker process).
- It reads the job's standard output line by line (one record per page) and, every
  ``--every`` records, reads the resident memory (VmRSS, not the peak) of the job's process
  and of every process below it from ``/proc`` (Linux only).
- It prints one row per sample and, at the end, the growth after the first 1,000 pages:
  the largest RSS seen after page 1,000 minus the RSS at page 1,000, for the job process,
  its workers, and the sum. Flat means that growth stays within a few MB (allocator
  noise), not proportional to the pages read.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def _pages(folders: list[str]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        found.extend(
            sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
        )
    return found


def _rss_kb(pid: int) -> int:
    """VmRSS of one process in kB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _children(pid: int) -> list[int]:
    """Every process below pid (children of each of its threads, recursively)."""
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                kids = [int(x) for x in handle.read().split()]
        except OSError:
            continue
        for kid in kids:
            out.append(kid)
            out.extend(_children(kid))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of saved pages (searched recursively)")
    parser.add_argument("--pages", type=int, default=10_000, help="pages in the job (default: 10000)")
    parser.add_argument("--every", type=int, default=500, help="sample every N records (default: 500)")
    args = parser.parse_args()
    if not Path("/proc/self/status").exists():
        print("needs Linux /proc", file=sys.stderr)
        return 2
    sources = _pages(args.folders)
    if not sources:
        print("no pages found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="extractor-memory-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        width = len(str(args.pages))
        for n, source in zip(range(args.pages), itertools.cycle(sources)):
            suffix = ".html.gz" if source.name.lower().endswith(".gz") else ".html"
            (folder / f"{n:0{width}d}{suffix}").symlink_to(source.resolve())
        command = [sys.executable, "-m", "extractor", "extract", str(folder), "--format", "jsonl", "--quiet"]
        print(
            f"{args.pages} pages cycling over {len(sources)} files; "
            "command: extractor extract FOLDER --format jsonl --quiet"
        )
        print(f"{'pages':>7} {'job MB':>8} {'workers MB':>11} {'total MB':>9} {'processes':>10}")
        samples: list[tuple[int, int, int]] = []
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as job:
            assert job.stdout is not None
            records = 0
            for _line in job.stdout:
                records += 1
                if records % args.every == 0:
                    kids = _children(job.pid)
                    own, workers = _rss_kb(job.pid), sum(_rss_kb(kid) for kid in kids)
                    samples.append((records, own, workers))
                    print(
                        f"{records:>7} {own / 1024:>8.1f} {workers / 1024:>11.1f} "
                        f"{(own + workers) / 1024:>9.1f} {1 + len(kids):>10}"
                    )
            code = job.wait()
    print(f"{records} records, exit code {code}")
    base = [s for s in samples if s[0] >= 1000]
    if len(base) >= 2:
        first = base[0]
        later = base[1:]
        for name, pick in (("job", 1), ("workers", 2)):
            growth = max(s[pick] for s in later) - first[pick]
            print(
                f"{name}: RSS at page {first[0]} {first[pick] / 1024:.1f} MB, largest after it "
                f"{max(s[pick] for s in later) / 1024:.1f} MB (growth {growth / 1024:+.1f} MB)"
            )
        total_first = first[1] + first[2]
        total_max = max(s[1] + s[2] for s in later)
        print(f"total: growth after page {first[0]}: {(total_max - total_first) / 1024:+.1f} MB")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
