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
    assert measures("The bloc has now allocated EUR 97 billion in support.") == ["money"]
    assert measures("Allies gave 61 billion in military and humanitarian aid.") == ["money"]
    assert measures("The fund holds $12 billion.")[0].startswith("money")


def test_words_that_only_begin_like_a_measure_do_not_name_it():
    # "deadline" is not "dead", "diesel" not "die".
    assert measures("He set a deadline for the 31 delegations to reply.") == ["count"]
    assert measures("The site runs on 14 diesel generators.") == ["count"]
