"""Claimant: who the sentence says makes the claim, or None for the outlet's own voice."""

import pytest

from extraction import extract_claims, find_claimant


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Putin said the offensive would continue.", "Putin"),
        ("The front line has not moved, according to Meduza's sources.", "Meduza's sources"),
        ("According to Meduza’s sources, the plan was shelved in spring.", "Meduza’s sources"),
        ("Ushakov deemed the proposal unacceptable.", "Ushakov"),
        ("Yuri Ushakov, the Kremlin aide, said on Monday that talks were possible.", "Yuri Ushakov"),
        ("“No deal is near,” the spokesman told reporters.", "the spokesman"),
        ("“No deal is near,” said Dmitry Peskov, who spoke after the call.", "Dmitry Peskov"),
        ("Western officials are speculating that the losses are high.", "Western officials"),
        ("In December 2022 former German Chancellor Angela Merkel admitted the deal bought time.", "former German Chancellor Angela Merkel"),
        ("The minister announced on Tuesday, saying the decision was final.", "The minister"),
        ("Deputy Minister Ivan Sirko made the announcement on Friday, saying troops would leave.", "Deputy Minister Ivan Sirko"),
        ("The survey appeared in the March 12, 2025, edition, according to the March 12, 2025, issue of the Report Card.", "the March 12, 2025, issue of the Report Card"),
        ("Зеленський заявив, що переговори неможливі.", "Зеленський"),
        ("За словами Подоляка, переговори неможливі.", "Подоляка"),
        ("“We are ready,” he added.", "he"),
    ],
)
def test_claimant_is_found(sentence, claimant):
    assert find_claimant(sentence) == claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces captured two villages near the river last week.",
        "Moscow is a victim of its own policies.",
        "With only 0.6% of the land taken, the advance has stalled.",
        "Only 18% of the respondents said they would back a truce.",
    ],
)
def test_outlet_voice_has_no_claimant(sentence):
    assert find_claimant(sentence) is None


def test_pronoun_claimant_is_resolved_within_the_paragraph():
    text = "Peskov said the talks on a ceasefire would resume on Monday. He added that the delegation would meet in Istanbul."
    claims = extract_claims(text, threshold=0)
    assert [c.claimant for c in claims] == ["Peskov", "Peskov"]
