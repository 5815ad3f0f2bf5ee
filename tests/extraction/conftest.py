"""The gold sets' shared set-up: the annotations, the corpus they point into, and the evaluation.

A gold test module names its file in ``GOLD_FILE``; the corpus is read from $CLAIMDESK_CORPUS
or ../shared/corpus next to the repository (it is not part of the repository), and the
fixtures that need it skip when any of the set's articles is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from extraction import CATEGORIES
from extraction.evaluation import evaluate, load_gold, read_article

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("CLAIMDESK_CORPUS", HERE.parents[2] / "shared" / "corpus"))


@dataclass(frozen=True)
class GoldSet:
    """One hand-annotated gold set and the corpus folder its file names refer to."""

    gold: dict[str, Any]
    corpus: Path

    @property
    def files(self) -> dict[str, Any]:
        return self.gold["files"]

    def has_corpus(self) -> bool:
        return all((self.corpus / name).is_file() for name in self.files)

    def articles(self) -> Iterator[tuple[str, dict[str, Any], str]]:
        """(file name, its annotations, the article's text) for each file of the set."""
        for name, entry in self.files.items():
            yield name, entry, read_article(self.corpus / name)


def check_annotation(name: str, text: str, claim: dict[str, Any]) -> None:
    """What every gold claim must be: a trimmed one-line span with a known category."""
    span = text[claim["start"]:claim["end"]]
    assert span and span == span.strip() and "\n" not in span, (name, claim)
    assert claim["category"] is None or claim["category"] in CATEGORIES
    if claim["required"]:
        assert claim["category"] is not None


@pytest.fixture(scope="module")
def gold(request: pytest.FixtureRequest) -> GoldSet:
    """The gold set named by the test module's ``GOLD_FILE`` (no corpus needed)."""
    return GoldSet(load_gold(HERE / request.module.GOLD_FILE), CORPUS)


@pytest.fixture(scope="module")
def gold_corpus(gold: GoldSet) -> GoldSet:
    """The gold set, skipping the test when its articles are not in the corpus folder."""
    if not gold.has_corpus():
        pytest.skip(f"corpus not found in {gold.corpus}")
    return gold


@pytest.fixture(scope="module")
def report(gold_corpus: GoldSet):
    """extract_claims evaluated against the gold set (once per module)."""
    return evaluate(gold_corpus.gold, gold_corpus.corpus)
