"""Blocking: which pairs of claims are compared at all, at a cost bounded by design.

Every claim gets a few weighted keys (its rarest words, its figures on two log grids, its
specific names, their conjunctions) and the keys of KEY_SOURCES, the one place frame keys
live: measure + period, and "same measure + period (+ place or actor)" whatever the values
(where a conflicting figure is found). (Keys of each frame alone, close value or one day,
cost precision: 0.941 on the written set, 0.881 on gen_real_noisy.) Two claims are
candidates when the keys they share weigh MIN_KEY_WEIGHT.

The cost does not depend on the data being kind:
- a key held by more claims than its cap (BUCKET_CAP; FRAME_BUCKET_CAP for frame keys: "20%",
  "Donetsk", a busy date) is not dropped but degraded: each holder meets the others through the key *and* one of its REFINE_KEYS
  rarest other shared keys ("20%" and "Donetsk" and "2024-03-03"), which is rarer;
- a bucket still too big after that is read in a similarity order (the claims' sorted words)
  where each holder meets its WINDOW next neighbours (sorted neighbourhood);
- each claim keeps its KEY_CEILING best candidates by key weight, and after the vectorised
  text similarity its TEXT_CANDIDATES best by similarity plus its KEY_QUOTA best by key
  weight; a claim that others pick too (a common sentence among near copies) is in at most
  MAX_CANDIDATES pairs, its own picks first, then the best of the others' (a claim so left
  with none keeps its best one): the per-pair rules (plain Python, the slow part) see at most
  MAX_CANDIDATES pairs per claim whatever the data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from matching.pairs import BROAD_PLACES, Thresholds, blend
from matching.prefilter import (  # noqa: F401  (re-exported)
    identical_claims,
    surely_different,
    weighted_overlaps_many,
)
from matching.signature import ClaimSig

RARE_WORDS_PER_CLAIM = 4
BUCKET_CAP = 128  # a key held by more claims than this is degraded to rarer conjunctions
SMALL_BUCKET = 32  # a key shared by this few claims is rare, and counts double
MIN_KEY_WEIGHT = 3  # e.g. a close figure (2) and a rare word or name (1)
REFINE_KEYS = 3  # an over-full key is paired with this many of each holder's rarer keys
WINDOW = 12  # neighbours each claim meets in a bucket still over-full after refining
KEY_CEILING = 64  # candidates per claim kept by shared key weight
TEXT_CANDIDATES = 16  # candidates per claim kept by text similarity, for the pair rules
# ... and besides those, candidates per claim kept by shared key weight (frames, figures,
# names): a paraphrase in another language shares few words but its measure, value and date.
KEY_QUOTA = 8
MAX_CANDIDATES = TEXT_CANDIDATES + KEY_QUOTA  # the hard ceiling of scored pairs per claim
# Candidates sharing this much key weight are scored under a decision that weighs more than
# words (plausible_pairs' ``floor``) however far apart their words are.
KEYS_WITHOUT_WORDS = 2 * MIN_KEY_WEIGHT
# Frame and slot keys held by more claims than this are degraded to rarer conjunctions.
FRAME_BUCKET_CAP = 50


def _figure_keys(sig: ClaimSig) -> list[tuple[str, int]]:
    """Keys of a claim's figures: a quantity weighs 2, a date 1 (many claims share a date).
    Counts meet whatever their noun ("600,000 personnel" / "600,000")."""
    keys = []
    for q in sig.quantities:
        if q.cls == "date":
            keys.append((f"d:{q.date}", 1))
            continue
        value = q.value if q.value is not None else q.low
        if value is None or not math.isfinite(value) or value <= 0:
            continue
        kind = "count" if q.cls.startswith("count") else q.cls
        # Close values share both grid keys (2), values a step apart at most one (1).
        keys.extend((f"q:{kind}:{g}", 1) for g in value_grid(value))
    return keys


def value_grid(value: float) -> tuple[str, str]:
    """Two log-scale cells of a value (one step ≈ 21 %, the grids offset by half a step)."""
    x = math.log10(value) * 12
    return f"a{math.floor(x)}", f"b{math.floor(x + 0.5)}"


def frame_keys(sig: ClaimSig) -> list[tuple[str, int]]:
    """Keys of the claim's frames (matching.frames), when its signature has them: the
    measure in its month weighs 2, the exact day 1 more, the value on the grid 1 per cell.
    The same measure on the same day with a close value is a candidate on its own."""
    frames = getattr(sig, "frames", None) or ()
    keys: list[tuple[str, int]] = []
    for f in frames:
        measure = getattr(f, "measure", None)
        if not measure:
            continue
        period = getattr(f, "period", None) or ""
        if period:
            keys.append((f"fp:{measure}:{period[:7]}", 2))
            if len(period) >= 10:
                keys.append((f"fd:{measure}:{period[:10]}", 1))
        low, high = getattr(f, "low", 0.0), getattr(f, "high", 0.0)
        if measure != "date" and 0 < low <= high and math.isfinite(high):
            # Money meets money whatever the currency was read as ("EUR 138 billion", "€138bn").
            valued = "money" if measure.startswith("money") else measure
            keys.extend((f"fv:{valued}:{g}", 1) for g in value_grid((low + high) / 2))
    return keys


def slot_keys(sig: ClaimSig) -> list[tuple[str, int]]:
    """"Same measure + period (+ place or actor)" whatever the values: where a claim stating
    another figure for the same thing (a conflict) is found. Each is enough alone."""
    frames = getattr(sig, "frames", None) or ()
    places = sorted(sig.entities.get("place", frozenset()) - BROAD_PLACES)
    keys: list[tuple[str, int]] = []
    for f in frames:
        if f.measure == "date" and f.period and f.period[:4].isdigit():
            # A dated event whatever the day ("seized on March 4, 2022" / "took control on
            # February 28, 2022"): the year, with one more shared key.
            keys.append((f"s:date:{f.period[:4]}", SLOT_ANY_PERIOD_WEIGHT))
        if f.measure in ("date", "count", "share"):
            continue
        anchors = [f"p={p}" for p in places] + ([f"a={f.actor}"] if f.actor else [])
        # The measure whatever the period (periods are often read differently or not at all:
        # "50 killed" as of a yearless day, "53 POWs killed" as of the publication date),
        # alone and with each anchor: with one more shared key (a rare word, a name, a
        # figure) a candidate; an over-full bucket degrades to conjunctions with rarer keys.
        for m in sorted({"money" if m.startswith("money") else m for m in f.measures} - _NOT_SLOT):
            keys.append((f"s:{m}:*", SLOT_ANY_PERIOD_WEIGHT))
            keys.extend((f"s:{m}:*:{a}", SLOT_ANY_PERIOD_WEIGHT) for a in anchors)
        if not f.period:
            continue
        if len(f.period) >= 10:
            keys.append((f"s:{f.measure}:{f.period[:10]}", MIN_KEY_WEIGHT))
        keys.extend((f"s:{f.measure}:{f.period[:7]}:{a}", MIN_KEY_WEIGHT) for a in anchors)
    return keys


_NOT_SLOT = frozenset(("date", "count", "share", "respondents"))
SLOT_ANY_PERIOD_WEIGHT = 2  # a measure whatever its period: needs one more shared key


@dataclass(frozen=True)
class KeySource:
    """One kind of extra key: its function, and the bucket size above which its keys are
    degraded to conjunctions with the holders' rarer keys (per-key caps)."""

    name: str
    keys: Callable[[ClaimSig], Iterable[tuple[str, int]]]
    cap: int | None = None  # None: BUCKET_CAP; never above BUCKET_CAP


