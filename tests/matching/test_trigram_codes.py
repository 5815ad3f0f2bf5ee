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


def test_codes_are_sorted_unique_int64_as_numpy_unique_gives_them():
    import numpy as np

    from matching.claim_parts import _NON_WORD

    for text in [*SENTENCES, "aaaa aaaa", "x", "абв абв абв"]:
        folded = " " + _NON_WORD.sub(" ", text.casefold()).strip() + " "
        points = [ord(c) for c in folded]
        expected = np.unique(np.array(
            [(a << 42) | (b << 21) | c for a, b, c in zip(points, points[1:], points[2:], strict=False)],
            dtype=np.int64))
        got = trigram_codes(text)
        assert got.dtype == np.int64 and got.tolist() == expected.tolist()
