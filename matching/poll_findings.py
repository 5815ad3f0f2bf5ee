"""Findings of two pollsters are two claims: "a majority trusted the president, according to
KIIS's May survey" and "62% trusted the president in the Razumkov Centre's May survey" report
two polls, whether or not their figures agree (matching.pollsters reads the names; its
two_polls covers agreeing shares only)."""

from __future__ import annotations

from matching.pollsters import pollsters


def pollsters_differ(text_a: str, text_b: str) -> tuple[str, str] | None:
    """One pollster of each claim when each names pollsters and none in common, else None."""
    pa, pb = pollsters(text_a), pollsters(text_b)
    if pa and pb and not pa & pb:
        return min(pa), min(pb)
    return None
