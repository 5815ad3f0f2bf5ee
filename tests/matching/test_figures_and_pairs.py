"""Figure agreement across units and wordings, and the same/conflict/different decision."""

from __future__ import annotations

import pytest

from matching.figures import compare, quantities, time_frames_differ
from matching.pairs import Relation, score_pair
from matching.signature import content_tokens, signature


def _fig(value, unit, kind, text="x", **kw):
    return {"text": text, "value": value, "unit": unit, "kind": kind, **kw}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_fig(20, "percent", "fraction", "a fifth"), _fig(20, "percent", "percent", "20%")),
        (_fig(20, "percent", "percent", "nearly 20 percent", qualifier="nearly"),
         _fig(20, "percent", "fraction", "a fifth")),
        (_fig(110, "mi2", "area", "110 square miles", si_value=284.9, si_unit="km2"),
         _fig(285, "km2", "area", "285 km²", si_value=285, si_unit="km2")),
        (_fig(0.6, "percent", "percent", "0.6%"),
         _fig(1, "percent", "percent", "less than one percent", qualifier="less than")),
        (_fig(18, "percent", "range", "18–20%", value_max=20), _fig(20, "percent", "fraction")),
        (_fig(10000, None, "count", "more than 10,000", qualifier="more than"),
         _fig(12500, None, "count", "12,500")),
    ],
)
def test_figures_that_agree(a, b):
    result = compare(quantities([a]), quantities([b]))
    assert result.agreements and not result.conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (_fig(0.6, "percent", "percent", "0.6%"), _fig(1.5, "percent", "percent", "1.5%")),
        (_fig(1.5, "percent", "percent", "1.5%"),
         _fig(1, "percent", "percent", "less than one percent", qualifier="less than")),
        (_fig(79, "mi2", "area", "79 square miles", si_value=204.6, si_unit="km2"),
         _fig(120, "mi2", "area", "120 square miles", si_value=310.8, si_unit="km2")),
        (_fig(20, "percent", "percent", "just under 20%", qualifier="just under"),
         _fig(0.6, "percent", "percent", "0.6%")),
    ],
)
def test_figures_that_conflict(a, b):
    assert compare(quantities([a]), quantities([b])).has_conflict


def test_a_date_is_a_conflict_only_when_the_claim_is_about_the_date():
    signed_12 = quantities([{"text": "12 Feb 2015", "kind": "date", "date": "2015-02-12"}])
    signed_11 = quantities([{"text": "11 Feb 2015", "kind": "date", "date": "2015-02-11"}])
    assert compare(signed_12, signed_11).has_conflict
    share_2024 = quantities([_fig(0.6, "percent", "percent"), {"kind": "date", "date": "2024"}])
    share_2023 = quantities([_fig(0.6, "percent", "percent"), {"kind": "date", "date": "2023"}])
    assert not compare(share_2024, share_2023).has_conflict
    assert time_frames_differ(share_2024, share_2023)
    month = quantities([{"kind": "date", "date": "2015-02"}])
    assert not compare(signed_12, month).has_conflict


def test_spellings_and_scripts_fold_to_the_same_words():
    assert content_tokens("Zelenskiy visited Kiev") == content_tokens("Zelensky visited Kyiv")
    assert "kyiv" in content_tokens("Зеленський прибув до Києва")
    assert "territory" in content_tokens("території України")
    assert content_tokens("Russian troops took land") == content_tokens("Russian forces seized territory")


def test_same_claim_different_words_and_units():
    a = signature(1, "Russian forces made a net gain of 110 square miles in Ukraine last month.")
    b = signature(2, "Last month Russia's army gained about 285 square kilometres of Ukrainian land.")
    assert score_pair(a, b).relation is Relation.SAME


def test_another_figure_for_the_same_claim_is_a_conflict():
    a = signature(1, "Over the past year Russia took 0.6% more of Ukraine's territory.")
    b = signature(2, "Over the past year Russia took 1.5% more of Ukraine's territory.")
    result = score_pair(a, b)
    assert result.relation is Relation.CONFLICT
    assert result.explanation["figures_differ"] == [["0.6%", "1.5%"]]


def test_minsk_one_is_not_minsk_two():
    a = signature(1, "Minsk I was signed by the Trilateral Contact Group in Minsk.")
    b = signature(2, "Minsk II was signed by the Trilateral Contact Group in Minsk.")
    result = score_pair(a, b)
    assert result.relation is Relation.DIFFERENT
    assert "entities_differ" in result.explanation


def test_words_that_carry_no_claim_are_dropped_by_the_concept_table():
    # "~" in resources/concepts.tsv: attribution and hedges, in all three languages.
    assert content_tokens("Russia took 0.6%, figures show") == content_tokens("Russia took 0.6%")
    assert content_tokens("Россия заняла всего около 0,6 %") == content_tokens("Россия заняла 0,6 %")


def test_a_name_of_several_words_also_counts_as_its_words():
    assert {"istanbul", "talks"} <= set(content_tokens("the Istanbul talks"))
    assert "jeddah" in content_tokens("the Jeddah meeting")


