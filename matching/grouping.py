"""Grouping claims into claim groups without comparing all pairs.

Blocking (matching.blocking) proposes a bounded number of candidate pairs per claim; only
those are scored (matching.pairs, on every core: matching.parallel). Linking is greedy, best pair first, and refuses any merge
that would put two conflicting figures (or a person's "not the same") into one group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from matching.blocking import (  # noqa: F401  (the blocking names other modules import from here)
    BUCKET_CAP,
    MIN_KEY_WEIGHT,
    BlockingStats,
    blocking_keys,
    candidate_pairs,
    candidate_pairs_weighted,
    identical_claims,
    key_weight,
    plausible_pairs,
    weighted_overlaps_many,
)
from matching.figures import compare
from matching.pairs import (
    DEFAULT_THRESHOLDS,
    PairResult,
    Relation,
    Thresholds,
    score_pair,
)
from matching.parallel import score_pairs
from matching.roles import default_roles
from matching.signature import ClaimSig


def document_frequencies(sigs: Iterable[ClaimSig]) -> dict[str, int]:
    df: dict[str, int] = defaultdict(int)
    for s in sigs:
        for t in s.token_set:
            df[t] += 1
    return df


def idf_table(df: dict[str, int], n: int) -> dict[str, float]:
    return {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}


@dataclass
class Clustering:
    """Result of grouping: a cluster label per claim index, and conflicts between clusters."""

    labels: list[int]
    conflicts: dict[int, set[int]] = field(default_factory=dict)
    links: dict[tuple[int, int], PairResult] = field(default_factory=dict)
    pairs_scored: int = 0


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.cannot: dict[int, set[int]] = defaultdict(set)

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> int:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members.pop(b))
        merged = self.cannot.pop(b, set())
        for other in merged:
            self.cannot[other].discard(b)
            self.cannot[other].add(a)
        self.cannot[a] |= merged
        return a


def _figures_compatible(sigs: Sequence[ClaimSig], left: list[int], right: list[int]) -> bool:
    """No figure of one group contradicts a figure of the other (checked on a sample of members
    so that merging two large groups stays cheap)."""
    for i in left[:12]:
        for j in right[:12]:
            roles = default_roles().may_differ(sigs[i], sigs[j])
            if compare(sigs[i].quantities, sigs[j].quantities, roles).has_conflict:
                return False
    return True


def _groups_agree(
    sigs: Sequence[ClaimSig], left: list[int], right: list[int], score: Callable[[int, int], PairResult]
) -> bool:
    """Average-link guard against chaining: when both sides already hold several claims, most
    cross pairs (on a sample) must themselves look like the same claim."""
    if len(left) == 1 and len(right) == 1:
        return True
    sample = [(i, j) for i in left[:4] for j in right[:4]]
    same = sum(1 for i, j in sample if score(i, j).relation is Relation.SAME)
    return same * 2 >= len(sample)


def cluster(
    sigs: Sequence[ClaimSig],
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    cannot_link: Iterable[tuple[int, int]] = (),
    must_link: Iterable[tuple[int, int]] = (),
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
) -> Clustering:
    """Group claim signatures; labels are the smallest member index of each group.

    ``workers``: processes that score the candidate pairs (None: every core; see
    matching.parallel)."""
    n = len(sigs)
    df = document_frequencies(sigs)
    idf = idf_table(df, n)
    default_idf = math.log(1 + (n + 0.5) / 1.5) if n else 1.0
    cannot_link = list(cannot_link)
    must_link = list(must_link)
    # Identical claims (wire copy) are one claim: only the first of them is blocked and
    # scored, the copies join it before linking (unless a person's decision names them).
    first = identical_claims(sigs, keep_apart={i for pair in cannot_link for i in pair})
    copies = [(int(first[i]), i) for i in range(n) if first[i] != i]
    singles = [i for i in range(n) if first[i] == i]
    stats = BlockingStats()
    if len(singles) < n:
        local, weights = candidate_pairs_weighted([sigs[i] for i in singles], idf, stats)
        pairs = np.asarray(singles, dtype=np.int64)[local] if len(local) else local
    else:
        pairs, weights = candidate_pairs_weighted(sigs, idf, stats)
    if progress:
        progress(f"{len(pairs)} candidate pairs ({stats.over_cap} common keys degraded)")
    pairs = plausible_pairs(sigs, pairs, weights, idf, thresholds)
    must_link = copies + must_link
    uf = _UnionFind(n)
    for a, b in cannot_link:
        uf.cannot[a].add(b)
        uf.cannot[b].add(a)
    for a, b in must_link:
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            uf.union(ra, rb)

    scored: dict[tuple[int, int], PairResult] = {}

    def pair_score(i: int, j: int) -> PairResult:
        key = (i, j) if i < j else (j, i)
        found = scored.get(key)
        if found is None:
            found = scored[key] = score_pair(sigs[key[0]], sigs[key[1]], idf=idf,
                                             default_idf=default_idf, thresholds=thresholds)
        return found

    same: list[tuple[float, int, int, PairResult]] = []
    conflict_pairs: list[tuple[int, int]] = []
    result = Clustering(labels=[], pairs_scored=len(pairs))
    pair_list = [(i, j) for i, j in pairs.tolist()]  # i < j, as pair_score keys them
    results = score_pairs(sigs, pair_list, idf=idf, default_idf=default_idf,
                          thresholds=thresholds, workers=workers)
    scored.update(zip(pair_list, results, strict=True))
    for i, j in pair_list:
        res = scored[(i, j)]
        if res.relation is Relation.SAME:
            same.append((-res.score, i, j, res))
        elif res.relation is Relation.CONFLICT:
            conflict_pairs.append((i, j))
            result.links[(i, j)] = res
    # A conflict keeps the two claims apart for good.
    for i, j in conflict_pairs:
        ri, rj = uf.find(i), uf.find(j)
        uf.cannot[ri].add(rj)
        uf.cannot[rj].add(ri)
    same.sort()
    for _neg, i, j, res in same:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or rj in uf.cannot[ri]:
            continue
        if not _figures_compatible(sigs, uf.members[ri], uf.members[rj]) or not _groups_agree(
            sigs, uf.members[ri], uf.members[rj], pair_score
        ):
            uf.cannot[ri].add(rj)
            uf.cannot[rj].add(ri)
            continue
        uf.union(ri, rj)
        result.links[(i, j)] = res

    label_of_root = {root: min(members) for root, members in uf.members.items()}
    result.labels = [label_of_root[uf.find(i)] for i in range(n)]
    for i, j in conflict_pairs:
        li, lj = result.labels[i], result.labels[j]
        if li != lj:
            result.conflicts.setdefault(li, set()).add(lj)
            result.conflicts.setdefault(lj, set()).add(li)
    return result

