"""Learn from my decisions: refit the same-claim model on one database's labelled pairs.

A person's Confirm / Not the same / Split / Merge decisions (storage.decision_pairs) become
labelled pairs; the ``same`` model of matching.pair_model is refitted on them, anchored on the
shipped weights (a few dozen decisions adjust the shipped model, they do not replace what it
learned from real reporting), and judged on the same pairs before and after — the "after"
figures cluster-wise cross-validated, so a pair is scored by weights fitted without its
decisions. The learned weights live in the database's setting table (LEARNED_WEIGHTS) and
matching on that database uses them (:func:`model_in_use`); :func:`forget` goes back to the
shipped weights. The ``slot`` (conflict) model stays the shipped one: decisions say nothing
about conflicts. Headless and deterministic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlmodel import Session

from matching.fit_pair_model import INNER_FOLDS, L2, TARGET_PRECISION
from matching.pair_model import (
    FEATURES,
    PairModel,
    cutoff_for_precision,
    default_model,
    frame_idf,
    pair_features,
)
from matching.stored_sig import sig_of_row, word_idf
from storage.database import Database
from storage.decision_pairs import DecisionPairs, decision_pairs
from storage.settings import get_setting, set_setting

LEARNED_WEIGHTS = "learned_pair_weights"  # setting key: the learned model as JSON
MIN_DECISIONS = 12
MIN_EACH = 3  # decisions of each kind (same claim / not the same)
# Out-of-fold pairs of each kind needed before the cut-off is re-chosen on them; with fewer
# the shipped cut-off stays.
MIN_FOR_CUTOFF = 5


class NotEnoughDecisions(ValueError):
    """Too few decisions to learn from; the message is a sentence."""


class LearnCancelled(Exception):
    pass


@dataclass(frozen=True)
class Scores:
    """Pairwise precision and recall of "same claim" decisions against the person's labels."""

    precision: float
    recall: float
    pairs: int
    positives: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def text(self) -> str:
        return f"precision {self.precision:.2f}, recall {self.recall:.2f}"


@dataclass(frozen=True)
class LearnResult:
    """What one learning run found, and whether the learned weights are now in use."""

    decisions: int
    pairs: int
    before: Scores
    after: Scores
    stored: bool
    cross_validated: bool
    model: PairModel | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    improved: bool = False  # the learned weights did at least as well as those in use

    def summary(self) -> str:
        how = "cross-validated" if self.cross_validated else "on the pairs it was fitted on"
        line = (f"Learned from {self.decisions} decisions ({self.pairs} claim pairs): "
                f"before {self.before.text()}; after {self.after.text()} ({how}).")
        if self.stored:
            return line + " Matching on this database now uses the learned weights."
        if self.improved:
            return line + " A trial: nothing was stored."
        return line + (" The learned weights did no better on your decisions than the ones in "
                       "use, so matching keeps those.")


def refusal(data: DecisionPairs) -> str | None:
    """The sentence saying why there is too little to learn from, or None."""
    same, different = data.same_decisions, data.different_decisions
    if data.decisions >= MIN_DECISIONS and same >= MIN_EACH and different >= MIN_EACH:
        return None
    return (f"Learning needs at least {MIN_DECISIONS} match decisions, at least {MIN_EACH} of "
            f"each kind (Confirm or Merge; Not the same or Split). This database has "
            f"{data.decisions}: {same} same-claim and {different} not-the-same.")


# --- the model in use -----------------------------------------------------------------------


