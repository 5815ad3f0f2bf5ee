"""The blocking keys of one claim that do not depend on word weights: its figures on two
log grids, its specific names, their conjunctions, and the keys of KEY_SOURCES (frames and
slots). Worked out once per signature, in the workers that build signatures
(matching.records), and sent back with it in a compact form (ClaimKeys): blocking then only
adds each claim's rarest words, on one core. See matching.blocking for what the keys do."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from matching.pairs import BROAD_PLACES
from matching.signature import ClaimSig

MIN_KEY_WEIGHT = 3  # e.g. a close figure (2) and a rare word or name (1)
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


def claim_names(sig: ClaimSig) -> set[str]:
    """The claim's specific names (broad places left out): keys of their own, not words."""
    return {n for _kind, ns in sig.entities.items() for n in ns if n not in BROAD_PLACES}


def static_keys(sig: ClaimSig) -> list[tuple[str, int, int]]:
    """(key, weight, source) of the claim's keys beyond its words, in blocking's order:
    source 0 is a figure or name key (capped at blocking.BUCKET_CAP), 1 + i one of
    KEY_SOURCES[i] (capped at its own cap)."""
    names = sorted(claim_names(sig))
    figure_keys = _figure_keys(sig)
    keys = list(figure_keys)
    keys += [(f"e:{n}", 1) for n in names]
    # Conjunctions stay rare where each part is common (the figure "20%" and the place
    # "Kharkiv" are everywhere in a big database; "20% in Kharkiv" is not), and sharing one is
    # enough to be compared.
    quantity_keys = [k for k, _ in figure_keys if k.startswith("q:")]
    date_keys = [k for k, _ in figure_keys if k.startswith("d:")]
    anchors = [f"e:{n}" for n in names] + date_keys
    keys += [(f"{q}&{a}", MIN_KEY_WEIGHT) for q in quantity_keys for a in anchors]
    keys += [(f"{e}&{d}", MIN_KEY_WEIGHT) for e in anchors[: len(names)] for d in date_keys]
    out = [(k, w, 0) for k, w in keys]
    for source, found in enumerate(KEY_SOURCES, start=1):
        out += [(k, w, source) for k, w in found.keys(sig)]
    return out


class ClaimKeys(NamedTuple):
    """static_keys of one claim, each key once (the last weight and source a key is given
    win, at its first place: as a dict built from them), in three flat fields rather than a
    tuple per key, its key strings interned: a worker's signatures pickle each distinct key
    once (~40 bytes a claim more on the way back, not ~600)."""

    names: frozenset[str]
    keys: tuple[str, ...]
    weights: bytes
    sources: bytes


_NO_NAMES: frozenset[str] = frozenset()


def claim_keys(sig: ClaimSig) -> ClaimKeys:
    """ClaimKeys of a claim, worked out once (kept on the signature)."""
    found = sig.__dict__.get("_claim_keys")
    if found is None:
        once = {k: (w, s) for k, w, s in static_keys(sig)}
        names = claim_names(sig)
        found = ClaimKeys(frozenset(names) if names else _NO_NAMES,
                          tuple(sys.intern(k) for k in once),
                          bytes(w for w, _s in once.values()),
                          bytes(s for _w, s in once.values()))
        object.__setattr__(sig, "_claim_keys", found)
    return found
