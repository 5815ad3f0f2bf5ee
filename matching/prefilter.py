"""Cheap checks on many claims at once before the pair rules: copies of one sentence, pairs surely different (another specific place or time frame), and the IDF-weighted word overlaps of many pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from matching.pairs import BROAD_PLACES
from matching.signature import ClaimSig


def _single_place_and_date(sigs: Sequence[ClaimSig]
                           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per claim: an id for its one specific place (-1 if none or several), its one date as
    (year, month, day) with 0 for unknown parts (all -1 if no single date, or if the claim is
    about a date: then another date is a conflict, not another claim), and the one day of a
    claim whose only figure is that day (all -1 otherwise)."""
    places: dict[str, int] = {}
    place = np.full(len(sigs), -1, dtype=np.int64)
    date = np.full((len(sigs), 3), -1, dtype=np.int64)
    day = np.full((len(sigs), 3), -1, dtype=np.int64)
    for i, s in enumerate(sigs):
        specific = s.entities.get("place", frozenset()) - BROAD_PLACES
        if len(specific) == 1:
            place[i] = places.setdefault(next(iter(specific)), len(places))
        dates = [q.date for q in s.quantities if q.cls == "date" and q.date]
        others = any(q.cls not in ("date", "duration") for q in s.quantities)
        if len(dates) == 1:
            (date if others else day)[i] = date_parts(dates[0])
    return place, date, day


def date_parts(text: str) -> tuple[int, int, int]:
    """(year, month, day) of an ISO-like date, 0 for a part not stated: "2022-06" is
    (2022, 6, 0), a yearless "--06-07" (0, 6, 7), never year 6."""
    fields = text.split("-")
    if text.startswith("--"):
        fields = ["", *fields[2:]]
    parts = [int(p) if p.isdigit() else 0 for p in fields[:3]]
    return (parts[0], *(parts[1:] + [0, 0])[:2]) if parts else (0, 0, 0)


def surely_different(sigs: Sequence[ClaimSig], pairs: np.ndarray) -> np.ndarray:
    """The pairs the per-pair rules would reject for another specific place or another time
    frame, found in bulk (conservatively: only claims naming exactly one of each)."""
    place, date, day = _single_place_and_date(sigs)
    pa, pb = place[pairs[:, 0]], place[pairs[:, 1]]
    other_place = (pa >= 0) & (pb >= 0) & (pa != pb)
    # ... unless both claims state nothing but the same day, as decide's places_differ reads
    # places only beside other figures: "withdrew from Kherson" and "moved to the bank of the
    # Dnieper" on one day are one claim however their places are named (two places and two
    # days stay two events).
    ya, yb = day[pairs[:, 0]], day[pairs[:, 1]]
    one_day = (ya[:, 1] > 0) & (yb[:, 1] > 0) & (ya[:, 2] > 0) & (yb[:, 2] > 0)
    for k in range(3):
        known = (ya[:, k] > 0) & (yb[:, k] > 0)
        one_day &= ~known | (ya[:, k] == yb[:, k])
    other_place &= ~one_day
    da, db = date[pairs[:, 0]], date[pairs[:, 1]]
    both = (da[:, 0] >= 0) & (db[:, 0] >= 0)
    differs = np.zeros(len(pairs), dtype=bool)
    for k in range(3):  # a part differs where both sides state it
        known = (da[:, k] > 0) & (db[:, k] > 0)
        differs |= known & (da[:, k] != db[:, k])
    return other_place | (both & differs)


def identical_claims(sigs: Sequence[ClaimSig], keep_apart: Iterable[int] = ()) -> np.ndarray:
    """Per claim, the index of the first claim identical to it for matching (same sentence,
    figures, category and date: wire copy across outlets); itself when it is the first, or
    when it is in ``keep_apart`` (a person's decision names it)."""
    apart = set(keep_apart)
    first: dict[tuple, int] = {}
    out = np.arange(len(sigs), dtype=np.int64)
    for i, s in enumerate(sigs):
        if i in apart:
            continue
        key = (s.text, s.tokens, tuple(sorted((k, tuple(sorted(v))) for k, v in s.entities.items())),
               tuple((q.cls, q.low, q.high, q.text, q.value, q.date, q.kind) for q in s.quantities),
               s.category, s.date)
        out[i] = first.setdefault(key, i)
    return out


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
