"""Record-identity check: every record of every dev page, written down to compare later.

    python benchmarks/snapshot.py write OUT.jsonl [--data ../shared/data] [--jobs 2]
    python benchmarks/snapshot.py compare A.jsonl B.jsonl [--show 20]

Why: a speed change must not change what the extractor returns. ``write`` runs
``extract_article(page_bytes, url, fetched_at=<fixed>).to_dict()`` on every page of
``DATA/*/pages`` (the URL is the one the set's ``gold.jsonl`` gives for the page's id, else
None) and ``extract_quotes(text)`` on every text of ``DATA/polnear-dev/gold.jsonl``, one
JSON line per page or text, sorted by set and id (the same lines whatever the number of
jobs). ``compare`` prints every page whose record differs, with the differing fields, and
exits 1 when any does (0: identical).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIXED_FETCH_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)
PAGE_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")
QUOTE_SET = "polnear-dev"


def _page_id(path: Path) -> str:
    name = path.name
    for suffix in PAGE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _gold_urls(folder: Path) -> dict[str, str | None]:
    urls: dict[str, str | None] = {}
    gold = folder / "gold.jsonl"
    if gold.is_file():
        with gold.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row = json.loads(line)
                    urls[str(row["id"])] = row.get("url")
    return urls


def page_jobs(data: Path) -> list[tuple[str, str, str, str | None]]:
    """(set, id, path, url) for every page of every set, sorted by set and id."""
    jobs = []
    for folder in sorted(p for p in data.iterdir() if (p / "pages").is_dir()):
        urls = _gold_urls(folder)
        for path in sorted((folder / "pages").rglob("*")):
            if path.is_file() and path.name.lower().endswith(PAGE_SUFFIXES):
                page_id = _page_id(path)
                jobs.append((folder.name, page_id, str(path), urls.get(page_id)))
    return jobs


def quote_jobs(data: Path) -> list[tuple[str, str, str]]:
    """(set, id, text) for every text of the quote set."""
    gold = data / QUOTE_SET / "gold.jsonl"
    if not gold.is_file():
        return []
    with gold.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [(QUOTE_SET, str(row["id"]), row["text"]) for row in rows]


def _run_page(job: tuple[str, str, str, str | None]) -> str:
    from extractor import extract_article

    set_name, page_id, path, url = job
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        record: Any = extract_article(data, url, fetched_at=FIXED_FETCH_TIME).to_dict()
    except Exception as error:  # an error is a result to compare too
        record = {"error": f"{type(error).__name__}: {error}"}
    return json.dumps({"set": set_name, "id": page_id, "record": record}, ensure_ascii=False, default=str)


def _run_quotes(job: tuple[str, str, str]) -> str:
    from extractor import extract_quotes

    set_name, text_id, text = job
    try:
        record: Any = [quote.to_dict() for quote in extract_quotes(text)]
    except Exception as error:
        record = {"error": f"{type(error).__name__}: {error}"}
    return json.dumps({"set": set_name, "id": text_id, "quotes": record}, ensure_ascii=False, default=str)


def write(out: Path, data: Path, jobs: int, limit: int | None) -> int:
    pages = page_jobs(data)[:limit] if limit else page_jobs(data)
    texts = quote_jobs(data)[:limit] if limit else quote_jobs(data)
    sys.path.insert(0, str(REPO))
    import extractor

    print(f"extractor from {Path(extractor.__file__).parent}", file=sys.stderr)
    with out.open("w", encoding="utf-8") as sink:
        if jobs > 1:
            with ProcessPoolExecutor(jobs) as pool:
                for line in pool.map(_run_page, pages, chunksize=8):
                    sink.write(line + "\n")
                for line in pool.map(_run_quotes, texts, chunksize=8):
                    sink.write(line + "\n")
        else:
            for line in map(_run_page, pages):
                sink.write(line + "\n")
            for line in map(_run_quotes, texts):
                sink.write(line + "\n")
    print(f"wrote {len(pages)} page records and {len(texts)} quote texts to {out}")
    return 0


def _read(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        rows = (json.loads(line) for line in lines if line.strip())
        return {(row["set"], row["id"]): row for row in rows}


def _differing_fields(a: dict[str, Any], b: dict[str, Any]) -> Iterator[str]:
    """The top-level fields (of the record, or 'quotes') whose values differ."""
    left = a.get("record", {"quotes": a.get("quotes")})
    right = b.get("record", {"quotes": b.get("quotes")})
    if not isinstance(left, dict) or not isinstance(right, dict):
        yield "record"
        return
    for key in sorted(set(left) | set(right)):
        if left.get(key) != right.get(key):
            yield key


def compare(a_path: Path, b_path: Path, show: int) -> int:
    a, b = _read(a_path), _read(b_path)
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    differing = [
        (key, list(_differing_fields(a[key], b[key]))) for key in sorted(set(a) & set(b)) if a[key] != b[key]
    ]
    counts: dict[str, int] = {}
    for _key, names in differing:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    print(f"{len(set(a) & set(b))} pages/texts in both; {len(differing)} differ")
    if only_a or only_b:
        print(f"only in {a_path.name}: {len(only_a)}; only in {b_path.name}: {len(only_b)}")
    if counts:
        print("differing fields: " + ", ".join(f"{name} {n}" for name, n in sorted(counts.items())))
    for (set_name, page_id), names in differing[:show]:
        print(f"  {set_name}/{page_id}: {', '.join(names)}")
        left = a[(set_name, page_id)].get("record", {"quotes": a[(set_name, page_id)].get("quotes")})
        right = b[(set_name, page_id)].get("record", {"quotes": b[(set_name, page_id)].get("quotes")})
        for name in names[:3]:
            before = json.dumps(left.get(name) if isinstance(left, dict) else left, ensure_ascii=False)
            after = json.dumps(right.get(name) if isinstance(right, dict) else right, ensure_ascii=False)
            print(f"    {name}: {before[:300]}\n    {'':>{len(name)}}  -> {after[:300]}")
    return 1 if differing or only_a or only_b else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write every dev page's record, or compare two such files.")
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write", help="extract every page and quote text, one JSON line each")
    w.add_argument("out", type=Path)
    w.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    w.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    w.add_argument("--limit", type=int, default=None, help="only the first N pages and N texts (a quick run)")
    c = commands.add_parser("compare", help="print the pages whose records differ; exit 1 if any")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--show", type=int, default=20, help="print the first N differing pages (default 20)")
    args = parser.parse_args(argv)
    if args.command == "write":
        return write(args.out, args.data, args.jobs, args.limit)
    return compare(args.a, args.b, args.show)


if __name__ == "__main__":
    sys.exit(main())
