"""Two claims whose figures measure different things of one event ("12 killed" and "12 pulled
alive from the rubble", "6 children killed" and "6 people missing"): no figure of one pairs
with a figure of the other, and each names what its figures measure. Two claims, whatever
their words share."""

from __future__ import annotations

from collections.abc import Sequence

from matching.frames import Frame, FrameComparison

# Measures too coarse, or of a role other than a count, to set two claims apart by name.
_NOT_NAMED = frozenset({"count", "share", "date", "duration", "ordinal", "change"})


def _named(frames: Sequence[Frame]) -> set[str] | None:
    """The measures of a claim's figures when every one of them names its measure, else None."""
    out = set()
    for f in frames:
        if f.measure == "date":
            continue
        if f.measure.split(":")[0] in _NOT_NAMED:
            return None
        out.add(f.measure)
    return out or None


def measures_apart(a: Sequence[Frame], b: Sequence[Frame], fc: FrameComparison
                   ) -> tuple[str, str] | None:
    """The two claims' figures name measures and none of them pair (matching.frames
    .compare_frames): one measure of each (for the explanation), else None."""
    if fc.same_measure:
        return None
    ma, mb = _named(a), _named(b)
    if not ma or not mb or ma & mb:
        return None
    return sorted(ma)[0], sorted(mb)[0]
