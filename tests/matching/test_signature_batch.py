"""record_signatures parses each distinct sentence once (and on every core for big inputs):
the signatures must be those of record_signature claim by claim."""

from __future__ import annotations

import pytest

from matching import records as records_module
from matching.records import record_signature, record_signatures

RECORDS = [
    {"id": "a", "text": "Over the past year Russia took only 0.6% more of Ukraine's territory.",
     "outlet": "Kyiv Ledger", "date": "2025-06-01"},
    {"id": "b", "text": "Over the past year Russia took only 0.6% more of Ukraine's territory.",
     "outlet": "Baltic Wire", "date": "2025-06-09"},  # same text, another day
    {"id": "c", "text": "Over the past year Russia took only 0.6% more of Ukraine's territory.",
     "outlet": "Harbour Review"},
    {"id": "d", "text": "Russian forces captured 110 square miles near Pokrovsk last month.",
     "outlet": "A", "date": "2025-03-02"},
    {"id": "e", "text": "Russian forces captured 110 square miles near Pokrovsk last month.",
     "outlet": "B", "date": "2025-05-20"},  # "last month" is another month
    {"id": "f", "text": "Russian forces captured 110 square miles near Pokrovsk last month.",
     "outlet": "C", "date": "2025-03-02T10:00:00"},  # the same day
    {"id": "g", "text": "Minsk II was signed on 12 February 2015 after all-night talks.",
     "category": "negotiations"},
    {"id": "h", "text": "Minsk II was signed on 12 February 2015 after all-night talks."},
    {"id": "i", "text": "Minsk II was signed on 12 February 2015 after all-night talks.",
     "outlet": 5, "date": 20250101},  # not strings: no outlet check here, no date
]


def _fields(sig) -> tuple:
    return (sig.id, sig.text, sig.tokens, sig.entities, sig.quantities, sig.category,
            sig.outlet, sig.date, sig.token_set, sig.sorted_text)


def _expected(records) -> list[tuple]:
    return [_fields(record_signature(i, r)) for i, r in enumerate(records)]


def test_repeated_sentences_get_their_own_id_outlet_date_and_time_frame():
    got = [_fields(s) for s in record_signatures(RECORDS)]
    assert got == _expected(RECORDS)
    # The repeats really differ where they should: another publication month resolves
    # "last month" to another month, a given category wins.
    d, e, f = got[3], got[4], got[5]
    assert d[4] != e[4] and d[4] == f[4]
    assert got[6][5] == "negotiations" and got[7][5] != "negotiations"


@pytest.mark.parametrize("parallel_from", [1, 10_000])
def test_parallel_and_serial_signatures_agree(monkeypatch, parallel_from):
    records = [dict(r, id=f"{r['id']}{k}") for k in range(3) for r in RECORDS]
    monkeypatch.setattr(records_module, "PARALLEL_FROM", parallel_from)
    got = [_fields(s) for s in record_signatures(records)]
    assert got == _expected(records)
