"""Grouping claims into claim groups without comparing all pairs.

Blocking: every claim gets a few keys — its rarest words, its figures (log-scale buckets, on
two offset grids so close values always share one), its specific named entities. Only pairs
that share enough key weight are scored; the pair counting is vectorised with numpy so that
100,000 claims stay within seconds. Linking is greedy, best pair first, and refuses any merge
that would put two conflicting figures (or a person's "not the same") into one group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from matching.decide import LEARNED, RULES
from matching.decide import score as decide_score
from matching.frames import frame_keys, values_contradict
from matching.pair_model import frame_idf
from matching.pairs import (
    BROAD_PLACES,
    DEFAULT_THRESHOLDS,
    PairResult,
    Relation,
    Thresholds,
    blend,
)
from matching.parallel import score_pairs
from matching.signature import ClaimSig

RARE_WORDS_PER_CLAIM = 4
BUCKET_CAP = 200  # a key shared by more claims than this says too little to pair on
SMALL_BUCKET = 32  # a key shared by this few claims is rare, and counts double
MIN_KEY_WEIGHT = 3  # e.g. a close figure (2) and a rare word or name (1)
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


def _figure_keys(sig: ClaimSig) -> list[tuple[str, int]]:
    """Keys of a claim's figures: a quantity weighs 2, a date 1 (many claims share a date)."""
    keys = []
    for q in sig.quantities:
        if q.cls == "date":
            keys.append((f"d:{q.date}", 1))
            continue
        value = q.value if q.value is not None else q.low
        if value is None or not math.isfinite(value) or value <= 0:
            continue
        x = math.log10(value) * 12  # one step ≈ 21 %; the two grids are offset by half a step
        # Close values share both grid keys (2), values a step apart at most one (1).
        keys.append((f"q:{q.cls}:a{math.floor(x)}", 1))
        keys.append((f"q:{q.cls}:b{math.floor(x + 0.5)}", 1))
    return keys


def blocking_keys(sig: ClaimSig, idf: dict[str, float]) -> list[tuple[str, int]]:
    """(key, weight) pairs of one claim."""
    names = {n for kind, ns in sig.entities.items() for n in ns if n not in BROAD_PLACES}
    words = sorted(sig.token_set - names, key=lambda t: (-idf.get(t, 0.0), t))
    keys = [(f"w:{t}", 1) for t in words[:RARE_WORDS_PER_CLAIM]]
    figure_keys = _figure_keys(sig)
    keys += figure_keys
    keys += [(f"e:{n}", 1) for n in sorted(names)]
    # Conjunctions stay rare where each part is common (the figure "20%" and the place
    # "Kharkiv" are everywhere in a big database; "20% in Kharkiv" is not), and sharing one is
    # enough to be compared.
    quantity_keys = [k for k, _ in figure_keys if k.startswith("q:")]
    date_keys = [k for k, _ in figure_keys if k.startswith("d:")]
    anchors = [f"e:{n}" for n in sorted(names)] + date_keys
    keys += [(f"{q}&{a}", MIN_KEY_WEIGHT) for q in quantity_keys for a in anchors]
    keys += [(f"{e}&{d}", MIN_KEY_WEIGHT) for e in anchors[: len(names)] for d in date_keys]
    return keys


def key_weight(weight: int, bucket_size: int) -> int:
    """Rare keys say more: like IDF, a key held by few claims counts double."""
    return weight * 2 if bucket_size <= SMALL_BUCKET else weight


