"""A news dateline ("MINSK, Sept. 5 -") opening a sentence is not part of the proposed claim."""

from datetime import date

import pytest

from extraction import extract_claims
from extraction.datelines import dateline_end
from resources import resource_path

BODY = "Russian forces captured 190 square kilometres in the Donetsk region last month, the ISW said."


@pytest.mark.parametrize(
    "dateline",
    [
        "MINSK, Sept. 5 - ",
        "KYIV, March 3 (Reuters) - ",
        "LONDON — ",
        "NEW YORK, Feb. 12, 2015 -- ",
        "ST. PETERSBURG, Russia (AP) – ",
        "KYIV/MOSCOW, June 4 - ",
        "МОСКВА, 5 сентября — ",
    ],
)
def test_claim_starts_after_the_dateline_and_keeps_its_offsets(dateline):
    text = "A headline of the day\n\n" + dateline + BODY + "\n"
    [claim] = [c for c in extract_claims(text, published=date(2025, 6, 4)) if "190" in c.sentence]
    assert claim.sentence == BODY
    assert text[claim.start : claim.end] == claim.sentence
    assert claim.start == text.index(BODY)
    for f in claim.figures:
        assert claim.start <= f.start < f.end <= claim.end


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO - the alliance - said 190 square kilometres were lost.",  # no sentence after the dash
        "ISW reports that Russia took 190 square kilometres.",
        "The UN - and others - counted 300 dead.",
        "Kyiv, March 3 - a date in ordinary case is not a dateline.",
    ],
)
def test_sentences_without_a_dateline_are_left_whole(sentence):
    assert dateline_end(sentence, 0, len(sentence)) == 0


def test_sample_minsk_article_claim_starts_with_the_envoys():
    raw = resource_path("sample/01_minsk-protocol-ceasefire-signed.txt").read_text(encoding="utf-8")
    text = raw.split("\n---\n", 1)[1]  # the article after its header
    claims = extract_claims(text, published=date(2014, 9, 5))
    assert not any(c.sentence.startswith("MINSK") for c in claims)
    assert any(c.sentence.startswith("Envoys from Ukraine, Russia") for c in claims)
