"""Matching at scale on generated claims of several shapes: grouping N claims in memory (end
to end: signatures + grouping; wall, CPU, peak memory, pairwise precision/recall), the first
matching run of an N-claim database, and matching one new 20-claim article against it.

Each generator runs in its own process (so peak memory is that generator's), one after the
other (the machine is shared: never two 100k runs at once).

Run: python -m bench.bench_matching [--n 100000] [--gen repetitive,second,real_noisy,base]
     [--skip-db] [--skip-memory] [--naive] [--db PATH] [--repeat N] [--profile FILE]
``--db PATH`` keeps the built N-claim database (stored, indexed, first matching run done) at
PATH and reuses it when it is there already (one generator only): the one-article figure is
then taken on a copy, so the kept database stays as built. ``--repeat N`` times the one-article
match N times, each on a fresh copy (median wall and CPU); ``--profile FILE`` dumps a cProfile
of one more run, not counted (with ``--skip-memory`` and a kept database: only the one-article
step).
Generators: bench/generated_sets.py (GENERATORS); ``real_noisy`` is the real cross-outlet set
(read from ../shared at run time) replicated to N with noise. Every figure ends in one table
(one line per generator, CPU beside wall time) to paste into a before/after note.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_db import published_of, store_articles
from bench.gen_base import generate  # noqa: F401  (older callers import it from here)
from bench.generated_sets import GENERATORS, labelled_set, pairwise_scores
from matching.grouping import cluster
from matching.incremental import index_claims, run_matching
from matching.records import record_signatures

DEFAULT_GENERATORS = "repetitive,second,real_noisy,base"

# Figures of this run, printed as one table at the end (a line "FIGURES {json}" per
# generator carries them from each generator's process to the table).
FIGURES: dict[str, Any] = {}
_FIGURES_TAG = "FIGURES "
COLUMNS = [  # (key, heading, format)
    ("gen", "generator", "{}"),
    ("n", "claims", "{:,}"),
    ("sig_cpu", "sig CPU s", "{:.1f}"),
    ("sig_wall", "sig wall s", "{:.1f}"),
    ("group_cpu", "group CPU s", "{:.1f}"),
    ("group_wall", "group wall s", "{:.1f}"),
    ("e2e_cpu", "e2e CPU s", "{:.1f}"),
    ("e2e_wall", "e2e wall s", "{:.1f}"),
    ("e2e_rss", "e2e peak MiB", "{:.0f}"),
    ("pairs_per_claim", "pairs/claim", "{:.2f}"),
    ("precision", "P", "{:.3f}"),
    ("recall", "R", "{:.3f}"),
    ("index_cpu", "db index CPU s", "{:.1f}"),
    ("bulk_cpu", "db 1st match CPU s", "{:.1f}"),
    ("bulk_wall", "db 1st match wall s", "{:.1f}"),
    ("one_cpu_ms", "1 article CPU ms", "{:.0f}"),
    ("one_wall_ms", "1 article wall ms", "{:.0f}"),
    ("rss", "peak MiB", "{:.0f}"),
]


def print_table(rows: list[dict[str, Any]]) -> None:
    """One line per generator (a missing figure: "-"), columns as in COLUMNS."""
    cells = [[h for _k, h, _f in COLUMNS]] + [
        [f.format(r[k]) if r.get(k) is not None else "-" for k, _h, f in COLUMNS] for r in rows]
    widths = [max(len(row[c]) for row in cells) for c in range(len(COLUMNS))]
    print("\n" + "\n".join(" | ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True))
                            for row in cells), flush=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: on a shared machine wall
    time depends on the other users' load, CPU time much less."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_workers_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bench_in_memory(name: str, claims: list[dict[str, Any]], naive: bool = False) -> None:
    t0, c0 = time.perf_counter(), cpu_seconds()
    sigs = record_signatures(claims)
    t1, c1 = time.perf_counter(), cpu_seconds()
    result = cluster(sigs, explain_links=False)  # as `claimdesk cluster` groups them
    t2, c2 = time.perf_counter(), cpu_seconds()
    groups = len(set(result.labels))
    conflicts = sum(len(v) for v in result.conflicts.values()) // 2
    distinct = len({c["text"] for c in claims})
    print(f"[{name}] signatures for {len(claims):,} claims ({distinct:,} distinct sentences): "
          f"{t1 - t0:.1f} s wall, {c1 - c0:.1f} s CPU")
    print(f"[{name}] grouping: {t2 - t1:.1f} s wall, {c2 - c1:.1f} s CPU "
          f"({result.pairs_scored:,} pairs scored; {groups:,} groups, {conflicts:,} conflicts)")
    precision, recall = pairwise_scores(result.labels, [c["group"] for c in claims])
    print(f"[{name}] END TO END {len(claims):,} claims: {t2 - t0:.1f} s wall, {c2 - c0:.1f} s CPU, "
          f"peak {peak_rss_mib():.0f} MiB (largest worker {peak_rss_workers_mib():.0f} MiB); "
          f"pairwise precision {precision:.3f}, recall {recall:.3f}", flush=True)
    FIGURES.update(sig_cpu=c1 - c0, sig_wall=t1 - t0, group_cpu=c2 - c1, group_wall=t2 - t1,
                   e2e_cpu=c2 - c0, e2e_wall=t2 - t0, e2e_rss=peak_rss_mib(),
                   precision=precision, recall=recall,
                   pairs_per_claim=result.pairs_scored / max(len(claims), 1))
    if naive:
        from rapidfuzz import fuzz, process

        sample = min(len(sigs), 4000)
        texts = [s.text.lower() for s in sigs[:sample]]
        t3 = time.perf_counter()
        process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, dtype="uint8")
        t4 = time.perf_counter()
        full = (t4 - t3) / (sample * sample) * len(sigs) ** 2
        print(f"[{name}] naive all-pairs cdist token_set_ratio: {sample:,}x{sample:,} in "
              f"{t4 - t3:.1f} s -> {len(sigs):,}x{len(sigs):,} ≈ {full / 60:.0f} min")


def _build_database(db: Any, name: str, claims: list[dict[str, Any]]) -> None:
    """Store ``claims`` as 20-claim articles, index them and run the first (bulk) matching."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    store_articles(db, claims)
    t1, c1 = time.perf_counter(), cpu_seconds()
    index_claims(db)
    t2, c2 = time.perf_counter(), cpu_seconds()
    first = run_matching(db, actor="bench")
    t3, c3 = time.perf_counter(), cpu_seconds()
    print(f"[{name}] database: stored {len(claims):,} claims in {t1 - t0:.1f} s "
          f"({c1 - c0:.1f} s CPU), indexed in {t2 - t1:.1f} s ({c2 - c1:.1f} s CPU), first "
          f"matching run (bulk) {t3 - t2:.1f} s ({c3 - c2:.1f} s CPU) "
          f"({len(first.new_groups):,} groups)", flush=True)
    FIGURES.update(index_cpu=c2 - c1, bulk_cpu=c3 - c2, bulk_wall=t3 - t2)


