"""Claim frames in words, for the window: measure, period (stated or the publication date),
values with their intervals, the deciding features, and the conflict banner's line.

Headless: the window shows the strings; the frames come from matching.frames through the
claim's signature, so what is shown is what matching compared.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from matching.feature_words import FEATURE_WORDS
from matching.frames import Frame, frame_conflicts
from matching.language import language_of
from matching.signature import signature

NOT_COMPARED = ("The text could not be compared; matched on figures, units, dates and "
                "names.")

MEASURE_LABELS = {
    "killed": "People killed",
    "wounded": "People wounded",
    "settlements": "Settlements",
    "children": "Children",
    "refugees": "Refugees",
    "displaced": "People displaced",
    "drones": "Drones",
    "missiles": "Missiles",
    "prisoners": "Prisoners",
    "troops": "Troops",
    "votes": "Votes",
    "turnout": "Turnout",
    "respondents": "Respondents",
    "money": "Money",
    "suspects": "Suspects",
    "sentences": "Sentences",
    "points": "Points of a plan",
    "camps": "Camps",
    "sheltering": "People sheltering",
    "area": "Area",
    "distance": "Distance",
    "duration": "Duration",
    "share": "Share",
    "share:respondents": "Poll share",
    "share:turnout": "Turnout share",
    "share:votes": "Vote share",
    "date": "Date of the event",
    "count": "Number (measure not named)",
}
# The canonical unit the interval of each comparison class is in (matching.figures).
_CANONICAL = {"area": "km²", "distance": "km", "duration": "days", "percent": "%",
              "money:usd": "USD", "money:eur": "EUR", "money:uah": "UAH", "money:rub": "RUB"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def measure_label(measure: str) -> str:
    if measure in MEASURE_LABELS:
        return MEASURE_LABELS[measure]
    if measure.startswith("money"):
        return "Money"
    return measure.replace("_", " ").replace("+", " and ").capitalize()


def period_label(period: str | None) -> str:
    """"2024-11-05" -> "5 Nov 2024", "2024-11" -> "Nov 2024", a year as it is."""
    if not period:
        return "no date"
    if period.startswith("--") and len(period) == 7:  # a day stated without its year
        try:
            return f"{int(period[5:7])} {_MONTHS[int(period[2:4]) - 1]} (year not stated)"
        except (ValueError, IndexError):
            return period
    parts = period.split("-")
    try:
        if len(parts) >= 3:
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return period
    return period


def _number(x: float) -> str:
    if math.isinf(x):
        return "∞"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:,.4g}"


def interval_label(frame: Frame) -> str:
    """The interval in the comparison unit: "[2,650–2,750 km²]"."""
    if frame.measure == "date":
        return ""
    unit = _CANONICAL.get(frame.cls, "")
    lo, hi = _number(frame.low), _number(frame.high)
    span = lo if lo == hi else f"{lo}–{hi}"
    return f"[{span}{' ' + unit if unit else ''}]"


def value_label(frame: Frame) -> str:
    """As written, then its interval: "2,700 km² [2,650–2,750 km²]"."""
    interval = interval_label(frame)
    return f"{frame.text} {interval}".strip()


def period_phrase(frame: Frame) -> str:
    how = "stated" if frame.period_stated else "publication date"
    return f"{period_label(frame.period)} ({how})"


def frame_line(frame: Frame) -> str:
    """One frame of a claim: "Area, 5 Nov 2024 (publication date): 2,700 km² [2,650–2,750 km²],
    precise"."""
    kind = "precise" if frame.precise else "vague"
    return f"{measure_label(frame.measure)}, {period_phrase(frame)}: {value_label(frame)}, {kind}"


def _shared_period(a: Frame, b: Frame) -> str:
    pa, pb = a.period or "", b.period or ""
    if pa == pb:
        return period_label(pa)
    if pa[:7] and pa[:7] == pb[:7]:
        return period_label(pa[:7])
    return f"{period_label(pa)} here, {period_label(pb)} elsewhere"


