"""Ranking stored claims for a query: the API, the ``claimdesk rank`` command, and CheckThat! dev."""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
from pathlib import Path

import pytest

from cli.matching_commands import run_rank
from matching.rank import ClaimIndex, rank
from matching.stem import porter
from matching.terms import analyse

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_checkthat.py"
# Measured on dev when the ranker was tuned (bench/bench_checkthat.py): MAP@5 0.849.
DEV_MAP5 = 0.849

CLAIMS = [
    ("a", "Canadians can be fined $1,000 for eating while driving."),
    ("b", "Russia controls about 18 percent of Ukraine's territory."),
    ("c", "Olive Garden restaurants are funding Trump's re-election in 2020."),
    ("d", "Zelensky signed a decree banning talks with Putin."),
    ("e", "Київ отримав нову партію систем ППО."),
]


def ranked(query: str, claims=CLAIMS, top: int = 5) -> list:
    return [claim_id for claim_id, _ in ClaimIndex(claims).search(query, top)]


def test_the_claim_a_query_repeats_comes_first():
    assert ranked("Drivers in Canada fined for eating a sandwich at the wheel")[0] == "a"
    assert ranked("Russia holds 18% of Ukraine")[0] == "b"


def test_numbers_match_however_they_are_written():
    assert ranked("a 1000 dollar fine for eating while driving")[0] == "a"
    claims = [("x", "A fine of 1000 dollars for jaywalking."), ("y", "A fine for jaywalking.")]
    assert ranked("a $1,000 fine for jaywalking", claims) == ["x", "y"]
    claims = [("x", "Unemployment rose to 5 per cent."), ("y", "Unemployment rose to 7 percent.")]
    assert ranked("unemployment rose to 5%", claims)[0] == "x"
    assert analyse("1,000 and 1.000 and 1000").stems == ["1000", "1000", "1000"]


def test_a_copied_tweet_keeps_its_words_but_not_its_handle_or_link():
    tweet = ("Olive Garden is supporting Trump's bigotry. #BoycottOliveGarden"
             "pic.twitter.com/1HNT9tryMd — Joe Negan (@mynameisNegan) August 26, 2019")
    assert ranked(tweet)[0] == "c"
    a = analyse(tweet)
    assert {"boycott", "oliv", "garden", "joe", "negan"} <= set(a.stems)
    assert not {"mynameisnegan", "pic", "twitter", "26"} & set(a.stems)
    assert a.date == ["august", "2019"]


def test_a_misspelt_name_still_finds_its_claim():
    assert ranked("Zelenskyy decree on talks")[0] == "d"


def test_cyrillic_claims_match_case_insensitively():
    assert ranked("КИЇВ отримав ППО")[0] == "e"


def test_ties_go_to_the_claim_added_first():
    claims = [(3, "The moon is made of cheese."), (1, "The moon is made of cheese."),
              (2, "The moon is made of cheese.")]
    assert ranked("moon cheese", claims) == [3, 1, 2]
    results = ClaimIndex(claims).search("moon cheese")
    assert len({score for _, score in results}) == 1


def test_ids_come_back_exactly_as_given():
    claims = [(7, "Seven bridges were destroyed."), ("7", "Seven bridges were rebuilt."),
              ("id-x", "Nothing about bridges here.")]
    out = list(rank([("q", "seven bridges destroyed"), (42, "seven bridges rebuilt")], claims))
    assert out == [{"query": "q", "ranked": [7, "7", "id-x"]},
                   {"query": 42, "ranked": ["7", 7, "id-x"]}]


def test_top_limits_the_list_and_unrelated_claims_are_left_out():
    assert len(ranked("fined Ukraine Garden Zelensky", top=2)) == 2
    assert ranked("fined Ukraine Garden Zelensky", top=0) == []
    assert ranked("photosynthesis in deep-sea algae") == []
    assert ranked("") == []
    assert ClaimIndex().search("anything") == []


def test_claims_added_after_a_search_are_found():
    index = ClaimIndex(CLAIMS[:2])
    assert index.search("Olive Garden") == []
    index.add("c", CLAIMS[2][1])
    assert [cid for cid, _ in index.search("Olive Garden")] == ["c"]
    with pytest.raises(ValueError, match="already"):
        index.add("c", "again")


