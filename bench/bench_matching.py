"""Matching at scale on generated claims: grouping N claims in memory, the first matching run
of an N-claim database, matching one new article against it, and naive all-pairs cdist.

Run: python -m bench.bench_matching [--n 100000] [--skip-db]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from extraction import parse_figures
from matching.cluster_cli import record_signatures
from matching.grouping import cluster
from matching.incremental import index_claims, run_matching

PLACES = ["Bakhmut", "Avdiivka", "Pokrovsk", "Kupiansk", "Vuhledar", "Toretsk", "Chasiv Yar",
          "Robotyne", "Sudzha", "Vovchansk", "Izium", "Kharkiv", "Odesa", "Mykolaiv", "Donetsk",
          "Luhansk", "Kherson", "Chernihiv", "Kursk", "Mariupol", "Dnipro", "Lviv", "Sumy",
          "Irpin", "Bucha", "Kramatorsk", "Sloviansk", "Sievierodonetsk", "Lysychansk",
          "Melitopol", "Berdiansk", "Nova Kakhovka", "Enerhodar", "Soledar", "Belgorod",
          "Bryansk", "Sevastopol", "Simferopol", "Kerch", "Poltava", "Zhytomyr", "Vinnytsia",
          "Cherkasy", "Uzhhorod", "Chernivtsi", "Ternopil", "Rivne"]
OUTLETS = [f"Outlet {i:03d}" for i in range(120)]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Each relation has several wordings of the same claim: {p} place, {v} value, {d} date.
RELATIONS = [
    ["Russian forces captured {v} square miles near {p} in {d}.",
     "In {d}, Russia's army seized about {v} square miles around {p}.",
     "Moscow gained {v} sq mi of territory in the {p} area during {d}, analysts said."],
    ["Ukraine says {v} Russian soldiers were killed near {p} in {d}.",
     "Kyiv reported that {v} Russian troops died around {p} during {d}.",
     "According to Ukraine's general staff, Russia lost {v} soldiers killed near {p} in {d}."],
    ["A poll in {d} found that {v}% of residents of {p} support negotiations.",
     "{v} percent of people in {p} back peace talks, a survey from {d} showed.",
     "In {d}, {v}% of {p} respondents told pollsters they favour negotiations."],
    ["Shelling damaged {v} buildings in {p} in {d}, local officials said.",
     "Local authorities in {p} counted {v} buildings damaged by shelling in {d}.",
     "In {d}, {v} houses in {p} were hit by artillery, according to city officials."],
]


def generate(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    claims: list[dict] = []
    while len(claims) < n:
        rel = rng.randrange(len(RELATIONS))
        place = rng.choice(PLACES)  # 47 places x 4 relations x ~1,300 days: facts rarely repeat
        date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2022, 2025)}"
        value = rng.randint(12, 9000) if rel != 2 else rng.randint(5, 95)
        fact = len(claims)
        for _ in range(rng.randint(1, 6)):  # outlets repeating the claim
            v, gold = value, fact
            if rng.random() < 0.05:  # an outlet with another figure: a conflict
                v = int(value * rng.choice([0.5, 1.6, 2.0])) or value + 1
                gold = -fact - 1
            text = rng.choice(RELATIONS[rel]).format(p=place, v=f"{v:,}", d=date)
            claims.append({"id": len(claims), "text": text, "outlet": rng.choice(OUTLETS),
                           "fact": gold})
            if len(claims) >= n:
                break
    return claims


def pairwise_scores(labels: list[int], gold: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall from counts (no pair enumeration)."""
    from collections import Counter

    def pairs(counter: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())

    tp = pairs(Counter(zip(labels, gold, strict=True)))
    predicted, actual = pairs(Counter(labels)), pairs(Counter(gold))
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: on a shared machine wall
    time depends on the other users' load, CPU time much less."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_workers_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bench_in_memory(claims: list[dict]) -> None:
    t0, c0 = time.perf_counter(), cpu_seconds()
    sigs = record_signatures(claims)
    t1, c1 = time.perf_counter(), cpu_seconds()
    result = cluster(sigs)
    t2, c2 = time.perf_counter(), cpu_seconds()
    groups = len(set(result.labels))
    conflicts = sum(len(v) for v in result.conflicts.values()) // 2
    distinct = len({c["text"] for c in claims})
    print(f"signatures for {len(claims):,} claims ({distinct:,} distinct sentences): "
          f"{t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU")
    print(f"grouping {len(claims):,} claims: {t2 - t1:.1f} s wall, {c2 - c1:.1f} s CPU "
          f"({result.pairs_scored:,} pairs scored; {groups:,} groups, {conflicts:,} conflicts)")
    print(f"end to end (signatures + grouping): {t2 - t0:.1f} s wall, {c2 - c0:.1f} s CPU")
    precision, recall = pairwise_scores(result.labels, [c["fact"] for c in claims])
    print(f"generated-data pairwise precision {precision:.3f}, recall {recall:.3f}")
    print(f"peak memory so far: {peak_rss_mib():.0f} MiB (largest worker process "
          f"{peak_rss_workers_mib():.0f} MiB)")
    sample = min(len(sigs), 4000)
    texts = [s.text.lower() for s in sigs[:sample]]
    t3 = time.perf_counter()
    process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, dtype="uint8")
    t4 = time.perf_counter()
    per_pair = (t4 - t3) / (sample * sample)
    full = per_pair * len(sigs) ** 2
    print(f"naive all-pairs cdist token_set_ratio: {sample:,}x{sample:,} in {t4 - t3:.1f} s "
          f"-> {len(sigs):,}x{len(sigs):,} ≈ {full / 60:.0f} min "
          f"(and a {len(sigs) ** 2 / 2**30:.1f} GiB uint8 matrix)")


