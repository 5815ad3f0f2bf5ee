"""The shipped pair weights are what `python -m matching.fit_pair_model` fits today: a change to
frame reading or to the features that is merged without a refit leaves stale weights behind, and
every quality figure measured with them would describe a model nobody can rebuild (it happened:
main scored its written set with weights fitted before the frames changed)."""

from __future__ import annotations

import pytest

from matching import fit_pair_model


def test_the_shipped_weights_are_what_the_fit_script_gives(capsys):
    if not (fit_pair_model.default_data() / "claims.jsonl").is_file():
        pytest.skip("../shared/benchmarks/cross-outlet-real is not beside the project")
    assert fit_pair_model.main(["--check"]) == 0, capsys.readouterr().out
