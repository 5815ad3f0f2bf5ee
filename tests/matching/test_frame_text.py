"""Frames in words (matching.frame_text): measure, period stated or from the publication date,
values with their intervals, the banner's "here vs elsewhere" line and "why matched"."""

from __future__ import annotations

from matching.frame_text import (
    NOT_COMPARED,
    conflict_lines,
    frame_line,
    frames_of,
    period_label,
    why_lines,
)
from tests.matching.conftest import source_of


def test_period_labels():
    assert period_label("2024-11-05") == "5 Nov 2024"
    assert period_label("2024-11") == "Nov 2024"
    assert period_label("2024") == "2024"
    assert period_label(None) == "no date"


def test_frame_line_names_measure_period_value_interval_and_precision():
    stated = frames_of(source_of(1, "Russian forces captured 41 settlements in the Kharkiv region "
                                  "in May 2024, officials in Kyiv said.", "2024-06-03"))
    assert [frame_line(f) for f in stated] == [
        "Settlements, May 2024 (stated): 41 [40.5–41.5], precise"]
    as_of = frames_of(source_of(2, "Russia now holds about 18 percent of Ukraine, analysts said.",
                              "2023-03-01"))
    assert [frame_line(f) for f in as_of] == [
        "Share, 1 Mar 2023 (publication date): about 18 percent [16.56–19.44 %], vague"]


def test_the_banner_line_puts_this_groups_value_first():
    ours = [source_of(1, "Russian forces captured 41 settlements in the Kharkiv region in May "
                       "2024, officials in Kyiv said.", "2024-06-03")]
    theirs = [source_of(2, "Russian troops captured 57 settlements in the Kharkiv region in May "
                         "2024, officials said.", "2024-06-04")]
    assert conflict_lines(ours, theirs) == [
        "Settlements, May 2024: 41 [40.5–41.5] here vs 57 [56.5–57.5] elsewhere"]
    assert conflict_lines(theirs, ours) == [
        "Settlements, May 2024: 57 [56.5–57.5] here vs 41 [40.5–41.5] elsewhere"]
    assert conflict_lines(ours, ours) == []  # the same value: no conflict to name


def test_why_lines_from_a_stored_explanation():
    explanation = {
        "p_same": 0.93, "text_not_compared": True,
        "frames": [{"measure": "area", "period": ["2024-11-05", "2024-11-05"],
                    "values": ["2,700 km²", "2,710 km2"],
                    "intervals": ["[2,650, 2,750]", "[2,705, 2,715]"]}],
        "deciding": [["value_agrees", 3.33], ["names_differ", -1.2]],
    }
    lines = why_lines(explanation)
    assert lines == [
        "Area, 5 Nov 2024: 2,700 km² [2,650, 2,750] and 2,710 km2 [2,705, 2,715] — the "
        "intervals overlap.",
        "Deciding: a value agrees (+3.33); other named places or agreements (-1.20).",
        "Model probability 0.93.",
        NOT_COMPARED,
    ]
    assert why_lines({"p_same": 0.8}, comparable=False)[-2:] == [
        "No figures compared: decided on the words.", NOT_COMPARED]
