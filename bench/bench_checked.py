""""Already checked?" end to end: CheckThat! 2020 verified claims imported as a ClaimReview feed,
then looked up through ``claimdesk checked`` beside ``claimdesk rank``.

    .venv/bin/python -m bench.bench_checked [--data DIR] [--n 100000] [--split test]

Prints: the import time of the 10,375-item feed (a ``claimdesk import-checks`` process, wall
time and peak memory), MAP@5 / R@1 / R@5 on the split through ``claimdesk checked --queries``
and through ``claimdesk rank`` (and whether the two rankings are identical), the import of a
``--n``-item feed, one look-up against that library (in-process, after the index is loaded;
and a whole ``claimdesk checked`` process), and the Inbox marker time for a 50-claim import.
The machine is shared: CPU times are printed beside wall times.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.bench_checkthat import DATA, evaluate, generated_claims, load_split, load_targets

URL = "https://checkthat.example/vclaim/"


def write_feed(path: Path, targets: Sequence[tuple[str, str, str]]) -> None:
    """A schema.org DataFeed of ClaimReviews: claimReviewed = vclaim, name = title."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [\n')
        for n, (claim_id, claim, title) in enumerate(targets):
            item = {"@type": "ClaimReview", "claimReviewed": claim, "name": title,
                    "url": URL + claim_id, "author": {"@type": "Organization",
                                                      "name": "CheckThat! 2020"},
                    "datePublished": "2020-01-01", "inLanguage": "en",
                    "reviewRating": {"@type": "Rating", "alternateName": "False"}}
            fh.write(("," if n else "") + json.dumps(item, ensure_ascii=False) + "\n")
        fh.write("]}\n")