# Every key a claim gets beyond its words, figures and names: the one place frame keys live.
KEY_SOURCES: list[KeySource] = [
    KeySource("frame", frame_keys),
    KeySource("slot", slot_keys, FRAME_BUCKET_CAP),
]


def _capped_keys(sig: ClaimSig, idf: dict[str, float]) -> list[tuple[str, int, int]]:
    """(key, weight, bucket cap) of one claim."""
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
    out = [(k, w, BUCKET_CAP) for k, w in keys]
    for source in KEY_SOURCES:
        cap = min(source.cap or BUCKET_CAP, BUCKET_CAP)
        out += [(k, w, cap) for k, w in source.keys(sig)]
    return out


def key_caps(sig: ClaimSig, idf: dict[str, float]) -> dict[str, int]:
    """Bucket cap of each of a claim's keys (the degrading rule per key)."""
    return {k: cap for k, _w, cap in _capped_keys(sig, idf)}


def blocking_keys(sig: ClaimSig, idf: dict[str, float]) -> list[tuple[str, int]]:
    """(key, weight) pairs of one claim."""
    return [(k, w) for k, w, _cap in _capped_keys(sig, idf)]


def key_weight(weight: int, bucket_size: int) -> int:
    """Rare keys say more: like IDF, a key held by few claims counts double."""
    return weight * 2 if bucket_size <= SMALL_BUCKET else weight


