"""Refit the pair model (resources/pair_weights.json) on labelled real pairs, deterministically.

    python -m matching.fit_pair_model [--data DIR] [--out FILE] [--check]

DIR holds ``claims.jsonl`` (``id, text, date, outlet, cluster``) and ``conflicts.tsv`` (pairs
of clusters with conflicting figures), as ``../shared/benchmarks/cross-outlet-real`` does. The
sentences stay there: the weights file holds numbers only. The cut-offs are chosen on
out-of-fold probabilities (cluster-wise folds inside the training data): the same-claim one for
TARGET_PRECISION, the conflict one for SLOT_RECALL of the same-slot pairs whose values clash.
``--check`` refits and exits 1 if the result differs from the shipped file.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.grouping import document_frequencies, idf_table
from matching.jsonl import read_jsonl
from matching.pair_model import (
    FEATURES,
    SLOT_ONLY_FEATURES,
    WEIGHTS,
    PairModel,
    cutoff_for_precision,
    cutoff_for_recall,
    fit_logistic,
    frame_idf,
    pair_features,
)
from matching.slot_stage import reaches_slot_stage

ROOT = Path(__file__).resolve().parents[1]
TARGET_PRECISION = 0.9
# Conflicts are rare and a flag is only a prompt to look: the slot cut-off keeps this share of
# the same-slot pairs whose values contradict (out of fold).
SLOT_RECALL = 0.7
INNER_FOLDS = 4
L2 = 1.0
SLOT_L2 = 1.0
# The slot label of a pair the slot decision never sees (matching.slot_stage).
UNREACHED = -1.0
# What the slot model reads: whether two claims state a figure for one thing, whatever the
# values (no feature that looks at the values but how near the clashing ones are), from what
# still says so across outlets and languages: word and spelling overlap, names, publication
# dates, the kind of claim. Left out: features constant or nearly so on the pairs that reach
# the slot decision (measure_same, every_figure_clashes ...), and the wording-bound ones the
# written set's "same sentence, one figure changed" conflicts taught it (rules_conflict,
# measure_same_x_overlap): fitted on those, it found 5 of 22 listed conflicts at 20 false
# flags on cross-outlet-real (slot stage, 5-fold CV); on these 17, 7 at 9.
SLOT_FEATURES = ("bias", "idf_jaccard", "idf_overlap", "sorted_ratio", "char_trigrams",
                 "shared_names", "names_differ", "shared_capitalised", "clash_closeness",
                 "beside_agreement", "publication_days_log", "publication_unknown",
                 "published_within_3_days", "categories_differ", "other_quantities",
                 "periods_differ", "stances_differ")
# Pairs of different clusters far outnumber the rest; all are kept (they are the hard part:
# look-alikes), but each counts this much so the fit is not only about easy negatives.
NEGATIVE_WEIGHT = 1.0


def default_data() -> Path:
    for base in (ROOT.parent, ROOT.parents[1]):
        path = base / "shared" / "benchmarks" / "cross-outlet-real"
        if path.is_dir():
            return path
    return ROOT.parent / "shared" / "benchmarks" / "cross-outlet-real"


def read_conflicts(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, *_ = line.split("\t")
        out.append((a.strip(), b.strip()))
    return out


def pair_matrix(records: Sequence[dict[str, Any]], conflicts: Sequence[tuple[str, str]]
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Features of every pair of ``records``, same-claim labels and same-slot labels (1 or 0
    for the pairs that reach the slot decision, UNREACHED for the others)."""
    from matching.records import record_signatures

    sigs = record_signatures(list(records))
    idf = {**idf_table(document_frequencies(sigs), len(sigs)), **frame_idf(sigs)}
    n = len(sigs)
    default_idf = math.log(1 + (n + 0.5) / 1.5) if n else 1.0
    listed = {frozenset(p) for p in conflicts}
    rows, same, slot, pairs = [], [], [], []
    for i, j in itertools.combinations(range(n), 2):
        ga, gb = records[i]["cluster"], records[j]["cluster"]
        pf = pair_features(sigs[i], sigs[j], idf, default_idf)
        rows.append(pf.values)
        s = ga == gb
        same.append(float(s))
        if reaches_slot_stage(sigs[i], sigs[j], pf, idf, default_idf):
            slot.append(float(s or frozenset((ga, gb)) in listed))
        else:
            slot.append(UNREACHED)
        pairs.append((i, j))
    x = np.vstack(rows) if rows else np.zeros((0, len(FEATURES)))
    return x, np.asarray(same), np.asarray(slot), pairs


def _folds(records: Sequence[dict[str, Any]], k: int) -> list[int]:
    clusters = sorted({r["cluster"] for r in records},
                      key=lambda c: hashlib.sha256(c.encode()).hexdigest())
    fold = {c: n % k for n, c in enumerate(clusters)}
    return [fold[r["cluster"]] for r in records]


def _slot_mask() -> np.ndarray:
    return np.asarray([1.0 if name in SLOT_FEATURES else 0.0 for name in FEATURES])


def _same_mask() -> np.ndarray:
    return np.asarray([0.0 if name in SLOT_ONLY_FEATURES else 1.0 for name in FEATURES])


