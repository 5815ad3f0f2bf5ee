"""A claimant is someone a fact-checker could ask, never a generic word (issue #17, item 15)."""

import pytest

from extraction import find_claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "Reports last week indicated that the army was losing ground near the capital.",
        "Reports said the convoy turned back at the border.",
        "Media reported those claims without comment.",
        "Sources say the second round of talks was cancelled.",
        "Officials said the exchange would take place on Friday.",
    ],
)
def test_a_generic_word_is_not_a_claimant(sentence):
    assert find_claimant(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Russian officials said the exchange would take place on Friday.", "Russian officials"),
        ("“The exchange is on Friday,” Peskov said.", "Peskov"),
        ("Sources close to the Kremlin said the talks would resume.", "Sources close to the Kremlin"),
    ],
)
def test_a_qualified_group_or_a_name_is_still_a_claimant(sentence, claimant):
    assert find_claimant(sentence) == claimant
