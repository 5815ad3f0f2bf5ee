"""What the signature speed-ups rely on: building signatures makes no reference cycles (so the
cycle collector is paused while they are built and unpickled, matching.gc_pause), and the
collector is back as it was afterwards."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

from matching.claim_parts import parts_of
from matching.gc_pause import gc_paused
from matching.jsonl import read_jsonl
from matching.records import _signatures_worked_out, record_signatures

DATA_DIR = Path(__file__).parent / "data"


# Our own sentences, in the three languages of the corpus and with every kind of figure.
OWN = [
    "Around 1,200 civilians fled Kupiansk in the past week, the governor said on Tuesday.",
    "Turnout reached 43.9% in the March 2024 vote, down from nearly half in 2019.",
    "Russian troops advanced 11 kilometres into the Kursk region over three days.",
    "The exchange on 5 May freed 205 prisoners of war from each side.",
    "Аграрії зібрали 22 мільйони тонн зерна у 2023 році.",
    "Опрос показал, что 54% россиян поддерживают переговоры.",
    "A ceasefire of 30 days was proposed at the Jeddah talks.",
    "No figures here, only talks about talks.",
]


def _records() -> list[dict]:
    written = [dict(r, date=r.get("date")) for r in read_jsonl(DATA_DIR / "domain_claims.jsonl")]
    own = [{"id": f"own{k}", "text": t, "date": "2025-04-02"} for k, t in enumerate(OWN)]
    return written + own


def test_signatures_and_their_unpickling_make_no_reference_cycles():
    records = _records()
    _signatures_worked_out(list(enumerate(records[:3])))  # caches and patterns first
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        sigs = _signatures_worked_out(list(enumerate(records)))
        assert all(parts_of(s) is s.__dict__["_parts"] for s in sigs)
        copies = pickle.loads(pickle.dumps(sigs, protocol=pickle.HIGHEST_PROTOCOL))
        del sigs, copies
        assert gc.collect() == 0  # nothing was left for the cycle collector
    finally:
        if was:
            gc.enable()


def test_the_collector_is_restored_as_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    record_signatures([{"id": 1, "text": "Russia took 0.6% more."}])
    assert gc.isenabled()
