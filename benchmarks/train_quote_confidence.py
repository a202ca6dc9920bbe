"""Train the quote finder's confidence model on the labelled samples, and say how well it
ranks pages it was not trained on.

    python benchmarks/train_quote_confidence.py ../shared/data              # report only
    python benchmarks/train_quote_confidence.py ../shared/data --write      # and write the table

Every labels file in ``benchmarks/quote_labels/`` (``sample-*``: wcxb-dev pages,
``dragnet-*``: dragnet-dev pages, ``mercury-*``: mercury-dev pages) gives, for each
prediction of the current code it labelled, the features
:func:`extractor.quotes.confidence.features` reads and whether the prediction was right.
The model is an L2-regularised logistic regression fitted by Newton's method (numpy; a few
hundred features, so the exact solve is instant).

The report is leave-one-sample-out: each sample is scored by a model trained on the other
samples only, so its numbers are what the model does on pages it has not seen. It prints,
per bar, precision and how many right predictions survive, by sample and overall. ``--write``
trains on every sample and writes ``extractor/quotes/confidence_weights.py``.

Caveat the report cannot remove: the predictions are those of the current rules, which were
written from these same samples, so the error rate here is lower than on fresh pages and the
samples labelled last (``dragnet-c``) are the fairest rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quote_sample import load_blocks, prediction_hash, read_labels

from extractor.model import Quote
from extractor.quotes import extract_block_quotes, extract_quotes, reads_as_news
from extractor.quotes.blocks import joined_text
from extractor.quotes.confidence import (
    MIN_CONFIDENCE,
    MIN_CONFIDENCE_QUOTATIONS,
    confidence,
    default_bar,
    features,
)

HERE = Path(__file__).resolve().parent
LABELS_DIR = HERE / "quote_labels"
WEIGHTS_FILE = HERE.parent / "extractor" / "quotes" / "confidence_weights.py"
# which page set each labels file was drawn from, by file-name prefix
DATASETS = {"sample-": "wcxb-dev", "dragnet-": "dragnet-dev", "mercury-": "mercury-dev"}
BARS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MIN_COUNT = 2  # a feature seen fewer times in training gets no weight
# PolNeAR rows count less than hand labels: their "right" is the scorer's (words overlap a
# gold statement and the speaker shares a word), and there are three times as many of them
POLNEAR_WEIGHT = 0.3
POLNEAR_FOLDS = 5


class Row(NamedTuple):
    sample: str
    words: list[str]
    right: bool
    weight: float = 1.0


def rows(data_root: Path, cache_dir: Path | None, held_out: set[str]) -> Iterator[Row]:
    """One row per labelled prediction that the current code still makes (samples named in
    ``held_out`` left out: labelled to check the model, never to train it)."""
    for path in sorted(LABELS_DIR.glob("*.jsonl")):
        dataset = next((d for prefix, d in DATASETS.items() if path.name.startswith(prefix)), None)
        if dataset is None or path.stem in held_out:
            continue
        header, known = read_labels(path)
        cache = cache_dir / f"{dataset}.json" if cache_dir else None
        pages = load_blocks(data_root / dataset, header["pages"], cache)
        for page_id, page in pages.items():
            text, _ = joined_text(page.blocks)
            news = reads_as_news(text)
            quotes = extract_quotes(text, min_confidence=0.0)
            # what the page step keeps (forum and code-page rules) is what users get
            final = {
                prediction_hash(q)
                for q in extract_block_quotes(page.blocks, page.page_type, min_confidence=0.0)
            }
            for quote in quotes:
                label = known.get((page_id, prediction_hash(quote)))
                if label is not None and prediction_hash(quote) in final:
                    yield Row(
                        header["sample"], features(text, quote, quotes, news), label["label"] == "correct"
                    )


class PolNeAR(NamedTuple):
    """The PolNeAR texts with every record the rules make (``extract_quotes`` at bar 0), and
    the scorer module of ``../shared/eval`` that matches them to the gold statements."""

    docs: list[dict[str, Any]]
    quotes: list[list[Quote]]
    news: list[bool]
    scorer: Any


def load_polnear(folder: Path, scorer_dir: Path) -> PolNeAR:
    sys.path.insert(0, str(scorer_dir))
    import score_quotes  # the evaluation's scorer, found only at run time

    docs = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [{k: v for k, v in d.items() if not k.startswith("_")} for d in docs]
    quotes = [extract_quotes(d["text"], min_confidence=0.0) for d in docs]
    return PolNeAR(docs, quotes, [reads_as_news(d["text"]) for d in docs], score_quotes)


def _predicted(quotes: list[Quote]) -> list[dict[str, Any]]:
    return [
        {"content": q.text, "speaker": q.speaker, "cue": q.cue, "kind": q.kind, "content_span": q.span}
        for q in quotes
    ]


def polnear_rows(polnear: PolNeAR) -> Iterator[Row]:
    """A record is right when the scorer matches it to a gold attribution with its speaker;
    texts go to ``POLNEAR_FOLDS`` samples so the report can leave each out in turn."""
    for index, (doc, quotes, news) in enumerate(zip(polnear.docs, polnear.quotes, polnear.news, strict=True)):
        result = polnear.scorer.score_doc(doc, _predicted(quotes), 0.5)
        right = {pair["pred"] for pair in result["pairs"] if pair["speaker_ok"]}
        for k, quote in enumerate(quotes):
            words = features(doc["text"], quote, quotes, news)
            yield Row(f"polnear-{index % POLNEAR_FOLDS}", words, k in right, POLNEAR_WEIGHT)


class Scored(NamedTuple):
    """A row with the probability a model not trained on its sample gives it, and the
    pipeline's default bar for it under that model."""

    probability: float
    bar: float
    row: Row


