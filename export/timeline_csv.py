"""A measure's timeline as CSV: one row per claim's value, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

from export.csv_export import neutralise
from export.paths import atomic_output
from storage.measures import Comparison, TimelinePoint

COLUMNS: tuple[str, ...] = (
    "claim_id", "date", "value", "value_text", "low", "high", "figure", "period", "outlet",
    "conflicting", "reference", "reference_low", "reference_high", "reference_as_of",
    "reference_source", "sentence",
)


def _number(x: float | None) -> str:
    return "" if x is None else f"{x:.10g}"


def timeline_rows(points: Sequence[TimelinePoint],
                  comparisons: Sequence[Comparison] = ()) -> Iterator[list[str]]:
    by_claim = {c.claim_id: c for c in comparisons}
    yield list(COLUMNS)
    for p in points:
        c = by_claim.get(p.claim_id)
        ref = c.reference if c is not None else None
        row = [str(p.claim_id), p.date.isoformat() if p.date else "", _number(p.value),
               p.value_text, _number(p.low), _number(p.high), p.figure, p.period or "",
               p.outlet, "yes" if p.conflicting else "", c.kind if c is not None else "",
               _number(ref.low) if ref else "", _number(ref.high) if ref else "",
               ref.as_of.isoformat() if ref else "", ref.source_title if ref else "",
               p.sentence]
        yield [neutralise(cell) for cell in row]


def write_timeline_csv(points: Sequence[TimelinePoint], path: Path,
                       comparisons: Sequence[Comparison] = ()) -> int:
    """Write the points (UTF-8 with a byte-order mark, as our other CSV); the rows written."""
    count = 0
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        for row in timeline_rows(points, comparisons):
            writer.writerow(row)
            count += 1
    return count - 1
