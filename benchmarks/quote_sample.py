"""Precision of the quote finder on everyday pages, from a labelled sample.

    python benchmarks/quote_sample.py score PAGES --labels benchmarks/quote_labels/sample-a.jsonl
    python benchmarks/quote_sample.py show  PAGES --labels benchmarks/quote_labels/sample-a.jsonl
    python benchmarks/quote_sample.py draw  PAGES --name b --exclude benchmarks/quote_labels/sample-a.jsonl

with PAGES the folder of sample pages (``../shared/data/wcxb-dev``).

Why: PolNeAR measures quotes on political news only; users run the finder on blogs,
guides, shops and forums, where a reporting word is often something else ("works
wonders", "keeps customers informed"). There is no gold for those pages, so we label
the finder's own predictions by hand and keep the labels in the repository.

A labels file is JSON Lines. Its first line names the sample's pages
(``{"sample": NAME, "pages": [ids]}``, drawn by ``draw``); every other line labels one
prediction: ``{"page": id, "hash": h, "label": L, "cause": C}`` with L one of
``correct``, ``wrong_speaker``, ``not_attribution``, ``wrong_span`` and C a short cause
word for the wrong ones (``false_cue``, ``fragment_speaker``, ``citation`` ...). ``h``
hashes the prediction's speaker, cue and text, so no page text is stored; when a fix
changes a prediction its hash changes and ``show`` lists it for a new label.

``score`` prints precision (correct / predictions) per page type and the count per
label class, and lists how many current predictions have no label yet (a sample is only
measured when that is zero). ``--cache FILE`` keeps each page's body blocks between runs
(the body does not change while one works on quotes): it re-runs only the quote finder.
``--bar B`` scores (or shows) the records at confidence bar B instead of the pipeline's
default: ``--bar 0`` is every record the rules make, what a new sample should be labelled at so
that any bar can be scored on it later.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor import extract_article
from extractor.fetch import read_page
from extractor.model import Block, Quote
from extractor.quotes import extract_block_quotes

LABELS = ("correct", "wrong_speaker", "not_attribution", "wrong_span")


def prediction_hash(quote: Quote) -> str:
    """Ten hex digits over speaker, cue and text, whitespace-normalised."""
    key = "|".join(" ".join((part or "").split()) for part in (quote.speaker, quote.cue, quote.text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _gold(data: Path) -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in (data / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


def _page_bytes(data: Path, page_id: str) -> bytes:
    """A saved page through the package's own reader (size cap, gzip by magic)."""
    plain = data / "pages" / f"{page_id}.html"
    return read_page(plain if plain.exists() else plain.with_name(plain.name + ".gz")).body


class PageBlocks(NamedTuple):
    """A page's kind as the extractor reads it (the forum rule of the quote finder needs it)
    and its body blocks."""

    page_type: str | None
    blocks: list[Block]


def _blocks_of(job: tuple[str, str, str | None]) -> tuple[str, dict[str, Any]]:
    data, page_id, url = job
    try:
        article = extract_article(_page_bytes(Path(data), page_id), url=url)
    except Exception:
        return page_id, {"page_type": None, "blocks": []}
    return page_id, {"page_type": article.page_type, "blocks": [block.to_dict() for block in article.blocks]}


def load_blocks(data: Path, ids: list[str], cache: Path | None) -> dict[str, PageBlocks]:
    """Page type and body blocks per page: from ``cache`` when it has the page, else extracted
    (2 processes). A cache entry of an older layout (blocks only) is extracted again."""
    gold = _gold(data)
    stored: dict[str, Any] = {}
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8"))
    missing = [page_id for page_id in ids if not isinstance(stored.get(page_id), dict)]
    if missing:
        jobs = [(str(data), page_id, gold[page_id].get("url")) for page_id in missing]
        with ProcessPoolExecutor(2) as pool:
            stored.update(pool.map(_blocks_of, jobs, chunksize=8))
        if cache is not None:
            cache.write_text(json.dumps(stored), encoding="utf-8")
    return {
        page_id: PageBlocks(
            stored[page_id]["page_type"], [Block.from_dict(b) for b in stored[page_id]["blocks"]]
        )
        for page_id in ids
    }


def predictions(
    pages: dict[str, PageBlocks], bar: float | None = None
) -> Iterator[tuple[str, Quote, list[Block]]]:
    """Every quote the finder reports on each page, as ``extract_article`` would, with the
    confidence bar ``bar`` (None: the pipeline's default by register; 0: every record the
    rules make, whatever the model says)."""
    for page_id, page in pages.items():
        for quote in extract_block_quotes(page.blocks, page.page_type, min_confidence=bar):
            yield page_id, quote, page.blocks


