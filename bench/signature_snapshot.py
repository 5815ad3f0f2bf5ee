"""Same signatures, strictly: dump every worked-out signature of several sets, compare two runs.

For speed work on the per-claim code (parsing, signatures, frames, roles, parts): save a
snapshot on the commit before, check on the commit after; every field of every signature
(its figures with their roles, frames, frame keys, parts with their trigram codes, and the
same again after a pickle round trip, as signature workers send them) must be identical.

Run with a fixed hash seed (set iteration order shows in some reprs), e.g.
    PYTHONHASHSEED=0 python -m bench.signature_snapshot save /tmp/before.pkl [--n 20000]
    PYTHONHASHSEED=0 python -m bench.signature_snapshot check /tmp/before.pkl [--n 20000]
Sets: repetitive, second and real_noisy generated (n each), the real set (../shared) and our
written set. Prints the CPU time per claim of each set as well.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from typing import Any

from bench.generated_sets import labelled_set
from bench.matching_quality import DATA, EXTRA, load_real
from matching.jsonl import read_jsonl
from matching.records import _signatures_worked_out, _text_key
from matching.signature import ClaimSig


def canonical(sig: ClaimSig) -> str:
    """Every field of a worked-out signature as one string."""
    d = sig.__dict__
    figures = [(repr(q), q.index, q.qualifier, tuple(sorted(q.role)), q.open_ended, q.time_frame,
                q.family, q.date, q.kind) for q in sig.quantities]
    p = d["_parts"]
    parts = (p.masked, tuple(sorted(p.names)), p.language, tuple(sorted(p.capitalised)),
             p.published, p.has_frames, p.has_non_date_frame,
             tuple(tuple(sorted(x)) for x in p.distinct_entities), p.trigrams.tolist(),
             p.plain_keys, p.places)
    frames = tuple(repr(f) + repr(sorted(f.__dict__.items())) for f in d["_frames"])
    return repr((sig.id, sig.text, sig.tokens,
                 sorted((k, tuple(sorted(v))) for k, v in sig.entities.items()), figures,
                 sig.category, sig.outlet, sig.date, d.get("_subject", "NOSUBJ"), frames,
                 tuple(d["_frame_keys"]), parts, sig.token_set == frozenset(sig.tokens),
                 sig.sorted_text))


def claim_sets(n: int) -> dict[str, list[dict[str, Any]]]:
    out = {name: labelled_set(name, n, seed=7) for name in ("repetitive", "second", "real_noisy")}
    out["real"] = load_real()[0]
    out["written"] = read_jsonl(DATA) + read_jsonl(EXTRA)
    return out


def snapshot(n: int) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for name, records in claim_sets(n).items():
        seen: set[tuple[Any, ...]] = set()
        unique = []
        for i, r in enumerate(records):
            key = _text_key(r)
            if key not in seen:
                seen.add(key)
                unique.append((i, r))
        t0 = time.process_time()
        sigs = _signatures_worked_out(unique)
        cpu = time.process_time() - t0
        print(f"{name}: {len(unique):,} distinct claims, {cpu:.2f} s CPU "
              f"({1000 * cpu / max(len(unique), 1):.3f} ms per claim)", flush=True)
        result[name] = [canonical(s) for s in sigs]
        copies = pickle.loads(pickle.dumps(sigs, protocol=pickle.HIGHEST_PROTOCOL))
        if [canonical(s) for s in copies] != result[name]:
            print(f"{name}: a pickled copy differs from its signature")
            result[name] = []
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("save", "check"))
    parser.add_argument("path")
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()
    now = snapshot(args.n)
    if args.mode == "save":
        with open(args.path, "wb") as fh:
            pickle.dump(now, fh)
        return 0
    with open(args.path, "rb") as fh:
        before = pickle.load(fh)
    differ = 0
    for name, old in before.items():
        new = now.get(name, [])
        if len(old) != len(new):
            print(f"{name}: {len(old)} signatures before, {len(new)} now")
            differ += 1
            continue
        for k, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                differ += 1
                if differ <= 3:
                    print(f"{name} #{k} differs:\n  before {a[:2000]}\n  now    {b[:2000]}")
    print("IDENTICAL" if not differ else f"{differ} DIFFERENCES")
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