def bench_database(claims: list[dict]) -> None:
    from ingest import document_from_text
    from storage.articles import NewArticle, NewClaim, add_article, claim_ids_of_article
    from storage.schema import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite")
        t0, c0 = time.perf_counter(), cpu_seconds()
        per_article = 20
        for start in range(0, len(claims), per_article):
            chunk = claims[start : start + per_article]
            text, rows, pos = "", [], 0
            for c in chunk:
                sentence = c["text"]
                figures = [f.to_json_dict() for f in parse_figures(sentence, offset=pos)]
                rows.append(NewClaim(sentence=sentence, start=pos, end=pos + len(sentence),
                                     figures=figures, score=0.9))
                text += sentence + " "
                pos = len(text)
            with db.write() as session:
                add_article(session, NewArticle(outlet=chunk[0]["outlet"], text=text,
                                                content_hash=f"bench-{start}"), rows, actor="bench")
        t1, c1 = time.perf_counter(), cpu_seconds()
        index_claims(db)
        t2, c2 = time.perf_counter(), cpu_seconds()
        first = run_matching(db, actor="bench")
        t3, c3 = time.perf_counter(), cpu_seconds()
        print(f"database: stored {len(claims):,} claims in {t1 - t0:.1f} s ({c1 - c0:.1f} s CPU), "
              f"indexed in {t2 - t1:.1f} s ({c2 - c1:.1f} s CPU), first matching run (bulk) "
              f"{t3 - t2:.1f} s ({c3 - c2:.1f} s CPU) ({len(first.new_groups):,} groups)")
        new_article = " ".join(generate(20, seed=99)[i]["text"] for i in range(20))
        from ingest.pipeline import store_document

        doc = document_from_text(new_article, outlet="Outlet new", title="new")
        t4 = time.perf_counter()
        result = store_document(db, doc, source="bench", actor="bench", match=False)
        t5 = time.perf_counter()
        with db.read() as session:
            new_ids = claim_ids_of_article(session, result.article_id)
        t5, c5 = time.perf_counter(), cpu_seconds()
        report = run_matching(db, actor="bench", only=new_ids)  # what an import does
        t6, c6 = time.perf_counter(), cpu_seconds()
        print(f"one new article ({result.claims} claims) against {len(claims):,} stored: "
              f"extract+store {1000 * (t5 - t4):.0f} ms, match {1000 * (t6 - t5):.0f} ms "
              f"({1000 * (c6 - c5):.0f} ms CPU) "
              f"({len(report.joined)} joined existing groups, {len(report.new_groups)} new, "
              f"{len(report.conflicts)} conflicts)")
        print(f"peak memory: {peak_rss_mib():.0f} MiB")
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--skip-db", action="store_true")
    args = parser.parse_args()
    claims = generate(args.n)
    print(f"generated {len(claims):,} claims")
    bench_in_memory(claims)
    if not args.skip_db:
        bench_database(claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
