"""SIGKILL soak: kill imports, matching runs, verdict saves, copies, backups and restores at random
moments, then check what survived.

Each run copies a small template database, starts the work in a child process (forked from a
server that has Claimdesk already imported, so a run costs milliseconds rather than a Python
start-up), kills it with SIGKILL after a random delay and checks the file:

* ``PRAGMA integrity_check`` is ok and ``PRAGMA foreign_key_check`` is empty (else: corruption);
* every article the child reported as imported, and every verdict save it reported, is in the
  file (else: committed rows lost);
* no article has fewer or more claims than extraction gives for it, no matching run is half
  stored, no verdict has the evidence of another save (else: partial batch);
* running the same work again completes, with no duplicate article;
* a copy's source is byte-identical afterwards, its destination holds all of the copy or none;
* no process the killed one started is still running (orphans), and after the next start no
  ``*.partial`` backup, ``*.restoring`` file or restore work folder is left over (leftovers);
* after the next import or matching run no claim is left without a signature or a claim group
  (unmatched: what a killed import leaves is picked up by the next one, #20.10).

The figures are given per kind of work too: runs, runs killed mid-work, failed runs.

``python -m bench.soak_kill [--runs 1000] [--seed 1]`` prints the totals; tests/safety runs a few
dozen of the same runs.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

KILL_MIN_S = 0.02
KILL_MAX_S = 0.40
# Kills land anywhere in a step's real duration (measured once per soak, see
# measure_durations), a little past its end too, so a kill can also find the step just done.
PAST_END = 1.1
_PRELOAD = [
    "cli.main", "ingest.pipeline", "matching.incremental", "storage.schema", "storage.verdicts",
    "extraction",
]
_CONTEXT: multiprocessing.context.BaseContext | None = None

_PLACES = ["Avdiivka", "Bakhmut", "Kupiansk", "Pokrovsk", "Vuhledar", "Kherson", "Marinka",
           "Chasiv Yar", "Toretsk", "Kurakhove", "Siversk", "Lyman"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]


@dataclass
class Totals:
    runs: int = 0
    killed_mid_work: int = 0
    corruptions: int = 0
    committed_lost: int = 0
    partial_batches: int = 0
    rerun_failures: int = 0
    orphans: int = 0
    leftovers: int = 0
    source_changed: int = 0
    unmatched: int = 0  # claims left unsigned or ungrouped after the next import or match
    by_kind: dict[str, int] = field(default_factory=dict)
    killed_by_kind: dict[str, int] = field(default_factory=dict)
    failed_by_kind: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    _FAILURES = ("corruptions", "committed_lost", "partial_batches", "rerun_failures",
                 "orphans", "leftovers", "source_changed", "unmatched")

    def add(self, other: Totals) -> None:
        for name in ("runs", "killed_mid_work", *self._FAILURES):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.by_kind, other.by_kind),
                             (self.killed_by_kind, other.killed_by_kind),
                             (self.failed_by_kind, other.failed_by_kind)):
            for kind, n in theirs.items():
                mine[kind] = mine.get(kind, 0) + n
        self.problems += other.problems

    def failed(self) -> bool:
        return any(getattr(self, name) for name in self._FAILURES)

    def ok(self) -> bool:
        return not self.failed()


# --- child processes ------------------------------------------------------------------------

def _context() -> multiprocessing.context.BaseContext:
    global _CONTEXT
    if _CONTEXT is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        _CONTEXT = ctx
    return _CONTEXT


def _redirect_stdout(out_path: str) -> None:
    """Also: the child's temporary files go into its run's own ``tmp`` folder, where the
    soak looks for leftovers without seeing other processes' files."""
    import tempfile

    tmp = Path(out_path).parent / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(tmp)
    tempfile.tempdir = str(tmp)
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.close(fd)
    sys.stdout = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115


def _child_cli(argv: list[str], out_path: str) -> None:
    _redirect_stdout(out_path)
    from cli.main import main

    code = main(argv)
    sys.stdout.flush()
    os._exit(code)


