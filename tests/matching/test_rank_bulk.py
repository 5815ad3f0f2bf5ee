"""ClaimIndex.extend (the bulk path imports use) indexes exactly what one add per claim does."""

from __future__ import annotations

import io
import zipfile

import pytest

from matching.rank import ClaimIndex

CLAIMS = [
    ("a", "The ministry said 40 percent of the region's grain silos were destroyed."),
    ("b", "Officials claim the bridge repair will cost 2.5 billion hryvnia by 2026."),
    ("c", "A poll found 61% of voters back the ceasefire talks in Istanbul."),
    ("d", "The mayor says forty percent of grain silos in the region are gone."),
    ("e", "#StopTheWar trended after the minister's statement on grain exports"),
    ("f", "Grain exports through the Black Sea corridor reached 33 million tonnes."),
    ("g", ""),  # a claim with no words at all still gets a place
    ("h", "Росія контролює близько 18% території України, кажуть аналітики."),
]
QUERIES = ["grain silos destroyed in the region", "ceasefire poll voters",
           "bridge repair cost", "території України", "Black Sea grain corridor tonnes"]


def _parts(index: ClaimIndex) -> dict[str, bytes]:
    """The saved index's parts (the zip around them carries a time stamp)."""
    with zipfile.ZipFile(io.BytesIO(index.to_bytes())) as z:
        return {name: z.read(name) for name in z.namelist()}


def _one_by_one(claims: list[tuple[str, str]]) -> ClaimIndex:
    index = ClaimIndex()
    for claim_id, text in claims:
        index.add(claim_id, text)
    return index


def test_extend_builds_the_same_index_as_adding_one_at_a_time() -> None:
    bulk = ClaimIndex(CLAIMS)
    single = _one_by_one(CLAIMS)
    assert _parts(bulk) == _parts(single)
    for query in QUERIES:
        assert bulk.search(query, 5) == single.search(query, 5)
        assert bulk.search(query, 5)  # the queries do find something


def test_a_saved_index_extended_later_equals_one_built_at_once() -> None:
    loaded = ClaimIndex.from_bytes(ClaimIndex(CLAIMS[:4]).to_bytes())
    loaded.extend(CLAIMS[4:])
    whole = ClaimIndex(CLAIMS)
    assert _parts(loaded) == _parts(whole)
    for query in QUERIES:
        assert loaded.search(query, 5) == whole.search(query, 5)


def test_a_batch_with_a_known_or_repeated_id_is_refused_whole() -> None:
    index = ClaimIndex(CLAIMS[:2])
    with pytest.raises(ValueError, match="already in the index"):
        index.extend([("z", "new words here"), ("a", "again")])
    with pytest.raises(ValueError, match="already in the index"):
        index.extend([("y", "one"), ("y", "two")])
    assert len(index) == 2 and "z" not in index and "y" not in index
