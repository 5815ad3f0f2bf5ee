"""The conflict banner's lines: one per measure and period disputed between two groups, each naming the same measure and period on both sides."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from matching.frame_text import (
    FrameSource,
    GroupFramesView,
    conflict_line,
    frames_of,
    group_frames_view,
)
from matching.frames import frame_conflicts
from matching.slot import slot_contradictions


def slot_conflict_lines(ours: Sequence[FrameSource], theirs: Sequence[FrameSource]) -> list[str]:
    """Lines for the values that cannot both be right *in one period* (matching.slot); a
    figure of another period is another claim, never a line here."""
    ours_frames = [frames_of(s) for s in ours]
    theirs_frames = [frames_of(s) for s in theirs]
    found: dict[tuple[str, str], str] = {}
    for a in ours_frames:
        for b in theirs_frames:
            for x, y in slot_contradictions(a, b, frame_conflicts(a, b)):
                found.setdefault((x.measure, (x.period or "")[:7]), conflict_line(x, y))
    return list(found.values())


def group_banner_view(group: Any) -> GroupFramesView:
    """matching.frame_text.group_frames_view with the lines of slot_conflict_lines.
    ``group``: storage.frame_sources.GroupFrameFacts."""
    view = group_frames_view(group)
    conflicts = {
        c.other_id: dataclasses.replace(view.conflicts[c.other_id],
                                        lines=tuple(slot_conflict_lines(group.ours, c.theirs)))
        for c in group.conflicts if c.other_id in view.conflicts
    }
    return dataclasses.replace(view, conflicts=conflicts)