def fit_matrix(x: np.ndarray, same: np.ndarray, slot: np.ndarray, pairs: list[tuple[int, int]],
               record_folds: Sequence[int], *, meta: dict[str, Any] | None = None) -> PairModel:
    weights = np.where(same > 0, 1.0, NEGATIVE_WEIGHT)
    mask = _slot_mask()
    xs = x * mask
    x = x * _same_mask()
    # The slot model decides only for the pairs that reach the slot decision (pair_matrix
    # marks the others UNREACHED): it is fitted on those pairs alone, and its cut-off judged
    # there. Without enough of them (a small set), on the pairs whose values clash.
    reached = slot != UNREACHED
    slot = np.where(reached, slot, 0.0)
    fitted_on = reached
    if slot[fitted_on].sum() < 5:
        fitted_on = x[:, FEATURES.index("value_conflicts")] > 0
    if slot[fitted_on].sum() < 5:
        fitted_on = np.ones(len(pairs), dtype=bool)
    # Out-of-fold probabilities for the cut-offs: a pair belongs to a fold when both its
    # sentences do (pairs across folds are negatives of both, scored in neither).
    pf = np.asarray([record_folds[i] if record_folds[i] == record_folds[j] else -1
                     for i, j in pairs])
    oof_same = np.full(len(pairs), np.nan)
    oof_slot = np.full(len(pairs), np.nan)
    for k in sorted(set(record_folds)):
        fa = np.asarray([record_folds[i] != k and record_folds[j] != k for i, j in pairs])
        test = pf == k
        if not test.any() or not fa.any():
            continue
        w_same = fit_logistic(x[fa], same[fa], l2=L2, sample_weight=weights[fa])
        w_slot = fit_logistic(xs[fa & fitted_on], slot[fa & fitted_on], l2=SLOT_L2)
        oof_same[test] = 1 / (1 + np.exp(-(x[test] @ w_same)))
        oof_slot[test] = 1 / (1 + np.exp(-(xs[test] @ w_slot)))
    known = ~np.isnan(oof_same)
    same_cut = cutoff_for_precision(oof_same[known], same[known], TARGET_PRECISION)
    judged = known & fitted_on
    slot_cut = cutoff_for_recall(oof_slot[judged], slot[judged], SLOT_RECALL) \
        if judged.any() else 0.5
    w_same = fit_logistic(x, same, l2=L2, sample_weight=weights)
    w_slot = fit_logistic(xs[fitted_on], slot[fitted_on], l2=SLOT_L2)
    return PairModel(tuple(float(v) for v in w_same), tuple(float(v) for v in w_slot),
                     same_cut, slot_cut, FEATURES,
                     {"pairs": len(pairs), "positives": int(same.sum()),
                      "slot_positives": int(slot[fitted_on].sum()),
                      "slot_pairs": int(fitted_on.sum()),
                      "target_precision": TARGET_PRECISION, **(meta or {})})


WRITTEN = ROOT / "tests" / "matching" / "data"


def written_set() -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The project's own written set (tests/matching/data), as a second, smaller training set:
    its clusters are prefixed so they never meet the real ones."""
    records = []
    for name in ("domain_claims.jsonl", "domain_claims_extra.jsonl"):
        if (WRITTEN / name).is_file():
            records += read_jsonl(WRITTEN / name)
    out = [{**r, "cluster": "w:" + r["group"]} for r in records]
    conflicts = sorted({("w:" + r["group"], "w:" + r["conflict_group_of"]) for r in records
                        if r.get("conflict_group_of")})
    return out, conflicts


def stack(parts: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int]],
                                list[int]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                      list[tuple[int, int]], list[int]]:
    """Several sets' pair matrices as one (record numbers and folds offset per set)."""
    xs, sames, slots, pairs, folds = [], [], [], [], []
    offset = 0
    for x, same, slot, p, f in parts:
        xs.append(x)
        sames.append(same)
        slots.append(slot)
        pairs += [(i + offset, j + offset) for i, j in p]
        folds += list(f)
        offset += len(f)
    return np.vstack(xs), np.concatenate(sames), np.concatenate(slots), pairs, folds


def fit_on_records(records: Sequence[dict[str, Any]],
                   conflicts: Sequence[tuple[str, str]] = (),
                   with_written: bool = True) -> PairModel:
    """Fit both models on ``records`` (each with its ``cluster``), plus the written set."""
    records = [r if "cluster" in r else {**r, "cluster": r["group"]} for r in records]
    parts = [(*pair_matrix(records, conflicts), _folds(records, INNER_FOLDS))]
    if with_written:
        written, written_conflicts = written_set()
        if written:
            parts.append((*pair_matrix(written, written_conflicts),
                          _folds(written, INNER_FOLDS)))
    x, same, slot, pairs, folds = stack(parts)
    return fit_matrix(x, same, slot, pairs, folds)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    data, out, check = default_data(), WEIGHTS, "--check" in args
    for flag in ("--data", "--out"):
        if flag in args:
            k = args.index(flag)
            if k + 1 >= len(args):
                print(f"fit_pair_model: {flag} needs a path", file=sys.stderr)
                return 2
            if flag == "--data":
                data = Path(args[k + 1])
            else:
                out = Path(args[k + 1])
    return _fit_and_write(data, out, check)


def _fit_and_write(data: Path, out: Path, check: bool) -> int:
    if not (data / "claims.jsonl").is_file():
        print(f"fit_pair_model: no claims.jsonl in {data}", file=sys.stderr)
        return 1
    records = read_jsonl(data / "claims.jsonl")
    conflicts = read_conflicts(data / "conflicts.tsv") \
        if (data / "conflicts.tsv").is_file() else []
    model = fit_on_records(records, conflicts)
    text = json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n"
    if check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print("weights reproduce" if same else "weights differ from the shipped file")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: same cut-off {model.same_cutoff:.3f}, "
          f"slot cut-off {model.slot_cutoff:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
