"""The ranker's index saved and loaded: the same rankings, and bad bytes refused."""

from __future__ import annotations

import pytest

from matching.rank import ClaimIndex

CLAIMS = [
    ("c1", "Wind farms caused the national blackout in March"),
    ("c2", "The bread price tripled since last summer #inflation"),
    ("c3", "Half of the rail network closed for repairs this year"),
    ("c4", "Київ отримав 40% більше електроенергії з вітру"),
    ("c5", "Zelenskyy met the prime minister in Warsaw"),
]
QUERIES = ["wind farm blackout", "breadprice tripled", "Zelensky Warsaw visit", "київ вітер",
           "rail repairs", "nothing shared"]


def test_saved_index_ranks_exactly_like_the_original_and_keeps_growing():
    index = ClaimIndex(CLAIMS)
    loaded = ClaimIndex.from_bytes(index.to_bytes())
    for query in QUERIES:
        assert loaded.search(query) == index.search(query)
        for claim_id, _ in CLAIMS:
            assert loaded.closeness(query, claim_id) == index.closeness(query, claim_id)
    index.add("c6", "Ferries carried 40,000 passengers")
    loaded.add("c6", "Ferries carried 40,000 passengers")
    assert loaded.search("ferry passengers") == index.search("ferry passengers")
    assert "c6" in loaded and len(loaded) == 6


def test_closeness_is_absolute():
    index = ClaimIndex(CLAIMS)
    assert index.closeness("Wind farms caused the national blackout in March", "c1") == 1.0
    assert index.closeness("wind", "c3") == 0.0
    assert 0 < index.closeness("wind farms and bread", "c1") < 1


def test_bad_bytes_and_integer_ids_are_refused():
    with pytest.raises(ValueError, match="not a saved claim index"):
        ClaimIndex.from_bytes(b"PK\x03\x04 not really")
    with pytest.raises(TypeError):
        ClaimIndex([(1, "text")]).to_bytes()
