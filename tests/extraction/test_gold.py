"""Precision and recall of extract_claims against the hand-annotated gold set (issue #3 targets).

The corpus is not part of the repository: it is read from $CLAIMDESK_CORPUS or
../shared/corpus next to the repository, and these tests skip when it is absent
(the fixtures are in conftest.py).
"""

import pytest

from extraction.evaluation import format_report
from tests.extraction.conftest import check_annotation

GOLD_FILE = "gold_corpus.json"


def test_gold_annotations_are_well_formed(gold_corpus):
    for name, entry, text in gold_corpus.articles():
        claims = entry["claims"]
        assert claims == sorted(claims, key=lambda c: c["start"])
        for c in claims:
            check_annotation(name, text, c)
            for f in c["figures"]:
                assert c["start"] <= f["start"] < f["end"] <= c["end"]
                assert text[f["start"] : f["end"]] == f["text"]


@pytest.mark.parametrize("category", ["territory", "casualties", "minsk"])
def test_recall_of_territory_casualties_and_minsk_claims(report, category):
    counts = report.per_category[category]
    assert counts.gold > 0
    assert counts.recall >= 0.95, "\n" + format_report(report, verbose=True)


def test_overall_precision(report):
    # Any checkable claim counts, and also only when its category is right.
    assert report.overall_span.precision >= 0.8, "\n" + format_report(report, verbose=True)
    assert report.overall_strict.precision >= 0.8, "\n" + format_report(report, verbose=True)


def test_figures_of_gold_claims_are_parsed(report):
    assert report.figures_found / report.figures_gold >= 0.9, "\n" + format_report(report)
