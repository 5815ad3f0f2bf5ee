"""Per-category precision/recall of claim extraction against the hand-annotated gold set.

Usage: python bench/extraction_quality.py [--corpus DIR] [--threshold T] [-v]
The corpus defaults to $CLAIMDESK_CORPUS or ../shared/corpus next to the repository.
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

GOLD = ROOT / "tests" / "extraction" / "gold_corpus.json"


def default_corpus() -> Path:
    return Path(os.environ.get("CLAIMDESK_CORPUS", ROOT.parent / "shared" / "corpus"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus())
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    report = evaluate(load_gold(args.gold), args.corpus, threshold=args.threshold)
    print(f"threshold {args.threshold}")
    print(format_report(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
