"""bench/gen_third.py: deterministic for a seed, any n, and gold labels that agree with themselves."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from bench.gen_third import generate
from bench.generated_sets import GENERATORS, labelled_set


def test_same_seed_same_claims_and_any_n() -> None:
    assert generate(600, 3) == generate(600, 3)
    assert generate(600, 3) != generate(600, 4)
    for n in (1, 7, 250):
        assert len(generate(n, 11)) == n
    assert GENERATORS["third"] == "bench.gen_third"
    assert labelled_set("third", 40, seed=5) == generate(40, 5)


def test_labels_are_consistent() -> None:
    claims = generate(6000, 7)
    assert [c["id"] for c in claims] == list(range(len(claims)))
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        groups[c["group"]].append(c)
    plain = {g for g, rows in groups.items() if all("conflict_group_of" not in r for r in rows)}
    conflicts = 0
    for label, rows in groups.items():
        ofs = {r.get("conflict_group_of") for r in rows}
        assert len(ofs) == 1, label  # a group is all plain or all one conflict of one group
        of = ofs.pop()
        if of is not None:
            conflicts += 1
            assert label.startswith(of + "c") and label not in plain
        days = [dt.date.fromisoformat(r["date"]) for r in rows]
        assert (max(days) - min(days)).days <= 3, label  # one slot, published within days
    assert conflicts >= 20
    # the same sentence on the same day in two gold groups would be two labels for one claim
    seen: dict[tuple[str, str], str] = {}
    for c in claims:
        key = (c["text"], c["date"])
        assert seen.setdefault(key, c["group"]) == c["group"], key
    # the set holds what it promises: other languages, spelling variants, vague figures
    texts = " ".join(c["text"] for c in claims)
    for word in ("Kharkov", "Odessa", "Nikolaev", "Kiev", "загинули", "погибли", "nearly",
                 "more than", "million", "sq km", "square miles"):
        assert word in texts, word
