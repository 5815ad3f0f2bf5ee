"""Precision and recall of extract_claims against the hand-annotated gold set (issue #3 targets).

The corpus is not part of the repository: it is read from $CLAIMDESK_CORPUS or
../shared/corpus next to the repository, and these tests skip when it is absent.
"""

import os
from pathlib import Path

import pytest

from extraction import CATEGORIES
from extraction.evaluation import evaluate, format_report, load_gold, read_article

HERE = Path(__file__).resolve().parent
GOLD = load_gold(HERE / "gold_corpus.json")
CORPUS = Path(os.environ.get("CLAIMDESK_CORPUS", HERE.parents[2] / "shared" / "corpus"))
needs_corpus = pytest.mark.skipif(
    not all((CORPUS / name).is_file() for name in GOLD["files"]), reason=f"corpus not found in {CORPUS}"
)


@pytest.fixture(scope="module")
def report():
    return evaluate(GOLD, CORPUS)


@needs_corpus
def test_gold_annotations_are_well_formed():
    for name, entry in GOLD["files"].items():
        text = read_article(CORPUS / name)
        claims = entry["claims"]
        assert claims == sorted(claims, key=lambda c: c["start"])
        for c in claims:
            span = text[c["start"] : c["end"]]
            assert span and span == span.strip() and "\n" not in span, (name, c)
            assert c["category"] is None or c["category"] in CATEGORIES
            if c["required"]:
                assert c["category"] is not None
            for f in c["figures"]:
                assert c["start"] <= f["start"] < f["end"] <= c["end"]
                assert text[f["start"] : f["end"]] == f["text"]


@needs_corpus
@pytest.mark.parametrize("category", ["territory", "casualties", "minsk"])
def test_recall_of_territory_casualties_and_minsk_claims(report, category):
    counts = report.per_category[category]
    assert counts.gold > 0
    assert counts.recall >= 0.95, "\n" + format_report(report, verbose=True)


@needs_corpus
def test_overall_precision(report):
    # Any checkable claim counts, and also only when its category is right.
    assert report.overall_span.precision >= 0.8, "\n" + format_report(report, verbose=True)
    assert report.overall_strict.precision >= 0.8, "\n" + format_report(report, verbose=True)


@needs_corpus
def test_figures_of_gold_claims_are_parsed(report):
    assert report.figures_found / report.figures_gold >= 0.9, "\n" + format_report(report)
