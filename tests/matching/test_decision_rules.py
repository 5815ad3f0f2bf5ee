"""The general rules of the pair decision (matching.decide) on top of the learned model: a
figure that only names the thing (matching.identifiers) with stances that differ
(matching.predicates) makes two claims. Sentences written for this test."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.identifiers import identifier_only, is_identifier
from matching.pairs import Relation
from matching.predicates import NEGATIVE, POSITIVE, stance, stances_differ, stances_opposite
from matching.signature import signature


def _sig(i: int, text: str, date: str = "2026-04-02"):
    return signature(i, text, date=date)


def test_an_attributive_duration_names_the_thing():
    a = _sig(1, "The island council approved a 45-day fishing pause after the vote.")
    b = _sig(2, "The harbour lasted 45 days without a single ferry.")
    (fa,) = [f for f in a.frames if f.measure == "duration"]
    (fb,) = [f for f in b.frames if f.measure == "duration"]
    assert is_identifier(fa)
    assert not is_identifier(fb)
    assert identifier_only([(fa, fb)])
    assert not identifier_only([])


def test_stances():
    assert stance("The council approved the pause.") == POSITIVE
    assert stance("The fishermen's union rejected the pause.") == NEGATIVE
    assert stance("The pause began on Monday.") is None
    assert stance("The union rejected the pause the council approved.") is None
    assert stances_opposite("The council approved it.", "Рада відхилила його.")
    assert stances_differ("The council approved it.", "It would only be a breather, he said.")
    assert not stances_differ("The council approved it.", "The council backed it.")
    assert not stances_differ("It began.", "It ended.")


def test_one_named_duration_with_opposite_stances_is_two_claims():
    accepted = _sig(1, "At the harbour talks on 2 April the island council agreed to a "
                       "45-day fishing pause proposed by the ministry.")
    refused = _sig(2, "The fishermen's union dismissed the 45-day fishing pause as a gift "
                      "to the ministry and said it would keep sailing.")
    described = _sig(3, "A union spokesman said the proposed 45-day fishing pause was little "
                        "more than a breather for the ministry.")
    for other in (refused, described):
        res = decide_pair(accepted, other, idf={})
        assert res.relation is Relation.DIFFERENT
        assert res.explanation.get("identifier_only")


def test_one_named_duration_with_one_stance_is_left_to_the_model():
    a = _sig(1, "The island council agreed to a 45-day fishing pause proposed by the ministry.")
    b = _sig(2, "The island council accepted the ministry's 45-day fishing pause.")
    res = decide_pair(a, b, idf={})
    assert "identifier_only" not in res.explanation


def test_steps_of_a_running_count_are_two_claims():
    first = _sig(1, "More than two million people have left the flooded valley since the "
                    "dam broke, the relief agency said.", "2026-05-04")
    later = _sig(2, "The relief agency says 2.6 million people have now left the flooded "
                    "valley since the dam broke.", "2026-05-11")
    res = decide_pair(first, later, idf={})
    assert res.relation is Relation.DIFFERENT
    assert res.explanation.get("running_count")
    # The same figure a day later is one claim as far as this rule goes.
    again = _sig(3, "The relief agency says 2.6 million people have left the flooded valley "
                    "since the dam broke.", "2026-05-12")
    assert "running_count" not in decide_pair(later, again, idf={}).explanation


def test_two_floors_far_apart_are_two_milestones():
    a = _sig(1, "More than four million people have left the valley, the agency said.", "")
    b = _sig(2, "More than five million people have left the valley, the agency said.", "")
    assert decide_pair(a, b, idf={}).explanation.get("running_count")


def test_a_ceiling_and_a_value_are_no_running_count():
    a = _sig(1, "Over the past year the rebels took about 0.6% of the province.", "2026-01-02")
    b = _sig(2, "Over the past year the rebels took less than one percent of the province.",
             "2026-01-20")
    assert "running_count" not in decide_pair(a, b, idf={}).explanation


def test_a_hedged_value_or_a_range_is_no_step_of_a_count():
    a = _sig(1, "Roughly 20% of the province remains under rebel control.", "2026-01-02")
    b = _sig(2, "Maps put the share of the province under rebel control at 18–20%.",
             "2026-03-20")
    assert "running_count" not in decide_pair(a, b, idf={}).explanation
    near = _sig(3, "Nearly 6.5 million people are displaced inside the country, the agency "
                   "estimates.", "2026-03-22")
    later = _sig(4, "As of June 23, 6.285 million people are displaced inside the country, "
                    "the agency said.", "2026-06-24")
    assert decide_pair(near, later, idf={}).explanation.get("running_count")


def test_lead_sides():
    from matching.predicates import lead_side, lead_sides_differ

    assert lead_side("At the island talks, the Ukrainian delegation offered a swap.") == "ukraine"
    assert lead_side("Moscow pledged at the talks to pull back.") == "russia"
    # A compound or a passive's agent does not lead.
    assert lead_side("The US-brokered swap was welcomed.") is None
    assert lead_side("A swap proposed by the US was accepted by Ukraine.") is None
    assert lead_sides_differ("Kyiv offered a swap.", "The Kremlin pledged a pause.")
    assert not lead_sides_differ("Kyiv offered a swap.", "The swap was offered.")


def test_distances_from_two_places_are_two_quantities():
    a = _sig(1, "As of 3 May 2026, the flood edge stood about 39 miles from Orlen.", "2026-05-03")
    b = _sig(2, "As of 3 May 2026, the flood edge stood about 43 miles from Pasko.", "2026-05-03")
    res = decide_pair(a, b, idf={})
    assert res.relation is Relation.DIFFERENT
    assert res.explanation.get("references_differ")
    same_place = _sig(3, "On 3 May 2026 the flood edge was about 39 miles from Orlen.",
                      "2026-05-03")
    assert "references_differ" not in decide_pair(a, same_place, idf={}).explanation


def test_clash_features():
    from matching.frames import compare_frames
    from matching.pair_model import _frame_conflicts
    from matching.slot import beside_agreement, clash_closeness

    a = _sig(1, "The bill passed by 311 votes to 112.", "2026-04-20")
    b = _sig(2, "The bill was backed by 310 members, while 112 voted against.", "2026-04-20")
    fc = compare_frames(a.frames, b.frames)
    clash = _frame_conflicts(fc)
    assert clash
    assert clash_closeness(clash) > 0.99
    assert beside_agreement(fc.agree, clash)
    one = _sig(4, "The bill passed with 311 votes.", "2026-04-20")
    far = _sig(3, "The bill passed with 150 votes.", "2026-04-20")
    fc2 = compare_frames(one.frames, far.frames)
    assert clash_closeness(_frame_conflicts(fc2)) < 0.6
    assert not beside_agreement(fc2.agree, _frame_conflicts(fc2))
    assert clash_closeness(()) == 0.0


def test_every_figure_clashes():
    from matching.frames import compare_frames
    from matching.pair_model import _frame_conflicts
    from matching.slot import every_figure_clashes

    a = _sig(1, "The survey found 70% of islanders back the new pier while 26% oppose it.")
    b = _sig(2, "The survey found 61% of islanders back the new pier while 35% oppose it.")
    fc = compare_frames(a.frames, b.frames)
    clash = _frame_conflicts(fc)
    assert len(clash) >= 2 and not fc.agree
    assert every_figure_clashes(fc.agree, clash)
    c = _sig(3, "The survey found 61% of islanders back the new pier while 26% oppose it.")
    fc2 = compare_frames(a.frames, c.frames)
    assert not every_figure_clashes(fc2.agree, _frame_conflicts(fc2))


def test_the_rules_are_explained_and_every_feature_has_words():
    from matching.explain import FEATURE_WORDS, why
    from matching.pair_model import FEATURES

    assert set(FEATURES) - {"bias"} <= set(FEATURE_WORDS)
    first = _sig(1, "More than two million people have left the flooded valley since the "
                    "dam broke, the relief agency said.", "2026-05-04")
    later = _sig(2, "The relief agency says 2.6 million people have now left the flooded "
                    "valley since the dam broke.", "2026-05-11")
    text = why(decide_pair(first, later, idf={}).explanation, "different")
    assert "running count" in text and "2.6 million" in text
    accepted = _sig(3, "At the harbour talks the island council agreed to a 45-day fishing "
                       "pause proposed by the ministry.")
    refused = _sig(4, "The fishermen's union dismissed the 45-day fishing pause as a gift to "
                      "the ministry.")
    text = why(decide_pair(accepted, refused, idf={}).explanation, "different")
    assert "45-day" in text and "names the thing" in text


def test_steps_of_a_running_count_are_never_a_conflict():
    a = _sig(1, "The relief agency says 2.6 million people have left the flooded valley.",
             "2026-05-04")
    b = _sig(2, "The relief agency says 3.1 million people have left the flooded valley.",
             "2026-05-11")
    res = decide_pair(a, b, idf={})
    assert res.relation is Relation.DIFFERENT
    assert res.explanation.get("running_count")


def test_the_day_someone_spoke_is_no_date_of_the_event():
    from matching.frames import compare_frames
    from matching.pair_model import _frame_conflicts
    from matching.slot import event_contradictions, report_date

    said = "The harbour board reported on Sunday, May 10, that the pier had been reopened."
    event = "On May 9, 2026, the pier was reopened."
    a, b = _sig(1, said, "2026-05-12"), _sig(2, event, "2026-05-12")
    clash = _frame_conflicts(compare_frames(a.frames, b.frames))
    assert clash and all(x.measure == "date" for x, _ in clash)
    assert all(report_date(said, x) for x, _ in clash)
    assert not any(report_date(event, y) for _, y in clash)
    assert event_contradictions(said, event, clash) == ()
    assert event_contradictions(event, said, [(y, x) for x, y in clash]) == ()
    announced = "The harbour board on May 10 announced the pier had been reopened."
    c = _sig(3, announced, "2026-05-12")
    clash_c = _frame_conflicts(compare_frames(c.frames, b.frames))
    assert clash_c and event_contradictions(announced, event, clash_c) == ()
    # Two days of the event itself still clash.
    other = "On May 8, 2026, the pier was reopened."
    d = _sig(4, other, "2026-05-12")
    clash_d = _frame_conflicts(compare_frames(b.frames, d.frames))
    assert clash_d and event_contradictions(event, other, clash_d) == tuple(clash_d)
    res = decide_pair(a, b, idf={})
    assert res.relation is not Relation.CONFLICT


def test_two_undated_running_totals_far_apart_are_two_steps():
    from matching.slot import undated_total_steps

    a = signature(1, "The relief agency says 2.6 million people have left the flooded valley "
                     "since the dam broke.")
    b = signature(2, "The relief agency says 3.4 million people have left the flooded valley "
                     "since the dam broke.")
    pairs = [(x, y) for x in a.frames for y in b.frames if x.measure == y.measure]
    assert pairs and undated_total_steps(a.text, b.text, pairs)
    res = decide_pair(a, b, idf={})
    assert res.relation is Relation.DIFFERENT
    assert res.explanation.get("running_count")
    # One figure of one event, not a running total: left to the model.
    c = signature(3, "The relief agency says 2.6 million people were moved out of the valley.")
    d = signature(4, "The relief agency says 3.4 million people were moved out of the valley.")
    pairs = [(x, y) for x in c.frames for y in d.frames if x.measure == y.measure]
    assert pairs and not undated_total_steps(c.text, d.text, pairs)
    # Close values of a running total are one step said twice.
    e = signature(5, "The relief agency says 2.62 million people have left the flooded valley "
                     "since the dam broke.")
    pairs = [(x, y) for x in a.frames for y in e.frames if x.measure == y.measure]
    assert pairs and not undated_total_steps(a.text, e.text, pairs)
