"""How quote extraction time grows with text size, on texts built to break it.

    python benchmarks/quotes_scaling.py [--sizes 250000,500000,1000000]

The issue asks for no quadratic blow-up on unbalanced quotation marks, very long
paragraphs and 1 MB texts. Each adversarial text is cut at each size and timed once
(best of --repeat); the last column is the time ratio between consecutive sizes:
about 2 when the size doubles means linear, 4 would mean quadratic. Speed is measured
here, never in the unit tests (which only check that such texts complete).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor import extract_quotes

TEXTS: dict[str, str] = {
    "mixed paragraphs": (
        "Officials said the plan would cost more than expected. “We will fight this,” she said. "
        "He added “an unbalanced quote that never closes. According to the report, costs rose.\n"
    ),
    "no punctuation": "the spokesman said that ",
    "unbalanced marks": 'X said that, "a b c d against what e f g said the h were calling "i j ',
    "one long paragraph": "“Yes,” he said, and then she told reporters that it was fine, ",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250000,500000,1000000", help="text sizes in characters")
    parser.add_argument("--repeat", type=int, default=2, help="keep the fastest of N runs")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'text':<20} {'chars':>9} {'quotes':>7} {'seconds':>8} {'x prev':>7}")
    for name, unit in TEXTS.items():
        previous = None
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            best, found = float("inf"), 0
            for _ in range(args.repeat):
                started = time.perf_counter()
                found = len(extract_quotes(text))
                best = min(best, time.perf_counter() - started)
            growth = f"{best / previous:7.2f}" if previous else f"{'':>7}"
            print(f"{name:<20} {size:>9} {found:>7} {best:>8.2f} {growth}")
            previous = best
    return 0


if __name__ == "__main__":
    sys.exit(main())