def _one_article(name: str, path: Path, stored: int, article: list[dict[str, Any]],
                 profile: Path | None = None) -> tuple[float, float]:
    """Store ``article`` in the database at ``path`` and match it as an import does; prints
    and returns (match wall ms, match CPU ms). ``profile``: a cProfile dump of the match."""
    from ingest import document_from_text
    from storage.articles import claim_ids_of_article
    from storage.schema import open_database
    from workflows.importing import store_document

    db = open_database(path)
    doc = document_from_text(" ".join(c["text"] for c in article), outlet="Outlet new",
                             title="new", published=published_of(article[0]))
    t4 = time.perf_counter()
    result = store_document(db, doc, source="bench", actor="bench", match=False)
    with db.read() as session:
        new_ids = claim_ids_of_article(session, result.article_id)
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU: the machine may be shared
        profiler.enable()
    t5, c5 = time.perf_counter(), cpu_seconds()
    report = run_matching(db, actor="bench", only=new_ids)  # what an import does
    t6, c6 = time.perf_counter(), cpu_seconds()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(profile))
    print(f"[{name}] ONE ARTICLE ({result.claims} claims) against {stored:,} stored: "
          f"match {1000 * (t6 - t5):.0f} ms wall, {1000 * (c6 - c5):.0f} ms CPU "
          f"(extract+store {1000 * (t5 - t4):.0f} ms; {len(report.joined)} joined existing "
          f"groups, {len(report.new_groups)} new, {len(report.conflicts)} conflicts)", flush=True)
    db.dispose()
    return 1000 * (t6 - t5), 1000 * (c6 - c5)


def _copy_database(source: Path, path: Path) -> None:
    import shutil

    for suffix in ("", "-wal"):  # a log the last close did not fold in
        Path(f"{path}{suffix}").unlink(missing_ok=True)
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{path}{suffix}")


