"""Letter trigrams kept per claim as int codes give the spelling similarity of the string sets."""

from __future__ import annotations

import itertools

from matching.claim_parts import _trigrams, trigram_codes, trigram_jaccard
from matching.pair_model import _jaccard

SENTENCES = [
    "The army says it pushed forward along the river this week",
    "The army said it pushed forwards along the river last week",
    "Київ каже, що військові просунулися вздовж річки",
    "Киев заявил, что войска продвинулись вдоль реки",
    "Überraschende Zahlen aus Łódź über die Ernte 🌾 und Preise",
    "",
    "   ",
    "A",
    "ab",
    "Ab ab AB",
]


def test_codes_count_the_trigrams_once_each():
    for text in SENTENCES:
        assert len(trigram_codes(text)) == len(_trigrams(text))


def test_jaccard_of_codes_is_the_jaccard_of_the_strings():
    for a, b in itertools.product(SENTENCES, repeat=2):
        expected = _jaccard(_trigrams(a), _trigrams(b))
        assert trigram_jaccard(trigram_codes(a), trigram_codes(b)) == expected