def read_labels(path: Path) -> tuple[dict[str, Any], dict[tuple[str, str], dict[str, Any]]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    header, rows = lines[0], lines[1:]
    return header, {(row["page"], row["hash"]): row for row in rows}


def draw(data: Path, name: str, per_type: str, exclude: list[Path], cache: Path | None) -> int:
    """Pick pages with at least one prediction, in a seeded order.

    ``per_type`` is a default count and overrides, for example ``8,article=14``.
    """
    default, counts = 0, {}
    for part in per_type.split(","):
        kind, _, n = part.rpartition("=")
        if kind:
            counts[kind] = int(n)
        else:
            default = int(n)
    gold = _gold(data)
    taken: set[str] = set()
    for path in exclude:
        taken.update(read_labels(path)[0]["pages"])
    blocks = load_blocks(data, sorted(gold), cache)
    with_quotes = {page_id for page_id, _, _ in predictions(blocks, 0.0)}
    by_type: dict[str, list[str]] = defaultdict(list)
    for page_id in sorted(
        with_quotes - taken, key=lambda i: hashlib.sha1(f"{name}:{i}".encode()).hexdigest()
    ):
        by_type[gold[page_id].get("page_type") or "?"].append(page_id)
    pages = sorted(p for page_type, ids in by_type.items() for p in ids[: counts.get(page_type, default)])
    print(json.dumps({"sample": name, "pages": pages}))
    return 0


def show(data: Path, labels: Path, cache: Path | None, everything: bool, bar: float | None) -> int:
    """Print each unlabelled prediction with its paragraph, the quote's span in [[ ]]."""
    header, known = read_labels(labels)
    gold = _gold(data)
    blocks = load_blocks(data, header["pages"], cache)
    for page_id, quote, page_blocks in predictions(blocks, bar):
        h = prediction_hash(quote)
        if (page_id, h) in known and not everything:
            continue
        index = quote.block_index or 0
        text = page_blocks[index].text
        start, end = quote.span or (0, 0)
        marked = text[:start] + "[[" + text[start:end] + "]]" + text[end:]
        before = page_blocks[index - 1].text[-300:] if index > 0 else ""
        label = known.get((page_id, h), {}).get("label", "?")
        print(f"== {page_id} {gold[page_id].get('page_type')} {h} {quote.kind} [{label}]")
        print(f"   speaker={quote.speaker!r} cue={quote.cue!r}")
        print(f"   text={quote.text[:400]!r}")
        if before:
            print(f"   before: ...{before}")
        print(f"   block: {marked[:1500]}")
    return 0


def score(data: Path, labels: Path, cache: Path | None, bar: float | None) -> int:
    header, known = read_labels(labels)
    gold = _gold(data)
    blocks = load_blocks(data, header["pages"], cache)
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    causes: Counter[str] = Counter()
    for page_id, quote, _ in predictions(blocks, bar):
        row = known.get((page_id, prediction_hash(quote)))
        label = row["label"] if row else "unlabelled"
        page_type = gold[page_id].get("page_type") or "?"
        per_type[page_type][label] += 1
        per_type["all"][label] += 1
        if row and label != "correct":
            causes[f"{label}:{row.get('cause', '?')}"] += 1
    bar_name = "by register" if bar is None else bar
    print(f"sample {header['sample']}: {len(header['pages'])} pages, confidence bar {bar_name}")
    columns = (*LABELS, "unlabelled")
    print("| page type | pages | predictions | " + " | ".join(columns) + " | precision |")
    print("|---|---:|---:|" + "---:|" * len(columns) + "---:|")
    pages_of = Counter(gold[p].get("page_type") or "?" for p in header["pages"])
    pages_of["all"] = len(header["pages"])
    for page_type in sorted(per_type, key=lambda t: (t == "all", t)):
        counts = per_type[page_type]
        total = sum(counts.values())
        labelled = total - counts["unlabelled"]
        precision = f"{counts['correct'] / labelled:.3f}" if labelled else "-"
        cells = " | ".join(str(counts[c]) for c in columns)
        print(f"| {page_type} | {pages_of[page_type]} | {total} | {cells} | {precision} |")
    if causes:
        print("\nwrong predictions by cause:")
        for cause, n in causes.most_common():
            print(f"  {n:4d}  {cause}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("score", "show", "draw"))
    parser.add_argument("data", type=Path, help="a page set with gold.jsonl and pages/ (wcxb-dev)")
    parser.add_argument("--labels", type=Path, help="labels file (score, show)")
    parser.add_argument("--cache", type=Path, help="JSON file keeping body blocks between runs")
    parser.add_argument("--all", action="store_true", help="show: labelled predictions too")
    parser.add_argument("--name", default="a", help="draw: the sample's name (its seed)")
    parser.add_argument("--per-type", default="8", help="draw: pages per page type, e.g. 8,article=14")
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[], help="draw: labels files whose pages to skip"
    )
    parser.add_argument(
        "--bar", type=float, help="score, show: a confidence bar (default: the pipeline's; 0: every record)"
    )
    args = parser.parse_args(argv)
    if args.command == "draw":
        return draw(args.data, args.name, args.per_type, args.exclude, args.cache)
    if args.labels is None:
        parser.error("--labels is required")
    if args.command == "show":
        return show(args.data, args.labels, args.cache, args.all, args.bar)
    return score(args.data, args.labels, args.cache, args.bar)


if __name__ == "__main__":
    sys.exit(main())
