"""A conflict between two groups is one of one period, read from every member of each group."""

from __future__ import annotations

from matching.group_periods import periods_apart
from matching.records import record_signatures

# Our own sentences: one night's drone count told undated and dated, another night's count.
RECORDS = [
    {"id": "a", "text": "Overnight the enemy sent 640 attack drones against the grid, the air "
                        "command reported.", "date": None},
    {"id": "b", "text": "On the night of 3 October the enemy sent 640 attack drones against the "
                        "grid.", "date": "2025-10-03"},
    {"id": "c", "text": "The enemy sent 590 attack drones against the grid overnight, the air "
                        "command said.", "date": "2025-08-14"},
    {"id": "d", "text": "The enemy sent 590 attack drones against the grid overnight, officials "
                        "said.", "date": "2025-10-04"},
]


def test_an_undated_claim_takes_the_period_of_its_group() -> None:
    sigs = record_signatures(RECORDS)
    # Alone, the undated count may be of August: the clash stands.
    assert not periods_apart(sigs[0], sigs[2], [sigs[0]], [sigs[2]])
    # Grouped with the same count dated 3 October, it is of October: August is another night.
    assert periods_apart(sigs[0], sigs[2], sigs[:2], [sigs[2]])


def test_one_period_keeps_the_conflict() -> None:
    sigs = record_signatures(RECORDS)
    # 3 and 4 October: one period as the pair decision reads it (a report a day later).
    assert not periods_apart(sigs[0], sigs[3], sigs[:2], [sigs[3]])
    # No clash of values at all: nothing to set aside.
    assert not periods_apart(sigs[0], sigs[1], [sigs[0]], [sigs[1]])