def stored_model(session: Session) -> PairModel | None:
    """The learned weights stored in this database, or None (none, or fitted on features this
    version no longer computes: then the shipped weights are used until learning again)."""
    text = get_setting(session, LEARNED_WEIGHTS)
    if not text:
        return None
    try:
        return PairModel.from_json(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None


def model_in_use(session: Session) -> PairModel:
    return stored_model(session) or default_model()


@dataclass(frozen=True)
class LearnedState:
    """What the Preferences say about the weights in use."""

    learned: bool
    stale: bool  # learned weights are stored but cannot be used by this version
    meta: dict[str, Any]

    def text(self) -> str:
        if self.stale:
            return ("Weights learned earlier were fitted on features this version no longer "
                    "computes: matching uses the shipped weights until you learn again.")
        if not self.learned:
            return "Matching uses the shipped weights."
        m = self.meta
        return (f"Matching uses weights learned from {m.get('decisions', '?')} of your "
                f"decisions on {m.get('learned_at', '?')}: before {m.get('before', '?')}; "
                f"after {m.get('after', '?')}.")


def learned_state(db: Database) -> LearnedState:
    with db.read() as session:
        text = get_setting(session, LEARNED_WEIGHTS)
        model = stored_model(session)
    if not text:
        return LearnedState(False, False, {})
    return LearnedState(model is not None, model is None,
                        dict(model.meta or {}) if model is not None else {})


def forget(db: Database, *, actor: str) -> bool:
    """Back to the shipped weights; False when none were learned."""
    with db.write() as session:
        if get_setting(session, LEARNED_WEIGHTS) is None:
            return False
        set_setting(session, LEARNED_WEIGHTS, None, actor=actor)
    return True


# --- features of the labelled pairs ---------------------------------------------------------


@dataclass(frozen=True)
class PairMatrix:
    x: np.ndarray  # features, one row per pair
    y: np.ndarray  # 1.0 same claim
    contradicts: np.ndarray  # precise values of one measure apart: never "same"
    folds: np.ndarray  # cluster-wise fold of each pair (connected decisions share one)


def pair_matrix(data: DecisionPairs, cancelled: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None) -> PairMatrix:
    sigs = {row.id: sig_of_row(row) for row in data.claims}
    n = max(data.matchable_claims, len(sigs), 1)
    idf = {t: word_idf(data.token_claims.get(t, 1), n) for s in sigs.values() for t in s.token_set}
    idf.update(frame_idf(list(sigs.values())))
    default_idf = word_idf(1, n)
    folds = _component_folds([(a, b) for a, b, _s in data.pairs])
    rows, labels, contra, fold = [], [], [], []
    for k, (a, b, same) in enumerate(data.pairs):
        if cancelled is not None and k % 50 == 0 and cancelled():
            raise LearnCancelled
        if progress is not None and k % 50 == 0:
            progress(k, len(data.pairs))
        pf = pair_features(sigs[a], sigs[b], idf, default_idf)
        rows.append(pf.values)
        labels.append(float(same))
        contra.append(bool(pf.contradictions))
        fold.append(folds[a])
    x = np.vstack(rows) if rows else np.zeros((0, len(FEATURES)))
    return PairMatrix(x, np.asarray(labels), np.asarray(contra, dtype=bool),
                      np.asarray(fold, dtype=int))


def _component_folds(pairs: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Claims linked by decisions form one cluster; clusters go to INNER_FOLDS folds by a hash
    of their smallest claim id (deterministic, independent of the order of decisions)."""
    parent: dict[int, int] = {}

    def find(c: int) -> int:
        parent.setdefault(c, c)
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = sorted({find(c) for c in parent},
                   key=lambda r: hashlib.sha256(str(r).encode()).hexdigest())
    fold_of_root = {r: k % INNER_FOLDS for k, r in enumerate(roots)}
    return {c: fold_of_root[find(c)] for c in parent}


# --- fitting --------------------------------------------------------------------------------


def fit_toward(x: np.ndarray, y: np.ndarray, prior: np.ndarray, *, l2: float = L2,
               iterations: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method, L2-penalised towards ``prior`` instead of zero
    (matching.pair_model.fit_logistic's fit, anchored on the shipped weights), from ``prior``;
    deterministic."""
    w = prior.astype(float).copy()
    reg = np.full(len(w), l2)
    for _ in range(iterations):
        z = np.clip(x @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        grad = x.T @ (p - y) + reg * (w - prior)
        h = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(h, grad)
        w -= step
        if float(np.max(np.abs(step))) < 1e-9:
            break
    return w


def _decide(weights: np.ndarray, cutoff: float, m: PairMatrix) -> np.ndarray:
    p = 1.0 / (1.0 + np.exp(-np.clip(m.x @ weights, -30, 30)))
    return (p >= cutoff) & ~m.contradicts


def scores(decided: np.ndarray, y: np.ndarray) -> Scores:
    truth = y > 0
    tp = int((decided & truth).sum())
    said = int(decided.sum())
    positives = int(truth.sum())
    return Scores(tp / said if said else 1.0, tp / positives if positives else 1.0,
                  len(y), positives)


def _f1_at(p: np.ndarray, cutoff: float, m: PairMatrix) -> float:
    return scores((p >= cutoff) & ~m.contradicts, m.y).f1


def _probabilities(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ weights, -30, 30)))


def fit_on_pairs(m: PairMatrix, current: PairModel, shipped: PairModel
                 ) -> tuple[PairModel, Scores, Scores, bool]:
    """The learned model, the scores of ``current`` and of the learned weights (out of fold
    when the decisions fall into at least two folds), and whether they were cross-validated."""
    prior = np.asarray(shipped.same_weights, dtype=float)
    before = scores(_decide(np.asarray(current.same_weights), current.same_cutoff, m), m.y)
    oof = np.full(len(m.y), np.nan)
    folds = sorted(set(m.folds.tolist()))
    for k in folds if len(folds) > 1 else ():
        train = m.folds != k
        w = fit_toward(m.x[train], m.y[train], prior)
        oof[~train] = _probabilities(w, m.x[~train])
    known = ~np.isnan(oof)
    cutoff = shipped.same_cutoff
    if (known & (m.y > 0)).sum() >= MIN_FOR_CUTOFF and (known & (m.y == 0)).sum() >= MIN_FOR_CUTOFF:
        # The cut-off for the target precision on these pairs, when it does better (F1, out
        # of fold) than the shipped one: a handful of decisions can ask for a very high one.
        chosen = cutoff_for_precision(oof[known], m.y[known], TARGET_PRECISION)
        oof_known = PairMatrix(m.x[known], m.y[known], m.contradicts[known], m.folds[known])
        if _f1_at(oof[known], chosen, oof_known) > _f1_at(oof[known], cutoff, oof_known):
            cutoff = chosen
    weights = fit_toward(m.x, m.y, prior)
    cross_validated = bool(known.all())
    if cross_validated:
        after = scores((oof >= cutoff) & ~m.contradicts, m.y)
    else:
        after = scores(_decide(weights, cutoff, m), m.y)
    model = PairModel(tuple(float(v) for v in weights), shipped.slot_weights, float(cutoff),
                      shipped.slot_cutoff, FEATURES)
    return model, before, after, cross_validated


def learn(db: Database, *, actor: str, store: bool = True,
          progress: Callable[[int, int, str], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> LearnResult:
    """Read the decisions, refit, judge before/after and (when ``store`` and the learned
    weights do at least as well) store them for this database's matching. Raises
    NotEnoughDecisions with a sentence, LearnCancelled when cancelled."""
    def say(done: int, total: int, text: str) -> None:
        if progress is not None:
            progress(done, total, text)

    say(0, 0, "Reading your decisions…")
    with db.read() as session:
        data = decision_pairs(session)
        current = model_in_use(session)
    problem = refusal(data)
    if problem:
        raise NotEnoughDecisions(problem)
    m = pair_matrix(data, cancelled,
                    lambda k, n: say(k, n, f"Comparing claim pairs: {k} of {n}…"))
    if cancelled is not None and cancelled():
        raise LearnCancelled
    say(len(data.pairs), len(data.pairs), "Fitting…")
    model, before, after, cross_validated = fit_on_pairs(m, current, default_model())
    meta = {"decisions": data.decisions, "pairs": len(data.pairs),
            "learned_at": dt.date.today().isoformat(), "before": before.text(),
            "after": after.text(), "cross_validated": cross_validated}
    model = PairModel(model.same_weights, model.slot_weights, model.same_cutoff,
                      model.slot_cutoff, model.features, meta)
    improved = after.f1 >= before.f1
    keep = store and improved
    if cancelled is not None and cancelled():
        raise LearnCancelled
    if keep:
        text = json.dumps(model.to_json(), sort_keys=True, separators=(",", ":"))
        with db.write() as session:
            set_setting(session, LEARNED_WEIGHTS, text, actor=actor)
    return LearnResult(data.decisions, len(data.pairs), before, after, keep, cross_validated,
                       model, meta, improved)
