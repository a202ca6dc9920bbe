"""Would a small learned filter over the labelled quote predictions generalise? (an experiment)

    python benchmarks/quote_filter.py ../shared/data/wcxb-dev ../shared/data/polnear-dev

Why: rule fixes for one construction at a time raise the development samples but barely move a
held-out one (benchmarks/README.md). This trains a logistic regression (numpy only) on general
features of each prediction (kind, cue word and form, speaker form and head noun, content
opening and length) with the labels of `quote_labels/sample-*.jsonl`, and prints

- leave-one-sample-out precision, and the share of correct predictions kept, per threshold;
- polnear-dev statement and direct F1 when the filter trained on every sample drops
  predictions under each threshold (the news set must not get worse).

Nothing here is used by the extractor; it measures whether a filter is worth building.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import quote_sample

from extractor import extract_quotes
from extractor.model import Quote
from extractor.quotes.mentions import is_source_noun

LABELS = Path(__file__).resolve().parent / "quote_labels"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "this", "that"})
Row = tuple[str, dict[str, float], bool]


def features(quote: Quote) -> dict[str, float]:
    """General properties of one prediction; no page, site or word list of a page."""
    cue = (quote.cue or "").lower()
    speaker = quote.speaker or ""
    words = speaker.split()
    text = quote.text
    low = f" {text.lower()} "
    return {
        f"kind={quote.kind}": 1.0,
        f"cue={cue}": 1.0,
        "cue_ing": float(cue.endswith("ing")),
        "cue_colon": float(cue in {":", "-", "–", "—"}),
        "cue_capital": float((quote.cue or "x")[:1].isupper()),
        "speaker_none": float(not speaker),
        "speaker_pronoun": float(speaker.lower() in PRONOUNS),
        "speaker_capital": float(speaker[:1].isupper() and speaker.lower() not in PRONOUNS),
        f"speaker_words={min(len(words), 5)}": 1.0,
        "speaker_source_noun": float(bool(words) and is_source_noun(words[-1])),
        "speaker_name": float(len(words) >= 2 and all(w[:1].isupper() for w in words[-2:])),
        "text_that": float(text.lower().startswith("that ")),
        "text_mark": float(text[:1] in "\"“‘'"),
        f"text_words={min(len(text.split()) // 5, 6)}": 1.0,
        "text_question": float("?" in text),
        "text_first_person": float(any(w in low for w in (" i ", " we ", " my ", " our "))),
    }


def labelled_rows(data: Path) -> list[Row]:
    rows: list[Row] = []
    for path in sorted(LABELS.glob("sample-*.jsonl")):
        name = path.stem.split("-", 1)[1]
        head, labels = quote_sample.read_labels(path)
        blocks = quote_sample.load_blocks(data, head["pages"], None)
        for page, quote, _ in quote_sample.predictions(blocks):
            label = labels.get((page, quote_sample.prediction_hash(quote)))
            if label:
                rows.append((name, features(quote), label["label"] == "correct"))
    return rows


class Filter:
    """Logistic regression by gradient descent with an L2 penalty (no scikit-learn needed)."""

    def __init__(self, rows: list[Row]) -> None:
        self.keys = {k: i for i, k in enumerate(sorted({k for _, f, _ in rows for k in f}))}
        x = np.array([self.vector(f) for _, f, _ in rows])
        y = np.array([ok for _, _, ok in rows], dtype=float)
        self.w = np.zeros(x.shape[1])
        for _ in range(400):
            p = 1 / (1 + np.exp(-x @ self.w))
            self.w -= 0.5 * (x.T @ (p - y) + self.w) / len(y)

    def vector(self, feats: dict[str, float]) -> Any:
        v = np.zeros(len(self.keys) + 1)
        v[-1] = 1.0
        for key, value in feats.items():
            if key in self.keys:
                v[self.keys[key]] = value
        return v

    def probability(self, feats: dict[str, float]) -> float:
        return float(1 / (1 + np.exp(-self.vector(feats) @ self.w)))


def leave_one_out(rows: list[Row]) -> None:
    print("| held out | n | precision | " + " | ".join(f"P / kept at {t}" for t in THRESHOLDS) + " |")
    print("|---|---:|---:|" + "---:|" * len(THRESHOLDS))
    for name in sorted({r[0] for r in rows}):
        model = Filter([r for r in rows if r[0] != name])
        test = [(model.probability(f), ok) for n, f, ok in rows if n == name]
        correct = sum(ok for _, ok in test)
        cells = []
        for t in THRESHOLDS:
            kept = [ok for p, ok in test if p >= t]
            cells.append(f"{sum(kept) / max(1, len(kept)):.3f} / {sum(kept) / max(1, correct):.2f}")
        print(f"| {name} | {len(test)} | {correct / len(test):.3f} | " + " | ".join(cells) + " |")


def polnear(rows: list[Row], dataset: Path) -> None:
    sys.path.insert(0, str(dataset.parents[1] / "eval"))
    import score_quotes  # the evaluation's own scorer

    model = Filter(rows)
    docs = [json.loads(line) for line in (dataset / "gold.jsonl").open(encoding="utf-8")]
    found = [
        (doc, [(q, model.probability(features(q))) for q in extract_quotes(doc["text"])]) for doc in docs
    ]
    for t in (0.0, *THRESHOLDS):
        cells = []
        for subset in ("speech", "direct"):
            tot = dict.fromkeys(("n_gold", "n_pred", "tp_gold", "tp_pred"), 0)
            for doc, quotes in found:
                preds = [
                    {
                        "content": q.text,
                        "speaker": q.speaker,
                        "cue": q.cue,
                        "content_span": list(q.span or (0, 0)),
                    }
                    for q, p in quotes
                    if p >= t
                ]
                result = score_quotes.score_doc(doc, preds, 0.5, score_quotes.SUBSETS[subset])
                for key in tot:
                    tot[key] += result[key]
            precision = tot["tp_pred"] / max(1, tot["n_pred"])
            recall = tot["tp_gold"] / max(1, tot["n_gold"])
            cells.append(f"{subset} F1 {2 * precision * recall / max(1e-9, precision + recall):.3f}")
        print(f"polnear-dev at threshold {t}: " + ", ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="the labelled page set (wcxb-dev)")
    parser.add_argument("polnear", type=Path, help="the news quote set (polnear-dev)")
    args = parser.parse_args()
    rows = labelled_rows(args.pages)
    leave_one_out(rows)
    polnear(rows, args.polnear)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