def run(args: list[str], out: Path | None = None) -> tuple[float, float, float]:
    """Run ``claimdesk ARGS`` in a new process; (wall s, CPU s, peak RSS MB of the children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8") if out else open(os.devnull, "w") as fh:
        subprocess.run([sys.executable, "-m", "cli.main", *args], check=True, stdout=fh)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def rankings_from(path: Path, key: str) -> dict[str, list[str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if key == "checked":
            out[row["query"]] = [h["url"].removeprefix(URL) for h in row["checked"]]
        else:
            out[row["query"]] = row["ranked"]
    return out


def bench_quality(tmp: Path, data: Path, split: str) -> None:
    rows = load_targets(data)
    titled = _titled(data)
    feed = tmp / "checkthat.json"
    write_feed(feed, titled)
    db = tmp / "checkthat.sqlite"
    wall, cpu, rss = run(["import-checks", "--db", str(db), str(feed)])
    print(f"import-checks of the {len(titled):,}-item ClaimReview feed "
          f"({feed.stat().st_size / 1e6:.1f} MB): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak RSS {rss:.0f} MB (includes saving the look-up index)")
    queries, gold = load_split(split, data)
    qfile = tmp / "queries.jsonl"
    qfile.write_text("".join(json.dumps({"id": q, "text": t}) + "\n" for q, t in queries),
                     encoding="utf-8")
    tfile = tmp / "targets.jsonl"
    tfile.write_text("".join(json.dumps({"id": c, "text": t}) + "\n" for c, t in rows),
                     encoding="utf-8")
    checked_out, rank_out = tmp / "checked.jsonl", tmp / "rank.jsonl"
    wall_c, _, _ = run(["checked", "--db", str(db), "--queries", str(qfile), "--top", "5"],
                       checked_out)
    wall_r, _, _ = run(["rank", str(qfile), str(tfile), "--top", "5"], rank_out)
    checked = rankings_from(checked_out, "checked")
    ranked = rankings_from(rank_out, "rank")
    for name, rankings, wall in (("claimdesk checked", checked, wall_c),
                                 ("claimdesk rank", ranked, wall_r)):
        m, r1, r5 = evaluate(rankings, gold)
        print(f"{split} through {name:<17}: MAP@5 {m:.3f}, R@1 {r1:.3f}, R@5 {r5:.3f} "
              f"({len(queries)} queries, {wall:.1f} s for the whole process)")
    same = sum(checked.get(q) == ranked.get(q) for q, _ in queries)
    print(f"identical top-5 rankings: {same} of {len(queries)} queries")


def _titled(data: Path) -> list[tuple[str, str, str]]:
    from bench.bench_checkthat import read_tsv

    return [(row[0], row[1], row[2]) for row in read_tsv(data / "verified_claims.docs.tsv")]


def bench_scale(tmp: Path, data: Path, n: int) -> None:
    from matching.checked import library_for, mark_claims
    from storage.articles import NewArticle, NewClaim, add_article
    from storage.schema import open_database

    claims = generated_claims(load_targets(data), n)
    feed = tmp / "big.json"
    write_feed(feed, [(f"g{i}", text, "") for i, (_, text) in enumerate(claims)])
    db_path = tmp / "big.sqlite"
    wall, cpu, rss = run(["import-checks", "--db", str(db_path), str(feed)])
    print(f"\nimport-checks of a {n:,}-item feed ({feed.stat().st_size / 1e6:.0f} MB): "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {rss:.0f} MB")
    queries, _ = load_split("dev", data)
    qfile = tmp / "one.jsonl"
    qfile.write_text(json.dumps({"id": 1, "text": queries[0][1]}) + "\n", encoding="utf-8")
    wall, cpu, rss = run(["checked", "--db", str(db_path), "--queries", str(qfile)])
    print(f"one `claimdesk checked` process over {n:,} checks (start-up, index load, query): "
          f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss:.0f} MB")

    db = open_database(db_path, daily_backup=False)
    try:
        library = library_for(db)
        start = time.perf_counter()
        library.refresh()
        library.search("warm-up")  # postings and segmenter, built once
        print(f"index loaded from the database and warmed: {time.perf_counter() - start:.2f} s")
        for refresh, what in ((True, "with the catch-up check"), (False, "index already current")):
            times, cpu = [], time.process_time()
            for _, text in queries:
                t0 = time.perf_counter()
                library.search(text, 5, refresh=refresh)
                times.append((time.perf_counter() - t0) * 1000)
            cpu_ms = (time.process_time() - cpu) * 1000 / len(times)
            print(f"one look-up over {n:,} stored checks ({what}, reading the 5 entries): "
                  f"median {statistics.median(times):.1f} ms, p95 "
                  f"{np.percentile(times, 95):.1f} ms, max {max(times):.1f} ms, mean CPU "
                  f"{cpu_ms:.1f} ms ({len(times)} dev tweets; target <= 50 ms)")
        with db.write() as session:
            article_id = add_article(session, NewArticle(
                outlet="Bench", text="\n".join(t for _, t in queries[:50]),
                content_hash="bench-50"), [
                NewClaim(sentence=t, start=0, end=1) for _, t in queries[:50]],
                actor="bench")
        from storage.factchecks import claim_texts_of_article

        with db.read() as session:
            fifty = claim_texts_of_article(session, article_id)
        cpu0 = time.process_time()
        start = time.perf_counter()
        close = mark_claims(db, fifty)
        print(f"Inbox marker for a {len(fifty)}-claim import over {n:,} checks: "
              f"{time.perf_counter() - start:.2f} s wall, {time.process_time() - cpu0:.2f} s "
              f"CPU ({close} marked already checked; target <= 1 s)")
    finally:
        db.dispose()


def bench_closeness(tmp: Path, data: Path) -> None:
    """How the Inbox threshold (matching.checked.CLOSE) separates right from wrong top hits."""
    from matching.checked import CLOSE
    from matching.rank import ClaimIndex

    index = ClaimIndex(load_targets(data))
    queries, gold = load_split("dev", data)
    right, wrong = [], []
    for qid, text in queries:
        hits = index.search(text, 1)
        if hits and qid in gold:
            close = index.closeness(text, hits[0][0])
            (right if hits[0][0] in gold[qid] else wrong).append(close)
    tp = sum(c >= CLOSE for c in right)
    fp = sum(c >= CLOSE for c in wrong)
    print(f"\nInbox threshold CLOSE={CLOSE} on dev top-1 hits: {tp} of {len(right)} right hits "
          f"marked, {fp} of {len(wrong)} wrong hits marked")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--n", type=int, default=100_000, help="size of the big library (0: skip)")
    parser.add_argument("--scale-only", action="store_true",
                        help="only the big library (import, look-up, Inbox marker)")
    args = parser.parse_args(argv)
    if not (args.data / "verified_claims.docs.tsv").is_file():
        print(f"CheckThat! 2020 Task 2 data not found at {args.data} (give --data)",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-checked-") as tmp:
        if not args.scale_only:
            bench_quality(Path(tmp), args.data, args.split)
            bench_closeness(Path(tmp), args.data)
        if args.n:
            bench_scale(Path(tmp), args.data, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