def _child_verdicts(db_path: str, out_path: str, saves: int, first: int) -> None:
    """Save verdicts in a loop, reporting each commit on stdout after it is committed."""
    _redirect_stdout(out_path)
    from sqlalchemy import select

    from storage.models import ClaimGroup
    from storage.schema import open_database
    from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, verdict_for_group

    db = open_database(Path(db_path))
    with db.read() as session:
        groups = list(session.execute(select(ClaimGroup.id).order_by(ClaimGroup.id)).scalars())
    for i in range(first, first + saves):
        group = groups[i % len(groups)]
        with db.write() as session:
            current = verdict_for_group(session, group)
            n_evidence = i % 4 + 1
            draft = VerdictDraft(
                rating="false", summary=f"save {i} evidence {n_evidence}", reviewer="soak",
                evidence=[EvidenceItem(title=f"source {i}.{k}") for k in range(n_evidence)],
            )
            version = save_verdict(session, group, draft, actor="soak",
                                   expected_version=current.version if current else None)
        print(f"saved group {group} version {version} save {i}", flush=True)
    os._exit(0)


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (from /proc; empty where there is none)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


# Processes a killed child left running (its forked workers): counted, then killed.
_orphans: list[int] = []


def _run_and_kill(target: Callable[..., None], args: tuple, delay: float) -> int | None:
    """Start ``target`` in a child, SIGKILL it after ``delay`` s; its exit code if it finished.
    Whatever the child had started and is still running 5 s later goes into ``_orphans``."""
    proc = _context().Process(target=target, args=args)
    proc.start()
    proc.join(delay)
    finished = not proc.is_alive()
    below = set() if finished else _descendants(proc.pid)
    if not finished:
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended between the look and the kill
            finished = True
    proc.join()
    deadline = time.monotonic() + 5
    while below and time.monotonic() < deadline:
        below = {pid for pid in below if _alive(pid)}
        time.sleep(0.05)
    for pid in below:
        _orphans.append(pid)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return proc.exitcode if finished else None


def _run_to_end(target: Callable[..., None], args: tuple, timeout: float = 120) -> int:
    proc = _context().Process(target=target, args=args)
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.kill()
        proc.join()
        raise RuntimeError(f"child did not finish in {timeout} s")
    return proc.exitcode


# How long each kind of work takes when it runs to its end here (seconds, wall): filled by
# measure_durations; a kind not measured is killed within KILL_MIN_S..KILL_MAX_S.
_DURATIONS: dict[str, float] = {}
_VERDICT_SAVES_MEASURED = 20


def _delay(kind: str, rng: random.Random) -> float:
    """When to kill a run of ``kind``: anywhere in its real duration, a little past its end."""
    duration = _DURATIONS.get(kind)
    if duration is None:
        return rng.uniform(KILL_MIN_S, KILL_MAX_S)
    return rng.uniform(KILL_MIN_S, max(2 * KILL_MIN_S, PAST_END * duration))


def _timed(target: Callable[..., None], args: tuple) -> float:
    started = time.perf_counter()
    _run_to_end(target, args)
    return time.perf_counter() - started


def measure_durations(templates: dict[str, Path], work: Path,
                      kinds: tuple[str, ...]) -> dict[str, float]:
    """Run each kind of work once to its end on a scratch copy and time it."""
    found: dict[str, float] = {}
    for kind in kinds:
        run_dir = work / f"measure-{kind}"
        out = str(run_dir / "out")
        if kind == "import":
            db = _fresh_copy(templates["empty"], run_dir)
            found[kind] = _timed(_child_cli, (["import", "--db", str(db),
                                               str(templates["folder"])], out))
        elif kind == "match":
            db = _fresh_copy(templates["unmatched"], run_dir)
            found[kind] = _timed(_child_cli, (["match", "--db", str(db)], out))
        elif kind == "verdicts":
            db = _fresh_copy(templates["grouped"], run_dir)
            found[kind] = _timed(_child_verdicts, (str(db), out, _VERDICT_SAVES_MEASURED, 0))
        elif kind == "copy":
            db = _fresh_copy(templates["empty"], run_dir)
            found[kind] = _timed(_child_cli, (["copy", "--from", str(templates["colleague"]),
                                               "--to", str(db)], out))
        elif kind == "backup":
            db = _fresh_copy(templates["grouped"], run_dir)
            found[kind] = _timed(_child_cli, (["backup", "--db", str(db)], out))
        elif kind == "restore":
            db = _fresh_copy(templates["grouped"], run_dir)
            found[kind] = _timed(_child_cli, (["restore", "--db", str(db),
                                               str(templates["backup"]), "--to",
                                               str(run_dir / "restored.sqlite")], out))
        shutil.rmtree(run_dir, ignore_errors=True)
    return found