def bench_database(name: str, claims: list[dict[str, Any]], article: list[dict[str, Any]],
                   keep: Path | None = None, repeat: int = 1,
                   profile: Path | None = None) -> None:
    """The first matching run of the database, then the one-article match, ``repeat`` times
    on fresh copies of the built database (median wall and CPU; a shared machine's load
    varies from one run to the next)."""
    from storage.schema import open_database

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        built = keep or Path(tmp) / "built.sqlite"
        if keep is not None and keep.exists():
            print(f"[{name}] reusing the database {keep}", flush=True)
        else:
            db = open_database(built)
            _build_database(db, name, claims)
            db.dispose()
        walls, cpus = [], []
        # The N generated claims are the bench's, not the match's: frozen, the cycle collector
        # does not walk them in the timed step (a full collection over them cost ~100 ms at
        # 100k, landing in one run or another as the allocations fell).
        gc.collect()
        gc.freeze()
        for _run in range(repeat):
            _copy_database(built, path)
            wall, cpu = _one_article(name, path, len(claims), article)
            walls.append(wall)
            cpus.append(cpu)
        if profile is not None:  # one more run, left out of the figures (profiling slows it)
            _copy_database(built, path)
            _one_article(name, path, len(claims), article, profile)
            print(f"[{name}] profile of one more run (not counted): {profile}", flush=True)
        if repeat > 1:
            print(f"[{name}] ONE ARTICLE median of {repeat}: {statistics.median(walls):.0f} ms "
                  f"wall, {statistics.median(cpus):.0f} ms CPU (CPU min {min(cpus):.0f}, max "
                  f"{max(cpus):.0f})", flush=True)
        gc.unfreeze()
        print(f"[{name}] peak memory: {peak_rss_mib():.0f} MiB", flush=True)
        FIGURES.update(one_cpu_ms=statistics.median(cpus), one_wall_ms=statistics.median(walls))


def run_one(name: str, n: int, skip_db: bool, naive: bool, skip_memory: bool = False,
            keep: Path | None = None, repeat: int = 1, profile: Path | None = None) -> None:
    FIGURES.clear()
    FIGURES.update(gen=name, n=n)
    claims = labelled_set(name, n, seed=7)
    print(f"[{name}] generated {len(claims):,} claims ({len({c['group'] for c in claims}):,} "
          f"gold groups)", flush=True)
    if not skip_memory:
        bench_in_memory(name, claims, naive)
    sys.stdout.flush()
    if not skip_db:
        # The new article: claims of the same generator with another seed (new facts and
        # repeats of stored ones alike).
        bench_database(name, claims, labelled_set(name, 20, seed=99), keep, repeat, profile)
    FIGURES["rss"] = peak_rss_mib()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--gen", default=DEFAULT_GENERATORS,
                        help=f"comma-separated, of: {', '.join(GENERATORS)}")
    parser.add_argument("--skip-db", action="store_true")
    parser.add_argument("--skip-memory", action="store_true", help="only the database part")
    parser.add_argument("--naive", action="store_true", help="also time all-pairs cdist")
    parser.add_argument("--db", type=Path, help="keep the built database here; reuse it if there")
    parser.add_argument("--here", action="store_true", help="run in this process (one generator)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time the one-article match this many times (median)")
    parser.add_argument("--profile", type=Path,
                        help="cProfile dump of the (last) one-article match (one generator)")
    args = parser.parse_args()
    names = [g.strip() for g in args.gen.split(",") if g.strip()]
    unknown = [g for g in names if g not in GENERATORS]
    if unknown:
        parser.error(f"unknown generator(s): {', '.join(unknown)}")
    if args.here or len(names) == 1:
        rows = []
        for name in names:
            run_one(name, args.n, args.skip_db, args.naive, args.skip_memory, args.db,
                    args.repeat, args.profile)
            rows.append(dict(FIGURES))
        if args.here:  # for the parent process's table
            print(_FIGURES_TAG + json.dumps(rows), flush=True)
        else:
            print_table(rows)
        return 0
    if args.db is not None:
        parser.error("--db takes one generator")
    if args.profile is not None:
        parser.error("--profile takes one generator")
    rows = []
    for name in names:  # one after the other, each in its own process
        cmd = [sys.executable, "-m", "bench.bench_matching", "--here", "--gen", name,
               "--n", str(args.n)] + (["--skip-db"] if args.skip_db else []) + (
                   ["--naive"] if args.naive else []) + (
                   ["--skip-memory"] if args.skip_memory else []) + [
                   "--repeat", str(args.repeat)]
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith(_FIGURES_TAG):
                    rows += json.loads(line[len(_FIGURES_TAG):])
                else:
                    print(line, end="", flush=True)
        if child.returncode:
            print_table(rows)
            return child.returncode
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