@dataclass
class BlockingStats:
    """What blocking did, for benches and progress lines."""

    keys: int = 0
    over_cap: int = 0  # keys held by more claims than their cap (degraded, not dropped)
    windowed: int = 0  # buckets still over-full after refining, read by neighbourhood
    pairs_by_key: int = 0  # pairs sharing MIN_KEY_WEIGHT
    pairs_kept: int = 0  # after the per-claim key ceiling


@dataclass
class _Entries:
    """Claim/key memberships as flat arrays (one row per key a claim holds)."""

    key: np.ndarray  # key id per row
    claim: np.ndarray  # claim index per row
    weight: np.ndarray  # base weight per key id
    cap: np.ndarray  # bucket cap per key id (over it, the key is degraded)
    order_of_claim: np.ndarray  # per claim: its rank in the similarity order


def _entries(sigs: Sequence[ClaimSig], idf: dict[str, float]) -> _Entries:
    ids: dict[str, int] = {}
    weights: list[int] = []
    caps: list[int] = []
    key_rows: list[int] = []
    claim_rows: list[int] = []
    for i, s in enumerate(sigs):
        mine = {key: (weight, cap) for key, weight, cap in _capped_keys(s, idf)}
        for key, (weight, cap) in mine.items():
            k = ids.get(key)
            if k is None:
                k = ids[key] = len(weights)
                weights.append(weight)
                caps.append(cap)
            key_rows.append(k)
            claim_rows.append(i)
    # The similarity order of the neighbourhood fallback: claims with the same words sit
    # side by side (ties by index, so the order is deterministic).
    order = sorted(range(len(sigs)), key=lambda i: (sigs[i].sorted_text, i))
    rank = np.empty(len(sigs), dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(sigs), dtype=np.int64)
    return _Entries(np.asarray(key_rows, dtype=np.int64), np.asarray(claim_rows, dtype=np.int64),
                    np.asarray(weights, dtype=np.int64), np.asarray(caps, dtype=np.int64), rank)


