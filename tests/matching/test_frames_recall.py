"""Claims stating the same thing get frames that agree and meet in blocking; claims giving
another value for the same measure are compared at all (#15). Sentences written for the test."""

from __future__ import annotations

import numpy as np

from extraction import parse_figures
from matching import blocking
from matching.figures import quantities
from matching.frames import claim_frames, compare_frames
from matching.grouping import document_frequencies, idf_table
from matching.pairs import DEFAULT_THRESHOLDS
from matching.records import record_signatures


def frames_of(text, published=None):
    figs = [f.to_json_dict() for f in parse_figures(text)]
    return claim_frames(text, quantities(figs), published)


def test_vague_count_at_a_clause_end():
    (f,) = frames_of("Officials said the number drowned was at least hundreds, the report says.")
    assert f.measure == "killed" and not f.precise


def test_measure_named_farther_in_the_clause():
    (f,) = frames_of("The regional office said that the toll of the storm had now climbed to 17 people.")
    assert f.measure == "killed"
    # ... but not across a comma into another clause.
    (g,) = frames_of("Two ministers died last year, and 17 people attended the meeting.")
    assert g.measure != "killed"


def test_money_without_a_currency_meets_money_with_one():
    # (No currency at all: "EUR 12 billion" now reads as euros, as "€12 billion" does.)
    a = frames_of("The fund has now paid 12 billion in aid to the region.")
    b = frames_of("The fund paid €12 billion to the region.")
    assert a[0].measure == "money" and b[0].measure == "money:eur"
    cmp = compare_frames(a, b)
    assert cmp.same_measure and cmp.agree


def _sigs(texts):
    records = [{"id": f"t{i}", "text": t, "date": None} for i, t in enumerate(texts)]
    sigs = record_signatures(records)
    return sigs, idf_table(document_frequencies(sigs), len(sigs))


def test_another_value_of_the_same_measure_is_a_candidate():
    # The same measure with other values and no period stated: compared (a conflict is found
    # there), through the measure's slot key and one more shared key.
    sigs, idf = _sigs([
        "The flood in the northern valley killed 29 people, the governor said.",
        "Officials in the northern valley now say the flood killed 25 people.",
        "A new bridge over the river opened to traffic on Monday morning.",
    ])
    pairs = {tuple(p) for p in blocking.candidate_pairs(sigs, idf).tolist()}
    assert (0, 1) in pairs
    assert "s:killed:*" in dict(blocking.blocking_keys(sigs[0], idf))


def test_heavy_keys_are_scored_whatever_the_words():
    # The same figure, measure and unit in two languages: no shared word, still scored under a
    # decision that weighs more than words (a low floor), within the per-claim quota.
    sigs, idf = _sigs([
        "Die Armee eroberte 1.250 Quadratkilometer zurück.",
        "The army won back 1,250 square kilometres.",
    ])
    pairs, weights = blocking.candidate_pairs_weighted(sigs, idf)
    assert pairs.tolist() == [[0, 1]] and int(weights[0]) >= blocking.KEYS_WITHOUT_WORDS
    kept = blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS, floor=0.05)
    assert kept.tolist() == [[0, 1]]
    # The hand-set rules (no floor given) still ask for words.
    assert len(blocking.plausible_pairs(sigs, pairs, weights, idf, DEFAULT_THRESHOLDS)) == 0
    assert isinstance(kept, np.ndarray)


def test_a_figure_for_a_span_holds_as_of_its_end():
    (f,) = frames_of("Between March 2015 and mid-2020, at least 2,140 residents were killed.",
                     "2024-05-01")
    assert f.period.startswith("2020")
    (g,) = frames_of("In March 2015 and again in 2020 the office counted 2,140 residents.", "2024-05-01")
    assert g.period.startswith("2015")
