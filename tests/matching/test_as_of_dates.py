"""Figures whose sentences state different as-of dates are two claims (matching.as_of): the pair
decision says so, and grouping never puts them together, not even through a vague restatement
of one of them."""

from __future__ import annotations

from matching.as_of import as_of_apart
from matching.decide import decide_pair
from matching.explain import why
from matching.grouping import cluster
from matching.pairs import Relation
from matching.signature import signature

# Written for this test: a running count of evacuees read on two days, and vague restatements.
EARLY = ("As of 3 April 2024, the regional office has evacuated 2,310 residents since "
         "January 2024, its head said.")
EARLY_VAGUE = ("As of April 3, 2024, the regional office has evacuated more than two thousand "
               "residents since January 2024, its head said.")
LATE = ("As of 11 April 2024, the regional office has evacuated 2,356 residents since "
        "January 2024, its head said.")
LATE_VAGUE = ("As of 11 April 2024, the regional office has evacuated around 2,300 residents "
              "since January 2024, its head said.")


def _sig(i: int, text: str, date: str):
    return signature(i, text, outlet=f"outlet{i}", date=date)


def test_the_period_is_the_as_of_date_not_the_start_of_the_count() -> None:
    a = _sig(0, EARLY, "2024-04-04")
    assert {f.period for f in a.frames} == {"2024-04-03"}
    assert all(f.period_stated for f in a.frames)


def test_two_stated_as_of_dates_are_two_claims_even_with_close_values() -> None:
    for x, y in ((EARLY, LATE), (EARLY_VAGUE, LATE_VAGUE), (EARLY, LATE_VAGUE)):
        a, b = _sig(0, x, "2024-04-04"), _sig(1, y, "2024-04-12")
        r = decide_pair(a, b, idf={})
        assert r.relation is Relation.DIFFERENT, (x, y)
        assert r.explanation["as_of_dates_differ"]
        assert "as of two stated days" in why(r.explanation)
        assert as_of_apart(a.frames, b.frames)


def test_one_stated_as_of_date_in_two_wordings_is_still_one_claim() -> None:
    a, b = _sig(0, EARLY, "2024-04-04"), _sig(1, EARLY_VAGUE, "2024-04-05")
    assert not as_of_apart(a.frames, b.frames)
    assert decide_pair(a, b, idf={}).relation is Relation.SAME


def test_a_release_date_is_no_as_of_date() -> None:
    # The count as of the 3rd, published on the 5th: one reading, whichever date a report gives.
    a = _sig(0, EARLY, "2024-04-04")
    b = _sig(1, "The regional office has evacuated 2,310 residents since January 2024, according "
                "to figures it released on 5 April 2024.", "2024-04-05")
    assert not as_of_apart(a.frames, b.frames)
    assert "as_of_dates_differ" not in decide_pair(a, b, idf={}).explanation


def test_a_vague_value_never_bridges_two_as_of_dates_in_a_group() -> None:
    texts = [(EARLY, "2024-04-04"), (EARLY_VAGUE, "2024-04-05"), (LATE, "2024-04-12"),
             (LATE_VAGUE, "2024-04-13"), (EARLY, "2024-04-06"), (LATE, "2024-04-12")]
    sigs = [_sig(i, t, d) for i, (t, d) in enumerate(texts)]
    labels = cluster(sigs, workers=1).labels
    assert labels[0] == labels[1] == labels[4]  # one claim in three wordings
    assert labels[2] == labels[3] == labels[5]
    assert labels[0] != labels[2]
