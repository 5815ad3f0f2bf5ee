"""Check-worthiness scores and categories, with explanations, on sentences written for the tests."""

import pytest

from extraction import CATEGORIES, DEFAULT_THRESHOLD, score_sentence

OPINION = [
    "Moscow is a victim of its own policies.",
    "I think the West has simply lost its nerve.",
    "Could anyone really believe such promises?",
    "This is a disgraceful and stupid policy, and a huge mistake.",
    "Perhaps the talks might fail, or perhaps they might not.",
    "You never know what tomorrow brings.",
    "Please imagine the consequences.",
    "What a remarkable turn of events!",
]


@pytest.mark.parametrize("sentence", OPINION)
def test_opinion_and_rhetoric_score_low(sentence):
    score, _category, cues = score_sentence(sentence)
    assert score < DEFAULT_THRESHOLD, cues


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Russian forces captured 120 square kilometres of land in the Donetsk region last month, the ISW said.", "territory"),
        ("Ukraine retook the village of Robotyne, the general staff announced.", "territory"),
        ("Russia now occupies about a fifth of Ukraine's territory.", "territory"),
        ("At least 1,200 civilians were killed in the shelling of Kharkiv in 2023, the UN said.", "casualties"),
        ("Both armies have suffered heavy losses near Pokrovsk, officials said.", "casualties"),
        ("The Minsk II agreement was signed on Feb. 12, 2015, by Russia, Ukraine and the OSCE.", "minsk"),
        ("Merkel said the Minsk agreements had given Ukraine time to rearm.", "minsk"),
        ("Leaders of the Normandy format met in Paris in December 2019.", "minsk"),
        ("Delegations from Kyiv and Moscow met in Istanbul on May 16 for their first direct talks in three years.", "negotiations"),
        ("Witkoff presented a 30-day ceasefire proposal to Putin on Thursday.", "negotiations"),
        ("A poll by KIIS found that 62% of Ukrainians oppose territorial concessions.", "poll"),
        ("According to a Levada survey, 38 percent of respondents back peace talks.", "poll"),
        ("The budget allocates $1.5 billion to reconstruction in 2025.", "other_numeric"),
        ("Zaporizhzhia power plant produced 20% of Ukraine's electricity before 2022.", "other_numeric"),
    ],
)
def test_checkable_claims_score_high_with_their_category(sentence, category):
    score, got, cues = score_sentence(sentence)
    assert got == category, cues
    assert score >= DEFAULT_THRESHOLD, cues


def test_cues_explain_the_score():
    score, category, cues = score_sentence("Russia took an extra 0.6% of Ukrainian land in Donetsk, Putin said.")
    assert category == "territory"
    text = " | ".join(cues)
    assert "figure: 0.6%" in text
    assert "territory cue: territory word 'land'" in text
    assert "attribution: Putin" in text
    assert "entity: Donetsk" in text


def test_opinion_cues_are_listed():
    _score, _category, cues = score_sentence("I think the talks might collapse.")
    assert any(c.startswith("first-person opinion") for c in cues)
    assert any(c.startswith("hedge/modal") for c in cues)


def test_score_range_and_categories():
    for sentence in OPINION + ["", "Yes.", "Killed, wounded, captured, 10,000, 50%, Minsk II, talks!" * 3]:
        score, category, cues = score_sentence(sentence)
        assert 0.0 <= score <= 1.0
        assert category is None or category in CATEGORIES
        assert isinstance(cues, tuple)


def test_normandy_invasion_is_not_the_normandy_format():
    _score, category, _cues = score_sentence("The Normandy invasion began on June 6, 1944, with 156,000 troops.")
    assert category != "minsk"


def test_warsaw_pact_is_not_a_negotiation():
    _score, category, _cues = score_sentence("Three former Warsaw Pact states joined NATO in 1999.")
    assert category == "other_numeric"
