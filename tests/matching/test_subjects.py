"""Claims about two different agreements are two claims: never one group, never a conflict."""

from __future__ import annotations

from matching.decide import score
from matching.grouping import cluster
from matching.pairs import Relation
from matching.signature import signature

PROTOCOL = "The Minsk Protocol was signed on 5 September 2014 by the contact group."
MEMORANDUM = ("The Minsk Memorandum, which followed the Minsk Protocol, was signed on "
              "19 September 2014 by the contact group.")
WRONG_DAY = "The Minsk Protocol was signed on 19 September 2014 by the contact group."


def test_dates_of_two_agreements_are_neither_the_same_claim_nor_a_conflict():
    a = signature(1, PROTOCOL, date="2014-09-06")
    b = signature(2, MEMORANDUM, date="2015-02-13")
    result = score(a, b)
    assert result.relation is Relation.DIFFERENT
    assert result.explanation["subjects_differ"] == ["minsk_i", "minsk_memorandum"]


def test_grouping_keeps_them_apart_and_flags_only_the_wrong_day():
    sigs = [signature(1, PROTOCOL, date="2014-09-06"),
            signature(2, MEMORANDUM, date="2015-02-13"),
            signature(3, WRONG_DAY, date="2025-03-13")]
    result = cluster(sigs, workers=1)
    labels = result.labels
    assert len(set(labels)) == 3
    assert labels[2] in result.conflicts.get(labels[0], set())
    assert labels[1] not in result.conflicts.get(labels[0], set())
    assert labels[1] not in result.conflicts.get(labels[2], set())


def test_why_names_the_two_agreements():
    from matching.explain import why

    a = signature(1, PROTOCOL, date="2014-09-06")
    b = signature(2, MEMORANDUM, date="2015-02-13")
    text = why(score(a, b).explanation, "different")
    assert "minsk_i and minsk_memorandum" in text
