"""One table of pair decisions per grouping run: every pair scored once, wire copies sharing it.

Grouping reads pair decisions twice: for the candidate pairs (scored on every core,
matching.parallel) and for the cross pairs its average-link guard samples when two groups
would join. Both read this table, so no pair is scored twice, and a pair scored in a worker
counts exactly as one scored here (its real probability, whatever the number of workers).

Copies of one claim (matching.prefilter.identical_claims: the same sentence, figures,
category and date) differ only in their id and outlet, and the pair decision reads the outlet
only as "both claims come from one outlet". A pair is therefore filed under the first claim of
each side's copies and that one bit: (copy of A, copy of B) is scored once for all copies of
A and B (wire copy repeats a sentence across many outlets, and the guard samples the first
members of each group: often copies of one sentence).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import Any

from matching.claim_parts import parts_of
from matching.decide import RULES
from matching.decide import score as decide_score
from matching.pairs import PairResult, Thresholds
from matching.parallel import APART, PackedResult, score_pairs, unpacked
from matching.signature import ClaimSig

_Key = tuple[int, int, bool]
Decision = PairResult | PackedResult  # both have .relation and .score; unpacked() -> PairResult


def same_outlet(a: ClaimSig, b: ClaimSig) -> bool:
    """What the pair decision reads of two outlets (matching.pair_model: "same_outlet")."""
    return bool(a.outlet) and a.outlet == b.outlet


class PairCache:
    """Pair decisions of one set of signatures under one weight table and model.

    ``first``: per claim, the first claim it is a copy of (itself when none). With
    ``keep_explanations`` every result keeps its explanation; otherwise those of pairs that are
    neither the same claim nor a conflict may come back without it (from a worker). With
    ``explain`` False (and not ``keep_explanations``) no explanation is built: relations and
    scores only, for a caller that needs only the groups (matching.decide.decide_pair)."""

    def __init__(
        self,
        sigs: Sequence[ClaimSig],
        first: Sequence[int],
        *,
        idf: Mapping[str, float],
        default_idf: float,
        thresholds: Thresholds,
        model: Any,
        keep_explanations: bool = False,
        explain: bool = True,
    ) -> None:
        self.sigs = sigs
        self.first = first
        self.idf = idf
        self.default_idf = default_idf
        self.thresholds = thresholds
        self.model = model
        self.keep_explanations = keep_explanations
        self.explain = explain or keep_explanations
        # Decisions from workers stay packed (their explanations pickled) until read whole.
        self.table: dict[_Key, Decision] = {}
        self.computed = 0  # pairs really scored (the rest were read from the table)

    def key(self, i: int, j: int) -> _Key:
        sigs = self.sigs
        return (self.first[i], self.first[j], same_outlet(sigs[i], sigs[j]))

    def score(self, i: int, j: int, explain: bool | None = None) -> Decision:
        """The decision of (i, j), in that order (its relation and score: :meth:`result`
        gives it whole). ``explain`` False: a pair not yet in the table is scored without its
        explanation (None: as the table's ``explain``), unless every explanation is kept."""
        key = self.key(i, j)
        found = self.table.get(key)
        if found is None:
            explain = self.explain if explain is None else explain or self.keep_explanations
            found = self.table[key] = decide_score(
                self.sigs[i], self.sigs[j], idf=self.idf, default_idf=self.default_idf,
                thresholds=self.thresholds, model=self.model, explain=explain)
            self.computed += 1
        return found

    @staticmethod
    def result(decision: Decision) -> PairResult:
        """A decision of the table whole, with its explanation."""
        return unpacked(decision)

    def score_many(self, pairs: Sequence[tuple[int, int]], workers: int | None = None,
                   apart_unscored: bool = False) -> list[Decision]:
        """The decisions of ``pairs``, in order; those not in the table are scored together
        (on ``workers`` processes when there are many: matching.parallel). With
        ``apart_unscored`` (unless every explanation is kept), a pair the decision's first
        rules rule apart comes back as matching.parallel.APART (different claims, no
        probability) and is not filed: :meth:`score` works it out whole if asked."""
        apart_unscored = apart_unscored and not self.keep_explanations
        keys = [self.key(i, j) for i, j in pairs]
        missing: dict[_Key, tuple[int, int]] = {}
        table = self.table
        for key, pair in zip(keys, pairs, strict=True):
            if key not in table and key not in missing:
                missing[key] = pair
        if missing:
            todo = list(missing.values())
            if self.model != RULES:
                # Each claim's parts worked out here, once, before scoring workers fork (they
                # inherit them) rather than again in every worker that meets the claim.
                sigs = self.sigs
                for i, j in todo:
                    parts_of(sigs[i])
                    parts_of(sigs[j])
            results = score_pairs(self.sigs, todo, idf=self.idf, default_idf=self.default_idf,
                                  thresholds=self.thresholds, workers=workers, model=self.model,
                                  keep_explanations=self.keep_explanations, packed=True,
                                  explain=self.explain, apart_unscored=apart_unscored)
            apart = set()
            for key, res in zip(missing, results, strict=True):
                if res is APART:
                    apart.add(key)
                else:
                    table[key] = res
            self.computed += len(todo) - len(apart)
            if apart:
                return [APART if key in apart else table[key] for key in keys]
        return [table[key] for key in keys]


class LinkTable(MutableMapping[tuple[int, int], PairResult]):
    """Pair -> decision, as grouping's links: decisions from workers are kept packed and
    unpacked (their explanations read) when a caller reads them, so a run whose caller only
    needs the groups (``claimdesk cluster``) never reads them."""

    def __init__(self) -> None:
        self._items: dict[tuple[int, int], Decision] = {}

    def __getitem__(self, key: tuple[int, int]) -> PairResult:
        found = self._items[key]
        if not isinstance(found, PairResult):
            found = self._items[key] = unpacked(found)
        return found

    def __setitem__(self, key: tuple[int, int], value: Decision) -> None:  # type: ignore[override]
        self._items[key] = value

    def __delitem__(self, key: tuple[int, int]) -> None:
        del self._items[key]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"LinkTable({len(self)} links)"