# --- fixtures: generated articles and template databases ----------------------------------

def write_articles(folder: Path, count: int, seed: int = 0) -> None:
    """Tiny plain-text articles, each with a few claims carrying figures."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        place = _PLACES[i % len(_PLACES)]
        month = _MONTHS[i % len(_MONTHS)]
        km = rng.randint(10, 4000)
        drones = rng.randint(5, 300)
        share = rng.randint(5, 30)
        (folder / f"article-{i:03d}.txt").write_text(
            f"Title: Front line report {i} from {place}\n"
            f"Outlet: Soak Outlet {i % 4}\n"
            f"Date: 2024-{i % 8 + 1:02d}-{i % 27 + 1:02d}\n---\n"
            f"Russian forces occupied {km} square kilometres of Ukrainian territory in "
            f"{month} 2024, according to the analysts of report {i}.\n\n"
            f"The air force said {drones} drones were shot down overnight near {place}.\n\n"
            f"Russia controls about {share} percent of Ukraine's territory, the ministry said "
            f"on {month} {i % 27 + 1}.\n",
            encoding="utf-8",
        )


def expected_claims(folder: Path) -> dict[str, int]:
    """Proposed-claim count per file, as the importer's extraction gives it."""
    from ingest.pipeline import proposed_claims
    from ingest.readers import read_document

    return {str(p): len(proposed_claims(read_document(p))) for p in sorted(folder.glob("*.txt"))}


def build_templates(work: Path, *, articles: int = 12) -> dict[str, Path]:
    """An empty migrated database, one with unmatched claims, one with groups to judge."""
    from ingest.readers import iter_importable, read_document
    from matching.incremental import run_matching
    from storage.schema import open_database
    from workflows.importing import import_paths, store_document

    work.mkdir(parents=True, exist_ok=True)
    folder = work / "articles"
    write_articles(folder, articles)
    empty = work / "empty.sqlite"
    open_database(empty).dispose()

    unmatched = work / "unmatched.sqlite"
    db = open_database(unmatched)
    for path in iter_importable([folder]):
        store_document(db, read_document(path), source=str(path), actor="soak", match=False)
    db.dispose()

    grouped = work / "grouped.sqlite"
    db = open_database(grouped)
    for _ in import_paths(db, [folder], actor="soak"):
        pass
    run_matching(db, actor="soak")
    db.dispose()
    for path in (empty, unmatched, grouped):
        _checkpoint(path)
    return {"folder": folder, "empty": empty, "unmatched": unmatched, "grouped": grouped}


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _fresh_copy(template: Path, run_dir: Path) -> Path:
    run_dir.mkdir(parents=True, exist_ok=True)
    dest = run_dir / "claimdesk.sqlite"
    shutil.copyfile(template, dest)
    return dest


# --- checks -------------------------------------------------------------------------------

def check_file(path: Path) -> list[str]:
    """What is wrong with the file at the SQLite level (empty list: nothing)."""
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            problems = []
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def _reported(out: Path, prefix: str) -> list[str]:
    if not out.exists():
        return []
    # Only whole lines: the kill may cut the last one.
    lines = out.read_text(encoding="utf-8", errors="replace").split("\n")[:-1]
    return [line for line in lines if line.startswith(prefix)]


def _article_claims(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT a.source_path, count(c.id) FROM article a "
            "LEFT JOIN claim c ON c.article_id = a.id GROUP BY a.id"
        ).fetchall()
    finally:
        conn.close()
    found: dict[str, int] = {}
    for source, n in rows:
        found[source] = -1 if source in found else n  # -1 marks a duplicate
    return found


