"""A signature is worked out from one scan of the name table, and a signature worker sends back
what grouping reads of every claim: the frames and frame keys are those of working them out
from scratch."""

from __future__ import annotations

import pytest

import matching.frames as frames_module
from matching.claim_parts import claim_frame_keys
from matching.frames import claim_frames, frame_keys
from matching.records import _signatures_worked_out, record_signature

# Our own sentences: two agreements named (the first one is the subject), one, none.
SENTENCES = [
    ("The Minsk Memorandum, a sequel to the Minsk Protocol, was signed on 19 September 2014.",
     "2014-09-20"),
    ("Under the Minsk II deal, 12 points were agreed on 12 February 2015.", "2015-02-13"),
    ("Shelling near Kherson killed 7 people on Tuesday, officials said.", "2024-05-08"),
    ("No figure at all in this sentence about talks.", None),
]


def _records():
    return [{"id": k, "text": t, "date": d} for k, (t, d) in enumerate(SENTENCES)]


def test_frames_need_no_second_scan_of_the_name_table(monkeypatch):
    sigs = [record_signature(k, r) for k, r in enumerate(_records())]
    expected = [claim_frames(s.text, s.quantities, s.date) for s in sigs]

    def scan_again(text):
        raise AssertionError("the name table was scanned again for the subject")

    monkeypatch.setattr(frames_module, "subject_of", scan_again)
    assert [s.frames for s in sigs] == expected
    assert sigs[0].frames[0].subject == "minsk_memorandum"


def test_a_given_subject_is_used_and_the_default_finds_it():
    text, published = SENTENCES[1]
    sig = record_signature(0, {"text": text, "date": published})
    qs = sig.quantities
    assert claim_frames(text, qs, published)[0].subject == "minsk_ii"
    assert claim_frames(text, qs, published, None)[0].subject is None


@pytest.mark.parametrize("k", range(len(SENTENCES)))
def test_a_worker_sends_the_frame_keys_back(k):
    (sig,) = _signatures_worked_out([(k, _records()[k])])
    assert "_frame_keys" in sig.__dict__
    assert claim_frame_keys(sig) == frame_keys(sig.frames)
