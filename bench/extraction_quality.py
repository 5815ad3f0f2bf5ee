"""Precision, recall and category accuracy of claim extraction against hand-labelled gold sets.

Usage: python bench/extraction_quality.py [--corpus DIR] [--gold FILE ...] [--threshold T] [-v]
The corpus defaults to $CLAIMDESK_CORPUS or ../shared/corpus next to the repository. Two gold
sets of the same four real articles are scored by default: the project's first one
(tests/extraction/gold_corpus.json, with figures) and the held-out one labelled for issue #21
(tests/extraction/gold_heldout.json, offsets and categories only).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extraction import DEFAULT_THRESHOLD  # noqa: E402
from extraction.evaluation import evaluate, format_report, load_gold  # noqa: E402

GOLD_SETS = (ROOT / "tests" / "extraction" / "gold_corpus.json", ROOT / "tests" / "extraction" / "gold_heldout.json")


def default_corpus() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS", ROOT.parent / "shared" / "corpus"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--gold", type=Path, nargs="+", default=list(GOLD_SETS))
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (set CLAIMDESK_CORPUS)", file=sys.stderr)
        return 2
    for gold in args.gold:
        report = evaluate(load_gold(gold), args.corpus, threshold=args.threshold)
        print(f"== {gold.name}, threshold {args.threshold}")
        print(format_report(report, verbose=args.verbose))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
