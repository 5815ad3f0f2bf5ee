"""How figures and frames are read from real-shaped sentences (written here in our own words):
the measure, the value interval, the period and numbers written in other languages."""

from __future__ import annotations

from matching.signature import signature


def frames(text: str, date: str | None = "2025-03-14"):
    return signature("x", text, date=date).frames


def measures(text: str, date: str | None = "2025-03-14") -> list[str]:
    return [f.measure for f in frames(text, date)]


def test_a_count_in_millions_is_a_count_of_people_not_money():
    assert measures("Some 3.2 million people have fled the country since the spring.") == ["refugees"]
    assert measures("More than 6.4 million people are internally displaced, the agency said.") == [
        "displaced"]
    assert measures("Over 2.9 million border crossings were recorded by the end of May.") == [
        "refugees"]
    assert "money" not in measures("Numbers passed the 9 million mark, the report found.")


def test_money_needs_a_currency_or_a_money_word():
    # An ISO code before the amount is its currency ("EUR 97 billion" as "€97 billion").
    assert measures("The bloc has now allocated EUR 97 billion in support.") == ["money:eur"]
    assert measures("Allies gave 61 billion in military and humanitarian aid.") == ["money"]
    assert measures("The fund holds $12 billion.")[0].startswith("money")


def test_words_that_only_begin_like_a_measure_do_not_name_it():
    # "deadline" is not "dead", "diesel" not "die".
    assert measures("He set a deadline for the 31 delegations to reply.") == ["count"]
    assert measures("The site runs on 14 diesel generators.") == ["count"]


def test_under_and_over_a_figure_meet_at_it_and_neither_includes_it():
    under = frames("The two leaders talked for just under four hours.")[0]
    over = frames("The leaders emerged after over four hours of talks.")[0]
    assert under.excludes(over) and not under.overlaps(over)
    # A round figure is a loose bound: "almost 6,000" and "more than 6,000" may be one claim.
    almost = frames("Troops retook almost 7,000 square kilometres.")[0]
    more = frames("Troops retook more than 7,000 square kilometres.")[0]
    assert not almost.excludes(more) and almost.overlaps(more)


def test_a_compound_duration_is_one_value_to_the_minute():
    (f,) = frames("The meeting lasted 3 hours 40 minutes, officials said.")
    hours = 3 + 40 / 60
    assert f.precise and f.low * 24 < hours < f.high * 24 and (f.high - f.low) * 24 < 0.2
    assert f.excludes(frames("The meeting went on for over four hours.")[0])
    assert f.overlaps(frames("The meeting lasted nearly four hours.")[0])


def test_round_figures_are_read_to_their_rounding_and_exact_ones_to_the_digit():
    rounded = frames("The army holds 2,000 square kilometres of the region.")[0]
    about = frames("The army holds close to 2000 square kilometres of the region.")[0]
    assert rounded.low <= 1990 and rounded.high >= 2010 and rounded.precise
    assert rounded.overlaps(about)
    # Two trailing zeros at least: "310" and "311" votes, "50" and "53" dead still differ.
    assert not frames("The bill passed with 310 votes.")[0].overlaps(
        frames("The bill passed with 311 votes.")[0])
    assert not frames("The blast killed 50 inmates.")[0].overlaps(
        frames("The blast killed 53 inmates.")[0])


def test_what_a_figure_names_is_not_a_measure_of_the_claim():
    assert measures("A 15-year-old boy was hurt in the blast on the bridge.") == []
    assert measures("The White House sent its 20-point plan to Kyiv on Friday.") == []
    assert measures("Satellite images show a 64% drop in the lake's area.") == ["change"]


def test_more_than_a_figure_stays_below_its_next_stated_value():
    four = frames("More than 4 million refugees have left the country.")[0]
    five = frames("More than five million refugees have left the country.")[0]
    assert four.high <= 5_000_000 and not four.overlaps(five)
    assert frames("Forces retook more than 2,000 sq km.")[0].high <= 3_000


def test_an_exact_figure_is_read_to_its_last_digit():
    a = frames("The register counts 21,318 deported children.")[0]
    b = frames("The register counts 21,346 deported children.")[0]
    assert not a.overlaps(b) and a.high - a.low <= 1.0
    words = frames("Sixty percent of voters backed the plan.")[0]
    assert not words.overlaps(frames("The poll found 59% of voters backed it.")[0])


def test_a_day_without_a_year_still_dates_the_claim_when_no_publication_date_does():
    from matching.frames import compare_frames, frame_conflicts

    undated = frames("The envoy set Friday, October 17, as the deadline for Kyiv to sign.", date=None)
    assert [(f.measure, f.period) for f in undated] == [("date", "--10-17")]
    same = frames("The envoy gave Kyiv until October 17 to sign the deal.", date="2025-10-10")
    other = frames("The envoy set an October 18 deadline to sign the deal.", date="2025-10-10")
    assert compare_frames(undated, same).agree
    assert frame_conflicts(undated, other)
    # A figure's period from the day the sentence gives: "as of June 4".
    counted = frames("As of June 4, some 2.3 million people had left, the agency said.", date=None)
    assert counted[0].period == "--06-04" and counted[0].period_stated
    # ... never equal to "no date".
    from matching.frames import period_distance_days
    assert period_distance_days(counted[0], frames("Some 2.3 million people had left.", None)[0]) is None


def test_a_day_without_a_year_takes_the_year_of_a_publication_month():
    (f,) = frames("On Friday (Mar 11) the count passed 1.9 million people.", date="2022-03")
    assert f.period == "2022-03-11"


def test_a_count_before_for_or_strong_still_states_a_count():
    assert measures("The sides agreed a 500-for-500 prisoner swap.", None) == ["prisoners"]
    assert measures("A 3,000-strong unit of soldiers crossed the river.", None) == ["troops"]


def test_ordinals_count_recurring_events():
    from matching.frames import compare_frames

    tenth = frames("It was the tenth such outage at the plant since the war began.")
    tenth_digits = frames("The plant suffered its 10th total blackout on Tuesday.")
    eighth = frames("This is the eighth blackout at the station.")
    assert [f.measure for f in tenth] == ["ordinal"]
    assert compare_frames(tenth, tenth_digits).agree
    assert compare_frames(tenth, eighth).conflict
    assert frames("For the first time since May, the grid held.") == ()


def test_a_date_a_count_runs_since_is_not_the_day_it_is_as_of():
    (f,) = frames("Since the start of March 2022, 412 settlements have been retaken.",
                  date="2022-11-02")
    assert f.period == "2022-11-02" and not f.period_stated
    (g,) = frames("From Oct. 3 to Nov. 8, the army retook 39 settlements.", date="2022-11-10")
    assert g.period == "2022-11-08"


def test_more_measure_words_in_other_languages_and_before_the_figure():
    assert measures("Cap the Ukrainian armed forces at 550,000.", None) == ["troops"]
    assert measures("Окупанти вивезли 12 408 неповнолітніх українців.", None) == ["children"]


def test_a_round_figure_does_not_reach_a_precise_one_a_percent_away():
    rounded = frames("90,000 people crossed the border on May 3, 2024.")[0]
    precise = frames("On May 3, 2024, 89,120 people crossed the border.")[0]
    assert not rounded.overlaps(precise)