def fit(train: list[Row], l2: float) -> tuple[float, dict[str, float]]:
    """Bias and weights of a weighted logistic regression (Newton's method, L2 on the weights)."""
    counts: dict[str, int] = {}
    for row in train:
        for word in set(row.words):
            counts[word] = counts.get(word, 0) + 1
    vocab = {w: i + 1 for i, w in enumerate(sorted(w for w, n in counts.items() if n >= MIN_COUNT))}
    x = np.zeros((len(train), len(vocab) + 1))
    x[:, 0] = 1.0
    for r, row in enumerate(train):
        for word in row.words:
            if word in vocab:
                x[r, vocab[word]] = 1.0
    y = np.array([1.0 if row.right else 0.0 for row in train])
    weight = np.array([row.weight for row in train])
    penalty = np.full(len(vocab) + 1, l2)
    penalty[0] = 0.0
    w = np.zeros(len(vocab) + 1)
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (weight * (p - y)) + penalty * w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return float(w[0]), {word: float(w[i]) for word, i in vocab.items()}


def _bar(words: list[str], model: tuple[float, dict[str, float]]) -> float:
    """The pipeline's default bar for a record, under ``model`` (``confidence.default_bar``)."""
    cue = next((w for w in words if w.startswith("cue=")), "cue=").removeprefix("cue=")
    kind = next((w for w in words if w.startswith("kind=")), "kind=").removeprefix("kind=")
    return default_bar(cue, "news=True" in words, model[1], kind)


def report(all_rows: list[Row], l2: float, polnear: PolNeAR | None) -> None:
    """Leave-one-sample-out: each sample scored by a model trained on all the others."""
    samples = sorted({row.sample for row in all_rows})
    scored: dict[str, list[Scored]] = {}
    for sample in samples:
        model = fit([r for r in all_rows if r.sample != sample], l2)
        scored[sample] = [
            Scored(confidence(r.words, *model), _bar(r.words, model), r)
            for r in all_rows
            if r.sample == sample
        ]
    print(f"leave-one-sample-out, l2={l2}: precision (right kept / right) per bar")
    print("| sample | predictions | no bar | pipeline's bars | " + " | ".join(f">= {b}" for b in BARS) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(BARS))
    labelled = [s for s in samples if not s.startswith("polnear-")]
    groups: list[tuple[str, list[Scored]]] = [(s, scored[s]) for s in labelled]
    every = [x for s in labelled for x in scored[s]]
    groups.append(("labelled, web register", [x for x in every if "news=True" not in x.row.words]))
    groups.append(("labelled, news register", [x for x in every if "news=True" in x.row.words]))
    groups.append(("labelled, all", every))
    for name, mine in groups:
        right = sum(1 for x in mine if x.row.right)
        cells = [f"{right / max(1, len(mine)):.3f}"]
        for bars in [None, *BARS]:
            kept = [x.row for x in mine if x.probability >= (x.bar if bars is None else bars)]
            kept_right = sum(1 for r in kept if r.right)
            cells.append(f"{kept_right / max(1, len(kept)):.3f} ({kept_right}/{right})")
        print(f"| {name} | {len(mine)} | " + " | ".join(cells) + " |")
    if polnear is not None:
        _polnear_check(polnear, scored)


