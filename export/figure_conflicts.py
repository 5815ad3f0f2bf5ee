"""Figures that disagree between the appearances of one claim group (beyond rounding)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol


class Stated(Protocol):
    """What is needed of an appearance (export.data.Appearance)."""

    claim_id: int
    outlet: str
    published: dt.date | None
    figures: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ConflictingFigure:
    text: str
    value: float | str
    outlet: str
    published: dt.date | None
    claim_id: int
    # True when no other appearance gives a figure matching this one (the briefing marks it ≠).
    disputed: bool = False


@dataclass(frozen=True)
class FigureConflict:
    """Figures of one kind and unit that disagree between appearances, listed side by side."""

    kind: str
    unit: str
    figures: tuple[ConflictingFigure, ...]



def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _rounding_tolerance(value: float) -> float:
    """How far a stated figure may be from the truth through rounding alone: half a unit of its
    last significant place (80 → 5, 43,000 → 500, 0.6 → 0.05), capped at 10% so "100" is not
    "anything from 50 to 150"."""
    try:
        d = Decimal(repr(value)).normalize()
    except InvalidOperation:
        return 0.0
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int):
        return 0.0
    return min(0.5 * 10.0**exponent, 0.1 * abs(value))


def _same_figure(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    tolerance = max(_rounding_tolerance(a), _rounding_tolerance(b))
    return abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b), 1.0)


def conflicting_figures(appearances: Iterable[Stated]) -> list[FigureConflict]:
    """Figures of the same kind and unit whose values differ beyond rounding between the
    group's claims (e.g. "about 79 sq mi" here, "about 120 square miles" there).

    Derived from the claims' ``figures`` JSON for now; when matching stores explicit conflicts,
    this is the one function to switch over.
    """
    by_key: dict[tuple[str, str], dict[int, list[ConflictingFigure]]] = {}
    for a in appearances:
        for f in a.figures:
            raw = f.get("value")
            value: float | str | None = _number(raw)
            if value is None and isinstance(raw, str) and raw.strip():
                value = raw.strip()  # dates and other exact values
            if value is None:
                continue
            key = (str(f.get("kind") or ""), str(f.get("unit") or ""))
            item = ConflictingFigure(text=str(f.get("text") or raw), value=value, outlet=a.outlet,
                                     published=a.published, claim_id=a.claim_id)
            by_key.setdefault(key, {}).setdefault(a.claim_id, []).append(item)
    conflicts = []
    for (kind, unit), per_claim in by_key.items():
        if len(per_claim) < 2:
            continue
        claims = list(per_claim.values())
        # Two claims disagree when neither one's figures are all found in the other: a claim
        # that merely mentions fewer figures (only the peak, not the current holding) does not.
        if any(_has_unmatched(a, b) and _has_unmatched(b, a)
               for i, a in enumerate(claims) for b in claims[i + 1 :]):
            figures = [
                replace(f, disputed=all(_has_unmatched([f], other) for other in claims
                                        if other is not mine))
                for mine in claims for f in mine
            ]
            conflicts.append(FigureConflict(kind=kind, unit=unit, figures=tuple(figures)))
    return conflicts


def _has_unmatched(mine: list[ConflictingFigure], other: list[ConflictingFigure]) -> bool:
    return any(not any(_same_figure(x.value, y.value) for y in other) for x in mine)

