"""The blocking rules of matching.blocking written plainly, for tests to compare with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from matching import blocking
from matching.signature import ClaimSig


def plain_candidates(sigs: Sequence[ClaimSig], idf: dict[str, float]) -> dict[tuple[int, int], int]:
    """The blocking rules in plain Python, one claim and one key at a time (no ceiling):
    pair -> shared key weight, for the pairs sharing MIN_KEY_WEIGHT."""
    holders = blocking.key_holders(sigs, idf)
    weight = {}
    cap = {}
    keys_of = defaultdict(list)
    for i, s in enumerate(sigs):
        caps = blocking.key_caps(s, idf)
        for key, w in dict(blocking.blocking_keys(s, idf)).items():
            weight.setdefault(key, w)
            cap.setdefault(key, caps[key])
            keys_of[i].append(key)
    size = {k: len(v) for k, v in holders.items()}
    ids = {k: n for n, k in enumerate(holders)}  # first-seen order, as the numpy ids
    buckets = defaultdict(list)  # (key, refiner) -> members
    for i in range(len(sigs)):
        rarest = sorted(keys_of[i], key=lambda k: (size[k], ids[k]))
        for k in keys_of[i]:
            if size[k] <= cap[k]:  # each key's own cap (frame keys: FRAME_BUCKET_CAP)
                buckets[(k, None)].append(i)
                continue
            rarer = [k2 for k2 in rarest if k2 != k and 2 <= size[k2] < size[k]][: blocking.REFINE_KEYS]
            for k2 in rarer or ["∅"]:
                buckets[(k, k2)].append(i)
    rank = {i: r for r, i in enumerate(sorted(range(len(sigs)), key=lambda i: (sigs[i].sorted_text, i)))}
    total = defaultdict(int)
    for (k, _k2), members in buckets.items():
        if len(members) <= blocking.BUCKET_CAP:
            for a, b in combinations(members, 2):
                total[(min(a, b), max(a, b))] += blocking.key_weight(weight[k], len(members))
        else:
            ordered = sorted(members, key=rank.get)
            for t, a in enumerate(ordered):
                for b in ordered[t + 1 : t + 1 + blocking.WINDOW]:
                    total[(min(a, b), max(a, b))] += weight[k]
    return {p: w for p, w in total.items() if w >= blocking.MIN_KEY_WEIGHT}