def test_porter_stems():
    cases = {"caresses": "caress", "ponies": "poni", "agreed": "agre", "hopping": "hop",
             "relational": "relat", "generalizations": "gener", "londoners": "london",
             "tornadoes": "tornado", "fined": "fine", "protesters": "protest",
             "київ": "київ", "2019": "2019"}
    assert {w: porter(w) for w in cases} == cases


# --- claimdesk rank ------------------------------------------------------------------------


def _write(path: Path, rows: list) -> Path:
    path.write_text("".join(r if isinstance(r, str) else json.dumps(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _run(tmp_path: Path, queries: list, targets: list, top: int = 5) -> tuple[int, list]:
    args = argparse.Namespace(queries=str(_write(tmp_path / "q.jsonl", queries)),
                              targets=str(_write(tmp_path / "t.jsonl", targets)), top=top)
    out = io.StringIO()
    code = run_rank(args, out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_rank_command_writes_one_line_per_query(tmp_path):
    targets = [{"id": cid, "text": text} for cid, text in CLAIMS] + [{"id": 9, "text": "x"}]
    queries = [{"id": 1, "text": "Olive Garden funds Trump"}, "\n",
               {"id": "two", "text": "fined $1000 for eating while driving"}]
    code, lines = _run(tmp_path, queries, targets, top=1)
    assert code == 0
    assert lines == [{"query": 1, "ranked": ["c"]}, {"query": "two", "ranked": ["a"]}]


@pytest.mark.parametrize(("bad_line", "message"), [
    ('{"id": 3, "text": "unclosed"\n', "not valid JSON"),
    ('["a", "list"]\n', "expected an object"),
    ('{"text": "no id"}\n', "missing 'id'"),
    ('{"id": 1.5, "text": "x"}\n', '"id" must be a string or an integer'),
    ('{"id": true, "text": "x"}\n', '"id" must be a string or an integer'),
    ('{"id": 3, "text": null}\n', '"text" must be a string'),
])
def test_rank_command_names_the_malformed_line(tmp_path, capsys, bad_line, message):
    queries = [{"id": 1, "text": "a"}, "\n", bad_line, {"id": 4, "text": "b"}]
    code, lines = _run(tmp_path, queries, [{"id": 1, "text": "a claim"}])
    err = capsys.readouterr().err
    assert code == 1
    assert lines == []  # nothing written before the input is known to be good
    assert "q.jsonl: line 3: " in err and message in err
    assert len(err.strip().splitlines()) == 1


def test_rank_command_refuses_duplicate_target_ids(tmp_path, capsys):
    targets = [{"id": 5, "text": "a"}, {"id": "5", "text": "b"}, {"id": 5, "text": "c"}]
    code, _ = _run(tmp_path, [{"id": 1, "text": "a"}], targets)
    assert code == 1
    assert "t.jsonl: line 3: duplicate id 5" in capsys.readouterr().err


def test_rank_command_refuses_top_below_one(tmp_path, capsys):
    code, lines = _run(tmp_path, [{"id": 1, "text": "a"}], [{"id": 1, "text": "a"}], top=0)
    assert (code, lines) == (1, [])
    assert "--top must be at least 1" in capsys.readouterr().err


def test_rank_command_reports_a_missing_file(tmp_path, capsys):
    args = argparse.Namespace(queries=str(tmp_path / "nope.jsonl"),
                              targets=str(tmp_path / "nope.jsonl"), top=5)
    assert run_rank(args, io.StringIO()) == 1
    assert "nope.jsonl: cannot read" in capsys.readouterr().err


# --- CLEF 2020 CheckThat! Task 2, dev split --------------------------------------------------


def test_checkthat_dev_map_does_not_regress():
    spec = importlib.util.spec_from_file_location("bench_checkthat", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    if not (bench.DATA / "verified_claims.docs.tsv").is_file():
        pytest.skip(f"CheckThat! data not found at {bench.DATA}")
    queries, gold = bench.load_split("dev")
    # Its speed is printed by bench/bench_checkthat.py: timed assertions do not belong in tests.
    rankings = bench.rank_claimdesk(queries, bench.load_targets())
    map5, _, _ = bench.evaluate(rankings, gold)
    assert map5 >= DEV_MAP5 - 0.03, f"dev MAP@5 {map5:.3f}, measured {DEV_MAP5} when tuned"
