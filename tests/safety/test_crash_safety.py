"""SIGKILL at random moments during import, matching and verdict saves never damages the file or loses a commit."""

from __future__ import annotations

import random

import pytest

soak = pytest.importorskip("bench.soak_kill", reason="run from the repository root")

IMPORT_RUNS = 26
MATCH_RUNS = 12
VERDICT_RUNS = 14


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("soak")
    found = soak.build_templates(work, articles=5)
    return found, soak.expected_claims(found["folder"])


def _assert_clean(totals) -> None:
    assert totals.problems == []
    assert (totals.corruptions, totals.committed_lost, totals.partial_batches,
            totals.rerun_failures) == (0, 0, 0, 0)


@pytest.mark.parametrize("seed", range(IMPORT_RUNS))
def test_killed_import_keeps_every_reported_article_whole(templates, tmp_path, seed):
    found, expected = templates
    _assert_clean(soak.kill_import_run(found, expected, tmp_path / "run", random.Random(seed)))


@pytest.mark.parametrize("seed", range(MATCH_RUNS))
def test_killed_matching_is_all_or_nothing(templates, tmp_path, seed):
    found, _ = templates
    _assert_clean(soak.kill_match_run(found, tmp_path / "run", random.Random(1000 + seed)))


@pytest.mark.parametrize("seed", range(VERDICT_RUNS))
def test_killed_verdict_saves_lose_no_commit(templates, tmp_path, seed):
    found, _ = templates
    _assert_clean(soak.kill_verdict_run(found, tmp_path / "run", random.Random(2000 + seed)))
