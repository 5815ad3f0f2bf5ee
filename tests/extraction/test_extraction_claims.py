"""extract_claims on a short article written for the tests: offsets, JSON, threshold, context."""

import json
import time
from datetime import date

from extraction import DEFAULT_THRESHOLD, ProposedClaim, claim_from_span, extract_claims

ARTICLE = """Kyiv and Moscow trade blame as talks stall

June 4, 2025

Russian forces captured 190 square kilometres in the Donetsk region last month, according to the ISW.
Ukrainian officials said more than 300 civilians were killed in May.
“We will never accept this,” Zelenskiy told reporters on Tuesday. He added that a 30-day ceasefire was still possible.
The Minsk II agreement of Feb. 12, 2015, was never implemented. It collapsed when the invasion began in 2022.
I think the West is tired. Who could blame it?
A survey by KIIS showed 62% of Ukrainians reject territorial concessions.
"""


def test_claims_point_at_their_sentences():
    claims = extract_claims(ARTICLE, published=date(2025, 6, 4))
    assert claims, "no claims proposed"
    for c in claims:
        assert isinstance(c, ProposedClaim)
        assert ARTICLE[c.start : c.end] == c.sentence
        assert c.score >= DEFAULT_THRESHOLD
        for f in c.figures:
            assert c.start <= f.start < f.end <= c.end
            assert ARTICLE[f.start : f.end] == f.text


def test_categories_figures_and_claimants():
    claims = {c.sentence.split()[0]: c for c in extract_claims(ARTICLE, published=date(2025, 6, 4))}
    territory = claims["Russian"]
    assert territory.category == "territory"
    assert territory.claimant == "the ISW"
    assert [(f.text, f.kind, f.date) for f in territory.figures] == [
        ("190 square kilometres", "area", None),
        ("last month", "date", "2025-05"),
    ]
    assert claims["Ukrainian"].category == "casualties"
    everything = {c.sentence.split()[0]: c for c in extract_claims(ARTICLE, published=date(2025, 6, 4), threshold=0)}
    assert everything["“We"].claimant == "Zelenskiy"
    assert claims["He"].claimant == "Zelenskiy"
    assert claims["He"].category == "negotiations"
    assert claims["The"].category == "minsk"
    assert claims["A"].category == "poll"
    # The follow-up "It collapsed in 2022." continues the Minsk claim.
    assert claims["It"].category == "minsk"
    assert not any(c.sentence.startswith(("I think", "Who could")) for c in claims.values())


def test_json_contract():
    claims = extract_claims(ARTICLE, published=date(2025, 6, 4))
    for c in claims:
        d = json.loads(json.dumps(c.to_json_dict(), ensure_ascii=False))
        assert {"sentence", "start", "end", "category", "score", "figures", "claimant", "cues"} <= d.keys()
        for f in d["figures"]:
            assert {"text", "value", "unit", "kind"} <= f.keys()


def test_threshold_zero_returns_every_sentence():
    everything = extract_claims(ARTICLE, threshold=0)
    proposed = extract_claims(ARTICLE)
    assert len(everything) == 11
    assert len(proposed) < len(everything)
    assert {(c.start, c.end) for c in proposed} <= {(c.start, c.end) for c in everything}


def test_claim_from_any_selection():
    start = ARTICLE.index("more than 300")
    c = claim_from_span(ARTICLE, start - 1, start + len("more than 300 civilians were killed") + 1)
    assert c.sentence == "more than 300 civilians were killed"
    assert c.category == "casualties"
    assert [f.text for f in c.figures] == ["more than 300 civilians"]


def test_a_5000_word_article_is_fast():
    paragraph = " ".join(ARTICLE.split("\n")[4:]) + "\n\n"
    text = paragraph * (5000 // len(paragraph.split()) + 1)
    assert len(text.split()) >= 5000
    extract_claims(text)
    best = min(_timed(lambda: extract_claims(text)) for _ in range(3))
    # Issue target: well under 50 ms on a desktop; generous here so a busy CI box does not fail.
    assert best < 0.25, f"{best * 1000:.0f} ms"


def _timed(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def test_explanations_do_not_change_scores():
    from extraction import score_sentence, split_sentences

    for start, end in split_sentences(ARTICLE):
        sentence = ARTICLE[start:end]
        fast = score_sentence(sentence, explain=False)
        full = score_sentence(sentence, explain=True)
        assert fast[:2] == full[:2]
        assert len(full[2]) >= len(fast[2])
