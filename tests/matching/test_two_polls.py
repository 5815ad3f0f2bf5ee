"""Whose poll a share is (matching.pollsters) and the pair decision that reads it. Sentences
written for this test."""

from __future__ import annotations

from matching.decide import decide_pair
from matching.explain import why
from matching.pairs import Relation
from matching.pollsters import pollsters, two_polls
from matching.signature import signature


def _sig(i: int, text: str, date: str | None = "2026-03-10"):
    return signature(i, text, date=date)


def test_pollsters_are_read_from_their_names_not_from_common_words():
    assert pollsters("In a Rating Group survey, 41% of voters backed the plan.") == {"rating"}
    assert pollsters("За даними групи «Рейтинг», 41% підтримують план.") == {"rating"}
    assert pollsters("The KIIS poll found 41% in favour.") == {"kiis"}
    assert pollsters("Опрос Левада-центра: 41% за.") == {"levada"}
    assert pollsters("The minister's approval rating fell to 41%.") == frozenset()
    assert pollsters("41% of voters backed the plan.") == frozenset()


def test_one_share_from_two_pollsters_is_two_claims():
    a = _sig(1, "41% of Moldovans back joining the customs union, a Razumkov Centre poll found.")
    b = _sig(2, "A Gallup survey found that 41% of Moldovans back joining the customs union.")
    c = _sig(3, "41% of Moldovans back joining the customs union, according to a new poll.")
    ab = decide_pair(a, b, idf={})
    assert ab.relation is Relation.DIFFERENT
    assert ab.explanation["two_polls"] == "pollsters differ"
    assert ab.score == 0.0  # certain: grouping's average-link guard reads it
    assert "two polls (each names another pollster)" in why(ab.explanation, "different")
    # Naming no pollster says nothing about whose poll it is.
    assert "two_polls" not in decide_pair(a, c, idf={}).explanation
    assert decide_pair(a, c, idf={}).relation is Relation.SAME


def test_undated_shares_published_months_apart_are_two_polls():
    text = "Some 58% of respondents said the new border crossing should open at night."
    early = _sig(1, text, "2025-02-03")
    late = _sig(2, "58% of respondents want the border crossing opened at night.", "2025-09-20")
    soon = _sig(3, "58% of respondents want the border crossing opened at night.", "2025-02-20")
    (x,), (y,) = ([f for f in s.frames if f.measure.startswith("share")] for s in (early, late))
    assert two_polls(early.text, late.text, [(x, y)], 229.0) == "published apart"
    assert two_polls(early.text, soon.text, [(x, y)], 17.0) is None
    assert decide_pair(early, late, idf={}).explanation.get("two_polls") == "published apart"
    assert "two_polls" not in decide_pair(early, soon, idf={}).explanation
    # A share whose fieldwork is stated is dated by it, not by the article.
    stated = _sig(4, "In a poll held in January 2025, 58% of respondents wanted night opening.",
                  "2025-09-20")
    assert decide_pair(early, stated, idf={}).explanation.get("two_polls") is None
    # A share of territory is no poll's: restated a year later it is not "two polls".
    held = _sig(5, "The rebels hold about 19 percent of the island's territory.", "2024-01-10")
    again = _sig(6, "The rebels hold about 19 percent of the island's territory.", "2025-01-10")
    assert decide_pair(held, again, idf={}).explanation.get("two_polls") is None
