"""Labelled generated claim sets for benches: one registry over the bench/gen_*.py generators.

Every generator returns records ``{"id", "text", "outlet", "date", "group"}`` (plus
``"conflict_group_of"`` on a claim that gives another figure for a group's claim), is
deterministic for a seed, and may be asked for any number of claims.

    from bench.generated_sets import labelled_set
    records = labelled_set("repetitive", 3000, seed=7)
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

# name -> module in bench/ (each exposes generate(n, seed) and a one-line SHAPE).
GENERATORS = {
    "base": "bench.gen_base",
    "second": "bench.gen_second",
    "repetitive": "bench.gen_repetitive",
    "real_noisy": "bench.gen_real_noisy",
    "third": "bench.gen_third",
}

OUTLETS = [f"Outlet {i:03d}" for i in range(150)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def generator(name: str) -> Callable[[int, int], list[dict[str, Any]]]:
    """The ``generate(n, seed)`` of a generator named in GENERATORS."""
    return importlib.import_module(GENERATORS[name]).generate


def labelled_set(name: str, n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` generated claims of generator ``name``, with their gold groups."""
    return generator(name)(n, seed)


def spoken_date(day: dt.date, rng: random.Random) -> str:
    """A date as outlets write it, in one of three styles."""
    style = rng.randrange(3)
    if style == 0:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == 1:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{MONTHS[day.month - 1][:3]}. {day.day}, {day.year}" if day.month != 5 else (
        f"May {day.day}, {day.year}")


def number(value: float, rng: random.Random, *, decimals: int = 0) -> str:
    """A figure as outlets write it: "1,200" or "1200" (large round ones also "1.2 million")."""
    if decimals:
        return f"{value:.{decimals}f}"
    v = int(round(value))
    if v >= 1_000_000 and v % 100_000 == 0 and rng.random() < 0.5:
        return f"{v / 1_000_000:g} million"
    return f"{v:,}" if v >= 10_000 or rng.random() < 0.7 else str(v)


def record(claims: list[dict[str, Any]], text: str, rng: random.Random, day: dt.date,
           group: str, conflict_of: str | None = None) -> None:
    """Append one claim record (publication 0–3 days after the event)."""
    published = day + dt.timedelta(days=rng.randint(0, 3))
    row: dict[str, Any] = {"id": len(claims), "text": text, "outlet": rng.choice(OUTLETS),
                           "date": published.isoformat(), "group": group}
    if conflict_of is not None:
        row["conflict_group_of"] = conflict_of
    claims.append(row)


def pairwise_scores(labels: Sequence[Any], gold: Sequence[Any]) -> tuple[float, float]:
    """Pairwise precision and recall from counts (no pair enumeration: fine for 100,000)."""

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    tp = pairs(Counter(zip(labels, gold, strict=True)))
    predicted, actual = pairs(Counter(labels)), pairs(Counter(gold))
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0)
