"""CLEF 2020 CheckThat! Task 2 (tweet -> fact-checked claim): Claimdesk's ranker against baselines.

    .venv/bin/python bench/bench_checkthat.py [--splits test dev] [--n 100000]

For each split: MAP@5, R@1, R@5 and wall time (index build + all queries) for
``matching.rank``, BM25Okapi as the rank-bm25 package computes it (k1=1.5, b=0.75, idf floor
epsilon=0.25; ``\\w+`` tokens of vclaim + " " + title, lower-cased) and rapidfuzz's
``token_set_ratio`` (``process.cdist``, ``workers=-1``). Then the latency of one query against
``--n`` generated claims.

Scores are averaged over the queries that have a gold claim (199 in test: 1198 has none), and
ties go to the claim earlier in the file. The benchmark README's baseline figures divide by all
200 test queries and break ties with numpy's default (unstable) sort; the line under the test
table recomputes BM25Okapi that way to show it reproduces the README's 0.829.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import resource
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from matching.rank import ClaimIndex

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "checkthat2020-task2"

Pairs = list[tuple[str, str]]
Rankings = dict[str, list[str]]


def read_tsv(path: Path) -> list[list[str]]:
    # Quoted fields span lines in verified_claims.docs.tsv: csv, not str.split.
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh, delimiter="\t"))[1:]


def load_targets(data: Path = DATA) -> Pairs:
    """(claim id, vclaim + " " + title) in file order."""
    return [(row[0], row[1] + " " + row[2]) for row in read_tsv(data / "verified_claims.docs.tsv")]


def load_split(name: str, data: Path = DATA) -> tuple[Pairs, dict[str, set[str]]]:
    """The split's (tweet id, text) queries and tweet id -> gold claim ids."""
    queries = [(row[0], row[1]) for row in read_tsv(data / name / "tweets.queries.tsv")]
    gold: dict[str, set[str]] = {}
    for line in (data / name / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:  # a set: the official file repeats one line
            gold.setdefault(parts[0], set()).add(parts[2])
    return queries, gold


def evaluate(rankings: Rankings, gold: dict[str, set[str]],
             n_queries: int | None = None) -> tuple[float, float, float]:
    """MAP@5, R@1, R@5 over the queries with a gold claim (or divided by ``n_queries``)."""
    ap = r1 = r5 = 0.0
    for query, relevant in gold.items():
        ranked = rankings.get(query, [])[:5]
        hits, precision_sum = 0, 0.0
        for k, claim in enumerate(ranked, start=1):
            if claim in relevant:
                hits += 1
                precision_sum += hits / k
        ap += precision_sum / min(len(relevant), 5)
        r1 += float(bool(ranked) and ranked[0] in relevant)
        r5 += len(relevant & set(ranked)) / len(relevant)
    n = n_queries or len(gold)
    return ap / n, r1 / n, r5 / n


def rank_claimdesk(queries: Pairs, targets: Pairs) -> Rankings:
    index = ClaimIndex(targets)
    return {qid: [cid for cid, _ in index.search(text, 5)] for qid, text in queries}


class BM25Okapi:
    """rank-bm25's BM25Okapi, formula for formula, over postings instead of a per-document loop."""

    def __init__(self, corpus: Sequence[list[str]], k1: float = 1.5, b: float = 0.75,
                 epsilon: float = 0.25) -> None:
        self.k1 = k1
        doc_len = np.array([len(d) for d in corpus], np.float64)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, doc in enumerate(corpus):
            for word, tf in Counter(doc).items():
                docs, tfs = postings.setdefault(word, ([], []))
                docs.append(i)
                tfs.append(tf)
        n = len(corpus)
        # idf = log(N - n + 0.5) - log(n + 0.5); negative ones become epsilon * mean idf.
        self.idf = {w: math.log(n - len(d) + 0.5) - math.log(len(d) + 0.5)
                    for w, (d, _) in postings.items()}
        floor = epsilon * sum(self.idf.values()) / len(self.idf)
        self.idf = {w: (floor if v < 0 else v) for w, v in self.idf.items()}
        self.postings = {w: (np.array(d), np.array(t, np.float64)) for w, (d, t) in postings.items()}
        self.norm = k1 * (1 - b + b * doc_len / doc_len.mean())
        self.n = n

    def get_scores(self, query: list[str]) -> np.ndarray:
        scores = np.zeros(self.n)
        for word in query:  # repeated query words count again, as in rank-bm25
            if word in self.postings:
                docs, tf = self.postings[word]
                scores[docs] += self.idf[word] * tf * (self.k1 + 1) / (tf + self.norm[docs])
        return scores


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def rank_bm25(queries: Pairs, targets: Pairs, kind: str = "stable") -> Rankings:
    bm25 = BM25Okapi([_words(text) for _, text in targets])
    ids = [cid for cid, _ in targets]
    return {qid: [ids[i] for i in np.argsort(-bm25.get_scores(_words(text)), kind=kind)[:5]]
            for qid, text in queries}


def rank_token_set(queries: Pairs, targets: Pairs) -> Rankings:
    scores = process.cdist([t.lower() for _, t in queries], [t.lower() for _, t in targets],
                           scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=-1)
    ids = [cid for cid, _ in targets]
    return {qid: [ids[i] for i in np.argsort(-scores[row].astype(np.int16), kind="stable")[:5]]
            for row, (qid, _) in enumerate(queries)}


RANKERS: list[tuple[str, Callable[[Pairs, Pairs], Rankings]]] = [
    ("Claimdesk matching.rank", rank_claimdesk),
    ("BM25Okapi (rank-bm25 formula)", rank_bm25),
    ("rapidfuzz token_set_ratio", rank_token_set),
]


def bench_split(name: str, targets: Pairs) -> None:
    queries, gold = load_split(name)
    print(f"\n### {name}: {len(queries)} queries ({len(gold)} with a gold claim) "
          f"x {len(targets):,} claims\n")
    print("| ranker | MAP@5 | R@1 | R@5 | time |")
    print("|---|---|---|---|---|")
    for label, ranker in RANKERS:
        start = time.perf_counter()
        rankings = ranker(queries, targets)
        elapsed = time.perf_counter() - start
        m, r1, r5 = evaluate(rankings, gold)
        print(f"| {label} | {m:.3f} | {r1:.3f} | {r5:.3f} | {elapsed:.1f} s |")
    if name == "test":
        m, r1, r5 = evaluate(rank_bm25(queries, targets, kind="quicksort"), gold, len(queries))
        print(f"\nBM25Okapi in the README's convention (/ {len(queries)} queries, unstable "
              f"ties): MAP@5 {m:.3f}, R@1 {r1:.3f}, R@5 {r5:.3f}")


def generated_claims(targets: Pairs, n: int, seed: int = 0) -> Pairs:
    """``n`` claims: the real ones, then variants with ~30% of their words swapped for words
    drawn from the whole collection, so postings lengths and vocabulary grow as they would."""
    rng = random.Random(seed)
    vocabulary = [w for _, text in targets for w in text.split()]
    out = list(targets[:n])
    while len(out) < n:
        words = rng.choice(targets)[1].split()
        words = [rng.choice(vocabulary) if rng.random() < 0.3 else w for w in words]
        out.append((f"gen{len(out)}", " ".join(words)))
    return out


def bench_latency(targets: Pairs, n: int) -> None:
    queries, _ = load_split("dev")
    claims = generated_claims(targets, n)
    start = time.perf_counter()
    index = ClaimIndex(claims)
    index.search("warm-up")  # builds the postings and the segmenter once
    build = time.perf_counter() - start
    times = []
    for _, text in queries:
        t0 = time.perf_counter()
        index.search(text, 5)
        times.append((time.perf_counter() - t0) * 1000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nOne query vs {n:,} generated claims: median {statistics.median(times):.1f} ms, "
          f"p95 {np.percentile(times, 95):.1f} ms, max {max(times):.1f} ms "
          f"({len(times)} dev tweets); index build {build:.1f} s; peak RSS {rss:.0f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["test", "dev"],
                        choices=["train", "dev", "test"])
    parser.add_argument("--n", type=int, default=100_000,
                        help="claims for the latency line (0 to skip)")
    args = parser.parse_args(argv)
    if not (DATA / "verified_claims.docs.tsv").is_file():
        print(f"CheckThat! 2020 Task 2 data not found at {DATA} "
              "(expected shared/benchmarks/checkthat2020-task2 beside the repository)",
              file=sys.stderr)
        return 1
    targets = load_targets()
    for name in args.splits:
        bench_split(name, targets)
    if args.n:
        bench_latency(targets, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