def kill_import_run(templates: dict[str, Path], expected: dict[str, int], run_dir: Path,
                    rng: random.Random) -> Totals:
    t = Totals(runs=1)
    db = _fresh_copy(templates["empty"], run_dir)
    out = run_dir / "import.out"
    delay = _delay("import", rng)
    _run_and_kill(_child_cli, (["import", "--db", str(db), str(templates["folder"])], str(out)), delay)
    if corrupt := check_file(db):
        t.corruptions += 1
        t.problems.append(f"{run_dir.name}: {corrupt[:3]}")
        return t
    reported = [_source_of(line) for line in _reported(out, "imported")]
    stored = _article_claims(db)
    if 0 < len(stored) < len(expected):
        t.killed_mid_work += 1
    for source in reported:
        if source not in stored:
            t.committed_lost += 1
            t.problems.append(f"{run_dir.name}: reported {source} is missing")
    for source, n in stored.items():
        if n != expected.get(source):
            t.partial_batches += 1
            t.problems.append(f"{run_dir.name}: {source} has {n} claims, expected {expected.get(source)}")
    # The rerun imports the rest, once each.
    code = _run_to_end(_child_cli, (["import", "--db", str(db), str(templates["folder"])],
                                    str(run_dir / "rerun.out")))
    after = _article_claims(db)
    if code != 0 or after != expected or check_file(db):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: rerun exit {code}, {len(after)} of {len(expected)} articles")
    _count_unmatched(t, db, run_dir)
    return t


def _source_of(line: str) -> str:
    # "imported  /path/article-003.txt: 3 proposed claims, outlet 'X'"
    rest = line[len("imported"):].strip()
    return rest[: rest.index(".txt: ") + 4]


