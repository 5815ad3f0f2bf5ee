"""Grouping claims into claim groups without comparing all pairs.

Blocking (matching.blocking) proposes a bounded number of candidate pairs per claim; only
those are scored (matching.pairs, on every core: matching.parallel; each pair once, copies of a
claim sharing it: matching.pair_cache). Linking is greedy, best pair first, and refuses any merge
that would put two conflicting figures (or a person's "not the same") into one group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

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
from matching.claim_parts import parts_of, share_with_copy
from matching.decide import LEARNED, RULES
from matching.frames_clash import clash_key, frames_clash
from matching.gc_pause import collector_paused
from matching.group_periods import periods_apart
from matching.guard_sample import SAMPLE, distinct, near_copies
from matching.pair_cache import Decision, LinkTable, PairCache
from matching.pair_model import COMPARABLE_LANGUAGES, frame_idf
from matching.pairs import (
    DEFAULT_THRESHOLDS,
    PairResult,
    Relation,
    Thresholds,
)
from matching.signature import ClaimSig

# Under the learned decision, candidate pairs this far apart in words are still scored: the
# model weighs frames, names and dates too (a paraphrase in another language shares few words).
LEARNED_FLOOR = 0.05
AVERAGE_LINK = 0.5


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
    # The pairs that joined two groups, and the conflicting pairs (read lazily: LinkTable).
    links: MutableMapping[tuple[int, int], PairResult] = field(default_factory=LinkTable)
    pairs_scored: int = 0
    # With ``cluster(..., keep_scores=True)``: every pair scored (candidates and the pairs the
    # average-link guard looked at) with its result, for error analysis (bench.matching_errors).
    scored: dict[tuple[int, int], PairResult] | None = None
    # ... and the joins refused by the complete-link or average-link guard.
    refused: list[tuple[int, int]] | None = None


class _UnionFind:
    """``near_copy(i, j)``: claim j restates claim i (kept out of the guard's sample)."""

    def __init__(self, n: int, near_copy: Callable[[int, int], bool] | None = None) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.cannot: dict[int, set[int]] = defaultdict(set)
        self.near_copy = near_copy or (lambda i, j: False)
        # What the average-link guard compares of each group: its first members, leaving out
        # restatements of a member already taken. Copies and near-copies of one sentence join
        # first, so the first members of a group were often one sentence over again, and a
        # join of two groups rested on a single pair (gen_real_noisy: every wrong pair).
        self.sample: dict[int, list[int]] = {i: [i] for i in range(n)}

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
        self.sample[a] = distinct(self.sample[a] + self.sample.pop(b), self.near_copy)
        merged = self.cannot.pop(b, set())
        for other in merged:
            self.cannot[other].discard(b)
            self.cannot[other].add(a)
        self.cannot[a] |= merged
        return a


def _profile_map(sigs: Sequence[ClaimSig], members: list[int]) -> dict[tuple, int]:
    """Distinct set of frames -> the first member stating it."""
    seen: dict[tuple, int] = {}
    for i in members:
        seen.setdefault(clash_key(sigs[i].frames), i)
    return seen


def _frame_profiles(sigs: Sequence[ClaimSig], members: list[int]) -> list[int]:
    """One member per distinct set of frames (members stating the same values need one check)."""
    return list(_profile_map(sigs, members).values())


def _profiles_agree(sigs: Sequence[ClaimSig], left: Iterable[int], right: Iterable[int],
                    clash: Callable[[int, int], bool]) -> bool:
    right = list(right)
    return not any(clash(i, j) for i in left if sigs[i].frames for j in right)


def complete_link_ok(sigs: Sequence[ClaimSig], left: list[int], right: list[int]) -> bool:
    """No member of one group clashes with a member of the other (matching.frames_clash),
    checked against every member (complete link), so a vague figure can never bridge two
    precise ones that disagree."""
    return _profiles_agree(sigs, _frame_profiles(sigs, left), _frame_profiles(sigs, right),
                           lambda i, j: frames_clash(sigs[i].frames, sigs[j].frames))


class _CompleteLink:
    """complete_link_ok during one linking run: each group's distinct frame sets kept up to
    date as groups merge (not gathered again from every member at each join), and each
    pair of them checked once."""

    def __init__(self, sigs: Sequence[ClaimSig], uf: _UnionFind) -> None:
        self.sigs = sigs
        self.uf = uf
        self.profiles: dict[int, dict[tuple, int]] = {}
        self.clashes: dict[tuple[int, int], bool] = {}

    def of(self, root: int) -> dict[tuple, int]:
        found = self.profiles.get(root)
        if found is None:
            found = self.profiles[root] = _profile_map(self.sigs, self.uf.members[root])
        return found

    def clash(self, i: int, j: int) -> bool:
        found = self.clashes.get((i, j))
        if found is None:
            found = self.clashes[(i, j)] = frames_clash(self.sigs[i].frames,
                                                          self.sigs[j].frames)
        return found

    def ok(self, ri: int, rj: int) -> bool:
        return _profiles_agree(self.sigs, self.of(ri).values(), self.of(rj).values(),
                               self.clash)

    def union(self, ri: int, rj: int) -> int:
        """uf.union, keeping the merged group's frame sets in members order."""
        left, right = self.of(ri), self.of(rj)
        root = self.uf.union(ri, rj)
        first, second = (left, right) if root == ri else (right, left)
        self.profiles.pop(ri, None)
        self.profiles.pop(rj, None)
        merged = dict(first)
        for key, i in second.items():
            merged.setdefault(key, i)
        self.profiles[root] = merged
        return root


def _groups_agree(
    sigs: Sequence[ClaimSig], left: list[int], right: list[int],
    score: Callable[[int, int], Decision], learned: bool = False, single: bool = False,
) -> bool:
    """Average-link guard against chaining: when either side already holds several claims,
    most cross pairs (on a sample: ``left`` and ``right``) must themselves look like the same
    claim. ``single``: both sides are one claim each (the joining pair decided alone)."""
    if single:
        return True
    sample = [(i, j) for i in left[:SAMPLE] for j in right[:SAMPLE]]
    if learned:
        # The pair model's decisions on the cross pairs (see sample_agrees; the languages are
        # read only when every pair is the same claim).
        return sample_agrees([score(i, j) for i, j in sample],
                             (words_comparable(sigs[i], sigs[j]) for i, j in sample))
    same = sum(1 for i, j in sample if score(i, j).relation is Relation.SAME)
    return same * 2 >= len(sample)


def words_comparable(a: ClaimSig, b: ClaimSig) -> bool:
    """The two claims' words can be compared (one covered language: the pair model's
    comparable_text)."""
    la, lb = parts_of(a).language, parts_of(b).language
    return la == lb and la in COMPARABLE_LANGUAGES


def sample_agrees(results: Sequence[Any], comparable: Iterable[bool]) -> bool:
    """The learned average-link test of a join, on the decisions of sampled cross pairs
    (``comparable``: per pair, whether their words could be compared): none conflicts, and on
    average they are as likely the same claim as AVERAGE_LINK, or, where no pair's words
    can be compared (other languages), every one is the same claim by the decision. Such
    pairs reach lower probabilities than the bar assumes (no word evidence): all sampled
    pairs being the same claim is what their agreement can show (real CV: missed pairs
    88 -> 82, wrong pairs 20 -> 20)."""
    if any(r.relation is Relation.CONFLICT or (r.relation is Relation.DIFFERENT and r.score == 0.0)
           for r in results):
        # A conflict, or two claims by a rule that is certain (matching.decide gives those
        # the score 0: two pollsters, children against people...): never one group.
        return False
    if all(r.relation is Relation.SAME for r in results) and not any(comparable):
        return True
    return sum(r.score for r in results) >= AVERAGE_LINK * len(results)


@collector_paused  # (grouping makes no reference cycles: tests/matching/test_grouping_gc.py)
def cluster(
    sigs: Sequence[ClaimSig],
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    cannot_link: Iterable[tuple[int, int]] = (),
    must_link: Iterable[tuple[int, int]] = (),
    progress: Callable[[str], None] | None = None,
    workers: int | None = None,
    model: object = LEARNED,
    keep_scores: bool = False,
    explain_links: bool = True,
) -> Clustering:
    """Group claim signatures; labels are the smallest member index of each group.

    ``workers``: processes that score the candidate pairs (None: every core; see
    matching.parallel). ``model``: the pair decision (matching.decide: LEARNED, RULES or a
    PairModel). ``explain_links`` False: the links' explanations are left empty (never built:
    for a caller that needs only the groups and conflicts, as ``claimdesk cluster``)."""
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
    learned = model != RULES
    for f, i in copies:
        share_with_copy(sigs[f], sigs[i], parts=learned)
    singles = [i for i in range(n) if first[i] == i]
    stats = BlockingStats()
    if len(singles) < n:
        local, weights = candidate_pairs_weighted([sigs[i] for i in singles], idf, stats)
        pairs = np.asarray(singles, dtype=np.int64)[local] if len(local) else local
    else:
        pairs, weights = candidate_pairs_weighted(sigs, idf, stats)
    if progress:
        progress(f"{len(pairs)} candidate pairs ({stats.over_cap} common keys degraded)")
    if learned:
        idf = {**idf, **frame_idf(sigs)}
    pairs = plausible_pairs(sigs, pairs, weights, idf, thresholds,
                            floor=LEARNED_FLOOR if learned else None)
    must_link = copies + must_link
    uf = _UnionFind(n, near_copies(sigs, first.tolist()))
    for a, b in cannot_link:
        uf.cannot[a].add(b)
        uf.cannot[b].add(a)
    for a, b in must_link:
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            uf.union(ra, rb)

    # Every decision of this run, candidates and the pairs the average-link guard samples
    # alike, filed once for all copies of a claim (matching.pair_cache).
    cache = PairCache(sigs, first.tolist(), idf=idf, default_idf=default_idf,
                      thresholds=thresholds, model=model, keep_explanations=keep_scores,
                      explain=explain_links)
    scored: dict[tuple[int, int], PairResult] = {}

    def pair_score(i: int, j: int) -> Decision:
        key = (i, j) if i < j else (j, i)
        # The guard reads relations and scores only (its pairs are never links).
        found = cache.score(*key, explain=False)
        if keep_scores:
            scored[key] = cache.result(found)
        return found

    same: list[tuple[float, int, int, Decision]] = []
    conflict_pairs: list[tuple[int, int]] = []
    result = Clustering(labels=[], pairs_scored=len(pairs))
    pair_list = [(i, j) for i, j in pairs.tolist()]  # i < j, as pair_score keys them
    # (A candidate pair the decision's first rules rule apart is only read as "different".)
    results = cache.score_many(pair_list, workers=workers, apart_unscored=True)
    if keep_scores:
        scored.update((pair, cache.result(res)) for pair, res in zip(pair_list, results,
                                                                     strict=True))
    for (i, j), res in zip(pair_list, results, strict=True):
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
    refused: list[tuple[int, int]] = []
    complete = _CompleteLink(sigs, uf)
    for _neg, i, j, res in same:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or rj in uf.cannot[ri]:
            continue
        if not complete.ok(ri, rj) or not _groups_agree(
            sigs, uf.sample[ri], uf.sample[rj], pair_score, learned,
            single=len(uf.members[ri]) == 1 == len(uf.members[rj]),
        ):
            uf.cannot[ri].add(rj)
            uf.cannot[rj].add(ri)
            if keep_scores:
                refused.append((i, j))
            continue
        complete.union(ri, rj)
        result.links[(i, j)] = res

    if keep_scores:
        result.scored, result.refused = scored, refused
    label_of_root = {root: min(members) for root, members in uf.members.items()}
    result.labels = [label_of_root[uf.find(i)] for i in range(n)]
    for i, j in conflict_pairs:
        li, lj = result.labels[i], result.labels[j]
        if li != lj and not periods_apart(sigs[i], sigs[j],
                                          (sigs[m] for m in uf.members[uf.find(i)]),
                                          (sigs[m] for m in uf.members[uf.find(j)])):
            result.conflicts.setdefault(li, set()).add(lj)
            result.conflicts.setdefault(lj, set()).add(li)
    return result

