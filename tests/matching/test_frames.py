"""Claim frames: the measure from the words around a figure, the period, the value interval."""

from __future__ import annotations

import math

from matching.frames import compare_frames, frame_conflicts, values_contradict
from matching.language import language_of
from matching.signature import signature


def frames(text: str, date: str | None = "2025-03-14"):
    return signature("x", text, date=date).frames


def test_measure_is_read_from_the_words_around_the_figure_in_three_languages():
    assert frames("Troops retook 41 settlements in the south.")[0].measure == "settlements"
    assert frames("At least 300 people were killed in the strike.")[0].measure == "killed"
    assert frames("Внаслідок удару загинули 53 людини.")[0].measure == "killed"
    assert frames("В результате удара погибли 53 человека.")[0].measure == "killed"
    assert frames("Overnight the air force counted 810 drones.")[0].measure == "drones"
    poll = frames("In the new survey 70% of Ukrainians support fighting on.")[0]
    assert poll.measure == "share:respondents"
    assert frames("The pocket covered 470 square miles.")[0].measure == "area"


def test_values_are_intervals_from_their_stated_precision():
    precise = frames("The poll found 43.9% for talks.")[0]
    rounded = frames("The poll found 44% for talks.")[0]
    assert precise.low < 43.9 < precise.high and precise.high - precise.low < 1.0
    assert rounded.low <= 43.5 and rounded.high >= 44.4
    assert precise.overlaps(rounded)
    bound = frames("More than 10,000 people fled the city.")[0]
    assert not bound.precise and bound.hard_low == 10_000 and math.isinf(bound.hard_high)


def test_close_figures_of_one_measure_contradict_when_both_are_precise():
    deep12 = frames("The breach was 12 kilometres deep and 40 kilometres wide.")
    deep11 = frames("The breach reached 11 km in depth, the front 40 km wide.")
    found = values_contradict(deep12, deep11)
    assert [(x.text, y.text) for x, y in found] == [("12 kilometres", "11 km")]
    vague = frames("The breach was roughly 11 kilometres deep.")
    assert not values_contradict(deep12, vague)


def test_a_literal_bound_excludes_a_value_on_its_exact_side():
    under = frames("The talks lasted less than two hours.")
    over = frames("The talks lasted more than three hours.")
    assert compare_frames(under, over).conflict
    assert not values_contradict(under, over)  # vague values: a flag, not a bar to grouping
    # Reporting rounds bounds loosely: "more than 6,000" and "almost 6,000" may be one claim.
    more = frames("Troops retook more than 6,000 square kilometres.")
    almost = frames("Troops retook almost 6,000 square kilometres.")
    assert not compare_frames(more, almost).conflict


def test_different_measures_never_conflict():
    share = frames("About 79 of the 470 square miles are still held.")
    count = frames("79 out of 470.")
    assert not values_contradict(share, count)
    killed = frames("The strike killed 50 people.")
    wounded = frames("The strike wounded 120 people.")
    assert not compare_frames(killed, wounded).same_measure


def test_a_period_stated_in_both_sentences_separates_running_totals():
    early = frames("By 8 September 2022 about 1,000 square kilometres had been retaken.")
    late = frames("By 13 September 2022 about 8,000 square kilometres had been retaken.")
    assert not values_contradict(early, late)


def test_language_of_the_text():
    assert language_of("The talks lasted three hours and ended without a deal.") == "en"
    assert language_of("Переговори тривали три години і завершилися без угоди.") == "uk"
    assert language_of("Переговоры длились три часа и закончились без соглашения.") == "ru"
    assert language_of("I colloqui sono durati tre ore senza un accordo.") == "other"


def test_dates_of_two_different_agreements_are_two_frames_not_a_conflict():
    protocol = frames("The Minsk Protocol was signed on 5 September 2014.", "2014-09-06")
    memorandum = frames("The Minsk Memorandum, which followed the Minsk Protocol, was signed "
                        "on 19 September 2014.", "2015-02-13")
    assert protocol[0].subject == "minsk_i" and memorandum[0].subject == "minsk_memorandum"
    assert not compare_frames(protocol, memorandum).same_measure
    assert not frame_conflicts(protocol, memorandum)
    # The same agreement given another day is still a conflict.
    wrong_day = frames("The first Minsk protocol was signed on September 19, 2014.", "2025-03-13")
    assert [(x.text, y.text) for x, y in frame_conflicts(protocol, wrong_day)] == [
        ("5 September 2014", "September 19, 2014")]


def test_the_side_that_gains_ground_is_part_of_the_frame():
    russia = frames("Over the past month Russian forces took 110 square miles of Ukrainian land.")
    ukraine = frames("Over the past month Ukrainian troops won back 110 square miles from Russia.")
    area_r = next(f for f in russia if f.measure == "area")
    area_u = next(f for f in ukraine if f.measure == "area")
    assert (area_r.actor, area_u.actor) == ("russia", "ukraine")
    # A count of people names no side: only ground gained or held does.
    assert frames("Ukrainian officials said 300 people were killed.")[0].actor is None


def test_a_figure_names_its_measure_with_its_own_noun():
    assert frames("Officials initially estimated around 300 dead.")[0].measure == "killed"
    assert frames("Since then 5,100 children were taken away.")[0].measure == "children"
    # Nationality words make poll shares, not counts of people.
    assert frames("Some 4,980,589 Ukrainians had left by then.")[0].measure != "share:respondents"