def _matching_state(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        claims = conn.execute("SELECT count(*) FROM claim").fetchone()[0]
        grouped = conn.execute(
            "SELECT count(DISTINCT claim_id) FROM claim_group_member WHERE decision != 'rejected'"
        ).fetchone()[0]
    finally:
        conn.close()
    return claims, grouped


def _unmatched(path: Path) -> int:
    """Claims (not rejected) with no signature or no active claim group."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT count(*) FROM claim c WHERE c.status != 'rejected' AND ("
            "NOT EXISTS (SELECT 1 FROM claim_signature s WHERE s.claim_id = c.id) OR "
            "NOT EXISTS (SELECT 1 FROM claim_group_member m WHERE m.claim_id = c.id "
            "AND m.decision != 'rejected'))").fetchone()[0]
    finally:
        conn.close()


def _count_unmatched(t: Totals, db: Path, run_dir: Path) -> None:
    if left := _unmatched(db):
        t.unmatched += left
        t.problems.append(f"{run_dir.name}: {left} claims unmatched after the next run")


def kill_match_run(templates: dict[str, Path], run_dir: Path, rng: random.Random) -> Totals:
    from storage.backup import list_backups

    t = Totals(runs=1)
    db = _fresh_copy(templates["unmatched"], run_dir)
    out = run_dir / "match.out"
    delay = _delay("match", rng)
    _run_and_kill(_child_cli, (["match", "--db", str(db)], str(out)), delay)
    if corrupt := check_file(db):
        t.corruptions += 1
        t.problems.append(f"{run_dir.name}: {corrupt[:3]}")
        return t
    claims, grouped = _matching_state(db)
    finished = bool(_reported(out, "new claim groups"))
    if grouped not in (0, claims):
        t.partial_batches += 1
        t.problems.append(f"{run_dir.name}: {grouped} of {claims} claims grouped")
    if finished and grouped != claims:
        t.committed_lost += 1
        t.problems.append(f"{run_dir.name}: matching reported done but {grouped} of {claims} grouped")
    if grouped > 0 or _reported(out, "claims"):
        t.killed_mid_work += 1
    for backup in list_backups(db):
        if check_file(backup):
            t.corruptions += 1
            t.problems.append(f"{run_dir.name}: backup {backup.name} is damaged")
    code = _run_to_end(_child_cli, (["match", "--db", str(db)], str(run_dir / "rerun.out")))
    claims, grouped = _matching_state(db)
    if code != 0 or grouped != claims or check_file(db):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: rerun exit {code}, {grouped} of {claims} grouped")
    _count_unmatched(t, db, run_dir)
    return t


def _verdict_state(path: Path) -> dict[int, tuple[int, str, int]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT v.group_id, v.version, v.summary, "
            "(SELECT count(*) FROM evidence e WHERE e.verdict_id = v.id) FROM verdict v"
        ).fetchall()
    finally:
        conn.close()
    return {g: (version, summary, n) for g, version, summary, n in rows}


def kill_verdict_run(templates: dict[str, Path], run_dir: Path, rng: random.Random) -> Totals:
    t = Totals(runs=1)
    db = _fresh_copy(templates["grouped"], run_dir)
    out = run_dir / "verdicts.out"
    delay = _delay("verdicts", rng)
    _run_and_kill(_child_verdicts, (str(db), str(out), 100_000, 0), delay)
    if corrupt := check_file(db):
        t.corruptions += 1
        t.problems.append(f"{run_dir.name}: {corrupt[:3]}")
        return t
    state = _verdict_state(db)
    last: dict[int, int] = {}
    for line in _reported(out, "saved group"):
        words = line.split()
        last[int(words[2])] = int(words[4])
    if last:
        t.killed_mid_work += 1
    for group, version in last.items():
        stored = state.get(group, (0, "", 0))[0]
        # The kill may land between a commit and its line: one more save than reported.
        if not version <= stored <= version + 1:
            t.committed_lost += 1
            t.problems.append(f"{run_dir.name}: group {group} reported v{version}, stored v{stored}")
    for group, (_version, summary, n_evidence) in state.items():
        if not summary.endswith(f"evidence {n_evidence}"):
            t.partial_batches += 1
            t.problems.append(f"{run_dir.name}: group {group} {summary!r} has {n_evidence} evidence")
    code = _run_to_end(_child_verdicts, (str(db), str(run_dir / "rerun.out"), 5, 1_000_000))
    if code != 0 or check_file(db):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: verdict rerun exit {code}")
    return t


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT count(*) FROM article").fetchone()[0],
                conn.execute("SELECT count(*) FROM claim").fetchone()[0])
    finally:
        conn.close()


_LEFTOVER_ENDINGS = (".partial", ".restoring")


def _leftovers(folder: Path) -> list[Path]:
    """Files a killed backup or restore left (and a restore's hidden work folder)."""
    from storage.temp_folders import RESTORING

    return [p for p in folder.rglob("*")
            if p.name.endswith(_LEFTOVER_ENDINGS) or p.name.startswith(RESTORING)]


def _temp_leftovers(run_dir: Path) -> list[str]:
    """Claimdesk's temporary folders (a foreign file's snapshot, a schema comparison) still in
    the run's own temporary folder after its rerun (each child works in ``run_dir/tmp``)."""
    from storage.temp_folders import PREFIXES

    tmp = run_dir / "tmp"
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith(PREFIXES)) \
        if tmp.is_dir() else []


def kill_copy_run(templates: dict[str, Path], run_dir: Path, rng: random.Random) -> Totals:
    """copy --from a colleague's file: the source never changes; the copy is whole or absent."""
    t = Totals(runs=1)
    source = templates["colleague"]
    before = templates["colleague_digest"]
    whole = _counts(source)
    db = _fresh_copy(templates["empty"], run_dir)
    argv = ["copy", "--from", str(source), "--to", str(db)]
    _run_and_kill(_child_cli, (argv, str(run_dir / "copy.out")), _delay("copy", rng))
    if _digest(source) != before or len(list(source.parent.iterdir())) != 1:
        t.source_changed += 1
        t.problems.append(f"{run_dir.name}: the copy's source changed")
    if corrupt := check_file(db):
        t.corruptions += 1
        t.problems.append(f"{run_dir.name}: {corrupt[:3]}")
        return t
    got = _counts(db)
    if got not in ((0, 0), whole):
        t.partial_batches += 1
        t.problems.append(f"{run_dir.name}: copy left {got}, source has {whole}")
    if got == whole:
        t.killed_mid_work += 1
    code = _run_to_end(_child_cli, (argv, str(run_dir / "rerun.out")))
    if code != 0 or _counts(db) != whole or check_file(db):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: copy rerun exit {code}, {_counts(db)}")
    return t


def kill_backup_run(templates: dict[str, Path], run_dir: Path, rng: random.Random) -> Totals:
    """backup: every backup in the rotation is sound; a killed one's .partial goes next start."""
    from storage.backup import list_backups

    t = Totals(runs=1)
    db = _fresh_copy(templates["grouped"], run_dir)
    _run_and_kill(_child_cli, (["backup", "--db", str(db)], str(run_dir / "backup.out")),
                  _delay("backup", rng))
    if _leftovers(run_dir):
        t.killed_mid_work += 1
    code = _run_to_end(_child_cli, (["backup", "--db", str(db)], str(run_dir / "rerun.out")))
    for backup in list_backups(db):
        if check_file(backup):
            t.corruptions += 1
            t.problems.append(f"{run_dir.name}: backup {backup.name} is damaged")
    if code != 0 or check_file(db):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: backup rerun exit {code}")
    if left := _leftovers(run_dir):
        t.leftovers += len(left)
        t.problems.append(f"{run_dir.name}: left over after the next start: {left[0].name}")
    return t


def kill_restore_run(templates: dict[str, Path], run_dir: Path, rng: random.Random) -> Totals:
    """restore into a new file: the target is absent or whole; a rerun leaves nothing over."""
    t = Totals(runs=1)
    db = _fresh_copy(templates["grouped"], run_dir)
    target = run_dir / "restored.sqlite"
    argv = ["restore", "--db", str(db), str(templates["backup"]), "--to", str(target)]
    finished = _run_and_kill(_child_cli, (argv, str(run_dir / "restore.out")),
                             _delay("restore", rng)) is not None
    if not finished and not target.exists():
        t.killed_mid_work += 1  # killed before the restored file took its place
    if target.exists() and (corrupt := check_file(target)):
        t.corruptions += 1
        t.problems.append(f"{run_dir.name}: restored file {corrupt[:3]}")
    code = _run_to_end(_child_cli, ([*argv, "--force"] if target.exists() else argv,
                                    str(run_dir / "rerun.out")))
    if code != 0 or check_file(target) or _counts(target) != _counts(templates["grouped"]):
        t.rerun_failures += 1
        t.problems.append(f"{run_dir.name}: restore rerun exit {code}")
    if left := _leftovers(run_dir):
        t.leftovers += len(left)
        t.problems.append(f"{run_dir.name}: left over after the rerun: {left[0].name}")
    return t


KINDS = ("import", "match", "verdicts", "copy", "backup", "restore")


def soak(runs: int, seed: int, work: Path, *, progress: bool = False,
         kinds: tuple[str, ...] = KINDS, measure: bool = False) -> Totals:
    """``runs`` runs of ``kinds`` in turn; with ``measure``, each kind is first timed to its
    end and its kills follow that duration (else they land in KILL_MIN_S..KILL_MAX_S)."""
    from storage.backup import make_backup

    templates = build_templates(work / "templates")
    colleague = work / "colleague" / "theirs.sqlite"
    colleague.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(templates["grouped"], colleague)
    conn = sqlite3.connect(colleague)
    conn.execute("PRAGMA journal_mode = DELETE")  # as handed over: one file, nothing beside it
    conn.close()
    templates["colleague"] = colleague
    templates["colleague_digest"] = _digest(colleague)  # type: ignore[assignment]
    templates["backup"] = make_backup(templates["grouped"], "soak")
    expected = expected_claims(templates["folder"])
    _DURATIONS.clear()
    if measure:
        _DURATIONS.update(measure_durations(templates, work, kinds))
        if progress:
            print("  durations to the end: " + ", ".join(
                f"{k} {v:.2f} s" for k, v in _DURATIONS.items()), flush=True)
    rng = random.Random(seed)
    totals = Totals()
    for i in range(runs):
        kind = kinds[i % len(kinds)]
        run_dir = work / f"run-{i:04d}-{kind}"
        orphans_before = len(_orphans)
        if kind == "import":
            result = kill_import_run(templates, expected, run_dir, rng)
        elif kind == "match":
            result = kill_match_run(templates, run_dir, rng)
        elif kind == "verdicts":
            result = kill_verdict_run(templates, run_dir, rng)
        elif kind == "copy":
            result = kill_copy_run(templates, run_dir, rng)
        elif kind == "backup":
            result = kill_backup_run(templates, run_dir, rng)
        else:
            result = kill_restore_run(templates, run_dir, rng)
        result.orphans += len(_orphans) - orphans_before
        left = _temp_leftovers(run_dir)
        if kind not in ("backup", "restore"):  # those two count their own
            left += [p.name for p in _leftovers(run_dir)]
        if left:
            result.leftovers += len(left)
            result.problems.append(f"{run_dir.name}: left over: {left[0]}")
        if result.orphans:
            result.problems.append(f"{run_dir.name}: {result.orphans} process(es) outlived it")
        result.by_kind[kind] = 1
        if result.killed_mid_work:
            result.killed_by_kind[kind] = 1
        if result.failed():
            result.failed_by_kind[kind] = 1
        totals.add(result)
        shutil.rmtree(run_dir, ignore_errors=True)
        if progress and (i + 1) % 25 == 0:
            # The totals so far, so a soak stopped early still gives its figures.
            print(f"  {i + 1} runs… {_summary(totals)}", flush=True)
    return totals


def _summary(totals: Totals) -> str:
    """One line: every count, then runs/killed mid-work/failed per kind."""
    counts = " ".join(f"{name}={getattr(totals, name)}" for name in (
        "runs", "killed_mid_work", *Totals._FAILURES))
    kinds = " ".join(f"{k}={n}/{totals.killed_by_kind.get(k, 0)}/"
                     f"{totals.failed_by_kind.get(k, 0)}" for k, n in totals.by_kind.items())
    cpu = time.process_time() + _children_cpu()
    return f"{counts} per-kind(runs/killed/failed) {kinds} cpu={cpu:.0f}s"


def _children_cpu() -> float:
    """CPU seconds of this process's children, the fork server's and its reaped children (the
    runs): RUSAGE_CHILDREN alone misses the runs, which are the fork server's children."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + _fork_server_cpu()


def _fork_server_cpu() -> float:
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime (fields 14-17 of proc(5), counted from after the name)
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help=f"comma-separated, of {', '.join(KINDS)} (default: all, in turn)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    parser.add_argument("--fixed-kill-window", action="store_true",
                        help=f"kill within {KILL_MIN_S}-{KILL_MAX_S} s instead of within each "
                        "step's measured duration")
    args = parser.parse_args(argv)
    import tempfile

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="claimdesk-soak-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        totals = soak(args.runs, args.seed, work, progress=True,
                      kinds=tuple(k for k in args.kinds.split(",") if k),
                      measure=not args.fixed_kill_window)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() + _children_cpu()  # while the fork server still runs
    print(f"runs:                 {totals.runs} ({totals.killed_mid_work} killed mid-work)")
    print(f"corruptions:          {totals.corruptions}")
    print(f"committed rows lost:  {totals.committed_lost}")
    print(f"partial batches:      {totals.partial_batches}")
    print(f"reruns that failed:   {totals.rerun_failures}")
    print(f"copy sources changed: {totals.source_changed}")
    print(f"orphan processes:     {totals.orphans}")
    print(f"leftover files:       {totals.leftovers}")
    print(f"claims left unmatched: {totals.unmatched}")
    print("runs by kind:         " + ", ".join(f"{k} {n}" for k, n in totals.by_kind.items()))
    print("killed mid-work:      " + ", ".join(
        f"{k} {totals.killed_by_kind.get(k, 0)}" for k in totals.by_kind))
    print("failed runs:          " + ", ".join(
        f"{k} {totals.failed_by_kind.get(k, 0)}" for k in totals.by_kind))
    print(f"time:                 {elapsed:.1f} s wall, {cpu:.1f} s CPU (with children)")
    print("kill windows:         " + (", ".join(
        f"{k} 0-{PAST_END * v:.2f} s" for k, v in _DURATIONS.items()) or
        f"{KILL_MIN_S}-{KILL_MAX_S} s"))
    print("SUMMARY " + " ".join(f"{name}={getattr(totals, name)}" for name in (
        "runs", "killed_mid_work", "corruptions", "committed_lost", "partial_batches",
        "rerun_failures", "source_changed", "orphans", "leftovers", "unmatched")))
    for problem in totals.problems[:20]:
        print(f"  {problem}")
    return 0 if totals.ok() else 1


if __name__ == "__main__":
    # Run through the importable module, so the children find the same functions by name.
    from bench import soak_kill

    sys.exit(soak_kill.main())