def conflict_line(ours: Frame, theirs: Frame) -> str:
    """The banner's line: the same measure and period on both sides, both values with their
    intervals: "Area, Nov 2024: 2,700 km² [2,650–2,750 km²] here vs 2,235 km² [...] elsewhere"."""
    return (f"{measure_label(ours.measure)}, {_shared_period(ours, theirs)}: "
            f"{value_label(ours)} here vs {value_label(theirs)} elsewhere")


class FrameSource(Protocol):
    """What the frames of one stored claim are computed from (storage.frame_sources gives
    these as plain values)."""

    claim_id: int
    sentence: str
    figures: Sequence[Mapping[str, Any]]
    start: int
    published: str | None


def frames_of(source: FrameSource) -> tuple[Frame, ...]:
    sig = signature(source.claim_id, source.sentence, figures=list(source.figures),
                    figure_offset=source.start, date=source.published)
    return sig.frames


def text_comparable(sentence: str) -> bool:
    """The words can be compared: a language with vocabulary (en, uk, ru)."""
    return language_of(sentence) != "other"


def conflicting_frames(ours: Sequence[FrameSource], theirs: Sequence[FrameSource]
                       ) -> list[tuple[Frame, Frame]]:
    """The first pair of frames that cannot both be right between two groups' claims (ours
    first in each pair), one per measure and period."""
    ours_frames = [frames_of(s) for s in ours]
    theirs_frames = [frames_of(s) for s in theirs]
    found: dict[tuple[str, str], tuple[Frame, Frame]] = {}
    for a in ours_frames:
        for b in theirs_frames:
            for x, y in frame_conflicts(a, b):
                found.setdefault((x.measure, (x.period or "")[:7]), (x, y))
    return list(found.values())


def conflict_lines(ours: Sequence[FrameSource], theirs: Sequence[FrameSource]) -> list[str]:
    return [conflict_line(x, y) for x, y in conflicting_frames(ours, theirs)]


def deciding_text(explanation: Mapping[str, Any]) -> str:
    parts = []
    for item in explanation.get("deciding") or ():
        try:
            name, value = item[0], float(item[1])
        except (TypeError, ValueError, IndexError):
            continue
        words = FEATURE_WORDS.get(name) or str(name).replace("_", " ")
        parts.append(f"{words} ({'+' if value >= 0 else ''}{value:.2f})")
    return "; ".join(parts)


def stored_frame_line(frame: Mapping[str, Any]) -> str:
    values = list(frame.get("values") or ["?", "?"]) + ["?", "?"]
    intervals = list(frame.get("intervals") or ["", ""]) + ["", ""]
    periods = [p for p in frame.get("period") or [] if p]
    when = " / ".join(period_label(p) for p in dict.fromkeys(periods)) or "no date"
    measure = str(frame.get("measure", "?"))
    if measure == "date":  # a day has no interval worth showing
        return f"{measure_label(measure)}, {when}: {values[0]} and {values[1]}"
    return (f"{measure_label(measure)}, {when}: {values[0]} {intervals[0]} and {values[1]} "
            f"{intervals[1]}")


def why_lines(explanation: Mapping[str, Any] | None, *, conflicting: bool = False,
              comparable: bool = True) -> list[str]:
    """"Why matched" / "why conflicting" from a stored pair explanation: the frames compared
    with both values and their intervals, the features that decided, and whether the words
    could be compared at all."""
    lines: list[str] = []
    explanation = explanation or {}
    frames = explanation.get("frames_differ" if conflicting else "frames") or []
    for frame in frames:
        if isinstance(frame, Mapping):
            overlap = frame.get("overlap", not conflicting)  # (not stored before 2026-12)
            if frame.get("measure") == "date":
                verdict = "the same day" if overlap else "different days"
            else:
                verdict = "the intervals overlap" if overlap else "the intervals do not overlap"
            lines.append(f"{stored_frame_line(frame)} — {verdict}.")
    deciding = deciding_text(explanation)
    if deciding:
        lines.append(f"Deciding: {deciding}.")
    p = explanation.get("p_same_slot" if conflicting else "p_same")
    if isinstance(p, int | float):
        lines.append(f"Model probability {float(p):.2f}.")
    if not frames and not conflicting and explanation:
        lines.append("No figures compared: decided on the words.")
    if explanation.get("text_not_compared") or not comparable:
        lines.append(NOT_COMPARED)
    return lines


