"""The complete-link check that grouping's joins and an import's joins share: two claims whose
frames may never sit in one group, whatever the pair model says of them."""

from __future__ import annotations

from collections.abc import Sequence

from matching.as_of import as_of_apart
from matching.frames import Frame, subjects_differ, values_contradict
from matching.slot import opposite_bounds


def frames_clash(a: Sequence[Frame], b: Sequence[Frame]) -> bool:
    """Precise values of one measure that disagree (matching.frames.values_contradict: a vague
    figure can never bridge two precise ones), figures or dates of two different agreements
    (subjects_differ), bounds on either side of one value (matching.slot.opposite_bounds), or
    one measure as of two stated days (matching.as_of)."""
    if not a or not b:
        return False
    return bool(values_contradict(a, b) or subjects_differ(a, b) or opposite_bounds(a, b)
                or as_of_apart(a, b))


def clash_key(frames: Sequence[Frame]) -> tuple[Frame, ...]:
    """Claims with one key clash with exactly the same claims, so one check serves them all.
    The frames whole (a frozen dataclass): every field, the figure's words included, is read
    by some part of frames_clash."""
    return tuple(frames)