def test_cross_language_wording_meets_in_concepts():
    en = set(content_tokens("Kremlin aide Ushakov called the proposed truce a respite"))
    ru = set(content_tokens("Помощник Ушаков назвал предложенное перемирие передышкой"))
    assert {"aide", "call", "proposal", "ceasefire", "respite"} <= en & ru
    assert "gain" in content_tokens("Russian troops took control of Bakhmut")


def test_a_date_on_one_side_only_is_judged_on_the_words():
    from matching.pairs import DEFAULT_THRESHOLDS

    dated = signature(1, "Kremlin aide Ushakov said on March 13 that the truce was a respite "
                         "for Ukrainian troops.")
    undated = signature(2, "Ushakov, a Kremlin aide, called the truce a respite for Ukraine's "
                           "troops.")
    assert score_pair(dated, undated).explanation["bar"] == DEFAULT_THRESHOLDS.same_text
    counted = signature(3, "Ushakov said 5,000 troops would get a respite from the truce.")
    assert score_pair(counted, undated).explanation["bar"] == DEFAULT_THRESHOLDS.same_mixed


def test_grouping_computes_the_same_word_overlaps_as_the_pair_rules():
    import numpy as np

    from matching.grouping import document_frequencies, idf_table, weighted_overlaps_many
    from matching.pairs import _weighted_overlaps

    sigs = [signature(i, t) for i, t in enumerate([
        "Russia took 0.6% of Ukraine in a year of heavy fighting.",
        "Over the past year Russia gained 0.6 percent of Ukrainian territory.",
        "Ukraine held 79 square miles of the Kursk region in March.",
    ])]
    idf = idf_table(document_frequencies(sigs), len(sigs))
    pairs = np.array([[0, 1], [0, 2], [1, 2]])
    jaccard, overlap = weighted_overlaps_many(sigs, pairs, idf)
    for k, (i, j) in enumerate(pairs.tolist()):
        assert (jaccard[k], overlap[k]) == pytest.approx(_weighted_overlaps(sigs[i], sigs[j], idf, 0.0))
    assert overlap[0] > jaccard[0]


def test_another_period_is_another_claim_not_a_conflict():
    year = signature(1, "Over the past year Russia took 0.6% of Ukraine's territory.")
    month = signature(2, "Over the past month Russia took 0.1% of Ukraine's territory.")
    result = score_pair(year, month)
    assert result.relation is Relation.DIFFERENT
    assert result.explanation["time_frames_differ"] is True
    # A duration that is the quantity itself still conflicts.
    thirty = signature(3, "Ukraine accepted a 30-day ceasefire at the Jeddah talks.")
    sixty = signature(4, "Ukraine accepted a 60-day ceasefire at the Jeddah talks.")
    assert score_pair(thirty, sixty).relation is Relation.CONFLICT


def test_a_figure_dated_years_before_an_undated_one_is_another_claim():
    dated = signature(1, "In 2023 Russia's troops took about 0.6 percent of Ukraine's territory.",
                      date="2025-06-03")
    undated = signature(2, "Over the past year Russia took about 0.6% of Ukraine's territory.",
                        date="2025-06-01")
    assert score_pair(dated, undated).explanation.get("time_frames_differ") is True
    recent = signature(3, "In the year to June 2025 Russia took about 0.6% of Ukraine's "
                          "territory.", date="2025-06-03")
    assert score_pair(recent, undated).relation is Relation.SAME


def test_a_date_agreeing_only_to_the_month_is_weak_evidence():
    from matching.pairs import DEFAULT_THRESHOLDS

    day = signature(1, "At the Istanbul talks on 29 March 2022, Ukraine offered to adopt a "
                       "neutral status.")
    month = signature(2, "At the Istanbul talks in March 2022, Ukraine offered to adopt a "
                         "neutral status.")
    assert score_pair(day, month).explanation["bar"] == DEFAULT_THRESHOLDS.same_with_weak_figure
    same_day = signature(3, "On 29 March 2022, at the Istanbul talks, Ukraine offered a neutral "
                            "status.")
    assert score_pair(day, same_day).explanation["bar"] == DEFAULT_THRESHOLDS.same_with_date


def test_different_quantities_on_each_side_are_not_helped_by_a_shared_year():
    from matching.pairs import DEFAULT_THRESHOLDS

    share = signature(1, "In the twelve months to spring 2025, Russia captured 0.6% of "
                         "Ukraine's territory.")
    area = signature(2, "In the month to March 12, 2025, Russia's net gain in Ukraine came to "
                        "285 square kilometres.")
    assert score_pair(share, area).explanation.get("bar", 1.0) == DEFAULT_THRESHOLDS.same_mixed


def test_a_duration_that_is_the_quantity_agrees_like_a_figure():
    from matching.pairs import DEFAULT_THRESHOLDS

    a = signature(1, "Kyiv backed Washington's plan for a 30-day truce.")
    b = signature(2, "Ukraine said it would accept a ceasefire lasting 30 days.")
    assert score_pair(a, b).explanation["bar"] == DEFAULT_THRESHOLDS.same_with_figure