@dataclass(frozen=True)
class ConflictView:
    other_id: int
    lines: tuple[str, ...]  # measure, period, both values with their intervals
    deciding: tuple[str, ...] = ()  # the features that decided, the model's probability


def conflict_view(other_id: int, ours: Sequence[FrameSource], theirs: Sequence[FrameSource],
                  explanation: Mapping[str, Any] | None) -> ConflictView:
    explanation = explanation or {}
    deciding = []
    text = deciding_text(explanation)
    if text:
        deciding.append(f"Deciding: {text}.")
    p = explanation.get("p_same_slot")
    if isinstance(p, int | float):
        deciding.append(f"Model probability of the same measure and period {float(p):.2f}.")
    return ConflictView(other_id, tuple(conflict_lines(ours, theirs)), tuple(deciding))


def member_why(decision: str, explanation: Mapping[str, Any] | None, sentence: str) -> list[str]:
    """Why one member is in its group."""
    comparable = text_comparable(sentence)
    if not explanation:
        first = ("Confirmed by a person." if decision == "confirmed"
                 else "The first claim of the group: nothing compared yet.")
        return [first] + ([NOT_COMPARED] if not comparable else [])
    lines = why_lines(explanation, comparable=comparable)
    if decision == "confirmed":
        lines.append("Confirmed by a person.")
    return lines


@dataclass(frozen=True)
class ClaimFramesView:
    """The claim detail's frame section."""

    frames: tuple[str, ...]
    comparable: bool
    why: tuple[str, ...] = ()  # why matched (empty without a group)
    conflicts: tuple[ConflictView, ...] = ()


def claim_frames_view(source: FrameSource | None, group: Any) -> ClaimFramesView | None:
    """``group``: storage.frame_sources.GroupFrameFacts of the claim's group, or None."""
    if source is None:
        return None
    frames = tuple(frame_line(f) for f in frames_of(source))
    why: list[str] = []
    conflicts: list[ConflictView] = []
    if group is not None:
        mine = next((m for m in group.members if m.source.claim_id == source.claim_id), None)
        if mine is not None:
            why = member_why(mine.decision, mine.explanation, source.sentence)
        conflicts = [conflict_view(c.other_id, [source], c.theirs, c.explanation)
                     for c in group.conflicts]
        # The claim itself may not state the disputed figure: then its group does.
        conflicts = [c if c.lines else conflict_view(c.other_id, group.ours, g.theirs,
                                                     g.explanation)
                     for c, g in zip(conflicts, group.conflicts, strict=True)]
    return ClaimFramesView(frames, text_comparable(source.sentence), tuple(why),
                           tuple(conflicts))


@dataclass(frozen=True)
class GroupFramesView:
    """The group pane's frame texts: per conflicting group, per member."""

    conflicts: dict[int, ConflictView]
    why: dict[int, tuple[str, ...]]


def group_frames_view(group: Any) -> GroupFramesView:
    """``group``: storage.frame_sources.GroupFrameFacts."""
    conflicts = {c.other_id: conflict_view(c.other_id, group.ours, c.theirs, c.explanation)
                 for c in group.conflicts}
    # Members matching compared (the pane already says "first claim" or "confirmed" itself).
    why = {m.source.claim_id: tuple(member_why(m.decision, m.explanation, m.source.sentence))
           for m in group.members if m.explanation}
    return GroupFramesView(conflicts, why)