def candidate_pairs(sigs: Sequence[ClaimSig], idf: dict[str, float]) -> np.ndarray:
    """Index pairs (i < j) that share at least MIN_KEY_WEIGHT of blocking-key weight."""
    buckets: dict[str, list[int]] = defaultdict(list)
    weights: dict[str, int] = {}
    for i, s in enumerate(sigs):
        for key, weight in dict(blocking_keys(s, idf)).items():
            buckets[key].append(i)
            weights[key] = weight
    n = len(sigs)
    codes: list[np.ndarray] = []
    code_weights: list[np.ndarray] = []
    by_size: dict[int, list[tuple[list[int], int]]] = defaultdict(list)
    for key, members in buckets.items():
        if 2 <= len(members) <= BUCKET_CAP:
            by_size[len(members)].append((members, key_weight(weights[key], len(members))))
    for size, group in by_size.items():
        iu, ju = np.triu_indices(size, k=1)
        members = np.asarray([m for m, _ in group], dtype=np.int64)  # (buckets, size)
        w = np.asarray([wt for _, wt in group], dtype=np.int16)
        left, right = members[:, iu], members[:, ju]
        codes.append((np.minimum(left, right) * n + np.maximum(left, right)).ravel())
        code_weights.append(np.repeat(w, len(iu)))
    if not codes:
        return np.empty((0, 2), dtype=np.int64)
    all_codes = np.concatenate(codes)
    del codes
    # The weight of each distinct pair: sort the codes once and add up their runs (less memory
    # than np.unique's inverse and a float bincount; key weights are small, sums are int64).
    order = np.argsort(all_codes)
    all_codes = all_codes[order]
    all_weights = np.concatenate(code_weights)[order]
    del order, code_weights
    starts = np.flatnonzero(np.concatenate(([True], all_codes[1:] != all_codes[:-1])))
    total = np.add.reduceat(all_weights, starts, dtype=np.int64)
    kept = all_codes[starts[total >= MIN_KEY_WEIGHT]]
    return np.stack([kept // n, kept % n], axis=1)


def _token_arrays(sigs: Sequence[ClaimSig]) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """CSR-style token ids: claim i holds ids[ptr[i]:ptr[i+1]]."""
    vocab: dict[str, int] = {}
    ptr = np.zeros(len(sigs) + 1, dtype=np.int64)
    flat: list[int] = []
    for i, s in enumerate(sigs):
        flat.extend(vocab.setdefault(t, len(vocab)) for t in s.token_set)
        ptr[i + 1] = len(flat)
    return ptr, np.asarray(flat, dtype=np.int64), vocab


def _gather(ptr: np.ndarray, ids: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row index, its token ids, flattened, with the position of the row they came from."""
    lengths = ptr[rows + 1] - ptr[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    starts = np.repeat(ptr[rows] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return ids[starts + np.arange(lengths.sum())], owner


def weighted_overlaps_many(
    sigs: Sequence[ClaimSig], pairs: np.ndarray, idf: dict[str, float], chunk: int = 200_000
) -> tuple[np.ndarray, np.ndarray]:
    """IDF-weighted Jaccard and overlap of many pairs at once (numpy), the same values as
    pairs.text_similarity's word parts; used to drop hopeless pairs before the per-pair rules
    run in Python."""
    ptr, ids, vocab = _token_arrays(sigs)
    weight = np.zeros(len(vocab) + 1)
    for t, k in vocab.items():
        weight[k] = idf.get(t, 0.0)
    totals = np.add.reduceat(np.append(weight[ids], 0.0), ptr[:-1]) if len(ids) else np.zeros(len(sigs))
    totals[ptr[:-1] == ptr[1:]] = 0.0  # reduceat quirk: empty rows repeat the next value
    out = np.zeros(len(pairs))
    over = np.zeros(len(pairs))
    vocab_size = len(vocab) + 1
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        left, lo = _gather(ptr, ids, part[:, 0])
        right, ro = _gather(ptr, ids, part[:, 1])
        codes = np.concatenate((lo * vocab_size + left, ro * vocab_size + right))
        uniq, counts = np.unique(codes, return_counts=True)
        shared = uniq[counts == 2]
        inter = np.bincount(shared // vocab_size, weights=weight[shared % vocab_size],
                            minlength=len(part))
        union = totals[part[:, 0]] + totals[part[:, 1]] - inter
        out[start : start + len(part)] = np.divide(inter, union, out=np.zeros(len(part)),
                                                   where=union > 0)
        lighter = np.minimum(totals[part[:, 0]], totals[part[:, 1]])
        over[start : start + len(part)] = np.divide(inter, lighter, out=np.zeros(len(part)),
                                                    where=lighter > 0)
    return out, over


def _single_place_and_date(sigs: Sequence[ClaimSig]) -> tuple[np.ndarray, np.ndarray]:
    """Per claim: an id for its one specific place (-1 if none or several), and its one date
    as (year, month, day) with 0 for unknown parts (all -1 if no single date, or if the claim
    is about a date: then another date is a conflict, not another claim)."""
    places: dict[str, int] = {}
    place = np.full(len(sigs), -1, dtype=np.int64)
    date = np.full((len(sigs), 3), -1, dtype=np.int64)
    for i, s in enumerate(sigs):
        specific = s.entities.get("place", frozenset()) - BROAD_PLACES
        if len(specific) == 1:
            place[i] = places.setdefault(next(iter(specific)), len(places))
        dates = [q.date for q in s.quantities if q.cls == "date" and q.date]
        others = any(q.cls not in ("date", "duration") for q in s.quantities)
        if len(dates) == 1 and others:
            parts = [int(p) for p in dates[0].split("-")[:3] if p.isdigit()]
            date[i] = (parts + [0, 0, 0])[:3]
    return place, date


def _surely_different(sigs: Sequence[ClaimSig], pairs: np.ndarray) -> np.ndarray:
    """The pairs the per-pair rules would reject for another specific place or another time
    frame, found in bulk (conservatively: only claims naming exactly one of each)."""
    place, date = _single_place_and_date(sigs)
    pa, pb = place[pairs[:, 0]], place[pairs[:, 1]]
    other_place = (pa >= 0) & (pb >= 0) & (pa != pb)
    da, db = date[pairs[:, 0]], date[pairs[:, 1]]
    both = (da[:, 0] >= 0) & (db[:, 0] >= 0)
    differs = np.zeros(len(pairs), dtype=bool)
    for k in range(3):  # a part differs where both sides state it
        known = (da[:, k] > 0) & (db[:, k] > 0)
        differs |= known & (da[:, k] != db[:, k])
    return other_place | (both & differs)


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


def _frame_profiles(sigs: Sequence[ClaimSig], members: list[int]) -> list[int]:
    """One member per distinct set of frames (members stating the same values need one check)."""
    seen: dict[tuple, int] = {}
    for i in members:
        key = tuple((f.measure, f.cls, f.low, f.high, f.period, f.period_stated, f.precise)
                    for f in sigs[i].frames)
        seen.setdefault(key, i)
    return list(seen.values())


def complete_link_ok(sigs: Sequence[ClaimSig], left: list[int], right: list[int]) -> bool:
    """No member of one group states a precise value of a measure that a member of the other
    contradicts (matching.frames.values_contradict), checked against every member (complete
    link), so a vague figure can never bridge two precise ones that disagree."""
    for i in _frame_profiles(sigs, left):
        fi = sigs[i].frames
        if not fi:
            continue
        for j in _frame_profiles(sigs, right):
            if values_contradict(fi, sigs[j].frames):
                return False
    return True


FRAME_BUCKET_CAP = 50  # claims sharing one frame key beyond this are left to the other keys


FRAME_PAIRS_PER_CLAIM = 24  # a hard ceiling: the rarest frame keys of a claim come first


def frame_pairs(sigs: Sequence[ClaimSig]) -> np.ndarray:
    """Pairs (i < j) of claims stating close values of one measure, any value of one specific
    measure, or one day: the pairs a paraphrase in other words or another language, and a
    conflicting figure, are found through. Bounded: keys shared by more than FRAME_BUCKET_CAP
    claims are skipped, and each claim pairs through its rarest keys up to
    FRAME_PAIRS_PER_CLAIM partners."""
    buckets: dict[str, list[int]] = defaultdict(list)
    keys_of: list[list[str]] = []
    for i, s in enumerate(sigs):
        keys = frame_keys(s.frames)
        keys_of.append(keys)
        for key in keys:
            buckets[key].append(i)
    found: set[tuple[int, int]] = set()
    for i, keys in enumerate(keys_of):
        partners: set[int] = set()
        usable = sorted((len(buckets[k]), k) for k in keys if 2 <= len(buckets[k]) <= FRAME_BUCKET_CAP)
        for _size, key in usable:
            for j in buckets[key]:
                if j != i and len(partners) < FRAME_PAIRS_PER_CLAIM:
                    partners.add(j)
        found.update((min(i, j), max(i, j)) for j in partners)
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    return np.asarray(sorted(found), dtype=np.int64)


def _groups_agree(
    sigs: Sequence[ClaimSig], left: list[int], right: list[int],
    score: Callable[[int, int], PairResult], learned: bool = False,
) -> bool:
    """Average-link guard against chaining: when both sides already hold several claims, most
    cross pairs (on a sample) must themselves look like the same claim."""
    if len(left) == 1 and len(right) == 1:
        return True
    sample = [(i, j) for i in left[:4] for j in right[:4]]
    if learned:
        # The pair model's probabilities: on average the cross pairs must be as likely the same
        # claim as AVERAGE_LINK, and none may conflict.
        results = [score(i, j) for i, j in sample]
        if any(r.relation is Relation.CONFLICT for r in results):
            return False
        return sum(r.score for r in results) >= AVERAGE_LINK * len(results)
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
    model: object = LEARNED,
) -> Clustering:
    """Group claim signatures; labels are the smallest member index of each group.

    ``workers``: processes that score the candidate pairs (None: every core; see
    matching.parallel). ``model``: the pair decision (matching.decide: LEARNED, RULES or a
    PairModel)."""
    n = len(sigs)
    df = document_frequencies(sigs)
    idf = idf_table(df, n)
    default_idf = math.log(1 + (n + 0.5) / 1.5) if n else 1.0
    pairs = candidate_pairs(sigs, idf)
    learned = model != RULES
    if learned:
        idf = {**idf, **frame_idf(sigs)}
    if learned:
        extra = frame_pairs(sigs)
        if len(extra):
            codes = np.union1d(pairs[:, 0] * n + pairs[:, 1], extra[:, 0] * n + extra[:, 1])
            pairs = np.stack([codes // n, codes % n], axis=1)
    if progress:
        progress(f"{len(pairs)} candidate pairs")
    if len(pairs):
        # Another place or time frame first: it is cheap and drops most candidates (the two
        # filters commute), so the similarity below is computed for far fewer pairs.
        pairs = pairs[~_surely_different(sigs, pairs)]
        # The text similarity of pairs.text_similarity, vectorised: pairs below every bar are
        # dropped here, so the Python rules only see plausible pairs.
        ratio = process.cpdist(
            [sigs[i].sorted_text for i in pairs[:, 0]],
            [sigs[j].sorted_text for j in pairs[:, 1]],
            scorer=fuzz.ratio,
            workers=-1,
        )
        jaccard, overlap = weighted_overlaps_many(sigs, pairs, idf)
        text = blend(jaccard, overlap, ratio / 100.0, thresholds)
        floor = LEARNED_FLOOR if learned else thresholds.floor
        pairs = pairs[text >= floor - 1e-9]
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
            found = scored[key] = decide_score(sigs[key[0]], sigs[key[1]], idf=idf,
                                               default_idf=default_idf, thresholds=thresholds,
                                               model=model)
        return found

    same: list[tuple[float, int, int, PairResult]] = []
    conflict_pairs: list[tuple[int, int]] = []
    result = Clustering(labels=[], pairs_scored=len(pairs))
    pair_list = [(i, j) for i, j in pairs.tolist()]  # i < j, as pair_score keys them
    results = score_pairs(sigs, pair_list, idf=idf, default_idf=default_idf,
                          thresholds=thresholds, workers=workers, model=model)
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
        if not complete_link_ok(sigs, uf.members[ri], uf.members[rj]) or not _groups_agree(
            sigs, uf.members[ri], uf.members[rj], pair_score, learned
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

