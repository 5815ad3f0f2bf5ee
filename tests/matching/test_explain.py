""""Why matched" and "why conflicting" name the frame, both values and their intervals, and
the conflicts found on the sample corpus name one measure on both sides."""

from __future__ import annotations

import datetime as dt
import re

from extraction import extract_claims
from matching.decide import score
from matching.explain import why
from matching.grouping import cluster
from matching.pairs import Relation
from matching.signature import signature
from resources import resource_path


def test_why_conflicting_names_the_measure_both_values_and_intervals():
    a = signature(1, "Smirnov said the breach was 12 kilometres deep.", date="2024-08-12")
    b = signature(2, "Smirnov said the breach was 11 kilometres deep.", date="2024-08-12")
    res = score(a, b, idf={})
    assert res.relation is not Relation.SAME
    assert res.explanation["frames_differ"][0]["measure"] == "distance"
    assert res.explanation["figures_differ"] == [["12 kilometres", "11 kilometres"]]
    text = why(res.explanation, "conflict")
    assert "12 kilometres" in text and "11 kilometres" in text
    assert "[11.5, 12.5]" in text and "[10.5, 11.5]" in text


def test_why_matched_names_the_frame_and_the_deciding_features():
    a = signature(1, "Ukraine's army says 41 settlements were retaken in the south since "
                     "1 October.", date="2022-11-10")
    b = signature(2, "Since 1 October the army has retaken 41 settlements in the south, "
                     "Ukraine says.", date="2022-11-10")
    res = score(a, b, idf={})
    assert res.relation is Relation.SAME
    text = why(res.explanation, "same")
    assert "settlements" in text.casefold() and "41" in text and "Deciding:" in text


def test_text_in_another_language_is_said_to_be_uncompared():
    a = signature(1, "I colloqui sono durati 3 ore.", date="2025-08-16")
    b = signature(2, "The talks lasted 3 hours.", date="2025-08-16")
    res = score(a, b, idf={})
    assert "could not be compared" in why(res.explanation, res.relation.value)


def test_sample_corpus_conflicts_name_one_measure_on_both_sides():
    sigs = []
    folder = resource_path("sample")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        found = re.search(r"^Date:\s*(\d{4}-\d{2}-\d{2})", head, re.MULTILINE)
        date = found.group(1) if found else None
        published = dt.date.fromisoformat(date) if date else None
        for c in extract_claims(text, published=published):
            sigs.append(signature(len(sigs), c.sentence, date=date))
    result = cluster(sigs, workers=1)
    assert result.conflicts
    for (i, j), res in result.links.items():
        if res.relation is not Relation.CONFLICT:
            continue
        for frame in res.explanation["frames_differ"]:
            assert frame["measure"]  # one measure names both sides
            values = " ".join(frame["values"])
            assert not ("79" in values and "470" in values), (sigs[i].text, sigs[j].text)


def test_why_kept_apart_says_so_and_tells_which_intervals_overlap():
    """A pair judged different is not "matched", and each frame says whether its two values
    overlap (a vague value beside a precise one, values apart within one running count)."""
    a = signature(1, "As of 28 November, 1,415 people had been freed in exchanges, the "
                     "ombudsman said.", date="2025-11-28")
    b = signature(2, "As of 6 December, 1,449 people had been freed in exchanges, the "
                     "ombudsman said.", date="2025-12-06")
    res = score(a, b, idf={})
    assert res.relation is Relation.DIFFERENT
    text = why(res.explanation, "different")
    assert text.startswith("Why kept apart: two different claims.")
    assert "Why matched" not in text
    assert "do not overlap" in text and "as of two stated days" in text