def _refine(entries: _Entries, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows of the buckets to pair: (bucket id, claim, weight per bucket id). Keys within the
    cap are their own buckets; a row of an over-full key k becomes rows of k∧k2 for the
    holder's REFINE_KEYS rarest keys k2 rarer than k and shared (or of k∧∅ if it holds none)."""
    key, claim = entries.key, entries.claim
    n_keys = len(sizes)
    over = sizes[key] > entries.cap[key]
    # Each claim's keys, rarest first (ties by key id): a CSR over the rows sorted by claim.
    by_claim = np.lexsort((key, sizes[key], claim))
    sorted_key = key[by_claim]
    counts = np.bincount(claim, minlength=int(claim.max()) + 1 if len(claim) else 0)
    ptr = np.concatenate(([0], np.cumsum(counts)))
    rows_k, rows_c = key[over], claim[over]
    refined_codes: list[np.ndarray] = []
    refined_claims: list[np.ndarray] = []
    taken = np.zeros(len(rows_k), dtype=np.int64)
    # Rows still looking for keys (row order; out once served or out of keys: r < count).
    active, start, end = np.arange(len(rows_k)), ptr[rows_c], ptr[rows_c + 1]
    for r in range(int(counts.max()) if len(counts) else 0):
        if len(active) == 0:
            break
        act_k, act_c = rows_k[active], rows_c[active]
        pos = start[active] + r
        k2 = sorted_key[pos]
        k2_size = sizes[k2]
        use = (k2 != act_k) & (k2_size < sizes[act_k]) & (k2_size >= 2)
        use &= taken[active] < REFINE_KEYS
        taken[active] += use
        refined_codes.append(act_k[use] * (n_keys + 1) + k2[use])
        refined_claims.append(act_c[use])
        active = active[(taken[active] < REFINE_KEYS) & (pos + 1 < end[active])]
    alone = taken == 0
    refined_codes.append(rows_k[alone] * (n_keys + 1) + n_keys)  # k∧∅
    refined_claims.append(rows_c[alone])
    codes = np.concatenate(refined_codes)
    uniq, inverse = np.unique(codes, return_inverse=True)
    bucket = np.concatenate((key[~over], n_keys + inverse))
    members = np.concatenate((claim[~over], np.concatenate(refined_claims)))
    weight = np.concatenate((entries.weight, entries.weight[uniq // (n_keys + 1)]))
    return bucket, members, weight


def _reduce(codes: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pair codes with their summed weights (sort once, add up the runs)."""
    if not len(codes):
        return codes, weights
    order = np.argsort(codes, kind="stable")
    codes, weights = codes[order], weights[order]
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    return codes[starts], np.add.reduceat(weights, starts, dtype=np.int64)


_REDUCE_EVERY = 1_000_000  # pair rows gathered before they are summed (bounds the memory)


def _pair_rows(
    bucket: np.ndarray, members: np.ndarray, bucket_weight: np.ndarray, rank: np.ndarray,
    n: int, stats: BlockingStats,
) -> tuple[np.ndarray, np.ndarray]:
    """Summed key weight of every pair sharing a bucket (within the cap: all pairs; over it:
    each claim with its WINDOW next in the similarity order)."""
    order = np.lexsort((rank[members], bucket))
    bucket, members = bucket[order], members[order]
    starts = np.flatnonzero(np.concatenate(([True], bucket[1:] != bucket[:-1]))) if len(bucket) \
        else np.empty(0, dtype=np.int64)
    ends = np.append(starts[1:], len(bucket))
    sizes = ends - starts
    acc_codes: list[np.ndarray] = []
    acc_weights: list[np.ndarray] = []
    pending = 0
    total_codes = np.empty(0, dtype=np.int64)
    total_weights = np.empty(0, dtype=np.int64)

    def add(left: np.ndarray, right: np.ndarray, w: np.ndarray) -> None:
        nonlocal pending, total_codes, total_weights
        lo, hi = np.minimum(left, right), np.maximum(left, right)
        keep = lo != hi
        acc_codes.append((lo * n + hi)[keep])
        acc_weights.append(w[keep])
        pending += int(keep.sum())
        if pending >= _REDUCE_EVERY:
            total_codes, total_weights = _reduce(np.concatenate([total_codes, *acc_codes]),
                                                 np.concatenate([total_weights, *acc_weights]))
            acc_codes.clear()
            acc_weights.clear()
            pending = 0

    small = (sizes >= 2) & (sizes <= BUCKET_CAP)
    for size in np.unique(sizes[small]).tolist():
        pick = np.flatnonzero(small & (sizes == size))
        iu, ju = np.triu_indices(size, k=1)
        rows = members[starts[pick][:, None] + np.arange(size)]  # (buckets, size)
        w = bucket_weight[bucket[starts[pick]]] * key_weight(1, size)  # (all of one size)
        # Big groups of buckets of one size are cut so one step stays within memory.
        step = max(1, _REDUCE_EVERY // max(1, len(iu)))
        for k in range(0, len(pick), step):
            part = rows[k : k + step]
            add(part[:, iu].ravel(), part[:, ju].ravel(), np.repeat(w[k : k + step], len(iu)))
    big = np.flatnonzero(sizes > BUCKET_CAP)
    stats.windowed = len(big)
    if len(big):
        # Rows of over-full buckets, each with its position in its bucket: row t meets rows
        # t+1 .. t+WINDOW of the same bucket.
        rows = np.concatenate([np.arange(starts[b], ends[b]) for b in big.tolist()])
        end_of = np.repeat(ends[big], sizes[big])
        w = bucket_weight[bucket[rows]]
        for d in range(1, WINDOW + 1):
            ok = rows + d < end_of
            add(members[rows[ok]], members[rows[ok] + d], w[ok])
    if acc_codes:
        total_codes, total_weights = _reduce(np.concatenate([total_codes, *acc_codes]),
                                             np.concatenate([total_weights, *acc_weights]))
    return total_codes, total_weights


def _tie_break(codes: np.ndarray) -> np.ndarray:
    """A fixed pseudo-random order among equal scores (no claim favoured by its index)."""
    return (codes.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(11)


def best_per_claim(pairs: np.ndarray, score: np.ndarray, tie: np.ndarray, limit: int,
                   n: int) -> np.ndarray:
    """Mask of the pairs that are among the ``limit`` best (highest score, then tie order)
    of at least one of their two claims: at most ``limit`` x n pairs survive."""
    if not len(pairs):
        return np.zeros(0, dtype=bool)
    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))
    s = np.concatenate((score, score))
    t = np.concatenate((tie, tie))
    order = np.lexsort((t, -s, ends))
    sorted_ends = ends[order]
    first = np.searchsorted(sorted_ends, np.arange(n))
    rank = np.arange(len(order)) - first[sorted_ends]
    chosen = np.zeros(len(order), dtype=bool)
    chosen[order[rank < limit]] = True
    return chosen[: len(pairs)] | chosen[len(pairs) :]


def _end_ranks(pairs: np.ndarray, n: int, *keys: np.ndarray) -> np.ndarray:
    """Each pair end's rank among its claim's ends (left ends, then right ends), ordered by
    ``keys`` as np.lexsort orders them (the last key first)."""
    ends = np.concatenate((pairs[:, 0], pairs[:, 1]))
    order = np.lexsort((*keys, ends))
    sorted_ends = ends[order]
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - np.searchsorted(sorted_ends, np.arange(n))[sorted_ends]
    return rank


def _own_picks(pairs: np.ndarray, score: np.ndarray, tie: np.ndarray, limit: int,
               n: int) -> np.ndarray:
    """(pairs, 2) mask: the pair is among the ``limit`` best of its left / right claim."""
    chosen = _end_ranks(pairs, n, np.concatenate((tie, tie)), -np.concatenate((score, score))) < limit
    return np.stack((chosen[: len(pairs)], chosen[len(pairs) :]), axis=1)


def within_ceiling(pairs: np.ndarray, own: np.ndarray, score: np.ndarray, tie: np.ndarray,
                   ceiling: int, n: int) -> np.ndarray:
    """Mask of the pairs among the ``ceiling`` first of *both* their claims, each claim
    putting its own picks (``own``, (pairs, 2)) first, then the pairs other claims picked it
    for, best score first: no claim is in more than ``ceiling`` pairs, however many others
    pick it (the picks of others alone are bounded per picker, not per claim picked)."""
    mine = np.concatenate((own[:, 0], own[:, 1]))
    fits = _end_ranks(pairs, n, np.concatenate((tie, tie)), -np.concatenate((score, score)),
                      ~mine) < ceiling
    return fits[: len(pairs)] & fits[len(pairs) :]


def candidate_pairs_weighted(
    sigs: Sequence[ClaimSig], idf: dict[str, float], stats: BlockingStats | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate index pairs (i < j, sorted) with their shared key weight."""
    stats = stats if stats is not None else BlockingStats()
    n = len(sigs)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.int64)
    entries = _entries(sigs, idf)
    sizes = np.bincount(entries.key, minlength=len(entries.weight))
    stats.keys = len(sizes)
    stats.over_cap = int((sizes > entries.cap).sum())
    bucket, members, weight = _refine(entries, sizes)
    codes, weights = _pair_rows(bucket, members, weight, entries.order_of_claim, n, stats)
    enough = weights >= MIN_KEY_WEIGHT
    codes, weights = codes[enough], weights[enough]
    stats.pairs_by_key = len(codes)
    pairs = np.stack([codes // n, codes % n], axis=1)
    keep = best_per_claim(pairs, weights, _tie_break(codes), KEY_CEILING, n)
    stats.pairs_kept = int(keep.sum())
    return pairs[keep], weights[keep]


def candidate_pairs(sigs: Sequence[ClaimSig], idf: dict[str, float]) -> np.ndarray:
    """Index pairs (i < j) worth comparing (see the module docstring)."""
    return candidate_pairs_weighted(sigs, idf)[0]


def plausible_pairs(
    sigs: Sequence[ClaimSig], pairs: np.ndarray, weights: np.ndarray, idf: dict[str, float],
    thresholds: Thresholds, *, limit: int | None = None, floor: float | None = None,
) -> np.ndarray:
    """The candidate pairs worth the per-pair rules: not surely different, text similarity at
    ``floor`` (default: the thresholds' floor; a decision that weighs more than words may ask
    for less), and among the best of one of their claims: ``limit`` (MAX_CANDIDATES) per
    claim, KEY_QUOTA of them (at most a third) the heaviest by shared key weight, the rest
    the most similar in words."""
    if not len(pairs):
        return pairs
    # Another place or time frame first: it is cheap and drops most candidates (the two
    # filters commute), so the similarity below is computed for far fewer pairs.
    keep = ~surely_different(sigs, pairs)
    pairs, weights = pairs[keep], weights[keep]
    if not len(pairs):
        return pairs
    ratio = process.cpdist(
        [sigs[i].sorted_text for i in pairs[:, 0]],
        [sigs[j].sorted_text for j in pairs[:, 1]],
        scorer=fuzz.ratio,
        workers=-1,
    )
    jaccard, overlap = weighted_overlaps_many(sigs, pairs, idf)
    text = blend(jaccard, overlap, ratio / 100.0, thresholds)
    keep = text >= (thresholds.floor if floor is None else floor) - 1e-9
    if floor is not None:
        # A paraphrase in another language shares almost no words, but its measure, value and
        # period: heavy shared keys are scored whatever the words (still within the quota).
        keep |= weights >= KEYS_WITHOUT_WORDS
    pairs, weights, text = pairs[keep], weights[keep], text[keep]
    n = len(sigs)
    # Ties in similarity (copies of one sentence) go to the heavier key weight, then to a
    # fixed pseudo-random order.
    score = np.round(text, 6) * 1000 + np.minimum(weights, 999) / 1000
    tie = _tie_break(pairs[:, 0] * n + pairs[:, 1])
    total = MAX_CANDIDATES if limit is None else limit
    quota = min(KEY_QUOTA, total // 3)
    own = _own_picks(pairs, score, tie, total - quota, n)
    if quota:
        # The heaviest shared keys too, whatever the words: the measure, value and date of a
        # claim stated in another language.
        heavy = np.minimum(weights, 999) * 1000.0 + np.round(text, 3)
        own |= _own_picks(pairs, heavy, tie, quota, n)
    picked = own.any(axis=1)
    pairs, own, score, tie = pairs[picked], own[picked], score[picked], tie[picked]
    # A claim many others pick (a common sentence among near copies) keeps its own picks and
    # the best of the others', up to the same ceiling: ``total`` pairs per claim, hard.
    keep = within_ceiling(pairs, own, score, tie, total, n)
    # ... and a claim left with none keeps its best one (the ceiling thins, never isolates):
    # at most one pair more per claim so left.
    alone = np.bincount(pairs[keep].ravel(), minlength=n) == 0
    keep |= (_own_picks(pairs, score, tie, 1, n) & alone[pairs]).any(axis=1)
    return pairs[keep]


def key_holders(sigs: Sequence[ClaimSig], idf: dict[str, float]) -> dict[str, list[int]]:
    """Plain-Python view of the buckets (key -> claim indexes), for tests and tools."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sigs):
        for key in dict(blocking_keys(s, idf)):
            buckets[key].append(i)
    return buckets
