"""Numbers written against the words of Chinese, Japanese and Korean text are figures (#15);
a number before a day, month, year, time or age sign is none. Sentences written for the test."""

from __future__ import annotations

import pytest

from extraction import parse_figures


@pytest.mark.parametrize(("text", "values"), [
    ("軍は昨夜ミサイル35発とドローン210機を発射した。", [35.0, 210.0]),
    ("军方昨晚发射了210架无人机和35枚导弹。", [210.0, 35.0]),
    ("군은 어젯밤 드론 210대와 미사일 35발을 발사했다.", [210.0, 35.0]),
])
def test_counts_inside_cjk_text(text, values):
    assert [f.value for f in parse_figures(text) if f.kind == "count"] == values


@pytest.mark.parametrize("text", [
    "会議は17日に開かれた。",
    "회의는 17일에 열렸다.",
    "14歳の少年が負傷した。",
])
def test_cjk_day_and_age_are_no_counts(text):
    assert [f for f in parse_figures(text) if f.kind == "count"] == []


def test_latin_letters_still_join_a_number():
    # "F16", "x2", "G7" stay names, not counts.
    assert [f for f in parse_figures("The F16 and the G7 met x2 times.") if f.kind == "count"] == []
