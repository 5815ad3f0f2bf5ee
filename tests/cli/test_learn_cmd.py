"""``claimdesk learn [--undo]``: refuses with a sentence when there are too few decisions, and
--undo goes back to the shipped weights."""

from __future__ import annotations

import json
from pathlib import Path

from cli.main import main
from matching.learn import LEARNED_WEIGHTS, MIN_DECISIONS
from matching.pair_model import default_model
from storage.schema import open_location
from storage.settings import get_setting, set_setting


def test_learn_refuses_with_too_few_decisions_and_undo_forgets(tmp_path: Path, capsys):
    path = tmp_path / "desk.sqlite"
    db = open_location(str(path))
    db.dispose()
    assert main(["learn", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"claimdesk learn: Learning needs at least {MIN_DECISIONS} match decisions" in err
    assert "This database has 0" in err

    db = open_location(str(path))
    with db.write() as s:
        set_setting(s, LEARNED_WEIGHTS, json.dumps(default_model().to_json()), actor="tester")
    db.dispose()
    assert main(["learn", "--db", str(path), "--undo"]) == 0
    assert "uses the shipped weights again" in capsys.readouterr().out
    db = open_location(str(path))
    with db.read() as s:
        assert get_setting(s, LEARNED_WEIGHTS) is None
    db.dispose()
    assert main(["learn", "--db", str(path), "--undo"]) == 0
    assert "No learned weights to forget" in capsys.readouterr().out