def _polnear_check(polnear: PolNeAR, scored: dict[str, list[Scored]]) -> None:
    """PolNeAR statements and direct-quote F1 when each text's records are filtered at the
    pipeline's bars by the model that did not see that text."""
    folds = {s: iter(scored[s]) for s in scored if s.startswith("polnear-")}
    kept: list[list[Quote]] = []
    for index, quotes in enumerate(polnear.quotes):
        fold = folds[f"polnear-{index % POLNEAR_FOLDS}"]
        marks = [next(fold) for _ in quotes]
        kept.append([q for q, x in zip(quotes, marks, strict=True) if x.probability >= x.bar])
    for name, chosen in (("no bar", polnear.quotes), ("pipeline's bars", kept)):
        predicted = [
            {"id": d["id"], "quotes": _predicted(q)} for d, q in zip(polnear.docs, chosen, strict=True)
        ]
        subsets = polnear.scorer.SUBSETS
        speech = polnear.scorer.score(polnear.docs, predicted, 0.5, subsets["speech"])
        direct = polnear.scorer.score(polnear.docs, predicted, 0.5, subsets["direct"])
        print(
            f"PolNeAR, {name}: statements F1 {speech['quotes']['f1']:.4f}, speaker "
            f"{speech['speaker_accuracy_on_matched']:.3f}, direct F1 {direct['quotes']['f1']:.4f}"
        )


def write(model: tuple[float, dict[str, float]], all_rows: list[Row], held_out: list[str]) -> None:
    bias, weights = model
    samples = sorted(
        {row.sample.split("-")[0] if row.sample.startswith("polnear-") else row.sample for row in all_rows}
    )
    provenance = (
        f"Generated by benchmarks/train_quote_confidence.py from {len(all_rows)} records of the samples "
        f"{', '.join(samples)} (held out: {', '.join(held_out) or 'none'}); do not edit by hand: label "
        "more predictions and train again."
    )
    lines = [
        '"""Weights of the quote confidence model (extractor/quotes/confidence.py).',
        "",
        *textwrap.wrap(provenance, 96),
        '"""',
        "",
        f"BIAS = {bias:.4f}",
        "WEIGHTS: dict[str, float] = {",
    ]
    lines.extend(
        f"    {json.dumps(word, ensure_ascii=False)}: {weights[word]:.4f},"
        for word in sorted(weights)
        if abs(weights[word]) >= 0.005
    )
    lines.append("}")
    WEIGHTS_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kept = sum(1 for w in weights.values() if abs(w) >= 0.005)
    print(f"wrote {WEIGHTS_FILE.relative_to(HERE.parent)}: {kept} weights")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data_root", type=Path, help="folder holding wcxb-dev/, dragnet-dev/ and mercury-dev/"
    )
    parser.add_argument("--cache-dir", type=Path, help="folder of <set>.json block caches")
    parser.add_argument("--l2", type=float, default=8.0, help="L2 penalty on the weights")
    parser.add_argument("--write", action="store_true", help="train on every sample, write the table")
    parser.add_argument(
        "--hold-out",
        action="append",
        default=[],
        help="a labels file (stem, e.g. dragnet-d) kept out of training, to check the model on",
    )
    parser.add_argument(
        "--no-polnear", action="store_true", help="train on the hand labels only (no DATA_ROOT/polnear-dev)"
    )
    args = parser.parse_args(argv)
    all_rows = list(rows(args.data_root, args.cache_dir, set(args.hold_out)))
    polnear = None
    if not args.no_polnear:
        polnear = load_polnear(args.data_root / "polnear-dev", args.data_root.parent / "eval")
        all_rows += polnear_rows(polnear)
    hand = [r for r in all_rows if r.weight == 1.0]
    right = sum(1 for r in hand if r.right)
    print(
        f"{len(hand)} hand-labelled predictions ({right} right) and {len(all_rows) - len(hand)} PolNeAR "
        f"records; the pipeline's bars are {MIN_CONFIDENCE}, for quotations {MIN_CONFIDENCE_QUOTATIONS}"
    )
    report(all_rows, args.l2, polnear)
    if args.write:
        write(fit(all_rows, args.l2), all_rows, args.hold_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
