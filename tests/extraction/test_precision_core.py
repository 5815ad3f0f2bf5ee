"""Precision rules of issue #21 on an article written for the tests: repeated text is proposed
once, a fragment completes the claim it continues, an opinion without a checkable core is not
proposed, and negotiation claims (who met whom, what was asked) are found."""

from datetime import date

from extraction import extract_claims, score_sentence

ARTICLE = """Kyiv and Moscow swap 1,000 prisoners each after talks in Istanbul, officials say.

Kyiv and Moscow swap 1,000 prisoners each after talks in Istanbul, officials say.

Kyiv  and Moscow swap 1,000 prisoners each after talks in Istanbul, officials say.

On May 16, the Russian and Ukrainian delegations met in Istanbul for two hours and agreed to exchange 1,000 prisoners each.
The first Minsk agreement was signed by both sides on Sept. 5, 2014. It fails to resolve the conflict.
As ever, clueless pundits completely misread the mood, blind to how the peace negotiations are really moving.
Later, Putin told his security council that he had read Trump's appeal to spare the surrounded soldiers.
"""


def proposed():
    return extract_claims(ARTICLE, published=date(2025, 5, 20))


def test_a_repeated_headline_is_proposed_once():
    headlines = [c for c in proposed() if c.sentence.startswith("Kyiv")]
    assert len(headlines) == 1 and headlines[0].start == 0
    everything = extract_claims(ARTICLE, published=date(2025, 5, 20), threshold=0)
    assert sum(c.sentence.startswith("Kyiv") for c in everything) == 3  # every sentence at 0


def test_a_fragment_completes_the_claim_it_continues():
    claims = proposed()
    assert not any(c.sentence == "It fails to resolve the conflict." for c in claims)
    minsk = [c for c in claims if c.sentence.startswith("The first Minsk")]
    assert len(minsk) == 1 and minsk[0].sentence.endswith("It fails to resolve the conflict.")
    assert minsk[0].category == "minsk"
    assert ARTICLE[minsk[0].start : minsk[0].end] == minsk[0].sentence


def test_an_opinion_without_a_checkable_core_is_not_proposed():
    assert not any(c.sentence.startswith("As ever, clueless") for c in proposed())
    score, _, cues = score_sentence(
        "As ever, clueless pundits completely misread the mood, blind to how the peace negotiations are really moving."
    )
    assert any(c.startswith("no checkable core") for c in cues)


def test_negotiation_claims_who_met_whom_and_what_was_asked():
    claims = {c.sentence.split()[0]: c for c in proposed()}
    assert claims["On"].category == "negotiations"
    assert any(c.startswith("checkable core") for c in claims["On"].cues)
    assert claims["Later,"].category == "negotiations"
