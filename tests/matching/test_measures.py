"""#19: which measure a claim's figure is a value of (matching.measures), and the measures the
sample corpus yields once imported and matched."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import parse_figures
from matching.measures import ClaimInput, MeasureKey, claim_measures, measure_name


def _measures(text: str, day: str = "2025-06-02") -> dict[str, str]:
    published = dt.date.fromisoformat(day)
    figures = [f.to_json_dict() for f in parse_figures(text, published=published)]
    return {a.key.text: a.figure for a in claim_measures(ClaimInput(1, text, figures, 0, day))}


@pytest.mark.parametrize("text", [
    "Russia now controls about 19% of Ukraine's territory.",
    "Moscow still occupies roughly a fifth of Ukraine, including Crimea.",
    "Russian forces hold close to a fifth of Ukraine's territory.",
    "Россия контролирует около 20 % территории Украины.",
])
def test_share_held_is_one_measure_in_any_wording(text):
    assert "share|control|russia|ukraine||" in _measures(text)


def test_held_gained_and_per_period_are_different_measures():
    held = _measures("Russia now controls about 19% of Ukraine.")
    year = _measures("Over the past year Russia gained about 0.6% of Ukraine's territory.")
    month = _measures("In November 2024 Russian forces captured 725 square kilometres of "
                      "Ukrainian territory.", "2024-12-01")
    assert list(year) == ["share|gain|russia|ukraine||year"]
    assert list(month) == ["area|gain|russia|ukraine||month"]
    assert not set(held) & set(year)
    assert measure_name(MeasureKey.parse(list(month)[0])) == (
        "Area of Ukraine gained by Russia, per month")


def test_dates_belong_to_the_agreement_named_nearest():
    found = _measures("Минский протокол появился 5 сентября 2014 года, а «Комплекс мер», "
                      "известный как Минск-2, был подписан 12 февраля 2015 года.")
    assert found == {"date|signed|||minsk_i|": "5 сентября 2014 года",
                     "date|signed|||minsk_ii|": "12 февраля 2015 года"}
    assert measure_name(MeasureKey.parse("date|signed|||minsk_ii|")) == "Date of Minsk II"
    # A timeline entry whose date is the period of another figure still dates the signing.
    assert "date|signed|||minsk_ii|" in _measures(
        "Feb. 11, 2015: Minsk II, a 13-point package, is signed in Minsk.")


@pytest.mark.parametrize("text", [
    "The strike killed 12 people.",  # a toll of one event: no country, no agreement
    "The talks lasted 3 hours on 5 March 2025.",  # a date of no agreement
    "About 58% of respondents said it was time for talks.",  # a poll share of nobody named
    "He said 2,000 km.",
])
def test_figures_with_nothing_to_tie_them_make_no_measure(text):
    assert _measures(text) == {}


def test_a_count_names_who_is_counted_whose_they_are_and_whose_count_it_is():
    found = _measures("In December 2024 Zelensky said 43,000 Ukrainian soldiers had been "
                      "killed since February 2022, and 370,000 wounded.")
    assert [measure_name(MeasureKey.parse(k)) for k in found] == [
        "Ukrainian soldiers killed (Zelensky's count)",
        "Ukrainian soldiers wounded (Zelensky's count)"]
    same = _measures("Зеленський повідомив, що загинули 43 тисячі українських військових.")
    assert set(same) == {next(iter(found))}  # the same measure in another language


def test_a_civilian_toll_and_a_count_of_soldiers_are_not_one_measure():
    soldiers = _measures("Zelensky told reporters that 31,000 Ukrainian soldiers were killed.")
    civilians = _measures("The UN human rights office said it had verified 9,800 civilians "
                          "killed in Ukraine.")
    [s_key], [c_key] = soldiers, civilians
    assert s_key != c_key
    assert measure_name(MeasureKey.parse(c_key)).startswith("Civilians killed")
    assert "count)" in measure_name(MeasureKey.parse(c_key))
    # A toll nobody is quoted for, in no place named, is no measure.
    assert _measures("Shelling went on where over 5,000 people died.") == {}


def test_talks_held_again_years_later_are_dated_per_round():
    first = _measures("Delegations met for the Istanbul talks on 29 March 2022.", "2022-03-30")
    again = _measures("The Istanbul talks resumed on 16 May 2025.", "2025-05-17")
    assert first and again and not set(first) & set(again)
    names = {measure_name(MeasureKey.parse(k)) for k in (*first, *again)}
    assert names == {"Date of Istanbul talks (2022 round)", "Date of Istanbul talks (2025 round)"}


@pytest.mark.parametrize("text", [
    "Three decades from now, people will still argue about the Minsk agreements.",
    "Trump gave Putin a two-week deadline to show up at the talks with Ukraine.",
    "A 20-year-old Russian conscript told us the Minsk agreements meant nothing to him.",
    "In February 2022 Putin declared that the Minsk agreements no longer existed.",
])
def test_spans_and_dates_that_measure_nothing_are_left_out(text):
    assert _measures(text, "2025-03-14") == {}


def test_a_poll_share_says_who_was_asked():
    found = _measures("Only 18% of Russia's contract soldiers said they would support a "
                      "truce now.")
    assert [measure_name(MeasureKey.parse(k)) for k in found] == [
        "Share of Russian soldiers in favour of a ceasefire"]


def test_what_a_share_includes_is_not_what_it_is_of():
    assert _measures("Almost a fifth of the land is occupied, including Crimea.") == {}


def test_sample_corpus_yields_share_monthly_gain_and_minsk_measures(tmp_path):
    from storage import measures
    from storage.schema import open_database
    from workflows.samples import load_sample_corpus

    db = open_database(tmp_path / "samples.sqlite")
    try:
        load_sample_corpus(db)  # import matches, and matching works out the measures
        rows = {r.name: r for r in measures.list_measures(db)}

        def sentences(name: str) -> list[str]:
            return [p.sentence for p in measures.timeline_points(db, rows[name].id)]

        share = sentences("Share of Ukraine held by Russia")
        assert len(share) >= 4 and rows["Share of Ukraine held by Russia"].outlets >= 3
        assert all("Ukrain" in s or "Украин" in s for s in share)
        assert not any("gained" in s or "added" in s for s in share)
        monthly = sentences("Area of Ukraine gained by Russia, per month")
        assert len(monthly) >= 3
        assert any("725 square kilometres" in s for s in monthly)
        assert any("285" in s for s in monthly)
        assert not any("Kursk" in s for s in monthly)
        points = measures.timeline_points(db, rows["Date of Minsk II"].id)
        assert len(points) >= 3
        assert {p.value_text for p in points} >= {"2015-02-12", "2015-02-11"}
        # The wrong day (deliberate conflict 1 of the sample README) is marked.
        assert [p.conflicting for p in points if p.value_text == "2015-02-11"] == [True]
        # The range is of the days stated ("February 2015" is plotted mid-month: no one
        # claimed the 14th).
        minsk_ii = rows["Date of Minsk II"]
        assert (measures.value_text(minsk_ii.low, "date"),
                measures.value_text(minsk_ii.high, "date")) == ("2015-02-11", "2015-02-12")
        # Two counts of the dead, by whom and whose, are two measures; talks per round.
        assert {"Ukrainian soldiers killed (Zelensky's count)",
                "Length of ceasefire"} <= set(rows)
        assert not [n for n in rows if n.startswith(("Killed", "Duration", "Date of Istanbul "
                                                     "talks:"))]
        minsk_i = measures.timeline_points(db, rows["Date of Minsk I"].id)
        assert {p.value_text for p in minsk_i} == {"2014-09-05", "2014-09-19"}
    finally:
        db.dispose()


def test_a_bare_span_of_time_is_no_measure_but_a_ceasefire_length_is():
    assert _measures("Ten minutes later Russia fired again.", "2025-03-14") == {}
    assert _measures("For eight years Russia shelled the Donbas.", "2025-03-14") == {}
    found = _measures("Ukraine backed a 30-day ceasefire proposed by the United States.",
                      "2025-03-11")
    assert [k for k in found if k.startswith("duration|")] and all(
        "ceasefire" in k for k in found if k.startswith("duration|"))
