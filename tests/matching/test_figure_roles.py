"""Figures are compared by what they are figures *of* (their role), not by value alone."""

from __future__ import annotations

from matching.figures import compare, quantities
from matching.pairs import Relation, score_pair
from matching.roles import figure_roles
from matching.signature import signature


def _roles(text: str) -> dict[str, frozenset[str]]:
    sig = signature(1, text)
    return {q.text: q.role for q in sig.quantities}


def test_each_figure_takes_the_role_of_its_own_clause():
    roles = _roles("Half of Russians supported a 30-day truce in March 2025, while 41% were "
                   "against it.")
    assert "support" in roles["Half"] and "oppose" not in roles["Half"]
    assert roles["41%"] == frozenset({"oppose"})


def test_the_nearest_concept_of_a_contrast_set_is_the_role():
    roles = _roles("Russian forces have added about 0.6% of Ukraine's land to the area they "
                   "already hold.")
    assert roles["about 0.6%"] == frozenset({"gain"})


def test_a_figure_in_apposition_takes_the_role_of_the_clauses_around_it():
    roles = _roles("Most Russians, 58 per cent, favoured switching to peace negotiations.")
    assert roles["58 per cent"] >= {"support", "talks"}


def test_roles_are_found_without_offsets_for_stored_figures():
    text = "Half backed the truce, while 41% were against it."
    figs = [{"text": "41%", "start": 1000, "end": 1003, "kind": "percent"}]
    assert figure_roles(text, figs, None) == [frozenset({"oppose"})]


def test_the_same_value_in_contrasting_roles_is_not_an_agreement():
    backed = signature(1, "In a Levada poll in March 2025, 41% of Russians backed the 30-day truce.")
    split = signature(2, "Half of Russians backed a 30-day truce in Levada's March 2025 poll, "
                         "while 41% were against it.")
    result = score_pair(backed, split)
    # 41% backed vs half backed: the same quantity with another figure.
    assert result.relation is Relation.CONFLICT
    assert ["41%", "Half"] in result.explanation["figures_differ"]


def test_figures_of_different_poll_questions_are_neither_same_nor_conflict():
    talks = signature(1, "In a Levada Center survey taken in March 2025, 58% of Russians said "
                         "it was time to move to peace talks.")
    truce = signature(2, "In a Levada Center survey taken in March 2025, 50% of Russians backed "
                         "the proposed 30-day ceasefire.")
    result = score_pair(talks, truce)
    assert result.relation is Relation.DIFFERENT
    assert result.explanation["figures_of_other_things"] == ["percent"]


def test_a_bare_count_compares_with_a_count_of_people_but_not_with_another_kind():
    soldiers = quantities([{"text": "43,000", "value": 43000, "unit": "people", "kind": "count"}])
    toll = quantities([{"text": "43,000", "value": 43000, "unit": None, "kind": "count"}])
    tanks = quantities([{"text": "43,000", "value": 43000, "unit": "tanks", "kind": "count"}])
    assert compare(soldiers, toll).agreements
    other = compare(soldiers, tanks)
    assert not other.agreements and not other.conflicts
    assert other.other_quantities == ("count",)


def test_a_colon_or_comma_inside_a_number_does_not_end_the_clause():
    roles = _roles("Under Minsk II, the ceasefire was to take effect at 00:00 Kyiv time on "
                   "15 February 2015.")
    assert "begin" in roles["15 February 2015"]


def test_dates_of_different_events_are_not_a_conflict():
    signed = signature(1, "Minsk II was signed on 12 February 2015.")
    took_effect = signature(2, "Under Minsk II, the ceasefire was to take effect at 00:00 Kyiv "
                               "time on 15 February 2015.")
    other_date = signature(3, "Minsk II was signed on 11 February 2015.")
    result = score_pair(signed, took_effect)
    assert result.relation is Relation.DIFFERENT
    assert result.explanation["figures_of_other_things"] == ["date"]
    assert score_pair(signed, other_date).relation is Relation.CONFLICT


def test_a_dated_figure_does_not_contradict_an_undated_one_published_in_another_year():
    now = signature(1, "Russia controls roughly a fifth of Ukraine's territory, including Crimea.",
                    date="2025-06-01")
    before = signature(2, "Before the invasion in February 2022, Russia controlled about 7% of "
                          "Ukraine's territory, including Crimea.", date="2025-06-01")
    result = score_pair(now, before)
    assert result.relation is Relation.DIFFERENT
    assert result.explanation["time_frames_differ"] is True
    same_year = signature(3, "In 2025 Russia controls about 7% of Ukraine's territory, "
                             "including Crimea.", date="2025-06-01")
    assert score_pair(now, same_year).relation is Relation.CONFLICT


def test_roles_are_worked_out_only_when_figures_are_compared():
    a = signature(1, "Russian forces captured 110 square miles near Bakhmut in March.")
    b = signature(2, "Kyiv reported 5,000 buildings damaged by shelling in Kherson.")
    lazy = a.quantities[0].roles
    assert lazy is not None and lazy._args is not None
    score_pair(a, b)  # the words are too far apart for the figures to matter
    assert lazy._args is not None
    c = signature(3, "Russia's army gained about 285 square kilometres near Bakhmut in March.")
    score_pair(a, c)  # both claims speak only of gains: their roles cannot contrast
    assert lazy._args is not None
    d = signature(4, "Russian forces captured 110 square miles near Bakhmut in March and held "
                     "them.")
    score_pair(a, d)
    assert lazy._args is None


def test_counts_of_different_sides_are_not_one_quantity():
    ours = signature(1, "In December 2024, Zelensky said 43,000 Ukrainian soldiers had been "
                        "killed since the full-scale invasion began.")
    theirs = signature(2, "In December 2024, Zelensky said about 198,000 Russian soldiers had "
                          "been killed since the full-scale invasion began.")
    result = score_pair(ours, theirs)
    assert result.relation is Relation.DIFFERENT
    assert "count" in result.explanation["figures_of_other_things"]


def test_winning_land_back_is_not_gaining_it():
    took = signature(1, "Over the past month Russia's troops took a net 110 square miles of "
                        "Ukrainian territory.")
    back = signature(2, "Over the past month Ukrainian troops won back a net 110 square miles "
                        "from Russian forces.")
    assert score_pair(took, back).relation is Relation.DIFFERENT


def test_a_date_in_a_trailing_aside_is_not_the_time_frame():
    roles = _roles("Moscow occupies about one-fifth of Ukraine, counting the Crimean peninsula "
                   "it annexed in 2014.")
    assert "@frame" not in roles["2014"]
    roles = _roles("Before the full-scale invasion in February 2022, Russia controlled about 7% "
                   "of Ukraine.")
    assert "@frame" in roles["February 2022"]
